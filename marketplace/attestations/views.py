"""Attestations: the volunteer downloads one (blueprint ``attestations``); anyone verifies a code.

The download is a POST (it may issue a new attestation: a write, with its CSRF token); the
verification page is public, rate-limited per address, and shows only what the attestation states.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from marketplace.accounts.access import public, roles
from marketplace.accounts.models import User
from marketplace.attestations import services
from marketplace.attestations.formatting import association_identifiers, hours_text, long_date, period_text
from marketplace.attestations.forms import AttestationForm
from marketplace.commit import attempt
from marketplace.domain import NotAllowed, NotFound
from marketplace.extensions import limiter

bp = Blueprint("attestations", __name__)

DEFAULT_CHECK_LIMIT = "30 per minute; 300 per hour"


def _check_limit() -> str:
    return current_app.config.get("ATTESTATION_CHECK_RATE_LIMIT") or DEFAULT_CHECK_LIMIT


def _user() -> User:
    return current_user._get_current_object()


def _back() -> Response:
    return redirect(url_for("inbox.mine", _anchor="attestations"))  # type: ignore[return-value]


@bp.app_template_global()
def attestations_panel() -> dict[str, Any]:
    """What « My certificates » shows the signed-in volunteer: what they can download, the name form."""
    user = _user()
    form = AttestationForm(formdata=None, full_name=services.suggested_name(user))
    return {"available": services.available_attestations(user), "form": form}


@bp.app_template_global()
def attestation_text() -> dict[str, Any]:
    """The formatting helpers the verification page shares with the PDF."""
    return {
        "hours": hours_text,
        "date": long_date,
        "period": period_text,
        "identifiers": association_identifiers,
    }


@bp.route("/espace/attestations/<int:association_id>/<int:year>", methods=["POST"])
@roles("candidate")
def download(association_id: int, year: int):
    """Issue (or find again) the attestation of this association and year, and send its PDF."""
    form = AttestationForm()
    if not form.validate_on_submit():
        flash(
            _(
                "Enter your full name as it should appear (%(min)d to %(max)d characters).",
                min=services.MIN_NAME,
                max=services.MAX_NAME,
            ),
            "error",
        )
        return _back()
    with attempt(form, abort_on=(NotFound, NotAllowed), show=False) as done:
        attestation = services.issue_attestation(
            _user(), association_id=association_id, year=year, full_name=form.full_name.data
        )
    if not done.ok:
        flash(str(done.error.message if done.error else ""), "error")
        return _back()
    from marketplace.attestations.pdf import render_pdf  # fpdf2 loads on the first download only

    pdf = render_pdf(attestation, verify_url=url_for(".verify", code=attestation.code, _external=True))
    filename = f"attestation-benevolat-{year}-{attestation.code}.pdf"
    return Response(
        pdf,
        mimetype="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@bp.route("/attestations/<code>")
@public
@limiter.limit(_check_limit)
def verify(code: str):
    """Anyone holding a certificate checks it: what it states, or a clear 404."""
    attestation = services.find_attestation(code)
    if attestation is None:
        return render_template("attestations/unknown.html", code=code[:40]), 404
    return render_template(
        "attestations/verify.html",
        attestation=attestation,
        content=attestation.content,
        superseded=services.is_superseded(attestation),
    )
