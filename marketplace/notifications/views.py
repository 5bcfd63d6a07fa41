"""E-mail preferences (blueprint ``preferences``): the page, and the one-click unsubscribe link."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import BooleanField

from marketplace.accounts.access import public, signed_in
from marketplace.commit import attempt
from marketplace.extensions import csrf
from marketplace.notifications import preferences

bp = Blueprint("preferences", __name__)


def preferences_form(received: set[str]) -> FlaskForm:
    """One checkbox per category of optional e-mails, ticked when the person receives it."""

    class PreferencesForm(FlaskForm):
        pass

    for category, label in preferences.CATEGORIES.items():
        setattr(PreferencesForm, category, BooleanField(label, default=category in received))
    return PreferencesForm()


@bp.route("/compte/notifications", methods=["GET", "POST"])
@signed_in
def edit():
    received = set(preferences.CATEGORIES) - preferences.opted_out(current_user)
    form = preferences_form(received)
    if form.validate_on_submit():
        chosen = {category for category in preferences.CATEGORIES if form[category].data}
        with attempt(form) as done:
            preferences.set_received(current_user, chosen)
        if done.ok:
            flash(_("Your e-mail preferences are saved."), "success")
            return redirect(url_for("preferences.edit"))
    return render_template("notifications/preferences.html", form=form)


@bp.route("/desabonnement/<token>", methods=["GET", "POST"])
@public
@csrf.exempt  # RFC 8058: mail apps POST the one-click link without a form; the signed link is the credential
def unsubscribe(token: str):
    """GET asks (link scanners only read); POST turns the category off, without a password."""
    found = preferences.read_unsubscribe_token(token)
    if found is None:
        abort(404)
    user, category = found
    done = False
    if request.method == "POST":
        with attempt() as outcome:
            preferences.turn_off(user, category)
        done = outcome.ok
    return render_template(
        "notifications/unsubscribe.html", label=preferences.CATEGORIES[category], done=done, token=token
    )
