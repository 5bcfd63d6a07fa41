"""A volunteer builds their profile in a real browser: with JavaScript, without it, and on a phone."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from marketplace.extensions import db
from tests.browser.conftest import screenshot
from tests.conftest import DEFAULT_PASSWORD

pytestmark = pytest.mark.browser


def _sign_in(page, live_server: str, email: str) -> None:
    page.goto(live_server + "/connexion")
    page.get_by_label("Adresse e-mail").fill(email)
    page.get_by_label("Mot de passe").fill(DEFAULT_PASSWORD)
    page.locator("main").get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def _saved_profile(user) -> dict:
    db.session.expire_all()
    profile = user.profile
    return {
        "place": (profile.postcode, profile.city),
        "located": profile.lat is not None and profile.lon is not None,
        "age_range": profile.age_range,
        "slots": list(profile.slots),
        "domains": list(profile.domains),
        "kinds": list(profile.wanted_kinds),
        "skills": list(profile.skills),
        "visible": profile.visible_to_associations,
    }


@pytest.fixture
def volunteer(make):
    association = make.association("Les Petits Frères des Pauvres")
    make.mission(association, skills=["Cuisine", "Accueil"])
    make.mission(association, skills=["cuisine"])
    return make.user("candidate", first_name="Camille", email="camille@example.fr", age_range="26-35")


def test_a_volunteer_builds_their_profile_with_the_keyboard(page, live_server, volunteer):
    _sign_in(page, live_server, volunteer.email)
    page.goto(live_server + "/espace")
    expect(page.get_by_test_id("profile-card")).to_have_attribute("data-complete", "false")
    page.get_by_test_id("profile-card").get_by_role("link").last.click()
    expect(page.get_by_test_id("profile-form")).to_be_visible()

    page.locator("#age_range").select_option("18-25")

    # The commune: type the start of the name, pick the suggestion with the keyboard.
    place = page.locator("#place")
    expect(place).to_have_attribute("role", "combobox")
    place.fill("")
    place.press_sequentially("Villeurb", delay=30)
    listbox = page.locator("#place-listbox")
    expect(listbox).to_be_visible()
    expect(place).to_have_attribute("aria-expanded", "true")
    expect(listbox.get_by_role("option").first).to_have_text("Villeurbanne (69100)")
    place.press("ArrowDown")
    expect(listbox.get_by_role("option").first).to_have_attribute("aria-selected", "true")
    expect(place).to_have_attribute("aria-activedescendant", "place-listbox-0")
    place.press("Enter")
    expect(place).to_have_value("Villeurbanne (69100)")
    expect(place).to_have_attribute("aria-expanded", "false")
    expect(listbox).to_be_hidden()
    expect(page.get_by_test_id("profile-form")).to_be_visible()  # Enter chose, it did not send the form

    # Escape closes the suggestions and keeps what was typed.
    place.fill("")
    place.press_sequentially("Lyo", delay=30)
    expect(listbox).to_be_visible()
    place.press("Escape")
    expect(listbox).to_be_hidden()
    expect(place).to_have_value("Lyo")
    place.fill("Villeurbanne (69100)")

    page.locator("#radius_km").select_option("10")
    page.get_by_label("Mercredi après-midi").check()
    page.get_by_label("Samedi matin").check()
    page.locator("#domains-sante").check()
    page.locator("#domains-seniors").check()
    page.locator("#wanted_kinds-ponctual").check()

    # Skills: a suggestion chosen with the keyboard, then a new one ended by a comma.
    skills = page.locator("#skills")
    skills.press_sequentially("cuis", delay=30)
    suggestions = page.locator("#skills-listbox")
    expect(suggestions.get_by_role("option").first).to_have_text("Cuisine")
    skills.press("ArrowDown")
    skills.press("Enter")
    skills.press_sequentially("Permis B,", delay=20)
    tags = page.get_by_test_id("skill-tags").locator("li")
    expect(tags).to_have_count(2)
    expect(tags.first).to_contain_text("Cuisine")
    skills.press_sequentially("Tricot", delay=20)
    tags.first.get_by_role("button").click()  # named "Remove Cuisine" for screen readers
    expect(tags).to_have_count(1)
    skills.press_sequentially(", cuisine", delay=20)

    page.locator("#about").fill("Je cuisine volontiers pour les autres, le samedi surtout.")
    page.locator("#visible_to_associations").check()
    screenshot(page, "profile-desktop")
    page.get_by_test_id("profile-save").click()

    expect(page.locator(".alert--success")).to_be_visible()
    expect(page.locator("#place")).to_have_value("Villeurbanne (69100)")
    expect(page.get_by_label("Mercredi après-midi")).to_be_checked()
    expect(page.get_by_label("Samedi matin")).to_be_checked()
    expect(page.get_by_label("Mercredi matin")).not_to_be_checked()
    expect(page.get_by_test_id("skill-tags").locator("li")).to_have_count(3)
    assert _saved_profile(volunteer) == {
        "place": ("69100", "Villeurbanne"),
        "located": True,
        "age_range": "18-25",
        "slots": ["wed_afternoon", "sat_morning"],
        "domains": ["sante", "seniors"],
        "kinds": ["ponctual"],
        "skills": ["Permis B", "Tricot", "cuisine"],
        "visible": True,
    }
    page.goto(live_server + "/espace")
    expect(page.get_by_test_id("profile-card")).to_have_attribute("data-complete", "true")


def test_a_volunteer_builds_their_profile_without_javascript(browser, live_server, volunteer):
    context = browser.new_context(
        locale="fr-FR", java_script_enabled=False, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        _sign_in(page, live_server, volunteer.email)
        page.goto(live_server + "/espace/profil")
        expect(page.locator("#place")).not_to_have_attribute("role", "combobox")

        # A half-typed commune is refused on its field, with a suggestion; everything typed stays.
        page.locator("#place").fill("Villeurb")
        page.get_by_label("Mercredi après-midi").check()
        page.get_by_label("Samedi matin").check()
        page.locator("#domains-education").check()
        page.locator("#skills").fill("cuisine, Cuisine, permis B")
        page.get_by_test_id("profile-save").click()
        expect(page.locator("#place-error")).to_contain_text("Villeurbanne (69100)")
        expect(page.locator("#place")).to_have_value("Villeurb")
        expect(page.get_by_label("Mercredi après-midi")).to_be_checked()
        expect(page.locator("#skills")).to_have_value("cuisine, Cuisine, permis B")
        assert _saved_profile(volunteer)["slots"] == []

        page.locator("#place").fill("69100")
        page.get_by_test_id("profile-save").click()
        expect(page.locator(".alert--success")).to_be_visible()
        expect(page.locator("#place")).to_have_value("Villeurbanne (69100)")
        expect(page.locator("#skills")).to_have_value("cuisine, permis B")
        saved = _saved_profile(volunteer)
        assert saved["place"] == ("69100", "Villeurbanne") and saved["located"]
        assert saved["slots"] == ["wed_afternoon", "sat_morning"]
        assert saved["skills"] == ["cuisine", "permis B"]
    finally:
        context.close()


def test_the_profile_fits_a_phone_screen(phone_page, live_server, volunteer):
    page = phone_page
    _sign_in(page, live_server, volunteer.email)
    page.goto(live_server + "/espace/profil")

    page.get_by_label("Mercredi après-midi").check()
    page.get_by_label("Samedi matin").check()
    page.locator("#domains-sante").check()
    page.locator("#place").fill("")
    page.locator("#place").press_sequentially("Villeurb", delay=30)
    expect(page.locator("#place-listbox").get_by_role("option").first).to_be_visible()

    width = page.evaluate("window.innerWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # no sideways page scroll
    grid = page.get_by_test_id("availability-grid")
    box = grid.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    wrap = page.locator(".table-wrap").first
    assert wrap.evaluate("w => w.scrollWidth <= w.clientWidth")  # nor does the grid itself
    for slot in ("wed_afternoon", "sat_morning", "sun_evening"):
        cell = page.locator(f"#slot-{slot}").locator("xpath=..").bounding_box()
        assert cell["width"] >= 44 and cell["height"] >= 40  # a finger-sized target
    screenshot(page, "profile-phone")
