"""A network admin configures a widget; another site (another origin) embeds it; the statistics count it."""

from __future__ import annotations

import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from marketplace.candidates.models import Application
from marketplace.extensions import db
from marketplace.search import services as search
from marketplace.widgets.models import Widget
from tests.browser.conftest import screenshot, sign_in
from tests.conftest import DEFAULT_PASSWORD

pytestmark = pytest.mark.browser

HOST_PAGE = """<!doctype html>
<html lang="fr">
<head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Maison des associations de Lyon</title>
<style>body {{ font-family: sans-serif; margin: 2rem auto; max-width: 60rem; }} header {{ background: #f2e8d5;
padding: 1rem; }} footer {{ border-top: 1px solid #ccc; margin-top: 1rem; }}</style></head>
<body>
<header><h1>Maison des associations de Lyon</h1><p>Engagez-vous près de chez vous.</p></header>
<main><h2>Les missions de nos associations</h2>
{snippet}
</main>
<footer id="after-widget"><p>Maison des associations · 28 rue Denfert-Rochereau, Lyon</p></footer>
</body></html>
"""


@pytest.fixture
def host_site(tmp_path: Path):
    """Another origin: a tiny static server on another local port, serving what the test writes."""

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:  # keep the test output clean
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(tmp_path)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield tmp_path, f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture
def territory(make):
    admin = make.user("network_admin", email="reseau@example.fr", first_name="Hélène")
    member = make.association("Les Jardins du Rhône", postcode="69007")
    network = make.network("Maison des associations de Lyon", admin=admin, members=(member,))
    titles = [
        "Jardinage partagé au parc de Gerland",
        "Aide aux devoirs à la Guillotière",
        "Collecte alimentaire de printemps",
        "Accueil du festival de quartier",
        "Atelier vélo solidaire",
        "Lecture pour les aînés",
    ]
    for number, title in enumerate(titles):
        make.mission(member, title=title, domain="environnement" if number % 2 else "education")
    make.mission(
        make.association(postcode="13001"), title="Maraude à Marseille", postcode="13001", city="Marseille"
    )
    candidate = make.user("candidate", email="camille@example.fr", first_name="Camille")
    search.reindex_all()
    return {"admin": admin, "network": network, "candidate": candidate}


def test_a_network_admin_configures_a_widget_that_another_site_embeds_and_that_brings_an_application(
    browser, live_server, host_site, territory
):
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server)
    admin = context.new_page()
    admin.set_default_timeout(10_000)

    # The network admin creates a widget from the network space; the preview follows the form.
    sign_in(admin, live_server, territory["admin"].email)
    admin.goto(f"{live_server}/reseau")
    expect(admin.get_by_role("heading", level=1)).to_have_text("Maison des associations de Lyon")
    admin.get_by_role("link", name="Créer un widget").click()
    admin.get_by_label("Nom du widget").fill("Site de la Maison")
    admin.get_by_label("Missions par page").fill("4")
    admin.get_by_label("Seulement les associations membres du réseau").check()
    preview = admin.frame_locator("#widget-preview")
    expect(preview.get_by_test_id("widget-count")).to_contain_text("6 missions")
    admin.get_by_label("Grille").check()
    expect(preview.locator("body.widget--grid")).to_have_count(1)
    admin.get_by_role("button", name="Créer le widget").click()
    expect(admin.locator(".alert, .flash").first).to_contain_text("Le widget est créé")

    # The snippet is there, and "Copier" puts it in the clipboard.
    snippet = admin.get_by_test_id("snippet-script").input_value()
    widget = db.session.scalar(select(Widget))
    assert (
        snippet == f'<script src="{live_server}/widget.js" data-widget="{widget.public_id}" async></script>'
    )
    admin.get_by_role("button", name="Copier — le script").click()
    expect(admin.locator("#copy-status")).to_have_text("Copié dans le presse-papiers.")
    assert admin.evaluate("navigator.clipboard.readText()") == snippet
    screenshot(admin, "widget-configurator")

    # Another site (another port, so another origin) pastes the snippet.
    folder, host = host_site
    (folder / "index.html").write_text(HOST_PAGE.format(snippet=snippet), encoding="utf-8")
    visitor_context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    visitor = visitor_context.new_page()
    visitor.set_default_timeout(10_000)
    visitor.goto(f"{host}/index.html")
    frame_element = visitor.locator(f'iframe[data-tremplin-widget="{widget.public_id}"]')
    expect(frame_element).to_have_count(1)
    frame = visitor.frame_locator(f'iframe[data-tremplin-widget="{widget.public_id}"]')
    expect(frame.get_by_test_id("widget-count")).to_contain_text("6 missions")
    expect(frame.locator(".widget__mission")).to_have_count(4)
    expect(frame.get_by_text("Maraude à Marseille")).to_have_count(0)

    # The iframe takes the height of its content (the loader starts at 600 px).
    def frame_height() -> float:
        return frame_element.evaluate("element => element.getBoundingClientRect().height")

    def content_height() -> float:
        return frame.locator("html").evaluate("element => element.getBoundingClientRect().height")

    visitor.wait_for_function(
        "([selector]) => document.querySelector(selector).style.height !== '600px'",
        arg=[f'iframe[data-tremplin-widget="{widget.public_id}"]'],
    )
    assert abs(frame_height() - content_height()) <= 2
    tall = frame_height()
    screenshot(visitor, "widget-host-page")

    # Searching filters the missions, and the iframe shrinks with them.
    frame.get_by_label("Chercher une mission").fill("jardinage")
    frame.get_by_role("button", name="Rechercher").click()
    expect(frame.locator(".widget__mission")).to_have_count(1)
    expect(frame.get_by_test_id("widget-count")).to_contain_text("1 mission")
    visitor.wait_for_function(
        "([selector, before]) =>"
        " document.querySelector(selector).getBoundingClientRect().height < before - 50",
        arg=[f'iframe[data-tremplin-widget="{widget.public_id}"]', tall],
    )
    assert abs(frame_height() - content_height()) <= 2

    # "Postuler" opens the mission on Tremplin in a new tab, tagged with the widget.
    with visitor_context.expect_page() as new_tab:
        frame.get_by_role("link", name="Postuler").click()
    mission_page = new_tab.value
    mission_page.wait_for_load_state()
    assert mission_page.url.startswith(f"{live_server}/missions/")
    assert mission_page.url.endswith(f"?widget={widget.public_id}")
    expect(mission_page.get_by_role("heading", level=1)).to_have_text("Jardinage partagé au parc de Gerland")

    # The volunteer signs in from there and applies: the application keeps the widget.
    mission_page.get_by_test_id("apply-sign-in").click()
    mission_page.get_by_label("Adresse e-mail").fill(territory["candidate"].email)
    mission_page.get_by_label("Mot de passe").fill(DEFAULT_PASSWORD)
    mission_page.locator("main").get_by_role("button", name="Se connecter").click()
    mission_page.get_by_test_id("apply-submit").click()
    expect(mission_page.get_by_test_id("application-page")).to_have_attribute("data-status", "pending")
    application = db.session.scalar(select(Application))
    assert application.source_widget_id == widget.id

    # The statistics count the display on the other site, the click and the application.
    admin.goto(f"{live_server}/reseau/widgets/{widget.id}/statistiques")
    expect(admin.locator('[data-total="impressions"]')).to_have_text("1")
    expect(admin.locator('[data-total="clicks"]')).to_have_text("1")
    expect(admin.locator('[data-total="applications"]')).to_have_text("1")
    screenshot(admin, "widget-statistics")
    visitor_context.close()
    context.close()


def test_the_widget_on_a_phone_fits_the_screen(phone_page, live_server, host_site, make, territory):
    widget = make.widget(territory["network"], layout="grid", colour="#18753c")
    folder, host = host_site
    snippet = f'<script src="{live_server}/widget.js" data-widget="{widget.public_id}" async></script>'
    (folder / "index.html").write_text(HOST_PAGE.format(snippet=snippet), encoding="utf-8")
    phone_page.goto(f"{host}/index.html")
    frame = phone_page.frame_locator("iframe[data-tremplin-widget]")
    expect(frame.locator(".widget__mission").first).to_be_visible()
    phone_page.wait_for_function(
        "document.querySelector('iframe[data-tremplin-widget]').style.height !== '600px'"
    )
    assert frame.locator("html").evaluate("element => element.scrollWidth <= window.innerWidth")
    # The widget's own colour, from its settings (its style block is allowed by its CSP hash).
    apply_colour = frame.locator(".widget__apply").first.evaluate(
        "element => getComputedStyle(element).backgroundColor"
    )
    assert apply_colour == "rgb(24, 117, 60)"
    screenshot(phone_page, "widget-host-page-phone")


def test_the_loader_ignores_messages_from_other_origins(page, live_server, host_site, make, territory):
    widget = make.widget(territory["network"])
    folder, host = host_site
    snippet = f'<script src="{live_server}/widget.js" data-widget="{widget.public_id}" async></script>'
    (folder / "index.html").write_text(HOST_PAGE.format(snippet=snippet), encoding="utf-8")
    page.goto(f"{host}/index.html")
    iframe = page.locator("iframe[data-tremplin-widget]")
    expect(
        page.frame_locator("iframe[data-tremplin-widget]").locator(".widget__mission").first
    ).to_be_visible()
    page.wait_for_function("document.querySelector('iframe[data-tremplin-widget]').style.height !== '600px'")
    settled = iframe.evaluate("element => element.style.height")
    # The host page itself (another origin, another window) posts a fake height: ignored.
    page.evaluate("window.postMessage({type: 'tremplin-widget:height', height: 42}, '*')")
    page.wait_for_timeout(300)
    assert iframe.evaluate("element => element.style.height") == settled


def test_the_configurator_shows_every_problem_at_once_and_a_framed_preview_of_them(
    browser, live_server, territory
):
    """A light colour, no name and 0 per page: the preview says why, one submit lists all three."""
    from tests.browser.axe import assert_accessible

    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    admin = context.new_page()
    admin.set_default_timeout(10_000)
    sign_in(admin, live_server, territory["admin"].email)
    admin.goto(f"{live_server}/reseau/{territory['network'].id}/widgets/nouveau")
    admin.get_by_label("Couleur principale").fill("#ffff00")
    admin.get_by_label("Missions par page").fill("0")

    # The preview frame shows the problems (it used to be refused by frame-ancestors 'none').
    preview = admin.frame_locator("#widget-preview")
    expect(preview.get_by_role("alert")).to_contain_text("L’aperçu reviendra")
    expect(preview.locator("li")).to_have_count(2)
    expect(preview.get_by_text("teinte plus foncée", exact=False)).to_have_count(1)

    admin.get_by_role("button", name="Créer le widget").click()
    for message in ("Donnez un nom", "teinte plus foncée", "entre 1 et 50"):
        expect(admin.get_by_text(message, exact=False).first).to_be_visible()
    assert_accessible(admin)

    # Fixed in one go, with the suggested shade: the widget is created and its preview passes axe.
    admin.get_by_label("Nom du widget").fill("Site de la Maison")
    admin.get_by_label("Couleur principale").fill("#7a7a00")
    admin.get_by_label("Missions par page").fill("4")
    expect(preview.get_by_test_id("widget-count")).to_contain_text("missions")
    frame = next(frame for frame in admin.frames if "/widgets/apercu" in frame.url)
    assert_accessible(frame)
    admin.get_by_role("button", name="Créer le widget").click()
    expect(admin.locator(".alert, .flash").first).to_contain_text("Le widget est créé")
    context.close()
