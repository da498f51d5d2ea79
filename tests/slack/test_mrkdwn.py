from __future__ import annotations

import pytest

from bot.slack.mrkdwn import ELLIPSIS, escape, link, plain, safe, safe_url, trim

J = "\u2060"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("<!channel> hi", "&lt;!channel&gt; hi"),
        ("<!here|here>", "&lt;!here|here&gt;"),
        ("<https://evil.example|click>", "&lt;https://evil.example|click&gt;"),
        ("<@U123> and <#C1>", "&lt;@U123&gt; and &lt;#C1&gt;"),
        ("AT&T < Verizon > Sprint", "AT&amp;T &lt; Verizon &gt; Sprint"),
        ("&amp; stays visible", "&amp;amp; stays visible"),
        ("@everyone @Channel @here!", f"@{J}everyone @{J}Channel @{J}here!"),
        ("mail@hereford.example is not a ping", "mail@hereford.example is not a ping"),
    ],
)
def test_escape(raw: str, expected: str) -> None:
    assert escape(raw) == expected


def test_plain_text_defuses_mentions_without_entities() -> None:
    assert plain("<!channel> @everyone R&D <https://x|y>") == f"<{J}!channel> @{J}everyone R&D <{J}https://x|y>"


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("short", 10, "short"),
        ("abcdefghij", 10, "abcdefghij"),
        ("abcdefghijk", 10, "abcdefghi" + ELLIPSIS),
        # Never half an entity: "x &amp;" cut inside the entity drops all of it.
        ("abcd &amp; efgh", 8, "abcd" + ELLIPSIS),
        ("word " * 10, 12, "word word" + ELLIPSIS),
        ("anything", 0, ""),
    ],
)
def test_trim(text: str, limit: int, expected: str) -> None:
    out = trim(text, limit)
    assert out == expected and len(out) <= max(limit, 0)


def test_safe_trims_after_escaping_10000_chars() -> None:
    out = safe("<" * 10_000, 3000)
    assert len(out) <= 3000 and out.endswith(ELLIPSIS) and "<" not in out and out.count("&lt;") == 749


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.example/a?x=1&y=2", "https://news.example/a?x=1&amp;y=2"),
        ("http://news.example/a|b>c<d e", "http://news.example/a%7Cb%3Ec%3Cd%20e"),
        ("javascript:alert(1)", None),
        ("ftp://files.example/x", None),
        ("slack://channel?id=C1", None),
        ("https:///nohost", None),
        ("", None),
        (None, None),
    ],
)
def test_safe_url(url: str | None, expected: str | None) -> None:
    assert safe_url(url) == expected


def test_link_escapes_label_and_refuses_unsafe_urls() -> None:
    assert link("https://a.example/x", "<!channel> A & B") == "<https://a.example/x|&lt;!channel&gt; A &amp; B>"
    assert link("javascript:alert(1)", "click") == "click"
    assert link("https://a.example/" + "x" * 4000, "long") == "long"
    assert link("https://a.example/x", "   ") == "<https://a.example/x|https://a.example/x>"
