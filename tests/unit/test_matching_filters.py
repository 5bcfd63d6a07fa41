"""Hard filters, asked kinds first, and the blend the engine ranks by (pure, small cases)."""

from __future__ import annotations

from datetime import timedelta

import numpy as np
import pytest

from marketplace.matching.weights import FEATURE_NAMES
from tests.unit.test_matching_engine import (
    TODAY,
    WEDNESDAY,
    candidate,
    engine_with,
    mission,
    recommended,
)

SATURDAY = WEDNESDAY + timedelta(days=3)


# --- availability ----------------------------------------------------------------------------------


def test_a_recurring_mission_needs_one_slot_in_common():
    engine = engine_with(
        mission(1, slots=("wed_afternoon", "sat_morning")), mission(2, slots=("mon_evening",))
    )
    assert recommended(engine, candidate(slots=("sat_morning",))) == [1]


def test_a_recurring_mission_without_slots_is_unknown_and_stays():
    engine = engine_with(mission(1, slots=()))
    assert recommended(engine, candidate(slots=("mon_evening",))) == [1]


def test_flexible_hours_or_no_slots_filter_nothing():
    engine = engine_with(mission(1, slots=("mon_evening",)))
    assert recommended(engine, candidate(slots=("sat_morning",), flexible=True)) == [1]
    assert recommended(engine, candidate()) == [1]


@pytest.mark.parametrize(
    ("day_parts", "free", "shown"),
    [
        (("evening",), ("sat_evening",), True),
        (("evening",), ("sat_morning",), False),
        ((), ("sat_morning",), True),  # parts unknown: any part of a day of the event
        ((), ("wed_morning",), False),
    ],
)
def test_a_one_off_mission_needs_a_free_weekday_and_part_of_the_day(day_parts, free, shown):
    engine = engine_with(mission(1, schedule="one_off", slots=(), start_date=SATURDAY, day_parts=day_parts))
    assert recommended(engine, candidate(slots=free)) == ([1] if shown else [])


def test_an_event_over_several_days_fits_any_of_its_days():
    friday_to_sunday = mission(
        1,
        schedule="one_off",
        slots=(),
        start_date=SATURDAY - timedelta(days=1),
        end_date=SATURDAY + timedelta(days=1),
        day_parts=("evening",),
    )
    engine = engine_with(friday_to_sunday)
    assert recommended(engine, candidate(slots=("sun_evening",))) == [1]
    assert recommended(engine, candidate(slots=("fri_morning",))) == []  # the issue's « vendredi matin »


def test_one_off_slots_from_an_import_keep_their_weekday_and_part():
    event = mission(
        1,
        schedule="one_off",
        slots=("fri_evening", "sat_morning"),
        start_date=SATURDAY - timedelta(days=1),
        end_date=SATURDAY,
    )
    engine = engine_with(event)
    assert recommended(engine, candidate(slots=("sat_morning",))) == [1]
    assert recommended(engine, candidate(slots=("fri_morning",))) == []


# --- age, avoided ----------------------------------------------------------------------------------


def test_minors_need_a_mission_open_from_16_and_66_plus_one_without_a_maximum():
    engine = engine_with(mission(1, min_age=16), mission(2, min_age=18), mission(3, min_age=16, max_age=17))
    assert recommended(engine, candidate(age_range="16-17")) == [1, 3]
    assert recommended(engine, candidate(age_range="66+")) == [1, 2]


def test_avoided_domains_kinds_and_contexts_are_never_recommended():
    engine = engine_with(
        mission(1, domain="sport"),
        mission(2, kind="support"),
        mission(3, description="Port de charges : décharger les cartons du camion."),
        mission(4),
    )
    assert set(recommended(engine, candidate(avoid_domains=("sport",)))) == {2, 3, 4}
    assert 2 not in recommended(engine, candidate(avoid_kinds=("support",)))
    assert 3 not in recommended(engine, candidate(avoid_contexts=("physical",)))
    assert 4 in recommended(engine, candidate(avoid_contexts=("physical", "screen")))


# --- kinds asked -----------------------------------------------------------------------------------


def test_other_kinds_come_only_when_no_asked_kind_fits():
    engine = engine_with(
        mission(1, kind="support", title="Tenir les comptes"),
        mission(2, kind="ponctual", title="Aide aux devoirs de mathématiques", domain="education"),
        mission(3, kind="support", title="Site internet"),
    )
    person = candidate(wanted_kinds=("support",), domains=("education",), about="aide aux devoirs")
    results = engine.recommend(person, limit=3, today=TODAY)
    assert sorted(r.mission_id for r in results) == [1, 3]  # support fits: the ponctual one waits
    only_other = engine_with(mission(2, kind="ponctual", title="Aide aux devoirs", domain="education"))
    (result,) = only_other.recommend(person, limit=3, today=TODAY)
    assert result.mission_id == 2 and result.outside_request == ("kind",)


def test_leadership_missions_only_when_asked_or_experienced():
    engine = engine_with(mission(1, kind="leadership"))
    assert recommended(engine, candidate()) == []
    assert recommended(engine, candidate(wanted_kinds=("leadership",))) == [1]


def test_the_pathway_nudge_counts_only_among_the_kinds_asked():
    engine = engine_with(mission(1, kind="ponctual", schedule="one_off", slots=(), start_date=SATURDAY))
    asked_support = engine.feature_matrix(candidate(wanted_kinds=("support",)), today=TODAY)
    no_kind = engine.feature_matrix(candidate(), today=TODAY)
    row = lambda fm: int(np.flatnonzero(fm.ids == 1)[0])  # noqa: E731
    assert asked_support.column("pathway")[row(asked_support)] == 0
    assert no_kind.column("pathway")[row(no_kind)] > 0


# --- the blend -------------------------------------------------------------------------------------


def test_recommend_ranks_exactly_by_the_feature_matrix_and_the_blend():
    missions = [
        mission(i, domain=d, slots=s)
        for i, (d, s) in enumerate(
            [
                ("education", ("wed_afternoon",)),
                ("sport", ()),
                ("education", ()),
                ("culture", ("wed_afternoon",)),
            ],
            1,
        )
    ]
    engine = engine_with(*missions)
    person = candidate(domains=("education",), slots=("wed_afternoon",), about="devoirs de mathématiques")
    matrix = engine.feature_matrix(person, today=TODAY)
    assert matrix.names == FEATURE_NAMES and matrix.values.dtype == np.float32
    assert matrix.values.shape == (matrix.ids.size, len(FEATURE_NAMES)) and matrix.ids.dtype == np.int64
    weights = engine.blend.vector(matrix.names)
    expected = [int(matrix.ids[i]) for i in matrix.order(weights)][:5]
    results = engine.recommend(person, limit=5, today=TODAY)
    assert [r.mission_id for r in results] == expected
    for r in results:
        score = float(matrix.scores(weights)[matrix.ids == r.mission_id][0])
        assert r.score == pytest.approx(min(1.0, max(0.0, score)), abs=1e-6)


def test_the_feature_matrix_holds_only_eligible_missions():
    engine = engine_with(mission(1, slots=("mon_morning",)), mission(2))
    matrix = engine.feature_matrix(candidate(slots=("wed_afternoon",)), today=TODAY)
    assert 1 not in matrix.ids and 2 in matrix.ids
