"""Partnership records (merged across the articles that report them)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timezone
from typing import Any

import sqlalchemy as sa

from bot.domain import Partnership
from bot.store.tables import articles, partnership_articles, partnerships


def _ordered(a: str, b: str) -> tuple[str, str]:
    # Pairs are unordered; store them in one order so lookups need one query.
    return (a, b) if a.casefold() <= b.casefold() else (b, a)


class PartnershipStore:
    def __init__(self, engine: sa.Engine) -> None:
        self._engine = engine

    def _load(self, conn: sa.Connection, rows: Sequence[sa.Row[Any]]) -> list[Partnership]:
        ids = [r.id for r in rows]
        urls: dict[int, list[str]] = {i: [] for i in ids}
        if ids:
            links = conn.execute(
                sa.select(partnership_articles.c.partnership_id, articles.c.url)
                .join(articles, articles.c.id == partnership_articles.c.article_id)
                .where(partnership_articles.c.partnership_id.in_(ids))
                .order_by(articles.c.published_at, articles.c.id)
            )
            for pid, url in links:
                if url:
                    urls[pid].append(url)
        return [
            Partnership(
                id=r.id,
                org_a=r.org_a,
                org_b=r.org_b,
                kind=r.kind,
                status=r.status,
                date=r.date,
                what=r.what,
                evidence=r.evidence,
                confidence=r.confidence,
                article_urls=tuple(urls[r.id]),
                story_id=r.story_id,
            )
            for r in rows
        ]

    def article_ids(self, partnership_id: int) -> list[int]:
        with self._engine.connect() as conn:
            return list(conn.execute(
                sa.select(partnership_articles.c.article_id)
                .where(partnership_articles.c.partnership_id == partnership_id)
                .order_by(partnership_articles.c.article_id)
            ).scalars())

    def for_pair(self, org_a: str, org_b: str) -> list[Partnership]:
        a, b = _ordered(org_a, org_b)
        query = (
            sa.select(partnerships)
            .where(partnerships.c.org_a == a, partnerships.c.org_b == b)
            .order_by(partnerships.c.date.desc(), partnerships.c.id.desc())
        )
        with self._engine.connect() as conn:
            return self._load(conn, conn.execute(query).all())

    def involving(self, orgs: Sequence[str], *, status: str | None = "new") -> list[Partnership]:
        """Partnerships where either side is one of ``orgs``, newest first."""
        names = list(orgs)
        query = (
            sa.select(partnerships)
            .where(sa.or_(partnerships.c.org_a.in_(names), partnerships.c.org_b.in_(names)))
            .order_by(partnerships.c.date.desc(), partnerships.c.id.desc())
        )
        if status is not None:
            query = query.where(partnerships.c.status == status)
        with self._engine.connect() as conn:
            return self._load(conn, conn.execute(query).all())

    def latest(self, *, limit: int = 10, status: str | None = "new") -> list[Partnership]:
        query = sa.select(partnerships).order_by(partnerships.c.date.desc(), partnerships.c.id.desc()).limit(limit)
        if status is not None:
            query = query.where(partnerships.c.status == status)
        with self._engine.connect() as conn:
            return self._load(conn, conn.execute(query).all())

    def all(self) -> list[Partnership]:
        with self._engine.connect() as conn:
            return self._load(conn, conn.execute(sa.select(partnerships).order_by(partnerships.c.id)).all())

    def organisations(self) -> list[str]:
        with self._engine.connect() as conn:
            a = conn.execute(sa.select(partnerships.c.org_a).distinct()).scalars().all()
            b = conn.execute(sa.select(partnerships.c.org_b).distinct()).scalars().all()
        return sorted(set(a) | set(b))

    def for_story(self, story_id: int) -> list[Partnership]:
        with self._engine.connect() as conn:
            rows = conn.execute(
                sa.select(partnerships).where(partnerships.c.story_id == story_id).order_by(partnerships.c.id)
            ).all()
            return self._load(conn, rows)

    def replace_for_story(self, story_id: int, records: Sequence[tuple[Partnership, Sequence[int]]]) -> list[int]:
        """What a story's articles say, re-extracted: the story's old records give way to these."""
        with self._engine.begin() as conn:
            old = sa.select(partnerships.c.id).where(partnerships.c.story_id == story_id)
            conn.execute(partnership_articles.delete().where(partnership_articles.c.partnership_id.in_(old)))
            conn.execute(partnerships.delete().where(partnerships.c.story_id == story_id))
        return [self.save(replace(record, id=None, story_id=story_id), ids) for record, ids in records]

    def forget_articles(self, article_ids: Sequence[int]) -> None:
        """Drop what these articles said (before re-extracting them); orphans go too."""
        if not article_ids:
            return
        with self._engine.begin() as conn:
            conn.execute(
                partnership_articles.delete().where(partnership_articles.c.article_id.in_(list(article_ids)))
            )
            linked = sa.select(partnership_articles.c.partnership_id).where(
                partnership_articles.c.partnership_id == partnerships.c.id
            )
            conn.execute(partnerships.delete().where(~sa.exists(linked)))

    def save(self, record: Partnership, article_ids: Sequence[int]) -> int:
        """Insert ``record`` (or, with ``record.id``, replace that one) and link its articles."""
        a, b = _ordered(record.org_a, record.org_b)
        values = {
            "org_a": a,
            "org_b": b,
            "kind": record.kind,
            "status": record.status,
            "date": record.date,
            "what": record.what,
            "evidence": record.evidence,
            "confidence": record.confidence,
            "story_id": record.story_id,
            "updated_at": datetime.now(timezone.utc),
        }
        with self._engine.begin() as conn:
            if record.id is None:
                pid = conn.execute(partnerships.insert().values(**values).returning(partnerships.c.id)).scalar_one()
            else:
                pid = record.id
                conn.execute(partnerships.update().where(partnerships.c.id == pid).values(**values))
            have = set(conn.execute(
                sa.select(partnership_articles.c.article_id).where(partnership_articles.c.partnership_id == pid)
            ).scalars())
            new = [{"partnership_id": pid, "article_id": i} for i in dict.fromkeys(article_ids) if i not in have]
            if new:
                conn.execute(partnership_articles.insert(), new)
        return pid
