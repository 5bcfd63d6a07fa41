"""Fixed vocabularies shared by the models, forms, API and engines.

The slugs are part of the public contract (API, imports): never rename one.
Labels are wrapped with ``lazy_gettext`` so they follow the user's language,
while the pure engines only ever see the slugs.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l


@dataclass(frozen=True)
class Choice:
    slug: str
    label: object  # a lazy string: str(label) gives the current language


def _choices(*pairs: tuple[str, object]) -> tuple[Choice, ...]:
    return tuple(Choice(slug, label) for slug, label in pairs)


MISSION_KINDS = _choices(
    ("ponctual", _l("One-off")),
    ("support", _l("Support")),
    ("leadership", _l("Responsibility")),
)

MISSION_KIND_DESCRIPTIONS = {
    "ponctual": _l("An event, a collection, a day in the field."),
    "support": _l("Lend your skills: accounting, communication, IT, admin."),
    "leadership": _l("Take responsibility: treasurer, coordinator, board member."),
}

DOMAINS = _choices(
    ("solidarite-insertion", _l("Solidarity and inclusion")),
    ("aide-alimentaire", _l("Food aid")),
    ("education", _l("Education and tutoring")),
    ("sante", _l("Health")),
    ("seniors", _l("Elderly people")),
    ("enfance-jeunesse", _l("Childhood and youth")),
    ("handicap", _l("Disability")),
    ("environnement", _l("Environment")),
    ("animaux", _l("Animal protection")),
    ("culture", _l("Culture and leisure")),
    ("sport", _l("Sport")),
    ("citoyennete", _l("Citizenship and rights")),
    ("urgence-secours", _l("Emergency and rescue")),
    ("numerique", _l("Digital inclusion")),
    ("international", _l("International solidarity")),
)

# French labels, fixed: the public API returns them whatever the request language.
DOMAIN_LABELS_FR = {
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

DAYS = _choices(
    ("mon", _l("Monday")),
    ("tue", _l("Tuesday")),
    ("wed", _l("Wednesday")),
    ("thu", _l("Thursday")),
    ("fri", _l("Friday")),
    ("sat", _l("Saturday")),
    ("sun", _l("Sunday")),
)

DAY_PARTS = _choices(
    ("morning", _l("morning")),
    ("afternoon", _l("afternoon")),
    ("evening", _l("evening")),
)

SLOTS: tuple[str, ...] = tuple(f"{day.slug}_{part.slug}" for day in DAYS for part in DAY_PARTS)

AGE_RANGES: tuple[str, ...] = ("16-17", "18-25", "26-35", "36-50", "51-65", "66+")
MINIMUM_AGE = 16

SCHEDULES = _choices(
    ("one_off", _l("One-off (a date or a date range)")),
    ("recurring", _l("Recurring (weekly slots)")),
)

MISSION_STATUSES = ("draft", "pending_review", "published", "closed", "cancelled")
APPLICATION_STATUSES = ("pending", "in_review", "accepted", "declined", "withdrawn", "completed")
# An application in one of these states holds (or may soon hold) a seat; at most one per
# candidate and mission, enforced by a partial unique index.
ACTIVE_APPLICATION_STATUSES = ("pending", "in_review", "accepted")
DECLINE_REASONS = ("requirements_not_met", "mission_full", "no_longer_available", "other")

ROLES = ("candidate", "association", "network_admin", "site_admin")
MEMBERSHIP_ROLES = ("owner", "member")

MISSION_KIND_SLUGS = tuple(c.slug for c in MISSION_KINDS)
DOMAIN_SLUGS = tuple(c.slug for c in DOMAINS)
SCHEDULE_SLUGS = tuple(c.slug for c in SCHEDULES)


def label_for(choices: tuple[Choice, ...], slug: str) -> object:
    """Return the (lazy) label for a slug, or the slug itself when unknown."""
    for choice in choices:
        if choice.slug == slug:
            return choice.label
    return slug


def slot_label(slot: str) -> str:
    """'wed_afternoon' -> 'Wednesday afternoon' in the current language."""
    day, _, part = slot.partition("_")
    return f"{label_for(DAYS, day)} {label_for(DAY_PARTS, part)}"


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
