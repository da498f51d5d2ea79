"""Answers as plain text for the terminal (Slack renders the same Answer as Block Kit)."""

from __future__ import annotations

import re
import textwrap
from typing import Any

from bot.domain import Answer, Digest, Partnership, SourceLink

_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])")


def _plain(text: str) -> str:
    return _EMPHASIS.sub(r"\2", text)


def _source(link: SourceLink) -> str:
    who = f"{link.provider}: " if link.provider else ""
    when = f" ({link.published:%Y-%m-%d})" if link.published else ""
    return f"{who}{link.title}{when} <{link.url}>"


def answer_text(answer: Answer) -> str:
    lines = [_plain(answer.title)]
    if answer.note:
        lines.append(_plain(answer.note))
    for item in answer.items:
        first, *rest = _plain(item.text).splitlines() or [""]
        lines.append(f"• {first}")
        lines += [f"  {line}" for line in rest]
        lines += [f"    - {_source(s)}" for s in item.sources]
    if answer.suggestions:
        lines.append("Did you mean: " + ", ".join(answer.suggestions) + "?")
    return "\n".join(lines)


def answer_json(answer: Answer) -> dict[str, Any]:
    return {
        "title": answer.title,
        "note": answer.note,
        "suggestions": list(answer.suggestions),
        "items": [
            {"text": item.text,
             "sources": [{"title": s.title, "url": s.url, "provider": s.provider,
                          "published": s.published.isoformat() if s.published else None} for s in item.sources]}
            for item in answer.items
        ],
    }


def partnership_json(p: Partnership) -> dict[str, Any]:
    return {
        "org_a": p.org_a, "org_b": p.org_b, "kind": p.kind, "status": p.status,
        "date": p.date.date().isoformat() if p.date else None, "what": p.what, "evidence": p.evidence,
        "confidence": p.confidence, "sources": list(p.article_urls), "story_id": p.story_id,
    }


def digest_text(digest: Digest) -> str:
    """A digest for the terminal (`newsbot digest --dry-run`); Slack gets the same as Block Kit."""
    lines = [digest.title, ""]
    if not digest.stories:
        lines.append("No new stories since the last digest.")
    for number, story in enumerate(digest.stories, start=1):
        lines.append(f"{number}. {story.headline}")
        if story.summary:
            lines.append(textwrap.fill(" ".join(story.summary.split()), 100, initial_indent="   ",
                                       subsequent_indent="   "))
        if story.url:
            lines.append(f"   {story.url}")
        others = ", ".join(name for name, _ in story.outlets[1:7])
        if others:
            lines.append(f"   Also covered by {others}")
        context = " · ".join(x for x in (story.outlets[0][0] if story.outlets else "",
                                         f"{story.last_seen:%d %b %Y}" if story.last_seen else "",
                                         ", ".join(story.topics[:4])) if x)
        if context:
            lines.append(f"   {context}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
