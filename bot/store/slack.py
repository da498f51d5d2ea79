"""What the Slack app remembers: posted messages and stories, subscriptions, handled events."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from bot.store.tables import (
    articles,
    slack_events,
    slack_messages,
    slack_posted_stories,
    slack_subscriptions,
    story_articles,
)

WEEKDAYS = (0, 1, 2, 3, 4)


@dataclass(frozen=True)
class PostedStory:
    channel: str
    story_id: int
    message_ts: str
    thread_ts: str
    position: int
    article_ids: tuple[int, ...]
    posted_at: datetime


@dataclass(frozen=True)
class Subscription:
    """A channel's daily digest: what it wants and when (the scheduler reads these)."""

    channel: str
    topics: tuple[str, ...] = ()
    at_time: str = "09:00"
    tz: str = "UTC"
    # Monday is 0, as in datetime.weekday().
    weekdays: tuple[int, ...] = WEEKDAYS
    max_stories: int | None = None
    created_by: str | None = None
    updated_at: datetime | None = field(default=None, compare=False)


def _posted(row: sa.Row[Any]) -> PostedStory:
    return PostedStory(channel=row.channel, story_id=row.story_id, message_ts=row.message_ts,
                       thread_ts=row.thread_ts, position=row.position,
                       article_ids=tuple(row.article_ids or ()), posted_at=row.posted_at)


def _subscription(row: sa.Row[Any]) -> Subscription:
    return Subscription(channel=row.channel, topics=tuple(row.topics or ()), at_time=row.at_time, tz=row.tz,
                        weekdays=tuple(row.weekdays or ()), max_stories=row.max_stories,
                        created_by=row.created_by, updated_at=row.updated_at)


class SlackStore:
    def __init__(self, engine: sa.Engine) -> None:
        self._engine = engine

    # --- messages and posted stories ------------------------------------------

    def record_message(self, channel: str, ts: str, *, thread_ts: str | None, kind: str,
                       story_ids: Sequence[int] = ()) -> None:
        with self._engine.begin() as conn:
            conn.execute(slack_messages.insert().values(
                channel=channel, ts=ts, thread_ts=thread_ts, kind=kind, story_ids=list(story_ids),
                created_at=datetime.now(timezone.utc)))

    def record_posted(self, channel: str, *, message_ts: str, thread_ts: str,
                      stories: Sequence[tuple[int, int, Sequence[int]]]) -> None:
        """Mark ``stories`` ((story id, position, article ids), ...) as posted in ``channel``."""
        if not stories:
            return
        now = datetime.now(timezone.utc)
        with self._engine.begin() as conn:
            conn.execute(slack_posted_stories.insert(), [
                {"channel": channel, "story_id": story_id, "message_ts": message_ts, "thread_ts": thread_ts,
                 "position": position, "article_ids": sorted(article_ids), "posted_at": now}
                for story_id, position, article_ids in stories
            ])

    def posted_story_ids(self, channel: str) -> set[int]:
        with self._engine.connect() as conn:
            return set(conn.execute(sa.select(slack_posted_stories.c.story_id)
                                    .where(slack_posted_stories.c.channel == channel)).scalars())

    def posted_stories(self, channel: str, *, since: datetime | None = None) -> list[PostedStory]:
        query = (sa.select(slack_posted_stories).where(slack_posted_stories.c.channel == channel)
                 .order_by(slack_posted_stories.c.posted_at, slack_posted_stories.c.position))
        if since is not None:
            query = query.where(slack_posted_stories.c.posted_at >= since)
        with self._engine.connect() as conn:
            return [_posted(r) for r in conn.execute(query)]

    def set_posted_articles(self, channel: str, story_id: int, article_ids: Sequence[int]) -> None:
        with self._engine.begin() as conn:
            conn.execute(slack_posted_stories.update()
                         .where(slack_posted_stories.c.channel == channel,
                                slack_posted_stories.c.story_id == story_id)
                         .values(article_ids=sorted(article_ids)))

    def is_thread(self, channel: str, thread_ts: str) -> bool:
        """Whether ``thread_ts`` is the thread of a message newsbot posted (or answered in)."""
        query = sa.select(slack_messages.c.id).where(
            slack_messages.c.channel == channel,
            sa.or_(slack_messages.c.ts == thread_ts, slack_messages.c.thread_ts == thread_ts)).limit(1)
        with self._engine.connect() as conn:
            return conn.execute(query).first() is not None

    def thread_stories(self, channel: str, thread_ts: str) -> list[int]:
        """The stories a thread is about, in the order they were posted there (digest order first)."""
        query = (sa.select(slack_messages.c.story_ids)
                 .where(slack_messages.c.channel == channel,
                        sa.or_(slack_messages.c.ts == thread_ts, slack_messages.c.thread_ts == thread_ts))
                 .order_by(slack_messages.c.id))
        with self._engine.connect() as conn:
            ids = [i for row in conn.execute(query).scalars() for i in (row or ())]
        return list(dict.fromkeys(ids))

    def last_digest_at(self, channel: str) -> datetime | None:
        with self._engine.connect() as conn:
            return conn.execute(sa.select(sa.func.max(slack_messages.c.created_at))
                                .where(slack_messages.c.channel == channel,
                                       slack_messages.c.kind == "digest")).scalar_one_or_none()

    # --- subscriptions --------------------------------------------------------

    def subscribe(self, sub: Subscription) -> None:
        values = {"topics": list(sub.topics), "at_time": sub.at_time, "tz": sub.tz,
                  "weekdays": list(sub.weekdays), "max_stories": sub.max_stories, "created_by": sub.created_by,
                  "updated_at": datetime.now(timezone.utc)}
        update = slack_subscriptions.update().where(slack_subscriptions.c.channel == sub.channel).values(**values)
        try:
            with self._engine.begin() as conn:
                if conn.execute(update).rowcount == 0:
                    conn.execute(slack_subscriptions.insert().values(channel=sub.channel, **values))
        except sa.exc.IntegrityError:
            # Another replica inserted the same channel between our update and insert.
            with self._engine.begin() as conn:
                conn.execute(update)

    def unsubscribe(self, channel: str) -> bool:
        with self._engine.begin() as conn:
            return conn.execute(slack_subscriptions.delete()
                                .where(slack_subscriptions.c.channel == channel)).rowcount > 0

    def subscription(self, channel: str) -> Subscription | None:
        with self._engine.connect() as conn:
            row = conn.execute(sa.select(slack_subscriptions)
                               .where(slack_subscriptions.c.channel == channel)).first()
        return _subscription(row) if row is not None else None

    def subscriptions(self) -> list[Subscription]:
        with self._engine.connect() as conn:
            return [_subscription(r) for r in
                    conn.execute(sa.select(slack_subscriptions).order_by(slack_subscriptions.c.channel))]

    # --- events ---------------------------------------------------------------

    def claim_event(self, event_id: str) -> bool:
        """True the first time ``event_id`` is seen, False for Slack's retries of it.

        The primary key decides, so two workers receiving the same retry agree.
        """
        try:
            with self._engine.begin() as conn:
                conn.execute(slack_events.insert().values(event_id=event_id, received_at=datetime.now(timezone.utc)))
        except IntegrityError:
            return False
        return True

    def forget_events(self, before: datetime) -> int:
        """Drop event ids older than ``before`` (Slack stops retrying after minutes)."""
        with self._engine.begin() as conn:
            return conn.execute(slack_events.delete().where(slack_events.c.received_at < before)).rowcount

    def story_ids_for_urls(self, urls: Sequence[str]) -> list[int]:
        """The stories holding articles at ``urls`` (an answer's sources), in the order given."""
        if not urls:
            return []
        query = (sa.select(articles.c.url, story_articles.c.story_id)
                 .join(story_articles, story_articles.c.article_id == articles.c.id)
                 .where(articles.c.url.in_(list(urls))))
        with self._engine.connect() as conn:
            by_url = {row.url: row.story_id for row in conn.execute(query)}
        return list(dict.fromkeys(by_url[u] for u in urls if u in by_url))
