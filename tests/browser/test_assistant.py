"""« Trouver ma mission » in a real browser: with JavaScript, without it, on a phone, then saving the
answers at sign-up, and an accompaniment request reaching the right network's inbox."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from marketplace.extensions import db
from tests.browser.conftest import screenshot
from tests.conftest import DEFAULT_PASSWORD, verification_link

pytestmark = pytest.mark.browser

TITLES = {
    "causes": "Qu’est-ce qui vous tient à cœur ?",
    "time": "Combien de temps aimeriez-vous donner ?",
    "when": "Quand êtes-vous disponible ?",
    "where": "Où aimeriez-vous aider ?",
    "skills": "Qu’aimeriez-vous faire ou apprendre ?",
    "avoid": "Ce que je ne souhaite pas",
    "age": "Quel âge avez-vous ?",
    "company": "Viendriez-vous seul·e ou accompagné·e ?",
}


def next_saturday() -> date:
    """A Saturday at least a week ahead: the visitors of these journeys are free at the weekend."""
    start = date.today() + timedelta(days=7)
    return start + timedelta(days=(5 - start.weekday()) % 7)


@pytest.fixture
def missions(make):
    food = make.association("Banque alimentaire du Rhône")
    near = make.mission(
        food, title="Collecte alimentaire au supermarché", skills=["accueil"], start_date=next_saturday()
    )
    seniors = make.mission(
        make.association("Les Petits Frères des Pauvres"),
        title="Visites de convivialité aux aînés",
        domain="seniors",
        lat=45.76,
        lon=4.86,
        start_date=next_saturday(),
    )
    return near, seniors


def _heading(page):
    return page.get_by_role("heading", level=1)


def _continue(page, next_title: str | None) -> None:
    page.get_by_test_id("assistant-next").click()
    if next_title:
        expect(_heading(page)).to_have_text(next_title)


def _answer_until_where(page, *, cause: str = "Aide alimentaire") -> None:
    expect(_heading(page)).to_have_text(TITLES["causes"])
    page.get_by_label(cause).check()
    page.get_by_label("Avec vos mots").fill("préparer des colis")
    _continue(page, TITLES["time"])
    page.get_by_label("Une fois, pour essayer").check()
    _continue(page, TITLES["when"])
    page.get_by_label("Le week-end").check()
    _continue(page, TITLES["where"])


def _answer_from_where(page, *, place: str | None = "69007") -> None:
    """Answers the last questions; place=None keeps what the "where" field already holds."""
    if place is not None:
        page.get_by_label("Code postal ou commune").fill(place)
    _continue(page, TITLES["skills"])
    page.get_by_label("Accueillir du public").check()
    _continue(page, TITLES["avoid"])
    _continue(page, TITLES["age"])
    page.get_by_label("36 à 50 ans").check()
    _continue(page, TITLES["company"])
    page.get_by_role("radio", name="Seul·e").check()
    page.get_by_test_id("assistant-next").click()
    expect(page.get_by_test_id("recommendations")).to_be_visible()


def _focused_id(page) -> str:
    return page.evaluate("document.activeElement && document.activeElement.id")


def test_the_whole_assistant_with_javascript_never_reloads_the_page(page, live_server, missions):
    near, _seniors = missions
    page.goto(live_server + "/")
    page.get_by_test_id("home-assistant").click()
    expect(_heading(page)).to_have_text("Trouver ma mission en quelques questions")
    page.evaluate("window.__stillTheSamePage = true")
    page.get_by_test_id("assistant-start").click()
    expect(page).to_have_url(live_server + "/trouver-ma-mission/causes")
    expect(page.locator("#assistant-progress-text")).to_have_text("Question 1 sur 8")
    expect(page.locator("#assistant-live")).to_contain_text("Question 1 sur 8")
    assert _focused_id(page) == "assistant-heading"
    _answer_until_where(page)
    assert _focused_id(page) == "assistant-heading"
    expect(page).to_have_url(live_server + "/trouver-ma-mission/ou")

    # A malformed postcode: the message is announced, the focus goes to the question, what was typed stays.
    page.get_by_label("Code postal ou commune").fill("6900")
    page.get_by_test_id("assistant-next").click()
    expect(page.locator("#error-summary")).to_contain_text("Un code postal a 5 chiffres")
    expect(page.locator("#assistant-live")).to_contain_text("Un code postal a 5 chiffres")
    expect(page.get_by_label("Code postal ou commune")).to_have_value("6900")
    assert _focused_id(page) == "assistant-heading"
    screenshot(page, "assistant-js-error")

    _answer_from_where(page)
    expect(page).to_have_url(live_server + "/trouver-ma-mission/resultats")
    results = page.get_by_test_id("recommendations")
    expect(results).to_contain_text(near.title)
    expect(results).to_contain_text("Pourquoi cette mission")
    expect(_heading(page)).to_contain_text("pour vous")
    screenshot(page, "assistant-js-results")

    # A refinement re-runs the search at once, still without a reload.
    page.get_by_test_id("refine-other_causes").click()
    expect(results).to_contain_text("Visites de convivialité aux aînés")
    expect(results).not_to_contain_text(near.title)
    assert page.evaluate("window.__stillTheSamePage === true")

    # The browser's back button comes back to the previous results.
    page.go_back()
    expect(results).to_contain_text(near.title)


def test_the_whole_assistant_without_javascript(browser, live_server, missions):
    near, _seniors = missions
    context = browser.new_context(
        locale="fr-FR", java_script_enabled=False, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        page.goto(live_server + "/trouver-ma-mission")
        page.get_by_test_id("assistant-start").click()
        _answer_until_where(page)
        page.get_by_label("Code postal ou commune").fill("69007")
        page.get_by_label("Jusqu’où iriez-vous ?").select_option("100")
        page.get_by_label("Code postal ou commune").fill("Nullepartville")
        page.get_by_test_id("assistant-next").click()
        expect(page.locator("#error-summary")).to_contain_text("Nullepartville")
        expect(page.get_by_label("Code postal ou commune")).to_have_value("Nullepartville")
        expect(page.get_by_label("Jusqu’où iriez-vous ?")).to_have_value("100")
        screenshot(page, "assistant-nojs-error")
        _answer_from_where(page, place="Lyon 69007")
        expect(page.get_by_test_id("recommendations")).to_contain_text(near.title)
        page.get_by_test_id("refine-closer").click()
        expect(page).to_have_url(live_server + "/trouver-ma-mission/resultats?affiner=closer")
        expect(page.get_by_test_id("recommendations")).to_contain_text(near.title)
        screenshot(page, "assistant-nojs-results")
    finally:
        context.close()


def test_going_back_and_changing_an_answer_on_a_phone(phone_page, live_server, missions):
    page = phone_page
    near, seniors = missions
    page.goto(live_server + "/trouver-ma-mission/causes")
    screenshot(page, "assistant-phone-causes")
    _answer_until_where(page)
    screenshot(page, "assistant-phone-where")
    _answer_from_where(page)
    expect(page.get_by_test_id("recommendations")).to_contain_text(near.title)
    screenshot(page, "assistant-phone-results")

    # Back through the questions to the first one; the answers are still ticked.
    page.get_by_test_id("assistant-back").click()
    expect(_heading(page)).to_have_text(TITLES["company"])
    for title in ("age", "avoid", "skills", "where", "when", "time", "causes"):
        page.get_by_test_id("assistant-back").click()
        expect(_heading(page)).to_have_text(TITLES[title])
    expect(page.get_by_label("Aide alimentaire")).to_be_checked()
    page.get_by_label("Aide alimentaire").uncheck()
    page.get_by_label("Personnes âgées").check()
    _continue(page, TITLES["time"])
    expect(page.get_by_label("Une fois, pour essayer")).to_be_checked()
    for title in ("when", "where", "skills", "avoid", "age", "company"):
        _continue(page, TITLES[title])
    page.get_by_test_id("assistant-next").click()
    results = page.get_by_test_id("recommendations")
    expect(results.get_by_role("heading", level=2).first).to_have_text(seniors.title)
    screenshot(page, "assistant-phone-results-changed")


def test_saving_the_answers_then_signing_up_fills_the_profile(page, live_server, missions):
    page.goto(live_server + "/trouver-ma-mission/causes")
    _answer_until_where(page)
    _answer_from_where(page)
    page.get_by_test_id("save-answers").click()
    expect(page).to_have_url(live_server + "/inscription/benevole?depuis=assistant")
    expect(page.get_by_text("vos réponses rempliront votre profil")).to_be_visible()
    expect(page.locator("#age_range")).to_have_value("36-50")
    expect(page.locator("#postcode")).to_have_value("69007")
    page.get_by_label("Prénom").fill("Josiane")
    page.get_by_label("Adresse e-mail").fill("josiane@example.fr")
    page.locator("#password").fill("un-mot-de-passe-solide")
    page.locator("#confirm").fill("un-mot-de-passe-solide")
    page.locator("#accept_terms").check()
    page.locator("main").get_by_role("button", name="Créer mon compte").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Consultez vos e-mails")
    page.goto(live_server + verification_link("josiane@example.fr"))
    page.get_by_label("Mot de passe").fill("un-mot-de-passe-solide")
    page.locator("main").get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Josiane")

    page.goto(live_server + "/espace/profil")
    expect(page.locator("#place")).to_have_value("Lyon (69007)")
    expect(page.locator("#domains-aide-alimentaire")).to_be_checked()
    expect(page.locator("#slot-sat_morning")).to_be_checked()
    expect(page.locator("#slot-sun_evening")).to_be_checked()
    expect(page.locator("#slot-mon_morning")).not_to_be_checked()
    expect(page.locator("#wanted_kinds-ponctual")).to_be_checked()
    expect(page.locator("#about")).to_have_value("préparer des colis")
    screenshot(page, "assistant-profile-prefilled")


def test_an_accompaniment_request_reaches_the_network_inbox(browser, page, live_server, make, missions):
    lyon_admin = make.user("network_admin", email="reseau-lyon@example.fr", first_name="Nadia")
    make.network("Maison des associations de Lyon", admin=lyon_admin, departements=("69",))
    paris_admin = make.user("network_admin", email="reseau-paris@example.fr")
    make.network("Maison des associations de Paris", admin=paris_admin, departements=("75",))

    page.goto(live_server + "/trouver-ma-mission/causes")
    _answer_until_where(page)
    _answer_from_where(page)
    page.get_by_test_id("recommendations").locator("..").get_by_test_id("accompany-link").last.click()
    expect(_heading(page)).to_have_text("Être accompagné·e pour trouver sa mission")
    expect(page.get_by_label("Votre code postal")).to_have_value("69007")
    page.get_by_label("Votre prénom").fill("Josiane")
    page.get_by_label("Votre numéro de téléphone").fill("06 12 34 56 78")
    page.get_by_test_id("accompaniment-send").click()
    expect(page.locator("#error-summary")).to_contain_text("Cochez la case")
    expect(page.get_by_label("Votre prénom")).to_have_value("Josiane")
    page.get_by_label("L’après-midi").check()
    page.locator("#consent").check()
    page.get_by_test_id("accompaniment-send").click()
    expect(page.get_by_test_id("accompaniment-sent")).to_contain_text(
        "Maison des associations de Lyon vous rappellera sous 2 jours ouvrés"
    )
    screenshot(page, "assistant-accompaniment-sent")

    admin_context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    admin = admin_context.new_page()
    try:
        admin.goto(live_server + "/connexion")
        admin.get_by_label("Adresse e-mail").fill(lyon_admin.email)
        admin.get_by_label("Mot de passe").fill(DEFAULT_PASSWORD)
        admin.locator("main").get_by_role("button", name="Se connecter").click()
        admin.goto(live_server + "/reseau/accompagnements")
        request = admin.get_by_test_id("accompaniment-request")
        expect(request).to_have_count(1)
        expect(request).to_contain_text("Josiane")
        expect(request).to_contain_text("0612345678")
        expect(request).to_contain_text("L’après-midi")
        expect(request).to_contain_text("Aide alimentaire")
        expect(request).to_contain_text("Lyon (69007), jusqu’à 20 km")
        screenshot(admin, "assistant-network-inbox")
        request.get_by_test_id("mark-handled").click()
        expect(admin.get_by_text("La demande est marquée comme traitée.")).to_be_visible()
        expect(request).to_contain_text("Traitée le")
    finally:
        admin_context.close()
    db.session.expire_all()


def _choose_villeurbanne_with_the_keyboard(page, *, shot: str | None = None) -> None:
    place = page.get_by_role("combobox", name="Code postal ou commune")
    place.fill("")
    place.press_sequentially("Villeurb")
    suggestions = page.get_by_role("listbox", name="Communes suggérées")
    expect(suggestions).to_be_visible()
    expect(suggestions.get_by_role("option", name="Villeurbanne (69100)")).to_be_visible()
    expect(place).to_have_attribute("aria-expanded", "true")
    expect(page.locator("#assistant-live")).to_contain_text("1 commune suggérée")
    if shot:
        screenshot(page, shot)
    place.press("ArrowDown")
    expect(place).to_have_attribute("aria-activedescendant", "place-listbox-0")
    place.press("Enter")  # chooses the commune; the form is not sent
    expect(suggestions).to_be_hidden()
    expect(place).to_have_value("Villeurbanne (69100)")
    expect(_heading(page)).to_have_text(TITLES["where"])


def test_the_where_step_suggests_communes_after_a_panel_swap_on_a_phone(phone_page, live_server, missions):
    page = phone_page
    near, _seniors = missions
    page.goto(live_server + "/trouver-ma-mission/causes")
    page.evaluate("window.__stillTheSamePage = true")
    _answer_until_where(page)  # the "where" panel arrives through a JavaScript swap
    _choose_villeurbanne_with_the_keyboard(page, shot="assistant-phone-where-communes")

    # Forward then back: the panel is swapped twice more and the field is enhanced once each time.
    _continue(page, TITLES["skills"])
    page.get_by_test_id("assistant-back").click()
    expect(_heading(page)).to_have_text(TITLES["where"])
    expect(page.locator("#place")).to_have_value("Villeurbanne (69100)")
    _choose_villeurbanne_with_the_keyboard(page)
    expect(page.locator("#place-listbox")).to_have_count(1)
    assert page.evaluate("window.__stillTheSamePage === true")

    _answer_from_where(page, place=None)
    expect(page).to_have_url(live_server + "/trouver-ma-mission/resultats")
    expect(page.get_by_test_id("recommendations")).to_contain_text(near.title)


def test_the_where_step_suggests_communes_on_a_full_page_load(page, live_server, missions):
    near, _seniors = missions
    page.goto(live_server + "/trouver-ma-mission/causes")
    _answer_until_where(page)
    page.reload()  # the step served whole by the server, no swap
    expect(_heading(page)).to_have_text(TITLES["where"])
    _choose_villeurbanne_with_the_keyboard(page)
    expect(page.locator("#place-listbox")).to_have_count(1)
    _answer_from_where(page, place=None)
    expect(page.get_by_test_id("recommendations")).to_contain_text(near.title)
    screenshot(page, "assistant-communes-results")
