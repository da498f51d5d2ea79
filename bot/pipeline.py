"""One ingest pass: sources -> normalise -> dedupe -> store, then summaries and stories.

Every source unit (a file, a feed, a page) is read and stored on its own, so a
bad file or a dead feed costs only itself; its error is reported and kept on the
source's row for `/news sources`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import logging

import httpx

from bot.config import Settings, SourceSettings
from bot.errors import SourceError
from bot.sources.base import FetchState, SourceResult
from bot.sources.files import iter_article_files
from bot.sources.registry import read_source
from bot.store import Store

log = logging.getLogger(__name__)


@dataclass
class IngestReport:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    not_modified: int = 0
    errors: list[SourceError] = field(default_factory=list)
    # Ids of articles that are new or changed: the ones later stages must (re)process.
    changed_ids: list[int] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.errors)

    def line(self) -> str:
        return f"{self.new} new, {self.updated} updated, {self.unchanged} unchanged, {self.failed} failed"


def count_units(specs: Sequence[SourceSettings]) -> int:
    """How many progress steps ``ingest`` will report: one per file, one per URL."""
    total = 0
    for spec in specs:
        if spec.path is not None and spec.path.exists():
            total += sum(1 for _ in iter_article_files(spec.path))
        else:
            total += 1
    return total


def _source_kind(spec: SourceSettings) -> str:
    if spec.path is not None:
        return "files"
    return spec.kind if spec.kind != "auto" else "url"


def ingest(
    specs: Sequence[SourceSettings],
    *,
    settings: Settings,
    store: Store,
    client: httpx.Client | None = None,
    progress: Callable[[SourceResult], None] | None = None,
) -> IngestReport:
    report = IngestReport()
    for spec in specs:
        record = store.sources.ensure(spec.target, _source_kind(spec), spec.name)
        state = FetchState(record.etag, record.last_modified) if spec.url else None
        spec_errors: list[SourceError] = []
        last_state: FetchState | None = None
        not_modified = False
        for result in read_source(
            spec,
            fetch=settings.fetch,
            file_settings=settings.files,
            state=state,
            client=client,
            have_full_text=lambda url: store.articles.kind_of(url) == "full",
        ):
            for article in result.articles:
                for saved in store.articles.save(article, source_id=record.id):
                    if saved.outcome == "new":
                        report.new += 1
                    elif saved.outcome == "updated":
                        report.updated += 1
                    else:
                        report.unchanged += 1
                    if saved.outcome != "unchanged":
                        report.changed_ids.append(saved.id)
            spec_errors.extend(result.errors)
            report.not_modified += int(result.not_modified)
            not_modified = not_modified or result.not_modified
            last_state = result.state or last_state
            if progress is not None:
                progress(result)
        report.errors.extend(spec_errors)
        # A feed that failed keeps its old validators, so the next run asks again in full.
        store.sources.record_fetch(
            record.id,
            ok=not spec_errors,
            error="; ".join(str(e) for e in spec_errors[:3]) or None,
            etag=last_state.etag if last_state else None,
            last_modified=last_state.last_modified if last_state else None,
            keep_validators=not_modified or last_state is None,
        )
    return report


def process_changed(settings: Settings, store: Store, article_ids: list[int], *,
                    progress: Callable[[int, int], None] | None = None) -> None:
    """The stages after storing: summaries (cached), then stories and their partnerships."""
    from bot.factories import LazyEmbed, build_gazetteer, build_summarizer
    from bot.storying import update_stories
    from bot.summaries import summarize_articles, summary_lookup

    summarizer = build_summarizer(settings)
    summaries = summarize_articles(store, summarizer, article_ids, batch_size=settings.summarizer.batch_size,
                                   progress=progress)
    log.info("summaries: %s", summaries.line())
    stories = update_stories(store, article_ids, embed=LazyEmbed(), gazetteer=build_gazetteer(settings),
                             summary_for=summary_lookup(store, summarizer, summaries.summaries))
    log.info("stories: %s", stories.line())
