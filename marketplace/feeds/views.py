"""Feeds pages (/admin/flux) for site and network admins, and the counted way out to a partner's
application page (« Postuler sur le site de … »)."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import update

from marketplace.accounts.access import public, roles
from marketplace.associations.models import Mission
from marketplace.commit import attempt
from marketplace.domain import NotAllowed
from marketplace.extensions import db
from marketplace.feeds import services
from marketplace.feeds.forms import ButtonForm, FeedForm
from marketplace.feeds.models import Feed

bp = Blueprint("feeds", __name__)
FEED_ROLES = ("network_admin", "site_admin")


@bp.app_template_filter("url_host")
def url_host(url: str | None) -> str:
    """The site name shown for a link: its host without « www. »."""
    host = urlsplit(url or "").hostname or ""
    return host.removeprefix("www.")


@bp.route("/missions/<int:mission_id>/postuler-ailleurs")
@public
def apply_elsewhere(mission_id: int):
    """Count the click, then send the volunteer to the partner's application page."""
    mission = db.session.get(Mission, mission_id)
    if mission is None or not mission.application_url or not mission.is_open:
        abort(404)
    with attempt():  # the request's one commit point
        db.session.execute(
            update(Mission)
            .where(Mission.id == mission_id)
            .values(application_clicks=Mission.application_clicks + 1)
        )
    return redirect(mission.application_url, code=303)


def _feed_or_404(feed_id: int) -> Feed:
    feed = db.session.get(Feed, feed_id)
    if feed is None or feed.url is None or not services.can_manage_feed(current_user, feed):
        abort(404)
    return feed


@bp.route("/admin/flux", methods=["GET", "POST"])
@roles(*FEED_ROLES)
def index():
    form = FeedForm()
    if form.validate_on_submit():
        with attempt(form, abort_on=(NotAllowed,)) as done:
            feed = services.register_feed(name=form.name.data or "", url=form.url.data or "", by=current_user)
        if done.ok:
            flash(_("Feed registered: it will be read at the next sync."), "success")
            return redirect(url_for("feeds.show", feed_id=feed.id))
    return render_template(
        "feeds/index.html", feeds=services.visible_feeds(current_user), form=form, button=ButtonForm()
    )


@bp.route("/admin/flux/<int:feed_id>")
@roles(*FEED_ROLES)
def show(feed_id: int):
    feed = _feed_or_404(feed_id)
    return render_template(
        "feeds/show.html", feed=feed, missions=services.missions_of(feed), button=ButtonForm()
    )


@bp.route("/admin/flux/<int:feed_id>/synchroniser", methods=["POST"])
@roles(*FEED_ROLES)
def sync(feed_id: int):
    feed = _feed_or_404(feed_id)
    if not ButtonForm().validate_on_submit():
        abort(400)
    report = services.sync_feed(feed.id)
    flash(
        _(
            "Feed read: %(created)d created, %(updated)d updated, %(closed)d closed, %(refused)d refused.",
            created=report.created,
            updated=report.updated,
            closed=report.closed,
            refused=report.refused,
        )
        if report.status in (services.SyncStatus.OK, services.SyncStatus.NOT_MODIFIED)
        else _("The feed could not be read: nothing was changed (%(error)s).", error=report.error),
        "success" if report.status in (services.SyncStatus.OK, services.SyncStatus.NOT_MODIFIED) else "error",
    )
    return redirect(url_for("feeds.show", feed_id=feed.id))
