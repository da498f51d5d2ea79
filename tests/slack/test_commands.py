"""Slash commands through the HTTP-mode app: signed requests in, acks back, answers to response_url."""

from __future__ import annotations

import threading
from collections.abc import Sequence

import numpy as np
from slack_sdk import WebClient

from bot.nlp.orgs import load_gazetteer
from bot.slack.app import make_app
from bot.store.slack import Subscription
from tests.slack.conftest import CHANNEL, NOW, SECRET, USER, SignedSlack, TrackingExecutor, World
from tests.slack.limits import check_message, check_safe
from tests.slack.standin import SlackStandIn
from tests.test_storying import _bag_of_words


def test_partnerships_acks_at_once_and_answers_at_response_url(slack: SignedSlack, standin: SlackStandIn,
                                                                executor: TrackingExecutor) -> None:
    reply = slack.command("/partnerships", "hugging face")
    assert (reply.status, reply.body) == (200, "")
    assert reply.seconds < 1.0
    executor.drain()
    [response] = standin.to("/respond/cmd")
    assert response.body == {
        "text": "Partnerships of Hugging Face: *Google Cloud*: partnership on AI infrastructure, 22 Nov 2026",
        "blocks": [
            {"type": "header", "text": {"type": "plain_text", "text": "Partnerships of Hugging Face", "emoji": True}},
            {"type": "section", "text": {"type": "mrkdwn",
                                         "text": "2 partnerships with 2 organisations, newest first."}},
            {"type": "section", "text": {"type": "mrkdwn",
                                         "text": "*Google Cloud*: partnership on AI infrastructure, 22 Nov 2026"}},
            {"type": "context", "elements": [{"type": "mrkdwn", "text":
                "<https://wire.example/gc-hf|Wire: Google Cloud partners with Hugging Face on AI infrastructure>"
                " (22 Nov 2026) · <https://daily.example/hf-gc?a=1&amp;b=2|Daily: Hugging Face picks Google Cloud "
                "for training> (22 Nov 2026)"}]},
            {"type": "section", "text": {"type": "mrkdwn",
                                         "text": "*Amazon Web Services*: partnership on open-source ML, 26 Jan 2026"}},
            {"type": "context", "elements": [{"type": "mrkdwn", "text":
                "<https://old.example/aws-hf|Old: AWS teams up with Hugging Face> (26 Jan 2026)"}]},
        ],
        "response_type": "ephemeral",
        "replace_original": False,
    }
    assert not standin.to("chat.postMessage")


def test_ack_does_not_wait_for_the_work(world: World, standin: SlackStandIn, client: WebClient,
                                        executor: TrackingExecutor) -> None:
    release = threading.Event()

    def slow_embed(texts: Sequence[str]) -> np.ndarray:
        assert release.wait(10), "never released"
        return _bag_of_words(texts)

    app = make_app(world.settings, store=world.store, client=client, orgs=load_gazetteer(), embed=slow_embed,
                   signing_secret=SECRET, listener_executor=executor, clock=lambda: NOW)
    from bot.slack.server import make_server

    server = make_server(app, host="127.0.0.1", port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        slack = SignedSlack(f"http://127.0.0.1:{server.server_address[1]}/slack/events", standin)
        reply = slack.command("/news", "search hugging face cloud")
        assert reply.status == 200 and reply.seconds < 1.0
        assert not standin.to("/respond/")  # the answer is still being worked out
        release.set()
        executor.drain()
        [response] = standin.to("/respond/cmd")
        assert response.body["blocks"][0]["text"]["text"] == "Search: hugging face cloud"
        assert "Google Cloud partners with Hugging Face" in response.body["blocks"][1]["text"]["text"]
    finally:
        release.set()
        server.shutdown()
        server.server_close()


def test_bad_signature_is_refused(slack: SignedSlack, standin: SlackStandIn, executor: TrackingExecutor) -> None:
    reply = slack.command("/partnerships", "latest", signature="v0=" + "0" * 64)
    assert reply.status == 401
    executor.drain()
    assert not standin.to("/respond/")


def test_empty_and_bad_arguments_get_usage_in_the_ack(slack: SignedSlack, standin: SlackStandIn,
                                                      executor: TrackingExecutor) -> None:
    for command, text, problem in (
        ("/news", "", None),
        ("/news", "frobnicate", "I don't know `/news frobnicate`."),
        ("/news", "search", "`/news search` needs some words"),
        ("/news", "subscribe chips at 25:00", "“at 25:00” is not a time"),
        ("/news", "subscribe chips Mars/Olympus", "“Mars/Olympus” is not a time zone"),
        ("/news", "sources please", "`/news sources` takes no arguments"),
        ("/partnerships", "", None),
        ("/partnerships", "help", None),
    ):
        reply = slack.command(command, text)
        assert reply.status == 200 and reply.seconds < 1.0
        ack = reply.json()
        assert ack["response_type"] == "ephemeral"
        check_message(ack)
        usage = ack["blocks"][-2]["text"]["text"]
        assert usage.startswith(f"*{command}* usage:")
        if problem:
            assert ack["blocks"][0]["text"]["text"].startswith(f":warning: {problem}")
    executor.drain()
    assert not standin.to("/respond/")


def test_share_posts_in_channel(slack: SignedSlack, standin: SlackStandIn, executor: TrackingExecutor) -> None:
    slack.command("/news", "ask who has Hugging Face partnered with? share")
    executor.drain()
    [response] = standin.to("/respond/cmd")
    assert response.body["response_type"] == "in_channel"
    assert response.body["blocks"][-1] == {"type": "context", "elements": [{"type": "mrkdwn",
                                                                          "text": f"Asked by <@{USER}>"}]}
    assert "*Google Cloud*" in response.body["blocks"][1]["text"]["text"]


def test_unknown_organisation_offers_buttons_that_answer(slack: SignedSlack, standin: SlackStandIn,
                                                         executor: TrackingExecutor) -> None:
    slack.command("/partnerships", "hugingface")
    executor.drain()
    [response] = standin.to("/respond/cmd")
    actions = response.body["blocks"][-1]
    assert actions["type"] == "actions" and actions["elements"][0]["value"] == "Hugging Face"
    button = actions["elements"][0]
    reply = slack.action({
        "type": "block_actions", "team": {"id": "T0001"}, "user": {"id": USER}, "api_app_id": "A0NEWS",
        "container": {"type": "message", "is_ephemeral": True}, "trigger_id": "1.2",
        "channel": {"id": CHANNEL}, "response_url": standin.response_url("action"),
        "actions": [{"type": "button", "action_id": button["action_id"], "block_id": "b",
                     "value": button["value"], "text": button["text"], "action_ts": "1"}],
    })
    assert reply.status == 200
    executor.drain()
    [answer] = standin.to("/respond/action")
    assert answer.body["replace_original"] is True
    assert answer.body["blocks"][0]["text"]["text"] == "Partnerships of Hugging Face"


def test_subscribe_and_unsubscribe(slack: SignedSlack, standin: SlackStandIn, executor: TrackingExecutor,
                                   world: World) -> None:
    slack.command("/news", "subscribe chips, hugging face at 9:30 Europe/Paris")
    executor.drain()
    assert world.store.slack.subscription(CHANNEL) == Subscription(
        channel=CHANNEL, topics=("chips", "hugging face"), at_time="09:30", tz="Europe/Paris",
        weekdays=(0, 1, 2, 3, 4), created_by=USER)
    [done] = standin.to("/respond/cmd")
    assert done.body["text"] == (":white_check_mark: This channel gets a daily digest at 09:30 Europe/Paris on "
                                 "weekdays about chips, hugging face. `/news unsubscribe` stops it.")
    slack.command("/news", "unsubscribe", response="unsub")
    executor.drain()
    assert world.store.slack.subscription(CHANNEL) is None
    assert "stopped" in standin.to("/respond/unsub")[0].body["text"]


def test_sources_show_last_errors(slack: SignedSlack, standin: SlackStandIn, executor: TrackingExecutor,
                                  world: World) -> None:
    ok = world.store.sources.ensure("https://good.example/feed", "feed", "Good feed")
    bad = world.store.sources.ensure("https://bad.example/feed", "feed", "<!channel> Bad feed")
    world.store.sources.record_fetch(ok.id, ok=True)
    world.store.sources.record_fetch(bad.id, ok=False, error="HTTP 503 from https://bad.example/feed")
    slack.command("/news", "sources")
    executor.drain()
    [response] = standin.to("/respond/cmd")
    check_message(response.body)
    first = response.body["blocks"][2]["text"]["text"]
    assert first.startswith("*&lt;!channel&gt; Bad feed* `https://bad.example/feed`\nnever read successfully\n")
    assert "HTTP 503 from https://bad.example/feed" in first


def test_digest_preview_is_private_and_marks_nothing(slack: SignedSlack, standin: SlackStandIn,
                                                     executor: TrackingExecutor, world: World) -> None:
    slack.command("/news", "digest")
    executor.drain()
    preview, hint = standin.to("/respond/cmd")
    assert preview.body["response_type"] == "ephemeral"
    check_message(preview.body)
    assert "`/news digest share`" in hint.body["text"]
    assert not standin.to("chat.postMessage") and not world.store.slack.posted_story_ids(CHANNEL)


def test_digest_share_posts_once_then_has_nothing_new(slack: SignedSlack, standin: SlackStandIn,
                                                      executor: TrackingExecutor, world: World) -> None:
    slack.command("/news", "digest share")
    executor.drain()
    [post] = standin.posted()
    assert post.body["channel"] == CHANNEL and "thread_ts" not in post.body
    check_message(post.body)
    check_safe(post.body)
    assert world.store.slack.posted_story_ids(CHANNEL) == set(world.story_ids.values())
    assert standin.to("/respond/cmd")[0].body["text"] == f"Posted 3 stories to {CHANNEL} in 1 message."
    slack.command("/news", "digest share", response="again")
    executor.drain()
    assert len(standin.posted()) == 1
    assert standin.to("/respond/again")[0].body["text"] == f"No new stories for {CHANNEL}."


def test_slack_errors_become_one_private_message(slack: SignedSlack, standin: SlackStandIn,
                                                 executor: TrackingExecutor, world: World) -> None:
    standin.script("chat.postMessage", 200, {"ok": False, "error": "not_in_channel"})
    slack.command("/news", "digest share")
    executor.drain()
    [response] = standin.to("/respond/cmd")
    assert response.body["response_type"] == "ephemeral"
    assert response.body["text"] == (f":warning: Slack refused to post to {CHANNEL}: not_in_channel\n"
                                     "invite the bot to the channel first: /invite @newsbot")
    assert not world.store.slack.posted_story_ids(CHANNEL)
