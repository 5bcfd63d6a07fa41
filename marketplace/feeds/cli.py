"""`flask feeds import FILE` and `flask feeds sync` (run it from cron, e.g. every 6 hours:
``0 */6 * * * cd /srv/tremplin && .venv/bin/flask --app wsgi.py feeds sync``)."""

from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup
from flask_babel import force_locale

from marketplace.extensions import db
from marketplace.feeds.apiengagement import FeedInvalid
from marketplace.feeds.services import FeedReport, SyncStatus, file_feed, import_feed_source, sync_all

feeds_cli = AppGroup("feeds", help="API Engagement feeds: import a file, sync registered feeds.")


def report_lines(report: FeedReport) -> list[str]:
    """The summary, then one line per refused mission element ("mission N (clientId) : element : reason")."""
    lines = [
        f"status={report.status} read={report.missions_read} "
        f"created={report.created} updated={report.updated} "
        f"unchanged={report.unchanged} closed={report.closed} reopened={report.reopened} "
        f"refused={report.refused} warnings={len(report.warnings)}"
    ]
    if report.error:
        lines.append(f"error: {report.error}")
    lines += [
        f"mission {position} ({client_id}) : {element} : {reason}"
        for position, client_id, element, reason in report.problems
    ]
    return lines


@feeds_cli.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--verbose", is_flag=True, help="Also print the warnings (values adapted or not kept).")
def import_command(file: Path, verbose: bool) -> None:
    """Import an API Engagement XML FILE; re-importing the same file name updates its missions."""
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        feed = file_feed(str(file))
        try:
            with file.open("rb") as source:
                report = import_feed_source(feed, source)
        except FeedInvalid as error:
            db.session.rollback()
            click.echo(f"Error: {error.reason}", err=True)
            raise click.exceptions.Exit(1) from error
        db.session.commit()
        for line in report_lines(report):
            click.echo(line)
        if verbose:
            for position, client_id, element, reason in report.warnings:
                click.echo(f"avertissement mission {position} ({client_id}) : {element} : {reason}")
    if report.problems:
        raise click.exceptions.Exit(1)


@feeds_cli.command("sync")
def sync_command() -> None:
    """Fetch every registered feed (conditional GET) and apply it; exits with 1 when one failed."""
    failed = False
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        for feed, report in sync_all():
            click.echo(f"[{feed.id}] {feed.name}")
            for line in report_lines(report):
                click.echo(f"  {line}")
            failed = failed or report.status in (SyncStatus.FETCH_FAILED, SyncStatus.PARSE_FAILED)
    if failed:
        raise click.exceptions.Exit(1)
