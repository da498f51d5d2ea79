"""Logs: one JSON object per line with --log-format json, and never a token or a password."""

from __future__ import annotations

import json
import logging
from datetime import datetime, timedelta, timezone
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import _setup_logging, cli, redact
from bot.store import open_store
from tests.slack.conftest import _story
from tests.slack.standin import SlackStandIn


@pytest.fixture
def standin() -> Iterator[SlackStandIn]:
    server = SlackStandIn()
    yield server
    server.close()


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    root.handlers[:], root.level = handlers, level


def test_debug_json_logs_carry_no_slack_token(standin: SlackStandIn, tmp_path: Path) -> None:
    token = "xoxb-1111-2222-SECRETsecret"
    db = f"sqlite:///{tmp_path / 'n.db'}"
    with open_store(db) as store:
        _story(store, "Vireo releases a speech model", "Open weights.",
               [("Vireo releases a speech model", "https://labs.example/vireo", "Labs")],
               datetime.now(timezone.utc) - timedelta(hours=1))
    result = CliRunner().invoke(
        cli, ["-vv", "--log-format", "json", "digest", "--channel", "C0DIGEST", "--since", "2000-01-01"],
        env={"SLACK_BOT_TOKEN": token, "SLACK_API_URL": standin.api_url,
             "DATABASE_URL": db},
    )
    assert result.exit_code == 0, result.output
    log_lines = [line for line in result.stderr.splitlines() if line.startswith("{")]
    records = [json.loads(line) for line in log_lines]
    # Debug logging of every Slack request is on, headers included, and still no token.
    assert any("Authorization" in r["message"] for r in records)
    assert "SECRET" not in result.stderr and "SECRET" not in result.stdout


def test_a_token_a_library_logs_is_blanked(capsys: pytest.CaptureFixture[str]) -> None:
    _setup_logging(2, "json")
    logging.getLogger("some.library").debug("connecting with %s to %s", "xapp-1-A0-SECRET",
                                            "postgresql://nb:SECRET@db/nb")
    record = json.loads(capsys.readouterr().err.strip().splitlines()[-1])
    assert record["message"] == "connecting with xapp-*** to postgresql://nb:***@db/nb"


def test_redact_blanks_tokens_and_url_passwords_only() -> None:
    text = 'Bearer xoxb-1-2-abc, xapp-1-A0-xyz, xoxp-9 postgresql://newsbot:s3cret@db:5432/nb https://example.com/a'
    assert redact(text) == ("Bearer xoxb-***, xapp-***, xoxp-*** postgresql://newsbot:***@db:5432/nb "
                            "https://example.com/a")
