"""Abstractive summaries from a Hugging Face seq2seq model (BART, PEGASUS, T5 ...).

transformers 5 has no summarization pipeline, so this is the pipeline's core:
render the family's prompt template, tokenize (truncated to what the model can
read), ``generate``, decode.  Texts are batched longest first, which wastes the
least padding, and the summaries are returned in input order.  The model loads
on the first ``summarize`` (or ``load``), once, from a local folder or the Hub;
with ``HF_HUB_OFFLINE`` set or a local path, nothing is fetched.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Literal

from pydantic import Field, model_validator

from bot.domain import Summary
from bot.errors import ModelError
from bot.nlp.prompts import PromptTemplate, load_prompt, prompt_for
from bot.nlp.summarizers.base import BackendOptions, Summarizer, register

DEFAULT_SEQ2SEQ_MODEL = "sshleifer/distilbart-cnn-12-6"
# generate()'s own default length (20 tokens) cuts summaries mid-sentence; used
# only when neither the options nor the model's generation config say otherwise.
_FALLBACK_MAX_NEW_TOKENS = 128
log = logging.getLogger(__name__)


class Seq2SeqOptions(BackendOptions):
    """Generation settings; those left unset come from the model's own generation config."""

    cache_neutral: ClassVar[frozenset[str]] = frozenset({"batch_size", "device"})

    num_beams: int | None = Field(None, ge=1, le=32)
    max_new_tokens: int | None = Field(None, ge=1, le=2048)
    min_new_tokens: int | None = Field(None, ge=0, le=2048)
    no_repeat_ngram_size: int | None = Field(None, ge=0, le=20)
    length_penalty: float | None = Field(None, ge=-10.0, le=10.0)
    batch_size: int = Field(8, ge=1, le=512, description="Texts per generate() call.")
    device: Literal["auto", "cpu", "cuda"] = "auto"
    prompt: str | None = Field(None, description="Template name in prompts/; unset: chosen by model family.")
    max_input_tokens: int | None = Field(None, ge=8, description="Read at most this many tokens (below the model's limit).")

    @model_validator(mode="after")
    def _lengths(self) -> Seq2SeqOptions:
        if self.min_new_tokens is not None and self.max_new_tokens is not None \
                and self.min_new_tokens > self.max_new_tokens:
            raise ValueError(f"min_new_tokens ({self.min_new_tokens}) exceeds max_new_tokens ({self.max_new_tokens})")
        return self


def is_local(model: str) -> bool:
    """A folder on disk, or something meant as one (a Hub id is ``name`` or ``owner/name``)."""
    if Path(model).expanduser().exists():
        return True
    return model.startswith(("/", "./", "../", "~")) or model.count("/") > 1 or "\\" in model


def _offline() -> bool:
    return os.environ.get("HF_HUB_OFFLINE", "").strip().lower() in ("1", "true", "yes", "on")


def _hub_reachable(timeout: float = 3.0) -> bool:
    """One quick TCP connect to the Hub, so a machine without access falls back in seconds
    instead of sitting through huggingface_hub's retries."""
    import socket
    from urllib.parse import urlsplit

    from huggingface_hub import constants

    parts = urlsplit(constants.ENDPOINT)
    try:
        with socket.create_connection((parts.hostname or "huggingface.co", parts.port or 443), timeout=timeout):
            return True
    except OSError:
        return False


def _cached_model_type(model: str) -> str | None:
    """config.json's model_type without loading the model (local folder or Hub cache), if at hand."""
    path: Path | None = Path(model).expanduser() / "config.json"
    if not path.is_file():
        path = None
        if not is_local(model):
            from huggingface_hub import try_to_load_from_cache

            found = try_to_load_from_cache(model, "config.json")
            path = Path(found) if isinstance(found, str) else None
    if path is None:
        return None
    try:
        value = json.loads(path.read_text(encoding="utf-8")).get("model_type")
    except (OSError, ValueError):
        return None
    return value if isinstance(value, str) else None


@dataclass
class _Loaded:
    tokenizer: Any
    model: Any
    device: str
    max_input: int


def _input_limit(tokenizer: Any, model: Any, cap: int | None) -> int:
    limits = [n for n in (getattr(model.config, "max_position_embeddings", None),
                          getattr(model.config, "n_positions", None)) if isinstance(n, int) and n > 0]
    # Tokenizers without a recorded limit report a huge sentinel (about 1e30).
    if isinstance(tokenizer.model_max_length, int) and tokenizer.model_max_length < 1_000_000:
        limits.append(tokenizer.model_max_length)
    limit = min(limits) if limits else 512
    return min(limit, cap) if cap else limit


def _in_hub_cache(model: str) -> bool:
    from huggingface_hub import try_to_load_from_cache

    return isinstance(try_to_load_from_cache(model, "config.json"), str)


def _not_cached(model: str, why: str) -> ModelError:
    how = "unset HF_HUB_OFFLINE for one run" if _offline() else "run once where the Hub is reachable"
    return ModelError(f"cannot load the summarisation model {model!r}: it is not in the local Hugging Face "
                      f"cache and {why}",
                      hint=f"set summarizer.model to a local folder holding the model, or {how} so the cache fills")


def _load_error(model: str, exc: Exception) -> ModelError:
    first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if is_local(model) and not Path(model).expanduser().exists():
        return ModelError(f"summarizer.model: no model folder at {model}",
                          hint="give the folder that save_pretrained() wrote (model and tokenizer), or a Hub id")
    if is_local(model):
        return ModelError(f"cannot load the summarisation model in {model}: {first_line}",
                          hint="the folder needs config.json, the weights and the tokenizer files "
                               "(save both the model and the tokenizer with save_pretrained)")
    if _offline():
        return _not_cached(model, "HF_HUB_OFFLINE is set")
    if "connect" in first_line.lower() or "cached" in first_line.lower():
        return _not_cached(model, "the Hugging Face Hub is unreachable")
    return ModelError(f"cannot load the summarisation model {model!r}: {first_line}",
                      hint="check summarizer.model: a Hub id of a seq2seq model, or a local folder")


def _from_pretrained(source: str, local_only: bool) -> tuple[Any, Any]:
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(source, local_files_only=local_only)
    model = AutoModelForSeq2SeqLM.from_pretrained(source, local_files_only=local_only)
    return tokenizer, model


_LOAD_ERRORS = (OSError, ValueError, KeyError, ImportError)


@register
class Seq2SeqSummarizer(Summarizer):
    name: ClassVar[str] = "seq2seq"
    Options: ClassVar[type[BackendOptions]] = Seq2SeqOptions
    default_model: ClassVar[str] = DEFAULT_SEQ2SEQ_MODEL
    abstractive: ClassVar[bool] = True

    def __init__(self, model: str, options: BackendOptions) -> None:
        super().__init__(model, options)
        assert isinstance(options, Seq2SeqOptions)
        self.opts = options
        self._loaded: _Loaded | None = None
        self._prompt: PromptTemplate | None = None
        if options.prompt is not None:
            self._prompt = load_prompt(options.prompt)  # an unknown name is a ConfigError now, not later

    @property
    def prompt(self) -> PromptTemplate:
        if self._prompt is None:
            model_type = None
            if self._loaded is not None:
                model_type = getattr(self._loaded.model.config, "model_type", None)
            else:
                model_type = _cached_model_type(self.model)
            template = prompt_for(self.model, model_type)
            if self._loaded is None:
                return template  # not memoised: the model's own config may say otherwise once loaded
            self._prompt = template
        return self._prompt

    @property
    def prompt_version(self) -> str:
        return self.prompt.key

    def _device(self) -> str:
        import torch

        if self.opts.device == "cuda" and not torch.cuda.is_available():
            raise ModelError("summarizer.options.device is cuda, but torch sees no CUDA device",
                             hint="set device: auto (or cpu), or install a CUDA build of torch")
        if self.opts.device == "auto":
            return "cuda" if torch.cuda.is_available() else "cpu"
        return self.opts.device

    def load(self) -> None:
        if self._loaded is not None:
            return
        from transformers.utils import logging as hf_logging

        device = self._device()
        source = str(Path(self.model).expanduser()) if is_local(self.model) else self.model
        local_only = _offline() or is_local(self.model)
        # The weight-loading bar would land in the middle of the CLI's own output.
        hf_logging.disable_progress_bar()
        try:
            pair = None
            if not local_only and _in_hub_cache(self.model):
                # Cached: load without asking the Hub about updates, which stalls when it is unreachable.
                try:
                    pair = _from_pretrained(source, True)
                except _LOAD_ERRORS:
                    pair = None  # only partly cached: fetch the rest below
            if pair is None:
                if not local_only and not _hub_reachable():
                    raise _not_cached(self.model, "the Hugging Face Hub is unreachable")
                pair = _from_pretrained(source, local_only)
        except _LOAD_ERRORS as exc:
            raise _load_error(self.model, exc) from None
        finally:
            hf_logging.enable_progress_bar()
        tokenizer, model = pair
        model.to(device)
        model.eval()
        self._loaded = _Loaded(tokenizer, model, device, _input_limit(tokenizer, model, self.opts.max_input_tokens))
        log.info("summarisation model %s loaded on %s (reads up to %d tokens, prompt %s)",
                 self.model, device, self._loaded.max_input, self.prompt.key)

    def _fit(self, text: str, loaded: _Loaded) -> str:
        """The rendered prompt, its article cut so the whole fits the model's input limit."""
        template = self.prompt
        tokenizer = loaded.tokenizer
        overhead = len(tokenizer(template.render(""))["input_ids"])
        budget = max(loaded.max_input - overhead, 1)
        # One token over the budget tells us whether to cut, without tokenizing a whole book.
        ids = tokenizer(text, add_special_tokens=False, truncation=True, max_length=budget + 1)["input_ids"]
        if len(ids) > budget:
            # Cut the article, not the prompt: an instruction after {text} must survive.
            text = tokenizer.decode(ids[:budget], skip_special_tokens=True)
        return template.render(text)

    def _generate_kwargs(self, model: Any) -> dict[str, Any]:
        opts = self.opts
        kwargs: dict[str, Any] = {
            key: value
            for key, value in (("num_beams", opts.num_beams), ("max_new_tokens", opts.max_new_tokens),
                               ("min_new_tokens", opts.min_new_tokens),
                               ("no_repeat_ngram_size", opts.no_repeat_ngram_size),
                               ("length_penalty", opts.length_penalty))
            if value is not None
        }
        config = model.generation_config
        if "max_new_tokens" not in kwargs and getattr(config, "max_new_tokens", None) is None \
                and getattr(config, "max_length", 20) in (None, 20):
            kwargs["max_new_tokens"] = _FALLBACK_MAX_NEW_TOKENS
        return kwargs

    def _run(self, prompts: Sequence[str], loaded: _Loaded) -> list[str]:
        import torch

        batch = loaded.tokenizer(list(prompts), return_tensors="pt", padding=True, truncation=True,
                                 max_length=loaded.max_input).to(loaded.device)
        try:
            with torch.inference_mode():
                output = loaded.model.generate(**batch, **self._generate_kwargs(loaded.model))
        except torch.cuda.OutOfMemoryError:
            raise ModelError(f"the GPU ran out of memory summarising {len(prompts)} texts with {self.model}",
                             hint="lower summarizer.batch_size (or summarizer.options.batch_size)") from None
        return [" ".join(t.split()) for t in loaded.tokenizer.batch_decode(output, skip_special_tokens=True)]

    def summarize(self, texts: Sequence[str]) -> list[Summary]:
        out = [""] * len(texts)
        todo = [i for i, t in enumerate(texts) if t.strip()]
        if todo:
            self.load()
            loaded = self._loaded
            assert loaded is not None
            prompts = {i: self._fit(texts[i], loaded) for i in todo}
            lengths = {i: len(loaded.tokenizer(prompts[i])["input_ids"]) for i in todo}
            order = sorted(todo, key=lambda i: -lengths[i])
            size = self.opts.batch_size
            for start in range(0, len(order), size):
                chunk = order[start:start + size]
                for i, summary in zip(chunk, self._run([prompts[i] for i in chunk], loaded)):
                    out[i] = summary
        return [Summary(text=t, backend=self.name, model=self.model) for t in out]
