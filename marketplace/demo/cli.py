"""`flask demo load`: fill an empty database with the French demo data set."""

from __future__ import annotations

import time

import click
from flask.cli import AppGroup

from marketplace.demo.loader import DEMO_ACCOUNTS, SHARED_PASSWORD, database_is_empty, load_demo_data
from marketplace.extensions import db

demo_cli = AppGroup("demo", help="Demo data: invented French associations, missions and candidates.")


@demo_cli.command("load")
@click.option(
    "--if-empty",
    is_flag=True,
    help="Load only into an empty database; otherwise say so and exit successfully.",
)
def load_command(if_empty: bool) -> None:
    """Load the demo data set into an empty database.

    A database that already holds users or associations is refused (exit code 1), unless
    --if-empty is given, which skips the load and succeeds.
    """
    if not database_is_empty():
        if if_empty:
            click.echo("The database already holds data: demo load skipped.")
            return
        click.echo(
            "Error: the database is not empty (it already has users or associations). "
            "The demo data set is only loaded into an empty database; use --if-empty to skip quietly.",
            err=True,
        )
        raise click.exceptions.Exit(1)
    started = time.perf_counter()
    summary = load_demo_data()
    db.session.commit()
    elapsed = time.perf_counter() - started
    click.echo(f"Demo data loaded in {elapsed:.1f} s:")
    for line in summary.lines():
        click.echo(f"  {line}")
    click.echo("Demo accounts:")
    for account in DEMO_ACCOUNTS:
        click.echo(f"  {account.role:<13} {account.email} / {account.password}")
    click.echo(f"  every other demo user: <prenom.nom>@demo.tremplin.fr / {SHARED_PASSWORD}")
