"""Recommendation endpoints: anonymous answers in, missions with reasons out; the candidate's own list."""

from __future__ import annotations

import pytest

from marketplace.extensions import db
from tests.conftest import build_app

ANSWERS = {
    "age_range": "26-35",
    "lat": 45.7456,
    "lon": 4.8427,
    "radius_km": 10,
    "domains": ["aide-alimentaire"],
}


@pytest.fixture
def missions(make):
    association = make.association("Banque alimentaire du Rhône")
    return [
        make.mission(association, title="Distribution de colis alimentaires", skills=["Logistique"]),
        make.mission(association, title="Collecte en magasin", domain="solidarite-insertion"),
        make.mission(association, title="Trop loin", lat=48.85, lon=2.35, city="Paris", postcode="75001"),
    ]


def test_answers_give_missions_in_the_contract_with_score_distance_and_french_reasons(client, missions):
    response = client.post("/api/v1/recommendations", json=ANSWERS)
    assert response.status_code == 200
    items = response.get_json()["items"]
    assert [item["mission"]["id"] for item in items] == [missions[0].id, missions[1].id]
    first = items[0]
    assert first["mission"]["title"] == "Distribution de colis alimentaires"
    assert first["mission"]["association"]["name"] == "Banque alimentaire du Rhône"
    assert first["mission"]["distance_km"] == 0.0
    assert isinstance(first["score"], float) and first["score"] > items[1]["score"]
    assert "Dans un domaine qui vous intéresse : aide alimentaire" in first["reasons"]
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "Set-Cookie" not in response.headers


def test_reasons_follow_accept_language_only(client, missions):
    response = client.post("/api/v1/recommendations", json=ANSWERS, headers={"Accept-Language": "en"})
    assert "In a field you care about: food aid" in response.get_json()["items"][0]["reasons"]


def test_a_postcode_places_the_candidate(client, missions):
    answers = {"age_range": "26-35", "postcode": "69007", "radius_km": 5}
    items = client.post("/api/v1/recommendations", json=answers).get_json()["items"]
    assert missions[2].id not in [item["mission"]["id"] for item in items]
    assert all(item["mission"]["distance_km"] is not None for item in items)


def test_limit_caps_the_items(client, missions):
    items = client.post("/api/v1/recommendations", json={**ANSWERS, "limit": 1}).get_json()["items"]
    assert len(items) == 1


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"age_range": None}, "age_range"),
        ({"age_range": "12-15"}, "age_range"),
        ({"postcode": "6900"}, "postcode"),
        ({"postcode": "00000"}, "postcode"),
        ({"lat": None}, "lat"),
        ({"lat": 95}, "lat"),
        ({"lon": "4.8"}, "lon"),
        ({"radius_km": 0}, "radius_km"),
        ({"radius_km": 500}, "radius_km"),
        ({"remote_ok": "yes"}, "remote_ok"),
        ({"domains": ["cuisine"]}, "domains"),
        ({"domains": "aide-alimentaire"}, "domains"),
        ({"skills": ["x" * 81]}, "skills"),
        ({"skills": [f"s{i}" for i in range(31)]}, "skills"),
        ({"slots": ["wed_night"]}, "slots"),
        ({"kinds": ["benevolat"]}, "kinds"),
        ({"about": 42}, "about"),
        ({"limit": 51}, "limit"),
        ({"limit": 0}, "limit"),
        ({"limit": True}, "limit"),
        ({"colour": "blue"}, "colour"),
    ],
)
def test_each_wrong_field_is_named_in_a_400(client, missions, change, field):
    answers = {**ANSWERS, **change}
    if "postcode" in change:
        answers.pop("lat"), answers.pop("lon")
    response = client.post("/api/v1/recommendations", json=answers)
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error["code"] == "invalid_parameter" and error["field"] == field and error["message"]


def test_postcode_and_coordinates_together_are_refused(client):
    response = client.post("/api/v1/recommendations", json={**ANSWERS, "postcode": "69007"})
    assert response.get_json()["error"]["field"] == "postcode"


def test_a_body_that_is_not_a_json_object_is_refused(client):
    response = client.post("/api/v1/recommendations", data="age_range=26-35")
    assert response.status_code == 400
    assert response.get_json()["error"]["field"] is None


def test_the_preflight_allows_a_json_post_from_any_site(client):
    response = client.options("/api/v1/recommendations", headers={"Origin": "https://partenaire.example"})
    assert response.status_code == 204
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "Content-Type" in response.headers["Access-Control-Allow-Headers"]


def test_no_csrf_token_is_needed(missions):
    guarded = build_app(WTF_CSRF_ENABLED=True)
    with guarded.app_context():
        response = guarded.test_client().post("/api/v1/recommendations", json=ANSWERS)
        assert response.status_code == 200
        db.session.remove()


def test_answers_are_rate_limited_per_address(missions):
    limited = build_app(RATELIMIT_ENABLED=True, RECOMMENDATIONS_RATE_LIMIT="2 per minute")
    with limited.app_context():
        client = limited.test_client()
        statuses = [client.post("/api/v1/recommendations", json=ANSWERS).status_code for _ in range(3)]
        assert statuses == [200, 200, 429]
        assert client.options("/api/v1/recommendations").status_code == 204  # preflights are not counted
        db.session.remove()


def test_my_recommendations_leave_out_missions_i_applied_to(client, auth, make, missions):
    user = make.user("candidate")
    user.profile.lat, user.profile.lon = 45.7456, 4.8427
    db.session.commit()
    make.application(mission=missions[0], candidate=user)
    auth.login_as(user)
    response = client.get("/api/v1/me/recommendations?limit=5")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "private, no-store"
    ids = [item["mission"]["id"] for item in response.get_json()["items"]]
    assert ids == [missions[1].id]


def test_my_recommendations_need_a_signed_in_candidate(client):
    response = client.get("/api/v1/me/recommendations")
    assert response.status_code == 401
    assert response.get_json()["error"]["code"] == "unauthorized"


def test_my_recommendations_check_the_limit(client, auth, make):
    auth.login_as(make.user("candidate"))
    response = client.get("/api/v1/me/recommendations?limit=500")
    assert response.status_code == 400 and response.get_json()["error"]["field"] == "limit"
