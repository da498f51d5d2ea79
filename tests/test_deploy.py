"""The deploy recipes say what the README says: pinned CPU torch first, no root, no secrets in files."""

from __future__ import annotations

import configparser
import re
from pathlib import Path

import yaml

from bot.config import load_settings

DEPLOY = Path(__file__).resolve().parent.parent / "deploy"


def test_dockerfile_installs_pinned_torch_before_newsbot_and_drops_root() -> None:
    lines = [line.strip() for line in (DEPLOY / "Dockerfile").read_text().splitlines()]
    runs = [line for line in lines if line.startswith("RUN ")]
    torch = next(i for i, line in enumerate(runs) if "torch==2.13.0" in line)
    newsbot = next(i for i, line in enumerate(runs) if re.search(r"pip install \.(\s|$)", line))
    assert torch < newsbot
    assert not any(re.search(r"pip install[^=]*\btorch\b(?!==)", line) for line in runs)
    user = next(i for i, line in enumerate(lines) if line.startswith("USER "))
    assert lines[user].split()[1] != "root"
    assert lines.index(next(line for line in lines if line.startswith("ENTRYPOINT"))) > user
    assert any(line.startswith("VOLUME") and "/var/cache/newsbot/hf" in line for line in lines)


def test_compose_runs_newsbot_on_postgres_with_secrets_from_the_environment() -> None:
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    postgres, newsbot = compose["services"]["postgres"], compose["services"]["newsbot"]
    assert "pgdata" in compose["volumes"] and any(v.startswith("pgdata:") for v in postgres["volumes"])
    assert newsbot["depends_on"]["postgres"]["condition"] == "service_healthy"
    env = newsbot["environment"]
    assert re.fullmatch(r"postgresql://newsbot:\$\{[^}]+\}@postgres:5432/newsbot", env["DATABASE_URL"])
    for name, value in env.items():
        if name.startswith("SLACK_") or name.endswith("TOKEN"):
            assert re.fullmatch(r"\$\{" + name + r":[?-][^}]*\}", value), (name, value)
    assert any(v.startswith("hf-cache:") for v in newsbot["volumes"])
    assert newsbot["command"][-1] == "run"


def test_systemd_unit_runs_newsbot_as_its_own_user_and_restarts() -> None:
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.optionxform = str  # type: ignore[assignment,method-assign]
    unit.read_string((DEPLOY / "newsbot.service").read_text())
    service = unit["Service"]
    assert service["User"] == "newsbot"
    assert re.fullmatch(r"\S+/newsbot --config \S+ --log-format json run", service["ExecStart"])
    assert service["Restart"] == "on-failure"
    assert service["EnvironmentFile"] == "/etc/newsbot/env"


def test_deploy_config_is_valid() -> None:
    settings = load_settings(DEPLOY / "newsbot.yaml")
    assert settings.schedule.grace_hours == 6


def test_env_example_holds_no_real_secret() -> None:
    for line in (DEPLOY / "env.example").read_text().splitlines():
        name, _, value = line.lstrip("#").partition("=")
        if value:
            assert re.fullmatch(r"(xox[bp]|xapp)-your-[a-z-]+|your-[a-z-]+|hf_your_token|\S+password\S+|https://\S+",
                                value), line
