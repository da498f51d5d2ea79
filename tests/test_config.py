from pathlib import Path

import pytest

from bot.config import load_settings, settings_from_dict
from bot.errors import ConfigError


def test_defaults_without_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    settings = load_settings()
    assert settings.origin == "built-in defaults"
    assert settings.database.url.startswith("sqlite:///")


def test_database_url_env_overrides(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql://u@h/db")
    assert settings_from_dict({"database": {"url": "sqlite:///x.db"}}).database_url == "postgresql://u@h/db"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"sources": [{"path": "a"}, {"path": "b"}, {"url": "ftp://x"}]},
         "cfg.yaml: sources[2].url: 'ftp://x' is not an http(s) URL"),
        ({"sources": [{"path": "a", "url": "https://x"}]}, "give exactly one of 'path'"),
        ({"databse": {}}, "cfg.yaml: databse: unknown key"),
        ({"fetch": {"read_timeout": -1}}, "cfg.yaml: fetch.read_timeout: Input should be greater than 0"),
        ({"slack": {"bot_token": "xoxb"}}, "slack.bot_token: unknown key"),
    ],
)
def test_errors_name_file_key_and_fix(data: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError) as info:
        settings_from_dict(data, "cfg.yaml")
    assert message in str(info.value)


def test_relative_paths_are_relative_to_the_file(tmp_path: Path) -> None:
    cfg = tmp_path / "conf" / "newsbot.yaml"
    cfg.parent.mkdir()
    cfg.write_text("sources:\n  - path: articles\n")
    settings = load_settings(cfg)
    assert settings.sources[0].path == (cfg.parent / "articles").resolve()


@pytest.mark.parametrize("text", ["- a\n- b\n", "key: [unclosed\n"])
def test_unreadable_files(tmp_path: Path, text: str) -> None:
    cfg = tmp_path / "newsbot.yaml"
    cfg.write_text(text)
    with pytest.raises(ConfigError) as info:
        load_settings(cfg)
    assert str(cfg) in str(info.value)


def test_missing_explicit_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such config file"):
        load_settings(tmp_path / "nope.yaml")
