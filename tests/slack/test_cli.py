"""`newsbot run` without tokens and `newsbot digest` printing or posting (to the stand-in)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import cli
from bot.config import DEMO_ARTICLES
from tests.slack.conftest import CHANNEL, World
from tests.slack.limits import check_message
from tests.slack.standin import SlackStandIn
from tests.test_storying import _bag_of_words

NO_SLACK_ENV = ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_API_URL")


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> CliRunner:
    for name in NO_SLACK_ENV:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    return CliRunner()


@pytest.fixture
def config(world: World, tmp_path: Path) -> str:
    path = tmp_path / "newsbot.yaml"
    path.write_text(f"database:\n  url: {world.settings.database.url}\nslack:\n  digest_channel: {CHANNEL}\n")
    return str(path)


def test_run_with_some_tokens_says_what_else_to_set(runner: CliRunner) -> None:
    socket = runner.invoke(cli, ["run"], env={"SLACK_BOT_TOKEN": "xoxb-1"})
    assert socket.exit_code == 1
    assert "Socket Mode needs SLACK_APP_TOKEN: set SLACK_APP_TOKEN (Basic Information > App-Level" in socket.output
    assert "deploy/slack-manifest.yaml" in socket.output and "Traceback" not in socket.output
    http = runner.invoke(cli, ["run", "--http"], env={"SLACK_BOT_TOKEN": "xoxb-1"})
    assert http.exit_code == 1
    assert "HTTP mode needs SLACK_SIGNING_SECRET: set SLACK_SIGNING_SECRET (Basic Information" in http.output
    bare_http = runner.invoke(cli, ["run", "--http"])
    assert bare_http.exit_code == 1 and "HTTP mode needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET" in bare_http.output


def test_run_without_any_token_is_a_console_run_of_the_demo(runner: CliRunner, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    if not DEMO_ARTICLES.is_dir():
        pytest.skip("the demo articles are not in this checkout")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'fresh.db'}")
    monkeypatch.setattr("bot.factories.LazyEmbed", lambda *a, **k: _bag_of_words)
    first = runner.invoke(cli, ["run"])
    assert first.exit_code == 0, first.output
    assert "Socket Mode needs SLACK_BOT_TOKEN and SLACK_APP_TOKEN" in first.stderr
    assert "console run" in first.stderr and "deploy/slack-manifest.yaml" in first.stderr
    assert "ingest: 13 new, 0 updated, 0 unchanged, 0 failed" in first.stderr
    lines = first.stdout.splitlines()
    assert lines[0].startswith("News digest for ") and lines[2].startswith("1. ")
    # However old the demo articles are by now, the first run shows what it read.
    assert sum(1 for line in lines if line[:1].isdigit()) >= 5
    again = runner.invoke(cli, ["run"])
    assert again.exit_code == 0, again.output
    assert "ingest: 0 new, 0 updated, 13 unchanged, 0 failed" in again.stderr


def test_digest_prints_without_tokens(runner: CliRunner, config: str) -> None:
    result = runner.invoke(cli, ["--config", config, "digest", "--since", "2000-01-01"])
    assert result.exit_code == 0, result.output
    assert "SLACK_BOT_TOKEN is not set" in result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("News digest for ")
    assert lines[2] == "1. Google Cloud partners with Hugging Face on AI infrastructure"
    assert "   Also covered by Daily" in lines
    as_json = runner.invoke(cli, ["--config", config, "digest", "--dry-run", "--json", "--since", "2000-01-01"])
    messages = json.loads(as_json.stdout)
    for message in messages:
        check_message(message)
    assert messages[0]["blocks"][2]["text"]["text"].startswith("*1.* *<https://wire.example/gc-hf|")


def test_digest_posts_with_a_token(runner: CliRunner, config: str, standin: SlackStandIn, world: World) -> None:
    env = {"SLACK_BOT_TOKEN": "xoxb-test", "SLACK_API_URL": standin.api_url}
    result = runner.invoke(cli, ["--config", config, "digest", "--since", "2000-01-01"], env=env)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"posted 3 stories to {CHANNEL} in 1 message"
    assert len(standin.posted()) == 1 and standin.posted()[0].headers["Authorization"] == "Bearer xoxb-test"
    again = runner.invoke(cli, ["--config", config, "digest", "--since", "2000-01-01"], env=env)
    assert again.stdout.strip() == f"no new stories for {CHANNEL}" and len(standin.posted()) == 1
    standin.script("chat.postMessage", 200, {"ok": False, "error": "channel_not_found"})
    failed = runner.invoke(cli, ["--config", config, "digest", "--channel", "C0GONE", "--since", "2000-01-01"],
                           env=env)
    assert failed.exit_code == 1
    assert "Slack refused to post to C0GONE: channel_not_found (check the channel ID" in failed.output


def test_demo_corpus_dry_run_on_a_fresh_machine(runner: CliRunner, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    if not DEMO_ARTICLES.is_dir():
        pytest.skip("the demo articles are not in this checkout")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'fresh.db'}")
    # The real embedder takes half a minute to load on CI's two cores; stories only need similar texts close.
    monkeypatch.setattr("bot.factories.LazyEmbed", lambda *a, **k: _bag_of_words)
    assert runner.invoke(cli, ["ingest"]).exit_code == 0
    result = runner.invoke(cli, ["digest", "--dry-run", "--since", "2026-11-01"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("News digest for ") and lines[2].startswith("1. ")
    assert sum(1 for line in lines if line[:1].isdigit()) >= 5
