"""Each association writes its own missions: the versions of one kind of mission (pure).

A mission template (``content.MISSION_TEMPLATES``) is one kind of mission several associations
publish — a food collection, a treasurer. Its text has three parts: the introduction (why), the
core (the title, what you will do, for whom, and the skills) and the practical line (when, how
long, with its schedule). ``variants.MORE_PARTS`` gives other introductions, cores and practical
lines for the same kind of mission; each association that publishes it gets its own combination,
chosen so that any two share at most one part (and the first ones share none): two associations'
missions never read alike, while each version stays one coherent text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import product

from marketplace.demo.content import MissionTemplate

PRACTICAL_PREFIX = "- **En pratique**"


@dataclass(frozen=True)
class Core:
    """The title, the lines saying what you will do (and for whom), and the skills."""

    title: str
    text: str
    skills: tuple[str, ...]


@dataclass(frozen=True)
class Practical:
    """The "En pratique" line and the schedule it states (one-off: days, weekday; recurring: slots, hours)."""

    text: str
    days: int = 1
    weekday: int | None = None
    slots: tuple[str, ...] = ()
    hours: float | None = None


@dataclass(frozen=True)
class MoreParts:
    """Other parts for one kind of mission (each may be empty: the template's own part is always first)."""

    cores: tuple[Core, ...] = ()
    intros: tuple[str, ...] = ()
    practicals: tuple[Practical, ...] = ()


def split_body(template: MissionTemplate) -> tuple[str, str, str]:
    """(introduction, core lines, practical line) of a template's Markdown body."""
    lines = template.body.splitlines()
    if not lines or not lines[-1].startswith(PRACTICAL_PREFIX):
        raise ValueError(f"{template.title!r}: the practical line must come last")
    bullets = next(index for index, line in enumerate(lines) if line.startswith("- "))
    return "\n".join(lines[:bullets]), "\n".join(lines[bullets:-1]), lines[-1]


def own_parts(template: MissionTemplate) -> tuple[Core, str, Practical]:
    """The template's own core, introduction and practical line."""
    intro, core, practical = split_body(template)
    schedule = Practical(
        practical,
        days=template.days,
        weekday=template.weekday,
        slots=template.slots,
        hours=template.hours_per_week,
    )
    return Core(template.title, core, template.skills), intro, schedule


def _shared(one: tuple[int, ...], other: tuple[int, ...]) -> int:
    return sum(a == b for a, b in zip(one, other, strict=True))


def _most_different_first(combinations: list[tuple[int, ...]], chosen: list[tuple[int, ...]]) -> None:
    """Move ``combinations`` into ``chosen``, each time the one sharing least with those chosen."""
    while combinations:
        best = min(
            combinations,
            key=lambda c: (
                max((_shared(c, o) for o in chosen), default=0),
                sum(_shared(c, o) for o in chosen),
            ),
        )
        chosen.append(best)
        combinations.remove(best)


def spread_combinations(sizes: Sequence[int]) -> list[tuple[int, ...]]:
    """Combinations of one option per part of which any two share at most one option, the most
    different first (deterministic).

    With two options per part, four combinations; with three, nine: for three parts, the
    combinations (i, j, i + j) are tried first (a Latin square), then the others in order.
    """
    every = list(product(*(range(size) for size in sizes)))
    if len(sizes) == 3:
        square = [(i, j, (i + j) % sizes[2]) for i in range(sizes[0]) for j in range(sizes[1])]
        every = [*square, *(c for c in every if c not in square)]
    apart: list[tuple[int, ...]] = []
    for combination in every:
        if all(_shared(combination, other) <= 1 for other in apart):
            apart.append(combination)
    chosen: list[tuple[int, ...]] = []
    _most_different_first(apart, chosen)
    return chosen


def versions(template: MissionTemplate, more: MoreParts | None) -> list[MissionTemplate]:
    """The template's versions, one per association that publishes it, most different first."""
    core, intro, practical = own_parts(template)
    more = more or MoreParts()
    cores, intros, practicals = (core, *more.cores), (intro, *more.intros), (practical, *more.practicals)
    found = []
    for c, i, p in spread_combinations((len(cores), len(intros), len(practicals))):
        found.append(_version(template, cores[c], intros[i], practicals[p]))
    return found


def _version(template: MissionTemplate, core: Core, intro: str, practical: Practical) -> MissionTemplate:
    body = "\n".join((intro, core.text, practical.text))
    if template.schedule == "recurring":
        schedule = {"slots": practical.slots, "hours_per_week": practical.hours}
    else:
        schedule = {"days": practical.days, "weekday": practical.weekday}
    return replace(template, title=core.title, body=body, skills=core.skills, **schedule)
