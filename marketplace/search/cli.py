"""flask search ...: rebuild the index from the database."""

from __future__ import annotations

import time

import click
from flask.cli import AppGroup

search_cli = AppGroup("search", help="Search index maintenance.")


@search_cli.command("reindex")
@click.option("--if-stale", is_flag=True, help="Only when the index does not match the published missions.")
def reindex(if_stale: bool) -> None:
    """Rebuild the search index from the database."""
    from marketplace.search.postgres import SchemaOutdatedError
    from marketplace.search.services import index_is_stale, reindex_all

    if if_stale and not index_is_stale():
        click.echo("Search index is up to date.")
        return
    started = time.perf_counter()
    try:
        count = reindex_all()
    except SchemaOutdatedError as error:  # upgrading the schema is the migrations' job
        raise click.ClickException(str(error)) from error
    click.echo(f"Indexed {count} published missions in {time.perf_counter() - started:.1f} s.")
