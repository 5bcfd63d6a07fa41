"""Association verification pages (blueprint ``verification``).

The association's owners ask from its verification page; site admins and the admins of a network
covering its postcode see a queue and decide. Anyone else gets a 404 for an association page
that is not theirs: its existence in the queue is not theirs to know.
"""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from marketplace.accounts.access import roles
from marketplace.accounts.models import User
from marketplace.associations import verification as service
from marketplace.associations.models import Association
from marketplace.associations.permissions import can_manage_team, membership_of
from marketplace.associations.verification_forms import RefuseForm, RequestVerificationForm, VerifyForm
from marketplace.commit import attempt
from marketplace.domain import NotFound
from marketplace.extensions import db
from marketplace.models_base import utcnow

bp = Blueprint("verification", __name__)
VERIFIERS = ("site_admin", "network_admin")


def verification_queue_size() -> int:
    """Requests waiting for the signed-in verifier (0 for anyone else); for dashboard links."""
    if not current_user.is_authenticated or current_user.role not in VERIFIERS:
        return 0
    return service.verification_queue_size(current_user._get_current_object())


bp.add_app_template_global(verification_queue_size, "verification_queue_size")


def _user() -> User:
    return current_user._get_current_object()


# --- association side ------------------------------------------------------------------------------


def _own_association_or_404(association_id: int) -> Association:
    association = db.session.get(Association, association_id) if 0 < association_id < 2**31 else None
    if association is None or membership_of(_user(), association) is None:
        abort(404)
    return association


@bp.route("/espace/associations/<int:association_id>/verification")
@roles("association")
def status(association_id: int):
    association = _own_association_or_404(association_id)
    return render_template(
        "verification/status.html",
        association=association,
        events=service.history(association),
        problem=service.registry_problem(association),
        is_owner=can_manage_team(_user(), association),
        form=RequestVerificationForm(),
    )


@bp.route("/espace/associations/<int:association_id>/verification/demander", methods=["POST"])
@roles("association")
def ask(association_id: int):
    association = _own_association_or_404(association_id)
    if not RequestVerificationForm().validate_on_submit():
        abort(400)
    with attempt() as done:
        service.request_verification(association, by=_user())
    if done.ok:
        flash(
            _("Your request is sent. You will receive an email as soon as a verifier has decided."), "success"
        )
    return redirect(url_for(".status", association_id=association.id))


# --- verifier side ------------------------------------------------------------------------------------


def _decidable_or_404(association_id: int) -> Association:
    try:
        return service.decidable_association(association_id, by=_user())
    except NotFound:
        abort(404)


@bp.route("/verifications")
@roles(*VERIFIERS)
def queue():
    return render_template(
        "verification/queue.html", associations=service.verification_queue(_user()), now=utcnow()
    )


def _render_decision(association: Association, *, verify_form=None, refuse_form=None, status_code: int = 200):
    page = render_template(
        "verification/decide.html",
        association=association,
        events=service.history(association),
        problem=service.registry_problem(association),
        verify_form=verify_form or VerifyForm(prefix="verify", formdata=None),
        refuse_form=refuse_form or RefuseForm(prefix="refuse", formdata=None),
    )
    return page, status_code


@bp.route("/verifications/<int:association_id>")
@roles(*VERIFIERS)
def decide(association_id: int):
    return _render_decision(_decidable_or_404(association_id))


def _decision(association_id: int, *, form, form_name: str, decision, message) -> object:
    association = _decidable_or_404(association_id)
    if form.validate_on_submit():
        with attempt(form) as done:
            decision(association, by=_user(), reason=form.reason.data or "")
        if done.ok:
            flash(message(association.name), "success")
            return redirect(url_for(".queue"))
        if not done.on_field:
            return redirect(url_for(".decide", association_id=association.id))
    return _render_decision(association, **{form_name: form}, status_code=400)


@bp.route("/verifications/<int:association_id>/verifier", methods=["POST"])
@roles(*VERIFIERS)
def verify(association_id: int):
    return _decision(
        association_id,
        form=VerifyForm(prefix="verify"),
        form_name="verify_form",
        decision=service.verify,
        message=lambda name: _(
            "%(association)s is verified. Its team has been told by email.", association=name
        ),
    )


@bp.route("/verifications/<int:association_id>/refuser", methods=["POST"])
@roles(*VERIFIERS)
def refuse(association_id: int):
    return _decision(
        association_id,
        form=RefuseForm(prefix="refuse"),
        form_name="refuse_form",
        decision=service.refuse,
        message=lambda name: _(
            "The verification of %(association)s is refused. Its team has been told, with your reason.",
            association=name,
        ),
    )
