"""`newsbot`: the command line.  NewsbotError becomes a ClickException here, once."""

from __future__ import annotations

import functools
import json
import logging
import re
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import click

from bot.config import Settings, load_settings
from bot.domain import Article
from bot.errors import NewsbotError
from bot.sources.normalize import to_utc

F = TypeVar("F", bound=Callable[..., Any])


class _JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        payload = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            payload["exc"] = self.formatException(record.exc_info)
        return json.dumps(payload, ensure_ascii=False)


# Slack tokens (xoxb-, xoxp-, xapp- ...) and URL passwords: slack_sdk logs request
# headers at debug level, and a database URL may carry a password.
_SECRET = re.compile(r"\b(xox[a-z]-|xapp-)[A-Za-z0-9-]+|(?<=://)([^:/@\s]+):[^@/\s]+(?=@)")


def redact(text: str) -> str:
    return _SECRET.sub(lambda m: f"{m.group(1)}***" if m.group(1) else f"{m.group(2)}:***", text)


class _Redacting(logging.Formatter):
    """Formats with ``inner``, then blanks out secrets, whatever library logged them."""

    def __init__(self, inner: logging.Formatter) -> None:
        super().__init__()
        self.inner = inner

    def format(self, record: logging.LogRecord) -> str:
        return redact(self.inner.format(record))


def _setup_logging(verbose: int, log_format: str) -> None:
    handler = logging.StreamHandler(sys.stderr)
    inner = _JsonFormatter() if log_format == "json" else logging.Formatter("%(levelname)s %(name)s: %(message)s")
    handler.setFormatter(_Redacting(inner))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.DEBUG if verbose > 1 else logging.INFO if verbose else logging.WARNING)


def handle_errors(func: F) -> F:
    """Turn our errors into one readable line and exit status 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except NewsbotError as exc:
            raise click.ClickException(str(exc)) from None

    return wrapper  # type: ignore[return-value]


class Context:
    def __init__(self, config_path: str | None) -> None:
        self.config_path = config_path
        self._settings: Settings | None = None

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            self._settings = load_settings(self.config_path)
        return self._settings

    @contextmanager
    def store(self) -> Iterator[Any]:
        from bot.store import open_store

        store = open_store(self.settings.database_url)
        try:
            yield store
        finally:
            store.close()


pass_ctx = click.make_pass_decorator(Context)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
              help="Config file (default: ./newsbot.yaml if present, else built-in defaults).")
@click.option("-v", "--verbose", count=True, help="More logging (-vv for debug).")
@click.option("--log-format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.version_option(package_name="newsbot")
@click.pass_context
def cli(ctx: click.Context, config_path: str | None, verbose: int, log_format: str) -> None:
    """newsbot: industry news, AI partnerships first, in Slack."""
    _setup_logging(verbose, log_format)
    ctx.obj = Context(config_path)


def _parse_since(_ctx: click.Context, _param: click.Parameter, value: str | None) -> datetime | None:
    if value is None:
        return None
    parsed = to_utc(value)
    if parsed is None:
        raise click.BadParameter(f"{value!r} is not a date; use e.g. 2024-01-25 or 2024-01-25T09:00:00Z")
    return parsed


@cli.command()
@click.argument("targets", nargs=-1)
@pass_ctx
@handle_errors
def ingest(obj: Context, targets: tuple[str, ...]) -> None:
    """Read articles from TARGETS (files, folders, feed or page URLs), else the configured sources.

    Prints one line per failure and ends with `N new, M updated, K unchanged, E failed`;
    exits 1 if anything failed, after storing everything that could be read.
    """
    from bot.sources.registry import spec_for_target

    settings = obj.settings
    specs = [spec_for_target(t) for t in targets] if targets else list(settings.sources)
    if not specs:
        raise click.ClickException(
            f"no sources configured in {settings.origin}; pass files, folders or URLs "
            "(newsbot ingest PATH_OR_URL ...) or add a sources: list (see examples/newsbot.yaml)"
        )
    with obj.store() as store:
        report, stage_failed = _ingest_into(settings, store, specs)
    click.echo(report.line())
    if report.failed or stage_failed:
        sys.exit(1)


def _ingest_into(settings: Settings, store: Any, specs: list[Any]) -> tuple[Any, bool]:
    """Ingest with a progress bar and one line per failure; (report, whether a later stage failed)."""
    from tqdm import tqdm

    from bot.pipeline import count_units, process_changed
    from bot.pipeline import ingest as run_ingest

    bar = tqdm(total=count_units(specs), unit="source", disable=not sys.stderr.isatty(), leave=False)

    def progress(result: Any) -> None:
        bar.update(1)
        for error in result.errors:
            with tqdm.external_write_mode(file=sys.stderr):
                click.echo(f"error: {error}", err=True)

    with bar:
        report = run_ingest(specs, settings=settings, store=store, progress=progress)
    if report.changed_ids:
        try:
            summary_bar, step = _progress_bar("article", "summarising")
            with summary_bar:
                process_changed(settings, store, report.changed_ids, progress=step)
        except NewsbotError as exc:
            # Articles are stored; the next ingest retries what could not be processed.
            click.echo(f"error: {exc}", err=True)
            return report, True
    return report, False


def _progress_bar(unit: str, desc: str) -> Any:
    """A tqdm bar on a terminal (silent otherwise) and a (done, total) callback that drives it."""
    from tqdm import tqdm

    bar = tqdm(total=0, unit=unit, desc=desc, disable=not sys.stderr.isatty(), leave=False)

    def progress(done: int, total: int) -> None:
        if bar.total != total:
            bar.reset(total=total)
        bar.update(done - bar.n)

    return bar, progress


@cli.command()
@click.option("--input", "input_path", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help='JSONL file, one {"id": ..., "text": ...} per line.')
@click.option("--output", "output_path", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="JSONL file to append summaries to; ids already in it are skipped.")
@click.option("--backend", default=None, help="Summariser backend (default: summarizer.backend).")
@click.option("--model", default=None, help="Model id or local folder (default: summarizer.model).")
@click.option("--batch-size", type=click.IntRange(min=1), default=None, help="Texts per batch (default: summarizer.batch_size).")
@pass_ctx
@handle_errors
def summarize(obj: Context, input_path: Path, output_path: Path, backend: str | None, model: str | None,
              batch_size: int | None) -> None:
    """Summarise the texts in a JSONL file, resumably.

    Writes {"id", "summary", "backend", "model"} per line, flushed after every
    batch: an interrupted run, started again, carries on where it stopped.
    Bad input lines are reported with their line numbers (exit status 1).
    """
    from bot.factories import build_summarizer
    from bot.summary_files import summarize_file

    settings = obj.settings
    summarizer = build_summarizer(settings, backend=backend, model=model, batch_size=batch_size)
    bar, progress = _progress_bar("text", "summarising")
    with bar:
        report = summarize_file(input_path, output_path, summarizer,
                                batch_size=batch_size or settings.summarizer.batch_size, progress=progress)
    for bad in report.bad:
        click.echo(f"error: {input_path}:{bad.line}: {bad.problem}", err=True)
    click.echo(report.line())
    if report.bad:
        sys.exit(1)


def _article_json(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "kind": article.kind,
        "title": article.title,
        "url": article.url or None,
        "provider": article.provider,
        "published": article.published.isoformat() if article.published else None,
        "date_estimated": article.date_estimated,
        "topics": list(article.topics),
        "words": article.words,
        "parent_id": article.parent_id,
    }


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most N articles.")
@click.option("--since", callback=_parse_since, default=None, help="Only articles published on/after DATE.")
@click.option("--kind", type=click.Choice(["full", "stub"]), default=None, help="Only full articles or stubs.")
@pass_ctx
@handle_errors
def articles(obj: Context, as_json: bool, limit: int | None, since: datetime | None, kind: str | None) -> None:
    """List stored articles, newest first."""
    with obj.store() as store:
        items = store.articles.list(limit=limit, since=since, kind=kind)
    if as_json:
        for article in items:
            click.echo(json.dumps(_article_json(article), ensure_ascii=False))
        return
    if not items:
        click.echo("No articles stored yet: run `newsbot ingest` first.")
        return
    for article in items:
        date = article.published.date().isoformat() if article.published else "????-??-??"
        mark = "~" if article.date_estimated else " "
        provider = article.provider or "-"
        kind_label = "stub" if article.kind == "stub" else "    "
        click.echo(f"{article.id:>5} {date}{mark} {kind_label} {provider[:24]:<24} {article.title[:90]}")


class _DefaultGroup(click.Group):
    """A group whose unknown first word is an argument of its default command.

    `newsbot partnerships hugging face` shows, `newsbot partnerships extract F` extracts.
    """

    default_command = "show"

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in ("-h", "--help")):
            args = [self.default_command, *args]
        return super().parse_args(ctx, args)


@cli.group(cls=_DefaultGroup)
def partnerships() -> None:
    """Who partnered with whom: `partnerships [ORG ...]`, `partnerships extract PATH ...`."""


@partnerships.command("show")
@click.argument("org", nargs=-1)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per partnership.")
@click.option("--all", "include_mentioned", is_flag=True, help="Include deals only mentioned as background.")
@pass_ctx
@handle_errors
def partnerships_show(obj: Context, org: tuple[str, ...], as_json: bool, include_mentioned: bool) -> None:
    """Stored partnerships of ORG (every one when no ORG is given), newest first."""
    from bot.answers import partners_of, resolve_org, suggestions
    from bot.nlp.partnerships import describe_what
    from bot.factories import build_answer_context
    from bot.plaintext import answer_text, partnership_json

    name = " ".join(org)
    with obj.store() as store:
        ctx = build_answer_context(obj.settings, store)
        status = None if include_mentioned else "new"
        if name:
            canonical = resolve_org(ctx, name)
            if canonical is None:
                hints = suggestions(ctx, name)
                raise click.ClickException(
                    f"unknown organisation {name!r}" + (f"; did you mean {', '.join(hints)}?" if hints else "")
                )
            records = store.partnerships.involving(sorted(ctx.orgs.family(canonical) | {canonical}),
                                                   status=status)
        else:
            records = store.partnerships.latest(limit=1000, status=status)
        if as_json:
            for record in records:
                click.echo(json.dumps(partnership_json(record), ensure_ascii=False))
            return
        if name and not include_mentioned:
            click.echo(answer_text(partners_of(ctx, canonical)))
            return
        if not records:
            click.echo("No partnerships stored yet: run `newsbot ingest` first.")
        for p in records:
            date = p.date.date().isoformat() if p.date else "date unknown"
            what = describe_what(p.what)
            mark = " (mentioned)" if p.status == "mentioned" else ""
            click.echo(f"{date}  {p.org_a} × {p.org_b}: {p.kind}{what}{mark}")


@partnerships.command("extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per file.")
@pass_ctx
@handle_errors
def partnerships_extract(obj: Context, paths: tuple[Path, ...], as_json: bool) -> None:
    """Print the partnerships found in article files (stubs included); stores nothing."""
    from bot.factories import build_gazetteer
    from bot.nlp.partnerships import describe_what, extract, merge
    from bot.plaintext import partnership_json
    from bot.sources.files import read_path

    gazetteer = build_gazetteer(obj.settings)
    failed = False
    for path in paths:
        for result in read_path(path, max_bytes=obj.settings.files.max_bytes):
            for error in result.errors:
                failed = True
                click.echo(f"error: {error}", err=True)
            for article in result.articles:
                findings = [f for a in (article, *article.related) for f in extract(a, gazetteer)]
                merged = [m.partnership for m in merge(findings, gazetteer)]
                if as_json:
                    click.echo(json.dumps({"file": result.target, "title": article.title,
                                           "partnerships": [partnership_json(p) for p in merged]},
                                          ensure_ascii=False))
                    continue
                click.echo(f"{result.target}: {article.title}")
                for p in merged:
                    date = p.date.date().isoformat() if p.date else "date unknown"
                    what = describe_what(p.what)
                    click.echo(f"  {p.org_a} × {p.org_b}: {p.kind}{what}, {date} [{p.status}]")
                if not merged:
                    click.echo("  (no partnerships)")
    if failed:
        sys.exit(1)


@cli.command()
@click.argument("text", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="The answer as JSON.")
@pass_ctx
@handle_errors
def ask(obj: Context, text: tuple[str, ...], as_json: bool) -> None:
    """Answer TEXT as Slack would: a question, or a command line like "/partnerships hugging face"."""
    from bot.answers import answer_query
    from bot.factories import build_answer_context
    from bot.plaintext import answer_json, answer_text

    with obj.store() as store:
        answer = answer_query(build_answer_context(obj.settings, store), " ".join(text))
    if as_json:
        click.echo(json.dumps(answer_json(answer), ensure_ascii=False, indent=2))
    else:
        click.echo(answer_text(answer))


@cli.group(name="eval")
def eval_group() -> None:
    """Measure newsbot's models on reference data."""


@eval_group.command("summaries")
@click.option("--dataset", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("../shared/eval/cnndm_frank.jsonl"), show_default=True,
              help="JSON lines with id, article, reference.")
@click.option("--backend", default=None, help="Summariser backend (default: the configured one).")
@click.option("--model", default=None, help="Model id or path for the backend.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Only the first N rows.")
@click.option("--batch-size", type=click.IntRange(min=1), default=16, show_default=True)
@pass_ctx
@handle_errors
def eval_summaries(obj: Context, dataset: Path, backend: str | None, model: str | None, limit: int | None,
                   batch_size: int) -> None:
    """ROUGE-1/2/Lsum of a summariser beside Lead-3 and lead-60-words, scored as ../shared/eval/README.md says."""
    import time

    from tqdm import tqdm

    from bot.evaluation import lead_n, lead_words, load_rows, run_backend, score
    from bot.factories import build_summarizer

    rows = load_rows(dataset, limit)
    summarizer = build_summarizer(obj.settings, backend=backend, model=model)
    started = time.monotonic()
    with tqdm(total=len(rows), unit="article", disable=not sys.stderr.isatty(), leave=False) as bar:
        outputs = run_backend(rows, lambda texts: [s.text for s in summarizer.summarize(texts)], batch_size,
                              progress=bar.update)
    elapsed = time.monotonic() - started
    references = [r.reference for r in rows]
    click.echo(f"{len(rows)} articles from {dataset}")
    click.echo(score([lead_n(r.article) for r in rows], references).line("Lead-3"))
    click.echo(score([lead_words(r.article) for r in rows], references).line("Lead (sentences to 60 words)"))
    click.echo(score(outputs, references).line(f"{summarizer.name} {summarizer.model}".strip()))
    click.echo(f"summarised in {elapsed:.0f}s ({elapsed / max(1, len(rows)):.2f}s per article)")


@cli.command()
@pass_ctx
@handle_errors
def doctor(obj: Context) -> None:
    """Check config, database, Slack, summariser and sources; print the fix for each failure."""
    from bot.doctor import FAIL, run_checks, table

    checks = run_checks(obj.settings)
    click.echo(table(checks))
    failed = [c for c in checks if c.status == FAIL]
    click.echo(f"{len(checks) - len(failed)} of {len(checks)} checks passed")
    if failed:
        sys.exit(1)


@cli.command()
@click.option("--channel", default=None, help="Slack channel ID (default: slack.digest_channel).")
@click.option("--since", callback=_parse_since, default=None,
              help="Stories since DATE, instead of since the channel's last digest.")
@click.option("--dry-run", is_flag=True, help="Print the digest instead of posting it.")
@click.option("--json", "as_json", is_flag=True, help="Print the Block Kit messages as JSON.")
@pass_ctx
@handle_errors
def digest(obj: Context, channel: str | None, since: datetime | None, dry_run: bool, as_json: bool) -> None:
    """Build today's digest and post it to Slack; print it with --dry-run or when SLACK_BOT_TOKEN is unset.

    By default it holds the stories since the channel's last digest, at most
    digest.lookback_days back, less any the channel already had.
    """
    import os
    from datetime import timezone

    from bot.plaintext import digest_text
    from bot.slack.app import make_client
    from bot.slack.blocks import digest_messages
    from bot.slack.poster import prepare_digest, publish

    settings = obj.settings
    channel = channel or settings.slack.digest_channel
    now = datetime.now(timezone.utc)
    with obj.store() as store:
        if dry_run or not os.environ.get("SLACK_BOT_TOKEN"):
            if not dry_run:
                click.echo("SLACK_BOT_TOKEN is not set: printing the digest instead of posting it "
                           "(README: Install in Slack in 5 steps).", err=True)
            built = prepare_digest(store, settings, channel, now=now, since=since)
            if as_json:
                click.echo(json.dumps([m.payload() for m in digest_messages(built)], ensure_ascii=False, indent=2))
            else:
                click.echo(digest_text(built), nl=False)
            return
        if not channel:
            raise click.ClickException("no channel: give --channel C0123456789 or set slack.digest_channel")
        report = publish(make_client(settings), store, settings, channel, now=now, since=since)
    click.echo(report.line())


SLACK_VARIABLES = ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET")


@cli.command()
@click.option("--http", "http_mode", is_flag=True,
              help="HTTP mode (Slack posts to /slack/events; /healthz for probes) instead of Socket Mode.")
@click.option("--port", type=click.IntRange(0, 65535), default=3000, show_default=True, envvar="PORT")
@click.option("--host", default="0.0.0.0", show_default=True)
@click.option("--once", is_flag=True, help="One ingest and the digests due now, then exit (for cron).")
@pass_ctx
@handle_errors
def run(obj: Context, http_mode: bool, port: int, host: str, once: bool) -> None:
    """Run newsbot: the Slack app, ingest every few minutes and each subscription's digest on time.

    Socket Mode (default) needs SLACK_BOT_TOKEN and SLACK_APP_TOKEN; --http needs
    SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET.  deploy/slack-manifest.yaml creates the app.
    With no Slack variable set at all it runs once on the console: ingest, then the digest.
    """
    import os

    from bot.slack.app import missing_env, missing_env_error

    missing = missing_env(http=http_mode)
    if missing and not http_mode and not any(os.environ.get(name) for name in SLACK_VARIABLES):
        click.echo(f"{missing_env_error(missing, http=False).message}. Until then this is a console run: "
                   "ingest, then the digest printed here (README: Install in Slack in 5 steps; the app "
                   "comes from deploy/slack-manifest.yaml).", err=True)
        _console_run(obj)
        return
    if missing:
        raise missing_env_error(missing, http=http_mode)
    _slack_run(obj, http_mode=http_mode, host=host, port=port, once=once)


def _console_run(obj: Context) -> None:
    """Ingest the configured sources, then print the digest of what they brought."""
    from datetime import timezone

    from bot.plaintext import digest_text
    from bot.slack.poster import prepare_digest

    settings = obj.settings
    if not settings.sources:
        raise click.ClickException(f"no sources configured in {settings.origin}; add a sources: list "
                                   "(see examples/newsbot.yaml)")
    now = datetime.now(timezone.utc)
    with obj.store() as store:
        report, stage_failed = _ingest_into(settings, store, list(settings.sources))
        click.echo(f"ingest: {report.line()}", err=True)
        # The digest reaches back to the oldest article this run brought in, so a
        # first run shows everything it read however old; a rerun shows the last days.
        dates = [a.published for a in store.articles.get_many(report.changed_ids) if a.published]
        since = min(dates) if dates else None
        built = prepare_digest(store, settings, None, now=now, since=since)
        click.echo(digest_text(built), nl=False)
    if report.failed or stage_failed:
        sys.exit(1)


def _slack_run(obj: Context, *, http_mode: bool, host: str, port: int, once: bool) -> None:
    from apscheduler.schedulers.background import BackgroundScheduler
    from slack_bolt.error import BoltError

    from bot.errors import SlackError
    from bot.service import Service
    from bot.slack.app import api_url, make_app, run_socket_mode
    from bot.slack.server import serve_http

    log = logging.getLogger("bot.run")
    settings = obj.settings
    with obj.store() as store:
        try:
            app = make_app(settings, store=store)
        except BoltError as exc:
            raise SlackError(f"Slack did not accept SLACK_BOT_TOKEN: {exc}",
                             hint="copy the Bot User OAuth Token (xoxb-...) again") from None
        except OSError as exc:
            raise SlackError(f"cannot reach Slack at {api_url(settings)}: {exc}",
                             hint="check the network and slack.api_url / SLACK_API_URL") from None
        service = Service(settings, store, app.client)
        service.sync_subscriptions()
        if not store.slack.subscriptions():
            log.warning("no subscriptions yet: no digest will go out until a channel runs /news subscribe "
                        "or schedule.subscriptions lists one")
        if once:
            report = service.ingest()
            outcome = service.digests_due()
            click.echo(f"ingest: {report.line() if report else 'failed (see the log)'}; digests: "
                       f"{len(outcome.posted)} posted, {len(outcome.recovered)} recovered, "
                       f"{len(outcome.skipped)} already done")
            return
        scheduler = BackgroundScheduler(timezone="UTC")
        service.schedule(scheduler)
        # docker stop / systemctl stop send SIGTERM: leave through the finally below, not mid-air.
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        scheduler.start()
        try:
            if http_mode:
                serve_http(app, host=host, port=port, health=lambda: service.healthz(scheduler.running))
            else:
                run_socket_mode(app)
        finally:
            scheduler.shutdown(wait=False)


@cli.group()
def db() -> None:
    """Database maintenance."""


@db.command("upgrade")
@pass_ctx
@handle_errors
def db_upgrade(obj: Context) -> None:
    """Apply pending migrations (also done automatically at start)."""
    from bot.store import migrations
    from bot.store.engine import create_engine

    engine = create_engine(obj.settings.database_url)
    try:
        applied = migrations.upgrade(engine)
        with engine.connect() as conn:
            version = migrations.current_version(conn)
    finally:
        engine.dispose()
    for migration in applied:
        click.echo(f"applied {migration.version:04d} {migration.name}")
    click.echo(f"database at version {version}")


def main() -> None:
    cli(prog_name="newsbot")
