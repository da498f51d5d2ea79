from __future__ import annotations

from datetime import datetime, timedelta, timezone

import numpy as np

from bot.nlp.stories import KnownStory, StoryDoc, cluster_articles

T0 = datetime(2024, 1, 25, tzinfo=timezone.utc)


def vec(*xs: float) -> np.ndarray:
    v = np.array(xs, dtype=np.float32)
    return v / np.linalg.norm(v)


def doc(i: int, emb: np.ndarray, *, days: float = 0, estimated: bool = False, orgs: tuple[str, ...] = (),
        deal: tuple[str, str] | None = None) -> StoryDoc:
    return StoryDoc(article_id=i, embedding=emb, published=T0 + timedelta(days=days), date_estimated=estimated,
                    salient_orgs=frozenset(orgs), deal_pairs=frozenset([frozenset(deal)]) if deal else frozenset())


def groups(clusters: list) -> list[list[int]]:  # type: ignore[type-arg]
    return sorted(sorted(c.new_article_ids) for c in clusters)


DEAL = ("Google Cloud", "Hugging Face")


def test_same_deal_joins_even_when_wording_differs() -> None:
    docs = [doc(1, vec(1, 0.2, 0), deal=DEAL), doc(2, vec(0.6, 0.8, 0), deal=DEAL),
            doc(3, vec(0.5, 0.5, 0.7), estimated=True, deal=DEAL)]
    assert groups(cluster_articles(docs)) == [[1, 2, 3]]


def test_inquiry_about_deals_stays_apart_from_the_deal() -> None:
    docs = [doc(1, vec(1, 0, 0), deal=DEAL), doc(2, vec(0.7, 0.7, 0), orgs=("FTC", "Google")),
            doc(3, vec(0.6, 0.8, 0.1), orgs=("FTC",))]
    assert groups(cluster_articles(docs)) == [[1], [2, 3]]


def test_different_deals_between_the_same_pair_a_year_apart() -> None:
    docs = [doc(1, vec(1, 0, 0), deal=DEAL), doc(2, vec(1, 0, 0), days=400, deal=DEAL)]
    assert groups(cluster_articles(docs)) == [[1], [2]]


def test_other_deal_never_joins_even_if_similar() -> None:
    docs = [doc(1, vec(1, 0.1, 0), deal=DEAL), doc(2, vec(1, 0.12, 0.3), deal=("AWS", "Hugging Face"))]
    assert groups(cluster_articles(docs)) == [[1], [2]]


def test_near_duplicates_join_without_organisations() -> None:
    docs = [doc(1, vec(1, 0.1, 0)), doc(2, vec(1, 0.12, 0))]
    assert groups(cluster_articles(docs)) == [[1, 2]]


def test_new_coverage_joins_a_known_story() -> None:
    known = KnownStory(story_id=7, centroid=vec(1, 0.2, 0), size=3, first_seen=T0, last_seen=T0,
                       deal_pairs=frozenset([frozenset(DEAL)]))
    [cluster] = cluster_articles([doc(9, vec(0.7, 0.7, 0), days=1, deal=DEAL)], [known])
    assert cluster.story_id == 7 and cluster.new_article_ids == [9] and cluster.size == 4
