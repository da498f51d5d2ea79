"""Articles and their related-article links."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from typing import Any, Literal

import sqlalchemy as sa

from bot.domain import Article
from bot.store.tables import article_links, articles

Outcome = Literal["new", "updated", "unchanged"]


@dataclass(frozen=True)
class Saved:
    id: int
    outcome: Outcome
    kind: str


def _row_to_article(row: sa.Row[Any], parent_id: int | None = None) -> Article:
    return Article(
        id=row.id,
        title=row.title,
        url=row.url or "",
        text=row.text or "",
        kind=row.kind,
        excerpt=row.excerpt or "",
        provider=row.provider,
        provider_domain=row.provider_domain,
        published=row.published_at,
        date_estimated=bool(row.date_estimated),
        topics=tuple(row.topics or ()),
        quality=row.quality,
        heat=row.heat,
        origin=row.origin or "",
        extra=row.extra or {},
        content_hash=row.content_hash,
        parent_id=parent_id,
    )


def _values(article: Article) -> dict[str, Any]:
    return {
        "url": article.url or None,
        "content_hash": article.content_hash,
        "kind": article.kind,
        "title": article.title,
        "text": article.text,
        "excerpt": article.excerpt,
        "provider": article.provider,
        "provider_domain": article.provider_domain,
        "published_at": article.published,
        "topics": list(article.topics),
        "quality": article.quality,
        "heat": article.heat,
        "origin": article.origin,
        "extra": dict(article.extra),
    }


def _changes(existing: sa.Row[Any], incoming: Article) -> dict[str, Any]:
    """Columns to update so the stored row reflects ``incoming``; empty if nothing changed."""
    if existing.kind == "full" and incoming.kind == "stub":
        # A related-link listing never overwrites the article we have in full;
        # it may only fill in what we lacked.
        fill = {}
        if existing.published_at is None and incoming.published is not None:
            fill["published_at"] = incoming.published
        if not existing.provider and incoming.provider:
            fill.update(provider=incoming.provider, provider_domain=incoming.provider_domain)
        return fill
    new = _values(incoming)
    if incoming.published is None:
        # Keep the stored date (possibly the first-seen estimate) rather than erase it.
        new.pop("published_at")
    if not incoming.url:
        new.pop("url")
    elif existing.url and existing.url != incoming.url:
        # Same text under another address (syndication): keep the first address.
        new.pop("url")
    if not incoming.origin:
        new.pop("origin")
    return {k: v for k, v in new.items() if getattr(existing, k) != v}


class ArticleStore:
    def __init__(self, engine: sa.Engine) -> None:
        self._engine = engine

    def _find(self, conn: sa.Connection, article: Article) -> sa.Row[Any] | None:
        if article.url:
            row = conn.execute(sa.select(articles).where(articles.c.url == article.url)).first()
            if row is not None:
                return row
        if not article.content_hash:
            return None  # records built by hand (not by a source) carry no hash to match on
        return conn.execute(
            sa.select(articles).where(articles.c.content_hash == article.content_hash).order_by(articles.c.id)
        ).first()

    def _upsert(self, conn: sa.Connection, article: Article, now: datetime, source_id: int | None) -> Saved:
        existing = self._find(conn, article)
        if existing is None:
            values = _values(article)
            estimated = article.published is None
            values.update(
                published_at=article.published or now,
                date_estimated=estimated or article.date_estimated,
                first_seen_at=now,
                updated_at=now,
                source_id=source_id,
            )
            new_id = conn.execute(articles.insert().values(**values).returning(articles.c.id)).scalar_one()
            return Saved(new_id, "new", article.kind)
        changes = _changes(existing, article)
        if not changes:
            return Saved(existing.id, "unchanged", existing.kind)
        if "published_at" in changes:
            changes["date_estimated"] = article.date_estimated
        changes["updated_at"] = now
        conn.execute(articles.update().where(articles.c.id == existing.id).values(**changes))
        return Saved(existing.id, "updated", changes.get("kind", existing.kind))

    def save(self, article: Article, *, source_id: int | None = None) -> list[Saved]:
        """Store an article and its related stubs in one transaction.

        The first outcome is the article's, then one per stub.  Either all of
        it is stored or none of it.
        """
        now = datetime.now(timezone.utc)
        with self._engine.begin() as conn:
            parent = self._upsert(conn, article, now, source_id)
            outcomes = [parent]
            for stub in article.related:
                child = self._upsert(conn, replace(stub, kind="stub"), now, source_id)
                outcomes.append(child)
                if child.id == parent.id:
                    continue
                linked = conn.execute(
                    sa.select(article_links.c.child_id).where(
                        article_links.c.parent_id == parent.id, article_links.c.child_id == child.id
                    )
                ).first()
                if linked is None:
                    conn.execute(article_links.insert().values(parent_id=parent.id, child_id=child.id))
        return outcomes

    def _parents(self, conn: sa.Connection, ids: Sequence[int]) -> dict[int, int]:
        if not ids:
            return {}
        rows = conn.execute(
            sa.select(article_links.c.child_id, sa.func.min(article_links.c.parent_id))
            .where(article_links.c.child_id.in_(ids))
            .group_by(article_links.c.child_id)
        )
        return {child: parent for child, parent in rows}

    def get(self, article_id: int) -> Article | None:
        with self._engine.connect() as conn:
            row = conn.execute(sa.select(articles).where(articles.c.id == article_id)).first()
            if row is None:
                return None
            return _row_to_article(row, self._parents(conn, [row.id]).get(row.id))

    def get_many(self, article_ids: Sequence[int]) -> list[Article]:
        """Articles by id, in the order asked (missing ids are skipped)."""
        if not article_ids:
            return []
        with self._engine.connect() as conn:
            rows = conn.execute(sa.select(articles).where(articles.c.id.in_(list(article_ids)))).all()
            parents = self._parents(conn, [r.id for r in rows])
        by_id = {r.id: _row_to_article(r, parents.get(r.id)) for r in rows}
        return [by_id[i] for i in article_ids if i in by_id]

    def list(
        self,
        *,
        limit: int | None = None,
        since: datetime | None = None,
        kind: str | None = None,
    ) -> list[Article]:
        """Newest first (by published date, then id)."""
        query = sa.select(articles).order_by(articles.c.published_at.desc(), articles.c.id.desc())
        if since is not None:
            query = query.where(articles.c.published_at >= since)
        if kind is not None:
            query = query.where(articles.c.kind == kind)
        if limit is not None:
            query = query.limit(limit)
        with self._engine.connect() as conn:
            rows = conn.execute(query).all()
            parents = self._parents(conn, [r.id for r in rows])
        return [_row_to_article(r, parents.get(r.id)) for r in rows]

    def related(self, parent_id: int) -> list[Article]:
        query = (
            sa.select(articles)
            .join(article_links, article_links.c.child_id == articles.c.id)
            .where(article_links.c.parent_id == parent_id)
            .order_by(articles.c.id)
        )
        with self._engine.connect() as conn:
            return [_row_to_article(r, parent_id) for r in conn.execute(query)]

    def kind_of(self, url: str) -> str | None:
        """'full' or 'stub' for the article stored under ``url``; None when there is none."""
        with self._engine.connect() as conn:
            return conn.execute(sa.select(articles.c.kind).where(articles.c.url == url)).scalar()

    def count(self, kind: str | None = None) -> int:
        query = sa.select(sa.func.count()).select_from(articles)
        if kind is not None:
            query = query.where(articles.c.kind == kind)
        with self._engine.connect() as conn:
            return conn.execute(query).scalar_one()
