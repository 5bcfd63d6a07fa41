"""Forms of the API keys page."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField, StringField
from wtforms.validators import DataRequired, Length

from marketplace.accounts.forms import REQUIRED
from marketplace.apikeys.services import MAX_NAME

SITE_WIDE = "site"


class NewKeyForm(FlaskForm):
    name = StringField(
        _l("Name of the key"),
        description=_l("Who uses it, for example « Site de la mairie de Villeurbanne »."),
        validators=[DataRequired(message=REQUIRED), Length(max=MAX_NAME)],
    )
    owner = SelectField(_l("Owner"), coerce=str, choices=[])

    def offer_owners(self, networks, *, site_wide: bool) -> None:
        """The networks the user manages, and site-wide for site admins."""
        choices = [(SITE_WIDE, _l("All of Tremplin (site-wide)"))] if site_wide else []
        self.owner.choices = choices + [(str(network.id), network.name) for network in networks]

    @property
    def network_id(self) -> int | None:
        return None if self.owner.data == SITE_WIDE else int(self.owner.data)


class RevokeKeyForm(FlaskForm):
    """Only the CSRF token: the key is in the URL."""
