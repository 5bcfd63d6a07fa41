"""The volunteer pathway rules: stages, transitions, next steps and the dashboard summary (pure)."""

from __future__ import annotations

from itertools import count

import pytest

from marketplace.matching import HistoryItem, Stage, next_step, render_next_step_fr, stage_of, summarize
from marketplace.matching.pathway import leadership_open

_mission_ids = count(1)


def item(
    association_id: int = 1,
    *,
    kind: str = "ponctual",
    schedule: str = "one_off",
    status: str = "completed",
    hours: float | None = None,
    mission_id: int | None = None,
    name: str = "",
) -> HistoryItem:
    """One history item; each call gets its own mission id unless given."""
    return HistoryItem(
        mission_id=mission_id if mission_id is not None else next(_mission_ids),
        association_id=association_id,
        association_name=name or f"Association {association_id}",
        kind=kind,
        schedule=schedule,
        status=status,
        hours_done=hours,
    )


def test_nothing_done_is_discovery():
    assert stage_of([]) is Stage.DISCOVERY


def test_an_accepted_one_off_mission_is_still_discovery():
    # A one-off mission only counts once done.
    assert stage_of([item(status="accepted")]) is Stage.DISCOVERY


def test_one_completed_one_off_mission_makes_a_ponctual_volunteer():
    assert stage_of([item()]) is Stage.PONCTUAL


def test_two_completed_missions_with_the_same_association_stay_ponctual():
    assert stage_of([item(7), item(7)]) is Stage.PONCTUAL


def test_three_completed_missions_with_the_same_association_make_a_regular_volunteer():
    assert stage_of([item(7), item(7), item(7)]) is Stage.REGULAR


def test_three_completed_missions_with_three_associations_stay_ponctual():
    assert stage_of([item(1), item(2), item(3)]) is Stage.PONCTUAL


def test_returns_count_only_completed_missions():
    assert stage_of([item(7), item(7), item(7, status="accepted")]) is Stage.PONCTUAL


@pytest.mark.parametrize("status", ["accepted", "completed"])
def test_a_recurring_mission_makes_a_regular_volunteer(status):
    assert stage_of([item(schedule="recurring", status=status)]) is Stage.REGULAR


@pytest.mark.parametrize("status", ["accepted", "completed"])
def test_a_support_mission_reaches_the_skills_stage(status):
    assert stage_of([item(kind="support", status=status)]) is Stage.SKILLS


@pytest.mark.parametrize("schedule", ["one_off", "recurring"])
def test_a_leadership_mission_reaches_the_leadership_stage(schedule):
    assert stage_of([item(kind="leadership", schedule=schedule, status="accepted")]) is Stage.LEADERSHIP


def test_the_highest_stage_reached_wins_without_going_through_the_others():
    assert stage_of([item(kind="leadership")]) is Stage.LEADERSHIP
    history = [item(), item(schedule="recurring"), item(kind="support"), item(kind="leadership")]
    assert stage_of(history) is Stage.LEADERSHIP
    assert stage_of([item(), item(kind="support", schedule="recurring")]) is Stage.SKILLS


def test_stages_compare_by_progression():
    assert Stage.DISCOVERY < Stage.PONCTUAL < Stage.REGULAR < Stage.SKILLS < Stage.LEADERSHIP
    assert Stage.LEADERSHIP >= Stage.REGULAR and Stage.PONCTUAL <= Stage.PONCTUAL
    assert [stage.rank for stage in Stage] == [0, 1, 2, 3, 4]
    assert Stage("regular") is Stage.REGULAR and str(Stage.SKILLS) == "skills"


@pytest.mark.parametrize(
    ("stage", "code", "target", "kind", "schedule"),
    [
        (Stage.DISCOVERY, "first_mission", Stage.PONCTUAL, "ponctual", "one_off"),
        (Stage.PONCTUAL, "go_regular", Stage.REGULAR, None, "recurring"),
        (Stage.REGULAR, "share_skills", Stage.SKILLS, "support", None),
        (Stage.SKILLS, "take_responsibility", Stage.LEADERSHIP, "leadership", None),
        (Stage.LEADERSHIP, "pass_it_on", None, "leadership", None),
    ],
)
def test_next_step_of_each_stage(stage, code, target, kind, schedule):
    step = next_step(stage)
    assert (step.code, step.target, step.kind, step.schedule) == (code, target, kind, schedule)
    assert render_next_step_fr(step).startswith("Prochaine étape : ")


def test_going_regular_prefers_known_associations_and_sharing_skills_matches_skills():
    assert next_step(Stage.PONCTUAL).prefer_known_associations
    assert next_step(Stage.REGULAR).match_skills
    assert next_step("ponctual").code == "go_regular"  # plain strings are accepted


def test_leadership_missions_open_from_the_regular_stage_or_when_asked():
    assert not leadership_open(Stage.DISCOVERY)
    assert not leadership_open(Stage.PONCTUAL, ("support",))
    assert leadership_open(Stage.PONCTUAL, ("leadership",))
    assert leadership_open(Stage.REGULAR)
    assert leadership_open(Stage.SKILLS)


def test_summary_counts_missions_hours_and_associations():
    history = [
        item(1, hours=4, name="Le Panier Solidaire"),
        item(1, hours=3.5, name="Le Panier Solidaire"),
        item(2, schedule="recurring", status="accepted", hours=None, name="Les Amis des Aînés"),
    ]
    summary = summarize(history)
    assert summary.stage is Stage.REGULAR
    assert summary.missions_done == 2 and summary.missions_ongoing == 1
    assert summary.hours == 7.5
    assert summary.associations == ("Le Panier Solidaire", "Les Amis des Aînés")
    assert summary.associations_count == 2
    assert summary.next_step.code == "share_skills"


def test_summary_of_a_newcomer():
    summary = summarize([])
    assert (summary.stage, summary.missions_done, summary.hours, summary.associations) == (
        Stage.DISCOVERY,
        0,
        0.0,
        (),
    )
    assert render_next_step_fr(summary.next_step) == (
        "Prochaine étape : une première mission ponctuelle, pour découvrir"
    )


@pytest.mark.parametrize(
    ("field", "value"), [("status", "pending"), ("kind", "board"), ("schedule", "weekly")]
)
def test_history_items_reject_unknown_values(field, value):
    with pytest.raises(ValueError, match=value):
        HistoryItem(mission_id=1, association_id=1, **{field: value})
