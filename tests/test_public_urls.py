"""Host-header poisoning: absolute links come from PUBLIC_BASE_URL, production refuses unknown hosts.

Issue 13, findings 10 and 11. The test app normally has SERVER_NAME set, which hides the bug:
these tests build an app without it, as a production server usually runs.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from marketplace.config import InsecureConfiguration, ProductionConfig
from marketplace.extensions import db
from marketplace.notifications.services import deliver_pending
from tests.conftest import DEFAULT_PASSWORD, build_app, text_of

PUBLIC = "https://tremplin.example"
ATTACKER = {"Host": "attacker.example"}


@pytest.fixture
def public_app(app):
    """An app that knows its public address but not SERVER_NAME, with its caches on."""
    served = build_app(
        SERVER_NAME=None, PUBLIC_BASE_URL=PUBLIC, API_CACHE_SECONDS=30, WIDGET_CACHE_SECONDS=30
    )
    with served.app_context():
        yield served


@pytest.fixture
def attacker(public_app):
    return public_app.test_client()


def _links(text: str) -> list[str]:
    return re.findall(r"https?://[^\s\"'<>]+", text)


def _only_public_links(text: str) -> None:
    links = _links(text)
    assert links, "the answer should carry absolute links"
    assert "attacker.example" not in text
    assert all(link == PUBLIC or link.startswith(PUBLIC + "/") for link in links), links


def test_reset_email_links_to_the_public_address_whatever_the_host(public_app, attacker, make, sent_emails):
    user = make.user()
    attacker.post("/mot-de-passe-oublie", data={"email": user.email}, headers=ATTACKER)
    deliver_pending()
    body = sent_emails[-1].get_body(("plain",)).get_content()
    assert re.search(re.escape(PUBLIC) + r"/mot-de-passe/reinitialiser/\S+", body)
    _only_public_links(body)


def test_team_invitation_links_to_the_public_address(public_app, attacker, make, sent_emails):
    owner = make.user("association")
    make.association(owner=owner)
    attacker.post("/connexion", data={"email": owner.email, "password": DEFAULT_PASSWORD}, headers=ATTACKER)
    response = attacker.post("/espace/equipe/inviter", data={"email": "lea@example.fr"}, headers=ATTACKER)
    assert response.status_code in (200, 302)
    deliver_pending()
    body = sent_emails[-1].get_body(("plain",)).get_content()
    assert PUBLIC + "/invitation/" in body
    _only_public_links(body)


def test_application_email_links_to_the_public_address(public_app, attacker, make, sent_emails):
    mission = make.mission()
    volunteer = make.user("candidate")
    attacker.post(
        "/connexion", data={"email": volunteer.email, "password": DEFAULT_PASSWORD}, headers=ATTACKER
    )
    response = attacker.post(
        f"/missions/{mission.id}/postuler", data={"message": "Bonjour, je suis disponible."}, headers=ATTACKER
    )
    assert response.status_code == 302
    deliver_pending()
    assert sent_emails, "the association is told by e-mail"
    for message in sent_emails:
        _only_public_links(message.get_body(("plain",)).get_content())


def test_calendar_link_uses_the_public_address(public_app, attacker, make):
    volunteer = make.user("candidate")
    attacker.post(
        "/connexion", data={"email": volunteer.email, "password": DEFAULT_PASSWORD}, headers=ATTACKER
    )
    attacker.post("/espace/calendrier/lien", headers=ATTACKER)
    page = text_of(attacker.get("/espace/candidatures", headers=ATTACKER))
    assert re.search(re.escape(PUBLIC) + r"/calendrier/[0-9a-f]+\.ics", page)
    assert "attacker.example" not in page


def test_api_answers_carry_public_links_and_are_not_poisoned_through_the_cache(public_app, attacker, make):
    mission = make.mission()
    for path in (
        f"/api/v1/missions/{mission.id}",
        f"/api/v1/associations/{mission.association_id}",
        "/api/v1/openapi.json",
    ):
        poisoned = attacker.get(path, headers=ATTACKER)
        assert poisoned.status_code == 200
        _only_public_links(poisoned.get_data(as_text=True))
        normal = public_app.test_client().get(path)
        _only_public_links(normal.get_data(as_text=True))


def test_widget_feed_and_page_are_not_poisoned_through_the_cache(public_app, attacker, make):
    widget = make.widget()
    make.mission(title="Jardinage partagé")
    for path in (f"/widget/{widget.public_id}/atom.xml", f"/widget/{widget.public_id}"):
        first = attacker.get(path, headers={**ATTACKER, "X-Forwarded-Host": "attacker.example"})
        assert first.status_code == 200
        for _client in range(3):  # ordinary visitors after the attacker, within the cache's life
            body = public_app.test_client().get(path).get_data(as_text=True)
            assert "attacker.example" not in body
            assert PUBLIC + "/" in body
    feed = ET.fromstring(public_app.test_client().get(f"/widget/{widget.public_id}/atom.xml").data)  # noqa: S314
    ids = [element.text for element in feed.iter("{http://www.w3.org/2005/Atom}id")]
    assert all(value.startswith(PUBLIC + "/") for value in ids)


def test_widget_snippets_use_the_public_address(public_app, attacker, make):
    admin = make.user("network_admin")
    widget = make.widget(network=make.network(admin=admin))
    attacker.post("/connexion", data={"email": admin.email, "password": DEFAULT_PASSWORD}, headers=ATTACKER)
    page = text_of(attacker.get(f"/reseau/widgets/{widget.id}", headers=ATTACKER))
    assert f'<script src="{PUBLIC}/widget.js"' in page
    assert f'<iframe src="{PUBLIC}/widget/{widget.public_id}"' in page
    assert "attacker.example" not in page


def test_links_built_outside_a_request_use_the_public_address(public_app):
    from flask import url_for

    assert url_for("main.home", _external=True) == PUBLIC + "/"
    assert url_for("accounts.login", _external=False) == "/connexion"


# --- production: unknown hosts refused --------------------------------------------------------------


def _production_app(monkeypatch, **settings):
    from marketplace import create_app

    monkeypatch.setattr(ProductionConfig, "SECRET_KEY", "x" * 48)
    for name, value in {"PUBLIC_BASE_URL": PUBLIC, **settings}.items():
        monkeypatch.setattr(ProductionConfig, name, value)
    monkeypatch.setattr(ProductionConfig, "SQLALCHEMY_DATABASE_URI", db.engine.url.render_as_string(False))
    return create_app(ProductionConfig())


def test_production_refuses_requests_for_an_unknown_host(app, monkeypatch):
    production = _production_app(monkeypatch)
    client = production.test_client()
    assert client.get("/connexion", headers=ATTACKER).status_code == 400
    assert client.post("/mot-de-passe-oublie", data={"email": "a@b.fr"}, headers=ATTACKER).status_code == 400
    assert client.get("/connexion", headers={"Host": "tremplin.example"}).status_code == 200


def test_production_trusts_the_hosts_it_is_told(app, monkeypatch):
    production = _production_app(monkeypatch, TRUSTED_HOSTS=["tremplin.example", "www.tremplin.example"])
    client = production.test_client()
    assert client.get("/connexion", headers={"Host": "www.tremplin.example"}).status_code == 200
    assert client.get("/connexion", headers=ATTACKER).status_code == 400


def test_production_refuses_to_start_without_its_public_address(monkeypatch):
    from marketplace import create_app

    monkeypatch.setattr(ProductionConfig, "SECRET_KEY", "x" * 48)
    monkeypatch.setattr(ProductionConfig, "PUBLIC_BASE_URL", "http://127.0.0.1:5000")
    with pytest.raises(InsecureConfiguration, match="PUBLIC_BASE_URL"):
        create_app(ProductionConfig())


@pytest.mark.parametrize("value", ["javascript:alert(1)", "tremplin.example", "https://tremplin.example/app"])
def test_a_public_address_that_is_not_an_origin_is_refused(value):
    from marketplace.public_urls import normalise_base_url

    with pytest.raises(ValueError, match="PUBLIC_BASE_URL"):
        normalise_base_url(value)
