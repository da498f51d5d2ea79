"""Governments as parties: "the Greek government", "the government of Estonia" and "Greece's government"
are one organisation, named "Government of Greece", and "the Icelandic Ministry of Education" belongs to
the Government of Iceland.

Pure data and string functions; orgs.py finds the mentions and the gazetteer resolves the names.
"""

from __future__ import annotations

import re

# Country -> the adjective the press uses for it. Countries whose name takes "the" are listed with it.
COUNTRIES: dict[str, str] = {
    "Albania": "Albanian", "Algeria": "Algerian", "Argentina": "Argentine", "Armenia": "Armenian",
    "Australia": "Australian", "Austria": "Austrian", "Azerbaijan": "Azerbaijani", "Bahrain": "Bahraini",
    "Bangladesh": "Bangladeshi", "Belgium": "Belgian", "Bhutan": "Bhutanese", "Bolivia": "Bolivian",
    "Brazil": "Brazilian", "Bulgaria": "Bulgarian", "Cambodia": "Cambodian", "Canada": "Canadian",
    "Chile": "Chilean", "China": "Chinese", "Colombia": "Colombian", "Costa Rica": "Costa Rican",
    "Croatia": "Croatian", "Cyprus": "Cypriot", "Czechia": "Czech", "Denmark": "Danish", "Ecuador": "Ecuadorian",
    "Egypt": "Egyptian", "Estonia": "Estonian", "Ethiopia": "Ethiopian", "Finland": "Finnish", "France": "French",
    "Georgia": "Georgian", "Germany": "German", "Ghana": "Ghanaian", "Greece": "Greek", "Hungary": "Hungarian",
    "Iceland": "Icelandic", "India": "Indian", "Indonesia": "Indonesian", "Ireland": "Irish", "Israel": "Israeli",
    "Italy": "Italian", "Japan": "Japanese", "Jordan": "Jordanian", "Kazakhstan": "Kazakh", "Kenya": "Kenyan",
    "Kuwait": "Kuwaiti", "Latvia": "Latvian", "Lithuania": "Lithuanian", "Luxembourg": "Luxembourgish",
    "Malaysia": "Malaysian", "Malta": "Maltese", "Mexico": "Mexican", "Moldova": "Moldovan", "Mongolia": "Mongolian",
    "Morocco": "Moroccan", "New Zealand": "New Zealand", "Nigeria": "Nigerian", "Norway": "Norwegian",
    "Oman": "Omani", "Pakistan": "Pakistani", "Panama": "Panamanian", "Peru": "Peruvian", "Poland": "Polish",
    "Portugal": "Portuguese", "Qatar": "Qatari", "Romania": "Romanian", "Rwanda": "Rwandan",
    "Saudi Arabia": "Saudi", "Senegal": "Senegalese", "Serbia": "Serbian", "Singapore": "Singaporean",
    "Slovakia": "Slovak", "Slovenia": "Slovenian", "South Africa": "South African", "South Korea": "South Korean",
    "Spain": "Spanish", "Sri Lanka": "Sri Lankan", "Sweden": "Swedish", "Switzerland": "Swiss",
    "Taiwan": "Taiwanese", "Tanzania": "Tanzanian", "Thailand": "Thai", "Tunisia": "Tunisian", "Turkey": "Turkish",
    "Uganda": "Ugandan", "Ukraine": "Ukrainian", "Uruguay": "Uruguayan", "Uzbekistan": "Uzbek",
    "Vietnam": "Vietnamese", "the Netherlands": "Dutch", "the Philippines": "Filipino",
    "the United Arab Emirates": "Emirati", "the United States": "American", "the United Kingdom": "British",
}

# Other spellings of a country, as written before "government" or after "government of".
_SHORT: dict[str, str] = {
    "US": "the United States", "U.S.": "the United States", "USA": "the United States", "America": "the United States",
    "United States": "the United States", "UK": "the United Kingdom", "U.K.": "the United Kingdom",
    "Britain": "the United Kingdom", "United Kingdom": "the United Kingdom", "UAE": "the United Arab Emirates",
    "U.A.E.": "the United Arab Emirates", "United Arab Emirates": "the United Arab Emirates",
    "Netherlands": "the Netherlands", "Holland": "the Netherlands", "Philippines": "the Philippines",
    "Korea": "South Korea", "Republic of Korea": "South Korea", "Czech Republic": "Czechia", "Türkiye": "Turkey",
    "Korean": "South Korea", "Filipino": "the Philippines", "Philippine": "the Philippines",
    "Emirati": "the United Arab Emirates", "American": "the United States", "British": "the United Kingdom",
    "Dutch": "the Netherlands",
}

_BY_WORD: dict[str, str] = {**{c.removeprefix("the "): c for c in COUNTRIES}, **_SHORT,
                            **{d: c for c, d in COUNTRIES.items() if d not in _SHORT}}

COUNTRY_WORDS: frozenset[str] = frozenset(w for w in _BY_WORD if not w.isupper() and "." not in w)
_ALT = "|".join(re.escape(w) for w in sorted(_BY_WORD, key=len, reverse=True))

# "the Greek government", "Estonia's government", "the government of Estonia", "Government of Iceland".
GOVERNMENT = re.compile(
    rf"(?<![\w-])(?:(?P<before>{_ALT})(?:['’]s)?\s+(?:[Nn]ational\s+|[Ff]ederal\s+|[Cc]entral\s+)?[Gg]overnment"
    rf"|[Gg]overnment\s+of\s+(?:the\s+)?(?P<after>{_ALT}))(?![\w-])"
)

# A public body named after its country: "the Icelandic Ministry of Education", "India's Ministry of ...".
_BODY = re.compile(rf"^(?:the\s+)?(?P<place>{_ALT})(?:['’]s)?\s+(?:Ministry|Department|Agency|Office|Authority)\b")


def country(word: str) -> str | None:
    """'Greek', 'Greece', 'UK' -> the country's name ('Greece', 'the United Kingdom'), else None."""
    return _BY_WORD.get(word.strip())


def government_name(place: str) -> str:
    """'Greek' or 'Greece' -> 'Government of Greece'; 'UK' -> 'Government of the United Kingdom'."""
    return f"Government of {country(place) or place}"


_ANY_CASE = {w.casefold(): w for w in _BY_WORD}
_TYPED = re.compile(rf"(?:the\s+)?(?:(?P<before>{_ALT})(?:['’]s)?\s+(?:national\s+|federal\s+|central\s+)?government"
                    rf"|government\s+of\s+(?:the\s+)?(?P<after>{_ALT}))", re.I)


def parse_government(text: str) -> str | None:
    """The government a whole phrase names, in any case ('the Greek government', 'greek government' ->
    'Government of Greece'), else None."""
    m = _TYPED.fullmatch(text.strip())
    if not m:
        return None
    word = m.group("before") or m.group("after")
    return government_name(_ANY_CASE.get(word.casefold(), word))


def government_of_body(name: str) -> str | None:
    """'Icelandic Ministry of Education and Children' -> 'Government of Iceland': the body's government."""
    m = _BODY.match(name)
    return government_name(m.group("place")) if m else None
