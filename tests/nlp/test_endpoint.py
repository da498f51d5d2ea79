"""The endpoint backend against a local stand-in speaking the Inference/TGI API."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import huggingface_hub.constants
import pytest

from bot.errors import ConfigError, ModelError
from bot.nlp.summarizers.base import parse_options
from bot.nlp.summarizers.endpoint import EndpointSummarizer


class _Handler(BaseHTTPRequestHandler):
    calls: list[dict[str, object]] = []
    status = 200

    def do_POST(self) -> None:  # noqa: N802 (http.server's name)
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).calls.append({"path": self.path, "body": body, "auth": self.headers.get("Authorization")})
        if type(self).status != 200:
            self.send_response(type(self).status)
            self.end_headers()
            return
        text = body["inputs"]
        if "parameters" in body and "max_new_tokens" in body["parameters"] and "Summary:" in text:
            payload: object = [{"generated_text": "TGI summary."}]
        else:
            payload = [{"summary_text": f"Summary of {len(text)} chars."}]
        data = json.dumps(payload).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    # CI sets HF_HUB_OFFLINE=1, which huggingface_hub applies to every URL.
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_OFFLINE", False)
    _Handler.calls = []
    _Handler.status = 200
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_summarization_task(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_TOKEN", "hf_secret")
    backend = EndpointSummarizer("remote", parse_options("endpoint", {"url": server}))
    out = backend.summarize(["First article.", "Second one, longer."])
    assert [s.text for s in out] == ["Summary of 14 chars.", "Summary of 19 chars."]
    assert out[0].backend == "endpoint"
    assert _Handler.calls[0]["body"]["inputs"] == "First article."  # type: ignore[index]
    assert _Handler.calls[0]["auth"] == "Bearer hf_secret"


def test_text_generation_task_uses_prompt(server: str) -> None:
    backend = EndpointSummarizer("remote", parse_options("endpoint", {"url": server, "task": "text-generation"}))
    assert backend.summarize(["Body."])[0].text == "TGI summary."
    assert "Article:\nBody." in _Handler.calls[0]["body"]["inputs"]  # type: ignore[index]


def test_http_errors_say_what_to_fix(server: str) -> None:
    _Handler.status = 401
    backend = EndpointSummarizer("remote", parse_options("endpoint", {"url": server}))
    with pytest.raises(ModelError, match="HTTP 401.*HF_TOKEN"):
        backend.summarize(["x"])


def test_options_are_strict() -> None:
    with pytest.raises(ConfigError, match="summarizer.options.urll"):
        parse_options("endpoint", {"url": "http://x", "urll": 1})
    with pytest.raises(ConfigError, match="not an http"):
        parse_options("endpoint", {"url": "ftp://x"})


def test_offline_mode_is_explained(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_OFFLINE", True)
    backend = EndpointSummarizer("remote", parse_options("endpoint", {"url": server}))
    with pytest.raises(ModelError, match="unset HF_HUB_OFFLINE"):
        backend.summarize(["Body."])
