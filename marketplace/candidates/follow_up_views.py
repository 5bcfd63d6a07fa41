"""After a mission (blueprint ``follow_up``): the volunteer's feedback, the association's private note."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from marketplace.accounts.access import roles
from marketplace.candidates import applications as service
from marketplace.candidates import follow_up
from marketplace.candidates.forms import FeedbackForm, VolunteerNoteForm
from marketplace.commit import attempt
from marketplace.domain import NotFound

bp = Blueprint("follow_up", __name__)


def _found(find, application_id: int):
    try:
        return find(application_id, by=current_user._get_current_object())
    except NotFound:
        abort(404)


def _page(application_id: int) -> str:
    return url_for("inbox.application", application_id=application_id)


@bp.route("/candidatures/<int:application_id>/avis", methods=["GET", "POST"])
@roles("candidate")
def feedback(application_id: int):
    """How did it go? (1-5 and a word, both optional; the association sees them)."""
    application = _found(service.own_application, application_id)
    if application.status != "completed":
        abort(404)
    form = FeedbackForm(data={"rating": str(application.rating or ""), "comment": application.feedback})
    if form.validate_on_submit():
        with attempt(form) as done:
            rating = int(form.rating.data) if form.rating.data else None
            follow_up.give_feedback(application, by=current_user, rating=rating, comment=form.comment.data)
        if done.ok:
            flash(_("Thank you: the association will read your word."), "success")
            return redirect(_page(application.id))
    status = 400 if form.errors else 200
    return render_template("follow_up/feedback.html", application=application, form=form), status


@bp.post("/candidatures/<int:application_id>/note")
@roles("association")
def note(application_id: int):
    """The association's word about the volunteer, private to its team."""
    application = _found(service.managed_application, application_id)
    form = VolunteerNoteForm()
    if form.validate_on_submit():
        with attempt(form) as done:
            follow_up.note_volunteer(application, note=form.note.data)
        if done.ok:
            flash(_("Your note is saved: only your team sees it."), "success")
    else:
        for errors in form.errors.values():
            flash(" ".join(str(error) for error in errors), "error")
    return redirect(_page(application.id))
