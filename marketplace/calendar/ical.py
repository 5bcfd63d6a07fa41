"""A small iCalendar (RFC 5545) writer: events in, text out. No Flask, no database.

One-off missions become all-day events over their dates; recurring missions become one
weekly event per time slot (``RRULE:FREQ=WEEKLY``) at the slot's usual hours, in Paris time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from marketplace.reference.slugs import DAY_SLUGS

PRODUCT_ID = "-//Tremplin//Missions//FR"
TIMEZONE = "Europe/Paris"
# The hours a day part stands for (the slots only say "Wednesday evening").
DAY_PART_HOURS: dict[str, tuple[time, time]] = {
    "morning": (time(9), time(12)),
    "afternoon": (time(14), time(17)),
    "evening": (time(18), time(21)),
}
RRULE_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")  # index == date.weekday()
MAX_LINE_OCTETS = 75
# Europe/Paris since 1996: CET in winter, CEST from the last Sunday of March to the last of October.
PARIS_TIMEZONE_LINES = (
    "BEGIN:VTIMEZONE",
    f"TZID:{TIMEZONE}",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
)


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


def escape_text(value: str) -> str:
    """TEXT value escaping (RFC 5545 §3.3.11)."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """Split a content line into lines of at most 75 octets, never inside a UTF-8 character."""
    pieces: list[str] = []
    current, size = "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        limit = MAX_LINE_OCTETS if not pieces else MAX_LINE_OCTETS - 1  # continuations start with a space
        if size + width > limit:
            pieces.append(current)
            current, size = "", 0
        current += char
        size += width
    pieces.append(current)
    return "\r\n ".join(pieces)


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%SZ")


def _day(value: date) -> str:
    return value.strftime("%Y%m%d")


def _local(day: date, at: time) -> str:
    return datetime.combine(day, at).strftime("%Y%m%dT%H%M%S")


def first_weekday_on_or_after(start: date, weekday: int) -> date:
    return start + timedelta(days=(weekday - start.weekday()) % 7)


def _common(mission: MissionDates, uid: str, stamp: str) -> list[str]:
    return [
        f"UID:{uid}",
        f"DTSTAMP:{stamp}",
        f"SUMMARY:{escape_text(mission.title)}",
        f"DESCRIPTION:{escape_text(f'{mission.association} — {mission.url}')}",
        f"LOCATION:{escape_text(mission.location)}",
        f"URL:{mission.url}",
    ]


def one_off_event(mission: MissionDates, *, stamp: str, domain: str) -> list[str]:
    """An all-day event from the start date to the end date (DTEND is exclusive)."""
    if mission.start_date is None:
        return []
    last = mission.end_date or mission.start_date
    return [
        "BEGIN:VEVENT",
        *_common(mission, f"mission-{mission.mission_id}@{domain}", stamp),
        f"DTSTART;VALUE=DATE:{_day(mission.start_date)}",
        f"DTEND;VALUE=DATE:{_day(last + timedelta(days=1))}",
        "END:VEVENT",
    ]


def recurring_events(mission: MissionDates, *, stamp: str, domain: str) -> list[str]:
    """One weekly event per slot, from the first matching day until the end date, if any."""
    start = mission.first_day or mission.start_date
    if start is None:
        return []
    lines: list[str] = []
    for slot in mission.slots:
        day_slug, _, part = slot.partition("_")
        if day_slug not in DAY_SLUGS or part not in DAY_PART_HOURS:
            continue
        weekday = DAY_SLUGS.index(day_slug)
        day = first_weekday_on_or_after(start, weekday)
        begins, ends = DAY_PART_HOURS[part]
        rule = f"RRULE:FREQ=WEEKLY;BYDAY={RRULE_DAYS[weekday]}"
        if mission.end_date is not None:
            if day > mission.end_date:
                continue
            # UNTIL in UTC (required with a TZID start): the end day's last hour is late enough.
            rule += f";UNTIL={_day(mission.end_date)}T235959Z"
        lines += [
            "BEGIN:VEVENT",
            *_common(mission, f"mission-{mission.mission_id}-{slot}@{domain}", stamp),
            f"DTSTART;TZID={TIMEZONE}:{_local(day, begins)}",
            f"DTEND;TZID={TIMEZONE}:{_local(day, ends)}",
            rule,
            "END:VEVENT",
        ]
    return lines


def render_calendar(missions: list[MissionDates], *, name: str, now: datetime, domain: str) -> str:
    """The whole VCALENDAR, CRLF line endings, lines folded at 75 octets."""
    stamp = _stamp(now)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODUCT_ID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
        f"X-WR-TIMEZONE:{TIMEZONE}",
        *PARIS_TIMEZONE_LINES,
    ]
    for mission in missions:
        if mission.schedule == "recurring":
            lines += recurring_events(mission, stamp=stamp, domain=domain)
        else:
            lines += one_off_event(mission, stamp=stamp, domain=domain)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
