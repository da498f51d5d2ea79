"""Prompt templates for seq2seq models, one YAML file per model family, versioned.

The templates ship inside the package (``bot/prompts/*.yaml``, package data), so
they are found from a source checkout and from an installed wheel alike; the
design's top-level ``prompts/`` is this folder.  A file holds::

    version: 1                      # bump when the template changes
    models: [flan-t5, t5-]          # substrings of model ids this family covers
    model_types: [t5]               # config.json model_type values it covers
    template: "summarize: {text}"

``PromptTemplate.key`` (name, version and a digest of the template) is part of the
summary cache key, so an edited template recomputes cached summaries even when
someone forgets to bump the version.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from bot.errors import ConfigError

PROMPTS_DIR = Path(__file__).resolve().parent.parent / "prompts"
DEFAULT_PROMPT = "default"
_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


@dataclass(frozen=True)
class PromptTemplate:
    name: str
    version: int
    template: str
    models: tuple[str, ...] = ()
    model_types: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        digest = hashlib.sha256(self.template.encode()).hexdigest()[:8]
        return f"{self.name}@v{self.version}.{digest}"

    @property
    def is_identity(self) -> bool:
        return self.template == "{text}"

    def render(self, text: str) -> str:
        # Not str.format: braces elsewhere in a template must stay as written.
        return self.template.replace("{text}", text)


def available(directory: Path = PROMPTS_DIR) -> list[str]:
    return sorted(p.stem for p in directory.glob("*.yaml"))


def _parse(name: str, path: Path) -> PromptTemplate:
    where = f"prompt template {path}"
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{where}: cannot read it: {exc}") from None
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: expected a mapping with version: and template:")
    version, template = raw.get("version"), raw.get("template")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ConfigError(f"{where}: version must be a whole number from 1", hint="e.g. version: 1")
    if not isinstance(template, str) or "{text}" not in template:
        raise ConfigError(f"{where}: template must be a string with {{text}} where the article goes")
    models = raw.get("models") or []
    model_types = raw.get("model_types") or []
    if not all(isinstance(m, str) for m in [*models, *model_types]):
        raise ConfigError(f"{where}: models and model_types must be lists of strings")
    return PromptTemplate(name=name, version=version, template=template,
                          models=tuple(m.casefold() for m in models),
                          model_types=tuple(m.casefold() for m in model_types))


@lru_cache(maxsize=32)
def load_prompt(name: str, directory: Path = PROMPTS_DIR) -> PromptTemplate:
    """The template called ``name`` (a file ``name.yaml`` in ``directory``)."""
    path = directory / f"{name}.yaml"
    if not _NAME.match(name) or not path.is_file():
        raise ConfigError(
            f"summarizer.options.prompt: no prompt template {name!r}",
            hint=f"choose one of {', '.join(available(directory))} (files in {directory})",
        )
    return _parse(name, path)


def prompt_for(model: str, model_type: str | None = None, directory: Path = PROMPTS_DIR) -> PromptTemplate:
    """The template for a model: by its config's model_type, else by its id, else the default."""
    templates = [load_prompt(n, directory) for n in available(directory) if n != DEFAULT_PROMPT]
    if model_type:
        for template in templates:
            if model_type.casefold() in template.model_types:
                return template
    model_id = model.casefold()
    for template in templates:
        if any(part in model_id for part in template.models):
            return template
    return load_prompt(DEFAULT_PROMPT, directory)
