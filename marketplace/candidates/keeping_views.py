"""« Garder »: a volunteer keeps a mission to come back to, or lets it go (one-click POSTs)."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from marketplace.accounts.access import roles
from marketplace.candidates import keeping
from marketplace.commit import action
from marketplace.forms_util import safe_next_url

bp = Blueprint("keeping", __name__)


@bp.app_template_global()
def kept_mission_ids() -> set[int]:
    """The ids the signed-in volunteer keeps (read once per request); empty for everyone else."""
    # On the request, not on g: an app context may outlive a request (CLI, tests).
    kept = getattr(request, "kept_mission_ids", None)
    if kept is None:
        volunteer = current_user.is_authenticated and current_user.role == "candidate"
        kept = keeping.kept_ids(current_user) if volunteer else set()
        request.kept_mission_ids = kept  # type: ignore[attr-defined]
    return kept


def _mission_page(mission_id: int) -> str:
    return url_for("main.mission", mission_id=mission_id)


def _back(mission_id: int) -> str:
    return safe_next_url(request.form.get("next"), _mission_page(mission_id))


@bp.post("/missions/<int:mission_id>/garder")
@roles("candidate")
@action(back=_mission_page)
def keep(mission_id: int):
    keeping.keep(current_user, mission_id)
    flash(_("Mission kept: you will find it in your space."), "success")
    return redirect(_back(mission_id))


@bp.post("/missions/<int:mission_id>/ne-plus-garder")
@roles("candidate")
@action(back=_mission_page)
def let_go(mission_id: int):
    keeping.let_go(current_user, mission_id)
    flash(_("This mission is no longer kept."), "success")
    return redirect(_back(mission_id))
