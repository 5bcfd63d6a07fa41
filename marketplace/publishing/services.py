"""Reading what the feed and the sitemap publish: listed missions and associations, streamed.

Rows come through ``yield_per`` (a server-side cursor on PostgreSQL), as plain columns rather
than ORM objects, so memory stays flat whatever the number of missions. Only public facts are
read: no contact, no volunteer, no application.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime

from babel.dates import format_date as babel_format_date
from babel.numbers import format_decimal
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import ColumnElement, and_, func, select

from marketplace.associations.models import Association, Mission
from marketplace.extensions import db
from marketplace.feeds.apiengagement import hours_from_rhythm
from marketplace.networks.models import Network
from marketplace.networks.services import territory_condition
from marketplace.publishing.engagement import FeedAddress, FeedMission, FeedOrganisation
from marketplace.reference.geo import departement_for_postcode
from marketplace.reference.slugs import DAY_PART_SLUGS
from marketplace.reference.vocabularies import DAY_PARTS, DAYS, slot_label
from marketplace.statuses import MissionStatus
from marketplace.text import render_markdown

BATCH = 500
# What their importer keeps (API-ENGAGEMENT.md): anything else would be dropped there anyway.
RNA_PATTERN = re.compile(r"W\d{9}")
SIREN_PATTERN = re.compile(r"\d{9}")

_MISSION_COLUMNS = (
    Mission.id,
    Mission.title,
    Mission.description,
    Mission.kind,
    Mission.domain,
    Mission.skills,
    Mission.city,
    Mission.postcode,
    Mission.address,
    Mission.lat,
    Mission.lon,
    Mission.remote,
    Mission.schedule,
    Mission.start_date,
    Mission.end_date,
    Mission.slots,
    Mission.day_parts,
    Mission.hours_per_week,
    Mission.rhythm,
    Mission.min_age,
    Mission.capacity,
    Mission.published_at,
    Mission.created_at,
    Association.id.label("association_id"),
    Association.name.label("association_name"),
    Association.slug.label("association_slug"),
    Association.rna,
    Association.siren,
    Association.website,
    Association.logo_name,
    Association.city.label("association_city"),
    Association.postcode.label("association_postcode"),
)


@dataclass(frozen=True)
class Links:
    """How absolute addresses are made (the view passes ``url_for(..., _external=True)`` wrappers)."""

    mission: Callable[[int], str]
    association: Callable[[str], str]
    logo: Callable[[str], str]


def published_filter(network: Network | None) -> ColumnElement[bool]:
    """Listed missions; with a network, those whose postcode lies in its territory."""
    conditions: list[ColumnElement[bool]] = [Mission.status == MissionStatus.PUBLISHED]  # Mission.is_listed
    if network is not None:
        conditions.append(territory_condition(network, Mission.postcode))
    return and_(*conditions)


def last_change(network: Network | None) -> datetime | None:
    """The latest change among the missions and associations the feed may show (Last-Modified).

    Every mission counts, not only listed ones: one leaving the feed (closed, cancelled) changed it.
    """
    missions = db.session.scalar(select(func.max(Mission.updated_at)))
    associations = db.session.scalar(select(func.max(Association.updated_at)))
    moments = [moment for moment in (missions, associations) if moment is not None]
    if network is not None and network.updated_at is not None:
        moments.append(network.updated_at)
    return max(moments) if moments else None


class ScheduleTexts:
    """The rhythm of a mission in words, in French (the feed's readers are French platforms).

    Made once per document: the translated words and the formatted dates are looked up once,
    not for each of 100,000 missions (switching the locale per row cost more than the XML).
    """

    def __init__(self) -> None:
        with force_locale("fr"):
            self.every_week = _("Every week")
            self.to_be_agreed = _("Date to be agreed with the association")
            self.on_date = _("On %(date)s")
            self.from_to = _("From %(start)s to %(end)s")
            self.hours = _("%(h)s h/week")
            self.day_parts = {part.slug: str(part.label).lower() for part in DAY_PARTS}
            self.slots = {
                f"{day.slug}_{part.slug}": slot_label(f"{day.slug}_{part.slug}").lower()
                for day in DAYS
                for part in DAY_PARTS
            }
        self._dates: dict[date, str] = {}

    def _date(self, day: date) -> str:
        if day not in self._dates:
            self._dates[day] = babel_format_date(day, "long", locale="fr")
        return self._dates[day]

    def of(self, row) -> str:
        if row.schedule == "recurring":
            return self._recurring(row)
        if row.start_date is None:
            return self.to_be_agreed
        if row.end_date is None or row.end_date == row.start_date:
            text = self.on_date % {"date": self._date(row.start_date)}
        else:
            text = self.from_to % {"start": self._date(row.start_date), "end": self._date(row.end_date)}
        # The parts of the day have no element of their own: said in words, read back by our importer.
        parts = [self.day_parts[part] for part in DAY_PART_SLUGS if part in (row.day_parts or ())]
        return f"{text} · {', '.join(parts)}" if parts else text

    def _recurring(self, row) -> str:
        """« Chaque semaine : mardi soir · 3 h/semaine · <the rhythm in the association's words> »."""
        rhythm = row.rhythm or ""
        # Hours the rhythm already states are not said twice (an imported rhythm often gives them).
        hours = (
            row.hours_per_week
            if row.hours_per_week and hours_from_rhythm(rhythm) != row.hours_per_week
            else None
        )
        pieces = []
        if row.slots or hours or not rhythm:
            head = self.every_week
            if row.slots:
                head += " : " + ", ".join(self.slots.get(slot, slot) for slot in row.slots)
            pieces.append(head)
        if hours:
            pieces.append(self.hours % {"h": format_decimal(round(hours, 1), format="#,##0.#", locale="fr")})
        if rhythm:
            pieces.append(rhythm)
        return " · ".join(pieces)


def _address(row) -> FeedAddress | None:
    if not row.city and not row.postcode:
        return None
    return FeedAddress(
        street=row.address or "",
        postcode=row.postcode or "",
        city=row.city or "",
        department_code=departement_for_postcode(row.postcode or ""),
        lat=row.lat,
        lon=row.lon,
    )


def _organisation(row, links: Links) -> FeedOrganisation:
    from marketplace.accounts.validation import safe_website

    return FeedOrganisation(
        client_id=str(row.association_id),
        name=row.association_name,
        rna=row.rna if row.rna and RNA_PATTERN.fullmatch(row.rna) else None,
        siren=row.siren if row.siren and SIREN_PATTERN.fullmatch(row.siren) else None,
        url=safe_website(row.website) or links.association(row.association_slug),
        logo=links.logo(row.logo_name) if row.logo_name else None,
        city=row.association_city or "",
        postcode=row.association_postcode or "",
    )


def feed_mission(row, links: Links, texts: ScheduleTexts) -> FeedMission:
    """One row of the query as the feed writes it."""
    return FeedMission(
        client_id=str(row.id),
        title=row.title,
        description_html=str(render_markdown(row.description)),
        application_url=links.mission(row.id),
        posted_at=row.published_at or row.created_at,
        start_date=row.start_date,
        # A one-day mission ends the day it starts: saying so is what tells a reader it is one-off.
        end_date=row.end_date or (row.start_date if row.schedule == "one_off" else None),
        kind=row.kind,
        domain=row.domain,
        remote=bool(row.remote),
        places=row.capacity,
        min_age=row.min_age,
        schedule=texts.of(row),
        organisation=_organisation(row, links),
        address=_address(row),
        skills=tuple(row.skills or ()),
    )


def feed_missions(network: Network | None, links: Links) -> Iterator[FeedMission]:
    """Every listed mission (of the network's territory), by id, a batch of rows at a time."""
    statement = (
        select(*_MISSION_COLUMNS)
        .join(Association, Association.id == Mission.association_id)
        .where(published_filter(network))
        .order_by(Mission.id)
        .execution_options(yield_per=BATCH)
    )
    texts = ScheduleTexts()
    for row in db.session.execute(statement):
        yield feed_mission(row, links, texts)
