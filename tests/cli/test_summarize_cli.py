"""`newsbot summarize`: JSONL in and out, resumable, bad lines named, on fakes and the tiny BART."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner

from bot.cli import cli
from bot.domain import Summary
from bot.nlp.summarizers import base
from tests.fakes import FakeExtractive
from tests.tiny_models import CORPUS


class Flaky(FakeExtractive):
    """Summarises ``budget`` batches, then dies as if interrupted."""

    name: ClassVar[str] = "test-flaky"
    budget: ClassVar[int | None] = None
    seen: ClassVar[list[str]] = []

    def summarize(self, texts: Sequence[str]) -> list[Summary]:
        if type(self).budget is not None:
            if type(self).budget == 0:
                raise KeyboardInterrupt
            type(self).budget -= 1  # type: ignore[operator]
        type(self).seen.extend(texts)
        return super().summarize(texts)


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setitem(base._REGISTRY, Flaky.name, Flaky)
    Flaky.budget, Flaky.seen = None, []
    return tmp_path


def _input(folder: Path, n: int) -> Path:
    path = folder / "in.jsonl"
    path.write_text("".join(json.dumps({"id": f"a{i}", "text": f"Article {i} says Acme met Globex."}) + "\n"
                            for i in range(n)))
    return path


def _rows(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def _run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, ["summarize", *args])


def test_summaries_out_in_input_order(workdir: Path) -> None:
    source = _input(workdir, 5)
    result = _run("--input", str(source), "--output", "out.jsonl", "--backend", "test-flaky", "--batch-size", "2")
    assert result.exit_code == 0, result.output
    rows = _rows(workdir / "out.jsonl")
    assert [r["id"] for r in rows] == [f"a{i}" for i in range(5)]
    assert rows[0] == {"id": "a0", "summary": "Article 0 says Acme met Globex.", "backend": "test-flaky",
                       "model": "first-words"}
    assert result.output.strip().splitlines()[-1] == "5 summarised, 0 already done, 0 bad lines"


def test_interrupted_run_continues_where_it_stopped(workdir: Path) -> None:
    source = _input(workdir, 7)
    args = ("--input", str(source), "--output", "out.jsonl", "--backend", "test-flaky", "--batch-size", "2")
    Flaky.budget = 2
    interrupted = _run(*args)
    assert interrupted.exit_code != 0
    assert [r["id"] for r in _rows(workdir / "out.jsonl")] == ["a0", "a1", "a2", "a3"]  # two whole batches
    Flaky.budget, Flaky.seen = None, []
    resumed = _run(*args)
    assert resumed.exit_code == 0, resumed.output
    assert Flaky.seen == [f"Article {i} says Acme met Globex." for i in range(4, 7)]
    assert [r["id"] for r in _rows(workdir / "out.jsonl")] == [f"a{i}" for i in range(7)]
    assert resumed.output.strip().splitlines()[-1] == "3 summarised, 4 already done, 0 bad lines"
    again = _run(*args)
    assert again.output.strip().splitlines()[-1] == "0 summarised, 7 already done, 0 bad lines"


def test_a_line_torn_by_a_kill_is_redone(workdir: Path) -> None:
    source = _input(workdir, 3)
    out = workdir / "out.jsonl"
    out.write_text(json.dumps({"id": "a0", "summary": "x", "backend": "b", "model": "m"}) + '\n{"id": "a1", "summ')
    result = _run("--input", str(source), "--output", str(out), "--backend", "test-flaky")
    assert result.exit_code == 0, result.output
    assert [r["id"] for r in _rows(out)] == ["a0", "a1", "a2"]


def test_bad_lines_are_named_and_the_rest_summarised(workdir: Path) -> None:
    source = workdir / "in.jsonl"
    source.write_text("\n".join([
        json.dumps({"id": 1, "text": "Acme met Globex."}),
        "{not json",
        json.dumps({"id": "x"}),
        json.dumps(["id", "text"]),
        json.dumps({"id": True, "text": "t"}),
        "",
        json.dumps({"id": "ok", "text": "Globex met Acme."}),
        json.dumps({"id": "ok", "text": "A repeated id is done once."}),
    ]) + "\n")
    result = _run("--input", str(source), "--output", "out.jsonl", "--backend", "test-flaky")
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert [e.split(": ", 2)[1].rsplit(":", 1)[1] for e in errors] == ["2", "3", "4", "5"]
    assert "not JSON" in errors[0] and "missing 'text'" in errors[1] and "expected an object" in errors[2]
    assert [r["id"] for r in _rows(workdir / "out.jsonl")] == [1, "ok"]


def test_unknown_backend_says_which_exist(workdir: Path) -> None:
    result = _run("--input", str(_input(workdir, 1)), "--output", "out.jsonl", "--backend", "nope")
    assert result.exit_code == 1 and "unknown backend 'nope'" in result.output and "seq2seq" in result.output


def test_tiny_bart_end_to_end(workdir: Path, tiny_bart: Path) -> None:
    source = workdir / "in.jsonl"
    source.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(CORPUS)))
    (workdir / "newsbot.yaml").write_text(
        f"summarizer:\n  backend: seq2seq\n  model: {tiny_bart}\n  options: {{max_new_tokens: 6, num_beams: 1}}\n")
    result = _run("--input", str(source), "--output", "out.jsonl", "--batch-size", "2")
    assert result.exit_code == 0, result.output
    rows = _rows(workdir / "out.jsonl")
    assert [r["id"] for r in rows] == list(range(len(CORPUS)))
    # The random model's words are its own, or the faithfulness guard's extract.
    for row, text in zip(rows, CORPUS):
        assert (row["backend"], row["model"]) == ("seq2seq", str(tiny_bart)) or \
            (row["backend"] == "extractive" and str(row["summary"]) in text)
