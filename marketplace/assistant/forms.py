"""The accompaniment form. Its rules live in the service (checked once, shown on each field)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, RadioField, StringField, TelField

from marketplace.assistant.texts import CALL_TIMES


def _strip(value: str | None) -> str | None:
    return value.strip() if isinstance(value, str) else value


class AccompanimentForm(FlaskForm):
    first_name = StringField(
        _l("Your first name"), filters=[_strip], render_kw={"autocomplete": "given-name", "maxlength": 80}
    )
    phone = TelField(
        _l("Your phone number"),
        filters=[_strip],
        description=_l("We call you: it is the simplest way."),
        render_kw={"autocomplete": "tel", "inputmode": "tel", "maxlength": 20},
    )
    email = EmailField(
        _l("Your email address"),
        filters=[_strip],
        description=_l("If you prefer, or as well as the phone."),
        render_kw={"autocomplete": "email", "maxlength": 254},
    )
    call_time = RadioField(
        _l("A good time to call you"),
        choices=[(choice.slug, choice.label) for choice in CALL_TIMES],
        default="anytime",
        validate_choice=False,  # the service says which choices exist, in French
    )
    postcode = StringField(
        _l("Your postcode"),
        filters=[_strip],
        description=_l("So that the team nearest to you calls you back."),
        render_kw={"autocomplete": "postal-code", "inputmode": "numeric", "maxlength": 5},
    )
    consent = BooleanField(
        _l("I agree that Tremplin and the local team keep these details to call me back about volunteering.")
    )
