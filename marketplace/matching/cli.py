"""flask matching ...: rebuild the recommendation engine from the database."""

from __future__ import annotations

import time

import click
from flask.cli import AppGroup

matching_cli = AppGroup("matching", help="Recommendation engine maintenance.")


@matching_cli.command("rebuild")
def rebuild() -> None:
    """Refit the engine on the published missions and prune the old change journal."""
    from marketplace.extensions import db
    from marketplace.matching.holder import rebuild as rebuild_engine

    started = time.perf_counter()
    stats = rebuild_engine()
    db.session.commit()
    click.echo(
        f"Matching engine: {stats['missions']} missions, {stats['terms']} terms, "
        f"version {stats['version']}, built in {time.perf_counter() - started:.1f} s."
    )
