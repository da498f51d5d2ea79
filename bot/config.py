"""newsbot.yaml -> validated Settings.

Secrets never live in the file: tokens come from the environment only
(``SLACK_BOT_TOKEN`` ...), and ``DATABASE_URL`` overrides ``database.url``.
Validation errors name the file, the key path and what to change.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from bot.errors import ConfigError

DEFAULT_CONFIG_FILE = "newsbot.yaml"
# The demo corpus that ships with the repository; the default source when no
# newsbot.yaml exists, so a fresh clone has something to ingest.
DEMO_ARTICLES = Path(__file__).resolve().parent.parent / "examples" / "articles"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SourceSettings(_Strict):
    """One place articles come from: a file/folder (`path`) or a URL (`url`)."""

    path: Path | None = None
    url: str | None = None
    kind: Literal["auto", "files", "feed", "page"] = "auto"
    name: str | None = None
    # For feeds whose entries carry only an excerpt: fetch the page behind each.
    fetch_full_text: bool = False

    @field_validator("url")
    @classmethod
    def _http_only(cls, value: str | None) -> str | None:
        if value is None:
            return value
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(f"{value!r} is not an http(s) URL")
        return value

    @model_validator(mode="after")
    def _one_of(self) -> SourceSettings:
        if (self.path is None) == (self.url is None):
            raise ValueError("give exactly one of 'path' (a file or folder) or 'url'")
        if self.path is not None and self.kind not in ("auto", "files"):
            raise ValueError(f"kind {self.kind!r} needs a 'url', not a 'path'")
        return self

    @property
    def target(self) -> str:
        return str(self.path) if self.path is not None else str(self.url)


class FetchSettings(_Strict):
    connect_timeout: float = Field(5.0, gt=0)
    read_timeout: float = Field(20.0, gt=0)
    max_bytes: int = Field(10 * 1024 * 1024, gt=0)
    max_redirects: int = Field(5, ge=0, le=20)
    user_agent: str = "newsbot/0.1 (+https://github.com/newsbot)"
    # Links inside feeds are untrusted: private, loopback, link-local and cloud
    # metadata addresses are refused unless listed here (host names or IPs).
    allow_hosts: list[str] = Field(default_factory=list)
    allow_private_addresses: bool = False


class FileSettings(_Strict):
    # Files above this are refused with a clear message rather than read into memory.
    max_bytes: int = Field(5 * 1024 * 1024, gt=0)


class DatabaseSettings(_Strict):
    url: str = "sqlite:///newsbot.db"


class SummarizerSettings(_Strict):
    backend: str = "auto"
    model: str | None = None
    batch_size: int = Field(8, ge=1)
    # Checked against the chosen backend's own options model when it is built.
    options: dict[str, Any] = Field(default_factory=dict)


class SlackSettings(_Strict):
    api_url: str | None = None
    digest_channel: str | None = None


class DigestSettings(_Strict):
    max_stories: int = Field(10, ge=1, le=45)
    lookback_days: int = Field(7, ge=1)


WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class SubscriptionSettings(_Strict):
    """A channel's daily digest, as configured (``/news subscribe`` adds more in the database)."""

    channel: str = Field(..., min_length=1)
    at: str = "09:00"
    tz: str = "UTC"
    weekdays: list[str] = Field(default_factory=lambda: list(WEEKDAY_NAMES[:5]))
    topics: list[str] = Field(default_factory=list)
    max_stories: int | None = Field(None, ge=1, le=45)

    @field_validator("at")
    @classmethod
    def _time_of_day(cls, value: str) -> str:
        hour, sep, minute = value.partition(":")
        if not (sep and hour.isdigit() and minute.isdigit() and int(hour) < 24 and int(minute) < 60):
            raise ValueError(f"{value!r} is not a time of day; write it as HH:MM, e.g. '09:00'")
        return f"{int(hour):02d}:{int(minute):02d}"

    @field_validator("tz")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"{value!r} is not a time zone; use an IANA name such as Europe/Berlin") from None
        return value

    @field_validator("weekdays")
    @classmethod
    def _day_names(cls, value: list[str]) -> list[str]:
        days = [d.strip().lower()[:3] for d in value]
        bad = [v for v, d in zip(value, days) if d not in WEEKDAY_NAMES]
        if bad:
            raise ValueError(f"{bad[0]!r} is not a weekday; use mon, tue, wed, thu, fri, sat, sun")
        return days

    def weekday_numbers(self) -> tuple[int, ...]:
        return tuple(sorted({WEEKDAY_NAMES.index(d) for d in self.weekdays}))


class ScheduleSettings(_Strict):
    """``newsbot run``: how often to ingest, and when digests go out."""

    ingest_every_minutes: int = Field(30, ge=1)
    # A digest whose time passed while the bot was down is posted late within this, then skipped.
    grace_hours: float = Field(6.0, ge=0)
    # A claim not recorded as posted after this long belongs to a replica that died.
    claim_timeout_minutes: float = Field(10.0, gt=0)
    subscriptions: list[SubscriptionSettings] = Field(default_factory=list)


class OrganisationSettings(_Strict):
    """An organisation the shipped gazetteer lacks, or more aliases for one it has."""

    name: str = Field(..., min_length=1)
    aliases: list[str] = Field(default_factory=list)
    parent: str | None = None
    kind: Literal["company", "lab", "university", "regulator", "government", "nonprofit", "investor"] = "company"


class Settings(_Strict):
    database: DatabaseSettings = Field(default_factory=DatabaseSettings)
    sources: list[SourceSettings] = Field(default_factory=list)
    fetch: FetchSettings = Field(default_factory=FetchSettings)
    files: FileSettings = Field(default_factory=FileSettings)
    summarizer: SummarizerSettings = Field(default_factory=SummarizerSettings)
    slack: SlackSettings = Field(default_factory=SlackSettings)
    digest: DigestSettings = Field(default_factory=DigestSettings)
    schedule: ScheduleSettings = Field(default_factory=ScheduleSettings)
    organisations: list[OrganisationSettings] = Field(default_factory=list)
    # Where the settings came from, for messages; not a config key.
    origin: str = Field("built-in defaults", exclude=True)

    @property
    def database_url(self) -> str:
        return os.environ.get("DATABASE_URL") or self.database.url


def _format_loc(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _describe(exc: ValidationError, origin: str) -> str:
    lines = []
    for err in exc.errors():
        loc = tuple(p for p in err["loc"] if p not in ("function-after[_one_of()]",))
        msg = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            msg = "unknown key (check its spelling against examples/newsbot.yaml)"
        lines.append(f"{origin}: {_format_loc(loc)}: {msg}")
    return "\n".join(lines)


def settings_from_dict(data: dict[str, Any], origin: str = "<dict>") -> Settings:
    try:
        settings = Settings.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(_describe(exc, origin)) from None
    base = Path(origin).parent if origin not in ("<dict>", "built-in defaults") else Path(".")
    # Relative source paths are relative to the config file, not the cwd.
    for src in settings.sources:
        if src.path is not None and not src.path.is_absolute():
            src.path = (base / src.path).resolve()
    return settings.model_copy(update={"origin": origin})


def default_settings() -> Settings:
    sources = [SourceSettings(path=DEMO_ARTICLES, name="demo articles")] if DEMO_ARTICLES.is_dir() else []
    return Settings(sources=sources)


def load_settings(path: str | os.PathLike[str] | None = None) -> Settings:
    """Read ``path`` (or ./newsbot.yaml when it exists, else built-in defaults)."""
    explicit = path is not None
    file = Path(path) if path is not None else Path(DEFAULT_CONFIG_FILE)
    if not file.exists():
        if explicit:
            raise ConfigError(f"{file}: no such config file", hint="check the --config path")
        return default_settings()
    try:
        raw = yaml.safe_load(file.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{file}: not valid YAML: {exc}") from None
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise ConfigError(f"{file}: the top level must be a mapping of sections (database:, sources:, ...)")
    return settings_from_dict(raw, origin=str(file))
