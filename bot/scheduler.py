"""When digests go out, and how each goes out exactly once.

Times are computed per local calendar day in the subscription's own time zone
(zoneinfo), so a DST change day still fires exactly once: an ambiguous time
(autumn) fires at its first occurrence, a time that does not exist (spring) fires
just after the gap.  (APScheduler 3's CronTrigger loops forever on an ambiguous
time, so it is only used to tick, not to compute digest times.)  Every
digest is claimed in the database under the key (channel, local date) before it
is posted; the claim is unique, so of several replicas sharing one database only
one posts.  A bot that died between claim and record looks the message up in
Slack by its metadata (``find_posted``) before posting again, so a digest is
neither repeated nor lost.  A digest whose time passed while the bot was down is
posted late once within ``grace``, then skipped.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.errors import ConfigError
from bot.store.claims import ClaimStore
from bot.store.slack import Subscription

log = logging.getLogger(__name__)

WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def zone_of(sub: Subscription) -> ZoneInfo:
    try:
        return ZoneInfo(sub.tz)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f"unknown time zone {sub.tz!r} for {sub.channel}",
                          hint="use an IANA name such as Europe/Berlin or America/New_York") from None


def hour_minute(sub: Subscription) -> tuple[int, int]:
    try:
        hour, minute = (int(x) for x in sub.at_time.split(":"))
    except ValueError:
        raise ConfigError(f"digest time {sub.at_time!r} for {sub.channel} is not HH:MM") from None
    if not (0 <= hour < 24 and 0 <= minute < 60):
        raise ConfigError(f"digest time {sub.at_time!r} for {sub.channel} is not a time of day")
    return hour, minute


def local_fire_time(sub: Subscription, day: date) -> datetime:
    """The digest time on one local day, as an aware UTC datetime (pure).

    fold=0 takes the first of two ambiguous wall times; a wall time inside a
    spring-forward gap maps, through UTC, to the same distance after the gap.
    """
    hour, minute = hour_minute(sub)
    wall = datetime.combine(day, time(hour, minute), tzinfo=zone_of(sub))
    return wall.astimezone(timezone.utc)


def fire_times(sub: Subscription, start: datetime, end: datetime) -> list[datetime]:
    """Every digest time in (start, end], as aware datetimes in the subscription's zone (pure)."""
    zone = zone_of(sub)
    weekdays = set(sub.weekdays) or set(range(7))
    day = start.astimezone(zone).date() - timedelta(days=1)
    last = end.astimezone(zone).date() + timedelta(days=1)
    out: list[datetime] = []
    while day <= last:
        if day.weekday() in weekdays:
            fire = local_fire_time(sub, day)
            if start < fire <= end:
                out.append(fire.astimezone(zone))
        day += timedelta(days=1)
    return out


def latest_due(sub: Subscription, now: datetime, grace: timedelta) -> datetime | None:
    """The most recent digest time that is still worth posting late (within ``grace``), if any."""
    times = fire_times(sub, now - grace, now)
    return times[-1] if times else None


def digest_key(sub: Subscription, fire_time: datetime) -> tuple[str, date]:
    return sub.channel, fire_time.astimezone(zone_of(sub)).date()


def digest_id(sub: Subscription, fire_time: datetime) -> str:
    channel, local = digest_key(sub, fire_time)
    return f"{channel}:{local.isoformat()}"


def replica_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


# post(sub, digest_id, fire_time) -> message ts; find_posted(channel, digest_id) -> ts or None.
Post = Callable[[Subscription, str, datetime], str]
FindPosted = Callable[[str, str], "str | None"]


@dataclass
class RunOutcome:
    posted: list[str] = field(default_factory=list)
    recovered: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


class DigestRunner:
    """Posts each (channel, local date) digest once, whatever the crashes and replicas."""

    def __init__(self, claims: ClaimStore, post: Post, find_posted: FindPosted, *, owner: str | None = None,
                 stale_after: timedelta = timedelta(minutes=10),
                 clock: Callable[[], datetime] = lambda: datetime.now(timezone.utc)) -> None:
        self.claims = claims
        self.post = post
        self.find_posted = find_posted
        self.owner = owner or replica_name()
        self.stale_after = stale_after
        self.clock = clock

    def run(self, sub: Subscription, fire_time: datetime, outcome: RunOutcome | None = None) -> RunOutcome:
        outcome = outcome or RunOutcome()
        channel, local = digest_key(sub, fire_time)
        did = digest_id(sub, fire_time)
        claims = self.claims
        done = claims.get(did)
        if done is not None and done.posted_ts:
            # The common case on every tick after the post: no insert, no constraint error in the server log.
            outcome.skipped.append(did)
            return outcome
        if claims.claim(did, channel, local, self.owner, self.clock()):
            ts = self.post(sub, did, fire_time)
            claims.record(did, ts)
            outcome.posted.append(did)
            return outcome
        self._recover(sub, did, fire_time, outcome)
        return outcome

    def _recover(self, sub: Subscription, did: str, fire_time: datetime, outcome: RunOutcome) -> None:
        """Someone claimed it: done, in progress, or a claimant that died before recording."""
        claim = self.claims.get(did)
        if claim is None or claim.posted_ts:
            outcome.skipped.append(did)
            return
        if self.clock() - claim.claimed_at < self.stale_after:
            outcome.skipped.append(did)  # another replica is posting it right now
            return
        # Take the stale claim over atomically: of several recoverers only one wins.
        if not self.claims.take_over(did, claim.owner, self.owner, self.clock()):
            outcome.skipped.append(did)
            return
        ts = self.find_posted(sub.channel, did)
        if ts is None:
            ts = self.post(sub, did, fire_time)
            outcome.posted.append(did)
        else:
            outcome.recovered.append(did)
        self.claims.record(did, ts)

    def catch_up(self, subs: Sequence[Subscription], now: datetime, grace: timedelta) -> RunOutcome:
        """At start: digests whose time passed while we were down, if still within ``grace``."""
        outcome = RunOutcome()
        for sub in subs:
            due = latest_due(sub, now, grace)
            if due is not None:
                self.run(sub, due, outcome)
        return outcome
