"""The volunteer pathway: from a first one-off mission to taking responsibility (pure rules).

Stages, lowest to highest (a candidate is at the HIGHEST stage whose rule they meet, so someone
whose first mission was as treasurer is at ``leadership`` without going through the others):

- ``discovery``: nothing done yet (no completed mission, nothing below applies);
- ``ponctual``: at least one COMPLETED one-off mission;
- ``regular``: a completed OR accepted recurring mission, or three COMPLETED missions with the
  same association (coming back is a regular commitment even if each mission was one-off);
- ``skills``: a completed or accepted ``support`` mission (skills put to use), any schedule;
- ``leadership``: a completed or accepted ``leadership`` mission, any schedule.

"Accepted" counts for the commitment stages because being taken on a recurring, support or
leadership mission is already that commitment; a one-off mission only counts once done.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from marketplace.matching.types import HistoryItem

REGULAR_RETURNS = 3  # completed missions with one association that make a regular volunteer


class Stage(StrEnum):
    """A pathway stage; compares by progression order (discovery < ... < leadership)."""

    DISCOVERY = "discovery"
    PONCTUAL = "ponctual"
    REGULAR = "regular"
    SKILLS = "skills"
    LEADERSHIP = "leadership"

    @property
    def rank(self) -> int:
        """0 for discovery up to 4 for leadership."""
        return _ORDER.index(self)

    def __lt__(self, other: object) -> bool:
        return self.rank < other.rank if isinstance(other, Stage) else NotImplemented

    def __le__(self, other: object) -> bool:
        return self.rank <= other.rank if isinstance(other, Stage) else NotImplemented

    def __gt__(self, other: object) -> bool:
        return self.rank > other.rank if isinstance(other, Stage) else NotImplemented

    def __ge__(self, other: object) -> bool:
        return self.rank >= other.rank if isinstance(other, Stage) else NotImplemented

    __hash__ = StrEnum.__hash__


_ORDER: tuple[Stage, ...] = (Stage.DISCOVERY, Stage.PONCTUAL, Stage.REGULAR, Stage.SKILLS, Stage.LEADERSHIP)


@dataclass(frozen=True, slots=True)
class NextStep:
    """What kind of mission comes next on the pathway.

    ``code`` is stable for gettext: first_mission, go_regular, share_skills, take_responsibility,
    pass_it_on. ``kind``/``schedule`` are None when any value fits.
    """

    code: str
    target: Stage | None
    kind: str | None = None
    schedule: str | None = None
    prefer_known_associations: bool = False
    match_skills: bool = False


_NEXT_STEPS: dict[Stage, NextStep] = {
    Stage.DISCOVERY: NextStep("first_mission", Stage.PONCTUAL, kind="ponctual", schedule="one_off"),
    Stage.PONCTUAL: NextStep(
        "go_regular", Stage.REGULAR, schedule="recurring", prefer_known_associations=True
    ),
    Stage.REGULAR: NextStep("share_skills", Stage.SKILLS, kind="support", match_skills=True),
    Stage.SKILLS: NextStep("take_responsibility", Stage.LEADERSHIP, kind="leadership"),
    Stage.LEADERSHIP: NextStep("pass_it_on", None, kind="leadership", prefer_known_associations=True),
}


def _counts(item: HistoryItem) -> bool:
    return item.status in ("accepted", "completed")


def stage_of(history: Iterable[HistoryItem]) -> Stage:
    """The highest stage whose rule the history meets (see the module docstring)."""
    items = [item for item in history if _counts(item)]
    if any(item.kind == "leadership" for item in items):
        return Stage.LEADERSHIP
    if any(item.kind == "support" for item in items):
        return Stage.SKILLS
    completed = [item for item in items if item.status == "completed"]
    returns = Counter(item.association_id for item in completed)
    if any(item.schedule == "recurring" for item in items) or any(
        n >= REGULAR_RETURNS for n in returns.values()
    ):
        return Stage.REGULAR
    if any(item.schedule == "one_off" for item in completed):
        return Stage.PONCTUAL
    return Stage.DISCOVERY


def next_step(stage: Stage) -> NextStep:
    """The kind of mission that comes after ``stage``."""
    return _NEXT_STEPS[Stage(stage)]


def leadership_open(stage: Stage, wanted_kinds: Iterable[str] = ()) -> bool:
    """Leadership missions are suggested from the regular stage on, or to whoever asked for them."""
    return stage >= Stage.REGULAR or "leadership" in tuple(wanted_kinds)


def completed_by_association(history: Iterable[HistoryItem]) -> Counter[int]:
    """Number of completed missions per association id."""
    return Counter(item.association_id for item in history if item.status == "completed")


@dataclass(frozen=True, slots=True)
class PathwaySummary:
    """What the dashboard shows: stage, what was done so far, and the next step."""

    stage: Stage
    missions_done: int  # completed missions
    missions_ongoing: int  # accepted, not yet completed
    hours: float  # sum of recorded hours (completed or ongoing)
    associations: tuple[str, ...]  # associations helped or being helped, first one first
    next_step: NextStep

    @property
    def associations_count(self) -> int:
        """Number of distinct associations helped."""
        return len(self.associations)


def summarize(history: Iterable[HistoryItem]) -> PathwaySummary:
    """Stage, counts, hours, associations and next step of a candidate's history."""
    items = [item for item in history if _counts(item)]
    stage = stage_of(items)
    names: dict[int, str] = {}
    for item in items:
        names.setdefault(item.association_id, item.association_name or str(item.association_id))
    return PathwaySummary(
        stage=stage,
        missions_done=sum(item.status == "completed" for item in items),
        missions_ongoing=sum(item.status == "accepted" for item in items),
        hours=float(sum(item.hours_done or 0.0 for item in items)),
        associations=tuple(names.values()),
        next_step=next_step(stage),
    )
