"""Summary evaluation on a reference set, scored as ../shared/eval/README.md prescribes.

rouge-score with stemming (ROUGE-1, ROUGE-2, ROUGE-Lsum F-measure, mean x100);
references have " ." turned into "."; reference and candidate are split into
sentences and joined with newlines for Lsum.  Lead baselines come from the same
run and the same sentence splitter, so the comparison is fair.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.errors import ConfigError
from bot.nlp.summarizers.extractive import prepare
from bot.nlp.text import split_sentences


@dataclass(frozen=True)
class EvalRow:
    id: str
    article: str
    reference: str


@dataclass(frozen=True)
class Rouge:
    rouge1: float
    rouge2: float
    rougeLsum: float  # noqa: N815 (the metric's own name)

    def line(self, label: str) -> str:
        return f"{label:<32} ROUGE-1 {self.rouge1:6.2f}  ROUGE-2 {self.rouge2:6.2f}  ROUGE-Lsum {self.rougeLsum:6.2f}"


def load_rows(path: Path, limit: int | None = None) -> list[EvalRow]:
    if not path.is_file():
        raise ConfigError(f"no evaluation dataset at {path}", hint="pass --dataset ../shared/eval/cnndm_frank.jsonl")
    rows = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
                rows.append(EvalRow(str(data["id"]), data["article"], data["reference"]))
            except (json.JSONDecodeError, KeyError) as exc:
                raise ConfigError(f"{path}:{n}: not a row with id, article and reference ({exc})") from None
            if limit is not None and len(rows) >= limit:
                break
    return rows


def lead_n(article: str, n: int = 3) -> str:
    return " ".join(prepare(article)[:n])


def lead_words(article: str, words: int = 60) -> str:
    out: list[str] = []
    total = 0
    for sentence in prepare(article):
        if total >= words:
            break
        out.append(sentence)
        total += len(sentence.split())
    return " ".join(out)


def _lsum_form(text: str) -> str:
    return "\n".join(split_sentences(text))


def score(candidates: Sequence[str], references: Sequence[str]) -> Rouge:
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    totals = {"rouge1": 0.0, "rouge2": 0.0, "rougeLsum": 0.0}
    for cand, ref in zip(candidates, references, strict=True):
        ref = ref.replace(" .", ".")
        result = scorer.score(_lsum_form(ref), _lsum_form(cand))
        for key in totals:
            totals[key] += result[key].fmeasure
    n = max(1, len(candidates))
    return Rouge(*(100 * totals[k] / n for k in ("rouge1", "rouge2", "rougeLsum")))


def batched(items: Sequence[EvalRow], size: int) -> Iterator[Sequence[EvalRow]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def run_backend(rows: Sequence[EvalRow], summarize: Callable[[Sequence[str]], list[str]], batch_size: int,
                progress: Callable[[int], None] | None = None) -> list[str]:
    out: list[str] = []
    for batch in batched(rows, batch_size):
        out += summarize([r.article for r in batch])
        if progress is not None:
            progress(len(batch))
    return out
