"""Answers to /partnerships, /news search, /news ask and free questions.

Slack and the CLI both call ``answer_query``; it returns a domain ``Answer``
(with cited sources) that each renders its own way.  Everything here reads the
store and never guesses: when nothing relevant is stored, the answer says so.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from difflib import get_close_matches
from typing import TYPE_CHECKING, Protocol

import numpy as np

from bot.domain import Answer, AnswerItem, Partnership, SourceLink, Story
from bot.nlp.partnerships import describe_what

if TYPE_CHECKING:
    from bot.store import Store

PARTNERSHIPS_USAGE = (
    "`/partnerships ORG` (e.g. `/partnerships hugging face`), `/partnerships ORG_A ORG_B` "
    "(e.g. `/partnerships microsoft openai`), or `/partnerships latest`"
)
NEWS_USAGE = (
    "`/news digest`, `/news search TEXT`, `/news ask QUESTION`, `/news subscribe [topics] [at HH:MM] [TZ]`, "
    "`/news unsubscribe`, `/news sources`"
)

_WORD = re.compile(r"[a-z0-9][a-z0-9&+.'-]*")
_STOP = frozenset(
    """a an and are as at be by did do does for from has have how i in is it its me more of on or our out
    over please show tell than that the their them they this to up us was we what when where which who whom
    why will with about any anyone anything else other others recent recently latest new news story stories
    there been into just also only so such some can could would should get got make made""".split()
)
_PARTNER_WORDS = ("partner", "deal", "team", "collaborat", "allian", "invest", "licens", "work with", "worked with",
                  "tie-up", "tie up", "agreement")


class OrgIndex(Protocol):
    """What answers needs of the organisation gazetteer."""

    def resolve(self, name: str) -> str | None: ...

    def family(self, name: str) -> set[str]: ...

    def suggest(self, name: str, limit: int = 3) -> list[str]: ...

    def find_names(self, text: str) -> list[str]: ...


Embed = Callable[[Sequence[str]], np.ndarray]


@dataclass(frozen=True)
class AnswerContext:
    store: Store
    orgs: OrgIndex
    embed: Embed | None = None
    now: datetime | None = None


def _fmt_date(value: datetime | None) -> str:
    return f"{value:%d %b %Y}".lstrip("0") if value else "date unknown"


def _words(text: str) -> list[str]:
    return [w.strip(".'-") for w in _WORD.findall(text.casefold())]


def _keywords(text: str, exclude: Iterable[str] = ()) -> list[str]:
    excluded = {w for name in exclude for w in _words(name)}
    out = []
    for word in _words(text):
        if word and word not in _STOP and word not in excluded and not any(word.startswith(p) for p in
                                                                             ("partner", "collaborat")):
            out.append(word)
    return out


def _stem(word: str) -> str:
    # Plural/verb-insensitive matching without a stemmer dependency: chips ~ chip.
    for suffix in ("ies", "es", "s", "ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _sources(ctx: AnswerContext, article_ids: Sequence[int], limit: int = 4) -> tuple[SourceLink, ...]:
    links = []
    for article in ctx.store.articles.get_many(list(article_ids)):
        if article.url:
            links.append(SourceLink(title=article.title, url=article.url, provider=article.provider,
                                    published=None if article.date_estimated else article.published))
    links.sort(key=lambda s: (s.published is None, s.published or datetime.min))
    return tuple(links[:limit])


def _partnership_item(ctx: AnswerContext, p: Partnership, *, focus: set[str] | None = None,
                      asked: set[str] | None = None) -> AnswerItem:
    if focus and (p.org_a in focus) != (p.org_b in focus):
        other = p.org_b if p.org_a in focus else p.org_a
        mine = p.org_a if p.org_a in focus else p.org_b
        # Say which unit made the deal when it isn't the one asked about ("with Google Cloud").
        head = f"*{other}*" + (f" (with {mine})" if len(focus) > 1 and mine not in (asked or set()) else "")
    else:
        head = f"*{p.org_a}* and *{p.org_b}*"
    text = f"{head}: {p.kind}{describe_what(p.what)}, {_fmt_date(p.date)}"
    sources = _sources(ctx, ctx.store.partnerships.article_ids(p.id)) if p.id is not None else ()
    return AnswerItem(text=text, sources=sources)


def _known_names(ctx: AnswerContext) -> list[str]:
    return ctx.store.partnerships.organisations()


def resolve_org(ctx: AnswerContext, name: str) -> str | None:
    """A user's spelling of an organisation -> its canonical name, if we know it."""
    name = name.strip().strip("\"'`")
    if not name:
        return None
    resolved = ctx.orgs.resolve(name)
    if resolved:
        return resolved
    # Organisations outside the gazetteer that extraction found in stored news ("greek government" is
    # stored as "Government of Greece").
    folded = ctx.orgs.normal(name).casefold()
    known = _known_names(ctx)
    for candidate in known:
        if candidate.casefold() == folded:
            return candidate
    starts = [c for c in known if c.casefold().startswith(folded + " ")]
    return starts[0] if len(starts) == 1 else None


def suggestions(ctx: AnswerContext, name: str) -> tuple[str, ...]:
    out = list(ctx.orgs.suggest(name, 3))
    known = {k.casefold(): k for k in _known_names(ctx)}
    out += [known[m] for m in get_close_matches(name.casefold(), list(known), n=3, cutoff=0.6)]
    return tuple(dict.fromkeys(out))[:4]


def _unknown(ctx: AnswerContext, name: str) -> Answer:
    hints = suggestions(ctx, name)
    note = f"I don't know an organisation called “{name}”."
    if not hints:
        note += " Try its full name, e.g. `/partnerships hugging face`."
    return Answer(title=f"Unknown organisation: {name}", note=note, suggestions=hints)


def partners_of(ctx: AnswerContext, org: str) -> Answer:
    family = ctx.orgs.family(org) | {org}
    records = ctx.store.partnerships.involving(sorted(family))
    if not records:
        return Answer(title=f"Partnerships of {org}", note=f"No partnerships of {org} are stored yet.")
    items = tuple(_partnership_item(ctx, p, focus=family, asked={org}) for p in records)
    partners = {p.org_b if p.org_a in family else p.org_a for p in records}
    note = f"{len(records)} partnership{'s' * (len(records) != 1)} with {len(partners)} organisation" \
           f"{'s' * (len(partners) != 1)}, newest first."
    return Answer(title=f"Partnerships of {org}", items=items, note=note)


def pair(ctx: AnswerContext, org_a: str, org_b: str) -> Answer:
    records = []
    for a in sorted(ctx.orgs.family(org_a) | {org_a}):
        for b in sorted(ctx.orgs.family(org_b) | {org_b}):
            if a != b:
                records.extend(ctx.store.partnerships.for_pair(a, b))
    records.sort(key=lambda p: (p.date is not None, p.date or datetime.min), reverse=True)
    title = f"{org_a} × {org_b}"
    if not records:
        return Answer(title=title, note=f"No partnership between {org_a} and {org_b} is stored.")
    items = []
    for p in records:
        item = _partnership_item(ctx, p)
        status = " (mentioned as background, not a new deal)" if p.status == "mentioned" else ""
        evidence = f"\n> {p.evidence}" if p.evidence else ""
        items.append(AnswerItem(text=item.text + status + evidence, sources=item.sources))
    return Answer(title=title, items=tuple(items))


def latest(ctx: AnswerContext, limit: int = 10) -> Answer:
    records = ctx.store.partnerships.latest(limit=limit)
    if not records:
        return Answer(title="Latest partnerships", note="No partnerships are stored yet: run `newsbot ingest`.")
    return Answer(title="Latest partnerships", items=tuple(_partnership_item(ctx, p) for p in records))


def _story_item(ctx: AnswerContext, story: Story) -> AnswerItem:
    outlets = ", ".join(name for name, _ in story.outlets[:5])
    text = f"*{story.headline}* ({_fmt_date(story.last_seen)})\n{story.summary}".rstrip()
    if outlets:
        text += f"\nCovered by {outlets}."
    return AnswerItem(text=text, sources=_sources(ctx, story.article_ids))


def _rank_stories(ctx: AnswerContext, query: str, stories: Sequence[Story], keywords: Sequence[str]) -> list[Story]:
    stems = {_stem(k) for k in keywords}
    if not stems:
        return []
    scored: list[tuple[float, Story]] = []
    sims = None
    if ctx.embed is not None and stories:
        vectors = ctx.embed([query] + [f"{s.headline}. {s.summary}" for s in stories])
        sims = vectors[1:] @ vectors[0]
    for i, story in enumerate(stories):
        words = {_stem(w) for w in _words(" ".join((story.headline, story.summary, " ".join(story.topics),
                                                     " ".join(story.organisations))))}
        overlap = len(stems & words) / len(stems)
        score = overlap + (0.5 * float(sims[i]) if sims is not None else 0.0)
        # A story must share at least one word with the question: embeddings alone
        # find something "related" to anything, which is guessing.
        if overlap > 0 and score >= 0.75:
            scored.append((score, story))
    scored.sort(key=lambda x: -x[0])
    return [s for _, s in scored]


def search(ctx: AnswerContext, text: str, limit: int = 5) -> Answer:
    keywords = _keywords(text)
    if not keywords:
        return Answer(title="Search", note=f"Give some words to search for: {NEWS_USAGE}.")
    found = _rank_stories(ctx, text, ctx.store.stories.list(limit=500), keywords)[:limit]
    if not found:
        return Answer(title=f"Search: {text}", note=f"No stored story matches “{text}”.")
    return Answer(title=f"Search: {text}", items=tuple(_story_item(ctx, s) for s in found))


_SOURCE_Q = re.compile(r"^\W*(sources?|links?|where (is|did) (this|that|it) come from|who reported (it|this))\W*$", re.I)
_DETAIL_Q = re.compile(r"\b(more detail|details?|tell me more|more info|elaborate|summary)\b", re.I)
_OTHERS_Q = re.compile(r"\b(who else|other partner|else .*partner|partner(ed|s)? with (else|anyone else))\b", re.I)


def _about_story(ctx: AnswerContext, question: str, story: Story) -> Answer | None:
    if _SOURCE_Q.match(question):
        items = tuple(AnswerItem(text=f"{name}", sources=(SourceLink(title=story.headline, url=url,
                                                                      provider=name),))
                      for name, url in story.outlets)
        return Answer(title=f"Sources: {story.headline}", items=items,
                      note="" if items else "No links are stored for this story.")
    if _OTHERS_Q.search(question):
        deal_orgs = [o for o in story.organisations if ctx.orgs.resolve(o) or o in _known_names(ctx)]
        items = []
        for org in deal_orgs:
            family = ctx.orgs.family(org) | {org}
            for p in ctx.store.partnerships.involving(sorted(family)):
                if p.story_id == story.id:
                    continue
                items.append(_partnership_item(ctx, p, focus=family))
        if not items:
            return Answer(title="Other partnerships",
                          note=f"No other partnerships of {', '.join(deal_orgs) or 'these organisations'} are stored.")
        return Answer(title=f"Other partnerships of {', '.join(deal_orgs)}", items=tuple(items))
    if _DETAIL_Q.search(question):
        items = [_story_item(ctx, story)]
        for article in ctx.store.articles.get_many(list(story.article_ids))[:5]:
            lead = article.excerpt or " ".join(article.body.split()[:60])
            if lead:
                items.append(AnswerItem(text=f"_{article.provider or 'Source'}_: {lead}",
                                        sources=_sources(ctx, [article.id] if article.id else [])))
        return Answer(title=story.headline, items=tuple(items))
    return None


def ask(ctx: AnswerContext, question: str, *, context_story_id: int | None = None) -> Answer:
    question = question.strip()
    if not question:
        return Answer(title="Ask", note=f"Ask a question, e.g. “who has Google partnered with on chips?”. {NEWS_USAGE}")
    story = ctx.store.stories.get(context_story_id) if context_story_id is not None else None
    if story is not None:
        answer = _about_story(ctx, question, story)
        if answer is not None:
            return answer
    names = [n for n in dict.fromkeys(ctx.orgs.find_names(question)) if n]
    names += [k for k in _known_names(ctx) if k.casefold() in question.casefold() and k not in names]
    if not names:
        # "Meridian" for "Meridian Cloud": a capitalised word that starts exactly one known name.
        for word in re.findall(r"\b[A-Z][\w&-]+", question):
            starts = [k for k in _known_names(ctx) if k.split()[0] == word]
            if len(starts) == 1 and starts[0] not in names:
                names.append(starts[0])
    wants_deals = any(w in question.casefold() for w in _PARTNER_WORDS)
    keywords = _keywords(question, exclude=names)
    if names and wants_deals:
        family = set().union(*(ctx.orgs.family(n) | {n} for n in names))
        records = ctx.store.partnerships.involving(sorted(family))
        topic = [_stem(k) for k in keywords]
        if topic:
            def relevant(p: Partnership) -> bool:
                titles = " ".join(a.title for a in ctx.store.articles.get_many(
                    ctx.store.partnerships.article_ids(p.id) if p.id is not None else []))
                text = {_stem(w) for w in _words(f"{p.what} {p.evidence} {titles}")}
                return any(t in text for t in topic)

            matching = [p for p in records if relevant(p)]
            if not matching:
                note = (f"No stored partnership of {', '.join(names)} is about “{' '.join(keywords)}”."
                        + (f" {len(records)} other partnership{'s are' if len(records) != 1 else ' is'} stored: "
                           f"try `/partnerships {names[0].lower()}`." if records else ""))
                return Answer(title=question, note=note)
            records = matching
        if not records:
            return Answer(title=question, note=f"No partnerships of {', '.join(names)} are stored.")
        return Answer(title=question,
                      items=tuple(_partnership_item(ctx, p, focus=family, asked=set(names)) for p in records))
    found = _rank_stories(ctx, question, ctx.store.stories.list(limit=500), keywords + [n.casefold() for n in names])
    if not found:
        return Answer(title=question, note="Nothing relevant is stored to answer that, so I won't guess.")
    return Answer(title=question, items=tuple(_story_item(ctx, s) for s in found[:3]))


def _split_pair(ctx: AnswerContext, args: str) -> tuple[str, str] | None:
    for sep in (" and ", " & ", ",", " vs ", " x ", " with ", "+"):
        if sep in args:
            left, right = (part.strip() for part in args.split(sep, 1))
            a, b = resolve_org(ctx, left), resolve_org(ctx, right)
            if a and b:
                return a, b
    words = args.split()
    for i in range(1, len(words)):
        a, b = resolve_org(ctx, " ".join(words[:i])), resolve_org(ctx, " ".join(words[i:]))
        if a and b:
            return a, b
    return None


def partnerships_command(ctx: AnswerContext, args: str) -> Answer:
    args = " ".join(args.split())
    if not args or args.casefold() in ("help", "-h", "--help"):
        return Answer(title="/partnerships", note=f"Usage: {PARTNERSHIPS_USAGE}")
    if args.casefold() == "latest":
        return latest(ctx)
    org = resolve_org(ctx, args)
    if org:
        return partners_of(ctx, org)
    both = _split_pair(ctx, args)
    if both:
        return pair(ctx, *both)
    return _unknown(ctx, args)


def answer_query(ctx: AnswerContext, text: str, *, context_story_id: int | None = None) -> Answer:
    """A slash-command line ("/partnerships hugging face", "/news ask ...") or a free question."""
    text = text.strip()
    command, _, rest = text.partition(" ")
    command = command.casefold()
    if command == "/partnerships":
        return partnerships_command(ctx, rest)
    if command == "/news":
        sub, _, arg = rest.strip().partition(" ")
        if sub.casefold() == "search":
            return search(ctx, arg)
        if sub.casefold() == "ask":
            return ask(ctx, arg, context_story_id=context_story_id)
        return Answer(title="/news", note=f"Usage: {NEWS_USAGE}")
    return ask(ctx, text, context_story_id=context_story_id)
