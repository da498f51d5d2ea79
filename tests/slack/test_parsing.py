from __future__ import annotations

from datetime import datetime, timezone

import pytest

from bot.domain import Story
from bot.slack.parsing import (
    EVERY_DAY,
    NewsCommand,
    SubscriptionRequest,
    UsageError,
    parse_news,
    parse_subscription,
    pick_story,
    strip_mentions,
    without_story_number,
)

WEEKDAYS = (0, 1, 2, 3, 4)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", NewsCommand("help", "", False)),
        ("help", NewsCommand("help", "", False)),
        ("digest", NewsCommand("digest", "", False)),
        ("digest share", NewsCommand("digest", "", True)),
        ("  search   hugging   face  ", NewsCommand("search", "hugging face", False)),
        ("ASK who partnered with Google? public", NewsCommand("ask", "who partnered with Google?", True)),
        ("subscribe", NewsCommand("subscribe", "", False)),
    ],
)
def test_parse_news(text: str, expected: NewsCommand) -> None:
    assert parse_news(text) == expected


@pytest.mark.parametrize("text", ["frobnicate", "search", "ask share", "digest now", "sources x"])
def test_parse_news_refuses(text: str) -> None:
    with pytest.raises(UsageError):
        parse_news(text)


def _resolve(name: str) -> str | None:
    return {"hugging face": "Hugging Face", "aws": "Amazon Web Services"}.get(name.casefold())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", SubscriptionRequest((), "09:00", "UTC", WEEKDAYS)),
        ("hugging face", SubscriptionRequest(("Hugging Face",), "09:00", "UTC", WEEKDAYS)),
        ("chips robots at 7:05", SubscriptionRequest(("chips", "robots"), "07:05", "UTC", WEEKDAYS)),
        ("chips, hugging face at 9:30 Europe/Paris",
         SubscriptionRequest(("chips", "hugging face"), "09:30", "Europe/Paris", WEEKDAYS)),
        ("partnerships at 5pm America/New_York daily",
         SubscriptionRequest(("partnerships",), "17:00", "America/New_York", EVERY_DAY)),
        ("at 12am UTC", SubscriptionRequest((), "00:00", "UTC", WEEKDAYS)),
    ],
)
def test_parse_subscription(text: str, expected: SubscriptionRequest) -> None:
    assert parse_subscription(text, resolve=_resolve) == expected


@pytest.mark.parametrize("text", ["chips at 24:00", "chips at 9:75", "at 13pm", "chips Mars/Olympus", "x," * 30])
def test_parse_subscription_refuses(text: str) -> None:
    with pytest.raises(UsageError):
        parse_subscription(text)


def _s(i: int, headline: str, orgs: tuple[str, ...] = ()) -> Story:
    when = datetime(2026, 11, 22, tzinfo=timezone.utc)
    return Story(id=i, headline=headline, url="", summary="", article_ids=(i,), outlets=(), first_seen=when,
                 last_seen=when, organisations=orgs)


def test_pick_story() -> None:
    deal, chips = _s(1, "Google Cloud partners with Hugging Face"), _s(2, "Kite raises money for AI chips")
    both = [(1, deal), (2, chips)]
    assert pick_story("#2 source?", both) is chips
    assert pick_story("2 more detail", both) is chips
    assert pick_story("story 1: who else?", both) is deal
    assert pick_story("#7 source?", both) is None
    assert pick_story("what about the chips?", both) is chips
    assert pick_story("source?", both) is None  # several stories, no hint: don't guess
    assert pick_story("source?", [(None, deal)]) is deal
    assert pick_story("anything", []) is None


def test_mentions_and_numbers_are_stripped() -> None:
    assert strip_mentions("<@UBOT>  who else? <@U2|bob>") == "who else?"
    assert without_story_number("#2 source?") == "source?"
    assert without_story_number("#2") == "#2"
