"""Attestations de bénévolat: what counts, issuing once per set of participations, the PDF, verification."""

from __future__ import annotations

import io
from datetime import date, datetime

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from marketplace.attestations import services
from marketplace.attestations.models import Attestation
from marketplace.extensions import db
from marketplace.privacy.erasure import erase_account
from tests.conftest import build_app, text_of

FULL_NAME = "Camille Dupont-Lefèvre"


def _completed(make, volunteer, mission, *, hours: float, on: datetime):
    return make.application(
        mission,
        volunteer,
        status="completed",
        hours_done=hours,
        decided_at=datetime(on.year, 1, 2, 9, 0),
        completed_at=on,
    )


@pytest.fixture
def history(make):
    """A volunteer with 12.5 hours at one association in 2026, 3 at another, 2 the year before,
    plus applications that do not count (accepted, withdrawn)."""
    volunteer = make.user("candidate", first_name="Camille", email="camille.dupont@example.fr")
    restos = make.association("Restos du Cœur de Lyon", rna="W691234567", siren="123456789", verified=True)
    other = make.association("Croix-Rouge Villeurbanne")
    collecte = make.mission(restos, title="Collecte nationale", start_date=date(2026, 3, 14))
    tri = make.mission(restos, title="Tri des denrées", start_date=date(2026, 9, 5))
    old = make.mission(restos, title="Distribution de Noël", start_date=date(2025, 12, 20))
    maraude = make.mission(other, title="Maraude du soir", start_date=date(2026, 2, 1))
    _completed(make, volunteer, collecte, hours=4, on=datetime(2026, 3, 15, 10, 0))
    _completed(make, volunteer, tri, hours=8.5, on=datetime(2026, 9, 6, 18, 0))
    _completed(make, volunteer, old, hours=2, on=datetime(2026, 1, 3, 10, 0))
    _completed(make, volunteer, maraude, hours=3, on=datetime(2026, 2, 2, 10, 0))
    make.application(make.mission(restos, title="Pas encore faite"), volunteer, status="accepted")
    make.application(make.mission(restos, title="Retirée"), volunteer, status="withdrawn", hours_done=5)
    make.application(
        collecte, make.user("candidate"), status="completed", hours_done=7, completed_at=datetime(2026, 3, 15)
    )
    return volunteer, restos, other


def test_only_completed_participations_count_per_association_and_year(history):
    volunteer, _, _ = history
    available = [
        (a.association.name, a.year, a.total_hours, a.missions)
        for a in services.available_attestations(volunteer)
    ]
    assert available == [
        ("Restos du Cœur de Lyon", 2026, 12.5, 2),
        ("Croix-Rouge Villeurbanne", 2026, 3.0, 1),
        ("Restos du Cœur de Lyon", 2025, 2.0, 1),
    ]


def test_issuing_states_the_missions_dates_hours_and_total(history):
    volunteer, restos, _ = history
    attestation = services.issue_attestation(
        volunteer, association_id=restos.id, year=2026, full_name=f"  {FULL_NAME} "
    )
    content = attestation.content
    assert content["volunteer_name"] == FULL_NAME
    assert content["association"] == {
        "name": "Restos du Cœur de Lyon",
        "rna": "W691234567",
        "siren": "123456789",
        "verified": True,
    }
    assert [(m["title"], m["first_day"], m["hours"]) for m in content["missions"]] == [
        ("Collecte nationale", "2026-03-14", 4.0),
        ("Tri des denrées", "2026-09-05", 8.5),
    ]
    assert content["total_hours"] == 12.5 and content["year"] == 2026
    assert len(attestation.code) == 19


def test_downloading_again_gives_the_same_code_until_a_new_participation_is_completed(history, make):
    volunteer, restos, _ = history
    first = services.issue_attestation(volunteer, association_id=restos.id, year=2026, full_name=FULL_NAME)
    db.session.commit()
    again = services.issue_attestation(volunteer, association_id=restos.id, year=2026, full_name=FULL_NAME)
    assert again.id == first.id
    _completed(
        make,
        volunteer,
        make.mission(restos, title="Ramasse", start_date=date(2026, 10, 1)),
        hours=1.5,
        on=datetime(2026, 10, 2, 9, 0),
    )
    newer = services.issue_attestation(volunteer, association_id=restos.id, year=2026, full_name=FULL_NAME)
    db.session.commit()
    assert newer.id != first.id and newer.code != first.code
    assert newer.content["total_hours"] == 14.0
    assert services.is_superseded(first) and not services.is_superseded(newer)


def test_a_name_written_otherwise_is_a_new_attestation(history):
    volunteer, restos, _ = history
    first = services.issue_attestation(volunteer, association_id=restos.id, year=2026, full_name=FULL_NAME)
    other = services.issue_attestation(
        volunteer, association_id=restos.id, year=2026, full_name="Camille Dupont"
    )
    assert other.code != first.code and other.content["volunteer_name"] == "Camille Dupont"


def test_what_was_issued_stays_as_issued_when_the_data_changes(history):
    volunteer, restos, _ = history
    attestation = services.issue_attestation(
        volunteer, association_id=restos.id, year=2026, full_name=FULL_NAME
    )
    db.session.commit()
    restos.name = "Nouveau nom"
    restos.missions[0].title = "Titre changé"
    db.session.commit()
    again = services.issue_attestation(volunteer, association_id=restos.id, year=2026, full_name=FULL_NAME)
    assert again.id == attestation.id
    assert again.content["association"]["name"] == "Restos du Cœur de Lyon"
    assert "Titre changé" not in str(again.content)


def test_no_attestation_without_a_completed_participation(history, make):
    from marketplace.domain import NotFound

    volunteer, _, _ = history
    with pytest.raises(NotFound):
        services.issue_attestation(
            volunteer, association_id=make.association().id, year=2026, full_name=FULL_NAME
        )


def _download(client, association_id: int, year: int, name: str = FULL_NAME):
    return client.post(f"/espace/attestations/{association_id}/{year}", data={"full_name": name})


def test_the_pdf_reads_back_with_names_hours_code_and_verification_url(client, auth, history):
    volunteer, restos, _ = history
    auth.login_as(volunteer)
    response = _download(client, restos.id, 2026)
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"].startswith(
        'attachment; filename="attestation-benevolat-2026-'
    )
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.data)).pages)
    code = db.session.scalar(select(Attestation.code))
    for expected in (
        "Attestation de bénévolat",
        FULL_NAME,
        "Restos du Cœur de Lyon",
        "RNA W691234567",
        "SIREN 123456789",
        "Collecte nationale",
        "14 mars 2026",
        "8,5 heures",
        "12,5 heures",
        code,
        f"http://localhost/attestations/{code}",
    ):
        assert expected in text, expected
    assert "camille.dupont@example.fr" not in text


def test_the_pdf_is_in_english_for_an_english_speaking_volunteer(client, auth, history):
    volunteer, restos, _ = history
    volunteer.locale = "en"
    db.session.commit()
    auth.login_as(volunteer)
    text = PdfReader(io.BytesIO(_download(client, restos.id, 2026).data)).pages[0].extract_text()
    assert "Volunteering certificate" in text and "12.5 hours" in text and "March 14, 2026" in text


def test_the_download_asks_for_a_name(client, auth, history):
    volunteer, restos, _ = history
    auth.login_as(volunteer)
    response = _download(client, restos.id, 2026, name=" ")
    assert response.status_code == 302 and response.headers["Location"].endswith(
        "/espace/candidatures#attestations"
    )
    assert db.session.scalar(select(func.count(Attestation.id))) == 0


def test_another_volunteer_cannot_download_someone_else_s_year(client, auth, history, make):
    _, restos, _ = history
    auth.login_as(make.user("candidate"))
    assert _download(client, restos.id, 2026).status_code == 404
    assert db.session.scalar(select(func.count(Attestation.id))) == 0


def test_my_applications_page_lists_my_certificates(client, auth, history):
    volunteer, restos, _ = history
    auth.login_as(volunteer)
    page = text_of(client.get("/espace/candidatures"))
    assert "Mes attestations" in page and "Télécharger l'attestation (PDF)" in page
    assert "12,5 heures" in page and f"/espace/attestations/{restos.id}/2025" in page


def test_the_verification_page_shows_what_the_attestation_states_and_nothing_else(client, auth, history):
    volunteer, restos, _ = history
    auth.login_as(volunteer)
    _download(client, restos.id, 2026)
    code = db.session.scalar(select(Attestation.code))
    auth.logout()
    response = client.get(f"/attestations/{code}")
    page = text_of(response)
    assert response.status_code == 200
    for expected in (
        "Attestation authentique",
        FULL_NAME,
        "Restos du Cœur de Lyon",
        "Collecte nationale",
        "12,5 heures",
        code,
    ):
        assert expected in page, expected
    for private in (
        "camille.dupont@example.fr",
        "Maraude du soir",
        "Distribution de Noël",
        "Pas encore faite",
    ):
        assert private not in page
    assert client.get(f"/attestations/{code.lower()}").status_code == 200  # typed loosely


def test_a_wrong_code_is_a_404_that_says_so(client):
    response = client.get("/attestations/AAAA-BBBB-CCCC-DDDD")
    assert response.status_code == 404
    assert "Aucune attestation ne porte ce code" in text_of(response)
    assert client.get("/attestations/n-importe-quoi").status_code == 404


def test_checking_codes_is_rate_limited_per_address(history):
    limited = build_app(RATELIMIT_ENABLED=True, ATTESTATION_CHECK_RATE_LIMIT="2 per minute")
    browser = limited.test_client()
    statuses = [browser.get("/attestations/AAAA-BBBB-CCCC-DDDD").status_code for _ in range(3)]
    assert statuses == [404, 404, 429]


def test_the_export_holds_the_attestations_and_erasure_withdraws_them(client, auth, history):
    volunteer, restos, _ = history
    auth.login_as(volunteer)
    _download(client, restos.id, 2026)
    code = db.session.scalar(select(Attestation.code))
    exported = client.get("/compte/donnees.json").get_json()["attestations"]
    assert [(a["code"], a["year"], a["total_hours"], a["volunteer_name"]) for a in exported] == [
        (code, 2026, 12.5, FULL_NAME)
    ]
    readable = text_of(client.get("/compte/donnees.html"))
    assert "Mes attestations" in readable and code in readable and "Collecte nationale" in readable
    erase_account(db.session.get(type(volunteer), volunteer.id), reason="deleted")
    db.session.commit()
    assert db.session.scalar(select(func.count(Attestation.id))) == 0
    auth.logout()
    assert client.get(f"/attestations/{code}").status_code == 404


def test_a_name_in_another_script_is_printed_with_the_whole_fonts(client, auth, history):
    from marketplace.attestations.pdf import REGULAR, _font_files, font_dir

    # Latin text and French punctuation: the working copy; another script: the whole fonts.
    assert _font_files("Camille Lefèvre « 12,5 heures » – ’")[0] != str(font_dir() / REGULAR)
    assert _font_files("Анна Кузнецова")[0] == str(font_dir() / REGULAR)
    volunteer, restos, _ = history
    auth.login_as(volunteer)
    response = _download(client, restos.id, 2026, name="Анна Кузнецова")
    assert "Анна Кузнецова" in PdfReader(io.BytesIO(response.data)).pages[0].extract_text()


def test_without_a_writable_temporary_directory_the_whole_fonts_are_used(monkeypatch, tmp_path, history):
    from marketplace.attestations import pdf

    blocked = tmp_path / "read-only"
    blocked.write_text("a file where the fonts' folder would go")
    monkeypatch.setattr(pdf.tempfile, "gettempdir", lambda: str(blocked))
    pdf.working_font.cache_clear()
    try:
        assert pdf._font_files("Camille Martin")[0] == str(pdf.font_dir() / pdf.REGULAR)
    finally:
        pdf.working_font.cache_clear()


def test_the_verification_page_of_an_older_attestation_says_a_newer_one_exists(client, history):
    volunteer, restos, _ = history
    older = services.issue_attestation(volunteer, association_id=restos.id, year=2026, full_name=FULL_NAME)
    newer = services.issue_attestation(volunteer, association_id=restos.id, year=2026, full_name="C. Dupont")
    db.session.commit()
    assert "Une attestation plus récente a été délivrée" in text_of(client.get(f"/attestations/{older.code}"))
    assert "plus récente" not in text_of(client.get(f"/attestations/{newer.code}"))


def test_the_verification_page_speaks_english_to_an_english_browser(client, history):
    volunteer, restos, _ = history
    attestation = services.issue_attestation(
        volunteer, association_id=restos.id, year=2026, full_name=FULL_NAME
    )
    db.session.commit()
    page = text_of(client.get(f"/attestations/{attestation.code}", headers={"Accept-Language": "en"}))
    assert "Genuine certificate issued by Tremplin" in page and "12.5 hours" in page
