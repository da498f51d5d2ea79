"""Numbered migrations, applied in order at start and by `newsbot db upgrade`.

Each migration is a function of one connection, run in its own transaction and
recorded in ``schema_migrations``.  Append new ones; never edit a shipped one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone

import sqlalchemy as sa

from bot.store import tables


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: Callable[[sa.Connection], None]


def _snapshot(version: int) -> sa.MetaData:
    """The schema as it was at ``version``: columns added later are left out."""
    snapshot = sa.MetaData(naming_convention=tables.metadata.naming_convention)
    for table in tables.metadata.sorted_tables:
        # Keep constraints and indexes on columns (unique=, index=, ForeignKey) so they copy along.
        sa.Table(table.name, snapshot, *(c._copy() for c in table.columns if c.info.get("since", 0) <= version))
    return snapshot


def _create(conn: sa.Connection, names: Sequence[str], version: int) -> None:
    snapshot = _snapshot(version)
    snapshot.create_all(conn, tables=[snapshot.tables[name] for name in names])


def _add_column(conn: sa.Connection, table_name: str, column_name: str) -> None:
    column = tables.metadata.tables[table_name].c[column_name]
    ddl = sa.schema.CreateColumn(column).compile(dialect=conn.dialect)
    conn.execute(sa.text(f"ALTER TABLE {table_name} ADD COLUMN {ddl}"))


def _m0001_initial(conn: sa.Connection) -> None:
    _create(conn, ["sources", "articles", "article_links"], 1)


def _m0002_summaries(conn: sa.Connection) -> None:
    _create(conn, ["summaries"], 2)


def _m0003_stories_partnerships(conn: sa.Connection) -> None:
    _create(conn, ["stories", "story_articles", "partnerships", "partnership_articles"], 3)


def _m0004_slack(conn: sa.Connection) -> None:
    _create(conn, ["slack_messages", "slack_posted_stories", "slack_subscriptions", "slack_events"], 4)


def _m0005_digest_claims(conn: sa.Connection) -> None:
    _create(conn, ["digest_claims"], 5)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "sources, articles and article links", _m0001_initial),
    Migration(2, "summary cache", _m0002_summaries),
    Migration(3, "stories and partnerships", _m0003_stories_partnerships),
    Migration(4, "slack messages, posted stories, subscriptions and seen events", _m0004_slack),
    Migration(5, "digest claims", _m0005_digest_claims),
)


def applied_versions(conn: sa.Connection) -> set[int]:
    if not sa.inspect(conn).has_table("schema_migrations"):
        return set()
    return set(conn.execute(sa.select(tables.schema_migrations.c.version)).scalars())


def current_version(conn: sa.Connection) -> int:
    return max(applied_versions(conn), default=0)


def pending(conn: sa.Connection) -> list[Migration]:
    # By set, not by max: a migration merged from a parallel branch with a lower
    # number than one already applied must still run.
    done = applied_versions(conn)
    return [m for m in MIGRATIONS if m.version not in done]


def upgrade(engine: sa.Engine) -> list[Migration]:
    """Apply every pending migration; returns those applied."""
    with engine.begin() as conn:
        tables.schema_migrations.create(conn, checkfirst=True)
    applied = []
    for migration in MIGRATIONS:
        with engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                # Replicas starting together: one migrates, the others wait and then see it done.
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(8123946501)"))
            if migration.version in applied_versions(conn):
                continue
            migration.apply(conn)
            conn.execute(
                tables.schema_migrations.insert().values(
                    version=migration.version, name=migration.name, applied_at=datetime.now(timezone.utc)
                )
            )
        applied.append(migration)
    return applied
