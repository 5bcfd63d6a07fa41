"""Read-only queries behind the public pages and the dashboards."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from statistics import median

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from marketplace.accounts.models import User
from marketplace.associations.missions import (
    WAITING_APPLICATION_STATUSES,
    MissionSummary,
    group_by_status,
    mission_summaries,
)
from marketplace.associations.models import Association, Membership, Mission
from marketplace.candidates.models import Application, ApplicationEvent
from marketplace.extensions import db
from marketplace.models_base import utcnow
from marketplace.networks.models import Network, NetworkAdmin, NetworkMember


@dataclass(frozen=True)
class PlatformFigures:
    published_missions: int
    associations: int
    cities: int


def platform_figures() -> PlatformFigures:
    published = select(Mission).where(Mission.status == "published").subquery()
    return PlatformFigures(
        published_missions=db.session.scalar(select(func.count()).select_from(published)) or 0,
        associations=db.session.scalar(select(func.count(Association.id))) or 0,
        cities=db.session.scalar(select(func.count(func.distinct(published.c.city)))) or 0,
    )


def latest_published_missions(limit: int = 6) -> list[Mission]:
    return list(
        db.session.scalars(
            select(Mission)
            .options(joinedload(Mission.association))
            .where(Mission.status == "published", Mission.seats_taken < Mission.capacity)
            .order_by(Mission.published_at.desc(), Mission.id.desc())
            .limit(limit)
        )
    )


def published_mission(mission_id: int) -> Mission | None:
    """A mission as the public may see it: published (or closed, kept visible for its history)."""
    mission = db.session.get(Mission, mission_id, options=[joinedload(Mission.association)])
    if mission is None or mission.status not in ("published", "closed"):
        return None
    return mission


def association_by_slug(slug: str) -> Association | None:
    return db.session.scalar(select(Association).where(Association.slug == slug))


def open_missions_of(association: Association) -> list[Mission]:
    """Published missions that still have a seat: what a visitor can apply to."""
    return list(
        db.session.scalars(
            select(Mission)
            .where(
                Mission.association_id == association.id,
                Mission.status == "published",
                Mission.seats_taken < Mission.capacity,
            )
            .order_by(Mission.published_at.desc())
        )
    )


def applications_of_candidate(user: User) -> list[Application]:
    return list(
        db.session.scalars(
            select(Application)
            .options(joinedload(Application.mission).joinedload(Mission.association))
            .where(Application.candidate_id == user.id)
            .order_by(Application.updated_at.desc())
        )
    )


def associations_of(user: User) -> list[Association]:
    return list(
        db.session.scalars(
            select(Association)
            .join(Membership)
            .where(Membership.user_id == user.id)
            .order_by(Association.name)
        )
    )


def networks_administered_by(user: User) -> list[Network]:
    return list(
        db.session.scalars(
            select(Network).join(NetworkAdmin).where(NetworkAdmin.user_id == user.id).order_by(Network.name)
        )
    )


def network_members(network: Network) -> list[NetworkMember]:
    return list(
        db.session.scalars(
            select(NetworkMember)
            .options(joinedload(NetworkMember.association))
            .where(NetworkMember.network_id == network.id)
            .order_by(NetworkMember.status, NetworkMember.id)
        )
    )


def missions_by_status() -> dict[str, int]:
    rows = db.session.execute(select(Mission.status, func.count()).group_by(Mission.status))
    return {status: count for status, count in rows}


# --- Association dashboard ----------------------------------------------------------------------

DASHBOARD_WAITING_LIMIT = 10


@dataclass(frozen=True)
class WaitingApplication:
    """An application the association has not answered yet (no contact details: those come on acceptance)."""

    id: int
    mission_id: int
    mission_title: str
    first_name: str
    status: str
    waited: timedelta


@dataclass(frozen=True)
class AssociationDashboard:
    groups: dict[str, list[MissionSummary]]
    waiting: list[WaitingApplication]
    waiting_total: int
    now: datetime

    @property
    def published(self) -> list[MissionSummary]:
        return self.groups["published"]

    @property
    def seats_taken(self) -> int:
        return sum(summary.mission.seats_taken for summary in self.published)

    @property
    def seats_offered(self) -> int:
        return sum(summary.mission.capacity for summary in self.published)


def association_dashboard(
    associations: list[Association], *, now: datetime | None = None
) -> AssociationDashboard:
    """Missions by status and the applications waiting longest for an answer, oldest first."""
    now = now or utcnow()
    ids = [association.id for association in associations]
    groups = group_by_status(mission_summaries(associations))
    if not ids:
        return AssociationDashboard(groups=groups, waiting=[], waiting_total=0, now=now)
    waiting_filter = (Mission.association_id.in_(ids), Application.status.in_(WAITING_APPLICATION_STATUSES))
    rows = db.session.execute(
        select(
            Application.id,
            Application.mission_id,
            Mission.title,
            User.first_name,
            Application.status,
            Application.created_at,
        )
        .join(Mission, Mission.id == Application.mission_id)
        .join(User, User.id == Application.candidate_id)
        .where(*waiting_filter)
        .order_by(Application.created_at, Application.id)
        .limit(DASHBOARD_WAITING_LIMIT)
    )
    waiting = [
        WaitingApplication(app_id, mission_id, title, first_name, status, now - created_at)
        for app_id, mission_id, title, first_name, status, created_at in rows
    ]
    total = db.session.scalar(
        select(func.count(Application.id))
        .join(Mission, Mission.id == Application.mission_id)
        .where(*waiting_filter)
    )
    return AssociationDashboard(groups=groups, waiting=waiting, waiting_total=total or 0, now=now)


# --- How quickly an association answers -----------------------------------------------------------

MIN_ANSWERS_FOR_RESPONSE_TIME = 3
RESPONSE_TIME_WINDOW = timedelta(days=365)
DECISION_STATUSES = ("accepted", "declined")


@dataclass(frozen=True)
class ResponseTime:
    """Median delay between an application and the association's first decision (None: too few answers)."""

    answers: int
    median: timedelta | None


def median_delay(
    delays: list[timedelta], *, minimum: int = MIN_ANSWERS_FOR_RESPONSE_TIME
) -> timedelta | None:
    """The median of the delays, or None when there are fewer than ``minimum`` (one answer says little)."""
    if len(delays) < minimum:
        return None
    return timedelta(seconds=median(delay.total_seconds() for delay in delays))


def response_time_of(association: Association, *, now: datetime | None = None) -> ResponseTime:
    """How quickly the association answered the applications it decided on in the last 12 months."""
    since = (now or utcnow()) - RESPONSE_TIME_WINDOW
    first_decision = (
        select(
            ApplicationEvent.application_id.label("application_id"),
            func.min(ApplicationEvent.created_at).label("decided_at"),
        )
        .where(ApplicationEvent.to_status.in_(DECISION_STATUSES))
        .group_by(ApplicationEvent.application_id)
        .subquery()
    )
    rows = db.session.execute(
        select(Application.created_at, first_decision.c.decided_at)
        .join(first_decision, first_decision.c.application_id == Application.id)
        .join(Mission, Mission.id == Application.mission_id)
        .where(Mission.association_id == association.id, first_decision.c.decided_at >= since)
    )
    delays = [max(decided_at - created_at, timedelta(0)) for created_at, decided_at in rows]
    return ResponseTime(answers=len(delays), median=median_delay(delays))


def distance_from_home(mission: Mission, user: User | None) -> float | None:
    """Kilometres between a signed-in volunteer's home place and the mission, when both are known."""
    from marketplace.reference.geo import distance_km

    profile = getattr(user, "profile", None) if user is not None and user.is_authenticated else None
    if profile is None or profile.lat is None or mission.lat is None or mission.lon is None or mission.remote:
        return None
    return distance_km(profile.lat, profile.lon, mission.lat, mission.lon)
