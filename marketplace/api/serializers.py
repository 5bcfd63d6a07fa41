"""The public mission contract: the names partners, imports and widgets rely on."""

from __future__ import annotations

from typing import Any

from flask import url_for

from marketplace.associations.models import Association, Mission
from marketplace.reference.vocabularies import DOMAIN_LABELS_FR, DOMAINS


def mission_contract(mission: Mission, *, distance_km: float | None = None) -> dict[str, Any]:
    """A mission as the public API returns it (no personal data, ever)."""
    data: dict[str, Any] = {
        "id": mission.id,
        "title": mission.title,
        "description": mission.description,
        "kind": mission.kind,
        "domain": mission.domain,
        "skills": list(mission.skills or []),
        "association": {
            "id": mission.association_id,
            "name": mission.association.name,
            "verified": mission.association.verified,
        },
        "address": mission.address or "",
        "city": mission.city,
        "postcode": mission.postcode,
        "lat": mission.lat,
        "lon": mission.lon,
        "remote": mission.remote,
        "schedule": mission.schedule,
        "start_date": mission.start_date.isoformat() if mission.start_date else None,
        "end_date": mission.end_date.isoformat() if mission.end_date else None,
        "slots": list(mission.slots or []),
        "day_parts": list(mission.day_parts or []),
        "hours_per_week": mission.hours_per_week,
        "min_age": mission.min_age,
        "max_age": mission.max_age,
        "capacity": mission.capacity,
        "seats_left": mission.seats_left,
        "motivation_required": mission.motivation_required,
        "external_id": mission.external_id,
        "status": mission.status,
        "url": url_for("main.mission", mission_id=mission.id, _external=True),
    }
    if distance_km is not None:
        data["distance_km"] = round(distance_km, 1)
    return data


def association_contract(association: Association) -> dict[str, Any]:
    """An association's public facts (no members, no registry numbers)."""
    return {
        "id": association.id,
        "name": association.name,
        "description": association.description,
        "city": association.city,
        "postcode": association.postcode,
        "lat": association.lat,
        "lon": association.lon,
        "website": association.public_website,  # only http(s): never a javascript: link
        "verified": association.verified,
        "url": url_for("main.association", slug=association.slug, _external=True),
    }


def association_with_missions_contract(association: Association, missions: list[Mission]) -> dict[str, Any]:
    """The association's public facts and where to find each of its published missions."""
    data = association_contract(association)
    data["missions"] = [
        {
            "id": mission.id,
            "title": mission.title,
            "url": url_for("main.mission", mission_id=mission.id, _external=True),
            "api_url": url_for("api.mission", mission_id=mission.id, _external=True),
        }
        for mission in missions
    ]
    return data


def domains_contract() -> list[dict[str, str]]:
    from flask_babel import force_locale

    with force_locale("en"):
        english = {choice.slug: str(choice.label) for choice in DOMAINS}
    return [
        {"slug": choice.slug, "label_fr": DOMAIN_LABELS_FR[choice.slug], "label_en": english[choice.slug]}
        for choice in DOMAINS
    ]
