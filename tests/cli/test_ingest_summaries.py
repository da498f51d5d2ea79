"""The summarise stage of `newsbot ingest`: a fake backend chosen by config, and the offline default."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner

from bot.cli import cli
from bot.config import default_settings
from bot.domain import Summary
from bot.factories import build_summarizer
from bot.nlp.summarizers import base
from bot.nlp.text import split_sentences
from bot.store import open_store
from bot.summaries import summarize_articles
from tests.fakes import FakeExtractive


class CountingFake(FakeExtractive):
    name: ClassVar[str] = "test-counting"
    seen: ClassVar[list[str]] = []

    def summarize(self, texts: Sequence[str]) -> list[Summary]:
        type(self).seen.extend(texts)
        return super().summarize(texts)


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'a.db'}")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setitem(base._REGISTRY, CountingFake.name, CountingFake)
    CountingFake.seen = []
    return tmp_path


def _write(folder: Path, name: str, text: str) -> None:
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text)


def test_ingest_summarises_new_and_changed_articles_once(workdir: Path) -> None:
    (workdir / "newsbot.yaml").write_text("summarizer:\n  backend: test-counting\n  batch_size: 2\n")
    docs = workdir / "docs"
    filler = " ".join(f"Paragraph {i} adds detail about the plans." for i in range(12))  # long enough for a model
    acme = f"Acme Corp signed a partnership with Globex on Tuesday. {filler}"
    _write(docs, "a.txt", f"Acme and Globex team up\n\n{acme}\n")
    _write(docs, "b.txt", f"Initech results\n\nInitech shares rose after strong results. {filler}\n")
    _write(docs, "c.txt", "A short note\n\nInitech hired a new chief executive.\n")
    runner = CliRunner()
    first = runner.invoke(cli, ["ingest", str(docs)], catch_exceptions=False)
    assert first.exit_code == 0, first.output
    assert len(CountingFake.seen) == 2  # the short note is its own summary
    runner.invoke(cli, ["ingest", str(docs)], catch_exceptions=False)
    assert len(CountingFake.seen) == 2  # nothing new, nothing summarised
    _write(docs, "b.txt", f"Initech results\n\nInitech shares fell after weak results. {filler}\n")
    third = runner.invoke(cli, ["ingest", str(docs)], catch_exceptions=False)
    # A file without a URL is known by its text: the edited one is a new article.
    assert third.output.strip().splitlines()[-1] == "1 new, 0 updated, 2 unchanged, 0 failed"
    assert CountingFake.seen[2:] == [f"Initech shares fell after weak results. {filler}"]
    with open_store(f"sqlite:///{workdir / 'a.db'}") as store:
        summaries = {s.headline: s.summary for s in store.stories.list()}
        assert store.summaries.count() == 3
    assert summaries["Acme and Globex team up"] == "Acme Corp signed a partnership with Globex on"  # the fake's 8 words


def test_unknown_backend_in_config_is_reported(workdir: Path) -> None:
    (workdir / "newsbot.yaml").write_text("summarizer:\n  backend: nope\n")
    _write(workdir / "docs", "a.txt", "A title\n\nSome body text here.\n")
    result = CliRunner().invoke(cli, ["ingest", str(workdir / "docs")])
    assert result.exit_code == 1 and "unknown backend 'nope'" in result.output
    assert result.output.strip().splitlines()[-1] == "1 new, 0 updated, 0 unchanged, 0 failed"


BOILERPLATE = ("Comments", "All rights reserved", "secured:")
PARTNERS = {  # seed title (start) -> the two partners its summary must name
    "Google Cloud and Hugging Face": ("Google", "Hugging Face"),
    "Building an Open Future": ("Google Cloud", "Hugging Face"),
    "Hugging Face, AWS partner": ("AWS", "Hugging Face"),
    "What Hugging Face and Microsoft": ("Microsoft", "Hugging Face"),
    "2 Million Developers": ("Google", "Hugging Face"),
}


def test_seed_summaries_offline_default(workdir: Path, seeds_dir: Path) -> None:
    """No distilbart on this machine: auto falls back to extractive with one warning, and the seeds read well."""
    result = CliRunner().invoke(cli, ["ingest", str(seeds_dir)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if line.startswith("WARNING")]
    assert len(warnings) == 1 and "using the extractive summariser" in warnings[0]
    assert "HF_HUB_OFFLINE" in warnings[0]
    with open_store(f"sqlite:///{workdir / 'a.db'}") as store:
        full = store.articles.list(kind="full")
        report = summarize_articles(store, build_summarizer(default_settings()), [a.id for a in full if a.id])
    assert report.computed == 0 and len(full) == 5  # all from the cache filled by ingest
    for article in full:
        assert article.id is not None
        text = report.summaries[article.id].text
        [partners] = [p for start, p in PARTNERS.items() if article.title.startswith(start)]
        assert 1 <= len(split_sentences(text)) <= 4, text
        assert not any(b in text for b in BOILERPLATE), text
        assert all(p in text for p in partners), (partners, text)
