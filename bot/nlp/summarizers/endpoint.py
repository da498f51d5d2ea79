"""Summaries from a Hugging Face Inference Endpoint or a text-generation-inference server.

Moves the model off the bot's machine: replicas share one GPU server.  Speaks
the endpoint's `summarization` task or TGI's `text-generation` through
huggingface_hub's InferenceClient.  The token comes from the environment only.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import ClassVar, Literal

from huggingface_hub import InferenceClient
from huggingface_hub.errors import HfHubHTTPError, InferenceTimeoutError, OfflineModeIsEnabled
from pydantic import Field, field_validator

from bot.domain import Summary
from bot.errors import ModelError
from bot.nlp.summarizers.base import BackendOptions, Summarizer, register


class EndpointOptions(BackendOptions):
    url: str = Field(..., description="The endpoint or TGI server URL.")
    task: Literal["summarization", "text-generation"] = "summarization"
    # Name of the environment variable holding the token (never the token itself).
    token_env: str = "HF_TOKEN"
    timeout: float = Field(60.0, gt=0)
    max_new_tokens: int = Field(120, ge=1)
    # Only for text-generation: how the article is put to an instruction-tuned model.
    prompt: str = "Summarise this news article in two or three sentences.\n\nArticle:\n{text}\n\nSummary:"
    max_input_chars: int = Field(6000, ge=100)

    @field_validator("url")
    @classmethod
    def _http(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError(f"{value!r} is not an http(s) URL")
        return value

    @field_validator("prompt")
    @classmethod
    def _has_slot(cls, value: str) -> str:
        if "{text}" not in value:
            raise ValueError("the prompt must contain {text} where the article goes")
        return value


@register
class EndpointSummarizer(Summarizer):
    name: ClassVar[str] = "endpoint"
    abstractive: ClassVar[bool] = True
    Options: ClassVar[type[BackendOptions]] = EndpointOptions

    def __init__(self, model: str, options: BackendOptions, *, client: InferenceClient | None = None) -> None:
        super().__init__(model, options)
        assert isinstance(options, EndpointOptions)
        self.opts = options
        self._client = client

    @property
    def prompt_version(self) -> str:
        return self.opts.prompt if self.opts.task == "text-generation" else ""

    def _get_client(self) -> InferenceClient:
        if self._client is None:
            self._client = InferenceClient(
                model=self.opts.url, token=os.environ.get(self.opts.token_env) or None, timeout=self.opts.timeout
            )
        return self._client

    def _one(self, text: str) -> str:
        client = self._get_client()
        text = text[: self.opts.max_input_chars]
        try:
            if self.opts.task == "summarization":
                out = client.summarization(text, generate_parameters={"max_new_tokens": self.opts.max_new_tokens})
                return out.summary_text.strip()
            generated = client.text_generation(
                self.opts.prompt.format(text=text), max_new_tokens=self.opts.max_new_tokens
            )
            return str(generated).strip()
        except InferenceTimeoutError:
            raise ModelError(
                f"summariser endpoint {self.opts.url} timed out after {self.opts.timeout:.0f}s",
                hint="raise summarizer.options.timeout or check the server's load",
            ) from None
        except HfHubHTTPError as exc:
            status = exc.response.status_code if exc.response is not None else "?"
            hint = (f"set {self.opts.token_env} to a valid token" if status in (401, 403)
                    else "check summarizer.options.url and that the server is up")
            raise ModelError(f"summariser endpoint {self.opts.url} answered HTTP {status}", hint=hint) from None
        except OfflineModeIsEnabled:
            # huggingface_hub applies HF_HUB_OFFLINE to every URL, our own server included.
            raise ModelError(
                f"HF_HUB_OFFLINE is set, and huggingface_hub then refuses to call {self.opts.url}",
                hint="unset HF_HUB_OFFLINE for the bot (it only needs it for local models, which load from disk anyway)",
            ) from None
        except OSError as exc:
            raise ModelError(f"cannot reach summariser endpoint {self.opts.url}: {exc}",
                             hint="check summarizer.options.url and that the server is up") from None

    def summarize(self, texts: Sequence[str]) -> list[Summary]:
        return [Summary(text=self._one(t), backend=self.name, model=self.model) for t in texts]
