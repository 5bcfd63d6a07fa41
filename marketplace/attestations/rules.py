"""Which participations an attestation counts and how (pure; no Flask, no database).

A participation counts once the association confirmed it (status ``completed``, with its hours).
Its dates: a one-off mission's own day(s), a recurring mission's period from the volunteer's
acceptance to the confirmation. Its year is the year of its last day (a mission held on
30 December and confirmed on 2 January belongs to the year it was held in): hours per
association and per year, as the Compte d'engagement citoyen asks for.
"""

from __future__ import annotations

import secrets
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

# Crockford's base 32: no I, L, O, U — nothing to misread when typed from paper.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_GROUPS = 4
CODE_GROUP_LENGTH = 4  # 16 characters of 5 bits: 80 random bits, not guessable


@dataclass(frozen=True)
class Participation:
    """What the rules need to know of one completed application."""

    application_id: int
    association_id: int
    mission_title: str
    schedule: str  # "one_off" | "recurring"
    start_date: date | None  # the mission's
    end_date: date | None
    accepted_on: date | None  # the volunteer's acceptance (Paris day)
    completed_on: date  # the association's confirmation (Paris day)
    hours: float


@dataclass(frozen=True)
class Line:
    """One mission as the attestation states it."""

    application_id: int
    title: str
    first_day: date
    last_day: date
    hours: float
    confirmed_on: date


@dataclass(frozen=True)
class Group:
    """The participations of one association in one year."""

    association_id: int
    year: int
    lines: tuple[Line, ...]

    @property
    def total_hours(self) -> float:
        return round(sum(line.hours for line in self.lines), 2)

    @property
    def application_ids(self) -> list[int]:
        return sorted(line.application_id for line in self.lines)


def line_of(participation: Participation) -> Line:
    """The dates the attestation gives a participation (see the module docstring)."""
    done = participation.completed_on
    if participation.schedule == "one_off" and participation.start_date is not None:
        first = participation.start_date
        last = participation.end_date or first
        if first <= done < last:  # confirmed while a date range was still running
            last = done
    else:
        starts = [day for day in (participation.accepted_on, participation.start_date) if day is not None]
        first = min(max(starts), done) if starts else done
        last = done
    return Line(
        application_id=participation.application_id,
        title=participation.mission_title,
        first_day=first,
        last_day=last,
        hours=float(participation.hours),
        confirmed_on=done,
    )


def group_by_association_and_year(participations: Iterable[Participation]) -> list[Group]:
    """Groups, most recent year first, then by association id; lines in date order."""
    grouped: dict[tuple[int, int], list[Line]] = defaultdict(list)
    for participation in participations:
        line = line_of(participation)
        grouped[(participation.association_id, line.last_day.year)].append(line)
    return [
        Group(association_id=association_id, year=year, lines=tuple(sorted(lines, key=_line_order)))
        for (association_id, year), lines in sorted(
            grouped.items(), key=lambda item: (-item[0][1], item[0][0])
        )
    ]


def _line_order(line: Line) -> tuple[date, date, int]:
    return (line.first_day, line.last_day, line.application_id)


def new_code() -> str:
    """A random code in groups of four: ``7KQ4-M2XD-9PRT-W3HC``."""
    characters = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_GROUPS * CODE_GROUP_LENGTH))
    return "-".join(
        characters[start : start + CODE_GROUP_LENGTH]
        for start in range(0, len(characters), CODE_GROUP_LENGTH)
    )


def normalise_code(typed: str) -> str | None:
    """A code as typed (lower case, spaces, O for 0, I or L for 1) in its stored form; None if malformed."""
    cleaned = typed.upper().replace("-", "").replace(" ", "")
    cleaned = cleaned.translate(str.maketrans("OIL", "011"))
    if len(cleaned) != CODE_GROUPS * CODE_GROUP_LENGTH or any(c not in CODE_ALPHABET for c in cleaned):
        return None
    return "-".join(
        cleaned[start : start + CODE_GROUP_LENGTH] for start in range(0, len(cleaned), CODE_GROUP_LENGTH)
    )
