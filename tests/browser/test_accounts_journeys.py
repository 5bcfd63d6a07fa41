"""Account journeys in a real browser: sign up, sign out, sign in, association sign-up, language."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from marketplace.associations.models import Association
from marketplace.extensions import db
from tests.browser.conftest import screenshot
from tests.conftest import DEFAULT_PASSWORD, verification_link

pytestmark = pytest.mark.browser


def test_candidate_signs_up_signs_out_and_signs_in_again(page, live_server):
    page.goto(live_server + "/")
    page.get_by_role("link", name="S'inscrire").first.click()
    page.get_by_role("link", name="Je veux devenir bénévole").click()
    page.get_by_label("Prénom").fill("Léa")
    page.get_by_label("Adresse e-mail").fill("lea@example.fr")
    page.get_by_label("Tranche d'âge").select_option("18-25")
    page.get_by_label("Code postal (facultatif)").fill("69007")
    page.get_by_label("Mot de passe", exact=True).fill("court")
    page.get_by_label("Confirmez le mot de passe").fill("court")
    page.get_by_label("J'accepte les conditions générales d'utilisation").check()
    page.get_by_role("button", name="Créer mon compte").click()
    expect(page.locator("#error-summary")).to_contain_text("au moins 10 caractères")
    expect(page.get_by_label("Prénom")).to_have_value("Léa")  # nothing typed is lost
    screenshot(page, "signup-candidate-error")

    page.get_by_label("Mot de passe", exact=True).fill("un-long-mot-de-passe")
    page.get_by_label("Confirmez le mot de passe").fill("un-long-mot-de-passe")
    page.get_by_role("button", name="Créer mon compte").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Consultez vos e-mails")
    # The link in the welcome e-mail confirms the address and leads to the sign-in form.
    page.goto(live_server + verification_link("lea@example.fr"))
    expect(page.get_by_label("Adresse e-mail")).to_have_value("lea@example.fr")
    page.get_by_label("Mot de passe").fill("un-long-mot-de-passe")
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Bonjour Léa")
    screenshot(page, "candidate-dashboard")

    page.get_by_role("button", name="Se déconnecter").click()
    expect(page.get_by_role("link", name="Se connecter")).to_be_visible()

    page.get_by_role("link", name="Se connecter").click()
    page.get_by_label("Adresse e-mail").fill("lea@example.fr")
    page.get_by_label("Mot de passe").fill("pas-le-bon-mot")
    page.get_by_role("button", name="Se connecter").click()
    expect(page.locator(".field__error")).to_contain_text("Adresse e-mail ou mot de passe incorrect.")
    page.get_by_label("Mot de passe").fill("un-long-mot-de-passe")
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Bonjour Léa")


def test_association_signs_up_and_lands_on_its_dashboard(page, live_server):
    page.goto(live_server + "/inscription/association")
    page.get_by_label("Nom de l'association").fill("Les Jardiniers de Bellevue")
    page.get_by_label("Code postal").fill("69008")
    page.get_by_label("Ville").fill("Lyon")
    page.get_by_label("Numéro SIREN (facultatif)").fill("732829321")
    page.get_by_label("Votre prénom").fill("Sami")
    page.get_by_label("Votre adresse e-mail").fill("sami@jardiniers.example.org")
    page.get_by_label("Mot de passe", exact=True).fill("jardins-partages-2026")
    page.get_by_label("Confirmez le mot de passe").fill("jardins-partages-2026")
    page.get_by_label("J'accepte les conditions générales d'utilisation").check()
    page.get_by_role("button", name="Inscrire l'association").click()
    expect(page.locator("#siren-error")).to_contain_text("n'est pas valide")
    expect(page.get_by_label("Nom de l'association")).to_have_value("Les Jardiniers de Bellevue")
    screenshot(page, "signup-association-error")

    page.get_by_label("Numéro SIREN (facultatif)").fill("732 829 320")
    page.get_by_label("Mot de passe", exact=True).fill("jardins-partages-2026")
    page.get_by_label("Confirmez le mot de passe").fill("jardins-partages-2026")
    page.get_by_role("button", name="Inscrire l'association").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Consultez vos e-mails")
    page.goto(live_server + verification_link("sami@jardiniers.example.org"))
    page.get_by_label("Mot de passe").fill("jardins-partages-2026")
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Les Jardiniers de Bellevue")
    association = db.session.scalar(select(Association))
    assert association.siren == "732829320"
    screenshot(page, "association-dashboard")


def test_visitor_switches_language_and_back(page, live_server, make):
    make.mission(title="Collecte de printemps")
    page.goto(live_server + "/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_role("link", name="Trouver une mission").first).to_be_visible()
    page.locator("button[name=language][value=en]").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("link", name="Find a mission").first).to_be_visible()
    screenshot(page, "home-en")
    page.locator("button[name=language][value=fr]").click()
    expect(page.locator("html")).to_have_attribute("lang", "fr")


def test_home_page_reads_well_on_a_phone(phone_page, live_server, make):
    make.mission(title="Distribution de repas chauds")
    phone_page.goto(live_server + "/")
    expect(phone_page.get_by_text("Distribution de repas chauds")).to_be_visible()
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "the page must not scroll sideways on a phone"
    screenshot(phone_page, "home-phone")


def test_keyboard_user_skips_to_content_and_signs_in(page, live_server, make):
    user = make.user(email="clavier@example.fr")
    page.goto(live_server + "/")
    page.keyboard.press("Tab")  # the skip link comes first
    expect(page.get_by_role("link", name="Aller au contenu")).to_be_focused()
    page.goto(live_server + "/connexion")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Aller au contenu")).to_be_focused()
    page.keyboard.press("Enter")  # jump over the menu to the form
    page.keyboard.press("Tab")
    expect(page.get_by_label("Adresse e-mail")).to_be_focused()
    page.keyboard.type(user.email)
    page.keyboard.press("Tab")
    page.keyboard.type(DEFAULT_PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Bonjour")
