"""Untrusted text (articles, feeds, user input) made safe for Slack.

Slack reads ``<...>`` as links and mentions (``<!channel>``, ``<@U1>``,
``<https://x|label>``), so ``&``, ``<`` and ``>`` are escaped as Slack asks;
bare ``@channel``-style words get a word joiner so no client turns them into a
ping.  Trimming keeps escaped entities whole and ends with an ellipsis.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

ELLIPSIS = "…"
# U+2060 WORD JOINER: invisible, and breaks the keyword Slack would match.
_JOINER = "\u2060"
_BROADCAST = re.compile(r"@(?=(channel|here|everyone)\b)", re.IGNORECASE)
_ENTITY_TAIL = re.compile(r"&[a-z]{0,4}$")
# Characters that would end or split a Slack link, percent-encoded inside URLs.
_URL_UNSAFE = {"<": "%3C", ">": "%3E", "|": "%7C", " ": "%20", '"': "%22", "\n": "", "\r": "", "\t": ""}


def _defuse_broadcasts(text: str) -> str:
    return _BROADCAST.sub("@" + _JOINER, text)


def escape(text: str) -> str:
    """``text`` as inert mrkdwn: no links, no mentions, no pings."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _defuse_broadcasts(text)


def plain(text: str) -> str:
    """``text`` for a ``plain_text`` object, which Slack never links but may still notify on."""
    # Slack doesn't parse plain_text, but a joiner after "<" keeps it that way if a client ever does.
    return _defuse_broadcasts(text.replace("<", "<" + _JOINER))


def trim(text: str, limit: int) -> str:
    """At most ``limit`` characters; a cut ends with an ellipsis and never splits an ``&amp;``."""
    if limit < 1:
        return ""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    # End at a word boundary when one is near; a long word is cut anyway.
    space = cut.rfind(" ", max(0, len(cut) - 20))
    if space > 0:
        cut = cut[:space]
    tail = _ENTITY_TAIL.search(cut)
    if tail is not None:
        cut = cut[: tail.start()]
    # Don't leave half a surrogate pair or a lone joiner at the end.
    cut = cut.rstrip(_JOINER).rstrip()
    return cut + ELLIPSIS


def safe(text: str, limit: int) -> str:
    """Escape, then trim to ``limit``: the usual way untrusted text enters a block."""
    return trim(escape(text), limit)


def safe_url(url: str | None) -> str | None:
    """``url`` ready for ``<url|label>``, or None when it is not an http(s) URL we'd link to."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    for bad, good in _URL_UNSAFE.items():
        url = url.replace(bad, good)
    url = url.replace("&", "&amp;")
    # Slack truncates longer URLs into broken links; better no link than a wrong one.
    return url if len(url) <= 3000 else None


def link(url: str | None, label: str, *, limit: int = 300) -> str:
    """A mrkdwn link to a URL we stored, with an escaped label; just the label if the URL is unsafe."""
    text = safe(" ".join(label.split()) or (url or ""), limit)
    target = safe_url(url)
    if target is None:
        return text
    # "|" in a label is fine (Slack splits at the first one) but ">" is escaped above.
    return f"<{target}|{text}>"
