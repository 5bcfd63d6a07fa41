"""Applications from both sides: apply, withdraw, review, accept, decline, complete, message.

Capacity holds under concurrency because a seat is taken by one conditional UPDATE
(``seats_taken = seats_taken + 1 WHERE seats_taken < capacity``), checked by its row count,
and an application changes status only from the status we read (compare-and-set), so two
clicks or fifty threads can never take more seats than exist. The partial unique index on
(mission, candidate) for active statuses makes double applications impossible.
"""

from __future__ import annotations

from datetime import date, timedelta

from flask import url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from marketplace.accounts.models import User
from marketplace.associations.models import Mission
from marketplace.associations.permissions import can_manage_association, team_members
from marketplace.candidates.models import Application, ApplicationEvent, Message
from marketplace.domain import Conflict, DomainError, NotAllowed
from marketplace.extensions import db
from marketplace.models_base import utcnow
from marketplace.notifications.services import notify_user, notify_users
from marketplace.reference.vocabularies import ACTIVE_APPLICATION_STATUSES, DECLINE_REASONS, age_range_allowed

MAX_MOTIVATION = 3000
MAX_MESSAGE = 5000
MAX_HOURS_DONE = 2000


class MissionFull(Conflict):
    code_name = "mission_full"

    def __init__(self) -> None:
        super().__init__(_l("This mission is full (mission complète): no seat is left."), code="mission_full")


class AlreadyApplied(Conflict):
    def __init__(self) -> None:
        super().__init__(_l("You have already applied to this mission."), code="already_applied")


class NotEligible(DomainError):
    pass


class StaleApplication(Conflict):
    def __init__(self) -> None:
        super().__init__(
            _l("This application has changed in the meantime: reload the page to see its current status."),
            code="stale_application",
        )


def mission_is_past(mission: Mission, *, today: date) -> bool:
    last_day = mission.end_date or (mission.start_date if mission.schedule == "one_off" else None)
    return last_day is not None and last_day < today


def eligibility_problem(mission: Mission, candidate: User, *, today: date | None = None) -> object | None:
    """Why this candidate cannot apply now, or None. Shown before the button and enforced on apply."""
    today = today or date.today()
    if candidate.role != "candidate" or candidate.profile is None:
        return _l("Only volunteers with a profile can apply.")
    if mission.status != "published":
        return _l("This mission is not open to applications.")
    if mission_is_past(mission, today=today):
        return _l("This mission has already taken place.")
    if mission.seats_left <= 0:
        return _l("This mission is full (mission complète): no seat is left.")
    if not age_range_allowed(candidate.profile.age_range, mission.min_age, mission.max_age):
        return _l("This mission is not open to your age range.")
    if active_application(mission, candidate) is not None:
        return _l("You have already applied to this mission.")
    if _withdrew_today(mission, candidate, today=today):
        return _l("You withdrew from this mission today: you can apply again tomorrow.")
    return None


def active_application(mission: Mission, candidate: User) -> Application | None:
    return db.session.scalar(
        select(Application).where(
            Application.mission_id == mission.id,
            Application.candidate_id == candidate.id,
            Application.status.in_(ACTIVE_APPLICATION_STATUSES),
        )
    )


def _withdrew_today(mission: Mission, candidate: User, *, today: date) -> bool:
    start_of_day = utcnow().replace(hour=0, minute=0, second=0, microsecond=0)
    if today != date.today():  # tests may pass another day: compare on that day
        start_of_day = start_of_day + timedelta(days=(today - date.today()).days)
    return (
        db.session.scalar(
            select(Application.id).where(
                Application.mission_id == mission.id,
                Application.candidate_id == candidate.id,
                Application.status == "withdrawn",
                Application.withdrawn_at >= start_of_day,
            )
        )
        is not None
    )


def _event(application: Application, *, by: User | None, to: str, note: str = "") -> None:
    db.session.add(
        ApplicationEvent(
            application=application, actor=by, from_status=application.status, to_status=to, note=note
        )
    )


def apply(mission: Mission, candidate: User, *, motivation: str = "", today: date | None = None) -> Application:
    """Create a pending application and tell the association."""
    motivation = motivation.strip()
    problem = eligibility_problem(mission, candidate, today=today)
    if problem is not None:
        raise NotEligible(problem)
    if mission.motivation_required and len(motivation) < 20:
        raise DomainError(
            _l("This association asks for a short motivation message (at least 20 characters)."),
            field="motivation",
        )
    if len(motivation) > MAX_MOTIVATION:
        raise DomainError(_l("At most %(n)d characters.", n=MAX_MOTIVATION), field="motivation")
    application = Application(mission=mission, candidate=candidate, status="pending", motivation=motivation)
    try:
        with db.session.begin_nested():
            db.session.add(application)
            db.session.flush()
    except IntegrityError as error:  # a concurrent request created it first
        raise AlreadyApplied() from error
    db.session.add(ApplicationEvent(application=application, actor=candidate, to_status="pending"))
    notify_users(
        team_members(mission.association),
        subject=_l("New application for %(title)s", title=mission.title),
        template="application_received",
        application=application,
        link=url_for("inbox.application", application_id=application.id, _external=True),
    )
    db.session.flush()
    return application


def _set_status(application: Application, *, expected: tuple[str, ...], to: str, **values) -> None:
    """Compare-and-set: change the status only if nobody changed it since we read it."""
    result = db.session.execute(
        update(Application)
        .where(Application.id == application.id, Application.status.in_(expected))
        .values(status=to, updated_at=utcnow(), **values)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        raise StaleApplication()


def _take_seat(mission: Mission) -> None:
    result = db.session.execute(
        update(Mission)
        .where(Mission.id == mission.id, Mission.seats_taken < Mission.capacity)
        .values(seats_taken=Mission.seats_taken + 1)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        raise MissionFull()


def _release_seat(mission: Mission) -> None:
    db.session.execute(
        update(Mission)
        .where(Mission.id == mission.id, Mission.seats_taken > 0)
        .values(seats_taken=Mission.seats_taken - 1)
        .execution_options(synchronize_session=False)
    )


def _refresh(*objects) -> None:
    db.session.flush()
    for obj in objects:
        db.session.refresh(obj)


def _require_association_side(application: Application, user: User) -> None:
    if not can_manage_association(user, application.mission.association):
        raise NotAllowed(_l("This application belongs to another association."))


def _require_candidate_side(application: Application, user: User) -> None:
    if application.candidate_id != user.id:
        raise NotAllowed(_l("This application is not yours."))


def put_in_review(application: Application, *, by: User) -> Application:
    _require_association_side(application, by)
    with db.session.begin_nested():
        _event(application, by=by, to="in_review")
        _set_status(application, expected=("pending",), to="in_review")
    _refresh(application)
    notify_user(
        application.candidate,
        subject=_l("Your application is being reviewed"),
        template="application_status",
        application=application,
        link=url_for("inbox.application", application_id=application.id, _external=True),
    )
    return application


def accept(application: Application, *, by: User) -> Application:
    """Accept within capacity; raises MissionFull when the last seat is gone."""
    _require_association_side(application, by)
    if application.status not in ("pending", "in_review"):
        raise StaleApplication()
    # One savepoint: if the seat is gone, the status change is undone with it.
    with db.session.begin_nested():
        _event(application, by=by, to="accepted")
        _set_status(application, expected=("pending", "in_review"), to="accepted", decided_at=utcnow())
        _take_seat(application.mission)
    _refresh(application, application.mission)
    notify_user(
        application.candidate,
        subject=_l("You are accepted for %(title)s", title=application.mission.title),
        template="application_status",
        application=application,
        link=url_for("inbox.application", application_id=application.id, _external=True),
    )
    return application


def decline(application: Application, *, by: User, reason: str, message: str = "") -> Application:
    _require_association_side(application, by)
    if reason not in DECLINE_REASONS:
        raise DomainError(_l("Choose a reason."), field="reason")
    was_accepted = application.status == "accepted"
    with db.session.begin_nested():
        _event(application, by=by, to="declined", note=message.strip())
        _set_status(
            application,
            expected=("pending", "in_review", "accepted"),
            to="declined",
            decline_reason=reason,
            decided_at=utcnow(),
        )
        if was_accepted:
            _release_seat(application.mission)
    if message.strip():
        db.session.add(Message(application=application, author=by, body=message.strip()[:MAX_MESSAGE]))
    _refresh(application, application.mission)
    notify_user(
        application.candidate,
        subject=_l("Answer to your application for %(title)s", title=application.mission.title),
        template="application_status",
        application=application,
        link=url_for("inbox.application", application_id=application.id, _external=True),
    )
    return application


def withdraw(application: Application, *, by: User) -> Application:
    """The candidate withdraws; an accepted seat reopens for others."""
    _require_candidate_side(application, by)
    was_accepted = application.status == "accepted"
    if application.status not in ACTIVE_APPLICATION_STATUSES:
        raise StaleApplication()
    with db.session.begin_nested():
        _event(application, by=by, to="withdrawn")
        _set_status(application, expected=ACTIVE_APPLICATION_STATUSES, to="withdrawn", withdrawn_at=utcnow())
        if was_accepted:
            _release_seat(application.mission)
    _refresh(application, application.mission)
    notify_users(
        team_members(application.mission.association),
        subject=_l("A volunteer withdrew from %(title)s", title=application.mission.title),
        template="application_withdrawn",
        application=application,
        link=url_for("inbox.application", application_id=application.id, _external=True),
    )
    return application


def complete(application: Application, *, by: User, hours_done: float) -> Application:
    """Confirm attendance after the mission: this is what the pathway counts."""
    _require_association_side(application, by)
    if hours_done is None or not 0 <= hours_done <= MAX_HOURS_DONE:
        raise DomainError(_l("Enter the hours done (between 0 and %(n)d).", n=MAX_HOURS_DONE), field="hours_done")
    with db.session.begin_nested():
        _event(application, by=by, to="completed", note=f"{hours_done:g} h")
        _set_status(
            application, expected=("accepted",), to="completed", hours_done=hours_done, completed_at=utcnow()
        )
        # The volunteer's engagement is over: the seat returns to the mission.
        _release_seat(application.mission)
    _refresh(application, application.mission)
    notify_user(
        application.candidate,
        subject=_l("Thank you for your help with %(title)s", title=application.mission.title),
        template="application_completed",
        application=application,
        link=url_for("inbox.application", application_id=application.id, _external=True),
    )
    return application


def can_read(application: Application, user: User) -> bool:
    return application.candidate_id == user.id or can_manage_association(user, application.mission.association)


def post_message(application: Application, *, by: User, body: str) -> Message:
    """Either side writes in the application's thread; the other side is told."""
    if not can_read(application, by):
        raise NotAllowed(_l("This conversation is not yours."))
    body = body.strip()
    if not body:
        raise DomainError(_l("Write a message first."), field="body")
    if len(body) > MAX_MESSAGE:
        raise DomainError(_l("At most %(n)d characters.", n=MAX_MESSAGE), field="body")
    message = Message(application=application, author=by, body=body)
    db.session.add(message)
    link = url_for("inbox.application", application_id=application.id, _external=True)
    if by.id == application.candidate_id:
        recipients = team_members(application.mission.association)
    else:
        recipients = [application.candidate]
    notify_users(recipients, subject=_l("New message about %(title)s", title=application.mission.title),
                 template="new_message", application=application, link=link)
    db.session.flush()
    return message


def contact_visible(application: Application) -> bool:
    """Associations see a candidate's contact details only once they accepted them."""
    return application.status in ("accepted", "completed")
