"""Who moderates which missions, and the queue they see."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from marketplace.accounts.models import User
from marketplace.associations.models import Mission
from marketplace.associations.permissions import moderated_association_ids
from marketplace.extensions import db
from marketplace.networks.models import NetworkAdmin, NetworkMember


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


def review_queue(user: User) -> list[Mission]:
    """Missions waiting for review that this user may moderate, oldest first."""
    query = (
        select(Mission)
        .options(joinedload(Mission.association))
        .where(Mission.status == "pending_review")
        .order_by(Mission.updated_at)
    )
    ids = moderated_association_ids(user)
    if ids is not None:
        if not ids:
            return []
        query = query.where(Mission.association_id.in_(ids))
    return list(db.session.scalars(query))
