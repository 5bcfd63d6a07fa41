"""Saved searches and their alerts: only new missions the search finds, once per period (issue 15, item 4)."""

from __future__ import annotations

from datetime import datetime, timedelta
from urllib.parse import urlencode

import pytest
from sqlalchemy import select

from marketplace.alerts import services
from marketplace.alerts.models import SavedSearch
from marketplace.assistant import flow
from marketplace.extensions import db
from marketplace.notifications.models import EmailOptOut, OutboxMessage
from marketplace.search import services as search

NOW = datetime(2027, 3, 1, 8, 0)


@pytest.fixture(autouse=True)
def request_context(app):
    with app.test_request_context():
        yield


def outbox() -> list[OutboxMessage]:
    db.session.expire_all()
    return list(db.session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))


def saved_for(make, query_string: str, *, frequency="daily", checked=NOW - timedelta(days=1), user=None):
    saved = SavedSearch(
        user_id=(user or make.user("candidate", first_name="Inès")).id,
        name=services.describe(query_string),
        query_string=query_string,
        frequency=frequency,
        last_checked_at=checked,
    )
    db.session.add(saved)
    db.session.commit()
    return saved


def published(make, title: str, at: datetime, **fields):
    return make.mission(title=title, published_at=at, **fields)


def test_saving_a_search_keeps_its_shortest_form_and_a_readable_name(client, auth, make):
    volunteer = make.user("candidate")
    auth.login_as(volunteer)
    response = client.post(
        "/recherches/enregistrer",
        data={
            "search": "q=collecte&domain=aide-alimentaire&postcode=69007&page=3&sort=date",
            "frequency": "daily",
        },
    )
    assert response.status_code == 302
    (saved,) = services.saved_searches_of(volunteer)
    assert "page=" not in saved.query_string and "sort=" not in saved.query_string
    assert "q=collecte" in saved.query_string and "postcode=69007" in saved.query_string
    assert saved.name.startswith("« collecte », Aide alimentaire") and "Lyon" in saved.name
    assert response.headers["Location"].endswith("/recherche?" + saved.query_string)
    # The same search again: still one, with the frequency just chosen.
    client.post(
        "/recherches/enregistrer",
        data={"search": "postcode=69007&domain=aide-alimentaire&q=collecte", "frequency": "weekly"},
    )
    assert [s.frequency for s in services.saved_searches_of(volunteer)] == ["weekly"]


def test_an_invalid_search_or_frequency_is_refused_with_a_message(client, auth, make):
    volunteer = make.user("candidate")
    auth.login_as(volunteer)
    response = client.post(
        "/recherches/enregistrer", data={"search": "domain=nope", "frequency": "daily"}, follow_redirects=True
    )
    assert services.saved_searches_of(volunteer) == []
    assert "alert--error" in response.get_data(as_text=True)
    client.post("/recherches/enregistrer", data={"search": "q=jardin", "frequency": "hourly"})
    assert services.saved_searches_of(volunteer) == []


def test_the_dashboard_lists_saved_searches_to_change_or_delete(client, auth, make):
    volunteer = make.user("candidate")
    saved = saved_for(make, "q=jardin", user=volunteer)
    auth.login_as(volunteer)
    page = client.get("/espace").get_data(as_text=True)
    assert 'data-testid="saved-searches"' in page and "« jardin »" in page
    client.post(f"/recherches/{saved.id}/frequence", data={"frequency": "weekly"})
    db.session.expire_all()
    assert db.session.get(SavedSearch, saved.id).frequency == "weekly"
    client.post(f"/recherches/{saved.id}/supprimer")
    assert services.saved_searches_of(volunteer) == []


def test_an_alert_lists_only_the_new_missions_its_search_finds(make):
    saved = saved_for(make, "q=jardin&postcode=69007")
    published(make, "Jardin partagé des Pentes", NOW - timedelta(hours=3))  # new, matches
    published(make, "Jardin ouvert à tous", NOW - timedelta(days=3))  # matches, but seen last time
    published(make, "Collecte alimentaire", NOW - timedelta(hours=2))  # new, does not match
    published(
        make,
        "Jardin de Marseille",
        NOW - timedelta(hours=1),
        city="Marseille",
        postcode="13001",
        lat=43.3,
        lon=5.37,
    )
    search.reindex_all()

    report = services.run_alerts(NOW)

    assert (report.looked_at, report.sent, report.nothing_new) == (1, 1, 0)
    (message,) = outbox()
    assert message.category == "alerts" and message.unsubscribe_url
    assert message.subject.startswith("Une nouvelle mission pour votre recherche « jardin » · autour de ")
    assert "Jardin partagé des Pentes" in message.body_text
    for other in ("Jardin ouvert à tous", "Collecte alimentaire", "Jardin de Marseille"):
        assert other not in message.body_text
    db.session.expire_all()
    assert db.session.get(SavedSearch, saved.id).last_checked_at == NOW


def test_a_search_is_looked_at_once_per_period_and_sends_nothing_when_nothing_is_new(make):
    daily = saved_for(make, "q=jardin", frequency="daily")
    weekly = saved_for(make, "q=jardin", frequency="weekly", checked=NOW - timedelta(days=3))
    published(make, "Jardin des Pentes", NOW - timedelta(hours=3))
    search.reindex_all()

    first = services.run_alerts(NOW)
    assert (first.looked_at, first.sent) == (1, 1)  # the weekly one is not due yet
    again = services.run_alerts(NOW + timedelta(hours=1))
    assert again.looked_at == 0
    later = services.run_alerts(NOW + timedelta(days=1))
    assert (later.looked_at, later.sent, later.nothing_new) == (1, 0, 1)
    assert len(outbox()) == 1 and daily.id and weekly.id


def test_no_alert_for_a_volunteer_who_turned_alerts_off(make):
    volunteer = make.user("candidate")
    db.session.add(EmailOptOut(user_id=volunteer.id, category="alerts"))
    saved_for(make, "q=jardin", user=volunteer)
    published(make, "Jardin des Pentes", NOW - timedelta(hours=3))
    search.reindex_all()
    report = services.run_alerts(NOW)
    assert report.sent == 0 and outbox() == []


def test_the_assistants_answers_can_be_saved_as_a_search(client, auth, make):
    answers_request = flow.RecommendationRequest(
        age_range="36-50",
        postcode="69007",
        radius_km=10,
        domains=("environnement",),
        kinds=("ponctual",),
        slots=("sat_morning",),
        remote_ok=False,
    )
    args = flow.search_args(answers_request)
    assert args == {
        "domain": ["environnement"],
        "kind": ["ponctual"],
        "age_range": "36-50",
        "slots": ["sat_morning"],
        "postcode": "69007",
        "radius_km": 10,
    }
    volunteer = make.user("candidate")
    auth.login_as(volunteer)
    client.post(
        "/recherches/enregistrer",
        data={
            "search": urlencode(args, doseq=True),
            "frequency": "weekly",
            "next": "/trouver-ma-mission/resultats",
        },
    )
    (saved,) = services.saved_searches_of(volunteer)
    assert saved.name.startswith("Environnement, Ponctuelle")
