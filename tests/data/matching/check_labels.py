"""Check one labelled set of the recommender: python tests/data/matching/check_labels.py <set dir>.

A set is three JSON Lines files (missions.jsonl, personas.jsonl, labels.jsonl) described in
tests/data/matching/README.md. This script validates their fields and vocabularies, computes which
missions each persona is eligible for (the rules of the README, written here independently of
marketplace.matching so that the engine can be tested against them) and checks that every eligible
pair is graded 0..3 and no other. It prints, per persona, the eligible count and the grade
histogram, then every problem as ``file:line: message``; the exit status is 1 on any problem.

Pure Python: only marketplace.reference (the project's offline INSEE geography and fixed
vocabularies) is imported, never Flask nor the engine.
"""

from __future__ import annotations

import json
import math
import os
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TypeGuard

ROOT = Path(__file__).resolve().parents[3]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from marketplace.reference.contexts import AVOIDABLE_CONTEXTS  # noqa: E402
from marketplace.reference.distance import haversine_km  # noqa: E402
from marketplace.reference.geo import DEFAULT_PATH, GeoIndex, get_geo_index  # noqa: E402
from marketplace.reference.slugs import (  # noqa: E402
    AGE_RANGES,
    DAY_PART_SLUGS,
    DAY_SLUGS,
    DOMAIN_SLUGS,
    MISSION_KIND_SLUGS,
    SCHEDULE_SLUGS,
    SLOTS,
    age_range_bounds,
)

TODAY = date(2027, 1, 15)  # the evaluation date of every set
FIRST_ONE_OFF_DATE = date(2027, 2, 1)
LAST_ONE_OFF_DATE = date(2027, 7, 31)
DEFAULT_RADIUS_KM = 15.0
DESCRIPTION_CHARS = (300, 1200)
MAX_MISSION_SKILLS = 5
MAX_ABOUT_CHARS = 600
MIN_GOOD_MISSIONS = 3  # missions graded 2 or 3 per persona
GRADES = (0, 1, 2, 3)
POSTCODE = re.compile(r"^\d{5}$")

MISSION_FIELDS = {
    "ref", "association", "title", "description", "kind", "domain", "skills", "city", "postcode",
    "address", "remote", "schedule", "start_date", "end_date", "slots", "day_parts",
    "hours_per_week", "min_age", "max_age", "capacity", "contexts",
}  # fmt: skip
MISSION_REQUIRED = ("ref", "association", "title", "description", "kind", "domain", "remote", "schedule",
                    "min_age", "capacity", "contexts")  # fmt: skip
ANSWER_FIELDS = {
    "age_range", "postcode", "radius_km", "remote_ok", "domains", "skills", "slots", "flexible",
    "kinds", "avoid_domains", "avoid_kinds", "avoid_contexts", "about",
}  # fmt: skip
ANSWER_CHOICES = {
    "domains": DOMAIN_SLUGS,
    "avoid_domains": DOMAIN_SLUGS,
    "kinds": MISSION_KIND_SLUGS,
    "avoid_kinds": MISSION_KIND_SLUGS,
    "slots": SLOTS,
    "avoid_contexts": AVOIDABLE_CONTEXTS,
}


class Report:
    """Problems (which fail the check) and warnings (which do not), each with file and line."""

    def __init__(self) -> None:
        self.problems: list[str] = []
        self.warnings: list[str] = []

    def problem(self, where: str, message: str) -> None:
        self.problems.append(f"{where}: {message}")

    def warning(self, where: str, message: str) -> None:
        self.warnings.append(f"{where}: {message}")


@dataclass
class Mission:
    line: int
    data: dict[str, Any]
    lat: float | None = None
    lon: float | None = None
    start: date | None = None
    end: date | None = None
    valid: bool = True  # False when a problem was found: its eligibility is not computed


@dataclass
class Persona:
    line: int
    ref: str
    answers: dict[str, Any]
    lat: float | None = None
    lon: float | None = None


@dataclass
class Labels:
    line: int
    grades: dict[str, Any] = field(default_factory=dict)


def read_jsonl(path: Path, report: Report) -> list[tuple[int, dict[str, Any]]]:
    """(line number, object) for each non-empty line; unreadable lines are reported."""
    if not path.is_file():
        report.problem(path.name, "file missing")
        return []
    rows = []
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not text.strip():
            continue
        try:
            value = json.loads(text)
        except json.JSONDecodeError as error:
            report.problem(f"{path.name}:{number}", f"not JSON ({error.msg})")
            continue
        if not isinstance(value, dict):
            report.problem(f"{path.name}:{number}", "a line must be a JSON object")
            continue
        rows.append((number, value))
    return rows


def is_int(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def is_number(value: Any) -> bool:
    return (isinstance(value, int | float) and not isinstance(value, bool)) and math.isfinite(value)


def is_text_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) and item.strip() for item in value)


def parse_date(value: Any) -> date | None:
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


# --- missions -----------------------------------------------------------------------------------


def check_mission(number: int, data: dict[str, Any], geo: GeoIndex, report: Report) -> Mission:
    where = f"missions.jsonl:{number}"
    mission = Mission(number, data)
    for name in sorted(set(data) - MISSION_FIELDS):
        report.problem(where, f"unknown field {name!r}")
    for name in MISSION_REQUIRED:
        if name not in data:
            report.problem(where, f"field {name!r} missing")
    for name in ("ref", "association", "title", "description"):
        if name in data and not (isinstance(data[name], str) and data[name].strip()):
            report.problem(where, f"{name} must be a non-empty text")
    title = data.get("title")
    if isinstance(title, str) and not 5 <= len(title) <= 160:
        report.problem(where, "title must have 5 to 160 characters")
    description = data.get("description")
    low, high = DESCRIPTION_CHARS
    if isinstance(description, str) and not low <= len(description.strip()) <= high:
        report.problem(where, f"description has {len(description.strip())} characters, not {low}..{high}")
    if "kind" in data and data["kind"] not in MISSION_KIND_SLUGS:
        report.problem(where, f"kind {data['kind']!r} not in {MISSION_KIND_SLUGS}")
    if "domain" in data and data["domain"] not in DOMAIN_SLUGS:
        report.problem(where, f"domain {data['domain']!r} is not a domain slug")
    skills = data.get("skills", [])
    if not is_text_list(skills) or len(skills) > MAX_MISSION_SKILLS:
        report.problem(where, f"skills must be a list of at most {MAX_MISSION_SKILLS} non-empty texts")
    contexts = data.get("contexts", [])
    if not isinstance(contexts, list) or any(item not in AVOIDABLE_CONTEXTS for item in contexts):
        report.problem(where, f"contexts must be a list among {AVOIDABLE_CONTEXTS}")
    check_mission_place(mission, geo, report)
    check_mission_schedule(mission, report)
    check_mission_people(mission, report)
    return mission


def check_mission_place(mission: Mission, geo: GeoIndex, report: Report) -> None:
    where, data = f"missions.jsonl:{mission.line}", mission.data
    remote = data.get("remote")
    if not isinstance(remote, bool):
        report.problem(where, "remote must be true or false")
        return
    postcode, city = data.get("postcode"), data.get("city")
    if not remote and not (isinstance(city, str) and city.strip()):
        report.problem(where, "an on-site mission needs a city")
    if postcode is None and remote:
        return
    if not isinstance(postcode, str) or not POSTCODE.match(postcode):
        report.problem(where, "postcode must be five digits (it may be left out only when remote)")
        return
    place = geo.place_for(postcode, city if isinstance(city, str) else None)
    if place is None:
        report.problem(where, f"postcode {postcode} unknown to marketplace.reference")
        return
    mission.lat, mission.lon = place.lat, place.lon


def check_mission_schedule(mission: Mission, report: Report) -> None:
    where, data = f"missions.jsonl:{mission.line}", mission.data
    schedule = data.get("schedule")
    if schedule not in SCHEDULE_SLUGS:
        report.problem(where, f"schedule {schedule!r} not in {SCHEDULE_SLUGS}")
        return
    for name in ("start_date", "end_date"):
        if data.get(name) is not None and parse_date(data[name]) is None:
            report.problem(where, f"{name} must be a date YYYY-MM-DD")
    mission.start, mission.end = parse_date(data.get("start_date")), parse_date(data.get("end_date"))
    if mission.start and mission.end and mission.end < mission.start:
        report.problem(where, "end_date is before start_date")
    slots, parts = data.get("slots", []), data.get("day_parts", [])
    if not isinstance(slots, list) or any(slot not in SLOTS for slot in slots):
        report.problem(where, "slots must be a list of weekly slots such as sat_morning")
        slots = []
    if not isinstance(parts, list) or any(part not in DAY_PART_SLUGS for part in parts):
        report.problem(where, f"day_parts must be a list among {DAY_PART_SLUGS}")
    if schedule == "one_off":
        if mission.start is None:
            report.problem(where, "a one-off mission needs start_date")
        for day in (mission.start, mission.end):
            if day and not FIRST_ONE_OFF_DATE <= day <= LAST_ONE_OFF_DATE:
                report.problem(where, f"one-off date {day} outside {FIRST_ONE_OFF_DATE}..{LAST_ONE_OFF_DATE}")
        if slots:
            report.problem(where, "a one-off mission says its times with day_parts, not slots")
        if data.get("hours_per_week") is not None:
            report.problem(where, "hours_per_week is for recurring missions")
        return
    if parts:
        report.problem(where, "a recurring mission says its times with slots, not day_parts")
    if mission.end and mission.end < TODAY:
        report.problem(where, f"end_date before the evaluation date {TODAY}")
    hours = data.get("hours_per_week")
    if hours is not None and not (is_number(hours) and 0 < hours <= 35):
        report.problem(where, "hours_per_week must be a number in (0, 35]")
    # No slots is allowed (« horaires à convenir »); the mission editor still asks for the hours.
    if hours is None:
        report.warning(where, "recurring without hours_per_week: the importer rejects it")


def check_mission_people(mission: Mission, report: Report) -> None:
    where, data = f"missions.jsonl:{mission.line}", mission.data
    min_age: Any = data.get("min_age")
    max_age: Any = data.get("max_age")
    capacity: Any = data.get("capacity")
    if not is_int(min_age) or not 16 <= min_age <= 99:
        report.problem(where, "min_age must be a whole number from 16 to 99")
    elif data.get("kind") == "leadership" and min_age < 18:
        report.problem(where, "a leadership mission is for adults: min_age >= 18")
    if max_age is not None and not (is_int(max_age) and is_int(min_age) and min_age <= max_age <= 99):
        report.problem(where, "max_age must be null or a whole number from min_age to 99")
    if not is_int(capacity) or not 1 <= capacity <= 500:
        report.problem(where, "capacity must be a whole number from 1 to 500")


# --- personas -----------------------------------------------------------------------------------


def check_persona(number: int, data: dict[str, Any], geo: GeoIndex, report: Report) -> Persona | None:
    where = f"personas.jsonl:{number}"
    for name in sorted(set(data) - {"ref", "story", "answers"}):
        report.problem(where, f"unknown field {name!r}")
    ref, story, answers = data.get("ref"), data.get("story"), data.get("answers")
    if not (isinstance(ref, str) and ref.strip()):
        report.problem(where, "ref must be a non-empty text")
        return None
    if not (isinstance(story, str) and len(story.strip()) >= 80):
        report.problem(where, "story must be a text of a few sentences (80 characters at least)")
    if not isinstance(answers, dict):
        report.problem(where, "answers must be an object")
        return None
    persona = Persona(number, ref, answers)
    for name in sorted(set(answers) - ANSWER_FIELDS):
        report.problem(where, f"answers: unknown field {name!r}")
    if answers.get("age_range") not in AGE_RANGES:
        report.problem(where, f"answers.age_range must be one of {AGE_RANGES}")
    postcode = answers.get("postcode")
    if not isinstance(postcode, str) or not POSTCODE.match(postcode):
        report.problem(where, "answers.postcode must be five digits")
    else:
        place = geo.place_for(postcode)
        if place is None:
            report.problem(where, f"answers.postcode {postcode} unknown to marketplace.reference")
        else:
            persona.lat, persona.lon = place.lat, place.lon
    radius = answers.get("radius_km", DEFAULT_RADIUS_KM)
    if not is_number(radius) or not 1 <= radius <= 200:
        report.problem(where, "answers.radius_km must be a number from 1 to 200")
    for name in ("remote_ok", "flexible"):
        if not isinstance(answers.get(name, False), bool):
            report.problem(where, f"answers.{name} must be true or false")
    for name, allowed in ANSWER_CHOICES.items():
        values = answers.get(name, [])
        if not isinstance(values, list) or any(value not in allowed for value in values):
            report.problem(where, f"answers.{name} must be a list among {allowed}")
    for wanted, avoided in (("domains", "avoid_domains"), ("kinds", "avoid_kinds")):
        both = set(answers.get(wanted) or []) & set(answers.get(avoided) or [])
        if both:
            report.problem(where, f"answers: {sorted(both)} both in {wanted} and {avoided}")
    skills = answers.get("skills", [])
    if not is_text_list(skills) or len(skills) > 30 or any(len(skill) > 80 for skill in skills):
        report.problem(where, "answers.skills must be at most 30 texts of at most 80 characters")
    about = answers.get("about", "")
    if not isinstance(about, str) or len(about) > MAX_ABOUT_CHARS:
        report.problem(where, f"answers.about must be a text of at most {MAX_ABOUT_CHARS} characters")
    return persona


# --- eligibility (the rules of README.md, independent of marketplace.matching) ------------------


def within_reach(mission: Mission, persona: Persona) -> bool:
    answers = persona.answers
    if mission.data.get("remote") is True and answers.get("remote_ok") is True:
        return True
    if mission.lat is None or mission.lon is None or persona.lat is None or persona.lon is None:
        return False
    radius = answers.get("radius_km", DEFAULT_RADIUS_KM)
    return haversine_km(persona.lat, persona.lon, mission.lat, mission.lon) <= radius


def age_fits(mission: Mission, persona: Persona) -> bool:
    """The whole age range must fit: its low end >= min_age and, with a max_age, its high end <= it."""
    low, high = age_range_bounds(persona.answers["age_range"])
    if low < mission.data["min_age"]:
        return False
    max_age = mission.data.get("max_age")
    return max_age is None or (high is not None and high <= max_age)


def not_avoided(mission: Mission, persona: Persona) -> bool:
    answers, data = persona.answers, mission.data
    if data["domain"] in (answers.get("avoid_domains") or []):
        return False
    if data["kind"] in (answers.get("avoid_kinds") or []):
        return False
    return not set(data.get("contexts") or []) & set(answers.get("avoid_contexts") or [])


def one_off_times(mission: Mission) -> set[str]:
    """Weekly slots covered by a one-off mission: each date's weekday x its parts of the day."""
    assert mission.start is not None
    parts = mission.data.get("day_parts") or list(DAY_PART_SLUGS)
    end = mission.end or mission.start
    times: set[str] = set()
    day = mission.start
    while day <= end and len(times) < len(SLOTS):
        times.update(f"{DAY_SLUGS[day.weekday()]}_{part}" for part in parts)
        day += timedelta(days=1)
    return times


def available(mission: Mission, persona: Persona) -> bool:
    slots = set(persona.answers.get("slots") or [])
    if not slots or persona.answers.get("flexible") is True:
        return True
    if mission.data["schedule"] == "recurring":
        mission_slots = set(mission.data.get("slots") or [])
        return not mission_slots or bool(mission_slots & slots)
    return bool(one_off_times(mission) & slots)


def eligible(mission: Mission, persona: Persona) -> bool:
    if mission.data["kind"] == "leadership" and "leadership" not in (persona.answers.get("kinds") or []):
        return False
    return (
        within_reach(mission, persona)
        and age_fits(mission, persona)
        and not_avoided(mission, persona)
        and available(mission, persona)
    )


# --- the whole set ------------------------------------------------------------------------------


def load_missions(directory: Path, geo: GeoIndex, report: Report) -> dict[str, Mission]:
    missions: dict[str, Mission] = {}
    for number, data in read_jsonl(directory / "missions.jsonl", report):
        problems_before = len(report.problems)
        mission = check_mission(number, data, geo, report)
        ref = data.get("ref")
        if isinstance(ref, str) and ref in missions:
            report.problem(f"missions.jsonl:{number}", f"ref {ref!r} already used line {missions[ref].line}")
        elif isinstance(ref, str):
            # An invalid mission is kept so that its grades are not also reported as unknown refs.
            mission.valid = len(report.problems) == problems_before
            missions[ref] = mission
    return missions


def load_personas(directory: Path, geo: GeoIndex, report: Report) -> dict[str, Persona]:
    personas: dict[str, Persona] = {}
    for number, data in read_jsonl(directory / "personas.jsonl", report):
        persona = check_persona(number, data, geo, report)
        if persona is None:
            continue
        if persona.ref in personas:
            report.problem(f"personas.jsonl:{number}", f"ref {persona.ref!r} already used")
            continue
        personas[persona.ref] = persona
    return personas


def load_labels(directory: Path, personas: dict[str, Persona], report: Report) -> dict[str, Labels]:
    labels: dict[str, Labels] = {}
    for number, data in read_jsonl(directory / "labels.jsonl", report):
        where = f"labels.jsonl:{number}"
        for name in sorted(set(data) - {"persona", "grades"}):
            report.problem(where, f"unknown field {name!r}")
        ref, grades = data.get("persona"), data.get("grades")
        if ref not in personas:
            report.problem(where, f"persona {ref!r} is not in personas.jsonl")
            continue
        if ref in labels:
            report.problem(where, f"persona {ref!r} already graded line {labels[ref].line}")
            continue
        if not isinstance(grades, dict):
            report.problem(where, "grades must be an object {mission ref: grade}")
            continue
        labels[ref] = Labels(number, grades)
    for ref, persona in personas.items():
        if ref not in labels:
            report.problem(f"personas.jsonl:{persona.line}", f"persona {ref!r} has no line in labels.jsonl")
    return labels


def usable(mission: Mission) -> bool:
    """Whether the mission's fields are sound enough to compute eligibility."""
    data = mission.data
    return (
        mission.valid
        and data.get("kind") in MISSION_KIND_SLUGS
        and data.get("schedule") in SCHEDULE_SLUGS
        and is_int(data.get("min_age"))
    )


def check_grades(
    persona: Persona, labels: Labels, missions: dict[str, Mission], report: Report
) -> tuple[int, Counter[int]]:
    """Compare one persona's grades with its eligible missions: (eligible count, histogram)."""
    where = f"labels.jsonl:{labels.line}"
    wanted = {ref for ref, mission in missions.items() if usable(mission) and eligible(mission, persona)}
    histogram: Counter[int] = Counter()
    for ref, grade in labels.grades.items():
        if ref not in missions:
            report.problem(where, f"{persona.ref}: mission {ref!r} is not in missions.jsonl")
        elif not usable(missions[ref]):
            continue
        elif ref not in wanted:
            report.problem(where, f"{persona.ref}: mission {ref} is not eligible but graded")
        if not is_int(grade) or grade not in GRADES:
            report.problem(where, f"{persona.ref}: grade of {ref} must be 0, 1, 2 or 3, not {grade!r}")
        elif ref in wanted:
            histogram[grade] += 1
    missing = sorted(wanted - set(labels.grades))
    if missing:
        shown = ", ".join(missing[:12]) + (" ..." if len(missing) > 12 else "")
        report.problem(where, f"{persona.ref}: {len(missing)} eligible missions not graded: {shown}")
    good = histogram[2] + histogram[3]
    if good < MIN_GOOD_MISSIONS:
        report.problem(
            where, f"{persona.ref}: only {good} missions graded 2 or 3 (at least {MIN_GOOD_MISSIONS})"
        )
    return len(wanted), histogram


def check_set(directory: Path, geo: GeoIndex) -> Report:
    report = Report()
    missions = load_missions(directory, geo, report)
    personas = load_personas(directory, geo, report)
    labels = load_labels(directory, personas, report)
    total: Counter[int] = Counter()
    pairs = 0
    print(f"{directory}: {len(missions)} missions, {len(personas)} personas")
    print(f"{'persona':<12} {'eligible':>8}  {'0':>4} {'1':>4} {'2':>4} {'3':>4}")
    for ref, persona in personas.items():
        if ref not in labels or persona.lat is None or "age_range" not in persona.answers:
            continue
        if persona.answers["age_range"] not in AGE_RANGES:
            continue
        count, histogram = check_grades(persona, labels[ref], missions, report)
        pairs += count
        total.update(histogram)
        print(f"{ref:<12} {count:>8}  " + " ".join(f"{histogram[g]:>4}" for g in GRADES))
    print(f"{'total':<12} {pairs:>8}  " + " ".join(f"{total[g]:>4}" for g in GRADES))
    return report


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(f"usage: {argv[0]} tests/data/matching/<set>", file=sys.stderr)
        return 2
    path = Path(os.environ.get("GEO_DATA_PATH") or DEFAULT_PATH)
    if not path.is_file():
        print(f"{path} missing: run `make geo`", file=sys.stderr)
        return 2
    report = check_set(Path(argv[1]), get_geo_index(path))
    for warning in report.warnings:
        print(f"warning {warning}")
    for problem in report.problems:
        print(f"problem {problem}")
    print(f"{len(report.problems)} problems, {len(report.warnings)} warnings")
    return 1 if report.problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
