"""One article page -> Article, through trafilatura (main text, title, date, site name).

The page's declared canonical URL is used only when it stays on the page's own
site: a page must not be able to claim another site's address and so
overwrite that article in the store.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import trafilatura

from bot.domain import Article
from bot.errors import ParseError
from bot.sources.normalize import canonical_url, clean_line, clean_text, content_hash, to_utc

# Below this many words what trafilatura found is page chrome ("Home", a cookie notice), not an article.
MIN_PAGE_WORDS = 20
# htmldate's default output drops the time of day; keep it (and the offset) when the page gives it.
_DATE_PARAMS = {"outputformat": "%Y-%m-%dT%H:%M:%S%z", "original_date": True, "extensive_search": False}


_VARIANT_PREFIXES = ("www.", "m.", "amp.")


def _site(host: str) -> str:
    host = host.lower()
    for prefix in _VARIANT_PREFIXES:
        host = host.removeprefix(prefix)
    return host


def _host(url: str) -> str:
    try:
        return _site(urlsplit(url).hostname or "")
    except ValueError:
        return ""


def _http_url(url: str) -> str:
    try:
        canonical = canonical_url(url)
    except ValueError:  # "http://[broken/", a port out of range
        return ""
    return canonical if canonical.startswith(("http://", "https://")) else ""


def same_site(a: str, b: str) -> bool:
    """True when URLs ``a`` and ``b`` are on one host, give or take www./m./amp.

    Strict on purpose: a parent domain may host other people's sites (github.io).
    """
    host_a = _host(a)
    return bool(host_a) and host_a == _host(b)


def _decode(data: bytes, charset: str | None) -> str | bytes:
    if charset:
        try:
            return data.decode(charset, errors="replace")
        except LookupError:
            pass  # an unknown charset name: let trafilatura guess
    return data


def parse_page(data: bytes, *, url: str, charset: str | None = None) -> Article:
    """Extract the article on the page at ``url``; ParseError when there is none."""
    if not data.strip():
        raise ParseError(url, "the page is empty")
    document = trafilatura.bare_extraction(
        _decode(data, charset),
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params=_DATE_PARAMS,
    )
    text = clean_text(getattr(document, "text", None) or "") if document is not None else ""
    if document is None or len(text.split()) < MIN_PAGE_WORDS:
        raise ParseError(url, "no article text found on the page",
                         hint="is it an article? for a site's front page, use its feed instead")
    title = clean_line(document.title or "")
    lines = text.split("\n")
    # trafilatura keeps the headline as the first line of the text; it is the title, not body.
    if title and lines and clean_line(lines[0]) == title:
        text = "\n".join(lines[1:]).strip() or text
    if not title:
        title = clean_line(lines[0])[:200]
    declared = _http_url(document.url or "")
    page_url = declared if declared and same_site(declared, url) else _http_url(url) or url
    domain = _host(page_url) or None
    published = to_utc(document.date)
    extra = {k: v for k, v in (("author", clean_line(document.author or "")),
                                ("fetched_url", url if _http_url(url) != page_url else "")) if v}
    return Article(
        title=title,
        url=page_url,
        text=text,
        excerpt=clean_line(document.description or ""),
        provider=clean_line(document.sitename or "") or domain,
        provider_domain=domain,
        published=published,
        date_estimated=published is None,
        origin=url,
        extra=extra,
        content_hash=content_hash(title, text),
    )
