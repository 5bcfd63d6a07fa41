"""A volunteer's accepted missions as an iCalendar subscription behind a secret, renewable link."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import icalendar
import pytest
import vobject

from marketplace.calendar.ical import MissionDates, render_calendar
from tests.conftest import text_of

LINK = re.compile(r"https?://[^\s<\"]+/calendrier/[0-9a-f]+\.ics")


# --- the writer (pure) -------------------------------------------------------------------------


def _mission(**fields) -> MissionDates:
    values = {
        "mission_id": 7,
        "title": "Maraude",
        "association": "Solidarité Lyon",
        "location": "Lyon",
        "url": "https://tremplin.example/missions/7",
        "schedule": "one_off",
        "start_date": date(2026, 12, 5),
        **fields,
    }
    return MissionDates(**values)


def test_text_is_escaped_and_reads_back_as_typed():
    title = 'Aide; colis, "repas"\\ soir\nà 18 h'
    text = render_calendar(
        [_mission(title=title, location="12 rue de Marseille, 69007 Lyon")],
        name="Mes missions",
        now=datetime(2026, 11, 21, 8),
        domain="t.example",
    )
    assert 'SUMMARY:Aide\\; colis\\, "repas"\\\\ soir\\nà 18 h' in text  # RFC 5545 §3.3.11
    event = vobject.readOne(text).vevent
    assert event.summary.value == title
    assert event.location.value == "12 rue de Marseille, 69007 Lyon"


def test_long_lines_are_folded_at_75_octets_without_cutting_a_character():
    title = "Collecte " + "é" * 100
    text = render_calendar([_mission(title=title)], name="x", now=datetime(2026, 11, 21), domain="d")
    lines = text.split("\r\n")
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    assert any(line.startswith(" é") for line in lines)  # continuation lines start with a space
    assert vobject.readOne(text).vevent.summary.value == title


def test_weekly_events_keep_paris_time_across_summer_time():
    weekly = _mission(
        schedule="recurring",
        start_date=date(2026, 11, 30),
        end_date=date(2027, 6, 30),
        slots=("wed_evening",),
    )
    text = render_calendar([weekly], name="x", now=datetime(2026, 11, 21, 8), domain="d")
    event = vobject.readOne(text).vevent  # an independent reader, using the VTIMEZONE we wrote
    occurrences = list(event.getrruleset())
    assert occurrences[0].isoformat() == "2026-12-02T18:00:00+01:00"
    assert occurrences[-1].isoformat() == "2027-06-30T18:00:00+02:00"
    assert {occurrence.astimezone(UTC).hour for occurrence in occurrences} == {16, 17}
    assert len(occurrences) == 31


def test_one_off_and_recurring_missions_parse_as_events_with_the_right_dates():
    one_off = MissionDates(
        mission_id=1,
        title="Collecte, tri; et « distribution » " + "très longue " * 8,
        association="Banque alimentaire",
        location="12 rue de Marseille, 69007 Lyon",
        url="https://tremplin.example/missions/1",
        schedule="one_off",
        start_date=date(2026, 12, 5),
        end_date=date(2026, 12, 6),
    )
    weekly = MissionDates(
        mission_id=2,
        title="Aide aux devoirs",
        association="Quartiers solidaires",
        location="69100 Villeurbanne",
        url="https://tremplin.example/missions/2",
        schedule="recurring",
        start_date=date(2026, 11, 30),  # a Monday
        end_date=date(2027, 6, 30),
        slots=("wed_evening", "sat_morning"),
    )
    text = render_calendar(
        [one_off, weekly], name="Mes missions", now=datetime(2026, 11, 21, 8), domain="t.example"
    )
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    calendar = icalendar.Calendar.from_ical(text)
    events = {str(event["UID"]): event for event in calendar.walk("VEVENT")}
    assert set(events) == {
        "mission-1@t.example",
        "mission-2-wed_evening@t.example",
        "mission-2-sat_morning@t.example",
    }
    first = events["mission-1@t.example"]
    assert str(first["SUMMARY"]) == one_off.title
    assert first.decoded("DTSTART") == date(2026, 12, 5)
    assert first.decoded("DTEND") == date(2026, 12, 7)  # exclusive end: the 6th is included
    assert first.decoded("DTSTAMP") == datetime(2026, 11, 21, 8, tzinfo=first.decoded("DTSTAMP").tzinfo)
    wednesday = events["mission-2-wed_evening@t.example"]
    start = wednesday.decoded("DTSTART")
    assert (start.date(), start.hour, start.tzinfo.key) == (date(2026, 12, 2), 18, "Europe/Paris")
    assert wednesday["RRULE"]["FREQ"] == ["WEEKLY"] and wednesday["RRULE"]["BYDAY"] == ["WE"]
    assert wednesday["RRULE"]["UNTIL"][0].date() == date(2027, 6, 30)
    assert events["mission-2-sat_morning@t.example"].decoded("DTSTART").date() == date(2026, 12, 5)


def test_a_recurring_mission_already_over_shows_no_event():
    over = MissionDates(
        mission_id=3,
        title="Fini",
        association="A",
        location="",
        url="u",
        schedule="recurring",
        start_date=date(2026, 1, 5),
        end_date=date(2026, 1, 6),
        slots=("sun_morning",),
    )
    assert "BEGIN:VEVENT" not in render_calendar([over], name="x", now=datetime(2026, 1, 1), domain="d")


# --- the link and the feed -------------------------------------------------------------------------


@pytest.fixture
def volunteer(make):
    return make.user("candidate", email="lea.martin@example.fr", first_name="Léa")


def get_link(client, auth, user) -> str:
    auth.login_as(user)
    response = client.post("/espace/calendrier/lien")
    assert response.status_code == 302
    return LINK.search(text_of(client.get("/espace/candidatures"))).group(0)


def test_volunteer_gets_a_link_to_their_accepted_missions_only(client, auth, make, volunteer):
    soon = date.today() + timedelta(days=12)
    accepted = make.mission(title="Maraude du jeudi", start_date=soon)
    pending = make.mission(title="Mission en attente")
    someone_else = make.mission(title="Mission d'une autre personne")
    make.application(accepted, volunteer, status="accepted")
    make.application(pending, volunteer, status="pending")
    make.application(someone_else, make.user("candidate", email="autre@example.fr"), status="accepted")
    link = get_link(client, auth, volunteer)
    auth.logout()
    response = client.get(link.split("localhost", 1)[1])
    assert response.status_code == 200
    assert response.mimetype == "text/calendar"
    calendar = icalendar.Calendar.from_ical(response.get_data(as_text=True))
    assert [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")] == ["Maraude du jeudi"]
    body = response.get_data(as_text=True)
    assert "lea.martin" not in body and "Léa" not in body and "autre@example.fr" not in body


def test_regenerating_the_link_kills_the_old_one(client, auth, volunteer):
    old = get_link(client, auth, volunteer).split("localhost", 1)[1]
    assert client.get(old).status_code == 200
    new = get_link(client, auth, volunteer).split("localhost", 1)[1]
    assert new != old
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200


def test_forged_or_malformed_tokens_are_not_found(client, auth, volunteer):
    path = get_link(client, auth, volunteer).split("localhost", 1)[1]
    token = path.rsplit("/", 1)[1].removesuffix(".ics")
    forged = token[:16] + ("0" if token[16] != "0" else "1") + token[17:]
    for wrong in (forged, token[:16], "x" * 48, token + "00"):
        assert client.get(f"/calendrier/{wrong}.ics").status_code == 404


def test_the_applications_page_offers_the_link_before_one_exists(client, auth, volunteer):
    auth.login_as(volunteer)
    page = text_of(client.get("/espace/candidatures"))
    assert "calendar-renew" in page and not LINK.search(page)
