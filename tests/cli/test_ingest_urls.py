"""`newsbot ingest URL ...` through click's runner, against a local server."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from bot.cli import cli
from tests.sources.webserver import Reply, Server, server  # noqa: F401 (fixture)


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'a.db'}")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _config(workdir: Path, sources: list[dict[str, object]] | None = None) -> None:
    lines = ["fetch:", "  allow_hosts: [127.0.0.1]", "  read_timeout: 2", "sources:"]
    if not sources:
        lines[-1] = "sources: []"
    for source in sources or []:
        lines.append("  - " + json.dumps(source))
    (workdir / "newsbot.yaml").write_text("\n".join(lines) + "\n")


def _run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def _last_line(result: Result) -> str:
    return result.output.strip().splitlines()[-1]


def test_ingest_a_feed_url_twice(server: Server, workdir: Path) -> None:
    _config(workdir)
    server.serve_conditional("/feed.xml", "rss2.xml", etag='"one"')
    first = _run("ingest", server.url("/feed.xml"))
    assert first.exit_code == 0, first.output
    assert _last_line(first) == "3 new, 0 updated, 0 unchanged, 0 failed"
    second = _run("ingest", server.url("/feed.xml"))
    assert second.exit_code == 0, second.output
    assert _last_line(second) == "0 new, 0 updated, 0 unchanged, 0 failed"
    assert server.hits("/feed.xml")[1].headers["if-none-match"] == '"one"'
    rows = [json.loads(line) for line in _run("articles", "--json").output.splitlines()]
    assert sorted(r["kind"] for r in rows) == ["full", "stub", "stub"]
    assert {r["provider"] for r in rows} == {"Example Tech Wire"}


def test_loopback_needs_allow_hosts(server: Server, workdir: Path) -> None:
    (workdir / "newsbot.yaml").write_text("sources: []\n")
    server.serve_file("/feed.xml", "rss2.xml")
    result = _run("ingest", server.url("/feed.xml"))
    assert result.exit_code == 1
    assert f"error: {server.url('/feed.xml')}: refused: 127.0.0.1 is a loopback address" in result.output
    assert "fetch.allow_hosts" in result.output
    assert server.requests == []


def test_a_failing_url_among_good_sources(server: Server, workdir: Path) -> None:
    server.serve_file("/feed.xml", "rss2.xml")
    server.serve_file("/atom", "atom.xml")
    server.serve_file("/articles/gamma-lisbon", "article.html")
    server.route("/dead", Reply(500, b"boom"))
    folder = workdir / "articles"
    folder.mkdir()
    (folder / "local.txt").write_text("A local article\nWritten by us, stored beside the feeds.\n")
    _config(workdir, [
        {"url": server.url("/feed.xml"), "name": "wire"},
        {"url": server.url("/dead"), "kind": "feed"},
        {"url": server.url("/atom")},
        {"url": server.url("/articles/gamma-lisbon"), "kind": "page"},
        {"path": "articles"},
    ])
    result = _run("ingest")
    assert result.exit_code == 1
    assert f"error: {server.url('/dead')}: HTTP 500 Internal Server Error" in result.output
    assert _last_line(result) == "7 new, 0 updated, 0 unchanged, 1 failed"
    titles = {json.loads(line)["title"] for line in _run("articles", "--json").output.splitlines()}
    assert {"A local article", "Gamma Cloud opens a region in Lisbon", "Kappa & Lambda form a cloud alliance",
            "Acme & Beta Labs sign a five-year chip partnership"} <= titles
