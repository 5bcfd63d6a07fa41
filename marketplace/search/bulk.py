"""Batches of mission writes with one search-table update per batch (PostgreSQL search tables).

On PostgreSQL with the search schema installed, triggers keep ``search.missions``, its words and
the facet bit strings in step row by row. A batch switches those triggers off for its
transaction, writes, then updates the search tables once for every mission it wrote, in a few
set-based statements (``schema.begin_bulk_writes`` / ``end_bulk_writes``). Elsewhere (SQLite and
Whoosh) this does nothing: the change pipeline already re-indexes once per commit.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.orm import Session, scoped_session


class _NoBulk:
    def begin(self) -> None:
        """Nothing to prepare."""

    def end(self, written_ids: Iterable[int]) -> None:
        """Nothing to finish."""


class _PostgresBulk:
    def __init__(self, session: Session | scoped_session):
        self.session = session

    def begin(self) -> None:
        from marketplace.search.postgres.schema import begin_bulk_writes

        self.session.flush()  # what was written before the batch goes through the triggers
        begin_bulk_writes(self.session)

    def end(self, written_ids: Iterable[int]) -> None:
        from marketplace.search.postgres.schema import end_bulk_writes

        self.session.flush()
        end_bulk_writes(self.session, list(written_ids))


def search_bulk_writes(session: Session | scoped_session) -> _NoBulk | _PostgresBulk:
    """The batch helper fit for this database: real on PostgreSQL with this version of the search
    schema (an older one's triggers would not stand aside: they keep doing the work row by row),
    else a no-op."""
    if session.get_bind().dialect.name != "postgresql":
        return _NoBulk()
    from marketplace.search.postgres.schema import SCHEMA_VERSION, installed_version

    return _PostgresBulk(session) if installed_version(session) == SCHEMA_VERSION else _NoBulk()
