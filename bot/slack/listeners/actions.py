"""Buttons: "did you mean Hugging Face?" under an unknown organisation runs that /partnerships."""

from __future__ import annotations

import re
from typing import Any

from slack_bolt import Ack, App, Respond

from bot.answers import partnerships_command
from bot.slack.blocks import SUGGESTION_ACTION, Message, answer_message
from bot.slack.services import replying_errors, services


def register(app: App) -> None:
    svc = services(app)

    @app.action(re.compile(rf"^{SUGGESTION_ACTION}:\d+$"))
    def on_suggestion(ack: Ack, action: dict[str, Any], body: dict[str, Any], respond: Respond) -> None:
        ack()
        # An ephemeral "did you mean" is replaced by the answer; a shared one stays and the answer is private.
        replace = bool(body.get("container", {}).get("is_ephemeral"))

        def private(message: Message) -> None:
            respond(text=message.text, blocks=message.blocks, response_type="ephemeral",
                    replace_original=replace)

        with replying_errors(private):
            private(answer_message(partnerships_command(svc.answer_context(), str(action.get("value") or ""))))
