"""A volunteer saves a search, a matching mission is published, the alert brings them to it
(issue 15, item 4), in a real browser."""

from __future__ import annotations

import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from marketplace.alerts.services import run_alerts
from marketplace.extensions import db
from marketplace.models_base import utcnow
from marketplace.notifications.models import OutboxMessage
from marketplace.search import services as search
from tests.browser.axe import assert_accessible
from tests.browser.conftest import screenshot, sign_in

pytestmark = pytest.mark.browser


def test_a_volunteer_saves_a_search_then_its_alert_brings_a_new_mission(page, live_server, app, make):
    volunteer = make.user("candidate", email="ines@example.fr", first_name="Inès")
    make.mission(title="Jardin partagé des Pentes", published_at=utcnow() - timedelta(days=10))
    search.reindex_all()
    sign_in(page, live_server, volunteer.email)

    page.goto(live_server + "/recherche?q=jardin")
    form = page.get_by_test_id("save-search")
    form.get_by_label("Recevoir par e-mail les nouvelles missions de cette recherche").select_option("daily")
    form.get_by_role("button", name="Enregistrer cette recherche").click()
    expect(page.locator(".alert--success")).to_contain_text("Recherche enregistrée")
    assert_accessible(page)
    screenshot(page, "search-saved")

    page.goto(live_server + "/espace")
    saved = page.get_by_test_id("saved-searches")
    expect(saved).to_contain_text("« jardin »")
    expect(saved).to_contain_text("Aucune alerte envoyée pour l’instant")

    # A day later, a new garden mission is published; the alert run finds it, and only it.
    make.mission(title="Jardin des Canuts", published_at=utcnow() + timedelta(minutes=1))
    make.mission(title="Collecte de printemps", published_at=utcnow() + timedelta(minutes=1))
    search.reindex_all()
    with app.test_request_context():
        report = run_alerts(utcnow() + timedelta(days=1, minutes=5))
    assert report.sent == 1
    message = db.session.scalars(db.select(OutboxMessage).where(OutboxMessage.category == "alerts")).one()
    assert "Jardin des Canuts" in message.body_text
    assert "Jardin partagé des Pentes" not in message.body_text and "Collecte" not in message.body_text

    # The link in the e-mail opens the new mission.
    link = re.search(r"(http\S+/missions/\d+)", message.body_text).group(1)
    page.goto(live_server + urlsplit(link).path)
    expect(page.get_by_role("heading", level=1)).to_have_text("Jardin des Canuts")

    page.goto(live_server + "/espace")
    page.get_by_test_id("saved-searches").get_by_role("button", name=re.compile("^Supprimer")).click()
    expect(page.locator(".alert--success")).to_contain_text("Recherche supprimée")
    expect(page.get_by_test_id("saved-searches")).to_contain_text("Enregistrez une recherche")
