"""Account forms. Field errors are shown next to their field; rules live in services too."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, HiddenField, PasswordField, SelectField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, Length, Optional, ValidationError

from marketplace.accounts.validation import (
    MIN_PASSWORD_LENGTH,
    password_problem,
    postcode_problem,
    rna_problem,
    siren_problem,
    website_problem,
)
from marketplace.reference.vocabularies import AGE_RANGES, MINIMUM_AGE

REQUIRED = _l("This field is required.")


def _strip(value: str | None) -> str | None:
    return value.strip() if isinstance(value, str) else value


def _email_field(label: object = _l("Email address")) -> EmailField:
    return EmailField(
        label,
        validators=[
            DataRequired(message=REQUIRED),
            Email(message=_l("Enter a valid email address, like nom@exemple.fr.")),
            Length(max=254),
        ],
        filters=[_strip],
        render_kw={"autocomplete": "email"},
    )


def _new_password_field(label: object = _l("Password")) -> PasswordField:
    return PasswordField(
        label,
        validators=[DataRequired(message=REQUIRED)],
        description=_l("At least %(n)d characters.", n=MIN_PASSWORD_LENGTH),
        render_kw={"autocomplete": "new-password", "minlength": MIN_PASSWORD_LENGTH},
    )


def _confirm_field(other: str) -> PasswordField:
    return PasswordField(
        _l("Confirm the password"),
        validators=[
            DataRequired(message=REQUIRED),
            EqualTo(other, message=_l("The two passwords do not match.")),
        ],
        render_kw={"autocomplete": "new-password"},
    )


class StrongPassword:
    """Validator wrapping the shared password rules (the service checks them again)."""

    def __init__(self, email_field: str | None = "email"):
        self.email_field = email_field

    def __call__(self, form: FlaskForm, field) -> None:
        email = form[self.email_field].data if self.email_field and self.email_field in form else ""
        first_name = form["first_name"].data if "first_name" in form else ""
        problem = password_problem(field.data or "", email=email or "", first_name=first_name or "")
        if problem:
            raise ValidationError(str(problem))


def _validate_postcode(form: FlaskForm, field) -> None:
    if field.data and (problem := postcode_problem(field.data)):
        raise ValidationError(str(problem))


class LoginForm(FlaskForm):
    email = _email_field()
    password = PasswordField(
        _l("Password"),
        validators=[DataRequired(message=REQUIRED)],
        render_kw={"autocomplete": "current-password"},
    )
    remember = BooleanField(_l("Stay signed in on this device"))
    next = HiddenField()


class CandidateSignupForm(FlaskForm):
    first_name = StringField(
        _l("First name"),
        validators=[DataRequired(message=REQUIRED), Length(max=80)],
        render_kw={"autocomplete": "given-name"},
    )
    email = _email_field()
    age_range = SelectField(
        _l("Age range"),
        choices=[("", _l("Choose…"))] + [(value, value) for value in AGE_RANGES],
        validators=[DataRequired(message=_l("Choose your age range."))],
        description=_l("We never ask for your date of birth. You must be at least %(n)d.", n=MINIMUM_AGE),
    )
    postcode = StringField(
        _l("Postcode (optional)"),
        validators=[Optional(), _validate_postcode],
        description=_l("To suggest missions near you."),
        render_kw={"autocomplete": "postal-code", "inputmode": "numeric", "maxlength": 5},
    )
    password = _new_password_field()
    confirm = _confirm_field("password")
    accept_terms = BooleanField(
        _l("I accept the terms of use and the privacy policy"),
        validators=[DataRequired(message=_l("You must accept the terms of use to sign up."))],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.password.validators = [*self.password.validators, StrongPassword()]


class AssociationSignupForm(FlaskForm):
    association_name = StringField(
        _l("Name of the association"),
        validators=[DataRequired(message=REQUIRED), Length(min=2, max=160)],
        render_kw={"autocomplete": "organization"},
    )
    city = StringField(
        _l("City"),
        validators=[DataRequired(message=REQUIRED), Length(max=120)],
        render_kw={"autocomplete": "address-level2"},
    )
    postcode = StringField(
        _l("Postcode"),
        validators=[DataRequired(message=REQUIRED), _validate_postcode],
        render_kw={"autocomplete": "postal-code", "inputmode": "numeric", "maxlength": 5},
    )
    siren = StringField(
        _l("SIREN number (optional)"),
        validators=[Optional()],
        description=_l("9 digits, found on your INSEE registration."),
        render_kw={"inputmode": "numeric"},
    )
    rna = StringField(
        _l("RNA number (optional)"),
        validators=[Optional()],
        description=_l("W followed by 9 digits, found on your prefecture receipt."),
    )
    website = StringField(
        _l("Website (optional)"),
        validators=[Optional()],
        render_kw={"autocomplete": "url", "placeholder": "https://"},
    )
    first_name = StringField(
        _l("Your first name"),
        validators=[DataRequired(message=REQUIRED), Length(max=80)],
        render_kw={"autocomplete": "given-name"},
    )
    email = _email_field(_l("Your email address"))
    password = _new_password_field()
    confirm = _confirm_field("password")
    accept_terms = BooleanField(
        _l("I accept the terms of use and the privacy policy"),
        validators=[DataRequired(message=_l("You must accept the terms of use to sign up."))],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.password.validators = [*self.password.validators, StrongPassword()]

    def validate_siren(self, field) -> None:
        if field.data and (problem := siren_problem(field.data)):
            raise ValidationError(str(problem))

    def validate_rna(self, field) -> None:
        if field.data and (problem := rna_problem(field.data)):
            raise ValidationError(str(problem))

    def validate_website(self, field) -> None:
        if field.data and (problem := website_problem(field.data)):
            raise ValidationError(str(problem))


class ForgotPasswordForm(FlaskForm):
    email = _email_field()


class ResetPasswordForm(FlaskForm):
    password = _new_password_field(_l("New password"))
    confirm = _confirm_field("password")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.password.validators = [*self.password.validators, StrongPassword(email_field=None)]


class ChangePasswordForm(FlaskForm):
    current_password = PasswordField(
        _l("Current password"),
        validators=[DataRequired(message=REQUIRED)],
        render_kw={"autocomplete": "current-password"},
    )
    new_password = _new_password_field(_l("New password"))
    confirm = _confirm_field("new_password")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.new_password.validators = [*self.new_password.validators, StrongPassword(email_field=None)]


class ChangeEmailForm(FlaskForm):
    email = _email_field(_l("New email address"))
    password = PasswordField(
        _l("Current password"),
        validators=[DataRequired(message=REQUIRED)],
        description=_l("To make sure it is you."),
        render_kw={"autocomplete": "current-password"},
    )


class ResendForm(FlaskForm):
    """« Send the link again »: only the CSRF token, and where to come back."""

    next = HiddenField()


class LanguageForm(FlaskForm):
    language = HiddenField(validators=[DataRequired()])
    next = HiddenField()
