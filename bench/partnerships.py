"""Precision and recall of partnership extraction on every labelled set, pending ones included.

    PYTHONPATH=. python bench/partnerships.py [-v]

tests/data/partnerships_*.yaml are held to P >= 0.9 and R >= 0.8 by the test suite;
tests/data/pending/ holds blind sets the extractor does not meet yet (measured here,
never tuned on until someone takes them on; a set moves up once it passes).
"""

from __future__ import annotations

import sys

from bot.nlp.orgs import load_gazetteer
from tests.nlp.partnership_eval import DATA, load_cases, score


def main(verbose: bool) -> None:
    gazetteer = load_gazetteer()
    names = sorted(p.name for p in DATA.glob("partnerships_*.yaml"))
    names += sorted(f"pending/{p.name}" for p in (DATA / "pending").glob("partnerships_*.yaml"))
    for name in names:
        cases = load_cases(name)
        result = score(cases, gazetteer)
        print(f"{name:<36} {len(cases):>3} articles  {result.line()}")
        if verbose:
            for error in result.errors:
                print(f"    {error}")


if __name__ == "__main__":
    main("-v" in sys.argv[1:])
