"""Posting digests: exact blocks, 429s, long digests in threads, never twice, later coverage in the thread."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from slack_sdk import WebClient

from bot.digest import digest_title
from bot.domain import Article, Digest, Summary
from bot.errors import SlackError
from bot.slack.app import make_client
from bot.slack.blocks import MAX_BLOCKS, digest_messages
from bot.slack.poster import post_digest, prepare_digest, publish
from bot.store import StoryFields
from tests.slack.conftest import CHANNEL, NOW, World
from tests.slack.limits import check_message
from tests.slack.standin import SlackStandIn


def test_digest_blocks_as_posted(world: World, client: WebClient, standin: SlackStandIn) -> None:
    report = publish(client, world.store, world.settings, CHANNEL, now=NOW)
    [post] = standin.posted()
    deal, hostile, speech = (world.story_ids[k] for k in ("deal", "hostile", "speech"))
    assert report.story_ids == (deal, hostile, speech)
    assert post.body["channel"] == CHANNEL and post.body["unfurl_links"] is False
    blocks = post.body["blocks"]
    assert blocks[:4] == [
        {"type": "header", "text": {"type": "plain_text", "text": "News digest for Sunday, 22 November 2026",
                                    "emoji": True}},
        {"type": "context", "elements": [{"type": "mrkdwn", "text": "3 stories, most covered first. Reply in this "
                                          "thread to ask about one, e.g. “#1 source?”."}]},
        {"type": "section", "text": {"type": "mrkdwn", "text":
            "*1.* *<https://wire.example/gc-hf|Google Cloud partners with Hugging Face on AI infrastructure>*\n"
            "Hugging Face models will train and run on Google Cloud TPUs under a multi-year deal."}},
        {"type": "context", "elements": [
            {"type": "mrkdwn", "text": "Also covered by <https://daily.example/hf-gc?a=1&amp;b=2|Daily>"},
            {"type": "mrkdwn", "text": "Wire · 22 Nov 2026 · AI, Cloud"}]},
    ]
    assert blocks[4] == {"type": "divider"}
    check_message(post.body)
    assert post.body["text"].startswith("News digest for Sunday, 22 November 2026: 1. Google Cloud partners")


def test_hostile_article_text_pings_no_one_and_links_nowhere(world: World, client: WebClient,
                                                             standin: SlackStandIn) -> None:
    publish(client, world.store, world.settings, CHANNEL, now=NOW)
    [post] = standin.posted()
    check_message(post.body)  # no <!channel>, <!here>, @everyone, evil link; all within limits
    hostile = post.body["blocks"][5]["text"]["text"]
    assert hostile.startswith("*2.* *<https://hostile.example/a?x=%3Cb%3E%7Cc|&lt;!channel&gt; &lt;!here&gt; "
                              "@\u2060everyone @\u2060here wake up &amp; read "
                              "&lt;https://evil.example/phish|click here&gt;")
    assert len(hostile) <= 3000 and hostile.endswith("…")
    assert "x" * 400 in hostile and "x" * 1000 not in hostile  # the 10,000-character summary is trimmed


def test_429_is_waited_out_and_the_message_posted_once(world: World, standin: SlackStandIn) -> None:
    standin.script("chat.postMessage", 429, {"ok": False, "error": "ratelimited"}, {"Retry-After": "1"})
    client = make_client(world.settings, token="xoxb-test")  # our client: with the rate-limit retry handler
    client.base_url = standin.api_url
    report = publish(client, world.store, world.settings, CHANNEL, now=NOW)
    limited, posted = standin.to("chat.postMessage")
    assert (limited.status, posted.status) == (429, 200)
    assert posted.at - limited.at >= 1.0  # Retry-After honoured
    assert posted.body == limited.body
    assert report.message_ts == ("1700000000.000001",)
    assert len(world.store.slack.posted_stories(CHANNEL)) == 3


def test_without_the_retry_handler_a_429_fails_loudly(world: World, standin: SlackStandIn) -> None:
    standin.script("chat.postMessage", 429, {"ok": False, "error": "ratelimited"}, {"Retry-After": "1"})
    bare = WebClient(token="xoxb-test", base_url=standin.api_url)
    with pytest.raises(SlackError, match="ratelimited"):
        publish(bare, world.store, world.settings, CHANNEL, now=NOW)
    assert not world.store.slack.posted_story_ids(CHANNEL)


def test_long_digest_continues_in_thread_within_limits(world: World, client: WebClient,
                                                       standin: SlackStandIn) -> None:
    base = world.store.stories.get(world.story_ids["speech"])
    assert base is not None
    stories = tuple(replace(base, id=1000 + i, headline=f"Story {i} " * 60, summary="Long summary. " * 500)
                    for i in range(60))
    report = post_digest(client, world.store, Digest(title=digest_title(NOW), date=NOW, stories=stories), CHANNEL)
    posts = standin.posted()
    assert len(posts) == len(report.message_ts) > 1
    root = report.message_ts[0]
    assert "thread_ts" not in posts[0].body and all(p.body["thread_ts"] == root for p in posts[1:])
    for post in posts:
        check_message(post.body)
        assert len(post.body["blocks"]) <= MAX_BLOCKS
    assert report.story_ids == tuple(1000 + i for i in range(60))
    # Every story's thread is the digest's thread, whatever message it landed in.
    assert {p.thread_ts for p in world.store.slack.posted_stories(CHANNEL)} == {root}
    assert [p.position for p in world.store.slack.posted_stories(CHANNEL)] == list(range(1, 61))


def test_a_story_is_never_posted_twice_to_a_channel(world: World, client: WebClient, standin: SlackStandIn) -> None:
    publish(client, world.store, world.settings, CHANNEL, now=NOW)
    assert len(standin.posted()) == 1
    # Even a digest built without knowing what was posted (e.g. by hand) leaves them out.
    everything = Digest(title="again", date=NOW, stories=tuple(world.store.stories.list()))
    assert post_digest(client, world.store, everything, CHANNEL).story_ids == ()
    assert publish(client, world.store, world.settings, CHANNEL, now=NOW + timedelta(hours=1)).story_ids == ()
    assert len(standin.posted()) == 1
    # Another channel is another matter.
    assert len(publish(client, world.store, world.settings, "C0OTHER", now=NOW).story_ids) == 3


def test_later_coverage_goes_to_the_story_thread_once(world: World, client: WebClient,
                                                      standin: SlackStandIn) -> None:
    first = publish(client, world.store, world.settings, CHANNEL, now=NOW)
    root = first.message_ts[0]
    later = NOW + timedelta(hours=3)
    new_id = world.store.articles.save(Article(
        title="Analysts weigh the Google Cloud and Hugging Face deal <!channel>", url="https://later.example/gc-hf",
        text="More on the deal.", provider="Later & Co", published=later))[0].id
    world.store.stories.update(world.story_ids["deal"], None, [new_id])
    second = publish(client, world.store, world.settings, CHANNEL, now=later + timedelta(hours=1))
    assert second.story_ids == () and second.coverage_updates == 1
    update = standin.posted()[-1]
    assert update.body["thread_ts"] == root
    check_message(update.body)
    assert update.body["blocks"][0]["text"]["text"] == (
        "*More coverage of #1 <https://wire.example/gc-hf|Google Cloud partners with Hugging Face on AI "
        "infrastructure>*\n• <https://later.example/gc-hf|Analysts weigh the Google Cloud and Hugging Face deal "
        "&lt;!channel&gt;> — Later &amp; Co")
    third = publish(client, world.store, world.settings, CHANNEL, now=later + timedelta(hours=2))
    assert third.coverage_updates == 0 and len(standin.posted()) == 2


def test_since_reaches_back_beyond_lookback_and_digest_is_a_preview(world: World) -> None:
    older = world.store.stories.get(world.story_ids["speech"])
    assert older is not None
    far = NOW + timedelta(days=30)
    assert prepare_digest(world.store, world.settings, CHANNEL, now=far).stories == ()
    found = prepare_digest(world.store, world.settings, CHANNEL, now=far, since=NOW - timedelta(days=2))
    assert {s.id for s in found.stories} == set(world.story_ids.values())
    assert not world.store.slack.posted_story_ids(CHANNEL)
    for message in digest_messages(found):
        check_message(message.payload())


class _Summarizer:
    def __init__(self) -> None:
        self.texts: list[str] = []

    def summarize(self, texts: list[str]) -> list[Summary]:
        self.texts += texts
        return [Summary(text=f"summary of {t[:20]}", backend="fake", model="fake") for t in texts]


def test_stories_without_a_summary_get_one_from_the_summarizer(world: World) -> None:
    story_id = world.story_ids["speech"]
    story = world.store.stories.get(story_id)
    assert story is not None
    fields = StoryFields(headline=story.headline, url=story.url, summary="", first_seen=story.first_seen,
                         last_seen=story.last_seen, topics=story.topics, organisations=story.organisations,
                         quality=None, heat=None, centroid=None)
    world.store.stories.update(story_id, fields, [])
    summarizer = _Summarizer()
    digest = prepare_digest(world.store, world.settings, CHANNEL, now=NOW, summarizer=summarizer)  # type: ignore[arg-type]
    by_id = {s.id: s for s in digest.stories}
    assert by_id[story_id].summary == "summary of Vireo releases open-"
    assert len(summarizer.texts) == 1  # only the story that had none
