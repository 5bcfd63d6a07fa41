"""What the walk through the site found (issue 13, « Also from the walk »)."""

from __future__ import annotations

import re
from datetime import timedelta

from marketplace.associations.models import MissionReview
from marketplace.extensions import db
from marketplace.models_base import utcnow
from marketplace.search import services
from marketplace.statuses import ReviewAction
from marketplace.text import plain_text
from tests.conftest import text_of
from tests.test_imports import CSV_HEADER, _upload, csv_line

MARKDOWN = (
    "- **Ce que vous ferez** : trier les colis\n- *Quand* : le samedi\n\n## Pratique\nRendez-vous au local."
)


def test_plain_text_keeps_the_words_without_markdown():
    assert (
        plain_text(MARKDOWN)
        == "Ce que vous ferez : trier les colis Quand : le samedi Pratique Rendez-vous au local."
    )
    assert plain_text("Tom & Jerry") == "Tom & Jerry"


def _search_page(client, make, query: str) -> str:
    make.mission(title="Collecte de colis", description=MARKDOWN)
    services.reindex_all()
    return text_of(client.get(f"/recherche?{query}"))


def test_search_cards_show_no_raw_markdown_with_a_query(client, make):
    page = _search_page(client, make, "q=trier")
    card = page[page.index("Collecte de") :]
    assert "<mark>trier</mark>" in card  # the snippet is cut from the words, around the match
    assert "**" not in card and "- Ce que" not in card and "## " not in card


def test_search_cards_show_no_raw_markdown_without_a_query(client, make):
    page = _search_page(client, make, "")
    card = page[page.index("Collecte de colis") :]
    assert "Ce que vous ferez : trier les colis" in card
    assert "**Ce que" not in page and "## Pratique" not in page


def test_the_csv_example_names_its_charset_once(client, auth, make):
    owner = make.user("association")
    make.association(owner=owner)
    auth.login_as(owner)
    response = client.get("/espace/import/modele.csv")
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    jsonl = client.get("/espace/import/modele.jsonl")
    assert jsonl.headers["Content-Type"].count("charset") == 1


def test_the_search_place_field_takes_a_commune_name(client, make):
    make.mission(title="Aide aux devoirs", city="Villeurbanne", postcode="69100", lat=45.7719, lon=4.8902)
    services.reindex_all()
    response = client.get("/recherche?postcode=Villeurbanne&radius_km=5")
    assert response.status_code == 200
    page = text_of(response)
    assert "Aide aux devoirs" in page
    assert "69100" in page  # the commune found is shown as its postcode
    unknown = client.get("/recherche?postcode=Villeurbannnne")
    assert unknown.status_code == 400
    message = " ".join(text_of(unknown).replace("\u00a0", " ").split())
    assert "Nous ne connaissons pas la commune « Villeurbannnne »" in message


def test_remote_missions_are_left_out_unless_asked_for(client, make):
    make.mission(title="Jardinage du quartier")
    make.mission(
        title="Traduction à distance", remote=True, city="Brest", postcode="29200", lat=None, lon=None
    )
    services.reindex_all()
    page = client.get("/recherche?postcode=69007&radius_km=5").get_data(as_text=True)
    assert 'id="filter-remote" checked' not in page and re.search(r'id="filter-remote"\s*>', page)
    assert "Jardinage du quartier" in page and "Traduction à distance" not in page
    asked = client.get("/recherche?postcode=69007&radius_km=5&remote=1").get_data(as_text=True)
    assert "Traduction à distance" in asked
    assert re.search(r'id="filter-remote" checked', asked)


def test_import_report_says_published_only_for_published_missions(client, auth, make):
    owner = make.user("association")
    make.association("Banque alimentaire du Rhône", owner=owner, verified=False)
    auth.login_as(owner)
    response = _upload(client, "\n".join([CSV_HEADER, csv_line("a"), csv_line("b")]) + "\n")
    assert response.status_code == 200
    page = text_of(response)
    assert 'data-testid="count-moderation">2<' in page
    assert "missions envoyées en modération (pas encore publiées)" in page
    assert page.count("Envoyée en modération") == 2
    assert "Publiée" not in page


def test_import_report_of_a_verified_association_says_published(client, auth, make):
    owner = make.user("association")
    make.association("Banque alimentaire du Rhône", owner=owner, verified=True)
    auth.login_as(owner)
    page = text_of(_upload(client, "\n".join([CSV_HEADER, csv_line("a")]) + "\n"))
    assert "Publiée" in page and "Créée" in page
    assert "envoyée" not in page.lower()


def test_a_mission_submitted_seconds_ago_says_just_now(client, auth, make):
    owner = make.user("association")
    association = make.association(owner=owner)
    mission = make.mission(association, status="pending_review")
    db.session.add(
        MissionReview(mission=mission, actor=owner, action=ReviewAction.SUBMITTED, created_at=utcnow())
    )
    db.session.commit()
    auth.login_as(owner)
    page = text_of(client.get(f"/espace/missions/{mission.id}"))
    assert "Soumise à l'instant." in page
    assert "0 minute" not in page


def test_a_mission_submitted_hours_ago_says_how_long(client, auth, make):
    owner = make.user("association")
    association = make.association(owner=owner)
    mission = make.mission(association, status="pending_review")
    earlier = utcnow() - timedelta(hours=3)
    db.session.add(
        MissionReview(mission=mission, actor=owner, action=ReviewAction.SUBMITTED, created_at=earlier)
    )
    db.session.commit()
    auth.login_as(owner)
    page = text_of(client.get(f"/espace/missions/{mission.id}"))
    assert re.search(r"Soumise il y a\s+3\s+heures\.", page), re.findall(r"Soumise[^<]*", page)


def test_hours_use_the_french_decimal_comma(client, auth, make):
    mission = make.mission(schedule="recurring", start_date=None, hours_per_week=3.5, slots=["sat_morning"])
    application = make.application(mission, status="completed", hours_done=3.5)
    auth.login_as(application.candidate)
    page = text_of(client.get(f"/candidatures/{application.id}"))
    assert "3,5 h" in page and "3.5" not in page
    services.reindex_all()
    results = text_of(client.get("/recherche"))
    assert "3,5 h/semaine" in results or "3,5 h" in results
