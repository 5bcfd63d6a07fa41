"""What the public API may show: published missions and associations with a public face."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from marketplace.associations.models import Association, Mission
from marketplace.extensions import db

# Ids are 32-bit integers on PostgreSQL: a larger one in a URL names nothing (and must not
# reach the database, which would refuse the comparison).
MAX_ID = 2**31 - 1


def _valid_id(value: int) -> bool:
    return 0 < value <= MAX_ID


def published_mission(mission_id: int) -> Mission | None:
    if not _valid_id(mission_id):
        return None
    return db.session.scalar(
        select(Mission)
        .options(joinedload(Mission.association))
        .where(Mission.id == mission_id, Mission.is_listed)
    )


def published_missions_of(association_id: int) -> list[Mission]:
    return list(
        db.session.scalars(
            select(Mission)
            .where(Mission.association_id == association_id, Mission.is_listed)
            .order_by(Mission.id)
        )
    )


def public_association(association_id: int) -> tuple[Association, list[Mission]] | None:
    """A verified association, or one with a published mission (its name is public already)."""
    if not _valid_id(association_id):
        return None
    found = db.session.get(Association, association_id)
    if found is None:
        return None
    missions = published_missions_of(association_id)
    if not (found.verified or missions):
        return None
    return found, missions
