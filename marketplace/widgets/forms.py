"""The widget configurator's form: it only converts types; ``services.apply_settings`` checks the rules."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, RadioField, SelectMultipleField, StringField, TextAreaField
from wtforms.validators import Optional

from marketplace.associations.forms import WholeNumberField
from marketplace.reference.vocabularies import DOMAINS, MISSION_KINDS
from marketplace.widgets.services import WidgetSettings


def _strip(value):
    return value.strip() if isinstance(value, str) else value


class WidgetForm(FlaskForm):
    name = StringField(
        _l("Name of the widget"),
        filters=[_strip],
        description=_l("For you only, e.g. “Home page of our website”."),
        render_kw={"maxlength": 120},
    )
    domains = SelectMultipleField(
        _l("Causes"), choices=[(choice.slug, choice.label) for choice in DOMAINS], validate_choice=True
    )
    kinds = SelectMultipleField(
        _l("Kinds of mission"),
        choices=[(choice.slug, choice.label) for choice in MISSION_KINDS],
        validate_choice=True,
    )
    territory = RadioField(
        _l("Where"),
        choices=[("network", _l("The network's territory")), ("radius", _l("Around a postcode"))],
        default="network",
        validate_choice=False,
    )
    postcode = StringField(
        _l("Postcode"), filters=[_strip], render_kw={"inputmode": "numeric", "maxlength": 5, "size": 6}
    )
    radius_km = WholeNumberField(
        _l("Distance (km)"),
        validators=[Optional()],
        default=20,
        render_kw={"inputmode": "numeric", "size": 4},
    )
    members_only = BooleanField(_l("Only the network's member associations"))
    minors_only = BooleanField(_l("Only missions open to 16-17 year olds"))
    include_remote = BooleanField(_l("Include remote missions"), default=True)
    layout = RadioField(
        _l("Layout"),
        choices=[("list", _l("List")), ("grid", _l("Grid"))],
        default="list",
        validate_choice=False,
    )
    colour = StringField(
        _l("Main colour"),
        filters=[_strip],
        default="#000091",
        description=_l("As #RRGGBB. Choose a dark colour: white text is written on it."),
        render_kw={"type": "color"},
    )
    per_page = WholeNumberField(
        _l("Missions per page"),
        default=10,
        render_kw={"inputmode": "numeric", "min": 1, "max": 50, "size": 4},
    )
    language = RadioField(
        _l("Language"), choices=[("fr", "Français"), ("en", "English")], default="fr", validate_choice=False
    )
    allowed_origins = TextAreaField(
        _l("Sites allowed to show the widget (optional)"),
        description=_l("One address per line, e.g. https://www.maison-asso.fr. Empty: any site."),
        render_kw={"rows": 3},
    )

    def settings(self) -> WidgetSettings:
        return WidgetSettings(
            name=self.name.data or "",
            domains=list(self.domains.data or ()),
            kinds=list(self.kinds.data or ()),
            territory=self.territory.data or "",
            postcode=self.postcode.data or "",
            radius_km=self.radius_km.data,
            members_only=bool(self.members_only.data),
            minors_only=bool(self.minors_only.data),
            include_remote=bool(self.include_remote.data),
            layout=self.layout.data or "",
            colour=self.colour.data or "",
            per_page=self.per_page.data or 0,
            language=self.language.data or "",
            allowed_origins=self.allowed_origins.data or "",
        )


class DeleteWidgetForm(FlaskForm):
    """The delete button and its CSRF token."""
