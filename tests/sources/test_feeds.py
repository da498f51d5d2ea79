"""Feed formats -> articles (golden values from the fixture feeds we wrote), and the pure decisions."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from bot.domain import Article
from bot.errors import FetchError, ParseError
from bot.sources.feeds import (
    FULL_TEXT_MIN_WORDS,
    complete_excerpts,
    feed_articles,
    is_excerpt,
    parse_feed,
    with_page_text,
)
from bot.sources.web import sniff_kind

FEEDS = Path(__file__).resolve().parent.parent / "data" / "feeds"
UTC = timezone.utc


def _read(name: str, url: str = "https://feeds.example/feed") -> list[Article]:
    return feed_articles(parse_feed((FEEDS / name).read_bytes(), url=url), origin=url)


def test_rss2() -> None:
    full, excerpt, undated = _read("rss2.xml")
    assert full.kind == "full"
    assert full.title == "Acme & Beta Labs sign a five-year chip partnership"
    assert full.url == "https://www.techwire.example/2024/03/acme-beta"  # utm_* dropped
    assert full.published == datetime(2024, 3, 5, 8, 30, tzinfo=UTC) and not full.date_estimated
    assert full.provider == "Example Tech Wire" and full.provider_domain == "techwire.example"
    assert full.topics == ("AI", "Chips")
    assert full.extra == {"feed": "https://feeds.example/feed", "entry_id": "techwire-1001", "author": "Jane Roe"}
    assert full.excerpt == "Acme and Beta Labs will build AI accelerators together."
    # HTML cleaned: paragraphs kept, entities decoded, scripts dropped.
    assert full.text.startswith("Acme Corp said on Tuesday")
    assert "“This gives Acme a credible design partner" in full.text
    assert "<p>" not in full.text and "alert" not in full.text
    assert full.text.count("\n\n") == 2

    assert excerpt.kind == "stub" and excerpt.text == ""
    assert excerpt.url == "https://www.techwire.example/2024/03/gamma-lisbon"  # fragment dropped
    assert excerpt.excerpt == "Gamma Cloud said its new Lisbon region will serve customers in Portugal and Spain …"
    assert excerpt.published == datetime(2024, 3, 4, 16, tzinfo=UTC)

    assert undated.title == "Delta Robotics hires a new chief executive"
    assert undated.published is None and undated.date_estimated


def test_rss1_rdf() -> None:
    first, second = _read("rss1.rdf")
    assert first.title == "Epsilon AI raises $40 million" and first.url == "https://rdf.example/epsilon-funding"
    assert first.published == datetime(2024, 2, 10, 13, 15, tzinfo=UTC)
    assert first.topics == ("Funding",) and first.provider == "RDF Daily"
    assert second.published == datetime(2024, 2, 11, 10, tzinfo=UTC)


def test_rss091() -> None:
    [only] = _read("rss091.xml")
    assert only.title == "Theta and Iota agree to share research"
    assert only.provider == "Old School News" and only.date_estimated


def test_atom() -> None:
    full, summary_only = _read("atom.xml", url="https://atom.example/feed.atom")
    assert full.kind == "full" and full.title == "Kappa & Lambda form a cloud alliance"
    # A relative link resolves against the feed's own address.
    assert full.url == "https://atom.example/2024/01/kappa-lambda"
    # <published> wins over <updated>, converted to UTC.
    assert full.published == datetime(2024, 1, 20, 7, 30, tzinfo=UTC)
    assert full.extra["author"] == "Max Mustermann" and full.topics == ("Cloud",)
    assert full.excerpt == "Kappa and Lambda formed a cloud alliance."
    assert summary_only.kind == "stub" and summary_only.published == datetime(2024, 1, 18, 5, tzinfo=UTC)


def test_json_feed() -> None:
    full, short = _read("feed.json")
    assert full.kind == "full" and full.title == "Xi Analytics licenses Omicron's mapping data"
    assert full.url == "https://json.example/xi-omicron"  # fbclid dropped
    assert full.published == datetime(2024, 4, 3, 5, tzinfo=UTC)
    assert full.topics == ("Data", "Licensing") and full.extra["author"] == "Ana Autor"
    assert full.provider == "JSON Ventures Weekly" and full.provider_domain == "json.example"
    assert short.kind == "stub" and short.date_estimated
    assert short.excerpt.startswith("Pi Robotics and Rho Motors are in talks")


def test_json_feed_is_recognised_by_its_bytes_whatever_the_content_type() -> None:
    data = (FEEDS / "feed.json").read_bytes()
    assert parse_feed(data, url="u", content_type="text/plain").extra["format"].endswith("/1.1")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b'{"version": "https://jsonfeed.org/version/1.1", "items": [', "not valid JSON"),
        (b'{"version": "https://jsonfeed.org/version/1", "items": {}}', "has no 'items' list"),
        (b'{"hello": "world"}', "JSON but not a JSON Feed"),
        (b"[1, 2, 3]", "JSON but not a JSON Feed"),
    ],
)
def test_bad_json_feeds(data: bytes, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        parse_feed(data, url="https://feeds.example/feed.json", content_type="application/json")


def test_malformed_feed_keeps_what_parsed() -> None:
    parsed = parse_feed((FEEDS / "malformed.xml").read_bytes(), url="https://broken.example/rss")
    assert "feed is not well-formed (line 9, column 60: not well-formed (invalid token))" in parsed.warning
    articles = feed_articles(parsed, origin="https://broken.example/rss")
    assert [a.title for a in articles][0] == "Sigma and Tau announce a partnership"


@pytest.mark.parametrize(
    ("name_or_bytes", "message"),
    [
        ("garbage.xml", "not a valid feed: line 2, column 1: not well-formed"),
        (b"<html><body><p>Hello</p></body></html>", "not a feed"),
        (b"just some words", "not a valid feed"),
    ],
)
def test_unreadable_feed_is_a_parse_error(name_or_bytes: str | bytes, message: str) -> None:
    data = (FEEDS / name_or_bytes).read_bytes() if isinstance(name_or_bytes, str) else name_or_bytes
    with pytest.raises(ParseError) as caught:
        parse_feed(data, url="https://x.example/feed")
    assert caught.value.where == "https://x.example/feed"
    assert message in caught.value.problem


def test_empty_but_valid_feed_gives_nothing() -> None:
    data = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>'
    assert feed_articles(parse_feed(data, url="u"), origin="u") == []


def test_repeated_entries_count_once() -> None:
    item = b"<item><title>Same</title><link>https://a.example/1</link><description>D</description></item>"
    data = b'<rss version="2.0"><channel><title>T</title>' + item * 3 + b"</channel></rss>"
    assert len(feed_articles(parse_feed(data, url="u"), origin="u")) == 1


def test_entries_without_title_or_link() -> None:
    data = (b'<rss version="2.0"><channel><title>T</title>'
            b"<item><description>Only a description here.</description></item>"
            b"<item><link>javascript:alert(1)</link><title>Bad link</title></item>"
            b"<item></item></channel></rss>")
    articles = feed_articles(parse_feed(data, url="https://t.example/rss"), origin="https://t.example/rss")
    assert [(a.title, a.url) for a in articles] == [("Only a description here.", ""), ("Bad link", "")]


_LONG = " ".join(["word"] * FULL_TEXT_MIN_WORDS)


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("A short summary.", True),
        (" ".join(["word"] * (FULL_TEXT_MIN_WORDS - 1)), True),
        (_LONG, False),
        (_LONG + " and more", False),
        (_LONG + " …", True),
        (_LONG + "...", True),
        (_LONG + " [...]", True),
        (_LONG + " [&hellip;]".replace("&hellip;", "…"), True),
        (_LONG + " Read more", True),
        (_LONG + " Continue reading →", True),
        (_LONG + " The post Acme wins appeared first on Example News.", True),
    ],
)
def test_is_excerpt(text: str, excerpt: bool) -> None:
    assert is_excerpt(text) is excerpt


@pytest.mark.parametrize(
    ("content_type", "body", "kind"),
    [
        ("application/rss+xml", b"anything", "feed"),
        ("application/atom+xml", b"", "feed"),
        ("application/feed+json", b"{}", "feed"),
        ("text/html", b'<?xml version="1.0"?><rss version="2.0"><channel>', "feed"),
        ("text/html", b"<!DOCTYPE html><html><head>", "page"),
        ("text/html", b"<p>fragment</p>", "page"),
        ("application/xhtml+xml", b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">', "page"),
        ("text/xml", b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
        ("application/xml", b"<something/>", "feed"),
        ("application/json", b'{"version": "https://jsonfeed.org/version/1.1"}', "feed"),
        ("text/plain", b'  {"version": "https://jsonfeed.org/version/1"}', "feed"),
        ("application/octet-stream", b"\xef\xbb\xbf<?xml version='1.0'?><rdf:RDF xmlns:rdf='x'>", "feed"),
        ("", b"<html><body>hi</body></html>", "page"),
        ("text/plain", b"hello", None),
        ("image/png", b"\x89PNG\r\n", None),
    ],
)
def test_sniff_kind(content_type: str, body: bytes, kind: str | None) -> None:
    assert sniff_kind(content_type, body) == kind


def _stub(url: str, excerpt: str = "A short excerpt …") -> Article:
    return Article(title="Title", url=url, kind="stub", excerpt=excerpt, provider="Feed",
                   published=datetime(2024, 1, 1, tzinfo=UTC), extra={"feed": "f"})


def test_complete_excerpts_fills_in_pages_and_keeps_failures() -> None:
    page = Article(title="Page title", url="https://a.example/1", text="The whole article. " * 40,
                   provider="Site", published=datetime(2023, 1, 1, tzinfo=UTC), origin="https://a.example/1")
    asked: list[str] = []

    def read_page(url: str) -> Article:
        asked.append(url)
        if url.endswith("/2"):
            raise FetchError(url, "HTTP 404 Not Found")
        if url.endswith("/3"):
            return Article(title="Thin", url=url, text="Too short.")
        return page

    full = Article(title="Full", url="https://a.example/4", text="already full")
    articles = [_stub("https://a.example/1"), _stub("https://a.example/2"), _stub("https://a.example/3"),
                full, _stub(""), _stub("https://a.example/held")]
    out, errors = complete_excerpts(articles, read_page, skip=lambda url: url.endswith("/held"))
    assert asked == ["https://a.example/1", "https://a.example/2", "https://a.example/3"]
    assert [str(e) for e in errors] == ["https://a.example/2: HTTP 404 Not Found"]
    first = out[0]
    # The feed's title, date and provider stay; the page gives the text.
    assert (first.kind, first.title, first.provider) == ("full", "Title", "Feed")
    assert first.published == datetime(2024, 1, 1, tzinfo=UTC) and first.text == page.text
    assert first.excerpt == "A short excerpt …" and first.extra["full_text_from"] == "https://a.example/1"
    assert out[1:] == articles[1:]  # failed, thin, already full, link-less and held ones unchanged


def test_page_text_dates_an_undated_entry() -> None:
    stub = Article(title="T", url="u", kind="stub", excerpt="e", date_estimated=True)
    page = Article(title="T", url="u", text="many words " * 20, published=datetime(2023, 5, 1, tzinfo=UTC))
    completed = with_page_text(stub, page)
    assert completed is not None
    assert completed.published == datetime(2023, 5, 1, tzinfo=UTC) and not completed.date_estimated


# -- arbitrary input: a ParsedFeed or our ParseError, nothing else ----------------------------------

_SEEDS = [(FEEDS / n).read_bytes() for n in ("rss2.xml", "atom.xml", "feed.json", "rss1.rdf")]


def _mutations() -> st.SearchStrategy[bytes]:
    def cut_and_splice(seed: bytes, at: int, junk: bytes) -> bytes:
        at %= len(seed)
        return seed[:at] + junk + seed[at + len(junk):]

    return st.builds(cut_and_splice, st.sampled_from(_SEEDS), st.integers(0, 10_000), st.binary(max_size=40))


@hsettings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.binary(max_size=300), st.text(max_size=300).map(str.encode), _mutations()))
def test_any_bytes_give_articles_or_a_parse_error(data: bytes) -> None:
    for content_type in ("", "application/json"):
        try:
            parsed = parse_feed(data, url="https://fuzz.example/feed", content_type=content_type)
        except ParseError as exc:
            assert exc.where == "https://fuzz.example/feed" and exc.problem
            continue
        for article in feed_articles(parsed, origin="https://fuzz.example/feed"):
            assert article.title and article.kind in ("full", "stub")
            assert article.url == "" or article.url.startswith(("http://", "https://"))
            assert article.published is None or article.published.tzinfo is not None
