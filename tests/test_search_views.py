"""The search page (/recherche) and the search API (/api/v1/missions): same parameters, same results."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest

from marketplace.api.serializers import mission_contract
from marketplace.extensions import db
from marketplace.search import services
from tests.conftest import is_postgres

LYON_7 = (45.7456, 4.8427)  # the factories' missions
VILLEURBANNE = (45.7719, 4.8902)  # about 4.7 km away
GRENOBLE = (45.1885, 5.7245)  # about 95 km away

BACKENDS = [
    "whoosh",
    pytest.param(
        "postgres",
        marks=pytest.mark.skipif(
            not is_postgres(), reason="the PostgreSQL backend is tested when TEST_DATABASE_URL is PostgreSQL"
        ),
    ),
]


@pytest.fixture
def world(make):
    """An association with published missions around Lyon, one draft, one full, one remote."""
    owner = make.user("association", email="presidente@asso.example.fr")
    association = make.association("Les Jardins du Rhône", owner=owner)
    villeurbanne = {
        "lat": VILLEURBANNE[0],
        "lon": VILLEURBANNE[1],
        "city": "Villeurbanne",
        "postcode": "69100",
    }
    grenoble = {"lat": GRENOBLE[0], "lon": GRENOBLE[1], "city": "Grenoble", "postcode": "38000"}

    def add(title: str, domain: str = "environnement", **fields):
        return make.mission(association, title=title, domain=domain, **fields)

    missions = {
        "garden": add("Jardinage partagé", description="Entretenir le jardin partagé du quartier."),
        "homework": add("Aide aux devoirs", "education", kind="support", **villeurbanne),
        "far": add("Jardin des Alpes", **grenoble),
        "remote": add("Traduction de documents", "international", remote=True, lat=None, lon=None),
        "full": add("Jardin d'hiver", capacity=1, seats_taken=1),
        "draft": add("Jardin secret", status="draft"),
    }
    candidate = make.user("candidate", email="camille.candidate@example.fr")
    make.application(missions["garden"], candidate)
    services.reindex_all()
    return missions


def page_ids(response) -> list[int]:
    return [int(found) for found in re.findall(r'data-mission-id="(\d+)"', response.get_data(as_text=True))]


def api_ids(response) -> list[int]:
    return [item["id"] for item in response.get_json()["items"]]


# --- the page -----------------------------------------------------------------------------------


def test_page_lists_matching_missions_with_highlights_distances_and_seats(client, world):
    response = client.get("/recherche?q=jardin&postcode=69007&radius_km=20&sort=distance")
    assert response.status_code == 200
    assert page_ids(response) == [world["garden"].id]  # Grenoble is too far, the full one hidden
    page = response.get_data(as_text=True)
    assert "Entretenir le <mark>jardin</mark> partagé du quartier." in page
    assert float(re.search(r'data-testid="distance" data-km="([\d.]+)"', page).group(1)) < 1
    assert re.search(r'data-testid="seats">[^<]*5', page)


def test_page_shows_facet_counts_next_to_the_filters(client, world):
    page = client.get("/recherche?q=jardin&domain=environnement").get_data(as_text=True)
    assert re.search(r'data-facet="domain:environnement">\(2\)', page)  # garden and far; full is hidden
    assert re.search(r'data-facet="domain:education">\(0\)', page)
    assert re.search(r'data-facet="kind:ponctual">\(2\)', page)


def test_page_keeps_the_filters_in_the_form_and_in_its_links(client, world, make):
    for number in range(3):
        make.mission(world["garden"].association, title=f"Jardin numéro {number}", domain="environnement")
    services.reindex_all()
    response = client.get("/recherche?q=jardin&domain=environnement&per_page=2")
    page = response.get_data(as_text=True)
    assert 'value="jardin"' in page and 'id="domain-environnement" checked' in page
    next_link = re.search(r'<a rel="next" href="([^"]+)"', page).group(1)
    params = parse_qs(urlsplit(next_link.replace("&amp;", "&")).query)
    assert params == {"q": ["jardin"], "domain": ["environnement"], "page": ["2"], "per_page": ["2"]}
    second = client.get(next_link.replace("&amp;", "&"))
    assert set(page_ids(second)).isdisjoint(page_ids(response)) and len(page_ids(second)) == 2


def test_unticked_remote_box_leaves_remote_missions_out(client, world):
    assert world["remote"].id in page_ids(client.get("/recherche?remote=0&remote=1"))
    assert world["remote"].id not in page_ids(client.get("/recherche?remote=0"))


def test_highlights_are_the_only_html_let_through(client, make):
    make.mission(title="<script>alert(1)</script> Jardin", description="<img src=x onerror=alert(1)> jardin")
    services.reindex_all()
    page = client.get("/recherche?q=jardin").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; <mark>Jardin</mark>" in page


def test_no_result_page_offers_the_spelling_suggestion(client, world):
    response = client.get("/recherche?q=jardinnage")
    assert response.status_code == 200 and page_ids(response) == []
    link = re.search(
        r'<a href="([^"]+)" data-testid="suggestion">jardinage</a>', response.get_data(as_text=True)
    )
    assert parse_qs(urlsplit(link.group(1)).query) == {"q": ["jardinage"]}


def test_no_result_page_offers_a_wider_radius_with_its_count(client, world):
    page = client.get("/recherche?q=alpes&postcode=69007&radius_km=50").get_data(as_text=True)
    link = re.search(r'<a href="([^"]+)" data-testid="wider-radius">', page).group(1).replace("&amp;", "&")
    assert parse_qs(urlsplit(link).query) == {"q": ["alpes"], "postcode": ["69007"], "radius_km": ["100"]}
    assert page_ids(client.get(link)) == [world["far"].id]


def test_no_result_page_offers_to_remove_the_filters(client, world):
    page = client.get("/recherche?q=traduction&domain=sante&kind=support").get_data(as_text=True)
    assert 'data-testid="no-results"' in page
    clear = re.search(r'<a href="([^"]+)" data-testid="clear-filters">', page).group(1)
    assert parse_qs(urlsplit(clear).query) == {"q": ["traduction"]}
    removals = re.findall(r'<li><a class="tag" href="([^"]+)">', page)
    assert len(removals) == 2  # one link per filter, each keeping the other one
    assert {tuple(sorted(parse_qs(urlsplit(url.replace("&amp;", "&")).query))) for url in removals} == {
        ("domain", "q"),
        ("kind", "q"),
    }


@pytest.mark.parametrize(
    ("query", "field", "typed"),
    [
        ("domain=cuisine", "domain", None),
        ("postcode=75O01", "postcode", 'value="75O01"'),
        ("postcode=99999", "postcode", 'value="99999"'),
        ("postcode=69007&radius_km=500", "radius_km", 'value="500" selected'),
        ("from=2030-13-01", "from", 'value="2030-13-01"'),
        ("from=2030-06-10&to=2030-06-01", "to", 'value="2030-06-01"'),
        ("slots=wed_night", "slots", None),
    ],
)
def test_page_shows_the_error_next_to_its_filter_and_keeps_what_was_typed(client, world, query, field, typed):
    response = client.get(f"/recherche?q=jardin&{query}")
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert f'data-field="{field}"' in page
    assert re.search(r'class="field__error" id="[\w-]+-error"', page)
    assert 'value="jardin"' in page
    if typed:
        assert typed in page


# --- the API ----------------------------------------------------------------------------------------


SAME_SEARCHES = [
    "q=jardin",
    "q=jardin&domain=environnement&domain=education",
    "postcode=69007&radius_km=10&sort=distance",
    "lat=45.7456&lon=4.8427&radius_km=200&sort=distance&remote=0",
    "kind=support",
    "with_seats=0&sort=date",
    "q=jardin&per_page=1&page=2",
    "age_range=16-17",
]


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("query", SAME_SEARCHES)
def test_page_and_api_give_the_same_missions(app, client, world, backend, query):
    app.config["SEARCH_BACKEND"] = backend
    try:
        services.reindex_all()
        page, api = client.get(f"/recherche?{query}"), client.get(f"/api/v1/missions?{query}")
        assert page.status_code == api.status_code == 200
        assert page_ids(page) == api_ids(api)
        assert f'data-total="{api.get_json()["total"]}"' in page.get_data(as_text=True)
    finally:
        app.config["SEARCH_BACKEND"] = "whoosh"


def test_api_answer_is_the_mission_contract_plus_distance(client, world):
    response = client.get("/api/v1/missions?q=jardin&postcode=69007&radius_km=10&sort=distance")
    payload = response.get_json()
    assert set(payload) == {"items", "total", "page", "per_page", "facets"}
    assert (payload["total"], payload["page"], payload["per_page"]) == (1, 1, 20)
    assert payload["facets"] == {"domain": {"environnement": 1}, "kind": {"ponctual": 1}}
    (item,) = payload["items"]
    expected = mission_contract(world["garden"], distance_km=item["distance_km"])
    assert item == expected
    assert 0 <= item["distance_km"] < 1


def test_the_contract_gives_the_parts_of_the_day_of_a_one_off_mission(client, world, make):
    evening = make.mission(world["garden"].association, title="Veillée contée", day_parts=["evening"])
    services.reindex_all()
    assert client.get(f"/api/v1/missions/{evening.id}").get_json()["day_parts"] == ["evening"]
    assert client.get(f"/api/v1/missions/{world['garden'].id}").get_json()["day_parts"] == []  # not said
    weekday = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")[evening.start_date.weekday()]
    assert api_ids(client.get(f"/api/v1/missions?q=veillee&slots={weekday}_evening")) == [evening.id]
    assert api_ids(client.get(f"/api/v1/missions?q=veillee&slots={weekday}_morning")) == []


def test_api_items_without_a_place_have_a_null_distance(client, world):
    items = client.get("/api/v1/missions?q=jardin").get_json()["items"]
    assert items and all(item["distance_km"] is None for item in items)
    assert all(set(item) == set(mission_contract(world["garden"])) | {"distance_km"} for item in items)


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("domain=cuisine", "domain"),
        ("kind=benevolat", "kind"),
        ("postcode=123", "postcode"),
        ("postcode=99999", "postcode"),
        ("postcode=69007&lat=45.7&lon=4.8", "postcode"),
        ("lat=45.7", "lon"),
        ("lon=4.8", "lat"),
        ("lat=95&lon=4.8", "lat"),
        ("lat=45.7&lon=4.8&radius_km=0", "radius_km"),
        ("radius_km=201", "radius_km"),
        ("remote=maybe", "remote"),
        ("with_seats=2", "with_seats"),
        ("age_range=12-15", "age_range"),
        ("slots=wed_night", "slots"),
        ("from=14/06/2030", "from"),
        ("to=2030-02-30", "to"),
        ("from=2030-06-10&to=2030-06-01", "to"),
        ("sort=price", "sort"),
        ("sort=distance", "sort"),
        ("page=0", "page"),
        ("per_page=101", "per_page"),
        ("per_page=abc", "per_page"),
        ("q=" + "x" * 201, "q"),
    ],
)
def test_invalid_parameters_get_a_400_naming_the_parameter(client, world, query, field):
    response = client.get(f"/api/v1/missions?{query}")
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert (error["code"], error["field"]) == ("invalid_parameter", field)
    assert error["message"]
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert client.get(f"/recherche?{query}").status_code == 400


def test_lenient_but_valid_inputs_are_accepted(client, world):
    for query in (
        "age_range=66",
        "postcode=69%20007",
        "radius_km=7,5&lat=45.7&lon=4.8",
        "domain=&kind=",
        "remote=non",
    ):
        assert client.get(f"/api/v1/missions?{query}").status_code == 200, query


def test_api_answers_are_cacheable_with_a_weak_etag(client, world):
    first = client.get("/api/v1/missions?q=jardin")
    assert first.headers["Cache-Control"] == "public, max-age=60"
    etag = first.headers["ETag"]
    assert etag.startswith('W/"')
    again = client.get("/api/v1/missions?q=jardin", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b""
    assert again.headers["ETag"] == etag
    world["garden"].title = "Jardinage partagé et potager"
    db.session.commit()
    services.reindex_all()
    changed = client.get("/api/v1/missions?q=jardin", headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["ETag"] != etag


def test_api_mission_gives_published_missions_only(client, world):
    response = client.get(f"/api/v1/missions/{world['garden'].id}")
    assert response.status_code == 200
    assert response.get_json() == mission_contract(world["garden"])
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    etag = response.headers["ETag"]
    cached = client.get(f"/api/v1/missions/{world['garden'].id}", headers={"If-None-Match": etag})
    assert cached.status_code == 304
    for missing in (world["draft"].id, 999_999):
        response = client.get(f"/api/v1/missions/{missing}")
        assert response.status_code == 404
        assert response.get_json()["error"]["code"] == "not_found"
        assert response.headers["Access-Control-Allow-Origin"] == "*"


def test_api_lets_any_site_read_it_without_credentials(client, world):
    response = client.get("/api/v1/missions", headers={"Origin": "https://mairie.example.fr"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response.headers
    assert "Set-Cookie" not in response.headers


def test_api_never_shows_personal_data(client, world):
    answers = [
        client.get("/api/v1/missions?with_seats=0&per_page=100").get_data(as_text=True),
        client.get(f"/api/v1/missions/{world['garden'].id}").get_data(as_text=True),
    ]
    for answer in answers:
        assert "@" not in answer
        assert "camille" not in answer.lower() and "presidente" not in answer.lower()
        payload = json.loads(answer)
        items = payload.get("items", [payload])
        assert all(set(item["association"]) == {"id", "name", "verified"} for item in items)


# --- the old address ------------------------------------------------------------------------------


def test_old_missions_address_redirects_permanently_with_its_query(client):
    response = client.get("/missions?domain=sante&kind=support&page=2")
    assert response.status_code == 301
    assert response.headers["Location"] == "/recherche?domain=sante&kind=support&page=2"
    assert client.get("/missions").headers["Location"] == "/recherche"


def test_one_off_missions_far_in_the_future_are_found_by_date(client, make):
    day = date.today() + timedelta(days=60)
    mission = make.mission(start_date=day)
    make.mission(start_date=day + timedelta(days=30))
    services.reindex_all()
    query = f"from={day.isoformat()}&to={day.isoformat()}"
    assert (
        page_ids(client.get(f"/recherche?{query}"))
        == api_ids(client.get(f"/api/v1/missions?{query}"))
        == [mission.id]
    )
