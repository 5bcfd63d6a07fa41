"""Private pages are not cached, HSTS in production, remember-me for 30 days, idle sessions end.

Issue 13, finding 13.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

import pytest

from marketplace import sessions
from marketplace.config import ProductionConfig
from tests.conftest import DEFAULT_PASSWORD, text_of


def _sign_in(client, user, *, remember: bool = False):
    data = {"email": user.email, "password": DEFAULT_PASSWORD}
    if remember:
        data["remember"] = "y"
    response = client.post("/connexion", data=data)
    assert response.status_code == 302
    return response


@pytest.mark.parametrize("path", ["/espace", "/espace/profil", "/espace/candidatures", "/", "/recherche"])
def test_every_page_of_a_signed_in_person_is_no_store(client, make, path):
    _sign_in(client, make.user())
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    assert "Cookie" in response.headers.get("Vary", "")


def test_the_sign_in_answer_and_a_form_with_a_csrf_token_are_no_store(client, make):
    assert client.get("/connexion").headers["Cache-Control"] == "no-store"
    assert _sign_in(client, make.user()).headers["Cache-Control"] == "no-store"


def test_public_cacheable_answers_keep_their_header_even_signed_in(client, make):
    mission = make.mission()
    _sign_in(client, make.user())
    api = client.get(f"/api/v1/missions/{mission.id}")
    assert api.status_code == 200
    assert "public" in api.headers["Cache-Control"] and "no-store" not in api.headers["Cache-Control"]
    static = client.get("/static/css/app.css")
    assert "no-store" not in static.headers.get("Cache-Control", "")


def test_an_anonymous_api_answer_is_not_marked_private(client, make):
    mission = make.mission()
    response = client.get(f"/api/v1/missions/{mission.id}")
    assert response.headers["Cache-Control"].startswith("public")


def test_production_sends_hsts_and_development_does_not(client, app, monkeypatch):
    from marketplace import create_app
    from marketplace.extensions import db

    assert "Strict-Transport-Security" not in client.get("/").headers
    monkeypatch.setattr(ProductionConfig, "SECRET_KEY", "x" * 48)
    monkeypatch.setattr(ProductionConfig, "PUBLIC_BASE_URL", "https://tremplin.example")
    monkeypatch.setattr(ProductionConfig, "SQLALCHEMY_DATABASE_URI", db.engine.url.render_as_string(False))
    production = create_app(ProductionConfig())
    response = production.test_client().get("/", headers={"Host": "tremplin.example"})
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def test_remember_me_lasts_thirty_days(client, make):
    response = _sign_in(client, make.user(), remember=True)
    cookie = next(c for c in response.headers.getlist("Set-Cookie") if c.startswith("remember_token="))
    expires = next(part.split("=", 1)[1] for part in cookie.split("; ") if part.startswith("Expires="))
    lasts = parsedate_to_datetime(expires) - datetime.now(UTC)
    assert timedelta(days=29, hours=23) < lasts <= timedelta(days=30)


class FrozenClock:
    def __init__(self, start: float) -> None:
        self.time = start

    def __call__(self) -> float:
        return self.time

    def advance(self, **delta: float) -> None:
        self.time += timedelta(**delta).total_seconds()


@pytest.fixture
def clock(monkeypatch):
    frozen = FrozenClock(1_800_000_000.0)
    monkeypatch.setattr(sessions, "now", frozen)
    return frozen


def test_a_session_idle_for_two_hours_is_over(client, make, clock):
    _sign_in(client, make.user())
    clock.advance(hours=1, minutes=59)
    assert client.get("/espace").status_code == 200  # activity: the two hours start again
    clock.advance(hours=1, minutes=59)
    assert client.get("/espace").status_code == 200
    clock.advance(hours=2, minutes=1)
    response = client.get("/espace")
    assert response.status_code == 302 and "/connexion" in response.headers["Location"]
    page = client.get(response.headers["Location"])
    assert "inactivité" in text_of(page) or "without activity" in text_of(page)
    assert client.get("/espace").status_code == 302  # stays signed out


def test_a_session_ends_after_two_idle_hours_even_with_no_request_after_signing_in(client, make, clock):
    _sign_in(client, make.user())
    clock.advance(hours=2, minutes=1)
    assert client.get("/espace").status_code == 302


def test_remember_me_signs_back_in_after_the_idle_timeout(client, make, clock):
    _sign_in(client, make.user(), remember=True)
    clock.advance(hours=3)
    assert client.get("/espace").status_code == 200


def test_the_idle_timeout_is_configurable(app, make, clock):
    from tests.conftest import build_app

    short = build_app(SESSION_IDLE_MINUTES=10)
    with short.app_context():
        client = short.test_client()
        _sign_in(client, make.user())
        clock.advance(minutes=9)
        assert client.get("/espace").status_code == 200
        clock.advance(minutes=11)
        assert client.get("/espace").status_code == 302
