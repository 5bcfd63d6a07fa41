"""Bulk import of missions from JSON Lines or CSV files.

Lines are read into ``MissionData`` with the mission contract's names and checked with the very
rules of the mission editor (``normalized`` + ``mission_problems``), so an import refuses exactly
what the editor refuses. Each bad line is reported as (line, field, reason) and skipped; each good
line is written in its own SAVEPOINT, so a line failing in the database leaves nothing behind.
Functions flush, never commit: the caller commits once at the end.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from marketplace.accounts.models import User
from marketplace.accounts.services import unique_association_slug
from marketplace.associations.missions import MissionData, mission_problems, normalized
from marketplace.associations.models import Association, Mission, MissionReview
from marketplace.associations.permissions import can_manage_association, moderated_association_ids
from marketplace.domain import DomainError, NotAllowed
from marketplace.extensions import db
from marketplace.models_base import utcnow
from marketplace.reference.slugs import DAY_PART_SLUGS
from marketplace.reference.vocabularies import DOMAIN_SLUGS, MISSION_KIND_SLUGS, SCHEDULE_SLUGS, SLOTS
from marketplace.statuses import MissionStatus, ReviewAction

logger = logging.getLogger(__name__)

FORMATS = ("jsonl", "csv")
MAX_UPLOAD_BYTES = 2 * 1024 * 1024
ASSOCIATION_FIELD = "association.name"
WHOLE_LINE = ""
# Column lengths that the editor's rules do not cover but the database enforces.
MAX_LENGTHS = {"external_id": 120, ASSOCIATION_FIELD: 160}
TRUE_WORDS = {"true", "1", "yes", "y", "oui", "o", "vrai", "x"}
FALSE_WORDS = {"false", "0", "no", "n", "non", "faux"}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class ImportFileInvalid(DomainError):
    """The file as a whole cannot be read (encoding, empty, no header)."""

    def __init__(self, message: object):
        super().__init__(message, field="file", code="import_file_invalid")


@dataclass(frozen=True)
class LineProblem:
    """Why one line of the file was rejected; ``field`` uses the contract's names."""

    line: int
    field: str
    reason: object  # a lazy string: str() gives the current language


@dataclass(frozen=True)
class MissionRow:
    """A line that passed every rule, ready to be written."""

    line: int
    association_name: str
    data: MissionData


@dataclass
class ParsedFile:
    rows: list[MissionRow] = field(default_factory=list)
    problems: list[LineProblem] = field(default_factory=list)


@dataclass(frozen=True)
class LineOutcome:
    line: int
    mission_id: int
    title: str
    association_name: str


@dataclass
class ImportReport:
    created: list[LineOutcome] = field(default_factory=list)
    updated: list[LineOutcome] = field(default_factory=list)
    problems: list[LineProblem] = field(default_factory=list)

    @property
    def rejected_lines(self) -> list[int]:
        return sorted({problem.line for problem in self.problems})

    @property
    def counts(self) -> tuple[int, int, int]:
        """(created, updated, rejected lines)."""
        return len(self.created), len(self.updated), len(self.rejected_lines)


# --- reading the file (pure) -------------------------------------------------------------------


def decode(content: bytes) -> str:
    """UTF-8 (with or without BOM); CSV saved by a French spreadsheet may be Windows-1252."""
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return content.decode("cp1252")
        except UnicodeDecodeError as error:
            raise ImportFileInvalid(_l("The file could not be read: save it as UTF-8 text.")) from error


def guess_format(filename: str | None, text: str) -> str:
    """The format from the file name, else from the first character."""
    name = (filename or "").lower()
    if name.endswith(".csv"):
        return "csv"
    if name.endswith((".jsonl", ".ndjson", ".json")):
        return "jsonl"
    return "jsonl" if text.lstrip().startswith("{") else "csv"


def _jsonl_records(text: str) -> Iterator[tuple[int, dict[str, Any] | LineProblem]]:
    # Split on \n only: JSON strings may legally hold U+2028, which splitlines() would cut.
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if not line:
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield (
                number,
                LineProblem(
                    number,
                    WHOLE_LINE,
                    _l(
                        "This line is not valid JSON (near character %(col)d): "
                        "check the quotes, commas and braces.",
                        col=error.colno,
                    ),
                ),
            )
            continue
        if not isinstance(record, dict):
            yield (
                number,
                LineProblem(number, WHOLE_LINE, _l("Each line must be one JSON object, between { and }.")),
            )
            continue
        yield number, record


def _csv_delimiter(text: str) -> str:
    """The separator the header line uses most: ";" (French spreadsheets), "," or a tab."""
    header = text.split("\n", 1)[0]
    return max((";", ",", "\t"), key=header.count) if any(sep in header for sep in ";,\t") else ","


def _csv_records(text: str) -> Iterator[tuple[int, dict[str, Any] | LineProblem]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_csv_delimiter(text))
    header = [name.strip().lower() for name in next(reader, [])]
    if "title" not in header:
        raise ImportFileInvalid(
            _l("The first line of a CSV file must name the columns (title, description, kind, domain…).")
        )
    previous_end = reader.line_num
    for cells in reader:
        number, previous_end = previous_end + 1, reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) > len(header):
            yield (
                number,
                LineProblem(
                    number, WHOLE_LINE, _l("This line has more cells than the first line has column names.")
                ),
            )
            continue
        yield number, {name: cell for name, cell in zip(header, cells, strict=False) if name and cell.strip()}


class _Unreadable(Exception):
    """A value of the wrong type or format, reported on its field."""

    def __init__(self, reason: object):
        super().__init__(str(reason))
        self.reason = reason


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (bool, list, dict)):
        raise _Unreadable(_l("Expected text."))
    return str(value).strip()


def _integer(value: Any, default: int | None) -> int | None:
    if value is None or value == "":
        return default
    if isinstance(value, bool):
        raise _Unreadable(_l("Expected a whole number."))
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, int):
        return value
    text = str(value).strip()
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    raise _Unreadable(_l("Expected a whole number, like 18."))


def _number(value: Any) -> float | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise _Unreadable(_l("Expected a number."))
    if isinstance(value, (int, float)):
        return float(value)
    try:
        return float(str(value).strip().replace(",", "."))
    except ValueError as error:
        raise _Unreadable(_l("Expected a number, like 2.5.")) from error


def _boolean(value: Any) -> bool:
    if value is None or value == "":
        return False
    if isinstance(value, bool):
        return value
    word = str(value).strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise _Unreadable(_l("Expected true or false."))


def _date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    text = str(value).strip()
    if not _ISO_DATE.match(text):
        raise _Unreadable(_l("Expected a date written YYYY-MM-DD, like 2026-03-14."))
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise _Unreadable(_l("This date does not exist.")) from error


def _text_list(value: Any) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("["):
            try:
                value = json.loads(text)
            except json.JSONDecodeError as error:
                raise _Unreadable(_l('Expected a list, like ["a", "b"] or a; b.')) from error
        else:
            return [item.strip() for item in text.split(";") if item.strip()]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise _Unreadable(_l('Expected a list of texts, like ["a", "b"].'))
    return value


def _association_name(record: dict[str, Any]) -> str:
    value = record.get(ASSOCIATION_FIELD, record.get("association"))
    if isinstance(value, dict):
        value = value.get("name")
    return " ".join(_text(value).split())


def _vocabulary_problems(data: MissionData) -> dict[str, object]:
    """Clearer words than the editor's for a value that is not in the fixed vocabulary."""
    problems: dict[str, object] = {}
    if data.kind not in MISSION_KIND_SLUGS:
        problems["kind"] = _l(
            "Unknown kind “%(value)s”: use %(choices)s.",
            value=data.kind,
            choices=", ".join(MISSION_KIND_SLUGS),
        )
    if data.domain and data.domain not in DOMAIN_SLUGS:
        problems["domain"] = _l(
            "Unknown domain “%(value)s”: use one of %(choices)s.",
            value=data.domain,
            choices=", ".join(DOMAIN_SLUGS),
        )
    elif not data.domain:
        problems["domain"] = _l(
            "The domain is missing: use one of %(choices)s.", choices=", ".join(DOMAIN_SLUGS)
        )
    if data.schedule not in SCHEDULE_SLUGS:
        problems["schedule"] = _l(
            "Unknown schedule “%(value)s”: use %(choices)s.",
            value=data.schedule,
            choices=", ".join(SCHEDULE_SLUGS),
        )
    unknown_slots = [slot for slot in data.slots if slot not in SLOTS]
    if unknown_slots:
        problems["slots"] = _l(
            "Unknown time slot “%(value)s”: use values like mon_morning or wed_evening.",
            value=unknown_slots[0],
        )
    unknown_parts = [part for part in data.day_parts if part not in DAY_PART_SLUGS]
    if unknown_parts:
        problems["day_parts"] = _l(
            "Unknown part of the day “%(value)s”: use %(choices)s.",
            value=unknown_parts[0],
            choices=", ".join(DAY_PART_SLUGS),
        )
    return problems


_READERS = {
    "title": _text,
    "description": _text,
    "kind": _text,
    "domain": _text,
    "skills": _text_list,
    "city": _text,
    "postcode": _text,
    "address": _text,
    "remote": _boolean,
    "schedule": _text,
    "start_date": _date,
    "end_date": _date,
    "slots": _text_list,
    "day_parts": _text_list,
    "hours_per_week": _number,
    "min_age": lambda value: _integer(value, 18),
    "max_age": lambda value: _integer(value, None),
    "capacity": lambda value: _integer(value, 1),
    "motivation_required": _boolean,
    "external_id": _text,
    "lat": _number,
    "lon": _number,
}


def _mission_data(record: dict[str, Any]) -> tuple[MissionData, dict[str, object]]:
    """Read every known field; values that cannot be read are reported and left at their default."""
    values: dict[str, Any] = {}
    problems: dict[str, object] = {}
    for name, read in _READERS.items():
        if name not in record:
            continue
        try:
            values[name] = read(record[name])
        except _Unreadable as error:
            problems[name] = error.reason
    for name in ("kind", "schedule"):  # an empty cell means "the default", like an absent key
        if values.get(name) == "":
            values.pop(name)
    return MissionData(**values), problems


def _length_problems(data: MissionData, association_name: str) -> dict[str, object]:
    lengths = {"external_id": data.external_id or "", ASSOCIATION_FIELD: association_name}
    return {
        name: _l("At most %(n)d characters.", n=MAX_LENGTHS[name])
        for name, value in lengths.items()
        if len(value) > MAX_LENGTHS[name]
    }


def _coordinate_problems(data: MissionData) -> dict[str, object]:
    problems: dict[str, object] = {}
    if data.lat is not None and not -90 <= data.lat <= 90:
        problems["lat"] = _l("A latitude lies between -90 and 90.")
    if data.lon is not None and not -180 <= data.lon <= 180:
        problems["lon"] = _l("A longitude lies between -180 and 180.")
    if (data.lat is None) != (data.lon is None):
        problems["lat" if data.lat is None else "lon"] = _l("Give both lat and lon, or neither.")
    return problems


def read_record(record: dict[str, Any], line: int, *, today: date) -> MissionRow | list[LineProblem]:
    """One record of the file checked with the editor's rules; the problems, or the row to write."""
    raw, problems = _mission_data(record)
    # Vocabulary first, on the raw values: normalized() quietly drops unknown slots.
    for name, reason in _vocabulary_problems(raw).items():
        problems.setdefault(name, reason)
    data = normalized(raw)
    association_name = _association_name(record)
    for extra in (_length_problems(data, association_name), _coordinate_problems(data)):
        for name, reason in extra.items():
            problems.setdefault(name, reason)
    for name, reason in mission_problems(data, today=today).items():
        problems.setdefault(name, reason)
    if problems:
        return [LineProblem(line, name, reason) for name, reason in problems.items()]
    return MissionRow(line=line, association_name=association_name, data=data)


def parse_missions(text: str, fmt: str, *, today: date) -> ParsedFile:
    """Every line of the file, sorted into valid rows and line problems."""
    if fmt not in FORMATS:
        raise ImportFileInvalid(_l("Unknown format: use jsonl or csv."))
    records = _csv_records(text) if fmt == "csv" else _jsonl_records(text)
    parsed = ParsedFile()
    for line, record in records:
        if isinstance(record, LineProblem):
            parsed.problems.append(record)
            continue
        result = read_record(record, line, today=today)
        if isinstance(result, MissionRow):
            parsed.rows.append(result)
        else:
            parsed.problems.extend(result)
    if not parsed.rows and not parsed.problems:
        raise ImportFileInvalid(_l("The file holds no mission."))
    return parsed


# --- finding the association of each line ------------------------------------------------------


class _LineRejected(Exception):
    def __init__(self, field_name: str, reason: object):
        super().__init__(str(reason))
        self.field = field_name
        self.reason = reason


def _name_key(name: str) -> str:
    # casefold in Python: SQLite's lower() ignores accents ("ÉCOLE" != "école").
    return " ".join(name.split()).casefold()


class AssociationFinder:
    """Where a line goes: a member's own association, a network's associations, or any (created)."""

    def __init__(
        self,
        *,
        fixed: Association | None = None,
        allowed_ids: list[int] | None = None,
        create_missing: bool = False,
    ):
        self.fixed = fixed
        self.create_missing = create_missing
        self._by_name: dict[str, list[int]] | None = None
        self._allowed_ids = allowed_ids

    def _index(self) -> dict[str, list[int]]:
        if self._by_name is None:
            query = select(Association.id, Association.name)
            if self._allowed_ids is not None:
                query = query.where(Association.id.in_(self._allowed_ids or [-1]))
            self._by_name = {}
            for association_id, name in db.session.execute(query):
                self._by_name.setdefault(_name_key(name), []).append(association_id)
        return self._by_name

    def find(self, row: MissionRow) -> Association:
        """The association of this row, created when allowed; raises _LineRejected otherwise."""
        if self.fixed is not None:
            return self.fixed
        if not row.association_name:
            raise _LineRejected(ASSOCIATION_FIELD, _l("Give the name of the association."))
        ids = self._index().get(_name_key(row.association_name), [])
        if len(ids) > 1:
            raise _LineRejected(
                ASSOCIATION_FIELD, _l("Several associations have this name: rename one of them.")
            )
        if ids:
            return db.session.get_one(Association, ids[0])
        if not self.create_missing:
            raise _LineRejected(ASSOCIATION_FIELD, _l("No association of your network has this name."))
        return _new_association(row)

    def remember(self, association: Association) -> None:
        """Called once a line is saved, so an association created by it is found by the next lines."""
        if self._by_name is not None and self.fixed is None:
            ids = self._by_name.setdefault(_name_key(association.name), [])
            if association.id not in ids:
                ids.append(association.id)


def _new_association(row: MissionRow) -> Association:
    from marketplace.reference.places import place_for

    data = row.data
    association = Association(
        name=row.association_name,
        slug=unique_association_slug(row.association_name),
        city=data.city,
        postcode=data.postcode,
    )
    place = place_for(data.postcode, data.city) if data.postcode else None
    if place is not None:
        association.lat, association.lon = place.lat, place.lon
    db.session.add(association)
    db.session.flush()
    return association


def finder_for(by: User | None, association: Association | None = None) -> AssociationFinder:
    """Who imports decides where lines may go; None is the trusted command line."""
    if by is None or by.role == "site_admin":
        return AssociationFinder(create_missing=True)
    if by.role == "network_admin":
        return AssociationFinder(allowed_ids=moderated_association_ids(by) or [])
    if by.role == "association" and association is not None and can_manage_association(by, association):
        return AssociationFinder(fixed=association)
    raise NotAllowed(_l("You cannot import missions for this association."))


# --- writing -----------------------------------------------------------------------------------


def _with_coordinates(data: MissionData) -> MissionData:
    from marketplace.reference.places import place_for

    if data.lat is not None and data.lon is not None:
        return data
    if data.remote and not data.postcode:
        return replace(data, lat=None, lon=None)
    place = place_for(data.postcode, data.city)
    return replace(data, lat=place.lat, lon=place.lon) if place else data


def _existing_mission(association: Association, external_id: str | None) -> Mission | None:
    if not external_id:
        return None
    return db.session.scalar(
        select(Mission).where(Mission.association_id == association.id, Mission.external_id == external_id)
    )


def _publish(mission: Mission) -> None:
    mission.status = MissionStatus.PUBLISHED
    mission.published_at = mission.published_at or utcnow()


def _write(mission: Mission, data: MissionData) -> None:
    for name in MissionData.__dataclass_fields__:
        setattr(mission, name, getattr(data, name))


def needs_moderation(association: Association, by: User | None) -> bool:
    """Uploads by members of unverified associations are reviewed, like missions from the editor."""
    return by is not None and by.role == "association" and not association.verified


def _create(association: Association, data: MissionData, *, by: User | None) -> Mission:
    mission = Mission(association=association)
    _write(mission, data)
    if needs_moderation(association, by):
        mission.status = MissionStatus.PENDING_REVIEW
        db.session.add(MissionReview(mission=mission, actor=by, action=ReviewAction.SUBMITTED))
    else:
        _publish(mission)
        db.session.add(MissionReview(mission=mission, actor=by, action=ReviewAction.IMPORTED))
    db.session.add(mission)
    return mission


def _update(mission: Mission, data: MissionData, *, by: User | None) -> Mission:
    # The same refusals as the editor's update_mission.
    if mission.status in (MissionStatus.CLOSED, MissionStatus.CANCELLED):
        raise _LineRejected(
            "external_id", _l("This mission is closed or cancelled: an import can no longer change it.")
        )
    if data.capacity < mission.seats_taken:
        raise _LineRejected(
            "capacity",
            _l("%(n)d volunteers are already accepted: capacity cannot be lower.", n=mission.seats_taken),
        )
    if needs_moderation(mission.association, by) and mission.status != MissionStatus.PUBLISHED:
        _write(mission, data)
        mission.status = MissionStatus.PENDING_REVIEW
        db.session.add(MissionReview(mission=mission, actor=by, action=ReviewAction.SUBMITTED))
        return mission
    changed = MissionData.from_mission(mission) != data or mission.status != MissionStatus.PUBLISHED
    _write(mission, data)
    _publish(mission)
    if changed:
        db.session.add(MissionReview(mission=mission, actor=by, action=ReviewAction.IMPORTED))
    return mission


def _save_row(row: MissionRow, finder: AssociationFinder, *, by: User | None) -> tuple[str, Mission]:
    association = finder.find(row)
    data = _with_coordinates(row.data)
    existing = _existing_mission(association, data.external_id)
    if existing is not None:
        mission, action = _update(existing, data, by=by), "updated"
    else:
        mission, action = _create(association, data, by=by), "created"
    db.session.flush()
    return action, mission


def _begin_outer_transaction() -> None:
    # pysqlite does not open a transaction before SAVEPOINT, so the first RELEASE would commit.
    # Opening it explicitly keeps "commit once at the end" true on SQLite as on PostgreSQL.
    connection = db.session.connection()
    driver = connection.connection.dbapi_connection
    if connection.dialect.name == "sqlite" and driver is not None and not driver.in_transaction:
        connection.exec_driver_sql("BEGIN")


def import_missions(
    text: str,
    fmt: str,
    *,
    by: User | None,
    association: Association | None = None,
    today: date | None = None,
) -> ImportReport:
    """Create or update (by association and external_id) a mission per valid line.

    Lines are published, except those uploaded by members of unverified associations, which
    go to moderation (see ``needs_moderation``).
    """
    finder = finder_for(by, association)
    parsed = parse_missions(text, fmt, today=today or date.today())
    report = ImportReport(problems=list(parsed.problems))
    _begin_outer_transaction()
    for row in parsed.rows:
        try:
            with db.session.begin_nested():
                action, mission = _save_row(row, finder, by=by)
        except _LineRejected as error:
            report.problems.append(LineProblem(row.line, error.field, error.reason))
            continue
        except SQLAlchemyError as error:
            logger.warning("Import line %s could not be saved: %s", row.line, type(error).__name__)
            report.problems.append(
                LineProblem(
                    row.line, WHOLE_LINE, _l("This line conflicts with data already saved: it was skipped.")
                )
            )
            continue
        finder.remember(mission.association)
        outcome = LineOutcome(row.line, mission.id, mission.title, mission.association.name)
        (report.created if action == "created" else report.updated).append(outcome)
    report.problems.sort(key=lambda problem: problem.line)
    return report


# --- example files -----------------------------------------------------------------------------

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
    value = _association_name(record) if column == ASSOCIATION_FIELD else record.get(column)
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
