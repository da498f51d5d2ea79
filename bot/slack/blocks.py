"""Digests, answers and help as Block Kit messages (pure functions, within Slack's limits).

Every string that came from an article, a feed or a user goes through
``mrkdwn.safe``/``mrkdwn.link``/``mrkdwn.plain``; every message carries a
plain-text fallback for notifications and screen readers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bot.domain import Answer, Article, Digest, SourceLink, Story
from bot.slack.mrkdwn import escape, link, plain, safe, trim
from bot.store.sources import SourceRecord

# Slack's limits (https://docs.slack.dev/reference/block-kit/blocks).
MAX_BLOCKS = 50
MAX_SECTION_TEXT = 3000
MAX_HEADER_TEXT = 150
MAX_CONTEXT_TEXT = 2000
MAX_CONTEXT_ELEMENTS = 10
MAX_BUTTON_TEXT = 75
MAX_BUTTON_VALUE = 2000
MAX_FALLBACK_TEXT = 3000
# Not a Slack limit: a digest message longer than this is hard to read, so it continues in the thread.
MESSAGE_CHAR_BUDGET = 12000

HEADLINE_CHARS = 300
SUMMARY_CHARS = 700
ALSO_COVERED = 6

Block = dict[str, Any]

SUGGESTION_ACTION = "partnerships_suggestion"


@dataclass(frozen=True)
class Message:
    """One chat message: its blocks, its fallback text and the stories it shows (for threads)."""

    text: str
    blocks: list[Block]
    story_ids: tuple[int, ...] = ()
    # Story numbers as shown ("#3"), parallel to story_ids.
    positions: tuple[int, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)

    def payload(self) -> dict[str, Any]:
        return {"text": self.text, "blocks": self.blocks}


def _section(text: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": trim(text, MAX_SECTION_TEXT) or " "}}


def _header(text: str) -> Block:
    return {"type": "header", "text": {"type": "plain_text", "text": trim(plain(text), MAX_HEADER_TEXT) or " ",
                                       "emoji": True}}


def _context(*texts: str) -> Block:
    elements = [{"type": "mrkdwn", "text": trim(t, MAX_CONTEXT_TEXT)} for t in texts if t][:MAX_CONTEXT_ELEMENTS]
    return {"type": "context", "elements": elements or [{"type": "mrkdwn", "text": " "}]}


def _divider() -> Block:
    return {"type": "divider"}


def _date(value: datetime | None) -> str:
    return f"{value:%d %b %Y}".lstrip("0") if value else ""


def _size(blocks: Sequence[Block]) -> int:
    total = 0
    for block in blocks:
        if "text" in block:
            total += len(block["text"]["text"])
        for element in block.get("elements", ()):
            total += len(element.get("text", "")) if isinstance(element.get("text"), str) else 0
    return total


# --- digests --------------------------------------------------------------------


def story_blocks(story: Story, position: int) -> list[Block]:
    """A story: numbered linked headline and summary, then who else covered it and a context line."""
    headline = link(story.url, story.headline, limit=HEADLINE_CHARS)
    summary = safe(" ".join(story.summary.split()), SUMMARY_CHARS)
    blocks = [_section(f"*{position}.* *{headline}*" + (f"\n{summary}" if summary else ""))]
    lead = story.outlets[0][0] if story.outlets else None
    others = [link(url, name, limit=80) for name, url in story.outlets[1:1 + ALSO_COVERED]]
    more = len(story.outlets) - 1 - len(others)
    context = []
    if others:
        context.append("Also covered by " + ", ".join(others) + (f" and {more} more" if more > 0 else ""))
    line = " · ".join(x for x in (safe(lead, 100) if lead else "", _date(story.last_seen),
                                  ", ".join(safe(t, 60) for t in story.topics[:4])) if x)
    if line:
        context.append(line)
    if context:
        blocks.append(_context(*context))
    return blocks


def _story_fallback(story: Story, position: int) -> str:
    lead = f" ({story.outlets[0][0]})" if story.outlets else ""
    return f"{position}. {story.headline}{lead}"


def digest_messages(digest: Digest) -> list[Message]:
    """The digest as one message, continued in thread replies when it doesn't fit.

    The first message gets the header and as many stories as fit in
    ``MAX_BLOCKS`` and ``MESSAGE_CHAR_BUDGET``; the rest go to continuation
    messages (posted in its thread), each again within the limits.
    """
    count = len(digest.stories)
    intro = [_header(digest.title)]
    if count:
        intro.append(_context(escape(f"{count} {'story' if count == 1 else 'stories'}, most covered first. "
                                     "Reply in this thread to ask about one, e.g. “#1 source?”.")))
    else:
        intro.append(_section("No new stories since the last digest."))
    pages: list[tuple[list[Block], list[int], list[str]]] = [(intro, [], [])]
    for position, story in enumerate(digest.stories, start=1):
        chunk = story_blocks(story, position)
        blocks, ids, fallback = pages[-1]
        needed = len(chunk) + (1 if ids else 0)
        if ids and (len(blocks) + needed > MAX_BLOCKS or _size(blocks) + _size(chunk) > MESSAGE_CHAR_BUDGET):
            title = f"{digest.title} (continued)"
            pages.append(([_context(escape(title))], [], []))
            blocks, ids, fallback = pages[-1]
        elif ids:
            blocks.append(_divider())
        blocks.extend(chunk)
        if story.id is not None:
            ids.append(story.id)
        fallback.append(_story_fallback(story, position))
    messages = []
    first_position = 1
    for index, (blocks, ids, fallback) in enumerate(pages):
        head = digest.title if index == 0 else f"{digest.title} (continued)"
        text = head + (": " + "; ".join(fallback) if fallback else "")
        positions = tuple(range(first_position, first_position + len(fallback)))
        first_position += len(fallback)
        messages.append(Message(text=safe(text, MAX_FALLBACK_TEXT), blocks=blocks, story_ids=tuple(ids),
                                positions=positions if len(ids) == len(fallback) else ()))
    return messages


def coverage_message(story: Story, articles: Sequence[Article], position: int | None = None) -> Message:
    """New coverage of a story already posted, for that story's thread."""
    label = f"#{position} " if position else ""
    lines = []
    for article in articles[:20]:
        who = f" — {safe(article.provider, 100)}" if article.provider else ""
        lines.append(f"• {link(article.url, article.title, limit=HEADLINE_CHARS)}{who}")
    head = f"*More coverage of {label}{link(story.url, story.headline, limit=HEADLINE_CHARS)}*"
    blocks = [_section(head + "\n" + "\n".join(lines))]
    if len(articles) > 20:
        blocks.append(_context(f"and {len(articles) - 20} more"))
    names = ", ".join(a.provider or a.title for a in articles[:5])
    text = safe(f"More coverage of {story.headline}: {names}", MAX_FALLBACK_TEXT)
    return Message(text=text, blocks=blocks, story_ids=(story.id,) if story.id is not None else ())


# --- answers --------------------------------------------------------------------


def _source_text(source: SourceLink) -> str:
    label = f"{source.provider}: {source.title}" if source.provider else source.title
    when = f" ({_date(source.published)})" if source.published else ""
    return link(source.url, label, limit=200) + when


def answer_message(answer: Answer, *, shared_by: str | None = None) -> Message:
    """An answer: title, note, one section per item with its sources, suggestion buttons."""
    blocks: list[Block] = [_header(answer.title)]
    if answer.note:
        blocks.append(_section(safe(answer.note, MAX_SECTION_TEXT)))
    reserve = 1 + (1 if answer.suggestions else 0) + (1 if shared_by else 0)
    room = MAX_BLOCKS - len(blocks) - reserve
    shown = 0
    for item in answer.items:
        chunk = [_section(safe(item.text, MAX_SECTION_TEXT))]
        if item.sources:
            chunk.append(_context(" · ".join(_source_text(s) for s in item.sources[:4])))
        if len(chunk) > room:
            break
        blocks.extend(chunk)
        room -= len(chunk)
        shown += 1
    if shown < len(answer.items):
        blocks.append(_context(f"and {len(answer.items) - shown} more not shown"))
    if answer.suggestions:
        blocks.append({
            "type": "actions",
            "elements": [
                {"type": "button", "action_id": f"{SUGGESTION_ACTION}:{i}",
                 "text": {"type": "plain_text", "text": trim(plain(name), MAX_BUTTON_TEXT) or "?"},
                 "value": name[:MAX_BUTTON_VALUE]}
                for i, name in enumerate(answer.suggestions[:5])
            ],
        })
    if shared_by:
        blocks.append(_context(f"Asked by <@{shared_by}>" if shared_by.isalnum() else "Shared"))
    first = answer.items[0].text if answer.items else answer.note
    text = safe(f"{answer.title}: {first}" if first else answer.title, MAX_FALLBACK_TEXT)
    return Message(text=text, blocks=blocks)


# --- help -----------------------------------------------------------------------

NEWS_HELP = (
    ("/news digest", "today's digest for this channel"),
    ("/news search TEXT", "stored stories about TEXT"),
    ("/news ask QUESTION", "an answer with its sources, e.g. `/news ask who has Google partnered with on chips?`"),
    ("/news subscribe [topics or organisations] [at HH:MM] [TZ]",
     "a daily digest here, e.g. `/news subscribe chips, hugging face at 09:30 Europe/Paris` "
     "(separate several with commas; weekdays unless you add `daily`)"),
    ("/news unsubscribe", "stop this channel's daily digest"),
    ("/news sources", "where articles come from and each source's last error"),
)
PARTNERSHIPS_HELP = (
    ("/partnerships ORG", "who ORG partnered with, newest first, e.g. `/partnerships hugging face`"),
    ("/partnerships ORG_A ORG_B", "deals between two organisations, e.g. `/partnerships microsoft openai`"),
    ("/partnerships latest", "the newest partnerships"),
)


def help_message(command: str, *, problem: str | None = None) -> Message:
    """Usage for ``/news`` or ``/partnerships``, optionally after saying what was wrong."""
    usage = NEWS_HELP if command == "/news" else PARTNERSHIPS_HELP
    blocks: list[Block] = []
    if problem:
        blocks.append(_section(f":warning: {safe(problem, 1000)}"))
    lines = "\n".join(f"`{cmd}` — {what}" for cmd, what in usage)
    blocks.append(_section(f"*{command}* usage:\n{lines}"))
    blocks.append(_context("Answers are visible only to you; add `share` at the end to post one to the channel. "
                           "Mention me or reply in a digest's thread to ask about a story."))
    text = (f"{problem} " if problem else "") + "Usage: " + "; ".join(cmd for cmd, _ in usage)
    return Message(text=safe(text, MAX_FALLBACK_TEXT), blocks=blocks)


def notice_message(text: str) -> Message:
    """A short line of our own (already mrkdwn, with any untrusted part escaped by the caller)."""
    return Message(text=trim(text, MAX_FALLBACK_TEXT), blocks=[_section(text)])


# --- sources --------------------------------------------------------------------


def sources_message(sources: Sequence[SourceRecord]) -> Message:
    """Where articles come from, with each source's last error (so a broken feed is visible)."""
    blocks: list[Block] = [_header("Sources")]
    if not sources:
        blocks.append(_section("No sources have been read yet: run `newsbot ingest`."))
        return Message(text="No sources have been read yet.", blocks=blocks)
    failing = sum(1 for s in sources if s.last_error)
    blocks.append(_context(f"{len(sources)} source{'s' * (len(sources) != 1)}, {failing} failing"))
    room = MAX_BLOCKS - len(blocks) - 1
    # Failing sources first: they are why someone asks.
    ordered = sorted(sources, key=lambda s: (s.last_error is None, (s.name or s.target).casefold()))
    for source in ordered[:room]:
        name = safe(source.name or source.target, 200)
        target = f" `{safe(source.target, 300)}`" if source.name else ""
        ok = f"last read {_date(source.last_ok_at)}" if source.last_ok_at else "never read successfully"
        line = f"*{name}*{target}\n{ok}"
        if source.last_error:
            line += f"\n:warning: {_date(source.last_error_at)}: {safe(' '.join(source.last_error.split()), 1500)}"
        blocks.append(_section(line))
    if len(ordered) > room:
        blocks.append(_context(f"and {len(ordered) - room} more"))
    text = f"{len(sources)} sources, {failing} failing"
    return Message(text=text, blocks=blocks)
