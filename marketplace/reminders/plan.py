"""Which reminder is due for an accepted participation on a given day (pure: no Flask, no database).

- one-off mission: « dans deux jours » two days before its first day, « demain » the day before;
  a run that missed the first sends the second only (never both on one day);
- recurring mission: the day before its first session, i.e. the first of its weekly slots on or
  after the later of its start and the acceptance. Without slots (times to agree) nothing is due:
  we do not know when it starts.

The dedupe key names the participation, the kind and the day: a reminder leaves once, and a mission
moved to another day gets reminded again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from marketplace.calendar.ical import first_weekday_on_or_after
from marketplace.reference.slugs import DAY_SLUGS

TWO_DAYS = "two_days"
TOMORROW = "tomorrow"
FIRST_SESSION = "first_session"


@dataclass(frozen=True)
class Participation:
    application_id: int
    schedule: str  # one_off | recurring
    start_date: date | None
    end_date: date | None
    slots: tuple[str, ...]
    accepted_on: date


@dataclass(frozen=True)
class Reminder:
    application_id: int
    kind: str
    day: date  # the day of the mission or of the first session
    slot: str | None = None  # recurring: the slot of the first session

    @property
    def dedupe_key(self) -> str:
        return f"reminder:{self.kind}:{self.application_id}:{self.day.isoformat()}"


def first_session(participation: Participation) -> tuple[date, str] | None:
    """The first weekly session after acceptance, and its slot; None when the times are not known."""
    start = max(filter(None, (participation.start_date, participation.accepted_on)))
    sessions = []
    for slot in participation.slots:
        day_slug = slot.partition("_")[0]
        if day_slug in DAY_SLUGS:
            sessions.append((first_weekday_on_or_after(start, DAY_SLUGS.index(day_slug)), slot))
    if not sessions:
        return None
    day, slot = min(sessions)
    if participation.end_date is not None and day > participation.end_date:
        return None
    return day, slot


def due_reminder(participation: Participation, today: date) -> Reminder | None:
    if participation.schedule == "recurring":
        found = first_session(participation)
        if found is None or found[0] - today != timedelta(days=1):
            return None
        return Reminder(participation.application_id, FIRST_SESSION, found[0], found[1])
    if participation.start_date is None:
        return None
    days_left = (participation.start_date - today).days
    kind = {2: TWO_DAYS, 1: TOMORROW}.get(days_left)
    return Reminder(participation.application_id, kind, participation.start_date) if kind else None
