"""The OpenAPI document describes every /api/v1 route with the code's own parameters; the docs show it."""

from __future__ import annotations

import re

from werkzeug.datastructures import MultiDict

from marketplace.reference.slugs import AGE_RANGES, DOMAIN_SLUGS, MISSION_KIND_SLUGS, SLOTS
from marketplace.search.params import parse_search_args
from tests.conftest import text_of


class RecordingArgs(MultiDict):
    """Query arguments that remember which names the parser asked for."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.asked: set[str] = set()

    def getlist(self, key, type=None):
        self.asked.add(key)
        return super().getlist(key, type)


def document(client) -> dict:
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.get_json()


def openapi_path(rule: str) -> str:
    return re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule)


def test_every_api_route_is_documented_and_every_documented_path_exists(app, client):
    paths = set(document(client)["paths"])
    routes = {
        openapi_path(rule.rule) for rule in app.url_map.iter_rules() if rule.rule.startswith("/api/v1/")
    }
    assert routes - paths == set()
    assert paths - routes == set()


def test_search_parameters_are_exactly_those_the_parser_reads(client):
    args = RecordingArgs()
    parse_search_args(args, find_place=lambda _postcode: None)
    documented = document(client)["paths"]["/api/v1/missions"]["get"]["parameters"]
    assert {parameter["name"] for parameter in documented} == args.asked


def test_vocabularies_in_the_document_come_from_the_reference_slugs(client):
    doc = document(client)
    parameters = {p["name"]: p["schema"] for p in doc["paths"]["/api/v1/missions"]["get"]["parameters"]}
    assert parameters["domain"]["items"]["enum"] == list(DOMAIN_SLUGS)
    assert parameters["kind"]["items"]["enum"] == list(MISSION_KIND_SLUGS)
    assert parameters["slots"]["items"]["enum"] == list(SLOTS)
    assert parameters["age_range"]["enum"] == list(AGE_RANGES)
    request = doc["components"]["schemas"]["RecommendationRequest"]
    assert request["required"] == ["age_range"]
    assert request["properties"]["limit"]["maximum"] == 50


def test_document_names_the_components_and_the_key_header(client):
    doc = document(client)
    assert doc["openapi"].startswith("3.1")
    assert {"Mission", "Association", "Domain", "Error", "SearchPage"} <= set(doc["components"]["schemas"])
    assert doc["components"]["securitySchemes"]["apiKey"] == {
        "type": "apiKey",
        "in": "header",
        "name": "X-API-Key",
        "description": doc["components"]["securitySchemes"]["apiKey"]["description"],
    }
    recommend = doc["paths"]["/api/v1/recommendations"]["post"]
    assert {"200", "400", "429"} <= set(recommend["responses"])
    me = doc["paths"]["/api/v1/me/recommendations"]["get"]
    assert me["security"] == [{"sessionCookie": []}]


def test_document_is_in_english_whatever_the_language_asked(client):
    french = client.get("/api/v1/openapi.json", headers={"Accept-Language": "fr"}).get_json()
    assert french["info"]["title"] == "Tremplin public API"


def test_docs_page_shows_every_operation_with_a_curl_example(client):
    response = client.get("/api/docs")
    assert response.status_code == 200
    page = text_of(response)
    for path in document(client)["paths"]:
        assert path in page
    assert 'curl -H "X-API-Key: $TREMPLIN_API_KEY" \'http://localhost/api/v1/missions?' in page
    assert "curl -X POST -H 'Content-Type: application/json'" in page
    assert "<script" not in response.get_data(as_text=True).split("</head>", 1)[1]
    assert "API publique de Tremplin" in page  # French first
