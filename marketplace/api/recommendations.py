"""Recommendation endpoints of the JSON API (blueprint ``api``).

- ``GET /api/v1/me/recommendations``: the signed-in candidate's recommendations (401 otherwise).
- ``POST /api/v1/recommendations``: anonymous answers (the assistant, the widget) in, the same
  recommendations out. It reads no cookie (language from Accept-Language), so it is exempt from
  CSRF; any site may call it (CORS ``*``), and it is rate-limited per address.

Both answer ``{"items": [{"mission": <mission contract + distance_km>, "score", "reasons"}]}``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from flask import Response, current_app, jsonify, request
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_login import current_user

from marketplace.accounts.access import public, roles
from marketplace.api.serializers import mission_contract
from marketplace.api.views import bp
from marketplace.extensions import csrf, limiter
from marketplace.matching import CandidateFacts
from marketplace.matching.services import MissionRecommendation, recommend_for_facts, recommend_for_user
from marketplace.reference.places import place_for
from marketplace.reference.slugs import AGE_RANGES, DOMAIN_SLUGS, MISSION_KIND_SLUGS, SLOTS

DEFAULT_LIMIT = 10
MAX_LIMIT = 50
MAX_SKILLS = 30
MAX_SKILL_LENGTH = 80
MAX_ABOUT_LENGTH = 4000
RADIUS_RANGE = (1, 200)
FIELDS = (
    *("age_range", "postcode", "lat", "lon", "radius_km", "remote_ok"),
    *("domains", "skills", "slots", "kinds", "about", "limit"),
)


@dataclass(frozen=True)
class AnswersInvalid(Exception):
    """A field of the answers is wrong: ``field`` names it (None for the body itself)."""

    field: str | None
    message: str


def recommendations_payload(items: list[MissionRecommendation]) -> dict[str, Any]:
    """The answer: each mission in the public contract with its distance, score and reasons."""
    found = []
    for item in items:
        contract = mission_contract(item.mission, distance_km=item.distance_km)
        contract.setdefault("distance_km", None)  # same keys in every item
        found.append({"mission": contract, "score": round(item.score, 4), "reasons": item.reasons})
    return {"items": found}


def _private(payload: dict[str, Any]) -> Response:
    response = jsonify(payload)
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.get("/me/recommendations")
@roles("candidate")
def my_recommendations():
    try:
        limit = _limit(request.args.get("limit", DEFAULT_LIMIT))
    except AnswersInvalid as error:
        return _invalid(error)
    user = current_user._get_current_object()
    return _private(recommendations_payload(recommend_for_user(user, limit=limit)))


def _recommendations_limit() -> str:
    return current_app.config["RECOMMENDATIONS_RATE_LIMIT"]


@bp.route("/recommendations", methods=["POST", "OPTIONS"], provide_automatic_options=False)
@public
@csrf.exempt
@limiter.limit(_recommendations_limit, methods=["POST"])
def recommendations():
    if request.method == "OPTIONS":  # CORS preflight: a JSON POST from another site asks first
        return _preflight()
    with force_locale(_language()):
        try:
            facts, limit = parse_answers(request.get_json(silent=True))
        except AnswersInvalid as error:
            return _invalid(error)
        payload = recommendations_payload(recommend_for_facts(facts, limit=limit))
    return _private(payload)


def _preflight() -> Response:
    response = Response(status=204)
    response.headers["Access-Control-Allow-Methods"] = "POST, OPTIONS"
    response.headers["Access-Control-Allow-Headers"] = "Content-Type"
    response.headers["Access-Control-Max-Age"] = "86400"
    return response


def _language() -> str:
    # Accept-Language only: this endpoint reads no cookie (no session, no saved preference).
    languages = current_app.config["LANGUAGES"]
    return request.accept_languages.best_match(languages) or current_app.config["BABEL_DEFAULT_LOCALE"]


def _invalid(error: AnswersInvalid) -> tuple[Response, int]:
    payload = {"error": {"code": "invalid_parameter", "message": error.message, "field": error.field}}
    return jsonify(payload), 400


# --- Validation of the answers -------------------------------------------------------------------


def parse_answers(body: object) -> tuple[CandidateFacts, int]:
    """Facts and limit from the JSON answers; AnswersInvalid names the first wrong field."""
    if not isinstance(body, Mapping):
        raise AnswersInvalid(None, _("Send a JSON object with your answers."))
    unknown = sorted(set(body) - set(FIELDS))
    if unknown:
        raise AnswersInvalid(unknown[0], _("This field is not one of the answers."))
    if body.get("age_range") not in AGE_RANGES:
        raise AnswersInvalid(
            "age_range", _("Choose an age range among: %(values)s.", values=", ".join(AGE_RANGES))
        )
    lat, lon = _location(body)
    facts = CandidateFacts(
        age_range=body["age_range"],
        lat=lat,
        lon=lon,
        radius_km=_number(body, "radius_km", *RADIUS_RANGE, default=15.0),
        remote_ok=_boolean(body, "remote_ok"),
        domains=_choices(body, "domains", DOMAIN_SLUGS),
        skills=_skills(body),
        slots=_choices(body, "slots", SLOTS),
        wanted_kinds=_choices(body, "kinds", MISSION_KIND_SLUGS),
        about=_text(body, "about", MAX_ABOUT_LENGTH),
    )
    return facts, _limit(body.get("limit", DEFAULT_LIMIT))


def _location(body: Mapping[str, Any]) -> tuple[float | None, float | None]:
    has_point = "lat" in body or "lon" in body
    if "postcode" in body and has_point:
        raise AnswersInvalid("postcode", _("Give either a postcode or lat and lon, not both."))
    if "postcode" in body:
        postcode = body["postcode"]
        if not isinstance(postcode, str) or not (len(postcode) == 5 and postcode.isdigit()):
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
    return _number(body, "lat", -90, 90), _number(body, "lon", -180, 180)


def _number(body: Mapping[str, Any], name: str, low: float, high: float, *, default: float = 0.0) -> float:
    value = body.get(name, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise AnswersInvalid(name, _("This field must be a number."))
    if not low <= value <= high:
        raise AnswersInvalid(name, _("This number must be between %(low)s and %(high)s.", low=low, high=high))
    return float(value)


def _boolean(body: Mapping[str, Any], name: str) -> bool:
    value = body.get(name, False)
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


def _choices(body: Mapping[str, Any], name: str, allowed: tuple[str, ...]) -> tuple[str, ...]:
    return _string_list(
        body,
        name,
        allowed.__contains__,
        _("This field takes a list among: %(values)s.", values=", ".join(allowed)),
    )


def _skills(body: Mapping[str, Any]) -> tuple[str, ...]:
    message = _(
        "Skills are a list of at most %(count)d texts of at most %(length)d characters.",
        count=MAX_SKILLS,
        length=MAX_SKILL_LENGTH,
    )
    skills = _string_list(body, "skills", lambda value: 0 < len(value.strip()) <= MAX_SKILL_LENGTH, message)
    if len(skills) > MAX_SKILLS:
        raise AnswersInvalid("skills", message)
    return tuple(skill.strip() for skill in skills)


def _text(body: Mapping[str, Any], name: str, max_length: int) -> str:
    value = body.get(name, "")
    if not isinstance(value, str) or len(value) > max_length:
        raise AnswersInvalid(
            name, _("This field is a text of at most %(length)d characters.", length=max_length)
        )
    return value


def _limit(value: object) -> int:
    if isinstance(value, str) and value.isdigit():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_LIMIT:
        raise AnswersInvalid("limit", _("The limit is a whole number from 1 to %(max)d.", max=MAX_LIMIT))
    return value
