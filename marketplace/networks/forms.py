"""Forms of the network space and of the association's network page: buttons with their CSRF token."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField


class ButtonForm(FlaskForm):
    """Ask to join, accept or refuse: a button and its CSRF token."""


class AttachForm(FlaskForm):
    association_id = SelectField(_l("Association"), coerce=int, validate_choice=False)
