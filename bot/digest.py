"""Which stories a channel gets today, and in what order.

``select_stories`` is pure (table-tested); ``build_digest`` only gathers its
inputs from the store.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from bot.domain import Digest, Story

if TYPE_CHECKING:
    from bot.store import Store

PARTNERSHIP_WORDS = ("partnership", "partner", "alliance", "deal", "collaboration")


def _matches(story: Story, wanted: Sequence[str]) -> bool:
    haystack = " ".join((story.headline, " ".join(story.topics), " ".join(story.organisations))).casefold()
    return any(w.casefold() in haystack for w in wanted)


def wants_partnerships(topics: Sequence[str]) -> bool:
    return not topics or any(any(w in t.casefold() for w in PARTNERSHIP_WORDS) for t in topics)


def newsworthiness(story: Story, *, now: datetime, is_partnership: bool, partnership_first: bool) -> float:
    """Bigger is more newsworthy.

    More outlets is the strongest signal (an event five outlets covered beats one
    blog post); the source's own quality/heat scores and recency break ties.
    """
    outlets = max(1, len(story.outlets))
    score = 1.5 * math.log2(1 + outlets)
    if story.quality is not None:
        score += 0.5 * max(0.0, min(story.quality, 100.0)) / 100.0
    if story.heat is not None:
        score += 0.5 * max(0.0, min(story.heat, 150.0)) / 150.0
    if story.last_seen is not None:
        age_hours = max(0.0, (now - story.last_seen).total_seconds() / 3600.0)
        score += math.exp(-age_hours / 72.0)
    if is_partnership and partnership_first:
        # Partnership stories lead a partnership-minded digest, whatever else scores.
        score += 10.0
    return score


def select_stories(
    stories: Sequence[Story],
    *,
    now: datetime,
    since: datetime | None,
    max_stories: int,
    topics: Sequence[str] = (),
    partnership_story_ids: Collection[int] = (),
    already_posted: Collection[int] = (),
) -> list[Story]:
    """The stories for one digest, best first."""
    partnership_first = wants_partnerships(topics)
    # "partnerships" in a subscription is a ranking mode, not a filter on topics.
    wanted = [t for t in topics if not any(w in t.casefold() for w in PARTNERSHIP_WORDS)]
    chosen = []
    for story in stories:
        if story.id is not None and story.id in already_posted:
            continue
        if since is not None and (story.last_seen is None or story.last_seen < since):
            continue
        if wanted and not _matches(story, wanted):
            continue
        chosen.append(story)
    chosen.sort(
        key=lambda s: (
            -newsworthiness(s, now=now, is_partnership=s.id in partnership_story_ids,
                            partnership_first=partnership_first),
            -(s.last_seen.timestamp() if s.last_seen else 0.0),
            s.id or 0,
        )
    )
    return chosen[:max_stories]


def digest_title(now: datetime) -> str:
    return f"News digest for {now:%A, %d %B %Y}"


def build_digest(
    store: Store,
    *,
    channel: str | None,
    since: datetime | None,
    now: datetime,
    max_stories: int,
    topics: tuple[str, ...] = (),
    lookback_days: int = 7,
    already_posted: Collection[int] = (),
) -> Digest:
    """Gather stories from the store and select today's digest for ``channel``."""
    floor = now - timedelta(days=lookback_days)
    window_start = max(since, floor) if since is not None else floor
    stories = store.stories.list(since=window_start)
    partnered = {p.story_id for p in store.partnerships.latest(limit=500) if p.story_id is not None}
    chosen = select_stories(
        stories,
        now=now,
        since=window_start,
        max_stories=max_stories,
        topics=topics,
        partnership_story_ids=partnered,
        already_posted=already_posted,
    )
    return Digest(title=digest_title(now), date=now, stories=tuple(chosen), channel=channel)
