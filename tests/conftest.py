"""Shared fixtures.  Tests that need ../shared skip with a reason where it is absent."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    path = SHARED / "seeds"
    if not path.is_dir():
        pytest.skip(f"{path} is absent: the seed articles live beside the checkout (../shared/seeds), as in CI")
    return path


@pytest.fixture(scope="session")
def eval_dataset() -> Path:
    path = SHARED / "eval" / "cnndm_frank.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} is absent: the evaluation data lives beside the checkout (../shared/eval)")
    return path


def _postgres_url() -> str | None:
    return os.environ.get("NEWSBOT_TEST_POSTGRES_URL")


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The same store tests run on SQLite and on a real PostgreSQL server."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'newsbot.db'}"
        return
    base = _postgres_url()
    if not base:
        pytest.skip("NEWSBOT_TEST_POSTGRES_URL is not set (.ci/run starts a PostgreSQL server and sets it)")
    import sqlalchemy as sa

    from bot.store.engine import create_engine

    # A fresh schema per test keeps tests independent on one server.
    schema = f"t_{os.getpid()}_{abs(hash(request.node.nodeid)) % 10**8}"
    admin = create_engine(base)
    with admin.begin() as conn:
        conn.execute(sa.text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in base else "?"
    yield f"{base}{sep}options=-csearch_path%3D{schema}"
    with admin.begin() as conn:
        conn.execute(sa.text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture
def store(database_url: str) -> Iterator[object]:
    from bot.store import open_store

    with open_store(database_url) as opened:
        yield opened


# A tiny random BART saved to a session folder: the seq2seq backend end to end, offline.
from tests.tiny_models import tiny_bart  # noqa: E402,F401
