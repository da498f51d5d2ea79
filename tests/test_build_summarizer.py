"""build_summarizer: the config's backend, model, batch size and options, abstractive ones guarded."""

from __future__ import annotations

import pytest

from bot.config import settings_from_dict
from bot.errors import ConfigError
from bot.factories import build_summarizer
from bot.nlp.summarizers.auto import AutoSummarizer
from bot.nlp.summarizers.guarded import FaithfulnessGuard
from bot.nlp.summarizers.seq2seq import DEFAULT_SEQ2SEQ_MODEL, Seq2SeqOptions, Seq2SeqSummarizer


def test_default_is_auto_on_distilbart() -> None:
    summarizer = build_summarizer(settings_from_dict({}))
    assert isinstance(summarizer, AutoSummarizer) and summarizer.model == DEFAULT_SEQ2SEQ_MODEL
    assert summarizer.extractive.name == "extractive"


def test_seq2seq_is_guarded_and_takes_batch_size_and_options_from_config() -> None:
    settings = settings_from_dict({"summarizer": {"backend": "seq2seq", "model": "/models/bart", "batch_size": 3,
                                                  "options": {"num_beams": 2}}})
    summarizer = build_summarizer(settings)
    assert isinstance(summarizer, FaithfulnessGuard) and isinstance(summarizer.inner, Seq2SeqSummarizer)
    options = summarizer.inner.options
    assert isinstance(options, Seq2SeqOptions) and (options.batch_size, options.num_beams) == (3, 2)
    assert summarizer.inner.model == "/models/bart"
    overridden = build_summarizer(settings, batch_size=16, model="/models/other")
    assert isinstance(overridden, FaithfulnessGuard)
    assert overridden.inner.options.batch_size == 16 and overridden.inner.model == "/models/other"  # type: ignore[attr-defined]


def test_config_options_stay_with_the_configured_backend() -> None:
    settings = settings_from_dict({"summarizer": {"backend": "seq2seq", "options": {"num_beams": 2}}})
    # --backend extractive on the command line must not be handed seq2seq's options.
    assert build_summarizer(settings, backend="extractive").name == "extractive"


def test_unknown_option_or_backend_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="summarizer.options.beams"):
        build_summarizer(settings_from_dict({"summarizer": {"backend": "seq2seq", "options": {"beams": 2}}}))
    with pytest.raises(ConfigError, match="unknown backend 'bart'"):
        build_summarizer(settings_from_dict({"summarizer": {"backend": "bart"}}))


def test_endpoint_output_is_guarded_too() -> None:
    settings = settings_from_dict({"summarizer": {"backend": "endpoint", "options": {"url": "http://127.0.0.1:9"}}})
    summarizer = build_summarizer(settings)
    assert isinstance(summarizer, FaithfulnessGuard) and summarizer.inner.name == "endpoint"
