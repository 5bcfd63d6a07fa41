"""The volunteer's profile (blueprint ``profile``) and the two autocompletion endpoints it uses.

The profile page: parse the form, call ``update_profile`` (which checks every rule again), commit
once, then flash and redirect; on a domain error, roll back and show each message on its field.
"""

from __future__ import annotations

from flask import Blueprint, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from marketplace.accounts.access import public, roles
from marketplace.accounts.models import User
from marketplace.candidates.profile import (
    AVOID_CONTEXT_CHOICES,
    MAX_RADIUS_KM,
    MIN_RADIUS_KM,
    ProfileData,
    commune_suggestions,
    profile_completeness,
    skill_suggestions,
    update_profile,
)
from marketplace.candidates.profile_forms import ProfileForm
from marketplace.commit import attempt
from marketplace.extensions import limiter
from marketplace.forms_util import form_status
from marketplace.i18n import day_abbreviations
from marketplace.reference.places import geo_index

bp = Blueprint("profile", __name__)

bp.add_app_template_global(profile_completeness, "profile_completeness")

AUTOCOMPLETE_LIMIT = "60 per minute"
AUTOCOMPLETE_CACHE = "public, max-age=3600"
MAX_SUGGESTIONS = 10


def _user() -> User:
    return current_user._get_current_object()


@bp.route("/espace/profil", methods=["GET", "POST"])
@roles("candidate")
def edit():
    user = _user()
    form = ProfileForm()
    if request.method == "GET":
        form.fill_from(ProfileData.from_profile(user, user.profile))
    elif form.validate_on_submit():
        with attempt(form) as done:  # ProfileInvalid: each error on its field
            update_profile(user, form.to_data())
        if done.ok:
            flash(_("Your profile is saved."), "success")
            return redirect(url_for(".edit"))
    if form.radius_km.data is not None and MIN_RADIUS_KM <= form.radius_km.data <= MAX_RADIUS_KM:
        form.offer_radius(form.radius_km.data)
    return render_template(
        "profile/edit.html",
        form=form,
        day_abbreviations=day_abbreviations(),
        avoid_context_choices=AVOID_CONTEXT_CHOICES,
    ), form_status(form)


def _cacheable_json(payload: list):
    response = jsonify(payload)
    response.headers["Cache-Control"] = AUTOCOMPLETE_CACHE
    return response


@bp.route("/api/v1/communes")
@public
@limiter.limit(AUTOCOMPLETE_LIMIT)
def communes():
    """Communes whose name or postcode starts like ?q=, most populated first (reference data only)."""
    index = geo_index()
    query = request.args.get("q", "")[:100]
    return _cacheable_json(commune_suggestions(index, query, MAX_SUGGESTIONS) if index else [])


@bp.route("/api/v1/skills")
@public
@limiter.limit(AUTOCOMPLETE_LIMIT)
def skills():
    """Skills in use that start like ?q=, most frequent first (no person is named or counted)."""
    query = request.args.get("q", "")[:60]
    return _cacheable_json(skill_suggestions(query, MAX_SUGGESTIONS))
