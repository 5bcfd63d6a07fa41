"""How long a sign-in lasts, and which responses no cache may keep (issue 13, finding 13).

- A session left idle for ``SESSION_IDLE_MINUTES`` (120 by default) is over: the next request is
  anonymous and says why. Someone who ticked « Se souvenir de moi » is signed back in by the
  remember-me cookie (``REMEMBER_COOKIE_DAYS``, 30 by default): that is what they asked for.
- A response whose body depends on the session (any page of a signed-in person, a form carrying a
  CSRF token, a flashed message) is sent with ``Cache-Control: no-store``, so neither a shared
  computer's browser cache nor a proxy keeps it. Responses that declare themselves ``public``
  (the API, widget feeds, static files) keep their own header.
- Production sends ``Strict-Transport-Security`` (``HSTS_SECONDS``).
"""

from __future__ import annotations

import time

from flask import Flask, Response, current_app, flash, g, request, session
from flask_babel import gettext as _

SEEN_KEY = "_seen"
SEEN_RESOLUTION = 60  # seconds: the cookie is not rewritten more often than this for the timestamp
# Flask-Login's keys: removing them signs the person out of this session only.
SIGNED_IN_KEYS = ("_user_id", "_fresh", "_id", "_remember_seconds")


def now() -> float:
    """The clock (tests freeze it)."""
    return time.time()


def _idle_limit() -> float:
    return float(current_app.config["SESSION_IDLE_MINUTES"]) * 60


def end_idle_session() -> None:
    """before_request: forget the signed-in user of a session idle for too long."""
    if "_user_id" not in session:
        return
    seen = session.get(SEEN_KEY)
    if not isinstance(seen, int | float) or now() - seen <= _idle_limit():
        return
    for key in (*SIGNED_IN_KEYS, SEEN_KEY):
        session.pop(key, None)
    g.pop("_login_user", None)
    minutes = int(current_app.config["SESSION_IDLE_MINUTES"])
    flash(
        _("You were signed out after %(minutes)d minutes without activity: sign in again.", minutes=minutes),
        "info",
    )


def stamp_activity(response: Response) -> Response:
    """after_request: remember when a signed-in session was last used (also right after signing in)."""
    if response.cache_control.public:
        return response  # a public answer must not set a cookie (shared caches would keep it)
    if not (session.modified or _has_session_cookie()) or "_user_id" not in session:
        return response
    current = now()
    seen = session.get(SEEN_KEY)
    if not isinstance(seen, int | float) or current - seen >= SEEN_RESOLUTION:
        session[SEEN_KEY] = int(current)
    return response


def _has_session_cookie() -> bool:
    names = (current_app.config["SESSION_COOKIE_NAME"], current_app.config["REMEMBER_COOKIE_NAME"])
    return any(name in request.cookies for name in names)


def mark_private_responses(response: Response) -> Response:
    """``no-store`` for every response that depends on the session, unless it is declared public."""
    cache = response.cache_control
    if cache.public or cache.no_store or request.endpoint == "static":
        return response  # a view's own choice (public answers, or already private and no-store)
    if session.accessed or session.modified or _has_session_cookie():
        response.headers["Cache-Control"] = "no-store"
        response.vary.add("Cookie")
    return response


def add_hsts(response: Response) -> Response:
    seconds = int(current_app.config.get("HSTS_SECONDS") or 0)
    if seconds > 0:
        response.headers.setdefault("Strict-Transport-Security", f"max-age={seconds}; includeSubDomains")
    return response


def init_sessions(app: Flask) -> None:
    """Register the idle timeout first (before access checks load the user), then the headers."""
    app.config.setdefault("REMEMBER_COOKIE_NAME", "remember_token")
    app.before_request(end_idle_session)
    # after_request functions run last-registered first: the privacy check sees the view's own
    # use of the session before stamp_activity reads it.
    app.after_request(stamp_activity)
    app.after_request(add_hsts)
    app.after_request(mark_private_responses)
