"""`flask jobs work`: the background job worker."""

from __future__ import annotations

import click
from flask.cli import AppGroup

jobs_cli = AppGroup("jobs", help="Background jobs: imports and feed syncs.")


@jobs_cli.command("work")
@click.option("--once", is_flag=True, help="Run the queued jobs, then stop (cron, tests).")
@click.option("--interval", default=1.0, show_default=True, help="Seconds between polls when idle.")
def work_command(once: bool, interval: float) -> None:
    """Run queued jobs one after the other; a job whose worker died is re-queued."""
    from marketplace.jobs.kinds import register_all_kinds
    from marketplace.jobs.queue import work

    register_all_kinds()
    count = work(once=once, interval=interval, echo=click.echo)
    click.echo(f"jobs run: {count}")
