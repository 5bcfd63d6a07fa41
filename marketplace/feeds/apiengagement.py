"""Reading an API Engagement publisher feed (pure: no request, no database).

XML ``<source>`` of ``<mission>`` → records of our import contract → the import's own checks
(``imports.parsing.read_record``), so a feed mission is refused exactly like an import line.
The XML is read as a stream (``lxml.etree.iterparse``, entities, DTDs and network access off):
each ``<mission>`` is dropped from memory once read.

Decisions (documented in README, « Flux API Engagement »):
- a mission with several ``<addresses>`` becomes one of our missions per address (up to
  ``MAX_ADDRESSES``), keyed ``clientId#n`` from the second one, so each place is found near it;
- ``remote`` ``possible`` or ``full`` → our ``remote`` (the address, when given, is kept);
- a mission whose ``startAt`` and ``endAt`` fall on the same day, or less than a week apart from a
  day still to come, is one-off (it cannot recur weekly), its parts of the day read from the words of
  ``schedule`` (« matin », « après-midi », « soir »); any other is recurring, its free-text
  ``schedule`` kept as its rhythm (« horaires à convenir »);
- the activity « responsabilites-associatives » makes a recurring mission not open to minors a
  responsibility (``leadership``), as our own feed publishes it; other recurring missions are ``support``;
- ``openToMinors`` yes → minimum age 16 (our floor), else 18; ``places`` → capacity (missing, 0 or
  not a number → 1, negative → refused, above our maximum → our maximum with a warning).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from flask_babel import lazy_gettext as _l

from marketplace.associations.imports.parsing import LineWarning, MissionRow, read_record
from marketplace.feeds.markdown import html_to_markdown

if TYPE_CHECKING:  # lxml (~40 ms, a C extension) loads only when a feed is read, not with the app
    from lxml import etree

MAX_ADDRESSES = 20
MAX_CAPACITY = 500
MAX_DESCRIPTION = 10_000
MAX_CLIENT_ID = 100
PARIS = ZoneInfo("Europe/Paris")

# Their 20 domain slugs → ours; None: decided from activity / audience (see _domain).
DOMAINS: dict[str, str | None] = {
    "animaux": "animaux",
    "environnement": "environnement",
    "sport": "sport",
    "sante": "sante",
    "education": "education",
    "numerique": "numerique",
    "culture-loisirs": "culture",
    "memoire-et-citoyennete": "citoyennete",
    "vivre-ensemble": "citoyennete",
    "solidarite-insertion": None,
    "emploi": None,
    "humanitaire": "international",
    # Ambiguous: prevention and public service missions are mostly rescue and safety ones.
    "prevention-protection": "urgence-secours",
    "service-public-defense-securite": "urgence-secours",
    "autre": None,
    "benevolat-competences": None,
    "communication": None,
    "gestion-finance-droit": None,
    "batiment-industrie-logistique": None,
    "recherche": None,
}
DEFAULT_DOMAIN = "solidarite-insertion"
# Words of activity / audience (folded: lower case, no accent) → our domain, first match wins.
_SOLIDARITY_HINTS = (
    (
        ("distribution", "collecte-de-produits", "alimentaire", "repas", "banque alimentaire"),
        "aide-alimentaire",
    ),
    (("lutte-contre-isolement", "personnes agees", "seniors", "ehpad"), "seniors"),
    (("handicap",), "handicap"),
    (("jeunes", "enfants", "jeunesse", "enfance"), "enfance-jeunesse"),
)
_SKILL_HINTS = (
    (("soutien-scolaire", "alphabetisation", "accompagnement scolaire"), "education"),
    (("informatique", "numerique"), "numerique"),
    (("secourisme", "premiers secours"), "urgence-secours"),
    (("soins-animaux", "animaux"), "animaux"),
    (("mission-internationale",), "international"),
    (("sport",), "sport"),
    (("environnement", "nature", "jardin"), "environnement"),
    (("culture", "musee", "theatre"), "culture"),
)
REMOTE = {
    "no": False,
    "non": False,
    "false": False,
    "0": False,
    "possible": True,
    "yes": True,
    "oui": True,
    "true": True,
    "1": True,
    "partiel": True,
    "hybride": True,
    "full": True,
    "total": True,
    "100": True,
    "remote": True,
}
TRUE_WORDS = {"yes", "true", "1", "oui"}
# Their activity for board and coordination roles: our « responsabilité » kind.
LEADERSHIP_ACTIVITIES = {"responsabilites-associatives"}
# A mission over fewer days than this cannot recur weekly: it is one-off.
ONE_OFF_MAX_DAYS = 7
# Words of a one-off mission's schedule (folded) → our parts of the day.
_DAY_PART_WORDS = (
    (re.compile(r"\bmatin(?:ee)?s?\b"), "morning"),
    (re.compile(r"\bapres[- ]midis?\b"), "afternoon"),
    (re.compile(r"\bsoir(?:ee)?s?\b"), "evening"),
)
# Our contract's field → their element, so a problem names what the publisher wrote.
ELEMENTS = {
    "title": "title",
    "description": "description",
    "domain": "domain",
    "start_date": "startAt",
    "end_date": "endAt",
    "city": "city",
    "postcode": "postalCode",
    "address": "street",
    "lat": "location",
    "lon": "location",
    "capacity": "places",
    "min_age": "openToMinors",
    "application_url": "applicationUrl",
    "rhythm": "schedule",
    "hours_per_week": "schedule",
    "external_id": "clientId",
    "association.name": "organizationName",
    "skills": "softSkills",
}
_HOURS = re.compile(r"(\d+(?:[.,]\d+)?)\s*h(?:eures?)?\s*(?:par|/|a la|chaque)\s*semaine")
_RNA = re.compile(r"^W\d{9}$")
_MONTH_FIRST = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})(?:[ T].*)?$")
_YEAR_FIRST = re.compile(r"^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$")

TownPostcodes = Callable[[str, "str | None"], "str | None"]


class FeedInvalid(Exception):
    """The feed as a whole cannot be read (not XML, wrong root): nothing is written or closed."""

    def __init__(self, reason: object):
        super().__init__(str(reason))
        self.reason = reason


@dataclass(frozen=True)
class FeedProblem:
    """Why one mission of the feed was refused: its position, clientId and element."""

    position: int
    client_id: str
    element: str
    reason: object


@dataclass(frozen=True)
class Organisation:
    name: str
    client_id: str = ""
    rna: str | None = None
    siren: str | None = None
    url: str = ""
    city: str = ""
    postcode: str = ""
    description: str = ""


@dataclass(frozen=True)
class FeedRecord:
    """One of our missions from the feed: its key in the feed, its organisation, the checked row."""

    key: str
    client_id: str
    organisation: Organisation
    row: MissionRow

    @property
    def warnings(self) -> tuple[LineWarning, ...]:
        return self.row.warnings


@dataclass
class ParsedFeed:
    records: list[FeedRecord] = field(default_factory=list)
    problems: list[FeedProblem] = field(default_factory=list)
    missions_read: int = 0

    @property
    def refused_positions(self) -> set[int]:
        return {problem.position for problem in self.problems}


# --- reading values -----------------------------------------------------------------------------


def _fold(text: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def _text(element: etree._Element | None, name: str) -> str:
    if element is None:
        return ""
    child = element.find(name)
    return " ".join((child.text or "").split()) if child is not None and child.text else ""


def _raw_text(element: etree._Element, name: str) -> str:
    child = element.find(name)
    return (child.text or "").strip() if child is not None else ""


def read_date(text: str) -> date | None:
    """A date as JavaScript's Date reads it: ISO 8601 (a time is moved to Paris), slashed month-first.

    Raises ValueError for text that is no date.
    """
    value = text.strip()
    if not value:
        return None
    slashed = _MONTH_FIRST.match(value)
    if slashed:
        month, day, year = (int(part) for part in slashed.groups())
        return date(year, month, day)
    year_first = _YEAR_FIRST.match(value)
    if year_first:
        year, month, day = (int(part) for part in year_first.groups())
        return date(year, month, day)
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            moment = parsedate_to_datetime(value)  # RFC 2822, as in "Sat, 01 Nov 2025 10:00:00 GMT"
        except (TypeError, ValueError, IndexError) as error:
            raise ValueError(value) from error
    if moment.tzinfo is not None:
        moment = moment.astimezone(PARIS)
    return moment.date()


def hours_from_rhythm(rhythm: str) -> float | None:
    """Hours per week when the free-text rhythm says them (« 2h par semaine »), else None."""
    found = _HOURS.search(_fold(rhythm))
    if not found:
        return None
    hours = float(found.group(1).replace(",", "."))
    return hours if 0 < hours <= 35 else None


def _split(text: str) -> list[str]:
    return [item.strip() for item in text.split(",") if item.strip()]


def _domain(slug: str, activity: str, audience: str, title: str) -> str | None:
    """Our domain for theirs; ambiguous slugs are refined from activity and audience (None: unknown slug)."""
    slug = slug.strip().lower()
    if slug not in DOMAINS:
        return None
    mapped = DOMAINS[slug]
    if mapped == "education" and _is_youth_work(activity, audience):
        return "enfance-jeunesse"
    if mapped is not None:
        return mapped
    hints = _fold(f"{activity} {audience}")
    for solidarity_words, solidarity_domain in _SOLIDARITY_HINTS:
        if any(word in hints for word in solidarity_words):
            return solidarity_domain
    if slug in ("solidarite-insertion", "emploi"):
        return DEFAULT_DOMAIN
    hints = _fold(f"{activity} {audience} {title}")
    for skill_words, skill_domain in _SKILL_HINTS:
        if any(word in hints for word in skill_words):
            return skill_domain
    return DEFAULT_DOMAIN


def _is_youth_work(activity: str, audience: str) -> bool:
    """Education for young people through « animation » (leisure centres, camps): our youth cause."""
    activities = {_fold(item) for item in _split(activity)}
    young = any(word in _fold(audience) for word in ("jeunes", "enfants", "jeunesse", "enfance"))
    return "animation" in activities and "soutien-scolaire" not in activities and young


def _is_one_off(start: date | None, end: date | None, today: date) -> bool:
    """Same day, or a few days from a day still to come: no week to recur in."""
    if start is None or end is None:
        return False
    days = (end - start).days
    return days == 0 or (0 < days < ONE_OFF_MAX_DAYS and start >= today)


def day_parts_from_schedule(schedule: str) -> list[str]:
    """The parts of the day a one-off mission's schedule names (« samedi matin et soir »), in order."""
    folded = _fold(schedule)
    return [part for pattern, part in _DAY_PART_WORDS if pattern.search(folded)]


def _organisation(mission: etree._Element) -> Organisation:
    rna = _text(mission, "organizationRNA").upper().replace(" ", "")
    siren = re.sub(r"\D", "", _text(mission, "organizationSiren"))
    return Organisation(
        name=_text(mission, "organizationName"),
        client_id=_text(mission, "organizationClientId")[:120],
        rna=rna if _RNA.match(rna) else None,
        siren=siren[:9] if len(siren) in (9, 14) else None,
        url=_text(mission, "organizationUrl")[:255],
        city=_text(mission, "organizationCity"),
        postcode=_text(mission, "organizationPostCode"),
        description=html_to_markdown(_raw_text(mission, "organizationDescription"))[:5000],
    )


@dataclass(frozen=True)
class _Address:
    street: str = ""
    postcode: str = ""
    city: str = ""
    departement: str = ""
    lat: str = ""
    lon: str = ""


def _address_of(element: etree._Element, street_name: str) -> _Address:
    location = element.find("location")
    return _Address(
        street=_text(element, street_name),
        postcode=_text(element, "postalCode").replace(" ", ""),
        city=_text(element, "city"),
        departement=_text(element, "departmentCode"),
        lat=_text(location, "lat") or _text(element, "lat"),
        lon=_text(location, "lon") or _text(element, "lon"),
    )


def _addresses(mission: etree._Element) -> list[_Address]:
    listed = mission.find("addresses")
    found = [_address_of(item, "street") for item in listed.findall("address")] if listed is not None else []
    found = [address for address in found if address.city or address.postcode or address.lat]
    if not found:
        legacy = _address_of(mission, "address")
        if legacy.city or legacy.postcode or legacy.lat:
            found = [legacy]
    return found or [_Address()]


# --- one mission → our records --------------------------------------------------------------------


def _base_record(mission: etree._Element, today: date) -> tuple[dict, list[tuple[str, object]]]:
    """The fields every address shares, and the problems found while reading them."""
    problems: list[tuple[str, object]] = []
    title = _text(mission, "title")
    activity, audience = _text(mission, "activity"), _text(mission, "audience")
    slug = _text(mission, "domain")
    domain = _domain(slug, activity, audience, title)
    if domain is None:
        problems.append(
            (
                "domain",
                _l("Unknown domain “%(value)s”.", value=slug) if slug else _l("The domain is missing."),
            )
        )
    description = html_to_markdown(_raw_text(mission, "description"))
    dates: dict[str, date | None] = {}
    for element in ("startAt", "endAt"):
        try:
            dates[element] = read_date(_text(mission, element))
        except ValueError:
            problems.append((element, _l("This date cannot be read: write it as 2026-03-14.")))
            dates[element] = None
    start, end = dates["startAt"], dates["endAt"]
    one_off = _is_one_off(start, end, today)
    rhythm = _text(mission, "schedule")[:200]
    min_age = 16 if _text(mission, "openToMinors").lower() in TRUE_WORDS else 18
    # Our responsibilities are for adults only: one open to minors stays a support mission.
    leadership = min_age >= 18 and bool(LEADERSHIP_ACTIVITIES & {_fold(item) for item in _split(activity)})
    remote_word = _text(mission, "remote").lower()
    record: dict = {
        "title": title[:160],
        "description": description,
        "domain": domain or "",
        "kind": "ponctual" if one_off else ("leadership" if leadership else "support"),
        "schedule": "one_off" if one_off else "recurring",
        "start_date": (start or None) if one_off or (start and start >= today) else None,
        "end_date": end,
        "remote": REMOTE.get(remote_word, False),
        "min_age": min_age,
        "application_url": _text(mission, "applicationUrl"),
        "association.name": _text(mission, "organizationName")[:160],
        "skills": _split(_text(mission, "softSkills"))[:15],
    }
    if one_off:
        record["day_parts"] = day_parts_from_schedule(rhythm)
    else:
        record["rhythm"] = rhythm
        record["hours_per_week"] = hours_from_rhythm(rhythm)
    places = _text(mission, "places")
    if re.fullmatch(r"-\d+", places):
        problems.append(("places", _l("The number of places cannot be negative.")))
    capacity = int(places) if places.isdigit() and int(places) > 0 else 1
    record["capacity"] = min(capacity, MAX_CAPACITY)
    return record, problems


def _warnings_for(mission: etree._Element, record: dict) -> list[tuple[str, object]]:
    warnings: list[tuple[str, object]] = []
    places = _text(mission, "places")
    if places.isdigit() and int(places) > MAX_CAPACITY:
        warnings.append(("places", _l("More than %(n)d places: kept as %(n)d.", n=MAX_CAPACITY)))
    if len(record["description"]) > MAX_DESCRIPTION:
        record["description"] = record["description"][:MAX_DESCRIPTION].rstrip()
        warnings.append(("description", _l("Longer than %(n)d characters: cut.", n=MAX_DESCRIPTION)))
    return warnings


def _with_address(record: dict, address: _Address) -> dict:
    with_place = dict(record)
    with_place.update(city=address.city, address=address.street[:255])
    if re.fullmatch(r"\d{5}", address.postcode):
        with_place["postcode"] = address.postcode
    try:
        lat, lon = float(address.lat), float(address.lon)
    except ValueError:
        return with_place  # no usable coordinates: the town places the mission
    if (lat, lon) != (0.0, 0.0):
        with_place.update(lat=lat, lon=lon)
    return with_place


def read_mission(
    mission: etree._Element, position: int, *, today: date, towns: TownPostcodes | None = None
) -> tuple[list[FeedRecord], list[FeedProblem]]:
    """One ``<mission>``: a record per address, or its problems (then none of its records)."""
    client_id = _text(mission, "clientId")
    if not client_id:
        return [], [FeedProblem(position, "", "clientId", _l("The clientId is missing."))]
    if len(client_id) > MAX_CLIENT_ID:
        return [], [
            FeedProblem(
                position, client_id[:40], "clientId", _l("At most %(n)d characters.", n=MAX_CLIENT_ID)
            )
        ]
    base, early = _base_record(mission, today)
    if not base["application_url"]:
        early.append(("applicationUrl", _l("The applicationUrl is missing.")))
    if early:
        return [], [FeedProblem(position, client_id, element, reason) for element, reason in early]
    extra_warnings = _warnings_for(mission, base)
    organisation = _organisation(mission)
    addresses = _addresses(mission)
    records: list[FeedRecord] = []
    problems: list[FeedProblem] = []
    for number, address in enumerate(addresses[:MAX_ADDRESSES], start=1):
        key = client_id if number == 1 else f"{client_id}#{number}"
        record = _with_address(base, address)
        record["external_id"] = key
        lookup = (lambda city, dep=address.departement: towns(city, dep or None)) if towns else None
        result = read_record(record, position, today=today, towns=lookup)
        if isinstance(result, MissionRow):
            warnings = result.warnings + tuple(
                LineWarning(position, el, reason) for el, reason in extra_warnings
            )
            if number == 1 and len(addresses) > MAX_ADDRESSES:
                warnings += (
                    LineWarning(
                        position,
                        "addresses",
                        _l("More than %(n)d addresses: the first %(n)d kept.", n=MAX_ADDRESSES),
                    ),
                )
            row = MissionRow(result.line, result.association_name, result.data, warnings)
            records.append(FeedRecord(key, client_id, organisation, row))
        else:
            problems.extend(
                FeedProblem(position, client_id, ELEMENTS.get(p.field, p.field or "mission"), p.reason)
                for p in result
            )
    if problems:
        return [], problems  # never half a mission: all its addresses, or none
    return records, []


# --- the whole feed -----------------------------------------------------------------------------


def _missions(source) -> Iterator[etree._Element]:
    """Each ``<mission>`` of the feed, freed once the caller moved on; the root must be ``<source>``."""
    from lxml import etree  # here, so creating the app does not load lxml

    events = etree.iterparse(
        source,
        events=("start", "end"),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
    )
    depth = 0
    try:
        for event, element in events:
            if event == "start":
                depth += 1
                if depth == 1 and etree.QName(element).localname != "source":
                    raise FeedInvalid(
                        _l("This is not an API Engagement feed: its root element must be <source>.")
                    )
                continue
            depth -= 1
            if depth == 1 and etree.QName(element).localname == "mission":
                yield element
                element.clear()
                parent = element.getparent()
                while parent is not None and element.getprevious() is not None:
                    del parent[0]
            elif depth == 1:
                element.clear()
    except etree.XMLSyntaxError as error:
        raise FeedInvalid(_l("The feed is not valid XML (%(error)s).", error=str(error)[:200])) from error


def parse_feed(source, *, today: date, towns: TownPostcodes | None = None) -> ParsedFeed:
    """Every mission of the feed (a file name or a binary file object), sorted into records and problems.

    Raises FeedInvalid when the document itself cannot be read: then nothing may be written.
    """
    parsed = ParsedFeed()
    seen: set[str] = set()
    for position, mission in enumerate(_missions(source), start=1):
        parsed.missions_read = position
        records, problems = read_mission(mission, position, today=today, towns=towns)
        duplicate = next((record.client_id for record in records if record.client_id in seen), None)
        if duplicate is not None:
            problems, records = (
                [
                    FeedProblem(
                        position, duplicate, "clientId", _l("Another mission of the feed has this clientId.")
                    )
                ],
                [],
            )
        parsed.problems.extend(problems)
        parsed.records.extend(records)
        seen.update(record.client_id for record in records)
    return parsed
