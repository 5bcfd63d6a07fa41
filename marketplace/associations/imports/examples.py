"""Example import files (one mission of each kind), as JSON Lines and as CSV."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta
from typing import Any

from marketplace.associations.imports.parsing import ASSOCIATION_FIELD, record_association_name

EXAMPLE_COLUMNS = (
    "external_id",
    "title",
    "description",
    "kind",
    "domain",
    "skills",
    "association.name",
    "city",
    "postcode",
    "remote",
    "schedule",
    "start_date",
    "end_date",
    "day_parts",
    "slots",
    "hours_per_week",
    "min_age",
    "max_age",
    "capacity",
)


def example_records(today: date) -> list[dict[str, Any]]:
    """Three valid missions, one of each kind, dated after ``today`` so they always import."""
    collection_day = today + timedelta(days=30)
    return [
        {
            "external_id": "collecte-printemps",
            "title": "Collecte alimentaire au supermarché",
            "description": "Accueillir les clients à l'entrée du magasin, expliquer la collecte "
            "et trier les dons avec l'équipe.",
            "kind": "ponctual",
            "domain": "aide-alimentaire",
            "skills": ["accueil", "tri"],
            "association": {"name": "Le Relais Solidaire"},
            "city": "Lyon",
            "postcode": "69007",
            "remote": False,
            "schedule": "one_off",
            "start_date": collection_day.isoformat(),
            "end_date": (collection_day + timedelta(days=1)).isoformat(),
            "day_parts": ["morning", "afternoon"],
            "capacity": 12,
            "min_age": 16,
        },
        {
            "external_id": "aide-devoirs-mercredi",
            "title": "Aide aux devoirs le mercredi",
            "description": "Accompagner des collégiens dans leurs devoirs de français et de "
            "mathématiques, par petits groupes.",
            "kind": "support",
            "domain": "education",
            "skills": ["pédagogie", "mathématiques"],
            "association": {"name": "Le Relais Solidaire"},
            "city": "Villeurbanne",
            "postcode": "69100",
            "remote": False,
            "schedule": "recurring",
            "slots": ["wed_afternoon"],
            "hours_per_week": 2,
            "capacity": 4,
            "min_age": 18,
        },
        {
            "external_id": "tresorier",
            "title": "Trésorier ou trésorière bénévole",
            "description": "Tenir les comptes de l'association, préparer le budget annuel et "
            "présenter les comptes à l'assemblée générale.",
            "kind": "leadership",
            "domain": "aide-alimentaire",
            "skills": ["comptabilité"],
            "association": {"name": "Le Relais Solidaire"},
            "city": "",
            "postcode": "",
            "remote": True,
            "schedule": "recurring",
            "slots": ["mon_evening", "thu_evening"],
            "hours_per_week": 3,
            "capacity": 1,
            "min_age": 18,
        },
    ]


def to_jsonl(records: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)


def _csv_cell(record: dict[str, Any], column: str) -> str:
    value = record_association_name(record) if column == ASSOCIATION_FIELD else record.get(column)
    if isinstance(value, list):
        return "; ".join(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def to_csv(records: list[dict[str, Any]]) -> str:
    """Semicolon-separated with a BOM, as French spreadsheets expect."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\n")
    writer.writerow(EXAMPLE_COLUMNS)
    for record in records:
        writer.writerow([_csv_cell(record, column) for column in EXAMPLE_COLUMNS])
    return "\ufeff" + buffer.getvalue()
