"""Feeds and pages over HTTP (being built: see bot/sources/feeds.py, pages.py)."""

from __future__ import annotations

from collections.abc import Iterator

import httpx

from bot.config import FetchSettings
from bot.errors import FetchError
from bot.sources.base import FetchState, SourceResult


def read_url(
    url: str,
    *,
    kind: str,
    fetch_full_text: bool,
    state: FetchState | None,
    settings: FetchSettings,
    client: httpx.Client | None = None,
) -> Iterator[SourceResult]:
    yield SourceResult(target=url, errors=(FetchError(url, "URL sources are not supported yet"),), kind="feed")
