"""Association space: mission editor and mission pages for members (blueprint ``missions_admin``).

Every view: parse the form, call the service (which checks membership again), commit once,
then flash and redirect; on a domain error, roll back and show the form again with what was typed.
"""

from __future__ import annotations

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from marketplace.accounts.access import roles
from marketplace.accounts.models import User
from marketplace.associations import missions as service
from marketplace.associations.dashboard import response_time_of
from marketplace.associations.forms import (
    CancelForm,
    MissionForm,
    PreviewForm,
    mission_data_from_form,
    mission_form_data,
)
from marketplace.associations.models import Association, Mission
from marketplace.associations.moderation import submitted_at
from marketplace.associations.team import associations_of_member
from marketplace.commit import action, attempt
from marketplace.domain import NotFound
from marketplace.forms_util import form_status
from marketplace.models_base import utcnow
from marketplace.once import ALREADY_SENT, claim_submission, earlier_result, remember_result
from marketplace.statuses import MissionStatus
from marketplace.text import render_markdown

bp = Blueprint("missions_admin", __name__, url_prefix="/espace/missions")

# The form's buttons: name="action" tells what the association asked for.
SAVE, SUBMIT, PREVIEW = "save", "submit", "preview"


# --- Helpers shared with the dashboard and public templates -----------------------------------


# The public association page (main.views) shows the answer time this feature computes.
bp.add_app_template_global(response_time_of, "association_response_time")


def _user() -> User:
    return current_user._get_current_object()


def _mission_or_404(mission_id: int) -> Mission:
    try:
        return service.managed_mission(mission_id, by=_user())
    except NotFound:
        abort(404)


def _action() -> str:
    action = request.form.get("action", SAVE)
    return action if action in (SAVE, SUBMIT, PREVIEW) else SAVE


def _back_to_mission(mission_id: int) -> str:
    return url_for(".show", mission_id=mission_id)


def _no_association() -> str:
    return render_template("missions_admin/no_association.html")


def _render_editor(form: MissionForm, *, mission: Mission | None, preview_requested: bool = False) -> str:
    return render_template(
        "missions_admin/edit.html",
        form=form,
        mission=mission,
        preview=render_markdown(form.description.data),
        preview_requested=preview_requested,
        returned=service.MissionSummary(mission).returned if mission else False,
    )


def _saved_message(mission: Mission, action: str) -> str:
    if action == SUBMIT and mission.status == MissionStatus.PUBLISHED:
        return _("Your mission is published: volunteers can apply from now on.")
    if action == SUBMIT:
        return _("Your mission is sent for review. We will email you as soon as a moderator has read it.")
    if mission.status == MissionStatus.DRAFT:
        return _("Draft saved. Only your team can see it until you submit it for publication.")
    return _("Changes saved.")


def _chosen_association(form: MissionForm, associations: list[Association]) -> Association:
    if form.association_id is None:
        return associations[0]
    return next(association for association in associations if association.id == form.association_id.data)


# --- Pages -----------------------------------------------------------------------------------


@bp.route("")
@roles("association")
def index():
    associations = associations_of_member(_user())
    if not associations:
        return _no_association()
    summaries = service.mission_summaries(associations)
    return render_template(
        "missions_admin/index.html",
        associations=associations,
        groups=service.group_by_status(summaries),
        total=len(summaries),
        now=utcnow(),
    )


@bp.route("/nouvelle", methods=["GET", "POST"])
@roles("association")
def new():
    user = _user()
    associations = associations_of_member(user)
    if not associations:
        return _no_association()
    form = MissionForm(associations=associations, data=mission_form_data(service.MissionData()))
    action = _action()
    if request.method == "POST" and action == PREVIEW:
        return _render_editor(form, mission=None, preview_requested=True)
    if form.validate_on_submit():
        if earlier := earlier_result(form):
            flash(str(ALREADY_SENT), "info")
            return redirect(earlier)
        data = mission_data_from_form(form)
        with attempt(form) as done:
            claim = claim_submission(form)
            mission = service.create_mission(_chosen_association(form, associations), data, by=user)
            if action == SUBMIT:
                service.submit_mission(mission, by=user)
            remember_result(claim, url_for(".show", mission_id=mission.id))
        if done.ok:
            flash(_saved_message(mission, action), "success")
            return redirect(url_for(".show", mission_id=mission.id))
    return _render_editor(form, mission=None), form_status(form)


@bp.route("/<int:mission_id>")
@roles("association")
def show(mission_id: int):
    return _render_show(_mission_or_404(mission_id), cancel_form=CancelForm())


def _render_show(mission: Mission, *, cancel_form: CancelForm) -> str:
    waiting, oldest = service.waiting_by_mission([mission.id]).get(mission.id, (0, None))
    return render_template(
        "missions_admin/show.html",
        mission=mission,
        summary=service.MissionSummary(mission, waiting, oldest),
        active_applicants=service.active_applicants_count(mission),
        submitted_at=submitted_at(mission) if mission.status == MissionStatus.PENDING_REVIEW else None,
        cancel_form=cancel_form,
        now=utcnow(),
    )


@bp.route("/<int:mission_id>/modifier", methods=["GET", "POST"])
@roles("association")
def edit(mission_id: int):
    user = _user()
    mission = _mission_or_404(mission_id)
    if mission.status in (MissionStatus.CLOSED, MissionStatus.CANCELLED):
        flash(_("A closed or cancelled mission can no longer be edited: duplicate it instead."), "info")
        return redirect(url_for(".show", mission_id=mission.id))
    saved = service.MissionData.from_mission(mission)
    form = MissionForm(data=mission_form_data(saved))
    action = _action()
    if request.method == "POST" and action == PREVIEW:
        return _render_editor(form, mission=mission, preview_requested=True)
    if form.validate_on_submit():
        with attempt(form) as done:
            service.update_mission(mission, mission_data_from_form(form, base=saved), by=user)
            if action == SUBMIT and mission.status == MissionStatus.DRAFT:
                service.submit_mission(mission, by=user)
        if done.ok:
            flash(_saved_message(mission, action), "success")
            return redirect(url_for(".show", mission_id=mission.id))
    return _render_editor(form, mission=mission), form_status(form)


@bp.route("/<int:mission_id>/soumettre", methods=["POST"])
@roles("association")
def submit(mission_id: int):
    mission = _mission_or_404(mission_id)
    # Something may have changed since it was saved (a date has passed): the editor shows what to fix.
    form = MissionForm(formdata=None, data=mission_form_data(service.MissionData.from_mission(mission)))
    with attempt(form) as done:
        service.submit_mission(mission, by=_user())
    if done.on_field:
        flash(_("Before submitting, correct the fields marked below."), "error")
        return _render_editor(form, mission=mission), 400
    if done.ok:
        flash(_saved_message(mission, SUBMIT), "success")
    return redirect(url_for(".show", mission_id=mission.id))


@bp.route("/<int:mission_id>/dupliquer", methods=["POST"])
@roles("association")
@action(back=_back_to_mission)
def duplicate(mission_id: int):
    mission = _mission_or_404(mission_id)
    copy = service.duplicate_mission(mission, by=_user())
    flash(_("Here is your copy, saved as a draft. Check the dates and details, then save it."), "success")
    return redirect(url_for(".edit", mission_id=copy.id))


@bp.route("/<int:mission_id>/cloturer", methods=["POST"])
@roles("association")
@action(back=_back_to_mission)
def close(mission_id: int):
    mission = _mission_or_404(mission_id)
    service.close_mission(mission, by=_user())
    flash(
        _("The mission is closed: it takes no more applications. Accepted volunteers keep their place."),
        "success",
    )
    return redirect(url_for(".show", mission_id=mission.id))


@bp.route("/<int:mission_id>/annuler", methods=["POST"])
@roles("association")
def cancel(mission_id: int):
    mission = _mission_or_404(mission_id)
    form = CancelForm()
    if not form.validate_on_submit():
        return _render_show(mission, cancel_form=form), 400
    told = service.active_applicants_count(mission)
    with attempt(form) as done:
        service.cancel_mission(mission, by=_user(), reason=form.reason.data or "")
    if done.on_field:
        return _render_show(mission, cancel_form=form), 400
    if not done.ok:
        return redirect(url_for(".show", mission_id=mission.id))
    message = _("The mission is cancelled.")
    if told:
        message += " " + ngettext(
            "The volunteer who applied has been told by email.",
            "The %(num)d volunteers who applied have been told by email.",
            told,
        )
    flash(message, "success")
    return redirect(url_for(".show", mission_id=mission.id))


@bp.route("/apercu", methods=["POST"])
@roles("association")
def preview():
    """The description as volunteers will read it: sanitised HTML for the editor's live preview."""
    form = PreviewForm()
    if not form.validate_on_submit():
        abort(400)
    html = render_template("missions_admin/_preview.html", preview=render_markdown(form.description.data))
    return Response(html, mimetype="text/html")
