"""What every source reader hands to the pipeline."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.domain import Article
from bot.errors import SourceError


@dataclass(frozen=True)
class FetchState:
    """Conditional-GET state kept per URL between runs."""

    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class SourceResult:
    """One unit of reading (a file, a feed, a page): what came in and what failed."""

    target: str
    articles: tuple[Article, ...] = ()
    errors: tuple[SourceError, ...] = ()
    # For URL sources: the state to keep for the next conditional GET.
    state: FetchState | None = None
    # True when the server said 304: nothing changed, nothing to store.
    not_modified: bool = False
    kind: str = "files"
    meta: dict[str, str] = field(default_factory=dict)
