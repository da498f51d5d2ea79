"""What listeners share (store, answers, settings) and the one place errors become Slack replies."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from slack_bolt import App

from bot.answers import AnswerContext, Embed, OrgIndex
from bot.config import Settings
from bot.errors import NewsbotError
from bot.slack.blocks import Message, notice_message
from bot.slack.mrkdwn import escape

if TYPE_CHECKING:
    from bot.nlp.summarizers.base import Summarizer
    from bot.store import Store

log = logging.getLogger("bot.slack")

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass
class Services:
    settings: Settings
    store: Store
    orgs: OrgIndex
    embed: Embed | None
    summarizer: Summarizer | None = None
    clock: Clock = utc_now

    def answer_context(self) -> AnswerContext:
        return AnswerContext(store=self.store, orgs=self.orgs, embed=self.embed, now=self.clock())


class NewsbotApp(App):
    """A Bolt App that carries newsbot's services for its listeners.

    Services live on the app, not in Bolt's request context: Bolt deep-copies
    the context for lazy listeners, which would copy the store.
    """

    newsbot: Services


def services(app: App) -> Services:
    return app.newsbot  # type: ignore[attr-defined,no-any-return]


def error_message(exc: NewsbotError) -> Message:
    hint = f"\n{escape(exc.hint)}" if exc.hint else ""
    return notice_message(f":warning: {escape(exc.message)}{hint}")


UNEXPECTED = notice_message(":warning: Sorry, something went wrong on my side; it has been logged.")


@contextmanager
def replying_errors(reply: Callable[[Message], Any]) -> Iterator[None]:
    """Turn a failure inside a listener into one reply visible only to the user.

    ``NewsbotError`` carries its own user-facing text; anything else is a bug:
    logged with its traceback, and the user told without the details.
    """
    try:
        yield
    except NewsbotError as exc:
        log.warning("slack: %s", exc)
        reply(error_message(exc))
    except Exception:  # noqa: BLE001 - the listener boundary: log it and tell the user, never go silent
        log.exception("slack: listener failed")
        reply(UNEXPECTED)
