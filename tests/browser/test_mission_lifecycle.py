"""The whole association journey in one browser run: write, moderate, apply, accept, complete."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from marketplace.associations.models import Mission
from marketplace.candidates.models import Application
from marketplace.extensions import db
from tests.browser.test_mission_publishing import sign_in, write_mission

pytestmark = pytest.mark.browser


def new_page(browser):
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    return page


def test_a_mission_goes_from_the_editor_to_a_completed_volunteer(browser, page, live_server, make):
    owner = make.user("association", email="sami@jardiniers.example.org", first_name="Sami")
    make.association("Les Jardiniers de Bellevue", owner=owner)
    make.user("site_admin", email="ines@tremplin.example", first_name="Inès")
    volunteer = make.user("candidate", email="lou@example.fr", first_name="Lou", age_range="18-25")

    # 1. The association writes the mission and submits it for review.
    sign_in(page, live_server, owner.email)
    page.goto(live_server + "/espace/missions/nouvelle")
    write_mission(page)
    page.locator("#submit-button").click()
    expect(page.get_by_test_id("mission-status")).to_have_attribute("data-status", "pending_review")
    mission = db.session.scalar(select(Mission))

    # 2. A moderator publishes it.
    moderator = new_page(browser)
    sign_in(moderator, live_server, "ines@tremplin.example")
    moderator.goto(f"{live_server}/moderation/missions/{mission.id}")
    moderator.locator("#publish-button").click()
    expect(moderator).to_have_url(live_server + "/moderation")

    # 3. A volunteer finds it published and applies.
    candidate = new_page(browser)
    sign_in(candidate, live_server, volunteer.email)
    candidate.goto(f"{live_server}/missions/{mission.id}")
    expect(candidate.get_by_test_id("apply-panel")).to_have_attribute("data-state", "open")
    candidate.get_by_test_id("apply-submit").click()
    expect(candidate.get_by_test_id("application-page")).to_have_attribute("data-status", "pending")

    # 4. The association accepts, then confirms the hours once the mission took place.
    page.goto(live_server + "/espace/candidatures/recues")
    page.get_by_test_id("inbox-row").get_by_role("link", name="Lou").click()
    page.get_by_test_id("accept").click()
    expect(page.get_by_test_id("application-page")).to_have_attribute("data-status", "accepted")
    db.session.expire_all()
    assert mission.seats_taken == 1
    # Before the mission the participation cannot be confirmed yet; a week later it can.
    expect(page.get_by_test_id("complete-not-yet")).to_be_visible()
    application = db.session.scalar(select(Application))
    application.decided_at -= timedelta(days=8)
    if mission.start_date is not None:
        mission.start_date = date.today() - timedelta(days=8)
    db.session.commit()
    page.reload()
    page.locator("#hours_done").fill("2")
    page.get_by_test_id("complete").click()
    expect(page.get_by_test_id("application-page")).to_have_attribute("data-status", "completed")

    candidate.reload()
    expect(candidate.get_by_test_id("application-page")).to_have_attribute("data-status", "completed")
    application = db.session.scalar(select(Application))
    assert application.hours_done == 2 and [event.to_status for event in application.events] == [
        "pending",
        "accepted",
        "completed",
    ]
    for other in (moderator, candidate):
        other.context.close()


def test_a_volunteer_applies_sees_the_application_and_withdraws(page, live_server, make):
    mission = make.mission(title="Maraude du jeudi soir", capacity=1)
    volunteer = make.user("candidate", email="lea@example.fr", first_name="Léa", age_range="26-35")
    sign_in(page, live_server, volunteer.email)
    page.goto(f"{live_server}/missions/{mission.id}")
    page.get_by_test_id("apply-submit").click()
    expect(page.get_by_test_id("application-page")).to_have_attribute("data-status", "pending")

    page.goto(live_server + "/espace/candidatures")
    page.get_by_role("link", name="Maraude du jeudi soir").click()
    page.get_by_test_id("withdraw").click()
    expect(page.get_by_test_id("withdraw-confirm")).to_be_visible()  # it asks first
    page.get_by_test_id("confirm-withdraw").click()
    expect(page.get_by_test_id("application-page")).to_have_attribute("data-status", "withdrawn")
    page.goto(f"{live_server}/missions/{mission.id}")
    # Withdrawing the same day: the mission says why one cannot apply again right away.
    expect(page.get_by_test_id("apply-panel")).not_to_have_attribute("data-state", "open")
