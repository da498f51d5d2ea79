"""The guarded fetch against a local server: status, timeouts, redirects, size cap, SSRF guard."""

from __future__ import annotations

import ipaddress
import time
from collections.abc import Iterator

import httpx
import pytest

from bot.config import FetchSettings
from bot.errors import FetchError
from bot.sources.base import FetchState
from bot.sources.http import address_problem, check_url, fetch
from tests.sources.webserver import Reply, Server, server  # noqa: F401 (fixture)

LOCAL = FetchSettings(allow_hosts=["127.0.0.1"], connect_timeout=2, read_timeout=2)


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    with httpx.Client() as c:
        yield c


def _fetch(url: str, client: httpx.Client, settings: FetchSettings = LOCAL, **kw: object):  # type: ignore[no-untyped-def]
    return fetch(url, settings=settings, client=client, **kw)  # type: ignore[arg-type]


# -- the address guard ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ("127.0.0.1", "a loopback address"),
        ("127.8.9.10", "a loopback address"),
        ("::1", "a loopback address"),
        ("10.1.2.3", "a private address"),
        ("172.16.0.1", "a private address"),
        ("192.168.1.1", "a private address"),
        ("fd12:3456::1", "a private address"),
        ("169.254.169.254", "a cloud metadata address"),
        ("fd00:ec2::254", "a cloud metadata address"),
        ("169.254.1.1", "a link-local address"),
        ("fe80::1", "a link-local address"),
        ("224.0.0.1", "a multicast address"),
        ("0.0.0.0", "an unspecified address"),
        ("240.0.0.1", "a private address"),  # reserved; Python counts 240/4 as private too
        ("100.64.0.1", "not a public address"),
        ("::ffff:10.0.0.1", "a private address"),
        ("::ffff:127.0.0.1", "a loopback address"),
        ("93.184.216.34", None),
        ("2606:4700::1111", None),
    ],
)
def test_address_problem(address: str, problem: str | None) -> None:
    assert address_problem(ipaddress.ip_address(address)) == problem


def _resolver(table: dict[str, list[str]]):  # type: ignore[no-untyped-def]
    def resolve(host: str) -> list[str]:
        if host not in table:
            raise OSError(f"unknown host {host}")
        return table[host]

    return resolve


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://127.0.0.1:8080/feed", "refused: 127.0.0.1 is a loopback address"),
        ("http://10.0.0.5/feed", "refused: 10.0.0.5 is a private address"),
        ("http://169.254.169.254/latest/meta-data/", "refused: 169.254.169.254 is a cloud metadata address"),
        ("http://[fd00:ec2::254]/", "refused: fd00:ec2::254 is a cloud metadata address"),
        ("http://metadata.google.internal/computeMetadata/v1/", "metadata.google.internal is a cloud metadata host"),
        ("http://localhost:8000/", "refused: localhost is a loopback name"),
        ("http://api.localhost/", "refused: api.localhost is a loopback name"),
        ("http://intranet.example/", "refused: intranet.example (192.168.0.10) is a private address"),
        ("http://mixed.example/", "refused: mixed.example (10.9.9.9) is a private address"),
        ("http://2130706433/", "refused: 2130706433 (127.0.0.1) is a loopback address"),
        ("ftp://files.example/feed", "only http and https URLs are fetched, not 'ftp'"),
        ("file:///etc/passwd", "only http and https URLs are fetched, not 'file'"),
        ("http://nowhere.example/", "cannot resolve host 'nowhere.example'"),
        ("http://[broken/feed", "not a valid URL"),
        ("http://news.example:99999/feed", "not a valid URL"),
        ("http:///feed", "refused: the URL has no host"),
    ],
)
def test_guard_refuses(url: str, message: str) -> None:
    resolve = _resolver({"intranet.example": ["192.168.0.10"], "mixed.example": ["93.184.216.34", "10.9.9.9"],
                         "2130706433": ["127.0.0.1"]})
    with pytest.raises(FetchError) as caught:
        check_url(url, FetchSettings(), resolve)
    assert message in str(caught.value)
    assert caught.value.where == url


def test_guard_allows_public_and_configured_hosts() -> None:
    resolve = _resolver({"news.example": ["93.184.216.34"], "intranet.example": ["192.168.0.10"]})
    check_url("https://news.example/feed", FetchSettings(), resolve)
    check_url("http://intranet.example/feed", FetchSettings(allow_hosts=["intranet.example"]), resolve)
    check_url("http://intranet.example/feed", FetchSettings(allow_hosts=["192.168.0.0/24"]), resolve)
    check_url("http://10.1.1.1/feed", FetchSettings(allow_private_addresses=True), resolve)
    # Allowing one private host does not open the others.
    with pytest.raises(FetchError):
        check_url("http://10.1.1.1/feed", FetchSettings(allow_hosts=["intranet.example"]), resolve)


def test_loopback_is_refused_without_allow_hosts(server: Server, client: httpx.Client) -> None:
    server.route("/feed.xml", Reply(body=b"<rss/>"))
    with pytest.raises(FetchError) as caught:
        _fetch(server.url("/feed.xml"), client, FetchSettings())
    assert "127.0.0.1 is a loopback address" in str(caught.value)
    assert "fetch.allow_hosts" in str(caught.value)
    assert server.requests == []  # refused before any connection


# -- fetching ---------------------------------------------------------------------------------------


def test_ok_returns_body_type_and_validators(server: Server, client: httpx.Client) -> None:
    server.route("/feed.xml", Reply(body=b"<rss>x</rss>", headers={
        "Content-Type": "application/rss+xml; charset=ISO-8859-1", "ETag": '"v1"',
        "Last-Modified": "Tue, 05 Mar 2024 10:00:00 GMT"}))
    got = _fetch(server.url("/feed.xml"), client)
    assert got.content == b"<rss>x</rss>" and got.status == 200 and not got.not_modified
    assert (got.content_type, got.charset) == ("application/rss+xml", "ISO-8859-1")
    assert got.state == FetchState('"v1"', "Tue, 05 Mar 2024 10:00:00 GMT")
    [request] = server.hits("/feed.xml")
    assert request.headers["user-agent"] == LOCAL.user_agent
    assert "if-none-match" not in request.headers


def test_conditional_get_sends_validators_and_304_is_not_modified(server: Server, client: httpx.Client) -> None:
    server.serve_conditional("/feed.xml", "rss2.xml", etag='"abc"', last_modified="Tue, 05 Mar 2024 10:00:00 GMT")
    state = FetchState('"abc"', "Tue, 05 Mar 2024 10:00:00 GMT")
    got = _fetch(server.url("/feed.xml"), client, state=state)
    assert got.not_modified and got.content == b"" and got.state == state
    [request] = server.hits("/feed.xml")
    assert request.headers["if-none-match"] == '"abc"'
    assert request.headers["if-modified-since"] == "Tue, 05 Mar 2024 10:00:00 GMT"


@pytest.mark.parametrize(
    ("status", "problem", "hint"),
    [
        (404, "HTTP 404 Not Found", "the page is gone"),
        (410, "HTTP 410 Gone", "the page is gone"),
        (403, "HTTP 403 Forbidden", "fetch.user_agent"),
        (500, "HTTP 500 Internal Server Error", "usually temporary"),
        (503, "HTTP 503 Service Unavailable", "usually temporary"),
    ],
)
def test_http_errors(server: Server, client: httpx.Client, status: int, problem: str, hint: str) -> None:
    server.route("/x", Reply(status, b"nope"))
    with pytest.raises(FetchError) as caught:
        _fetch(server.url("/x"), client)
    assert caught.value.where == server.url("/x")
    assert caught.value.problem == problem
    assert hint in (caught.value.hint or "")


def test_rate_limit_names_retry_after(server: Server, client: httpx.Client) -> None:
    server.route("/x", Reply(429, b"", {"Retry-After": "120"}))
    with pytest.raises(FetchError, match=r"HTTP 429.*Retry-After: 120"):
        _fetch(server.url("/x"), client)


def test_slow_server_hits_the_read_timeout(server: Server, client: httpx.Client) -> None:
    server.route("/slow", Reply(body=b"<rss/>", delay=1.5))
    settings = LOCAL.model_copy(update={"read_timeout": 0.2})
    started = time.monotonic()
    with pytest.raises(FetchError) as caught:
        _fetch(server.url("/slow"), client, settings)
    assert time.monotonic() - started < 1.2
    assert "timed out waiting for the server after 0.2s" in str(caught.value)
    assert "fetch.read_timeout" in str(caught.value)


def test_connection_refused(client: httpx.Client) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens here once closed
    with pytest.raises(FetchError, match="cannot connect"):
        _fetch(f"http://127.0.0.1:{port}/feed", client)


def test_redirects_are_followed_and_the_final_url_kept(server: Server, client: httpx.Client) -> None:
    server.route("/old", Reply(301, b"", {"Location": "/middle"}))
    server.route("/middle", Reply(302, b"", {"Location": server.url("/new")}))
    server.route("/new", Reply(body=b"<rss/>", headers={"Content-Type": "application/rss+xml"}))
    got = _fetch(server.url("/old"), client)
    assert got.url == server.url("/new") and got.content == b"<rss/>"


def test_redirect_loop(server: Server, client: httpx.Client) -> None:
    server.route("/a", Reply(302, b"", {"Location": "/b"}))
    server.route("/b", Reply(302, b"", {"Location": "/a"}))
    with pytest.raises(FetchError) as caught:
        _fetch(server.url("/a"), client)
    assert caught.value.problem == f"redirect loop: {server.url('/a')} -> {server.url('/b')} -> {server.url('/a')}"
    assert len(server.requests) == 2


def test_too_many_redirects(server: Server, client: httpx.Client) -> None:
    for i in range(6):
        server.route(f"/r{i}", Reply(302, b"", {"Location": f"/r{i + 1}"}))
    settings = LOCAL.model_copy(update={"max_redirects": 3})
    with pytest.raises(FetchError, match=r"more than 3 redirects .*fetch\.max_redirects"):
        _fetch(server.url("/r0"), client, settings)
    assert len(server.requests) == 4


def test_redirect_to_a_private_address_is_refused(server: Server, client: httpx.Client) -> None:
    server.route("/go", Reply(302, b"", {"Location": "http://169.254.169.254/latest/meta-data/"}))
    with pytest.raises(FetchError) as caught:
        _fetch(server.url("/go"), client)
    assert caught.value.where == f"{server.url('/go')} (redirected to http://169.254.169.254/latest/meta-data/)"
    assert "cloud metadata address" in caught.value.problem


def test_redirect_to_another_scheme_is_refused(server: Server, client: httpx.Client) -> None:
    server.route("/go", Reply(302, b"", {"Location": "file:///etc/passwd"}))
    with pytest.raises(FetchError, match="only http and https"):
        _fetch(server.url("/go"), client)


@pytest.mark.parametrize("send_length", [True, False])
def test_size_cap(server: Server, client: httpx.Client, send_length: bool) -> None:
    server.route("/big", Reply(body=b"x" * 50_000, send_length=send_length))
    server.route("/small", Reply(body=b"x" * 1_000, send_length=send_length))
    settings = LOCAL.model_copy(update={"max_bytes": 10_000})
    with pytest.raises(FetchError) as caught:
        _fetch(server.url("/big"), client, settings)
    assert "larger than the 10,000 byte limit" in caught.value.problem
    assert "fetch.max_bytes" in (caught.value.hint or "")
    assert len(_fetch(server.url("/small"), client, settings).content) == 1_000
