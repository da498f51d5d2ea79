"""Posting digests and later coverage, remembering what each channel has seen.

A story is posted to a channel once: the store's (channel, story) key holds
what was posted, and where; coverage that arrives later goes to that story's
thread instead of a new digest.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from bot.config import Settings
from bot.digest import build_digest
from bot.domain import Digest, Story
from bot.errors import SlackError
from bot.slack.blocks import Message, coverage_message, digest_messages

if TYPE_CHECKING:
    from bot.nlp.summarizers.base import Summarizer
    from bot.store import Store

_HINTS = {
    "not_in_channel": "invite the bot to the channel first: /invite @newsbot",
    "channel_not_found": "check the channel ID (--channel or slack.digest_channel) and that the bot is a member",
    "is_archived": "the channel is archived; pick another one",
    "invalid_auth": "check SLACK_BOT_TOKEN (Slack app settings > OAuth & Permissions > Bot User OAuth Token)",
    "not_authed": "set SLACK_BOT_TOKEN",
    "token_revoked": "the app was uninstalled or its token revoked; reinstall it and update SLACK_BOT_TOKEN",
    "missing_scope": "add the missing scope (see deploy/slack-manifest.yaml) and reinstall the app",
    "ratelimited": "Slack is rate limiting this app; try again in a minute",
    "invalid_blocks": "newsbot produced a message Slack rejects; please report this as a bug",
    "msg_too_long": "newsbot produced a message Slack rejects; please report this as a bug",
}


@dataclass(frozen=True)
class PostReport:
    channel: str
    message_ts: tuple[str, ...] = ()
    story_ids: tuple[int, ...] = ()
    coverage_updates: int = 0

    def line(self) -> str:
        stories = len(self.story_ids)
        text = (f"posted {stories} stor{'y' if stories == 1 else 'ies'} to {self.channel} in "
                f"{len(self.message_ts)} message{'s' * (len(self.message_ts) != 1)}") if stories else \
            f"no new stories for {self.channel}"
        if self.coverage_updates:
            text += f"; {self.coverage_updates} coverage update{'s' * (self.coverage_updates != 1)} in threads"
        return text


# Slack message metadata on every scheduled digest: how a restarted bot finds
# a digest it posted but did not live to record.
DIGEST_EVENT = "newsbot_digest"


def digest_metadata(digest_id: str) -> dict[str, Any]:
    return {"event_type": DIGEST_EVENT, "event_payload": {"digest_id": digest_id}}


def _slack_error(exc: SlackApiError, doing: str) -> SlackError:
    code = str(exc.response.get("error", "unknown_error"))
    return SlackError(f"Slack refused to {doing}: {code}", hint=_HINTS.get(code))


def post_message(client: WebClient, channel: str, message: Message, *, thread_ts: str | None = None,
                 metadata: dict[str, Any] | None = None) -> str:
    """chat.postMessage, Slack's refusals turned into SlackError; returns the message ts."""
    kwargs: dict[str, Any] = {"channel": channel, "text": message.text, "blocks": message.blocks,
                              "unfurl_links": False, "unfurl_media": False}
    if thread_ts is not None:
        kwargs["thread_ts"] = thread_ts
    if metadata is not None:
        kwargs["metadata"] = metadata
    try:
        response = client.chat_postMessage(**kwargs)
    except SlackApiError as exc:
        raise _slack_error(exc, f"post to {channel}") from None
    except (SlackClientError, OSError) as exc:
        raise SlackError(f"cannot reach Slack at {client.base_url}: {exc}",
                         hint="check the network and slack.api_url / SLACK_API_URL") from None
    return str(response["ts"])


def find_digest(client: WebClient, channel: str, digest_id: str, *, oldest: datetime) -> str | None:
    """The ts of the digest message carrying ``digest_id`` in its metadata, posted since ``oldest``."""
    cursor: str | None = None
    try:
        while True:
            response = client.conversations_history(channel=channel, oldest=f"{oldest.timestamp():.6f}",
                                                    include_all_metadata=True, limit=200, cursor=cursor)
            for message in response.get("messages") or []:
                meta = message.get("metadata") or {}
                if (meta.get("event_type") == DIGEST_EVENT
                        and (meta.get("event_payload") or {}).get("digest_id") == digest_id):
                    return str(message["ts"])
            cursor = ((response.get("response_metadata") or {}).get("next_cursor")) or None
            if not cursor:
                return None
    except SlackApiError as exc:
        raise _slack_error(exc, f"read the history of {channel}") from None
    except (SlackClientError, OSError) as exc:
        raise SlackError(f"cannot reach Slack at {client.base_url}: {exc}",
                         hint="check the network and slack.api_url / SLACK_API_URL") from None


def post_digest(client: WebClient, store: Store, digest: Digest, channel: str, *,
                metadata: dict[str, Any] | None = None) -> PostReport:
    """Post ``digest`` (less any story the channel already had); continuation messages go in its thread.

    ``metadata`` goes on the first message only: that is the one a restarted bot looks for.
    """
    seen = store.slack.posted_story_ids(channel)
    fresh = tuple(s for s in digest.stories if s.id is None or s.id not in seen)
    if not fresh:
        return PostReport(channel)
    members = {s.id: s.article_ids for s in fresh}
    root: str | None = None
    timestamps, posted = [], []
    for index, message in enumerate(digest_messages(replace(digest, stories=fresh))):
        ts = post_message(client, channel, message, thread_ts=root, metadata=metadata if root is None else None)
        root = root or ts
        # Recorded per message, so a failure half-way never re-posts what went out.
        store.slack.record_message(channel, ts, thread_ts=None if ts == root else root,
                                   kind="digest" if index == 0 else "continuation", story_ids=message.story_ids)
        positions = message.positions or tuple(range(1, len(message.story_ids) + 1))
        store.slack.record_posted(channel, message_ts=ts, thread_ts=root,
                                  stories=[(sid, pos, members[sid]) for sid, pos in zip(message.story_ids, positions)])
        timestamps.append(ts)
        posted.extend(message.story_ids)
    return PostReport(channel, tuple(timestamps), tuple(posted))


def post_coverage(client: WebClient, store: Store, channel: str, *, since: datetime | None = None) -> int:
    """Post new articles of stories already posted to ``channel`` into each story's thread."""
    records = store.slack.posted_stories(channel, since=since)
    stories = {s.id: s for s in store.stories.get_many([r.story_id for r in records])}
    updates = 0
    for record in records:
        story = stories.get(record.story_id)
        if story is None:
            continue
        new_ids = [a for a in story.article_ids if a not in set(record.article_ids)]
        if not new_ids:
            continue
        articles = [a for a in store.articles.get_many(new_ids) if a.url]
        if articles:
            message = coverage_message(story, articles, record.position)
            ts = post_message(client, channel, message, thread_ts=record.thread_ts)
            store.slack.record_message(channel, ts, thread_ts=record.thread_ts, kind="coverage",
                                       story_ids=message.story_ids)
            updates += 1
        store.slack.set_posted_articles(channel, record.story_id, sorted(set(record.article_ids) | set(new_ids)))
    return updates


def _with_summaries(store: Store, stories: Sequence[Story], summarizer: Summarizer) -> tuple[Story, ...]:
    missing = [s for s in stories if not s.summary.strip() and s.article_ids]
    if not missing:
        return tuple(stories)
    leads = {a.id: a for a in store.articles.get_many([s.article_ids[0] for s in missing])}
    texts = [leads[s.article_ids[0]].body if s.article_ids[0] in leads else s.headline for s in missing]
    made = {s.id: summary.text for s, summary in zip(missing, summarizer.summarize(texts))}
    return tuple(replace(s, summary=made[s.id]) if s.id in made else s for s in stories)


def prepare_digest(store: Store, settings: Settings, channel: str | None, *, now: datetime,
                   since: datetime | None = None, summarizer: Summarizer | None = None) -> Digest:
    """Today's digest for ``channel``: its subscription's topics, stories since its last digest.

    ``since`` replaces "since the last digest" and may reach further back than
    ``digest.lookback_days``; stories the channel already had are left out.
    """
    sub = store.slack.subscription(channel) if channel else None
    lookback = settings.digest.lookback_days
    if since is not None:
        lookback = max(lookback, math.ceil((now - since) / timedelta(days=1)) + 1)
    window = since if since is not None else (store.slack.last_digest_at(channel) if channel else None)
    digest = build_digest(
        store,
        channel=channel,
        since=window,
        now=now,
        max_stories=(sub.max_stories if sub and sub.max_stories else settings.digest.max_stories),
        topics=sub.topics if sub else (),
        lookback_days=lookback,
        already_posted=store.slack.posted_story_ids(channel) if channel else (),
    )
    if summarizer is not None:
        digest = replace(digest, stories=_with_summaries(store, digest.stories, summarizer))
    return digest


def publish(client: WebClient, store: Store, settings: Settings, channel: str, *, now: datetime,
            since: datetime | None = None, summarizer: Summarizer | None = None,
            metadata: dict[str, Any] | None = None) -> PostReport:
    """Coverage updates for stories already posted, then today's digest of new ones."""
    updates = post_coverage(client, store, channel, since=now - timedelta(days=settings.digest.lookback_days))
    digest = prepare_digest(store, settings, channel, now=now, since=since, summarizer=summarizer)
    return replace(post_digest(client, store, digest, channel, metadata=metadata), coverage_updates=updates)
