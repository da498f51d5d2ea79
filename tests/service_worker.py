"""A bot process for the crash tests: runs the digest job once, optionally hanging at a crash point.

    python -m tests.service_worker DB_URL API_URL NOW_ISO CRASH_AT MARKER

CRASH_AT is "claimed" (hang after the claim, before posting), "posted" (hang
after posting, before recording the ts) or "none".  At the crash point it
writes MARKER and sleeps until the test SIGKILLs it.  Otherwise it prints the
outcome as JSON.
"""

from __future__ import annotations

import json
import sys
import time
from datetime import datetime
from pathlib import Path

from slack_sdk import WebClient

from bot.config import settings_from_dict
from bot.service import Service
from bot.store import open_store
from bot.store.slack import Subscription

CHANNEL = "C0DIGEST"


def settings_for(db_url: str) -> dict[str, object]:
    return {"database": {"url": db_url},
            "schedule": {"subscriptions": [{"channel": CHANNEL, "at": "08:00", "tz": "UTC",
                                            "weekdays": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]}]}}


def main(db_url: str, api_url: str, now_iso: str, crash_at: str, marker: str) -> None:
    now = datetime.fromisoformat(now_iso)
    settings = settings_from_dict(settings_for(db_url))
    with open_store(db_url) as store:
        service = Service(settings, store, WebClient(token="xoxb-test", base_url=api_url), clock=lambda: now)
        post = service.runner.post

        def crashing_post(sub: Subscription, digest_id: str, fire_time: datetime) -> str:
            if crash_at == "claimed":
                Path(marker).write_text(digest_id)
                time.sleep(600)
            ts = post(sub, digest_id, fire_time)
            if crash_at == "posted":
                Path(marker).write_text(ts)
                time.sleep(600)
            return ts

        service.runner.post = crashing_post
        service.sync_subscriptions()
        outcome = service.digests_due()
    print(json.dumps({"posted": outcome.posted, "recovered": outcome.recovered, "skipped": outcome.skipped}))


if __name__ == "__main__":
    main(*sys.argv[1:6])
