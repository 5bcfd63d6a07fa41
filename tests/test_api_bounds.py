"""What the OpenAPI document says of each parameter's default and bounds is what the parsers enforce.

Every documented parameter with a minimum, a maximum, a maximum length, a number of items, an
enum or a default is sent at its boundaries (min−1 refused, min and max accepted, max+1 refused)
and left out (the documented default is applied), through the very parsers the endpoints use.
"""

from __future__ import annotations

import pytest
from werkzeug.datastructures import MultiDict

from marketplace.api.recommendation_params import AnswersInvalid, parse_answers, parse_limit
from marketplace.search.params import ParamError, parse_search_args

PLACE = type("Place", (), {"lat": 45.75, "lon": 4.84, "name": "Lyon"})


def document(client) -> dict:
    return client.get("/api/v1/openapi.json").get_json()


# --- GET /api/v1/missions --------------------------------------------------------------------


def _search(**args):
    return parse_search_args(MultiDict(args), find_place=lambda _postcode: PLACE)


# How each documented default shows in the parsed search.
SEARCH_DEFAULTS = {
    "radius_km": lambda: _search(postcode="69007").query.radius_km,
    "remote": lambda: _search().query.include_remote,
    "with_seats": lambda: _search().query.with_seats,
    "sort": lambda: _search().query.sort,
    "page": lambda: _search().query.page,
    "per_page": lambda: _search().query.per_page,
}
SEARCH_CONTEXT = {"radius_km": {"postcode": "69007"}, "lat": {"lon": "4.8"}, "lon": {"lat": "45.7"}}


def _search_accepts(name: str, value) -> bool:
    args = {**SEARCH_CONTEXT.get(name, {}), name: str(value)}
    try:
        _search(**args)
    except ParamError as error:
        assert error.field == name
        return False
    return True


def _search_parameters(client) -> dict[str, dict]:
    operation = document(client)["paths"]["/api/v1/missions"]["get"]
    return {parameter["name"]: parameter["schema"] for parameter in operation["parameters"]}


def check_bounds(schemas: dict[str, dict], accepts) -> int:
    """Send every documented bound to the parser through ``accepts(name, value)``; how many checked."""
    checked = 0
    for name, schema in schemas.items():
        if "minimum" in schema:
            step = 1 if schema["type"] == "integer" else 0.5
            low, high = schema["minimum"], schema["maximum"]
            assert not accepts(name, low - step), name
            assert accepts(name, low) and accepts(name, high), name
            assert not accepts(name, high + step), name
            checked += 1
        if "maxLength" in schema:
            assert accepts(name, "a" * schema["maxLength"]), name
            assert not accepts(name, "a" * (schema["maxLength"] + 1)), name
            checked += 1
        if "maxItems" in schema:
            longest = schema["items"].get("maxLength", 10)
            assert accepts(name, [f"{n:03d}" + "a" * (longest - 3) for n in range(schema["maxItems"])]), name
            assert not accepts(name, [f"{n:03d}" for n in range(schema["maxItems"] + 1)]), name
            assert not accepts(name, ["a" * (longest + 1)]), name
            checked += 1
    return checked


def test_every_documented_search_bound_is_the_one_enforced(client):
    assert check_bounds(_search_parameters(client), _search_accepts) >= 6  # lat, lon, radius, pages, q


def test_every_documented_search_enum_is_the_one_enforced(client):
    for name, schema in _search_parameters(client).items():
        values = schema.get("items", schema).get("enum")
        if values is None:
            continue
        assert all(_search_accepts(name, value) for value in values if value != "distance"), name
        assert not _search_accepts(name, "not-a-value"), name


def test_every_documented_search_default_is_applied(client):
    documented = {
        name: schema["default"] for name, schema in _search_parameters(client).items() if "default" in schema
    }
    assert set(documented) == set(SEARCH_DEFAULTS), "a documented default has no check here"
    for name, default in documented.items():
        assert SEARCH_DEFAULTS[name]() == default, name


# --- POST /api/v1/recommendations --------------------------------------------------------------

BASE = {"age_range": "26-35"}
RECOMMENDATION_DEFAULTS = {
    "radius_km": lambda facts, _limit: facts.radius_km,
    "remote_ok": lambda facts, _limit: facts.remote_ok,
    "flexible": lambda facts, _limit: facts.flexible,
    "limit": lambda _facts, limit: limit,
}
RECOMMENDATION_CONTEXT = {"lat": {"lon": 4.8}, "lon": {"lat": 45.7}}


def _answers_accept(name: str, value) -> bool:
    body = {**BASE, **RECOMMENDATION_CONTEXT.get(name, {}), name: value}
    try:
        parse_answers(body)
    except AnswersInvalid as error:
        assert error.field == name
        return False
    return True


def _request_properties(client) -> dict[str, dict]:
    return document(client)["components"]["schemas"]["RecommendationRequest"]["properties"]


def test_every_documented_recommendation_bound_is_the_one_enforced(client):
    # lat, lon, radius_km, limit, about, skills
    assert check_bounds(_request_properties(client), _answers_accept) >= 6


def test_every_documented_recommendation_enum_is_the_one_enforced(client):
    for name, schema in _request_properties(client).items():
        if schema["type"] == "array" and "enum" in schema["items"]:
            assert _answers_accept(name, list(schema["items"]["enum"][:1])), name
            assert not _answers_accept(name, ["not-a-value"]), name
        elif "enum" in schema and name != "age_range":
            assert all(_answers_accept(name, value) for value in schema["enum"]), name
    for age_range in _request_properties(client)["age_range"]["enum"]:
        assert _answers_accept("age_range", age_range)
    assert not _answers_accept("age_range", "12-15")


def test_every_documented_recommendation_default_is_applied(client):
    properties = _request_properties(client)
    documented = {name: schema["default"] for name, schema in properties.items() if "default" in schema}
    assert set(documented) == set(RECOMMENDATION_DEFAULTS), "a documented default has no check here"
    facts, limit = parse_answers(BASE)
    for name, default in documented.items():
        assert RECOMMENDATION_DEFAULTS[name](facts, limit) == default, name


def test_the_required_fields_are_those_the_parser_requires(client):
    schema = document(client)["components"]["schemas"]["RecommendationRequest"]
    assert schema["required"] == ["age_range"]
    with pytest.raises(AnswersInvalid):
        parse_answers({})
    assert schema["additionalProperties"] is False
    with pytest.raises(AnswersInvalid):
        parse_answers({**BASE, "colour": "blue"})


# --- GET /api/v1/me/recommendations ----------------------------------------------------------------


def test_my_recommendations_limit_is_documented_as_enforced(client, auth, make):
    operation = document(client)["paths"]["/api/v1/me/recommendations"]["get"]
    (limit,) = operation["parameters"]
    schema = limit["schema"]
    for value, accepted in (
        (schema["minimum"] - 1, False),
        (schema["minimum"], True),
        (schema["maximum"], True),
        (schema["maximum"] + 1, False),
    ):
        try:
            parse_limit(str(value))
        except AnswersInvalid:
            assert not accepted, value
        else:
            assert accepted, value
    auth.login_as(make.user("candidate"))
    many = [make.mission(title=f"Mission {n}") for n in range(schema["default"] + 2)]
    items = client.get("/api/v1/me/recommendations").get_json()["items"]
    assert len(items) == schema["default"] < len(many)
