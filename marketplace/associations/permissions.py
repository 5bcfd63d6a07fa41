"""Who may do what with associations and missions. Services call these; views never decide alone."""

from __future__ import annotations

from sqlalchemy import select

from marketplace.accounts.models import User
from marketplace.associations.models import Association, Membership, Mission
from marketplace.extensions import db
from marketplace.networks.models import NetworkAdmin, NetworkMember


def membership_of(user: User | None, association: Association) -> Membership | None:
    if user is None or not user.is_authenticated:
        return None
    return db.session.scalar(
        select(Membership).where(Membership.user_id == user.id, Membership.association_id == association.id)
    )


def can_manage_association(user: User | None, association: Association) -> bool:
    """Members (owners and members) manage missions and applications."""
    return membership_of(user, association) is not None


def can_manage_team(user: User | None, association: Association) -> bool:
    """Only owners invite or remove team members."""
    membership = membership_of(user, association)
    return membership is not None and membership.role == "owner"


def can_moderate(user: User | None, mission: Mission) -> bool:
    """Site admins, and admins of a network the mission's association belongs to."""
    if user is None or not user.is_authenticated:
        return False
    if user.role == "site_admin":
        return True
    if user.role != "network_admin":
        return False
    return (
        db.session.scalar(
            select(NetworkAdmin.id)
            .join(NetworkMember, NetworkMember.network_id == NetworkAdmin.network_id)
            .where(
                NetworkAdmin.user_id == user.id,
                NetworkMember.association_id == mission.association_id,
                NetworkMember.status == "accepted",
            )
            .limit(1)
        )
        is not None
    )


def moderated_association_ids(user: User) -> list[int] | None:
    """Associations whose missions this user moderates; None means every association."""
    if user.role == "site_admin":
        return None
    if user.role != "network_admin":
        return []
    return list(
        db.session.scalars(
            select(NetworkMember.association_id)
            .join(NetworkAdmin, NetworkAdmin.network_id == NetworkMember.network_id)
            .where(NetworkAdmin.user_id == user.id, NetworkMember.status == "accepted")
        )
    )


def team_members(association: Association) -> list[User]:
    return list(
        db.session.scalars(
            select(User).join(Membership).where(Membership.association_id == association.id).order_by(User.id)
        )
    )
