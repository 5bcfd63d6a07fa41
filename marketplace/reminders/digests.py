"""The association's weekly digest: what waits for its team (issue 15, item 3).

- applications waiting more than three days for an answer (the public answer time depends on it);
- missions that end within a week with seats still free;
- participations to confirm: accepted volunteers of one-off missions that have taken place.

Sent to each team member who has not turned digests off, only when there is something to say, at
most once a week (the dedupe key names the ISO week).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from flask import url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from marketplace.accounts.models import User
from marketplace.associations.models import Association, Membership, Mission
from marketplace.candidates.models import Application
from marketplace.extensions import db
from marketplace.notifications.services import notify_user
from marketplace.statuses import WAITING_APPLICATION_STATUSES, ApplicationStatus, MissionStatus

WAITING_TOO_LONG = timedelta(days=3)
ENDING_SOON = timedelta(days=7)
LISTED = 5  # lines per section; the dashboard has the rest


@dataclass
class Digest:
    waiting: list[tuple[str, int]] = field(default_factory=list)  # (mission title, applications)
    short: list[tuple[str, int, date]] = field(default_factory=list)  # (title, seats left, last day)
    to_confirm: list[tuple[str, int]] = field(default_factory=list)  # (title, participations)

    def __bool__(self) -> bool:
        return bool(self.waiting or self.short or self.to_confirm)


@dataclass
class DigestReport:
    associations: int = 0
    queued: int = 0
    already_queued: int = 0


def _waiting(today: date) -> dict[int, list[tuple[str, int]]]:
    limit = datetime.combine(today, time.min) - WAITING_TOO_LONG
    rows = db.session.execute(
        select(Mission.association_id, Mission.title, func.count(Application.id))
        .join(Application, Application.mission_id == Mission.id)
        .where(Application.status.in_(WAITING_APPLICATION_STATUSES), Application.created_at <= limit)
        .group_by(Mission.association_id, Mission.id, Mission.title)
        .order_by(func.count(Application.id).desc())
    )
    found: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for association_id, title, count in rows:
        found[association_id].append((title, count))
    return found


def _short_of_volunteers(today: date) -> dict[int, list[tuple[str, int, date]]]:
    last_day = func.coalesce(Mission.end_date, Mission.start_date)
    rows = db.session.execute(
        select(Mission.association_id, Mission.title, Mission.capacity - Mission.seats_taken, last_day)
        .where(
            Mission.status == MissionStatus.PUBLISHED,
            Mission.seats_taken < Mission.capacity,
            last_day.between(today, today + ENDING_SOON),
        )
        .order_by(last_day)
    )
    found: dict[int, list[tuple[str, int, date]]] = defaultdict(list)
    for association_id, title, seats_left, day in rows:
        found[association_id].append((title, seats_left, day))
    return found


def _to_confirm(today: date) -> dict[int, list[tuple[str, int]]]:
    rows = db.session.execute(
        select(Mission.association_id, Mission.title, func.count(Application.id))
        .join(Application, Application.mission_id == Mission.id)
        .where(
            Application.status == ApplicationStatus.ACCEPTED,
            Mission.schedule == "one_off",
            func.coalesce(Mission.end_date, Mission.start_date) < today,
        )
        .group_by(Mission.association_id, Mission.id, Mission.title)
    )
    found: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for association_id, title, count in rows:
        found[association_id].append((title, count))
    return found


def digests_for(today: date) -> dict[int, Digest]:
    waiting, short, to_confirm = _waiting(today), _short_of_volunteers(today), _to_confirm(today)
    ids = set(waiting) | set(short) | set(to_confirm)
    return {
        association_id: Digest(waiting[association_id], short[association_id], to_confirm[association_id])
        for association_id in sorted(ids)
    }


def run_digests(today: date) -> DigestReport:
    report = DigestReport()
    digests = digests_for(today)
    if not digests:
        return report
    year, week, _ = today.isocalendar()
    teams = db.session.execute(
        select(Association, User)
        .join(Membership, Membership.association_id == Association.id)
        .join(User, User.id == Membership.user_id)
        .where(Association.id.in_(digests), User.erased_at.is_(None))
        .order_by(Association.id, User.id)
    )
    for association, member in teams:
        report.associations += 1
        outcome = notify_user(
            member,
            subject=_l("Your week on Tremplin: %(association)s", association=association.name),
            template="association_digest",
            category="digests",
            dedupe_key=f"digest:{association.id}:{member.id}:{year}-W{week:02d}",
            association=association,
            digest=digests[association.id],
            listed=LISTED,
            dashboard_link=url_for("main.dashboard", _external=True),
        )
        if outcome:
            report.queued += 1
        elif outcome is False:
            report.already_queued += 1
    db.session.commit()
    return report
