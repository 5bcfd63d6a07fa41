"""Remember which widget brought a visitor to a mission until they apply (kept in the session).

The widget page itself never writes a cookie: the tag arrives as ``?widget=<public id>`` on the
mission page, which is an ordinary Tremplin page, and is stored there.
"""

from __future__ import annotations

from flask import session
from sqlalchemy import select

from marketplace.extensions import db
from marketplace.widgets.models import Widget

SESSION_KEY = "widget_tags"
MAX_TAGS = 20  # a visitor browsing many widget links keeps the latest ones only


def remember_widget_tag(public_id: str | None, mission_id: int) -> None:
    """Keep the widget's tag for this mission when the widget exists."""
    if not public_id or len(public_id) > 32:
        return
    widget_id = db.session.scalar(select(Widget.id).where(Widget.public_id == public_id))
    if widget_id is None:
        return
    tags = {
        key: value for key, value in dict(session.get(SESSION_KEY) or {}).items() if key != str(mission_id)
    }
    tags[str(mission_id)] = widget_id
    session[SESSION_KEY] = dict(list(tags.items())[-MAX_TAGS:])


def widget_tag_for(mission_id: int) -> int | None:
    """The id of the widget that brought the visitor to this mission, if it still exists."""
    widget_id = (session.get(SESSION_KEY) or {}).get(str(mission_id))
    if not isinstance(widget_id, int):
        return None
    return db.session.scalar(select(Widget.id).where(Widget.id == widget_id))


def forget_widget_tag(mission_id: int) -> None:
    """Once the application is made, the tag has done its job."""
    tags = dict(session.get(SESSION_KEY) or {})
    if tags.pop(str(mission_id), None) is not None:
        session[SESSION_KEY] = tags
