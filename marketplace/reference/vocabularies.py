"""Fixed vocabularies shared by the models, forms, API and engines.

The slugs are part of the public contract (API, imports): never rename one.
Labels are wrapped with ``lazy_gettext`` so they follow the user's language,
while the pure engines only ever see the slugs.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from marketplace.reference.slugs import (  # noqa: F401  (re-exported for the app)
    AGE_RANGES,
    DOMAIN_LABELS_FR,
    DOMAIN_SLUGS,
    MINIMUM_AGE,
    MISSION_KIND_SLUGS,
    SCHEDULE_SLUGS,
    SLOTS,
    age_range_allowed,
    age_range_bounds,
)
from marketplace.statuses import ACTIVE_APPLICATION_STATUSES, ApplicationStatus, MissionStatus  # noqa: F401  (re-exported)


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


SCHEDULES = _choices(
    ("one_off", _l("One-off (a date or a date range)")),
    ("recurring", _l("Recurring (weekly slots)")),
)

MISSION_STATUSES = tuple(MissionStatus)
APPLICATION_STATUSES = tuple(ApplicationStatus)
DECLINE_REASONS = ("requirements_not_met", "mission_full", "no_longer_available", "other")

ROLES = ("candidate", "association", "network_admin", "site_admin")
MEMBERSHIP_ROLES = ("owner", "member")


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
