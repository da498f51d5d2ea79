"""`newsbot doctor`: what works, what doesn't, and the fix for each, in one table.

Each check returns a Check; the CLI prints them and exits 1 if any failed.
Checks never raise: a check that cannot run says why.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import httpx

from bot.config import Settings
from bot.errors import NewsbotError

OK, WARN, FAIL = "ok", "warn", "FAIL"


@dataclass(frozen=True)
class Check:
    name: str
    status: str  # ok | warn | FAIL
    detail: str
    fix: str = ""


def check_config(settings: Settings) -> Check:
    count = len(settings.sources)
    return Check("config", OK, f"{settings.origin}: {count} source{'s' * (count != 1)}")


def check_database(settings: Settings) -> Check:
    from bot.store import migrations
    from bot.store.engine import create_engine

    url = settings.database_url
    shown = url.split("@")[-1] if "@" in url else url
    try:
        engine = create_engine(url)
        try:
            with engine.connect() as conn:
                waiting = migrations.pending(conn)
        finally:
            engine.dispose()
    except NewsbotError as exc:
        return Check("database", FAIL, f"{shown}: {exc.message}", exc.hint or "check DATABASE_URL / database.url")
    except Exception as exc:  # noqa: BLE001 - a doctor reports every failure as a line
        return Check("database", FAIL, f"{shown}: {exc}", "check DATABASE_URL / database.url")
    if waiting:
        return Check("database", WARN, f"{shown}: {len(waiting)} migrations pending",
                     "run `newsbot db upgrade` (every command also applies them at start)")
    return Check("database", OK, f"{shown}: schema up to date")


def check_slack(settings: Settings, *, client_factory: Callable[[str, str | None], object] | None = None) -> Check:
    token = os.environ.get("SLACK_BOT_TOKEN")
    if not token:
        return Check("slack", FAIL, "SLACK_BOT_TOKEN is not set: digests print to the console instead",
                     "create the app from deploy/slack-manifest.yaml, then export SLACK_BOT_TOKEN=xoxb-... "
                     "and SLACK_APP_TOKEN=xapp-... (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode)")
    if not (os.environ.get("SLACK_APP_TOKEN") or os.environ.get("SLACK_SIGNING_SECRET")):
        return Check("slack", FAIL, "neither SLACK_APP_TOKEN (Socket Mode) nor SLACK_SIGNING_SECRET (HTTP) is set",
                     "export SLACK_APP_TOKEN=xapp-... from the app's Basic Information page")
    from slack_sdk import WebClient
    from slack_sdk.errors import SlackApiError

    base = os.environ.get("SLACK_API_URL") or settings.slack.api_url
    client = client_factory(token, base) if client_factory else WebClient(
        token=token, **({"base_url": base} if base else {}))
    try:
        auth = client.auth_test()  # type: ignore[attr-defined]
    except SlackApiError as exc:
        return Check("slack", FAIL, f"auth.test failed: {exc.response.get('error')}",
                     "check SLACK_BOT_TOKEN (reinstall the app to get a fresh one)")
    except Exception as exc:  # noqa: BLE001
        return Check("slack", FAIL, f"cannot reach Slack: {exc}", "check the network or slack.api_url")
    return Check("slack", OK, f"signed in as {auth.get('user')} in {auth.get('team')}")


def check_schedule(settings: Settings) -> Check:
    """Which digests will go out on their own (config subscriptions; /news subscribe adds more)."""
    from bot.scheduler import fire_times
    from bot.service import config_subscriptions

    subs = config_subscriptions(settings)
    every = settings.schedule.ingest_every_minutes
    if not subs:
        return Check("schedule", WARN, f"ingest every {every} min; no digest subscription in the config",
                     "add schedule.subscriptions to newsbot.yaml, or run `/news subscribe` in a channel")
    from datetime import datetime, timedelta, timezone

    now = datetime.now(timezone.utc)
    nexts = [times[0] for times in (fire_times(s, now, now + timedelta(days=8)) for s in subs) if times]
    first = min(nexts).strftime("%a %d %b %H:%M %Z") if nexts else "never (no weekdays?)"
    return Check("schedule", OK, f"ingest every {every} min; {len(subs)} subscription{'s' * (len(subs) != 1)}, "
                 f"next digest {first}")


def check_summarizer(settings: Settings) -> Check:
    import logging

    from bot.factories import build_summarizer

    # The auto backend logs why it fell back; here that is the check's own line.
    auto_log = logging.getLogger("bot.nlp.summarizers.auto")
    level = auto_log.level
    auto_log.setLevel(logging.ERROR)
    try:
        summarizer = build_summarizer(settings)
        chosen = getattr(summarizer, "choose", None)
        actual = chosen() if callable(chosen) else summarizer
    except NewsbotError as exc:
        return Check("summariser", FAIL, exc.message, exc.hint or "check the summarizer section")
    finally:
        auto_log.setLevel(level)
    name = getattr(actual, "name", "?")
    inner = getattr(actual, "inner", None)  # the faithfulness guard wraps the seq2seq model
    shown = getattr(inner, "name", name)
    model = getattr(inner or actual, "model", "") or ""
    if settings.summarizer.backend == "auto" and shown == "extractive":
        return Check("summariser", WARN, "auto: the seq2seq model is not available here, so the extractive "
                     "summariser runs", "set summarizer.model to a local model folder, or allow Hub access once")
    return Check("summariser", OK, f"{shown} {model}".strip())


def check_sources(settings: Settings, *, client: httpx.Client | None = None) -> list[Check]:
    from bot.sources.http import fetch, http_client

    out: list[Check] = []
    for spec in settings.sources:
        label = f"source {spec.name or spec.target}"
        if spec.path is not None:
            if spec.path.exists():
                out.append(Check(label, OK, str(spec.path)))
            else:
                out.append(Check(label, FAIL, f"{spec.path} does not exist", "fix the path in newsbot.yaml"))
            continue
        try:
            with http_client(client, settings.fetch) as http:
                fetched = fetch(spec.target, settings=settings.fetch, client=http)
            out.append(Check(label, OK, f"{spec.target}: HTTP {fetched.status}, {len(fetched.content)} bytes"))
        except NewsbotError as exc:
            out.append(Check(label, FAIL, exc.message, exc.hint or "check the URL"))
    return out


def run_checks(settings: Settings) -> list[Check]:
    checks = [check_config(settings), check_database(settings), check_slack(settings), check_schedule(settings),
              check_summarizer(settings)]
    return checks + check_sources(settings)


def table(checks: Sequence[Check]) -> str:
    width = max((len(c.name) for c in checks), default=10)
    lines = []
    for c in checks:
        lines.append(f"{c.status:<4}  {c.name:<{width}}  {c.detail}")
        if c.fix and c.status != OK:
            lines.append(f"{'':<4}  {'':<{width}}  fix: {c.fix}")
    return "\n".join(lines)
