"""API Engagement feeds in: reading the XML, writing through the import path, syncing from a URL."""

from __future__ import annotations

import threading
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import BytesIO

import pytest
from sqlalchemy import func, select

from marketplace.associations.models import Association, Mission, MissionReview
from marketplace.extensions import db
from marketplace.feeds.apiengagement import FeedInvalid, hours_from_rhythm, parse_feed, read_date
from marketplace.feeds.fetch import FetchFailed, fetch
from marketplace.feeds.markdown import html_to_markdown
from marketplace.feeds.models import Feed
from marketplace.feeds.services import SyncStatus, import_feed_source, sync_feed
from marketplace.statuses import MissionStatus

TODAY = date(2026, 1, 1)


def mission_xml(client_id="m-1", **elements) -> str:
    values = {
        "title": "Aide à la distribution alimentaire",
        "description": "<p>Rejoignez l'équipe de <b>distribution</b> :</p>"
        "<ul><li>accueil</li><li>tri</li></ul>",
        "applicationUrl": "https://www.jeveuxaider.gouv.fr/missions/1",
        "domain": "solidarite-insertion",
        "activity": "distribution",
        "schedule": "Une demi-journée par semaine",
        "remote": "no",
        "places": "4",
        "openToMinors": "yes",
        "organizationName": "Les Restos du Test",
        "organizationRNA": "W691234567",
        "organizationClientId": "org-1",
    }
    values.update(elements)
    address = values.pop(
        "addresses",
        "<addresses><address><city>Lyon</city><postalCode>69003</postalCode></address></addresses>",
    )
    inner = "".join(
        f"<{name}><![CDATA[{value}]]></{name}>" for name, value in values.items() if value is not None
    )
    return f"<mission><clientId>{client_id}</clientId>{inner}{address}</mission>"


def feed_xml(*missions: str) -> bytes:
    header = '<?xml version="1.0" encoding="UTF-8"?><source><publisher>T</publisher>'
    return f"{header}{''.join(missions)}</source>".encode()


def parsed(*missions: str, towns=None):
    return parse_feed(BytesIO(feed_xml(*missions)), today=TODAY, towns=towns)


# --- pure reading ---------------------------------------------------------------------------------


def test_a_full_mission_becomes_a_recurring_food_aid_mission_with_its_rhythm():
    result = parsed(mission_xml())
    assert result.problems == []
    (record,) = result.records
    data = record.row.data
    assert (data.domain, data.schedule, data.kind) == ("aide-alimentaire", "recurring", "support")
    assert data.rhythm == "Une demi-journée par semaine" and data.hours_per_week is None and data.slots == []
    assert (data.min_age, data.capacity, data.remote) == (16, 4, False)
    assert (data.city, data.postcode, data.external_id) == ("Lyon", "69003", "m-1")
    assert data.application_url == "https://www.jeveuxaider.gouv.fr/missions/1"
    assert "**distribution**" in data.description and "- accueil" in data.description
    assert record.organisation.rna == "W691234567" and record.organisation.client_id == "org-1"


@pytest.mark.parametrize(
    ("slug", "activity", "audience", "expected"),
    [
        ("culture-loisirs", "", "", "culture"),
        ("vivre-ensemble", "", "", "citoyennete"),
        ("humanitaire", "", "", "international"),
        ("prevention-protection", "", "", "urgence-secours"),
        ("solidarite-insertion", "lutte-contre-isolement", "", "seniors"),
        ("solidarite-insertion", "", "Personnes en situation de handicap", "handicap"),
        ("emploi", "", "Jeunes / enfants", "enfance-jeunesse"),
        ("education", "animation", "Jeunes / enfants", "enfance-jeunesse"),  # as we publish it
        ("education", "animation,soutien-scolaire", "Jeunes / enfants", "education"),
        ("education", "", "Jeunes / enfants", "education"),
        ("solidarite-insertion", "", "", "solidarite-insertion"),
        ("benevolat-competences", "informatique", "", "numerique"),
        ("autre", "", "", "solidarite-insertion"),
    ],
)
def test_their_domains_map_onto_ours(slug, activity, audience, expected):
    result = parsed(mission_xml(domain=slug, activity=activity, audience=audience))
    assert result.records[0].row.data.domain == expected


def test_an_unknown_domain_refuses_the_mission_naming_the_element():
    result = parsed(mission_xml(domain="cuisine"))
    assert result.records == []
    assert [(p.client_id, p.element) for p in result.problems] == [("m-1", "domain")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-14", date(2026, 3, 14)),
        ("2026-03-14T23:30:00Z", date(2026, 3, 15)),  # midnight has passed in Paris
        ("2026-03-14T10:00:00.000+01:00", date(2026, 3, 14)),
        ("11/01/2026", date(2026, 11, 1)),  # month first, like JavaScript
        ("Sat, 14 Mar 2026 10:00:00 GMT", date(2026, 3, 14)),
        ("", None),
    ],
)
def test_dates_are_read_like_javascript(text, expected):
    assert read_date(text) == expected


def test_an_unreadable_date_refuses_the_mission():
    result = parsed(mission_xml(startAt="demain"))
    assert [p.element for p in result.problems] == ["startAt"]


def test_same_day_start_and_end_make_a_one_off_mission():
    result = parsed(mission_xml(startAt="2026-02-03", endAt="2026-02-03"))
    data = result.records[0].row.data
    assert (data.schedule, data.kind, data.start_date, data.rhythm) == (
        "one_off",
        "ponctual",
        date(2026, 2, 3),
        "",
    )


@pytest.mark.parametrize(
    ("start", "end", "schedule", "kind", "day_parts"),
    [
        (
            "2026-01-10",
            "2026-01-11",
            "Samedi après-midi et dimanche matin",
            "one_off",
            ["morning", "afternoon"],
        ),
        ("2026-01-10", "2026-01-16", "Le soir", "one_off", ["evening"]),
        ("2026-01-10", "2026-01-17", "Le soir", "recurring", []),  # a week: it may recur weekly
        ("2025-12-30", "2026-01-02", "Le matin", "recurring", []),  # started already: not a day to come
    ],
)
def test_a_mission_of_a_few_days_to_come_is_one_off_with_the_parts_of_the_day_it_names(
    start, end, schedule, kind, day_parts
):
    data = parsed(mission_xml(startAt=start, endAt=end, schedule=schedule)).records[0].row.data
    assert (data.schedule, data.day_parts) == (kind, day_parts)
    assert data.kind == ("ponctual" if kind == "one_off" else "support")


def test_the_associative_responsibilities_activity_makes_an_adults_mission_a_leadership_one():
    activity = "responsabilites-associatives"
    data = parsed(mission_xml(activity=activity, openToMinors="no")).records[0].row.data
    assert (data.kind, data.schedule) == ("leadership", "recurring")
    # Open to minors, it stays a support mission (a responsibility is for adults): never refused for it.
    data = parsed(mission_xml(activity=activity, openToMinors="yes")).records[0].row.data
    assert (data.kind, data.min_age) == ("support", 16)


@pytest.mark.parametrize(
    ("word", "remote"), [("no", False), ("possible", True), ("full", True), ("bizarre", False)]
)
def test_remote_values(word, remote):
    assert parsed(mission_xml(remote=word)).records[0].row.data.remote is remote


@pytest.mark.parametrize(("places", "capacity"), [(None, 1), ("0", 1), ("abc", 1), ("12", 12), ("9000", 500)])
def test_places_become_the_capacity(places, capacity):
    assert parsed(mission_xml(places=places)).records[0].row.data.capacity == capacity


def test_negative_places_refuse_the_mission():
    assert [p.element for p in parsed(mission_xml(places="-3")).problems] == ["places"]


def test_not_open_to_minors_means_adults():
    assert parsed(mission_xml(openToMinors="no")).records[0].row.data.min_age == 18


def test_missing_client_id_or_application_url_refuses_the_mission():
    result = parsed(mission_xml(client_id=""), mission_xml("m-2", applicationUrl=None))
    assert sorted(p.element for p in result.problems) == ["applicationUrl", "clientId"]


def test_several_addresses_give_one_mission_per_address():
    addresses = (
        "<addresses><address><city>Lyon</city><postalCode>69003</postalCode></address>"
        "<address><city>Villeurbanne</city><postalCode>69100</postalCode></address></addresses>"
    )
    result = parsed(mission_xml(addresses=addresses))
    assert [(r.key, r.row.data.city) for r in result.records] == [("m-1", "Lyon"), ("m-1#2", "Villeurbanne")]


def test_a_town_without_postcode_gets_it_from_the_town_lookup():
    addresses = (
        "<addresses><address><city>Lyon</city><departmentCode>69</departmentCode></address></addresses>"
    )
    result = parsed(
        mission_xml(addresses=addresses),
        towns=lambda city, dep: "69001" if (city, dep) == ("Lyon", "69") else None,
    )
    record = result.records[0]
    assert record.row.data.postcode == "69001"
    assert "postcode" in {warning.field for warning in record.warnings}


def test_a_short_description_is_kept_with_a_warning_but_a_tiny_one_is_refused():
    kept = parsed(mission_xml(description="Aider au tri."))
    assert kept.records and "description" in {w.field for w in kept.records[0].warnings}
    refused = parsed(mission_xml(description="Aider"))
    assert [p.element for p in refused.problems] == ["description"]


def test_malformed_xml_and_wrong_root_are_refused_as_a_whole():
    with pytest.raises(FeedInvalid):
        parse_feed(BytesIO(b"<source><mission>"), today=TODAY)
    with pytest.raises(FeedInvalid):
        parse_feed(BytesIO(b"<html><body/></html>"), today=TODAY)


def test_entities_are_not_expanded():
    evil = (
        b'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY x SYSTEM "file:///etc/passwd">]><source>'
        + feed_xml(mission_xml(title="&x; Aide alimentaire")).split(b"<source>", 1)[1]
    )
    result = parse_feed(BytesIO(evil), today=TODAY)
    assert all("root:" not in r.row.data.title for r in result.records)


def test_html_is_sanitised_into_markdown():
    markdown = html_to_markdown(
        '<p>Un <strong>texte</strong> <a href="https://a.fr">lien</a></p><script>x()</script>'
    )
    assert markdown == "Un **texte** [lien](https://a.fr)"


@pytest.mark.parametrize(
    ("html", "markdown"),
    [
        ("<p>Bonjour<br>à tous<br></p>", "Bonjour\\\nà tous"),  # a hard break; none at the end
        ("<p>a<br><br>b</p>", "a\n\nb"),  # two breaks: a new paragraph
        ("<h2>Vos missions</h2><p>x</p>", "### Vos missions\n\nx"),
        ("<h4>Petit titre</h4>", "#### Petit titre"),
        ("<blockquote><p>cité</p><p>deux</p></blockquote>après", "> cité\n>\n> deux\n\naprès"),
        ("<p>Code <code>a_b*c</code></p>", "Code `a_b*c`"),
        (
            "<p># pas un titre</p><p>- pas une liste</p><p>1. pas une liste</p>",
            "\\# pas un titre\n\n\\- pas une liste\n\n1\\. pas une liste",
        ),
        ("<p>-5 degrés</p>", "-5 degrés"),
    ],
)
def test_html_structure_becomes_the_same_markdown(html, markdown):
    assert html_to_markdown(html) == markdown


def test_hours_are_read_from_a_rhythm_that_says_them():
    assert hours_from_rhythm("2 heures par semaine") == 2.0
    assert hours_from_rhythm("Une demi-journée par semaine") is None


# --- writing and syncing --------------------------------------------------------------------------


class _FeedServer:
    """A local HTTP server answering with what the test sets (body, status, headers, delay)."""

    def __init__(self):
        self.body = feed_xml(mission_xml())
        self.status = 200
        self.headers: dict[str, str] = {"ETag": '"v1"'}
        self.requests: list[dict[str, str]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                server.requests.append(dict(self.headers))
                if server.headers.get("ETag") and self.headers.get("If-None-Match") == server.headers["ETag"]:
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(server.status)
                for name, value in server.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(server.body)))
                self.end_headers()
                self.wfile.write(server.body)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/flux.xml"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    running = _FeedServer()
    yield running
    running.close()


@pytest.fixture
def feed(app, server):
    registered = Feed(name="Partenaire", url=server.url)
    db.session.add(registered)
    db.session.commit()
    return registered


def _missions():
    return list(db.session.scalars(select(Mission).order_by(Mission.external_id)))


def test_sync_creates_then_writes_nothing_when_the_feed_did_not_change(feed, server):
    first = sync_feed(feed.id, today=TODAY)
    assert (first.status, first.created) == (SyncStatus.OK, 1)
    (mission,) = _missions()
    assert mission.status == MissionStatus.PUBLISHED and mission.association.rna == "W691234567"
    reviews = db.session.scalar(select(func.count()).select_from(MissionReview))
    updated_at = mission.updated_at
    server.headers = {}  # no ETag: the body is read again, and found unchanged
    again = sync_feed(feed.id, today=TODAY)
    assert (again.unchanged, again.updated, again.created) == (1, 0, 0)
    assert db.session.scalar(select(func.count()).select_from(MissionReview)) == reviews
    assert db.session.get(Mission, mission.id).updated_at == updated_at


def test_conditional_get_sends_the_etag_and_a_304_changes_nothing(feed, server):
    sync_feed(feed.id, today=TODAY)
    report = sync_feed(feed.id, today=TODAY)
    assert report.status == SyncStatus.NOT_MODIFIED
    assert server.requests[-1].get("If-None-Match") == '"v1"'


def test_resync_updates_changes_and_closes_missions_that_disappeared(feed, server):
    server.body = feed_xml(mission_xml("m-1"), mission_xml("m-2", title="Collecte de denrées au marché"))
    sync_feed(feed.id, today=TODAY)
    server.headers = {}
    server.body = feed_xml(mission_xml("m-1", places="9"))
    report = sync_feed(feed.id, today=TODAY)
    assert (report.updated, report.closed) == (1, 1)
    first, second = _missions()
    assert first.capacity == 9 and second.status == MissionStatus.CLOSED
    assert db.session.scalar(select(func.count()).select_from(Association)) == 1  # never duplicated
    server.body = feed_xml(
        mission_xml("m-1", places="9"), mission_xml("m-2", title="Collecte de denrées au marché")
    )
    assert sync_feed(feed.id, today=TODAY).reopened == 1
    assert _missions()[1].status == MissionStatus.PUBLISHED


@pytest.mark.parametrize(
    ("body", "status", "expected"),
    [
        (b"<source><mission>", 200, SyncStatus.PARSE_FAILED),
        (b"", 500, SyncStatus.FETCH_FAILED),
    ],
)
def test_a_failed_fetch_or_parse_closes_nothing(feed, server, body, status, expected):
    sync_feed(feed.id, today=TODAY)
    server.headers, server.body, server.status = {}, body, status
    report = sync_feed(feed.id, today=TODAY)
    assert report.status == expected
    assert [m.status for m in _missions()] == [MissionStatus.PUBLISHED]
    assert db.session.get(Feed, feed.id).last_status == expected


def test_a_huge_feed_is_refused(app, feed, server):
    app.config["FEEDS_MAX_BYTES"] = 100
    try:
        assert sync_feed(feed.id, today=TODAY).status == SyncStatus.FETCH_FAILED
    finally:
        app.config["FEEDS_MAX_BYTES"] = 50 * 1024 * 1024


def test_a_redirect_to_a_private_address_is_refused(server, monkeypatch):
    """Every hop is resolved and checked: the local test server stands for a public host here."""
    import marketplace.feeds.fetch as fetch_module

    monkeypatch.setattr(fetch_module, "check_url", lambda url, allow_local: None)
    monkeypatch.setattr(fetch_module, "_is_public", lambda address: address == "127.0.0.1")
    server.status, server.headers = 302, {"Location": "http://10.0.0.1/flux.xml"}
    with pytest.raises(FetchFailed, match="private"):
        fetch(server.url, allow_local=False)
    assert len(server.requests) == 1  # the private address was never contacted


def test_plain_http_and_local_addresses_are_refused_without_the_flag():
    with pytest.raises(FetchFailed, match="https"):
        fetch("http://example.org/flux.xml", allow_local=False)
    with pytest.raises(FetchFailed, match="private"):
        fetch("https://127.0.0.1/flux.xml", allow_local=False)


def test_a_timeout_fails_the_fetch():
    import socket

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)  # accepts the connection, never answers
    try:
        with pytest.raises(FetchFailed):
            fetch(f"http://127.0.0.1:{listener.getsockname()[1]}/", allow_local=True, timeout=0.5)
    finally:
        listener.close()


def test_a_refused_mission_is_reported_and_others_are_written(app):
    feed = Feed(name="file:test.xml")
    db.session.add(feed)
    db.session.flush()
    report = import_feed_source(
        feed, BytesIO(feed_xml(mission_xml("ok"), mission_xml("bad", domain="x"))), today=TODAY
    )
    db.session.commit()
    assert (report.created, report.refused) == (1, 1)
    assert report.problems[0][1:3] == ("bad", "domain")


def test_apply_elsewhere_counts_the_click(client, feed, server):
    sync_feed(feed.id, today=TODAY)
    (mission,) = _missions()
    page = client.get(f"/missions/{mission.id}")
    assert "jeveuxaider.gouv.fr" in page.get_data(as_text=True)
    response = client.get(f"/missions/{mission.id}/postuler-ailleurs")
    assert response.status_code == 303 and response.headers["Location"] == mission.application_url
    db.session.expire_all()
    assert db.session.get(Mission, mission.id).application_clicks == 1


def test_cli_imports_a_file_and_reimports_it_unchanged(runner, tmp_path):
    path = tmp_path / "partenaire.xml"
    path.write_bytes(feed_xml(mission_xml(startAt="2030-01-05")))
    first = runner.invoke(args=["feeds", "import", str(path)])
    assert "created=1" in first.output, first.output
    second = runner.invoke(args=["feeds", "import", str(path)])
    assert "unchanged=1" in second.output


def test_the_realistic_sample_is_accepted_but_for_its_too_short_description(app):
    from pathlib import Path

    feed = Feed(name="file:realistic.xml")
    db.session.add(feed)
    db.session.flush()
    source = Path(__file__).parent / "data" / "feeds" / "realistic.xml"
    report = import_feed_source(feed, str(source), today=TODAY)
    assert (report.missions_read, report.created, report.refused) == (30, 29, 1)
    assert report.problems[0][1:3] == ("ex-30", "description")
