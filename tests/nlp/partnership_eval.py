"""Scoring of the partnership extractor on our labelled sets (tests/data/partnerships_*.yaml)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import yaml

from bot.domain import Article
from bot.nlp.orgs import Gazetteer
from bot.nlp.partnerships import extract, merge

DATA = Path(__file__).resolve().parent.parent / "data"


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def line(self) -> str:
        return f"precision {self.precision:.2f} recall {self.recall:.2f} (tp {self.tp}, fp {self.fp}, fn {self.fn})"


def load_cases(name: str) -> list[dict]:
    """Cases of ``name``: a file in tests/data, or a path relative to it (``pending/...``)."""
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


def _article(case: dict) -> Article:
    published = case.get("published")
    if published is not None and not isinstance(published, datetime):
        published = datetime(published.year, published.month, published.day, 12, tzinfo=timezone.utc)
    return Article(title=case["title"], url=f"https://example.test/{case['id']}", text=case["text"],
                   provider=case.get("provider"), published=published, id=1)


def _key(a: str, b: str, gazetteer: Gazetteer) -> frozenset[str]:
    return frozenset(gazetteer.normal(x) for x in (a, b))


def score(cases: list[dict], gazetteer: Gazetteer) -> Score:
    result = Score()
    for case in cases:
        found = {
            _key(m.partnership.org_a, m.partnership.org_b, gazetteer)
            for m in merge(extract(_article(case), gazetteer), gazetteer)
            if m.partnership.status == "new"
        }
        gold = {_key(p["a"], p["b"], gazetteer) for p in case.get("partnerships") or []}
        result.tp += len(found & gold)
        result.fp += len(found - gold)
        result.fn += len(gold - found)
        for pair in found - gold:
            result.errors.append(f"{case['id']}: extra {' × '.join(sorted(pair))}")
        for pair in gold - found:
            result.errors.append(f"{case['id']}: missed {' × '.join(sorted(pair))}")
    return result
