"""A network admin registers a partner's API Engagement feed (served locally by the test), reads it,
and sees its missions; the feeds pages pass axe."""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.axe import assert_accessible
from tests.browser.conftest import screenshot, sign_in

pytestmark = pytest.mark.browser

FEEDS = Path(__file__).resolve().parents[1] / "data" / "feeds"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def partner_feed_url():
    """tests/data/feeds served over http from 127.0.0.1 (FEEDS_ALLOW_LOCAL is on in tests)."""
    handler = functools.partial(_QuietHandler, directory=str(FEEDS))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/small.xml"
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def test_a_network_admin_registers_a_feed_and_sees_its_missions(page, live_server, make, partner_feed_url):
    admin = make.user("network_admin", email="reseau@example.fr")
    make.network("Maison des associations de Lyon", admin=admin, departements=("69",))

    sign_in(page, live_server, admin.email)
    page.get_by_role("link", name="Flux partenaires").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Flux partenaires")
    expect(page.get_by_text("Aucun flux enregistré pour l’instant.")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Nom").fill("Partenaire lyonnais")
    page.get_by_label("Adresse du flux").fill(partner_feed_url)
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    expect(page.locator(".alert").first).to_contain_text("Flux enregistré")
    expect(page.get_by_role("heading", level=1)).to_have_text("Partenaire lyonnais")
    expect(page.get_by_test_id("feed-status")).to_contain_text("pas encore lu")

    page.get_by_role("button", name="Lire le flux maintenant").click()
    expect(page.locator(".alert").first).to_contain_text("Flux lu : 1 créées")
    missions = page.get_by_test_id("feed-missions")
    expect(missions).to_contain_text("Aide à la distribution alimentaire")
    assert_accessible(page)

    # The imported mission's page sends volunteers to the partner's site and says its rhythm.
    # The first mission page of the process builds the similar-missions index: allow it time.
    missions.get_by_role("link", name="Aide à la distribution alimentaire").click(timeout=30_000)
    expect(page.get_by_test_id("rhythm")).to_have_text("Une demi-journée par semaine")
    expect(page.get_by_test_id("apply-elsewhere")).to_have_text("Postuler sur le site de jeveuxaider.gouv.fr")

    # The feeds list now shows the registered feed, read.
    page.goto(live_server + "/admin/flux")
    expect(page.get_by_test_id("feeds")).to_contain_text("Partenaire lyonnais")
    assert_accessible(page)
    screenshot(page, "feeds-admin")
