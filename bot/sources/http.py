"""One guarded HTTP GET: timeouts, a size cap, bounded redirects, conditional GET.

Every URL we fetch may have come from someone else's feed, so each hop of a
fetch (the first request and every redirect) passes the address guard first:
loopback, private, link-local, multicast, reserved and cloud-metadata
addresses are refused unless ``fetch.allow_hosts`` names the host or
``fetch.allow_private_addresses`` is set.

Known limit: the guard resolves the host, then httpx resolves it again to
connect, so a DNS server that answers differently the second time (DNS
rebinding) could slip past it.  Pinning the connection to the checked address
would need a custom transport; the metadata host names are refused by name
regardless.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urljoin, urlsplit

import httpx

from bot.config import FetchSettings
from bot.errors import FetchError
from bot.sources.base import FetchState

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str], Sequence[str]]

_REDIRECTS = {301, 302, 303, 307, 308}
_METADATA_HOSTS = {"metadata.google.internal", "metadata.goog", "metadata"}
_METADATA_ADDRESSES = {ipaddress.ip_address("169.254.169.254"), ipaddress.ip_address("fd00:ec2::254"),
                       ipaddress.ip_address("100.100.100.200")}
_ACCEPT = ("application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml, "
           "application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5")
_ALLOW_HINT = "if you trust this host, add it to fetch.allow_hosts in newsbot.yaml"


@dataclass(frozen=True)
class Fetched:
    """What a GET gave: the body, or ``not_modified`` after a 304."""

    url: str  # after redirects
    status: int
    content: bytes
    content_type: str  # media type only, lower case ("" when the server sent none)
    charset: str | None
    state: FetchState
    not_modified: bool = False


# -- the address guard (pure parts first) -------------------------------------------------------


def address_problem(address: IPAddress) -> str | None:
    """Why we refuse to connect to ``address``, or None when it is a public address."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    if address in _METADATA_ADDRESSES:
        return "a cloud metadata address"
    checks = (
        ("is_loopback", "a loopback address"),
        ("is_link_local", "a link-local address"),
        ("is_multicast", "a multicast address"),
        ("is_unspecified", "an unspecified address"),
        ("is_private", "a private address"),
        ("is_reserved", "a reserved address"),
    )
    for attribute, problem in checks:
        if getattr(address, attribute):
            return problem
    if not address.is_global:
        # Shared (100.64/10), documentation and benchmarking ranges and the like.
        return "not a public address"
    return None


def _host_allowed(host: str, addresses: Sequence[IPAddress], allow_hosts: Sequence[str]) -> bool:
    for entry in allow_hosts:
        entry = entry.strip().lower().rstrip(".")
        if entry == host:
            return True
        try:
            network = ipaddress.ip_network(entry, strict=False)
        except ValueError:
            continue
        if any(a in network for a in addresses):
            return True
    return False


def system_resolver(host: str) -> list[str]:
    infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    return sorted({str(info[4][0]) for info in infos})


def check_url(url: str, settings: FetchSettings, resolve: Resolver = system_resolver) -> None:
    """Raise FetchError unless ``url`` is http(s) and its host may be fetched."""
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower().rstrip(".")
        _ = parts.port  # raises ValueError on a port out of range
    except ValueError as exc:
        raise FetchError(url, f"not a valid URL: {exc}") from None
    if parts.scheme not in ("http", "https"):
        raise FetchError(url, f"refused: only http and https URLs are fetched, not {parts.scheme or 'no scheme'!r}")
    if not host:
        raise FetchError(url, "refused: the URL has no host")
    if settings.allow_private_addresses or _host_allowed(host, [], settings.allow_hosts):
        return
    if host in _METADATA_HOSTS:
        raise FetchError(url, f"refused: {host} is a cloud metadata host")
    if host == "localhost" or host.endswith(".localhost"):
        raise FetchError(url, f"refused: {host} is a loopback name", hint=_ALLOW_HINT)
    try:
        literal: IPAddress | None = ipaddress.ip_address(host)
    except ValueError:
        literal = None
    if literal is not None:
        addresses = [literal]
    else:
        try:
            addresses = [ipaddress.ip_address(a.split("%", 1)[0]) for a in resolve(host)]
        except (OSError, UnicodeError) as exc:
            raise FetchError(url, f"cannot resolve host {host!r}: {exc}", hint="check the URL and your network") from None
        if not addresses:
            raise FetchError(url, f"cannot resolve host {host!r}", hint="check the URL and your network")
    if _host_allowed(host, addresses, settings.allow_hosts):
        return
    for address in addresses:
        problem = address_problem(address)
        if problem is not None:
            shown = host if str(address) == host else f"{host} ({address})"
            hint = None if problem == "a cloud metadata address" else _ALLOW_HINT
            raise FetchError(url, f"refused: {shown} is {problem}", hint=hint)


# -- the fetch -----------------------------------------------------------------------------------


def _media_type(value: str | None) -> tuple[str, str | None]:
    if not value:
        return "", None
    message = Message()
    message["content-type"] = value
    charset = message.get_param("charset")
    return message.get_content_type().lower(), str(charset) if isinstance(charset, str) else None


def _status_hint(status: int, headers: httpx.Headers) -> str:
    if status in (404, 410):
        return "the page is gone: check the URL or remove the source"
    if status in (401, 403):
        return "the server refuses us: the feed may need a login, or blocks fetch.user_agent"
    if status == 429:
        after = headers.get("retry-after")
        return f"rate limited: try again later{f' (Retry-After: {after})' if after else ''}"
    if status >= 500:
        return "the server failed: usually temporary, the next run tries again"
    return "check the URL"


def _request_headers(settings: FetchSettings, state: FetchState | None) -> dict[str, str]:
    headers = {"User-Agent": settings.user_agent, "Accept": _ACCEPT}
    if state is not None:
        if state.etag:
            headers["If-None-Match"] = state.etag
        if state.last_modified:
            headers["If-Modified-Since"] = state.last_modified
    return headers


def _timeout(settings: FetchSettings) -> httpx.Timeout:
    return httpx.Timeout(connect=settings.connect_timeout, read=settings.read_timeout,
                         write=settings.read_timeout, pool=settings.connect_timeout)


@contextmanager
def http_client(client: httpx.Client | None, settings: FetchSettings) -> Iterator[httpx.Client]:
    """The given client, or one of ours that is closed afterwards."""
    if client is not None:
        yield client
        return
    with httpx.Client(timeout=_timeout(settings), follow_redirects=False) as own:
        yield own


def _read_capped(url: str, response: httpx.Response, max_bytes: int) -> bytes:
    too_big = f"response is larger than the {max_bytes:,} byte limit"
    hint = "raise fetch.max_bytes in newsbot.yaml if this source is really that large"
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(url, f"{too_big} ({int(declared):,} bytes declared)", hint=hint)
    chunks: list[bytes] = []
    size = 0
    # Counted after decompression, so a small gzip bomb hits the cap too.
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(url, too_big, hint=hint)
        chunks.append(chunk)
    return b"".join(chunks)


def _describe_transport_error(exc: httpx.TransportError, settings: FetchSettings) -> tuple[str, str]:
    if isinstance(exc, httpx.ConnectTimeout):
        return (f"timed out connecting after {settings.connect_timeout:g}s",
                "the server did not answer: check the URL, or raise fetch.connect_timeout")
    if isinstance(exc, httpx.TimeoutException):
        return (f"timed out waiting for the server after {settings.read_timeout:g}s",
                "the server is slow: the next run tries again, or raise fetch.read_timeout")
    if isinstance(exc, httpx.ConnectError):
        return f"cannot connect: {exc or type(exc).__name__}", "check the URL and that the server is up"
    return f"transfer failed: {exc or type(exc).__name__}", "the next run tries again"


def fetch(
    url: str,
    *,
    settings: FetchSettings,
    client: httpx.Client,
    state: FetchState | None = None,
    resolve: Resolver = system_resolver,
) -> Fetched:
    """GET ``url``; FetchError (naming the URL) for anything but a usable answer or a 304."""
    headers = _request_headers(settings, state)
    timeout = _timeout(settings)
    current = url
    seen = [url]

    def where() -> str:
        return url if current == url else f"{url} (redirected to {current})"

    while True:
        try:
            check_url(current, settings, resolve)
        except FetchError as exc:
            raise FetchError(where(), exc.problem, hint=exc.hint) from None
        try:
            with client.stream("GET", current, headers=headers, timeout=timeout,
                               follow_redirects=False) as response:
                status = response.status_code
                if status in _REDIRECTS and "location" in response.headers:
                    try:
                        target = urljoin(current, response.headers["location"])
                    except ValueError:
                        raise FetchError(where(), f"redirect to an invalid URL: {response.headers['location']!r}",
                                         hint="the site is misconfigured; check the URL") from None
                    if target in seen:
                        chain = " -> ".join([*seen[seen.index(target):], target])
                        raise FetchError(url, f"redirect loop: {chain}",
                                         hint="the site is misconfigured; check the URL")
                    if len(seen) > settings.max_redirects:
                        raise FetchError(url, f"more than {settings.max_redirects} redirects (last to {target})",
                                         hint="use the final URL directly, or raise fetch.max_redirects")
                    seen.append(target)
                    current = target
                    continue
                new_state = FetchState(etag=response.headers.get("etag"),
                                       last_modified=response.headers.get("last-modified"))
                if status == 304:
                    return Fetched(current, status, b"", "", None, state or new_state, not_modified=True)
                if not 200 <= status < 300:
                    raise FetchError(where(), f"HTTP {status} {response.reason_phrase or ''}".strip(),
                                     hint=_status_hint(status, response.headers))
                content = _read_capped(where(), response, settings.max_bytes)
                media, charset = _media_type(response.headers.get("content-type"))
                return Fetched(current, status, content, media, charset, new_state)
        except httpx.TransportError as exc:
            problem, hint = _describe_transport_error(exc, settings)
            raise FetchError(where(), problem, hint=hint) from None
        except httpx.HTTPError as exc:
            raise FetchError(where(), f"transfer failed: {exc or type(exc).__name__}",
                             hint="the next run tries again") from None
        except httpx.InvalidURL as exc:
            raise FetchError(where(), f"not a valid URL: {exc}") from None
