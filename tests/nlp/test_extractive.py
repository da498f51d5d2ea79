"""The extractive summariser: selection (pure), the backend, the seeds, and the eval command."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from bot.cli import cli
from bot.errors import ConfigError
from bot.nlp.summarizers.base import parse_options
from bot.nlp.summarizers.extractive import ExtractiveOptions, ExtractiveSummarizer, select
from bot.nlp.text import split_sentences
from bot.storying import model_summary


def _one_hot(n: int, same: dict[int, int] | None = None) -> np.ndarray:
    vectors = np.eye(n, dtype=np.float32)
    for i, j in (same or {}).items():
        vectors[i] = vectors[j]
    return vectors


SENTENCES = [
    "Acme Corp said on Monday it would build a factory in Ohio for its new batteries.",
    "The factory will employ two thousand people when it opens in two years.",
    "Acme Corp said on Monday that it would build a battery factory in Ohio soon.",
    '"We are thrilled to be here in this wonderful state today," the governor said.',
    "Analysts expect the plant to lower the cost of each battery by a fifth.",
    "Shares rose.",
]


def test_select_prefers_the_lead_skips_repeats_quotes_and_fragments() -> None:
    opts = ExtractiveOptions(target_words=40)
    keep = select(SENTENCES, _one_hot(6, {2: 0}), opts)
    assert keep == [0, 1, 4]  # 2 repeats 0, 3 is a quote, 5 is too short


def test_select_stops_near_the_target_length() -> None:
    assert select(SENTENCES, _one_hot(6), ExtractiveOptions(target_words=15, min_sentences=1)) == [0]
    assert select([], np.zeros((0, 4)), ExtractiveOptions()) == []


def test_backend_batches_and_keeps_order() -> None:
    calls: list[int] = []

    def embed(texts):  # type: ignore[no-untyped-def]
        calls.append(len(texts))
        return _one_hot(len(texts))

    backend = ExtractiveSummarizer("", ExtractiveOptions(target_words=20), embed=embed)
    out = backend.summarize([" ".join(SENTENCES), "(CNN)Only one sentence here, and it is long enough."])
    assert len(calls) == 1  # one embedding call for the whole batch
    assert out[0].text.startswith("Acme Corp said on Monday it would build")
    assert out[1].text == "Only one sentence here, and it is long enough."
    assert out[0].backend == "extractive"


def test_options_are_strict() -> None:
    with pytest.raises(ConfigError, match="summarizer.options"):
        parse_options("extractive", {"target_wrods": 50})


def test_seed_summaries(seeds_dir: Path) -> None:
    """Issue 3: each seed summary has 1-4 sentences, names both partners, and no boilerplate."""
    from bot.sources.files import read_path

    backend = ExtractiveSummarizer("", ExtractiveOptions())
    summary_for = model_summary(lambda texts: [s.text for s in backend.summarize(texts)])
    partners = {
        "000": ("Google", "Hugging Face"), "001": ("Google Cloud", "Hugging Face"),
        "002": ("AWS", "Hugging Face"), "003": ("Microsoft", "Hugging Face"), "004": ("Google", "Hugging Face"),
    }
    for result in read_path(seeds_dir, max_bytes=10**7):
        (article,) = result.articles
        summary = summary_for(article)
        assert 1 <= len(split_sentences(summary)) <= 4, summary
        for name in partners[Path(result.target).name[:3]]:
            assert name in summary, (result.target, summary)
        assert not re.search(r"Comments|All rights reserved|secured:", summary)


def test_eval_command_prints_backend_and_both_baselines(tmp_path: Path) -> None:
    rows = tmp_path / "rows.jsonl"
    rows.write_text(
        '{"id": "1", "article": "(CNN)The city council approved a new park on Monday. The park will open next year. '
        'Residents welcomed the plan at a meeting.", "reference": "The city council approved a new park ."}\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["eval", "summaries", "--dataset", str(rows), "--backend", "extractive"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert any(line.startswith("Lead-3 ") for line in lines)
    assert any(line.startswith("Lead (sentences to 60 words)") for line in lines)
    assert any(line.startswith("extractive") and "ROUGE-Lsum" in line for line in lines)


def test_eval_on_the_shared_dataset_head(eval_dataset: Path) -> None:
    result = CliRunner().invoke(cli, ["eval", "summaries", "--dataset", str(eval_dataset), "--backend",
                                      "extractive", "--limit", "5"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "5 articles" in result.output
