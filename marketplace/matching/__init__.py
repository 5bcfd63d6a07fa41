"""Matching: pure TF-IDF recommender, pathway rules and French reasons (no Flask, no database).

Public API for the services (everything takes and returns plain dataclasses):

    engine = MatchingEngine.fit(missions, version=stamp)          # full build (background / start)
    engine.upsert([mission], version=stamp); engine.remove([id])  # incremental, no refit
    engine.version                                                # compare with the database stamp
    engine.recommend(candidate, limit=20, today=date, next_step_only=False, exclude=())
        -> [Recommendation(mission_id, score, reasons, distance_km)]
    engine.similar_to(mission_id, limit=6, today=date)            -> [Recommendation]
    engine.rank_candidates(mission, {key: candidate}, limit=None) -> [CandidateMatch(key, score, reasons)]
    engine.mission(id), id in engine, len(engine), engine.stats()

    MissionFacts, CandidateFacts, HistoryItem        inputs (CandidateFacts also holds the
                                                     anonymous answers of POST /api/v1/recommendations)
    Recommendation, Reason(code, params), CandidateMatch   outputs; Reason.to_dict() for JSON
    render_reason_fr(reason), render_next_step_fr(step)    plain French (the app may use gettext
                                                           on the codes instead)
    stage_of(history), next_step(stage), summarize(history) -> PathwaySummary   dashboard
    Weights, Blend                                   shaping numbers; the learnable blend (weights.json)
    engine.feature_matrix(candidate, today=d) -> FeatureMatrix(ids, names, values, tier)   offline fit
    engine.recommend_other_times(candidate, limit=3, today=d)  fail only the weekly-hours filter
    evaluation (graded nDCG@10, P@5, ineligible@50; baselines; pairwise fit), labelled (sets read
        as the site reads them): offline quality and the weights (benchmarks/eval_matching.py)
"""

from typing import TYPE_CHECKING, Any

from marketplace.matching.pathway import NextStep, PathwaySummary, Stage, next_step, stage_of, summarize
from marketplace.matching.reasons import render_next_step_fr, render_reason_fr
from marketplace.matching.types import (
    CandidateFacts,
    CandidateMatch,
    HistoryItem,
    MissionFacts,
    Reason,
    Recommendation,
)

__all__ = [
    "Blend",
    "CandidateFacts",
    "CandidateMatch",
    "FeatureMatrix",
    "HistoryItem",
    "MatchingEngine",
    "MissionFacts",
    "NextStep",
    "PathwaySummary",
    "Reason",
    "Recommendation",
    "Stage",
    "Weights",
    "next_step",
    "render_next_step_fr",
    "render_reason_fr",
    "stage_of",
    "summarize",
]

if TYPE_CHECKING:
    from marketplace.matching.engine import Blend, FeatureMatrix, MatchingEngine, Weights


def __getattr__(name: str) -> Any:
    """The engine (scikit-learn, SciPy) is imported on first use, so start-up stays light."""
    if name in ("Blend", "FeatureMatrix", "MatchingEngine", "Weights"):
        from marketplace.matching import engine

        return getattr(engine, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
