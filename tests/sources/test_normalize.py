from datetime import datetime, timezone

import pytest

from bot.sources.normalize import canonical_url, clean_line, clean_text, content_hash, to_jsonable, to_utc


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("https://Example.COM/a/b?utm_source=x&id=3#frag", "https://example.com/a/b?id=3"),
        ("https://example.com/a?fbclid=1&gclid=2&mc_cid=3&mc_eid=4", "https://example.com/a"),
        ("http://example.com:80/x", "http://example.com/x"),
        ("https://example.com:8443/x", "https://example.com:8443/x"),
        ("https://example.com", "https://example.com/"),
        ("  https://example.com/p?q=1&UTM_Medium=z  ", "https://example.com/p?q=1"),
        ("", ""),
    ],
)
def test_canonical_url(raw: str, expected: str) -> None:
    assert canonical_url(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("<p>Hello&nbsp;<b>world</b></p><p>Two</p>", "Hello world\nTwo"),
        ("Fish &amp; chips", "Fish & chips"),
        ("a  \t b\r\n\r\n\r\n\r\nc", "a b\n\nc"),
        ("<script>alert(1)</script><p>kept</p>", "kept"),
        (None, ""),
    ],
)
def test_clean_text(raw: str | None, expected: str) -> None:
    assert clean_text(raw) == expected


def test_clean_line_folds_lines() -> None:
    assert clean_line("Two\nlines  here") == "Two lines here"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2024-01-25T19:43:00Z", datetime(2024, 1, 25, 19, 43, tzinfo=timezone.utc)),
        ("2024-01-25T21:43:00+02:00", datetime(2024, 1, 25, 19, 43, tzinfo=timezone.utc)),
        ("Thu, 25 Jan 2024 19:43:00 GMT", datetime(2024, 1, 25, 19, 43, tzinfo=timezone.utc)),
        ("2024-01-25", datetime(2024, 1, 25, tzinfo=timezone.utc)),
        (datetime(2024, 1, 25, 19, 43), datetime(2024, 1, 25, 19, 43, tzinfo=timezone.utc)),
        ("not a date", None),
        (None, None),
        (42, None),
    ],
)
def test_to_utc(raw: object, expected: datetime | None) -> None:
    result = to_utc(raw)
    assert result == expected
    if result is not None:
        assert result.tzinfo is not None and result.utcoffset().total_seconds() == 0


def test_content_hash_ignores_spacing_and_case() -> None:
    assert content_hash("Title", "Some  body\ntext") == content_hash("title", "some body text")
    assert content_hash("Title", "Some body") != content_hash("Title", "Other body")


def test_to_jsonable_handles_yaml_dates() -> None:
    value = {"when": datetime(2024, 1, 1, tzinfo=timezone.utc), "list": [1, (2, 3)], 3: None}
    assert to_jsonable(value) == {"when": "2024-01-01T00:00:00+00:00", "list": [1, [2, 3]], "3": None}
