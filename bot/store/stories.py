"""Stories: clusters of articles about one event."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urlsplit

import sqlalchemy as sa

from bot.domain import Story
from bot.store.tables import articles, stories, story_articles


@dataclass(frozen=True)
class StoryFields:
    """What the clustering stage decides about a story; the store adds ids and outlets."""

    headline: str
    url: str | None
    summary: str
    first_seen: datetime | None
    last_seen: datetime | None
    topics: tuple[str, ...]
    organisations: tuple[str, ...]
    quality: float | None
    heat: float | None
    centroid: tuple[float, ...] | None


class StoryStore:
    def __init__(self, engine: sa.Engine) -> None:
        self._engine = engine

    @staticmethod
    def _values(fields: StoryFields) -> dict[str, Any]:
        return {
            "headline": fields.headline,
            "url": fields.url,
            "summary": fields.summary,
            "first_seen_at": fields.first_seen,
            "last_seen_at": fields.last_seen,
            "topics": list(fields.topics),
            "organisations": list(fields.organisations),
            "quality": fields.quality,
            "heat": fields.heat,
            "centroid": [round(x, 5) for x in fields.centroid] if fields.centroid is not None else None,
            "updated_at": datetime.now(timezone.utc),
        }

    def create(self, fields: StoryFields, article_ids: Sequence[int]) -> int:
        with self._engine.begin() as conn:
            story_id = conn.execute(
                stories.insert().values(**self._values(fields)).returning(stories.c.id)
            ).scalar_one()
            self._attach(conn, story_id, article_ids)
        return story_id

    def update(self, story_id: int, fields: StoryFields | None, article_ids: Sequence[int]) -> None:
        """Set the story's fields (unless None) and make ``article_ids`` (at least) members of it."""
        with self._engine.begin() as conn:
            if fields is not None:
                conn.execute(stories.update().where(stories.c.id == story_id).values(**self._values(fields)))
            self._attach(conn, story_id, article_ids)

    @staticmethod
    def _attach(conn: sa.Connection, story_id: int, article_ids: Sequence[int]) -> None:
        if not article_ids:
            return
        # An article belongs to one story: moving it here detaches it elsewhere.
        conn.execute(story_articles.delete().where(story_articles.c.article_id.in_(list(article_ids))))
        conn.execute(story_articles.insert(), [{"story_id": story_id, "article_id": a} for a in article_ids])
        # Stories left without articles are gone.
        orphan = sa.select(story_articles.c.story_id).where(story_articles.c.story_id == stories.c.id)
        conn.execute(stories.delete().where(~sa.exists(orphan)))

    def story_of(self, article_id: int) -> int | None:
        with self._engine.connect() as conn:
            return conn.execute(
                sa.select(story_articles.c.story_id).where(story_articles.c.article_id == article_id)
            ).scalar_one_or_none()

    def members(self, story_ids: Sequence[int]) -> dict[int, list[int]]:
        out: dict[int, list[int]] = {s: [] for s in story_ids}
        if not story_ids:
            return out
        with self._engine.connect() as conn:
            rows = conn.execute(
                sa.select(story_articles.c.story_id, story_articles.c.article_id)
                .where(story_articles.c.story_id.in_(list(story_ids)))
                .order_by(story_articles.c.article_id)
            )
            for story_id, article_id in rows:
                out[story_id].append(article_id)
        return out

    def centroids(self, *, since: datetime | None = None) -> dict[int, tuple[list[float] | None, datetime | None]]:
        """Candidate stories for new coverage: id -> (centroid, last seen)."""
        query = sa.select(stories.c.id, stories.c.centroid, stories.c.last_seen_at)
        if since is not None:
            query = query.where(sa.or_(stories.c.last_seen_at >= since, stories.c.last_seen_at.is_(None)))
        with self._engine.connect() as conn:
            return {row.id: (row.centroid, row.last_seen_at) for row in conn.execute(query)}

    def _load(self, conn: sa.Connection, rows: Sequence[sa.Row[Any]]) -> list[Story]:
        ids = [r.id for r in rows]
        outlets: dict[int, list[tuple[str, str]]] = {i: [] for i in ids}
        members: dict[int, list[int]] = {i: [] for i in ids}
        if ids:
            links = conn.execute(
                sa.select(story_articles.c.story_id, articles.c.id, articles.c.provider, articles.c.url,
                          articles.c.kind, articles.c.quality)
                .join(articles, articles.c.id == story_articles.c.article_id)
                .where(story_articles.c.story_id.in_(ids))
                .order_by(articles.c.kind, sa.func.coalesce(articles.c.quality, 0).desc(), articles.c.id)
            )
            for link in links:
                members[link.story_id].append(link.id)
                label = link.provider or (urlsplit(link.url).hostname if link.url else None)
                if link.url and label and all(label != seen for seen, _ in outlets[link.story_id]):
                    outlets[link.story_id].append((label, link.url))
        return [
            Story(
                id=r.id,
                headline=r.headline,
                url=r.url or "",
                summary=r.summary,
                article_ids=tuple(members[r.id]),
                outlets=tuple(outlets[r.id]),
                first_seen=r.first_seen_at,
                last_seen=r.last_seen_at,
                topics=tuple(r.topics or ()),
                organisations=tuple(r.organisations or ()),
                quality=r.quality,
                heat=r.heat,
            )
            for r in rows
        ]

    def get(self, story_id: int) -> Story | None:
        with self._engine.connect() as conn:
            row = conn.execute(sa.select(stories).where(stories.c.id == story_id)).first()
            return self._load(conn, [row])[0] if row is not None else None

    def list(self, *, since: datetime | None = None, limit: int | None = None) -> list[Story]:
        """Newest first by the latest coverage."""
        query = sa.select(stories).order_by(stories.c.last_seen_at.desc(), stories.c.id.desc())
        if since is not None:
            query = query.where(stories.c.last_seen_at >= since)
        if limit is not None:
            query = query.limit(limit)
        with self._engine.connect() as conn:
            return self._load(conn, conn.execute(query).all())

    def get_many(self, story_ids: Sequence[int]) -> list[Story]:
        if not story_ids:
            return []
        with self._engine.connect() as conn:
            rows = conn.execute(sa.select(stories).where(stories.c.id.in_(list(story_ids)))).all()
            by_id = {s.id: s for s in self._load(conn, rows)}
        return [by_id[i] for i in story_ids if i in by_id]
