"""The calendar subscription (blueprint ``calendar``): the .ics feed and its link."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, Response, abort, current_app, flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm

from marketplace.accounts.access import public, roles
from marketplace.calendar import services
from marketplace.calendar.ical import render_calendar
from marketplace.commit import attempt
from marketplace.missions.public import viewable_mission
from marketplace.models_base import utcnow

bp = Blueprint("calendar", __name__)


class RenewLinkForm(FlaskForm):
    """Only the CSRF token."""


def _domain() -> str:
    """The host that makes event UIDs unique to this site."""
    return urlsplit(url_for("main.home", _external=True)).hostname or "tremplin"


def _secret_key() -> str:
    return current_app.config["SECRET_KEY"]


@bp.get("/calendrier/<token>.ics")
@public
def feed(token: str):
    """The subscribed calendar: whoever holds the link sees that volunteer's missions, nothing else."""
    user = services.user_for_token(token, _secret_key())
    if user is None:
        abort(404)
    missions = services.calendar_missions(
        user, lambda mission_id: url_for("main.mission", mission_id=mission_id, _external=True)
    )
    body = render_calendar(
        missions,
        name=_("My Tremplin missions"),
        now=utcnow(),
        domain=_domain(),
    )
    response = Response(body, mimetype="text/calendar")
    response.headers["Content-Disposition"] = 'inline; filename="tremplin.ics"'
    response.headers["Cache-Control"] = "private, max-age=900"
    response.headers["X-Robots-Tag"] = "noindex"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


@bp.get("/missions/<int:mission_id>/agenda.ics")
@public
def one_mission(mission_id: int):
    """« Add to my calendar » for one public mission (recurring ones from today, or their start)."""
    mission = viewable_mission(mission_id)
    if mission is None:
        abort(404)
    url = url_for("main.mission", mission_id=mission_id, _external=True)
    dates = services.dates_from(mission, url, utcnow().date())
    if dates is None:
        abort(404)
    body = render_calendar([dates], name=mission.title, now=utcnow(), domain=_domain())
    response = Response(body, mimetype="text/calendar")
    response.headers["Content-Disposition"] = f'attachment; filename="mission-{mission_id}.ics"'
    return response


@bp.post("/espace/calendrier/lien")
@roles("candidate")
def renew():
    """Create the calendar link, or replace it (the old one stops working at once)."""
    if not RenewLinkForm().validate_on_submit():
        flash(_("The security token has expired: send the form again."), "error")
        return redirect(url_for("inbox.mine"))
    had_one = services.feed_of(current_user) is not None
    with attempt():
        services.renew_feed(current_user._get_current_object())
    if had_one:
        flash(
            _("Your calendar has a new link: the old one no longer works. Subscribe again with this one."),
            "success",
        )
    else:
        flash(_("Your calendar link is ready: add it to your calendar application."), "success")
    return redirect(url_for("inbox.mine", _anchor="calendar"))


@bp.app_context_processor
def calendar_helpers() -> dict:
    """``calendar_link()`` for templates: the signed-in volunteer's feed URL, or None."""

    def calendar_link() -> str | None:
        if not (current_user.is_authenticated and current_user.role == "candidate"):
            return None
        feed = services.feed_of(current_user)
        if feed is None:
            return None
        return url_for("calendar.feed", token=services.token_of(feed, _secret_key()), _external=True)

    return {"calendar_link": calendar_link, "calendar_form": RenewLinkForm}
