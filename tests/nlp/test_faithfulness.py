"""The faithfulness check (pure), table-driven."""

from __future__ import annotations

import pytest

from bot.nlp.faithfulness import is_faithful, names, numbers, unsupported

SOURCE = (
    "Acme Corp. said on Tuesday it will invest $3.5 billion in Globex's U.S. data centres. "
    "The deal, announced in March, covers two sites and 1,200 jobs; shares of Acme rose 4% to $88.50. "
    "Chief executive Jane Doe called the iPhone-sized chips 'a turning point'."
)


@pytest.mark.parametrize("summary", [
    "Acme will invest $3.5 billion in Globex data centres.",
    "Acme to invest 3.5bn dollars in US data centres, creating 1,200 jobs.",
    "Acme is investing $3,500 million with Globex.",
    "The deal covers 2 sites. Shares rose 4 percent.",
    "In March, Acme's shares rose 4% to $88.50 after the Globex deal.",
    "However, Jane Doe said the deal is a turning point for the U.S. business.",
    "On Tuesday Acme announced the Globex deal. It covers two sites.",
    "Acme Corp's iPhone-sized chips are a turning point, the CEO said.",
    "",
])
def test_faithful_summaries_pass(summary: str) -> None:
    assert unsupported(summary, SOURCE) == []
    assert is_faithful(summary, SOURCE)


@pytest.mark.parametrize("summary, missing", [
    ("Acme will invest $4.5 billion in Globex.", ["4.5 billion"]),
    ("Acme partnered with Initech on data centres.", ["Initech"]),
    ("Initech and Acme signed a deal worth 3.5bn.", ["Initech"]),
    ("Acme rose 7% as John Smith cheered.", ["7", "John", "Smith"]),
    ("Acme said 2,000 jobs; Acme said 2,000 jobs again.", ["2,000"]),
    ("Microsoft-backed Acme invests in Globex.", ["Microsoft"]),
    ("Acme built an eBay clone.", ["eBay"]),
])
def test_invented_numbers_and_names_are_caught(summary: str, missing: list[str]) -> None:
    assert unsupported(summary, SOURCE) == missing
    assert not is_faithful(summary, SOURCE)


@pytest.mark.parametrize("text, values", [
    ("3.5bn", [(3.5, 3.5e9)]),
    ("$3.5 billion", [(3.5, 3.5e9)]),
    ("1,200 jobs and 15m users", [(1200.0, 1200.0), (15.0, 15e6)]),
    ("GPT-4 in 2024", [(4.0, 4.0), (2024.0, 2024.0)]),
    ("H100 and v1.2", []),
])
def test_numbers_are_normalised(text: str, values: list[tuple[float, float]]) -> None:
    assert [(raw, scaled) for _, raw, scaled in numbers(text)] == values


def test_sentence_openers_months_and_titles_are_not_names() -> None:
    assert names("The deal. However, in March Mr Smith met Dr Jones on Friday. It was the AI CEO.") == \
        ["Smith", "Jones"]
