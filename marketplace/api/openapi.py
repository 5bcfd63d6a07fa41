"""The OpenAPI 3.1 document of the public API, built from the code's own definitions.

Parameters, their defaults and bounds come from the specs the parsers read
(``search.params.SEARCH_SPEC``, ``api.recommendation_params``) and the vocabularies from
``marketplace.reference.slugs``, so the document cannot drift from what the API accepts
(``tests/test_api_openapi.py`` checks that every parameter the parser reads is here,
``tests/test_api_bounds.py`` that every documented default and bound is the one enforced).
Texts go through gettext: ``/api/v1/openapi.json`` is served in English, ``/api/docs``
in the reader's language.
"""

from __future__ import annotations

from typing import Any

from flask_babel import gettext as _

from marketplace.api.clients import API_KEY_HEADER
from marketplace.api.recommendation_params import MY_RECOMMENDATIONS_SPEC, RECOMMENDATION_SPEC
from marketplace.api.services import MAX_ID
from marketplace.matching.services import OTHER_TIMES_BELOW
from marketplace.param_spec import Param, Spec
from marketplace.reference.slugs import (
    DAY_PART_SLUGS,
    DOMAIN_SLUGS,
    MISSION_KIND_SLUGS,
    SCHEDULE_SLUGS,
    SLOTS,
)
from marketplace.search.documents import MAX_PER_PAGE
from marketplace.search.params import SEARCH_SPEC
from marketplace.statuses import MissionStatus

OPENAPI_VERSION = "3.1.0"
API_VERSION = "1.0.0"
MAX_RECOMMENDATIONS = RECOMMENDATION_SPEC["limit"].maximum
SESSION_COOKIE = "session"


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _nullable(schema_type: str, **extra: Any) -> dict[str, Any]:
    return {"type": [schema_type, "null"], **extra}


def _json(schema: dict[str, Any], description: str, **extra: Any) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}, **extra}


# --- component schemas ---------------------------------------------------------------------------


def _verified_property() -> dict[str, Any]:
    return {
        "type": "boolean",
        "description": _(
            "True once a site administrator or a local network of its territory checked the "
            "association's SIREN or RNA number (the « Vérifiée » badge)."
        ),
    }


def mission_schema() -> dict[str, Any]:
    properties = {
        "id": {"type": "integer"},
        "title": {"type": "string"},
        "description": {"type": "string", "description": _("Markdown text written by the association.")},
        "kind": {"type": "string", "enum": list(MISSION_KIND_SLUGS)},
        "domain": {"type": "string", "enum": list(DOMAIN_SLUGS)},
        "skills": {"type": "array", "items": {"type": "string"}},
        "association": {
            "type": "object",
            "required": ["id", "name", "verified"],
            "properties": {
                "id": {"type": "integer"},
                "name": {"type": "string"},
                "verified": _verified_property(),
            },
        },
        "address": {
            "type": "string",
            "description": _("Address or meeting point given by the association (empty when not said)."),
        },
        "city": {"type": "string"},
        "postcode": {"type": "string"},
        "lat": _nullable("number"),
        "lon": _nullable("number"),
        "remote": {"type": "boolean"},
        "schedule": {"type": "string", "enum": list(SCHEDULE_SLUGS)},
        "start_date": _nullable("string", format="date"),
        "end_date": _nullable("string", format="date"),
        "slots": {
            "type": "array",
            "items": {"type": "string", "enum": list(SLOTS)},
            "description": _(
                "Recurring missions: the weekly slots. Empty for one-off missions (see day_parts)."
            ),
        },
        "day_parts": {
            "type": "array",
            "items": {"type": "string", "enum": list(DAY_PART_SLUGS)},
            "description": _(
                "One-off missions: the parts of the day they take place on each of their dates "
                "(empty: not said). Imported slots of a one-off mission become these parts of the day."
            ),
        },
        "hours_per_week": _nullable("number"),
        "min_age": {"type": "integer", "minimum": 16},
        "max_age": _nullable("integer"),
        "capacity": {"type": "integer", "minimum": 1},
        "seats_left": {"type": "integer", "minimum": 0},
        "motivation_required": {
            "type": "boolean",
            "description": _("Applicants are asked for a short motivation message."),
        },
        "external_id": _nullable("string"),
        "status": {"type": "string", "enum": [MissionStatus.PUBLISHED]},
        "url": {"type": "string", "format": "uri", "description": _("The mission's page on Tremplin.")},
        "distance_km": _nullable(
            "number", description=_("Distance from the place searched, when a place was given.")
        ),
    }
    return {
        "type": "object",
        "description": _("A published mission. Never any personal data."),
        "required": [name for name in properties if name != "distance_km"],
        "properties": properties,
        "additionalProperties": False,
    }


def search_page_schema() -> dict[str, Any]:
    counts = {"type": "object", "additionalProperties": {"type": "integer", "minimum": 0}}
    return {
        "type": "object",
        "required": ["items", "total", "page", "per_page", "facets"],
        "properties": {
            "items": {"type": "array", "items": _ref("Mission")},
            "total": {"type": "integer", "minimum": 0},
            "page": {"type": "integer", "minimum": 1},
            "per_page": {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE},
            "facets": {
                "type": "object",
                "description": _(
                    "Number of matching missions per domain and per kind, each ignoring its own filter."
                ),
                "required": ["domain", "kind"],
                "properties": {"domain": counts, "kind": counts},
            },
        },
    }


def association_schema() -> dict[str, Any]:
    mission_link = {
        "type": "object",
        "required": ["id", "title", "url", "api_url"],
        "properties": {
            "id": {"type": "integer"},
            "title": {"type": "string"},
            "url": {"type": "string", "format": "uri"},
            "api_url": {"type": "string", "format": "uri"},
        },
    }
    return {
        "type": "object",
        "description": _("An association's public facts and its published missions."),
        "required": ["id", "name", "description", "city", "postcode", "verified", "url", "missions"],
        "properties": {
            "id": {"type": "integer"},
            "name": {"type": "string"},
            "description": {"type": "string"},
            "city": {"type": "string"},
            "postcode": {"type": "string"},
            "lat": _nullable("number"),
            "lon": _nullable("number"),
            "website": _nullable("string"),
            "verified": _verified_property(),
            "url": {"type": "string", "format": "uri"},
            "missions": {"type": "array", "items": mission_link},
        },
        "additionalProperties": False,
    }


def domain_schema() -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["slug", "label_fr", "label_en"],
        "properties": {
            "slug": {"type": "string", "enum": list(DOMAIN_SLUGS)},
            "label_fr": {"type": "string"},
            "label_en": {"type": "string"},
        },
        "additionalProperties": False,
    }


def commune_schema() -> dict[str, Any]:
    names = ("name", "postcode", "departement", "label")
    return {
        "type": "object",
        "required": list(names),
        "properties": {name: {"type": "string"} for name in names},
        "additionalProperties": False,
    }


def error_schema() -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["error"],
        "properties": {
            "error": {
                "type": "object",
                "required": ["code", "message", "field"],
                "properties": {
                    "code": {"type": "string", "description": _("Stable, for programs.")},
                    "message": {"type": "string", "description": _("For people, in French by default.")},
                    "field": _nullable("string", description=_("The parameter at fault, if any.")),
                },
            }
        },
    }


def _described(param: Param) -> dict[str, Any]:
    schema = param.schema()
    if param.description:
        schema["description"] = str(param.description)
    return schema


def recommendation_request_schema() -> dict[str, Any]:
    return {
        "type": "object",
        "description": _(
            "What a visitor tells about themself, without an account. Only age_range is required; "
            "give a postcode or lat and lon, not both. Unknown fields are refused."
        ),
        "required": RECOMMENDATION_SPEC.required(),
        "properties": {param.name: _described(param) for param in RECOMMENDATION_SPEC.values()},
        "additionalProperties": False,
    }


def _recommendation_item_schema() -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["mission", "score", "reasons", "outside_request"],
        "properties": {
            "mission": _ref("Mission"),
            "score": {"type": "number"},
            "reasons": {
                "type": "array",
                "items": {"type": "string"},
                "description": _("Why this mission was suggested, in plain French."),
            },
            "outside_request": {
                "type": "array",
                "items": {"type": "string", "enum": ["kind"]},
                "description": _(
                    "What the mission does not match in the request: kind (a kind of mission not "
                    "asked for, suggested only when too few of the kinds asked fit). Empty for most."
                ),
            },
        },
    }


def recommendation_list_schema() -> dict[str, Any]:
    item = _ref("Recommendation")
    return {
        "type": "object",
        "required": ["items", "other_times"],
        "properties": {
            "items": {
                "type": "array",
                "maxItems": MAX_RECOMMENDATIONS,
                "items": item,
                "description": _("The suggestions, best first: missions the person can attend."),
            },
            "other_times": {
                "type": "array",
                "maxItems": MAX_RECOMMENDATIONS,
                "items": item,
                "description": _(
                    "If your availability changes: missions that fit everything but the weekly slots "
                    "given (flexible false), kept apart from items. Filled only when items has fewer "
                    "than %(num)d missions; otherwise empty.",
                    num=OTHER_TIMES_BELOW,
                ),
            },
        },
    }


# --- parameters ------------------------------------------------------------------------------------


def _query(name: str, schema: dict[str, Any], description: str, **extra: Any) -> dict[str, Any]:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "schema": schema,
        "description": description,
        **extra,
    }


def _parameters(spec: Spec) -> list[dict[str, Any]]:
    """Query parameters as documented, from the spec their parser reads."""
    found = []
    for param in spec.values():
        extra = {"style": "form", "explode": True} if param.repeatable else {}
        found.append(_query(param.name, param.schema(), str(param.description), **extra))
    return found


def search_parameters() -> list[dict[str, Any]]:
    """The parameters of ``parse_search_args``, with its bounds and vocabularies."""
    return _parameters(SEARCH_SPEC)


def _path_id(name: str, description: str) -> dict[str, Any]:
    return {
        "name": name,
        "in": "path",
        "required": True,
        "schema": {"type": "integer", "minimum": 1, "maximum": MAX_ID},
        "description": description,
    }


# --- responses -------------------------------------------------------------------------------------


def _cached_ok(schema: dict[str, Any], description: str) -> dict[str, Any]:
    headers = {
        "ETag": {
            "schema": {"type": "string"},
            "description": _("Weak validator: send it back in If-None-Match."),
        },
        "Cache-Control": {"schema": {"type": "string"}, "description": _("Public, for a minute.")},
    }
    return _json(schema, description, headers=headers)


def _common_errors(*statuses: int) -> dict[str, Any]:
    """Error answers every operation may give, plus the ones named."""
    texts = {
        "400": _("Invalid parameter or API key sent in the URL."),
        "401": _("Unknown or revoked API key."),
        "403": _("Not allowed for this account."),
        "404": _("Not found or not public."),
        "429": _("Too many requests: wait the number of seconds in Retry-After."),
    }
    codes = {"401", "429", *map(str, statuses)}
    responses = {code: _json(_ref("Error"), texts[code]) for code in sorted(codes)}
    responses["429"]["headers"] = {
        "Retry-After": {"schema": {"type": "integer"}, "description": _("Seconds before trying again.")}
    }
    return responses


def _not_modified() -> dict[str, Any]:
    return {"304": {"description": _("Not modified: your cached copy (If-None-Match) is current.")}}


def _get(
    summary: str,
    description: str,
    *,
    parameters: list[dict[str, Any]],
    ok: dict[str, Any],
    errors: tuple[int, ...],
    operation_id: str,
    example: str,
    tag: str,
    security: list[dict[str, list]] | None = None,
) -> dict[str, Any]:
    operation = {
        "operationId": operation_id,
        "tags": [tag],
        "summary": summary,
        "description": description,
        "parameters": parameters,
        "responses": {"200": ok, **_not_modified(), **_common_errors(*errors)},
        "x-example": example,
    }
    if security is not None:
        operation["security"] = security
    return {"get": operation}


# --- the document ----------------------------------------------------------------------------------


def paths() -> dict[str, Any]:
    mission_id = _path_id("mission_id", _("The mission's id."))
    association_id = _path_id("association_id", _("The association's id."))
    return {
        "/api/v1/missions": _get(
            _("Search published missions"),
            _("The same search as the site's search page, with the same parameters and results."),
            parameters=search_parameters(),
            ok=_cached_ok(_ref("SearchPage"), _("One page of missions, the total and the facets.")),
            errors=(400,),
            operation_id="searchMissions",
            example="/api/v1/missions?q=jardin&postcode=69007&radius_km=10&domain=environnement",
            tag="missions",
        ),
        "/api/v1/missions/{mission_id}": _get(
            _("One published mission"),
            _("Drafts, closed and cancelled missions answer 404."),
            parameters=[mission_id],
            ok=_cached_ok(_ref("Mission"), _("The mission.")),
            errors=(404,),
            operation_id="getMission",
            example="/api/v1/missions/1",
            tag="missions",
        ),
        "/api/v1/domains": _get(
            _("The causes (domains)"),
            _("Every domain slug with its French and English labels."),
            parameters=[],
            ok=_cached_ok(
                {
                    "type": "object",
                    "required": ["items"],
                    "properties": {"items": {"type": "array", "items": _ref("Domain")}},
                },
                _("All domains."),
            ),
            errors=(),
            operation_id="listDomains",
            example="/api/v1/domains",
            tag="reference",
        ),
        "/api/v1/associations/{association_id}": _get(
            _("One association"),
            _(
                "Public facts and the links to its published missions. Unknown associations, and "
                "unverified ones with nothing published, answer 404."
            ),
            parameters=[association_id],
            ok=_cached_ok(_ref("Association"), _("The association.")),
            errors=(404,),
            operation_id="getAssociation",
            example="/api/v1/associations/1",
            tag="associations",
        ),
        "/api/v1/recommendations": {
            "post": {
                "operationId": "recommendMissions",
                "tags": ["recommendations"],
                "summary": _("Missions suggested for a visitor"),
                "description": _(
                    "Anonymous: nothing is stored and no cookie is used. The answer lists up to "
                    "%(num)d missions with a score and the reasons of each suggestion.",
                    num=MAX_RECOMMENDATIONS,
                ),
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": _ref("RecommendationRequest")}},
                },
                "responses": {
                    "200": _json(_ref("RecommendationList"), _("The suggestions, best first.")),
                    **_common_errors(400),
                },
                "x-example-body": {
                    "age_range": "18-25",
                    "postcode": "69007",
                    "domains": ["environnement"],
                    "limit": 5,
                },
            }
        },
        "/api/v1/me/recommendations": _get(
            _("Missions suggested for the signed-in volunteer"),
            _("Uses the volunteer's profile; needs the site's session cookie (for the site's own pages)."),
            parameters=_parameters(MY_RECOMMENDATIONS_SPEC),
            ok=_json(_ref("RecommendationList"), _("The suggestions, best first.")),
            errors=(400, 403),
            operation_id="myRecommendations",
            example="/api/v1/me/recommendations",
            tag="recommendations",
            security=[{"sessionCookie": []}],
        ),
        "/api/v1/communes": _get(
            _("Communes for autocompletion"),
            _(
                "French communes whose name or postcode starts like q (2 characters at least), "
                "most populated first."
            ),
            parameters=[_query("q", {"type": "string"}, _("The start of a name or a postcode."))],
            ok=_json({"type": "array", "maxItems": 10, "items": _ref("Commune")}, _("Up to 10 communes.")),
            errors=(),
            operation_id="suggestCommunes",
            example="/api/v1/communes?q=villeur",
            tag="reference",
        ),
        "/api/v1/skills": _get(
            _("Skills for autocompletion"),
            _("Skills in use on Tremplin that start like q, most frequent first."),
            parameters=[_query("q", {"type": "string"}, _("The start of a skill."))],
            ok=_json({"type": "array", "maxItems": 10, "items": {"type": "string"}}, _("Up to 10 skills.")),
            errors=(),
            operation_id="suggestSkills",
            example="/api/v1/skills?q=compta",
            tag="reference",
        ),
        "/api/v1/openapi.json": _get(
            _("This document"),
            _("The OpenAPI description of the public API."),
            parameters=[],
            ok=_cached_ok({"type": "object"}, _("The OpenAPI document.")),
            errors=(),
            operation_id="openapiDocument",
            example="/api/v1/openapi.json",
            tag="reference",
        ),
    }


def build_document(server_url: str) -> dict[str, Any]:
    """The whole document, its texts in the current locale."""
    document = {
        "openapi": OPENAPI_VERSION,
        "info": {
            "title": _("Tremplin public API"),
            "version": API_VERSION,
            "description": _(
                "Published volunteering missions of Tremplin, free to read. Anonymous calls share a "
                "modest rate limit per IP address; partners send a key in the X-API-Key header (never "
                "in the URL) for a higher one. Answers carry a weak ETag and may be cached a minute. "
                "Any origin may call the API (CORS), without credentials. No personal data, ever."
            ),
        },
        "servers": [{"url": server_url}],
        "tags": [
            {"name": "missions", "description": _("Published missions.")},
            {"name": "associations", "description": _("Associations that publish missions.")},
            {"name": "recommendations", "description": _("Missions suggested for a person.")},
            {"name": "reference", "description": _("Vocabularies and this document.")},
        ],
        "paths": paths(),
        "components": {
            "schemas": {
                "Mission": mission_schema(),
                "SearchPage": search_page_schema(),
                "Association": association_schema(),
                "Domain": domain_schema(),
                "Error": error_schema(),
                "Commune": commune_schema(),
                "RecommendationRequest": recommendation_request_schema(),
                "RecommendationList": recommendation_list_schema(),
                "Recommendation": _recommendation_item_schema(),
            },
            "securitySchemes": {
                "apiKey": {
                    "type": "apiKey",
                    "in": "header",
                    "name": API_KEY_HEADER,
                    "description": _("Optional partner key: a higher rate limit."),
                },
                "sessionCookie": {"type": "apiKey", "in": "cookie", "name": SESSION_COOKIE},
            },
        },
        # Anonymous calls are allowed everywhere: a key is optional ({} = no credentials).
        "security": [{}, {"apiKey": []}],
    }
    return document
