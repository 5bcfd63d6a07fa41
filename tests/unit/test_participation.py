"""When a participation may be confirmed: the pure rule (no app)."""

from __future__ import annotations

from datetime import date, datetime

from marketplace.candidates.participation import Schedule, can_confirm_from, first_session_end

WEDNESDAY = date(2027, 3, 3)


def test_a_one_off_mission_can_be_confirmed_from_its_start_date():
    schedule = Schedule("one_off", date(2027, 1, 1), ())
    assert can_confirm_from(schedule, accepted_at=datetime(2026, 12, 7, 10)) == datetime(2027, 1, 1)
    assert can_confirm_from(schedule, accepted_at=None) == datetime(2027, 1, 1)


def test_a_recurring_mission_waits_for_the_end_of_the_first_slot_after_acceptance():
    evenings = Schedule("recurring", None, ("wed_evening",))
    # Accepted on Wednesday morning: that evening's session counts.
    assert first_session_end(evenings, accepted_at=datetime(2027, 3, 3, 10)) == datetime(2027, 3, 3, 21)
    # Accepted after the evening began: the next Wednesday.
    assert first_session_end(evenings, accepted_at=datetime(2027, 3, 3, 19)) == datetime(2027, 3, 10, 21)


def test_the_earliest_slot_wins_and_a_later_start_date_is_waited_for():
    schedule = Schedule("recurring", None, ("sat_morning", "thu_afternoon"))
    assert first_session_end(schedule, accepted_at=datetime(2027, 3, 3, 10)) == datetime(2027, 3, 4, 17)
    later = Schedule("recurring", date(2027, 4, 1), ("sat_morning",))
    assert first_session_end(later, accepted_at=datetime(2027, 3, 3, 10)) == datetime(2027, 4, 3, 12)


def test_times_agreed_with_each_volunteer_allow_confirming_from_the_day_after_acceptance():
    agreed = Schedule("recurring", None, ())
    assert can_confirm_from(agreed, accepted_at=datetime(2027, 3, 3, 15)) == datetime(2027, 3, 4)


def test_without_a_date_or_acceptance_or_a_known_slot_nothing_can_be_confirmed():
    assert can_confirm_from(Schedule("recurring", None, ("wed_evening",)), accepted_at=None) is None
    assert can_confirm_from(Schedule("one_off", None, ()), accepted_at=datetime(2027, 3, 3)) is None
    assert (
        can_confirm_from(Schedule("recurring", None, ("xyz_noon",)), accepted_at=datetime(2027, 3, 3)) is None
    )
