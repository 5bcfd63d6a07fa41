"""After a mission, in a real browser (issue 15, item 8): the association confirms the hours with
its thanks, the volunteer says how it went, the association reads it and notes a private word."""

from __future__ import annotations

import re
from datetime import date, timedelta
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from marketplace.extensions import db
from marketplace.notifications.models import OutboxMessage
from tests.browser.axe import assert_accessible
from tests.browser.conftest import screenshot, sign_in

pytestmark = pytest.mark.browser


def test_thanks_feedback_and_a_private_note_after_a_mission(browser, page, live_server, make):
    owner = make.user("association", email="nadia@restos.example.fr", first_name="Nadia")
    association = make.association("Les Restos du Cœur", owner=owner)
    mission = make.mission(
        association, title="Collecte de printemps", start_date=date.today() - timedelta(days=1)
    )
    volunteer = make.user("candidate", email="camille@example.fr", first_name="Camille")
    application = make.application(mission, volunteer, status="accepted")

    sign_in(page, live_server, owner.email)
    page.goto(live_server + f"/candidatures/{application.id}")
    form = page.get_by_test_id("complete-form")
    form.get_by_label("Heures effectuées").fill("3.5")
    form.get_by_label("Vos remerciements au ou à la bénévole").fill("Merci Camille, les familles ont adoré !")
    form.get_by_role("button", name="Confirmer la participation").click()
    expect(page.locator(".alert--success")).to_be_visible()

    message = db.session.scalars(
        select(OutboxMessage).where(OutboxMessage.recipient == volunteer.email)
    ).one()
    assert "Merci Camille, les familles ont adoré !" in message.body_text
    link = re.search(r"(http\S+/avis)", message.body_text).group(1)

    context = browser.new_context(locale="fr-FR")
    other = context.new_page()
    sign_in(other, live_server, volunteer.email)
    other.goto(live_server + urlsplit(link).path)
    expect(other.get_by_role("heading", level=1)).to_have_text("Comment ça s’est passé ?")
    other.get_by_label("4").check()
    other.get_by_label("Un mot pour l'association (facultatif)").fill("Super accueil, bien organisé.")
    assert_accessible(other)
    screenshot(other, "after-mission-feedback")
    other.get_by_role("button", name="Envoyer mon avis").click()
    expect(other.locator(".alert--success")).to_contain_text("l’association lira votre mot")
    context.close()

    page.reload()
    feedback = page.get_by_test_id("volunteer-feedback")
    expect(feedback).to_contain_text("Note : 4 / 5")
    expect(feedback).to_contain_text("Super accueil, bien organisé.")
    note = page.get_by_test_id("note-form")
    note.get_by_label("Un mot sur ce ou cette bénévole").fill("Très fiable, à rappeler pour la braderie.")
    note.get_by_role("button", name="Enregistrer la note").click()
    expect(page.locator(".alert--success")).to_contain_text("seule votre équipe la voit")
    assert_accessible(page)
    screenshot(page, "after-mission-association")
