"""Missions a volunteer keeps to come back to (« Garder »), with a gentle note when one closes soon.

Kept missions are the volunteer's alone: no association, network or public page sees them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload

from marketplace.accounts.models import User
from marketplace.associations.models import Mission
from marketplace.candidates.models import KeptMission
from marketplace.domain import NotFound
from marketplace.extensions import db

CLOSING_SOON = timedelta(days=7)  # "closes soon": within a week


class KeptState:
    OPEN = "open"
    CLOSING_SOON = "closing_soon"
    FULL = "full"
    ENDED = "ended"


@dataclass(frozen=True)
class KeptEntry:
    mission: Mission
    kept_at: datetime
    state: str
    last_day: date | None  # the last day one can take part, when the mission says it


def last_day(mission: Mission) -> date | None:
    """The last day of the mission: its end, else a one-off mission's only day; None when open-ended."""
    if mission.end_date is not None:
        return mission.end_date
    return mission.start_date if mission.schedule == "one_off" else None


def state_of(mission: Mission, today: date) -> str:
    ends = last_day(mission)
    if not mission.is_listed or (ends is not None and ends < today):
        return KeptState.ENDED
    if not mission.is_open:
        return KeptState.FULL
    if ends is not None and ends - today <= CLOSING_SOON:
        return KeptState.CLOSING_SOON
    return KeptState.OPEN


def keep(user: User, mission_id: int) -> bool:
    """Keep a published mission; True when it was not kept yet (keeping twice changes nothing)."""
    mission = db.session.get(Mission, mission_id)
    if mission is None or not mission.is_listed:
        raise NotFound(_l("This mission is no longer published."))
    if mission_id in kept_ids(user):
        return False
    try:
        with db.session.begin_nested():  # a double click racing this one already kept it
            db.session.add(KeptMission(user_id=user.id, mission_id=mission_id))
    except IntegrityError:
        return False
    return True


def let_go(user: User, mission_id: int) -> bool:
    """Stop keeping a mission (whatever its state); True when it was kept."""
    result = db.session.execute(
        delete(KeptMission).where(KeptMission.user_id == user.id, KeptMission.mission_id == mission_id)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def kept_ids(user: User) -> set[int]:
    return set(db.session.scalars(select(KeptMission.mission_id).where(KeptMission.user_id == user.id)))


def kept_missions(user: User, today: date) -> list[KeptEntry]:
    """The volunteer's kept missions: those closing soonest first, ended ones last."""
    rows = db.session.scalars(
        select(KeptMission)
        .options(joinedload(KeptMission.mission).joinedload(Mission.association))
        .where(KeptMission.user_id == user.id)
        .order_by(KeptMission.created_at.desc(), KeptMission.id.desc())
    )
    entries = [
        KeptEntry(row.mission, row.created_at, state_of(row.mission, today), last_day(row.mission))
        for row in rows
    ]
    order = {KeptState.CLOSING_SOON: 0, KeptState.OPEN: 1, KeptState.FULL: 2, KeptState.ENDED: 3}
    return sorted(entries, key=lambda entry: (order[entry.state], entry.last_day or date.max))
