"""A volunteer keeps a mission from the search, finds it in their space, shares it and adds it to
their calendar (issue 15, items 5–7), in a real browser."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from urllib.parse import unquote

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from marketplace.search import services as search
from tests.browser.axe import assert_accessible
from tests.browser.conftest import screenshot, sign_in

pytestmark = pytest.mark.browser


def test_a_volunteer_keeps_shares_and_adds_a_mission_to_their_calendar(browser, live_server, make):
    volunteer = make.user("candidate", email="nadia@example.fr", first_name="Nadia")
    association = make.association(name="Banque alimentaire du Rhône")
    make.mission(
        association, title="Collecte au supermarché de Gerland", start_date=date.today() + timedelta(days=4)
    )
    make.mission(
        association, title="Tri des denrées à l’entrepôt", start_date=date.today() + timedelta(days=40)
    )
    search.reindex_all()
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server)
    page = context.new_page()
    page.set_default_timeout(10_000)
    sign_in(page, live_server, volunteer.email)

    # Keep a mission straight from the search results: the page comes back to the same results.
    page.goto(live_server + "/recherche?q=collecte")
    result = page.get_by_test_id("result").filter(has_text="Collecte au supermarché de Gerland")
    result.get_by_role("button", name="Garder : Collecte au supermarché de Gerland").click()
    expect(page.locator(".alert--success")).to_contain_text("Mission gardée")
    assert "/recherche?q=collecte" in page.url
    expect(
        result.get_by_role("button", name="Gardée ✓ · retirer : Collecte au supermarché de Gerland")
    ).to_be_visible()

    # Its space lists it, with the gentle note: it happens in four days.
    page.goto(live_server + "/espace")
    kept = page.get_by_test_id("kept-missions")
    expect(kept).to_contain_text("Collecte au supermarché de Gerland")
    expect(kept.get_by_test_id("kept-note")).to_contain_text("Bientôt terminée")
    assert_accessible(page)
    screenshot(page, "kept-missions-dashboard")

    # The mission page: share the link (copied to the clipboard) and add the mission to a calendar.
    kept.get_by_role("link", name="Collecte au supermarché de Gerland").click()
    share = page.get_by_test_id("share")
    share.get_by_role("button", name="Copier le lien").click()
    expect(share.get_by_role("button", name="Lien copié")).to_be_visible()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.endswith(page.url.removeprefix(live_server)) and copied.startswith(live_server)
    whatsapp = share.get_by_role("link", name="WhatsApp").get_attribute("href")
    assert whatsapp.startswith("https://wa.me/?text=") and "Collecte" in unquote(whatsapp)
    assert "Collecte" in share.get_by_role("link", name="Par e-mail").get_attribute("href")
    assert_accessible(page)
    screenshot(page, "mission-share-and-calendar")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Ajouter à mon agenda").click()
    events = Calendar.from_ical(Path(download_info.value.path()).read_bytes()).walk("VEVENT")
    assert [str(event["summary"]) for event in events] == ["Collecte au supermarché de Gerland"]
    assert events[0].decoded("dtstart") == date.today() + timedelta(days=4)

    # Let it go from the space: the list is empty again.
    page.goto(live_server + "/espace")
    page.get_by_test_id("kept-missions").get_by_role(
        "button", name="Gardée ✓ · retirer : Collecte au supermarché de Gerland"
    ).click()
    expect(page.get_by_test_id("kept-missions")).to_contain_text("Gardez une mission avec « Garder »")
    context.close()


def test_a_visitor_who_wants_to_keep_a_mission_is_asked_to_sign_in_first(page, live_server, make):
    mission = make.mission(title="Maraude du mardi")
    page.goto(live_server + f"/missions/{mission.id}")
    page.get_by_role("link", name="Garder : Maraude du mardi").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Se connecter")
    assert f"next=%2Fmissions%2F{mission.id}" in page.url or f"next=/missions/{mission.id}" in page.url
