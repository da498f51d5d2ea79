"""Sentence splitting and boilerplate removal."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.nlp.text import clean_for_summary, split_sentences


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Hugging Face Inc. said it raised $3.5 billion. The U.S. company grew.",
         ["Hugging Face Inc. said it raised $3.5 billion.", "The U.S. company grew."]),
        ("Mr. Smith met Dr. Jones. They agreed.", ["Mr. Smith met Dr. Jones.", "They agreed."]),
        ('He said "Yes." Then he left.', ['He said "Yes."', "Then he left."]),
        ("J. K. Rowling wrote it. Sales rose 3.5 per cent.", ["J. K. Rowling wrote it.", "Sales rose 3.5 per cent."]),
        ("A heading\n\nBody text here. More text?", ["A heading", "Body text here.", "More text?"]),
        ("Acme Corp. and Foo Ltd. signed. It was big!", ["Acme Corp. and Foo Ltd. signed.", "It was big!"]),
        ("", []),
    ],
)
def test_split_sentences(text: str, sentences: list[str]) -> None:
    assert split_sentences(text) == sentences


def test_clean_for_summary_removes_boilerplate_and_keeps_text() -> None:
    raw = ("By Jane Doe, Reuters\nThe real first paragraph.\nRelated:\n- Another story\n- One more\n\n"
           "We use cookies to improve your experience.\nSubscribe to continue reading.\nThe real second paragraph.\n"
           "Comments\n© The Asia Business Daily(www.asiae.co.kr). All rights reserved.")
    assert clean_for_summary(raw) == "The real first paragraph.\n\nThe real second paragraph."


def test_seed_texts_lose_their_boilerplate(seeds_dir: Path) -> None:
    from bot.sources.files import read_path

    for result in read_path(seeds_dir, max_bytes=10**7):
        for article in result.articles:
            cleaned = clean_for_summary(article.body)
            lines = [line.strip() for line in cleaned.splitlines()]
            assert "Comments" not in lines
            assert "All rights reserved" not in cleaned
            assert "secured:" not in cleaned
