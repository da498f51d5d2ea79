"""One exception tree.  Every message says what went wrong *and* what to do.

Driver errors (SQLAlchemy, httpx, transformers, YAML) are wrapped into these at
the boundary where they happen; the CLI and the Slack layer each turn a
``NewsbotError`` into user text in exactly one place.
"""

from __future__ import annotations


class NewsbotError(Exception):
    """Root of every error newsbot raises on purpose."""

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


class ConfigError(NewsbotError):
    """newsbot.yaml or the environment is wrong; the message names the key path."""


class StoreError(NewsbotError):
    """The database could not be opened, migrated or written."""


class SourceError(NewsbotError):
    """One file, feed or page could not be read.  Names the file or URL."""

    def __init__(self, where: str, problem: str, *, hint: str | None = None) -> None:
        super().__init__(f"{where}: {problem}", hint=hint)
        self.where = where
        self.problem = problem


class ParseError(SourceError):
    """The bytes were read but are not an article we understand."""


class FetchError(SourceError):
    """An HTTP fetch failed: status, timeout, size cap, redirects, refused address."""


class ModelError(NewsbotError):
    """A model could not be loaded or run."""


class SlackError(NewsbotError):
    """Slack refused a call or is not configured."""
