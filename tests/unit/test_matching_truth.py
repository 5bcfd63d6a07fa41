"""Every recommendation is one the person can take, and every reason is true (generated pairs).

``explain.eligible`` writes the hard filters of tests/data/matching/README.md plainly, one mission
at a time; the engine's numpy masks must agree with it on every generated pair, both ways. ``reason_holds``
re-derives each reason's claim from the mission and the candidate alone.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest

from marketplace.matching import MatchingEngine, Reason
from marketplace.matching import reasons as R
from marketplace.matching.explain import available, checked_codes, eligible, reason_holds
from tests.unit.matching_generated import TODAY, candidates, missions

MISSIONS = missions(400)
CANDIDATES = candidates(150, MISSIONS)
BY_ID = {m.id: m for m in MISSIONS}


@pytest.fixture(scope="module")
def engine() -> MatchingEngine:
    return MatchingEngine.fit(MISSIONS)


@pytest.fixture(scope="module")
def shown(engine):
    """(candidate, recommendations, other times) for every generated candidate."""
    return [
        (
            person,
            engine.recommend(person, limit=len(MISSIONS), today=TODAY),
            engine.recommend_other_times(person, limit=len(MISSIONS), today=TODAY),
        )
        for person in CANDIDATES
    ]


def asked_kinds_alone(fitting: list, person) -> set[int]:
    """Other kinds only when no mission of a kind asked for fits (tests/data/matching/README.md)."""
    asked = [m for m in fitting if m.kind in person.wanted_kinds]
    return {m.id for m in (asked or fitting)}


def test_the_engine_recommends_exactly_the_eligible_missions(shown):
    for person, recommended, _ in shown:
        expected = asked_kinds_alone([m for m in MISSIONS if eligible(m, person, TODAY)], person)
        assert {r.mission_id for r in recommended} == expected


def test_other_times_are_exactly_the_missions_failing_only_the_weekly_hours(shown):
    for person, _, other_times in shown:
        relaxed = replace(person, slots=())
        failing_only_hours = [
            m
            for m in MISSIONS
            if person.slots
            and not person.flexible
            and eligible(m, relaxed, TODAY)
            and not available(m, person)
        ]
        expected = asked_kinds_alone(failing_only_hours, person)
        assert {r.mission_id for r in other_times} == expected
        assert all(r.outside_request[0] == "time" for r in other_times)


def test_every_reason_shown_is_true(shown):
    seen: Counter[str] = Counter()
    for person, recommended, other_times in shown:
        for item in [*recommended, *other_times]:
            for reason in item.reasons:
                assert reason_holds(reason, BY_ID[item.mission_id], person, TODAY), (reason, item.mission_id)
                seen[reason.code] += 1
    # The generated pairs reach every candidate-side code but the rare fallback.
    assert set(R.FOR_ASSOCIATION) - {R.ELIGIBLE} <= set(seen), set(R.FOR_ASSOCIATION) - set(seen)


def test_every_reason_for_an_association_is_true(engine):
    seen: set[str] = set()
    for mission in MISSIONS[:25]:
        for match in engine.rank_candidates(mission, dict(enumerate(CANDIDATES)), today=TODAY):
            person = CANDIDATES[match.candidate_key]
            for reason in match.reasons:
                assert reason_holds(reason, mission, person, TODAY), reason
                seen.add(reason.code)
    assert {R.CANDIDATE_DISTANCE, R.CANDIDATE_AVAILABLE, R.CANDIDATE_DOMAIN} <= seen


def test_no_availability_reason_when_the_mission_does_not_say_its_time(shown):
    for _, recommended, _ in shown:
        for item in recommended:
            mission = BY_ID[item.mission_id]
            unknown = (mission.schedule == "recurring" and not mission.slots) or (
                mission.schedule == "one_off" and not mission.day_parts and not mission.slots
            )
            if unknown:
                assert R.AVAILABILITY not in {reason.code for reason in item.reasons}


def test_the_checker_knows_every_code_and_refuses_false_claims():
    assert checked_codes() >= set(R.FOR_ASSOCIATION) | set(R.FOR_ASSOCIATION.values())
    person = CANDIDATES[0]
    mission = next(m for m in MISSIONS if m.domain not in person.domains and not m.remote)
    false_claims = [
        Reason(R.DOMAIN, {"domain": mission.domain}),
        Reason(R.DISTANCE, {"km": 999.0}),
        Reason(R.AVAILABILITY, {"slots": ["sun_evening"], "date": "1999-01-01"}),
        Reason(R.TEXT, {"terms": ["zzzz"]}),
        Reason(R.SKILL, {"skills": ["Plongée sous-marine"]}),
        Reason(R.KIND, {"kind": "nothing"}),
        Reason(R.CANDIDATE_REMOTE, {}),
    ]
    for reason in false_claims:
        assert not reason_holds(reason, mission, person, TODAY), reason
    with pytest.raises(ValueError):
        reason_holds(Reason("no_such_code", {}), mission, person, TODAY)


def test_asked_kinds_come_first_and_others_are_labelled(shown):
    for person, recommended, _ in shown:
        if not person.wanted_kinds:
            assert all(r.outside_request == () for r in recommended)
            continue
        flags = [r.outside_request == ("kind",) for r in recommended]
        assert flags == sorted(flags)  # every asked kind before any other
        for r in recommended:
            assert (BY_ID[r.mission_id].kind in person.wanted_kinds) == (r.outside_request == ())
