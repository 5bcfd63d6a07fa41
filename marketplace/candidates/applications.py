"""Applications from both sides: apply, withdraw, review, accept, decline, complete, message.

Capacity holds under concurrency because a seat is taken by one conditional UPDATE
(``seats_taken = seats_taken + 1 WHERE seats_taken < capacity``), checked by its row count,
and an application changes status only from the status we read (compare-and-set), so two
clicks or fifty threads can never take more seats than exist. Both happen inside one savepoint:
when the seat is gone, the status change is undone with it. The partial unique index on
(mission, candidate) for active statuses makes double applications impossible.

Functions flush, never commit: the request commits once, or rolls everything back.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time
from typing import cast

from flask import url_for
from flask_babel import format_date, format_datetime
from flask_babel import lazy_gettext as _l
from sqlalchemy import CursorResult, Select, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload

from marketplace.accounts.email_links import require_verified
from marketplace.accounts.models import User
from marketplace.associations.models import Membership, Mission
from marketplace.associations.permissions import can_manage_association, team_members
from marketplace.candidates.models import Application, ApplicationEvent, Message
from marketplace.candidates.participation import PARIS as PARIS_TZ
from marketplace.candidates.participation import Schedule, can_confirm_from, paris_time
from marketplace.domain import Conflict, DomainError, NotAllowed, NotFound
from marketplace.extensions import db
from marketplace.missions.changes import mark_changed
from marketplace.models_base import utcnow
from marketplace.notifications.services import notify_user, notify_users
from marketplace.reference.vocabularies import (
    ACTIVE_APPLICATION_STATUSES,
    APPLICATION_STATUSES,
    DAY_PARTS,
    DAYS,
    DECLINE_REASONS,
    age_range_allowed,
)
from marketplace.statuses import ApplicationStatus, MissionStatus

MAX_MOTIVATION = 3000
MIN_MOTIVATION = 20
MAX_MESSAGE = 5000
MAX_HOURS_DONE = 2000
MINOR_AGE_RANGE = "16-17"
INBOX_SORTS = ("recent", "oldest")
INBOX_PAGE_SIZE = 30
# Statuses an association can still act on (they wait for an answer).
WAITING_STATUSES = (ApplicationStatus.PENDING, ApplicationStatus.IN_REVIEW)
# Once accepted, the volunteer and the association may exchange contact details.
CONTACT_STATUSES = (ApplicationStatus.ACCEPTED, ApplicationStatus.COMPLETED)
# Plain words for the candidate: what the association's choice means for them.
DECLINE_REASON_LABELS = {
    "requirements_not_met": _l("Your profile does not match what this mission needs"),
    "mission_full": _l("All the seats are taken"),
    "no_longer_available": _l("The mission is no longer available"),
    "other": _l("Another reason"),
}


class MissionFull(Conflict):
    code_name = "mission_full"

    def __init__(self) -> None:
        super().__init__(_l("This mission is full: no seat is left."), code="mission_full")


class AlreadyApplied(Conflict):
    def __init__(self) -> None:
        super().__init__(_l("You have already applied to this mission."), code="already_applied")


class NotEligible(DomainError):
    pass


class StaleApplication(Conflict):
    """The application is not (or no longer) in a status the action starts from."""

    def __init__(self, message: object | None = None) -> None:
        super().__init__(
            message
            or _l("This application has changed in the meantime: reload the page to see its current status."),
            code="stale_application",
        )


# --- Eligibility ---------------------------------------------------------------------------------


def mission_is_past(mission: Mission, *, today: date) -> bool:
    last_day = mission.end_date or (mission.start_date if mission.schedule == "one_off" else None)
    return last_day is not None and last_day < today


def eligibility_problem(mission: Mission, candidate: User, *, today: date | None = None) -> object | None:
    """Why this candidate cannot apply now, or None. Shown before the button and enforced on apply."""
    today = today or date.today()
    if candidate.role != "candidate" or candidate.profile is None:
        return _l("Only volunteers with a profile can apply.")
    if mission.status != MissionStatus.PUBLISHED:
        return _l("This mission is not open to applications.")
    if mission_is_past(mission, today=today):
        return _l("This mission has already taken place.")
    # Before "full": someone already accepted must see their application, not a closed door.
    if active_application(mission, candidate) is not None:
        return _l("You have already applied to this mission.")
    if mission.seats_left <= 0:
        return _l("This mission is full: no seat is left.")
    if not age_range_allowed(candidate.profile.age_range, mission.min_age, mission.max_age):
        return _l("This mission is not open to your age range.")
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
    start_of_day = datetime.combine(today, time.min)
    return (
        db.session.scalar(
            select(Application.id).where(
                Application.mission_id == mission.id,
                Application.candidate_id == candidate.id,
                Application.status == ApplicationStatus.WITHDRAWN,
                Application.withdrawn_at >= start_of_day,
            )
        )
        is not None
    )


# --- Transactions --------------------------------------------------------------------------------


@contextmanager
def _atomic() -> Iterator[None]:
    """A savepoint inside the request's transaction: undone alone on error, committed with the request."""
    _open_transaction()
    with db.session.begin_nested():
        yield


def _open_transaction() -> None:
    # pysqlite starts a transaction only before INSERT/UPDATE/DELETE. A SAVEPOINT sent first
    # would itself become the transaction, and its RELEASE would commit on the spot, before the
    # request decides. Opening it here keeps "commit once per request" true on SQLite too;
    # IMMEDIATE takes the write lock now (waiting up to busy_timeout) so writers queue up.
    connection = db.session.connection()
    if connection.dialect.name != "sqlite":
        return
    driver = connection.connection.driver_connection
    if driver is not None and not driver.in_transaction:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def _event(application: Application, *, by: User | None, to: str, note: str = "") -> None:
    db.session.add(
        ApplicationEvent(
            application=application, actor=by, from_status=application.status, to_status=to, note=note
        )
    )


def _set_status(application: Application, *, expected: tuple[str, ...], to: str, **values) -> None:
    """Compare-and-set: change the status only if nobody changed it since we read it."""
    result = db.session.execute(
        update(Application)
        .where(Application.id == application.id, Application.status.in_(expected))
        .values(status=to, updated_at=utcnow(), **values)
        .execution_options(synchronize_session=False)
    )
    if cast(CursorResult, result).rowcount != 1:
        raise StaleApplication()


def _take_seat(mission: Mission) -> None:
    result = db.session.execute(
        update(Mission)
        .where(Mission.id == mission.id, Mission.seats_taken < Mission.capacity)
        .values(seats_taken=Mission.seats_taken + 1)
        .execution_options(synchronize_session=False)
    )
    if cast(CursorResult, result).rowcount != 1:
        raise MissionFull()
    # A bulk UPDATE escapes the ORM's change tracking: tell the change pipeline (seats left).
    mark_changed(db.session, missions=[mission.id])


def _release_seat(mission: Mission) -> None:
    db.session.execute(
        update(Mission)
        .where(Mission.id == mission.id, Mission.seats_taken > 0)
        .values(seats_taken=Mission.seats_taken - 1)
        .execution_options(synchronize_session=False)
    )
    mark_changed(db.session, missions=[mission.id])


def _after_seat_change(application: Application) -> None:
    """Reload the application and its mission after a bulk seat update."""
    _refresh(application, application.mission)


def _refresh(*objects) -> None:
    db.session.flush()
    for obj in objects:
        db.session.refresh(obj)


def _require_status(application: Application, allowed: tuple[str, ...], problem: object | None = None) -> str:
    """The status we read, if an action is possible from it; the compare-and-set expects exactly it."""
    if application.status not in allowed:
        raise StaleApplication(problem)
    return application.status


def _require_association_side(application: Application, user: User) -> None:
    if not can_manage_association(user, application.mission.association):
        raise NotAllowed(_l("This application belongs to another association."))


def _require_candidate_side(application: Application, user: User) -> None:
    if application.candidate_id != user.id:
        raise NotAllowed(_l("This application is not yours."))


def _link(application: Application) -> str:
    return url_for("inbox.application", application_id=application.id, _external=True)


# --- Candidate side ------------------------------------------------------------------------------


def clean_motivation(motivation: str, *, required: bool) -> str:
    """The motivation as stored, or a field error when it is missing or too long."""
    motivation = (motivation or "").strip()
    if required and len(motivation) < MIN_MOTIVATION:
        raise DomainError(
            _l(
                "This association asks for a short motivation message (at least %(n)d characters).",
                n=MIN_MOTIVATION,
            ),
            field="motivation",
        )
    if len(motivation) > MAX_MOTIVATION:
        raise DomainError(_l("At most %(n)d characters.", n=MAX_MOTIVATION), field="motivation")
    return motivation


def needs_guardian_consent(candidate: User) -> bool:
    """Volunteers of 16 or 17 declare that a parent or guardian agrees, for each application."""
    return candidate.profile is not None and candidate.profile.age_range == MINOR_AGE_RANGE


def apply(
    mission: Mission,
    candidate: User,
    *,
    motivation: str = "",
    guardian_consent: bool = False,
    today: date | None = None,
    source_widget_id: int | None = None,
) -> Application:
    """Create a pending application and tell the association; keep the widget that brought it, if any."""
    require_verified(candidate)
    problem = eligibility_problem(mission, candidate, today=today)
    if problem is not None:
        raise NotEligible(problem, code="not_eligible")
    motivation = clean_motivation(motivation, required=mission.motivation_required)
    minor = needs_guardian_consent(candidate)
    if minor and not guardian_consent:
        raise DomainError(
            _l("Tick that a parent or guardian agrees: it is needed before 18."), field="guardian_consent"
        )
    # Ids, not relationships: a refused row must not linger in mission.applications.
    application = Application(
        mission_id=mission.id,
        candidate_id=candidate.id,
        status=ApplicationStatus.PENDING,
        motivation=motivation,
        source_widget_id=source_widget_id,
        guardian_consent_at=utcnow() if minor else None,
    )
    try:
        with _atomic():
            db.session.add(application)
            db.session.flush()
    except IntegrityError as error:  # a concurrent request created it first
        raise AlreadyApplied() from error
    db.session.add(
        ApplicationEvent(application=application, actor=candidate, to_status=ApplicationStatus.PENDING)
    )
    notify_users(
        team_members(mission.association),
        subject=_l("New application for %(title)s", title=mission.title),
        template="application_received",
        application=application,
        link=_link(application),
    )
    db.session.flush()
    return application


def withdraw(application: Application, *, by: User) -> Application:
    """The candidate withdraws; an accepted seat reopens for others."""
    _require_candidate_side(application, by)
    read_status = _require_status(
        application,
        ACTIVE_APPLICATION_STATUSES,
        _l("This application is already closed: nothing to withdraw."),
    )
    with _atomic():
        _event(application, by=by, to=ApplicationStatus.WITHDRAWN)
        _set_status(
            application, expected=(read_status,), to=ApplicationStatus.WITHDRAWN, withdrawn_at=utcnow()
        )
        if read_status == ApplicationStatus.ACCEPTED:
            _release_seat(application.mission)
    _after_seat_change(application)
    notify_users(
        team_members(application.mission.association),
        subject=_l("A volunteer withdrew from %(title)s", title=application.mission.title),
        template="application_withdrawn",
        application=application,
        was_accepted=read_status == ApplicationStatus.ACCEPTED,
        link=_link(application),
    )
    return application


# --- Association side ----------------------------------------------------------------------------


def put_in_review(application: Application, *, by: User) -> Application:
    """Tell the candidate someone is looking at their application."""
    _require_association_side(application, by)
    _require_status(
        application, (ApplicationStatus.PENDING,), _l("Only a new application can be marked as under review.")
    )
    with _atomic():
        _event(application, by=by, to=ApplicationStatus.IN_REVIEW)
        _set_status(application, expected=(ApplicationStatus.PENDING,), to=ApplicationStatus.IN_REVIEW)
    _refresh(application)
    notify_user(
        application.candidate,
        subject=_l("Your application is being reviewed"),
        template="application_status",
        application=application,
        link=_link(application),
    )
    return application


def acceptance_problem(application: Application) -> DomainError | None:
    """Why this volunteer cannot be accepted now: the mission changed since they applied, or is full."""
    mission = application.mission
    if mission.status != MissionStatus.PUBLISHED:
        return NotEligible(
            _l(
                "This mission is no longer open: nobody can be accepted. "
                "Decline the application with a reason."
            ),
            code="mission_inactive",
        )
    profile = application.candidate.profile
    if profile is None or not age_range_allowed(profile.age_range, mission.min_age, mission.max_age):
        return NotEligible(
            _l(
                "This volunteer's age range (%(range)s) is no longer open to this mission: "
                "decline the application with a reason.",
                range=profile.age_range if profile else "?",
            ),
            code="age_not_allowed",
        )
    if mission.seats_left <= 0:
        return MissionFull()
    return None


def accept(application: Application, *, by: User) -> Application:
    """Accept within capacity; raises MissionFull when the last seat is gone."""
    _require_association_side(application, by)
    read_status = _require_status(
        application, WAITING_STATUSES, _l("Only an application waiting for an answer can be accepted.")
    )
    if (problem := acceptance_problem(application)) is not None:
        raise problem
    # One savepoint: if the seat is gone, the status change is undone with it.
    with _atomic():
        _event(application, by=by, to=ApplicationStatus.ACCEPTED)
        _set_status(application, expected=(read_status,), to=ApplicationStatus.ACCEPTED, decided_at=utcnow())
        _take_seat(application.mission)
    _after_seat_change(application)
    notify_user(
        application.candidate,
        subject=_l("You are accepted for %(title)s", title=application.mission.title),
        template="application_status",
        application=application,
        link=_link(application),
    )
    return application


def decline(application: Application, *, by: User, reason: str, message: str = "") -> Application:
    """Say no with a reason (and maybe a word); an accepted volunteer's seat is freed."""
    _require_association_side(application, by)
    if reason not in DECLINE_REASONS:
        raise DomainError(_l("Choose a reason."), field="reason")
    message = (message or "").strip()
    if len(message) > MAX_MESSAGE:
        raise DomainError(_l("At most %(n)d characters.", n=MAX_MESSAGE), field="message")
    read_status = _require_status(
        application,
        ACTIVE_APPLICATION_STATUSES,
        _l("This application is already closed: it cannot be declined."),
    )
    with _atomic():
        _event(application, by=by, to=ApplicationStatus.DECLINED)
        _set_status(
            application,
            expected=(read_status,),
            to=ApplicationStatus.DECLINED,
            decline_reason=reason,
            decided_at=utcnow(),
        )
        if read_status == ApplicationStatus.ACCEPTED:
            _release_seat(application.mission)
    if message:
        db.session.add(Message(application=application, author=by, body=message))
    _after_seat_change(application)
    notify_user(
        application.candidate,
        subject=_l("Answer to your application for %(title)s", title=application.mission.title),
        template="application_status",
        application=application,
        reason_label=DECLINE_REASON_LABELS[reason],
        message=message,
        link=_link(application),
    )
    return application


def completion_problem(application: Application, *, now: datetime | None = None) -> object | None:
    """Why the participation cannot be confirmed yet (the mission has not happened), or None."""
    mission = application.mission
    schedule = Schedule(mission.schedule, mission.start_date, tuple(mission.slots or ()))
    accepted_at = application.decided_at or application.updated_at
    confirm_from = can_confirm_from(schedule, accepted_at=paris_time(accepted_at) if accepted_at else None)
    now = now or paris_time(utcnow())
    if confirm_from is None:
        return _l("We cannot tell when this mission takes place: set its date or its weekly slots first.")
    if now >= confirm_from:
        return None
    if mission.schedule == "one_off":
        return _l(
            "This mission takes place on %(date)s: you can confirm the participation from that day.",
            date=format_date(confirm_from.date(), "long"),
        )
    return _l(
        "You can confirm the participation once the volunteer's first session is over (%(when)s).",
        when=format_datetime(confirm_from.replace(tzinfo=PARIS_TZ), "d MMMM yyyy, HH:mm"),
    )


def complete(
    application: Application, *, by: User, hours_done: float | None, thanks: str | None = None
) -> Application:
    """Confirm attendance after the mission: this is what the pathway counts. The volunteer gets the
    association's thanks (``thanks``, kept for next time, or its usual text), a question on how it
    went, and their next pathway step."""
    from marketplace.candidates import follow_up

    _require_association_side(application, by)
    if hours_done is None or not 0 <= hours_done <= MAX_HOURS_DONE:
        raise DomainError(
            _l("Enter the hours done (between 0 and %(n)d).", n=MAX_HOURS_DONE), field="hours_done"
        )
    _require_status(
        application,
        (ApplicationStatus.ACCEPTED,),
        _l("Only an accepted volunteer's participation can be marked as completed."),
    )
    if (problem := completion_problem(application)) is not None:
        raise NotEligible(problem, code="mission_not_happened")
    with _atomic():
        _event(application, by=by, to=ApplicationStatus.COMPLETED, note=f"{hours_done:g} h")
        _set_status(
            application,
            expected=(ApplicationStatus.ACCEPTED,),
            to=ApplicationStatus.COMPLETED,
            hours_done=hours_done,
            completed_at=utcnow(),
        )
        # The volunteer's engagement is over: the seat returns to the mission.
        _release_seat(application.mission)
    _after_seat_change(application)
    association = application.mission.association
    follow_up.remember_thanks(association, thanks)
    notify_user(
        application.candidate,
        subject=_l("Thank you for your help with %(title)s", title=application.mission.title),
        template="application_completed",
        application=application,
        link=_link(application),
        thanks=follow_up.thanks_of(association),
        feedback_link=url_for("follow_up.feedback", application_id=application.id, _external=True),
        pathway=follow_up.next_step_for(application.candidate),
        mission_link=lambda mission_id: url_for("main.mission", mission_id=mission_id, _external=True),
    )
    return application


# --- Both sides ----------------------------------------------------------------------------------


def can_read(application: Application, user: User) -> bool:
    return application.candidate_id == user.id or can_manage_association(
        user, application.mission.association
    )


def post_message(application: Application, *, by: User, body: str) -> Message:
    """Either side writes in the application's thread; the other side is told."""
    if not can_read(application, by):
        raise NotAllowed(_l("This conversation is not yours."))
    if application.candidate.erased_at is not None:
        raise DomainError(
            _l("This volunteer deleted their account: the conversation is closed."), field="body"
        )
    body = (body or "").strip()
    if not body:
        raise DomainError(_l("Write a message first."), field="body")
    if len(body) > MAX_MESSAGE:
        raise DomainError(_l("At most %(n)d characters.", n=MAX_MESSAGE), field="body")
    message = Message(application=application, author=by, body=body)
    db.session.add(message)
    from_candidate = by.id == application.candidate_id
    recipients = team_members(application.mission.association) if from_candidate else [application.candidate]
    notify_users(
        [user for user in recipients if user.id != by.id],
        subject=_l("New message about %(title)s", title=application.mission.title),
        template="new_message",
        application=application,
        from_candidate=from_candidate,
        link=_link(application),
    )
    db.session.flush()
    return message


def contact_visible(application: Application) -> bool:
    """Associations see a candidate's contact details only once they accepted them."""
    return application.status in CONTACT_STATUSES


def side_of(application: Application, user: User) -> str | None:
    """'candidate' or 'association' for the two parties of an application, None for anyone else."""
    if application.candidate_id == user.id:
        return "candidate"
    if can_manage_association(user, application.mission.association):
        return "association"
    return None


def actions_for(status: str, *, side: str | None, seats_left: int) -> tuple[str, ...]:
    """The actions a party may take from a status (pure: the services check again)."""
    if side == "candidate":
        return ("withdraw",) if status in ACTIVE_APPLICATION_STATUSES else ()
    if side != "association":
        return ()
    actions: list[str] = []
    if status == ApplicationStatus.PENDING:
        actions.append("review")
    if status in WAITING_STATUSES and seats_left > 0:
        actions.append("accept")
    if status == ApplicationStatus.ACCEPTED:
        actions.append("complete")
    if status in ACTIVE_APPLICATION_STATUSES:
        actions.append("decline")
    return tuple(actions)


# --- Reading -------------------------------------------------------------------------------------


def readable_application(application_id: int, *, by: User) -> Application:
    """The application if ``by`` is one of its two parties; otherwise it does not exist for them."""
    application = db.session.get(Application, application_id)
    if application is None or not can_read(application, by):
        raise NotFound(_l("This application does not exist or is not yours."))
    return application


def managed_application(application_id: int, *, by: User) -> Application:
    """The application if ``by`` belongs to the mission's association; otherwise it does not exist."""
    application = db.session.get(Application, application_id)
    if application is None or not can_manage_association(by, application.mission.association):
        raise NotFound(_l("This application does not exist or belongs to another association."))
    return application


def own_application(application_id: int, *, by: User) -> Application:
    """The application if ``by`` wrote it; otherwise it does not exist for them."""
    application = db.session.get(Application, application_id)
    if application is None or application.candidate_id != by.id:
        raise NotFound(_l("This application does not exist or is not yours."))
    return application


def applications_of(candidate: User, *, by_last_change: bool = False) -> list[Application]:
    """A candidate's applications, newest first (or most recently changed first: the dashboard)."""
    order = (
        (Application.updated_at.desc(),)
        if by_last_change
        else (Application.created_at.desc(), Application.id.desc())
    )
    return list(
        db.session.scalars(
            select(Application)
            .options(joinedload(Application.mission).joinedload(Mission.association))
            .where(Application.candidate_id == candidate.id)
            .order_by(*order)
        )
    )


def _received_query(by: User, *, mission_id: int | None, status: str | None) -> Select:
    team_of = select(Membership.association_id).where(Membership.user_id == by.id)
    query = select(Application).join(Mission, Mission.id == Application.mission_id)
    query = query.where(Mission.association_id.in_(team_of))
    if mission_id is not None:
        query = query.where(Application.mission_id == mission_id)
    if status is not None:
        query = query.where(Application.status == status)
    return query


def received_applications(
    by: User,
    *,
    mission_id: int | None = None,
    status: str | None = None,
    sort: str = "recent",
    page: int = 1,
    per_page: int = INBOX_PAGE_SIZE,
):
    """One page of the applications sent to ``by``'s associations (never another association's)."""
    if status is not None and status not in APPLICATION_STATUSES:
        raise DomainError(_l("Unknown status."), field="status")
    if sort not in INBOX_SORTS:
        raise DomainError(_l("Unknown sort order."), field="sort")
    order = (Application.created_at.desc(), Application.id.desc())
    if sort == "oldest":
        order = (Application.created_at.asc(), Application.id.asc())
    query = (
        _received_query(by, mission_id=mission_id, status=status)
        .options(
            joinedload(Application.mission).joinedload(Mission.association),
            joinedload(Application.candidate).joinedload(User.profile),
        )
        .order_by(*order)
    )
    return db.paginate(query, page=max(page, 1), per_page=per_page, error_out=False)


def received_status_counts(by: User, *, mission_id: int | None = None) -> dict[str, int]:
    """How many received applications are in each status (for the inbox filter)."""
    query = _received_query(by, mission_id=mission_id, status=None)
    rows = db.session.execute(
        query.with_only_columns(Application.status, func.count(Application.id)).group_by(Application.status)
    )
    counts: dict[str, int] = dict.fromkeys(APPLICATION_STATUSES, 0)
    counts.update({str(status): count for status, count in rows})
    return counts


def availability_by_day(slots: list[str] | None) -> list[tuple[str, list[str]]]:
    """Weekly slots grouped by day, in week order: [('mon', ['morning', 'evening']), ...]."""
    chosen = set(slots or ())
    grouped = []
    for day in DAYS:
        parts = [part.slug for part in DAY_PARTS if f"{day.slug}_{part.slug}" in chosen]
        if parts:
            grouped.append((day.slug, parts))
    return grouped
