"""The API keys page (blueprint ``apikeys``): list, create (the key is shown once), revoke."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from marketplace.accounts.access import roles
from marketplace.accounts.models import User
from marketplace.apikeys import services
from marketplace.apikeys.forms import NewKeyForm, RevokeKeyForm
from marketplace.commit import attempt
from marketplace.domain import NotFound
from marketplace.forms_util import form_status

bp = Blueprint("apikeys", __name__)

KEY_MANAGERS = ("network_admin", "site_admin")


def _me() -> User:
    return current_user._get_current_object()


def _new_key_form(user: User, *, blank: bool = False) -> NewKeyForm:
    form = NewKeyForm(formdata=None) if blank else NewKeyForm()
    form.offer_owners(services.manageable_networks(user), site_wide=user.role == "site_admin")
    return form


def _page(form: NewKeyForm, *, status: int = 200, created=None, secret: str | None = None):
    user = _me()
    page = render_template(
        "apikeys/index.html",
        form=form,
        revoke_form=RevokeKeyForm(),
        keys=services.keys_visible_to(user),
        created=created,
        secret=secret,
    )
    # The page may hold a secret shown once: no cache may keep it.
    return page, status, {"Cache-Control": "no-store"}


@bp.route("/espace/cles-api", methods=["GET", "POST"])
@roles(*KEY_MANAGERS)
def index():
    user = _me()
    form = _new_key_form(user)
    if not form.validate_on_submit():
        return _page(form, status=form_status(form))
    with attempt(form) as done:
        key, secret = services.create_key(form.name.data, network_id=form.network_id, by=user)
    if not done.ok:
        return _page(form, status=done.error.status_code)
    # Rendered, not redirected: this answer is the only time the secret exists outside the client.
    return _page(_new_key_form(user, blank=True), created=key, secret=secret)


@bp.post("/espace/cles-api/<int:key_id>/revoquer")
@roles(*KEY_MANAGERS)
def revoke(key_id: int):
    form = RevokeKeyForm()
    if not form.validate_on_submit():
        flash(_("The security token has expired: send the form again."), "error")
        return redirect(url_for(".index"))
    with attempt(abort_on=(NotFound,)):
        key = services.revoke_key(key_id, by=_me())
    flash(_("The key « %(name)s » is revoked: it no longer works.", name=key.name), "success")
    return redirect(url_for(".index"))
