"""Forms of the application pages: apply, decline, complete, write a message.

The services check every rule again; these only shape the input and keep what was typed.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DecimalField, HiddenField, RadioField, SelectField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from marketplace.accounts.forms import REQUIRED
from marketplace.candidates.applications import (
    DECLINE_REASON_LABELS,
    MAX_HOURS_DONE,
    MAX_MESSAGE,
    MAX_MOTIVATION,
    MIN_MOTIVATION,
)
from marketplace.once import OnceForm
from marketplace.reference.vocabularies import DECLINE_REASONS


def _strip(value: str | None) -> str | None:
    return value.strip() if isinstance(value, str) else value


class ApplyForm(OnceForm):
    """The motivation is optional unless the mission asks for one (see ``for_mission``)."""

    motivation = TextAreaField(
        _l("Your motivation"),
        validators=[Optional(), Length(max=MAX_MOTIVATION)],
        filters=[_strip],
        description=_l("A few words for the association: why this mission, what you would like to do."),
        render_kw={"rows": 5, "maxlength": MAX_MOTIVATION},
    )
    guardian_consent = BooleanField(
        _l("A parent or guardian agrees that I take part in this mission"),
        description=_l("You are 16 or 17: the association needs to know that a parent or guardian agrees."),
    )

    def require_motivation(self) -> None:
        """The mission asks for a motivation: the browser checks it too (the service decides)."""
        self.motivation.flags.required = True
        self.motivation.description = _l(
            "This association asks for a short motivation message (at least %(n)d characters).",
            n=MIN_MOTIVATION,
        )
        self.motivation.render_kw = {**self.motivation.render_kw, "minlength": MIN_MOTIVATION}


class WithdrawForm(FlaskForm):
    """The confirmation step of a withdrawal: sent only from the page that says what it means."""

    confirmed = HiddenField(default="yes")
    next = HiddenField()


class DeclineForm(FlaskForm):
    reason = SelectField(
        _l("Reason"),
        choices=[("", _l("Choose a reason"))]
        + [(slug, DECLINE_REASON_LABELS[slug]) for slug in DECLINE_REASONS],
        validators=[DataRequired(message=_l("Choose a reason."))],
        description=_l("The volunteer sees this reason: choose the one that is true."),
    )
    message = TextAreaField(
        _l("A word for the volunteer (optional)"),
        validators=[Optional(), Length(max=MAX_MESSAGE)],
        filters=[_strip],
        description=_l("It is added to your conversation with them."),
        render_kw={"rows": 3, "maxlength": MAX_MESSAGE},
    )
    next = HiddenField()


class CompleteForm(FlaskForm):
    hours_done = DecimalField(
        _l("Hours done"),
        places=1,
        validators=[
            InputRequired(message=REQUIRED),
            NumberRange(
                min=0, max=MAX_HOURS_DONE, message=_l("Between 0 and %(n)d hours.", n=MAX_HOURS_DONE)
            ),
        ],
        description=_l("In total, for this mission: it counts in the volunteer's pathway."),
        render_kw={"inputmode": "decimal", "min": 0, "max": MAX_HOURS_DONE, "step": "0.5"},
    )
    thanks = TextAreaField(
        _l("Your thanks to the volunteer"),
        validators=[Optional(), Length(max=1000)],
        filters=[_strip],
        description=_l("Sent with the confirmation; kept as your association's thanks for next time."),
        render_kw={"rows": 3},
    )
    next = HiddenField()


class FeedbackForm(FlaskForm):
    rating = RadioField(
        _l("How did it go?"),
        choices=[("5", _l("5 – very well")), ("4", "4"), ("3", "3"), ("2", "2"), ("1", _l("1 – badly"))],
        validators=[Optional()],
    )
    comment = TextAreaField(
        _l("A word for the association (optional)"),
        validators=[Optional(), Length(max=1000)],
        filters=[_strip],
        render_kw={"rows": 4},
    )


class VolunteerNoteForm(FlaskForm):
    note = TextAreaField(
        _l("A word about this volunteer"),
        validators=[Optional(), Length(max=1000)],
        filters=[_strip],
        description=_l("Private to your association's team: the volunteer does not see it."),
        render_kw={"rows": 3},
    )


class MessageForm(OnceForm):
    body = TextAreaField(
        _l("Your message"),
        validators=[DataRequired(message=_l("Write a message first.")), Length(max=MAX_MESSAGE)],
        filters=[_strip],
        render_kw={"rows": 4, "maxlength": MAX_MESSAGE},
    )


class ActionForm(FlaskForm):
    """A button with its CSRF token (review, accept, withdraw) and where to go back."""

    next = HiddenField()
