"""Pick the reader for a source: files by path, web readers by URL.

URL sources are fetched once and then dispatched on the response's content
type (feed or page) unless the config names the kind.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from bot.config import FetchSettings, FileSettings, SourceSettings
from bot.sources import files
from bot.sources.base import FetchState, SourceResult


def spec_for_target(target: str) -> SourceSettings:
    """A command-line argument (path or URL) as a source spec."""
    if urlsplit(target).scheme in ("http", "https"):
        return SourceSettings(url=target)
    return SourceSettings(path=Path(target))


def read_source(
    spec: SourceSettings,
    *,
    fetch: FetchSettings,
    file_settings: FileSettings,
    state: FetchState | None = None,
    client: httpx.Client | None = None,
    have_full_text: Callable[[str], bool] | None = None,
) -> Iterator[SourceResult]:
    """Read one configured source.  ``have_full_text(url)`` lets a feed skip pages already held in full."""
    if spec.path is not None:
        yield from files.read_path(spec.path, max_bytes=file_settings.max_bytes)
        return
    # Imported here so file-only runs never load the HTTP stack's parsers.
    from bot.sources import web

    assert spec.url is not None
    yield from web.read_url(
        spec.url,
        kind=spec.kind,
        fetch_full_text=spec.fetch_full_text,
        state=state,
        settings=fetch,
        client=client,
        have_full_text=have_full_text,
    )
