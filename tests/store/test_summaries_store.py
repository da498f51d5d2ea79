"""The summary cache part of the store, on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace

from bot.domain import Summary, SummaryKey
from bot.store import Store

KEY = SummaryKey(backend="seq2seq", model="sshleifer/distilbart-cnn-12-6", options="abc123", prompt="bart@v1.x")


def test_put_and_get_by_key_and_content_hash(store: Store) -> None:
    assert store.summaries.get_many(KEY, ["h1"]) == {}
    swapped = Summary(text="Two.", backend="extractive", model="minilm", note="seq2seq summary replaced: 'X'")
    store.summaries.put_many(KEY, {"h1": Summary("One.", "seq2seq", KEY.model), "h2": swapped})
    got = store.summaries.get_many(KEY, ["h1", "h2", "h3", "h1"])
    assert got == {"h1": Summary("One.", "seq2seq", KEY.model), "h2": swapped}
    assert store.summaries.get(KEY, "h2") == swapped
    # Each part of the key separates entries.
    for other in (replace(KEY, backend="auto"), replace(KEY, model="m"), replace(KEY, options="o"),
                  replace(KEY, prompt="bart@v2.x")):
        assert store.summaries.get_many(other, ["h1", "h2"]) == {}


def test_a_second_put_keeps_the_first_row(store: Store) -> None:
    store.summaries.put(KEY, "h1", Summary("First.", "seq2seq", "m"))
    store.summaries.put_many(KEY, {"h1": Summary("Second.", "seq2seq", "m"), "h2": Summary("Other.", "seq2seq", "m")})
    assert store.summaries.get(KEY, "h1") == Summary("First.", "seq2seq", "m")
    assert store.summaries.count() == 2


def test_many_hashes_in_one_lookup(store: Store) -> None:
    items = {f"h{i}": Summary(f"S{i}.", "seq2seq", "m") for i in range(1203)}
    store.summaries.put_many(KEY, items)
    assert store.summaries.get_many(KEY, list(items)) == items
