"""The database's change stamp: where its mission and association data stand, shared by every worker.

One row (table ``matching_state``, model ``MatchingState``): an epoch token, new whenever the row is
(re)created, and a version counter bumped by every transaction that changes missions or
associations (the ``matching-journal`` subscriber of the change pipeline does it, inside the
transaction). Reading it is one primary-key query; the matching engine follows it, and the API
answer cache and the widget page cache put it in their keys, so an entry made before a change
(on any worker) is never served after it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from marketplace.extensions import db
from marketplace.matching.models import MatchingState
from marketplace.models_base import upsert_insert

STATE_ID = 1


@dataclass(frozen=True)
class Stamp:
    """Where the database's mission data stands: ``epoch`` changes when the state row is recreated."""

    epoch: str | None
    version: int


def read_stamp(session: Session | None = None) -> Stamp:
    """The current stamp (epoch None and version 0 before any change)."""
    row = (
        (session or db.session)
        .execute(select(MatchingState.epoch, MatchingState.version).where(MatchingState.id == STATE_ID))
        .first()
    )
    return Stamp(None, 0) if row is None else Stamp(row.epoch, row.version)


def bump(session: Session) -> int:
    """Add one to the version in this transaction (creating the row first time); the new version.

    One atomic upsert: two first writers cannot both insert, and the row lock it takes orders
    concurrent committers, so versions become visible in the order they were handed out. The
    lock is held from here to the end of the commit: the pipeline calls this last thing before
    COMMIT, so writers queue only for the commit itself (measured: benchmarks/bench_writes.py).
    """
    statement = (
        upsert_insert(session.get_bind().dialect.name, MatchingState)
        .values(id=STATE_ID, version=1, epoch=uuid.uuid4().hex)
        .on_conflict_do_update(index_elements=["id"], set_={"version": MatchingState.version + 1})
        .returning(MatchingState.version)
    )
    return session.execute(statement).scalar_one()
