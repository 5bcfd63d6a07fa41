"""Why a mission is recommended: reasons built from the features that added most to the score,
and ``reason_holds``, which checks a reason against the facts it states (pure).

Every reason says something true about the pair: the checker re-derives each claim from the
mission and the candidate alone (no engine state), and a test runs it on every reason of many
generated pairs.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

import numpy as np

from marketplace.matching import reasons as R
from marketplace.matching.pathway import leadership_open, next_step, stage_of
from marketplace.matching.refusals import read_refusals
from marketplace.matching.store import skill_matches
from marketplace.matching.text import analyze_words, candidate_text, skill_key, surface_forms
from marketplace.matching.types import CandidateFacts, MissionFacts, Reason
from marketplace.matching.vocabulary import DAY_PARTS, DAYS, DOMAIN_LABELS_FR, SLOTS, age_range_bounds
from marketplace.reference.contexts import mission_contexts
from marketplace.reference.distance import haversine_km

if TYPE_CHECKING:
    from marketplace.matching.context import Context

# Words of each domain label: the domain reason already says them, the text reason should not.
DOMAIN_WORDS = {slug: frozenset(analyze_words(label)) for slug, label in DOMAIN_LABELS_FR.items()}
# Words that carry weight in the cosine but explain nothing on their own ("Proche de ce que vous
# recherchez : aider"); they still show inside a phrase ("aider les enfants" -> "aider enfant").
VAGUE_WORDS = frozenset(
    (
        *("aide", "aider", "action", "association", "benevole", "benevolat", "besoin", "donner"),
        *("envie", "equipe", "faire", "mettre", "mission", "moment", "partager", "passer"),
        *("personne", "place", "prendre", "rendez", "rendre", "temps", "tenir", "travail", "utile"),
        "venir",
    )
)


class Explainer:
    """Picks the shared words that explain a cosine, for one query text (built once per request).

    Terms go by decreasing contribution to the cosine (query weight × mission weight); a term
    adding less than ``MIN_SHARE`` of the cosine is not worth showing. A word that also appears in
    a shared phrase is shown as the phrase ("soutien scolaire" rather than "scolaire"), no word is
    shown twice, and vague words alone or words another reason already gives are skipped. Words
    are shown as the query text wrote them.
    """

    LIMIT = 3
    MIN_SHARE = 0.1

    def __init__(self, terms: Sequence[str], weights: np.ndarray, text: str) -> None:
        self.terms = terms
        self.weights = weights
        self.text = text
        self.words = [term.split() for term in terms]
        self.phrases_with: dict[str, list[int]] = {}
        for position, words in enumerate(self.words):
            if len(words) > 1:
                for word in words:
                    self.phrases_with.setdefault(word, []).append(position)
        self._forms: dict[str, str] | None = None

    def pick(self, term_weights: np.ndarray, skip_words: Collection[str] = ()) -> list[str]:
        """Up to three terms shared with a row whose weights of the query terms are ``term_weights``."""
        contributions = self.weights * term_weights
        present = np.flatnonzero(contributions > 0)
        if not present.size:
            return []
        values = contributions[present].tolist()
        positions = present.tolist()
        value_of = dict(zip(positions, values, strict=True))
        floor = self.MIN_SHARE * sum(values)
        chosen: list[str] = []
        used: set[str] = set()
        for value, position in sorted(zip(values, positions, strict=True), reverse=True):
            if value < floor:
                break
            words = self.words[position]
            if len(words) == 1:
                best, best_value = position, 0.0
                for phrase in self.phrases_with.get(words[0], ()):
                    phrase_value = value_of.get(phrase, 0.0)
                    if phrase_value > best_value and not used.intersection(self.words[phrase]):
                        best, best_value = phrase, phrase_value
                position, words = best, self.words[best]
            if used.intersection(words) or any(word in skip_words for word in words):
                continue
            if len(words) == 1 and words[0] in VAGUE_WORDS:
                continue
            chosen.append(self.terms[position])
            used.update(words)
            if len(chosen) == self.LIMIT:
                break
        if not chosen:
            return []
        if self._forms is None:
            self._forms = surface_forms(self.text, self.terms)
        return [self._forms.get(term, term) for term in chosen]


# --- the reasons of a recommendation -----------------------------------------------------------


def mission_slots_on(mission: MissionFacts, day: date) -> set[str]:
    """Weekly slots a one-off mission takes on ``day``, when its parts of the day are known."""
    weekday = DAYS[day.weekday()]
    parts = set(mission.day_parts) & set(DAY_PARTS)
    slots = {f"{weekday}_{part}" for part in parts}
    slots |= {slot for slot in mission.slots if slot.startswith(f"{weekday}_")}
    return slots


def mission_dates(mission: MissionFacts) -> list[date]:
    """Every date of a one-off mission, start to end inclusive ([] without a start)."""
    if mission.start_date is None:
        return []
    last = mission.end_date or mission.start_date
    return [mission.start_date + timedelta(days=k) for k in range((last - mission.start_date).days + 1)]


def availability_params(
    mission: MissionFacts, candidate_slots: Collection[str], today: date
) -> dict[str, Any] | None:
    """{"slots", "date"} of a true availability reason, or None when none can be said.

    Recurring: the shared weekly slots (two at most). One-off: the first date from today on (any
    date if all are past) on which one of its known slots is free, and those slots of that day.
    """
    free = set(candidate_slots)
    if mission.schedule == "recurring":
        shared = [slot for slot in SLOTS if slot in free and slot in mission.slots]
        return {"slots": shared[:2], "date": None} if shared else None
    days = mission_dates(mission)
    ordered = [d for d in days if d >= today] + [d for d in days if d < today]
    for day in ordered:
        shared = [slot for slot in SLOTS if slot in free and slot in mission_slots_on(mission, day)]
        if shared:
            return {"slots": shared[:2], "date": day.isoformat()}
    return None


def recommendation_reasons(
    ctx: Context,
    mission: MissionFacts,
    contributions: dict[str, float],
    *,
    distance_km: float,
    step_match: bool,
    helped: bool,
    term_weights: np.ndarray,
    today: date,
    reason_min_contribution: float,
    minors_priority: float,
) -> tuple[Reason, ...]:
    """One to three reasons, the features that added most to this score first.

    ``contributions`` is weight × value per feature name for this pair.
    """
    candidate = ctx.candidate
    found: list[tuple[float, Reason | None]] = []  # None: the text reason, built only if chosen
    if contributions.get("pathway", 0.0) > 0:
        contribution = contributions["pathway"]
        if helped:
            params = {
                "association_name": mission.association_name
                or ctx.helped_names.get(mission.association_id, ""),
                "times": ctx.completed_by_assoc.get(mission.association_id, 0),
                "kind": mission.kind,
                "schedule": mission.schedule,
                "next_step": bool(step_match),
            }
            found.append((contribution, Reason(R.PATHWAY_ASSOCIATION, params)))
        elif step_match:
            params = {
                "step": ctx.step.code,
                "stage": str(ctx.stage),
                "done": ctx.done,
                "kind": mission.kind,
                "schedule": mission.schedule,
            }
            found.append((contribution, Reason(R.PATHWAY_NEXT_STEP, params)))
    skill_words: set[str] = set()
    if contributions.get("skills", 0.0) > 0:
        matched = skill_matches(mission.skills, ctx.skill_keys)
        if matched:
            found.append((contributions["skills"], Reason(R.SKILL, {"skills": matched[:3]})))
            skill_words = {word for label in matched for word in skill_key(label).split()}
    if contributions.get("domain", 0.0) > 0:
        found.append((contributions["domain"], Reason(R.DOMAIN, {"domain": mission.domain})))
        skill_words |= DOMAIN_WORDS.get(mission.domain, frozenset())
    if contributions.get("availability", 0.0) > 0 and candidate.slots:
        when = availability_params(mission, candidate.slots, today)
        if when is not None:
            found.append((contributions["availability"], Reason(R.AVAILABILITY, when)))
    if (
        candidate.located
        and mission.located
        and not np.isnan(distance_km)
        and distance_km <= candidate.radius_km
    ):
        km = round(float(distance_km), 1)
        found.append((contributions.get("distance", 0.0), Reason(R.DISTANCE, {"km": km})))
    elif mission.remote and candidate.remote_ok:
        found.append((contributions.get("distance", 0.0), Reason(R.REMOTE, {})))
    if contributions.get("kind", 0.0) > 0:
        found.append((contributions["kind"], Reason(R.KIND, {"kind": mission.kind})))
    if contributions.get("text", 0.0) > 0:
        found.append((contributions["text"], None))
    if candidate.age_range == "16-17":
        found.append((minors_priority, Reason(R.MINORS_WELCOME, {"min_age": mission.min_age})))
    found.sort(key=lambda pair: -pair[0])
    chosen: list[Reason] = []
    for contribution, reason in found:
        if len(chosen) == 3 or (chosen and contribution < reason_min_contribution):
            break
        if reason is None:
            terms = ctx.explainer.pick(term_weights, skill_words)
            if not terms:
                continue
            reason = Reason(R.TEXT, {"terms": terms})
        chosen.append(reason)
    return tuple(chosen) or (Reason(R.ELIGIBLE, {}),)


# --- the checker ------------------------------------------------------------------------------


def eligible(mission: MissionFacts, candidate: CandidateFacts, today: date) -> bool:
    """The hard filters of tests/data/matching/README.md, written plainly (the engine's masks must agree)."""
    if mission.status != "published" or mission.seats_left <= 0:
        return False
    last = mission.end_date or (mission.start_date if mission.schedule == "one_off" else None)
    if last is not None and last < today:
        return False
    if any(
        item.mission_id == mission.id
        for item in candidate.history
        if item.status in ("accepted", "completed")
    ):
        return False
    return profile_fits(mission, candidate) and available(mission, candidate)


def profile_fits(mission: MissionFacts, candidate: CandidateFacts) -> bool:
    """The person-side rules but the weekly hours: place, whole age range, kind gating, avoided."""
    if not place_ok(mission, candidate):
        return False
    low, high = age_range_bounds(candidate.age_range)
    if mission.min_age > (16 if low < 18 else low):
        return False
    if mission.max_age is not None and (high is None or high > mission.max_age):
        return False
    history = [i for i in candidate.history if i.status in ("accepted", "completed")]
    if mission.kind == "leadership" and not leadership_open(stage_of(history), candidate.wanted_kinds):
        return False
    if mission.domain in candidate.avoid_domains or mission.kind in candidate.avoid_kinds:
        return False
    contexts = mission_contexts(
        mission.title, mission.description, mission.skills, mission.domain, mission.kind, mission.remote
    )
    return not contexts & {*candidate.avoid_contexts, *read_refusals(candidate.about)[1]}


def place_ok(mission: MissionFacts, candidate: CandidateFacts) -> bool:
    """Remote for who accepts remote, else within the radius (unknown on-site places are kept)."""
    if mission.remote and candidate.remote_ok:
        return True
    if not mission.located:
        return not mission.remote
    if not candidate.located:
        return True
    assert mission.lat is not None and mission.lon is not None
    assert candidate.lat is not None and candidate.lon is not None
    return haversine_km(candidate.lat, candidate.lon, mission.lat, mission.lon) <= candidate.radius_km


def available(mission: MissionFacts, candidate: CandidateFacts) -> bool:
    """The availability rule (only with weekly slots given and not flexible)."""
    free = set(candidate.slots) & set(SLOTS)
    if not free or candidate.flexible:
        return True
    if mission.schedule == "recurring":
        return not (set(mission.slots) & set(SLOTS)) or bool(free & set(mission.slots))
    if mission.start_date is None:
        return True
    days = mission_dates(mission)[:7]  # seven days cover every weekday
    known = set().union(*(mission_slots_on(mission, day) for day in days))
    slots = known or {f"{DAYS[day.weekday()]}_{part}" for day in days for part in DAY_PARTS}
    return bool(free & slots)


def _words(text: str) -> set[str]:
    return set(analyze_words(text))


def _text_of(mission: MissionFacts) -> set[str]:
    return _words(
        " ".join(
            (
                mission.title,
                mission.description,
                " ".join(mission.skills),
                DOMAIN_LABELS_FR.get(mission.domain, ""),
            )
        )
    )


def _history_counts(candidate: CandidateFacts) -> tuple[set[int], dict[int, int]]:
    engaged = [i for i in candidate.history if i.status in ("accepted", "completed")]
    counts: dict[int, int] = {}
    for item in engaged:
        if item.status == "completed":
            counts[item.association_id] = counts.get(item.association_id, 0) + 1
    return {i.association_id for i in engaged}, counts


def _step_matches(step_code: str, mission: MissionFacts) -> bool:
    if step_code == "first_mission":
        return mission.kind == "ponctual" and mission.schedule == "one_off"
    if step_code == "go_regular":
        return mission.schedule == "recurring"
    if step_code == "share_skills":
        return mission.kind == "support"
    return mission.kind == "leadership"


def reason_holds(reason: Reason, mission: MissionFacts, candidate: CandidateFacts, today: date) -> bool:
    """Whether what ``reason`` states about this mission and this candidate is true.

    Works for the candidate's codes and the association's (``candidate_*``) alike.
    """
    code = {value: key for key, value in R.FOR_ASSOCIATION.items()}.get(reason.code, reason.code)
    if reason.code == R.CANDIDATE_ELIGIBLE:
        code = R.ELIGIBLE
    p = dict(reason.params)
    if code == R.AVAILABILITY:
        slots = list(p.get("slots", ()))
        if not slots or not set(slots) <= set(candidate.slots):
            return False
        if mission.schedule == "recurring":
            return p.get("date") is None and set(slots) <= set(mission.slots)
        if not p.get("date"):
            return False
        day = date.fromisoformat(p["date"])
        return day in mission_dates(mission) and set(slots) <= mission_slots_on(mission, day)
    if code == R.DISTANCE:
        if not (mission.located and candidate.located):
            return False
        assert mission.lat is not None and mission.lon is not None
        assert candidate.lat is not None and candidate.lon is not None
        km = haversine_km(candidate.lat, candidate.lon, mission.lat, mission.lon)
        return abs(km - float(p["km"])) <= 0.051 and km <= candidate.radius_km
    if code == R.REMOTE:
        return mission.remote and candidate.remote_ok
    if code == R.PATHWAY_ASSOCIATION:
        helped, counts = _history_counts(candidate)
        if mission.association_id not in helped or p.get("times", 0) != counts.get(mission.association_id, 0):
            return False
        if p.get("next_step"):
            return _step_matches(next_step(stage_of(candidate.history)).code, mission)
        return True
    if code == R.PATHWAY_NEXT_STEP:
        step = next_step(stage_of(candidate.history))
        if p.get("step") != step.code or not _step_matches(step.code, mission):
            return False
        return not candidate.wanted_kinds or mission.kind in candidate.wanted_kinds
    if code == R.SKILL:
        keys = {key for key in (skill_key(s) for s in candidate.skills) if key}
        matched = set(skill_matches(mission.skills, keys))
        return bool(p.get("skills")) and set(p["skills"]) <= matched
    if code == R.DOMAIN:
        return p.get("domain") == mission.domain and mission.domain in candidate.domains
    if code == R.TEXT:
        terms = list(p.get("terms", ()))
        if not terms:
            return False
        mission_words = _text_of(mission)
        done = [i.title for i in candidate.history if i.status == "completed"]
        candidate_words = _words(candidate_text(candidate.about, candidate.skills, candidate.domains, done))
        return all(_words(term) and _words(term) <= mission_words & candidate_words for term in terms)
    if code == R.KIND:
        return p.get("kind") == mission.kind and mission.kind in candidate.wanted_kinds
    if code == R.MINORS_WELCOME:
        return (
            candidate.age_range == "16-17" and mission.min_age <= 16 and p.get("min_age") == mission.min_age
        )
    if code == R.ELIGIBLE:
        return profile_fits(mission, candidate)
    raise ValueError(f"no checker for reason code {reason.code!r}")


def checked_codes() -> frozenset[str]:
    """Every candidate- and association-side code ``reason_holds`` checks."""
    return frozenset(R.FOR_ASSOCIATION) | frozenset(R.FOR_ASSOCIATION.values())
