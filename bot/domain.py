"""Records that flow between the layers.

Frozen dataclasses only: every stage hands one of these to the next and nothing
mutates a record in place.  This module imports nothing of ours.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

ArticleKind = Literal["full", "stub"]
PartnershipKind = Literal["partnership", "investment", "collaboration", "licensing", "alliance"]
PartnershipStatus = Literal["new", "mentioned"]


@dataclass(frozen=True)
class Article:
    """One article as read from a source, or as stored (then ``id`` is set).

    A *stub* is an article we know only by title, excerpt and link (a
    ``related[]`` entry, or a feed entry without content); ``parent_url`` /
    ``parent_id`` point at the article that listed it.
    """

    title: str
    url: str
    text: str = ""
    kind: ArticleKind = "full"
    excerpt: str = ""
    provider: str | None = None
    provider_domain: str | None = None
    published: datetime | None = None
    # True when the source gave no date and we used the time we first saw it.
    date_estimated: bool = False
    topics: tuple[str, ...] = ()
    quality: float | None = None
    heat: float | None = None
    # Where we read it from: a file path or a feed/page URL.
    origin: str = ""
    # Keys the source gave that we have no column for; never dropped.
    extra: Mapping[str, Any] = field(default_factory=dict)
    related: tuple[Article, ...] = ()
    content_hash: str = ""
    id: int | None = None
    parent_id: int | None = None
    parent_url: str | None = None

    @property
    def body(self) -> str:
        """The best text we have: the full text, else the excerpt, else the title."""
        return self.text or self.excerpt or self.title

    @property
    def words(self) -> int:
        return len(self.body.split())


@dataclass(frozen=True)
class Summary:
    text: str
    backend: str
    model: str
    # Set when the abstractive output was replaced (e.g. by the faithfulness guard).
    note: str = ""


@dataclass(frozen=True)
class SummaryKey:
    """What, besides the text, decides a summary: the summary cache's key."""

    backend: str
    model: str
    options: str  # fingerprint of the options that change the output
    prompt: str = ""  # prompt template name and version ("" when none)


@dataclass(frozen=True)
class Organisation:
    name: str
    aliases: tuple[str, ...] = ()
    parent: str | None = None
    kind: str = "company"


@dataclass(frozen=True)
class Partnership:
    org_a: str
    org_b: str
    kind: PartnershipKind
    status: PartnershipStatus
    date: datetime | None
    what: str
    evidence: str
    confidence: float
    article_urls: tuple[str, ...] = ()
    story_id: int | None = None
    id: int | None = None


@dataclass(frozen=True)
class Story:
    headline: str
    url: str
    summary: str
    article_ids: tuple[int, ...]
    outlets: tuple[tuple[str, str], ...]  # (provider, url), best source first
    first_seen: datetime | None
    last_seen: datetime | None
    topics: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    quality: float | None = None
    heat: float | None = None
    id: int | None = None


@dataclass(frozen=True)
class SourceLink:
    title: str
    url: str
    provider: str | None = None
    published: datetime | None = None


@dataclass(frozen=True)
class AnswerItem:
    text: str
    sources: tuple[SourceLink, ...] = ()


@dataclass(frozen=True)
class Answer:
    """What /partnerships, /news ask and `newsbot ask` return before rendering."""

    title: str
    items: tuple[AnswerItem, ...] = ()
    note: str = ""
    suggestions: tuple[str, ...] = ()


@dataclass(frozen=True)
class Digest:
    title: str
    date: datetime
    stories: tuple[Story, ...]
    channel: str | None = None
