"""The change pipeline: what a transaction changed in missions and associations, told to subscribers.

A write path only writes. While a transaction runs, this module collects the ids of the missions
and associations it touched: ORM inserts, updates and deletes are seen at each flush, and bulk
UPDATEs that escape the ORM (the seat counter) are declared with ``mark_changed(...)``. Renaming
an association changes its missions too (their documents and reasons carry its name).

Subscribers register in the open, from the feature they belong to (``subscribe(...)`` in its
``init_*`` function), and are called in this order:

=====  ===================  ============================================================
order  name                 when
=====  ===================  ============================================================
10     ``search-index``     after the commit (the Whoosh index reads the committed rows)
20     ``matching-journal`` BEFORE the commit, inside the transaction: it bumps the shared
                            change stamp and journals the mission ids, and other workers
                            read both, so they must commit (or roll back) with the change
30     ``api-answers``      after the commit (drops this worker's cached API answers)
40     ``widget-pages``     after the commit (drops this worker's cached widget pages)
=====  ===================  ============================================================

Before-commit subscribers run first (they are part of the transaction), then the after-commit
ones, each phase by ``order``. Other workers learn about a change from the stamp the journal
bumped (``marketplace.missions.stamp``): the caches key their entries with it.

Transactions: only the OUTERMOST commit publishes. A savepoint keeps its own change set; when it
is released, its changes join the enclosing transaction's; when it is rolled back, they are
dropped (its rows are back as they were). A rolled-back transaction publishes nothing, including
what its released savepoints had merged into it. An after-commit subscriber that fails is logged
and the others still run: the database is right, and the index or caches catch up (``flask
search reindex``, the stamp, the caches' time to live).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import Enum

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session, SessionTransaction, scoped_session

from marketplace.associations.models import Association, Mission

logger = logging.getLogger(__name__)


class Phase(Enum):
    """When a subscriber runs: inside the committing transaction, or once it is committed."""

    BEFORE_COMMIT = "before_commit"
    AFTER_COMMIT = "after_commit"


@dataclass
class Changes:
    """Ids changed in one transaction (or savepoint)."""

    missions: set[int] = field(default_factory=set)
    associations: set[int] = field(default_factory=set)
    renamed_associations: set[int] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.missions or self.associations or self.renamed_associations)

    def merge(self, other: Changes) -> None:
        self.missions |= other.missions
        self.associations |= other.associations
        self.renamed_associations |= other.renamed_associations


Subscriber = Callable[[Session, Changes], None]


@dataclass(frozen=True)
class Subscription:
    name: str
    callback: Subscriber
    order: int
    phase: Phase


_subscriptions: dict[str, Subscription] = {}


def subscribe(name: str, callback: Subscriber, *, order: int, phase: Phase = Phase.AFTER_COMMIT) -> None:
    """Call ``callback(session, changes)`` on each commit that changed missions or associations.

    Registering the same name again replaces the subscription (an app factory may run twice).
    After-commit callbacks get the committed session: read with a new session, not with it.
    """
    _subscriptions[name] = Subscription(name, callback, order, phase)
    _listen()


def unsubscribe(name: str) -> None:
    """Stop calling this subscriber (benchmarks measure the pipeline without one)."""
    _subscriptions.pop(name, None)


def subscribers(phase: Phase | None = None) -> list[Subscription]:
    """The subscriptions in the order they run (before-commit ones first)."""
    phases = list(Phase)
    found = [item for item in _subscriptions.values() if phase is None or item.phase is phase]
    return sorted(found, key=lambda item: (phases.index(item.phase), item.order, item.name))


def mark_changed(
    session: Session | scoped_session, *, missions: Iterable[int] = (), associations: Iterable[int] = ()
) -> None:
    """Declare rows changed behind the ORM's back (bulk UPDATE/DELETE) in the current transaction."""
    changes = _current(session() if isinstance(session, scoped_session) else session)
    changes.missions.update(missions)
    changes.associations.update(associations)


# --- Bookkeeping per transaction ------------------------------------------------------------------

_OPEN = "tremplin_changes"  # session.info: {transaction: Changes}; private to this module
_COMMITTING = "tremplin_changes_committing"  # the outermost commit's changes, between the two phases


def _open(session: Session) -> dict[SessionTransaction, Changes]:
    return session.info.setdefault(_OPEN, {})


def _level(session: Session) -> SessionTransaction | None:
    """The transaction changes belong to now: the innermost savepoint, else the outermost one."""
    return session.get_nested_transaction() or session.get_transaction()


def _current(session: Session) -> Changes:
    level = _level(session)
    if level is None:  # nothing begun yet: begin the transaction the next statement would begin
        session.connection()
        level = _level(session)
    assert level is not None  # session.connection() began one
    return _open(session).setdefault(level, Changes())


def _collect(session: Session, _flush_context: object) -> None:
    changes = _current(session)
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, Mission) and obj.id is not None:
            changes.missions.add(obj.id)
        elif isinstance(obj, Association) and obj.id is not None:
            changes.associations.add(obj.id)
            if obj in session.dirty and inspect(obj).attrs.name.history.has_changes():
                changes.renamed_associations.add(obj.id)


def _before_commit(session: Session) -> None:
    if session.in_nested_transaction():
        return  # a savepoint being released: its changes join the enclosing transaction later
    session.flush()  # the commit's own flush comes after this hook: collect its changes now
    root = session.get_transaction()
    changes = _open(session).get(root) if root is not None else None
    if not changes:
        return
    if changes.renamed_associations:
        renamed = select(Mission.id).where(Mission.association_id.in_(changes.renamed_associations))
        changes.missions.update(session.scalars(renamed))
    for subscription in subscribers(Phase.BEFORE_COMMIT):
        subscription.callback(session, changes)  # an error here rolls the transaction back
    session.info[_COMMITTING] = changes


def _after_commit(session: Session) -> None:
    if session.in_nested_transaction():
        _release_savepoint(session)
        return
    changes = session.info.pop(_COMMITTING, None)
    if not changes:
        return
    for subscription in subscribers(Phase.AFTER_COMMIT):
        try:
            subscription.callback(session, changes)
        except Exception:
            logger.exception("Change subscriber %r failed", subscription.name)


def _release_savepoint(session: Session) -> None:
    savepoint = session.get_nested_transaction()
    if savepoint is None:
        return
    released = _open(session).pop(savepoint, None)
    if not released:
        return
    parent = savepoint.parent
    while parent is not None and not (parent.nested or parent.parent is None):
        parent = parent.parent  # skip the flush's internal subtransactions
    if parent is not None:
        _open(session).setdefault(parent, Changes()).merge(released)


def _end(session: Session, transaction: SessionTransaction) -> None:
    # Committed sets were published or merged above; whatever is left was rolled back.
    _open(session).pop(transaction, None)
    if transaction.parent is None:
        session.info.pop(_COMMITTING, None)


_HOOKS = (
    ("after_flush", _collect),
    ("before_commit", _before_commit),
    ("after_commit", _after_commit),
    ("after_transaction_end", _end),
)


def _listen() -> None:
    """Hook into every session once (idempotent: SQLAlchemy is asked, no module flag)."""
    for name, hook in _HOOKS:
        if not event.contains(Session, name, hook):
            event.listen(Session, name, hook)
