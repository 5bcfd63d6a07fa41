"""The association profile: owners edit it; anyone fetches its logo (blueprint ``association_profile``)."""

from __future__ import annotations

from pathlib import Path

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    send_from_directory,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user

from marketplace.accounts.access import public, roles
from marketplace.accounts.models import User
from marketplace.associations import logos
from marketplace.associations import profile as service
from marketplace.associations.models import Association
from marketplace.associations.permissions import can_manage_team
from marketplace.associations.profile_forms import ProfileForm
from marketplace.commit import attempt
from marketplace.domain import NotFound
from marketplace.forms_util import form_status

bp = Blueprint("association_profile", __name__)
LOGO_CACHE_SECONDS = 365 * 24 * 3600  # each logo has its own name: a new logo is a new address


def logo_url(association: Association) -> str | None:
    """Where the association's logo is served, or None when it has none."""
    if not association.logo_name:
        return None
    return url_for("association_profile.logo", name=association.logo_name)


bp.add_app_template_global(logo_url, "association_logo_url")
bp.add_app_template_global(service.contact_for, "association_contact_for")


def can_edit_profile(association: Association) -> bool:
    """Whether the signed-in user owns this association (the dashboard's « Edit the profile » link)."""
    return can_manage_team(current_user, association)


bp.add_app_template_global(can_edit_profile, "can_edit_association_profile")


def logo_directory() -> Path:
    return Path(current_app.instance_path) / "logos"


def _user() -> User:
    return current_user._get_current_object()


def _editable_or_404(association_id: int) -> Association:
    try:
        return service.editable_association(association_id, by=_user())
    except NotFound:
        abort(404)


@bp.route("/espace/associations/<int:association_id>/profil", methods=["GET", "POST"])
@roles("association")
def edit(association_id: int):
    association = _editable_or_404(association_id)
    form = ProfileForm(data=service.ProfileData.from_association(association).__dict__)
    locked = service.registry_locked(association)
    if form.validate_on_submit():
        upload = form.logo.data
        old_logo: str | None = None
        with attempt(form) as done:
            service.update_profile(association, form.data_for_service(), by=_user())
            if upload and getattr(upload, "filename", ""):
                old_logo = service.replace_logo(
                    association, upload.read(), by=_user(), directory=logo_directory()
                )
            elif form.remove_logo.data:
                old_logo = service.remove_logo(association, by=_user())
        if done.ok:
            logos.discard_logo(logo_directory(), old_logo)
            flash(_("Your association's profile is saved."), "success")
            return redirect(url_for(".edit", association_id=association.id))
    if locked:
        form.siren.data, form.rna.data = association.siren, association.rna
    return render_template(
        "association_profile/edit.html", association=association, form=form, registry_locked=locked
    ), form_status(form)


@bp.route("/associations/logos/<name>")
@public
def logo(name: str):
    if service.association_with_logo(name) is None:
        abort(404)
    response = send_from_directory(
        logo_directory(), name, mimetype=logos.OUTPUT_MIMETYPE, max_age=LOGO_CACHE_SECONDS, conditional=True
    )
    response.headers["Cache-Control"] = f"public, max-age={LOGO_CACHE_SECONDS}, immutable"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Disposition"] = "inline"
    return response
