"""Reason codes of the matching engine and their plain French rendering.

The engine returns ``Reason(code, params)``; the app renders them with gettext from the code and
the parameters (so English works too). ``render_reason_fr`` is the default French rendering used
by the API and the tests. Codes are part of the public contract: never rename one.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from marketplace.matching.pathway import NextStep, Stage
from marketplace.matching.types import Reason
from marketplace.matching.vocabulary import (
    DAY_LABELS_FR,
    DAY_PART_LABELS_FR,
    DOMAIN_LABELS_FR,
    KIND_LABELS_FR,
)

# Shown to a candidate about a mission.
AVAILABILITY = "availability"  # slots: [slot, ...], date: 'YYYY-MM-DD' | None
DISTANCE = "distance"  # km: float
REMOTE = "remote"  # {}
PATHWAY_ASSOCIATION = "pathway_association"  # association_name, times, kind, schedule, next_step
PATHWAY_NEXT_STEP = "pathway_next_step"  # step, stage, done, kind, schedule
SKILL = "skill"  # skills: [label, ...] as the mission wrote them
DOMAIN = "domain"  # domain: slug
TEXT = "text"  # terms: [word or phrase, ...] as the mission wrote them
KIND = "kind"  # kind: slug
MINORS_WELCOME = "minors_welcome"  # min_age: int
ELIGIBLE = "eligible"  # {} (fallback when nothing stands out)

# Shown to an association about a candidate ("Candidats suggérés").
CANDIDATE_AVAILABLE = "candidate_available"  # slots, date
CANDIDATE_DISTANCE = "candidate_distance"  # km
CANDIDATE_REMOTE = "candidate_remote"  # {}
CANDIDATE_HISTORY = "candidate_history"  # association_name, times
CANDIDATE_PATHWAY = "candidate_pathway"  # step, stage
CANDIDATE_SKILL = "candidate_skill"  # skills
CANDIDATE_DOMAIN = "candidate_domain"  # domain
CANDIDATE_TEXT = "candidate_text"  # terms
CANDIDATE_KIND = "candidate_kind"  # kind
CANDIDATE_ELIGIBLE = "candidate_eligible"  # {}

# Shown on a mission page about another mission ("Missions similaires").
SAME_ASSOCIATION = "same_association"  # association_name
SAME_DOMAIN = "same_domain"  # domain
SHARED_SKILL = "shared_skill"  # skills
NEARBY_MISSION = "nearby_mission"  # km
SIMILAR_TEXT = "similar_text"  # terms

# Candidate-view code -> association-view code, for rank_candidates.
FOR_ASSOCIATION: dict[str, str] = {
    AVAILABILITY: CANDIDATE_AVAILABLE,
    DISTANCE: CANDIDATE_DISTANCE,
    REMOTE: CANDIDATE_REMOTE,
    PATHWAY_ASSOCIATION: CANDIDATE_HISTORY,
    PATHWAY_NEXT_STEP: CANDIDATE_PATHWAY,
    SKILL: CANDIDATE_SKILL,
    DOMAIN: CANDIDATE_DOMAIN,
    TEXT: CANDIDATE_TEXT,
    KIND: CANDIDATE_KIND,
    MINORS_WELCOME: CANDIDATE_ELIGIBLE,
    ELIGIBLE: CANDIDATE_ELIGIBLE,
}

STAGE_LABELS_FR: dict[str, str] = {
    Stage.DISCOVERY: "Découverte",
    Stage.PONCTUAL: "Missions ponctuelles",
    Stage.REGULAR: "Engagement régulier",
    Stage.SKILLS: "Compétences partagées",
    Stage.LEADERSHIP: "Responsabilités",
}

_NUMBERS_FR = ("zéro", "une", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix")
_MONTHS_FR = (
    *("janvier", "février", "mars", "avril", "mai", "juin"),
    *("juillet", "août", "septembre", "octobre", "novembre", "décembre"),
)


def times_fr(count: int) -> str:
    """2 -> 'deux fois'."""
    return f"{_NUMBERS_FR[count] if 0 <= count < len(_NUMBERS_FR) else count} fois"


def slot_fr(slot: str) -> str:
    """'wed_afternoon' -> 'le mercredi après-midi'."""
    day, _, part = slot.partition("_")
    return f"le {DAY_LABELS_FR.get(day, day)} {DAY_PART_LABELS_FR.get(part, part)}"


def join_fr(items: list[str]) -> str:
    """['a', 'b', 'c'] -> 'a, b et c'."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} et {items[-1]}"


def date_fr(value: str) -> str:
    """'2025-06-14' -> '14 juin'."""
    day = date.fromisoformat(value)
    return f"{'1er' if day.day == 1 else day.day} {_MONTHS_FR[day.month - 1]}"


def domain_fr(slug: str) -> str:
    """'aide-alimentaire' -> 'aide alimentaire' (label with a lower-case initial)."""
    return _lower_initial(DOMAIN_LABELS_FR.get(slug, slug))


def _lower_initial(text: str) -> str:
    # 'Comptabilité' -> 'comptabilité', but 'SQL' and 'LSF' stay as written.
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def _km(value: float) -> str:
    if value < 1:
        return "moins d'un kilomètre"
    return f"{round(value)} km"


def _mission_phrase(kind: str, schedule: str) -> str:
    if kind in ("support", "leadership"):
        return f"cette mission {KIND_LABELS_FR[kind]}"
    return "cette mission régulière" if schedule == "recurring" else "cette mission"


def _availability(params: dict[str, Any]) -> str:
    text = join_fr([slot_fr(slot) for slot in params.get("slots", ())])
    if params.get("date"):
        text += f" ({date_fr(params['date'])})"
    return text


def _pathway_association(params: dict[str, Any], name: str) -> str:
    times = params.get("times", 0)
    text = f"Vous avez déjà aidé {name} {times_fr(times)}" if times > 0 else f"Vous aidez déjà {name}"
    if params.get("next_step", True):
        text += (
            f" : {_mission_phrase(params.get('kind', ''), params.get('schedule', ''))} est la suite logique"
        )
    return text


def _next_step_reason(params: dict[str, Any]) -> str:
    step = params.get("step")
    if step == "first_mission":
        return "Une mission ponctuelle, idéale pour une première expérience"
    if step == "go_regular":
        after = "votre première mission" if params.get("done", 0) <= 1 else "vos missions ponctuelles"
        return f"Après {after}, un engagement régulier est l'étape suivante"
    if step == "share_skills":
        return "Après un engagement régulier, partager vos compétences est l'étape suivante"
    if step == "take_responsibility":
        return "Après vos missions de soutien, prendre des responsabilités est l'étape suivante"
    return "Votre expérience peut guider d'autres bénévoles"


def _candidate_pathway(params: dict[str, Any]) -> str:
    step = params.get("step")
    if step == "go_regular":
        return "A déjà fait des missions ponctuelles : prêt(e) pour un engagement régulier"
    if step == "share_skills":
        return "Bénévole régulier(e) : prêt(e) à partager ses compétences"
    if step == "take_responsibility":
        return "A déjà partagé ses compétences : prêt(e) à prendre des responsabilités"
    if step == "first_mission":
        return "Cherche une première expérience de bénévolat"
    return "Bénévole expérimenté(e)"


def render_reason_fr(reason: Reason) -> str:
    """Plain French sentence for a reason ('Vous êtes disponible le mercredi après-midi')."""
    code, params = reason.code, dict(reason.params)
    terms = join_fr(list(params.get("terms", ())))
    skills = list(params.get("skills", ()))
    name = params.get("association_name") or "cette association"
    renderers = {
        AVAILABILITY: lambda: f"Vous êtes disponible {_availability(params)}",
        DISTANCE: lambda: f"À {_km(params['km'])} de chez vous",
        REMOTE: lambda: "À distance : vous pouvez agir de chez vous",
        PATHWAY_ASSOCIATION: lambda: _pathway_association(params, name),
        PATHWAY_NEXT_STEP: lambda: _next_step_reason(params),
        SKILL: lambda: (
            f"Compétence{'s' if len(skills) > 1 else ''} recherchée{'s' if len(skills) > 1 else ''} : "
            + join_fr([_lower_initial(skill) for skill in skills])
        ),
        DOMAIN: lambda: f"Dans un domaine qui vous intéresse : {domain_fr(params['domain'])}",
        TEXT: lambda: f"Proche de ce que vous recherchez : {terms}",
        KIND: lambda: (
            f"Une mission {KIND_LABELS_FR.get(params['kind'], params['kind'])}, comme vous le souhaitez"
        ),
        MINORS_WELCOME: lambda: f"Ouverte dès {params.get('min_age', 16)} ans",
        ELIGIBLE: lambda: "Ouverte à votre profil",
        CANDIDATE_AVAILABLE: lambda: f"Disponible {_availability(params)}",
        CANDIDATE_DISTANCE: lambda: f"Habite à {_km(params['km'])} de la mission",
        CANDIDATE_REMOTE: lambda: "Accepte les missions à distance",
        CANDIDATE_HISTORY: lambda: (
            f"A déjà aidé votre association {times_fr(params['times'])}"
            if params.get("times", 0) > 0
            else "Aide déjà votre association"
        ),
        CANDIDATE_PATHWAY: lambda: _candidate_pathway(params),
        CANDIDATE_SKILL: lambda: (
            f"Compétence{'s' if len(skills) > 1 else ''} : "
            + join_fr([_lower_initial(skill) for skill in skills])
        ),
        CANDIDATE_DOMAIN: lambda: f"S'intéresse à : {domain_fr(params['domain'])}",
        CANDIDATE_TEXT: lambda: f"Son profil évoque : {terms}",
        CANDIDATE_KIND: lambda: f"Cherche une mission {KIND_LABELS_FR.get(params['kind'], params['kind'])}",
        CANDIDATE_ELIGIBLE: lambda: "Profil compatible avec la mission",
        SAME_ASSOCIATION: lambda: f"Proposée aussi par {name}",
        SAME_DOMAIN: lambda: f"Même domaine : {domain_fr(params['domain'])}",
        SHARED_SKILL: lambda: (
            f"Compétence{'s' if len(skills) > 1 else ''} en commun : "
            + join_fr([_lower_initial(skill) for skill in skills])
        ),
        NEARBY_MISSION: lambda: f"À {_km(params['km'])} de cette mission",
        SIMILAR_TEXT: lambda: f"Sur des thèmes proches : {terms}",
    }
    renderer = renderers.get(code)
    if renderer is None:
        raise ValueError(f"unknown reason code {code!r}")
    return renderer()


def render_next_step_fr(step: NextStep) -> str:
    """Dashboard sentence for the next step of the pathway."""
    return {
        "first_mission": "Prochaine étape : une première mission ponctuelle, pour découvrir",
        "go_regular": "Prochaine étape : un engagement régulier, de préférence auprès d'une association "
        "que vous avez déjà aidée",
        "share_skills": "Prochaine étape : une mission de soutien où vos compétences sont utiles",
        "take_responsibility": "Prochaine étape : une mission de responsabilité (coordination, trésorerie, "
        "encadrement d'équipe)",
        "pass_it_on": "Prochaine étape : transmettre votre expérience en accueillant de nouveaux bénévoles",
    }[step.code]
