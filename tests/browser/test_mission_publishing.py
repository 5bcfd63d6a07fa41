"""Publishing a mission in a real browser: an association writes it, a moderator publishes it.

New strings are not translated yet, so elements are found by their ids; only the sign-in page,
whose French labels exist, is driven by labels.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select

from marketplace.associations.models import Mission
from marketplace.extensions import db
from tests.browser.conftest import SCREENSHOTS, screenshot
from tests.conftest import DEFAULT_PASSWORD

pytestmark = pytest.mark.browser

DESCRIPTION = (
    "Chaque samedi matin, nous **trions les dons** de vêtements avant la boutique solidaire.\n\n"
    "Ce que vous ferez :\n\n"
    "- accueillir les donateurs\n"
    "- trier et plier les vêtements\n"
)


def snap(page: Page, name: str) -> None:
    """Screenshot the whole page, then scroll back to the top.

    After a full-page screenshot of a page taller than the window, headless Chromium drops the
    next mouse click until the page scrolls again; scrolling restores normal hit-testing.
    """
    screenshot(page, name)
    page.evaluate("window.scrollTo(0, 0)")


def sign_in(page: Page, live_server: str, email: str) -> None:
    page.goto(live_server + "/connexion")
    page.get_by_label("Adresse e-mail").fill(email)
    page.get_by_label("Mot de passe").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    expect(page).to_have_url(live_server + "/espace")


@pytest.fixture
def admin_page(browser):
    """A second desktop browser, so the moderator and the association are signed in side by side."""
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def write_mission(page: Page) -> None:
    """Fill the editor group by group, as an association would."""
    page.locator("#title").fill("Trier les dons de vêtements le samedi matin")
    page.locator("#kind-0").check()
    page.locator("#domain").select_option("solidarite-insertion")
    page.locator("#description").fill(DESCRIPTION)
    page.locator("#skills").fill("tri, accueil, bonne humeur")

    # A one-off mission shows its parts of the day and no weekly grid; a recurring one the grid.
    page.locator("#schedule-0").check()
    expect(page.locator("#recurring-fields")).to_be_hidden()
    expect(page.locator("#one-off-fields")).to_be_visible()
    page.locator("#schedule-1").check()
    expect(page.locator("#recurring-fields")).to_be_visible()
    expect(page.locator("#one-off-fields")).to_be_hidden()
    page.locator("#slot-sat_morning").check()
    page.locator("#hours_per_week").fill("2,5")

    page.locator("#address").fill("8 rue Paul Bert")
    page.locator("#postcode").fill("69003")
    page.locator("#city").fill("Lyon")
    page.locator("#min_age").fill("16")
    page.locator("#capacity").fill("3")


def test_an_association_writes_a_mission_and_a_moderator_publishes_it(
    page, phone_page, admin_page, live_server, make
):
    owner = make.user("association", email="sami@jardiniers.example.org", first_name="Sami")
    make.association("Les Jardiniers de Bellevue", owner=owner)
    make.user("site_admin", email="ines@tremplin.example", first_name="Inès")

    # The association writes its mission; the preview shows the formatted description.
    sign_in(page, live_server, owner.email)
    page.locator("#new-mission-link").click()
    expect(page).to_have_url(live_server + "/espace/missions/nouvelle")
    expect(page.locator("#preview-button")).to_be_hidden()  # the live preview replaces it
    write_mission(page)
    preview = page.locator("#description-preview")
    expect(preview.locator("strong")).to_have_text("trions les dons")
    expect(preview.locator("li")).to_have_count(2)
    snap(page, "mission-editor-desktop")

    page.locator("#submit-button").click()
    expect(page.get_by_test_id("mission-status")).to_have_attribute("data-status", "pending_review")
    mission = db.session.scalar(select(Mission))
    assert mission.slots == ["sat_morning"] and mission.hours_per_week == 2.5 and mission.min_age == 16

    # The same editor on a phone: readable, nothing scrolls sideways.
    sign_in(phone_page, live_server, owner.email)
    phone_page.goto(live_server + "/espace/missions/nouvelle")
    write_mission(phone_page)
    expect(phone_page.locator("#description-preview strong")).to_have_text("trions les dons")
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the editor scrolls sideways on a phone ({width}px)"
    snap(phone_page, "mission-editor-phone")

    # Made a one-off evening mission instead: a refused form keeps the part of the day ticked.
    phone_page.locator("#schedule-0").check()
    phone_page.locator("#start_date").fill((date.today() + timedelta(days=12)).isoformat())
    evening = phone_page.locator("#one-off-fields").get_by_label("Soir", exact=True)
    evening.check()
    phone_page.locator("#capacity").fill("0")
    phone_page.locator("#save-button").click()
    expect(phone_page.locator("#capacity-error")).to_be_visible()
    expect(evening).to_be_checked()
    expect(phone_page.locator("#one-off-fields")).to_be_visible()
    snap(phone_page, "mission-editor-day-parts-phone")
    phone_page.locator("#group-when").screenshot(
        path=str(SCREENSHOTS / "mission-editor-day-parts-when-phone.png")
    )
    phone_page.locator("#capacity").fill("3")
    phone_page.locator("#save-button").click()
    expect(phone_page.get_by_test_id("day-parts")).to_have_text("soir")
    evening_mission = db.session.scalar(select(Mission).where(Mission.schedule == "one_off"))
    assert evening_mission.day_parts == ["evening"] and evening_mission.slots == []

    # A site admin finds it in the moderation queue and publishes it with a comment.
    sign_in(admin_page, live_server, "ines@tremplin.example")
    admin_page.get_by_test_id("moderation-link").get_by_role("link").click()
    expect(admin_page).to_have_url(live_server + "/moderation")
    admin_page.get_by_test_id("review-queue").get_by_role(
        "link", name="Trier les dons de vêtements le samedi matin"
    ).click()
    expect(admin_page.get_by_test_id("mission-description").locator("strong")).to_have_text("trions les dons")
    admin_page.locator("#publish-comment").fill("Merci, la mission est claire et bien décrite.")
    snap(admin_page, "moderation-mission")
    admin_page.locator("#publish-button").click()
    expect(admin_page).to_have_url(live_server + "/moderation")
    expect(admin_page.get_by_test_id("review-queue")).to_have_count(0)
    snap(admin_page, "moderation-queue-empty")

    # The association sees it published, with the moderator's comment in the history.
    page.goto(f"{live_server}/espace/missions/{mission.id}")
    expect(page.get_by_test_id("mission-status")).to_have_attribute("data-status", "published")
    history = page.get_by_test_id("mission-history")
    expect(history).to_contain_text("Merci, la mission est claire et bien décrite.")
    expect(history).to_contain_text("Inès")
    snap(page, "mission-published-history")
