"""`flask missions import FILE`: bulk import of missions from JSON Lines or CSV."""

from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup
from flask_babel import force_locale

from marketplace.associations.imports import FORMATS, ImportReport, decode, guess_format, import_missions
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
def import_command(file: Path, fmt: str | None) -> None:
    """Create or update missions (published) from FILE; exits with 1 when a line was rejected."""
    # No request here, hence no user language: messages use the site's default language.
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        try:
            text = decode(file.read_bytes())
            report = import_missions(text, fmt or guess_format(file.name, text), by=None)
        except DomainError as error:
            db.session.rollback()
            click.echo(f"Error: {error.message}", err=True)
            raise click.exceptions.Exit(1) from error
        db.session.commit()
        for line in report_lines(report):
            click.echo(line)
    if report.problems:
        raise click.exceptions.Exit(1)
