"""The shipped gazetteer is consistent: unique names and aliases, parents that exist, no cycles."""

from __future__ import annotations

from importlib import resources

import yaml

from bot.nlp.orgs import parse_organisations


def test_shipped_gazetteer_is_consistent() -> None:
    data = yaml.safe_load((resources.files("bot") / "data" / "organisations.yaml").read_text(encoding="utf-8"))
    orgs = parse_organisations(data, where="organisations.yaml")
    assert len(orgs) >= 200
    names = [o.name for o in orgs]
    assert len(names) == len(set(names))
    owner: dict[str, str] = {}
    for org in orgs:
        for alias in {a.casefold() for a in (org.name, *org.aliases)}:
            assert owner.setdefault(alias, org.name) == org.name, f"{alias!r} names {owner[alias]} and {org.name}"
    by_name = {o.name: o for o in orgs}
    for org in orgs:
        seen = {org.name}
        parent = org.parent
        while parent:
            assert parent in by_name, f"{org.name}: parent {parent} is not an entry"
            assert parent not in seen, f"{org.name}: parent cycle"
            seen.add(parent)
            parent = by_name[parent].parent
