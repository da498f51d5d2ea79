#!/usr/bin/env bash
# Full summary evaluation (issue 3): the extractive backend beside Lead-3 and lead-60-words on the 250
# CNN/DailyMail rows in ../shared/eval, scored as ../shared/eval/README.md prescribes.  Prints figures and
# the wall time; about 3 minutes on 2 CPU cores.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
BACKEND=${1:-extractive}
time HF_HUB_OFFLINE=1 "$PY" -m bot eval summaries --dataset ../shared/eval/cnndm_frank.jsonl --backend "$BACKEND"
