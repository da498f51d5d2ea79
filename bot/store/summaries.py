"""The summary cache: one row per (summarised text, backend, model, options, prompt version)."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from datetime import datetime, timezone

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from bot.domain import Summary, SummaryKey
from bot.store.tables import summaries

_CHUNK = 500  # ids per IN (...) query, well inside every driver's parameter limit


def key_fingerprint(key: SummaryKey) -> str:
    payload = "\x1f".join((key.backend, key.model, key.options, key.prompt))
    return hashlib.sha256(payload.encode()).hexdigest()


class SummaryStore:
    def __init__(self, engine: sa.Engine) -> None:
        self._engine = engine

    def get_many(self, key: SummaryKey, content_hashes: Sequence[str]) -> dict[str, Summary]:
        """Cached summaries under ``key``, by content hash (misses are absent)."""
        fingerprint = key_fingerprint(key)
        wanted = list(dict.fromkeys(content_hashes))
        found: dict[str, Summary] = {}
        with self._engine.connect() as conn:
            for start in range(0, len(wanted), _CHUNK):
                rows = conn.execute(
                    sa.select(summaries.c.content_hash, summaries.c.text, summaries.c.made_by,
                              summaries.c.made_with, summaries.c.note)
                    .where(summaries.c.fingerprint == fingerprint,
                           summaries.c.content_hash.in_(wanted[start:start + _CHUNK]))
                )
                for row in rows:
                    found[row.content_hash] = Summary(text=row.text, backend=row.made_by, model=row.made_with,
                                                      note=row.note)
        return found

    def get(self, key: SummaryKey, content_hash: str) -> Summary | None:
        return self.get_many(key, [content_hash]).get(content_hash)

    def put_many(self, key: SummaryKey, items: Mapping[str, Summary]) -> None:
        """Store summaries under ``key``; a row another worker wrote meanwhile is kept."""
        if not items:
            return
        now = datetime.now(timezone.utc)
        fingerprint = key_fingerprint(key)
        rows = [
            {"content_hash": content_hash, "fingerprint": fingerprint, "backend": key.backend,
             "model": key.model, "options": key.options, "prompt": key.prompt, "text": summary.text,
             "made_by": summary.backend, "made_with": summary.model, "note": summary.note, "created_at": now}
            for content_hash, summary in items.items()
        ]
        with self._engine.begin() as conn:
            insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
            conn.execute(insert(summaries).on_conflict_do_nothing(), rows)

    def put(self, key: SummaryKey, content_hash: str, summary: Summary) -> None:
        self.put_many(key, {content_hash: summary})

    def count(self) -> int:
        with self._engine.connect() as conn:
            return conn.execute(sa.select(sa.func.count()).select_from(summaries)).scalar_one()
