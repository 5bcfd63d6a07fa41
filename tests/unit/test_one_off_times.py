"""A one-off mission's weekly slots read as its parts of the day (pure)."""

from __future__ import annotations

from datetime import date

from marketplace.associations.one_off_times import mission_weekdays, one_off_times

FRIDAY = date(2026, 6, 19)
SATURDAY = date(2026, 6, 20)


def test_the_weekdays_of_a_date_range_count_at_most_a_week():
    assert mission_weekdays(FRIDAY, None) == {4}
    assert mission_weekdays(FRIDAY, date(2026, 6, 21)) == {4, 5, 6}
    assert mission_weekdays(FRIDAY, date(2026, 8, 1)) == set(range(7))
    assert mission_weekdays(FRIDAY, date(2026, 6, 1)) == {4}  # an end before the start: the first day


def test_slots_on_the_mission_day_give_its_parts_of_the_day_in_order():
    times = one_off_times(SATURDAY, None, ["sat_evening", "sat_morning"])
    assert (times.day_parts, times.outside, times.widened) == (["morning", "evening"], [], False)


def test_a_slot_on_another_weekday_is_reported_not_guessed():
    times = one_off_times(SATURDAY, None, ["sat_morning", "wed_afternoon"])
    assert times.outside == ["wed_afternoon"]
    assert times.day_parts == ["morning"]


def test_different_parts_on_different_days_are_said_to_be_widened():
    festival = ["fri_evening", "sat_morning", "sat_afternoon", "sun_morning"]
    times = one_off_times(FRIDAY, date(2026, 6, 21), festival)
    assert times.day_parts == ["morning", "afternoon", "evening"] and times.widened
    same_every_day = one_off_times(FRIDAY, date(2026, 6, 20), ["fri_morning", "sat_morning"])
    assert same_every_day.day_parts == ["morning"] and not same_every_day.widened


def test_given_parts_of_the_day_are_kept_with_those_of_the_slots():
    assert one_off_times(SATURDAY, None, ["sat_evening"], ["morning"]).day_parts == ["morning", "evening"]


def test_without_a_date_nothing_can_contradict():
    times = one_off_times(None, None, ["mon_morning", "sat_evening"])
    assert (times.day_parts, times.outside) == (["morning", "evening"], [])


def test_unknown_slots_are_left_to_the_vocabulary_check():
    assert one_off_times(SATURDAY, None, ["someday_morning"]).day_parts == []
