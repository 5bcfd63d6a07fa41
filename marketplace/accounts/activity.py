"""The last day each person used the site, written at most once a day per account.

Inactivity (warning after 3 years, then anonymisation: ``privacy.inactivity``) is counted from
``users.last_seen_at``. Writing it on every request would turn every page view into a write;
instead the signed-in user's row, already loaded for the request, is compared with today, and
only the first request of a day writes one UPDATE, on its own short transaction so that it does
not depend on (nor commit) whatever the view does. A visit also clears an inactivity warning.
"""

from __future__ import annotations

import logging
from datetime import datetime

from flask import Flask, Response, g
from sqlalchemy import update
from sqlalchemy.orm.attributes import set_committed_value

from marketplace.accounts.models import User
from marketplace.extensions import db
from marketplace.models_base import utcnow

log = logging.getLogger(__name__)


def seen_today(user: User, now: datetime) -> bool:
    return (
        user.last_seen_at is not None
        and user.last_seen_at.date() == now.date()
        and user.inactivity_warned_at is None
    )


def touch_last_seen(user: User, *, now: datetime | None = None) -> bool:
    """Record today's visit once; True when a row was written."""
    now = now or utcnow()
    if seen_today(user, now):
        return False
    try:
        with db.engine.begin() as connection:
            connection.execute(
                update(User).where(User.id == user.id).values(last_seen_at=now, inactivity_warned_at=None)
            )
    except Exception:  # a busy database must not cost the visitor their page
        log.warning("could not record the visit of user %s", user.id, exc_info=True)
        return False
    set_committed_value(user, "last_seen_at", now)
    set_committed_value(user, "inactivity_warned_at", None)
    return True


def init_activity(app: Flask) -> None:
    @app.after_request
    def remember_visit(response: Response) -> Response:
        # Only when the request loaded the user anyway (every HTML page does): loading it here
        # would touch the session of cookie-free, cacheable answers (autocompletion, API).
        user = g.get("_login_user")
        if user is not None and user.is_authenticated:
            touch_last_seen(user)
        return response
