"""Is an abstractive summary faithful to its source?  Numbers and names must come from it (pure).

Abstractive models invent figures and people; a digest line that misstates a
deal's value or partner is worse than a plain extract.  The check is lexical and
deliberately simple: every number in the summary must be in the source (3.5bn,
$3.5 billion and 3,500 million are one value; "two" in the source covers "2"),
and every capitalised word must occur in the source in some case.  Words that are
capitalised only for being first in a sentence (The, However, In ...), months,
days and a few titles are not names and are not checked.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

_SCALES = {
    "thousand": 1e3, "k": 1e3,
    "million": 1e6, "mn": 1e6, "m": 1e6, "mln": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9,
    "trillion": 1e12, "tn": 1e12, "tr": 1e12,
}
_NUMBER = re.compile(
    r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?"
    r"(?:\s*(thousand|million|billion|trillion)\b|(k|mn|mln|m|bn|b|tn|tr)\b)?",
    re.IGNORECASE,
)
_NUMBER_WORDS = {
    w: i for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split())
} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
     "hundred": 100, "thousand": 1000, "dozen": 12, "half": 0.5, "single": 1, "twice": 2, "double": 2,
     "triple": 3, "once": 1}

# Capitalised without being names: sentence openers, calendar words, titles, common acronyms.
_NOT_NAMES = frozenset("""
a an the this that these those there here it its he she they we you i his her their our my your
and but or nor so yet for if when while after before as because although though since until unless
in on at by of to from with without into onto over under about above below between among through
during against across after before per via than then also still even just only not no yes
however meanwhile moreover furthermore instead indeed thus therefore overall additionally finally
first second third next last new other another both each every all some many most more such
according despite including while whether what which who whom whose where why how
is are was were be been will would can could should may might must has have had do does did
mr mrs ms dr prof sir madam
monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
ceo cfo cto coo ai ml llm api tv pm am
""".split())

_WORD = re.compile(r"[^\W_][\w'’&.]*", re.UNICODE)


def _value(digits: str, fraction: str | None) -> float:
    return float(digits.replace(",", "") + (fraction or ""))


def numbers(text: str) -> list[tuple[str, float, float]]:
    """(as written, value, value with its scale word applied) for each number in ``text``."""
    out = []
    for m in _NUMBER.finditer(text):
        value = _value(m.group(1), m.group(2))
        unit = (m.group(3) or m.group(4) or "").lower()
        out.append((m.group(0).strip(), value, value * _SCALES.get(unit, 1.0)))
    return out


def _source_values(source: str) -> list[float]:
    values = [v for _, raw, scaled in numbers(source) for v in (raw, scaled)]
    for word in re.findall(r"[a-z]+", source.lower()):
        if word in _NUMBER_WORDS:
            values.append(float(_NUMBER_WORDS[word]))
    return values


def _close(value: float, candidates: Iterable[float]) -> bool:
    return any(math.isclose(value, c, rel_tol=1e-9, abs_tol=1e-9) for c in candidates)


def _norm(word: str) -> str:
    word = re.sub(r"['’]s$", "", word).rstrip(".'’&")
    return word.replace(".", "").casefold()


def _words(text: str) -> set[str]:
    found = set()
    for token in _WORD.findall(text):
        found.add(_norm(token))
        found.update(_norm(part) for part in token.split("-") if part)
    return found


def _looks_like_name(part: str) -> bool:
    # Capitalised (Globex, U.S., H100) or inner capitals (iPhone, eBay).
    return part[:1].isupper() or bool(re.match(r"^[a-z]+[A-Z]", part))


def names(text: str) -> list[str]:
    """The words of ``text`` that look like names (see the module's note on what is left out)."""
    out = []
    for token in re.findall(r"[^\W_][\w'’&.-]*", text):
        for part in token.split("-"):
            part = re.sub(r"['’]s$", "", part).rstrip(".'’&")
            if not part or not _looks_like_name(part) or part[0].isdigit():
                continue
            if _norm(part) in _NOT_NAMES:
                continue
            out.append(part)
    return out


def unsupported(summary: str, source: str) -> list[str]:
    """Numbers and names in ``summary`` that ``source`` does not contain, in order, each once."""
    missing: dict[str, None] = {}
    values = _source_values(source)
    for written, raw, scaled in numbers(summary):
        if not (_close(raw, values) or _close(scaled, values)):
            missing.setdefault(written)
    vocabulary = _words(source)
    for name in names(summary):
        if _norm(name) not in vocabulary:
            missing.setdefault(name)
    return list(missing)


def is_faithful(summary: str, source: str) -> bool:
    return not unsupported(summary, source)
