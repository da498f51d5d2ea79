"""The commands a user types, through click's runner, on a fresh SQLite file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import cli


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'a.db'}")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()

    def invoke(*args: str):  # type: ignore[no-untyped-def]
        return runner.invoke(cli, list(args), catch_exceptions=False)

    return invoke


def test_seeds_give_five_full_articles_and_thirteen_stubs(run, seeds_dir: Path) -> None:  # type: ignore[no-untyped-def]
    first = run("ingest", str(seeds_dir))
    assert first.exit_code == 0, first.output
    assert first.output.strip().splitlines()[-1] == "18 new, 0 updated, 0 unchanged, 0 failed"
    listed = run("articles", "--json")
    rows = [json.loads(line) for line in listed.output.splitlines()]
    full = [r for r in rows if r["kind"] == "full"]
    stubs = [r for r in rows if r["kind"] == "stub"]
    assert (len(full), len(stubs)) == (5, 13)
    assert all(s["parent_id"] in {f["id"] for f in full} for s in stubs)
    assert set(rows[0]) >= {"id", "kind", "title", "url", "provider", "published", "topics", "words", "parent_id"}

    by_title = {r["title"]: r for r in full}
    assert "Building an Open Future: Exploring the New Partnership with Google Cloud" in by_title
    assert by_title["2 Million Developers Worldwide"]["provider"] == "The Asia Business Daily"
    expected = {
        "siliconangle.com": ("SiliconANGLE", "2024-01-25"),
        "venturebeat.com": ("VentureBeat", "2023-02-28"),
        "thenextweb.com": ("The Next Web", "2022-06-04"),
    }
    for domain, (provider, date) in expected.items():
        [row] = [r for r in full if r["url"] and domain in r["url"]]
        assert row["provider"] == provider and row["published"].startswith(date)

    second = run("ingest", str(seeds_dir))
    assert second.output.strip().splitlines()[-1].startswith("0 new, 0 updated, 18 unchanged, 0 failed")


def test_failures_are_reported_stored_articles_kept(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("A good title\nSome body.\n")
    (folder / "bad.md").write_text("---\ntitle: [oops\n---\n")
    result = CliRunner().invoke(cli, ["ingest", str(folder)])
    assert result.exit_code == 1
    assert "bad.md: malformed YAML front matter" in result.output
    assert result.output.strip().splitlines()[-1] == "1 new, 0 updated, 0 unchanged, 1 failed"
    assert "A good title" in run("articles").output


def test_no_sources_says_what_to_do(run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "newsbot.yaml").write_text("sources: []\n")
    result = CliRunner().invoke(cli, ["ingest"])
    assert result.exit_code == 1 and "no sources configured" in result.output


def test_bad_config_names_file_and_key(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "newsbot.yaml").write_text("sources:\n  - path: a\n  - path: b\n  - url: ftp://x\n")
    result = CliRunner().invoke(cli, ["articles"])
    assert result.exit_code == 1
    assert "newsbot.yaml: sources[2].url: 'ftp://x' is not an http(s) URL" in result.output


def test_since_and_limit(run, seeds_dir: Path) -> None:  # type: ignore[no-untyped-def]
    run("ingest", str(seeds_dir))
    rows = [json.loads(x) for x in run("articles", "--json", "--since", "2024-01-01").output.splitlines()]
    assert rows and all(r["published"] >= "2024-01-01" for r in rows)
    assert len(run("articles", "--json", "--limit", "3").output.splitlines()) == 3
    bad = CliRunner().invoke(cli, ["articles", "--since", "yesterday-ish"])
    assert bad.exit_code == 2 and "is not a date" in bad.output


def test_db_upgrade(run) -> None:  # type: ignore[no-untyped-def]
    result = run("db", "upgrade")
    assert result.exit_code == 0 and "database at version" in result.output
