"""Recommendation endpoints of the JSON API (blueprint ``api``).

- ``GET /api/v1/me/recommendations``: the signed-in candidate's recommendations (401 otherwise).
- ``POST /api/v1/recommendations``: anonymous answers (the assistant, the widget) in, the same
  recommendations out. It reads no cookie (language from Accept-Language), so it is exempt from
  CSRF; any site may call it (CORS ``*``), and it is rate-limited per address.

Both answer ``{"items": [...], "other_times": [...]}``: each item is ``{"mission": <mission
contract + distance_km>, "score", "reasons", "outside_request"}``. ``other_times`` holds, apart,
missions that fit everything but the person's weekly hours, only when fewer than
``matching.services.OTHER_TIMES_BELOW`` items fit (« Si vos horaires changent »). The fields,
their defaults and bounds are in ``recommendation_params``, which the OpenAPI document reads too.
"""

from __future__ import annotations

from typing import Any

from flask import Response, current_app, jsonify, request
from flask_babel import force_locale
from flask_login import current_user

from marketplace.accounts.access import public, roles
from marketplace.api.recommendation_params import (
    MY_RECOMMENDATIONS_SPEC,
    AnswersInvalid,
    parse_answers,
    parse_limit,
)
from marketplace.api.serializers import mission_contract
from marketplace.api.views import bp
from marketplace.extensions import csrf, limiter
from marketplace.matching.services import (
    OTHER_TIMES_LIMIT,
    MissionRecommendation,
    other_times_for_facts,
    other_times_for_user,
    recommend_for_facts,
    recommend_for_user,
)


def _item(item: MissionRecommendation) -> dict[str, Any]:
    contract = mission_contract(item.mission, distance_km=item.distance_km)
    contract.setdefault("distance_km", None)  # same keys in every item
    return {
        "mission": contract,
        "score": round(item.score, 4),
        "reasons": item.reasons,
        "outside_request": list(item.outside_request),
    }


def recommendations_payload(
    items: list[MissionRecommendation], other_times: list[MissionRecommendation] | None = None
) -> dict[str, Any]:
    """The answer: each mission in the public contract with its distance, score and reasons."""
    return {
        "items": [_item(item) for item in items],
        "other_times": [_item(item) for item in other_times or []],
    }


def _private(payload: dict[str, Any]) -> Response:
    response = jsonify(payload)
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.get("/me/recommendations")
@roles("candidate")
def my_recommendations():
    try:
        limit = parse_limit(request.args.get("limit", MY_RECOMMENDATIONS_SPEC["limit"].default))
    except AnswersInvalid as error:
        return _invalid(error)
    user = current_user._get_current_object()
    items = recommend_for_user(user, limit=limit)
    other_times = other_times_for_user(user, shown=len(items), limit=_other_times_limit(limit))
    return _private(recommendations_payload(items, other_times))


def _other_times_limit(limit: int) -> int:
    return min(limit, OTHER_TIMES_LIMIT)


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
        items = recommend_for_facts(facts, limit=limit)
        other_times = other_times_for_facts(facts, shown=len(items), limit=_other_times_limit(limit))
        payload = recommendations_payload(items, other_times)
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
