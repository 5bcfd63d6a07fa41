"""The API Engagement publisher feed (``<source>`` of ``<mission>``), written piece by piece.

Pure: no Flask, no database. The view hands plain ``FeedMission`` values, one at a time, and
sends on the bytes as they come, so a feed of 100,000 missions never sits whole in memory.
Each ``<mission>`` is built by lxml (escaping is lxml's job, never ours) and serialised alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from marketplace.publishing.domains import KIND_ACTIVITIES, their_domain

if TYPE_CHECKING:
    from lxml import etree

XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'


@dataclass(frozen=True)
class FeedOrganisation:
    """What the feed says about an association: public registry facts only, never a contact."""

    client_id: str
    name: str
    rna: str | None = None
    siren: str | None = None
    url: str | None = None
    logo: str | None = None
    city: str = ""
    postcode: str = ""


@dataclass(frozen=True)
class FeedAddress:
    street: str
    postcode: str
    city: str
    department_code: str | None
    lat: float | None
    lon: float | None
    country: str = "FR"


@dataclass(frozen=True)
class FeedMission:
    """One published mission as the feed writes it (already turned into plain values)."""

    client_id: str
    title: str
    description_html: str
    application_url: str
    posted_at: datetime
    start_date: date | None
    end_date: date | None
    domain: str  # ours: turned into theirs here
    remote: bool  # with an address: « possible » (there or from home); without: « full »
    places: int
    min_age: int
    schedule: str
    organisation: FeedOrganisation
    address: FeedAddress | None = None
    skills: tuple[str, ...] = field(default_factory=tuple)
    kind: str = "support"


@dataclass(frozen=True)
class FeedHeader:
    publisher: str
    publisher_url: str
    built_at: datetime


def iso_moment(moment: datetime) -> str:
    """An ISO 8601 instant in UTC (naive datetimes are UTC: the database stores them so)."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return aware.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def iso_day(day: date) -> str:
    """A day as midnight UTC in full ISO 8601 (their reader parses it like JavaScript's Date)."""
    return f"{day.isoformat()}T00:00:00Z"


def remote_value(remote: bool, *, has_place: bool = False) -> str:
    """Theirs: a remote mission that also gives a place can be done there too (« possible »)."""
    if not remote:
        return "no"
    return "possible" if has_place else "full"


def yes_no(value: bool) -> str:
    return "yes" if value else "no"


def _etree():
    """lxml, imported on first use: a worker that never serves the feed does not load it."""
    from lxml import etree

    return etree


def _text(parent: etree._Element, tag: str, value: object, *, cdata: bool = False) -> etree._Element:
    etree = _etree()
    child = etree.SubElement(parent, tag)
    text = "" if value is None else str(value)
    # CDATA keeps HTML readable; lxml refuses a "]]>" inside it, which then goes out escaped instead.
    child.text = etree.CDATA(text) if cdata and "]]>" not in text and text else text
    return child


def _address_element(parent: etree._Element, address: FeedAddress) -> None:
    etree = _etree()
    addresses = etree.SubElement(parent, "addresses")
    item = etree.SubElement(addresses, "address")
    _text(item, "street", address.street)
    _text(item, "postalCode", address.postcode)
    _text(item, "city", address.city)
    if address.department_code:
        _text(item, "departmentCode", address.department_code)
    _text(item, "country", address.country)
    if address.lat is not None and address.lon is not None:
        location = etree.SubElement(item, "location")
        _text(location, "lat", f"{address.lat:.6f}")
        _text(location, "lon", f"{address.lon:.6f}")


def _organisation_elements(parent: etree._Element, organisation: FeedOrganisation) -> None:
    _text(parent, "organizationClientId", organisation.client_id)
    _text(parent, "organizationName", organisation.name)
    if organisation.rna:
        _text(parent, "organizationRNA", organisation.rna)
    if organisation.siren:
        _text(parent, "organizationSiren", organisation.siren)
    if organisation.url:
        _text(parent, "organizationUrl", organisation.url)
    if organisation.logo:
        _text(parent, "organizationLogo", organisation.logo)
    if organisation.city:
        _text(parent, "organizationCity", organisation.city)
    if organisation.postcode:
        _text(parent, "organizationPostCode", organisation.postcode)


def mission_element(mission: FeedMission) -> etree._Element:
    """The ``<mission>`` element: the elements their moderation requires first, then the rest."""
    etree = _etree()
    element = etree.Element("mission")
    _text(element, "clientId", mission.client_id)
    _text(element, "title", mission.title)
    _text(element, "description", mission.description_html, cdata=True)
    _text(element, "applicationUrl", mission.application_url)
    _text(element, "postedAt", iso_moment(mission.posted_at))
    if mission.start_date is not None:
        _text(element, "startAt", iso_day(mission.start_date))
    if mission.end_date is not None:
        _text(element, "endAt", iso_day(mission.end_date))
    theirs = their_domain(mission.domain)
    _text(element, "domain", theirs.domain)
    activities = theirs.activities + KIND_ACTIVITIES.get(mission.kind, ())
    if activities:
        _text(element, "activity", ",".join(activities))
    if theirs.audiences:
        _text(element, "audience", ",".join(theirs.audiences))
    if mission.skills:
        _text(element, "softSkills", ",".join(mission.skills))
    _text(element, "remote", remote_value(mission.remote, has_place=mission.address is not None))
    _text(element, "places", mission.places)
    _text(element, "openToMinors", yes_no(mission.min_age < 18))
    _text(element, "schedule", mission.schedule)
    if mission.address is not None:
        _address_element(element, mission.address)
    _organisation_elements(element, mission.organisation)
    return element


def mission_bytes(mission: FeedMission) -> bytes:
    return _etree().tostring(mission_element(mission), encoding="utf-8") + b"\n"


def _header_bytes(header: FeedHeader) -> bytes:
    etree = _etree()
    parts = etree.Element("head")
    _text(parts, "publisher", header.publisher)
    _text(parts, "publisherurl", header.publisher_url)
    _text(parts, "lastBuildDate", iso_moment(header.built_at))
    return b"".join(etree.tostring(child, encoding="utf-8") + b"\n" for child in parts)


def feed_chunks(header: FeedHeader, missions: Iterable[FeedMission], *, batch: int = 200) -> Iterator[bytes]:
    """The whole document as byte chunks: declaration, ``<source>``, missions by batches, end."""
    yield XML_DECLARATION + b"<source>\n" + _header_bytes(header)
    pending: list[bytes] = []
    for mission in missions:
        pending.append(mission_bytes(mission))
        if len(pending) >= batch:
            yield b"".join(pending)
            pending.clear()
    yield b"".join(pending) + b"</source>\n"


def feed_document(header: FeedHeader, missions: Iterable[FeedMission]) -> bytes:
    """The whole document at once (tests and small feeds)."""
    return b"".join(feed_chunks(header, missions))
