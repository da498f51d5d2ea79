from pathlib import Path

import pytest
import sqlalchemy as sa

from bot.errors import StoreError
from bot.store import open_store


def test_sqlite_uses_wal(tmp_path: Path) -> None:
    with open_store(f"sqlite:///{tmp_path / 'sub' / 'a.db'}") as store:
        with store.engine.connect() as conn:
            assert conn.execute(sa.text("PRAGMA journal_mode")).scalar() == "wal"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("not a url", "is not a URL"),
        ("mysql://u@h/db", "is not supported"),
        ("postgresql://nobody@127.0.0.1:1/none", "cannot open database"),
    ],
)
def test_bad_database_urls_say_what_to_fix(url: str, message: str) -> None:
    with pytest.raises(StoreError) as info:
        open_store(url)
    assert message in str(info.value)


def test_password_is_not_echoed() -> None:
    with pytest.raises(StoreError) as info:
        open_store("postgresql://user:s3cret@127.0.0.1:1/db")
    assert "s3cret" not in str(info.value)
