"""Mentions, thread replies and direct messages, answered where they were asked.

In the thread of a digest (or of an answer) the thread's story is the
context: "#2 source?", "who else did they partner with?".  Elsewhere a
mention is answered like ``/news ask``, in a thread under the mention.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from bot.answers import answer_query
from bot.domain import Story
from bot.slack.blocks import Message, answer_message, help_message
from bot.slack.parsing import pick_story, strip_mentions, without_story_number
from bot.slack.poster import post_message
from bot.slack.services import Services, replying_errors, services

WHICH_STORY = " This thread has several stories: say which one, e.g. “#2 source?”."


def thread_candidates(svc: Services, channel: str, thread_ts: str) -> list[tuple[int | None, Story]]:
    """The stories a thread is about, with their digest numbers where they have one."""
    ids = svc.store.slack.thread_stories(channel, thread_ts)
    if not ids:
        return []
    positions = {p.story_id: p.position for p in svc.store.slack.posted_stories(channel)
                 if p.thread_ts == thread_ts}
    return [(positions.get(s.id) if s.id is not None else None, s) for s in svc.store.stories.get_many(ids)]


def answer_in_thread(svc: Services, client: WebClient, event: dict[str, Any], *, reply_ts: str | None,
                     context_thread: str | None) -> None:
    """Answer ``event``'s text in ``reply_ts`` (None: the channel itself), with the thread's story as context."""
    channel = event["channel"]

    def private(message: Message) -> None:
        kwargs: dict[str, Any] = {"channel": channel, "user": event.get("user", ""), "text": message.text,
                                  "blocks": message.blocks}
        if reply_ts:
            kwargs["thread_ts"] = reply_ts
        client.chat_postEphemeral(**kwargs)

    with replying_errors(private):
        question = strip_mentions(event.get("text") or "")
        if not question:
            message = help_message("/news")
            post_message(client, channel, message, thread_ts=reply_ts)
            return
        candidates = thread_candidates(svc, channel, context_thread) if context_thread else []
        story = pick_story(question, candidates)
        if story is not None:
            question = without_story_number(question)
        answer = answer_query(svc.answer_context(), question, context_story_id=story.id if story else None)
        if story is None and len(candidates) > 1 and not answer.items:
            answer = replace(answer, note=answer.note + WHICH_STORY)
        message = answer_message(answer)
        ts = post_message(client, channel, message, thread_ts=reply_ts)
        if story is not None and story.id is not None:
            story_ids = [story.id]
        else:
            story_ids = svc.store.slack.story_ids_for_urls([s.url for i in answer.items for s in i.sources])
        # Recorded so that follow-ups in this thread are answered with its story in mind.
        svc.store.slack.record_message(channel, ts, thread_ts=reply_ts, kind="answer", story_ids=story_ids)


def _from_a_bot(event: dict[str, Any], context: BoltContext) -> bool:
    return bool(event.get("bot_id")) or (context.bot_user_id is not None and event.get("user") == context.bot_user_id)


def register(app: App) -> None:
    svc = services(app)

    @app.event("app_mention")
    def on_mention(event: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        if _from_a_bot(event, context):
            return
        thread = event.get("thread_ts")
        answer_in_thread(svc, client, event, reply_ts=thread or event["ts"],
                         context_thread=thread if thread and svc.store.slack.is_thread(event["channel"], thread)
                         else None)

    @app.event("message")
    def on_message(event: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        # Edits, joins, deletions and other bots' posts carry a subtype or a bot_id.
        if event.get("subtype") or _from_a_bot(event, context):
            return
        text = event.get("text") or ""
        thread = event.get("thread_ts")
        if event.get("channel_type") == "im":
            answer_in_thread(svc, client, event, reply_ts=thread, context_thread=thread)
            return
        if context.bot_user_id and f"<@{context.bot_user_id}" in text:
            return  # the app_mention event for the same message answers it
        if thread and svc.store.slack.is_thread(event["channel"], thread):
            answer_in_thread(svc, client, event, reply_ts=thread, context_thread=thread)
