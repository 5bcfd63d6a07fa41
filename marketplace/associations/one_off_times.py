"""When a one-off mission takes place, from weekly slots: shared by the import and the editor (pure).

A one-off mission says when it happens with its dates and its parts of the day (``day_parts``).
Files and forms may describe it with weekly slots instead (``sat_morning``...): the slots whose
weekday falls on one of its dates give its parts of the day. A slot on a weekday outside its
dates contradicts them: it is reported, never guessed. No Flask, no database.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from marketplace.reference.slugs import DAY_PART_SLUGS, DAY_SLUGS

WEEK = 7


@dataclass(frozen=True)
class OneOffTimes:
    """The parts of the day read from slots, and what does not fit the dates."""

    day_parts: list[str]  # in the vocabulary's order: the given parts plus those of the slots
    outside: list[str]  # slots on a weekday the mission does not take place
    widened: bool  # the slots give different parts on different dates: every date gets them all


def mission_weekdays(start: date, end: date | None) -> set[int]:
    """Weekdays (0 = Monday) of the dates from ``start`` to ``end`` (at most a week counts)."""
    days = max(0, ((end or start) - start).days) + 1
    return {(start + timedelta(days=offset)).weekday() for offset in range(min(WEEK, days))}


def _weekday(slot: str) -> int:
    return DAY_SLUGS.index(slot.partition("_")[0])


def one_off_times(
    start: date | None, end: date | None, slots: Iterable[str], day_parts: Iterable[str] = ()
) -> OneOffTimes:
    """Map a one-off mission's slots (known ones, ``{day}_{part}``) to its parts of the day."""
    slots = [slot for slot in slots if slot.partition("_")[0] in DAY_SLUGS]
    given = set(day_parts)
    if start is None:  # no date to check against: the mission's rules report the missing date
        parts = given | {slot.partition("_")[2] for slot in slots}
        return OneOffTimes(_ordered(parts), [], False)
    weekdays = mission_weekdays(start, end)
    outside = [slot for slot in slots if _weekday(slot) not in weekdays]
    inside = [slot for slot in slots if _weekday(slot) in weekdays]
    per_day = {day: {slot.partition("_")[2] for slot in inside if _weekday(slot) == day} for day in weekdays}
    from_slots = set().union(*per_day.values()) if per_day else set()
    widened = bool(inside) and any(parts != from_slots for parts in per_day.values())
    return OneOffTimes(_ordered(given | from_slots), outside, widened)


def _ordered(parts: set[str]) -> list[str]:
    return [part for part in DAY_PART_SLUGS if part in parts]
