"""Partner API keys, the API docs and the calendar link, in a real browser."""

from __future__ import annotations

import re
import urllib.request
from datetime import date, timedelta
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import screenshot
from tests.browser.test_mission_publishing import sign_in

pytestmark = pytest.mark.browser


def _get(url: str, headers: dict | None = None) -> int:
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310 - our own live server
    try:
        with urllib.request.urlopen(request) as response:  # noqa: S310
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_network_admin_creates_a_key_sees_it_once_uses_it_then_revokes_it(page, live_server, make):
    admin = make.user("network_admin", email="claire@mda-lyon.example.fr", first_name="Claire")
    make.network("Maison des associations de Lyon", admin=admin)
    sign_in(page, live_server, admin.email)

    page.goto(live_server + "/api/docs")
    page.get_by_role("link", name="Gérer vos clés d’API").click()
    expect(page.get_by_role("heading", name="Clés d’API")).to_be_visible()
    page.get_by_label("Nom de la clé").fill("Site de la mairie du 7e")
    page.get_by_role("button", name="Créer la clé").click()
    secret = page.locator("[data-testid=new-key-secret]").inner_text()
    assert re.fullmatch(r"tpk_[\w-]{40,}", secret)
    screenshot(page, "api-key-created")
    assert _get(live_server + "/api/v1/domains", {"X-API-Key": secret}) == 200

    page.goto(live_server + "/espace/cles-api")
    expect(page.locator("[data-testid=keys]")).to_contain_text("Site de la mairie du 7e")
    assert secret not in page.content()
    page.get_by_role("button", name="Révoquer Site de la mairie du 7e").click()
    expect(page.locator(".alert--success")).to_contain_text("révoquée")
    expect(page.locator("[data-testid=keys]")).to_contain_text("révoquée le")
    assert _get(live_server + "/api/v1/domains", {"X-API-Key": secret}) == 401


def test_docs_page_lists_the_endpoints_with_curl_examples(page, phone_page, live_server):
    page.goto(live_server + "/api/docs")
    expect(page.get_by_role("heading", level=1)).to_have_text("API publique de Tremplin")
    expect(page.locator("[data-testid=operation-searchMissions]")).to_contain_text("curl")
    expect(page.locator("[data-testid=operation-recommendMissions]")).to_contain_text("age_range")
    screenshot(page, "api-docs")
    phone_page.goto(live_server + "/api/docs")
    expect(phone_page.locator("[data-testid=operation-searchMissions]")).to_be_visible()
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the docs page scrolls sideways on a phone ({width}px)"
    screenshot(phone_page, "api-docs-phone")


def test_volunteer_gets_a_calendar_link_and_regenerates_it(page, live_server, make):
    volunteer = make.user("candidate", email="samir@example.fr", first_name="Samir")
    mission = make.mission(title="Maraude du jeudi soir", start_date=date.today() + timedelta(days=5))
    make.application(mission, volunteer, status="accepted")
    sign_in(page, live_server, volunteer.email)

    page.goto(live_server + "/espace/candidatures")
    page.get_by_role("button", name="Obtenir le lien de mon agenda").click()
    # The test app's links name SERVER_NAME (localhost): fetch the same path on the live server.
    link = live_server + urlsplit(page.locator("[data-testid=calendar-link]").inner_text()).path
    assert link.endswith(".ics")
    screenshot(page, "calendar-link")
    with urllib.request.urlopen(link) as response:  # noqa: S310 - our own live server
        assert "SUMMARY:Maraude du jeudi soir" in response.read().decode()

    page.get_by_role("button", name="Régénérer le lien").click()
    expect(page.locator(".alert--success")).to_contain_text("l’ancien ne fonctionne plus")
    new_link = live_server + urlsplit(page.locator("[data-testid=calendar-link]").inner_text()).path
    assert new_link != link
    assert _get(link) == 404 and _get(new_link) == 200
