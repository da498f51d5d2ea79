"""The schema, as SQLAlchemy Core tables: the only description of it.

Migrations (``migrations.py``) build from these same objects.  A column added
after its table first shipped carries ``info={"since": N}`` so migration N adds
it and earlier migrations leave it out; that keeps one source of truth.
"""

from __future__ import annotations

from datetime import datetime, timezone

import sqlalchemy as sa
from sqlalchemy.types import TypeDecorator

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in, aware UTC datetimes out, on SQLite and PostgreSQL alike."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime reached the store; convert it with normalize.to_utc first")
        value = value.astimezone(timezone.utc)
        # SQLite has no time zones: store naive UTC there.
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


schema_migrations = sa.Table(
    "schema_migrations",
    metadata,
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("applied_at", UTCDateTime, nullable=False),
)

sources = sa.Table(
    "sources",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("target", sa.String(2048), nullable=False, unique=True),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("name", sa.String(300)),
    sa.Column("etag", sa.String(1024)),
    sa.Column("last_modified", sa.String(200)),
    sa.Column("last_fetched_at", UTCDateTime),
    sa.Column("last_ok_at", UTCDateTime),
    sa.Column("last_error", sa.Text),
    sa.Column("last_error_at", UTCDateTime),
    sa.Column("created_at", UTCDateTime, nullable=False),
)

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("url", sa.String(2048), unique=True),
    sa.Column("content_hash", sa.String(64), nullable=False, index=True),
    sa.Column("kind", sa.String(8), nullable=False),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("text", sa.Text, nullable=False, default=""),
    sa.Column("excerpt", sa.Text, nullable=False, default=""),
    sa.Column("provider", sa.String(300)),
    sa.Column("provider_domain", sa.String(300)),
    sa.Column("published_at", UTCDateTime, index=True),
    sa.Column("date_estimated", sa.Boolean, nullable=False, default=False),
    sa.Column("topics", sa.JSON, nullable=False, default=list),
    sa.Column("quality", sa.Float),
    sa.Column("heat", sa.Float),
    sa.Column("origin", sa.Text, nullable=False, default=""),
    sa.Column("extra", sa.JSON, nullable=False, default=dict),
    sa.Column("source_id", sa.Integer, sa.ForeignKey("sources.id", ondelete="SET NULL")),
    sa.Column("first_seen_at", UTCDateTime, nullable=False),
    sa.Column("updated_at", UTCDateTime, nullable=False),
)

article_links = sa.Table(
    "article_links",
    metadata,
    sa.Column("parent_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("child_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
)

# --- 0003: stories and partnerships -------------------------------------------

stories = sa.Table(
    "stories",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("headline", sa.Text, nullable=False),
    sa.Column("url", sa.String(2048)),
    sa.Column("summary", sa.Text, nullable=False, default=""),
    sa.Column("first_seen_at", UTCDateTime),
    sa.Column("last_seen_at", UTCDateTime, index=True),
    sa.Column("topics", sa.JSON, nullable=False, default=list),
    sa.Column("organisations", sa.JSON, nullable=False, default=list),
    sa.Column("quality", sa.Float),
    sa.Column("heat", sa.Float),
    # Mean embedding of the story's articles, so new coverage can join it later.
    sa.Column("centroid", sa.JSON),
    sa.Column("updated_at", UTCDateTime, nullable=False),
)

story_articles = sa.Table(
    "story_articles",
    metadata,
    sa.Column("story_id", sa.Integer, sa.ForeignKey("stories.id", ondelete="CASCADE"), nullable=False, index=True),
    # One story per article.
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
)

partnerships = sa.Table(
    "partnerships",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("org_a", sa.String(300), nullable=False, index=True),
    sa.Column("org_b", sa.String(300), nullable=False, index=True),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("date", UTCDateTime, index=True),
    sa.Column("what", sa.Text, nullable=False, default=""),
    sa.Column("evidence", sa.Text, nullable=False, default=""),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Column("story_id", sa.Integer, sa.ForeignKey("stories.id", ondelete="SET NULL")),
    sa.Column("updated_at", UTCDateTime, nullable=False),
)

partnership_articles = sa.Table(
    "partnership_articles",
    metadata,
    sa.Column("partnership_id", sa.Integer, sa.ForeignKey("partnerships.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
)

# --- 0002: the summary cache ----------------------------------------------------

summaries = sa.Table(
    "summaries",
    metadata,
    # sha256 of the exact text that was summarised (cleaned article body).
    sa.Column("content_hash", sa.String(64), primary_key=True),
    # Digest of the four key parts below, so the key is one indexable column.
    sa.Column("fingerprint", sa.String(64), primary_key=True),
    sa.Column("backend", sa.String(64), nullable=False),
    sa.Column("model", sa.String(1024), nullable=False),
    sa.Column("options", sa.String(64), nullable=False),
    sa.Column("prompt", sa.String(200), nullable=False, default=""),
    sa.Column("text", sa.Text, nullable=False),
    # Who wrote the text: differs from `backend` when the faithfulness guard swapped it.
    sa.Column("made_by", sa.String(64), nullable=False),
    sa.Column("made_with", sa.String(1024), nullable=False),
    sa.Column("note", sa.Text, nullable=False, default=""),
    sa.Column("created_at", UTCDateTime, nullable=False),
)

# --- 0005: digest claims (exactly-once posting across restarts and replicas) ------

digest_claims = sa.Table(
    "digest_claims",
    metadata,
    # "<channel>:<local date>": the primary key is what makes a digest post once.
    sa.Column("digest_id", sa.String(128), primary_key=True),
    sa.Column("channel", sa.String(64), nullable=False),
    sa.Column("local_date", sa.Date, nullable=False),
    sa.Column("owner", sa.String(200), nullable=False),
    sa.Column("claimed_at", UTCDateTime, nullable=False),
    sa.Column("posted_ts", sa.String(64)),
    sa.Column("posted_at", UTCDateTime),
)

# --- 0004: Slack: posted messages, posted stories, subscriptions, seen events --

# Every message newsbot posted that a reply may come back to: digests, their
# continuations and coverage updates (thread replies), answers.
slack_messages = sa.Table(
    "slack_messages",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("channel", sa.String(64), nullable=False),
    sa.Column("ts", sa.String(32), nullable=False),
    # The thread the message sits in; NULL for a top-level message.
    sa.Column("thread_ts", sa.String(32), index=True),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("story_ids", sa.JSON, nullable=False, default=list),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.UniqueConstraint("channel", "ts"),
)

# One row per story per channel: what makes "never posted twice" hold, and
# where later coverage of the story goes (its thread).
slack_posted_stories = sa.Table(
    "slack_posted_stories",
    metadata,
    sa.Column("channel", sa.String(64), primary_key=True),
    # No foreign key: a story re-clustered away must still count as posted.
    sa.Column("story_id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("message_ts", sa.String(32), nullable=False),
    sa.Column("thread_ts", sa.String(32), nullable=False, index=True),
    # The story's number in its digest, so "#2" in a thread means something.
    sa.Column("position", sa.Integer, nullable=False),
    # The articles the channel has seen for the story; others are new coverage.
    sa.Column("article_ids", sa.JSON, nullable=False, default=list),
    sa.Column("posted_at", UTCDateTime, nullable=False, index=True),
)

slack_subscriptions = sa.Table(
    "slack_subscriptions",
    metadata,
    sa.Column("channel", sa.String(64), primary_key=True),
    sa.Column("topics", sa.JSON, nullable=False, default=list),
    sa.Column("at_time", sa.String(5), nullable=False),
    sa.Column("tz", sa.String(64), nullable=False),
    sa.Column("weekdays", sa.JSON, nullable=False, default=list),
    sa.Column("max_stories", sa.Integer),
    sa.Column("created_by", sa.String(64)),
    sa.Column("updated_at", UTCDateTime, nullable=False),
)

# Event ids already handled: Slack retries an event it thinks we missed.
slack_events = sa.Table(
    "slack_events",
    metadata,
    sa.Column("event_id", sa.String(64), primary_key=True),
    sa.Column("received_at", UTCDateTime, nullable=False, index=True),
)
