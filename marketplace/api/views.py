"""Public JSON API v1 (blueprint ``api``): missions, domains, associations.

The search takes the same parameters as the search page and returns the same missions, in
the mission contract (``serializers.mission_contract``): no personal data, ever. Answers are
public and cacheable for a minute, with a weak ETag; any site may read them (CORS ``*``,
without credentials). Every route of this blueprint shares one rate-limit budget per client
(``clients.py``): routes added to ``bp`` from other modules are covered too.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, jsonify, request
from flask_babel import force_locale

from marketplace.accounts.access import public
from marketplace.api import clients, services
from marketplace.api.cache import cached_answer
from marketplace.api.links import api_server_url
from marketplace.api.openapi import build_document
from marketplace.api.serializers import (
    association_with_missions_contract,
    domains_contract,
    mission_contract,
)
from marketplace.errors import error_response
from marketplace.search.params import ParamError, parse_search_args
from marketplace.search.services import MissionSearchPage, search_missions

bp = Blueprint("api", __name__, url_prefix="/api/v1")
clients.limit_every_route(bp)
bp.record_once(lambda _state: clients.redact_keys_in_access_logs())

CACHE_CONTROL = "public, max-age=60"
CORS_ALLOWED_HEADERS = f"Content-Type, {clients.API_KEY_HEADER}, If-None-Match"
CORS_MAX_AGE = "86400"


def error_payload(code: str, message: str, field: str | None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "field": field}}


@bp.before_request
def check_api_credentials():
    """Refuse a key in the URL (400) or a key we do not know (401) before any work."""
    try:
        clients.check_credentials()
    except clients.ApiClientError as error:
        return jsonify(error_payload(error.code, error.message, error.field)), error.status
    return None


@bp.after_request
def allow_any_origin(response: Response) -> Response:
    """Let any web page read the public API (no cookies are sent or needed), preflights included."""
    response.headers["Access-Control-Allow-Origin"] = "*"
    if request.method == "OPTIONS":
        response.headers["Access-Control-Allow-Methods"] = response.headers.get("Allow", "GET, OPTIONS")
        response.headers["Access-Control-Allow-Headers"] = CORS_ALLOWED_HEADERS
        response.headers["Access-Control-Max-Age"] = CORS_MAX_AGE
    else:
        response.headers["Access-Control-Expose-Headers"] = "ETag, Retry-After, X-RateLimit-Remaining"
    return response


def cacheable(payload: Any) -> Response:
    """A JSON answer that browsers and proxies may keep a minute; 304 when the client has it."""
    response = jsonify(payload)
    response.headers["Cache-Control"] = CACHE_CONTROL
    response.add_etag(weak=True)
    return response.make_conditional(request)


def invalid_parameter(error: ParamError) -> tuple[Response, int]:
    return jsonify(error_payload("invalid_parameter", error.message, error.field)), 400


def search_payload(found: MissionSearchPage) -> dict[str, Any]:
    """The search answer: the page's missions with their distance, the total, the facets."""
    result = found.result
    items = []
    for item in found.items:
        contract = mission_contract(item.mission, distance_km=item.hit.distance_km)
        contract.setdefault("distance_km", None)  # same keys in every item
        items.append(contract)
    return {
        "items": items,
        "total": result.total,
        "page": result.page,
        "per_page": result.per_page,
        "facets": result.facets,
    }


@bp.get("/missions")
@public
@cached_answer(CACHE_CONTROL)
def missions():
    try:
        params = parse_search_args(request.args)
    except ParamError as error:
        return invalid_parameter(error)
    return cacheable(search_payload(search_missions(params.query)))


@bp.get("/missions/<int:mission_id>")
@public
@cached_answer(CACHE_CONTROL)
def mission(mission_id: int):
    found = services.published_mission(mission_id)
    if found is None:
        return error_response(404)
    return cacheable(mission_contract(found))


@bp.get("/domains")
@public
@cached_answer(CACHE_CONTROL)
def domains():
    return cacheable({"items": domains_contract()})


@bp.get("/associations/<int:association_id>")
@public
@cached_answer(CACHE_CONTROL)
def association(association_id: int):
    found = services.public_association(association_id)
    if found is None:
        return error_response(404)
    return cacheable(association_with_missions_contract(*found))


@bp.get("/openapi.json")
@public
@cached_answer(CACHE_CONTROL)
def openapi_document():
    with force_locale("en"):
        document = build_document(api_server_url())
    return cacheable(document)
