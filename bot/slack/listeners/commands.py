"""/news and /partnerships: acknowledged at once, answered afterwards through ``respond``.

The ack function only parses (pure, fast): bad or empty arguments are answered
with usage help right in the ack.  The lazy function does the work and posts
to the command's ``response_url``: visible only to the user unless the command
ends with ``share``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient

from bot.answers import answer_query, partnerships_command, resolve_org
from bot.slack.blocks import Message, answer_message, digest_messages, help_message, notice_message, sources_message
from bot.slack.mrkdwn import escape
from bot.slack.parsing import NewsCommand, UsageError, parse_news, parse_subscription, split_share
from bot.slack.poster import prepare_digest, publish
from bot.slack.services import Services, replying_errors, services
from bot.store.slack import WEEKDAYS, Subscription

# A response_url takes at most 5 messages.
MAX_RESPONSES = 5
DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _responder(respond: Respond, *, share: bool) -> Callable[[Message], None]:
    def reply(message: Message) -> None:
        respond(text=message.text, blocks=message.blocks, response_type="in_channel" if share else "ephemeral",
                replace_original=False)

    return reply


def _private(respond: Respond) -> Callable[[Message], None]:
    return _responder(respond, share=False)


def _ack_help(ack: Ack, command: str, problem: str | None = None) -> None:
    message = help_message(command, problem=problem)
    ack(text=message.text, blocks=message.blocks, response_type="ephemeral")


def _parse_news(text: str) -> NewsCommand:
    """The command, with a subscription's arguments checked too so mistakes get help at once."""
    cmd = parse_news(text)
    if cmd.sub == "subscribe":
        parse_subscription(cmd.arg)
    return cmd


def _when(sub: Subscription) -> str:
    if tuple(sub.weekdays) == WEEKDAYS:
        days = "on weekdays"
    elif len(sub.weekdays) == 7:
        days = "every day"
    else:
        days = "on " + ", ".join(DAY_NAMES[d] for d in sub.weekdays)
    return f"at {sub.at_time} {sub.tz} {days}"


def _news(svc: Services, cmd: NewsCommand, command: dict[str, Any], client: WebClient,
          reply: Callable[[Message], None], private: Callable[[Message], None]) -> None:
    channel = command.get("channel_id", "")
    user = command.get("user_id")
    if cmd.sub in ("search", "ask"):
        answer = answer_query(svc.answer_context(), f"/news {cmd.sub} {cmd.arg}")
        reply(answer_message(answer, shared_by=user if cmd.share else None))
    elif cmd.sub == "digest":
        now = svc.clock()
        if cmd.share:
            report = publish(client, svc.store, svc.settings, channel, now=now, summarizer=svc.summarizer)
            line = report.line()
            private(notice_message(escape(line[:1].upper() + line[1:] + ".")))
            return
        digest = prepare_digest(svc.store, svc.settings, channel, now=now, summarizer=svc.summarizer)
        messages = digest_messages(digest)
        for message in messages[:MAX_RESPONSES - 1]:
            private(message)
        if digest.stories:
            private(notice_message("Only you can see this preview; `/news digest share` posts it to the channel."))
    elif cmd.sub == "subscribe":
        ctx = svc.answer_context()
        request = parse_subscription(cmd.arg, resolve=lambda name: resolve_org(ctx, name))
        sub = Subscription(channel=channel, topics=request.topics, at_time=request.at_time, tz=request.tz,
                           weekdays=request.weekdays, created_by=user)
        svc.store.slack.subscribe(sub)
        about = ", ".join(escape(t) for t in sub.topics) if sub.topics else "all topics, partnerships first"
        reply(notice_message(f":white_check_mark: This channel gets a daily digest {_when(sub)} about {about}. "
                             "`/news unsubscribe` stops it."))
    elif cmd.sub == "unsubscribe":
        removed = svc.store.slack.unsubscribe(channel)
        reply(notice_message(":white_check_mark: This channel's daily digest is stopped." if removed
                             else "This channel has no daily digest; `/news subscribe` starts one."))
    elif cmd.sub == "sources":
        reply(sources_message(svc.store.sources.list()))


def register(app: App) -> None:
    svc = services(app)

    def ack_news(ack: Ack, command: dict[str, Any]) -> None:
        try:
            cmd = _parse_news(command.get("text") or "")
        except UsageError as exc:
            _ack_help(ack, "/news", exc.message)
            return
        if cmd.sub == "help":
            _ack_help(ack, "/news")
            return
        ack()

    def run_news(command: dict[str, Any], respond: Respond, client: WebClient) -> None:
        try:
            cmd = _parse_news(command.get("text") or "")
        except UsageError:
            return  # answered in the ack
        if cmd.sub == "help":
            return
        reply, private = _responder(respond, share=cmd.share), _private(respond)
        with replying_errors(private):
            _news(svc, cmd, command, client, reply, private)

    def ack_partnerships(ack: Ack, command: dict[str, Any]) -> None:
        args, _ = split_share(command.get("text") or "")
        if not args or args.casefold() in ("help", "-h", "--help", "?"):
            _ack_help(ack, "/partnerships")
            return
        ack()

    def run_partnerships(command: dict[str, Any], respond: Respond) -> None:
        args, share = split_share(command.get("text") or "")
        if not args or args.casefold() in ("help", "-h", "--help", "?"):
            return
        with replying_errors(_private(respond)):
            answer = partnerships_command(svc.answer_context(), args)
            # An unknown organisation is a private matter even when sharing was asked.
            shared = share and bool(answer.items)
            _responder(respond, share=shared)(answer_message(answer, shared_by=command.get("user_id") if shared
                                                              else None))

    app.command("/news")(ack=ack_news, lazy=[run_news])
    app.command("/partnerships")(ack=ack_partnerships, lazy=[run_partnerships])
