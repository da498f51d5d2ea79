"""Builders of the big shared objects from Settings; each accepts replacements in tests.

Slack, the scheduler and the CLI all build their gazetteer, embedder and answer
context here, so the three behave alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timezone
from typing import TYPE_CHECKING

import numpy as np

from bot.config import Settings
from bot.domain import Organisation
from bot.nlp.orgs import Gazetteer, load_gazetteer

if TYPE_CHECKING:
    from bot.answers import AnswerContext
    from bot.store import Store


def build_gazetteer(settings: Settings) -> Gazetteer:
    return load_gazetteer(
        Organisation(name=o.name, aliases=tuple(o.aliases), parent=o.parent, kind=o.kind)
        for o in settings.organisations
    )


class LazyEmbed:
    """Sentence embeddings, loading the model on first use (answers that need none stay fast)."""

    def __init__(self, model: str | None = None) -> None:
        self.model = model
        self._embedder = None

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        if self._embedder is None:
            from bot.nlp.embeddings import load_embedder

            self._embedder = load_embedder(self.model) if self.model else load_embedder()
        return self._embedder.embed(list(texts))


def build_answer_context(settings: Settings, store: Store, *, gazetteer: Gazetteer | None = None,
                         embed: LazyEmbed | None = None, now: datetime | None = None) -> AnswerContext:
    from bot.answers import AnswerContext

    return AnswerContext(store=store, orgs=gazetteer or build_gazetteer(settings), embed=embed or LazyEmbed(),
                         now=now or datetime.now(timezone.utc))


def build_summarizer(settings: Settings, *, backend: str | None = None, model: str | None = None,
                     options: dict | None = None):  # type: ignore[no-untyped-def]
    """The configured summariser (``--backend``/``--model`` override the config)."""
    from bot.nlp.summarizers import base

    name = backend or settings.summarizer.backend
    if name == "auto" and "auto" not in base.registered():
        name = "extractive"
    cls = base.backend_class(name)
    raw = settings.summarizer.options if options is None and name == settings.summarizer.backend else (options or {})
    opts = base.parse_options(name, raw)
    return cls(model or settings.summarizer.model or cls.default_model, opts)
