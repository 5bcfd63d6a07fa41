"""Who moderates which missions, and the queue they see."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from marketplace.accounts.models import User
from marketplace.associations.models import Association, Mission, MissionReview
from marketplace.associations.permissions import moderated_association_ids
from marketplace.extensions import db
from marketplace.networks.models import NetworkAdmin, NetworkMember
from marketplace.statuses import MissionStatus, ReviewAction


def needs_moderation(association: Association, by: User | None) -> bool:
    """The one rule: what an association's member writes goes to moderation unless it is verified.

    Verified associations publish directly; site and network admins (imports, the CLI) are
    moderators themselves. The editor and the imports both ask this function.
    """
    return by is not None and by.role == "association" and not association.verified


def moderators_of(mission: Mission) -> list[User]:
    """Admins of the networks the association belongs to, or the site admins when there are none."""
    network_admins = list(
        db.session.scalars(
            select(User)
            .join(NetworkAdmin, NetworkAdmin.user_id == User.id)
            .join(NetworkMember, NetworkMember.network_id == NetworkAdmin.network_id)
            .where(NetworkMember.association_id == mission.association_id, NetworkMember.status == "accepted")
            .distinct()
        )
    )
    if network_admins:
        return network_admins
    return list(db.session.scalars(select(User).where(User.role == "site_admin")))


@dataclass(frozen=True)
class QueueEntry:
    """A mission waiting for review, and since when it waits."""

    mission: Mission
    submitted_at: datetime


def _submitted_at():
    # Waiting time counts from the last submission, not from the last edit of the mission.
    last_submission = (
        select(func.max(MissionReview.created_at))
        .where(MissionReview.mission_id == Mission.id, MissionReview.action == ReviewAction.SUBMITTED)
        .correlate(Mission)
        .scalar_subquery()
    )
    return func.coalesce(last_submission, Mission.updated_at)


def review_queue_entries(user: User) -> list[QueueEntry]:
    """Missions waiting for review that this user may moderate, oldest submission first."""
    submitted_at = _submitted_at().label("submitted_at")
    query = (
        select(Mission, submitted_at)
        .options(joinedload(Mission.association))
        .where(Mission.status == MissionStatus.PENDING_REVIEW)
        .order_by(submitted_at, Mission.id)
    )
    ids = moderated_association_ids(user)
    if ids is not None:
        if not ids:
            return []
        query = query.where(Mission.association_id.in_(ids))
    return [QueueEntry(mission, when) for mission, when in db.session.execute(query)]


def review_queue(user: User) -> list[Mission]:
    """Missions waiting for review that this user may moderate, oldest first."""
    return [entry.mission for entry in review_queue_entries(user)]


def review_queue_size(user: User) -> int:
    """How many missions wait for this user's review."""
    query = select(func.count(Mission.id)).where(Mission.status == MissionStatus.PENDING_REVIEW)
    ids = moderated_association_ids(user)
    if ids is not None:
        if not ids:
            return 0
        query = query.where(Mission.association_id.in_(ids))
    return db.session.scalar(query) or 0


def submitted_at(mission: Mission) -> datetime:
    """When the mission was last submitted for review (its last change when never submitted)."""
    return db.session.scalar(select(_submitted_at()).where(Mission.id == mission.id)) or mission.updated_at
