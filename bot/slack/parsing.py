"""Reading what users type: slash-command arguments, subscriptions, thread questions (pure)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.domain import Story
from bot.errors import SlackError
from bot.store.slack import WEEKDAYS

NEWS_SUBCOMMANDS = ("digest", "search", "ask", "subscribe", "unsubscribe", "sources", "help")
SHARE_WORDS = ("share", "public")
EVERY_DAY = (0, 1, 2, 3, 4, 5, 6)

_MENTION = re.compile(r"<@[A-Z0-9]+(?:\|[^>]*)?>")
_AT_TIME = re.compile(r"(?:^|\s)at\s+(\d{1,2})(?::(\d{2}))?\s*(am|pm)?(?=\s|$)", re.IGNORECASE)
_NUMBER = re.compile(r"^(?:no\.?\s*|number\s+|story\s+)?(\d{1,2})\b", re.IGNORECASE)
_HASH_NUMBER = re.compile(r"#(\d{1,3})\b")
_WORD = re.compile(r"[a-z0-9][a-z0-9&+'-]*")
_COMMON = frozenset("""a an and are as at be by did do does for from has have how i in is it its me more of on or
    the their them they this to was we what when where which who why will with about else other source sources
    link links detail details tell partner partnered partners story""".split())


class UsageError(SlackError):
    """The user typed something we can't read; answered with usage help."""


@dataclass(frozen=True)
class NewsCommand:
    sub: str
    arg: str
    share: bool


@dataclass(frozen=True)
class SubscriptionRequest:
    topics: tuple[str, ...]
    at_time: str
    tz: str
    weekdays: tuple[int, ...]


def split_share(text: str) -> tuple[str, bool]:
    """A trailing `share`/`public` asks for an answer the whole channel sees."""
    words = text.split()
    if words and words[-1].casefold() in SHARE_WORDS:
        return " ".join(words[:-1]), True
    return " ".join(words), False


def parse_news(text: str) -> NewsCommand:
    rest, share = split_share(text)
    sub, _, arg = rest.partition(" ")
    sub = sub.casefold()
    if not sub or sub in ("-h", "--help", "?"):
        return NewsCommand("help", "", share)
    if sub not in NEWS_SUBCOMMANDS:
        raise UsageError(f"I don't know `/news {sub}`.")
    arg = arg.strip()
    if sub in ("search", "ask") and not arg:
        raise UsageError(f"`/news {sub}` needs some words, e.g. `/news {sub} "
                         + ("hugging face`." if sub == "search" else "who has Google partnered with on chips?`."))
    if sub in ("digest", "unsubscribe", "sources") and arg:
        raise UsageError(f"`/news {sub}` takes no arguments (got “{arg}”).")
    return NewsCommand(sub, arg, share)


def _zone(word: str) -> str | None:
    if word.upper() in ("UTC", "GMT", "Z"):
        return "UTC"
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+){0,2}", word):
        return None
    try:
        ZoneInfo(word)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    return word


def parse_subscription(text: str, *, resolve: Callable[[str], str | None] = lambda _: None,
                       default_time: str = "09:00") -> SubscriptionRequest:
    """``[topics or organisations] [at HH:MM] [TZ] [daily]``.

    Topics are separated by commas; without commas, text that names one
    organisation ("hugging face") is one topic and anything else is a topic per word.
    """
    text = " ".join(text.split())
    at_time = default_time
    match = _AT_TIME.search(text)
    if match is not None:
        hour, minute, half = int(match.group(1)), int(match.group(2) or 0), (match.group(3) or "").casefold()
        if half:
            if not 1 <= hour <= 12:
                raise UsageError(f"“{match.group(0).strip()}” is not a time; use e.g. `at 9:30` or `at 17:00`.")
            hour = hour % 12 + (12 if half == "pm" else 0)
        if hour > 23 or minute > 59:
            raise UsageError(f"“{match.group(0).strip()}” is not a time; use e.g. `at 9:30` or `at 17:00`.")
        at_time = f"{hour:02d}:{minute:02d}"
        text = (text[: match.start()] + " " + text[match.end():]).strip()
    words = text.split()
    weekdays = WEEKDAYS
    if words and words[-1].casefold() in ("daily", "everyday"):
        weekdays = EVERY_DAY
        words = words[:-1]
    tz = "UTC"
    if words and ("/" in words[-1] or words[-1].upper() in ("UTC", "GMT")):
        zone = _zone(words[-1])
        if zone is None:
            raise UsageError(f"“{words[-1]}” is not a time zone; use a name like `Europe/Paris` or `UTC`.")
        tz, words = zone, words[:-1]
    if words and words[-1].casefold() in ("daily", "everyday"):
        weekdays = EVERY_DAY
        words = words[:-1]
    rest = " ".join(words).strip(" ,")
    if "," in rest:
        topics = [t.strip() for t in rest.split(",") if t.strip()]
    elif rest:
        org = resolve(rest)
        topics = [org] if org else rest.split()
    else:
        topics = []
    if any(len(t) > 100 for t in topics) or len(topics) > 20:
        raise UsageError("Give at most 20 topics of up to 100 characters each.")
    return SubscriptionRequest(topics=tuple(dict.fromkeys(topics)), at_time=at_time, tz=tz, weekdays=weekdays)


def strip_mentions(text: str) -> str:
    return " ".join(_MENTION.sub(" ", text).split())


def pick_story(question: str, candidates: Sequence[tuple[int | None, Story]]) -> Story | None:
    """The story a thread question is about: by number ("#2"), by its words, or the only one.

    None when a thread holds several stories and the question doesn't say
    which: answering about the wrong story would be worse than asking.
    """
    if not candidates:
        return None
    numbered = {pos: story for pos, story in candidates if pos is not None}
    hashed = _HASH_NUMBER.search(question)
    match = hashed or _NUMBER.match(question.strip())
    if match is not None and int(match.group(1)) in numbered:
        return numbered[int(match.group(1))]
    if len(candidates) == 1:
        return candidates[0][1]
    asked = {w for w in _WORD.findall(question.casefold()) if w not in _COMMON and len(w) > 2}
    if not asked:
        return None
    scored = []
    for _, story in candidates:
        words = set(_WORD.findall(" ".join((story.headline, " ".join(story.organisations))).casefold()))
        scored.append((len(asked & words), story))
    scored.sort(key=lambda x: -x[0])
    best, runner_up = scored[0][0], scored[1][0] if len(scored) > 1 else 0
    return scored[0][1] if best > 0 and best > runner_up else None


def without_story_number(question: str) -> str:
    """"#2 source?" -> "source?", so the answer logic sees the question itself."""
    return " ".join(_HASH_NUMBER.sub(" ", question).split()) or question
