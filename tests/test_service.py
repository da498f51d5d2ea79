"""`newsbot run` unattended: digests on time, late within grace, once across crashes and replicas."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from urllib.error import HTTPError
from urllib.request import urlopen

import pytest
from slack_sdk import WebClient

from bot.config import settings_from_dict
from bot.service import Service
from bot.slack.poster import DIGEST_EVENT
from bot.store import Store, open_store
from bot.store.slack import Subscription
from tests.service_worker import CHANNEL, settings_for
from tests.slack.conftest import NOW, _story, build_world
from tests.slack.standin import SlackStandIn
from tests.test_storying import _bag_of_words

REPO = Path(__file__).resolve().parent.parent
DUE = NOW.replace(hour=8)  # the subscription's time in tests.service_worker: 08:00 UTC daily


@pytest.fixture
def standin() -> Iterator[SlackStandIn]:
    # Message ts near the fake clock, as Slack's would be near the real one.
    server = SlackStandIn(epoch=int(NOW.timestamp()))
    yield server
    server.close()


@pytest.fixture
def world_store(database_url: str) -> Iterator[Store]:
    with open_store(database_url) as store:
        build_world(store, settings_from_dict({"database": {"url": database_url}}))
        yield store


def _service(store: Store, standin: SlackStandIn, clock: list[datetime], **schedule: Any) -> Service:
    raw = settings_for(str(store.engine.url))
    raw["schedule"].update(schedule)  # type: ignore[attr-defined]
    service = Service(settings_from_dict(raw), store, WebClient(token="xoxb-test", base_url=standin.api_url),
                      owner="test", clock=lambda: clock[0])
    service.sync_subscriptions()
    return service


def _digests(standin: SlackStandIn, channel: str = CHANNEL) -> list[dict[str, Any]]:
    """Top-level digest messages (continuations are thread replies) with their metadata."""
    return [c.body for c in standin.posted()
            if c.body.get("channel") == channel and (c.body.get("metadata") or {}).get("event_type") == DIGEST_EVENT]


def test_digest_goes_out_once_at_its_time_with_its_id_in_metadata(world_store: Store, standin: SlackStandIn) -> None:
    clock = [DUE - timedelta(minutes=1)]
    service = _service(world_store, standin, clock)
    assert service.digests_due().posted == [] and standin.posted() == []
    clock[0] = DUE
    assert service.digests_due().posted == [f"{CHANNEL}:2026-11-22"]
    clock[0] = DUE + timedelta(minutes=1)
    assert service.digests_due().skipped == [f"{CHANNEL}:2026-11-22"]
    digests = _digests(standin)
    assert len(digests) == 1
    assert digests[0]["metadata"] == {"event_type": "newsbot_digest",
                                      "event_payload": {"digest_id": "C0DIGEST:2026-11-22"}}
    assert digests[0]["text"].startswith("News digest for Sunday, 22 November 2026")
    assert digests[0]["blocks"][0] == {"type": "header",
                                       "text": {"type": "plain_text", "text": "News digest for Sunday, 22 November 2026",
                                                "emoji": True}}
    # Only the first message carries the id: that is the one a restarted bot looks for.
    assert all("metadata" not in c.body for c in standin.posted() if c.body.get("thread_ts"))
    assert world_store.claims.get(f"{CHANNEL}:2026-11-22").posted_ts == standin.history[CHANNEL][0]["ts"]


def test_late_digest_within_grace_posts_once_then_is_skipped(world_store: Store, standin: SlackStandIn) -> None:
    clock = [DUE + timedelta(hours=6, minutes=1)]  # down all morning: past the 6-hour grace
    service = _service(world_store, standin, clock)
    assert service.digests_due().posted == []
    assert standin.posted() == []
    clock[0] = DUE + timedelta(days=1, hours=5, minutes=59)  # next day, back within grace
    assert service.digests_due().posted == [f"{CHANNEL}:2026-11-23"]
    clock[0] += timedelta(minutes=30)
    service.digests_due()
    assert len(_digests(standin)) == 1


def test_grace_is_configurable(world_store: Store, standin: SlackStandIn) -> None:
    clock = [DUE + timedelta(hours=1)]
    assert _service(world_store, standin, clock, grace_hours=0.5).digests_due().posted == []
    assert _service(world_store, standin, clock, grace_hours=2).digests_due().posted == [f"{CHANNEL}:2026-11-22"]


def test_config_subscriptions_are_upserted_and_subscribed_channels_kept(world_store: Store,
                                                                       standin: SlackStandIn) -> None:
    world_store.slack.subscribe(Subscription(channel="C0OTHER", at_time="07:30", tz="Europe/Berlin"))
    world_store.slack.subscribe(Subscription(channel=CHANNEL, at_time="18:00", tz="Asia/Tokyo"))
    _service(world_store, standin, [NOW])
    subs = {s.channel: s for s in world_store.slack.subscriptions()}
    assert (subs[CHANNEL].at_time, subs[CHANNEL].tz, subs[CHANNEL].weekdays) == ("08:00", "UTC", tuple(range(7)))
    assert subs["C0OTHER"].at_time == "07:30"


def test_a_channel_slack_refuses_does_not_stop_the_others(world_store: Store, standin: SlackStandIn) -> None:
    world_store.slack.subscribe(Subscription(channel="C0GONE", at_time="08:00", weekdays=tuple(range(7))))
    standin.script("chat.postMessage", 200, {"ok": False, "error": "channel_not_found"})  # C0DIGEST sorts first
    outcome = _service(world_store, standin, [DUE]).digests_due()
    assert outcome.posted == ["C0GONE:2026-11-22"]


# --- crashes: SIGKILL between claim and post, and between post and record -------------------------


def _worker(database_url: str, standin: SlackStandIn, now: datetime, crash_at: str,
            marker: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.service_worker", database_url, standin.api_url, now.isoformat(), crash_at,
         str(marker)],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(REPO)},
    )


@pytest.mark.parametrize("crash_at", ["claimed", "posted"])
def test_sigkill_mid_digest_then_restart_posts_exactly_one(world_store: Store, standin: SlackStandIn,
                                                            database_url: str, crash_at: str, tmp_path: Path) -> None:
    marker = tmp_path / "at-crash-point"
    bot = _worker(database_url, standin, DUE, crash_at, marker)
    deadline = time.monotonic() + 60
    while not marker.exists():
        assert bot.poll() is None, bot.communicate()[1][-3000:]
        assert time.monotonic() < deadline, "the bot never reached the crash point"
        time.sleep(0.05)
    os.kill(bot.pid, signal.SIGKILL)
    bot.wait(10)
    assert bot.returncode == -signal.SIGKILL
    assert len(_digests(standin)) == (1 if crash_at == "posted" else 0)
    claim = world_store.claims.get(f"{CHANNEL}:2026-11-22")
    assert claim is not None and claim.posted_ts is None

    # Restarted (a new process, so a new owner) after the claim went stale (10 minutes by default).
    restarted = _worker(database_url, standin, DUE + timedelta(minutes=11), "none", marker)
    out, err = restarted.communicate(timeout=60)
    assert restarted.returncode == 0, err[-3000:]
    outcome = json.loads(out.strip().splitlines()[-1])
    digests = _digests(standin)
    assert len(digests) == 1
    if crash_at == "posted":
        # Found through its metadata in conversations.history, not posted again.
        assert outcome == {"posted": [], "recovered": [f"{CHANNEL}:2026-11-22"], "skipped": []}
        assert standin.to("conversations.history")
    else:
        assert outcome == {"posted": [f"{CHANNEL}:2026-11-22"], "recovered": [], "skipped": []}
    assert world_store.claims.get(f"{CHANNEL}:2026-11-22").posted_ts == standin.history[CHANNEL][0]["ts"]


def test_a_restart_before_the_claim_goes_stale_waits(world_store: Store, standin: SlackStandIn,
                                                     database_url: str, tmp_path: Path) -> None:
    marker = tmp_path / "at-crash-point"
    bot = _worker(database_url, standin, DUE, "claimed", marker)
    deadline = time.monotonic() + 60
    while not marker.exists():
        assert time.monotonic() < deadline and bot.poll() is None
        time.sleep(0.05)
    os.kill(bot.pid, signal.SIGKILL)
    bot.wait(10)
    # Two minutes later the claimant might still be posting: nobody else may.
    soon = _worker(database_url, standin, DUE + timedelta(minutes=2), "none", marker)
    out, _ = soon.communicate(timeout=60)
    assert json.loads(out.strip().splitlines()[-1])["skipped"] == [f"{CHANNEL}:2026-11-22"]
    assert _digests(standin) == []


# --- two `newsbot run` processes sharing one database -------------------------------------------


def _healthz(port: int) -> tuple[int, dict[str, Any]]:
    try:
        with urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as resp:
            return resp.status, json.loads(resp.read())
    except HTTPError as exc:
        return exc.code, json.loads(exc.read())


def test_two_newsbot_run_processes_post_twenty_digests_exactly_once(database_url: str, tmp_path: Path) -> None:
    now = datetime.now(timezone.utc)
    when = now - timedelta(minutes=2)  # every channel's digest fell due two minutes ago
    channels = [f"C{n:02d}" for n in range(1, 21)]
    with open_store(database_url) as store:
        _story(store, "Orrery Systems raises $410 million", "A Series C for AI supply-chain planners.",
               [("Orrery raises $410m", "https://wire.example/orrery", "Wire")], now - timedelta(hours=1))
    config = tmp_path / "newsbot.yaml"
    subs = [{"channel": c, "at": f"{when:%H:%M}", "tz": "UTC",
             "weekdays": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]} for c in channels]
    config.write_text(json.dumps({"database": {"url": database_url}, "sources": [],
                                  "schedule": {"subscriptions": subs}}))
    standin = SlackStandIn(epoch=int(now.timestamp()))
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(REPO), "SLACK_BOT_TOKEN": "xoxb-test",
           "SLACK_SIGNING_SECRET": "secret", "SLACK_API_URL": standin.api_url}
    env.pop("DATABASE_URL", None)
    bots = [subprocess.Popen([sys.executable, "-m", "bot", "--config", str(config), "run", "--http", "--host",
                              "127.0.0.1", "--port", "0"], cwd=tmp_path, env=env, stderr=subprocess.PIPE, text=True)
            for _ in range(2)]
    try:
        ports = []
        for bot in bots:
            assert bot.stderr is not None
            for line in bot.stderr:
                found = re.search(r"listening on http://127\.0\.0\.1:(\d+)/", line)
                if found:
                    ports.append(int(found.group(1)))
                    break
            else:
                pytest.fail(f"newsbot run exited: {bot.wait()}")
        deadline = time.monotonic() + 90
        # /healthz turns 200 once a process's first digest tick has run.
        while not all(_healthz(p)[0] == 200 for p in ports):
            assert time.monotonic() < deadline, [_healthz(p) for p in ports]
            time.sleep(0.2)
        roots = [c.body for c in standin.posted() if (c.body.get("metadata") or {}).get("event_type") == DIGEST_EVENT]
        ids = [r["metadata"]["event_payload"]["digest_id"] for r in roots]
        assert len(ids) == 20 and sorted(ids) == sorted(f"{c}:{when:%Y-%m-%d}" for c in channels)
        status, body = _healthz(ports[0])
        assert body["database"] == "ok" and body["scheduler"] == "running" and body["last_ingest_at"]
    finally:
        for bot in bots:
            bot.terminate()
            bot.wait(10)
        standin.close()
    # SIGTERM (docker stop, systemctl stop) is a clean exit.
    assert [bot.returncode for bot in bots] == [0, 0]


def test_one_replica_ingests_at_a_time(database_url: str) -> None:
    with open_store(database_url) as first, open_store(database_url) as second:
        with first.exclusive("ingest") as mine:
            assert mine
            with second.exclusive("ingest") as theirs:
                # PostgreSQL is shared by replicas; SQLite is one machine's (the in-process lock covers it).
                assert theirs is (first.engine.dialect.name != "postgresql")
        with second.exclusive("ingest") as theirs:
            assert theirs


def test_ingest_is_skipped_while_another_replica_ingests(database_url: str, standin: SlackStandIn,
                                                         tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("bot.factories.LazyEmbed", lambda *a, **k: _bag_of_words)
    article = tmp_path / "a.txt"
    article.write_text("Vireo releases a speech model\n\nVireo published open weights today.\n")
    raw = {"database": {"url": database_url}, "sources": [{"path": str(article)}]}
    with open_store(database_url) as store, open_store(database_url) as other:
        service = Service(settings_from_dict(raw), store, WebClient(token="x", base_url=standin.api_url))
        if store.engine.dialect.name == "postgresql":
            with other.exclusive("ingest"):
                assert service.ingest() is None
        report = service.ingest()
        assert report is not None and report.new == 1
        assert service.health.last_ingest == "1 new, 0 updated, 0 unchanged, 0 failed"


def test_the_digest_tick_forgets_old_slack_event_ids(world_store: Store, standin: SlackStandIn) -> None:
    assert world_store.slack.claim_event("Ev-old") and world_store.slack.claim_event("Ev-new")
    clock = [datetime.now(timezone.utc) + timedelta(days=3)]  # three days on, both are old
    _service(world_store, standin, clock).digests_due()
    assert world_store.slack.claim_event("Ev-old") and world_store.slack.claim_event("Ev-new")
    clock[0] = datetime.now(timezone.utc)
    _service(world_store, standin, clock).digests_due()
    assert not world_store.slack.claim_event("Ev-old")  # a retry within two days is still caught


def test_run_once_ingests_and_posts_what_is_due(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from bot.cli import cli

    monkeypatch.setattr("bot.factories.LazyEmbed", lambda *a, **k: _bag_of_words)
    now = datetime.now(timezone.utc)
    article = tmp_path / "deal.md"
    article.write_text(f"---\ntitle: Halcyon AI picks Meridian Cloud for training\npublishedDateTime: "
                       f"{(now - timedelta(hours=2)).isoformat()}\noriginalUrl: https://wire.example/halcyon\n"
                       "provider: {name: Wire}\n---\nHalcyon AI signed a five-year agreement with Meridian Cloud "
                       "to train its next models on a dedicated cluster, the companies said.\n")
    due = now - timedelta(minutes=5)
    config = tmp_path / "newsbot.yaml"
    config.write_text(json.dumps({
        "database": {"url": f"sqlite:///{tmp_path / 'n.db'}"}, "sources": [{"path": str(article)}],
        "schedule": {"subscriptions": [{"channel": "C0NEWS", "at": f"{due:%H:%M}", "tz": "UTC",
                                        "weekdays": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]}]}}))
    standin = SlackStandIn(epoch=int(now.timestamp()))
    try:
        env = {"SLACK_BOT_TOKEN": "xoxb-test", "SLACK_APP_TOKEN": "xapp-test", "SLACK_API_URL": standin.api_url,
               "DATABASE_URL": ""}
        first = CliRunner().invoke(cli, ["--config", str(config), "run", "--once"], env=env)
        assert first.exit_code == 0, first.output
        assert first.stdout.strip() == ("ingest: 1 new, 0 updated, 0 unchanged, 0 failed; "
                                        "digests: 1 posted, 0 recovered, 0 already done")
        again = CliRunner().invoke(cli, ["--config", str(config), "run", "--once"], env=env)
        assert again.stdout.strip() == ("ingest: 0 new, 0 updated, 1 unchanged, 0 failed; "
                                        "digests: 0 posted, 0 recovered, 1 already done")
        roots = _digests(standin, "C0NEWS")
        assert len(roots) == 1 and "Halcyon AI picks Meridian Cloud" in roots[0]["text"]
    finally:
        standin.close()
