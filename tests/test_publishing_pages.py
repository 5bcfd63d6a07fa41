"""Search engines and shared links: sitemap.xml, robots.txt, JSON-LD, canonical links, 410 once ended."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from lxml import etree

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
SITEMAP_XSD = etree.XMLSchema(etree.parse(str(Path(__file__).parent / "data" / "sitemap-0.9.xsd")))


class HeadReader(HTMLParser):
    """The page's JSON-LD blocks and canonical links, read as a crawler would."""

    def __init__(self) -> None:
        super().__init__()
        self.json_ld: list[str] = []
        self.canonical: list[str] = []
        self._in_json_ld = False

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "script" and values.get("type") == "application/ld+json":
            self._in_json_ld = True
            self.json_ld.append("")
        if tag == "link" and values.get("rel") == "canonical":
            self.canonical.append(values.get("href"))

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_json_ld = False

    def handle_data(self, data):
        if self._in_json_ld:
            self.json_ld[-1] += data


def read_head(response) -> HeadReader:
    reader = HeadReader()
    reader.feed(response.get_data(as_text=True))
    return reader


def sitemap_locations(response) -> list[str]:
    document = etree.fromstring(response.get_data())
    assert SITEMAP_XSD.validate(document), SITEMAP_XSD.error_log
    return document.xpath("//s:loc/text()", namespaces=SITEMAP_NS)


# --- sitemap and robots -------------------------------------------------------------------------------


def test_sitemap_lists_public_pages_only_and_validates(client, make):
    association = make.association()
    published = make.mission(association)
    draft = make.mission(association, status="draft")
    closed = make.mission(association, status="closed")
    response = client.get("/sitemap.xml")
    assert response.status_code == 200 and response.headers["ETag"]
    locations = sitemap_locations(response)
    assert "http://localhost/" in locations
    assert f"http://localhost/associations/{association.slug}" in locations
    assert f"http://localhost/missions/{published.id}" in locations
    assert f"http://localhost/missions/{draft.id}" not in locations
    assert f"http://localhost/missions/{closed.id}" not in locations
    assert "<lastmod>" in response.get_data(as_text=True)
    assert client.get("/sitemap.xml", headers={"If-None-Match": response.headers["ETag"]}).status_code == 304


def test_sitemap_becomes_an_index_of_files_past_the_limit(app, client, make, monkeypatch):
    monkeypatch.setitem(app.config, "SITEMAP_MAX_URLS", 3)
    association = make.association()
    missions = [make.mission(association) for _ in range(4)]
    index = etree.fromstring(client.get("/sitemap.xml").get_data())
    assert SITEMAP_XSD.validate(index), SITEMAP_XSD.error_log
    assert etree.QName(index).localname == "sitemapindex"
    files = index.xpath("//s:loc/text()", namespaces=SITEMAP_NS)
    # 2 fixed pages + 1 association + 4 missions = 7 addresses, 3 per file.
    assert files == [f"http://localhost/sitemap-{n}.xml" for n in (1, 2, 3)]
    every = []
    for address in files:
        every += sitemap_locations(client.get(address.removeprefix("http://localhost")))
    assert len(every) == len(set(every)) == 7
    assert {f"http://localhost/missions/{mission.id}" for mission in missions} <= set(every)
    assert client.get("/sitemap-4.xml").status_code == 404


def test_robots_txt_points_to_the_sitemap_and_keeps_private_spaces_out(client):
    body = client.get("/robots.txt").get_data(as_text=True)
    assert "Sitemap: http://localhost/sitemap.xml" in body
    for private in ("/espace", "/reseau", "/moderation"):
        assert f"Disallow: {private}" in body


def test_sitemap_and_robots_hold_no_contact(client, make):
    make.association(contact_email="presidente@example.org", contact_phone="0612345678")
    body = client.get("/sitemap.xml").get_data(as_text=True)
    assert "presidente@example.org" not in body and "0612345678" not in body


# --- JSON-LD and canonical ---------------------------------------------------------------------------


def test_mission_page_has_a_volunteer_job_posting(client, make):
    association = make.association("Les Jardins du Rhône", website="https://jardins.example.org")
    mission = make.mission(association, title="Jardinage partagé", address="3 rue de Marseille", capacity=4)
    head = read_head(client.get(f"/missions/{mission.id}"))
    assert head.canonical == [f"http://localhost/missions/{mission.id}"]
    (block,) = head.json_ld
    posting = json.loads(block)
    assert posting["@context"] == "https://schema.org"
    assert posting["@type"] == "JobPosting"
    assert posting["employmentType"] == "VOLUNTEER"
    assert posting["title"] == "Jardinage partagé"
    assert posting["url"] == f"http://localhost/missions/{mission.id}"
    assert posting["jobStartDate"] == mission.start_date.isoformat()
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", posting["datePosted"])
    assert posting["hiringOrganization"]["@type"] == "NGO"
    assert posting["hiringOrganization"]["name"] == "Les Jardins du Rhône"
    assert posting["hiringOrganization"]["sameAs"] == "https://jardins.example.org"
    place = posting["jobLocation"]
    assert place["@type"] == "Place"
    assert place["address"]["addressLocality"] == "Lyon" and place["address"]["postalCode"] == "69007"
    assert place["geo"]["latitude"] == pytest.approx(mission.lat)
    assert posting["totalJobOpenings"] == 4


def test_json_ld_cannot_break_out_of_its_script(client, make):
    mission = make.mission(title="Fin </script><script>alert(1)</script>")
    page = client.get(f"/missions/{mission.id}").get_data(as_text=True)
    assert "</script><script>alert(1)" not in page
    (block,) = read_head(client.get(f"/missions/{mission.id}")).json_ld
    assert json.loads(block)["title"] == mission.title


def test_association_page_is_an_ngo_without_contact(client, make):
    association = make.association(
        "Les Restos du quartier", contact_email="presidente@example.org", contact_phone="0612345678"
    )
    response = client.get(f"/associations/{association.slug}")
    head = read_head(response)
    assert head.canonical == [f"http://localhost/associations/{association.slug}"]
    (block,) = head.json_ld
    organisation = json.loads(block)
    assert organisation["@type"] == "NGO" and organisation["name"] == "Les Restos du quartier"
    assert organisation["address"]["addressLocality"] == "Lyon"
    assert "presidente@example.org" not in block and "0612345678" not in block


def test_canonical_drops_tracking_arguments(client, make):
    mission = make.mission()
    head = read_head(client.get(f"/missions/{mission.id}?widget=abc&utm_source=x"))
    assert head.canonical == [f"http://localhost/missions/{mission.id}"]


# --- ended missions -----------------------------------------------------------------------------------


@pytest.mark.parametrize("status", ["closed", "cancelled"])
def test_an_ended_mission_answers_410_and_says_where_to_go_next(client, make, status):
    association = make.association("Les Jardins du Rhône")
    mission = make.mission(association, status=status, domain="environnement")
    response = client.get(f"/missions/{mission.id}")
    assert response.status_code == 410
    page = response.get_data(as_text=True)
    assert mission.title in page
    assert 'data-testid="mission-ended"' in page
    assert "/recherche?domain=environnement" in page
    assert f"/associations/{association.slug}" in page
    assert read_head(response).json_ld == []  # not offered to search engines as a posting any more


def test_drafts_stay_unknown(client, make):
    assert client.get(f"/missions/{make.mission(status='draft').id}").status_code == 404
    assert client.get(f"/missions/{make.mission(status='pending_review').id}").status_code == 404
