"""Which reminder is due on which day (marketplace.reminders.plan, pure)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from marketplace.reminders.plan import (
    FIRST_SESSION,
    TOMORROW,
    TWO_DAYS,
    Participation,
    due_reminder,
    first_session,
)

MONDAY = date(2027, 3, 1)


def one_off(start: date, accepted: date = MONDAY - timedelta(days=10)) -> Participation:
    return Participation(1, "one_off", start, None, (), accepted)


def recurring(slots, *, start=None, end=None, accepted=MONDAY) -> Participation:
    return Participation(2, "recurring", start, end, tuple(slots), accepted)


@pytest.mark.parametrize(
    ("days_before", "kind"),
    [(3, None), (2, TWO_DAYS), (1, TOMORROW), (0, None), (-1, None)],
)
def test_a_one_off_mission_is_reminded_two_days_then_one_day_before(days_before, kind):
    start = MONDAY + timedelta(days=10)
    reminder = due_reminder(one_off(start), start - timedelta(days=days_before))
    assert (reminder.kind if reminder else None) == kind
    if reminder:
        assert reminder.day == start and reminder.dedupe_key == f"reminder:{kind}:1:{start.isoformat()}"


def test_a_moved_mission_gets_a_new_key():
    first = due_reminder(one_off(MONDAY + timedelta(days=2)), MONDAY)
    moved = due_reminder(one_off(MONDAY + timedelta(days=3)), MONDAY + timedelta(days=1))
    assert first.dedupe_key != moved.dedupe_key


def test_the_first_session_is_the_first_slot_after_acceptance():
    # Accepted on Monday 1 March; slots Wednesday evening and Saturday morning.
    assert first_session(recurring(["sat_morning", "wed_evening"])) == (date(2027, 3, 3), "wed_evening")
    # Accepted on Thursday: Saturday comes first.
    assert first_session(recurring(["wed_evening", "sat_morning"], accepted=date(2027, 3, 4))) == (
        date(2027, 3, 6),
        "sat_morning",
    )
    # A later start wins over the acceptance; a slot on the start day counts.
    assert first_session(recurring(["mon_morning"], start=date(2027, 3, 15))) == (
        date(2027, 3, 15),
        "mon_morning",
    )


def test_no_first_session_without_slots_or_after_the_end():
    assert first_session(recurring([])) is None
    assert first_session(recurring(["fri_evening"], end=date(2027, 3, 3))) is None


def test_a_recurring_mission_is_reminded_only_the_day_before_its_first_session():
    participation = recurring(["wed_evening"])
    due = {day: due_reminder(participation, day) for day in (MONDAY + timedelta(days=n) for n in range(14))}
    reminded = {day: reminder for day, reminder in due.items() if reminder is not None}
    assert list(reminded) == [date(2027, 3, 2)]
    assert reminded[date(2027, 3, 2)].kind == FIRST_SESSION
    assert reminded[date(2027, 3, 2)].slot == "wed_evening"
