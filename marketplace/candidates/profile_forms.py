"""The volunteer's profile form. It only converts types: every rule lives in ``profile.profile_problems``."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, SelectField, SelectMultipleField, StringField, TextAreaField

from marketplace.candidates.profile import (
    AVOID_CONTEXT_CHOICES,
    MAX_ABOUT,
    MAX_FIRST_NAME,
    RADIUS_CHOICES_KM,
    ProfileData,
    split_skills,
)
from marketplace.reference.vocabularies import AGE_RANGES, DOMAINS, MISSION_KINDS, SLOTS


def _whole_number_or_none(value: Any) -> int | None:
    """The select's value as an int; anything else becomes None, which the service refuses."""
    if value is None or isinstance(value, int):
        return value
    try:
        return int(str(value).strip())
    except ValueError:
        return None


class ProfileForm(FlaskForm):
    first_name = StringField(
        _l("First name"),
        render_kw={"autocomplete": "given-name", "maxlength": MAX_FIRST_NAME},
    )
    age_range = SelectField(
        _l("Age range"),
        choices=[("", _l("Choose…"))] + [(value, value) for value in AGE_RANGES],
        validate_choice=False,
        description=_l("We never ask for your date of birth. You must be at least 16."),
    )
    place = StringField(
        _l("Postcode or commune"),
        description=_l("For example 69100 or Villeurbanne. Leave empty if you only want remote missions."),
        render_kw={"autocomplete": "postal-code", "spellcheck": "false"},
    )
    radius_km = SelectField(
        _l("How far can you go?"),
        choices=[(km, _l("%(km)d km", km=km)) for km in RADIUS_CHOICES_KM],
        coerce=_whole_number_or_none,
        validate_choice=False,
    )
    remote_ok = BooleanField(_l("Remote missions too"))
    slots = SelectMultipleField(_l("When are you available?"), choices=list(SLOTS), validate_choice=False)
    flexible = BooleanField(_l("I'm flexible: my availability changes from week to week"))
    domains = SelectMultipleField(
        _l("Causes that move you"),
        choices=[(choice.slug, choice.label) for choice in DOMAINS],
        validate_choice=False,
    )
    wanted_kinds = SelectMultipleField(
        _l("Kinds of mission you want"),
        choices=[(choice.slug, choice.label) for choice in MISSION_KINDS],
        validate_choice=False,
    )
    avoid_contexts = SelectMultipleField(
        _l("Situations you would rather avoid"),
        choices=[(choice.slug, choice.label) for choice in AVOID_CONTEXT_CHOICES],
        validate_choice=False,
    )
    avoid_kinds = SelectMultipleField(
        _l("Kinds of mission you do not want"),
        choices=[(choice.slug, choice.label) for choice in MISSION_KINDS],
        validate_choice=False,
    )
    avoid_domains = SelectMultipleField(
        _l("Causes you do not want"),
        choices=[(choice.slug, choice.label) for choice in DOMAINS],
        validate_choice=False,
    )
    skills = StringField(
        _l("Your skills"),
        description=_l("Separate them with commas, for example: cooking, driving licence, Excel."),
        render_kw={"autocomplete": "off"},
    )
    about = TextAreaField(
        _l("About you"),
        description=_l(
            "A few words for the associations: what you like, what you would like to learn. "
            "At most %(n)d characters.",
            n=MAX_ABOUT,
        ),
        render_kw={"rows": 5, "maxlength": MAX_ABOUT},
    )
    visible_to_associations = BooleanField(_l("Associations may see my profile"))

    def fill_from(self, data: ProfileData) -> None:
        """Show a saved profile (GET only: a rejected submission keeps what was typed)."""
        for name in (
            "first_name",
            "age_range",
            "place",
            "radius_km",
            "remote_ok",
            "slots",
            "flexible",
            "domains",
            "wanted_kinds",
            "avoid_contexts",
            "avoid_kinds",
            "avoid_domains",
            "about",
            "visible_to_associations",
        ):
            self[name].data = getattr(data, name)
        self.skills.data = ", ".join(data.skills)
        self.offer_radius(data.radius_km)

    def offer_radius(self, radius_km: int | None) -> None:
        """Keep a saved distance that is not one of the usual choices selectable."""
        values = [value for value, _label in self.radius_km.choices]
        if radius_km is not None and radius_km not in values:
            self.radius_km.choices = sorted(
                [*self.radius_km.choices, (radius_km, _l("%(km)d km", km=radius_km))], key=lambda c: c[0]
            )

    def to_data(self) -> ProfileData:
        return ProfileData(
            first_name=self.first_name.data or "",
            age_range=self.age_range.data or "",
            place=self.place.data or "",
            radius_km=self.radius_km.data,
            remote_ok=bool(self.remote_ok.data),
            slots=list(self.slots.data or []),
            flexible=bool(self.flexible.data),
            domains=list(self.domains.data or []),
            skills=split_skills(self.skills.data),
            wanted_kinds=list(self.wanted_kinds.data or []),
            about=self.about.data or "",
            visible_to_associations=bool(self.visible_to_associations.data),
            avoid_domains=list(self.avoid_domains.data or []),
            avoid_kinds=list(self.avoid_kinds.data or []),
            avoid_contexts=list(self.avoid_contexts.data or []),
        )
