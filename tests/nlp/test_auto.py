"""The auto backend's fallback and the faithfulness guard's swap, with fake backends."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bot.errors import ConfigError
from bot.nlp.summarizers import backend_class, parse_options
from bot.nlp.summarizers.auto import AutoSummarizer
from bot.nlp.summarizers.guarded import FaithfulnessGuard
from bot.nlp.summarizers.seq2seq import Seq2SeqSummarizer
from tests.fakes import FakeAbstractive, FakeExtractive, FakeOptions

ARTICLE = "Acme Corp signed a partnership with Globex on Tuesday to build two data centres in Ohio."


@pytest.fixture(autouse=True)
def _offline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")


def _auto(model: str, extractive: FakeExtractive, **options: object) -> AutoSummarizer:
    return AutoSummarizer(model, parse_options("auto", {"max_new_tokens": 6, "num_beams": 1, **options}),
                          extractive=extractive)


def test_falls_back_to_extractive_with_one_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    extractive = FakeExtractive()
    auto = _auto(str(tmp_path / "missing-model"), extractive)
    with caplog.at_level(logging.WARNING):
        first = auto.summarize([ARTICLE])
        second = auto.summarize([ARTICLE, "Another article about Acme."])
    assert [s.backend for s in first + second] == ["test-extractive"] * 3
    assert first[0].text == " ".join(ARTICLE.split()[:8])
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1
    message = warnings[0].getMessage()
    assert "extractive" in message and "no model folder" in message and "save_pretrained" in message
    assert auto.cache_key() == extractive.cache_key()


def test_uncached_hub_model_falls_back_saying_how_to_fill_the_cache(caplog: pytest.LogCaptureFixture) -> None:
    auto = _auto("newsbot-tests/no-such-model", FakeExtractive())
    with caplog.at_level(logging.WARNING):
        auto.load()
    [record] = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert "HF_HUB_OFFLINE" in record.getMessage() and "local folder" in record.getMessage()


def test_uses_seq2seq_when_the_model_loads(tiny_bart: Path, caplog: pytest.LogCaptureFixture) -> None:
    extractive = FakeExtractive()
    auto = _auto(str(tiny_bart), extractive)
    with caplog.at_level(logging.WARNING):
        chosen = auto.choose()
        out = auto.summarize([ARTICLE, ""])
    assert not [r for r in caplog.records if r.levelno == logging.WARNING]
    assert isinstance(chosen, FaithfulnessGuard) and isinstance(chosen.inner, Seq2SeqSummarizer)
    assert chosen.inner.model == str(tiny_bart)
    # Whatever the random model wrote, each summary is its own or an announced swap.
    assert all(s.backend == "seq2seq" or (s.backend == "test-extractive" and s.note) for s in out[:1])
    key = auto.cache_key()
    assert key.backend == "seq2seq" and key.model == str(tiny_bart) and key.prompt.startswith("bart@")


def test_auto_options_are_strict_and_name_the_nested_key() -> None:
    with pytest.raises(ConfigError, match="summarizer.options.num_beams"):
        parse_options("auto", {"num_beams": "many"})
    with pytest.raises(ConfigError, match="summarizer.options.extractive.no_such_knob"):
        AutoSummarizer("x", parse_options("auto", {"extractive": {"no_such_knob": 1}}))


def test_auto_gets_the_registered_extractive_backend() -> None:
    auto = backend_class("auto")("x", parse_options("auto", {}))
    assert isinstance(auto, AutoSummarizer) and auto.extractive.name == "extractive"


def test_guard_swaps_an_invented_name_for_the_extractive_summary(caplog: pytest.LogCaptureFixture) -> None:
    honest = "Acme Corp partnered with Globex."
    made_up = "Acme Corp partnered with Initech."
    abstractive = FakeAbstractive(lambda text: made_up if "Ohio" in text else honest)
    extractive = FakeExtractive()
    guard = FaithfulnessGuard(abstractive, extractive)
    other = "Acme Corp and Globex agreed a deal in Texas."
    with caplog.at_level(logging.INFO, logger="bot.nlp.summarizers.guarded"):
        out = guard.summarize([ARTICLE, other])
    assert out[0].text == " ".join(ARTICLE.split()[:8]) and out[0].backend == "test-extractive"
    assert "'Initech'" in out[0].note
    assert out[1].text == honest and out[1].backend == "test-abstractive" and out[1].note == ""
    assert extractive.calls == [[ARTICLE]]  # only the failing article goes to the fallback
    [record] = [r for r in caplog.records if "faithfulness guard" in r.getMessage()]
    assert "Initech" in record.getMessage()


def test_guard_swaps_an_invented_number() -> None:
    guard = FaithfulnessGuard(FakeAbstractive(lambda text: "Acme will build 3 data centres."), FakeExtractive())
    [summary] = guard.summarize([ARTICLE])
    assert summary.backend == "test-extractive" and "'3'" in summary.note


def test_guard_has_its_own_cache_key() -> None:
    abstractive = FakeAbstractive()
    guard = FaithfulnessGuard(abstractive, FakeExtractive())
    assert guard.cache_key() != abstractive.cache_key()
    assert guard.cache_key().backend == abstractive.cache_key().backend
    # A different fallback makes different replacements.
    assert guard.cache_key() != FaithfulnessGuard(abstractive, FakeExtractive(options=FakeOptions(words=3))).cache_key()
