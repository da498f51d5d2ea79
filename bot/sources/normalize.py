"""Pure normalisation: canonical URLs, clean text, UTC dates, content hashes."""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Mapping
from datetime import date, datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from dateutil import parser as dateutil_parser

_TRACKING_PREFIXES = ("utm_", "mc_")
_TRACKING_NAMES = {"fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid"}
_DEFAULT_PORTS = {"http": 80, "https": 443}


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, no fragment, no tracking parameters, no default port."""
    url = url.strip()
    if not url:
        return ""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port if parts.port and parts.port != _DEFAULT_PORTS.get(scheme) else None
    netloc = host if port is None else f"{host}:{port}"
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith(_TRACKING_PREFIXES) and k.lower() not in _TRACKING_NAMES
    ]
    path = parts.path or ("/" if netloc else "")
    return urlunsplit((scheme, netloc, path, urlencode(query), ""))


_BLOCK_TAGS = re.compile(r"(?i)<\s*(br|/p|/div|/li|/h[1-6]|/tr|/blockquote|/section|/article)\b[^>]*>")
_DROP_ELEMENTS = re.compile(r"(?is)<(script|style|noscript|template)\b.*?</\1\s*>")
_TAG = re.compile(r"(?s)<[^>]*>")
_COMMENT = re.compile(r"(?s)<!--.*?-->")
_SPACES = re.compile(r"[ \t\f\v\u00a0\u200b]+")
_BLANKS = re.compile(r"\n{3,}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LOOKS_HTML = re.compile(r"(?i)<(p|br|div|span|a|b|i|em|strong|li|ul|ol|h[1-6]|img|figure|blockquote)\b[^>]*>")


def html_to_text(value: str) -> str:
    """Turn an HTML fragment into plain text with paragraph breaks kept."""
    value = _COMMENT.sub("", value)
    value = _DROP_ELEMENTS.sub("", value)
    value = _BLOCK_TAGS.sub("\n", value)
    value = _TAG.sub("", value)
    return html.unescape(value)


def clean_text(value: str | None) -> str:
    """HTML (if it looks like HTML) to text, entities decoded, whitespace tidied."""
    if not value:
        return ""
    if _LOOKS_HTML.search(value):
        value = html_to_text(value)
    elif "&" in value:
        value = html.unescape(value)
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = _CONTROL.sub("", value)
    lines = [_SPACES.sub(" ", line).strip() for line in value.split("\n")]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()


def clean_line(value: str | None) -> str:
    """Like clean_text, then folded onto one line (titles, excerpts, names)."""
    return " ".join(clean_text(value).split())


def to_utc(value: Any) -> datetime | None:
    """A timezone-aware UTC datetime from what sources give us, or None.

    Naive values are taken as UTC: feeds and front matter without an offset
    almost always mean it.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        dt = value
    elif isinstance(value, date):
        dt = datetime(value.year, value.month, value.day)
    elif isinstance(value, str):
        text = value.strip()
        try:
            dt = datetime.fromisoformat(text)
        except ValueError:
            try:
                dt = parsedate_to_datetime(text)
            except (TypeError, ValueError, IndexError):
                try:
                    dt = dateutil_parser.parse(text)
                except (ValueError, OverflowError, TypeError):
                    return None
    else:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.astimezone(timezone.utc)


def content_hash(title: str, body: str) -> str:
    """Same words in the same order -> same hash, whatever the spacing or case."""
    norm = " ".join(f"{title}\n{body}".lower().split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


def to_jsonable(value: Any) -> Any:
    """YAML gives datetimes and dates; JSON columns need plain values."""
    if isinstance(value, Mapping):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)
