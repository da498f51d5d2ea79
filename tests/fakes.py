"""Fake summariser backends: cheap, deterministic and counting their calls."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from pydantic import Field

from bot.domain import Summary
from bot.nlp.summarizers.base import BackendOptions, Summarizer


class FakeOptions(BackendOptions):
    cache_neutral: ClassVar[frozenset[str]] = frozenset({"batch_size"})

    words: int = Field(8, ge=1)
    batch_size: int = 8


class FakeExtractive(Summarizer):
    """The first ``words`` words of each text: extractive-like, no model."""

    name: ClassVar[str] = "test-extractive"
    Options: ClassVar[type[BackendOptions]] = FakeOptions

    def __init__(self, model: str = "", options: BackendOptions | None = None) -> None:
        super().__init__(model or "first-words", options or FakeOptions())
        assert isinstance(self.options, FakeOptions)
        self.words = self.options.words
        self.calls: list[list[str]] = []

    def summarize(self, texts: Sequence[str]) -> list[Summary]:
        self.calls.append(list(texts))
        return [Summary(text=" ".join(t.split()[: self.words]), backend=self.name, model=self.model)
                for t in texts]

    @property
    def computed(self) -> int:
        return sum(len(c) for c in self.calls)


class FakeAbstractive(FakeExtractive):
    """Writes whatever ``write`` makes of each text (an invented name, say)."""

    name: ClassVar[str] = "test-abstractive"
    abstractive: ClassVar[bool] = True

    def __init__(self, write: Callable[[str], str] | None = None, model: str = "fake-abstractive",
                 options: BackendOptions | None = None) -> None:
        super().__init__(model, options)
        self.write = write or (lambda text: " ".join(text.split()[:5]))

    def summarize(self, texts: Sequence[str]) -> list[Summary]:
        self.calls.append(list(texts))
        return [Summary(text=self.write(t), backend=self.name, model=self.model) for t in texts]
