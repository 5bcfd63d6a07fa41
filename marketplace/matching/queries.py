"""Recommendations for the views and the API: missions for a volunteer, similar missions, pathway."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from marketplace.accounts.models import User
from marketplace.associations.models import Mission
from marketplace.candidates.models import Application
from marketplace.extensions import db
from marketplace.matching.facts import candidate_facts, mission_facts
from marketplace.matching.holder import current_engine
from marketplace.matching.pathway import NextStep, PathwaySummary, summarize
from marketplace.matching.render import next_step_sentence, render_reason_lists, stage_label
from marketplace.matching.types import CandidateFacts, Recommendation
from marketplace.statuses import ACTIVE_APPLICATION_STATUSES


@dataclass(frozen=True)
class MissionRecommendation:
    """A recommended mission (loaded, with its association) and why, in the reader's language."""

    mission: Mission
    score: float
    reasons: list[str]
    reason_codes: list[str]
    distance_km: float | None
    outside_request: tuple[str, ...] = ()  # ("kind",): a kind the person did not ask for


def _published_by_id(ids: list[int]) -> dict[int, Mission]:
    if not ids:
        return {}
    query = (
        select(Mission).options(joinedload(Mission.association)).where(Mission.id.in_(ids), Mission.is_open)
    )
    return {mission.id: mission for mission in db.session.scalars(query)}


def _with_missions(recommendations: list[Recommendation]) -> list[MissionRecommendation]:
    missions = _published_by_id([item.mission_id for item in recommendations])
    # The engine may be a moment behind a change made in this very request: the database decides.
    kept = [item for item in recommendations if item.mission_id in missions]
    sentences = render_reason_lists([item.reasons for item in kept])
    return [
        MissionRecommendation(
            mission=missions[item.mission_id],
            score=item.score,
            reasons=reasons,
            reason_codes=[reason.code for reason in item.reasons],
            distance_km=item.distance_km,
            outside_request=item.outside_request,
        )
        for item, reasons in zip(kept, sentences, strict=True)
    ]


def recommend_for_facts(
    facts: CandidateFacts, *, limit: int = 10, exclude: Collection[int] = (), next_step_only: bool = False
) -> list[MissionRecommendation]:
    """Best published missions for these facts (a profile or anonymous answers)."""
    found = current_engine().recommend(
        facts, limit=limit, today=date.today(), exclude=exclude, next_step_only=next_step_only
    )
    return _with_missions(found)


# The dashboard, the assistant and the API show the missions a person could attend only at other
# hours apart from the main list, and only when that list is short: with three suggestions or
# more there is a real choice (a row of cards on the dashboard), and missions they said they
# cannot attend would only crowd it; below three, « Si vos horaires changent » tells them what
# changing their hours would open, instead of an almost empty page.
OTHER_TIMES_BELOW = 3
OTHER_TIMES_LIMIT = 3


def other_times_for_facts(
    facts: CandidateFacts, *, shown: int, limit: int = OTHER_TIMES_LIMIT, exclude: Collection[int] = ()
) -> list[MissionRecommendation]:
    """Missions that fit everything but the person's weekly hours, when fewer than 3 others showed."""
    if shown >= OTHER_TIMES_BELOW or facts.flexible or not facts.slots or limit <= 0:
        return []
    found = current_engine().recommend_other_times(facts, limit=limit, today=date.today(), exclude=exclude)
    return _with_missions(found)


def other_times_for_user(
    user: User, *, shown: int, limit: int = OTHER_TIMES_LIMIT
) -> list[MissionRecommendation]:
    """``other_times_for_facts`` for a candidate's profile, leaving out missions they applied to."""
    facts = candidate_facts(user)
    if facts is None:
        return []
    return other_times_for_facts(facts, shown=shown, limit=limit, exclude=_active_mission_ids(user))


def _active_mission_ids(user: User) -> set[int]:
    return set(
        db.session.scalars(
            select(Application.mission_id).where(
                Application.candidate_id == user.id, Application.status.in_(ACTIVE_APPLICATION_STATUSES)
            )
        )
    )


def recommend_for_user(user: User, limit: int = 10) -> list[MissionRecommendation]:
    """Recommendations for a candidate, leaving out missions they already applied to."""
    facts = candidate_facts(user)
    if facts is None:
        return []
    return recommend_for_facts(facts, limit=limit, exclude=_active_mission_ids(user))


def similar_missions(mission: Mission, limit: int = 4) -> list[MissionRecommendation]:
    """Open missions close to this one ("Missions similaires")."""
    facts = mission_facts(mission)  # the description is not kept in a worker's engine
    found = current_engine().similar_to(mission.id, limit=limit, today=date.today(), mission=facts)
    return _with_missions(found)


@dataclass(frozen=True)
class Pathway:
    """The dashboard's pathway block: where the candidate stands and missions for the next step."""

    summary: PathwaySummary
    stage_label: str
    next_step: NextStep
    next_step_sentence: str
    missions: list[MissionRecommendation]


def pathway_for(user: User, limit: int = 3) -> Pathway | None:
    """Stage, what was done so far, the next step and missions for it; None without a profile."""
    facts = candidate_facts(user)
    if facts is None:
        return None
    summary = summarize(facts.history)
    missions = recommend_for_facts(facts, limit=limit, exclude=_active_mission_ids(user), next_step_only=True)
    return Pathway(
        summary=summary,
        stage_label=stage_label(summary.stage),
        next_step=summary.next_step,
        next_step_sentence=next_step_sentence(summary.next_step),
        missions=missions,
    )
