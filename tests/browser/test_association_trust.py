"""The association side in a real browser: verification end to end, and the profile with its logo.

Each page these journeys touch is checked with axe-core: no serious or critical violation.
"""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from PIL import Image
from playwright.sync_api import expect
from sqlalchemy import select

from marketplace.associations.models import Mission
from marketplace.extensions import db
from tests.browser.axe import assert_accessible
from tests.browser.conftest import screenshot, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def second_page(browser):
    """A second browser, so the network admin and the association are signed in side by side."""
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def test_an_association_is_verified_by_its_network_and_then_publishes_directly(
    page, second_page, live_server, make
):
    owner = make.user("association", email="presidente@jardins.example", first_name="Nadia")
    association = make.association("Les Jardins du Rhône", owner=owner, postcode="69007", siren="732829320")
    admin = make.user("network_admin", email="reseau@mda-lyon.example", first_name="Hélène")
    make.network("Maison des associations de Lyon", admin=admin, departements=("69",))

    # The association asks from its dashboard.
    sign_in(page, live_server, owner.email)
    page.get_by_test_id("verification-status-link").click()
    expect(page.get_by_test_id("verification-state")).to_have_attribute("data-state", "unverified")
    assert_accessible(page)
    page.get_by_role("button", name="Demander la vérification").click()
    expect(page.locator(".alert").first).to_contain_text("Votre demande est envoyée")
    expect(page.get_by_test_id("verification-state")).to_have_attribute("data-state", "requested")
    screenshot(page, "verification-requested")
    assert_accessible(page)

    # The network admin finds it in the queue, reads the numbers and verifies.
    sign_in(second_page, live_server, admin.email)
    second_page.get_by_role("link", name="Vérification des associations").click()
    queue = second_page.get_by_test_id("verification-queue")
    expect(queue).to_contain_text("Les Jardins du Rhône")
    expect(queue).to_contain_text("732829320")
    assert_accessible(second_page)
    screenshot(second_page, "verification-queue")
    queue.get_by_role("link", name="Les Jardins du Rhône").click()
    expect(second_page.get_by_test_id("siren")).to_have_text("732829320")
    assert_accessible(second_page)
    second_page.get_by_label("Un mot pour l'association (facultatif)").fill("SIREN contrôlé dans l'annuaire.")
    screenshot(second_page, "verification-decide")
    second_page.get_by_role("button", name="Vérifier cette association").click()
    expect(second_page.locator(".alert").first).to_contain_text("Les Jardins du Rhône est vérifiée")

    # The badge shows on its public page.
    page.goto(f"{live_server}/associations/{association.slug}")
    expect(page.get_by_role("heading", level=1).get_by_test_id("verified-badge")).to_have_text("Vérifiée")
    assert_accessible(page)

    # Its next mission is published at once, without moderation.
    page.goto(live_server + "/espace/missions/nouvelle")
    page.locator("#title").fill("Arroser le jardin partagé en juillet")
    page.locator("#kind-0").check()
    page.locator("#domain").select_option("environnement")
    page.locator("#description").fill("Arroser les parcelles du jardin partagé pendant les vacances d'été.")
    page.locator("#schedule-0").check()
    page.locator("#start_date").fill((date.today() + timedelta(days=30)).isoformat())
    page.locator("#postcode").fill("69007")
    page.locator("#city").fill("Lyon")
    page.locator("#capacity").fill("2")
    page.locator("#submit-button").click()
    expect(page.get_by_test_id("mission-status")).to_have_attribute("data-status", "published")
    mission = db.session.scalar(select(Mission))
    assert mission.status == "published" and mission.reviews[-1].action == "auto_published"
    page.goto(f"{live_server}/missions/{mission.id}")
    expect(page.get_by_test_id("verified-badge")).to_be_visible()
    screenshot(page, "verified-mission-page")


def _logo_file(tmp_path) -> str:
    path = tmp_path / "logo-avec-exif.jpg"
    exif = Image.Exif()
    exif[0x010F] = "AppareilSecret"
    image = Image.new("RGB", (400, 300), (34, 120, 60))
    for x in range(100, 300):
        for y in range(100, 200):
            image.putpixel((x, y), (250, 200, 40))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif.tobytes())
    path.write_bytes(buffer.getvalue())
    return str(path)


def test_an_owner_edits_the_profile_with_a_logo_and_the_public_page_shows_it(
    page, phone_page, live_server, make, tmp_path
):
    owner = make.user("association", email="tresorier@pain.example", first_name="Karim")
    association = make.association("Du Pain pour Tous", owner=owner, postcode="69003")
    make.mission(association, title="Distribuer le pain le samedi")

    sign_in(page, live_server, owner.email)
    page.get_by_test_id("profile-link").click()
    assert_accessible(page)
    page.get_by_label("Présentation", exact=True).fill(
        "Nous **redistribuons le pain** invendu des boulangeries du quartier.\n\n"
        "- collecte le soir\n- distribution le samedi"
    )
    page.get_by_label("Site web (facultatif)").fill("javascript://pain.example/%0Aalert(1)")
    page.get_by_role("button", name="Enregistrer le profil").click()
    expect(page.locator("#website-error")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "association-profile-refused-website")

    page.get_by_label("Site web (facultatif)").fill("https://pain-pour-tous.example")
    page.get_by_label("Adresse (facultatif)").fill("4 place Guichard")
    page.get_by_label("E-mail de contact pour les bénévoles (facultatif)").fill(
        "contact@pain-pour-tous.example"
    )
    page.get_by_label("Afficher ce contact sur notre page publique").check()
    page.get_by_label("Logo (facultatif)").set_input_files(_logo_file(tmp_path))
    page.get_by_role("button", name="Enregistrer le profil").click()
    expect(page.locator(".alert").first).to_contain_text("Le profil de votre association est enregistré")
    expect(page.get_by_test_id("current-logo")).to_be_visible()
    screenshot(page, "association-profile-saved")

    # The public page, as a visitor on a phone: logo, text, website, address, contact, missions.
    phone_page.goto(f"{live_server}/associations/{association.slug}")
    logo = phone_page.get_by_test_id("association-logo")
    expect(logo).to_be_visible()
    assert phone_page.evaluate("img => img.naturalWidth", logo.element_handle()) > 0
    expect(phone_page.locator(".prose strong")).to_have_text("redistribuons le pain")
    expect(phone_page.get_by_test_id("association-website")).to_have_attribute(
        "href", "https://pain-pour-tous.example"
    )
    expect(phone_page.get_by_test_id("association-contact")).to_contain_text("contact@pain-pour-tous.example")
    expect(phone_page.get_by_text("Distribuer le pain le samedi")).to_be_visible()
    assert_accessible(phone_page)
    screenshot(phone_page, "association-public-page-phone")

    served = phone_page.request.get(live_server + logo.get_attribute("src"))
    assert served.headers["content-type"] == "image/webp"
    assert served.headers["x-content-type-options"] == "nosniff"
    assert b"AppareilSecret" not in served.body()
