"""Fixed vocabularies the matching engine needs, as plain Python (no Flask, no gettext).

The slugs, French domain labels and the age rule come from the plain
``marketplace.reference.slugs``; the names below are the engine's own.
"""

from __future__ import annotations

from marketplace.reference.slugs import (  # noqa: F401  (re-exported for the engine)
    AGE_RANGES,
    DOMAIN_LABELS_FR,
    DOMAIN_SLUGS,
    MINIMUM_AGE,
    SLOTS,
    age_range_allowed,
    age_range_bounds,
)
from marketplace.reference.slugs import DAY_PART_SLUGS as DAY_PARTS  # noqa: F401
from marketplace.reference.slugs import DAY_SLUGS as DAYS  # noqa: F401  (index == date.weekday())
from marketplace.reference.slugs import MISSION_KIND_SLUGS as KINDS  # noqa: F401
from marketplace.reference.slugs import SCHEDULE_SLUGS as SCHEDULES  # noqa: F401

HISTORY_STATUSES: tuple[str, ...] = ("accepted", "completed")
DOMAINS: tuple[str, ...] = DOMAIN_SLUGS

KIND_LABELS_FR: dict[str, str] = {
    "ponctual": "ponctuelle",
    "support": "de soutien",
    "leadership": "de responsabilité",
}

DAY_LABELS_FR: dict[str, str] = {
    "mon": "lundi",
    "tue": "mardi",
    "wed": "mercredi",
    "thu": "jeudi",
    "fri": "vendredi",
    "sat": "samedi",
    "sun": "dimanche",
}
DAY_PART_LABELS_FR: dict[str, str] = {"morning": "matin", "afternoon": "après-midi", "evening": "soir"}

_SLOT_BIT: dict[str, int] = {slot: 1 << index for index, slot in enumerate(SLOTS)}


def slot_bit(slot: str) -> int:
    """Bit of one weekly slot in a 21-bit availability mask (0 for an unknown slot)."""
    return _SLOT_BIT.get(slot, 0)


def slots_mask(slots: object) -> int:
    """21-bit mask of a collection of weekly slots; unknown values are ignored."""
    mask = 0
    for slot in slots or ():  # type: ignore[attr-defined]
        mask |= _SLOT_BIT.get(slot, 0)
    return mask


def mask_slots(mask: int) -> tuple[str, ...]:
    """The weekly slots of a mask, Monday morning first."""
    return tuple(slot for slot in SLOTS if mask & _SLOT_BIT[slot])
