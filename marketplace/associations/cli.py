"""`flask missions import FILE`: bulk import of missions from JSON Lines or CSV."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup
from flask_babel import force_locale

from marketplace.associations.imports import FORMATS, ImportReport, decode, guess_format, import_missions
from marketplace.associations.imports.job import enqueue_import
from marketplace.associations.imports.writing import LinesDone, lines_in, parse_import
from marketplace.domain import DomainError
from marketplace.extensions import db

missions_cli = AppGroup("missions", help="Missions: bulk import.")


def report_lines(report: ImportReport) -> list[str]:
    """The summary, one line per problem ("ligne N : champ : raison"), then per field not kept
    ("avertissement ligne N : champ : raison": the line was imported without it)."""
    created, updated, rejected = report.counts
    lines = [f"created={created} updated={updated} rejected={rejected} warnings={len(report.warnings)}"]
    lines += [
        f"ligne {problem.line} : {problem.field or '-'} : {problem.reason}" for problem in report.problems
    ]
    lines += [
        f"avertissement ligne {warning.line} : {warning.field} : {warning.reason}"
        for warning in report.warnings
    ]
    return lines


@missions_cli.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="jsonl or csv; guessed from the file name when omitted.",
)
@click.option(
    "--background",
    is_flag=True,
    help="Queue the import as a job for `flask jobs work` instead of running it here.",
)
def import_command(file: Path, fmt: str | None, background: bool) -> None:
    """Create or update missions (published) from FILE; exits with 1 when a line was rejected.

    Lines are written in batches, each committed whole: when the command is interrupted, the
    batches already committed stay, and running it again finishes the file (lines with an
    external_id already imported are recognised, unchanged ones are not written again).
    """
    # No request here, hence no user language: messages use the site's default language.
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        try:
            text = decode(file.read_bytes())
            fmt = fmt or guess_format(file.name, text)
            if background:
                job = enqueue_import(text, fmt, by=None)
                db.session.commit()
                click.echo(f"job {job.id} queued ({job.progress_total} lines): run `flask jobs work`")
                return
            report = _import_with_progress_bar(text, fmt)
        except DomainError as error:
            db.session.rollback()
            click.echo(f"Error: {error.message}", err=True)
            raise click.exceptions.Exit(1) from error
        db.session.commit()
        for line in report_lines(report):
            click.echo(line)
    if report.problems:
        raise click.exceptions.Exit(1)


def _import_with_progress_bar(text: str, fmt: str) -> ImportReport:
    """Import inline, committing each batch and moving the bar (lines done, rejected so far)."""
    parsed = parse_import(text, fmt)  # read once: its line count is the bar's length
    total = lines_in(parsed)
    with click.progressbar(length=total, label="Import", show_pos=True, file=sys.stderr) as bar:
        shown = 0
        lines_done = LinesDone()

        def batch_done(report: ImportReport, last_line: int) -> None:
            nonlocal shown
            db.session.commit()
            done = lines_done(report)
            bar.label = f"Import ({len(report.rejected_lines)} rejected)"
            bar.update(done - shown)
            shown = done

        return import_missions(text, fmt, by=None, on_batch=batch_done, parsed=parsed)
