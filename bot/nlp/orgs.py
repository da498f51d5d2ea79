"""Organisations: the gazetteer, alias resolution and finding names in text.

The gazetteer ships as data (bot/data/organisations.yaml) and users extend it
in config.  Organisations it does not know are still found when their name
carries a corporate cue ("Kestrel Robotics", "Acme Inc.") or, in
``partnerships``, when they fill the subject or object of a deal verb.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from difflib import get_close_matches
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from bot.domain import Organisation
from bot.errors import ConfigError
from bot.nlp.governments import COUNTRIES, COUNTRY_WORDS, GOVERNMENT, government_of_body, parse_government

_KINDS = {"company", "lab", "university", "regulator", "government", "nonprofit", "investor"}

# Legal suffixes: "Hugging Face Inc." is Hugging Face.
_LEGAL = (r"(?:,?\s+(?:Inc|Corp|Corporation|Co|Ltd|Limited|LLC|L\.L\.C|PLC|Plc|plc|GmbH|AG|SA|S\.A|SE|NV|N\.V|BV|B\.V|"
          r"AB|ASA|AS|Oyj|Oy|A/S|SpA|S\.p\.A|KK|K\.K|Pte|Pty|LP|L\.P)\.?)")
_LEGAL_RE = re.compile(_LEGAL + r"+$")

# Words that make a capitalised name an organisation even when we don't know it.
CORPORATE_CUES = frozenset(
    """Inc Inc. Corp Corp. Corporation Ltd Ltd. LLC PLC plc GmbH AG AI Labs Lab Technologies Technology
    Systems Software Semiconductor Semiconductors Robotics Networks Group Holdings Bank Capital Ventures
    Health Healthcare Therapeutics Biosciences Bio Pharma Pharmaceuticals Cloud Computing Data Analytics
    Media Studios Motors Energy Airlines University Institute Foundation Industries Electronics Telecom
    Communications Solutions Dynamics Security Games Interactive Financial Insurance Logistics Microsystems
    Devices Automotive Aerospace Bancorp Partners Research Intelligence Quantum Biotech Mobility Digital
    Silicon Retail Foods Materials Chemicals Brands Hardware Platforms Services Microelectronics Photonics
    Therapeutics Diagnostics Genomics Medical Clinic Hospital Hospitals College School Academy Trust
    Oy Oyj BV B.V NV N.V SA S.A SE AB ASA A/S SpA KK Pte Pty Mobile Payments Pay Fintech
    Association League Federation Council Authority Agency Society Club Union Alliance System Compute Publishing Publishers
    Securities Investments Ads Advertising Laboratory Laboratories""".split()
)
# "St Aldric's Hospital": a possessive inside an institution's own name does not end it.
_POSSESSIVE_NAMES = frozenset({"Hospital", "Hospitals", "College", "School", "Infirmary", "Clinic"})

# Capitalised words that start sentences or name things other than organisations.
_NOT_NAMES = frozenset(
    """The A An This That These Those It Its In On At For From With By Of And Or But As If When While After
    Before Until Through According Under Over Into About Also Both Each Every Other Another Some Many Most Among
    Today Yesterday Tomorrow Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March
    April May June July August September October November December CEO CTO CFO COO Chief President Chairman
    Founder Co-founder Mr Mrs Ms Dr Prof He She They We I You Our Their His Her What Why How Who Where Which
    New Read More Related Comments Photo Image Source Update Updated Exclusive Breaking Analysis Opinion
    Here There Now Then Such Than So Not No Yes All Any Last Next First Second Third One Two Three Four Five
    Partnership Partnerships Partners Partner Deal Deals Alliance Collaboration Investment Agreement
    Introduction Conclusion Challenges Role Potential Questions Why Building Exploring Strategic Challenging
    Separately Meanwhile However Additionally Elsewhere Earlier Later Instead Overall Still Yet Alongside Besides
    AI ML LLM LLMs GPU GPUs TPU TPUs API APIs US U.S. U.S UK U.K. U.K EU A.I. A.I Executives
    IoT IT AR VR XR EV EVs 5G 6G HR PC PCs SaaS ESG IPO RAN O-RAN vRAN Q&A FAQ
    Share Tweet Email Print Save Comment Subscribe OEM Company DRAM HBM NAND SSD CPU CPUs NPU
    Should Would Could Can Will Shall Must Might Do Does Did Is Are Was Were Shares Stock Stocks To Unit
    EUR USD GBP JPY CNY RMB INR KRW AED SAR CHF CAD AUD SGD HKD Rs Rp Won Yen Euro Euros
    Neither Either None Nobody Private Public GW MW kW GWh MWh TWh kWh TW Early Recent Initial Further""".split()
) | frozenset(
    # Conferences ("Salesforce used Dreamforce to widen its ties with OpenAI") and chief executives known by
    # surname ("Huang's keynote") are no parties.
    """Dreamforce re:Invent CES Computex MWC VivaTech WWDC GTC Ignite Davos SXSW
    Huang Altman Musk Nadella Pichai Zuckerberg Amodei Jassy Benioff Ellison Hassabis Suleyman Gelsinger Ambani""".split()
)
# Well-known AI products: "Claude comes to Azure" names Anthropic's model, not a party to a deal.
PRODUCT_NAMES = frozenset(
    """Claude ChatGPT Gemini Llama Grok Copilot Siri Alexa Bard Sora Whisper Codex Firefly Agentforce Joule
    Watsonx watsonx Bedrock Vertex Stargate""".split()
)

# Who makes them: "Instacart opens a grocery store inside ChatGPT" is a deal with OpenAI.
PRODUCT_MAKERS: dict[str, str] = {"ChatGPT": "OpenAI", "Claude": "Anthropic", "Gemini": "Google", "Copilot": "Microsoft",
                                  "Alexa": "Amazon", "Siri": "Apple", "Grok": "xAI", "Llama": "Meta"}

# Places are capitalised too: "based in Cambridge, Massachusetts" names no party.
PLACES = frozenset(
    """Nordics Benelux Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii Idaho
    Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi
    Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah Vermont Virginia
    Washington Wisconsin Wyoming America Europe Asia Africa Australia Canada Mexico Brazil Argentina Britain
    England Scotland Ireland France Germany Spain Italy Portugal Netherlands Belgium Switzerland Austria Sweden
    Norway Denmark Finland Poland Israel India China Japan Korea Taiwan Singapore Thailand Vietnam Indonesia
    Malaysia Philippines Dubai Emirates Saudi Arabia Qatar Egypt Nigeria Kenya Cambridge Boston London Paris Berlin
    Munich Tokyo Seoul Beijing Shanghai Shenzhen Bangalore Bengaluru Mumbai Delhi Toronto Montreal Vancouver
    Sydney Melbourne Zurich Amsterdam Stockholm Helsinki Dublin Madrid Barcelona Milan Rome Chicago Seattle Austin
    Denver Atlanta Miami York Francisco Angeles Diego Jose Palo Alto Redmond Cupertino Menlo
    Cincinnati Pittsburgh Detroit Houston Dallas Phoenix Portland Brooklyn Manhattan Las Vegas Orlando Nashville
    Minneapolis Philadelphia Baltimore Raleigh Sacramento Kingdom
    Northwest Southeast Pacific Atlantic Gulf Abu Dhabi Riyadh Doha Hong Kong Taipei Bangkok Jakarta
    Lagos Nairobi Cairo Tel Aviv Istanbul Moscow Kyiv Warsaw Prague Vienna Brussels Luxembourg Lisbon Oslo
    Copenhagen Geneva Lausanne Hamburg Frankfurt Stuttgart Lyon Toulouse Edinburgh Manchester Oxford Osaka Kyoto
    Hangzhou Guangzhou Hyderabad Chennai Pune Karachi Lahore Dhaka Manila Hanoi Sao Paulo Bogota Lima Santiago
    Ontario Quebec Bavaria Catalonia Virginia Carolina Jersey Colombia Chile Peru Ecuador Uruguay Paraguay
    Bolivia Venezuela Panama Guatemala Cuba Medellin Medellín Bogotá Cali Quito Montevideo Ghana Rwanda Kigali
    Morocco Tunisia Ethiopia Tanzania Uganda Senegal Accra Addis Ababa Johannesburg Cape Town Pretoria
    Bangladesh Pakistan Sri Lanka Nepal Russia Ukraine Turkey Greece Romania Hungary Czechia Slovakia
    Hollywood Bollywood Middle East UAE U.A.E. Gujarat Karnataka Maharashtra Kerala Telangana South North""".split()
) | {c for c in COUNTRIES if " " not in c}

# The press's short forms of US states: "Everett, Wash.", "Redmond, Wash.", "Palo Alto, Calif.".
_STATE_ABBREVIATIONS = frozenset(
    """Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Ky La Md Mass Mich Minn Miss Mo Mont Neb Nev N.H N.J
    N.M N.Y N.C N.D Okla Ore Pa R.I S.C S.D Tenn Tex Vt Va Wash W.Va Wis Wyo""".split()
)
# "Childress, Texas", "Espoo, Finland": what names a town's state or country.
_STATE_OR_COUNTRY = "|".join(
    [re.escape(p) for p in sorted(PLACES | set(COUNTRIES), key=len, reverse=True)
     if p not in ("York", "Francisco", "Angeles", "Diego", "Jose", "South", "North", "Kingdom")]
    + [re.escape(a) + r"\." for a in sorted(_STATE_ABBREVIATIONS, key=len, reverse=True)])

# Nationalities describe a party ("Korean model maker Upstage"); they never are one.
DEMONYMS = frozenset(
    """American British English Scottish Irish French German Spanish Italian Portuguese Dutch Belgian Swiss
    Austrian Swedish Norwegian Danish Finnish Polish Czech Hungarian Greek Turkish Israeli Egyptian Saudi
    Emirati Qatari Indian Pakistani Chinese Japanese Korean South-Korean Taiwanese Singaporean Malaysian
    Indonesian Thai Vietnamese Filipino Australian Canadian Mexican Brazilian Argentine Chilean Nigerian
    Kenyan African European Asian Russian Ukrainian Californian Texan Colombian Peruvian Ecuadorian Uruguayan
    Venezuelan Ghanaian Rwandan Moroccan Ethiopian Tanzanian Ugandan Senegalese Bangladeshi Romanian Latin
    Arabic Hindi Mandarin Cantonese Tamil Telugu Kannada Malayalam Bengali Urdu Swahili Hebrew Persian Farsi
    Emirati Thai Malay Tagalog Nordic Scandinavian Arab""".split()
) | {d for d in COUNTRIES.values() if " " not in d}

# Capital letters beyond ASCII: "Compañía Eléctrica", "Šafránek", "Østergaard".
UPPER = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper() and c.lower() != c)
_MADE_BY = re.compile(r"\b(?:the|its|their)\s+((?-i:" + "|".join(PRODUCT_MAKERS) + r"))[\s-](?:maker|developer|creator|owner|parent)\b"
                      rf"(?!\s+(?-i:[{UPPER}]))", re.I)
_CAP_TOKEN = rf"(?:[{UPPER}][\w&'’.-]*[\w&]|[{UPPER}])"
# A run of capitalised tokens, allowing "&", "of", "de", "for" between them (Bank of America,
# Compañía Eléctrica del Pacífico).
_CAP_RUN = re.compile(
    rf"(?<![\w&'’:-])(?:{_CAP_TOKEN})(?:\s+(?:No\.\s+\d+\b|(?:&\s+|(?:of|de|del|della|des|du|do|da|dos|for)\s+)?"
    rf"(?:{_CAP_TOKEN})))*"  # "No. 1" continues a name: "Engine No. 1"
)
# Capitalised verbs of headline case: they end the name before them and start none.
_HEADLINE_VERBS = frozenset(
    """Selects Selected Chooses Chose Picks Taps Tapped Partners Partnered Teams Signs Signed Inks Strikes Seals Expands
    Extends Deepens Renews Announces Announced Launches Launched Unveils Unveiled Introduces Debuts Joins Joined Forms
    Becomes Named Names Appoints Deploys Adopts Integrates Embeds Collaborates Invests Acquires Acquired Buys Raises
    Reports Posts Completes Enters Wins Lands Secures Receives Powers Brings Opens Agrees Leverages Uses Implements Rolls Licenses
    Licences Backs Funds Hires Reaches Establishes Accelerates Transforms Empowers Enables Bets Doubles Pours
    Builds Develops Creates Designs Delivers Provides Supplies Offers Adds Releases
    Announce Partner Sign Ink Strike Seal Expand Extend Deepen Renew Launch Unveil Introduce Debut Join Collaborate
    Deliver Enter Unify Combine Accelerate Integrate Deploy Select Agree Team Bring Build Develop Create Offer
    Provide Add Release Establish Reach Transform Enable Empower Unite Form""".split()
)
_PROJECT_WORDS = frozenset({"Project", "Operation", "Programme", "Program", "Initiative", "Mission"})
_MONTH_ABBREVIATIONS = frozenset("Jan Feb Mar Apr May Jun Jul Aug Sep Sept Oct Nov Dec".split())
# Words that start an organisation's name in many languages: "Banco Santander", "Grupo Bimbo".
_LEADING_CUES = frozenset(
    """University Universidad Universidade Université Universität Bank Banco Banca Banque Grupo Gruppo Groupe
    Compañía Companhia Compagnie Société Sociedad Instituto Institut Institute Fundación Fundação""".split()
)
# Common nouns for a kind of organisation ("firm", "start-up", "utility").
ORG_NOUNS = (r"(?:company|companies|firm|start-?up|maker|provider|fintech|utility|bank|lender|insurer|retailer|"
             r"carrier|operator|developer|chipmaker|automaker|carmaker|conglomerate|manufacturer|supplier|vendor|"
             r"specialist|unicorn|group|lab|laboratory|platform|telco|broadcaster|publisher|airline|subsidiary|"
             r"unit|arm|consultancy|integrator|reseller|distributor|spinout|spin-off|newspaper|magazine|daily|"
             r"drugmaker|truckmaker|biotech|pharma|miner|refiner|brewer|studio|network|exchange|generator|"
             r"chatbot|app|(?-i:house))")
# "security firm Koravault", "fintech Paguemix", "software company Zoho": such a noun right before a
# capitalised name vouches for it.
_DESCRIPTOR_BEFORE = re.compile(rf"(?:\b(?:{ORG_NOUNS}|giant|rival|partner|outfit)|\w-based)\s+$", re.I)
# "Koravault, a Nigerian cybersecurity services company, has signed": an appositive that says what it is.
_DESCRIPTOR_AFTER = re.compile(
    rf"^,\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){{0,8}}?(?:{ORG_NOUNS}|business|university|hospital|institute|agency)\b",
    re.I,
)


_ROLES = frozenset(
    """CEO CFO CTO COO CMO CIO CISO Chief President Chairman Chairwoman Chair Founder Co-founder Cofounder Director
    Minister Secretary Executive Vice Head Spokesperson Spokesman Spokeswoman Analyst Professor Prof Dr Mr Ms Mrs
    Manager Chancellor Governor Senator Commissioner""".split()
)
_PERSON_TITLES = frozenset("President Minister Senator Governor Chancellor Secretary Mr Ms Mrs Dr Prof CEO Chairman".split())
_AFTER_ROLE = re.compile(r"\b(?:CEO|CFO|CTO|COO|chief executive|chief \w+ officer|president|chairman|chairwoman|"
                         r"founder|co-founder|director|minister|spokes(?:person|man|woman)|analyst|officer|"
                         r"executive|professor|secretary|chancellor|governor|senator|commissioner|mayor|Dr|Mr|Ms|Mrs)\.?\s+$", re.I)
_PRODUCT_MODIFIER = re.compile(r"\s+(?:developer|maker|owner|creator|operator|giant)\b")


def _fold(name: str, legal: bool = False) -> str:
    """A spelling-insensitive key; without its legal suffix unless ``legal``."""
    name = name.replace("’", "'").strip().strip("\"'`")
    name = re.sub(r"'s$", "", name)
    if not legal:
        name = _LEGAL_RE.sub("", name)
    return re.sub(r"\s+", " ", name).casefold().strip(" .,")


@dataclass(frozen=True)
class Mention:
    """An organisation named in a text: where, how, and whether we know it."""

    name: str  # canonical name (the surface form, cleaned, for unknown organisations)
    start: int
    end: int
    surface: str
    known: bool
    # Unknown names: True when a corporate cue vouches for them; False for mere capitalised runs.
    cued: bool = True


_DISTINGUISHING = frozenset({"AI", "Labs", "Holdings", "Technologies", "Inc.", "NV", "N.V.", "AG", "SE", "SA", "plc", "PLC",
                             "Corp.", "Corporation", "Ltd", "Limited"})


class Gazetteer:
    """Known organisations and their aliases, with parent links."""

    def __init__(self, orgs: Iterable[Organisation]) -> None:
        self._orgs: dict[str, Organisation] = {}
        self._by_alias: dict[str, str] = {}
        self._exact: dict[str, str] = {}  # case-sensitive aliases (short all-caps ones: "MS", "AWS")
        for org in orgs:
            self.add(org)
        self._pattern: re.Pattern[str] | None = None

    def add(self, org: Organisation) -> None:
        existing = self._orgs.get(org.name)
        if existing is not None:  # a user's entry extends the shipped one
            org = Organisation(
                name=org.name,
                aliases=tuple(dict.fromkeys(existing.aliases + org.aliases)),
                parent=org.parent or existing.parent,
                kind=org.kind or existing.kind,
            )
        self._orgs[org.name] = org
        for alias in (org.name, *org.aliases):
            if alias.isupper() and len(alias) <= 4:
                self._exact[alias] = org.name
            else:
                # "SoftBank Corp." (the telecoms unit) must not take over "SoftBank" (the group): a
                # name that differs from another only by its legal suffix keeps the suffix in its key.
                self._by_alias[_fold(alias, legal=True)] = org.name
                self._by_alias.setdefault(_fold(alias), org.name)
        self._pattern = None

    def __contains__(self, name: str) -> bool:
        return name in self._orgs

    def __len__(self) -> int:
        return len(self._orgs)

    def get(self, name: str) -> Organisation | None:
        return self._orgs.get(name)

    @property
    def names(self) -> list[str]:
        return sorted(self._orgs)

    def resolve(self, name: str) -> str | None:
        """Any spelling of a known organisation -> its canonical name."""
        name = name.strip()
        if name in self._exact:
            return self._exact[name]
        for folded in (_fold(name, legal=True), _fold(name)):
            if folded in self._by_alias:
                return self._by_alias[folded]
        upper = name.upper()
        if upper in self._exact and len(name) > 2:  # "aws" typed in Slack
            return self._exact[upper]
        return None

    def normal(self, name: str) -> str:
        """The name records use: the canonical name of a known organisation, "Government of Greece" for
        "the Greek government", else the name as given."""
        government = parse_government(name)
        if government:
            return self.resolve(government) or self.resolve(name) or government
        return self.resolve(name) or name

    def parent(self, name: str) -> str | None:
        org = self._orgs.get(name)
        if org:
            return org.parent
        body = government_of_body(name)  # "Icelandic Ministry of Education" -> Government of Iceland
        return self.normal(body) if body else None

    def distinguished(self, word: str) -> str | None:
        """'Perplexity' -> Perplexity AI: the one known organisation whose canonical name is ``word`` plus a
        distinguishing word (the gazetteer leaves such common words out of the aliases)."""
        hits = [n for n in self._orgs if n.startswith(word + " ") and n[len(word) + 1:] in _DISTINGUISHING]
        return hits[0] if len(hits) == 1 else None

    def ancestors(self, name: str) -> list[str]:
        out: list[str] = []
        current = self.parent(name)
        while current and current not in out and current != name:
            out.append(current)
            current = self.parent(current)
        return out

    def family(self, name: str) -> set[str]:
        """The organisation and everything under it (Google -> Google, Google Cloud, DeepMind...)."""
        out = {name}
        changed = True
        while changed:
            changed = False
            for org in self._orgs.values():
                if org.parent in out and org.name not in out:
                    out.add(org.name)
                    changed = True
        return out

    def related(self, a: str, b: str) -> bool:
        """True when one is the other or an ancestor of it (Alphabet / Google Cloud)."""
        return a == b or a in self.ancestors(b) or b in self.ancestors(a)

    def suggest(self, name: str, limit: int = 3) -> list[str]:
        folded = _fold(name)
        keys = list(self._by_alias)
        hits = get_close_matches(folded, keys, n=limit * 3, cutoff=0.6)
        hits += [k for k in keys if folded and len(folded) >= 3 and k.startswith(folded)]
        return list(dict.fromkeys(self._by_alias[h] for h in hits))[:limit]

    def _alias_pattern(self) -> re.Pattern[str]:
        if self._pattern is None:
            aliases = sorted({*self._exact, *(a for o in self._orgs.values() for a in (o.name, *o.aliases)
                                             if not (a.isupper() and len(a) <= 4))}, key=len, reverse=True)
            body = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in aliases)
            self._pattern = re.compile(rf"(?<![\w&-])(?:{body})(?:{_LEGAL})?(?:['’]s)?(?![\w&]|-\w)")
        return self._pattern

    def known_mentions(self, text: str) -> list[Mention]:
        out = []
        for m in self._alias_pattern().finditer(text):
            surface = m.group(0)
            # "AMD's": a short upper-case alias is matched exactly, so without its possessive.
            canonical = self.resolve(surface) or self.resolve(re.sub(r"['’]s$", "", surface))
            if canonical is None:
                # Case differs from a case-sensitive alias ("Ms" is not "MS").
                continue
            out.append(Mention(canonical, m.start(), m.end(), surface, known=True))
        return out

    def find_names(self, text: str) -> list[str]:
        """Canonical names of the known organisations ``text`` mentions, in order."""
        return list(dict.fromkeys(m.name for m in self.known_mentions(text)))


def _clean_unknown(surface: str, registered: bool = False) -> str:
    """The name without its possessive and legal suffix; ``registered`` when a legal suffix follows."""
    name = re.sub(r"['’]s$", "", surface.strip())
    bare = _LEGAL_RE.sub("", name).strip(" .,")
    if registered or bare != name.strip(" .,"):
        # "Klarna Group Plc", "Affirm Holdings Inc.": the holding company's registered name; the
        # article and its readers say Klarna.
        bare = re.sub(r"^(\S+) (?:Group|Holdings)$", r"\1", bare)
    return bare


def is_title_case(text: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) > 0.85


_CUED_TAIL = re.compile(rf"(?:[ \t]+{_CAP_TOKEN}){{1,3}}")


# "Naver Cloud", "Samsung Pay" may be companies of their own; "SAP Business Data Cloud", "Salesforce Data
# Cloud" and "Nvidia DGX Cloud" are the known company's products.
# "Mistral Compute", "Oracle Compute": after a known name, a product line ("Ridgeline Compute" alone is a company).
_PRODUCT_TAILS = frozenset({"Compute"})
_SAME_COMPANY_TAILS = frozenset("Communications Holdings Technologies Technology Systems Networks Incorporated Group".split())
_PRODUCT_CUES = frozenset("Cloud AI Data Analytics Computing Platforms Pay Payments Mobile Security Digital".split())


def _longer_company(text: str, m: Mention, others: Sequence[Mention] = ()) -> Mention:
    """'Jio Financial Services' is not Jio Platforms, nor 'Samsung Biologics' Samsung Electronics: a known
    name followed by capitalised words ending in a corporate word names another company."""
    if m.surface.endswith(("'s", "’s")):
        return m
    tail = _CUED_TAIL.match(text, m.end)
    if not tail:
        return m
    words = list(re.finditer(r"\S+", tail.group(0)))
    if len(words) > 1 and any(w.group(0).rstrip(".,") in _PRODUCT_CUES for w in words):
        return m
    for n in range(len(words), 0, -1):
        last = words[n - 1].group(0).rstrip(".,")
        if (last in CORPORATE_CUES and last not in _PRODUCT_TAILS and not _LEGAL_RE.search(" " + last)
                and not any(w.group(0) in _NOT_NAMES for w in words[:n])):
            end = tail.start() + words[n - 1].end()
            if any(w.group(0) in _HEADLINE_VERBS and w.group(0) not in CORPORATE_CUES for w in words[:n]):
                return m  # "Accenture and Anthropic Launch Business Group": the headline's verb ends the name
            if any(tail.start() <= o.start < end or (o.end < m.start and not text[o.end:m.start].strip())
                   for o in others):
                return m  # "a dedicated Accenture Anthropic Business Group": a joint unit named after both partners
            if re.match(r"\s+(?:models?|chips?|apps?|software|devices?|servers?|platforms?)\b", text[end:], re.I):
                return m  # "Apple Foundation Models": the known company's product
            if n == 1 and last in _SAME_COMPANY_TAILS:
                # "Verizon Communications", "Cisco Systems": the company's registered name, not another company.
                return replace(m, end=end, surface=text[m.start:end])
            legal = re.match(_LEGAL, text[end:])  # "Jio Financial Services Ltd": the suffix belongs to it
            surface = text[m.start:end + (legal.end() if legal else 0)].rstrip(",")
            return Mention(_clean_unknown(surface), m.start, m.start + len(surface), surface, known=False, cued=True)
    return m


def mentions(text: str, gazetteer: Gazetteer) -> list[Mention]:
    """Known organisations plus capitalised runs that may be organisations, in text order.

    Unknown runs are flagged ``cued`` when a corporate word ends or starts them;
    callers decide whether an uncued run is good enough (a deal's subject is).
    """
    # "the J.P. Morgan Healthcare Conference": an event (or a plant) named after a company is no mention of it.
    events = [(e.start(), e.end()) for e in _EVENT.finditer(text)]
    found = [m for m in gazetteer.known_mentions(text) if not any(s <= m.start < e for s, e in events)]
    known = [_longer_company(text, m, found) for m in found]
    # "The UK government has signed a memorandum with Anthropic": a government is a party too.
    for gov in GOVERNMENT.finditer(text):
        if not any(m.start < gov.end() and gov.start() < m.end for m in known):
            name = gazetteer.normal(gov.group(0))
            known.append(Mention(name, gov.start(), gov.end(), gov.group(0), known=gazetteer.resolve(name) is not None, cued=True))
    # "The ChatGPT maker has added Google Cloud": the maker of a well-known product, named by it.
    for made in _MADE_BY.finditer(text):
        maker = PRODUCT_MAKERS[made.group(1)]
        if maker in gazetteer and not any(m.start < made.end() and made.start(1) < m.end for m in known):
            known.append(Mention(maker, made.start(1), made.end(), made.group(0)[made.start(1) - made.start():],
                                 known=True, cued=True))
    known.sort(key=lambda m: m.start)
    # "Pennsylvania's Three Mile Island plant": a site named in lower case is no organisation either.
    taken = [(m.start, m.end) for m in known] + events + [(e.start(), e.end()) for e in _SITE.finditer(text)]
    out = list(known)
    title_case = is_title_case(text)
    for run in _CAP_RUN.finditer(text):
        spans = [(run.start() + t.start(), run.start() + t.end()) for t in re.finditer(r"\S+", run.group(0))]
        # A possessive ends a name: "Abu Dhabi's G42" is two names, "Big Tech's AI" is no "...AI".
        segments: list[list[tuple[int, int]]] = [[]]
        for i, span in enumerate(spans):
            segments[-1].append(span)
            following = text[spans[i + 1][0]:spans[i + 1][1]].rstrip(".,") if i + 1 < len(spans) else ""
            owned_body = (following in ("Ministry", "Department") and i + 2 < len(spans)
                          and text[span[0]:span[1] - 2] in COUNTRIES and text[spans[i + 2][0]:spans[i + 2][1]] in ("of", "for"))
            if text[span[0]:span[1]].endswith(("'s", "’s")) and following not in _POSSESSIVE_NAMES and not owned_body:
                segments.append([])
            # "Lakeshore Regional Health System Selects Microsoft": a headline's verb ends the name before it.
            # "Energy Capital Partners join forces": "Partners" ends a name unless it acts ("Partners With").
            elif following in _HEADLINE_VERBS and not (
                    following in CORPORATE_CUES and not re.match(r"\S+\s+(?:with|on|to|in|for)\b", text[spans[i + 1][0]:], re.I)):
                segments.append([])
            # "Lakeshore Regional Health System Jun 03, 2025": a date after a name is not part of it.
            elif following in _MONTH_ABBREVIATIONS and re.match(r"\S+\s+\d", text[spans[i + 1][0]:]):
                segments.append([])
        for segment in segments:
            mention = _unknown_mention(text, segment, title_case)
            if mention and not any(s < mention.end and mention.start < e for s, e in taken):
                out.append(mention)
    out.sort(key=lambda m: m.start)
    # "in Europe and the US": places taken out of a run leave no name behind.
    return _joined_ministries(text, [m for m in out if any(c.isupper() for c in m.name)])


_MINISTRY = re.compile(r"\b(?:Ministry|Department|Secretariat)\s+(?:of|for)\s+\S+$")
# "National Science and Technology Council": a public body whose name joins two fields with "and".
_PUBLIC_OPENERS = frozenset("National Federal State Royal Central Joint International".split())
_PUBLIC_BODIES = frozenset("Council Commission Agency Authority Institute Board Office Foundation Administration "
                           "Academy Centre Center".split())


def _joined_ministries(text: str, ms: list[Mention]) -> list[Mention]:
    """"Ministry of Education and Children", "Department of Health and Human Services": one body, not two."""
    out: list[Mention] = []
    for m in ms:
        prev = out[-1] if out else None
        if (prev is not None and not prev.known and not m.known and len(m.name.split()) <= 3
                and ((_MINISTRY.search(prev.name) and re.fullmatch(r",?\s+and\s+", text[prev.end:m.start]))
                     or (prev.name.split()[0] in _PUBLIC_OPENERS and m.name.split()[-1] in _PUBLIC_BODIES
                         and len(prev.name.split()) <= 3 and re.fullmatch(r"\s+and\s+", text[prev.end:m.start])))):
            surface = text[prev.start:m.end]
            out[-1] = Mention(prev.name + text[prev.end:m.start] + m.name, prev.start, m.end, surface,
                              known=False, cued=True)
            continue
        out.append(m)
    whole = [_whole_ministry(text, m, [o for o in out if o.known or o.cued]) for m in out]
    # The fields the ministry's name took in are no names of their own.
    return [m for m in whole if not any(o is not m and o.start <= m.start and m.end <= o.end for o in whole)]


# "Ministry of Education and Research", "Ministry of Communications, Innovation and Digital Economy",
# "Ministry of Digital Transformation of Ukraine": the rest of a ministry's name.
_MINISTRY_FIELDS = re.compile(r"(?:,\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)*,?\s+and\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\b")
_MINISTRY_OF_PLACE = re.compile(rf"\s+of\s+(?:the\s+)?(?:{'|'.join(sorted(COUNTRY_WORDS, key=len, reverse=True))})\b")


def _whole_ministry(text: str, m: Mention, known: Sequence[Mention]) -> Mention:
    if m.known or not re.search(r"\b(?:Ministry|Department)\s+(?:of|for)\s", m.name):
        return m
    end = m.end
    fields = _MINISTRY_FIELDS.match(text, end)
    if fields and not any(m.end <= k.start < fields.end() for k in known):
        end = fields.end()
    place = _MINISTRY_OF_PLACE.match(text, end)
    if place:
        end = place.end()
    if end == m.end:
        return m
    extra = text[m.end:end]
    return Mention(m.name + extra, m.start, end, m.surface + extra, known=False, cued=True)


_EVENT_WORDS = frozenset({"Conference", "Summit", "Expo", "Congress", "Festival", "Symposium", "Hackathon", "Keynote",
                          "Awards", "Fair"})
# "Constellation's Clinton Clean Energy Center", "the Crane Clean Energy Center": a plant, not its owner.
_FACILITY = r"(?:(?:Energy|Power|Generating|Nuclear|Data)\s+(?:Center|Centre|Plant|Station|Campus)|Plant|Reactor|Refinery|Gigafactory)"
_SITE = re.compile(r"\b(?:[A-Z][\w.&'’-]*\s+){1,4}?(?:plant|reactor|power\s+station|nuclear\s+station)\b")
_EVENT = re.compile(r"\b(?:[A-Z][\w.&-]*\s+){1,4}?(?:" + "|".join(sorted(_EVENT_WORDS)) + "|" + _FACILITY + r")\b")
_AMOUNT = re.compile(r"(?:EUR|USD|GBP|CHF|JPY|INR|CNY|RMB|AUD|CAD|SEK|NOK|DKK|HKD|SGD|KRW|US\$|A\$|C\$|S\$|HK\$|Rs)\.?\d")
_HEADLINE_VERB_AFTER = re.compile(r"\s+(\w+)\b")
_OWNED = ("-based", "-owned", "-backed", "-controlled", "-funded", "-listed", "-headquartered")
_PLACE_TAILS = frozenset({"Island", "Islands", "Valley", "Bay", "River", "Lake", "Mountain", "Mountains", "Peninsula",
                          "Coast", "Harbor", "Harbour", "Beach", "Desert", "Canyon", "Strait"})
_TRADES = frozenset("""Logistics Energy Retail Media Telecom Telecoms Healthcare Insurance Aerospace Defence Defense
    Software Semiconductor Fashion Food Beverage Consumer Industrial Travel Payments Chip Auto Pharma Cloud""".split())
# "Sakai, Osaka Prefecture": a region's name after a place that was dropped.
_REGION_WORDS = frozenset({"Prefecture", "Province", "Oblast", "Governorate", "Region", "Emirate", "Canton"})
# "Reinsurer Halden Re joins forces ...": what kind of company it is, capitalised because it opens the line.
_KIND_OPENERS = frozenset(
    """Reinsurer Insurer Startup Start-up Chipmaker Automaker Carmaker Drugmaker Fintech Lender Retailer Telco
    Broadcaster Miner Brewer Conglomerate Unicorn Biotech Airline Supplier Vendor Manufacturer Firm Outfit Giant
    Rival Utility Operator Chatbot Neocloud Insurtech Healthtech Edtech Proptech Regtech""".split()
)
# The first words of places named in two ("Los Angeles", "San Francisco"), left when the second is dropped.
_PLACE_OPENERS = frozenset({"Los", "Las", "San", "Santa", "Sao", "São", "Tel", "Palo", "Abu", "Hong", "Rio", "Buenos",
                            "Salt", "Kuala", "Ho", "Cape"})
# Trades that, with a country's adjective, make a company's whole name ("American Electric Power").
_INDUSTRY_WORDS = frozenset({"Electric", "Power", "Express", "Airways", "Utilities", "Water", "Gas", "Steel", "Oil",
                             "Petroleum", "Railways", "Rail", "Tower", "Broadcasting", "Shipping", "Chemical", "Mining",
                             "Metals", "Petrochemical", "Petrochemicals", "Tobacco", "Electrical"})
_CAPITAL_CONNECTORS = frozenset({"For", "Of", "And", "The", "To", "With", "In", "On"})
# Public bodies named "<noun> of <place>": the place is part of the name.
_PUBLIC = frozenset({"State", "Commonwealth", "City", "County", "Republic", "Kingdom", "Province", "Government",
                     "Port", "Municipality", "Emirate", "Principality", "Town", "Parish", "District"})
_CONNECTORS = frozenset({"of", "de", "del", "della", "des", "du", "do", "da", "dos", "for", "and the", "&"})


_COMPOUND_TAILS = ("Quality", "Performance", "Generation", "Gen", "Time", "Scale", "Cost", "Term", "Year", "Powered",
                   "Driven", "Native", "Ready", "Grade", "Class", "Level", "Source", "Stack", "Speed", "Latency",
                   "Efficiency", "Based", "Built", "Focused", "Enabled", "Secure", "Free", "Friendly")


def _unknown_mention(text: str, spans: list[tuple[int, int]], title_case: bool) -> Mention | None:
    def word(span: tuple[int, int]) -> str:
        return text[span[0]:span[1]].rstrip(".,")

    if spans and _AFTER_ROLE.search(text[max(0, spans[0][0] - 30):spans[0][0]]):
        return None  # "said chief executive Arthur Mensch": a person
    # "Prisa Media CEO Carlos Núñez": a job title ends the organisation's name; a person follows it.
    for k, span in enumerate(spans[1:], start=1):
        if word(span) in _ROLES:
            spans = spans[:k]
            break
    # "San Francisco-based Perplexity": where a company is based is no part of its name.
    # So is who owns or backs it: "the Microsoft-owned company".
    based = [k for k, span in enumerate(spans) if word(span).endswith(_OWNED)]
    if based:
        spans = spans[based[-1] + 1:]
    # "Hindi-focused", "AI-native", "Purpose-built AI": a compound adjective that opens a sentence or a phrase.
    while spans and re.fullmatch(r"[A-Z][\w]*-(?-i:[a-z])[\w-]*", word(spans[0])):
        spans = spans[1:]
    # "ChatGPT-4o" is the product too.
    if spans and re.sub(r"['’]s$", "", word(spans[0])).split("-")[0] in PRODUCT_NAMES and (
            len(spans) == 1 or (len(spans) <= 3 and word(spans[-1]) not in CORPORATE_CUES)):
        return None  # "ChatGPT Edu", "Copilot Studio": a product, not its maker
    if len(spans) == 1 and re.fullmatch(r"[A-Z]{2,5}s", word(spans[0])):
        return None  # "SMRs", "ASICs", "OEMs": a plural of things, not a name
    if len(spans) == 1 and re.fullmatch(r"[A-Z]{1,6}-?\d{3,}[A-Za-z]?", word(spans[0])):
        return None  # "ISM3091", "GB300": a compound's or a chip's code, not a name
    if spans and _AMOUNT.match(word(spans[0])):
        return None  # "a EUR100m agreement": an amount, not a name
    # "Abu Dhabi National Oil Company", "Korea Electric Power Corporation": a full registered name keeps its place.
    registered_name = (len(spans) >= 3 and word(spans[-1]) in ("Company", "Corporation")
                       and word(spans[-2]) not in _NOT_NAMES)
    # "for The Nuclear Company", "The Atlantic": "The" capitalised inside running text is part of the name.
    the_name = (not title_case and len(spans) >= 2 and word(spans[0]) == "The"
                and re.search(r"[a-z,]\s+$", text[max(0, spans[0][0] - 3):spans[0][0]]) is not None)
    if the_name:
        spans = [(spans[0][0], spans[1][1]), *spans[2:]]
    if len(spans) >= 3 and word(spans[0]) in _PERSON_TITLES and re.fullmatch(r"[A-Z][a-z]+", word(spans[1])):
        return None  # "during President Donald Trump's visit": a person with a title
    # Drop sentence-initial or generic capitalised words and places at the edges.
    while spans and not (registered_name and word(spans[0]) not in _NOT_NAMES) and (word(spans[0]).strip("'’") in _NOT_NAMES or word(spans[0]).endswith("-based")
                     or (word(spans[0]).isupper() and word(spans[0]).title() in PLACES)  # "TOKYO--" datelines
                     or word(spans[0]) in _HEADLINE_VERBS or word(spans[0]) in _CONNECTORS
                     or re.sub(r"['’]s$", "", word(spans[0])) in PLACES or word(spans[0]) in DEMONYMS):
        if (word(spans[0]) in PLACES and len(spans) > 1
                and all(word(t) in CORPORATE_CUES and word(t) not in _NOT_NAMES for t in spans[1:])):
            break  # "Boston Dynamics", "Shanghai Electric": the place is part of the company's name
        if (word(spans[0]) in DEMONYMS and len(spans) > 1
                and all(word(t) in CORPORATE_CUES | _INDUSTRY_WORDS and word(t) not in _NOT_NAMES for t in spans[1:])):
            break  # "American Electric Power", "British Airways": a name made of its country and its trade
        if (word(spans[0]) in PLACES and len(spans) > 1
                and word(spans[1]) in ("State", "University", "College", "Institute", "Polytechnic", "Tech", "School")):
            break  # "Arizona State University", "Texas Tech": a university named after its place
        if ((word(spans[0]) in DEMONYMS | PLACES or re.sub(r"['’]s$", "", word(spans[0])) in COUNTRIES) and len(spans) > 2
                and word(spans[1]) in ("Ministry", "Department") and word(spans[2]) in ("of", "for")):
            break  # "the Icelandic Ministry of Education", "Estonia's Ministry of ...": the country tells which
        spans = spans[1:]
    # "Agreement to Provide High-Quality Training Data": in a headline a compound adjective opens a
    # description of goods, however capitalised.
    if (title_case and spans and re.fullmatch(rf"[{UPPER}][\w]*-(?:{'|'.join(_COMPOUND_TAILS)})", word(spans[0]))
            and not re.search(_LEGAL + r"(?!\w)", text[spans[0][0]:spans[-1][1] + 6])):
        return None  # ... but "Next-Gen Robotics Inc." is a registered name
    # "Teach For All": a connector capitalised in running text is part of a name, and so is what follows it.
    deliberate = not title_case and any(word(t) in _CAPITAL_CONNECTORS for t in spans[1:-1])
    while spans and not registered_name and not deliberate and (
            word(spans[-1]) in _NOT_NAMES and word(spans[-1]) not in CORPORATE_CUES
            or re.sub(r"['’]s$", "", word(spans[-1])) in PLACES or word(spans[-1]) in _CONNECTORS):
        if (len(spans) >= 3 and word(spans[-2]) == "of" and (word(spans[-3]) in CORPORATE_CUES or word(spans[-3]) in _PUBLIC)
                and re.sub(r"['’]s$", "", word(spans[-1])) in PLACES):
            break  # "Commonwealth Bank of Australia", "State of Mississippi": the place is part of the name
        spans = spans[:-1]  # "Avride for Dallas": neither the place nor the "for" before it
        if spans and word(spans[-1]) in _PLACE_OPENERS:
            spans = spans[:-1]  # "a Los Angeles startup": the rest of the place's name
    if len(spans) >= 3 and word(spans[-2]) in ("for", "of") and word(spans[-1]) in _NOT_NAMES:
        spans = spans[:-2]  # "taps Lumen Technologies for AI network capacity"
    if not spans or word(spans[0]) in _PROJECT_WORDS:
        return None  # "Project Ceiba": a project's name, not an organisation's
    # "Lucid Group Gravity SUVs": the company's name ends at its corporate word; its product follows.
    for k in range(1, len(spans) - 1):
        if (word(spans[k]) in ("Group", "Inc", "Inc.", "Corp", "Corp.", "Holdings", "Ltd", "Motors")
                and re.fullmatch(r"[A-Z]+s|[A-Z][a-z]+s", word(spans[-1])) is not None
                and word(spans[-1]) not in CORPORATE_CUES):
            spans = spans[:k + 1]
            break
    if len(spans) == 1 and word(spans[0]) in _REGION_WORDS:
        return None
    described = (len(spans) >= 2 and word(spans[0]) in _KIND_OPENERS
                 and re.search(r"(?:^|[.!?:;\n]\s*|[\"“]\s*)$", text[:spans[0][0]]) is not None)
    if described:
        spans = spans[1:]
    if len(spans) == 1 and (word(spans[0]).endswith("ing") or word(spans[0]) in _TRADES) and re.match(rf"\s+and\s+[a-z-]+\s+(?:[a-z-]+\s+)?(?:{ORG_NOUNS}|giant)\s+[{UPPER}]",
                                    text[spans[0][1]:], re.I):
        return None  # "Shipping and logistics giant CMA CGM": the trade, not a second company
    if len(spans) >= 2 and word(spans[-1]) in _PLACE_TAILS:
        return None  # "Three Mile Island", "Columbia River": a place
    if (len(spans) == 1 and word(spans[0]) in _STATE_ABBREVIATIONS and "." in text[spans[0][1] - 1:spans[0][1] + 1]
            and re.search(r",\s*$", text[:spans[0][0]])):
        return None  # "based in Everett, Wash.": a state
    if (len(spans) <= 2 and word(spans[-1]) not in CORPORATE_CUES
            and re.match(rf",\s+(?:{_STATE_OR_COUNTRY})(?![\w'’-])", text[spans[-1][1]:])):
        return None  # "its Childress, Texas campus": a town, named by its state or country
    if (len(spans) == 1 and word(spans[0]).isupper() and len(word(spans[0])) <= 3
            and re.match(rf"\s+{ORG_NOUNS}\b", text[spans[0][1]:spans[0][1] + 30], re.I)):
        return None  # "Chinese EV start-up Leapmotor": an acronym describing the company that follows
    if re.fullmatch(r"\w+['’](?:re|ve|ll|m|d)|(?:It|That|There|Here|Let|What|Who|He|She)['’]s", word(spans[0])):
        return None  # "We're thrilled to partner with OpenAI": a contraction, not a name
    modifier = _PRODUCT_MODIFIER.match(text, spans[-1][1])
    if modifier and (re.search(r"\b(?:the|its|their|a|an)\s+$", text[max(0, spans[0][0] - 6):spans[0][0]], re.I)
                     or re.match(rf"\s+[{UPPER}]", text[modifier.end():])):
        # "the ChatGPT developer", "ChatGPT maker OpenAI": a product naming a company, not a name
        return None
    if len(spans) == 1 and word(spans[0]).endswith("ly") and text[spans[0][1]:spans[0][1] + 1] == ",":
        return None  # "Separately, the start-up said": a sentence adverb
    start, end = spans[0][0], spans[-1][1]
    surface = text[start:end].rstrip(".,")
    end = start + len(surface)
    tokens = surface.split()
    name = _clean_unknown(surface, registered=re.match(_LEGAL, text[end:]) is not None)
    owner = re.match(r"(\w+)['’]s (?=Ministry |Department )", name)
    if owner and owner.group(1) in COUNTRIES:
        name = f"{COUNTRIES[owner.group(1)]} {name[owner.end():]}"  # one name however the press words it
    if len(name) < 2 or name.isdigit():
        return None
    if name in COUNTRY_WORDS and " " in name:
        return None  # "building data centres in the United States": a country, not a party
    last = re.sub(r"['’]s$", "", tokens[-1]).rstrip(".,")
    # "FuriosaAI", "OpenAI": a name fused with "AI" is a company's.
    cued = (described or last in CORPORATE_CUES or registered_name or (len(tokens) > 1 and tokens[0] in _LEADING_CUES)
            or (len(tokens) >= 3 and tokens[-2] == "of" and tokens[-3] in CORPORATE_CUES)  # "Bank of Australia"
            or (len(last) > 3 and last.endswith("AI") and last[-3].islower()))
    if cued and len(tokens) == 1 and last in CORPORATE_CUES:
        return None  # a cue word alone ("Labs") names nothing
    cued = cued or bool(_DESCRIPTOR_BEFORE.search(text[max(0, start - 40):start])
                        or _DESCRIPTOR_AFTER.match(text[end:end + 120]))
    verb = _HEADLINE_VERB_AFTER.match(text, end)
    # "Quorvia Reports Second Quarter Results": the name that opens a headline before its verb is its subject.
    cued = cued or (title_case and start == 0 and verb is not None and verb.group(1) in _HEADLINE_VERBS)
    if title_case and not cued:
        return None  # in a headline every word is capitalised; only cues count there
    if not cued and not surface.endswith(("'s", "’s")) and re.match(r"(?:\s+v?\d[\w.]*)?\s+(?:(?-i:[a-z])[\w-]*\s+)?models?\b(?!\s+(?:makers?|developers?|builders?|companies|company|"
                             r"start-?ups?|labs?|providers?)\b)", text[end:]):
        return None  # "to train its open LTX Video model": a model, not its maker
    return Mention(name, start, end, surface, known=False, cued=cued)


def load_gazetteer_file(path: Path | str) -> list[Organisation]:
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read the organisations file {path}: {exc}") from None
    return parse_organisations(data or [], where=str(path))


def parse_organisations(data: Sequence[object], *, where: str) -> list[Organisation]:
    out = []
    for i, entry in enumerate(data):
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise ConfigError(f"{where}: entry {i} needs a 'name'", hint="each entry: name, aliases, parent, kind")
        kind = entry.get("kind", "company")
        if kind not in _KINDS:
            raise ConfigError(f"{where}: {entry['name']}: kind {kind!r} is not one of {', '.join(sorted(_KINDS))}")
        aliases = entry.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise ConfigError(f"{where}: {entry['name']}: aliases must be a list of names")
        out.append(Organisation(name=entry["name"], aliases=tuple(aliases), parent=entry.get("parent"), kind=kind))
    return out


@lru_cache(maxsize=1)
def _shipped() -> tuple[Organisation, ...]:
    path = resources.files("bot") / "data" / "organisations.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return tuple(parse_organisations(data or [], where="bot/data/organisations.yaml"))


def load_gazetteer(extra: Iterable[Organisation] = ()) -> Gazetteer:
    """The shipped gazetteer extended by the user's organisations (config ``organisations``)."""
    gazetteer = Gazetteer(_shipped())
    for org in extra:
        gazetteer.add(org)
    return gazetteer
