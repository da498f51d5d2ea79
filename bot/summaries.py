"""Summaries of stored articles, through the summary cache: nothing is summarised twice.

A pipeline stage (it uses nlp and store).  Full articles are cleaned of page
boilerplate and summarised by the configured backend; stubs, which we know only
by their excerpt, are summarised by that excerpt and never reach a model.  The
cache is keyed by the hash of the exact text summarised and by the backend's
cache key (backend, model, options, prompt version), so a changed article,
option or prompt recomputes and nothing else does.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from bot.domain import Article, Summary
from bot.nlp.faithfulness import is_faithful, names
from bot.nlp.summarizers.base import Summarizer
from bot.nlp.text import clean_for_summary, split_sentences
from bot.store import Store

log = logging.getLogger(__name__)

# (done, total): texts the model has summarised so far, of those it must.
Progress = Callable[[int, int], None]
# The backend name of summaries no model made (stubs and short items).
PLAIN = "plain"
# Below this many words an article is its own summary.
SHORT_WORDS = 80


@dataclass
class SummariesReport:
    summaries: dict[int, Summary] = field(default_factory=dict)  # article id -> summary
    computed: int = 0
    cached: int = 0
    plain: int = 0  # stubs and short items, summarised by themselves
    replaced: int = 0  # abstractive summaries the faithfulness guard swapped

    def line(self) -> str:
        return (f"{self.computed} summarised, {self.cached} from the cache, {self.plain} stubs or short items"
                + (f", {self.replaced} replaced as unfaithful" if self.replaced else ""))


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def summary_input(article: Article) -> str:
    """What a model reads of a full article: its text without page boilerplate ("" for stubs)."""
    if article.kind == "stub":
        return ""
    return clean_for_summary(article.text).strip()


def plain_summary(article: Article, *, min_words: int = SHORT_WORDS) -> Summary | None:
    """The summary of an article that no model needs to read, else None.

    A stub is summarised by its excerpt, and an article too short to condense
    (under ``min_words``) by its excerpt or text, at most four sentences.  Teasers
    are written to make readers click and often name nobody ("What happens when
    one of the biggest cloud players teams up with ...?"), so the headline leads
    unless the text already names everyone the headline does.
    """
    text = summary_input(article)
    if article.kind != "stub" and len(text.split()) >= min_words:
        return None
    lead = " ".join(clean_for_summary(article.excerpt).split()) if article.excerpt else ""
    lead = lead or " ".join(text.split())
    title = " ".join(article.title.split())
    if title and (not lead or not is_faithful(" ".join(names(title)), lead)):
        lead = f"{title if title[-1] in '.!?' else title + '.'} {lead}".strip()
    return Summary(text=" ".join(split_sentences(lead)[:4]), backend=PLAIN, model="")


def _batches(items: Sequence[str], size: int) -> list[Sequence[str]]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def summarize_texts(store: Store, summarizer: Summarizer, texts: Mapping[str, str], *, batch_size: int = 8,
                    progress: Progress | None = None) -> tuple[dict[str, Summary], int]:
    """Summaries of ``texts`` (content hash -> text) from the cache, computing and storing the misses.

    Returns the summaries by content hash and how many were computed.  Each batch
    is stored as soon as it is done, so an interrupted run keeps what it made.
    """
    if not texts:
        return {}, 0
    key = summarizer.cache_key()
    found = store.summaries.get_many(key, list(texts))
    misses = [h for h in texts if h not in found]
    if progress is not None:
        progress(0, len(misses))
    done = 0
    for chunk in _batches(misses, batch_size):
        made = summarizer.summarize([texts[h] for h in chunk])
        fresh = dict(zip(chunk, made, strict=True))
        store.summaries.put_many(key, fresh)
        found.update(fresh)
        done += len(chunk)
        if progress is not None:
            progress(done, len(misses))
    return found, len(misses)


def summarize_articles(store: Store, summarizer: Summarizer, article_ids: Sequence[int], *,
                       batch_size: int = 8, progress: Progress | None = None,
                       min_words: int = SHORT_WORDS) -> SummariesReport:
    """The summary of each article (stubs and short items by themselves), through the summary cache."""
    report = SummariesReport()
    inputs: dict[int, str] = {}
    for article in store.articles.get_many(list(dict.fromkeys(article_ids))):
        assert article.id is not None
        plain = plain_summary(article, min_words=min_words)
        if plain is None:
            inputs[article.id] = summary_input(article)
        else:
            report.summaries[article.id] = plain
            report.plain += 1
    hashes = {article_id: text_hash(text) for article_id, text in inputs.items()}
    by_hash, computed = summarize_texts(store, summarizer, {hashes[i]: t for i, t in inputs.items()},
                                        batch_size=batch_size, progress=progress)
    report.computed = computed
    report.cached = len(set(hashes.values())) - computed
    for article_id, content_hash in hashes.items():
        summary = by_hash[content_hash]
        report.summaries[article_id] = summary
        if summary.note:
            report.replaced += 1
            log.debug("article %d: %s", article_id, summary.note)
    return report


def summary_lookup(store: Store, summarizer: Summarizer, known: Mapping[int, Summary], *,
                   min_words: int = SHORT_WORDS) -> Callable[[Article], str]:
    """Article -> its summary text: ``known`` first, else the cache, else summarised (and cached) now."""
    def summary_for(article: Article) -> str:
        if article.id is not None and article.id in known:
            return known[article.id].text
        plain = plain_summary(article, min_words=min_words)
        if plain is not None:
            return plain.text
        text = summary_input(article)
        found, _ = summarize_texts(store, summarizer, {text_hash(text): text})
        return found[text_hash(text)].text
    return summary_for
