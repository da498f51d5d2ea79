from __future__ import annotations

from datetime import datetime, timezone

from bot.domain import Article, Partnership
from bot.sources.normalize import content_hash
from bot.store import Store, StoryFields

D1 = datetime(2024, 1, 25, tzinfo=timezone.utc)
D2 = datetime(2023, 2, 28, tzinfo=timezone.utc)


def _article(store: Store, title: str, url: str, provider: str) -> int:
    article = Article(title=title, url=url, text=title, provider=provider, published=D1,
                      content_hash=content_hash(title, title))
    return store.articles.save(article)[0].id


def _fields(headline: str) -> StoryFields:
    return StoryFields(headline=headline, url=None, summary="s", first_seen=D1, last_seen=D1, topics=("AI",),
                       organisations=("Google Cloud", "Hugging Face"), quality=10.0, heat=None,
                       centroid=(0.1, 0.2))


def test_story_membership_outlets_and_moves(store: Store) -> None:
    a = _article(store, "A", "https://one.example/a", "One")
    b = _article(store, "B", "https://two.example/b", "Two")
    s1 = store.stories.create(_fields("first"), [a, b])
    story = store.stories.get(s1)
    assert story is not None and story.article_ids == (a, b)
    assert story.outlets == (("One", "https://one.example/a"), ("Two", "https://two.example/b"))
    assert story.organisations == ("Google Cloud", "Hugging Face")
    assert store.stories.story_of(a) == s1
    # Moving every article away removes the emptied story.
    s2 = store.stories.create(_fields("second"), [a, b])
    assert store.stories.get(s1) is None and store.stories.story_of(b) == s2
    assert [s.id for s in store.stories.list()] == [s2]
    assert store.stories.centroids()[s2][0] == [0.1, 0.2]


def test_partnerships_pairs_are_unordered_and_forgettable(store: Store) -> None:
    a = _article(store, "A", "https://one.example/a", "One")
    b = _article(store, "B", "https://two.example/b", "Two")
    record = Partnership(org_a="Hugging Face", org_b="Google Cloud", kind="partnership", status="new", date=D1,
                         what="AI infrastructure", evidence="...", confidence=0.9)
    pid = store.partnerships.save(record, [a])
    older = Partnership(org_a="Hugging Face", org_b="Amazon Web Services", kind="partnership", status="new",
                        date=D2, what="open-source ML", evidence="...", confidence=0.9)
    store.partnerships.save(older, [b])
    [got] = store.partnerships.for_pair("Google Cloud", "Hugging Face")
    assert got.id == pid and got.article_urls == ("https://one.example/a",)
    assert [p.org_a for p in store.partnerships.involving(["Hugging Face"])] == ["Google Cloud", "Amazon Web Services"]
    store.partnerships.save(got, [a, b])
    assert store.partnerships.article_ids(pid) == [a, b]
    store.partnerships.forget_articles([a, b])
    assert store.partnerships.all() == []
