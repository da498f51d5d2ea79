"""A local HTTP server for the URL-source tests: static fixtures plus per-test routes.

Files under tests/data/feeds are served with ``{{BASE}}`` replaced by the
server's own base URL, so fixture feeds can link to pages on it.  Every
request is recorded (path and headers) so tests can count fetches and check
the conditional-GET validators we sent.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

FEEDS = Path(__file__).resolve().parent.parent / "data" / "feeds"

_TYPES = {
    ".xml": "application/rss+xml",
    ".rdf": "application/rdf+xml",
    ".atom": "application/atom+xml",
    ".json": "application/feed+json",
    ".html": "text/html; charset=utf-8",
}


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds to sleep before answering (timeouts)
    # False: no Content-Length, the body ends when the connection closes (a stream of unknown size).
    send_length: bool = True


Route = Callable[["Request"], Reply]


@dataclass(frozen=True)
class Request:
    path: str
    headers: dict[str, str]


class Server:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[Request] = []
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._httpd.daemon_threads = True
        self.port = self._httpd.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return f"{self.base}{path}"

    def hits(self, path: str) -> list[Request]:
        with self._lock:
            return [r for r in self.requests if r.path == path]

    def route(self, path: str, reply: Reply | Route) -> None:
        self.routes[path] = reply if callable(reply) else (lambda _req, r=reply: r)

    def fixture(self, name: str) -> bytes:
        """A fixture file's bytes as served (with {{BASE}} filled in)."""
        return (FEEDS / name).read_bytes().replace(b"{{BASE}}", self.base.encode())

    def serve_file(self, path: str, name: str, *, content_type: str | None = None,
                   headers: dict[str, str] | None = None) -> None:
        ctype = content_type or _TYPES.get(Path(name).suffix, "application/octet-stream")
        self.route(path, Reply(body=self.fixture(name), headers={"Content-Type": ctype, **(headers or {})}))

    def serve_conditional(self, path: str, name: str, *, etag: str | None = None,
                          last_modified: str | None = None) -> None:
        """Serve a fixture with validators; answer 304 when the request carries matching ones."""
        body = self.fixture(name)
        validators = {k: v for k, v in (("ETag", etag), ("Last-Modified", last_modified)) if v}
        ctype = _TYPES.get(Path(name).suffix, "application/octet-stream")

        def answer(request: Request) -> Reply:
            fresh = (etag is not None and request.headers.get("if-none-match") == etag) or (
                etag is None and last_modified is not None
                and request.headers.get("if-modified-since") == last_modified)
            if fresh:
                return Reply(304, b"", validators)
            return Reply(200, body, {"Content-Type": ctype, **validators})

        self.route(path, answer)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                request = Request(self.path, {k.lower(): v for k, v in self.headers.items()})
                with server._lock:
                    server.requests.append(request)
                route = server.routes.get(self.path)
                reply = route(request) if route else Reply(404, b"not found")
                if reply.delay:
                    threading.Event().wait(reply.delay)
                try:
                    self.send_response(reply.status)
                    for key, value in reply.headers.items():
                        self.send_header(key, value)
                    if reply.send_length:
                        self.send_header("Content-Length", str(len(reply.body)))
                    self.end_headers()
                    self.wfile.write(reply.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeouts, size cap): expected

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

        return Handler

    def start(self) -> None:
        threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


@pytest.fixture
def server() -> Iterator[Server]:
    srv = Server()
    srv.start()
    try:
        yield srv
    finally:
        srv.stop()
