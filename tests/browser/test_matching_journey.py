"""The pathway in a real browser: after a one-off mission, the association's recurring one comes first."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from marketplace.extensions import db
from tests.browser.conftest import screenshot
from tests.browser.test_mission_publishing import sign_in

pytestmark = pytest.mark.browser

PATHWAY_REASON = (
    "Vous avez déjà aidé Les Restos du Cœur de Lyon 7e une fois : "
    "cette mission régulière est la suite logique"
)


@pytest.fixture
def story(make):
    owner = make.user("association", first_name="Nadia", email="nadia@restos.example.org")
    restos = make.association("Les Restos du Cœur de Lyon 7e", owner=owner)
    collecte = make.mission(
        restos, title="Collecte alimentaire de printemps", start_date=date.today() - timedelta(days=2)
    )
    candidate = make.user("candidate", first_name="Camille", email="camille@example.fr", age_range="18-25")
    profile = candidate.profile
    profile.lat, profile.lon, profile.radius_km = 45.7456, 4.8427, 10
    profile.slots = ["wed_afternoon", "sat_morning"]
    profile.domains = ["aide-alimentaire", "environnement"]
    db.session.commit()
    application = make.application(mission=collecte, candidate=candidate, status="accepted")
    make.mission(
        restos,
        title="Distribution du mercredi après-midi",
        schedule="recurring",
        start_date=None,
        slots=["wed_afternoon"],
        hours_per_week=3,
    )
    other = make.association("Les Jardins partagés de Gerland")
    make.mission(other, title="Chantier nature au parc de Gerland", domain="environnement")
    make.mission(
        other,
        title="Jardin partagé du samedi",
        domain="environnement",
        schedule="recurring",
        start_date=None,
        slots=["sat_morning"],
    )
    return {"owner": owner, "candidate": candidate, "application": application}


def test_after_a_completed_one_off_mission_the_association_s_recurring_mission_is_recommended(
    browser, page, phone_page, live_server, story
):
    # Before: a volunteer in discovery, nothing done yet.
    sign_in(page, live_server, story["candidate"].email)
    page.goto(live_server + "/espace")
    expect(page.get_by_test_id("pathway")).to_have_attribute("data-stage", "discovery")
    expect(page.get_by_test_id("recommended")).not_to_contain_text(PATHWAY_REASON)

    # The association marks the collection completed, with the hours done.
    association = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900}).new_page()
    sign_in(association, live_server, story["owner"].email)
    association.goto(f"{live_server}/candidatures/{story['application'].id}")
    association.locator("#hours_done").fill("4")
    association.get_by_test_id("complete").click()
    expect(association.get_by_test_id("application-page")).to_have_attribute("data-status", "completed")
    association.context.close()

    # The volunteer's dashboard: the recurring mission of the same association comes first, and why.
    page.goto(live_server + "/espace")
    first = page.get_by_test_id("recommended").get_by_test_id("recommendation").first
    expect(first).to_contain_text("Distribution du mercredi après-midi")
    expect(first).to_contain_text(PATHWAY_REASON)
    expect(first).to_contain_text("Vous êtes disponible le mercredi après-midi")
    pathway = page.get_by_test_id("pathway")
    expect(pathway).to_have_attribute("data-stage", "ponctual")
    expect(pathway.get_by_test_id("pathway-done")).to_contain_text("1 mission réalisée")
    expect(pathway.get_by_test_id("pathway-done")).to_contain_text("4 heures données")
    expect(pathway.get_by_test_id("pathway-done")).to_contain_text("Les Restos du Cœur de Lyon 7e")
    expect(pathway.get_by_test_id("pathway-next")).to_contain_text("Prochaine étape : un engagement régulier")
    expect(pathway.get_by_test_id("recommendation").first).to_contain_text(
        "Distribution du mercredi après-midi"
    )
    screenshot(page, "matching-dashboard-desktop")

    # The mission page offers similar missions.
    page.get_by_test_id("recommended").get_by_role("link", name="Distribution du mercredi après-midi").click()
    expect(page.get_by_test_id("similar-missions")).to_be_visible()

    # The same dashboard on a phone.
    sign_in(phone_page, live_server, story["candidate"].email)
    phone_page.goto(live_server + "/espace")
    expect(phone_page.get_by_test_id("recommendation").first).to_contain_text(PATHWAY_REASON)
    screenshot(phone_page, "matching-dashboard-phone")


def test_an_association_invites_a_suggested_volunteer_who_sees_the_invitation(
    browser, page, phone_page, live_server, story
):
    candidate = story["candidate"]
    candidate.profile.visible_to_associations = True
    db.session.commit()
    mission_id = story["application"].mission_id + 1  # the recurring mission, created right after

    association = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900}).new_page()
    sign_in(association, live_server, story["owner"].email)
    association.goto(f"{live_server}/espace/missions/{mission_id}")
    association.locator("#suggested-link").click()
    expect(association.get_by_role("heading", level=1)).to_have_text("Candidats suggérés")
    suggestion = association.get_by_test_id("suggestion")
    expect(suggestion).to_have_count(1)
    expect(suggestion).to_contain_text("Camille")
    expect(suggestion).to_contain_text("Disponible le mercredi après-midi")
    expect(association.locator("body")).not_to_contain_text("camille@example.fr")
    screenshot(association, "matching-suggested-desktop")
    suggestion.get_by_role("button", name="Inviter à postuler").click()
    expect(association.locator("body")).to_contain_text("Invitation envoyée")
    expect(association.get_by_test_id("suggestion")).to_contain_text("Invité·e")
    association.context.close()

    sign_in(phone_page, live_server, candidate.email)
    invitations = phone_page.get_by_test_id("invitations")
    expect(invitations).to_contain_text("Distribution du mercredi après-midi")
    expect(invitations).to_contain_text("Les Restos du Cœur de Lyon 7e vous invite à postuler")
    screenshot(phone_page, "matching-invitation-phone")
