"""HTTP mode: Slack's requests to ``/slack/events``, one thread each, signatures checked by Bolt.

Bolt's own ``app.start()`` server handles one request at a time; a slow client
there would delay every other acknowledgement past Slack's 3 seconds.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from slack_bolt import App, BoltRequest, BoltResponse

EVENTS_PATH = "/slack/events"
# Slack's payloads are small; anything far bigger is not from Slack.
MAX_BODY = 1024 * 1024

log = logging.getLogger("bot.slack.http")

# () -> (HTTP status, JSON body): what /healthz answers.
Health = Callable[[], tuple[int, dict[str, object]]]


def make_server(app: App, *, host: str = "0.0.0.0", port: int = 3000, path: str = EVENTS_PATH,
                health: Health | None = None) -> ThreadingHTTPServer:
    """A server for ``app`` (port 0 picks a free port: see ``server.server_address``)."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the stdlib's name
            log.debug("%s " + format, self.address_string(), *args)

        def _send(self, response: BoltResponse) -> None:
            body = response.body.encode("utf-8") if isinstance(response.body, str) else b""
            self.send_response(response.status)
            for name, values in response.headers.items():
                if name.lower() == "content-length":
                    continue
                for value in values:
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
            # A probe for load balancers and orchestrators; Slack itself only POSTs.
            if self.path.partition("?")[0] != "/healthz":
                self._send(BoltResponse(status=404, body=""))
                return
            status, body = health() if health is not None else (200, {"status": "ok"})
            self._send(BoltResponse(status=status, body=json.dumps(body),
                                    headers={"content-type": ["application/json"]}))

        def do_POST(self) -> None:  # noqa: N802 - the stdlib's name
            request_path, _, query = self.path.partition("?")
            length = int(self.headers.get("Content-Length") or 0)
            if request_path != path:
                self._send(BoltResponse(status=404, body=""))
                return
            if length > MAX_BODY:
                self._send(BoltResponse(status=413, body=""))
                return
            body = self.rfile.read(length).decode("utf-8")
            headers = {k.lower(): [v] for k, v in self.headers.items()}
            self._send(app.dispatch(BoltRequest(body=body, query=query, headers=headers)))

    server = ThreadingHTTPServer((host, port), Handler)
    server.daemon_threads = True
    return server


def serve_http(app: App, *, host: str = "0.0.0.0", port: int = 3000, health: Health | None = None) -> None:
    server = make_server(app, host=host, port=port, health=health)
    log.warning("newsbot listening on http://%s:%s%s", host, server.server_address[1], EVENTS_PATH)
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        server.server_close()
