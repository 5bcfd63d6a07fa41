"""Partner API keys: created by network or site admins, shown once, stored hashed, revocable at once."""

from __future__ import annotations

import hashlib
import logging
import re

import pytest
from sqlalchemy import select

from marketplace.apikeys.models import ApiKey
from marketplace.apikeys.services import create_key, manageable_networks
from marketplace.extensions import db, limiter
from tests.conftest import build_app, text_of

SECRET = re.compile(r"tpk_[A-Za-z0-9_-]{40,}")


@pytest.fixture
def network_admin(make):
    admin = make.user("network_admin", email="admin.reseau@mda.example.fr")
    make.network("Maison des associations de Lyon", admin=admin)
    return admin


def create_through_the_page(client, auth, user, name="Site de la mairie"):
    auth.login_as(user)
    network_id = manageable_networks(user)[0].id
    return client.post("/espace/cles-api", data={"name": name, "owner": str(network_id)})


def test_created_key_is_shown_once_and_only_its_hash_is_stored(client, auth, network_admin):
    response = create_through_the_page(client, auth, network_admin)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    secret = SECRET.search(text_of(response)).group(0)
    key = db.session.scalar(select(ApiKey))
    assert key.secret_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in {key.name, key.prefix, key.secret_hash}
    assert secret.startswith(key.prefix) and len(key.prefix) < len(secret) // 3
    listing = client.get("/espace/cles-api")
    assert secret not in text_of(listing)
    assert key.prefix in text_of(listing)


def test_a_key_raises_the_rate_limit_and_records_its_use(client, make, network_admin):
    network = make.network("Autre réseau")
    key, secret = create_key("Partenaire", network_id=network.id, by=make.user("site_admin"))
    db.session.commit()
    response = client.get("/api/v1/domains", headers={"X-API-Key": secret})
    assert response.status_code == 200
    db.session.refresh(key)
    assert key.last_used_at is not None


def test_revoked_key_is_refused_at_once(client, auth, network_admin):
    secret = SECRET.search(text_of(create_through_the_page(client, auth, network_admin))).group(0)
    assert client.get("/api/v1/domains", headers={"X-API-Key": secret}).status_code == 200
    key = db.session.scalar(select(ApiKey))
    response = client.post(f"/espace/cles-api/{key.id}/revoquer")
    assert response.status_code == 302
    refused = client.get("/api/v1/domains", headers={"X-API-Key": secret})
    assert refused.status_code == 401
    assert refused.get_json()["error"] == {
        "code": "invalid_api_key",
        "message": refused.get_json()["error"]["message"],
        "field": "X-API-Key",
    }


def test_unknown_key_is_refused(client):
    response = client.get("/api/v1/missions", headers={"X-API-Key": "tpk_" + "x" * 43})
    assert response.status_code == 401


@pytest.mark.parametrize("name", ["api_key", "apikey", "X-API-Key", "key"])
def test_key_in_the_query_string_is_refused_and_never_logged(client, make, caplog, name):
    _key, secret = create_key("Fuite", network_id=None, by=make.user("site_admin"))
    db.session.commit()
    with caplog.at_level(logging.DEBUG):
        response = client.get(f"/api/v1/missions?{name}={secret}")
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error["code"] == "api_key_in_query" and error["field"] == name
    assert "X-API-Key" in error["message"]
    assert secret not in caplog.text and secret not in response.get_data(as_text=True)


def test_access_log_lines_are_redacted():
    from marketplace.api.clients import RedactApiKeys

    record = logging.LogRecord(
        "werkzeug",
        logging.INFO,
        __file__,
        1,
        '%s - - "%s" %s',
        ("127.0.0.1", "GET /api/v1/missions?q=a&api_key=tpk_secret HTTP/1.1", "400"),
        None,
    )
    RedactApiKeys().filter(record)
    assert "tpk_secret" not in record.getMessage() and "api_key=[redacted]" in record.getMessage()
    assert "q=a" in record.getMessage()


def test_network_admin_manages_only_the_keys_of_their_networks(client, auth, make, network_admin):
    other_network = make.network("Réseau voisin")
    site_admin = make.user("site_admin")
    other_key, _secret = create_key("Voisin", network_id=other_network.id, by=site_admin)
    site_key, _secret = create_key("National", network_id=None, by=site_admin)
    db.session.commit()
    auth.login_as(network_admin)
    page = text_of(client.get("/espace/cles-api"))
    assert "Voisin" not in page and "National" not in page
    assert client.post(f"/espace/cles-api/{other_key.id}/revoquer").status_code == 404
    assert client.post(f"/espace/cles-api/{site_key.id}/revoquer").status_code == 404
    refused = client.post("/espace/cles-api", data={"name": "Pirate", "owner": str(other_network.id)})
    assert refused.status_code == 400
    assert client.post("/espace/cles-api", data={"name": "Pirate", "owner": "site"}).status_code == 400
    assert db.session.scalar(select(ApiKey).where(ApiKey.name == "Pirate")) is None


def test_site_admin_creates_site_wide_keys(client, auth, make):
    auth.login_as(make.user("site_admin"))
    response = client.post("/espace/cles-api", data={"name": "Partenaire national", "owner": "site"})
    assert response.status_code == 200
    key = db.session.scalar(select(ApiKey))
    assert key.network_id is None and key.name == "Partenaire national"


def test_a_key_needs_a_name_and_the_form_keeps_the_choice(client, auth, network_admin):
    auth.login_as(network_admin)
    response = client.get("/espace/cles-api")
    network_id = re.search(r'<option[^>]*value="(\d+)"', response.get_data(as_text=True)).group(1)
    response = client.post("/espace/cles-api", data={"name": "   ", "owner": network_id})
    assert response.status_code == 400
    assert "Ce champ est obligatoire" in text_of(response)
    assert db.session.scalar(select(ApiKey)) is None


# --- rate limits ---------------------------------------------------------------------------------


@pytest.fixture
def limited_client(app):
    """An app with small API limits; the shared limiter is given back disabled and empty."""
    was_enabled = limiter.enabled
    limited = build_app(
        RATELIMIT_ENABLED=True, API_ANONYMOUS_RATE_LIMIT="3 per minute", API_KEY_RATE_LIMIT="6 per minute"
    )
    try:
        with limited.app_context():
            yield limited.test_client()
    finally:
        limiter.reset()
        limiter.enabled = was_enabled


def test_anonymous_and_keyed_clients_have_different_limits_and_429_says_when_to_retry(limited_client, make):
    _key, secret = create_key("Partenaire", network_id=None, by=make.user("site_admin"))
    db.session.commit()
    anonymous = [limited_client.get("/api/v1/domains").status_code for _ in range(4)]
    assert anonymous == [200, 200, 200, 429]
    keyed = [
        limited_client.get("/api/v1/domains", headers={"X-API-Key": secret}).status_code for _ in range(7)
    ]
    assert keyed == [200] * 6 + [429]
    refused = limited_client.get("/api/v1/domains")
    assert refused.status_code == 429
    assert int(refused.headers["Retry-After"]) > 0
    assert refused.get_json()["error"]["code"] == "rate_limited"
    assert refused.headers["Access-Control-Allow-Origin"] == "*"


def test_one_budget_covers_every_api_route(limited_client, make):
    mission = make.mission()
    statuses = [
        limited_client.get(path).status_code
        for path in (
            "/api/v1/domains",
            f"/api/v1/missions/{mission.id}",
            "/api/v1/openapi.json",
            "/api/v1/missions",
        )
    ]
    assert statuses == [200, 200, 200, 429]
