"""The one form of the volunteer's attestations: the full name to print."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.validators import DataRequired, Length

from marketplace.attestations.services import MAX_NAME, MIN_NAME


class AttestationForm(FlaskForm):
    full_name = StringField(
        _l("Your full name, as it should appear on the certificate"),
        validators=[DataRequired(), Length(min=MIN_NAME, max=MAX_NAME)],
        filters=[lambda value: " ".join(value.split()) if value else value],
    )
