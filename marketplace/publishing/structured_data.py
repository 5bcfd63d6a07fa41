"""schema.org JSON-LD for public pages: a mission is a ``JobPosting`` (VOLUNTEER), an association an ``NGO``.

Only what the public page already shows: no contact, no volunteer. Dates without a zone are UTC.
"""

from __future__ import annotations

from typing import Any

from flask import url_for

from marketplace.associations.models import Association, Mission
from marketplace.associations.profile_views import logo_url
from marketplace.publishing.engagement import iso_moment
from marketplace.text import render_markdown


def absolute_url(path: str | None) -> str | None:
    return url_for("main.home", _external=True).rstrip("/") + path if path else None


def _postal_address(street: str, postcode: str, city: str) -> dict[str, Any]:
    address = {"@type": "PostalAddress", "addressCountry": "FR"}
    for key, value in (("streetAddress", street), ("postalCode", postcode), ("addressLocality", city)):
        if value:
            address[key] = value
    return address


def _organisation(association: Association) -> dict[str, Any]:
    organisation: dict[str, Any] = {
        "@type": "NGO",
        "name": association.name,
        "url": url_for("main.association", slug=association.slug, _external=True),
    }
    if association.public_website:
        organisation["sameAs"] = association.public_website
    logo = absolute_url(logo_url(association))
    if logo:
        organisation["logo"] = logo
    return organisation


def mission_json_ld(mission: Mission) -> dict[str, Any]:
    """A published mission as a schema.org ``JobPosting`` with ``employmentType`` VOLUNTEER."""
    posting: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": mission.title,
        "description": str(render_markdown(mission.description)),
        "url": url_for("main.mission", mission_id=mission.id, _external=True),
        "identifier": {"@type": "PropertyValue", "name": "Tremplin", "value": str(mission.id)},
        "datePosted": iso_moment(mission.published_at or mission.created_at),
        "employmentType": "VOLUNTEER",
        "hiringOrganization": _organisation(mission.association),
        "totalJobOpenings": mission.capacity,
        "directApply": True,
    }
    if mission.start_date:
        posting["jobStartDate"] = mission.start_date.isoformat()
    if mission.end_date:
        posting["validThrough"] = f"{mission.end_date.isoformat()}T23:59:59Z"
    if mission.city or mission.postcode:
        place: dict[str, Any] = {
            "@type": "Place",
            "address": _postal_address(mission.address, mission.postcode, mission.city),
        }
        if mission.lat is not None and mission.lon is not None:
            place["geo"] = {"@type": "GeoCoordinates", "latitude": mission.lat, "longitude": mission.lon}
        posting["jobLocation"] = place
    if mission.remote:
        posting["jobLocationType"] = "TELECOMMUTE"
        posting["applicantLocationRequirements"] = {"@type": "Country", "name": "France"}
    return posting


def association_json_ld(association: Association) -> dict[str, Any]:
    """An association's public page as a schema.org ``NGO``."""
    organisation = {"@context": "https://schema.org", **_organisation(association)}
    if association.description:
        organisation["description"] = association.description[:5000]
    if association.city or association.postcode:
        organisation["address"] = _postal_address(association.address, association.postcode, association.city)
    return organisation
