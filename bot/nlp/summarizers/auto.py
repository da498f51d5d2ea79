"""The default backend: abstractive (seq2seq) when its model loads, else extractive.

A machine that cannot reach the Hugging Face Hub and has no local copy of the
model still gets summaries; it says so once, with what to do about it.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any, ClassVar

from pydantic import Field

from bot.domain import Summary, SummaryKey
from bot.errors import ConfigError, ModelError
from bot.nlp.summarizers.base import BackendOptions, Summarizer, backend_class, parse_options, register
from bot.nlp.summarizers.guarded import FaithfulnessGuard
from bot.nlp.summarizers.seq2seq import DEFAULT_SEQ2SEQ_MODEL, Seq2SeqOptions, Seq2SeqSummarizer

log = logging.getLogger(__name__)


class AutoOptions(Seq2SeqOptions):
    """The seq2seq options, plus the extractive backend's for when it stands in."""

    extractive: dict[str, Any] = Field(default_factory=dict)


def build_extractive(raw: dict[str, Any] | None = None) -> Summarizer:
    """The registered extractive backend with ``raw`` options (checked here)."""
    cls = backend_class("extractive")
    try:
        options = parse_options("extractive", raw)
    except ConfigError as exc:
        raise ConfigError(exc.message.replace("summarizer.options.", "summarizer.options.extractive.", 1),
                          hint=exc.hint) from None
    return cls(cls.default_model, options)


@register
class AutoSummarizer(Summarizer):
    name: ClassVar[str] = "auto"
    Options: ClassVar[type[BackendOptions]] = AutoOptions
    default_model: ClassVar[str] = DEFAULT_SEQ2SEQ_MODEL

    def __init__(self, model: str, options: BackendOptions, *, seq2seq: Summarizer | None = None,
                 extractive: Summarizer | None = None) -> None:
        super().__init__(model, options)
        assert isinstance(options, AutoOptions)
        self.extractive = extractive or build_extractive(options.extractive)
        self.seq2seq = seq2seq or Seq2SeqSummarizer(model, Seq2SeqOptions(**options.model_dump(exclude={"extractive"})))
        self._chosen: Summarizer | None = None

    def choose(self) -> Summarizer:
        """The backend that does the work, decided (by loading the model) on first use."""
        if self._chosen is None:
            try:
                self.seq2seq.load()
            except ModelError as exc:
                log.warning("summaries: using the extractive summariser, because %s. For abstractive "
                            "summaries, %s.", exc.message, exc.hint or "check summarizer.model")
                self._chosen = self.extractive
            else:
                self._chosen = FaithfulnessGuard(self.seq2seq, self.extractive)
        return self._chosen

    def load(self) -> None:
        self.choose().load()

    @property
    def prompt_version(self) -> str:
        return self.choose().prompt_version

    def cache_key(self) -> SummaryKey:
        # The key of what really summarises: a fallback's summaries are not the model's.
        return self.choose().cache_key()

    def summarize(self, texts: Sequence[str]) -> list[Summary]:
        return self.choose().summarize(texts) if texts else []
