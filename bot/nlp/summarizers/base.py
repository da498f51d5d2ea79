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

from bot.domain import Summary
from bot.errors import ConfigError


class BackendOptions(BaseModel):
    """Base of every backend's options: unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Summarizer(ABC):
    name: ClassVar[str]
    Options: ClassVar[type[BackendOptions]] = BackendOptions

    def __init__(self, model: str, options: BackendOptions) -> None:
        self.model = model
        self.options = options

    @abstractmethod
    def summarize(self, texts: Sequence[str]) -> list[Summary]:
        """One summary per text, in the same order."""

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
