"""Which optional e-mails a person receives, and the signed one-click links that turn one off.

Messages about an application, an account or a decision are not optional; these are. An
unsubscribe link names one person and one category, is signed with the app's secret (salt of its
own) and needs no password: the link is the credential, and it can only turn a category off.
"""

from __future__ import annotations

from flask import current_app, url_for
from flask_babel import lazy_gettext as _l
from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy import delete, select

from marketplace.accounts.models import User
from marketplace.extensions import db
from marketplace.notifications.models import EmailOptOut

# Category -> what the person reads on the preferences page.
CATEGORIES = {
    "reminders": _l("Reminders before a mission I am expected at"),
    "alerts": _l("New missions matching my saved searches"),
    "digests": _l("Association digest: applications waiting, missions short of volunteers"),
}
_SALT = "tremplin-unsubscribe"


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt=_SALT)


def opted_out(user: User) -> set[str]:
    return set(db.session.scalars(select(EmailOptOut.category).where(EmailOptOut.user_id == user.id)))


def wants(user: User, category: str) -> bool:
    return category not in opted_out(user)


def users_opted_out(category: str) -> set[int]:
    """Everyone who turned ``category`` off (one query for a whole run)."""
    return set(db.session.scalars(select(EmailOptOut.user_id).where(EmailOptOut.category == category)))


def set_received(user: User, received: set[str]) -> None:
    """Keep exactly ``received`` of the categories on; the others off."""
    unknown = received - set(CATEGORIES)
    if unknown:
        raise ValueError(f"unknown e-mail categories: {sorted(unknown)}")
    db.session.execute(delete(EmailOptOut).where(EmailOptOut.user_id == user.id))
    for category in sorted(set(CATEGORIES) - received):
        db.session.add(EmailOptOut(user_id=user.id, category=category))


def turn_off(user: User, category: str) -> None:
    if category in CATEGORIES and wants(user, category):
        db.session.add(EmailOptOut(user_id=user.id, category=category))


def unsubscribe_token(user: User, category: str) -> str:
    return _serializer().dumps([user.id, category])


def unsubscribe_url(user: User, category: str) -> str:
    return url_for("preferences.unsubscribe", token=unsubscribe_token(user, category), _external=True)


def read_unsubscribe_token(token: str) -> tuple[User, str] | None:
    """The person and category a link names, or None when it was not signed here."""
    try:
        user_id, category = _serializer().loads(token)
    except (BadSignature, ValueError, TypeError):
        return None
    user = db.session.get(User, user_id) if isinstance(user_id, int) else None
    if user is None or category not in CATEGORIES or getattr(user, "erased_at", None) is not None:
        return None
    return user, category
