"""« Garder », sharing a mission and « Add to my calendar » (issue 15, items 5–7)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from html import unescape
from urllib.parse import unquote

import pytest
from icalendar import Calendar
from sqlalchemy import select

from marketplace.candidates import keeping
from marketplace.candidates.keeping import KeptState, state_of
from marketplace.candidates.models import KeptMission
from marketplace.extensions import db
from marketplace.privacy.erasure import erase_account

TODAY = date.today()


def kept_rows() -> list[tuple[int, int]]:
    db.session.expire_all()
    return list(db.session.execute(select(KeptMission.user_id, KeptMission.mission_id)).tuples())


def meta(html: str, name: str) -> str | None:
    found = re.search(rf'<meta (?:property|name)="{re.escape(name)}" content="([^"]*)"', html)
    return unescape(found.group(1)) if found else None


# --- keeping -----------------------------------------------------------------------------------------


def test_a_volunteer_keeps_a_mission_once_and_finds_it_on_the_dashboard(client, auth, make):
    volunteer = make.user("candidate")
    mission = make.mission(title="Collecte de printemps")
    auth.login_as(volunteer)

    for _ in range(2):  # a double click keeps it once
        response = client.post(f"/missions/{mission.id}/garder", data={"next": "/recherche?q=collecte"})
        assert response.status_code == 302 and response.headers["Location"].endswith("/recherche?q=collecte")
    assert kept_rows() == [(volunteer.id, mission.id)]

    dashboard = client.get("/espace").get_data(as_text=True)
    assert 'data-testid="kept-missions"' in dashboard and "Collecte de printemps" in dashboard
    page = client.get(f"/missions/{mission.id}").get_data(as_text=True)
    assert 'data-testid="let-go"' in page  # the page shows it is kept

    client.post(f"/missions/{mission.id}/ne-plus-garder")
    assert kept_rows() == []
    assert 'data-testid="keep"' in client.get(f"/missions/{mission.id}").get_data(as_text=True)


def test_an_outside_next_address_is_not_followed(client, auth, make):
    auth.login_as(make.user("candidate"))
    mission = make.mission()
    response = client.post(f"/missions/{mission.id}/garder", data={"next": "https://evil.example/"})
    assert response.headers["Location"].endswith(f"/missions/{mission.id}")


@pytest.mark.parametrize(
    ("fields", "state"),
    [
        ({"start_date": TODAY + timedelta(days=30)}, KeptState.OPEN),
        ({"start_date": TODAY + timedelta(days=3)}, KeptState.CLOSING_SOON),
        (
            {"start_date": TODAY - timedelta(days=20), "end_date": TODAY + timedelta(days=7)},
            KeptState.CLOSING_SOON,
        ),
        ({"start_date": TODAY - timedelta(days=1)}, KeptState.ENDED),
        ({"status": "closed"}, KeptState.ENDED),
        ({"capacity": 1, "seats_taken": 1}, KeptState.FULL),
        ({"schedule": "recurring", "start_date": None, "slots": ["wed_evening"]}, KeptState.OPEN),
    ],
)
def test_the_state_of_a_kept_mission(make, fields, state):
    assert state_of(make.mission(**fields), TODAY) == state


def test_the_dashboard_lists_missions_closing_soon_first_with_a_note(client, auth, make):
    volunteer = make.user("candidate")
    later = make.mission(title="Dans un mois", start_date=TODAY + timedelta(days=30))
    soon = make.mission(title="Dans deux jours", start_date=TODAY + timedelta(days=2))
    over = make.mission(title="Déjà passée", start_date=TODAY + timedelta(days=5))
    for mission in (over, later, soon):
        keeping.keep(volunteer, mission.id)
    over.status = "closed"
    db.session.commit()
    auth.login_as(volunteer)

    section = unescape(client.get("/espace").get_data(as_text=True)).split('data-testid="kept-missions"')[1]
    assert section.index("Dans deux jours") < section.index("Dans un mois") < section.index("Déjà passée")
    notes = re.findall(r'data-state="(\w+)".*?(?:data-testid="kept-note">([^<]*)<|</li>)', section, re.S)
    assert [state for state, _ in notes] == ["closing_soon", "open", "ended"]
    assert [bool(note.strip()) for _, note in notes] == [True, False, True]  # no note for the open one


def test_kept_missions_are_in_the_export_and_gone_with_the_account(client, auth, make):
    volunteer = make.user("candidate")
    mission = make.mission(title="Gardée pour plus tard")
    keeping.keep(volunteer, mission.id)
    db.session.commit()
    auth.login_as(volunteer)
    data = client.get("/compte/donnees.json").get_json()
    assert [item["mission"] for item in data["kept_missions"]] == ["Gardée pour plus tard"]

    with client.application.test_request_context():
        erase_account(volunteer, reason="deleted")
    db.session.commit()
    assert kept_rows() == []


def test_nobody_else_sees_what_a_volunteer_keeps(client, auth, make):
    volunteer = make.user("candidate", first_name="Zoé")
    association_user = make.user("association")
    mission = make.mission(make.association(owner=association_user))
    keeping.keep(volunteer, mission.id)
    db.session.commit()
    auth.login_as(association_user)
    for path in ("/espace", f"/missions/{mission.id}", f"/espace/missions/{mission.id}"):
        assert "Zoé" not in client.get(path).get_data(as_text=True)


# --- sharing -------------------------------------------------------------------------------------------


def test_a_mission_page_has_open_graph_tags_and_share_links(client, make):
    association = make.association(name="Les Restos « du cœur » & Cie")
    mission = make.mission(
        association,
        title="Collecte nationale <2027>",
        description="Accueillir les donateurs à l'entrée du magasin et trier les dons.",
        start_date=date(2027, 3, 6),
    )
    html = client.get(f"/missions/{mission.id}").get_data(as_text=True)
    url = meta(html, "og:url")
    assert url and url.endswith(f"/missions/{mission.id}")
    assert meta(html, "og:title") == "Collecte nationale <2027>"
    description = meta(html, "og:description")
    assert description.startswith("Les Restos « du cœur » & Cie · ") and "2027" in description
    assert "trier les dons" in description and len(description) <= 200
    assert meta(html, "twitter:card") == "summary"
    assert meta(html, "description") == description
    # The share links carry the mission's address, encoded, and open the person's own apps.
    for testid, start in (
        ("share-email", "mailto:?"),
        ("share-whatsapp", "https://wa.me/?text="),
        ("share-sms", "sms:"),
    ):
        link = unescape(re.search(rf'href="([^"]+)" [^>]*data-testid="{testid}"', html).group(1))
        assert link.startswith(start) and url in unquote(link)
    assert "<2027>" not in html.replace("&lt;2027&gt;", "")  # escaped everywhere


# --- add to my calendar --------------------------------------------------------------------------------


def test_a_one_off_mission_downloads_as_one_all_day_event(client, make):
    mission = make.mission(
        title="Nettoyage des berges", start_date=date(2027, 4, 10), end_date=date(2027, 4, 11)
    )
    page = client.get(f"/missions/{mission.id}").get_data(as_text=True)
    assert 'data-testid="add-to-calendar"' in page

    response = client.get(f"/missions/{mission.id}/agenda.ics")
    assert response.status_code == 200 and response.mimetype == "text/calendar"
    assert "attachment" in response.headers["Content-Disposition"]
    events = Calendar.from_ical(response.data).walk("VEVENT")
    assert len(events) == 1
    assert str(events[0]["summary"]) == "Nettoyage des berges"
    assert events[0].decoded("dtstart") == date(2027, 4, 10)
    assert events[0].decoded("dtend") == date(2027, 4, 12)  # DTEND is exclusive


def test_a_recurring_mission_downloads_as_weekly_events_from_today(client, make):
    mission = make.mission(schedule="recurring", start_date=None, slots=["wed_evening", "sat_morning"])
    events = Calendar.from_ical(client.get(f"/missions/{mission.id}/agenda.ics").data).walk("VEVENT")
    assert sorted(str(event["rrule"]["byday"][0]) for event in events) == ["SA", "WE"]
    assert all(event.decoded("dtstart").date() >= TODAY for event in events)


def test_no_calendar_link_for_a_mission_without_known_times(client, make):
    mission = make.mission(
        schedule="recurring", start_date=None, slots=[], rhythm="Une demi-journée par mois"
    )
    assert 'data-testid="add-to-calendar"' not in client.get(f"/missions/{mission.id}").get_data(as_text=True)
    assert client.get(f"/missions/{mission.id}/agenda.ics").status_code == 404
