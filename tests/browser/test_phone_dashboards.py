"""Dashboards on a 390 px phone: tables usable, nothing shown twice (issue 13, « Also from the walk »)."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.conftest import screenshot, sign_in


def _association_with_missions(make):
    owner = make.user("association", email="presidente@asso.example.fr", first_name="Nadia")
    association = make.association("Les Restos du Quartier de la Guillotière", owner=owner)
    titles = [
        "Collecte alimentaire du samedi matin au marché",
        "Trésorier ou trésorière bénévole",
        "Aide aux devoirs",
    ]
    missions = [make.mission(association, title=title) for title in titles]
    make.mission(association, title="Brouillon de mission", status="draft")
    for mission in missions[:2]:
        make.application(mission, make.user("candidate", first_name="Léa"))
    return owner


def _page_overflow(page) -> int:
    """How many pixels the page itself scrolls sideways (0: nothing sticks out of the screen)."""
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def test_association_dashboard_tables_fit_a_phone(phone_page, live_server, make):
    owner = _association_with_missions(make)
    sign_in(phone_page, live_server, owner.email)
    phone_page.goto(live_server + "/espace")
    expect(phone_page.get_by_role("heading", level=1)).to_have_text(
        "Les Restos du Quartier de la Guillotière"
    )
    screenshot(phone_page, "association-dashboard-phone")
    assert _page_overflow(phone_page) == 0
    tables = phone_page.locator("table.table")
    assert tables.count() >= 2
    for index in range(tables.count()):
        table = tables.nth(index)
        # Every column is readable without scrolling the table sideways: headers and cells are in view.
        box = table.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390 + 0.5
        for header in table.locator("thead th").all():
            assert header.is_visible() or header.locator(".visually-hidden").count() == 1
    first_row = tables.first.locator("tbody tr").first
    for label in ("Statut", "Places pourvues", "Candidatures"):
        expect(first_row).to_contain_text(label)  # each cell says what it is once the headers are hidden


def test_dashboard_cards_are_not_shown_twice_on_a_phone(phone_page, live_server, make):
    owner = _association_with_missions(make)
    sign_in(phone_page, live_server, owner.email)
    phone_page.goto(live_server + "/espace")
    visible_titles = [
        text.strip()
        for text in phone_page.locator("main .card strong, main .card h2, main .card h3").all_inner_texts()
        if text.strip()
    ]
    cards = phone_page.locator("main .card:visible").all_inner_texts()
    assert len(cards) == len(set(cards)), cards
    assert visible_titles  # the stat cards are there, once each


# --- accessibility of the pages changed for issue 13 (axe-core: no serious or critical violation) ---


def test_pages_changed_for_issue_13_have_no_serious_accessibility_violation(
    page, phone_page, live_server, make
):
    from tests.browser.axe import assert_accessible

    owner = _association_with_missions(make)
    make.mission(title="Traduction à distance", remote=True, lat=None, lon=None)
    from marketplace.search import services

    services.reindex_all()
    application = make.application(make.mission(title="Maraude du jeudi"))
    pages = [
        (owner.email, "/espace"),
        (owner.email, "/espace/missions/nouvelle"),
        (owner.email, "/espace/import"),
        (None, "/recherche?postcode=Villeurbanne&radius_km=10"),
        (None, "/recherche?postcode=Villeurbannnne"),
        (None, "/recherche?q=collecte&remote=1"),
        (application.candidate.email, f"/candidatures/{application.id}"),
        (application.candidate.email, f"/missions/{make.mission(title='Jardinage').id}"),
    ]
    for browser_page in (page, phone_page):
        signed_in_as = None
        for email, path in pages:
            if email and email != signed_in_as:
                browser_page.context.clear_cookies()
                sign_in(browser_page, live_server, email)
                signed_in_as = email
            if email is None and signed_in_as is not None:
                browser_page.context.clear_cookies()
                signed_in_as = None
            browser_page.goto(live_server + path)
            assert_accessible(browser_page)
