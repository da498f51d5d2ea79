"""The pipeline stage after storing: group articles into stories, record their partnerships.

New and changed articles are embedded, matched against recent stories (or each
other) by ``bot.nlp.stories``, and every story that gained or changed an article
is rebuilt: headline from its best source, outlets, dates, summary, and the
partnerships its articles report, merged into one record per pair.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import timedelta

import numpy as np

from bot.domain import Article
from bot.nlp.orgs import Gazetteer, mentions
from bot.nlp.partnerships import extract, merge
from bot.nlp.stories import ClusterParams, KnownStory, StoryDoc, cluster_articles
from bot.nlp.text import split_sentences
from bot.store import Store
from bot.store.stories import StoryFields
from bot.summaries import plain_summary, summary_input

log = logging.getLogger(__name__)

Embed = Callable[[Sequence[str]], np.ndarray]
# Article -> the summary to show for it (the summary cache, or its excerpt).
SummaryFor = Callable[[Article], str]


@dataclass
class StoriesReport:
    new_stories: int = 0
    joined: int = 0  # articles that joined a story that already existed
    stories_touched: list[int] = field(default_factory=list)
    partnerships: int = 0

    def line(self) -> str:
        return (f"{self.new_stories} new stories, {self.joined} articles joined known stories, "
                f"{self.partnerships} partnerships")


def embedding_text(article: Article) -> str:
    """Headline and lead: what a story is about, without the tail every outlet writes differently."""
    lead = article.excerpt or ""
    words = (lead + " " + article.text).split()[:80]
    return f"{article.title}. {' '.join(words)}"


def _root(name: str, gazetteer: Gazetteer) -> str:
    ancestors = gazetteer.ancestors(name)
    return ancestors[-1] if ancestors else name


def _salient(article: Article, gazetteer: Gazetteer) -> frozenset[str]:
    lead = " ".join(split_sentences(article.excerpt or article.text)[:2])
    names = set()
    for text in (article.title, lead):
        names |= {_root(m.name, gazetteer) for m in mentions(text, gazetteer) if m.known or m.cued}
    return frozenset(names)


def default_summary(article: Article) -> str:
    if article.excerpt:
        return article.excerpt
    return " ".join(split_sentences(article.body)[:2])


def _best_source(members: Sequence[Article]) -> Article:
    # A full report from the best-rated outlet first; among equals, the earliest.
    return max(members, key=lambda a: (a.kind == "full" and not a.date_estimated, a.kind == "full",
                                       a.quality if a.quality is not None else -1.0,
                                       -(a.published.timestamp() if a.published else 0.0)))


def _richest(members: Sequence[Article]) -> Article:
    return max(members, key=lambda a: (a.kind == "full", a.words, a.quality or 0.0))


def _fields(members: Sequence[Article], centroid: np.ndarray, gazetteer: Gazetteer,
            summary_for: SummaryFor) -> StoryFields:
    best = _best_source(members)
    dated = [a.published for a in members if a.published and not a.date_estimated] or \
            [a.published for a in members if a.published]
    qualities = [a.quality for a in members if a.quality is not None]
    heats = [a.heat for a in members if a.heat is not None]
    orgs: dict[str, None] = {}
    for a in members:
        for m in mentions(a.title, gazetteer):
            if m.known or m.cued:
                orgs.setdefault(m.name)
    topics = tuple(dict.fromkeys(t for a in members for t in a.topics))
    return StoryFields(
        headline=best.title,
        url=best.url,
        summary=summary_for(_richest(members)),
        first_seen=min(dated) if dated else None,
        last_seen=max(dated) if dated else None,
        topics=topics,
        organisations=tuple(orgs),
        quality=max(qualities) if qualities else None,
        heat=max(heats) if heats else None,
        centroid=tuple(float(x) for x in centroid),
    )


def update_stories(
    store: Store,
    article_ids: Sequence[int],
    *,
    embed: Embed,
    gazetteer: Gazetteer,
    params: ClusterParams = ClusterParams(),
    summary_for: SummaryFor = default_summary,
) -> StoriesReport:
    report = StoriesReport()
    articles = [a for a in store.articles.get_many(list(dict.fromkeys(article_ids))) if a.id is not None]
    if not articles:
        return report
    # Articles already in a story stay there; their story is rebuilt with their new text.
    touched: set[int] = set()
    fresh: list[Article] = []
    for article in articles:
        assert article.id is not None
        story_id = store.stories.story_of(article.id)
        if story_id is None:
            fresh.append(article)
        else:
            touched.add(story_id)

    vectors = embed([embedding_text(a) for a in fresh]) if fresh else np.zeros((0, 1))
    docs = []
    for article, vector in zip(fresh, vectors):
        assert article.id is not None
        pairs = frozenset(
            frozenset((_root(f.org_a, gazetteer), _root(f.org_b, gazetteer)))
            for f in extract(article, gazetteer) if f.status == "new"
        )
        docs.append(StoryDoc(article_id=article.id, embedding=np.asarray(vector, dtype=np.float32),
                             published=article.published, date_estimated=article.date_estimated,
                             salient_orgs=_salient(article, gazetteer),
                             deal_pairs=frozenset(p for p in pairs if len(p) == 2)))

    known = _known_stories(store, fresh, gazetteer, params)
    for cluster in cluster_articles(docs, known, params):
        if cluster.story_id is None:
            story_id = store.stories.create(_placeholder(), cluster.new_article_ids)
            report.new_stories += 1
        else:
            story_id = cluster.story_id
            store.stories.update(story_id, None, cluster.new_article_ids)
            report.joined += len(cluster.new_article_ids)
        touched.add(story_id)

    for story_id in sorted(touched):
        report.partnerships += _rebuild(store, story_id, embed, gazetteer, summary_for)
    report.stories_touched = sorted(touched)
    return report


def _placeholder() -> StoryFields:
    return StoryFields(headline="", url=None, summary="", first_seen=None, last_seen=None, topics=(),
                       organisations=(), quality=None, heat=None, centroid=None)


def _known_stories(store: Store, fresh: Sequence[Article], gazetteer: Gazetteer,
                   params: ClusterParams) -> list[KnownStory]:
    dates = [a.published for a in fresh if a.published and not a.date_estimated]
    since = min(dates) - timedelta(days=params.window_days) if dates else None
    # Undated (estimated) articles match on content alone, so they may join any story.
    if any(a.date_estimated or a.published is None for a in fresh):
        since = None
    candidates = store.stories.centroids(since=since)
    stories = {s.id: s for s in store.stories.get_many(list(candidates))}
    known = []
    for story_id, (centroid, _last) in candidates.items():
        story = stories.get(story_id)
        if centroid is None or story is None:
            continue
        pairs = frozenset(
            frozenset((_root(p.org_a, gazetteer), _root(p.org_b, gazetteer)))
            for p in store.partnerships.for_story(story_id) if p.status == "new"
        )
        known.append(KnownStory(
            story_id=story_id, centroid=np.asarray(centroid, dtype=np.float32), size=len(story.article_ids),
            first_seen=story.first_seen, last_seen=story.last_seen,
            salient_orgs=frozenset(_root(o, gazetteer) for o in story.organisations),
            deal_pairs=frozenset(p for p in pairs if len(p) == 2),
        ))
    return known


def _rebuild(store: Store, story_id: int, embed: Embed, gazetteer: Gazetteer, summary_for: SummaryFor) -> int:
    member_ids = store.stories.members([story_id])[story_id]
    members = store.articles.get_many(member_ids)
    if not members:
        return 0
    vectors = embed([embedding_text(a) for a in members])
    centroid = np.asarray(vectors, dtype=np.float32).mean(axis=0)
    norm = float(np.linalg.norm(centroid))
    store.stories.update(story_id, _fields(members, centroid / norm if norm else centroid, gazetteer, summary_for),
                         [])
    findings = [f for a in members for f in extract(a, gazetteer)]
    merged = merge(findings, gazetteer)
    store.partnerships.replace_for_story(story_id, [(m.partnership, m.article_ids) for m in merged])
    return len(merged)


def model_summary(summarize: Callable[[Sequence[str]], list[str]], *, min_words: int = 80) -> SummaryFor:
    """Summaries from a model for real articles; stubs and short items speak for themselves.

    The same rule as the ingest pipeline's (``bot.summaries.plain_summary``), without the cache.
    """
    def summary_for(article: Article) -> str:
        plain = plain_summary(article, min_words=min_words)
        return plain.text if plain is not None else summarize([summary_input(article)])[0]
    return summary_for


def summaries_from(mapping: Mapping[int, str]) -> SummaryFor:
    """A SummaryFor over precomputed summaries (article id -> text), excerpt otherwise."""
    def summary_for(article: Article) -> str:
        return mapping.get(article.id or -1) or default_summary(article)
    return summary_for
