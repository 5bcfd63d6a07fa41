"""Forms of the verification pages: the association's request, the verifier's two decisions."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from marketplace.associations.verification import MAX_REASON


def _strip(value: str | None) -> str | None:
    return value.strip() if isinstance(value, str) else value


class RequestVerificationForm(FlaskForm):
    """Ask for verification: a button and its CSRF token."""


class VerifyForm(FlaskForm):
    reason = TextAreaField(
        _l("A word for the association (optional)"),
        validators=[Optional(), Length(max=MAX_REASON)],
        filters=[_strip],
        description=_l("For example how you checked its numbers."),
        render_kw={"rows": 2, "maxlength": MAX_REASON},
    )


class RefuseForm(FlaskForm):
    reason = TextAreaField(
        _l("Reason for refusing"),
        validators=[DataRequired(message=_l("Say why: the association reads it.")), Length(max=MAX_REASON)],
        filters=[_strip],
        description=_l(
            "The association reads it: say what to correct (a number that matches another name...)."
        ),
        render_kw={"rows": 3, "maxlength": MAX_REASON},
    )
