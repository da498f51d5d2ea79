"""`newsbot doctor` on a machine without tokens explains each missing piece with its fix."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import cli


def test_doctor_without_tokens(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'd.db'}")
    monkeypatch.chdir(tmp_path)
    config = tmp_path / "newsbot.yaml"
    config.write_text(f"sources:\n  - path: {tmp_path / 'missing'}\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["doctor"], catch_exceptions=False)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    slack = next(i for i, line in enumerate(lines) if "slack" in line.split()[1:2])
    assert lines[slack].startswith("FAIL") and "SLACK_BOT_TOKEN is not set" in lines[slack]
    assert "fix:" in lines[slack + 1] and "deploy/slack-manifest.yaml" in lines[slack + 1]
    assert any(line.startswith("FAIL") and "does not exist" in line for line in lines)
    assert any(line.startswith(("ok", "warn")) and "database" in line for line in lines)


def test_doctor_reports_an_unreachable_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql://nobody@127.0.0.1:1/none")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["doctor"], catch_exceptions=False)
    assert result.exit_code == 1
    assert any(line.startswith("FAIL") and "database" in line for line in result.output.splitlines())


def test_doctor_shows_the_schedule(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'd.db'}")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "none.yaml").write_text("sources: []\n", encoding="utf-8")
    (tmp_path / "two.yaml").write_text(
        "sources: []\nschedule:\n  ingest_every_minutes: 15\n  subscriptions:\n"
        "    - {channel: C1, at: '09:00', tz: Europe/Berlin}\n    - {channel: C2, at: '07:30', tz: Asia/Tokyo}\n",
        encoding="utf-8")
    none = CliRunner().invoke(cli, ["--config", "none.yaml", "doctor"], catch_exceptions=False).output.splitlines()
    at = next(i for i, line in enumerate(none) if line.split()[1:2] == ["schedule"])
    assert none[at].startswith("warn") and "no digest subscription" in none[at]
    assert "/news subscribe" in none[at + 1]
    two = CliRunner().invoke(cli, ["--config", "two.yaml", "doctor"], catch_exceptions=False).output.splitlines()
    line = next(line for line in two if line.split()[1:2] == ["schedule"])
    assert line.startswith("ok") and "ingest every 15 min; 2 subscriptions, next digest " in line
