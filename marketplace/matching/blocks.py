"""Matching blocks shown on other features' pages (the candidate dashboard, a public mission page).

Helpers for those pages' views, not views: recommendations enrich a page, and if the engine fails
the page still shows without them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from marketplace.accounts.models import User
from marketplace.associations.models import Mission
from marketplace.extensions import db
from marketplace.matching import Stage, services
from marketplace.matching.render import stage_label

logger = logging.getLogger(__name__)
T = TypeVar("T")


def _safely(call: Callable[[], T], default: T) -> T:
    """Recommendations enrich a page; if the engine fails, the page still shows without them."""
    try:
        return call()
    except Exception:
        logger.exception("Matching failed while rendering a page")
        db.session.rollback()
        return default


def _safely_many(call: Callable[[], list[T]]) -> list[T]:
    """``_safely`` for a list: an empty one when the engine fails."""
    empty: list[T] = []
    return _safely(call, empty)


def candidate_dashboard(user: User) -> dict[str, object]:
    """Template variables of the candidate dashboard's matching blocks."""
    recommendations = _safely_many(lambda: services.recommend_for_user(user, limit=6))
    return {
        "recommendations": recommendations,
        "other_times": _safely_many(lambda: services.other_times_for_user(user, shown=len(recommendations))),
        "pathway": _safely(lambda: services.pathway_for(user), None),
        "invitations": services.invitations_for(user),
        "pathway_stages": list(Stage),
        "stage_label": stage_label,
    }


def similar_for_page(mission: Mission) -> list[services.MissionRecommendation]:
    """ "Missions similaires" of a public mission page."""
    return _safely_many(lambda: services.similar_missions(mission, limit=4))
