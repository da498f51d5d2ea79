"""Per-source fetch state: conditional-GET validators and the last error."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

import sqlalchemy as sa

from bot.store.tables import sources


@dataclass(frozen=True)
class SourceRecord:
    id: int
    target: str
    kind: str
    name: str | None
    etag: str | None
    last_modified: str | None
    last_fetched_at: datetime | None
    last_ok_at: datetime | None
    last_error: str | None
    last_error_at: datetime | None


def _record(row: sa.Row[Any]) -> SourceRecord:
    return SourceRecord(
        id=row.id,
        target=row.target,
        kind=row.kind,
        name=row.name,
        etag=row.etag,
        last_modified=row.last_modified,
        last_fetched_at=row.last_fetched_at,
        last_ok_at=row.last_ok_at,
        last_error=row.last_error,
        last_error_at=row.last_error_at,
    )


class SourceStore:
    def __init__(self, engine: sa.Engine) -> None:
        self._engine = engine

    def ensure(self, target: str, kind: str, name: str | None = None) -> SourceRecord:
        with self._engine.begin() as conn:
            row = conn.execute(sa.select(sources).where(sources.c.target == target)).first()
            if row is None:
                conn.execute(
                    sources.insert().values(
                        target=target, kind=kind, name=name, created_at=datetime.now(timezone.utc)
                    )
                )
                row = conn.execute(sa.select(sources).where(sources.c.target == target)).one()
            elif name and row.name != name:
                conn.execute(sources.update().where(sources.c.id == row.id).values(name=name))
        return _record(row)

    def get(self, target: str) -> SourceRecord | None:
        with self._engine.connect() as conn:
            row = conn.execute(sa.select(sources).where(sources.c.target == target)).first()
        return _record(row) if row is not None else None

    def list(self) -> list[SourceRecord]:
        with self._engine.connect() as conn:
            return [_record(r) for r in conn.execute(sa.select(sources).order_by(sources.c.id))]

    def record_fetch(
        self,
        source_id: int,
        *,
        ok: bool,
        error: str | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
        keep_validators: bool = False,
    ) -> None:
        now = datetime.now(timezone.utc)
        values: dict[str, Any] = {"last_fetched_at": now}
        if ok:
            values.update(last_ok_at=now, last_error=None, last_error_at=None)
            if not keep_validators:
                values.update(etag=etag, last_modified=last_modified)
        else:
            values.update(last_error=error, last_error_at=now)
        with self._engine.begin() as conn:
            conn.execute(sources.update().where(sources.c.id == source_id).values(**values))
