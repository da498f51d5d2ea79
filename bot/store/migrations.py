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


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "sources, articles and article links", _m0001_initial),
)


def current_version(conn: sa.Connection) -> int:
    if not sa.inspect(conn).has_table("schema_migrations"):
        return 0
    return conn.execute(sa.select(sa.func.coalesce(sa.func.max(tables.schema_migrations.c.version), 0))).scalar_one()


def pending(conn: sa.Connection) -> list[Migration]:
    done = current_version(conn)
    return [m for m in MIGRATIONS if m.version > done]


def upgrade(engine: sa.Engine) -> list[Migration]:
    """Apply every pending migration; returns those applied."""
    with engine.begin() as conn:
        tables.schema_migrations.create(conn, checkfirst=True)
    applied = []
    for migration in MIGRATIONS:
        with engine.begin() as conn:
            if migration.version <= current_version(conn):
                continue
            migration.apply(conn)
            conn.execute(
                tables.schema_migrations.insert().values(
                    version=migration.version, name=migration.name, applied_at=datetime.now(timezone.utc)
                )
            )
        applied.append(migration)
    return applied
