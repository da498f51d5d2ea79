"""Article files: YAML front matter + body, or plain text.

Each file gives one full article; each ``related[]`` entry of its front matter
gives a stub article linked to it.  Anything wrong with a file becomes a
``ParseError`` naming the file; the other files are still read.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from bot.domain import Article
from bot.errors import ParseError, SourceError
from bot.sources.base import SourceResult
from bot.sources.frontmatter import FrontMatterError, split_front_matter
from bot.sources.normalize import canonical_url, clean_line, clean_text, content_hash, to_jsonable, to_utc

SUFFIXES = (".md", ".markdown", ".txt")

# Front-matter keys we map onto Article fields; everything else goes to `extra`.
_KNOWN_KEYS = {"title", "excerpt", "publishedDateTime", "originalUrl", "webUrl", "provider", "topics",
               "quality", "heat", "related"}

_COPYRIGHT = re.compile(
    r"^\s*(?:©|\(c\)|copyright\b)\s*(?:\d{4}\s*)?(?P<name>[^.(\n]*?)\s*(?:\((?P<site>[^)]*)\))?\s*[.,]?\s*"
    r"(?:all rights reserved\.?)?\s*$",
    re.I,
)
_BOILERPLATE_LINES = re.compile(
    r"^\s*(comments?|\d+\s+comments?|share( this( article)?)?|advertisement|all rights reserved\.?|"
    r"read more|subscribe( now)?)\s*$",
    re.I,
)


def _fail(path: str, problem: str, hint: str | None = None) -> ParseError:
    return ParseError(path, problem, hint=hint)


def decode_article_bytes(where: str, data: bytes) -> str:
    """Bytes -> text, or a ParseError that says what is wrong with the file."""
    if not data.strip():
        raise _fail(where, "empty file", "nothing to ingest; delete it or add an article")
    if b"\x00" in data[:8192]:
        raise _fail(where, "binary file, not text", "only .md/.markdown/.txt article files are read")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _fail(
            where,
            f"not UTF-8 text (invalid byte 0x{data[exc.start]:02x} at offset {exc.start})",
            "re-save the file as UTF-8",
        ) from None


def _provider_name(meta: Mapping[str, Any]) -> tuple[str | None, str | None]:
    provider = meta.get("provider")
    if isinstance(provider, Mapping):
        name = clean_line(str(provider.get("name") or "")) or None
        domain = clean_line(str(provider.get("domain") or "")) or None
        return name, domain
    if isinstance(provider, str):
        return clean_line(provider) or None, None
    return None, None


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _topics(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return ()
    return tuple(t for t in (clean_line(str(v)) for v in value if v is not None) if t)


def _stub(where: str, entry: Any, index: int, parent_url: str) -> Article | None:
    if not isinstance(entry, Mapping):
        return None
    title = clean_line(str(entry.get("title") or ""))
    url = canonical_url(str(entry.get("webUrl") or entry.get("originalUrl") or entry.get("url") or ""))
    if not title or not url:
        return None
    excerpt = clean_line(str(entry.get("excerpt") or ""))
    name, domain = _provider_name(entry)
    return Article(
        title=title,
        url=url,
        kind="stub",
        excerpt=excerpt,
        provider=name,
        provider_domain=domain,
        published=to_utc(entry.get("publishedDateTime")),
        quality=_number(entry.get("quality")),
        heat=_number(entry.get("heat")),
        topics=_topics(entry.get("topics")),
        origin=f"{where}#related[{index}]",
        extra=to_jsonable({k: v for k, v in entry.items() if k not in _KNOWN_KEYS}),
        content_hash=content_hash(title, excerpt),
        parent_url=parent_url or None,
    )


def _strip_boilerplate(lines: list[str]) -> tuple[list[str], str | None, str | None]:
    """Drop trailing boilerplate lines; a copyright line names the provider."""
    provider = domain = None
    kept = list(lines)
    while kept:
        last = clean_line(kept[-1])
        if not last:
            kept.pop()
            continue
        match = _COPYRIGHT.match(last)
        if match and (match.group("name") or match.group("site")):
            provider = provider or (clean_line(match.group("name")) or None)
            site = (match.group("site") or "").strip().lower()
            domain = domain or (site.removeprefix("www.") or None)
            kept.pop()
            continue
        if _BOILERPLATE_LINES.match(last):
            kept.pop()
            continue
        break
    return kept, provider, domain


def parse_plain_text(where: str, text: str) -> Article:
    lines, provider, domain = _strip_boilerplate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    # "Empty" judged after cleaning: a line of control characters is no title.
    while lines and not clean_line(lines[0]):
        lines.pop(0)
    if not lines:
        raise _fail(where, "no text besides boilerplate", "add the article's title and body")
    title = clean_line(lines[0])
    body = clean_text("\n".join(lines[1:]))
    if len(title) > 300:
        # A first "line" this long is a paragraph: the file has no title line.
        title, body = title[:120].rsplit(" ", 1)[0] + "…", clean_text("\n".join(lines))
    return Article(
        title=title,
        url="",
        text=body,
        provider=provider,
        provider_domain=domain,
        origin=where,
        content_hash=content_hash(title, body),
    )


def parse_front_matter_article(where: str, meta: Mapping[str, Any], body_text: str) -> Article:
    title = clean_line(str(meta.get("title") or ""))
    body = clean_text(body_text)
    if not title:
        first = next((line for line in body.split("\n") if line.strip()), "")
        if not first:
            raise _fail(where, "front matter has no 'title' and the body is empty", "add a title: key")
        title = clean_line(first)
    excerpt = clean_line(str(meta.get("excerpt") or ""))
    url = canonical_url(str(meta.get("originalUrl") or meta.get("webUrl") or ""))
    if url and not url.startswith(("http://", "https://")):
        raise _fail(where, f"originalUrl/webUrl {url!r} is not an http(s) URL")
    name, domain = _provider_name(meta)
    related_raw = meta.get("related") or []
    related = tuple(
        stub
        for i, entry in enumerate(related_raw if isinstance(related_raw, list) else [])
        if (stub := _stub(where, entry, i, url)) is not None
    )
    return Article(
        title=title,
        url=url,
        text=body,
        excerpt=excerpt,
        provider=name,
        provider_domain=domain,
        published=to_utc(meta.get("publishedDateTime")),
        topics=_topics(meta.get("topics")),
        quality=_number(meta.get("quality")),
        heat=_number(meta.get("heat")),
        origin=where,
        extra=to_jsonable({k: v for k, v in meta.items() if k not in _KNOWN_KEYS}),
        related=related,
        content_hash=content_hash(title, body or excerpt),
    )


def parse_article_file(where: str, data: bytes) -> Article:
    """Parse one article file's bytes.  Raises ParseError (naming ``where``) and nothing else."""
    text = decode_article_bytes(where, data)
    try:
        meta, body = split_front_matter(text)
    except FrontMatterError as exc:
        raise _fail(where, str(exc)) from None
    if meta:
        return parse_front_matter_article(where, meta, body)
    return parse_plain_text(where, text)


def iter_article_files(root: Path) -> Iterator[Path]:
    """Article files under ``root`` (a file or a folder, recursive), in a stable order."""
    if root.is_file():
        yield root
        return
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.lower().endswith(SUFFIXES) and not name.startswith("."):
                yield Path(dirpath) / name


def read_file(path: Path, *, max_bytes: int) -> SourceResult:
    where = str(path)
    try:
        if path.suffix.lower() not in SUFFIXES:
            raise _fail(where, f"unsupported file type {path.suffix or '(none)'!r}",
                        "article files end in .md, .markdown or .txt")
        size = path.stat().st_size
        if size > max_bytes:
            raise _fail(where, f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.1f} MB limit",
                        "raise files.max_bytes in newsbot.yaml if this is really one article")
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
        article = parse_article_file(where, data)
    except SourceError as exc:
        return SourceResult(target=where, errors=(exc,))
    except OSError as exc:
        return SourceResult(target=where, errors=(SourceError(where, f"cannot read: {exc.strerror or exc}"),))
    return SourceResult(target=where, articles=(article,))


def read_path(path: Path, *, max_bytes: int) -> Iterator[SourceResult]:
    if not path.exists():
        yield SourceResult(target=str(path), errors=(SourceError(str(path), "no such file or folder"),))
        return
    for file in iter_article_files(path):
        yield read_file(file, max_bytes=max_bytes)
