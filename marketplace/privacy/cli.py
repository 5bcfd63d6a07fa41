"""``flask privacy purge``: the daily job that applies the retention periods (run it from cron)."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from marketplace.extensions import db

privacy_cli = AppGroup("privacy", help="Personal data: inactivity and retention.")


@privacy_cli.command("purge")
@click.option("--dry-run", is_flag=True, help="List what would happen, change nothing.")
def purge_command(dry_run: bool) -> None:
    """Warn accounts unused for 3 years, anonymise those warned 30 days ago, delete old requests, e-mails."""
    from marketplace.privacy.inactivity import purge

    report = purge(dry_run=dry_run)
    verb = "would " if dry_run else ""
    # Ids and dates only: the output may end up in logs, which carry no personal data.
    for account in report.warned:
        click.echo(f"{verb}warn user {account.id} ({account.role}, last visit {account.day})")
    for account in report.erased:
        click.echo(f"{verb}anonymise user {account.id} ({account.role}, warned {account.day})")
    for account in report.kept:
        click.echo(f"kept user {account.id} ({account.role}, warned {account.day}): {account.note}")
    if dry_run:
        db.session.rollback()
    else:
        db.session.commit()
    click.echo(
        f"{'dry-run ' if dry_run else ''}warned={len(report.warned)} anonymised={len(report.erased)} "
        f"kept={len(report.kept)} accompaniment_requests_deleted={report.requests_deleted} "
        f"emails_deleted={report.emails_deleted}"
    )
