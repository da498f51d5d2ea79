"""Answers over a small stored world: partners, pairs, latest, questions, thread context."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from bot.answers import AnswerContext, answer_query
from bot.domain import Article
from bot.nlp.orgs import load_gazetteer
from bot.storying import update_stories
from tests.test_storying import _bag_of_words


def _at(day: int, month: int = 3) -> datetime:
    return datetime(2025, month, day, 12, tzinfo=timezone.utc)


@pytest.fixture
def ctx(store) -> AnswerContext:  # type: ignore[no-untyped-def]
    gazetteer = load_gazetteer()
    ids = []
    for title, url, when in (
        ("Google Cloud partners with Hugging Face on AI infrastructure", "https://a.test/gc-hf", _at(2)),
        ("Amazon Web Services teams up with Hugging Face on open-source machine learning", "https://b.test/aws-hf",
         _at(5, 1)),
        ("Google invests in Kite Semiconductor to co-design AI chips", "https://c.test/google-kite", _at(9)),
        ("FTC opens inquiry into cloud providers' AI partnerships", "https://d.test/ftc", _at(10)),
    ):
        art = Article(title=title, url=url, text=title, provider=url.split("/")[2], published=when)
        ids += [s.id for s in store.articles.save(art)]
    update_stories(store, ids, embed=_bag_of_words, gazetteer=gazetteer)
    return AnswerContext(store=store, orgs=gazetteer, embed=_bag_of_words, now=_at(12))


def test_partners_newest_first_with_sources(ctx: AnswerContext) -> None:
    answer = answer_query(ctx, "/partnerships hugging face")
    assert [i.text.split(":")[0] for i in answer.items] == ["*Google Cloud*", "*Amazon Web Services*"]
    assert answer.items[0].sources[0].url == "https://a.test/gc-hf"
    assert "AI infrastructure" in answer.items[0].text and "2 Mar 2025" in answer.items[0].text


def test_parent_organisation_includes_its_units(ctx: AnswerContext) -> None:
    answer = answer_query(ctx, "/partnerships alphabet")
    partners = {i.text.split(":")[0] for i in answer.items}
    assert partners == {"*Hugging Face* (with Google Cloud)", "*Kite Semiconductor* (with Google)"}


def test_pair_latest_and_unknown(ctx: AnswerContext) -> None:
    pair = answer_query(ctx, "/partnerships aws hugging face")
    assert len(pair.items) == 1 and "Amazon Web Services" in pair.title
    latest = answer_query(ctx, "/partnerships latest")
    assert "Kite Semiconductor" in latest.items[0].text
    unknown = answer_query(ctx, "/partnerships hugingface")
    assert unknown.suggestions and unknown.suggestions[0] == "Hugging Face"
    assert answer_query(ctx, "/partnerships").note.startswith("Usage:")


def test_questions_use_stored_deals_and_never_guess(ctx: AnswerContext) -> None:
    chips = answer_query(ctx, "who has Google partnered with on chips?")
    assert [i.text.split(":")[0] for i in chips.items] == ["*Kite Semiconductor*"]
    none = answer_query(ctx, "who has Microsoft partnered with on quantum computing?")
    assert not none.items and "No stored partnership of Microsoft" in none.note
    nothing = answer_query(ctx, "what happened with lithium mining in Chile?")
    assert not nothing.items and "won't guess" in nothing.note


def test_thread_context(ctx: AnswerContext) -> None:
    story = next(s for s in ctx.store.stories.list() if "Google Cloud" in s.headline)
    sources = answer_query(ctx, "source?", context_story_id=story.id)
    assert [i.sources[0].url for i in sources.items] == ["https://a.test/gc-hf"]
    others = answer_query(ctx, "who else did they partner with?", context_story_id=story.id)
    assert any("Amazon Web Services" in i.text for i in others.items)


def test_a_government_answers_to_any_spelling(store) -> None:  # type: ignore[no-untyped-def]
    gazetteer = load_gazetteer()
    art = Article(title="Greece signs up OpenAI", url="https://e.test/greece", provider="e.test", published=_at(3),
                  text="The Greek government signed a memorandum of understanding with OpenAI on Friday.")
    update_stories(store, [s.id for s in store.articles.save(art)], embed=_bag_of_words, gazetteer=gazetteer)
    ctx = AnswerContext(store=store, orgs=gazetteer, embed=_bag_of_words, now=_at(12))
    for query in ("/partnerships greek government", "/partnerships government of greece"):
        answer = answer_query(ctx, query)
        assert "Government of Greece" in answer.title, query
        assert [i.text.split(":")[0] for i in answer.items] == ["*OpenAI*"], query
