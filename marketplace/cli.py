"""Flask commands: demo data, outbox delivery, account administration."""

from __future__ import annotations

import click
from flask import Flask
from flask.cli import AppGroup

from marketplace.extensions import db

outbox_cli = AppGroup("outbox", help="Deliver queued emails.")


@outbox_cli.command("deliver")
@click.option("--limit", default=100, show_default=True, help="Messages per batch.")
@click.option("--loop", is_flag=True, help="Keep delivering every few seconds (a worker).")
@click.option("--interval", default=5.0, show_default=True, help="Seconds between batches with --loop.")
def deliver_outbox(limit: int, loop: bool, interval: float) -> None:
    """Send due emails, retrying failures later."""
    import time

    from marketplace.notifications.services import deliver_pending

    while True:
        report = deliver_pending(limit=limit)
        if report.sent or report.failed or report.retried or not loop:
            click.echo(f"sent={report.sent} retried={report.retried} failed={report.failed}")
        if not loop:
            return
        time.sleep(interval)


def register_cli(app: Flask) -> None:
    from marketplace.associations.cli import missions_cli
    from marketplace.demo.cli import demo_cli
    from marketplace.matching.cli import matching_cli
    from marketplace.search.cli import search_cli

    app.cli.add_command(outbox_cli)
    app.cli.add_command(demo_cli)
    app.cli.add_command(search_cli)
    app.cli.add_command(missions_cli)
    app.cli.add_command(matching_cli)

    @app.shell_context_processor
    def shell_context() -> dict:
        from marketplace import models

        return {"db": db, **{name: getattr(models, name) for name in models.__all__}}
