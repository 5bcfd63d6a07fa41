"""Reading an import file (pure: no request, no database): file → records → checked missions.

Lines are read into ``MissionData`` with the mission contract's names and checked with the very
rules of the mission editor (``normalized`` + ``mission_problems``), so an import refuses exactly
what the editor refuses. Each bad line is reported as (line, field, reason) and skipped. Nothing
is dropped silently: a field the import does not keep (an unknown field, ``status``, a recurring
mission's ``day_parts``...) is listed as a warning of its line, which is still imported; a
one-off mission's ``slots`` become its parts of the day (``one_off_times``).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from flask_babel import lazy_gettext as _l

from marketplace.associations.missions import MissionData, mission_problems, normalized
from marketplace.associations.one_off_times import one_off_times
from marketplace.domain import DomainError
from marketplace.inputs import loads_json
from marketplace.reference.slugs import DAY_PART_SLUGS
from marketplace.reference.vocabularies import (
    DAY_PARTS,
    DAYS,
    DOMAIN_SLUGS,
    MISSION_KIND_SLUGS,
    SCHEDULE_SLUGS,
    SLOTS,
    label_for,
)

FORMATS = ("jsonl", "csv")
MAX_UPLOAD_BYTES = 2 * 1024 * 1024
ASSOCIATION_FIELD = "association.name"
WHOLE_LINE = ""
# Fields of the mission contract that an import reads elsewhere or on purpose does not keep.
ASSOCIATION_FIELDS = ("association", ASSOCIATION_FIELD)
# Column lengths that the editor's rules do not cover but the database enforces.
MAX_LENGTHS = {"external_id": 120, ASSOCIATION_FIELD: 160}
TRUE_WORDS = {"true", "1", "yes", "y", "oui", "o", "vrai", "x"}
FALSE_WORDS = {"false", "0", "no", "n", "non", "faux"}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Imports may carry descriptions shorter than the editor's 30 characters (partner platforms
# publish one-line summaries): from this length they are kept, with a warning on the line.
MIN_IMPORTED_DESCRIPTION = 10
# How an import finds the postcode of a town when a line gives only the town (None: it does not).
TownPostcodes = Callable[[str], "str | None"]


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
class LineWarning:
    """A field of an imported line that was not kept (the line itself was imported)."""

    line: int
    field: str
    reason: object  # a lazy string


@dataclass(frozen=True)
class MissionRow:
    """A line that passed every rule, ready to be written, with the fields it did not keep."""

    line: int
    association_name: str
    data: MissionData
    warnings: tuple[LineWarning, ...] = ()


@dataclass
class ParsedFile:
    rows: list[MissionRow] = field(default_factory=list)
    problems: list[LineProblem] = field(default_factory=list)


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
            record = loads_json(line)
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
                value = loads_json(text)
            except json.JSONDecodeError as error:
                raise _Unreadable(_l('Expected a list, like ["a", "b"] or a; b.')) from error
        else:
            return [item.strip() for item in text.split(";") if item.strip()]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise _Unreadable(_l('Expected a list of texts, like ["a", "b"].'))
    return value


def record_association_name(record: dict[str, Any]) -> str:
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
    "rhythm": _text,
    "application_url": _text,
    "min_age": lambda value: _integer(value, 18),
    "max_age": lambda value: _integer(value, None),
    "capacity": lambda value: _integer(value, 1),
    "motivation_required": _boolean,
    "external_id": _text,
    "lat": _number,
    "lon": _number,
}


def _ignored_fields(record: dict[str, Any], data: MissionData) -> dict[str, object]:
    """Fields of the line that the mission will not keep, with why ({field: reason})."""
    ignored: dict[str, object] = {}
    for name in record:
        if name == "status":
            ignored[name] = _l(
                "Ignored: the import publishes the mission, or sends it to moderation, itself."
            )
        elif name not in _READERS and name not in ASSOCIATION_FIELDS:
            ignored[name] = _l("Unknown field: ignored. Check its name against the example files.")
    association = record.get("association")
    if isinstance(association, dict):
        for key in association:
            if key != "name":
                ignored[f"association.{key}"] = _l("Ignored: an association is found by its name.")
    if data.schedule == "recurring" and data.day_parts:
        ignored["day_parts"] = _l(
            "Ignored for a recurring mission: its weekly slots say when it takes place."
        )
    if data.schedule == "one_off" and data.hours_per_week is not None:
        ignored["hours_per_week"] = _l("Ignored for a one-off mission: its dates say when it takes place.")
    return ignored


def _one_off_slots(data: MissionData) -> tuple[MissionData, dict[str, object], dict[str, object]]:
    """A one-off mission's slots become its parts of the day: (data, problems, warnings)."""
    if data.schedule != "one_off" or not data.slots:
        return data, {}, {}
    times = one_off_times(data.start_date, data.end_date, data.slots, data.day_parts)
    if times.outside and data.start_date is not None:
        slot = times.outside[0]
        day = slot.partition("_")[0]
        reason = _l(
            "The slot %(slot)s is a %(day)s, but this one-off mission takes place from %(start)s to "
            "%(end)s, never on that day: correct the dates or the slots.",
            slot=slot,
            day=str(label_for(DAYS, day)).lower(),
            start=data.start_date.isoformat(),
            end=(data.end_date or data.start_date).isoformat(),
        )
        return data, {"slots": reason}, {}
    warnings: dict[str, object] = {}
    if times.widened:
        warnings["slots"] = _l(
            "These slots give different parts of the day on different dates; a one-off mission keeps "
            "its parts of the day for all its dates: %(parts)s.",
            parts=", ".join(str(label_for(DAY_PARTS, part)) for part in times.day_parts),
        )
    return replace(data, day_parts=times.day_parts, slots=[]), {}, warnings


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


def _lenient_fixes(
    data: MissionData, problems: dict[str, object], towns: TownPostcodes | None
) -> tuple[MissionData, dict[str, object]]:
    """What an import accepts beyond the editor: a town without its postcode, a short description,
    unknown weekly hours (one rule in one place: ``mission_problems`` is the editor's, this the leniency).

    Returns the completed data and the warnings saying what was done.
    """
    warnings: dict[str, object] = {}
    if towns is not None and not data.postcode and data.city and "postcode" not in problems:
        found = towns(data.city)
        if found:
            data = replace(data, postcode=found)
            warnings["postcode"] = _l(
                "No postcode: %(postcode)s was found from the town %(city)s.", postcode=found, city=data.city
            )
    if MIN_IMPORTED_DESCRIPTION <= len(data.description.strip()) < 30:
        warnings["description"] = _l(
            "Short description (under 30 characters): kept, but the editor will ask for more "
            "before the next change."
        )
    if data.schedule == "recurring" and data.hours_per_week is None:
        warnings["hours_per_week"] = _l(
            "Hours per week not given: the mission page says so, and the editor will ask for them "
            "before the next change."
        )
    return data, warnings


def read_record(
    record: dict[str, Any], line: int, *, today: date, towns: TownPostcodes | None = None
) -> MissionRow | list[LineProblem]:
    """One record of the file checked with the editor's rules; the problems, or the row to write.

    ``towns`` finds a postcode from a town's name (the INSEE data) when a line gives only the town.
    """
    raw, problems = _mission_data(record)
    raw, lenient = _lenient_fixes(raw, problems, towns)
    # Vocabulary first, on the raw values: normalized() quietly drops unknown slots.
    for name, reason in _vocabulary_problems(raw).items():
        problems.setdefault(name, reason)
    ignored = _ignored_fields(record, raw)
    if "slots" not in problems:
        raw, slot_problems, slot_warnings = _one_off_slots(raw)
        problems.update(slot_problems)
        ignored.update(slot_warnings)
    data = normalized(raw)
    association_name = record_association_name(record)
    for extra in (_length_problems(data, association_name), _coordinate_problems(data)):
        for name, reason in extra.items():
            problems.setdefault(name, reason)
    for name, reason in mission_problems(data, today=today).items():
        if name in ("description", "hours_per_week") and name in lenient:
            continue  # accepted from imports (short description, unknown hours), with its warning
        problems.setdefault(name, reason)
    if problems:
        return [LineProblem(line, name, reason) for name, reason in problems.items()]
    ignored.update(lenient)
    warnings = tuple(LineWarning(line, name, reason) for name, reason in ignored.items())
    return MissionRow(line=line, association_name=association_name, data=data, warnings=warnings)


def parse_missions(text: str, fmt: str, *, today: date, towns: TownPostcodes | None = None) -> ParsedFile:
    """Every line of the file, sorted into valid rows and line problems."""
    if fmt not in FORMATS:
        raise ImportFileInvalid(_l("Unknown format: use jsonl or csv."))
    records = _csv_records(text) if fmt == "csv" else _jsonl_records(text)
    parsed = ParsedFile()
    for line, record in records:
        if isinstance(record, LineProblem):
            parsed.problems.append(record)
            continue
        result = read_record(record, line, today=today, towns=towns)
        if isinstance(result, MissionRow):
            parsed.rows.append(result)
        else:
            parsed.problems.extend(result)
    if not parsed.rows and not parsed.problems:
        raise ImportFileInvalid(_l("The file holds no mission."))
    return parsed
