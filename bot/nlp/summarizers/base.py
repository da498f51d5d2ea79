"""The summariser interface and its registry.

A backend is a class with a strict pydantic options model, registered by name;
config picks one (``summarizer.backend``).  Everything is batch-first:
``summarize(texts) -> list[Summary]`` with one summary per input, in order.
"""

from __future__ import annotations

import hashlib
import json
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, ValidationError

from bot.domain import Summary, SummaryKey
from bot.errors import ConfigError


class BackendOptions(BaseModel):
    """Base of every backend's options: unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    # Options that change how fast a summary is made, not what it says (batch size,
    # device): left out of the cache key so changing them recomputes nothing.
    cache_neutral: ClassVar[frozenset[str]] = frozenset()

    def fingerprint(self) -> str:
        payload = json.dumps(self.model_dump(mode="json", exclude=set(self.cache_neutral)), sort_keys=True)
        return hashlib.sha256(payload.encode()).hexdigest()[:16]


class Summarizer(ABC):
    name: ClassVar[str]
    Options: ClassVar[type[BackendOptions]] = BackendOptions
    # The model used when summarizer.model is not set.
    default_model: ClassVar[str] = ""
    # Writes new text (rather than picking sentences), so the faithfulness guard applies.
    abstractive: ClassVar[bool] = False

    def __init__(self, model: str, options: BackendOptions) -> None:
        self.model = model
        self.options = options

    @abstractmethod
    def summarize(self, texts: Sequence[str]) -> list[Summary]:
        """One summary per text, in the same order."""

    def load(self) -> None:
        """Load models now rather than on the first ``summarize``; raises ModelError."""

    @property
    def prompt_version(self) -> str:
        """Bumped by backends whose prompt templates change their output."""
        return ""

    def fingerprint(self) -> str:
        """What, besides the text, decides the output: the summary-cache key part."""
        payload = json.dumps(
            {
                "backend": self.name,
                "model": self.model,
                "options": self.options.model_dump(mode="json"),
                "prompt": self.prompt_version,
            },
            sort_keys=True,
        )
        return hashlib.sha256(payload.encode()).hexdigest()[:16]

    def cache_key(self) -> SummaryKey:
        """The summary cache's key for this backend as configured."""
        return SummaryKey(backend=self.name, model=self.model, options=self.options.fingerprint(),
                          prompt=self.prompt_version)


_REGISTRY: dict[str, type[Summarizer]] = {}


def register(cls: type[Summarizer]) -> type[Summarizer]:
    _REGISTRY[cls.name] = cls
    return cls


def registered() -> list[str]:
    return sorted(_REGISTRY)


def backend_class(name: str) -> type[Summarizer]:
    try:
        return _REGISTRY[name]
    except KeyError:
        raise ConfigError(
            f"summarizer.backend: unknown backend {name!r}",
            hint=f"choose one of {', '.join(registered())}",
        ) from None


def parse_options(name: str, raw: dict[str, Any] | None) -> BackendOptions:
    cls = backend_class(name)
    try:
        return cls.Options(**(raw or {}))
    except ValidationError as exc:
        first = exc.errors()[0]
        path = ".".join(str(p) for p in first["loc"])
        raise ConfigError(
            f"summarizer.options.{path}: {first['msg']}",
            hint=f"valid options for {name!r}: {', '.join(cls.Options.model_fields)}",
        ) from None


SummarizerFactory = Callable[[str, dict[str, Any] | None], Summarizer]
