"""Mission lifecycle: write, submit, moderate, publish, close, cancel, duplicate.

Every rule is checked here, whatever the form already checked. Functions flush, never commit.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from urllib.parse import urlsplit

from flask import url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import event, func, select, update
from sqlalchemy.orm import selectinload

from marketplace.accounts.email_links import require_verified
from marketplace.accounts.models import User
from marketplace.accounts.validation import postcode_problem
from marketplace.associations.models import Association, Mission, MissionReview
from marketplace.associations.moderation import needs_moderation
from marketplace.associations.permissions import can_manage_association, can_moderate, team_members
from marketplace.candidates.models import Application, ApplicationEvent
from marketplace.domain import DomainError, NotAllowed, NotFound
from marketplace.extensions import db
from marketplace.models_base import utcnow
from marketplace.notifications.services import notify_user, notify_users
from marketplace.reference.slugs import DAY_PART_SLUGS
from marketplace.reference.vocabularies import (
    ACTIVE_APPLICATION_STATUSES,
    DOMAIN_SLUGS,
    MINIMUM_AGE,
    MISSION_KIND_SLUGS,
    SCHEDULE_SLUGS,
    SLOTS,
)
from marketplace.statuses import WAITING_APPLICATION_STATUSES, ApplicationStatus, MissionStatus, ReviewAction

MAX_CAPACITY = 500
MAX_SKILLS = 15
MAX_HOURS_PER_WEEK = 35
MAX_DESCRIPTION = 10_000
MAX_AGE_LIMIT = 99
MAX_COMMENT = 2000
MAX_RHYTHM = 200
MAX_APPLICATION_URL = 500
MIN_RETURN_COMMENT = 5


class MissionInvalid(DomainError):
    """Several field errors at once, so the form can show them all."""

    def __init__(self, errors: dict[str, object]):
        first_field, first_message = next(iter(errors.items()))
        super().__init__(first_message, field=first_field, code="mission_invalid")
        self.errors = errors


class WrongStatus(DomainError):
    status_code = 409


@dataclass
class MissionData:
    """What an association writes about a mission (the contract's editable fields)."""

    title: str = ""
    description: str = ""
    kind: str = "ponctual"
    domain: str = ""
    skills: list[str] = field(default_factory=list)
    city: str = ""
    postcode: str = ""
    address: str = ""
    remote: bool = False
    schedule: str = "one_off"
    start_date: date | None = None
    end_date: date | None = None
    slots: list[str] = field(default_factory=list)
    day_parts: list[str] = field(default_factory=list)
    hours_per_week: float | None = None
    rhythm: str = ""
    min_age: int = 18
    max_age: int | None = None
    capacity: int = 1
    motivation_required: bool = False
    external_id: str | None = None
    lat: float | None = None
    lon: float | None = None
    application_url: str | None = None

    @classmethod
    def from_mission(cls, mission: Mission) -> MissionData:
        return cls(**{name: getattr(mission, name) for name in cls.__dataclass_fields__})

    def content_hash(self) -> str:
        """A digest of every editable field: equal digests, equal missions (imports skip them)."""
        values = {name: getattr(self, name) for name in self.__dataclass_fields__}
        encoded = json.dumps(values, sort_keys=True, default=str, ensure_ascii=False)
        return hashlib.sha256(encoded.encode()).hexdigest()


@event.listens_for(Mission, "before_insert")
@event.listens_for(Mission, "before_update")
def _stamp_content_hash(_mapper, _connection, mission: Mission) -> None:
    # Every ORM write (editor, import, moderation) keeps the digest in step with the row, so a
    # re-import compares digests without loading missions, and an edit made since is seen.
    mission.content_hash = MissionData.from_mission(mission).content_hash()


def clean_skills(skills: list[str]) -> list[str]:
    """Trim, drop empties and duplicates (case-insensitive), keep the order people typed."""
    seen: set[str] = set()
    cleaned = []
    for skill in skills:
        text = " ".join(skill.split())[:60]
        if text and text.lower() not in seen:
            seen.add(text.lower())
            cleaned.append(text)
    return cleaned


def normalized(data: MissionData) -> MissionData:
    """Tidy what people typed; a one-off mission keeps no weekly slots (its date says when),
    a recurring one no parts of the day (its slots say them)."""
    recurring = data.schedule == "recurring"
    return replace(
        data,
        title=" ".join(data.title.split()),
        description=data.description.strip(),
        skills=clean_skills(data.skills),
        city=" ".join(data.city.split()),
        postcode=data.postcode.strip(),
        address=" ".join(data.address.split()),
        slots=[slot for slot in SLOTS if slot in set(data.slots)] if recurring else [],
        day_parts=[] if recurring else [part for part in DAY_PART_SLUGS if part in set(data.day_parts)],
        hours_per_week=data.hours_per_week if recurring else None,
        rhythm=" ".join(data.rhythm.split()) if recurring else "",
        application_url=(data.application_url or "").strip() or None,
        external_id=(data.external_id or "").strip() or None,
    )


def mission_problems(data: MissionData, *, today: date) -> dict[str, object]:
    """Every rule a mission must satisfy, as {field: French message}; empty when valid."""
    problems: dict[str, object] = {}
    if len(data.title) < 5:
        problems["title"] = _l("Give the mission a title of at least 5 characters.")
    elif len(data.title) > 160:
        problems["title"] = _l("The title must be at most 160 characters long.")
    if len(data.description) < 30:
        problems["description"] = _l(
            "Describe the mission in at least 30 characters: what volunteers will really do, for whom."
        )
    elif len(data.description) > MAX_DESCRIPTION:
        problems["description"] = _l(
            "The description must be at most %(n)d characters long.", n=MAX_DESCRIPTION
        )
    if data.kind not in MISSION_KIND_SLUGS:
        problems["kind"] = _l("Choose the kind of mission.")
    if data.domain not in DOMAIN_SLUGS:
        problems["domain"] = _l("Choose the cause of the mission.")
    if data.schedule not in SCHEDULE_SLUGS:
        problems["schedule"] = _l("Choose when the mission takes place.")
    problems.update(_date_problems(data, today=today))
    if data.schedule == "recurring":
        # No weekly slot is allowed: the times are agreed with each volunteer (« horaires à
        # convenir »), which search and the recommender read as unknown, never as a time.
        # The editor asks for the hours; only imports may leave them unknown (feeds give a
        # free-text rhythm), with a warning: see imports.parsing._lenient_fixes.
        if data.hours_per_week is None or data.hours_per_week <= 0:
            problems["hours_per_week"] = _l("Say how many hours per week the mission takes.")
        elif data.hours_per_week > MAX_HOURS_PER_WEEK:
            problems["hours_per_week"] = _l("At most %(n)d hours per week.", n=MAX_HOURS_PER_WEEK)
        if len(data.rhythm) > MAX_RHYTHM:
            problems["rhythm"] = _l("At most %(n)d characters.", n=MAX_RHYTHM)
    if data.application_url and application_url_problem(data.application_url):
        problems["application_url"] = application_url_problem(data.application_url)
    problems.update(_place_problems(data))
    if not 1 <= data.capacity <= MAX_CAPACITY:
        problems["capacity"] = _l("The number of volunteers must be between 1 and %(n)d.", n=MAX_CAPACITY)
    problems.update(_age_problems(data))
    if len(data.skills) > MAX_SKILLS:
        problems["skills"] = _l("At most %(n)d skills.", n=MAX_SKILLS)
    if data.slots and any(slot not in SLOTS for slot in data.slots):
        problems["slots"] = _l("Unknown time slot.")
    if any(part not in DAY_PART_SLUGS for part in data.day_parts):
        problems["day_parts"] = _l("Choose morning, afternoon or evening.")
    return problems


def application_url_problem(url: str) -> object | None:
    """Why a link to apply on another site is not acceptable (an http(s) address), or None."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in url):
        return _l("Give the full address of the page where volunteers apply, starting with https://.")
    if len(url) > MAX_APPLICATION_URL:
        return _l("At most %(n)d characters.", n=MAX_APPLICATION_URL)
    return None


def _date_problems(data: MissionData, *, today: date) -> dict[str, object]:
    problems: dict[str, object] = {}
    if data.schedule == "one_off" and data.start_date is None:
        problems["start_date"] = _l("A one-off mission needs a date.")
    if data.start_date and data.start_date < today and data.schedule == "one_off":
        problems["start_date"] = _l("This date is in the past.")
    if data.end_date and data.end_date < today:
        problems["end_date"] = _l("This date is in the past.")
    if data.start_date and data.end_date and data.end_date < data.start_date:
        problems["end_date"] = _l("The end date must come after the start date.")
    return problems


def _place_problems(data: MissionData) -> dict[str, object]:
    problems: dict[str, object] = {}
    # A remote mission may still give a postcode (to be found nearby), but then a real one.
    if data.remote and data.postcode and postcode_problem(data.postcode):
        problems["postcode"] = postcode_problem(data.postcode)
    if not data.remote:
        if not data.city:
            problems["city"] = _l("Give the city where the mission takes place, or tick remote.")
        if postcode_problem(data.postcode):
            problems["postcode"] = postcode_problem(data.postcode)
    if len(data.city) > 120:
        problems["city"] = _l("At most %(n)d characters.", n=120)
    if len(data.address) > 255:
        problems["address"] = _l("At most %(n)d characters.", n=255)
    return problems


def _age_problems(data: MissionData) -> dict[str, object]:
    problems: dict[str, object] = {}
    if data.min_age < MINIMUM_AGE:
        problems["min_age"] = _l("Volunteers must be at least %(n)d years old.", n=MINIMUM_AGE)
    elif data.kind == "leadership" and data.min_age < 18:
        problems["min_age"] = _l("A responsibility mission is for adults only (18 and over).")
    elif data.min_age > MAX_AGE_LIMIT:
        problems["min_age"] = _l("The minimum age must be at most %(n)d.", n=MAX_AGE_LIMIT)
    if data.max_age is not None and data.max_age < data.min_age:
        problems["max_age"] = _l("The maximum age must be greater than or equal to the minimum age.")
    elif data.max_age is not None and data.max_age > MAX_AGE_LIMIT:
        problems["max_age"] = _l("Leave the maximum age empty when there is no upper limit.")
    return problems


def _check(data: MissionData, *, today: date | None) -> MissionData:
    data = normalized(data)
    problems = mission_problems(data, today=today or date.today())
    if problems:
        raise MissionInvalid(problems)
    return data


def _require_manager(user: User, association: Association) -> None:
    if not can_manage_association(user, association):
        raise NotAllowed(_l("You are not a member of this association."))


def managed_mission(mission_id: int, *, by: User) -> Mission:
    """The mission if ``by`` belongs to its association; otherwise it does not exist for them."""
    mission = db.session.get(Mission, mission_id)
    if mission is None or not can_manage_association(by, mission.association):
        raise NotFound(_l("This mission does not exist or belongs to another association."))
    return mission


def moderated_mission(mission_id: int, *, by: User) -> Mission:
    """The mission if ``by`` may moderate it; otherwise it does not exist for them."""
    mission = db.session.get(Mission, mission_id)
    if mission is None or not can_moderate(by, mission):
        raise NotFound(_l("This mission does not exist or is outside the associations you moderate."))
    return mission


def _clean_comment(comment: str, *, field_name: str = "comment") -> str:
    comment = (comment or "").strip()
    if len(comment) > MAX_COMMENT:
        raise DomainError(_l("At most %(n)d characters.", n=MAX_COMMENT), field=field_name)
    return comment


def last_day(mission: Mission) -> date | None:
    """The last day the mission takes place, when it has one."""
    return mission.end_date or (mission.start_date if mission.schedule == "one_off" else None)


def _locate(data: MissionData) -> MissionData:
    from marketplace.reference.places import place_for

    if data.remote and not data.postcode:
        return replace(data, lat=None, lon=None)
    if data.lat is not None and data.lon is not None:
        return data
    place = place_for(data.postcode, data.city)
    return replace(data, lat=place.lat, lon=place.lon) if place else data


def _record(mission: Mission, action: str, *, by: User | None, comment: str = "") -> None:
    db.session.add(MissionReview(mission=mission, actor=by, action=action, comment=comment))


def _apply(mission: Mission, data: MissionData) -> None:
    for name in MissionData.__dataclass_fields__:
        setattr(mission, name, getattr(data, name))


def create_mission(
    association: Association, data: MissionData, *, by: User, today: date | None = None
) -> Mission:
    """Save a new mission as a draft."""
    _require_manager(by, association)
    data = _locate(_check(data, today=today))
    mission = Mission(association=association, status=MissionStatus.DRAFT)
    _apply(mission, data)
    db.session.add(mission)
    db.session.flush()
    return mission


def update_mission(mission: Mission, data: MissionData, *, by: User, today: date | None = None) -> Mission:
    """Edit a mission; closed or cancelled missions stay as they were."""
    _require_manager(by, mission.association)
    if mission.status in (MissionStatus.CLOSED, MissionStatus.CANCELLED):
        raise WrongStatus(_l("A closed or cancelled mission can no longer be edited: duplicate it instead."))
    data = normalized(data)
    if (data.postcode, data.city, data.remote) != (mission.postcode, mission.city, mission.remote):
        data = replace(data, lat=None, lon=None)
    problems = mission_problems(data, today=today or date.today())
    if data.capacity < mission.seats_taken:
        problems.setdefault(
            "capacity",
            _l("%(n)d volunteers are already accepted: capacity cannot be lower.", n=mission.seats_taken),
        )
    if problems:
        raise MissionInvalid(problems)
    _apply(mission, _locate(data))
    db.session.flush()
    return mission


def submit_mission(mission: Mission, *, by: User, today: date | None = None) -> Mission:
    """Send a draft to moderation; verified associations publish directly."""
    _require_manager(by, mission.association)
    require_verified(by)
    if mission.status != MissionStatus.DRAFT:
        raise WrongStatus(_l("Only a draft can be submitted."))
    _check(MissionData.from_mission(mission), today=today)
    if not needs_moderation(mission.association, by):
        _publish(mission)
        _record(mission, ReviewAction.AUTO_PUBLISHED, by=by)
    else:
        mission.status = MissionStatus.PENDING_REVIEW
        _record(mission, ReviewAction.SUBMITTED, by=by)
        _tell_moderators(mission)
    db.session.flush()
    return mission


def _publish(mission: Mission) -> None:
    mission.status = MissionStatus.PUBLISHED
    mission.published_at = mission.published_at or utcnow()


def _tell_moderators(mission: Mission) -> None:
    from marketplace.associations.moderation import moderators_of

    notify_users(
        moderators_of(mission),
        subject=_l("A mission is waiting for review"),
        template="mission_submitted",
        mission=mission,
        link=url_for("moderation.queue", _external=True),
    )


def publish_mission(mission: Mission, *, by: User, comment: str = "", today: date | None = None) -> Mission:
    """A moderator publishes a mission waiting for review."""
    if not can_moderate(by, mission):
        raise NotAllowed(_l("You cannot moderate this mission."))
    if mission.status != MissionStatus.PENDING_REVIEW:
        raise WrongStatus(_l("This mission is not waiting for review."))
    comment = _clean_comment(comment)
    ended = last_day(mission)
    if ended is not None and ended < (today or date.today()):
        raise WrongStatus(
            _l("The date of this mission has passed: send it back so the association can choose a new one.")
        )
    _publish(mission)
    _record(mission, ReviewAction.PUBLISHED, by=by, comment=comment)
    notify_users(
        team_members(mission.association),
        subject=_l("Your mission is published"),
        template="mission_published",
        mission=mission,
        comment=comment,
        link=url_for("main.mission", mission_id=mission.id, _external=True),
    )
    db.session.flush()
    return mission


def return_mission(mission: Mission, *, by: User, comment: str) -> Mission:
    """A moderator sends a mission back to its association with what to change."""
    if not can_moderate(by, mission):
        raise NotAllowed(_l("You cannot moderate this mission."))
    if mission.status != MissionStatus.PENDING_REVIEW:
        raise WrongStatus(_l("This mission is not waiting for review."))
    comment = _clean_comment(comment)
    if len(comment) < MIN_RETURN_COMMENT:
        raise DomainError(_l("Tell the association what to change."), field="comment")
    mission.status = MissionStatus.DRAFT
    _record(mission, ReviewAction.RETURNED, by=by, comment=comment)
    notify_users(
        team_members(mission.association),
        subject=_l("Your mission needs changes"),
        template="mission_returned",
        mission=mission,
        comment=comment,
        link=url_for("missions_admin.edit", mission_id=mission.id, _external=True),
    )
    db.session.flush()
    return mission


def close_mission(mission: Mission, *, by: User) -> Mission:
    """Stop taking applications; accepted volunteers keep their place."""
    _require_manager(by, mission.association)
    if mission.status != MissionStatus.PUBLISHED:
        raise WrongStatus(_l("Only a published mission can be closed."))
    mission.status = MissionStatus.CLOSED
    _record(mission, ReviewAction.CLOSED, by=by)
    db.session.flush()
    return mission


def cancel_mission(mission: Mission, *, by: User, reason: str = "") -> Mission:
    """Cancel the mission and tell every active applicant."""
    _require_manager(by, mission.association)
    if mission.status == MissionStatus.CANCELLED:
        raise WrongStatus(_l("This mission is already cancelled."))
    reason = _clean_comment(reason, field_name="reason")
    active = list(
        db.session.scalars(
            select(Application).where(
                Application.mission_id == mission.id, Application.status.in_(ACTIVE_APPLICATION_STATUSES)
            )
        )
    )
    for application in active:
        db.session.add(
            ApplicationEvent(
                application=application,
                actor=by,
                from_status=application.status,
                to_status=ApplicationStatus.DECLINED,
                note=reason,
            )
        )
        application.status = ApplicationStatus.DECLINED
        application.decline_reason = "no_longer_available"
        application.decided_at = utcnow()
        notify_user(
            application.candidate,
            subject=_l("A mission you applied to is cancelled"),
            template="mission_cancelled",
            mission=mission,
            reason=reason,
        )
    db.session.execute(update(Mission).where(Mission.id == mission.id).values(seats_taken=0))
    mission.status = MissionStatus.CANCELLED
    _record(mission, ReviewAction.CANCELLED, by=by, comment=reason)
    db.session.flush()
    db.session.refresh(mission)
    return mission


def duplicate_mission(mission: Mission, *, by: User, today: date | None = None) -> Mission:
    """Copy a mission as a new draft; past dates are cleared so they get chosen again."""
    _require_manager(by, mission.association)
    today = today or date.today()
    data = MissionData.from_mission(mission)
    data = replace(data, title=str(_l("%(title)s (copy)", title=mission.title))[:160], external_id=None)
    if data.start_date and data.start_date < today:
        data = replace(data, start_date=None, end_date=None)
    if data.end_date and data.end_date < today:
        data = replace(data, end_date=None)
    copy = Mission(association=mission.association, status=MissionStatus.DRAFT)
    _apply(copy, normalized(data))
    db.session.add(copy)
    db.session.flush()
    return copy


def missions_of(association: Association, *, status: str | None = None) -> list[Mission]:
    query = select(Mission).where(Mission.association_id == association.id)
    if status:
        query = query.where(Mission.status == status)
    return list(db.session.scalars(query.order_by(Mission.updated_at.desc())))


# Applications the association still has to answer.
# How the association space groups missions, in the order a volunteer manager works through them.
STATUS_GROUPS: dict[str, tuple[str, ...]] = {
    "draft": (MissionStatus.DRAFT,),
    "pending_review": (MissionStatus.PENDING_REVIEW,),
    "published": (MissionStatus.PUBLISHED,),
    "ended": (MissionStatus.CLOSED, MissionStatus.CANCELLED),
}


@dataclass(frozen=True)
class MissionSummary:
    """A mission with what its team needs at a glance: seats, applications waiting, last decision."""

    mission: Mission
    waiting: int = 0
    oldest_waiting_at: datetime | None = None

    @property
    def last_review(self) -> MissionReview | None:
        return self.mission.reviews[-1] if self.mission.reviews else None

    @property
    def returned(self) -> bool:
        """A draft sent back by a moderator, waiting for the association's changes."""
        review = self.last_review
        return (
            self.mission.status == MissionStatus.DRAFT
            and review is not None
            and review.action == ReviewAction.RETURNED
        )


def waiting_by_mission(mission_ids: Iterable[int]) -> dict[int, tuple[int, datetime]]:
    """{mission id: (applications waiting for an answer, when the oldest of them arrived)}."""
    ids = list(mission_ids)
    if not ids:
        return {}
    rows = db.session.execute(
        select(Application.mission_id, func.count(Application.id), func.min(Application.created_at))
        .where(Application.mission_id.in_(ids), Application.status.in_(WAITING_APPLICATION_STATUSES))
        .group_by(Application.mission_id)
    )
    return {mission_id: (count, oldest) for mission_id, count, oldest in rows}


def mission_summaries(associations: Iterable[Association]) -> list[MissionSummary]:
    """Every mission of these associations, most recently changed first, with their waiting applications."""
    ids = [association.id for association in associations]
    if not ids:
        return []
    missions = list(
        db.session.scalars(
            select(Mission)
            .options(selectinload(Mission.reviews), selectinload(Mission.association))
            .where(Mission.association_id.in_(ids))
            .order_by(Mission.updated_at.desc(), Mission.id.desc())
        )
    )
    waiting = waiting_by_mission(mission.id for mission in missions)
    return [MissionSummary(mission, *waiting.get(mission.id, (0, None))) for mission in missions]


def group_by_status(summaries: Iterable[MissionSummary]) -> dict[str, list[MissionSummary]]:
    """{group: summaries} for every group of STATUS_GROUPS, in its order, empty groups included."""
    groups: dict[str, list[MissionSummary]] = {name: [] for name in STATUS_GROUPS}
    for summary in summaries:
        for name, statuses in STATUS_GROUPS.items():
            if summary.mission.status in statuses:
                groups[name].append(summary)
    return groups


def active_applicants_count(mission: Mission) -> int:
    """Volunteers whose application is still open or accepted: those a cancellation must tell."""
    return (
        db.session.scalar(
            select(func.count(Application.id)).where(
                Application.mission_id == mission.id, Application.status.in_(ACTIVE_APPLICATION_STATUSES)
            )
        )
        or 0
    )
