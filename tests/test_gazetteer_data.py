"""The shipped data files are consistent.

The gazetteer: unique names and aliases, parents that exist, no parent cycles, valid kinds.
The held-out partnership set: unique ids, the keys the evaluation reads, valid deal kinds.
These checks read the YAML directly (yaml.safe_load), so a loader bug cannot hide a data bug;
one test also feeds the gazetteer through the real loader.
"""

from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml

ORG_KINDS = {"company", "lab", "university", "regulator", "government", "nonprofit", "investor"}
DEAL_KINDS = {"partnership", "investment", "collaboration", "licensing", "alliance"}
HELDOUT = Path(__file__).parent / "data" / "partnerships_heldout.yaml"


def _gazetteer() -> list[dict[str, Any]]:
    text = (resources.files("bot") / "data" / "organisations.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert isinstance(data, list)
    return data


def _heldout() -> list[dict[str, Any]]:
    data = yaml.safe_load(HELDOUT.read_text(encoding="utf-8"))
    assert isinstance(data, list)
    return data


def test_gazetteer_entries_have_only_known_keys_of_the_right_types() -> None:
    for entry in _gazetteer():
        assert isinstance(entry, dict), entry
        assert set(entry) <= {"name", "aliases", "parent", "kind"}, entry
        assert isinstance(entry["name"], str) and entry["name"].strip() == entry["name"] != "", entry
        aliases = entry.get("aliases", [])
        assert isinstance(aliases, list) and all(isinstance(a, str) and a.strip() == a != "" for a in aliases), entry
        assert entry.get("kind", "company") in ORG_KINDS, entry
        assert isinstance(entry.get("parent", ""), str), entry


def test_gazetteer_names_are_unique_and_no_alias_names_two_entries() -> None:
    entries = _gazetteer()
    assert len(entries) >= 200
    names = [e["name"] for e in entries]
    assert len(names) == len(set(names))
    owner: dict[str, str] = {}
    for entry in entries:
        for alias in {a.casefold() for a in (entry["name"], *entry.get("aliases", []))}:
            assert owner.setdefault(alias, entry["name"]) == entry["name"], (
                f"{alias!r} names both {owner[alias]} and {entry['name']}"
            )


def test_gazetteer_parents_exist_and_never_cycle() -> None:
    by_name = {e["name"]: e for e in _gazetteer()}
    for name, entry in by_name.items():
        seen = {name}
        parent = entry.get("parent")
        while parent:
            assert parent in by_name, f"{name}: parent {parent!r} is not an entry"
            assert parent not in seen, f"{name}: parent cycle through {parent!r}"
            seen.add(parent)
            parent = by_name[parent].get("parent")


@pytest.mark.parametrize(
    ("spelling", "name", "parent"),
    [
        ("AWS", "Amazon Web Services", "Amazon"),
        ("Amazon Web Services", "Amazon Web Services", "Amazon"),
        ("MS", "Microsoft", None),
        ("Azure", "Microsoft", None),
        ("Microsoft Azure", "Microsoft", None),
        ("Microsoft Thailand", "Microsoft", None),
        ("Google Cloud", "Google Cloud", "Google"),
        ("Google", "Google", "Alphabet"),
        ("P&G", "Procter & Gamble", None),
        ("Siam Cement Group", "SCG", None),
        ("FTC", "Federal Trade Commission", None),
        ("CMA", "Competition and Markets Authority", None),
    ],
)
def test_gazetteer_resolves_the_spellings_the_issue_names(spelling: str, name: str, parent: str | None) -> None:
    by_spelling = {s: e for e in _gazetteer() for s in (e["name"], *e.get("aliases", []))}
    assert by_spelling[spelling]["name"] == name
    assert by_spelling[spelling].get("parent") == parent


def test_gazetteer_loads_through_the_real_loader() -> None:
    from bot.nlp.orgs import parse_organisations

    orgs = parse_organisations(_gazetteer(), where="organisations.yaml")
    assert len(orgs) == len(_gazetteer())


def test_heldout_set_has_the_schema_the_evaluation_reads() -> None:
    cases = _heldout()
    assert len(cases) >= 20
    ids = [c["id"] for c in cases]
    assert len(ids) == len(set(ids))
    for case in cases:
        assert {"id", "title", "published", "provider", "text", "partnerships", "notes"} <= set(case), case.get("id")
        assert isinstance(case["published"], dt.date), case["id"]
        words = len(case["text"].split())
        assert 80 <= words <= 250, f"{case['id']}: {words} words"
        assert isinstance(case["partnerships"], list), case["id"]
        for deal in case["partnerships"]:
            assert set(deal) == {"a", "b", "kind"}, case["id"]
            assert deal["kind"] in DEAL_KINDS, case["id"]
            assert deal["a"] != deal["b"], case["id"]


def test_heldout_set_mixes_deals_and_hard_negatives() -> None:
    cases = _heldout()
    negatives = [c for c in cases if not c["partnerships"]]
    assert len(negatives) >= 8
    assert len(cases) - len(negatives) >= 8


def test_heldout_gold_uses_canonical_names_for_known_organisations() -> None:
    canonical = {e["name"] for e in _gazetteer()}
    alias_of = {a.casefold(): e["name"] for e in _gazetteer() for a in e.get("aliases", [])}
    for case in _heldout():
        for deal in case["partnerships"]:
            for org in (deal["a"], deal["b"]):
                if org not in canonical:
                    assert org.casefold() not in alias_of, f"{case['id']}: write {alias_of[org.casefold()]}, not {org}"
