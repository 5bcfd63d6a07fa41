"""Public JSON API v1 (blueprint ``api``): mission search and published missions.

The search takes the same parameters as the search page and returns the same missions, in
the mission contract (``serializers.mission_contract``): no personal data, ever. Answers are
public and cacheable for a minute, with a weak ETag; any site may read them (CORS ``*``,
without credentials).
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, jsonify, request
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from marketplace.accounts.access import public
from marketplace.api.serializers import mission_contract
from marketplace.associations.models import Mission
from marketplace.errors import error_response
from marketplace.extensions import db
from marketplace.search.params import ParamError, parse_search_args
from marketplace.search.services import MissionSearchPage, search_missions

bp = Blueprint("api", __name__, url_prefix="/api/v1")

CACHE_CONTROL = "public, max-age=60"


@bp.after_request
def allow_any_origin(response: Response) -> Response:
    """Let any web page read the public API (no cookies are sent or needed)."""
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


def cacheable(payload: dict[str, Any]) -> Response:
    """A JSON answer that browsers and proxies may keep a minute; 304 when the client has it."""
    response = jsonify(payload)
    response.headers["Cache-Control"] = CACHE_CONTROL
    response.add_etag(weak=True)
    return response.make_conditional(request)


def invalid_parameter(error: ParamError) -> tuple[Response, int]:
    payload = {"error": {"code": "invalid_parameter", "message": error.message, "field": error.field}}
    return jsonify(payload), 400


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
def missions():
    try:
        params = parse_search_args(request.args)
    except ParamError as error:
        return invalid_parameter(error)
    return cacheable(search_payload(search_missions(params.query)))


@bp.get("/missions/<int:mission_id>")
@public
def mission(mission_id: int):
    found = db.session.scalar(
        select(Mission)
        .options(joinedload(Mission.association))
        .where(Mission.id == mission_id, Mission.status == "published")
    )
    if found is None:
        return error_response(404)
    return cacheable(mission_contract(found))
