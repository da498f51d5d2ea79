from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain import Article
from bot.errors import ParseError
from bot.sources.files import parse_article_file, read_path

FRONT = b"""---
title: "Acme and Beta team up"
excerpt: "Acme &amp; Beta said on Monday..."
publishedDateTime: 2026-11-02T10:00:00Z
originalUrl: "https://news.example/acme-beta?utm_source=rss#top"
provider:
  name: Example News
  domain: news.example
topics: [AI, Cloud]
quality: 42
heat: 7
secured: "opaque"
custom:
  nested: [1, 2]
related:
  - title: "Beta confirms Acme deal"
    excerpt: "Beta confirmed..."
    publishedDateTime: 2026-11-02T12:00:00Z
    webUrl: "https://other.example/beta"
    provider: {name: Other, domain: other.example}
  - "not a mapping: ignored"
---
Acme and Beta announced a partnership.

Second paragraph.
"""


def test_front_matter_article() -> None:
    article = parse_article_file("a.md", FRONT)
    assert article.title == "Acme and Beta team up"
    assert article.excerpt == "Acme & Beta said on Monday..."
    assert article.url == "https://news.example/acme-beta"
    assert article.provider == "Example News" and article.provider_domain == "news.example"
    assert article.published == datetime(2026, 11, 2, 10, tzinfo=timezone.utc)
    assert article.topics == ("AI", "Cloud")
    assert (article.quality, article.heat) == (42.0, 7.0)
    assert article.text == "Acme and Beta announced a partnership.\n\nSecond paragraph."
    # Unknown keys are kept, never dropped.
    assert article.extra["secured"] == "opaque"
    assert article.extra["custom"] == {"nested": [1, 2]}
    [stub] = article.related
    assert stub.kind == "stub" and stub.title == "Beta confirms Acme deal"
    assert stub.url == "https://other.example/beta" and stub.provider == "Other"
    assert stub.parent_url == article.url


def test_plain_text_title_and_copyright_provider() -> None:
    raw = (
        "\n\nBig Deal Announced\n\nFirst paragraph here.\nSecond line.\n"
        "© The Example Daily(www.example-daily.co.kr). All rights reserved.\n\nComments\n"
    ).encode()
    article = parse_article_file("b.txt", raw)
    assert article.title == "Big Deal Announced"
    assert article.text == "First paragraph here.\nSecond line."
    assert article.provider == "The Example Daily"
    assert article.provider_domain == "example-daily.co.kr"
    assert article.url == "" and article.published is None


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        (b"", "empty file"),
        (b"   \n\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
        (b"Title\n\xff\xfe bad bytes", "not UTF-8"),
        (b"---\ntitle: [unclosed\n---\nbody", "malformed YAML front matter"),
        (b"---\ntitle: x\nbody without closing fence", "never closes"),
        (b"---\n- a\n- b\n---\nbody", "must be a YAML mapping"),
        (b"Comments\n", "no text besides boilerplate"),
    ],
)
def test_bad_files_name_the_file_and_problem(raw: bytes, problem: str) -> None:
    with pytest.raises(ParseError) as info:
        parse_article_file("dir/bad.md", raw)
    assert str(info.value).startswith("dir/bad.md: ")
    assert problem in str(info.value)


def test_folder_reads_good_files_and_reports_bad(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "good.md").write_bytes(FRONT)
    (tmp_path / "sub" / "plain.txt").write_text("Title line\nBody text.\n")
    (tmp_path / "bad.md").write_bytes(b"---\n: : :\n---\n")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "ignored.json").write_text("{}")
    (tmp_path / "huge.txt").write_bytes(b"x" * 2048)
    results = list(read_path(tmp_path, max_bytes=1024))
    targets = [Path(r.target).name for r in results]
    assert targets == ["bad.md", "empty.txt", "good.md", "huge.txt", "plain.txt"]
    ok = {Path(r.target).name for r in results if r.articles}
    assert ok == {"good.md", "plain.txt"}
    huge = next(r for r in results if r.target.endswith("huge.txt"))
    assert "over the 0.0 MB limit" in str(huge.errors[0]) or "limit" in str(huge.errors[0])


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    [result] = list(read_path(tmp_path / "nope", max_bytes=1000))
    assert "no such file or folder" in str(result.errors[0])


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=4096))
def test_arbitrary_bytes_give_an_article_or_our_error(data: bytes) -> None:
    try:
        article = parse_article_file("fuzz.md", data)
    except ParseError as exc:
        assert str(exc).startswith("fuzz.md: ")
    else:
        assert isinstance(article, Article) and article.title


yaml_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=30))
yaml_values = st.recursive(
    yaml_scalars,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=10), children, max_size=3),
    max_leaves=10,
)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=2000))
def test_arbitrary_text_gives_an_article_or_our_error(text: str) -> None:
    for raw in (text, "---\n" + text, "---\n" + text + "\n---\nbody"):
        try:
            article = parse_article_file("fuzz.txt", raw.encode("utf-8", "surrogatepass"))
        except ParseError:
            continue
        assert isinstance(article, Article)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(["title", "excerpt", "publishedDateTime", "originalUrl", "provider",
                                        "topics", "quality", "heat", "related", "other"]), yaml_values))
def test_arbitrary_front_matter_values(meta: dict[str, object]) -> None:
    import yaml

    raw = "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\nBody text.\n"
    try:
        article = parse_article_file("fm.md", raw.encode())
    except ParseError:
        return
    assert isinstance(article, Article) and article.title
