"""One story per event: greedy clustering of articles over embeddings and organisations.

Embeddings alone do not separate events well (an FTC inquiry into AI deals reads
much like the deals themselves), so the organisations each article is about
carry as much weight:

- an article that reports a deal (an organisation pair) joins a story about the
  same pair, or a near-duplicate without a deal; never a story about another deal;
- an article without a deal joins a close story that shares a salient
  organisation (one named in its title or lead) and reports no deal either;
- dated articles only join stories within ``window_days``; an article whose date
  we only estimated (no date in the source) is matched on content alone.
Different events between the same companies stay apart through the time window.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np

Pair = frozenset[str]


@dataclass(frozen=True)
class StoryDoc:
    """What clustering needs to know about one article."""

    article_id: int
    embedding: np.ndarray
    published: datetime | None
    date_estimated: bool = False
    salient_orgs: frozenset[str] = frozenset()
    deal_pairs: frozenset[Pair] = frozenset()


@dataclass(frozen=True)
class KnownStory:
    """A stored story new coverage may join."""

    story_id: int
    centroid: np.ndarray
    size: int
    first_seen: datetime | None
    last_seen: datetime | None
    salient_orgs: frozenset[str] = frozenset()
    deal_pairs: frozenset[Pair] = frozenset()


@dataclass(frozen=True)
class ClusterParams:
    window_days: float = 14.0
    # Cosine similarity (MiniLM) above which two texts are the same report.
    duplicate: float = 0.80
    # Same deal pair: only a loose topical match is needed.
    same_deal: float = 0.40
    # No deal on either side: a shared salient organisation plus this similarity.
    related: float = 0.55


@dataclass
class Cluster:
    story_id: int | None
    centroid_sum: np.ndarray
    size: int
    first_seen: datetime | None
    last_seen: datetime | None
    salient_orgs: set[str] = field(default_factory=set)
    deal_pairs: set[Pair] = field(default_factory=set)
    new_article_ids: list[int] = field(default_factory=list)

    @property
    def centroid(self) -> np.ndarray:
        norm = float(np.linalg.norm(self.centroid_sum))
        return self.centroid_sum / norm if norm else self.centroid_sum


def _within(cluster: Cluster, doc: StoryDoc, window_days: float) -> bool:
    if doc.date_estimated or doc.published is None or cluster.first_seen is None or cluster.last_seen is None:
        return True
    if doc.published < cluster.first_seen:
        gap = cluster.first_seen - doc.published
    elif doc.published > cluster.last_seen:
        gap = doc.published - cluster.last_seen
    else:
        return True
    return gap.total_seconds() <= window_days * 86400


def _joinable(cluster: Cluster, doc: StoryDoc, sim: float, params: ClusterParams) -> bool:
    if doc.deal_pairs and cluster.deal_pairs and not doc.deal_pairs & cluster.deal_pairs:
        return False
    if sim >= params.duplicate:
        return True
    if doc.deal_pairs or cluster.deal_pairs:
        return bool(doc.deal_pairs & cluster.deal_pairs) and sim >= params.same_deal
    return bool(doc.salient_orgs & cluster.salient_orgs) and sim >= params.related


def _absorb(cluster: Cluster, doc: StoryDoc) -> None:
    cluster.centroid_sum = cluster.centroid_sum + doc.embedding
    cluster.size += 1
    cluster.salient_orgs |= doc.salient_orgs
    cluster.deal_pairs |= doc.deal_pairs
    cluster.new_article_ids.append(doc.article_id)
    if doc.published is not None and not doc.date_estimated:
        cluster.first_seen = min(filter(None, (cluster.first_seen, doc.published)))
        cluster.last_seen = max(filter(None, (cluster.last_seen, doc.published)))


def cluster_articles(
    docs: Sequence[StoryDoc],
    known: Sequence[KnownStory] = (),
    params: ClusterParams = ClusterParams(),
) -> list[Cluster]:
    """Assign each doc to a known story or a new cluster.

    Returns every cluster that gained articles (known ones keep their
    ``story_id``; new ones have ``story_id=None``).
    """
    clusters = [
        Cluster(
            story_id=k.story_id,
            centroid_sum=k.centroid * max(1, k.size),
            size=max(1, k.size),
            first_seen=k.first_seen,
            last_seen=k.last_seen,
            salient_orgs=set(k.salient_orgs),
            deal_pairs=set(k.deal_pairs),
        )
        for k in known
    ]
    # Dated reports first, oldest first, so a story's anchor is its earliest coverage;
    # undated ones then attach to whichever story they match best.
    ordered = sorted(docs, key=lambda d: (d.date_estimated or d.published is None,
                                          d.published.timestamp() if d.published else 0.0,
                                          d.article_id))
    for doc in ordered:
        best: Cluster | None = None
        best_sim = -1.0
        for cluster in clusters:
            if not _within(cluster, doc, params.window_days):
                continue
            sim = float(cluster.centroid @ doc.embedding)
            if sim > best_sim and _joinable(cluster, doc, sim, params):
                best, best_sim = cluster, sim
        if best is None:
            best = Cluster(story_id=None, centroid_sum=np.zeros_like(doc.embedding), size=0,
                           first_seen=None, last_seen=None)
            clusters.append(best)
        _absorb(best, doc)
    return [c for c in clusters if c.new_article_ids]
