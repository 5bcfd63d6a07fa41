"""A volunteer chooses which optional e-mails they receive, and unsubscribes from a link without
signing in (issue 15, item 10), in a real browser."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from marketplace.notifications import preferences
from tests.browser.axe import assert_accessible
from tests.browser.conftest import screenshot, sign_in

pytestmark = pytest.mark.browser


def test_a_volunteer_changes_preferences_then_unsubscribes_from_a_link(page, browser, live_server, app, make):
    volunteer = make.user("candidate", email="jules@example.fr", first_name="Jules")
    sign_in(page, live_server, volunteer.email)

    page.goto(live_server + "/compte")
    page.get_by_role("link", name="Mes préférences d’e-mails").click()
    reminders = page.get_by_label("Les rappels avant une mission où l’on m’attend")
    expect(reminders).to_be_checked()
    reminders.uncheck()
    page.get_by_role("button", name="Enregistrer mes préférences").click()
    expect(page.locator(".alert--success")).to_contain_text("préférences d’e-mails sont enregistrées")
    expect(page.get_by_label("Les rappels avant une mission où l’on m’attend")).not_to_be_checked()
    expect(page.get_by_label("Les nouvelles missions de mes recherches enregistrées")).to_be_checked()
    assert_accessible(page)
    screenshot(page, "email-preferences")

    # The link at the bottom of an alert works in another browser, signed out, without a password.
    with app.test_request_context():
        link = preferences.unsubscribe_url(volunteer, "alerts")
    context = browser.new_context(locale="fr-FR")
    other = context.new_page()
    other.goto(live_server + urlsplit(link).path)
    expect(other.get_by_role("heading", level=1)).to_have_text("Se désabonner")
    other.get_by_role("button", name="Arrêter ces e-mails").click()
    expect(other.get_by_test_id("unsubscribed")).to_contain_text(
        "Les nouvelles missions de mes recherches enregistrées"
    )
    assert_accessible(other)
    screenshot(other, "unsubscribed")
    context.close()

    page.reload()
    expect(page.get_by_label("Les nouvelles missions de mes recherches enregistrées")).not_to_be_checked()
    assert preferences.opted_out(volunteer) == {"reminders", "alerts"}
