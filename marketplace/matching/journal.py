"""The matching journal: which missions changed under which version of the database stamp.

A before-commit subscriber of the change pipeline (``marketplace.missions.changes``): in the
committing transaction it bumps the shared stamp (``marketplace.missions.stamp``) and writes the
changed mission ids under the new version (``matching_changes``). A worker whose engine is behind
the stamp replays the journal since its version; it rebuilds when part of it was pruned.
"""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from marketplace.matching.models import MatchingChange
from marketplace.missions import changes, stamp

JOURNAL_KEEP = 50_000  # versions kept in the journal after a rebuild
# A version that changed no mission (an association's description, say) still gets a row, so the
# journal has no holes and a hole always means "pruned". Mission ids start at 1.
NO_MISSION = 0


def record_changes(session: Session, mission_ids: Collection[int]) -> int:
    """Bump the stamp and journal these missions under the new version; return the version."""
    version = stamp.bump(session)
    ids = sorted(mission_ids) or [NO_MISSION]
    session.execute(
        insert(MatchingChange), [{"version": version, "mission_id": mission_id} for mission_id in ids]
    )
    return version


def journal_changes(session: Session, changed: changes.Changes) -> None:
    """The pipeline's ``matching-journal`` subscriber (runs inside the committing transaction)."""
    record_changes(session, changed.missions)


def changes_between(session: Session, since: int, until: int) -> set[int] | None:
    """Missions journaled in (since, until]; None when part of that journal was pruned."""
    oldest = session.scalar(select(func.min(MatchingChange.version)).where(MatchingChange.version > since))
    if oldest is None or oldest > since + 1:
        return None
    rows = session.scalars(
        select(MatchingChange.mission_id)
        .where(MatchingChange.version > since, MatchingChange.version <= until)
        .distinct()
    )
    return set(rows) - {NO_MISSION}


def prune(session: Session, *, below: int) -> None:
    """Forget the journal up to ``below`` (engines further behind will rebuild)."""
    session.execute(delete(MatchingChange).where(MatchingChange.version <= below))


def init_journal() -> None:
    """Subscribe the journal to the change pipeline."""
    changes.subscribe("matching-journal", journal_changes, order=20, phase=changes.Phase.BEFORE_COMMIT)
