"""The API Engagement feed at /flux/api-engagement.xml: content, validity, validators, privacy."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from xml.etree import ElementTree

import pytest
from lxml import etree

from marketplace.associations.models import Mission
from marketplace.extensions import db

FEED = "/flux/api-engagement.xml"
XSD = etree.XMLSchema(etree.parse(str(Path(__file__).parent / "data" / "api-engagement-feed.xsd")))


def feed_missions(response) -> dict[str, ElementTree.Element]:
    """The feed's missions by clientId, read with the standard library's parser (not lxml)."""
    root = ElementTree.fromstring(response.get_data())  # noqa: S314 - our own test document
    assert root.tag == "source"
    return {item.findtext("clientId"): item for item in root.findall("mission")}


def assert_valid(response) -> None:
    document = etree.fromstring(response.get_data())
    assert XSD.validate(document), XSD.error_log


def test_feed_lists_every_published_mission_and_nothing_else(client, make):
    association = make.association()
    published = [make.mission(association) for _ in range(3)]
    for status in ("draft", "pending_review", "closed", "cancelled"):
        make.mission(association, status=status)
    response = client.get(FEED)
    assert response.status_code == 200
    assert response.mimetype == "application/xml"
    assert set(feed_missions(response)) == {str(mission.id) for mission in published}
    assert_valid(response)


def test_feed_round_trip_gives_back_the_same_missions(client, make):
    """What a reader of the feed gets back: each mission's facts, parsed without our own code."""
    association = make.association("Les Restos du quartier", rna="W691234567", siren="123456789")
    one_off = make.mission(
        association,
        title="Collecte nationale <du> week-end & plus",
        description="Tenir un **stand** devant le magasin.\n\n- accueillir\n- trier",
        domain="international",
        start_date=date.today() + timedelta(days=5),
        end_date=date.today() + timedelta(days=6),
        capacity=12,
        min_age=16,
        address="3 rue de Marseille",
    )
    recurring = make.mission(
        association,
        domain="culture",
        schedule="recurring",
        start_date=None,
        slots=["tue_evening", "sat_morning"],
        hours_per_week=3,
        remote=True,
        city="",
        postcode="",
        lat=None,
        lon=None,
    )
    found = feed_missions(client.get(FEED))

    first = found[str(one_off.id)]
    assert first.findtext("title") == one_off.title
    assert "<strong>stand</strong>" in first.findtext("description")
    assert "<li>accueillir</li>" in first.findtext("description")
    assert first.findtext("applicationUrl") == f"http://localhost/missions/{one_off.id}"
    assert first.findtext("startAt") == f"{one_off.start_date.isoformat()}T00:00:00Z"
    assert first.findtext("endAt") == f"{one_off.end_date.isoformat()}T00:00:00Z"
    assert first.findtext("domain") == "humanitaire"
    assert first.findtext("activity") == "mission-internationale"
    assert first.findtext("places") == "12"
    assert first.findtext("openToMinors") == "yes"
    assert first.findtext("remote") == "no"
    address = first.find("addresses/address")
    assert address.findtext("street") == "3 rue de Marseille"
    assert address.findtext("postalCode") == "69007"
    assert address.findtext("city") == "Lyon"
    assert address.findtext("departmentCode") == "69"
    assert float(address.findtext("location/lat")) == pytest.approx(one_off.lat)
    assert float(address.findtext("location/lon")) == pytest.approx(one_off.lon)
    assert first.findtext("organizationName") == "Les Restos du quartier"
    assert first.findtext("organizationRNA") == "W691234567"
    assert first.findtext("organizationSiren") == "123456789"
    assert first.findtext("organizationUrl") == f"http://localhost/associations/{association.slug}"

    second = found[str(recurring.id)]
    assert second.findtext("domain") == "culture-loisirs"
    assert second.findtext("remote") == "full"
    assert second.findtext("openToMinors") == "no"
    assert second.find("addresses") is None
    assert second.find("startAt") is None
    schedule = second.findtext("schedule")
    assert "mardi soir" in schedule and "samedi matin" in schedule and "3" in schedule


def test_every_cause_is_published_in_their_vocabulary_and_validates(client, make):
    from marketplace.reference.vocabularies import DOMAINS

    association = make.association()
    for choice in DOMAINS:
        make.mission(association, domain=choice.slug)
    response = client.get(FEED)
    assert len(feed_missions(response)) == len(DOMAINS)
    assert_valid(response)  # the XSD lists their 20 slugs: one of ours outside them fails here


def test_description_closing_cdata_and_control_text_stay_valid_xml(client, make):
    make.mission(title="Aide ]]> & <b>", description="Un texte avec ]]> et <script>alert(1)</script>.")
    response = client.get(FEED)
    (item,) = feed_missions(response).values()
    assert item.findtext("title") == "Aide ]]> & <b>"
    assert "<script>" not in item.findtext("description")
    assert_valid(response)


def test_network_argument_keeps_its_territory(client, make):
    network = make.network(departements=("69",))
    association = make.association()
    in_lyon = make.mission(association, postcode="69003")
    make.mission(association, postcode="13001", city="Marseille")
    response = client.get(f"{FEED}?network={network.id}")
    assert set(feed_missions(response)) == {str(in_lyon.id)}
    assert client.get(f"{FEED}?network=999999").status_code == 404
    assert client.get(f"{FEED}?network=lyon").status_code == 400


def test_feed_holds_no_contact_nor_volunteer(client, make):
    association = make.association(contact_email="presidente@example.org", contact_phone="0612345678")
    volunteer = make.user("candidate", email="benevole-secret@example.org")
    make.application(make.mission(association), candidate=volunteer, status="accepted")
    body = client.get(FEED).get_data(as_text=True)
    secrets = ("presidente@example.org", "0612345678", "benevole-secret@example.org", volunteer.email)
    for secret in secrets:
        assert secret not in body


def test_etag_and_last_modified_answer_304_until_a_mission_changes(client, make):
    mission = make.mission()
    first = client.get(FEED)
    etag = first.headers["ETag"]
    assert etag and first.headers["Last-Modified"]
    assert client.get(FEED, headers={"If-None-Match": etag}).status_code == 304
    since = first.headers["Last-Modified"]
    assert client.get(FEED, headers={"If-Modified-Since": since}).status_code == 304

    mission.title = "Un autre titre pour la mission"
    db.session.commit()
    changed = client.get(FEED, headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed.headers["ETag"] != etag
    assert "Un autre titre pour la mission" in changed.get_data(as_text=True)


def test_each_network_has_its_own_etag(client, make):
    network = make.network()
    make.mission()
    assert client.get(FEED).headers["ETag"] != client.get(f"{FEED}?network={network.id}").headers["ETag"]


def test_feed_is_streamed(client, make):
    make.mission()
    response = client.get(FEED)
    assert response.is_streamed


def test_empty_feed_is_a_valid_document(client, app):
    response = client.get(FEED)
    assert feed_missions(response) == {}
    assert_valid(response)


def test_feed_reads_missions_by_batches(app, make, monkeypatch):
    """More missions than one batch still come out whole, in id order."""
    from marketplace.publishing import services

    monkeypatch.setattr(services, "BATCH", 2)
    missions = [make.mission() for _ in range(5)]
    links = services.Links(mission=str, association=str, logo=str)
    with app.test_request_context():
        ids = [item.client_id for item in services.feed_missions(None, links)]
    assert ids == [str(mission.id) for mission in sorted(missions, key=lambda m: m.id)]
    assert db.session.query(Mission).count() == 5
