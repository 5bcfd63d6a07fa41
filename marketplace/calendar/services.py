"""The calendar link of a volunteer, and the missions it shows."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from marketplace.accounts.models import User
from marketplace.associations.models import Mission
from marketplace.calendar.ical import MissionDates, weekly_slots
from marketplace.calendar.models import CalendarFeed
from marketplace.candidates.models import Application
from marketplace.extensions import db
from marketplace.statuses import ApplicationStatus

NONCE_CHARS = 16
MAC_CHARS = 32
# Completed missions stay: a calendar keeps what happened too.
CALENDAR_STATUSES = (ApplicationStatus.ACCEPTED, ApplicationStatus.COMPLETED)


def _mac(secret_key: str, user_id: int, nonce: str) -> str:
    message = f"calendar:{user_id}:{nonce}".encode()
    return hmac.new(secret_key.encode(), message, hashlib.sha256).hexdigest()[:MAC_CHARS]


def feed_of(user: User) -> CalendarFeed | None:
    return db.session.scalar(select(CalendarFeed).where(CalendarFeed.user_id == user.id))


def token_of(feed: CalendarFeed, secret_key: str) -> str:
    """The secret part of the link: the nonce and its signature."""
    return feed.nonce + _mac(secret_key, feed.user_id, feed.nonce)


def renew_feed(user: User) -> CalendarFeed:
    """Give ``user`` a calendar link, or a new one: the previous link stops working at once."""
    feed = feed_of(user)
    nonce = secrets.token_hex(NONCE_CHARS // 2)
    if feed is None:
        feed = CalendarFeed(user_id=user.id, nonce=nonce)
        db.session.add(feed)
    else:
        feed.nonce = nonce
    db.session.flush()
    return feed


def user_for_token(token: str, secret_key: str) -> User | None:
    """The volunteer whose link this is, or None for a wrong, old or forged token."""
    if len(token) != NONCE_CHARS + MAC_CHARS:
        return None
    nonce, mac = token[:NONCE_CHARS], token[NONCE_CHARS:]
    feed = db.session.scalar(select(CalendarFeed).where(CalendarFeed.nonce == nonce))
    if feed is None or not hmac.compare_digest(mac, _mac(secret_key, feed.user_id, nonce)):
        return None
    return feed.user


def calendar_missions(user: User, mission_url) -> list[MissionDates]:
    """The user's own accepted (and completed) missions, as the calendar writer needs them."""
    applications = db.session.scalars(
        select(Application)
        .options(joinedload(Application.mission))
        .where(Application.candidate_id == user.id, Application.status.in_(CALENDAR_STATUSES))
        .order_by(Application.id)
    )
    return [_dates(application, mission_url(application.mission_id)) for application in applications]


def _dates(application: Application, url: str) -> MissionDates:
    mission = application.mission
    accepted_on: date | None = application.decided_at.date() if application.decided_at else None
    # Recurring missions show from the later of their start and the acceptance.
    first_day = max(filter(None, (mission.start_date, accepted_on)), default=application.created_at.date())
    return mission_dates(mission, url, first_day=first_day)


def mission_dates(mission: Mission, url: str, *, first_day: date) -> MissionDates:
    """What the calendar writer needs of one mission; recurring ones start on ``first_day``."""
    place = ", ".join(
        part for part in (mission.address, f"{mission.postcode} {mission.city}".strip()) if part
    )
    return MissionDates(
        mission_id=mission.id,
        title=mission.title,
        association=mission.association.name,
        location=place,
        url=url,
        schedule=mission.schedule,
        start_date=mission.start_date,
        end_date=mission.end_date,
        slots=tuple(mission.slots or ()),
        first_day=first_day,
    )


def has_dates(mission: MissionDates) -> bool:
    """Whether a calendar can show the mission: a one-off date, or weekly slots still to come."""
    if mission.schedule == "recurring":
        return bool(weekly_slots(mission))
    return mission.start_date is not None


def dates_from(mission: Mission, url: str, today: date) -> MissionDates | None:
    """« Add to my calendar » for one mission (recurring ones from today or their start); None
    when a calendar could show nothing of it."""
    dates = mission_dates(mission, url, first_day=max(today, mission.start_date or today))
    return dates if has_dates(dates) else None
