"""A volunteer downloads the attestation of their confirmed missions, then anyone opens its
verification address and sees it is genuine (issue 15 item 9), in a real browser."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.browser.axe import assert_accessible
from tests.browser.conftest import screenshot, sign_in

pytestmark = pytest.mark.browser


def test_a_volunteer_downloads_an_attestation_and_anyone_verifies_it(browser, live_server, make, tmp_path):
    volunteer = make.user("candidate", email="ines@example.fr", first_name="Inès")
    restos = make.association("Restos du Cœur de Lyon", rna="W691234567", verified=True)
    for title, day, hours in (
        ("Collecte nationale", date(2026, 3, 14), 4),
        ("Tri des denrées", date(2026, 9, 5), 8.5),
    ):
        mission = make.mission(restos, title=title, start_date=day)
        make.application(
            mission,
            volunteer,
            status="completed",
            hours_done=hours,
            decided_at=datetime(2026, 1, 2),
            completed_at=datetime.combine(day, datetime.min.time()),
        )
    context = browser.new_context(
        locale="fr-FR", viewport={"width": 1280, "height": 900}, accept_downloads=True
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    sign_in(page, live_server, volunteer.email)

    # From the space to « Mes attestations » on the applications page.
    page.goto(live_server + "/espace")
    page.get_by_test_id("attestations-link").click()
    section = page.get_by_test_id("attestations")
    row = section.get_by_test_id("attestation-row")
    expect(row).to_contain_text("Restos du Cœur de Lyon")
    expect(row).to_contain_text("12,5 heures")
    section.get_by_label("Vos prénom et nom, tels qu'ils doivent figurer sur l'attestation").fill(
        "Inès Benali"
    )
    assert_accessible(page)
    screenshot(page, "attestations-section")

    with page.expect_download() as download_info:
        row.get_by_role("button", name=re.compile("Télécharger l'attestation \\(PDF\\)")).click()
    download = download_info.value
    assert download.suggested_filename.startswith("attestation-benevolat-2026-")
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    text = PdfReader(saved).pages[0].extract_text()
    assert "Inès Benali" in text and "12,5 heures" in text
    verify_url = re.search(r"http://127\.0\.0\.1:\d+/attestations/[0-9A-Z-]{19}", text).group(0)

    # Anyone (signed out, another browser) opens the address printed on the certificate.
    stranger = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900}).new_page()
    stranger.goto(verify_url)
    expect(stranger.get_by_test_id("attestation-genuine")).to_contain_text("Attestation authentique")
    expect(stranger.get_by_test_id("attestation-volunteer")).to_have_text("Inès Benali")
    expect(stranger.get_by_test_id("attestation-total")).to_have_text("12,5 heures")
    expect(stranger.get_by_test_id("attestation-mission")).to_have_count(2)
    assert "ines@example.fr" not in stranger.content()
    assert_accessible(stranger)
    screenshot(stranger, "attestation-verified")

    # A code that was never issued: a clear page, and a 404.
    response = stranger.goto(live_server + "/attestations/AAAA-BBBB-CCCC-DDDD")
    assert response.status == 404
    expect(stranger.get_by_test_id("attestation-unknown")).to_have_text("Aucune attestation ne porte ce code")
    assert_accessible(stranger)
    screenshot(stranger, "attestation-unknown")
    context.close()
