"""Batches of mission writes with one search-index update per batch (PostgreSQL search tables).

On PostgreSQL with the search schema installed, triggers keep ``search.missions`` in step row
by row, and the facet bit strings too; a batch switches the bit strings' trigger off and updates
them once for the batch (``schema.begin_bulk_writes`` / ``end_bulk_writes``). Elsewhere (SQLite
and Whoosh) this does nothing: the change pipeline already re-indexes once per commit.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import text
from sqlalchemy.orm import Session, scoped_session


class _NoBulk:
    def begin(self, changing_ids: Iterable[int]) -> None:
        """Nothing to prepare."""

    def end(self, written_ids: Iterable[int]) -> None:
        """Nothing to finish."""


class _PostgresBulk:
    def __init__(self, session: Session | scoped_session):
        self.session = session

    def begin(self, changing_ids: Iterable[int]) -> None:
        from marketplace.search.postgres.schema import begin_bulk_writes

        begin_bulk_writes(self.session, list(changing_ids))

    def end(self, written_ids: Iterable[int]) -> None:
        from marketplace.search.postgres.schema import end_bulk_writes

        self.session.flush()
        end_bulk_writes(self.session, list(written_ids))


def search_bulk_writes(session: Session | scoped_session) -> _NoBulk | _PostgresBulk:
    """The batch helper fit for this database: real on PostgreSQL with search tables, else a no-op."""
    if session.get_bind().dialect.name != "postgresql":
        return _NoBulk()
    installed = session.execute(text("SELECT to_regclass('search.word_blocks') IS NOT NULL")).scalar()
    return _PostgresBulk(session) if installed else _NoBulk()
