"""``flask reminders run``: find the reminders due today and queue them in the outbox, once each.

Idempotent by construction: every message has a dedupe key, and the outbox's unique key makes a
second queueing a no-op, even when two runs overlap (INSERT ... ON CONFLICT DO NOTHING).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from flask import url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import and_, or_, select
from sqlalchemy.orm import joinedload

from marketplace.associations.models import Mission
from marketplace.associations.profile import contact_for_engaged
from marketplace.calendar.ical import render_calendar
from marketplace.calendar.services import mission_dates
from marketplace.candidates.models import Application
from marketplace.extensions import db
from marketplace.models_base import utcnow
from marketplace.notifications.models import OutboxMessage
from marketplace.notifications.preferences import users_opted_out
from marketplace.notifications.services import notify_user
from marketplace.reminders.plan import FIRST_SESSION, TWO_DAYS, Participation, Reminder, due_reminder
from marketplace.statuses import VIEWABLE_MISSION_STATUSES, ApplicationStatus

BATCH = 500  # rows fetched at a time from the candidates' cursor


@dataclass
class RunReport:
    queued: int = 0
    already_queued: int = 0
    turned_off: int = 0
    due: list[Reminder] = field(default_factory=list)


def _subject(reminder: Reminder, title: str) -> object:
    """Lazy: written in the volunteer's language when the e-mail is."""
    if reminder.kind == TWO_DAYS:
        return _l("In two days: %(title)s", title=title)
    if reminder.kind == FIRST_SESSION:
        return _l("Your first session tomorrow: %(title)s", title=title)
    return _l("Tomorrow: %(title)s", title=title)


def _participation(application: Application) -> Participation:
    mission = application.mission
    accepted = application.decided_at or application.created_at
    return Participation(
        application_id=application.id,
        schedule=mission.schedule,
        start_date=mission.start_date,
        end_date=mission.end_date,
        slots=tuple(mission.slots or ()),
        accepted_on=accepted.date(),
    )


def _candidates(today: date) -> Iterator[Application]:
    """Accepted participations that may have a reminder today (the planner decides which)."""
    tomorrow, week_ago = today + timedelta(days=1), today - timedelta(days=7)
    in_two_days = today + timedelta(days=2)
    one_off_soon = and_(Mission.schedule == "one_off", Mission.start_date.between(tomorrow, in_two_days))
    # A recurring mission's first session falls within a week of its start or of the acceptance.
    recurring_starting = and_(
        Mission.schedule == "recurring",
        or_(
            Mission.start_date.between(week_ago, tomorrow),
            Application.decided_at >= datetime.combine(week_ago, time.min),
        ),
        or_(Mission.start_date.is_(None), Mission.start_date <= tomorrow),
    )
    query = (
        select(Application)
        .join(Mission, Application.mission_id == Mission.id)
        .options(
            joinedload(Application.mission).joinedload(Mission.association),
            joinedload(Application.candidate),
        )
        .where(
            Application.status == ApplicationStatus.ACCEPTED,
            Mission.status.in_(VIEWABLE_MISSION_STATUSES),
            or_(one_off_soon, recurring_starting),
        )
        .order_by(Application.id)
        .execution_options(yield_per=BATCH)
    )
    yield from db.session.scalars(query)


def due_today(today: date) -> Iterator[tuple[Application, Reminder]]:
    for application in _candidates(today):
        reminder = due_reminder(_participation(application), today)
        if reminder is not None:
            yield application, reminder


def _calendar(application: Application, reminder: Reminder, mission_url: str) -> str:
    dates = mission_dates(application.mission, mission_url, first_day=reminder.day)
    return render_calendar([dates], name=application.mission.title, now=utcnow(), domain="tremplin")


def queue_reminder(
    application: Application, reminder: Reminder, *, wanted: bool | None = None
) -> bool | None:
    """Queue one reminder: True if queued now, False if it already was, None if turned off."""
    mission = application.mission
    mission_url = url_for("main.mission", mission_id=mission.id, _external=True)
    return notify_user(
        application.candidate,
        subject=_subject(reminder, mission.title),
        template="mission_reminder",
        category="reminders",
        dedupe_key=reminder.dedupe_key,
        calendar_ics=_calendar(application, reminder, mission_url),
        application=application,
        mission=mission,
        reminder=reminder,
        wanted=wanted,
        contact=contact_for_engaged(mission.association),  # an accepted volunteer is engaged
        mission_url=mission_url,
        withdraw_url=url_for("inbox.withdraw", application_id=application.id, _external=True),
    )


def _queued_keys(keys: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(keys), 1000):
        chunk = keys[start : start + 1000]
        found.update(
            db.session.scalars(select(OutboxMessage.dedupe_key).where(OutboxMessage.dedupe_key.in_(chunk)))
        )
    return found


def run(today: date, *, dry_run: bool = False) -> RunReport:
    """Queue today's reminders (or, with ``dry_run``, only list them and write nothing).

    The due reminders are read first (a few thousand on a large site: the benchmark says how many),
    then queued in one transaction; keys queued by an earlier run are skipped before rendering.
    """
    report = RunReport()
    due = list(due_today(today))
    report.due = [reminder for _, reminder in due]
    if dry_run:
        db.session.rollback()
        return report
    # What an earlier run queued is skipped before rendering (the unique key still decides races).
    queued_before = _queued_keys([reminder.dedupe_key for _, reminder in due])
    turned_off = users_opted_out("reminders")
    for application, reminder in due:
        if reminder.dedupe_key in queued_before:
            report.already_queued += 1
            continue
        outcome = queue_reminder(application, reminder, wanted=application.candidate_id not in turned_off)
        if outcome is None:
            report.turned_off += 1
        elif outcome:
            report.queued += 1
        else:
            report.already_queued += 1
    db.session.commit()
    return report
