"""The seq2seq backend end to end on a tiny random BART saved to disk, with the Hub switched off."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from bot.errors import ConfigError, ModelError
from bot.nlp.prompts import load_prompt, prompt_for
from bot.nlp.summarizers import backend_class, parse_options
from bot.nlp.summarizers.seq2seq import Seq2SeqSummarizer, is_local
from tests.tiny_models import CORPUS, MAX_POSITIONS

FAST = {"max_new_tokens": 6, "num_beams": 1}


@pytest.fixture(autouse=True)
def _offline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")


def _backend(path: Path | str, **options: object) -> Seq2SeqSummarizer:
    backend = backend_class("seq2seq")(str(path), parse_options("seq2seq", {**FAST, **options}))
    assert isinstance(backend, Seq2SeqSummarizer)
    return backend


def test_end_to_end_from_a_local_folder_keeps_input_order(tiny_bart: Path) -> None:
    backend = _backend(tiny_bart, batch_size=2)
    texts = [CORPUS[0], CORPUS[2] + " " + CORPUS[3], CORPUS[1], "", CORPUS[4] * 3]
    batched = backend.summarize(texts)
    alone = [backend.summarize([t])[0] for t in texts]
    assert [s.text for s in batched] == [s.text for s in alone]
    # A random model still answers differently to different articles: the comparison above can fail.
    assert len({s.text for s in batched if s.text}) >= 3
    assert batched[3].text == ""
    assert {(s.backend, s.model) for s in batched} == {("seq2seq", str(tiny_bart))}


def test_model_loads_once(tiny_bart: Path) -> None:
    backend = _backend(tiny_bart)
    backend.summarize([CORPUS[0]])
    first = backend._loaded
    backend.summarize([CORPUS[1]])
    assert first is not None and backend._loaded is first


class _Recording(Seq2SeqSummarizer):
    """The real tokenizer and batching, with generate() replaced by an echo of each prompt's length."""

    def _run(self, prompts: Sequence[str], loaded: object) -> list[str]:
        self.batches.append([len(p) for p in prompts])
        return [f"len={len(p)}" for p in prompts]


def test_batches_run_longest_first_and_come_back_in_order(tiny_bart: Path) -> None:
    backend = _Recording(str(tiny_bart), parse_options("seq2seq", {"batch_size": 2}))
    backend.batches = []
    texts = ["short one.", CORPUS[0] + " " + CORPUS[1], "mid length text here.", CORPUS[2]]
    out = backend.summarize(texts)
    assert [s.text for s in out] == [f"len={len(t)}" for t in texts]
    flat = [n for batch in backend.batches for n in batch]
    assert flat == sorted(flat, reverse=True) and [len(b) for b in backend.batches] == [2, 2]


def test_long_input_is_truncated_to_the_model_limit(tiny_bart: Path) -> None:
    backend = _backend(tiny_bart)
    long_text = " ".join(CORPUS * 60)  # thousands of tokens against 64 positions
    [summary] = backend.summarize([long_text])
    assert summary.text
    loaded = backend._loaded
    assert loaded is not None and loaded.max_input == MAX_POSITIONS
    fitted = backend._fit(long_text, loaded)
    assert len(loaded.tokenizer(fitted)["input_ids"]) <= MAX_POSITIONS
    assert fitted.split()[:5] == long_text.split()[:5]  # the lead survives, the tail goes


def test_max_input_tokens_caps_below_the_model_limit_and_the_prompt_survives(tiny_bart: Path) -> None:
    backend = _backend(tiny_bart, max_input_tokens=16, prompt="flan-t5")
    [summary] = backend.summarize([" ".join(CORPUS * 5)])
    loaded = backend._loaded
    assert loaded is not None and loaded.max_input == 16
    fitted = backend._fit(" ".join(CORPUS * 5), loaded)
    assert fitted.startswith("summarize: ")
    assert len(loaded.tokenizer(fitted)["input_ids"]) <= 16
    assert backend.prompt_version.startswith("flan-t5@v1")


def test_prompt_follows_the_model_family(tiny_bart: Path) -> None:
    assert _backend(tiny_bart).prompt_version.startswith("bart@v1")  # config.json says model_type bart
    assert _backend("/nowhere/flan-t5-small").prompt.name == "flan-t5"


def test_cache_key_ignores_speed_options_but_not_generation_options(tiny_bart: Path) -> None:
    base = _backend(tiny_bart).cache_key()
    assert _backend(tiny_bart, batch_size=32, device="cpu").cache_key() == base
    assert _backend(tiny_bart, num_beams=2).cache_key() != base
    assert _backend(tiny_bart, prompt="flan-t5").cache_key().prompt != base.prompt


@pytest.mark.parametrize("options, message", [
    ({"num_beam": 2}, "summarizer.options.num_beam"),
    ({"num_beams": 0}, "summarizer.options.num_beams"),
    ({"min_new_tokens": 50, "max_new_tokens": 10}, "exceeds max_new_tokens"),
    ({"device": "tpu"}, "summarizer.options.device"),
])
def test_options_are_strict(options: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        parse_options("seq2seq", options)


def test_unknown_prompt_template_is_a_config_error(tiny_bart: Path) -> None:
    with pytest.raises(ConfigError, match="no prompt template 'llama'") as info:
        _backend(tiny_bart, prompt="llama")
    assert info.value.hint and "flan-t5" in info.value.hint


def test_missing_local_model_says_what_to_do(tmp_path: Path) -> None:
    backend = _backend(tmp_path / "no-such-model")
    assert backend.summarize([""])[0].text == ""  # nothing to summarise loads nothing
    with pytest.raises(ModelError, match="no model folder") as info:
        backend.summarize(["Some text."])
    assert "save_pretrained" in (info.value.hint or "")


def test_uncached_hub_model_offline_says_what_to_do() -> None:
    backend = _backend("newsbot-tests/no-such-model")
    with pytest.raises(ModelError, match="not in the local Hugging Face cache") as info:
        backend.load()
    assert "local folder" in (info.value.hint or "") and "HF_HUB_OFFLINE" in (info.value.hint or "")


@pytest.mark.parametrize("model, local", [
    ("sshleifer/distilbart-cnn-12-6", False), ("t5-small", False), ("/models/bart", True),
    ("./bart", True), ("models/bart/v2", True),
])
def test_local_paths_are_told_from_hub_ids(model: str, local: bool) -> None:
    assert is_local(model) is local


@pytest.mark.parametrize("model, model_type, expected", [
    ("google/flan-t5-base", None, "flan-t5"),
    ("t5-small", None, "flan-t5"),
    ("sshleifer/distilbart-cnn-12-6", None, "bart"),
    ("/srv/models/my-summariser", "t5", "flan-t5"),
    ("/srv/models/my-summariser", "pegasus", "bart"),
    ("someone/unknown-model", None, "default"),
])
def test_prompt_for_model(model: str, model_type: str | None, expected: str) -> None:
    assert prompt_for(model, model_type).name == expected


def test_prompt_key_changes_with_version_or_template(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").write_text('version: 1\ntemplate: "summarize: {text}"\n')
    first = load_prompt("x", tmp_path).key
    load_prompt.cache_clear()
    (tmp_path / "x.yaml").write_text('version: 2\ntemplate: "summarize: {text}"\n')
    second = load_prompt("x", tmp_path).key
    load_prompt.cache_clear()
    (tmp_path / "x.yaml").write_text('version: 2\ntemplate: "Summarise: {text}"\n')
    third = load_prompt("x", tmp_path).key
    load_prompt.cache_clear()
    assert len({first, second, third}) == 3
    assert load_prompt("x", tmp_path).render("A {b} c") == "Summarise: A {b} c"


@pytest.mark.parametrize("content, message", [
    ("version: 1\ntemplate: no slot\n", "{text}"),
    ("template: '{text}'\n", "version"),
    ("[1, 2]\n", "mapping"),
])
def test_broken_prompt_files_are_config_errors(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "bad.yaml").write_text(content)
    load_prompt.cache_clear()
    with pytest.raises(ConfigError, match=message):
        load_prompt("bad", tmp_path)


def test_prompt_names_cannot_leave_the_folder(tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        load_prompt("../bart", tmp_path / "sub")


def test_shipped_templates_load() -> None:
    assert load_prompt("bart").is_identity and load_prompt("default").is_identity
    assert load_prompt("flan-t5").render("x") == "summarize: x"


def test_unreachable_hub_fails_at_once_with_what_to_do(monkeypatch: pytest.MonkeyPatch) -> None:
    import huggingface_hub.constants

    monkeypatch.delenv("HF_HUB_OFFLINE")
    # Nothing listens on port 9: the reachability check is refused at once, as on a machine without network.
    monkeypatch.setattr(huggingface_hub.constants, "ENDPOINT", "http://127.0.0.1:9")
    with pytest.raises(ModelError, match="the Hugging Face Hub is unreachable") as info:
        _backend("newsbot-tests/no-such-model").load()
    assert "local folder" in (info.value.hint or "") and "cache fills" in (info.value.hint or "")


def test_cuda_asked_for_without_one_says_so(tiny_bart: Path) -> None:
    import torch

    if torch.cuda.is_available():
        pytest.skip("this machine has CUDA")
    with pytest.raises(ModelError, match="no CUDA device") as info:
        _backend(tiny_bart, device="cuda").load()
    assert "device: auto" in (info.value.hint or "")
