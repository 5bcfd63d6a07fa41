"""Association side of matching: suggested candidates for a mission and invitations to apply.

The candidate side shows on pages other features own (dashboard, mission page), through
``candidate_dashboard`` and ``similar_for_page`` below, and in the JSON API (api/recommendations).
"""

from __future__ import annotations

import logging
from typing import TypeVar

from flask import Blueprint, abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm

from marketplace.accounts.access import roles
from marketplace.accounts.models import User
from marketplace.associations.missions import managed_mission
from marketplace.associations.models import Mission
from marketplace.commit import attempt
from marketplace.domain import NotFound
from marketplace.extensions import limiter
from marketplace.matching import services

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
    open_for_applications = mission.is_open
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
    with attempt() as done:
        services.invite_candidate(mission, candidate_id, by=_me())
    if done.ok:
        flash(_("Invitation sent: the volunteer received an email with a link to the mission."), "success")
    return redirect(url_for(".suggested", mission_id=mission.id))
