"""URL sources end to end against a local server: dispatch, pages, conditional GET, full text."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from bot.config import FetchSettings, Settings, SourceSettings
from bot.errors import ParseError
from bot.sources.base import FetchState, SourceResult
from bot.sources.pages import parse_page
from bot.sources.web import read_url
from tests.sources.webserver import Reply, Server, server  # noqa: F401 (fixture)

UTC = timezone.utc
LOCAL = FetchSettings(allow_hosts=["127.0.0.1"], connect_timeout=2, read_timeout=2)


def _read(url: str, *, kind: str = "auto", full_text: bool = False, state: FetchState | None = None,
          settings: FetchSettings = LOCAL) -> SourceResult:
    [result] = read_url(url, kind=kind, fetch_full_text=full_text, state=state, settings=settings)
    return result


@pytest.mark.parametrize(
    ("name", "content_type", "titles"),
    [
        ("rss2.xml", "application/rss+xml", 3),
        ("rss1.rdf", "application/rdf+xml", 2),
        ("rss091.xml", "text/xml", 1),
        ("atom.xml", "application/atom+xml", 2),
        ("feed.json", "application/feed+json", 2),
        # Served with a vague or wrong type: the bytes decide.
        ("rss2.xml", "text/html; charset=utf-8", 3),
        ("feed.json", "application/json", 2),
        ("atom.xml", "application/octet-stream", 2),
    ],
)
def test_feeds_by_content_type_or_bytes(server: Server, name: str, content_type: str, titles: int) -> None:
    server.serve_file("/feed", name, content_type=content_type, headers={"ETag": '"e1"'})
    result = _read(server.url("/feed"))
    assert result.errors == () and result.kind == "feed"
    assert len(result.articles) == titles
    assert all(a.origin == server.url("/feed") for a in result.articles)
    assert result.state == FetchState('"e1"', None)


def test_page_source_through_trafilatura(server: Server) -> None:
    server.serve_file("/articles/gamma-lisbon", "article.html")
    result = _read(server.url("/articles/gamma-lisbon"))
    assert result.errors == () and result.kind == "page"
    [article] = result.articles
    assert article.kind == "full"
    assert article.title == "Gamma Cloud opens a region in Lisbon"
    # The canonical URL the page declares (same site), with tracking parameters dropped.
    assert article.url == server.url("/articles/gamma-lisbon")
    assert article.provider == "Example Tech Wire" and article.provider_domain == "127.0.0.1"
    assert article.published == datetime(2024, 3, 4, 16, tzinfo=UTC) and not article.date_estimated
    assert article.text.startswith("Gamma Cloud said on Monday that its new Lisbon region is open")
    assert "submarine cable landings" in article.text
    for chrome in ("Most read", "About us", "All rights reserved", "Something else entirely"):
        assert chrome not in article.text
    assert article.excerpt == "Gamma Cloud's new Lisbon region serves Portugal and Spain."
    assert article.extra["author"] == "Rui Exemplo"


def test_page_cannot_claim_another_sites_address(server: Server) -> None:
    html = server.fixture("article.html").replace(
        f"{server.base}/articles/gamma-lisbon".encode(), b"https://victim.example/real-story")
    server.route("/copy", Reply(body=html, headers={"Content-Type": "text/html"}))
    [article] = _read(server.url("/copy")).articles
    assert article.url == server.url("/copy")


def test_page_without_article_text(server: Server) -> None:
    server.route("/empty", Reply(body=b"<html><body><nav>Home</nav></body></html>",
                                 headers={"Content-Type": "text/html"}))
    result = _read(server.url("/empty"))
    assert result.articles == ()
    [error] = result.errors
    assert str(error).startswith(f"{server.url('/empty')}: no article text found on the page")


def test_forced_kind_overrides_the_content_type(server: Server) -> None:
    server.serve_file("/feed", "rss2.xml", content_type="text/html")
    assert _read(server.url("/feed"), kind="page").kind == "page"
    assert len(_read(server.url("/feed"), kind="feed").articles) == 3


def test_neither_feed_nor_page(server: Server) -> None:
    server.route("/img", Reply(body=b"\x89PNG\r\n\x1a\n", headers={"Content-Type": "image/png"}))
    [error] = _read(server.url("/img")).errors
    assert "neither a feed nor an HTML page (content type 'image/png')" in str(error)
    assert "kind: feed or kind: page" in str(error)


def test_not_modified_parses_nothing(server: Server) -> None:
    server.serve_conditional("/feed", "rss2.xml", etag='"v7"')
    first = _read(server.url("/feed"))
    assert len(first.articles) == 3 and first.state == FetchState('"v7"', None)
    second = _read(server.url("/feed"), state=first.state)
    assert second.not_modified and second.articles == () and second.errors == ()
    assert second.state == first.state
    assert server.hits("/feed")[1].headers["if-none-match"] == '"v7"'


def test_malformed_feed_keeps_entries_with_a_warning(server: Server) -> None:
    server.serve_file("/feed", "malformed.xml")
    result = _read(server.url("/feed"))
    assert result.errors == ()
    assert result.articles[0].title == "Sigma and Tau announce a partnership"
    assert "not well-formed" in result.meta["warning"]


@pytest.mark.parametrize(
    ("reply", "message"),
    [
        (Reply(404, b"gone"), "HTTP 404 Not Found"),
        (Reply(500, b"boom"), "HTTP 500 Internal Server Error"),
        (Reply(200, b"<rss/>", delay=1.0), "timed out waiting for the server after 0.2s"),
        (Reply(200, b"<<<>>> not xml", {"Content-Type": "application/rss+xml"}), "not a valid feed"),
    ],
)
def test_failures_are_results_not_exceptions(server: Server, reply: Reply, message: str) -> None:
    server.route("/feed", reply)
    result = _read(server.url("/feed"), settings=LOCAL.model_copy(update={"read_timeout": 0.2}))
    assert result.articles == () and result.state is None and not result.not_modified
    [error] = result.errors
    assert error.where == server.url("/feed") and message in error.problem


def test_full_text_fetches_pages_behind_excerpts(server: Server) -> None:
    server.serve_file("/feed", "excerpts.xml")
    server.serve_file("/articles/gamma-lisbon", "article.html")
    result = _read(server.url("/feed"), full_text=True)
    gamma, omega, private = result.articles
    assert gamma.kind == "full" and "submarine cable landings" in gamma.text
    assert gamma.title == "Gamma Cloud opens a region in Lisbon"
    assert gamma.published == datetime(2024, 3, 4, 16, tzinfo=UTC)  # the feed's date
    # A failed page keeps the excerpt and reports why; an untrusted link is never fetched.
    assert omega.kind == "stub" and omega.excerpt.startswith("Omega Networks walked away")
    assert private.kind == "stub"
    assert sorted(e.problem for e in result.errors) == [
        "HTTP 404 Not Found", "refused: 10.20.30.40 is a private address"]
    assert len(server.hits("/articles/gamma-lisbon")) == 1
    assert len(server.hits("/articles/omega-gone")) == 1


def test_without_full_text_no_page_is_fetched(server: Server) -> None:
    server.serve_file("/feed", "excerpts.xml")
    result = _read(server.url("/feed"))
    assert [a.kind for a in result.articles] == ["stub", "stub", "stub"] and result.errors == ()
    assert [r.path for r in server.requests] == ["/feed"]


# -- through the pipeline and the store (SQLite and PostgreSQL) -------------------------------------


def _settings() -> Settings:
    return Settings(fetch=LOCAL)


@pytest.mark.parametrize(("etag", "last_modified"), [('"rev-1"', None), (None, "Tue, 05 Mar 2024 10:00:00 GMT")])
def test_second_ingest_is_a_304_that_costs_nothing(server: Server, store, etag: str | None,  # type: ignore[no-untyped-def]
                                                   last_modified: str | None,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.pipeline import ingest

    server.serve_conditional("/feed.xml", "rss2.xml", etag=etag, last_modified=last_modified)
    spec = SourceSettings(url=server.url("/feed.xml"))
    first = ingest([spec], settings=_settings(), store=store)
    assert (first.new, first.failed) == (3, 0)
    record = store.sources.get(spec.target)
    assert (record.etag, record.last_modified) == (etag, last_modified)

    def no_parsing(*_args: object, **_kw: object) -> None:
        raise AssertionError("a 304 must not be parsed")

    monkeypatch.setattr("bot.sources.feeds.parse_feed", no_parsing)
    second = ingest([spec], settings=_settings(), store=store)
    assert second.line() == "0 new, 0 updated, 0 unchanged, 0 failed" and second.not_modified == 1
    request = server.hits("/feed.xml")[1]
    assert request.headers.get("if-none-match") == etag
    assert request.headers.get("if-modified-since") == last_modified
    # The validators survive the 304 for the run after.
    assert store.sources.get(spec.target).etag == etag
    assert store.articles.count() == 3

    undated = [a for a in store.articles.list() if a.title.startswith("Delta Robotics")]
    assert undated[0].date_estimated and undated[0].published is not None


def test_full_text_pages_already_held_are_not_fetched_again(server: Server, store) -> None:  # type: ignore[no-untyped-def]
    from bot.pipeline import ingest

    server.serve_file("/feed", "excerpts.xml")
    server.serve_file("/articles/gamma-lisbon", "article.html")
    spec = SourceSettings(url=server.url("/feed"), fetch_full_text=True)
    first = ingest([spec], settings=_settings(), store=store)
    assert (first.new, first.failed) == (3, 2)
    assert store.articles.kind_of(server.url("/articles/gamma-lisbon")) == "full"
    # A failed run keeps no validators, so the next run reads the feed in full and retries.
    assert "HTTP 404" in (store.sources.get(spec.target).last_error or "")

    second = ingest([spec], settings=_settings(), store=store)
    assert (second.new, second.failed) == (0, 2)
    assert len(server.hits("/articles/gamma-lisbon")) == 1
    assert len(server.hits("/articles/omega-gone")) == 2


# -- arbitrary page bytes ---------------------------------------------------------------------------


@hsettings(max_examples=60, deadline=None)
@given(st.one_of(st.binary(max_size=400), st.text(max_size=400).map(lambda t: f"<html><body><p>{t}</p>".encode())))
def test_any_page_bytes_give_an_article_or_a_parse_error(data: bytes) -> None:
    try:
        article = parse_page(data, url="https://fuzz.example/a", charset=None)
    except ParseError as exc:
        assert exc.where == "https://fuzz.example/a"
        return
    assert article.title and article.text and article.url.startswith("https://fuzz.example")


def test_a_parse_error_after_a_redirect_names_both_urls(server: Server) -> None:
    server.route("/feed", Reply(301, b"", {"Location": "/moved"}))
    server.route("/moved", Reply(body=b"<<<>>>", headers={"Content-Type": "application/rss+xml"}))
    [error] = _read(server.url("/feed")).errors
    assert error.where == f"{server.url('/feed')} (redirected to {server.url('/moved')})"
    assert error.problem.startswith("not a valid feed")
