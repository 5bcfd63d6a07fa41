"""Plain values exchanged with the search engines: what is indexed, asked and returned.

No Flask or SQLAlchemy here: services build ``MissionDocument`` objects from missions and
views build a ``SearchQuery`` from the request. The vocabulary comes from the plain
``marketplace.reference.slugs``. The constants both backends (Whoosh and PostgreSQL) share
live here too, so that neither imports the other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from marketplace.reference.slugs import (
    AGE_RANGES,
    DAY_PART_SLUGS,
    DAY_SLUGS,
    DOMAIN_SLUGS,
    MISSION_KIND_SLUGS,
    SCHEDULE_SLUGS,
    SLOTS,
)

SORTS: tuple[str, ...] = ("relevance", "date", "distance")
MAX_PER_PAGE = 100
# Both backends: the width of a description's highlighted snippet, and what an age range means.
SNIPPET_CHARS = 200
NO_MAX_AGE = 255  # a mission without an upper age limit
AGE_BOUNDS: dict[str, tuple[int, int]] = {
    "16-17": (16, 16),
    "18-25": (18, 25),
    "26-35": (26, 35),
    "36-50": (36, 50),
    "51-65": (51, 65),
    "66+": (66, NO_MAX_AGE),
}  # "16-17" only fits missions open from 16: min_age <= 16


def _unknown(values: tuple[str, ...], allowed: tuple[str, ...]) -> list[str]:
    return [value for value in values if value not in allowed]


@dataclass(frozen=True)
class MissionDocument:
    """One published mission as the search engine sees it."""

    id: int
    title: str
    description: str
    skills: tuple[str, ...]
    domain: str
    kind: str
    association_id: int
    association_name: str
    city: str
    postcode: str
    lat: float | None
    lon: float | None
    remote: bool
    schedule: str
    start_date: date | None
    end_date: date | None
    slots: tuple[str, ...]
    min_age: int
    max_age: int | None
    seats_left: int
    published_at: datetime | None
    day_parts: tuple[str, ...] = ()  # one-off: parts of the day (DAY_PART_SLUGS); empty = not said

    def __post_init__(self) -> None:
        if self.domain not in DOMAIN_SLUGS:
            raise ValueError(f"unknown domain {self.domain!r}")
        if self.kind not in MISSION_KIND_SLUGS:
            raise ValueError(f"unknown mission kind {self.kind!r}")
        if self.schedule not in SCHEDULE_SLUGS:
            raise ValueError(f"unknown schedule {self.schedule!r}")
        if bad := _unknown(self.slots, SLOTS):
            raise ValueError(f"unknown slots {bad!r}")
        if bad := _unknown(self.day_parts, DAY_PART_SLUGS):
            raise ValueError(f"unknown day parts {bad!r}")
        if (self.lat is None) != (self.lon is None):
            raise ValueError("lat and lon go together")


def one_off_slots(doc: MissionDocument) -> tuple[str, ...]:
    """The weekly slots a one-off mission covers: its dates' weekdays × its parts of the day.

    Every part of those days when it says none; nothing for a recurring mission or one
    without a date (both backends treat that as "flexible").
    """
    if doc.schedule != "one_off" or doc.start_date is None:
        return ()
    span = 0 if doc.end_date is None else min(max((doc.end_date - doc.start_date).days, 0), 6)
    weekdays = sorted({(doc.start_date + timedelta(days=offset)).weekday() for offset in range(span + 1)})
    parts = [part for part in DAY_PART_SLUGS if part in doc.day_parts] or DAY_PART_SLUGS
    return tuple(f"{DAY_SLUGS[weekday]}_{part}" for weekday in weekdays for part in parts)


@dataclass(frozen=True)
class SearchQuery:
    """What a visitor asks for: words, filters, order and page."""

    q: str = ""
    domains: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    lat: float | None = None
    lon: float | None = None
    radius_km: float | None = None
    include_remote: bool = True
    age_range: str | None = None
    slots: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    with_seats: bool = True
    sort: str = "relevance"
    page: int = 1
    per_page: int = 20
    # Only these missions (a widget's territory or network members); None means no restriction.
    mission_ids: frozenset[int] | None = None

    def __post_init__(self) -> None:
        if bad := _unknown(self.domains, DOMAIN_SLUGS):
            raise ValueError(f"unknown domains {bad!r}")
        if bad := _unknown(self.kinds, MISSION_KIND_SLUGS):
            raise ValueError(f"unknown mission kinds {bad!r}")
        if bad := _unknown(self.slots, SLOTS):
            raise ValueError(f"unknown slots {bad!r}")
        if self.age_range is not None and self.age_range not in AGE_RANGES:
            raise ValueError(f"unknown age range {self.age_range!r}")
        if self.sort not in SORTS:
            raise ValueError(f"unknown sort {self.sort!r}")
        if (self.lat is None) != (self.lon is None):
            raise ValueError("lat and lon go together")
        if self.radius_km is not None and (self.lat is None or self.radius_km < 0):
            raise ValueError("radius_km needs lat/lon and must not be negative")
        if self.page < 1 or not 1 <= self.per_page <= MAX_PER_PAGE:
            raise ValueError(f"page must be >= 1 and per_page within 1..{MAX_PER_PAGE}")

    @property
    def has_location(self) -> bool:
        """True when a reference point was given."""
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True)
class SearchHit:
    """One mission in a result page; ``highlights`` holds HTML-safe snippets by field."""

    id: int
    score: float
    distance_km: float | None = None
    highlights: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class SearchResult:
    """One page of hits with the total, facet counts and an optional spelling suggestion."""

    hits: list[SearchHit]
    total: int
    page: int
    per_page: int
    facets: dict[str, dict[str, int]]
    suggestion: str | None = None

    @property
    def pages(self) -> int:
        """Number of pages for ``total`` hits."""
        return max(1, -(-self.total // self.per_page))
