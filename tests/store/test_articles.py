from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone

import sqlalchemy as sa

from bot.domain import Article
from bot.sources.normalize import content_hash
from bot.store import Store, migrations, open_store

WHEN = datetime(2026, 11, 2, 10, tzinfo=timezone.utc)


def make(title: str = "Acme and Beta team up", url: str = "https://news.example/a", body: str = "Body.",
         **kw: object) -> Article:
    kw.setdefault("published", WHEN)
    return Article(title=title, url=url, text=body, content_hash=content_hash(title, body),
                   **kw)  # type: ignore[arg-type]


def test_migrations_are_recorded_and_idempotent(store: Store, database_url: str) -> None:
    with store.engine.connect() as conn:
        assert migrations.current_version(conn) == migrations.MIGRATIONS[-1].version
        names = set(sa.inspect(conn).get_table_names())
    assert {"articles", "sources", "article_links", "schema_migrations"} <= names
    assert migrations.upgrade(store.engine) == []
    with open_store(database_url) as again:
        assert again.articles.count() == 0


def test_schema_matches_tables_module(store: Store) -> None:
    """Migrations and tables.py describe the same schema."""
    from bot.store.tables import metadata

    with store.engine.connect() as conn:
        inspector = sa.inspect(conn)
        for table in metadata.sorted_tables:
            columns = {c["name"] for c in inspector.get_columns(table.name)}
            assert columns == {c.name for c in table.columns}, table.name


def test_new_then_unchanged_then_updated(store: Store) -> None:
    article = make(extra={"k": [1, 2]}, topics=("AI",))
    [first] = store.articles.save(article)
    assert first.outcome == "new"
    [again] = store.articles.save(article)
    assert (again.outcome, again.id) == ("unchanged", first.id)
    changed = replace(article, text="New body.", content_hash=content_hash(article.title, "New body."))
    [updated] = store.articles.save(changed)
    assert (updated.outcome, updated.id) == ("updated", first.id)
    stored = store.articles.get(first.id)
    assert stored is not None and stored.text == "New body." and stored.extra == {"k": [1, 2]}
    assert stored.published == WHEN and stored.topics == ("AI",)
    assert store.articles.count() == 1


def test_same_content_hash_is_the_same_article(store: Store) -> None:
    [first] = store.articles.save(make(url="https://a.example/x"))
    [second] = store.articles.save(make(url="https://mirror.example/x"))
    assert second.id == first.id and second.outcome == "unchanged"
    # A file without a URL dedupes by content hash alone.
    [third] = store.articles.save(make(url=""))
    assert third.id == first.id


def test_undated_articles_are_dated_when_first_seen(store: Store) -> None:
    article = replace(make(), published=None)
    [saved] = store.articles.save(article)
    stored = store.articles.get(saved.id)
    assert stored is not None and stored.date_estimated and stored.published is not None
    # A second read must not move the estimated date or count as an update.
    [again] = store.articles.save(article)
    assert again.outcome == "unchanged"
    assert store.articles.get(saved.id).published == stored.published  # type: ignore[union-attr]


def test_related_stubs_are_linked_and_full_text_wins(store: Store) -> None:
    stub = Article(title="Beta confirms", url="https://b.example/s", kind="stub", excerpt="Beta said.",
                   content_hash=content_hash("Beta confirms", "Beta said."), published=WHEN)
    parent = make(related=(stub,))
    saved = store.articles.save(parent)
    assert [s.outcome for s in saved] == ["new", "new"]
    children = store.articles.related(saved[0].id)
    assert [c.url for c in children] == ["https://b.example/s"]
    assert children[0].parent_id == saved[0].id
    # Later the full article behind the stub arrives: it upgrades the stub in place.
    full = Article(title="Beta confirms", url="https://b.example/s", text="Full story.",
                   content_hash=content_hash("Beta confirms", "Full story."), published=WHEN)
    [upgraded] = store.articles.save(full)
    assert (upgraded.outcome, upgraded.id, upgraded.kind) == ("updated", saved[1].id, "full")
    # And listing it again as someone's related link does not downgrade it.
    [_, relisted] = store.articles.save(parent)
    assert relisted.outcome == "unchanged"
    assert store.articles.get(saved[1].id).kind == "full"  # type: ignore[union-attr]


def test_list_filters(store: Store) -> None:
    store.articles.save(make(title="old", url="https://x.example/1", published=datetime(2020, 1, 1, tzinfo=timezone.utc)))
    store.articles.save(make(title="new", url="https://x.example/2"))
    assert [a.title for a in store.articles.list()] == ["new", "old"]
    assert [a.title for a in store.articles.list(since=datetime(2025, 1, 1, tzinfo=timezone.utc))] == ["new"]
    assert len(store.articles.list(limit=1)) == 1


def test_failed_save_changes_nothing(store: Store) -> None:
    """A file's article and its stubs are stored together or not at all."""
    bad_stub = Article(title="x", url="https://s.example/", kind="stub", content_hash="h",
                       published=datetime(2026, 1, 1))  # naive: rejected by the store
    try:
        store.articles.save(make(related=(bad_stub,)))
    except Exception:
        pass
    assert store.articles.count() == 0


def test_source_state(store: Store) -> None:
    record = store.sources.ensure("https://feed.example/rss", "feed", "Example")
    store.sources.record_fetch(record.id, ok=True, etag='"abc"', last_modified="Mon, 02 Nov 2026 10:00:00 GMT")
    store.sources.record_fetch(record.id, ok=False, error="https://feed.example/rss: HTTP 500")
    got = store.sources.get("https://feed.example/rss")
    assert got is not None and got.etag == '"abc"' and got.last_error == "https://feed.example/rss: HTTP 500"
    store.sources.record_fetch(record.id, ok=True, keep_validators=True)
    got = store.sources.get("https://feed.example/rss")
    assert got is not None and got.etag == '"abc"' and got.last_error is None
