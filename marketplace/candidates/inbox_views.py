"""Applications from both sides: apply, inbox, thread, decisions (blueprint ``inbox``).

Every view: parse the form, call one service (which checks who may act, again), then flash and
redirect; the commit point (``marketplace.commit``) commits once, or rolls back and says why.
Anyone who is not a party to an application gets 404: its existence is not theirs to know.
"""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from marketplace.accounts.access import roles, signed_in
from marketplace.accounts.models import User
from marketplace.associations.missions import managed_mission
from marketplace.associations.models import Mission
from marketplace.candidates import applications as service
from marketplace.candidates import follow_up
from marketplace.candidates.forms import (
    ActionForm,
    ApplyForm,
    CompleteForm,
    DeclineForm,
    MessageForm,
    VolunteerNoteForm,
    WithdrawForm,
)
from marketplace.candidates.models import Application
from marketplace.candidates.panels import apply_panel
from marketplace.commit import action, attempt
from marketplace.domain import NotFound
from marketplace.forms_util import safe_next_url
from marketplace.inputs import bounded_page
from marketplace.main.mission_page import render_mission_page
from marketplace.missions.public import viewable_mission
from marketplace.models_base import utcnow
from marketplace.once import ALREADY_SENT, claim_submission, earlier_result, remember_result
from marketplace.reference.vocabularies import APPLICATION_STATUSES
from marketplace.widgets.tagging import forget_widget_tag, widget_tag_for

bp = Blueprint("inbox", __name__)

bp.add_app_template_global(service.availability_by_day, "availability_by_day")
bp.add_app_template_global(service.DECLINE_REASON_LABELS, "decline_reason_labels")


def _user() -> User:
    return current_user._get_current_object()


def _or_404(find, application_id: int) -> Application:
    try:
        return find(application_id, by=_user())
    except NotFound:
        abort(404)


def _back_to(application: Application) -> str:
    """Where an action returns: the page it was sent from (local only), else the application."""
    return safe_next_url(request.form.get("next"), url_for(".application", application_id=application.id))


def _back_to_id(application_id: int) -> str:
    """Where a refused one-click action returns (the form's local ``next`` wins)."""
    return url_for(".application", application_id=application_id)


def _require_csrf(form) -> None:
    # The forms of plain buttons carry nothing but their token: an invalid one is a bad request.
    if not form.validate_on_submit():
        abort(400)


def _mission_page(mission: Mission, form: ApplyForm):
    return render_mission_page(mission, apply_panel(mission, _user(), form)), 400


# --- Candidate side ----------------------------------------------------------------------------


@bp.route("/missions/<int:mission_id>/postuler", methods=["POST"])
@roles("candidate")
def apply(mission_id: int):
    mission = viewable_mission(mission_id)
    if mission is None:
        abort(404)
    form = ApplyForm()
    if not form.validate_on_submit():
        return _mission_page(mission, form)
    if earlier := earlier_result(form):
        flash(str(ALREADY_SENT), "info")
        return redirect(earlier)
    with attempt(form) as done:
        claim = claim_submission(form)
        application = service.apply(
            mission,
            _user(),
            motivation=form.motivation.data or "",
            guardian_consent=bool(form.guardian_consent.data),
            source_widget_id=widget_tag_for(mission.id),
        )
        remember_result(claim, url_for(".application", application_id=application.id))
    if done.on_field:
        return _mission_page(mission, form)
    if not done.ok:
        return redirect(url_for("main.mission", mission_id=mission_id, _anchor="apply"))
    forget_widget_tag(mission.id)
    flash(
        _("Your application is sent. The association will answer you here, and we will email you."), "success"
    )
    return redirect(url_for(".application", application_id=application.id))


@bp.route("/espace/candidatures")
@roles("candidate")
def mine():
    return render_template("inbox/mine.html", applications=service.applications_of(_user()))


@bp.route("/candidatures/<int:application_id>/retirer", methods=["GET", "POST"])
@roles("candidate")
@action(back=_back_to_id)
def withdraw(application_id: int):
    """GET: say what withdrawing means and ask to confirm; POST from that page: withdraw."""
    application = _or_404(service.own_application, application_id)
    form = WithdrawForm()
    if request.method == "GET" or request.form.get("confirmed") != "yes":
        # A POST without the confirmation (an old button, a forged form) only shows the question.
        if request.method == "POST":
            _require_csrf(form)
        form.next.data = safe_next_url(request.values.get("next"), "")
        return render_template(
            "inbox/withdraw.html", application=application, mission=application.mission, form=form
        )
    _require_csrf(form)
    service.withdraw(application, by=_user())
    flash(_("Your application is withdrawn. The association has been told."), "success")
    return redirect(_back_to(application))


# --- Association side --------------------------------------------------------------------------


def _inbox_filters() -> tuple[str | None, str, int]:
    status = request.args.get("status") or None
    sort = request.args.get("sort") or "recent"
    if (status is not None and status not in APPLICATION_STATUSES) or sort not in service.INBOX_SORTS:
        abort(400)
    return status, sort, bounded_page(request.args.get("page"))


def _render_inbox(mission: Mission | None):
    status, sort, page = _inbox_filters()
    mission_id = mission.id if mission else None
    return render_template(
        "inbox/received.html",
        mission=mission,
        pagination=service.received_applications(
            _user(), mission_id=mission_id, status=status, sort=sort, page=page
        ),
        counts=service.received_status_counts(_user(), mission_id=mission_id),
        status=status,
        sort=sort,
        statuses=APPLICATION_STATUSES,
        action_form=ActionForm(),
        now=utcnow(),
    )


@bp.route("/espace/candidatures/recues")
@roles("association")
def received():
    return _render_inbox(None)


@bp.route("/espace/missions/<int:mission_id>/candidatures")
@roles("association")
def for_mission(mission_id: int):
    try:
        mission = managed_mission(mission_id, by=_user())
    except NotFound:
        abort(404)
    return _render_inbox(mission)


def _decide(application_id: int, decision, success_message: str):
    """A one-click decision of the association: run it, commit or roll back, flash, go back."""
    application = _or_404(service.managed_application, application_id)
    _require_csrf(ActionForm())
    decision(application, by=_user())
    flash(success_message, "success")
    return redirect(_back_to(application))


@bp.route("/candidatures/<int:application_id>/examiner", methods=["POST"])
@roles("association")
@action(back=_back_to_id)
def review(application_id: int):
    return _decide(
        application_id,
        service.put_in_review,
        _("The volunteer sees that their application is under review."),
    )


@bp.route("/candidatures/<int:application_id>/accepter", methods=["POST"])
@roles("association")
@action(back=_back_to_id)
def accept(application_id: int):
    return _decide(
        application_id,
        service.accept,
        _("Volunteer accepted. You can now see their contact details; they have been told."),
    )


@bp.route("/candidatures/<int:application_id>/refuser", methods=["POST"])
@roles("association")
def decline(application_id: int):
    application = _or_404(service.managed_application, application_id)
    form = DeclineForm()
    if form.validate_on_submit():
        with attempt(form) as done:
            service.decline(application, by=_user(), reason=form.reason.data, message=form.message.data or "")
        if done.ok:
            flash(_("The application is declined. The volunteer has been told, with your reason."), "success")
        if not done.on_field:
            return redirect(_back_to(application))
    return _application_page(application, decline_form=form)


@bp.route("/candidatures/<int:application_id>/terminer", methods=["POST"])
@roles("association")
def complete(application_id: int):
    application = _or_404(service.managed_application, application_id)
    form = CompleteForm()
    if form.validate_on_submit():
        with attempt(form) as done:
            service.complete(
                application, by=_user(), hours_done=float(form.hours_done.data), thanks=form.thanks.data
            )
        if done.ok:
            flash(_("Participation confirmed. Thank you for welcoming this volunteer!"), "success")
        if not done.on_field:
            return redirect(_back_to(application))
    return _application_page(application, complete_form=form)


# --- Both sides --------------------------------------------------------------------------------


def _application_page(
    application: Application,
    *,
    message_form: MessageForm | None = None,
    decline_form: DeclineForm | None = None,
    complete_form: CompleteForm | None = None,
):
    """The application, its history, its thread and the viewer's actions; 400 when a form was refused."""
    user = _user()
    side = service.side_of(application, user)
    refused = any(form is not None and form.errors for form in (message_form, decline_form, complete_form))
    page = render_template(
        "inbox/application.html",
        application=application,
        mission=application.mission,
        side=side,
        actions=service.actions_for(application.status, side=side, seats_left=application.mission.seats_left),
        contact_visible=side == "candidate" or service.contact_visible(application),
        message_form=message_form or MessageForm(formdata=None),
        decline_form=decline_form or DeclineForm(formdata=None),
        complete_form=complete_form
        or CompleteForm(formdata=None, data={"thanks": follow_up.thanks_of(application.mission.association)}),
        note_form=VolunteerNoteForm(formdata=None, data={"note": application.association_note}),
        complete_problem=service.completion_problem(application)
        if application.status == "accepted" and side == "association"
        else None,
        action_form=ActionForm(formdata=None),
        now=utcnow(),
    )
    return page, 400 if refused else 200


@bp.route("/candidatures/<int:application_id>")
@signed_in
def application(application_id: int):
    return _application_page(_or_404(service.readable_application, application_id))


@bp.route("/candidatures/<int:application_id>/messages", methods=["POST"])
@signed_in
def post_message(application_id: int):
    application = _or_404(service.readable_application, application_id)
    form = MessageForm()
    if form.validate_on_submit():
        if earlier := earlier_result(form):
            flash(str(ALREADY_SENT), "info")
            return redirect(earlier)
        with attempt(form) as done:
            claim = claim_submission(form)
            service.post_message(application, by=_user(), body=form.body.data)
            remember_result(claim, url_for(".application", application_id=application.id, _anchor="messages"))
        if done.ok:
            flash(_("Message sent."), "success")
            return redirect(url_for(".application", application_id=application.id, _anchor="messages"))
    return _application_page(application, message_form=form)
