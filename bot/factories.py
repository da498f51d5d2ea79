"""Builders of the big shared objects from Settings; each accepts replacements in tests.

Slack, the scheduler and the CLI all build their gazetteer, embedder and answer
context here, so the three behave alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

import numpy as np

from bot.config import Settings
from bot.domain import Organisation
from bot.nlp.orgs import Gazetteer, load_gazetteer

if TYPE_CHECKING:
    from bot.answers import AnswerContext
    from bot.nlp.summarizers.base import Summarizer
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
                     batch_size: int | None = None, options: dict[str, Any] | None = None) -> Summarizer:
    """The configured summariser (``backend``/``model``/``batch_size``/``options`` override the config).

    Abstractive backends come wrapped in the faithfulness guard, with the
    extractive backend standing in for summaries that fail it.  Tests choose a
    fake by registering it under a name of their own and naming it in the config.
    Nothing loads here: models load on the first summary.
    """
    import bot.nlp.summarizers  # noqa: F401  (registers the built-in backends)
    from bot.nlp.summarizers.auto import build_extractive
    from bot.nlp.summarizers.base import backend_class, parse_options
    from bot.nlp.summarizers.guarded import FaithfulnessGuard

    conf = settings.summarizer
    name = backend or conf.backend
    cls = backend_class(name)
    # The configured options belong to the configured backend, not to one named on the command line.
    raw = dict(options) if options is not None else dict(conf.options) if name == conf.backend else {}
    if "batch_size" in cls.Options.model_fields and (batch_size is not None or "batch_size" not in raw):
        raw["batch_size"] = batch_size or conf.batch_size
    summarizer = cls(model or conf.model or cls.default_model, parse_options(name, raw))
    if cls.abstractive:
        return FaithfulnessGuard(summarizer, build_extractive())
    return summarizer
