"""The fixed vocabulary as plain Python: slugs, French labels and the age rule.

No Flask, no gettext: the pure engines (search, matching) import it directly, and
``vocabularies`` adds the translated labels for the app on top of it.
"""

from __future__ import annotations

MISSION_KIND_SLUGS: tuple[str, ...] = ("ponctual", "support", "leadership")
SCHEDULE_SLUGS: tuple[str, ...] = ("one_off", "recurring")
DAY_SLUGS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # index == date.weekday()
DAY_PART_SLUGS: tuple[str, ...] = ("morning", "afternoon", "evening")
SLOTS: tuple[str, ...] = tuple(f"{day}_{part}" for day in DAY_SLUGS for part in DAY_PART_SLUGS)
AGE_RANGES: tuple[str, ...] = ("16-17", "18-25", "26-35", "36-50", "51-65", "66+")
MINIMUM_AGE = 16

# French labels, fixed: the public API returns them whatever the request language.
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
DOMAIN_SLUGS: tuple[str, ...] = tuple(DOMAIN_LABELS_FR)


def age_range_bounds(age_range: str) -> tuple[int, int | None]:
    """'26-35' -> (26, 35); '66+' -> (66, None)."""
    if age_range.endswith("+"):
        return int(age_range[:-1]), None
    low, high = age_range.split("-")
    return int(low), int(high)


def age_range_allowed(age_range: str, min_age: int, max_age: int | None) -> bool:
    """Whether someone in ``age_range`` may apply to a mission with these age limits.

    Minors are the strict case: ``16-17`` passes only where ``min_age`` <= 16. Adult
    ranges pass when they overlap the mission's limits (we never know the exact age).
    """
    low, high = age_range_bounds(age_range)
    if low < 18:
        return min_age <= MINIMUM_AGE and (max_age is None or max_age >= low)
    if high is not None and high < min_age:
        return False
    return max_age is None or low <= max_age
