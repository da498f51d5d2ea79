"""Stories and partnerships from stored articles: the seeds end to end, and the stage on both databases."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from bot.cli import cli
from bot.domain import Article
from bot.nlp.orgs import load_gazetteer
from bot.storying import update_stories


def _bag_of_words(texts: Sequence[str]) -> np.ndarray:
    """A deterministic stand-in for sentence embeddings: hashed word counts, normalised."""
    out = np.zeros((len(texts), 256), dtype=np.float32)
    for i, text in enumerate(texts):
        for word in re.findall(r"[a-z]{3,}", text.lower()):
            out[i, int(hashlib.md5(word.encode()).hexdigest(), 16) % 256] += 1
    return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)


def _article(title: str, url: str, day: int, text: str = "") -> Article:
    return Article(title=title, url=url, text=text or title, provider=url.split("/")[2],
                   published=datetime(2025, 3, day, 12, tzinfo=timezone.utc))


def test_coverage_of_one_deal_forms_one_story_and_one_partnership(store) -> None:  # type: ignore[no-untyped-def]
    gazetteer = load_gazetteer()
    ids = []
    for art in (
        _article("Kestrel Robotics teams up with Quarry Labs on warehouse robots", "https://a.test/1", 3),
        _article("Quarry Labs and Kestrel Robotics announce warehouse robots partnership", "https://b.test/2", 4),
        _article("Nvidia and Snowflake sign data partnership", "https://c.test/3", 4),
    ):
        ids += [s.id for s in store.articles.save(art)]
    report = update_stories(store, ids, embed=_bag_of_words, gazetteer=gazetteer)
    assert report.new_stories == 2
    stories = {s.headline: s for s in store.stories.list()}
    kestrel = next(s for h, s in stories.items() if "Kestrel" in h)
    assert len(kestrel.article_ids) == 2
    assert {name for name, _ in kestrel.outlets} == {"a.test", "b.test"}
    records = store.partnerships.for_story(kestrel.id)
    assert [(r.org_a, r.org_b, r.status) for r in records] == [("Kestrel Robotics", "Quarry Labs", "new")]
    assert records[0].date == datetime(2025, 3, 3, 12, tzinfo=timezone.utc)

    # Later coverage joins the known story; the story's partnership is rebuilt, not duplicated.
    (later,) = store.articles.save(_article("Kestrel Robotics, Quarry Labs warehouse robots partnership details",
                                            "https://d.test/4", 6))
    again = update_stories(store, [later.id], embed=_bag_of_words, gazetteer=gazetteer)
    assert (again.new_stories, again.joined) == (0, 1)
    assert len(store.stories.get(kestrel.id).article_ids) == 3
    assert len([p for p in store.partnerships.all() if "Kestrel Robotics" in (p.org_a, p.org_b)]) == 1


def test_different_deals_between_the_same_companies_stay_apart(store) -> None:  # type: ignore[no-untyped-def]
    gazetteer = load_gazetteer()
    first = _article("Kestrel Robotics partners with Quarry Labs", "https://a.test/x", 1)
    second = Article(title="Kestrel Robotics partners with Quarry Labs", url="https://a.test/y",
                     text="Kestrel Robotics partners with Quarry Labs", provider="a.test",
                     published=datetime(2026, 3, 1, tzinfo=timezone.utc))
    ids = [s.id for a in (first, second) for s in store.articles.save(a)]
    # Same words, a year apart: the time window keeps two events.
    report = update_stories(store, ids, embed=_bag_of_words, gazetteer=gazetteer)
    assert report.new_stories == 2
    assert len(store.partnerships.all()) == 2


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path):  # type: ignore[no-untyped-def]
    """The seeds ingested once through the CLI, with the real MiniLM embeddings."""
    db = tmp_path_factory.mktemp("seeded") / "newsbot.db"
    runner = CliRunner()
    env = {"DATABASE_URL": f"sqlite:///{db}"}
    result = runner.invoke(cli, ["ingest", str(seeds_dir)], env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output

    def invoke(*args: str):  # type: ignore[no-untyped-def]
        return runner.invoke(cli, list(args), env=env, catch_exceptions=False)

    return invoke, f"sqlite:///{db}"


def test_seed_stories(seeded) -> None:  # type: ignore[no-untyped-def]
    from bot.store import open_store

    _, url = seeded
    with open_store(url) as store:
        groups = []
        for story in store.stories.list():
            titles = {a.title for a in store.articles.get_many(list(story.article_ids))}
            groups.append(titles)
    google = next(g for g in groups if "Google Cloud and Hugging Face ink AI infrastructure partnership" in g)
    assert google == {
        "Google Cloud and Hugging Face ink AI infrastructure partnership",
        "Building an Open Future: Exploring the New Partnership with Google Cloud",
        "2 Million Developers Worldwide",
        "Google Cloud partners with Hugging Face to attract AI developers",
    }
    aws = next(g for g in groups if "AWS bets big on open-source machine learning" in g)
    assert aws == {"Hugging Face, AWS partner on open-source machine learning amidst AI arms race",
                   "AWS bets big on open-source machine learning"}
    ftc = next(g for g in groups if any(t.startswith("FTC launches AI inquiry") for t in g))
    assert len(ftc) == 5 and all("FTC" in t for t in ftc)


def test_partnerships_answer_for_hugging_face(seeded) -> None:  # type: ignore[no-untyped-def]
    invoke, _ = seeded
    out = invoke("ask", "/partnerships hugging face").output
    lines = out.splitlines()
    items = [line for line in lines if line.startswith("• ")]
    assert [i.split(":")[0] for i in items] == ["• Google Cloud", "• Amazon Web Services", "• Microsoft"]
    assert "AI infrastructure, 25 Jan 2024" in items[0]
    assert "open-source machine learning, 28 Feb 2023" in items[1]
    assert "Jun 2022" in items[2]
    assert "https://siliconangle.com/2024/01/25/google-cloud-hugging-face-ink-ai-infrastructure-partnership/" in out
    assert "https://venturebeat.com/ai/hugging-face-aws-partner-on-open-source-machine-learning-amidst-ai-arms-race/" in out


def test_partnerships_commands(seeded, seeds_dir: Path) -> None:  # type: ignore[no-untyped-def]
    invoke, _ = seeded
    listed = invoke("partnerships", "--json").output.splitlines()
    assert len(listed) == 5
    unknown = invoke("partnerships", "huging", "face")
    assert unknown.exit_code == 1 and "did you mean Hugging Face" in unknown.output
    extracted = invoke("partnerships", "extract", str(seeds_dir / "003_06a64359f52a94cb.txt")).output
    assert "Microsoft × Procter & Gamble" in extracted and "Microsoft × SCG" in extracted
