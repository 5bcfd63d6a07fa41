"""What the public pages read about missions: one meaning of "public" per reader (see ``Mission``).

- a mission page: ``viewable_mission`` (published or closed, kept for its volunteers' history);
- the home page and an association's page: open missions (published with a seat left);
- the platform's figures: listed missions (published).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from marketplace.accounts.models import User
from marketplace.associations.models import Association, Mission
from marketplace.extensions import db
from marketplace.statuses import ENDED_MISSION_STATUSES


@dataclass(frozen=True)
class PlatformFigures:
    published_missions: int
    associations: int
    cities: int


def platform_figures() -> PlatformFigures:
    published = select(Mission).where(Mission.is_listed).subquery()
    return PlatformFigures(
        published_missions=db.session.scalar(select(func.count()).select_from(published)) or 0,
        associations=db.session.scalar(select(func.count(Association.id))) or 0,
        cities=db.session.scalar(select(func.count(func.distinct(published.c.city)))) or 0,
    )


def latest_open_missions(limit: int = 6) -> list[Mission]:
    return list(
        db.session.scalars(
            select(Mission)
            .options(joinedload(Mission.association))
            .where(Mission.is_open)
            .order_by(Mission.published_at.desc(), Mission.id.desc())
            .limit(limit)
        )
    )


def viewable_mission(mission_id: int) -> Mission | None:
    """A mission as the public may see it: published (or closed, kept visible for its history)."""
    mission = db.session.get(Mission, mission_id, options=[joinedload(Mission.association)])
    if mission is None or not mission.is_viewable:
        return None
    return mission


def ended_mission(mission_id: int) -> Mission | None:
    """A mission that existed publicly and is over (closed or cancelled): its address answers 410."""
    mission = db.session.get(Mission, mission_id, options=[joinedload(Mission.association)])
    if mission is None or mission.status not in ENDED_MISSION_STATUSES:
        return None
    return mission


def association_by_slug(slug: str) -> Association | None:
    return db.session.scalar(select(Association).where(Association.slug == slug))


def listed_missions_of(association: Association) -> list[Mission]:
    """Its published missions, full ones included (its public page: what it offers)."""
    return list(
        db.session.scalars(
            select(Mission)
            .where(Mission.association_id == association.id, Mission.is_listed)
            .order_by(Mission.published_at.desc(), Mission.id.desc())
        )
    )


def missions_by_status() -> dict[str, int]:
    rows = db.session.execute(select(Mission.status, func.count()).group_by(Mission.status))
    return {status: count for status, count in rows}


def distance_from_home(mission: Mission, user: User | None) -> float | None:
    """Kilometres between a signed-in volunteer's home place and the mission, when both are known."""
    from marketplace.reference.distance import haversine_km

    profile = getattr(user, "profile", None) if user is not None and user.is_authenticated else None
    if profile is None or profile.lat is None or mission.lat is None or mission.lon is None or mission.remote:
        return None
    return haversine_km(profile.lat, profile.lon, mission.lat, mission.lon)
