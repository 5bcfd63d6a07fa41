"""Registering a feed, and the sync button."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.validators import DataRequired, Length


class FeedForm(FlaskForm):
    name = StringField(_l("Name"), validators=[Length(max=160)])
    url = StringField(
        _l("Feed address"),
        validators=[DataRequired(), Length(max=500)],
        description=_l("The https:// address of an API Engagement XML feed (a <source> of <mission>s)."),
    )


class ButtonForm(FlaskForm):
    """A button and its CSRF token."""
