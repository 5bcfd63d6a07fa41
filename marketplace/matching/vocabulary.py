"""Fixed vocabularies the matching engine needs, as plain Python (no Flask, no gettext).

They mirror ``marketplace.reference.vocabularies`` (which wraps labels with ``lazy_gettext`` and
therefore imports Flask-Babel); a unit test checks that both stay in step.
"""

from __future__ import annotations

KINDS: tuple[str, ...] = ("ponctual", "support", "leadership")
SCHEDULES: tuple[str, ...] = ("one_off", "recurring")
AGE_RANGES: tuple[str, ...] = ("16-17", "18-25", "26-35", "36-50", "51-65", "66+")
MINIMUM_AGE = 16
HISTORY_STATUSES: tuple[str, ...] = ("accepted", "completed")

# French labels, fixed: they feed the TF-IDF text and the French reasons.
DOMAIN_LABELS_FR: dict[str, str] = {
    "solidarite-insertion": "Solidarité et insertion",
    "aide-alimentaire": "Aide alimentaire",
    "education": "Éducation et soutien scolaire",
    "sante": "Santé",
    "seniors": "Personnes âgées",
    "enfance-jeunesse": "Enfance et jeunesse",
    "handicap": "Handicap",
    "environnement": "Environnement",
    "animaux": "Protection animale",
    "culture": "Culture et loisirs",
    "sport": "Sport",
    "citoyennete": "Citoyenneté et droits",
    "urgence-secours": "Urgence et secours",
    "numerique": "Inclusion numérique",
    "international": "Solidarité internationale",
}
DOMAINS: tuple[str, ...] = tuple(DOMAIN_LABELS_FR)

KIND_LABELS_FR: dict[str, str] = {
    "ponctual": "ponctuelle",
    "support": "de soutien",
    "leadership": "de responsabilité",
}

DAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # index == date.weekday()
DAY_PARTS: tuple[str, ...] = ("morning", "afternoon", "evening")
SLOTS: tuple[str, ...] = tuple(f"{day}_{part}" for day in DAYS for part in DAY_PARTS)
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


def age_range_bounds(age_range: str) -> tuple[int, int | None]:
    """'26-35' -> (26, 35); '66+' -> (66, None)."""
    if age_range.endswith("+"):
        return int(age_range[:-1]), None
    low, high = age_range.split("-")
    return int(low), int(high)


def age_range_allowed(age_range: str, min_age: int, max_age: int | None) -> bool:
    """Whether someone in ``age_range`` may take a mission with these age limits.

    ``16-17`` passes only where ``min_age`` <= 16; adult ranges pass when they overlap
    ``[min_age, max_age]`` (we never know the exact age).
    """
    low, high = age_range_bounds(age_range)
    if low < 18:
        return min_age <= MINIMUM_AGE and (max_age is None or max_age >= low)
    if high is not None and high < min_age:
        return False
    return max_age is None or low <= max_age
