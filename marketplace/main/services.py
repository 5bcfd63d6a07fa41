"""Read-only queries behind the public pages and the dashboards."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from marketplace.accounts.models import User
from marketplace.associations.models import Association, Membership, Mission
from marketplace.candidates.models import Application
from marketplace.extensions import db
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


def published_missions_page(*, domain: str | None, kind: str | None, page: int, per_page: int = 20):
    query = (
        select(Mission)
        .options(joinedload(Mission.association))
        .where(Mission.status == "published")
        .order_by(Mission.published_at.desc(), Mission.id.desc())
    )
    if domain:
        query = query.where(Mission.domain == domain)
    if kind:
        query = query.where(Mission.kind == kind)
    return db.paginate(query, page=page, per_page=per_page, error_out=False)


def published_mission(mission_id: int) -> Mission | None:
    """A mission as the public may see it: published (or closed, kept visible for its history)."""
    mission = db.session.get(Mission, mission_id, options=[joinedload(Mission.association)])
    if mission is None or mission.status not in ("published", "closed"):
        return None
    return mission


def association_by_slug(slug: str) -> Association | None:
    return db.session.scalar(select(Association).where(Association.slug == slug))


def open_missions_of(association: Association) -> list[Mission]:
    return list(
        db.session.scalars(
            select(Mission)
            .where(Mission.association_id == association.id, Mission.status == "published")
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


def missions_of_associations(associations: list[Association]) -> list[Mission]:
    ids = [association.id for association in associations]
    if not ids:
        return []
    return list(
        db.session.scalars(
            select(Mission)
            .where(Mission.association_id.in_(ids))
            .order_by(Mission.status, Mission.updated_at.desc())
        )
    )


def waiting_applications_count(associations: list[Association]) -> int:
    ids = [association.id for association in associations]
    if not ids:
        return 0
    return (
        db.session.scalar(
            select(func.count(Application.id))
            .join(Mission)
            .where(Mission.association_id.in_(ids), Application.status.in_(("pending", "in_review")))
        )
        or 0
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
