"""« My data »: download everything (/compte/donnees) and delete the account (/compte/supprimer)."""

from __future__ import annotations

import json

from flask import Blueprint, Response, flash, redirect, render_template, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, logout_user

from marketplace.accounts.access import signed_in
from marketplace.assistant.services import ANSWERS_SESSION_KEY
from marketplace.commit import attempt
from marketplace.forms_util import form_status
from marketplace.models_base import utcnow
from marketplace.privacy import erasure
from marketplace.privacy.export import label, personal_data
from marketplace.privacy.forms import DeleteAccountForm

bp = Blueprint("privacy", __name__)


@bp.app_context_processor
def export_labels() -> dict:
    return {"export_label": label}


def _me():
    return current_user._get_current_object()


def _data() -> dict:
    answers = session.get(ANSWERS_SESSION_KEY)
    return personal_data(_me(), saved_answers=answers if isinstance(answers, dict) else None)


def _attachment(body: str, mimetype: str, extension: str) -> Response:
    filename = f"tremplin-mes-donnees-{utcnow().date().isoformat()}.{extension}"
    response = Response(body, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/compte/donnees")
@signed_in
def export():
    return render_template("privacy/export.html", data=_data())


@bp.route("/compte/donnees.json")
@signed_in
def export_json():
    body = json.dumps(_data(), ensure_ascii=False, indent=2)
    return _attachment(body, "application/json", "json")


@bp.route("/compte/donnees.html")
@signed_in
def export_html():
    body = render_template("privacy/export_document.html", data=_data())
    return _attachment(body, "text/html", "html")


@bp.route("/compte/supprimer", methods=["GET", "POST"])
@signed_in
def delete():
    user = _me()
    blocking = erasure.associations_blocking_erasure(user)
    form = DeleteAccountForm()
    if not blocking and form.validate_on_submit():
        with attempt(form) as done:
            erasure.delete_own_account(user, password=form.password.data)
        if done.ok:
            logout_user()
            session.clear()
            message = _("Your account is deleted. A confirmation was sent to your former address. Thank you!")
            flash(message, "success")
            return redirect(url_for("main.home"))
    return render_template("privacy/delete.html", form=form, blocking=blocking), form_status(form)
