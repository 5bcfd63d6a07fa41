"""Which dates and year a participation gets on an attestation, grouping, and the codes (pure)."""

from __future__ import annotations

from datetime import date

from marketplace.attestations.rules import (
    CODE_ALPHABET,
    Participation,
    group_by_association_and_year,
    line_of,
    new_code,
    normalise_code,
)


def _participation(**fields) -> Participation:
    values = {
        "application_id": 1,
        "association_id": 10,
        "mission_title": "Collecte",
        "schedule": "one_off",
        "start_date": date(2026, 3, 14),
        "end_date": None,
        "accepted_on": date(2026, 3, 1),
        "completed_on": date(2026, 3, 16),
        "hours": 4.0,
    }
    values.update(fields)
    return Participation(**values)


def test_a_one_off_mission_is_dated_by_its_own_day():
    line = line_of(_participation())
    assert (line.first_day, line.last_day, line.confirmed_on) == (
        date(2026, 3, 14),
        date(2026, 3, 14),
        date(2026, 3, 16),
    )


def test_a_mission_held_in_december_and_confirmed_in_january_counts_in_december_s_year():
    [group] = group_by_association_and_year(
        [_participation(start_date=date(2025, 12, 30), completed_on=date(2026, 1, 2))]
    )
    assert group.year == 2025


def test_a_date_range_confirmed_before_its_end_stops_at_the_confirmation():
    line = line_of(
        _participation(start_date=date(2026, 5, 1), end_date=date(2026, 5, 20), completed_on=date(2026, 5, 3))
    )
    assert (line.first_day, line.last_day) == (date(2026, 5, 1), date(2026, 5, 3))


def test_a_recurring_mission_runs_from_acceptance_to_confirmation():
    line = line_of(
        _participation(
            schedule="recurring",
            start_date=date(2026, 1, 5),
            accepted_on=date(2026, 2, 1),
            completed_on=date(2026, 6, 30),
        )
    )
    assert (line.first_day, line.last_day) == (date(2026, 2, 1), date(2026, 6, 30))


def test_groups_are_per_association_and_year_with_their_totals():
    groups = group_by_association_and_year(
        [
            _participation(application_id=1, hours=4.0),
            _participation(
                application_id=2, hours=8.5, start_date=date(2026, 9, 1), completed_on=date(2026, 9, 2)
            ),
            _participation(application_id=3, association_id=11, hours=2.0),
            _participation(
                application_id=4, hours=3.0, start_date=date(2025, 6, 1), completed_on=date(2025, 6, 2)
            ),
        ]
    )
    summary = [(g.association_id, g.year, g.total_hours, g.application_ids) for g in groups]
    assert summary == [(10, 2026, 12.5, [1, 2]), (11, 2026, 2.0, [3]), (10, 2025, 3.0, [4])]


def test_codes_are_random_four_groups_of_four_unambiguous_characters():
    codes = {new_code() for _ in range(200)}
    assert len(codes) == 200
    for code in codes:
        groups = code.split("-")
        assert [len(g) for g in groups] == [4, 4, 4, 4]
        assert set("".join(groups)) <= set(CODE_ALPHABET)


def test_a_code_typed_loosely_is_read_as_stored():
    assert normalise_code(" 7kq4 m2xd-9prt-w3hc ") == "7KQ4-M2XD-9PRT-W3HC"
    assert normalise_code("OIL0-0000-0000-0000") == "0110-0000-0000-0000"
    assert normalise_code("7KQ4-M2XD") is None
    assert normalise_code("7KQ4-M2XD-9PRT-W3H!") is None
