"""An association's figures: its dashboard (missions by status, applications waiting) and response time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from statistics import median

from sqlalchemy import func, select

from marketplace.accounts.models import User
from marketplace.associations.missions import MissionSummary, group_by_status, mission_summaries
from marketplace.associations.models import Association, Mission
from marketplace.candidates.models import Application, ApplicationEvent
from marketplace.extensions import db
from marketplace.models_base import utcnow
from marketplace.statuses import DECISION_STATUSES, WAITING_APPLICATION_STATUSES, MissionStatus

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
        return self.groups[MissionStatus.PUBLISHED]

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
