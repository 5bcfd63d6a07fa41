"""What other sites embed (blueprint ``widget``): the loader script, the framable page, the feed.

These responses carry no cookie and no personal data: the blueprint wraps the app's session
interface so that its responses never save a session (no session cookie, so no CSRF token).
Only these pages may be framed by other sites; the rest of Tremplin keeps ``frame-ancestors 'none'``.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import (
    Blueprint,
    abort,
    current_app,
    make_response,
    redirect,
    render_template,
    request,
    send_from_directory,
    url_for,
)
from flask.sessions import SessionInterface
from flask_babel import force_locale
from flask_babel import gettext as _
from jinja2.filters import do_truncate
from werkzeug.exceptions import HTTPException, TooManyRequests

from marketplace.accounts.access import public
from marketplace.associations.models import Mission
from marketplace.commit import attempt
from marketplace.domain import NotFound
from marketplace.errors import MESSAGES
from marketplace.extensions import db, limiter
from marketplace.models_base import utcnow
from marketplace.reference.vocabularies import DOMAINS, label_for
from marketplace.text import plain_text
from marketplace.widgets import page_cache, services
from marketplace.widgets.feed import Feed, FeedEntry, atom_xml
from marketplace.widgets.models import Widget
from marketplace.widgets.rendering import colour_style, embeddable_csp, frame_ancestors, render_page

bp = Blueprint("widget", __name__)


def _page_limit() -> str:
    return current_app.config["WIDGET_RATE_LIMIT"]


def _click_limit() -> str:
    return current_app.config["WIDGET_CLICK_RATE_LIMIT"]


class NoCookieForWidgets(SessionInterface):
    """The app's session interface, except that responses of this blueprint never save a session."""

    def __init__(self, inner: SessionInterface) -> None:
        self.inner = inner

    def __getattr__(self, name: str):
        return getattr(self.inner, name)

    def open_session(self, app, request):
        return self.inner.open_session(app, request)

    def make_null_session(self, app):
        return self.inner.make_null_session(app)

    def is_null_session(self, obj) -> bool:
        return self.inner.is_null_session(obj)

    def save_session(self, app, session, response) -> None:
        if request.blueprint == bp.name:
            return  # no Set-Cookie (nor Vary: Cookie), whatever a view or template did
        self.inner.save_session(app, session, response)


@bp.record_once
def _install_session_guard(state) -> None:
    if not isinstance(state.app.session_interface, NoCookieForWidgets):
        state.app.session_interface = NoCookieForWidgets(state.app.session_interface)


@bp.errorhandler(HTTPException)
def plain_error(error: HTTPException):
    """A bare error page: the site's error page carries forms (CSRF tokens) that need a session."""
    title, message = MESSAGES.get(error.code or 500, MESSAGES[500])
    response = make_response(render_template("widgets/error.html", title=title, message=message), error.code)
    if isinstance(error, TooManyRequests) and error.retry_after:
        response.headers["Retry-After"] = str(error.retry_after)
    return response


def _widget_or_404(public_id: str) -> Widget:
    try:
        return services.widget_by_public_id(public_id)
    except NotFound:
        abort(404)


@bp.route("/widget.js")
@public
def loader():
    """The embed loader, at a short stable address for the snippet."""
    response = send_from_directory(current_app.static_folder, "js/widget.js", max_age=3600)
    response.headers["Content-Type"] = "text/javascript; charset=utf-8"
    return response


@dataclass(frozen=True)
class _RenderedPage:
    """What a widget page view needs, cached whole so that a cached view reads no database row."""

    widget_id: int
    html: str
    status: int
    csp: str


def _render_for(public_id: str, q: str, page: str) -> _RenderedPage | None:
    widget = services.find_widget(public_id)
    if widget is None:
        return None
    html, status = render_page(widget, q=q, page=page)
    return _RenderedPage(
        widget.id, html, status, embeddable_csp(frame_ancestors(widget), colour_style(widget))
    )


@bp.route("/widget/<public_id>")
@public
@limiter.limit(_page_limit)
def page(public_id: str):
    """The widget; each worker keeps a rendered page ``WIDGET_CACHE_SECONDS`` (a saved change of the
    widget empties the saving worker's cache, the others follow within that delay)."""
    q = (request.args.get("q") or "").strip()
    page_number = (request.args.get("page") or "").strip()
    rendered = page_cache.get_or_make(
        ("page", public_id, q, page_number),
        current_app.config["WIDGET_CACHE_SECONDS"],
        lambda: _render_for(public_id, q, page_number),
    )
    if rendered is None:
        abort(404)
    # The configurator shows the saved widget with ?apercu=1: its views are not visitors.
    if not request.args.get("apercu") and not page_number and not q:
        write_every = current_app.config["WIDGET_STATS_WRITE_SECONDS"]
        with attempt():  # no round trip when the impression stayed in the buffer
            services.record_impression(rendered.widget_id, request.user_agent.string, write_every=write_every)
    response = make_response(rendered.html, rendered.status)
    response.headers["Content-Security-Policy"] = rendered.csp
    # Browsers and proxies must come back: each display is counted by the server.
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/widget/<public_id>/go/<int:mission_id>")
@public
@limiter.limit(_click_limit)
def go(public_id: str, mission_id: int):
    """Count the "apply" click, then open the mission tagged with the widget."""
    widget = _widget_or_404(public_id)
    mission = db.session.get(Mission, mission_id)
    if mission is None or not mission.is_listed:
        abort(404)
    with attempt():
        services.record_click(widget, request.user_agent.string)
    return redirect(url_for("main.mission", mission_id=mission.id, widget=widget.public_id))


@bp.route("/widget/<public_id>/atom.xml")
@public
@limiter.limit(_page_limit)
def feed(public_id: str):
    widget = _widget_or_404(public_id)
    key = ("atom", widget.public_id, widget.updated_at)
    xml = page_cache.get_or_make(key, current_app.config["WIDGET_CACHE_SECONDS"], lambda: _feed_xml(widget))
    response = make_response(xml)
    response.headers["Content-Type"] = "application/atom+xml; charset=utf-8"
    response.headers["Cache-Control"] = "public, max-age=300"
    return response


def _feed_xml(widget: Widget) -> bytes:
    with force_locale(widget.language):
        missions = services.feed_missions(widget)
        newest = (mission.published_at or mission.updated_at for mission in missions)
        feed = Feed(
            id=url_for("widget.feed", public_id=widget.public_id, _external=True),
            page=url_for("widget.page", public_id=widget.public_id, _external=True),
            title=f"{_('Volunteer missions')} · {widget.network.name}",
            author=widget.network.name,
            language=widget.language,
            updated=max(newest, default=widget.updated_at or utcnow()),
        )
        return atom_xml(feed, [_feed_entry(widget, mission) for mission in missions])


def _feed_entry(widget: Widget, mission: Mission) -> FeedEntry:
    where = _("Remote") if mission.remote else f"{mission.city} ({mission.postcode})"
    # The same cut as the page's: Jinja's truncate filter (400 characters, at a word).
    description = do_truncate(current_app.jinja_env, plain_text(mission.description), 400)
    return FeedEntry(
        id=url_for("main.mission", mission_id=mission.id, _external=True),
        title=mission.title,
        updated=mission.published_at or mission.updated_at,
        link=url_for("widget.go", public_id=widget.public_id, mission_id=mission.id, _external=True),
        author=mission.association.name,
        category=mission.domain,
        category_label=str(label_for(DOMAINS, mission.domain)),
        summary=f"{mission.association.name} · {where} — {description}",
    )
