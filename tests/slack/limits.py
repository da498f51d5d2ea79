"""A checker for Block Kit's limits, used on everything newsbot renders."""

from __future__ import annotations

import json
import re
from typing import Any

from bot.slack.blocks import (
    MAX_BLOCKS,
    MAX_BUTTON_TEXT,
    MAX_CONTEXT_ELEMENTS,
    MAX_CONTEXT_TEXT,
    MAX_FALLBACK_TEXT,
    MAX_HEADER_TEXT,
    MAX_SECTION_TEXT,
)

# Literal Slack limits, restated so a change of the constants can't hide a breach.
assert (MAX_BLOCKS, MAX_SECTION_TEXT, MAX_HEADER_TEXT) == (50, 3000, 150)

_LINK = re.compile(r"<([^>|]*)(?:\|[^>]*)?>")


def check_message(payload: dict[str, Any]) -> None:
    """Raise AssertionError if ``payload`` ({"text", "blocks"}) breaks a Block Kit limit or is unsafe."""
    text, blocks = payload["text"], payload["blocks"]
    assert text.strip() and len(text) <= MAX_FALLBACK_TEXT
    assert 1 <= len(blocks) <= MAX_BLOCKS, len(blocks)
    for block in blocks:
        kind = block["type"]
        if kind == "header":
            assert block["text"]["type"] == "plain_text"
            assert 1 <= len(block["text"]["text"]) <= MAX_HEADER_TEXT
        elif kind == "section":
            assert block["text"]["type"] == "mrkdwn"
            assert 1 <= len(block["text"]["text"]) <= MAX_SECTION_TEXT
        elif kind == "context":
            assert 1 <= len(block["elements"]) <= MAX_CONTEXT_ELEMENTS
            for element in block["elements"]:
                assert 1 <= len(element["text"]) <= MAX_CONTEXT_TEXT
        elif kind == "actions":
            assert 1 <= len(block["elements"]) <= 25
            for element in block["elements"]:
                assert len(element["text"]["text"]) <= MAX_BUTTON_TEXT and len(element["action_id"]) <= 255
        else:
            assert kind == "divider", kind
    check_safe(payload)


def check_safe(payload: Any) -> None:
    """No special mention, no unescaped broadcast word, and links only to http(s) URLs."""
    # Button values travel back to us and are never displayed; everything else is.
    dumped = re.sub(r'"value": "(?:[^"\\]|\\.)*"', "", json.dumps(payload, ensure_ascii=False))
    for bad in ("<!channel", "<!here", "<!everyone", "<@U0ADMIN", "<#C0SECRET", "@everyone", "@here", "@channel",
                "<https://evil"):
        assert bad not in dumped, bad
    for block in payload.get("blocks", []):
        # Only mrkdwn is parsed for links; plain_text shows "<" as it is.
        texts = [block["text"]["text"]] if block.get("text", {}).get("type") == "mrkdwn" else []
        texts += [e["text"] for e in block.get("elements", []) if e.get("type") == "mrkdwn"]
        for text in texts:
            for target in _LINK.findall(text):
                if target.startswith("@U"):
                    continue  # our own "Asked by <@U...>"; hostile mentions are checked above
                assert target.startswith(("https://", "http://")), target
                assert not any(c in target for c in " <>|\""), target
