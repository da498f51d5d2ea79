"""The only place with SQL.  ``open_store(url)`` migrates and returns a Store."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from bot.errors import StoreError
from bot.store import migrations
from bot.store.articles import ArticleStore, Saved
from bot.store.engine import create_engine
from bot.store.claims import ClaimStore
from bot.store.partnerships import PartnershipStore
from bot.store.slack import PostedStory, SlackStore, Subscription
from bot.store.sources import SourceRecord, SourceStore
from bot.store.stories import StoryFields, StoryStore
from bot.store.summaries import SummaryStore

__all__ = [
    "ArticleStore",
    "PartnershipStore",
    "PostedStory",
    "Saved",
    "SlackStore",
    "SourceRecord",
    "SourceStore",
    "Store",
    "StoryFields",
    "StoryStore",
    "SummaryStore",
    "Subscription",
    "open_store",
]


class Store:
    """Per-topic parts over one engine, as in lemon24/reader's storage."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine
        self.articles = ArticleStore(engine)
        self.sources = SourceStore(engine)
        self.stories = StoryStore(engine)
        self.partnerships = PartnershipStore(engine)
        self.claims = ClaimStore(engine)
        self.summaries = SummaryStore(engine)
        self.slack = SlackStore(engine)

    def ping(self) -> None:
        """A round trip to the database; StoreError when it does not answer."""
        try:
            with self.engine.connect() as conn:
                conn.execute(sa.text("SELECT 1"))
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(f"the database does not answer: {exc}",
                             hint="check DATABASE_URL / database.url and that the server is running") from None

    @contextmanager
    def exclusive(self, name: str) -> Iterator[bool]:
        """Yields True for one holder of ``name`` at a time across replicas, False to the others.

        PostgreSQL: a session advisory lock, released with the connection even if
        the holder dies.  SQLite is one machine's database: always True there.
        """
        if self.engine.dialect.name != "postgresql":
            yield True
            return
        key = int.from_bytes(hashlib.sha256(f"newsbot:{name}".encode()).digest()[:8], "big", signed=True)
        with self.engine.connect() as conn:
            got = bool(conn.execute(sa.text("SELECT pg_try_advisory_lock(:k)"), {"k": key}).scalar())
            conn.commit()
            try:
                yield got
            finally:
                if got:
                    conn.execute(sa.text("SELECT pg_advisory_unlock(:k)"), {"k": key})
                    conn.commit()

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _redacted(url: str) -> str:
    try:
        return sa.engine.make_url(url).render_as_string(hide_password=True)
    except sa.exc.ArgumentError:
        return url


def open_store(url: str, *, migrate: bool = True) -> Store:
    """Open the database at ``url`` and apply pending migrations."""
    engine = create_engine(url)
    try:
        if migrate:
            migrations.upgrade(engine)
        else:
            with engine.connect():
                pass
    except OperationalError as exc:
        engine.dispose()
        raise StoreError(
            f"cannot open database {_redacted(url)}: {exc.orig}",
            hint="check DATABASE_URL / database.url and that the server is running",
        ) from None
    except SQLAlchemyError as exc:
        engine.dispose()
        raise StoreError(f"database {_redacted(url)}: {exc}") from None
    return Store(engine)
