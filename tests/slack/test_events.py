"""Mentions, thread replies, retries and the bot's own messages, through signed event requests."""

from __future__ import annotations

from slack_sdk import WebClient

from bot.slack.poster import publish
from tests.slack.conftest import CHANNEL, NOW, USER, SignedSlack, TrackingExecutor, World
from tests.slack.limits import check_message
from tests.slack.standin import BOT_ID, BOT_USER, SlackStandIn


def _post_digest(world: World, client: WebClient) -> str:
    report = publish(client, world.store, world.settings, CHANNEL, now=NOW)
    assert len(report.story_ids) == 3
    return report.message_ts[0]


def _message(text: str, *, ts: str, thread_ts: str | None = None, user: str = USER, **extra: object) -> dict:
    event = {"type": "message", "channel": CHANNEL, "channel_type": "channel", "user": user, "text": text,
             "ts": ts, **extra}
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event


def test_reply_in_digest_thread_answers_about_the_numbered_story(slack: SignedSlack, standin: SlackStandIn,
                                                                  executor: TrackingExecutor, world: World,
                                                                  client: WebClient) -> None:
    root = _post_digest(world, client)
    reply = slack.event(_message("#1 source?", ts="1800000000.000100", thread_ts=root), event_id="Ev1")
    assert reply.status == 200 and reply.seconds < 1.0
    executor.drain()
    answer = standin.posted()[-1]
    assert answer.body["channel"] == CHANNEL and answer.body["thread_ts"] == root
    check_message(answer.body)
    assert answer.body["blocks"][0]["text"]["text"].startswith("Sources: Google Cloud partners with Hugging Face")
    links = [b["elements"][0]["text"] for b in answer.body["blocks"] if b["type"] == "context"]
    assert links[0].startswith("<https://wire.example/gc-hf|Wire: ")


def test_follow_up_in_thread_uses_the_story_as_context(slack: SignedSlack, standin: SlackStandIn,
                                                       executor: TrackingExecutor, world: World,
                                                       client: WebClient) -> None:
    root = _post_digest(world, client)
    slack.event(_message("#1 who else did they partner with?", ts="1800000000.000200", thread_ts=root),
                event_id="Ev2")
    executor.drain()
    answer = standin.posted()[-1]
    assert answer.body["thread_ts"] == root
    texts = " ".join(b["text"]["text"] for b in answer.body["blocks"] if b["type"] == "section")
    assert "*Amazon Web Services*" in texts and "*Google Cloud*" not in texts


def test_ambiguous_thread_question_asks_which_story(slack: SignedSlack, standin: SlackStandIn,
                                                    executor: TrackingExecutor, world: World,
                                                    client: WebClient) -> None:
    root = _post_digest(world, client)
    slack.event(_message("what about lithium?", ts="1800000000.000300", thread_ts=root), event_id="Ev3")
    executor.drain()
    answer = standin.posted()[-1]
    assert answer.body["thread_ts"] == root
    assert "say which one, e.g. “#2 source?”" in answer.body["blocks"][1]["text"]["text"]


def test_mention_elsewhere_is_answered_in_its_thread_and_followups_too(slack: SignedSlack, standin: SlackStandIn,
                                                                       executor: TrackingExecutor) -> None:
    mention = {"type": "app_mention", "channel": CHANNEL, "user": USER, "ts": "1800000000.000400",
               "text": f"<@{BOT_USER}> who has Hugging Face partnered with on AI infrastructure?"}
    slack.event(mention, event_id="Ev4")
    # Slack also sends the same text as a plain message event: answered once, by the mention.
    slack.event(_message(mention["text"], ts=mention["ts"]), event_id="Ev4m")
    executor.drain()
    [answer] = standin.posted()
    assert answer.body["thread_ts"] == mention["ts"]
    assert "*Google Cloud*" in answer.body["blocks"][1]["text"]["text"]
    # Any message in the thread of an answer is answered there, about the answer's story.
    slack.event(_message("source?", ts="1800000000.000500", thread_ts=mention["ts"]), event_id="Ev5")
    executor.drain()
    follow_up = standin.posted()[-1]
    assert follow_up.body["thread_ts"] == mention["ts"]
    assert follow_up.body["blocks"][0]["text"]["text"].startswith("Sources: Google Cloud partners with Hugging Face")


def test_retried_event_is_answered_once(slack: SignedSlack, standin: SlackStandIn, executor: TrackingExecutor) -> None:
    mention = {"type": "app_mention", "channel": CHANNEL, "user": USER, "ts": "1800000000.000600",
               "text": f"<@{BOT_USER}> /partnerships latest"}
    first = slack.event(mention, event_id="EvRetry")
    retries = [slack.event(mention, event_id="EvRetry", retry=n) for n in (1, 2)]
    assert [r.status for r in (first, *retries)] == [200, 200, 200]
    executor.drain()
    [answer] = standin.posted()
    assert answer.body["thread_ts"] == mention["ts"]
    assert answer.body["blocks"][0]["text"]["text"] == "Latest partnerships"


def test_own_and_other_bot_messages_and_unrelated_chatter_are_ignored(slack: SignedSlack, standin: SlackStandIn,
                                                                      executor: TrackingExecutor, world: World,
                                                                      client: WebClient) -> None:
    root = _post_digest(world, client)
    posted = len(standin.posted())
    slack.event(_message("#1 source?", ts="1800000000.000700", thread_ts=root, user=BOT_USER, bot_id=BOT_ID),
                event_id="Ev7")
    slack.event(_message("#1 source?", ts="1800000000.000800", thread_ts=root, user="U0OTHER", bot_id="B0OTHER"),
                event_id="Ev8")
    slack.event(_message("edited", ts="1800000000.000900", thread_ts=root, subtype="message_changed"),
                event_id="Ev9")
    slack.event(_message("lunch anyone?", ts="1800000000.001000"), event_id="Ev10")
    slack.event(_message("source?", ts="1800000000.001100", thread_ts="1700000000.999999"), event_id="Ev11")
    executor.drain()
    assert len(standin.posted()) == posted


def test_direct_message_is_answered(slack: SignedSlack, standin: SlackStandIn, executor: TrackingExecutor) -> None:
    event = {"type": "message", "channel": "D0ALICE", "channel_type": "im", "user": USER,
             "text": "/partnerships hugging face", "ts": "1800000000.001200"}
    slack.event(event, event_id="Ev12")
    executor.drain()
    [answer] = standin.posted()
    assert answer.body["channel"] == "D0ALICE" and "thread_ts" not in answer.body
    assert answer.body["blocks"][0]["text"]["text"] == "Partnerships of Hugging Face"


def test_empty_mention_gets_help(slack: SignedSlack, standin: SlackStandIn, executor: TrackingExecutor) -> None:
    slack.event({"type": "app_mention", "channel": CHANNEL, "user": USER, "ts": "1800000000.001300",
                 "text": f"<@{BOT_USER}>"}, event_id="Ev13")
    executor.drain()
    [answer] = standin.posted()
    assert answer.body["blocks"][0]["text"]["text"].startswith("*/news* usage:")
