"""Journeys in a real browser: sign-up with e-mail verification, change of address, export and deletion,
legal pages. The workshop of 30 sign-ups from one IP is an app-level test (test_accounts_verification.py):
30 browsers would take minutes and test nothing more than the budget."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from marketplace.accounts.models import User
from marketplace.associations.models import Mission
from marketplace.extensions import db
from tests.browser.conftest import screenshot, sign_in
from tests.conftest import DEFAULT_PASSWORD, outbox_link, verification_link

pytestmark = pytest.mark.browser


def test_volunteer_signs_up_confirms_the_address_then_applies(page, live_server, make):
    mission = make.mission(title="Collecte solidaire")
    page.goto(live_server + "/inscription/benevole")
    page.get_by_label("Prénom").fill("Inès")
    page.get_by_label("Adresse e-mail").fill("ines@example.fr")
    page.get_by_label("Tranche d'âge").select_option("18-25")
    page.get_by_label("Mot de passe", exact=True).fill("azerty123456")
    page.get_by_label("Confirmez le mot de passe").fill("azerty123456")
    page.get_by_label("J'accepte les conditions générales d'utilisation").check()
    page.get_by_role("button", name="Créer mon compte").click()
    expect(page.locator("#error-summary")).to_contain_text("trop courant")
    page.get_by_label("Mot de passe", exact=True).fill("velo-pluie-tartine")
    page.get_by_label("Confirmez le mot de passe").fill("velo-pluie-tartine")
    page.get_by_role("button", name="Créer mon compte").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Consultez vos e-mails")
    expect(page.get_by_test_id("signup-sent")).to_contain_text("ines@example.fr")
    screenshot(page, "signup-check-your-email")

    # Signed in before confirming: the mission says how to apply, the banner offers a new link.
    sign_in_page(page, live_server, "ines@example.fr", "velo-pluie-tartine")
    page.goto(f"{live_server}/missions/{mission.id}")
    expect(page.get_by_test_id("apply-problem")).to_contain_text(
        "Confirmez votre adresse e-mail pour candidater"
    )
    expect(page.get_by_test_id("verify-banner")).to_be_visible()
    screenshot(page, "mission-unverified")

    page.goto(live_server + verification_link("ines@example.fr"))
    expect(page.locator(".flashes")).to_contain_text("Votre adresse e-mail est confirmée")
    page.goto(f"{live_server}/missions/{mission.id}")
    expect(page.get_by_test_id("apply-form")).to_be_visible()
    expect(page.get_by_test_id("verify-banner")).to_have_count(0)
    user = db.session.scalar(select(User).where(User.email == "ines@example.fr"))
    assert user.is_verified and user.terms_accepted_at is not None


def sign_in_page(page, base_url: str, email: str, password: str) -> None:
    page.goto(base_url + "/connexion")
    page.get_by_label("Adresse e-mail").fill(email)
    page.get_by_label("Mot de passe").fill(password)
    page.locator("main").get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def test_volunteer_changes_the_email_address_with_the_link_sent_to_it(page, live_server, make):
    user = make.user(email="avant@example.fr", first_name="Marc")
    sign_in(page, live_server, user.email)
    page.get_by_role("link", name="Mon compte").click()
    expect(page.get_by_test_id("account-email")).to_contain_text("avant@example.fr")
    screenshot(page, "account-page")
    page.get_by_role("link", name="Changer mon adresse e-mail").click()
    page.get_by_label("Nouvelle adresse e-mail").fill("apres@example.fr")
    page.get_by_label("Mot de passe actuel").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Envoyer le lien de confirmation").click()
    expect(page.locator(".flashes")).to_contain_text("Nous avons envoyé un lien à apres@example.fr")
    expect(page.get_by_test_id("account-email")).to_contain_text("avant@example.fr")
    page.goto(live_server + outbox_link("apres@example.fr", "/compte/adresse/confirmer/"))
    expect(page.locator(".flashes")).to_contain_text("Votre adresse e-mail est maintenant apres@example.fr")
    expect(page.get_by_test_id("account-email")).to_contain_text("apres@example.fr")
    screenshot(page, "account-email-changed")


def test_volunteer_downloads_the_data_then_deletes_the_account(page, live_server, make):
    user = make.user(email="lea@example.fr", first_name="Léa")
    mission = make.mission(title="Atelier vélo", capacity=3)
    make.application(mission, user, status="accepted", motivation="Je répare les vélos")
    sign_in(page, live_server, user.email)
    page.goto(live_server + "/compte")
    page.get_by_role("link", name="Télécharger mes données").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mes données")
    expect(page.locator("main")).to_contain_text("Je répare les vélos")
    screenshot(page, "export-page")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Télécharger (JSON").click()
    data = json.loads(Path(download_info.value.path()).read_text(encoding="utf-8"))
    assert data["applications"][0]["mission"]["title"] == "Atelier vélo"

    page.goto(live_server + "/compte/supprimer")
    screenshot(page, "delete-account")
    page.get_by_label("Votre mot de passe").fill("pas-le-bon-mot")
    page.get_by_label("Je comprends").check()
    page.get_by_role("button", name="Supprimer définitivement mon compte").click()
    expect(page.locator("#error-summary")).to_contain_text("mot de passe actuel est incorrect")
    page.get_by_label("Votre mot de passe").fill(DEFAULT_PASSWORD)
    page.get_by_label("Je comprends").check()
    page.get_by_role("button", name="Supprimer définitivement mon compte").click()
    expect(page.locator(".flashes")).to_contain_text("Votre compte est supprimé")
    expect(page.get_by_role("link", name="Se connecter")).to_be_visible()
    db.session.expire_all()
    assert db.session.get(User, user.id).erased_at is not None
    assert db.session.get(Mission, mission.id).seats_taken == 0  # the accepted seat is free again


def test_legal_pages_are_linked_from_the_footer_and_read_on_a_phone(page, phone_page, live_server):
    page.goto(live_server + "/")
    page.locator("footer").get_by_role("link", name="Politique de confidentialité").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Politique de confidentialité")
    screenshot(page, "privacy-policy")
    page.locator("footer").get_by_role("link", name="Conditions générales d’utilisation").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Conditions générales d'utilisation")
    screenshot(page, "terms-of-use")
    page.locator("footer").get_by_role("link", name="Mentions légales").click()
    screenshot(page, "legal-notice")
    phone_page.goto(live_server + "/confidentialite#cookies")
    expect(phone_page.get_by_role("heading", name="Cookies")).to_be_visible()
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page scrolls sideways on a phone ({width}px)"
    screenshot(phone_page, "privacy-policy-phone")
