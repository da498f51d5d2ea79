"""Feeds -> articles: RSS 0.9x/1.0/2.0 and Atom through feedparser, JSON Feed by us.

feedparser 6.0 does not read JSON Feed, so ``parse_json_feed`` maps JSON Feed
1.0/1.1 onto the same intermediate entry as feedparser's output; one function
then turns an entry into an ``Article``.

Full article or excerpt?  An entry is *full* when its longest body (content,
else summary/description) has at least ``FULL_TEXT_MIN_WORDS`` words and does
not end in a truncation mark ("…", "[...]", "Read more", "Continue reading").
Anything shorter is only an excerpt: it becomes a ``stub`` article (title,
excerpt, link), and with ``fetch_full_text: true`` the page behind it is
fetched to make it full.
"""

from __future__ import annotations

import io
import json
import logging
import re
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser

from bot.domain import Article
from bot.errors import ParseError, SourceError
from bot.sources.normalize import canonical_url, clean_line, clean_text, content_hash, to_utc

log = logging.getLogger(__name__)

FULL_TEXT_MIN_WORDS = 150
# Excerpts are cut to this many characters: a feed's "summary" can be a whole article
# that we nonetheless judged truncated.
EXCERPT_MAX_CHARS = 600

_TRUNCATED = re.compile(
    r"(?:…|\.\.\.|\[\s*(?:…|\.\.\.)\s*\]|\b(?:read|see) (?:more|the full (?:story|article))\b.{0,40}|"
    r"\bcontinue reading\b.{0,80}|\bthe post .{1,200} appeared first on .{1,100})\s*$",
    re.I | re.S,
)
_JSON_FEED_VERSION = re.compile(r"^https?://jsonfeed\.org/version/1(\.\d+)?/?$")


@dataclass(frozen=True)
class FeedEntry:
    """One feed entry, whatever the format, before it becomes an Article."""

    title: str = ""
    link: str = ""
    entry_id: str = ""
    content: str = ""  # the richest body the entry carries (HTML or text)
    summary: str = ""
    published: datetime | None = None
    author: str = ""
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class ParsedFeed:
    title: str
    link: str
    entries: tuple[FeedEntry, ...]
    # Set when the feed was not well-formed but entries could still be read.
    warning: str = ""
    extra: Mapping[str, str] = field(default_factory=dict)


# -- decisions (pure) ------------------------------------------------------------------------------


def is_excerpt(text: str) -> bool:
    """True when ``text`` (clean) is too short or visibly cut to be the whole article."""
    if len(text.split()) < FULL_TEXT_MIN_WORDS:
        return True
    return bool(_TRUNCATED.search(text[-300:]))


def _http_url(value: str, base: str) -> str:
    """The canonical absolute http(s) URL for a link, or "" for anything else (mailto:, broken ones)."""
    if not value:
        return ""
    try:
        absolute = urljoin(base, value.strip())
        if urlsplit(absolute).scheme not in ("http", "https"):
            return ""
        return canonical_url(absolute)
    except ValueError:  # "http://[broken/", a port out of range
        return ""


def _shorten(text: str, limit: int = EXCERPT_MAX_CHARS) -> str:
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    return line[:limit].rsplit(" ", 1)[0] + "…"


def _domain(url: str) -> str | None:
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return None
    return host.removeprefix("www.") or None


def entry_to_article(entry: FeedEntry, feed: ParsedFeed, *, origin: str) -> Article | None:
    """An Article (full or stub) for one entry; None for an entry with neither title nor text."""
    base = feed.link or origin
    url = _http_url(entry.link, origin) or (
        _http_url(entry.entry_id, origin) if entry.entry_id.startswith(("http://", "https://")) else ""
    )
    body = max(clean_text(entry.content), clean_text(entry.summary), key=len)
    summary = clean_line(entry.summary)
    title = clean_line(entry.title)
    if not title:
        if not body:
            return None
        title = _shorten(body, 100)
    extra: dict[str, Any] = {"feed": origin}
    if entry.entry_id:
        extra["entry_id"] = entry.entry_id
    if entry.author:
        extra["author"] = entry.author
    excerpt = _shorten(body or summary)
    article = Article(
        title=title,
        url=url,
        kind="stub",
        excerpt=excerpt,
        provider=clean_line(feed.title) or None,
        provider_domain=_domain(base),
        published=entry.published,
        date_estimated=entry.published is None,
        topics=entry.tags,
        origin=origin,
        extra=extra,
        content_hash=content_hash(title, excerpt),
    )
    if not body or is_excerpt(body):
        return article
    # A feed's own summary, when it has one shorter than the text, is the better excerpt.
    if summary and len(summary) < len(" ".join(body.split())):
        excerpt = _shorten(summary)
    return replace(article, kind="full", text=body, excerpt=excerpt, content_hash=content_hash(title, body))


def with_page_text(stub: Article, page: Article) -> Article | None:
    """The feed's excerpt article completed with the text of its page; None if the page adds nothing."""
    if len(page.text.split()) <= len(stub.excerpt.split()):
        return None
    published = stub.published or page.published
    return replace(
        stub,
        kind="full",
        text=page.text,
        published=published,
        date_estimated=published is None,
        provider=stub.provider or page.provider,
        provider_domain=stub.provider_domain or page.provider_domain,
        extra={**stub.extra, "full_text_from": page.origin},
        content_hash=content_hash(stub.title, page.text),
    )


# -- formats ---------------------------------------------------------------------------------------


def _struct_to_utc(value: Any) -> datetime | None:
    # feedparser's *_parsed values are UTC struct_times.
    if not isinstance(value, time.struct_time):
        return None
    try:
        return datetime(*value[:6], tzinfo=timezone.utc)
    except (ValueError, OverflowError):
        return None


def _feedparser_entry(raw: Mapping[str, Any]) -> FeedEntry:
    contents = [c.get("value", "") for c in raw.get("content", []) or [] if isinstance(c, Mapping)]
    content = max(contents, key=len, default="")
    published = (
        _struct_to_utc(raw.get("published_parsed"))
        or _struct_to_utc(raw.get("updated_parsed"))
        or _struct_to_utc(raw.get("created_parsed"))
        or to_utc(raw.get("published") or raw.get("updated") or raw.get("dc_date"))
    )
    tags = tuple(
        t for t in (clean_line(str(tag.get("term") or tag.get("label") or "")) for tag in raw.get("tags", []) or []
                    if isinstance(tag, Mapping)) if t
    )
    return FeedEntry(
        title=str(raw.get("title") or ""),
        link=str(raw.get("link") or ""),
        entry_id=str(raw.get("id") or ""),
        content=str(content or ""),
        summary=str(raw.get("summary") or ""),
        published=published,
        author=clean_line(str(raw.get("author") or "")),
        tags=tags,
    )


def parse_xml_feed(data: bytes, *, url: str, content_type: str = "") -> ParsedFeed:
    """RSS/RDF/Atom bytes -> ParsedFeed, or ParseError when nothing readable is there."""
    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    # A BytesIO, never the bytes themselves: feedparser treats a str/bytes that looks
    # like a URL or path as something to open.
    try:
        parsed = feedparser.parse(io.BytesIO(data), response_headers=headers, resolve_relative_uris=True,
                                  sanitize_html=True)
    except (ValueError, LookupError, RecursionError) as exc:
        # feedparser lets a few of these escape on hostile bytes (odd encodings, NUL characters).
        raise ParseError(url, f"not a valid feed: {exc}",
                         hint="check that the URL serves RSS, Atom or JSON Feed") from None
    entries = tuple(_feedparser_entry(e) for e in parsed.entries)
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    # Encoding and content-type complaints are harmless: the bytes still parsed.
    if isinstance(problem, (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)):
        problem = None
    if not entries:
        if problem is not None:
            raise ParseError(url, f"not a valid feed: {_describe_bozo(problem)}",
                             hint="check that the URL serves RSS, Atom or JSON Feed")
        if not parsed.get("version"):
            raise ParseError(url, "not a feed (no RSS, Atom or JSON Feed found)",
                             hint="check the URL; for a single article set kind: page")
    feed = parsed.get("feed", {})
    warning = ""
    if problem is not None:
        warning = f"feed is not well-formed ({_describe_bozo(problem)}); kept the entries that could be read"
    return ParsedFeed(
        title=str(feed.get("title") or ""),
        link=str(feed.get("link") or ""),
        entries=entries,
        warning=warning,
        extra={"format": str(parsed.get("version") or "")},
    )


def _describe_bozo(exc: BaseException) -> str:
    line, column, message = (getattr(exc, name, None) for name in ("getLineNumber", "getColumnNumber", "getMessage"))
    if callable(line) and callable(column) and callable(message):
        # SAX errors: "line 9, column 60: not well-formed (invalid token)"
        return f"line {line()}, column {column()}: {message()}"
    return str(exc) or type(exc).__name__


def _json_author(item: Mapping[str, Any]) -> str:
    authors = item.get("authors")
    if isinstance(authors, list) and authors and isinstance(authors[0], Mapping):
        return clean_line(str(authors[0].get("name") or ""))
    author = item.get("author")  # JSON Feed 1.0
    if isinstance(author, Mapping):
        return clean_line(str(author.get("name") or ""))
    return ""


def looks_like_json_feed(data: bytes) -> bool:
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"{") and b"jsonfeed.org/version" in data[:65536]


def parse_json_feed(data: bytes, *, url: str) -> ParsedFeed:
    """JSON Feed 1.0/1.1 (https://jsonfeed.org/version/1.1) -> ParsedFeed."""
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise ParseError(url, f"JSON Feed is not UTF-8 (invalid byte at offset {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise ParseError(url, f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}",
                         hint="check that the URL serves a JSON Feed") from None
    if not isinstance(doc, Mapping) or not _JSON_FEED_VERSION.match(str(doc.get("version") or "")):
        raise ParseError(url, "JSON but not a JSON Feed (no jsonfeed.org 'version')",
                         hint="check that the URL serves a JSON Feed")
    items = doc.get("items")
    if not isinstance(items, list):
        raise ParseError(url, "JSON Feed has no 'items' list")
    entries = []
    for item in items:
        if not isinstance(item, Mapping):
            continue
        tags = item.get("tags")
        entries.append(FeedEntry(
            title=str(item.get("title") or ""),
            link=str(item.get("url") or item.get("external_url") or ""),
            entry_id=str(item.get("id") or ""),
            content=str(item.get("content_html") or item.get("content_text") or ""),
            summary=str(item.get("summary") or ""),
            published=to_utc(item.get("date_published")) or to_utc(item.get("date_modified")),
            author=_json_author(item),
            tags=tuple(t for t in (clean_line(str(x)) for x in tags) if t) if isinstance(tags, list) else (),
        ))
    skipped = len(items) - len(entries)
    return ParsedFeed(
        title=str(doc.get("title") or ""),
        link=str(doc.get("home_page_url") or ""),
        entries=tuple(entries),
        warning=f"skipped {skipped} items that are not objects" if skipped else "",
        extra={"format": str(doc.get("version"))},
    )


def parse_feed(data: bytes, *, url: str, content_type: str = "") -> ParsedFeed:
    if content_type in ("application/feed+json", "application/json") or looks_like_json_feed(data):
        return parse_json_feed(data, url=url)
    return parse_xml_feed(data, url=url, content_type=content_type)


def feed_articles(feed: ParsedFeed, *, origin: str) -> list[Article]:
    """One article per entry; an entry the feed repeats (same link or same text) counts once."""
    articles: list[Article] = []
    seen: set[str] = set()
    for entry in feed.entries:
        article = entry_to_article(entry, feed, origin=origin)
        if article is None:
            continue
        keys = {k for k in (article.url, article.content_hash) if k}
        if keys & seen:
            continue
        seen |= keys
        articles.append(article)
    return articles


# -- full text -------------------------------------------------------------------------------------

PageReader = Callable[[str], Article]


def complete_excerpts(
    articles: Sequence[Article],
    read_page: PageReader,
    *,
    skip: Callable[[str], bool] | None = None,
) -> tuple[list[Article], list[SourceError]]:
    """Fetch the page behind each excerpt-only article; a failed page keeps the excerpt.

    ``skip(url)`` says a page needs no fetch (e.g. we already hold it in full).
    """
    out: list[Article] = []
    errors: list[SourceError] = []
    for article in articles:
        if article.kind != "stub" or not article.url or (skip is not None and skip(article.url)):
            out.append(article)
            continue
        try:
            page = read_page(article.url)
        except SourceError as exc:
            errors.append(exc)
            out.append(article)
            continue
        completed = with_page_text(article, page)
        if completed is None:
            log.info("%s: the page has no more text than the feed's excerpt; keeping the excerpt", article.url)
        out.append(completed or article)
    return out, errors
