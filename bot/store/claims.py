"""Digest claims: the unique key that makes each digest post once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone

import sqlalchemy as sa

from bot.store.tables import digest_claims


@dataclass(frozen=True)
class Claim:
    digest_id: str
    channel: str
    local_date: date
    owner: str
    claimed_at: datetime
    posted_ts: str | None


class ClaimStore:
    def __init__(self, engine: sa.Engine) -> None:
        self._engine = engine

    def claim(self, digest_id: str, channel: str, local_date: date, owner: str, now: datetime) -> bool:
        """True for exactly one caller per ``digest_id``, whichever process or machine asks."""
        try:
            with self._engine.begin() as conn:
                conn.execute(digest_claims.insert().values(
                    digest_id=digest_id, channel=channel, local_date=local_date, owner=owner, claimed_at=now))
        except sa.exc.IntegrityError:
            return False
        return True

    def get(self, digest_id: str) -> Claim | None:
        with self._engine.connect() as conn:
            row = conn.execute(sa.select(digest_claims).where(digest_claims.c.digest_id == digest_id)).first()
        if row is None:
            return None
        return Claim(row.digest_id, row.channel, row.local_date, row.owner, row.claimed_at, row.posted_ts)

    def take_over(self, digest_id: str, old_owner: str, new_owner: str, now: datetime) -> bool:
        """Move a stale, unrecorded claim to ``new_owner``; only one of several callers succeeds."""
        with self._engine.begin() as conn:
            result = conn.execute(
                digest_claims.update()
                .where(digest_claims.c.digest_id == digest_id, digest_claims.c.owner == old_owner,
                       digest_claims.c.posted_ts.is_(None))
                .values(owner=new_owner, claimed_at=now)
            )
        return result.rowcount == 1

    def record(self, digest_id: str, ts: str) -> None:
        with self._engine.begin() as conn:
            conn.execute(digest_claims.update().where(digest_claims.c.digest_id == digest_id)
                         .values(posted_ts=ts, posted_at=datetime.now(timezone.utc)))

    def unrecorded(self) -> list[Claim]:
        with self._engine.connect() as conn:
            rows = conn.execute(sa.select(digest_claims).where(digest_claims.c.posted_ts.is_(None))).all()
        return [Claim(r.digest_id, r.channel, r.local_date, r.owner, r.claimed_at, r.posted_ts) for r in rows]
