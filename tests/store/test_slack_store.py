"""The Slack part of the store (migration 4) on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from bot.domain import Article
from bot.store import StoryFields, Subscription
from bot.store import migrations

NOW = datetime(2026, 11, 22, 9, tzinfo=timezone.utc)


def test_events_are_claimed_once(store) -> None:  # type: ignore[no-untyped-def]
    assert store.slack.claim_event("Ev1") is True
    assert store.slack.claim_event("Ev1") is False
    assert store.slack.claim_event("Ev2") is True
    assert store.slack.forget_events(datetime.now(timezone.utc) + timedelta(seconds=1)) == 2
    assert store.slack.claim_event("Ev1") is True


def test_posted_messages_stories_and_threads(store) -> None:  # type: ignore[no-untyped-def]
    with store.engine.connect() as conn:
        assert 4 in migrations.applied_versions(conn)
    ids = [store.articles.save(Article(title=f"a{i}", url=f"https://x.example/{i}", published=NOW))[0].id
           for i in range(3)]
    fields = StoryFields(headline="h", url=None, summary="", first_seen=NOW, last_seen=NOW, topics=(),
                         organisations=(), quality=None, heat=None, centroid=None)
    s1, s2 = store.stories.create(fields, ids[:2]), store.stories.create(fields, ids[2:])
    assert store.slack.last_digest_at("C1") is None
    store.slack.record_message("C1", "1.1", thread_ts=None, kind="digest", story_ids=[s1])
    store.slack.record_message("C1", "1.2", thread_ts="1.1", kind="continuation", story_ids=[s2])
    store.slack.record_posted("C1", message_ts="1.1", thread_ts="1.1", stories=[(s1, 1, ids[:2])])
    store.slack.record_posted("C1", message_ts="1.2", thread_ts="1.1", stories=[(s2, 2, ids[2:])])
    assert store.slack.posted_story_ids("C1") == {s1, s2} and store.slack.posted_story_ids("C2") == set()
    assert store.slack.thread_stories("C1", "1.1") == [s1, s2]
    assert store.slack.is_thread("C1", "1.1") and store.slack.is_thread("C1", "1.2")
    assert not store.slack.is_thread("C1", "9.9") and not store.slack.is_thread("C2", "1.1")
    assert store.slack.last_digest_at("C1") is not None
    store.slack.set_posted_articles("C1", s1, [ids[1], ids[0], 99])
    [first, second] = store.slack.posted_stories("C1")
    assert (first.story_id, first.article_ids, second.position) == (s1, (ids[0], ids[1], 99), 2)
    assert store.slack.story_ids_for_urls(["https://x.example/2", "https://x.example/0", "https://nope"]) == [s2, s1]


def test_subscriptions(store) -> None:  # type: ignore[no-untyped-def]
    sub = Subscription(channel="C1", topics=("chips", "Hugging Face"), at_time="09:30", tz="Europe/Paris",
                       weekdays=(0, 2, 4), max_stories=5, created_by="U1")
    store.slack.subscribe(sub)
    assert store.slack.subscription("C1") == sub
    store.slack.subscribe(Subscription(channel="C1", topics=()))
    assert store.slack.subscription("C1") == Subscription(channel="C1")
    assert [s.channel for s in store.slack.subscriptions()] == ["C1"]
    assert store.slack.unsubscribe("C1") is True and store.slack.unsubscribe("C1") is False
    assert store.slack.subscription("C1") is None
