"""A Slack Web API stand-in on 127.0.0.1 that records every call (as slack-bolt's own tests do).

It answers like Slack for the methods newsbot uses (chat.postMessage keeps each
channel's messages, metadata included, for conversations.history), accepts ``response_url``
posts under ``/respond/...``, and can answer the next N calls of a method with
429 + Retry-After or with a Slack error.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

BOT_USER = "UBOT"
BOT_ID = "BBOT"
TEAM = "T0001"


@dataclass
class Call:
    path: str
    body: dict[str, Any]
    headers: dict[str, str]
    at: float
    status: int = 200

    @property
    def method(self) -> str:
        return self.path.rsplit("/", 1)[-1]


@dataclass
class SlackStandIn:
    calls: list[Call] = field(default_factory=list)
    # method -> [(status, headers, body)] answered before the normal answer.
    scripted: dict[str, list[tuple[int, dict[str, str], dict[str, Any]]]] = field(default_factory=dict)
    # channel -> messages posted there, oldest first, as conversations.history returns them.
    history: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    # Message ts are epoch + a counter: tests with a fake clock set epoch to it.
    epoch: int = 1700000000
    _ts: int = 0

    def __post_init__(self) -> None:
        self._lock = threading.Condition()
        standin = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802 - slack_sdk reads (conversations.history) with GET
                path, _, query = self.path.partition("?")
                self._handle(path, {k: v[0] for k, v in parse_qs(query, keep_blank_values=True).items()})

            def do_POST(self) -> None:  # noqa: N802
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode("utf-8")
                ctype = self.headers.get("Content-Type", "")
                if "json" in ctype:
                    body = json.loads(raw or "{}")
                else:
                    body = {k: v[0] for k, v in parse_qs(raw, keep_blank_values=True).items()}
                    for key in ("blocks", "metadata"):
                        if isinstance(body.get(key), str):
                            body[key] = json.loads(body[key])
                self._handle(urlsplit(self.path).path, body)

            def _handle(self, path: str, body: dict[str, Any]) -> None:
                self.path = path
                status, headers, answer = standin._answer(self.path, body)
                # Recorded before answering, so a caller that got its answer finds its call here.
                with standin._lock:
                    standin.calls.append(Call(self.path, body, dict(self.headers.items()), time.monotonic(), status))
                    standin._lock.notify_all()
                data = json.dumps(answer).encode() if isinstance(answer, dict) else answer.encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json" if isinstance(answer, dict) else "text/plain")
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def api_url(self) -> str:
        return self.url + "/api/"

    def response_url(self, name: str = "cmd") -> str:
        return f"{self.url}/respond/{name}"

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def script(self, method: str, status: int, body: dict[str, Any], headers: dict[str, str] | None = None) -> None:
        self.scripted.setdefault(method, []).append((status, headers or {}, body))

    def _answer(self, path: str, body: dict[str, Any]) -> tuple[int, dict[str, str], dict[str, Any] | str]:
        if path.startswith("/respond/"):
            return 200, {}, "ok"
        method = path.rsplit("/", 1)[-1]
        with self._lock:
            queued = self.scripted.get(method)
            if queued:
                return queued.pop(0)
            self._ts += 1
            ts = f"{self.epoch}.{self._ts:06d}"
        if method == "auth.test":
            return 200, {}, {"ok": True, "url": "https://newsbot-test.slack.com/", "team": "Test", "user": "newsbot",
                             "team_id": TEAM, "user_id": BOT_USER, "bot_id": BOT_ID}
        if method == "chat.postMessage":
            message: dict[str, Any] = {"type": "message", "text": body.get("text"), "ts": ts, "bot_id": BOT_ID}
            if body.get("thread_ts"):
                message["thread_ts"] = body["thread_ts"]
            if body.get("metadata"):
                message["metadata"] = body["metadata"]
            with self._lock:
                self.history.setdefault(str(body.get("channel")), []).append(message)
            return 200, {}, {"ok": True, "channel": body.get("channel"), "ts": ts, "message": message}
        if method == "conversations.history":
            oldest = float(body.get("oldest") or 0)
            with_metadata = str(body.get("include_all_metadata", "")).lower() in ("1", "true")
            with self._lock:
                found = [dict(m) for m in self.history.get(str(body.get("channel")), [])
                         if float(m["ts"]) > oldest and "thread_ts" not in m]
            for m in found:
                if not with_metadata:
                    m.pop("metadata", None)
            # Newest first, as Slack answers.
            return 200, {}, {"ok": True, "messages": found[::-1], "has_more": False,
                             "response_metadata": {"next_cursor": ""}}
        if method == "chat.postEphemeral":
            return 200, {}, {"ok": True, "message_ts": ts}
        return 200, {}, {"ok": False, "error": "unknown_method"}

    # --- reading what was called -------------------------------------------------

    def to(self, method_or_path: str) -> list[Call]:
        with self._lock:
            return [c for c in self.calls if c.method == method_or_path or c.path.startswith(method_or_path)]

    def posted(self) -> list[Call]:
        """Messages Slack accepted (429s and errors left out)."""
        return [c for c in self.to("chat.postMessage") if c.status == 200]

    def wait_for(self, predicate: Callable[[list[Call]], bool], timeout: float = 10.0) -> list[Call]:
        deadline = time.monotonic() + timeout
        with self._lock:
            while not predicate(self.calls):
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"timed out; calls so far: {[c.path for c in self.calls]}")
                self._lock.wait(left)
            return list(self.calls)
