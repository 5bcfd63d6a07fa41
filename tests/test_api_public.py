"""The public API v1 beyond search: domains, associations, CORS, caching, errors."""

from __future__ import annotations

from marketplace.reference.slugs import DOMAIN_LABELS_FR, DOMAIN_SLUGS


def test_domains_list_every_slug_with_french_and_english_labels(client):
    response = client.get("/api/v1/domains")
    assert response.status_code == 200
    items = response.get_json()["items"]
    assert [item["slug"] for item in items] == list(DOMAIN_SLUGS)
    sante = next(item for item in items if item["slug"] == "sante")
    assert sante == {"slug": "sante", "label_fr": DOMAIN_LABELS_FR["sante"], "label_en": "Health"}


def test_domains_are_in_french_and_english_whatever_the_request_language(client):
    french = client.get("/api/v1/domains", headers={"Accept-Language": "fr"}).get_json()
    english = client.get("/api/v1/domains", headers={"Accept-Language": "en"}).get_json()
    assert french == english


def test_association_shows_public_facts_and_links_to_its_published_missions_only(client, make):
    owner = make.user("association", email="tresoriere@asso.example.fr")
    association = make.association("Les Restos du Rhône", owner=owner, verified=True, siren="123456789")
    published = make.mission(association, title="Distribution du soir")
    make.mission(association, title="Brouillon", status="draft")
    response = client.get(f"/api/v1/associations/{association.id}")
    assert response.status_code == 200
    body = response.get_json()
    assert body["name"] == "Les Restos du Rhône" and body["verified"] is True
    assert [mission["id"] for mission in body["missions"]] == [published.id]
    assert body["missions"][0]["api_url"].endswith(f"/api/v1/missions/{published.id}")
    text = response.get_data(as_text=True)
    assert "tresoriere@asso.example.fr" not in text and "123456789" not in text


def test_unverified_association_with_nothing_published_is_not_public(client, make):
    hidden = make.association("Pas encore vérifiée")
    assert client.get(f"/api/v1/associations/{hidden.id}").status_code == 404
    make.mission(hidden)
    assert client.get(f"/api/v1/associations/{hidden.id}").status_code == 200


def test_unknown_association_answers_a_json_404(client):
    response = client.get("/api/v1/associations/999999")
    assert response.status_code == 404
    assert response.get_json() == {
        "error": {"code": "not_found", "message": response.get_json()["error"]["message"], "field": None}
    }


def test_answers_may_be_read_by_any_origin_without_credentials(client, make):
    mission = make.mission()
    for path in ("/api/v1/domains", f"/api/v1/missions/{mission.id}", "/api/v1/openapi.json"):
        response = client.get(path, headers={"Origin": "https://mairie.example.fr"})
        assert response.headers["Access-Control-Allow-Origin"] == "*"
        assert "Access-Control-Allow-Credentials" not in response.headers


def test_preflight_names_the_methods_and_the_key_header(client):
    response = client.options(
        "/api/v1/missions",
        headers={
            "Origin": "https://mairie.example.fr",
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "X-API-Key",
        },
    )
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "GET" in response.headers["Access-Control-Allow-Methods"]
    assert "X-API-Key" in response.headers["Access-Control-Allow-Headers"]
    assert "Content-Type" in response.headers["Access-Control-Allow-Headers"]
    assert int(response.headers["Access-Control-Max-Age"]) > 0


def test_preflight_of_a_post_route_allows_post():
    """The blueprint's hook answers any route's preflight (POST /api/v1/recommendations too)."""
    from flask import Flask

    from marketplace.api.views import allow_any_origin

    app = Flask("preflight")
    app.post("/api/v1/recommendations")(lambda: "ok")
    app.after_request(allow_any_origin)
    response = app.test_client().options(
        "/api/v1/recommendations",
        headers={"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "Content-Type"},
    )
    assert "POST" in response.headers["Access-Control-Allow-Methods"]
    assert "Content-Type" in response.headers["Access-Control-Allow-Headers"]
    assert response.headers["Access-Control-Allow-Origin"] == "*"


def test_answers_are_cacheable_and_revalidate_with_a_304(client):
    first = client.get("/api/v1/domains")
    assert first.headers["Cache-Control"] == "public, max-age=60"
    etag = first.headers["ETag"]
    assert etag.startswith("W/")
    again = client.get("/api/v1/domains", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.headers["Access-Control-Allow-Origin"] == "*"


def test_invalid_search_parameter_names_the_field(client):
    response = client.get("/api/v1/missions?radius_km=0&postcode=69007")
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error["code"] == "invalid_parameter" and error["field"] == "radius_km"


def test_ids_beyond_32_bits_are_simply_not_found(client):
    for path in ("/api/v1/missions/2147483648", "/api/v1/associations/99999999999", "/api/v1/missions/0"):
        assert client.get(path).status_code == 404
