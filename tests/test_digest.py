from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from bot.digest import select_stories
from bot.domain import Story

NOW = datetime(2026, 11, 22, 9, tzinfo=timezone.utc)


def story(sid: int, *, outlets: int = 1, hours_ago: float = 1, quality: float | None = None,
          headline: str = "", topics: tuple[str, ...] = ()) -> Story:
    return Story(id=sid, headline=headline or f"story {sid}", url=f"https://x.example/{sid}", summary="",
                 article_ids=(sid,), outlets=tuple((f"o{i}", f"https://o{i}.example") for i in range(outlets)),
                 first_seen=NOW - timedelta(hours=hours_ago), last_seen=NOW - timedelta(hours=hours_ago),
                 topics=topics, quality=quality)


@pytest.mark.parametrize(
    ("stories", "kwargs", "expected"),
    [
        # More outlets beats fresher.
        ([story(1, outlets=1, hours_ago=1), story(2, outlets=4, hours_ago=20)], {}, [2, 1]),
        # Same coverage: fresher first.
        ([story(1, hours_ago=30), story(2, hours_ago=2)], {}, [2, 1]),
        # Quality breaks a tie.
        ([story(1, quality=10), story(2, quality=90)], {}, [2, 1]),
        # Partnership stories lead by default...
        ([story(1, outlets=5), story(2)], {"partnership_story_ids": {2}}, [2, 1]),
        # ...but not for a subscription to other topics, which also filters.
        ([story(1, outlets=5, topics=("Chips",)), story(2, topics=("Chips",)), story(3)],
         {"partnership_story_ids": {2}, "topics": ("chips",)}, [1, 2]),
        # Already posted and out-of-window stories are left out; max_stories caps.
        ([story(1), story(2, hours_ago=24 * 10), story(3), story(4)],
         {"already_posted": {3}, "since": NOW - timedelta(days=7), "max_stories": 1}, [1]),
    ],
)
def test_select_stories(stories: list[Story], kwargs: dict[str, object], expected: list[int]) -> None:
    args: dict[str, object] = {"now": NOW, "since": None, "max_stories": 10}
    args.update(kwargs)
    assert [s.id for s in select_stories(stories, **args)] == expected  # type: ignore[arg-type]
