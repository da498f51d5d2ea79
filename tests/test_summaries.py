"""Summaries of stored articles through the cache: stubs by excerpt, nothing summarised twice."""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from bot.domain import Article
from bot.sources.normalize import content_hash
from bot.store import Store
from bot.summaries import summarize_articles as _summarize_articles
from bot.summaries import summary_lookup
from tests.fakes import FakeExtractive, FakeOptions

BODIES = [
    "Acme Corp signed a partnership with Globex on Tuesday. The deal covers two data centres in Ohio.",
    "Initech shares rose 3.5 percent. The company said revenue reached $2 billion in the quarter.",
    "Researchers released an open model for news summaries. It runs on a laptop.\n\n"
    "Copyright 2024 Example Media. All rights reserved.",
]


def summarize_articles(*args, **kwargs):  # type: ignore[no-untyped-def]
    """The service with every full article long enough for a model (these bodies are short)."""
    return _summarize_articles(*args, **{"min_words": 1, **kwargs})


def _save(store: Store, title: str, text: str, *, kind: str = "full", excerpt: str = "") -> int:
    article = Article(title=title, url=f"https://news.example/{abs(hash(title))}", text=text, kind=kind,  # type: ignore[arg-type]
                      excerpt=excerpt, content_hash=content_hash(title, text or excerpt))
    return store.articles.save(article)[0].id


def _articles(store: Store) -> list[int]:
    ids = [_save(store, f"Story {i}", body) for i, body in enumerate(BODIES)]
    ids.append(_save(store, "A stub", "", kind="stub", excerpt="Globex and Acme extend their deal."))
    return ids


def test_second_run_computes_nothing(store: Store) -> None:
    ids = _articles(store)
    backend = FakeExtractive()
    first = summarize_articles(store, backend, ids, batch_size=2)
    assert (first.computed, first.cached, first.plain) == (3, 0, 1)
    assert [len(c) for c in backend.calls] == [2, 1]
    assert first.summaries[ids[0]].text == "Acme Corp signed a partnership with Globex on"  # 8 words
    assert first.summaries[ids[3]].text == "Globex and Acme extend their deal."
    assert first.summaries[ids[3]].backend == "plain"

    again = FakeExtractive()
    second = summarize_articles(store, again, ids)
    assert again.calls == [] and (second.computed, second.cached) == (0, 3)
    assert second.summaries == first.summaries


def test_stubs_never_reach_the_model_and_boilerplate_is_cleaned(store: Store) -> None:
    ids = _articles(store)
    backend = FakeExtractive(options=FakeOptions(words=400))
    summarize_articles(store, backend, ids)
    sent = [t for call in backend.calls for t in call]
    assert len(sent) == 3 and not any("extend their deal" in t for t in sent)
    assert not any("All rights reserved" in t for t in sent)


def test_changed_generation_option_recomputes_but_batch_size_does_not(store: Store) -> None:
    ids = _articles(store)
    summarize_articles(store, FakeExtractive(), ids)
    same = FakeExtractive(options=FakeOptions(batch_size=64))
    summarize_articles(store, same, ids)
    assert same.computed == 0
    shorter = FakeExtractive(options=FakeOptions(words=3))
    report = summarize_articles(store, shorter, ids)
    assert shorter.computed == 3 and report.summaries[ids[0]].text == "Acme Corp signed"


class _Prompted(FakeExtractive):
    version: ClassVar[str] = "p@v1"

    @property
    def prompt_version(self) -> str:
        return self.version


class _Reprompted(_Prompted):
    version: ClassVar[str] = "p@v2"


def test_changed_prompt_version_recomputes(store: Store) -> None:
    ids = _articles(store)
    summarize_articles(store, _Prompted(), ids)
    unchanged = _Prompted()
    summarize_articles(store, unchanged, ids)
    bumped = _Reprompted()
    summarize_articles(store, bumped, ids)
    assert unchanged.computed == 0 and bumped.computed == 3


def test_changed_article_is_summarised_again(store: Store) -> None:
    ids = _articles(store)
    summarize_articles(store, FakeExtractive(), ids)
    article = store.articles.get(ids[1])
    assert article is not None
    new_text = "Initech shares fell 2 percent after a profit warning. " + article.text
    store.articles.save(replace(article, id=None, text=new_text, content_hash=content_hash(article.title, new_text)))
    backend = FakeExtractive()
    report = summarize_articles(store, backend, ids)
    assert backend.calls == [[new_text]] and report.summaries[ids[1]].text.startswith("Initech shares fell")


def test_progress_counts_only_what_the_model_does(store: Store) -> None:
    ids = _articles(store)
    seen: list[tuple[int, int]] = []
    summarize_articles(store, FakeExtractive(), ids[:2], progress=lambda d, t: seen.append((d, t)), batch_size=1)
    summarize_articles(store, FakeExtractive(), ids, progress=lambda d, t: seen.append((d, t)), batch_size=1)
    assert seen == [(0, 2), (1, 2), (2, 2), (0, 1), (1, 1)]


def test_identical_texts_are_summarised_once(store: Store) -> None:
    a = _save(store, "Wire copy", BODIES[0])
    b = _save(store, "Syndicated copy", BODIES[0])
    backend = FakeExtractive()
    report = summarize_articles(store, backend, [a, b])
    assert backend.computed == 1 and report.summaries[a] == report.summaries[b]


def test_lookup_uses_known_then_cache_then_computes(store: Store) -> None:
    ids = _articles(store)
    backend = FakeExtractive()
    report = summarize_articles(store, backend, ids[:1])
    lookup = summary_lookup(store, backend, report.summaries, min_words=1)
    articles = {a.id: a for a in store.articles.get_many(ids)}
    assert lookup(articles[ids[0]]) == report.summaries[ids[0]].text
    assert lookup(articles[ids[1]]).startswith("Initech shares rose")  # computed now
    assert lookup(articles[ids[1]]).startswith("Initech shares rose")  # and cached
    assert lookup(articles[ids[3]]) == "Globex and Acme extend their deal."
    assert backend.computed == 2


def test_a_teaser_that_names_nobody_gets_its_headline(store: Store) -> None:
    teaser = _save(store, "What Acme and Globex's deal means for chips", "", kind="stub",
                   excerpt="What happens when a cloud giant teams up with a model hub?")
    naming = _save(store, "Acme and Globex sign", "", kind="stub", excerpt="Acme signed with Globex on Monday.")
    report = summarize_articles(store, FakeExtractive(), [teaser, naming])
    assert report.summaries[teaser].text == ("What Acme and Globex's deal means for chips. "
                                             "What happens when a cloud giant teams up with a model hub?")
    assert report.summaries[naming].text == "Acme signed with Globex on Monday."


def test_short_articles_are_their_own_summary_at_the_default_length(store: Store) -> None:
    short = _save(store, "Acme and Globex sign", "Acme signed a deal with Globex. " * 3)
    long_text = " ".join(f"Sentence {i} says Acme and Globex did something together." for i in range(12))
    long = _save(store, "Acme and Globex, at length", long_text)
    backend = FakeExtractive()
    report = _summarize_articles(store, backend, [short, long])
    assert backend.calls == [[long_text]] and report.plain == 1
    assert report.summaries[short].text == "Acme signed a deal with Globex. " * 2 + "Acme signed a deal with Globex."
