"""Digest times (DST days, grace window) and exactly-once posting across crashes and replicas."""

from __future__ import annotations

import multiprocessing
import os
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from bot.scheduler import DigestRunner, Subscription, digest_id, fire_times, latest_due

UTC = timezone.utc


@pytest.mark.parametrize(
    ("tz", "day"),
    [
        ("Europe/Berlin", "2026-03-29"),  # clocks go forward at 02:00
        ("Europe/Berlin", "2026-10-25"),  # clocks go back at 03:00
        ("America/New_York", "2026-03-08"),
        ("America/New_York", "2026-11-01"),
    ],
)
@pytest.mark.parametrize("at_time", ["09:00", "02:30"])
def test_dst_change_day_fires_once_at_local_time(tz: str, day: str, at_time: str) -> None:
    sub = Subscription(channel="C1", at_time=at_time, tz=tz, weekdays=tuple(range(7)))
    zone = ZoneInfo(tz)
    start = datetime.fromisoformat(day).replace(tzinfo=zone) - timedelta(days=1)
    times = fire_times(sub, start, start + timedelta(days=3))
    local_days = [t.astimezone(zone).date().isoformat() for t in times]
    assert local_days.count(day) == 1, times
    assert len(times) == len(set(local_days)) == 3
    on_day = next(t for t in times if t.astimezone(zone).date().isoformat() == day)
    hour, minute = (int(x) for x in at_time.split(":"))
    local = on_day.astimezone(zone)
    # 02:30 does not exist on a spring-forward day; it fires once, just after the gap.
    assert (local.hour, local.minute) == (hour, minute) or (at_time == "02:30" and local.hour == 3)


def test_weekdays_only() -> None:
    sub = Subscription(channel="C1", at_time="09:00", tz="Europe/Berlin")  # Mon-Fri
    start = datetime(2026, 11, 23, tzinfo=UTC)  # a Monday
    days = {t.astimezone(ZoneInfo("Europe/Berlin")).weekday() for t in fire_times(sub, start, start + timedelta(days=14))}
    assert days == {0, 1, 2, 3, 4}


def test_grace_window() -> None:
    sub = Subscription(channel="C1", at_time="09:00", tz="Europe/Berlin", weekdays=tuple(range(7)))
    nine = datetime(2026, 11, 23, 9, tzinfo=ZoneInfo("Europe/Berlin"))
    assert latest_due(sub, nine + timedelta(hours=2), timedelta(hours=6)) == nine
    assert latest_due(sub, nine + timedelta(hours=7), timedelta(hours=6)) is None


class _Slack:
    """What Slack would hold: posted digests by id (the message metadata)."""

    def __init__(self) -> None:
        self.posts: list[str] = []

    def post(self, sub: Subscription, did: str, fire_time: datetime) -> str:
        self.posts.append(did)
        return f"{len(self.posts)}.000"

    def find(self, channel: str, did: str) -> str | None:
        return f"{self.posts.index(did) + 1}.000" if did in self.posts else None


def test_each_digest_posts_once_even_when_asked_twice(store) -> None:  # type: ignore[no-untyped-def]
    slack = _Slack()
    sub = Subscription(channel="C1", weekdays=tuple(range(7)))
    runner = DigestRunner(store.claims, slack.post, slack.find, owner="a")
    when = datetime(2026, 11, 23, 9, tzinfo=UTC)
    runner.run(sub, when)
    runner.run(sub, when)
    DigestRunner(store.claims, slack.post, slack.find, owner="b").run(sub, when)
    assert slack.posts == [digest_id(sub, when)]
    assert store.claims.get(digest_id(sub, when)).posted_ts == "1.000"


def test_crash_between_claim_and_post_posts_once_after_restart(store) -> None:  # type: ignore[no-untyped-def]
    slack = _Slack()
    sub = Subscription(channel="C1", weekdays=tuple(range(7)))
    when = datetime(2026, 11, 23, 9, tzinfo=UTC)
    did = digest_id(sub, when)
    # The first process claimed, then died before posting.
    assert store.claims.claim(did, "C1", when.date(), "dead", when)
    clock = lambda: when + timedelta(minutes=30)  # noqa: E731
    outcome = DigestRunner(store.claims, slack.post, slack.find, owner="new", clock=clock).run(sub, when)
    assert slack.posts == [did] and outcome.posted == [did]


def test_crash_between_post_and_record_does_not_repost(store) -> None:  # type: ignore[no-untyped-def]
    slack = _Slack()
    sub = Subscription(channel="C1", weekdays=tuple(range(7)))
    when = datetime(2026, 11, 23, 9, tzinfo=UTC)
    did = digest_id(sub, when)
    assert store.claims.claim(did, "C1", when.date(), "dead", when)
    slack.post(sub, did, when)  # posted, then died before recording the ts
    clock = lambda: when + timedelta(minutes=30)  # noqa: E731
    outcome = DigestRunner(store.claims, slack.post, slack.find, owner="new", clock=clock).run(sub, when)
    assert slack.posts == [did] and outcome.recovered == [did]
    assert store.claims.get(did).posted_ts == "1.000"


def test_a_fresh_claim_by_another_replica_is_left_alone(store) -> None:  # type: ignore[no-untyped-def]
    slack = _Slack()
    sub = Subscription(channel="C1", weekdays=tuple(range(7)))
    when = datetime(2026, 11, 23, 9, tzinfo=UTC)
    assert store.claims.claim(digest_id(sub, when), "C1", when.date(), "busy", when)
    clock = lambda: when + timedelta(minutes=1)  # noqa: E731
    DigestRunner(store.claims, slack.post, slack.find, owner="other", clock=clock).run(sub, when)
    assert slack.posts == []


def _replica(url: str, name: str, out: str) -> None:
    from bot.store import open_store

    with open_store(url) as store:
        sub = Subscription(channel="C9", weekdays=tuple(range(7)))
        start = datetime(2026, 1, 1, 9, tzinfo=UTC)

        def post(s: Subscription, did: str, fire_time: datetime) -> str:
            with open(out, "a", encoding="utf-8") as fh:
                fh.write(f"{did} {name}\n")
            return name

        runner = DigestRunner(store.claims, post, lambda channel, did: None, owner=name)
        for day in range(20):
            runner.run(sub, start + timedelta(days=day))


def test_two_replicas_post_twenty_digests_exactly_once(database_url: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from bot.store import open_store

    open_store(database_url).close()  # migrate first, as `newsbot db upgrade` would
    out = str(tmp_path / "posts.txt")
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_replica, args=(database_url, f"r{i}", out)) for i in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    lines = open(out, encoding="utf-8").read().split("\n")[:-1] if os.path.exists(out) else []
    ids = [line.split()[0] for line in lines]
    assert len(ids) == 20 and len(set(ids)) == 20
