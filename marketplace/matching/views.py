"""Association side of matching: suggested candidates for a mission and invitations to apply.

The candidate side shows on pages other features own (dashboard, mission page), through
``candidate_dashboard`` and ``similar_for_page`` below, and in the JSON API (api/recommendations).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from flask import Blueprint, abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy.exc import IntegrityError

from marketplace.accounts.access import roles
from marketplace.accounts.models import User
from marketplace.associations.missions import managed_mission
from marketplace.associations.models import Mission
from marketplace.domain import DomainError, NotFound
from marketplace.extensions import db, limiter
from marketplace.matching import Stage, services
from marketplace.matching.render import stage_label

logger = logging.getLogger(__name__)
bp = Blueprint("matching", __name__, url_prefix="/espace/missions")
T = TypeVar("T")


class InviteForm(FlaskForm):
    """The "Inviter à postuler" button: only its CSRF token."""


def _me() -> User:
    return current_user._get_current_object()


def _mission_or_404(mission_id: int) -> Mission:
    try:
        return managed_mission(mission_id, by=_me())
    except NotFound:
        abort(404)


@bp.route("/<int:mission_id>/candidats-suggeres")
@roles("association")
def suggested(mission_id: int):
    mission = _mission_or_404(mission_id)
    open_for_applications = mission.status == "published" and mission.seats_left > 0
    return render_template(
        "matching/suggested.html",
        mission=mission,
        suggestions=services.suggested_candidates(mission, by=_me()) if open_for_applications else [],
        open_for_applications=open_for_applications,
        form=InviteForm(),
    )


def _invite_limit() -> str:
    return current_app.config["MISSION_INVITE_RATE_LIMIT"]


def _user_key() -> str:
    # Per inviting account: a team cannot flood volunteers by switching addresses.
    return f"user:{current_user.id}" if current_user.is_authenticated else "anonymous"


@bp.route("/<int:mission_id>/candidats-suggeres/<int:candidate_id>/inviter", methods=["POST"])
@roles("association")
@limiter.limit(_invite_limit, key_func=_user_key)
def invite(mission_id: int, candidate_id: int):
    mission = _mission_or_404(mission_id)
    if not InviteForm().validate_on_submit():
        abort(400)
    try:
        services.invite_candidate(mission, candidate_id, by=_me())
        db.session.commit()
    except DomainError as error:
        db.session.rollback()
        flash(str(error.message), "error")
    except IntegrityError:  # the same invitation sent twice at once: the unique pair refused one
        db.session.rollback()
        flash(_("This volunteer was already invited to this mission."), "error")
    else:
        flash(_("Invitation sent: the volunteer received an email with a link to the mission."), "success")
    return redirect(url_for(".suggested", mission_id=mission.id))


# --- Blocks shown on other features' pages ------------------------------------------------------


def _safely(call: Callable[[], T], default: T) -> T:
    """Recommendations enrich a page; if the engine fails, the page still shows without them."""
    try:
        return call()
    except Exception:
        logger.exception("Matching failed while rendering a page")
        db.session.rollback()
        return default


def candidate_dashboard(user: User) -> dict[str, object]:
    """Template variables of the candidate dashboard's matching blocks."""
    recommendations = _safely(lambda: services.recommend_for_user(user, limit=6), [])
    return {
        "recommendations": recommendations,
        "other_times": _safely(lambda: services.other_times_for_user(user, shown=len(recommendations)), []),
        "pathway": _safely(lambda: services.pathway_for(user), None),
        "invitations": services.invitations_for(user),
        "pathway_stages": list(Stage),
        "stage_label": stage_label,
    }


def similar_for_page(mission: Mission) -> list[services.MissionRecommendation]:
    """ "Missions similaires" of a public mission page."""
    return _safely(lambda: services.similar_missions(mission, limit=4), [])
