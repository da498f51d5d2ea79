"""The Bolt app: ``make_app`` builds it, ``run_socket_mode``/``serve_http`` run it.

Tokens come from the environment only.  The Web API base URL is configurable
(``slack.api_url`` or ``SLACK_API_URL``, e.g. GovSlack's), which is also how the
tests point the app at a local stand-in.
"""

from __future__ import annotations

import logging
import os
from concurrent.futures import Executor
from typing import TYPE_CHECKING, Any

from slack_bolt import BoltResponse
from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler

from bot.answers import Embed, OrgIndex
from bot.config import Settings
from bot.errors import SlackError
from bot.slack.services import Clock, NewsbotApp, Services, utc_now

if TYPE_CHECKING:
    from bot.nlp.summarizers.base import Summarizer
    from bot.store import Store

log = logging.getLogger("bot.slack")

DEFAULT_API_URL = "https://slack.com/api/"
MANIFEST = "deploy/slack-manifest.yaml"
# Retries of one call after 429s; Slack's Retry-After is honoured between them.
RATE_LIMIT_RETRIES = 3


def api_url(settings: Settings) -> str:
    url = os.environ.get("SLACK_API_URL") or settings.slack.api_url or DEFAULT_API_URL
    return url if url.endswith("/") else url + "/"


def missing_env(*, http: bool) -> list[str]:
    """The environment variables ``newsbot run`` needs and lacks, in the order to set them."""
    needed = ["SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET" if http else "SLACK_APP_TOKEN"]
    return [name for name in needed if not os.environ.get(name)]


def missing_env_error(missing: list[str], *, http: bool) -> SlackError:
    mode = "HTTP mode" if http else "Socket Mode"
    where = {
        "SLACK_BOT_TOKEN": "OAuth & Permissions > Bot User OAuth Token (xoxb-...)",
        "SLACK_APP_TOKEN": "Basic Information > App-Level Tokens, with connections:write (xapp-...)",
        "SLACK_SIGNING_SECRET": "Basic Information > App Credentials > Signing Secret",
    }
    lines = "; ".join(f"{name} ({where[name]})" for name in missing)
    return SlackError(
        f"{mode} needs {' and '.join(missing)}: set {lines}",
        hint=f"create the app from {MANIFEST} (README: Install in Slack in 5 steps)",
    )


def with_rate_limit_retries(client: WebClient) -> WebClient:
    if not any(isinstance(h, RateLimitErrorRetryHandler) for h in client.retry_handlers):
        client.retry_handlers.append(RateLimitErrorRetryHandler(max_retry_count=RATE_LIMIT_RETRIES))
    return client


def make_client(settings: Settings, token: str | None = None) -> WebClient:
    """A WebClient for the configured API URL that waits out 429s instead of failing."""
    token = token or os.environ.get("SLACK_BOT_TOKEN")
    if not token:
        raise missing_env_error(["SLACK_BOT_TOKEN"], http=False)
    return with_rate_limit_retries(WebClient(token=token, base_url=api_url(settings)))


def _dedupe_middleware(services: Services) -> Any:
    def dedupe_retried_events(body: dict[str, Any], next: Any) -> BoltResponse | None:  # noqa: A002 - Bolt's name
        # Slack resends an event (X-Slack-Retry-Num) when it thinks we missed it;
        # the event_id is the same, and the store lets exactly one through.
        event_id = body.get("event_id") if body.get("type") == "event_callback" else None
        if event_id and not services.store.slack.claim_event(str(event_id)):
            log.info("slack: event %s already handled; ignoring the retry", event_id)
            return BoltResponse(status=200, body="")
        return next()  # type: ignore[no-any-return]

    return dedupe_retried_events


def make_app(
    settings: Settings,
    *,
    store: Store | None = None,
    summarizer: Summarizer | None = None,
    client: WebClient | None = None,
    orgs: OrgIndex | None = None,
    embed: Embed | None = None,
    signing_secret: str | None = None,
    listener_executor: Executor | None = None,
    clock: Clock = utc_now,
) -> NewsbotApp:
    """The Bolt app with every listener registered.

    Replacements (a store, a WebClient, the gazetteer, an embedder, an
    executor) let tests run it against fakes and a local Slack stand-in.
    """
    from bot.factories import LazyEmbed, build_gazetteer
    from bot.slack.listeners import actions, commands, events

    if store is None:
        from bot.store import open_store

        store = open_store(settings.database_url)
    client = with_rate_limit_retries(client) if client is not None else make_client(settings)
    app = NewsbotApp(
        client=client,
        signing_secret=signing_secret if signing_secret is not None else os.environ.get("SLACK_SIGNING_SECRET", ""),
        listener_executor=listener_executor,
        logger=logging.getLogger("bot.slack.bolt"),
    )
    app.newsbot = Services(settings=settings, store=store, orgs=orgs or build_gazetteer(settings),
                           embed=embed if embed is not None else LazyEmbed(), summarizer=summarizer, clock=clock)
    app.middleware(_dedupe_middleware(app.newsbot))
    commands.register(app)
    events.register(app)
    actions.register(app)
    return app


def run_socket_mode(app: NewsbotApp, app_token: str | None = None) -> None:
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    token = app_token or os.environ.get("SLACK_APP_TOKEN")
    if not token:
        raise missing_env_error(["SLACK_APP_TOKEN"], http=False)
    SocketModeHandler(app, token).start()
