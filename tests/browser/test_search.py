"""Searching missions in a real browser: filters, facets, distances, pages, then a mission; and on a phone.

The page's new strings may not be translated yet, so elements are found by id or data-testid.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from marketplace.search import services
from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser

# Around Lyon 7e (postcode 69007), a few kilometres apart; and one mission in Grenoble.
NEAR_LYON = [(45.7456 + step * 0.002, 4.8427 + step * 0.0015) for step in range(25)]
GRENOBLE = (45.1885, 5.7245)


def snap(page: Page, name: str) -> None:
    """Screenshot the whole page, then scroll back to the top (headless Chromium drops a click otherwise)."""
    screenshot(page, name)
    page.evaluate("window.scrollTo(0, 0)")


@pytest.fixture
def missions(make):
    """25 garden missions around Lyon, a few in other causes, one far away; the index rebuilt."""
    association = make.association("Les Jardins du Rhône")
    gardens = [
        make.mission(
            association,
            title=f"Jardin partagé de la rue {number}",
            description="Semer, arroser et récolter avec les habitants du quartier.",
            domain="environnement",
            lat=lat,
            lon=lon,
        )
        for number, (lat, lon) in enumerate(NEAR_LYON, 1)
    ]
    make.mission(association, title="Aide aux devoirs au centre social", domain="education")
    make.mission(association, title="Collecte alimentaire", domain="aide-alimentaire")
    grenoble = {"lat": GRENOBLE[0], "lon": GRENOBLE[1], "city": "Grenoble", "postcode": "38000"}
    make.mission(association, title="Jardin des Alpes", domain="environnement", **grenoble)
    services.reindex_all()
    return gardens


def test_search_with_filters_then_page_through_and_open_a_mission(page: Page, live_server, missions):
    page.goto(live_server + "/recherche")
    filters = page.locator("details#filters")
    expect(filters).to_have_attribute("open", "")  # unfolded on a wide screen

    page.locator("#domain-environnement").check()
    page.locator("#filter-postcode").fill("69007")
    page.locator("#filter-radius").select_option("10")
    page.locator("[data-testid=filters-submit]").click()

    expect(page).to_have_url(re.compile(r"/recherche\?.*domain=environnement.*postcode=69007.*radius_km=10"))
    expect(page.locator("#results-count")).to_have_attribute("data-total", "25")  # Grenoble is too far
    expect(page.locator("[data-facet='domain:environnement']")).to_have_text("(25)")
    expect(page.locator("[data-facet='domain:education']")).to_have_text(
        "(1)"
    )  # the cause facet ignores its filter
    expect(page.locator("[data-testid=result]")).to_have_count(20)
    expect(page.locator("[data-testid=distance]")).to_have_count(20)
    expect(page.locator("[data-testid=active-filters] a")).to_have_count(2)  # cause, place
    snap(page, "search-desktop-filters")

    page.locator("a[data-sort=distance]").click()
    first = page.locator("[data-testid=result]").first
    expect(first).to_have_attribute("data-mission-id", str(missions[0].id))  # the nearest one
    kilometres = [float(km) for km in page.locator("[data-testid=distance]").evaluate_all(
        "nodes => nodes.map(node => node.dataset.km)")]  # fmt: skip
    assert kilometres == sorted(kilometres)

    page.locator("a[rel=next]").click()
    expect(page).to_have_url(re.compile(r"page=2"))
    expect(page.locator("[data-testid=result]")).to_have_count(5)
    snap(page, "search-desktop-page-2")

    card = page.locator("[data-testid=result]").first
    mission_id = card.get_attribute("data-mission-id")
    card.locator("h3 a").click()
    expect(page).to_have_url(re.compile(rf"/missions/{mission_id}$"))
    expect(page.locator("h1")).to_contain_text("Jardin partagé")


def test_misspelled_search_offers_the_right_word(page: Page, live_server, missions):
    page.goto(live_server + "/recherche?q=jardn")
    expect(page.locator("[data-testid=no-results]")).to_be_visible()
    page.locator("[data-testid=suggestion]").click()
    expect(page).to_have_url(re.compile(r"q=jardin$"))
    expect(page.locator("#results-count")).to_have_attribute("data-total", "26")


def test_search_page_fits_a_phone_screen(phone_page: Page, live_server, missions):
    phone_page.goto(live_server + "/recherche?q=jardin&postcode=69007&radius_km=20")
    filters = phone_page.locator("details#filters")
    expect(filters).not_to_have_attribute("open", "")  # folded on a phone: the results come first
    expect(phone_page.locator("[data-testid=result]").first).to_be_visible()
    snap(phone_page, "search-phone-390")
    assert phone_page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    filters.locator("summary").first.click()
    expect(phone_page.locator("#filter-postcode")).to_be_visible()
    expect(phone_page.locator("#filter-postcode")).to_have_value("69007")
    snap(phone_page, "search-phone-390-filters")
    assert phone_page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
