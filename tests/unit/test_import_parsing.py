"""Reading an import file needs no app, no request and no database: file → rows, problems, warnings."""

from __future__ import annotations

import json
from datetime import date, timedelta

import flask

from marketplace.associations.imports import parsing

TODAY = date(2026, 3, 2)  # a Monday
SATURDAY = TODAY + timedelta(days=5)


def line(**fields) -> str:
    record = {
        "title": "Collecte alimentaire de printemps",
        "description": "Accueillir les clients, expliquer la collecte et trier les dons avec l'équipe.",
        "domain": "aide-alimentaire",
        "association": {"name": "Relais"},
        "city": "Lyon",
        "postcode": "69007",
        "schedule": "one_off",
        "start_date": SATURDAY.isoformat(),
    }
    record.update(fields)
    return json.dumps(record, ensure_ascii=False)


def test_a_file_is_read_without_any_app_or_request():
    assert not flask.has_app_context() and not flask.has_request_context()
    text = "\n".join(
        [
            line(slots=["sat_morning"], status="draft"),
            line(slots=["tue_morning"]),
            "{not json",
            line(schedule="recurring", slots=["wed_evening"], hours_per_week=2, day_parts=["morning"]),
        ]
    )
    parsed = parsing.parse_missions(text, "jsonl", today=TODAY)
    assert [row.line for row in parsed.rows] == [1, 4]
    first, recurring = parsed.rows
    assert (first.data.day_parts, first.data.slots, first.association_name) == (["morning"], [], "Relais")
    assert [(w.line, w.field) for w in first.warnings] == [(1, "status")]
    assert [(w.line, w.field) for w in recurring.warnings] == [(4, "day_parts")]
    assert recurring.data.day_parts == [] and recurring.data.slots == ["wed_evening"]
    assert [(p.line, p.field) for p in parsed.problems] == [(2, "slots"), (3, "")]
    assert "tue_morning" in str(parsed.problems[0].reason)


def test_a_csv_file_is_read_the_same_way():
    text = (
        "title;description;domain;association.name;city;postcode;schedule;start_date;slots;couleur\n"
        f"Collecte du samedi;Accueillir les clients et trier les dons avec l'équipe.;aide-alimentaire;"
        f"Relais;Lyon;69007;one_off;{SATURDAY.isoformat()};sat_afternoon; sat_evening;bleu\n"
    ).replace("sat_afternoon; sat_evening", '"sat_afternoon; sat_evening"')
    parsed = parsing.parse_missions(text, "csv", today=TODAY)
    assert parsed.problems == []
    (row,) = parsed.rows
    assert row.data.day_parts == ["afternoon", "evening"]
    assert [(w.line, w.field) for w in row.warnings] == [(2, "couleur")]
