"""`newsbot summarize`: JSONL texts in, JSONL summaries out, resumable.

Input lines are ``{"id": ..., "text": ...}``; output lines are ``{"id", "summary",
"backend", "model"}``.  Ids already in the output are skipped, and each batch is
appended and flushed as soon as it is done, so an interrupted run loses at most
the batch it was in and a re-run carries on from there.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.errors import NewsbotError
from bot.nlp.summarizers.base import Summarizer
from bot.nlp.text import clean_for_summary

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Row:
    id: Any  # a string or an integer, written back as given
    text: str

    @property
    def key(self) -> str:
        return json.dumps(self.id)


@dataclass(frozen=True)
class BadLine:
    line: int
    problem: str


@dataclass
class FileReport:
    written: int = 0
    skipped: int = 0  # already in the output
    bad: list[BadLine] = field(default_factory=list)

    def line(self) -> str:
        return f"{self.written} summarised, {self.skipped} already done, {len(self.bad)} bad lines"


def parse_line(raw: str) -> Row:
    """One input line as a Row; ValueError says what is wrong with it."""
    try:
        value = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(value, dict):
        raise ValueError('expected an object like {"id": "a1", "text": "..."}')
    missing = [k for k in ("id", "text") if k not in value]
    if missing:
        raise ValueError(f"missing {' and '.join(repr(k) for k in missing)}")
    if isinstance(value["id"], bool) or not isinstance(value["id"], (str, int)) or value["id"] == "":
        raise ValueError("'id' must be a non-empty string or an integer")
    if not isinstance(value["text"], str):
        raise ValueError("'text' must be a string")
    return Row(id=value["id"], text=value["text"])


def read_rows(path: Path) -> tuple[list[Row], list[BadLine]]:
    rows: list[Row] = []
    bad: list[BadLine] = []
    try:
        with path.open(encoding="utf-8") as handle:
            for number, raw in enumerate(handle, start=1):
                if not raw.strip():
                    continue
                try:
                    rows.append(parse_line(raw))
                except ValueError as exc:
                    bad.append(BadLine(number, str(exc)))
    except (OSError, UnicodeDecodeError) as exc:
        raise NewsbotError(f"{path}: cannot read it: {exc}") from None
    return rows, bad


def finished_ids(path: Path) -> set[str]:
    """Ids (as JSON) already in the output.  A line cut off by an interruption is removed first."""
    if not path.exists():
        return set()
    try:
        data = path.read_bytes()
        if data and not data.endswith(b"\n"):
            # The run was killed mid-write: drop the torn line, so appending starts on a fresh one.
            keep = data.rfind(b"\n") + 1
            with path.open("r+b") as handle:
                handle.truncate(keep)
            data = data[:keep]
    except OSError as exc:
        raise NewsbotError(f"{path}: cannot read the output to resume from: {exc}") from None
    done = set()
    for raw in data.decode("utf-8", errors="replace").splitlines():
        try:
            value = json.loads(raw)
        except json.JSONDecodeError:
            continue
        if isinstance(value, dict) and "id" in value:
            done.add(json.dumps(value["id"]))
    return done


def _batches(rows: list[Row], size: int) -> Iterator[list[Row]]:
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


def summarize_file(source: Path, target: Path, summarizer: Summarizer, *, batch_size: int = 8,
                   progress: Progress | None = None) -> FileReport:
    rows, bad = read_rows(source)
    report = FileReport(bad=bad)
    done = finished_ids(target)
    todo: list[Row] = []
    for row in rows:
        if row.key in done:
            report.skipped += 1
            continue
        done.add(row.key)  # a repeated id in the input is summarised once
        todo.append(row)
    if progress is not None:
        progress(0, len(todo))
    if not todo:
        return report
    try:
        out = target.open("a", encoding="utf-8")
    except OSError as exc:
        raise NewsbotError(f"{target}: cannot write summaries: {exc}") from None
    with out:
        for batch in _batches(todo, batch_size):
            summaries = summarizer.summarize([clean_for_summary(r.text) for r in batch])
            lines = [json.dumps({"id": row.id, "summary": summary.text, "backend": summary.backend,
                                 "model": summary.model}, ensure_ascii=False) + "\n"
                     for row, summary in zip(batch, summaries, strict=True)]
            try:
                out.write("".join(lines))
                out.flush()
                os.fsync(out.fileno())
            except OSError as exc:
                raise NewsbotError(f"{target}: cannot write summaries: {exc}") from None
            report.written += len(batch)
            if progress is not None:
                progress(report.written, len(todo))
    return report
