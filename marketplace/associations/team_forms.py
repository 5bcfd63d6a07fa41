"""Forms of the team pages, the invitation page and the mission import."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import BooleanField, EmailField, HiddenField, PasswordField, SelectField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, Length

from marketplace.accounts.forms import REQUIRED, StrongPassword
from marketplace.accounts.validation import MIN_PASSWORD_LENGTH
from marketplace.associations.team import INVITATION_VALID_DAYS


def _strip(value: str | None) -> str | None:
    return value.strip() if isinstance(value, str) else value


class InviteForm(FlaskForm):
    email = EmailField(
        _l("Email address"),
        validators=[
            DataRequired(message=REQUIRED),
            Email(message=_l("Enter a valid email address, like nom@exemple.fr.")),
            Length(max=254),
        ],
        filters=[_strip],
        description=_l("We send this person a link valid for %(days)d days.", days=INVITATION_VALID_DAYS),
        render_kw={"autocomplete": "off"},
    )
    association_id = HiddenField()


class TeamActionForm(FlaskForm):
    """Remove a member or cancel an invitation: a button, its CSRF token and the association."""

    association_id = HiddenField()


class JoinForm(FlaskForm):
    """The signed-in invitee's "join" button."""


class MemberSignupForm(FlaskForm):
    first_name = StringField(
        _l("First name"),
        validators=[DataRequired(message=REQUIRED), Length(max=80)],
        filters=[_strip],
        render_kw={"autocomplete": "given-name"},
    )
    password = PasswordField(
        _l("Password"),
        validators=[DataRequired(message=REQUIRED), StrongPassword(email_field=None)],
        description=_l("At least %(n)d characters.", n=MIN_PASSWORD_LENGTH),
        render_kw={"autocomplete": "new-password", "minlength": MIN_PASSWORD_LENGTH},
    )
    confirm = PasswordField(
        _l("Confirm the password"),
        validators=[
            DataRequired(message=REQUIRED),
            EqualTo("password", message=_l("The two passwords do not match.")),
        ],
        render_kw={"autocomplete": "new-password"},
    )
    accept_terms = BooleanField(
        _l("I accept the terms of use and the privacy policy"),
        validators=[DataRequired(message=_l("You must accept the terms of use to sign up."))],
    )


class ImportForm(FlaskForm):
    file = FileField(
        _l("File of missions"),
        validators=[FileRequired(message=_l("Choose a file to import."))],
        description=_l("JSON Lines (.jsonl) or CSV (.csv), at most 2 MB."),
        render_kw={"accept": ".jsonl,.ndjson,.json,.csv,text/csv,application/json"},
    )
    format = SelectField(
        _l("Format"),
        choices=[("", _l("Guess from the file name")), ("jsonl", "JSON Lines"), ("csv", "CSV")],
        default="",
    )
    association_id = SelectField(_l("Association"), coerce=str, choices=[], validate_choice=False)
