"""Flask commands: demo data, outbox delivery, search, matching, imports, migrations.

Each feature's command group is imported when it is used, not when the app starts: ``flask
--help`` and every worker's start-up stay free of what the commands need (Flask-Migrate
imports Alembic, the demo loader its data set).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

import click
from flask import Flask, current_app
from flask.cli import AppGroup

from marketplace.config import PROJECT_ROOT
from marketplace.extensions import db

MIGRATIONS_DIR = PROJECT_ROOT / "migrations"

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


class LazyGroup(click.Group):
    """A command group standing for ``module:attribute``, imported on first use.

    Only its name and help are known up front (``flask --help`` needs nothing more); running
    it (options, ``--help`` and subcommands included) hands the command line to the real group.
    ``prepare`` runs first, in the app context.
    """

    def __init__(self, name: str, target: str, *, help: str, prepare: Callable[[], None] | None = None):
        super().__init__(name=name, help=help)
        self.target = target
        self.prepare = prepare

    def real_group(self) -> click.Group:
        """Import and return the group this one stands for."""
        if self.prepare is not None:
            self.prepare()
        module, attribute = self.target.split(":")
        return getattr(importlib.import_module(module), attribute)

    def make_context(
        self, info_name: str | None, args: list[str], parent: click.Context | None = None, **extra: Any
    ) -> click.Context:
        return self.real_group().make_context(info_name, args, parent=parent, **extra)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return self.real_group().list_commands(ctx)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        return self.real_group().get_command(ctx, cmd_name)


def init_migrations(app: Flask) -> None:
    """Bind Flask-Migrate to the app (``app.extensions["migrate"]``, read by migrations/env.py)."""
    if "migrate" not in app.extensions:
        from flask_migrate import Migrate

        Migrate(app, db, directory=str(MIGRATIONS_DIR))


# Help texts as the groups themselves say them (a test compares them).
LAZY_GROUPS = (
    LazyGroup(
        "db",
        "flask_migrate.cli:db",
        help="Perform database migrations.",
        prepare=lambda: init_migrations(current_app),
    ),
    LazyGroup(
        "demo",
        "marketplace.demo.cli:demo_cli",
        help="Demo data: invented French associations, missions and candidates.",
    ),
    LazyGroup("search", "marketplace.search.cli:search_cli", help="Search index maintenance."),
    LazyGroup("missions", "marketplace.associations.cli:missions_cli", help="Missions: bulk import."),
    LazyGroup(
        "feeds",
        "marketplace.feeds.cli:feeds_cli",
        help="API Engagement feeds: import a file, sync registered feeds.",
    ),
    LazyGroup("jobs", "marketplace.jobs.cli:jobs_cli", help="Background jobs: imports and feed syncs."),
    LazyGroup("matching", "marketplace.matching.cli:matching_cli", help="Recommendation engine maintenance."),
    LazyGroup(
        "privacy", "marketplace.privacy.cli:privacy_cli", help="Personal data: inactivity and retention."
    ),
    LazyGroup(
        "reminders",
        "marketplace.reminders.cli:reminders_cli",
        help="Reminders before missions and digests for associations.",
    ),
)


def register_cli(app: Flask) -> None:
    """Add the commands to ``flask``; feature groups are imported when used."""
    app.cli.add_command(outbox_cli)
    for group in LAZY_GROUPS:
        app.cli.add_command(group)

    @app.shell_context_processor
    def shell_context() -> dict:
        from marketplace import models

        return {"db": db, **{name: getattr(models, name) for name in models.__all__}}
