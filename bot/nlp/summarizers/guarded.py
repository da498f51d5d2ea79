"""The faithfulness guard around an abstractive backend.

Each summary is checked against its own source (``bot.nlp.faithfulness``); one
that names a number or a name the article does not contain is replaced by the
extractive summary of that article, and the swap is logged.  Not registered:
the factory and ``auto`` wrap every abstractive backend in it.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from dataclasses import replace
from typing import ClassVar

from bot.domain import Summary, SummaryKey
from bot.nlp.faithfulness import unsupported
from bot.nlp.summarizers.base import Summarizer

# Bump when the check changes what it lets through: cached summaries are then recomputed.
GUARD_VERSION = 1
log = logging.getLogger(__name__)


class FaithfulnessGuard(Summarizer):
    name: ClassVar[str] = "guarded"
    abstractive: ClassVar[bool] = True

    def __init__(self, inner: Summarizer, fallback: Summarizer) -> None:
        super().__init__(inner.model, inner.options)
        self.inner = inner
        self.fallback = fallback

    def load(self) -> None:
        self.inner.load()

    @property
    def prompt_version(self) -> str:
        return self.inner.prompt_version

    def cache_key(self) -> SummaryKey:
        key = self.inner.cache_key()
        fallback = self.fallback.cache_key()
        mixed = f"{key.options}|guard{GUARD_VERSION}|{fallback.backend}|{fallback.model}|{fallback.options}"
        return replace(key, options=hashlib.sha256(mixed.encode()).hexdigest()[:16])

    def summarize(self, texts: Sequence[str]) -> list[Summary]:
        out = self.inner.summarize(texts)
        failing = {i: missing for i, (text, summary) in enumerate(zip(texts, out))
                   if summary.text and (missing := unsupported(summary.text, text))}
        if not failing:
            return out
        replacements = self.fallback.summarize([texts[i] for i in failing])
        for (i, missing), extract in zip(failing.items(), replacements):
            shown = ", ".join(repr(m) for m in missing[:5])
            log.info("faithfulness guard: the %s summary %r names %s, not in its article; "
                     "using the %s summary instead", self.inner.name, out[i].text[:80], shown, extract.backend)
            out[i] = replace(extract, note=f"{self.inner.name} summary replaced: {shown} not in the article")
        return out
