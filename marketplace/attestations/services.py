"""Attestations: what a volunteer can ask for, issuing one (once per set of participations), finding one.

Services flush only; the view commits once. The name printed is typed by the volunteer (accounts
hold a first name only) and kept nowhere but in the attestation it is printed on.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from marketplace.accounts.models import User
from marketplace.associations.models import Association, Mission
from marketplace.attestations.models import Attestation
from marketplace.attestations.rules import (
    Group,
    Participation,
    group_by_association_and_year,
    new_code,
    normalise_code,
)
from marketplace.candidates.models import Application
from marketplace.candidates.participation import paris_time
from marketplace.domain import DomainError, NotAllowed, NotFound
from marketplace.extensions import db
from marketplace.models_base import utcnow
from marketplace.statuses import ApplicationStatus

MIN_NAME, MAX_NAME = 2, 120


@dataclass(frozen=True)
class Available:
    """An attestation the volunteer can download: one association, one year."""

    association: Association
    year: int
    total_hours: float
    missions: int


def _completed(volunteer: User) -> list[Application]:
    return list(
        db.session.scalars(
            select(Application)
            .options(joinedload(Application.mission).joinedload(Mission.association))
            .where(
                Application.candidate_id == volunteer.id,
                Application.status == ApplicationStatus.COMPLETED,
                Application.completed_at.is_not(None),
            )
        )
    )


def _participation(application: Application) -> Participation:
    mission = application.mission
    assert application.completed_at is not None  # selected so
    return Participation(
        application_id=application.id,
        association_id=mission.association_id,
        mission_title=mission.title,
        schedule=mission.schedule,
        start_date=mission.start_date,
        end_date=mission.end_date,
        accepted_on=paris_time(application.decided_at).date() if application.decided_at else None,
        completed_on=paris_time(application.completed_at).date(),
        hours=application.hours_done or 0.0,
    )


def _groups(volunteer: User) -> tuple[list[Group], dict[int, Association]]:
    applications = _completed(volunteer)
    associations = {a.mission.association_id: a.mission.association for a in applications}
    return group_by_association_and_year(_participation(a) for a in applications), associations


def available_attestations(volunteer: User) -> list[Available]:
    """One entry per association and year with completed participations, most recent year first."""
    groups, associations = _groups(volunteer)
    return [
        Available(
            association=associations[group.association_id],
            year=group.year,
            total_hours=group.total_hours,
            missions=len(group.lines),
        )
        for group in groups
    ]


def suggested_name(volunteer: User) -> str:
    """The name printed last time (kept in that attestation), else the account's first name."""
    last = db.session.scalar(
        select(Attestation)
        .where(Attestation.volunteer_id == volunteer.id)
        .order_by(Attestation.issued_at.desc(), Attestation.id.desc())
        .limit(1)
    )
    return str(last.content.get("volunteer_name", "")) if last else volunteer.first_name


def clean_name(typed: str | None) -> str:
    """The full name as it will be printed: spaces tidied, 2 to 120 characters."""
    name = " ".join((typed or "").split())
    if not MIN_NAME <= len(name) <= MAX_NAME:
        raise DomainError(
            _l(
                "Enter your full name as it should appear (%(min)d to %(max)d characters).",
                min=MIN_NAME,
                max=MAX_NAME,
            ),
            field="full_name",
        )
    return name


def _content(group: Group, association: Association, *, name: str) -> dict[str, Any]:
    return {
        "volunteer_name": name,
        "association": {
            "name": association.name,
            "rna": association.rna,
            "siren": association.siren,
            "verified": bool(association.verified),
        },
        "year": group.year,
        "missions": [
            {
                "title": line.title,
                "first_day": line.first_day.isoformat(),
                "last_day": line.last_day.isoformat(),
                "hours": line.hours,
                "confirmed_on": line.confirmed_on.isoformat(),
            }
            for line in group.lines
        ],
        "total_hours": group.total_hours,
        # Only the association's team can mark a participation completed, with its hours.
        "confirmed_by_association": True,
    }


def _latest(volunteer: User, association_id: int, year: int) -> Attestation | None:
    return db.session.scalar(
        select(Attestation)
        .where(
            Attestation.volunteer_id == volunteer.id,
            Attestation.association_id == association_id,
            Attestation.year == year,
        )
        .order_by(Attestation.issued_at.desc(), Attestation.id.desc())
        .limit(1)
    )


def _unused_code() -> str:
    while True:  # 80 random bits: a collision is astronomically rare, but cheap to rule out
        code = new_code()
        if db.session.scalar(select(Attestation.id).where(Attestation.code == code)) is None:
            return code


def issue_attestation(
    volunteer: User, *, association_id: int, year: int, full_name: str | None, now: datetime | None = None
) -> Attestation:
    """The attestation for this association and year: the last one issued when nothing changed
    (same participations, same name), else a new one with a new code."""
    if volunteer.role != "candidate":
        raise NotAllowed(_l("Only volunteers receive attestations."))
    name = clean_name(full_name)
    groups, associations = _groups(volunteer)
    group = next((g for g in groups if g.association_id == association_id and g.year == year), None)
    if group is None:
        raise NotFound(_l("No completed participation with this association in this year."))
    last = _latest(volunteer, association_id, year)
    if (
        last is not None
        and last.participations == group.application_ids
        and last.content.get("volunteer_name") == name
    ):
        return last
    attestation = Attestation(
        code=_unused_code(),
        volunteer_id=volunteer.id,
        association_id=association_id,
        year=year,
        participations=group.application_ids,
        content=_content(group, associations[association_id], name=name),
        issued_at=now or utcnow(),
    )
    db.session.add(attestation)
    db.session.flush()
    return attestation


def find_attestation(typed_code: str) -> Attestation | None:
    """The attestation with this code (as typed: case and dashes do not matter), or None."""
    code = normalise_code(typed_code)
    if code is None:
        return None
    return db.session.scalar(select(Attestation).where(Attestation.code == code))


def is_superseded(attestation: Attestation) -> bool:
    """Whether a later attestation was issued for the same volunteer, association and year."""
    later = db.session.scalar(
        select(Attestation.id)
        .where(
            Attestation.volunteer_id == attestation.volunteer_id,
            Attestation.association_id == attestation.association_id,
            Attestation.year == attestation.year,
            Attestation.id > attestation.id,
        )
        .limit(1)
    )
    return attestation.association_id is not None and later is not None


def attestations_of(volunteer: User) -> list[Attestation]:
    """Every attestation issued to the volunteer, oldest first (the data export)."""
    return list(
        db.session.scalars(
            select(Attestation).where(Attestation.volunteer_id == volunteer.id).order_by(Attestation.id)
        )
    )
