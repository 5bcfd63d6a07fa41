"""An association asks to join its local network; the network admin accepts it from the network space."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import screenshot, sign_in

pytestmark = pytest.mark.browser


def test_an_association_joins_a_network_that_accepts_it(browser, page, phone_page, live_server, make):
    admin = make.user("network_admin", email="reseau@example.fr", first_name="Hélène")
    make.network("Maison des associations de Lyon", admin=admin, departements=("69",))
    make.network("Réseau marseillais", departements=("13",))
    owner = make.user("association", email="presidente@example.fr")
    make.association("Les Jardins du Rhône", owner=owner, postcode="69007")

    # The association finds the network covering its postcode from its space, and asks to join.
    sign_in(phone_page, live_server, owner.email)
    phone_page.get_by_role("link", name="Réseaux locaux").click()
    expect(phone_page.get_by_text("Réseau marseillais")).to_have_count(0)
    phone_page.get_by_role("button", name="Demander à rejoindre — Maison des associations de Lyon").click()
    expect(phone_page.locator(".alert").first).to_contain_text("Votre demande est envoyée")
    expect(phone_page.get_by_text("Demande envoyée, en attente de réponse")).to_be_visible()
    screenshot(phone_page, "network-join-request-phone")

    # The network admin sees the request in the network space and accepts it.
    sign_in(page, live_server, admin.email)
    page.get_by_role("link", name="Espace réseau et widgets").click()
    requests = page.get_by_test_id("join-requests")
    expect(requests).to_contain_text("Les Jardins du Rhône")
    screenshot(page, "network-space")
    requests.get_by_role("button", name="Accepter — Les Jardins du Rhône").click()
    expect(page.locator(".alert").first).to_contain_text(
        "Les Jardins du Rhône est maintenant membre du réseau"
    )
    expect(page.get_by_test_id("members")).to_contain_text("Les Jardins du Rhône")
    expect(page.get_by_test_id("join-requests")).to_have_count(0)

    phone_page.reload()
    expect(phone_page.get_by_text("Membre", exact=True)).to_be_visible()
