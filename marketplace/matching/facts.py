"""What the engine knows, read from the database: mission facts and candidate facts.

``mission_facts`` (one ORM mission), ``published_facts`` (rows, in batches, for a build or a replay)
and ``facts_from_profile`` / ``candidate_facts`` (a volunteer's profile and history) are the only
places that turn models into the engine's plain dataclasses.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from marketplace.accounts.models import User
from marketplace.associations.models import Association, Mission
from marketplace.candidates.models import Application, CandidateProfile
from marketplace.extensions import db
from marketplace.matching.types import CandidateFacts, HistoryItem, MissionFacts
from marketplace.statuses import ENGAGED_APPLICATION_STATUSES

HISTORY_STATUSES = ENGAGED_APPLICATION_STATUSES
LOAD_BATCH = 2000

_FACT_COLUMNS = (
    *("id", "title", "description", "skills", "domain", "kind", "association_id", "schedule"),
    *("start_date", "end_date", "slots", "hours_per_week", "lat", "lon", "remote", "min_age"),
    *("max_age", "status", "city", "day_parts"),
)


_SHARED_STRINGS = ("domain", "kind", "schedule", "status", "city")


def _facts_from(source: object, *, association_name: str, seats_left: int) -> MissionFacts:
    """Facts from anything with the mission's column attributes (an ORM mission or a row)."""
    values = {name: getattr(source, name) for name in _FACT_COLUMNS}
    # The database hands out a new string per row: interned, the engine's 100,000 facts share
    # one copy of each slug, town, skill and slot (about 50 MB less per worker).
    for name in _SHARED_STRINGS:
        values[name] = sys.intern(values[name] or "")
    for name in ("skills", "slots", "day_parts"):
        values[name] = tuple(sys.intern(item) for item in values[name] or ())
    values["description"] = values["description"] or ""
    association_name = sys.intern(association_name)
    return MissionFacts(**values, association_name=association_name, seats_left=seats_left)


def mission_facts(mission: Mission) -> MissionFacts:
    """What the engine knows about a mission (its association must be loadable)."""
    return _facts_from(mission, association_name=mission.association.name, seats_left=mission.seats_left)


def _history_item(application: Application) -> HistoryItem:
    mission = application.mission
    return HistoryItem(
        mission_id=mission.id,
        association_id=mission.association_id,
        association_name=mission.association.name,
        kind=mission.kind,
        schedule=mission.schedule,
        status=application.status,
        hours_done=application.hours_done,
        title=mission.title,
    )


def histories_of(user_ids: Collection[int]) -> dict[int, tuple[HistoryItem, ...]]:
    """Accepted and completed applications per candidate, oldest first (one query)."""
    if not user_ids:
        return {}
    applications = db.session.scalars(
        select(Application)
        .options(joinedload(Application.mission).joinedload(Mission.association))
        .where(Application.candidate_id.in_(list(user_ids)), Application.status.in_(HISTORY_STATUSES))
        .order_by(Application.created_at, Application.id)
    )
    found: dict[int, list[HistoryItem]] = defaultdict(list)
    for application in applications:
        found[application.candidate_id].append(_history_item(application))
    return {user_id: tuple(items) for user_id, items in found.items()}


def _profile_of(user_or_profile: User | CandidateProfile) -> CandidateProfile | None:
    if isinstance(user_or_profile, CandidateProfile):
        return user_or_profile
    return user_or_profile.profile


def facts_from_profile(profile: CandidateProfile, history: Iterable[HistoryItem] = ()) -> CandidateFacts:
    """A profile as the engine reads it, with the given history."""
    return CandidateFacts(
        age_range=profile.age_range,
        lat=profile.lat,
        lon=profile.lon,
        radius_km=float(profile.radius_km),
        remote_ok=profile.remote_ok,
        slots=tuple(profile.slots or ()),
        flexible=profile.flexible,
        domains=tuple(profile.domains or ()),
        skills=tuple(profile.skills or ()),
        wanted_kinds=tuple(profile.wanted_kinds or ()),
        about=profile.about or "",
        history=tuple(history),
        avoid_domains=tuple(profile.avoid_domains or ()),
        avoid_kinds=tuple(profile.avoid_kinds or ()),
        avoid_contexts=tuple(profile.avoid_contexts or ()),
    )


def candidate_facts(user_or_profile: User | CandidateProfile) -> CandidateFacts | None:
    """A candidate's profile and history as engine facts; None without a profile."""
    profile = _profile_of(user_or_profile)
    if profile is None:
        return None
    history = histories_of([profile.user_id]).get(profile.user_id, ())
    return facts_from_profile(profile, history)


def published_facts(session: Session, ids: Collection[int] | None = None) -> Iterator[MissionFacts]:
    """Facts of the published missions (all, or among ``ids``), read as plain rows.

    Rows, not ORM objects: at 100,000 missions the identity map would cost seconds and memory.
    """
    columns = [getattr(Mission, name) for name in _FACT_COLUMNS]
    query = (
        select(*columns, Mission.capacity, Mission.seats_taken, Association.name.label("association_name"))
        .join(Association, Association.id == Mission.association_id)
        .where(Mission.is_listed)
    )
    if ids is not None:
        query = query.where(Mission.id.in_(list(ids)))
    rows = session.execute(query.order_by(Mission.id).execution_options(yield_per=LOAD_BATCH))
    for row in rows:
        seats_left = max(row.capacity - row.seats_taken, 0)
        yield _facts_from(row, association_name=row.association_name, seats_left=seats_left)
