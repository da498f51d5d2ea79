"""The real Bolt app in HTTP mode, driven by signed requests, talking to a local Slack stand-in."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from urllib.error import HTTPError
from urllib.parse import urlencode
from urllib.request import Request, urlopen

import pytest
from slack_sdk import WebClient
from slack_sdk.signature import SignatureVerifier

from bot.config import Settings, settings_from_dict
from bot.domain import Article, Partnership
from bot.nlp.orgs import load_gazetteer
from bot.slack.app import make_app
from bot.slack.server import make_server
from bot.slack.services import NewsbotApp
from bot.store import Store, StoryFields, open_store
from tests.slack.standin import BOT_USER, TEAM, SlackStandIn
from tests.test_storying import _bag_of_words

SECRET = "test-signing-secret"
NOW = datetime(2026, 11, 22, 9, tzinfo=timezone.utc)
CHANNEL = "C0DIGEST"
USER = "U0ALICE"

HOSTILE = ("<!channel> <!here> @everyone @here wake up & read <https://evil.example/phish|click here> "
           "<@U0ADMIN> <#C0SECRET> a < b > c ")


class TrackingExecutor(ThreadPoolExecutor):
    """Bolt's listener executor, with a way to wait until everything submitted has run."""

    def __init__(self) -> None:
        super().__init__(max_workers=4)
        self.futures: list[Future[Any]] = []

    def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Future[Any]:
        future = super().submit(fn, *args, **kwargs)
        self.futures.append(future)
        return future

    def drain(self, timeout: float = 15.0) -> None:
        # Listeners may submit more work (lazy listeners), so wait until nothing new appears.
        seen = 0
        while seen != len(self.futures):
            seen = len(self.futures)
            done, pending = wait(list(self.futures), timeout=timeout)
            assert not pending, "listeners still running"
            for future in done:
                future.result()


@dataclass
class Reply:
    status: int
    body: str
    seconds: float

    def json(self) -> Any:
        return json.loads(self.body) if self.body else None


class SignedSlack:
    """Sends what Slack would send: signed form posts (commands, actions) and JSON events."""

    def __init__(self, url: str, standin: SlackStandIn, secret: str = SECRET) -> None:
        self.url = url
        self.standin = standin
        self.verifier = SignatureVerifier(secret)

    def _post(self, body: str, content_type: str, extra: dict[str, str] | None = None,
              *, signature: str | None = None) -> Reply:
        timestamp = str(int(time.time()))
        headers = {
            "Content-Type": content_type,
            "X-Slack-Request-Timestamp": timestamp,
            "X-Slack-Signature": signature or self.verifier.generate_signature(timestamp=timestamp, body=body),
            **(extra or {}),
        }
        started = time.monotonic()
        try:
            with urlopen(Request(self.url, data=body.encode(), headers=headers, method="POST"), timeout=10) as resp:
                return Reply(resp.status, resp.read().decode(), time.monotonic() - started)
        except HTTPError as exc:
            return Reply(exc.code, exc.read().decode(), time.monotonic() - started)

    def command(self, command: str, text: str, *, channel: str = CHANNEL, user: str = USER,
                response: str = "cmd", signature: str | None = None) -> Reply:
        body = urlencode({
            "token": "legacy", "team_id": TEAM, "team_domain": "test", "channel_id": channel,
            "channel_name": "news", "user_id": user, "user_name": "alice", "command": command, "text": text,
            "api_app_id": "A0NEWS", "response_url": self.standin.response_url(response),
            "trigger_id": "1.2.3",
        })
        return self._post(body, "application/x-www-form-urlencoded", signature=signature)

    def event(self, event: dict[str, Any], *, event_id: str, retry: int | None = None) -> Reply:
        body = json.dumps({
            "token": "legacy", "team_id": TEAM, "api_app_id": "A0NEWS", "type": "event_callback",
            "event_id": event_id, "event_time": int(time.time()), "event": event,
            "authorizations": [{"team_id": TEAM, "user_id": BOT_USER, "is_bot": True}],
        })
        extra = {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"} if retry else None
        return self._post(body, "application/json", extra)

    def action(self, payload: dict[str, Any]) -> Reply:
        return self._post(urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded")


@dataclass
class World:
    store: Store
    settings: Settings
    story_ids: dict[str, int]
    article_ids: dict[str, list[int]]


def _story(store: Store, headline: str, summary: str, articles: Sequence[tuple[str, str, str]], when: datetime,
           *, topics: tuple[str, ...] = (), orgs: tuple[str, ...] = ()) -> tuple[int, list[int]]:
    ids = []
    for title, url, provider in articles:
        ids.append(store.articles.save(Article(title=title, url=url, text=f"{title}. {summary}", provider=provider,
                                               published=when))[0].id)
    fields = StoryFields(headline=headline, url=articles[0][1], summary=summary, first_seen=when, last_seen=when,
                         topics=topics, organisations=orgs, quality=None, heat=None, centroid=None)
    return store.stories.create(fields, ids), ids


def build_world(store: Store, settings: Settings) -> World:
    stories, articles = {}, {}
    stories["deal"], articles["deal"] = _story(
        store, "Google Cloud partners with Hugging Face on AI infrastructure",
        "Hugging Face models will train and run on Google Cloud TPUs under a multi-year deal.",
        [("Google Cloud partners with Hugging Face on AI infrastructure", "https://wire.example/gc-hf", "Wire"),
         ("Hugging Face picks Google Cloud for training", "https://daily.example/hf-gc?a=1&b=2", "Daily")],
        NOW - timedelta(hours=5), topics=("AI", "Cloud"), orgs=("Google Cloud", "Hugging Face"))
    stories["hostile"], articles["hostile"] = _story(
        store, HOSTILE + "headline", HOSTILE + "x" * 10_000,
        [(HOSTILE, "https://hostile.example/a?x=<b>|c", "<!everyone> Press")],
        NOW - timedelta(hours=8), topics=("<!here>",))
    stories["speech"], articles["speech"] = _story(
        store, "Vireo releases open-weights speech model", "Vireo published a 2B-parameter speech model.",
        [("Vireo releases open-weights speech model", "https://labs.example/vireo", "Labs")],
        NOW - timedelta(hours=20), topics=("AI",), orgs=("Vireo",))
    deal_articles = articles["deal"]
    store.partnerships.save(Partnership(org_a="Google Cloud", org_b="Hugging Face", kind="partnership", status="new",
                                        date=NOW - timedelta(hours=5), what="AI infrastructure",
                                        evidence="Google Cloud partners with Hugging Face on AI infrastructure.",
                                        confidence=0.9, story_id=stories["deal"]), deal_articles)
    store.partnerships.save(Partnership(org_a="Amazon Web Services", org_b="Hugging Face", kind="partnership",
                                        status="new", date=NOW - timedelta(days=300), what="open-source ML",
                                        evidence="AWS teams up with Hugging Face.", confidence=0.9, story_id=None),
                            [store.articles.save(Article(title="AWS teams up with Hugging Face",
                                                         url="https://old.example/aws-hf", text="AWS teams up.",
                                                         provider="Old", published=NOW - timedelta(days=300)))[0].id])
    return World(store=store, settings=settings, story_ids=stories, article_ids=articles)


@pytest.fixture
def standin() -> Iterator[SlackStandIn]:
    server = SlackStandIn()
    yield server
    server.close()


@pytest.fixture
def executor() -> Iterator[TrackingExecutor]:
    pool = TrackingExecutor()
    yield pool
    pool.shutdown(wait=True)


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    settings = settings_from_dict({"database": {"url": f"sqlite:///{tmp_path / 'slack.db'}"},
                                   "slack": {"digest_channel": CHANNEL}})
    with open_store(settings.database_url) as store:
        yield build_world(store, settings)


@pytest.fixture
def client(standin: SlackStandIn) -> WebClient:
    return WebClient(token="xoxb-test", base_url=standin.api_url)


@pytest.fixture
def app(world: World, client: WebClient, executor: TrackingExecutor) -> NewsbotApp:
    return make_app(world.settings, store=world.store, client=client, orgs=load_gazetteer(), embed=_bag_of_words,
                    signing_secret=SECRET, listener_executor=executor, clock=lambda: NOW)


@pytest.fixture
def slack(app: NewsbotApp, standin: SlackStandIn) -> Iterator[SignedSlack]:
    server = make_server(app, host="127.0.0.1", port=0)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield SignedSlack(f"http://127.0.0.1:{server.server_address[1]}/slack/events", standin)
    server.shutdown()
    server.server_close()
