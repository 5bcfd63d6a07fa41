"""Security from day one: CSRF, rate limits, headers, cookies, production settings, errors."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from marketplace.accounts.models import User
from marketplace.config import InsecureConfiguration, ProductionConfig
from marketplace.extensions import db
from tests.conftest import DEFAULT_PASSWORD, build_app, text_of

POST_FORMS = [
    "/connexion",
    "/deconnexion",
    "/inscription/benevole",
    "/inscription/association",
    "/mot-de-passe-oublie",
    "/compte/mot-de-passe",
    "/langue",
]


@pytest.fixture
def csrf_client(app):
    csrf_app = build_app(WTF_CSRF_ENABLED=True)
    with csrf_app.app_context():
        yield csrf_app.test_client()


@pytest.mark.parametrize("path", POST_FORMS)
def test_every_form_refuses_a_missing_or_forged_csrf_token(csrf_client, path):
    for token in (None, "forged-token"):
        data = {"email": "lea@example.fr", "password": DEFAULT_PASSWORD}
        if token:
            data["csrf_token"] = token
        response = csrf_client.post(path, data=data)
        assert response.status_code in (400, 302)
        if response.status_code == 400:
            assert "jeton de sécurité" in text_of(response)
        else:  # signed-in-only forms send anonymous visitors to the login page first
            assert "/connexion" in response.headers["Location"]


def test_csrf_refusal_creates_nothing(csrf_client):
    csrf_client.post(
        "/inscription/benevole",
        data={
            "first_name": "Léa",
            "email": "lea@example.fr",
            "age_range": "18-25",
            "password": "un-long-mot-de-passe",
            "confirm": "un-long-mot-de-passe",
            "accept_terms": "y",
        },
    )
    assert db.session.scalar(select(func.count()).select_from(User)) == 0


def test_form_with_a_valid_token_is_accepted(csrf_client):
    page = csrf_client.get("/connexion").get_data(as_text=True)
    token = page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    response = csrf_client.post(
        "/connexion", data={"csrf_token": token, "email": "x@example.fr", "password": "whatever-123"}
    )
    assert response.status_code == 400
    assert "Adresse e-mail ou mot de passe incorrect." in text_of(response)


@pytest.fixture
def limited_client(app):
    limited = build_app(
        RATELIMIT_ENABLED=True, LOGIN_RATE_LIMIT="3 per minute", RESET_RATE_LIMIT="2 per minute"
    )
    with limited.app_context():
        yield limited.test_client()


def test_login_is_rate_limited_with_retry_after(limited_client):
    statuses = [
        limited_client.post(
            "/connexion", data={"email": "a@example.fr", "password": "mauvais-mot"}
        ).status_code
        for _ in range(4)
    ]
    assert statuses == [400, 400, 400, 429]
    response = limited_client.post("/connexion", data={"email": "a@example.fr", "password": "mauvais-mot"})
    assert response.status_code == 429
    assert int(response.headers["Retry-After"]) > 0
    assert "Trop de tentatives" in text_of(response)


def test_password_reset_is_rate_limited(limited_client):
    statuses = [
        limited_client.post("/mot-de-passe-oublie", data={"email": "a@example.fr"}).status_code
        for _ in range(3)
    ]
    assert statuses == [302, 302, 429]


def test_security_headers_are_set_on_every_page(client):
    for path in ("/", "/connexion", "/page-inexistante"):
        headers = client.get(path).headers
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
        assert "script-src 'self'" in headers["Content-Security-Policy"]
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert headers["X-Frame-Options"] == "DENY"


def test_session_cookie_is_httponly_and_samesite(client, make):
    user = make.user()
    response = client.post("/connexion", data={"email": user.email, "password": DEFAULT_PASSWORD})
    cookie = next(value for value in response.headers.getlist("Set-Cookie") if value.startswith("session="))
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_production_refuses_to_start_with_the_default_secret_key(monkeypatch):
    monkeypatch.setattr(ProductionConfig, "SECRET_KEY", "dev-only-secret-key-change-me")
    with pytest.raises(InsecureConfiguration, match="SECRET_KEY"):
        _create_production_app()


def _create_production_app():
    from marketplace import create_app

    return create_app(ProductionConfig())


def test_production_starts_with_a_real_secret_key_and_secure_cookies(monkeypatch):
    monkeypatch.setattr(ProductionConfig, "SECRET_KEY", "x" * 48)
    monkeypatch.setattr(ProductionConfig, "PUBLIC_BASE_URL", "https://tremplin.example")
    app = _create_production_app()
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["REMEMBER_COOKIE_SECURE"] is True


def test_unknown_page_gets_a_french_404(client):
    response = client.get("/cette-page-n-existe-pas")
    assert response.status_code == 404
    assert "Page introuvable" in text_of(response)


def test_api_clients_get_json_errors(client):
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert response.get_json()["error"]["code"] == "not_found"


def test_wrong_role_gets_a_french_403(make):
    from marketplace.accounts.access import roles

    app = build_app()
    app.add_url_rule("/admin-only", "admin_only", roles("site_admin")(lambda: "secret"))
    with app.app_context():
        user = make.user("candidate")
        client = app.test_client()
        client.post("/connexion", data={"email": user.email, "password": DEFAULT_PASSWORD})
        response = client.get("/admin-only")
    assert response.status_code == 403
    assert "Accès refusé" in text_of(response)
    assert "secret" not in text_of(response)


def _redis_reachable(url: str) -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(url, socket_connect_timeout=1).ping())
    except redis.exceptions.RedisError:
        return False


def test_rate_limits_are_shared_through_redis_between_app_instances(app):
    """Two app instances (two gunicorn nodes) count the same attempts when REDIS is configured."""
    import os
    import uuid

    url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    if not _redis_reachable(url):
        if os.environ.get("CI") == "true":
            pytest.fail(f"Redis is required in CI at {url}")
        pytest.skip(f"Redis not reachable at {url}")
    settings = {
        "RATELIMIT_ENABLED": True,
        "RATELIMIT_STORAGE_URI": url,
        "RATELIMIT_KEY_PREFIX": f"tremplin-test-{uuid.uuid4().hex}",
        "LOGIN_RATE_LIMIT": "3 per minute",
    }
    node_a, node_b = build_app(**settings), build_app(**settings)
    statuses = []
    for node in (node_a, node_b, node_a, node_b):
        with node.app_context():
            response = node.test_client().post(
                "/connexion", data={"email": "a@example.fr", "password": "x" * 10}
            )
            statuses.append(response.status_code)
    assert statuses == [400, 400, 400, 429]


# --- X-Forwarded-For from trusted proxies only (issue 13, finding 9) ----------------------------------


def _login_statuses(client, forwarded_for: list[str]) -> list[int]:
    return [
        client.post(
            "/connexion",
            data={"email": f"personne{index}@example.fr", "password": "mauvais-mot"},
            headers={"X-Forwarded-For": address},
        ).status_code
        for index, address in enumerate(forwarded_for)
    ]


def test_a_spoofed_forwarded_for_does_not_change_the_rate_limit_key_without_trusted_proxies(app):
    limited = build_app(RATELIMIT_ENABLED=True, LOGIN_RATE_LIMIT="3 per minute", TRUSTED_PROXY_COUNT=0)
    with limited.app_context():
        statuses = _login_statuses(limited.test_client(), [f"203.0.113.{n}" for n in range(5)])
    assert statuses == [400, 400, 400, 429, 429]


def test_the_address_given_by_a_trusted_proxy_is_the_rate_limit_key(app):
    limited = build_app(RATELIMIT_ENABLED=True, LOGIN_RATE_LIMIT="3 per minute", TRUSTED_PROXY_COUNT=1)
    with limited.app_context():
        client = limited.test_client()
        # Each visitor behind the proxy has their own budget...
        assert _login_statuses(client, [f"203.0.113.{n}" for n in range(5)]) == [400] * 5
        # ...and a client cannot add hops of its own: only the proxy's last entry counts.
        spoofed = [f"198.51.100.{n}, 203.0.113.9" for n in range(4)]
        assert _login_statuses(client, spoofed) == [400, 400, 400, 429]
