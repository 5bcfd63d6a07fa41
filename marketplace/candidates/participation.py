"""When a participation can be confirmed: only once the mission has really happened (pure; no Flask).

A one-off mission: from its start date. A recurring one: once the first weekly slot after the
volunteer's acceptance (and after the mission's start date, if any) is over; a recurring mission
without weekly slots (its times agreed with each volunteer) from the day after that. Times are French
wall-clock times: the slots say "Wednesday evening" in Paris, with the hours the calendar uses.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from marketplace.calendar.ical import DAY_PART_HOURS, TIMEZONE
from marketplace.reference.slugs import DAY_SLUGS

PARIS = ZoneInfo(TIMEZONE)


@dataclass(frozen=True)
class Schedule:
    """What the rule needs to know of a mission."""

    schedule: str  # "one_off" | "recurring"
    start_date: date | None
    slots: tuple[str, ...]


def paris_time(utc_naive: datetime) -> datetime:
    """A stored (naive UTC) moment as a naive Paris wall-clock time."""
    return utc_naive.replace(tzinfo=UTC).astimezone(PARIS).replace(tzinfo=None)


def first_session_end(schedule: Schedule, *, accepted_at: datetime) -> datetime | None:
    """When the volunteer's first session is over (Paris time); None when it cannot be told."""
    if schedule.schedule == "one_off":
        return datetime.combine(schedule.start_date, time.min) if schedule.start_date else None
    begin = accepted_at
    if schedule.start_date is not None:
        begin = max(begin, datetime.combine(schedule.start_date, time.min))
    if not schedule.slots:
        # Times agreed with each volunteer: a first session can have happened from the next day.
        return datetime.combine(begin.date() + timedelta(days=1), time.min)
    ends = [end for slot in schedule.slots if (end := _next_slot_end(slot, begin)) is not None]
    return min(ends) if ends else None


def _next_slot_end(slot: str, begin: datetime) -> datetime | None:
    """The end of the first occurrence of a weekly slot that starts at or after ``begin``."""
    day, _, part = slot.partition("_")
    if day not in DAY_SLUGS or part not in DAY_PART_HOURS:
        return None
    starts, ends = DAY_PART_HOURS[part]
    ahead = (DAY_SLUGS.index(day) - begin.weekday()) % 7
    occurrence = begin.date() + timedelta(days=ahead)
    if datetime.combine(occurrence, starts) < begin:
        occurrence += timedelta(days=7)
    return datetime.combine(occurrence, ends)


def can_confirm_from(schedule: Schedule, *, accepted_at: datetime | None) -> datetime | None:
    """The Paris time from which the participation may be confirmed (None: unknown, refuse)."""
    if accepted_at is None and schedule.schedule == "recurring":
        return None
    return first_session_end(schedule, accepted_at=accepted_at or datetime.min)
