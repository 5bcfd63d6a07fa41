"""Plain dataclasses in and out of the matching engine: no ORM objects cross this line.

Services build ``MissionFacts`` and ``CandidateFacts`` from the database; the engine answers with
``Recommendation`` objects whose reasons are machine codes plus parameters (the app renders them
with gettext; ``reasons.render_reason_fr`` gives the plain French sentence).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Generic, NamedTuple, TypeVar

from marketplace.matching.vocabulary import AGE_RANGES, HISTORY_STATUSES, KINDS, SCHEDULES


def _as_tuple(instance: object, *names: str) -> None:
    """Store list-like fields as tuples so facts stay hashable and immutable."""
    for name in names:
        value = getattr(instance, name)
        if not isinstance(value, tuple):
            object.__setattr__(instance, name, tuple(value or ()))


@dataclass(frozen=True, slots=True, kw_only=True)
class MissionFacts:
    """What the engine knows about one mission (whatever its status: the engine filters)."""

    id: int
    title: str
    description: str = ""
    skills: tuple[str, ...] = ()
    domain: str
    kind: str  # 'ponctual' | 'support' | 'leadership'
    association_id: int
    association_name: str = ""
    schedule: str  # 'one_off' | 'recurring'
    start_date: date | None = None
    end_date: date | None = None
    slots: tuple[str, ...] = ()  # recurring: weekly slots '{mon..sun}_{morning,afternoon,evening}'
    day_parts: tuple[str, ...] = ()  # one-off: 'morning' | 'afternoon' | 'evening'; () = unknown
    hours_per_week: float | None = None
    lat: float | None = None
    lon: float | None = None
    remote: bool = False
    min_age: int = 18
    max_age: int | None = None
    seats_left: int = 1
    status: str = "published"
    city: str = ""

    def __post_init__(self) -> None:
        _as_tuple(self, "skills", "slots", "day_parts")
        if self.kind not in KINDS:
            raise ValueError(f"unknown mission kind {self.kind!r}")
        if self.schedule not in SCHEDULES:
            raise ValueError(f"unknown schedule {self.schedule!r}")

    @property
    def located(self) -> bool:
        """Whether the mission has coordinates."""
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True, slots=True, kw_only=True)
class HistoryItem:
    """One accepted or completed application of the candidate."""

    mission_id: int
    association_id: int
    association_name: str = ""
    kind: str = "ponctual"
    schedule: str = "one_off"
    status: str = "completed"  # 'accepted' | 'completed'
    hours_done: float | None = None
    title: str = ""

    def __post_init__(self) -> None:
        if self.status not in HISTORY_STATUSES:
            raise ValueError(f"history status must be accepted or completed, not {self.status!r}")
        if self.kind not in KINDS:
            raise ValueError(f"unknown mission kind {self.kind!r}")
        if self.schedule not in SCHEDULES:
            raise ValueError(f"unknown schedule {self.schedule!r}")


@dataclass(frozen=True, slots=True, kw_only=True)
class CandidateFacts:
    """A volunteer's profile (or the anonymous answers of the assistant): only age_range is required."""

    age_range: str
    lat: float | None = None
    lon: float | None = None
    radius_km: float = 15.0
    remote_ok: bool = False
    slots: tuple[str, ...] = ()
    flexible: bool = False
    domains: tuple[str, ...] = ()
    skills: tuple[str, ...] = ()
    wanted_kinds: tuple[str, ...] = ()
    about: str = ""
    history: tuple[HistoryItem, ...] = ()
    avoid_domains: tuple[str, ...] = ()
    avoid_kinds: tuple[str, ...] = ()
    avoid_contexts: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        _as_tuple(self, "slots", "domains", "skills", "wanted_kinds", "history")
        if self.age_range not in AGE_RANGES:
            raise ValueError(f"unknown age range {self.age_range!r}")

    @property
    def located(self) -> bool:
        """Whether the candidate gave a location."""
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a mission is recommended: a stable machine code and its parameters (JSON-friendly)."""

    code: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """JSON shape: {"code": ..., "params": {...}}."""
        return {"code": self.code, "params": dict(self.params)}


@dataclass(frozen=True, slots=True)
class Recommendation:
    """One recommended mission, best first; ``distance_km`` is None when unknown or remote-only."""

    mission_id: int
    score: float
    reasons: tuple[Reason, ...]
    distance_km: float | None = None
    outside_request: tuple[str, ...] = ()


K = TypeVar("K", bound=Hashable)


class CandidateMatch(NamedTuple, Generic[K]):
    """One suggested candidate for a mission: (candidate_key, score, reasons)."""

    candidate_key: K
    score: float
    reasons: tuple[Reason, ...]
