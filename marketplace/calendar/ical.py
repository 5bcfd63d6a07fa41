"""The volunteer's calendar as iCalendar (RFC 5545), written by the ``icalendar`` library.

One-off missions become all-day events over their dates; recurring missions become one
weekly event per time slot (``RRULE:FREQ=WEEKLY``) at the slot's usual hours, in Paris time.
The library escapes, folds and writes the Paris VTIMEZONE from ``zoneinfo`` (the ``tzdata``
rules), covering the calendar's dates. No Flask, no database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from marketplace.reference.slugs import DAY_SLUGS

if TYPE_CHECKING:
    from icalendar import Event

PRODUCT_ID = "-//Tremplin//Missions//FR"
TIMEZONE = "Europe/Paris"
# The hours a day part stands for (the slots only say "Wednesday evening").
DAY_PART_HOURS: dict[str, tuple[time, time]] = {
    "morning": (time(9), time(12)),
    "afternoon": (time(14), time(17)),
    "evening": (time(18), time(21)),
}
RRULE_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")  # index == date.weekday()
# Weekly events without an end date go on: the VTIMEZONE covers this long after today
# (subscribed calendars are fetched again long before that).
OPEN_ENDED_YEARS = 3


@dataclass(frozen=True)
class MissionDates:
    """What the calendar needs to know of one accepted mission."""

    mission_id: int
    title: str
    association: str
    location: str
    url: str
    schedule: str  # one_off | recurring
    start_date: date | None = None
    end_date: date | None = None
    slots: tuple[str, ...] = field(default_factory=tuple)
    first_day: date | None = None  # recurring: the first week to show (the start, or acceptance)


@dataclass(frozen=True)
class WeeklySlot:
    """One weekly event of a recurring mission: its first occurrence and its last day."""

    slot: str
    starts: datetime  # in Paris time
    ends: datetime
    weekday: int
    until: date | None


def first_weekday_on_or_after(start: date, weekday: int) -> date:
    """The first date on or after ``start`` that falls on ``weekday`` (Monday = 0)."""
    return start + timedelta(days=(weekday - start.weekday()) % 7)


def weekly_slots(mission: MissionDates) -> list[WeeklySlot]:
    """The weekly events of a recurring mission, from the first matching day until its end."""
    start = mission.first_day or mission.start_date
    if start is None:
        return []
    paris = ZoneInfo(TIMEZONE)
    found = []
    for slot in mission.slots:
        day_slug, _, part = slot.partition("_")
        if day_slug not in DAY_SLUGS or part not in DAY_PART_HOURS:
            continue
        weekday = DAY_SLUGS.index(day_slug)
        day = first_weekday_on_or_after(start, weekday)
        if mission.end_date is not None and day > mission.end_date:
            continue
        begins, ends = DAY_PART_HOURS[part]
        found.append(
            WeeklySlot(
                slot=slot,
                starts=datetime.combine(day, begins, tzinfo=paris),
                ends=datetime.combine(day, ends, tzinfo=paris),
                weekday=weekday,
                until=mission.end_date,
            )
        )
    return found


def _event(mission: MissionDates, uid: str, stamp: datetime) -> Event:
    from icalendar import Event

    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("summary", mission.title)
    event.add("description", f"{mission.association} — {mission.url}")
    event.add("location", mission.location)
    event.add("url", mission.url)
    return event


def one_off_event(mission: MissionDates, *, stamp: datetime, domain: str) -> Event | None:
    """An all-day event from the start date to the end date (DTEND is exclusive)."""
    if mission.start_date is None:
        return None
    event = _event(mission, f"mission-{mission.mission_id}@{domain}", stamp)
    event.add("dtstart", mission.start_date)
    event.add("dtend", (mission.end_date or mission.start_date) + timedelta(days=1))
    return event


def recurring_events(mission: MissionDates, *, stamp: datetime, domain: str) -> list[Event]:
    """One weekly event per slot, from the first matching day until the end date, if any."""
    events = []
    for weekly in weekly_slots(mission):
        event = _event(mission, f"mission-{mission.mission_id}-{weekly.slot}@{domain}", stamp)
        event.add("dtstart", weekly.starts)
        event.add("dtend", weekly.ends)
        rule: dict[str, object] = {"freq": "weekly", "byday": RRULE_DAYS[weekly.weekday]}
        if weekly.until is not None:
            # UNTIL in UTC (required with a TZID start): the end day's last second is late enough.
            rule["until"] = datetime.combine(weekly.until, time(23, 59, 59), tzinfo=UTC)
        event.add("rrule", rule)
        events.append(event)
    return events


def _timezone_span(missions: list[MissionDates], today: date) -> tuple[date, date]:
    """The dates the Paris VTIMEZONE must describe: every recurring event, open-ended ones for years."""
    starts, ends = [today], [today]
    for mission in missions:
        for weekly in weekly_slots(mission) if mission.schedule == "recurring" else []:
            starts.append(weekly.starts.date())
            ends.append(weekly.until or today + timedelta(days=365 * OPEN_ENDED_YEARS))
    return min(starts), max(ends) + timedelta(days=1)


def render_calendar(missions: list[MissionDates], *, name: str, now: datetime, domain: str) -> str:
    """The whole VCALENDAR as text (CRLF line endings, lines folded at 75 octets)."""
    # Imported here: the library takes a noticeable share of a worker's start-up, and only
    # calendar subscriptions need it.
    from icalendar import Calendar

    stamp = now if now.tzinfo is not None else now.replace(tzinfo=UTC)
    calendar = Calendar()
    calendar.add("version", "2.0")
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", TIMEZONE)
    for mission in missions:
        if mission.schedule == "recurring":
            events = recurring_events(mission, stamp=stamp, domain=domain)
        else:
            one_off = one_off_event(mission, stamp=stamp, domain=domain)
            events = [one_off] if one_off is not None else []
        for event in events:
            calendar.add_component(event)
    first, last = _timezone_span(missions, stamp.date())
    calendar.add_missing_timezones(first_date=first, last_date=last)
    return calendar.to_ical().decode("utf-8")
