"""``flask reminders run``: queue the reminders due today (cron once a day, or ``--loop``)."""

from __future__ import annotations

import time
from datetime import date

import click
from flask.cli import AppGroup

from marketplace.models_base import utcnow

reminders_cli = AppGroup("reminders", help="Reminders before missions and digests for associations.")


def _run_once(today: date, dry_run: bool) -> None:
    from marketplace.alerts.services import run_alerts
    from marketplace.reminders.digests import run_digests
    from marketplace.reminders.services import run

    report = run(today, dry_run=dry_run)
    if dry_run:
        for reminder in report.due:
            click.echo(f"would send {reminder.kind}: application {reminder.application_id}, {reminder.day}")
        click.echo(f"{len(report.due)} reminder(s) due on {today}; nothing written (dry run).")
        return
    click.echo(
        f"{today}: {report.queued} reminder(s) queued, {report.already_queued} already sent, "
        f"{report.turned_off} turned off by the volunteer."
    )
    digests = run_digests(today)
    click.echo(
        f"association digests: {digests.queued} queued, {digests.already_queued} already sent this week."
    )
    alerts = run_alerts(utcnow())
    click.echo(
        f"saved searches: {alerts.looked_at} looked at, {alerts.sent} alert(s) queued, "
        f"{alerts.nothing_new} with nothing new."
    )


@reminders_cli.command("run")
@click.option("--dry-run", is_flag=True, help="List what would go out; write nothing.")
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), help="Run as if on this day.")
@click.option("--loop", is_flag=True, help="Run again every --interval seconds (a worker).")
@click.option("--interval", type=click.FloatRange(min=1.0), default=3600.0, show_default=True)
def run_reminders(dry_run: bool, today, loop: bool, interval: float) -> None:
    """Queue today's reminders in the outbox, each once, whatever runs at the same time."""
    while True:
        _run_once(today.date() if today else utcnow().date(), dry_run)
        if not loop:
            return
        time.sleep(interval)
