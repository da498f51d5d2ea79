"""Text for models: sentence splitting and removal of page boilerplate (pure)."""

from __future__ import annotations

import re

# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    """inc corp co ltd llc plc mr mrs ms dr prof sr jr st mt no nos vs etc e.g i.e approx dept est fig gov
    jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.u a.i n.y d.c l.a s.f rep sen gen col lt
    capt sgt ave blvd rd al""".split()
)
_BOUNDARY = re.compile(r"""(?<=[.!?…])["'”’)\]]*(\s+)(?=["'“‘(\[]?[A-Z0-9])""")


def _ends_with_abbreviation(chunk: str) -> bool:
    words = chunk.rstrip().split()
    if not words:
        return False
    last = words[-1].rstrip(".").strip("\"'“”‘’(").casefold()
    if last in _ABBREVIATIONS:
        return True
    # Initials ("J. K. Rowling", "U.S.") and single letters.
    return bool(re.fullmatch(r"(?:[a-z]\.)*[a-z]", last))


def split_sentences(text: str) -> list[str]:
    """Sentences of ``text``; paragraph breaks always end one.

    Survives "Inc.", "U.S.", "Mr.", "3.5", initials, quotes and ellipses.
    """
    out: list[str] = []
    for paragraph in re.split(r"\n\s*\n|\n(?=\s*[-•*] )", text):
        paragraph = " ".join(paragraph.split())
        if not paragraph:
            continue
        start = 0
        pending = ""
        for m in _BOUNDARY.finditer(paragraph):
            chunk = paragraph[start:m.start(1)]
            candidate = pending + chunk
            if _ends_with_abbreviation(chunk) or chunk.rstrip().endswith("..."):
                # "Inc. said" continues; "... And" after an ellipsis usually does too, unless capitalised quote.
                if not (chunk.rstrip().endswith("...") and paragraph[m.end():m.end() + 1].isupper()
                        and not _ends_with_abbreviation(chunk)):
                    pending = candidate + paragraph[m.start(1):m.end()]
                    start = m.end()
                    continue
            out.append(candidate.strip())
            pending = ""
            start = m.end()
        tail = (pending + paragraph[start:]).strip()
        if tail:
            out.append(tail)
    return out


_BOILERPLATE_PARTS = [
    r"comments?\s*(?:\(\d+\))?",
    r"©.*", r"\(c\)\s.*", r"copyright\b.*", r".*all rights reserved\.?",
    r"by\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}(?:\s*(?:,|and|\|)\s*[A-Z][\w.'’ -]+)*",
    r"(?:related|read more|also read|see also|more from|recommended|trending|most read|advertisement)\b.*",
    r"(?:photo|image|picture|credit|source)s?\s*(?::|by)\s.*",
    r"(?:subscribe|sign up|log in|register)\b.*(?:continue|newsletter|read|access|free).*",
    r".*\b(?:we use cookies|accept cookies|cookie (?:policy|settings)|this site uses cookies)\b.*",
    r".*\b(?:paywall|subscribers only|subscriber-only|already a subscriber)\b.*",
    r"(?:click here|share this|follow us|tweet|share on)\b.*",
    r"secured:.*",
]
_BOILERPLATE_LINE = re.compile(r"^\s*(?:" + "|".join(_BOILERPLATE_PARTS) + r")\s*$", re.I)


def clean_for_summary(text: str) -> str:
    """The article's own words: bylines, "Comments", copyright, "Related:" lists, cookie and paywall notices removed."""
    lines = text.replace("\r\n", "\n").split("\n")
    kept: list[str] = []
    skipping_list = False
    for line in lines:
        stripped = line.strip()
        if re.match(r"^(?:related|read more|also read|see also|more from|previously on)\b.*:?\s*$", stripped, re.I):
            skipping_list = True  # the links under a "Related:" heading go too
            continue
        if skipping_list:
            if not stripped:
                skipping_list = False
                kept.append(line)
                continue
            if re.match(r"^[-•*]\s", stripped) or len(stripped.split()) < 12:
                continue
            skipping_list = False
        if stripped and _BOILERPLATE_LINE.match(stripped):
            continue
        if stripped and len(stripped.split()) < 10 and not re.search(r"[.!?:;…\"”’)]$", stripped):
            continue  # headings, decks and captions: labels, not sentences
        kept.append(line)
    out = "\n".join(kept)
    out = re.sub(r"\n{3,}", "\n\n", out)
    return out.strip()
