"""The association profile form. It shapes input and keeps what was typed; the service decides."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import BooleanField, EmailField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from marketplace.accounts.forms import REQUIRED
from marketplace.accounts.validation import (
    MAX_WEBSITE_LENGTH,
    phone_problem,
    postcode_problem,
    rna_problem,
    siren_problem,
    website_problem,
)
from marketplace.associations.profile import MAX_ADDRESS, MAX_CITY, MAX_DESCRIPTION, ProfileData


def _strip(value: str | None) -> str | None:
    return value.strip() if isinstance(value, str) else value


def _check(problem_of):
    def validate(_form, field) -> None:
        if field.data and (problem := problem_of(field.data)):
            raise ValidationError(str(problem))

    return validate


class ProfileForm(FlaskForm):
    description = TextAreaField(
        _l("Presentation"),
        validators=[Optional(), Length(max=MAX_DESCRIPTION)],
        filters=[_strip],
        description=_l(
            "What your association does, for whom, and how volunteers are welcomed. "
            "Markdown: **bold**, *italic*, lists with -, links [text](https://...)."
        ),
        render_kw={"rows": 10, "maxlength": MAX_DESCRIPTION},
    )
    website = StringField(
        _l("Website (optional)"),
        validators=[Optional(), Length(max=MAX_WEBSITE_LENGTH), _check(website_problem)],
        filters=[_strip],
        render_kw={"autocomplete": "url", "placeholder": "https://", "inputmode": "url"},
    )
    address = StringField(
        _l("Street address (optional)"),
        validators=[Optional(), Length(max=MAX_ADDRESS)],
        filters=[_strip],
        description=_l("Shown on your public page, for instance where volunteers are welcomed."),
        render_kw={"autocomplete": "street-address"},
    )
    postcode = StringField(
        _l("Postcode"),
        validators=[DataRequired(message=REQUIRED), _check(postcode_problem)],
        filters=[_strip],
        render_kw={"autocomplete": "postal-code", "inputmode": "numeric", "maxlength": 5},
    )
    city = StringField(
        _l("City"),
        validators=[DataRequired(message=REQUIRED), Length(max=MAX_CITY)],
        filters=[_strip],
        render_kw={"autocomplete": "address-level2"},
    )
    contact_email = EmailField(
        _l("Contact email for volunteers (optional)"),
        validators=[Optional(), Length(max=254)],
        filters=[_strip],
        render_kw={"autocomplete": "email"},
    )
    contact_phone = StringField(
        _l("Contact phone for volunteers (optional)"),
        validators=[Optional(), _check(phone_problem)],
        filters=[_strip],
        render_kw={"autocomplete": "tel", "inputmode": "tel"},
    )
    contact_public = BooleanField(
        _l("Show this contact on our public page"),
        description=_l(
            "Unticked, only the volunteers you accepted see it (on their application and on this page)."
        ),
    )
    siren = StringField(
        _l("SIREN number"),
        validators=[Optional(), _check(siren_problem)],
        filters=[_strip],
        description=_l("9 digits, found on your INSEE registration."),
        render_kw={"inputmode": "numeric"},
    )
    rna = StringField(
        _l("RNA number"),
        validators=[Optional(), _check(rna_problem)],
        filters=[_strip],
        description=_l("W followed by 9 digits, found on your prefecture receipt."),
    )
    logo = FileField(
        _l("Logo (optional)"),
        description=_l(
            "PNG, JPEG, WebP or GIF, at most 2 MB. We resize it and remove its hidden data (place, camera)."
        ),
        render_kw={"accept": "image/png,image/jpeg,image/webp,image/gif"},
    )
    remove_logo = BooleanField(_l("Remove the current logo"))

    def data_for_service(self) -> ProfileData:
        return ProfileData(
            description=self.description.data or "",
            website=self.website.data or "",
            address=self.address.data or "",
            postcode=self.postcode.data or "",
            city=self.city.data or "",
            contact_email=self.contact_email.data or "",
            contact_phone=self.contact_phone.data or "",
            contact_public=bool(self.contact_public.data),
            siren=self.siren.data or "",
            rna=self.rna.data or "",
        )
