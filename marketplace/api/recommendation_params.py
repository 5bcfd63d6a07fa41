"""The answers of ``POST /api/v1/recommendations`` and the ``limit`` of both endpoints.

``RECOMMENDATION_SPEC`` and ``MY_RECOMMENDATIONS_SPEC`` say every field's type, default and
bounds; ``parse_answers`` and ``parse_limit`` read them, and so does the OpenAPI document
(``api.openapi``): what is documented is what is enforced (tests/test_api_bounds.py).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from marketplace.matching.types import CandidateFacts
from marketplace.param_spec import Param, Spec
from marketplace.reference.contexts import AVOIDABLE_CONTEXTS
from marketplace.reference.places import place_for
from marketplace.reference.slugs import AGE_RANGES, DOMAIN_SLUGS, MISSION_KIND_SLUGS, SLOTS
from marketplace.search.params import SEARCH_SPEC

_LIMIT = Param("limit", "integer", _l("How many suggestions."), default=10, minimum=1, maximum=50)
RECOMMENDATION_SPEC = Spec(
    (
        Param("age_range", "string", _l("The visitor's age range."), enum=AGE_RANGES, required=True),
        # Where: the same parameters as the search's (``/api/v1/missions``).
        SEARCH_SPEC["postcode"],
        SEARCH_SPEC["lat"],
        SEARCH_SPEC["lon"],
        Param(
            "radius_km",
            "number",
            _l("How far the visitor would travel, in km."),
            default=15,
            minimum=1,
            maximum=200,
        ),
        Param("remote_ok", "boolean", _l("Missions done remotely interest the visitor too."), default=False),
        Param("domains", "array", _l("Causes the visitor cares about."), enum=DOMAIN_SLUGS),
        Param(
            "skills",
            "array",
            _l("What the visitor knows how to do."),
            max_items=30,
            max_length=80,
        ),
        Param(
            "slots",
            "array",
            _l(
                "Weekly time slots the visitor is free. Unless flexible is true, missions at other "
                "times are left out of items (see other_times)."
            ),
            enum=SLOTS,
        ),
        Param(
            "flexible",
            "boolean",
            _l("The visitor's availability changes from week to week: slots are only a preference."),
            default=False,
        ),
        Param("kinds", "array", _l("Kinds of mission the visitor asks for."), enum=MISSION_KIND_SLUGS),
        Param(
            "avoid_domains",
            "array",
            _l("Causes the visitor does not want: never suggested. Not also in domains."),
            enum=DOMAIN_SLUGS,
        ),
        Param(
            "avoid_kinds",
            "array",
            _l("Kinds of mission the visitor does not want: never suggested. Not also in kinds."),
            enum=MISSION_KIND_SLUGS,
        ),
        Param(
            "avoid_contexts",
            "array",
            _l(
                "Situations the visitor rules out: screen (not in front of a screen), children (not "
                "with children), physical (no physical effort)."
            ),
            enum=AVOIDABLE_CONTEXTS,
        ),
        Param("about", "string", _l("A few words about the visitor's interests."), max_length=4000),
        _LIMIT,
    )
)
MY_RECOMMENDATIONS_SPEC = Spec((_LIMIT,))


@dataclass(frozen=True)
class AnswersInvalid(Exception):
    """A field of the answers is wrong: ``field`` names it (None for the body itself)."""

    field: str | None
    message: str


def parse_answers(body: object) -> tuple[CandidateFacts, int]:
    """Facts and limit from the JSON answers; AnswersInvalid names the first wrong field."""
    if not isinstance(body, Mapping):
        raise AnswersInvalid(None, _("Send a JSON object with your answers."))
    unknown = sorted(set(body) - set(RECOMMENDATION_SPEC))
    if unknown:
        raise AnswersInvalid(unknown[0], _("This field is not one of the answers."))
    ages = RECOMMENDATION_SPEC["age_range"].choices
    if body.get("age_range") not in ages:
        raise AnswersInvalid("age_range", _("Choose an age range among: %(values)s.", values=", ".join(ages)))
    lat, lon = _location(body)
    facts = CandidateFacts(
        age_range=body["age_range"],
        lat=lat,
        lon=lon,
        radius_km=_number(body, "radius_km"),
        remote_ok=_boolean(body, "remote_ok"),
        domains=_choices(body, "domains"),
        skills=_skills(body),
        slots=_choices(body, "slots"),
        flexible=_boolean(body, "flexible"),
        wanted_kinds=_choices(body, "kinds"),
        about=_text(body, "about"),
        avoid_domains=_avoided(body, "avoid_domains", "domains"),
        avoid_kinds=_avoided(body, "avoid_kinds", "kinds"),
        avoid_contexts=_choices(body, "avoid_contexts"),
    )
    return facts, parse_limit(body.get("limit", _LIMIT.default))


def _location(body: Mapping[str, Any]) -> tuple[float | None, float | None]:
    has_point = "lat" in body or "lon" in body
    if "postcode" in body and has_point:
        raise AnswersInvalid("postcode", _("Give either a postcode or lat and lon, not both."))
    if "postcode" in body:
        postcode = body["postcode"]
        if not isinstance(postcode, str) or not re.fullmatch(
            RECOMMENDATION_SPEC["postcode"].pattern or "", postcode
        ):
            raise AnswersInvalid("postcode", _("A postcode has five digits."))
        place = place_for(postcode)
        if place is None:
            raise AnswersInvalid("postcode", _("This postcode is not a French postcode we know."))
        return place.lat, place.lon
    if not has_point:
        return None, None
    for name in ("lat", "lon"):
        if name not in body:
            raise AnswersInvalid(name, _("Give both lat and lon."))
    return _number(body, "lat"), _number(body, "lon")


def _number(body: Mapping[str, Any], name: str) -> float:
    spec = RECOMMENDATION_SPEC[name]
    value = body.get(name, spec.default)
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise AnswersInvalid(name, _("This field must be a number."))
    if not spec.within(value):
        raise AnswersInvalid(
            name,
            _("This number must be between %(low)s and %(high)s.", low=spec.minimum, high=spec.maximum),
        )
    return float(value)


def _boolean(body: Mapping[str, Any], name: str) -> bool:
    value = body.get(name, RECOMMENDATION_SPEC[name].default)
    if not isinstance(value, bool):
        raise AnswersInvalid(name, _("This field must be true or false."))
    return value


def _string_list(
    body: Mapping[str, Any], name: str, check: Callable[[str], bool], message: str
) -> tuple[str, ...]:
    values = body.get(name, [])
    if not isinstance(values, list) or not all(isinstance(value, str) and check(value) for value in values):
        raise AnswersInvalid(name, message)
    return tuple(dict.fromkeys(values))  # duplicates dropped, order kept


def _choices(body: Mapping[str, Any], name: str) -> tuple[str, ...]:
    allowed = RECOMMENDATION_SPEC[name].choices
    return _string_list(
        body,
        name,
        allowed.__contains__,
        _("This field takes a list among: %(values)s.", values=", ".join(allowed)),
    )


def _avoided(body: Mapping[str, Any], name: str, wanted_name: str) -> tuple[str, ...]:
    """What the visitor rules out, never also among what they asked for."""
    avoided = _choices(body, name)
    both = [value for value in _choices(body, wanted_name) if value in avoided]
    if both:
        raise AnswersInvalid(
            name,
            _(
                "%(values)s cannot be both in %(wanted)s and in %(avoided)s.",
                values=", ".join(both),
                wanted=wanted_name,
                avoided=name,
            ),
        )
    return avoided


def _skills(body: Mapping[str, Any]) -> tuple[str, ...]:
    spec = RECOMMENDATION_SPEC["skills"]
    message = _(
        "Skills are a list of at most %(count)d texts of at most %(length)d characters.",
        count=spec.max_items,
        length=spec.max_length,
    )

    def readable(value: str) -> bool:
        return bool(value.strip()) and spec.fits_length(value)

    skills = _string_list(body, "skills", readable, message)
    if not spec.fits_count(skills):
        raise AnswersInvalid("skills", message)
    return tuple(skill.strip() for skill in skills)


def _text(body: Mapping[str, Any], name: str) -> str:
    spec = RECOMMENDATION_SPEC[name]
    value = body.get(name, "")
    if not isinstance(value, str) or not spec.fits_length(value):
        raise AnswersInvalid(
            name, _("This field is a text of at most %(length)d characters.", length=spec.max_length)
        )
    return value


def parse_limit(value: object) -> int:
    """A ``limit`` (JSON number or query-string text) within its bounds."""
    if isinstance(value, str) and value.isdigit():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not _LIMIT.within(value):
        raise AnswersInvalid(
            "limit",
            _(
                "The limit is a whole number from %(min)d to %(max)d.",
                min=_LIMIT.minimum,
                max=_LIMIT.maximum,
            ),
        )
    return value
