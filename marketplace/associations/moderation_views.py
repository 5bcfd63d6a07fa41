"""Moderation queue for site admins and network admins (blueprint ``moderation``).

A moderator reads a mission as volunteers will see it, then publishes it or sends it back with a
comment. Network admins only see the associations of their networks: any other mission is a 404.
"""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import func, select

from marketplace.accounts.access import roles
from marketplace.accounts.models import User
from marketplace.associations import missions as service
from marketplace.associations.forms import PublishForm, ReturnForm
from marketplace.associations.models import Mission
from marketplace.associations.moderation import review_queue_entries, review_queue_size, submitted_at
from marketplace.commit import attempt
from marketplace.domain import NotFound
from marketplace.extensions import db
from marketplace.models_base import utcnow
from marketplace.statuses import MissionStatus

bp = Blueprint("moderation", __name__, url_prefix="/moderation")
MODERATORS = ("site_admin", "network_admin")


def moderation_queue_size() -> int:
    """Missions waiting for the signed-in moderator (0 for anyone else); for dashboard links."""
    if not current_user.is_authenticated or current_user.role not in MODERATORS:
        return 0
    return review_queue_size(current_user._get_current_object())


bp.add_app_template_global(moderation_queue_size, "moderation_queue_size")


def _user() -> User:
    return current_user._get_current_object()


def _mission_or_404(mission_id: int) -> Mission:
    try:
        return service.moderated_mission(mission_id, by=_user())
    except NotFound:
        abort(404)


def _published_count(mission: Mission) -> int:
    return (
        db.session.scalar(
            select(func.count(Mission.id)).where(
                Mission.association_id == mission.association_id,
                Mission.is_viewable,
            )
        )
        or 0
    )


def _render_review(
    mission: Mission, *, publish_form: PublishForm, return_form: ReturnForm, status: int = 200
):
    page = render_template(
        "moderation/mission.html",
        mission=mission,
        publish_form=publish_form,
        return_form=return_form,
        submitted_at=submitted_at(mission) if mission.status == MissionStatus.PENDING_REVIEW else None,
        published_before=_published_count(mission),
        now=utcnow(),
    )
    return page, status


@bp.route("")
@roles(*MODERATORS)
def queue():
    return render_template("moderation/queue.html", entries=review_queue_entries(_user()), now=utcnow())


@bp.route("/missions/<int:mission_id>")
@roles(*MODERATORS)
def mission(mission_id: int):
    found = _mission_or_404(mission_id)
    return _render_review(
        found, publish_form=PublishForm(prefix="publish"), return_form=ReturnForm(prefix="return")
    )


def _decide(mission_id: int, *, form_name: str, form, decision, done_message) -> object:
    """Publish or send back: run the decision, or show the review page again with the form's errors."""
    found = _mission_or_404(mission_id)
    if form.validate_on_submit():
        with attempt(form) as done:
            decision(found, by=_user(), comment=form.comment.data or "")
        if done.ok:
            flash(done_message(found.title), "success")
            return redirect(url_for(".queue"))
        if not done.on_field:
            return redirect(url_for(".mission", mission_id=found.id))
    forms = {
        "publish_form": PublishForm(prefix="publish", formdata=None),
        "return_form": ReturnForm(prefix="return", formdata=None),
        form_name: form,
    }
    return _render_review(found, **forms, status=400)


@bp.route("/missions/<int:mission_id>/publier", methods=["POST"])
@roles(*MODERATORS)
def publish(mission_id: int):
    return _decide(
        mission_id,
        form_name="publish_form",
        form=PublishForm(prefix="publish"),
        decision=service.publish_mission,
        done_message=lambda title: _(
            "“%(title)s” is published. Its association has been told by email.", title=title
        ),
    )


@bp.route("/missions/<int:mission_id>/renvoyer", methods=["POST"])
@roles(*MODERATORS)
def send_back(mission_id: int):
    return _decide(
        mission_id,
        form_name="return_form",
        form=ReturnForm(prefix="return"),
        decision=service.return_mission,
        done_message=lambda title: _(
            "“%(title)s” is sent back to its association with your comment.", title=title
        ),
    )
