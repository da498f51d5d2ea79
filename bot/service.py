"""``newsbot run`` unattended: ingest on an interval, digests at their local times.

One APScheduler BackgroundScheduler holds two jobs.  Ingest runs every
``schedule.ingest_every_minutes`` (never two at once; missed runs coalesce into
one).  The digest job ticks every ``DIGEST_TICK`` seconds and posts each
subscription's latest due digest through ``DigestRunner``, whose database
claims make it post once however many replicas tick.  Ticking, rather than one
cron job per subscription, picks up ``/news subscribe`` from any replica at once
and makes "posted late after a restart" the same code path as "posted on time".
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any

from bot.config import Settings
from bot.errors import NewsbotError
from bot.pipeline import IngestReport, ingest, process_changed
from bot.scheduler import DigestRunner, RunOutcome, latest_due
from bot.store.slack import Subscription

if TYPE_CHECKING:
    from apscheduler.schedulers.base import BaseScheduler
    from slack_sdk import WebClient

    from bot.store import Store

log = logging.getLogger(__name__)

DIGEST_TICK = 30  # seconds between looks for due digests
# Nothing was new for the channel: the digest is done, with no message to point at.
NOTHING_POSTED = "-"
EVENT_MEMORY_DAYS = 2


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass
class Health:
    """What ``/healthz`` reports."""

    started_at: datetime
    last_ingest_at: datetime | None = None
    last_ingest: str = ""
    last_ingest_error: str = ""
    last_tick_at: datetime | None = None


def config_subscriptions(settings: Settings) -> list[Subscription]:
    return [
        Subscription(channel=s.channel, topics=tuple(s.topics), at_time=s.at, tz=s.tz,
                     weekdays=s.weekday_numbers(), max_stories=s.max_stories, created_by="newsbot.yaml")
        for s in settings.schedule.subscriptions
    ]


class Service:
    """The jobs of ``newsbot run``, each callable on its own (tests drive them with a fake clock)."""

    def __init__(self, settings: Settings, store: Store, client: WebClient, *, owner: str | None = None,
                 clock: Callable[[], datetime] = utc_now) -> None:
        self.settings = settings
        self.store = store
        self.client = client
        self.clock = clock
        self.health = Health(started_at=clock())
        self._ingest_lock = threading.Lock()
        self._last_cleanup: datetime | None = None
        self.runner = DigestRunner(
            store.claims, self._post, self._find_posted, owner=owner,
            stale_after=timedelta(minutes=settings.schedule.claim_timeout_minutes), clock=clock,
        )

    # --- subscriptions -------------------------------------------------------
    def sync_subscriptions(self) -> int:
        """Upsert the configured subscriptions (``/news subscribe`` ones stay as they are)."""
        subs = config_subscriptions(self.settings)
        for sub in subs:
            self.store.slack.subscribe(sub)
        return len(subs)

    # --- ingest --------------------------------------------------------------
    def ingest(self) -> IngestReport | None:
        """One pass over the configured sources; None when a pass is already running here or on another replica."""
        if not self._ingest_lock.acquire(blocking=False):
            return None
        try:
            with self.store.exclusive("ingest") as mine:
                if not mine:
                    log.info("ingest: another replica is ingesting; skipping this run")
                    return None
                return self._ingest()
        finally:
            self.health.last_ingest_at = self.clock()
            self._ingest_lock.release()

    def _ingest(self) -> IngestReport | None:
        try:
            report = ingest(self.settings.sources, settings=self.settings, store=self.store)
            for error in report.errors:
                log.warning("ingest: %s", error)
            if report.changed_ids:
                process_changed(self.settings, self.store, report.changed_ids)
            self.health.last_ingest = report.line()
            self.health.last_ingest_error = "; ".join(str(e) for e in report.errors[:3])
            log.info("ingest: %s", report.line())
            return report
        except NewsbotError as exc:
            # Stored articles stay stored; the next pass retries the rest.
            self.health.last_ingest_error = str(exc)
            log.error("ingest: %s", exc)
            return None

    # --- digests -------------------------------------------------------------
    def digests_due(self) -> RunOutcome:
        """Post every subscription's latest digest that is due and not yet posted."""
        now = self.clock()
        grace = timedelta(hours=self.settings.schedule.grace_hours)
        outcome = RunOutcome()
        for sub in self.store.slack.subscriptions():
            try:
                due = latest_due(sub, now, grace)
                if due is not None:
                    self.runner.run(sub, due, outcome)
            except NewsbotError as exc:
                # One channel's trouble (bot removed, bad zone) must not hold up the others.
                log.error("digest for %s: %s", sub.channel, exc)
        self.health.last_tick_at = now
        if self._last_cleanup is None or now - self._last_cleanup > timedelta(hours=1):
            # Slack retries an event for minutes, not days: older ids need not be remembered.
            self.store.slack.forget_events(before=now - timedelta(days=EVENT_MEMORY_DAYS))
            self._last_cleanup = now
        for did in outcome.posted:
            log.info("digest %s: posted", did)
        for did in outcome.recovered:
            log.info("digest %s: found in Slack after a restart; not posted again", did)
        return outcome

    def _post(self, sub: Subscription, digest_id: str, fire_time: datetime) -> str:
        from bot.slack.poster import digest_metadata, publish

        report = publish(self.client, self.store, self.settings, sub.channel, now=self.clock(),
                         metadata=digest_metadata(digest_id))
        return report.message_ts[0] if report.message_ts else NOTHING_POSTED

    def _find_posted(self, channel: str, digest_id: str) -> str | None:
        from bot.slack.poster import find_digest

        oldest = self.clock() - timedelta(hours=self.settings.schedule.grace_hours) - timedelta(days=1)
        return find_digest(self.client, channel, digest_id, oldest=oldest)

    # --- wiring --------------------------------------------------------------
    def schedule(self, scheduler: BaseScheduler) -> None:
        """Add the ingest and digest jobs; both run once at start, then on their intervals."""
        from apscheduler.triggers.interval import IntervalTrigger

        start = self.clock()
        scheduler.add_job(self.ingest, IntervalTrigger(minutes=self.settings.schedule.ingest_every_minutes),
                          id="ingest", name="ingest", next_run_time=start, max_instances=1, coalesce=True,
                          misfire_grace_time=None, replace_existing=True)
        scheduler.add_job(self.digests_due, IntervalTrigger(seconds=DIGEST_TICK), id="digests",
                          name="digests", next_run_time=start, max_instances=1, coalesce=True,
                          misfire_grace_time=None, replace_existing=True)

    def healthz(self, scheduler_running: bool) -> tuple[int, dict[str, Any]]:
        """(HTTP status, body): 200 when the database answers and the scheduler ticks."""
        now = self.clock()
        database_ok = True
        try:
            self.store.ping()
        except NewsbotError:
            database_ok = False
        ticking = self.health.last_tick_at is not None and now - self.health.last_tick_at < timedelta(
            seconds=4 * DIGEST_TICK)
        healthy = database_ok and scheduler_running and ticking
        body = {
            "status": "ok" if healthy else "unhealthy",
            "database": "ok" if database_ok else "unreachable",
            "scheduler": "running" if scheduler_running and ticking else "stopped",
            "last_ingest_at": self.health.last_ingest_at.isoformat() if self.health.last_ingest_at else None,
            "last_ingest": self.health.last_ingest,
            "last_ingest_error": self.health.last_ingest_error,
        }
        return (200 if healthy else 503), body
