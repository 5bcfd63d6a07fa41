"""Matching in the app, one module per seam (this module re-exports them for the callers):

- ``facts``: what the engine knows, read from the database (``mission_facts``, ``published_facts``,
  ``facts_from_profile``, ``candidate_facts``);
- ``journal``: the change pipeline's ``matching-journal`` subscriber (stamp bump + changed ids,
  in the committing transaction) and its replay query; the stamp itself is
  ``marketplace.missions.stamp``;
- ``holder``: one engine per process, kept up to the stamp (replay, rebuild, background refit);
- ``queries``: recommendations, similar missions and the pathway for the views and the API;
- ``invitations``: suggested candidates and invitations to apply (association side).
"""

from __future__ import annotations

from marketplace.matching.facts import (
    candidate_facts,
    facts_from_profile,
    histories_of,
    mission_facts,
    published_facts,
)
from marketplace.matching.holder import (
    EngineHolder,
    build_engine,
    current_engine,
    engine_holder,
    init_matching,
    rebuild,
    warm_in_background,
)
from marketplace.matching.invitations import (
    AlreadyInvited,
    SuggestedCandidate,
    invitations_for,
    invite_candidate,
    suggested_candidates,
)
from marketplace.matching.journal import record_changes
from marketplace.matching.queries import (
    OTHER_TIMES_BELOW,
    OTHER_TIMES_LIMIT,
    MissionRecommendation,
    Pathway,
    other_times_for_facts,
    other_times_for_user,
    pathway_for,
    recommend_for_facts,
    recommend_for_user,
    similar_missions,
)
from marketplace.missions.stamp import Stamp, read_stamp

__all__ = [
    "OTHER_TIMES_BELOW",
    "OTHER_TIMES_LIMIT",
    "AlreadyInvited",
    "EngineHolder",
    "MissionRecommendation",
    "Pathway",
    "Stamp",
    "SuggestedCandidate",
    "build_engine",
    "candidate_facts",
    "current_engine",
    "engine_holder",
    "facts_from_profile",
    "histories_of",
    "init_matching",
    "invitations_for",
    "invite_candidate",
    "mission_facts",
    "other_times_for_facts",
    "other_times_for_user",
    "pathway_for",
    "published_facts",
    "read_stamp",
    "rebuild",
    "recommend_for_facts",
    "recommend_for_user",
    "record_changes",
    "similar_missions",
    "suggested_candidates",
    "warm_in_background",
]
