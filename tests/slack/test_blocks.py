from __future__ import annotations

from datetime import datetime, timedelta, timezone

from bot.domain import Answer, AnswerItem, Digest, SourceLink, Story
from bot.slack.blocks import answer_message, digest_messages, help_message, sources_message
from bot.store.sources import SourceRecord
from tests.slack.conftest import HOSTILE
from tests.slack.limits import check_message

NOW = datetime(2026, 11, 22, 9, tzinfo=timezone.utc)


def _story(i: int, *, text: str = "", outlets: int = 3) -> Story:
    return Story(id=i, headline=(text or f"Story {i} ") * 40, url=f"https://news.example/{i}?a=1&b=<2>",
                 summary=(text or f"Summary of story {i}. ") * 400, article_ids=(i,),
                 outlets=tuple((f"{text}Outlet {k}", f"https://o{k}.example/{i}") for k in range(outlets)),
                 first_seen=NOW, last_seen=NOW - timedelta(hours=i), topics=(text + "AI", "Chips") * 5)


def test_sixty_long_stories_split_into_valid_messages() -> None:
    digest = Digest(title="News digest for Sunday, 22 November 2026 " + "x" * 200, date=NOW,
                    stories=tuple(_story(i, outlets=12) for i in range(1, 61)))
    messages = digest_messages(digest)
    assert len(messages) > 1
    for message in messages:
        check_message(message.payload())
    # Every story exactly once, in order, numbered 1..60 across the messages.
    assert [i for m in messages for i in m.story_ids] == list(range(1, 61))
    assert [p for m in messages for p in m.positions] == list(range(1, 61))
    assert messages[0].blocks[0]["type"] == "header" and len(messages[0].blocks[0]["text"]["text"]) == 150
    assert all(m.blocks[0]["type"] == "context" and "(continued)" in m.blocks[0]["elements"][0]["text"]
               for m in messages[1:])


def test_hostile_story_is_escaped_and_trimmed() -> None:
    [message] = digest_messages(Digest(title="Digest", date=NOW, stories=(_story(1, text=HOSTILE),)))
    check_message(message.payload())
    section = message.blocks[2]["text"]["text"]
    assert "&lt;!channel&gt;" in section and "&amp;" in section and section.endswith("…")
    assert "&lt;https://evil.example/phish|click here&gt;" in section
    assert section.startswith("*1.* *<https://news.example/1?a=1&amp;b=%3C2%3E|")


def test_empty_digest_says_so() -> None:
    [message] = digest_messages(Digest(title="Digest", date=NOW, stories=()))
    check_message(message.payload())
    assert message.blocks[1]["text"]["text"] == "No new stories since the last digest."


def test_answer_with_many_hostile_items_stays_within_limits() -> None:
    source = SourceLink(title=HOSTILE * 10, url="https://s.example/x|y", provider="<!here>",
                        published=NOW)
    answer = Answer(title=HOSTILE * 5, note=HOSTILE * 100,
                    items=tuple(AnswerItem(text=f"*Item {i}* " + HOSTILE * 60, sources=(source,) * 6)
                                for i in range(60)),
                    suggestions=("Hugging Face", HOSTILE))
    message = answer_message(answer, shared_by="U0ALICE")
    check_message(message.payload())
    assert message.blocks[-3]["elements"][0]["text"].startswith("and ")  # items beyond the limit are counted
    assert [b["value"] for b in message.blocks[-2]["elements"]] == ["Hugging Face", HOSTILE]


def test_help_and_sources() -> None:
    check_message(help_message("/news", problem="I don't know `/news <!channel>`.").payload())
    check_message(help_message("/partnerships").payload())
    records = [SourceRecord(id=i, target=f"https://feed{i}.example/rss", kind="feed", name=None, etag=None,
                            last_modified=None, last_fetched_at=NOW, last_ok_at=None if i % 2 else NOW,
                            last_error=("<!channel> HTTP 500 " * 200) if i % 2 else None,
                            last_error_at=NOW if i % 2 else None) for i in range(80)]
    message = sources_message(records)
    check_message(message.payload())
    assert message.text == "80 sources, 40 failing"
    assert ":warning:" in message.blocks[2]["text"]["text"]  # failing sources first
