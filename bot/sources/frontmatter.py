"""YAML front matter: a '---' fenced YAML mapping before a body."""

from __future__ import annotations

import re
from typing import Any

import yaml

_FENCE = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)(?:\r?\n)---[ \t]*(?:\r?\n|\Z)(.*)\Z", re.S)
# An opening fence with no closing one: report it instead of treating the YAML as body text.
_OPEN_ONLY = re.compile(r"\A\ufeff?---[ \t]*\r?\n")


class FrontMatterError(ValueError):
    """The front matter is present but unreadable; the message says where."""


def has_front_matter(text: str) -> bool:
    return bool(_OPEN_ONLY.match(text))


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """Return (metadata, body).  Text without front matter gives ({}, text)."""
    if not has_front_matter(text):
        return {}, text
    match = _FENCE.match(text)
    if match is None:
        raise FrontMatterError("front matter opens with '---' but never closes; add a closing '---' line")
    raw, body = match.group(1), match.group(2)
    try:
        meta = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise FrontMatterError(f"malformed YAML front matter{where}: {problem}") from None
    except (ValueError, OverflowError, RecursionError) as exc:
        # PyYAML's constructors raise these on e.g. impossible timestamps.
        raise FrontMatterError(f"malformed YAML front matter: {exc}") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise FrontMatterError(f"front matter must be a YAML mapping of keys, not a {type(meta).__name__}")
    return meta, body
