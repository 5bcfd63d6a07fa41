"""Our 15 causes in API Engagement's 20-slug vocabulary (the export table of API-ENGAGEMENT.md).

Several of our causes fold into one of theirs; the ``activity`` and ``audience`` we add keep what
the fold would lose, so a reader (our own importer included) can tell them apart again.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TheirDomain:
    """Their domain slug, plus the activity slugs and audience labels that refine it."""

    domain: str
    activities: tuple[str, ...] = ()
    audiences: tuple[str, ...] = ()


EXPORT_DOMAINS: dict[str, TheirDomain] = {
    "solidarite-insertion": TheirDomain("solidarite-insertion"),
    "aide-alimentaire": TheirDomain(
        "solidarite-insertion", activities=("distribution", "collecte-de-produits")
    ),
    "seniors": TheirDomain(
        "solidarite-insertion", activities=("lutte-contre-isolement",), audiences=("Personnes âgées",)
    ),
    "handicap": TheirDomain("solidarite-insertion", audiences=("Personnes en situation de handicap",)),
    # « animation » tells youth work (centres de loisirs, camps) from schooling, also « Jeunes / enfants ».
    "enfance-jeunesse": TheirDomain("education", activities=("animation",), audiences=("Jeunes / enfants",)),
    "education": TheirDomain("education"),
    "sante": TheirDomain("sante"),
    "environnement": TheirDomain("environnement"),
    "animaux": TheirDomain("animaux"),
    "sport": TheirDomain("sport"),
    "numerique": TheirDomain("numerique"),
    "culture": TheirDomain("culture-loisirs"),
    "citoyennete": TheirDomain("memoire-et-citoyennete"),
    "urgence-secours": TheirDomain("prevention-protection", activities=("secourisme",)),
    "international": TheirDomain("humanitaire", activities=("mission-internationale",)),
}

# Their format has no mission kind: a responsibility (treasurer, board member) is their activity
# « responsabilites-associatives »; a one-off mission is told by its dates (endAt within the week).
KIND_ACTIVITIES: dict[str, tuple[str, ...]] = {"leadership": ("responsabilites-associatives",)}

# Their whole vocabulary: what their importer accepts (an unknown slug refuses the mission).
THEIR_DOMAIN_SLUGS = (
    "animaux",
    "autre",
    "benevolat-competences",
    "batiment-industrie-logistique",
    "communication",
    "culture-loisirs",
    "education",
    "emploi",
    "environnement",
    "gestion-finance-droit",
    "humanitaire",
    "memoire-et-citoyennete",
    "numerique",
    "prevention-protection",
    "recherche",
    "sante",
    "service-public-defense-securite",
    "solidarite-insertion",
    "sport",
    "vivre-ensemble",
)


def their_domain(our_slug: str) -> TheirDomain:
    """Their domain for one of our causes; an unknown one (never stored: a CHECK forbids it) is 'autre'."""
    return EXPORT_DOMAINS.get(our_slug, TheirDomain("autre"))
