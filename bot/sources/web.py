"""URL sources: fetch once (guarded, conditional), then read the bytes as a feed or a page.

``kind: auto`` decides by the response: a feed content type or feed-looking
bytes make a feed, HTML makes a page.  A 304 gives a result marked
``not_modified`` and nothing else: no parsing, nothing to store.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from typing import Literal

import httpx

from bot.config import FetchSettings
from bot.domain import Article
from bot.errors import ParseError, SourceError
from bot.sources import feeds, pages
from bot.sources.base import FetchState, SourceResult
from bot.sources.http import Fetched, Resolver, fetch, http_client, system_resolver

log = logging.getLogger(__name__)

WebKind = Literal["feed", "page"]

_FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json"}
_PAGE_TYPES = {"text/html", "application/xhtml+xml"}
# Vague types say "some XML/JSON"; the body decides, and failing that they mean a feed.
_XML_OR_JSON = {"application/xml", "text/xml", "application/json", "text/json"}
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:rdf|channel)[\s>]", re.I)
_HTML_ROOT = re.compile(rb"<(?:!doctype\s+html|html|head|body)[\s>]", re.I)


def sniff_kind(content_type: str, body: bytes) -> WebKind | None:
    """Feed or page, from the content type and the first bytes; None when neither fits."""
    if content_type in _FEED_TYPES:
        return "feed"
    if feeds.looks_like_json_feed(body):
        return "feed"
    head = body[:2048]
    feed_at = _FEED_ROOT.search(head)
    html_at = _HTML_ROOT.search(head)
    # Feeds served as text/html (common) and pages served as XML (rare) are both told by their root.
    if feed_at and (html_at is None or feed_at.start() < html_at.start()):
        return "feed"
    if html_at or content_type in _PAGE_TYPES:
        return "page"
    if content_type in _XML_OR_JSON or head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<?xml"):
        return "feed"
    return None


def _read_page(url: str, *, settings: FetchSettings, client: httpx.Client, resolve: Resolver) -> Article:
    got = fetch(url, settings=settings, client=client, resolve=resolve)
    return pages.parse_page(got.content, url=got.url, charset=got.charset)


def _feed_result(
    url: str,
    got: Fetched,
    *,
    fetch_full_text: bool,
    read_page: Callable[[str], Article],
    have_full_text: Callable[[str], bool] | None,
) -> SourceResult:
    parsed = feeds.parse_feed(got.content, url=got.url, content_type=got.content_type)
    articles = feeds.feed_articles(parsed, origin=url)
    errors: list[SourceError] = []
    if fetch_full_text:
        articles, errors = feeds.complete_excerpts(articles, read_page, skip=have_full_text)
    meta = {"format": parsed.extra.get("format", ""), "title": parsed.title}
    if parsed.warning:
        log.warning("%s: %s", url, parsed.warning)
        meta["warning"] = parsed.warning
    return SourceResult(target=url, articles=tuple(articles), errors=tuple(errors), state=got.state,
                        kind="feed", meta=meta)


def read_url(
    url: str,
    *,
    kind: str,
    fetch_full_text: bool,
    state: FetchState | None,
    settings: FetchSettings,
    client: httpx.Client | None = None,
    have_full_text: Callable[[str], bool] | None = None,
    resolve: Resolver = system_resolver,
) -> Iterator[SourceResult]:
    """Read one feed or page URL: one SourceResult with its articles, errors and fetch state."""
    if kind not in ("auto", "feed", "page"):
        yield SourceResult(target=url, kind="url", errors=(
            SourceError(url, f"kind {kind!r} cannot read a URL", hint="use kind: auto, feed or page"),))
        return
    with http_client(client, settings) as http:
        result = _read(url, kind, fetch_full_text=fetch_full_text, state=state, settings=settings, http=http,
                       have_full_text=have_full_text, resolve=resolve)
    yield result


def _read(
    url: str,
    kind: str,
    *,
    fetch_full_text: bool,
    state: FetchState | None,
    settings: FetchSettings,
    http: httpx.Client,
    have_full_text: Callable[[str], bool] | None,
    resolve: Resolver,
) -> SourceResult:
    label = kind if kind in ("feed", "page") else "url"
    try:
        got = fetch(url, settings=settings, client=http, state=state, resolve=resolve)
    except SourceError as exc:
        return SourceResult(target=url, errors=(exc,), kind=label)
    if got.not_modified:
        return SourceResult(target=url, state=got.state, not_modified=True, kind=label)
    chosen = kind if kind in ("feed", "page") else sniff_kind(got.content_type, got.content)
    try:
        if chosen is None:
            raise ParseError(url, f"neither a feed nor an HTML page (content type {got.content_type or 'none'!r})",
                             hint="set kind: feed or kind: page on this source if it is one")
        if chosen == "page":
            article = pages.parse_page(got.content, url=got.url, charset=got.charset)
            return SourceResult(target=url, articles=(article,), state=got.state, kind="page")

        def read_page(link: str) -> Article:
            return _read_page(link, settings=settings, client=http, resolve=resolve)

        return _feed_result(url, got, fetch_full_text=fetch_full_text, read_page=read_page,
                            have_full_text=have_full_text)
    except SourceError as exc:
        if exc.where == got.url != url:
            # Name the source the user configured, and where it led.
            exc = type(exc)(f"{url} (redirected to {got.url})", exc.problem, hint=exc.hint)
        return SourceResult(target=url, errors=(exc,), kind=chosen or label)
