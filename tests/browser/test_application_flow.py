"""An application from both sides in a real browser: apply, inbox, accept, complete, talk."""

from __future__ import annotations

from datetime import date

import pytest
from playwright.sync_api import expect

from marketplace.extensions import db
from tests.browser.conftest import screenshot
from tests.conftest import DEFAULT_PASSWORD

pytestmark = pytest.mark.browser

MOTIVATION = "J'ai fait la collecte l'an dernier avec ma sœur : je connais les consignes et j'aime l'accueil."


def _sign_in(page, live_server: str, email: str) -> None:
    page.goto(live_server + "/connexion")
    page.get_by_label("Adresse e-mail").fill(email)
    page.get_by_label("Mot de passe").fill(DEFAULT_PASSWORD)
    page.locator("main").get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()


@pytest.fixture
def people(make):
    owner = make.user("association", first_name="Nadia", email="nadia@restos.example.org")
    association = make.association("Les Restos du Cœur de Lyon 7e", owner=owner)
    mission = make.mission(
        association,
        title="Collecte alimentaire de printemps",
        capacity=2,
        motivation_required=True,
        address="12 rue de Marseille",
    )
    candidate = make.user("candidate", first_name="Camille", email="camille@example.fr", age_range="18-25")
    candidate.profile.slots = ["sat_morning", "sat_afternoon", "wed_evening"]
    db.session.commit()
    return {"owner": owner, "mission": mission, "candidate": candidate}


def test_an_application_goes_from_the_mission_page_to_completion_with_a_conversation(
    browser, page, phone_page, live_server, people
):
    mission_url = f"{live_server}/missions/{people['mission'].id}"

    # The volunteer applies from the mission page, with a motivation.
    _sign_in(page, live_server, people["candidate"].email)
    page.goto(mission_url)
    panel = page.get_by_test_id("apply-panel")
    expect(panel).to_have_attribute("data-state", "open")
    expect(page.get_by_test_id("apply-seats")).to_contain_text("2")
    page.locator("#motivation").fill(MOTIVATION)
    screenshot(page, "mission-apply-desktop")
    page.get_by_test_id("apply-submit").click()
    expect(page.get_by_test_id("application-page")).to_have_attribute("data-status", "pending")
    expect(page.get_by_test_id("application-motivation")).to_contain_text("la collecte l'an dernier")

    page.goto(live_server + "/espace/candidatures")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mes candidatures")
    row = page.get_by_test_id("application-row")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("Collecte alimentaire de printemps")
    expect(row).to_contain_text("Les Restos du Cœur de Lyon 7e")
    expect(row).to_have_attribute("data-status", "pending")

    # The association sees age range and availability in its inbox, never the email.
    association = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900}).new_page()
    _sign_in(association, live_server, people["owner"].email)
    association.goto(live_server + "/espace/candidatures/recues")
    inbox_row = association.get_by_test_id("inbox-row")
    expect(inbox_row).to_have_count(1)
    expect(inbox_row).to_contain_text("Camille")
    expect(inbox_row.get_by_test_id("candidate-age")).to_contain_text("18-25")
    expect(inbox_row.get_by_test_id("candidate-availability").locator("li")).to_have_count(2)
    expect(inbox_row.get_by_test_id("motivation")).to_contain_text("la collecte")
    expect(association.locator("body")).not_to_contain_text("camille@example.fr")
    screenshot(association, "inbox-received-desktop")

    inbox_row.get_by_role("link", name="Camille").click()
    expect(association.get_by_test_id("contact-hidden")).to_be_visible()
    expect(association.locator("body")).not_to_contain_text("camille@example.fr")
    screenshot(association, "application-association-desktop")
    association.get_by_test_id("accept").click()
    expect(association.get_by_test_id("application-page")).to_have_attribute("data-status", "accepted")
    expect(association.get_by_test_id("candidate-contact")).to_contain_text("camille@example.fr")

    # The volunteer sees the acceptance.
    page.goto(live_server + "/espace/candidatures")
    page.get_by_role("link", name="Collecte alimentaire de printemps").click()
    expect(page.get_by_test_id("application-page")).to_have_attribute("data-status", "accepted")
    expect(page.get_by_test_id("application-status")).to_have_text("Acceptée")

    # A message each way.
    association.locator("#body").fill("Rendez-vous samedi à 8 h 30 devant le local, merci Camille !")
    association.get_by_test_id("message-submit").click()
    expect(association.get_by_test_id("message")).to_have_count(1)
    page.reload()
    expect(page.get_by_test_id("message")).to_contain_text("Rendez-vous samedi")
    page.locator("#body").fill("Parfait, j'y serai. Faut-il apporter des sacs ?")
    page.get_by_test_id("message-submit").click()
    expect(page.get_by_test_id("message")).to_have_count(2)
    screenshot(page, "application-candidate-desktop")

    # After the mission (it took place today), the association confirms the hours done: the seat returns.
    people["mission"].start_date = date.today()
    db.session.commit()
    association.reload()
    expect(association.get_by_test_id("message").nth(1)).to_contain_text("apporter des sacs")
    association.locator("#hours_done").fill("3.5")
    association.get_by_test_id("complete").click()
    expect(association.get_by_test_id("application-page")).to_have_attribute("data-status", "completed")
    expect(association.get_by_test_id("hours-done")).to_contain_text("3.5")
    db.session.expire_all()
    assert people["mission"].seats_taken == 0
    page.reload()
    expect(page.get_by_test_id("application-page")).to_have_attribute("data-status", "completed")

    # The same pages on a phone.
    _sign_in(phone_page, live_server, people["owner"].email)
    phone_page.goto(live_server + "/espace/candidatures/recues")
    expect(phone_page.get_by_test_id("inbox-row")).to_have_count(1)
    screenshot(phone_page, "inbox-received-phone")
    phone_page.get_by_test_id("inbox-row").get_by_role("link", name="Camille").click()
    expect(phone_page.get_by_test_id("thread")).to_be_visible()
    screenshot(phone_page, "application-phone")
    association.context.close()
