"""Reading a labelled set (tests/data/matching/<set>/) into the facts the live site would build.

Offline figures are only worth something if they are the live ones, so nothing here re-implements
the app's reading of the data:

- missions.jsonl goes through the import's own parsing (``parse_missions``, the editor's rules,
  one-off slots kept as parts of the day) and gets its coordinates from its postcode with the
  project's reference data, as the import does (``place_for``); a mission's id is its line number;
- each persona's ``answers`` go through the API's own parser (``parse_answers``), so they become
  exactly the ``CandidateFacts`` that ``POST /api/v1/recommendations`` would build.

Both need the app's configuration (the geographic reference file), hence an app context:
``offline_app()`` gives one without any database. A line that fails is an error of the set: the
harness refuses to measure a set the site would not load the same way.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from marketplace.matching.evaluation import EVALUATION_DAY, LabelledPersona, LabelledSet
from marketplace.matching.types import MissionFacts

MISSIONS_FILE, PERSONAS_FILE, LABELS_FILE = "missions.jsonl", "personas.jsonl", "labels.jsonl"


class LabelledSetInvalid(Exception):
    """The set cannot be read as the site would: one message per problem, with its file and line."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def offline_app():
    """An app with the configured reference data and an in-memory database nobody uses."""
    from marketplace import create_app

    return create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://", "MATCHING_WARM_AT_START": False})


def _json_lines(path: Path) -> list[tuple[int, dict[str, Any]]]:
    rows, problems = [], []
    for number, raw in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except json.JSONDecodeError as error:
            problems.append(f"{path.name} line {number}: not JSON ({error.msg})")
            continue
        rows.append((number, record))
    if problems:
        raise LabelledSetInvalid(problems)
    return rows


def association_key(name: str) -> str:
    """How the import tells associations apart: spaces collapsed, case folded."""
    return " ".join(name.split()).casefold()


def _located(data):
    """Coordinates as the import writes them (``imports.writing._with_coordinates``)."""
    from marketplace.reference.places import place_for

    if data.lat is not None and data.lon is not None:
        return data
    if data.remote and not data.postcode:
        return replace(data, lat=None, lon=None)
    place = place_for(data.postcode, data.city)
    return replace(data, lat=place.lat, lon=place.lon) if place else data


def read_missions(
    path: Path, *, today: date = EVALUATION_DAY, refused: list[str] | None = None
) -> tuple[list[MissionFacts], dict[int, str]]:
    """Missions of the file as the engine would see them once imported; (facts, {id: ref}).

    A line the import refuses is an error, unless ``refused`` is given: then the site would
    simply not have that mission, and the line's problems are appended there (diagnostics only).
    """
    from marketplace.associations.imports.parsing import parse_missions

    text = path.read_text(encoding="utf-8")
    parsed = parse_missions(text, "jsonl", today=today)
    where = f"{path.parent.name}/{path.name}"
    problems = [f"{where} line {p.line}: {p.field or 'line'}: {p.reason}" for p in parsed.problems]
    if problems and refused is None:
        raise LabelledSetInvalid(problems)
    if refused is not None:
        refused.extend(problems)
    refs = {number: str(record.get("ref", number)) for number, record in _json_lines(path)}
    # The import finds an association by this key: later lines join the first line's association.
    associations: dict[str, tuple[int, str]] = {}
    facts = []
    for row in parsed.rows:
        data = _located(row.data)
        key = association_key(row.association_name)
        association_id, association_name = associations.setdefault(
            key, (len(associations) + 1, row.association_name)
        )
        facts.append(
            MissionFacts(
                id=row.line,
                title=data.title,
                description=data.description or "",
                skills=tuple(data.skills),
                domain=data.domain,
                kind=data.kind,
                association_id=association_id,
                association_name=association_name,
                schedule=data.schedule,
                start_date=data.start_date,
                end_date=data.end_date,
                slots=tuple(data.slots),
                day_parts=tuple(data.day_parts),
                hours_per_week=data.hours_per_week,
                lat=data.lat,
                lon=data.lon,
                remote=data.remote,
                min_age=data.min_age,
                max_age=data.max_age,
                seats_left=data.capacity,
                status="published",
                city=data.city,
            )
        )
    return facts, {row.line: refs[row.line] for row in parsed.rows}


def label_contexts(directory: Path | str) -> dict[str, frozenset[str]]:
    """The label-only ``contexts`` of each mission ref (ground truth the import does not read)."""
    path = Path(directory) / MISSIONS_FILE
    return {
        str(record.get("ref", number)): frozenset(record.get("contexts") or ())
        for number, record in _json_lines(path)
    }


def read_personas(path: Path) -> dict[str, tuple[int, Any]]:
    """{ref: (line, CandidateFacts)} through the API's own parser of the answers."""
    from marketplace.api.recommendation_params import AnswersInvalid, parse_answers

    personas: dict[str, tuple[int, Any]] = {}
    problems = []
    for number, record in _json_lines(path):
        ref = str(record.get("ref"))
        try:
            facts, _limit = parse_answers(record.get("answers"))
        except AnswersInvalid as error:
            problems.append(f"{path.name} line {number} ({ref}): {error.field}: {error.message}")
            continue
        if ref in personas:
            problems.append(f"{path.name} line {number}: persona {ref} given twice")
        personas[ref] = (number, facts)
    if problems:
        raise LabelledSetInvalid(problems)
    return personas


def load_labelled_set(
    directory: Path | str, *, today: date = EVALUATION_DAY, refused: list[str] | None = None
) -> LabelledSet:
    """The three files of a set, read as the site reads them (call inside an app context).

    With ``refused`` (a list to fill), mission lines the import refuses are left out with their
    grades, as the site would never have them; without it they are an error.
    """
    directory = Path(directory)
    name = directory.name
    missions, refs = read_missions(directory / MISSIONS_FILE, today=today, refused=refused)
    id_of = {ref: mid for mid, ref in refs.items()}
    left_out = _refs_of_refused(directory / MISSIONS_FILE, set(refs)) if refused is not None else set()
    personas = read_personas(directory / PERSONAS_FILE)
    graded: dict[str, dict[int, int]] = {}
    problems = []
    for number, record in _json_lines(directory / LABELS_FILE):
        ref = record.get("persona")
        if ref not in personas:
            problems.append(f"{LABELS_FILE} line {number}: unknown persona {ref}")
            continue
        grades = {}
        for mission_ref, grade in (record.get("grades") or {}).items():
            if mission_ref in left_out:
                continue
            if mission_ref not in id_of:
                problems.append(f"{LABELS_FILE} line {number}: unknown mission {mission_ref}")
            elif not isinstance(grade, int) or not 0 <= grade <= 3:
                problems.append(f"{LABELS_FILE} line {number}: grade of {mission_ref} is not 0–3")
            else:
                grades[id_of[mission_ref]] = grade
        graded[ref] = grades
    problems += [f"{PERSONAS_FILE}: persona {ref} has no labels" for ref in personas if ref not in graded]
    if problems:
        raise LabelledSetInvalid(problems)
    labelled = tuple(
        LabelledPersona(ref=ref, candidate=facts, grades=graded[ref], set_name=name)
        for ref, (_line, facts) in sorted(personas.items(), key=lambda item: item[1][0])
    )
    return LabelledSet(name=name, missions=tuple(missions), personas=labelled, mission_refs=refs)


def _refs_of_refused(path: Path, kept_lines: set[int]) -> set[str]:
    return {str(record.get("ref", n)) for n, record in _json_lines(path) if n not in kept_lines}


def load_labelled_sets(
    root: Path | str, names: tuple[str, ...] = (), *, refused: list[str] | None = None
) -> list[LabelledSet]:
    """Every set under ``root`` that has its three files (or only ``names``), in name order."""
    root = Path(root)
    found = (
        sorted(path for path in root.iterdir() if path.is_dir() and (path / LABELS_FILE).exists())
        if root.exists()
        else []
    )
    return [load_labelled_set(path, refused=refused) for path in found if not names or path.name in names]
