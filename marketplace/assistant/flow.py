"""The guided-search question flow (pure: no Flask, no database).

Eight questions, one per screen. Answers are a plain JSON-friendly dict kept by the app (in the
Flask session): ``{step: {field: value}}``. This module says which questions apply, validates what
was sent for one step (errors are message keys the app translates), moves forward and back, and
turns the answers into a recommendation request shaped like ``POST /api/v1/recommendations``.
What the visitor rules out (« Ce que je ne souhaite pas ») is never relaxed, like the age rule;
missions at other times than theirs are never mixed into the results: the request asks for them
apart (``show_other_times``), for the « Si vos horaires changent » block.
Place names are not resolved here: the service turns the postcode into coordinates.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from marketplace.reference.contexts import AVOIDABLE_CONTEXTS
from marketplace.reference.slugs import (
    AGE_RANGES,
    DAY_PART_SLUGS,
    DAY_SLUGS,
    DOMAIN_SLUGS,
    MISSION_KIND_SLUGS,
    SLOTS,
)

CAUSES, TIME, WHEN, WHERE, SKILLS, AVOID, AGE, COMPANY = (
    "causes",
    "time",
    "when",
    "where",
    "skills",
    "avoid",
    "age",
    "company",
)
STEPS: tuple[str, ...] = (CAUSES, TIME, WHEN, WHERE, SKILLS, AVOID, AGE, COMPANY)

FREQUENCIES = ("once", "sometimes", "weekly")
MIN_HOURS, MAX_HOURS = 1, 35
HOURS_CHOICES = (1, 2, 3, 4, 6, 8)

# Simple answers to "when": each stands for weekly slots; "anytime" means flexible.
WHEN_CHOICES: dict[str, tuple[str, ...]] = {
    "weekend": tuple(f"{day}_{part}" for day in ("sat", "sun") for part in DAY_PART_SLUGS),
    "weekday_daytime": tuple(f"{day}_{part}" for day in DAY_SLUGS[:5] for part in ("morning", "afternoon")),
    "evenings": tuple(f"{day}_evening" for day in DAY_SLUGS[:5]),
    "wednesday": ("wed_morning", "wed_afternoon"),
    "anytime": (),
}

WHERE_MODES = ("place", "remote")
MIN_RADIUS_KM, MAX_RADIUS_KM = 5, 100
RADIUS_CHOICES_KM = (5, 10, 20, 30, 50, 100)
DEFAULT_RADIUS_KM = 20
_POSTCODE = re.compile(r"^\d{5}$")
_DIGITS = re.compile(r"\d")

# What one would like to do or learn: the value is the French skill word the matching engine reads.
SKILL_CHOICES: tuple[str, ...] = (
    "accueil",
    "cuisine",
    "bricolage",
    "jardinage",
    "animation",
    "soutien scolaire",
    "informatique",
    "communication",
    "comptabilité",
    "conduite",
)
KIND_CHOICES = ("support", "leadership")  # "ponctual" follows from the time question
MAX_SKILLS = 20
MAX_SKILL_LENGTH = 60
MAX_WORDS = 300

COMPANIONS = ("alone", "friend", "family", "colleagues")
# Seats a group needs: a mission with fewer seats left cannot take them all.
GROUP_SIZE = {"alone": 1, "friend": 2, "family": 3, "colleagues": 3}


# --- Which questions apply ---------------------------------------------------------------------


def applies(step: str, answers: Mapping[str, Any]) -> bool:
    """Whether a question is asked, given the answers so far."""
    if step == COMPANY:
        # From home, one works alone at one's screen: coming as a group does not apply.
        return _get(answers, WHERE, "mode") != "remote"
    return step in STEPS


def active_steps(answers: Mapping[str, Any]) -> tuple[str, ...]:
    """The questions asked to this visitor, in order."""
    return tuple(step for step in STEPS if applies(step, answers))


def next_step(step: str, answers: Mapping[str, Any]) -> str | None:
    """The question after ``step`` (None: show the results)."""
    later = STEPS[STEPS.index(step) + 1 :]
    return next((other for other in later if applies(other, answers)), None)


def previous_step(step: str, answers: Mapping[str, Any]) -> str | None:
    """The question before ``step`` (None: ``step`` is the first)."""
    earlier = reversed(STEPS[: STEPS.index(step)])
    return next((other for other in earlier if applies(other, answers)), None)


def last_step(answers: Mapping[str, Any]) -> str:
    """The last question asked (where "Retour" leads from the results)."""
    return active_steps(answers)[-1]


@dataclass(frozen=True)
class Progress:
    position: int  # 1-based
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.position / self.total)


def progress(step: str, answers: Mapping[str, Any]) -> Progress:
    """Question N of M, counting only the questions asked."""
    steps = active_steps(answers)
    position = steps.index(step) + 1 if step in steps else len(steps)
    return Progress(position, len(steps))


def is_answered(step: str, answers: Mapping[str, Any]) -> bool:
    return isinstance(answers.get(step), Mapping)


def first_unanswered(answers: Mapping[str, Any]) -> str | None:
    """The first question still to answer (None when the results can show)."""
    return next((step for step in active_steps(answers) if not is_answered(step, answers)), None)


def may_show(step: str, answers: Mapping[str, Any]) -> bool:
    """A question can be shown once every earlier one has an answer (no jumping ahead)."""
    missing = first_unanswered(answers)
    return applies(step, answers) and (missing is None or STEPS.index(step) <= STEPS.index(missing))


# --- Validation --------------------------------------------------------------------------------


@dataclass(frozen=True)
class StepResult:
    """A step's clean answer, or its errors as {field: message key}; ``raw`` is kept to refill."""

    answer: dict[str, Any]
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors


def _values(form: Mapping[str, Any], name: str) -> list[str]:
    """A multi-valued field from a MultiDict-like or a plain dict."""
    getlist = getattr(form, "getlist", None)
    raw = getlist(name) if getlist else form.get(name, [])
    if isinstance(raw, str):
        raw = [raw]
    return [str(value).strip() for value in raw or () if str(value).strip()]


def _value(form: Mapping[str, Any], name: str) -> str:
    values = _values(form, name)
    return values[-1] if values else ""


def _ordered(chosen: Iterable[str], vocabulary: Iterable[str]) -> list[str]:
    picked = set(chosen)
    return [value for value in vocabulary if value in picked]


def _clean_text(text: str) -> str:
    return " ".join(text.split())


def split_words(text: str) -> list[str]:
    """'cuisine, permis B; Excel' -> ['cuisine', 'permis B', 'Excel']."""
    return [_clean_text(part) for part in re.split(r"[,;\n]", text or "") if part.strip()]


def _validate_causes(form: Mapping[str, Any]) -> StepResult:
    domains = _values(form, "domains")
    words = _clean_text(_value(form, "words"))
    answer = {"domains": _ordered(domains, DOMAIN_SLUGS), "words": words}
    errors = {}
    if set(domains) - set(DOMAIN_SLUGS):
        errors["domains"] = "unknown_domain"
    if len(words) > MAX_WORDS:
        errors["words"] = "words_too_long"
    return StepResult(answer, errors)


def _parse_int(text: str) -> int | None:
    try:
        return int(text)
    except (TypeError, ValueError):
        return None


def _validate_time(form: Mapping[str, Any]) -> StepResult:
    frequency = _value(form, "frequency")
    hours_text = _value(form, "hours")
    hours = _parse_int(hours_text)
    answer: dict[str, Any] = {"frequency": frequency, "hours": hours if frequency == "weekly" else None}
    errors = {}
    if frequency not in FREQUENCIES:
        errors["frequency"] = "choose_frequency"
    elif frequency == "weekly" and (hours is None or not MIN_HOURS <= hours <= MAX_HOURS):
        answer["hours"] = hours_text
        errors["hours"] = "hours_out_of_range"
    return StepResult(answer, errors)


def _validate_when(form: Mapping[str, Any]) -> StepResult:
    choices = _values(form, "choices")
    slots = _values(form, "slots")
    answer = {"choices": _ordered(choices, WHEN_CHOICES), "slots": _ordered(slots, SLOTS)}
    errors = {}
    if set(choices) - set(WHEN_CHOICES) or set(slots) - set(SLOTS):
        errors["choices"] = "unknown_slot"
    elif not choices and not slots:
        errors["choices"] = "choose_when"
    return StepResult(answer, errors)


def normalize_postcode(text: str) -> str:
    """'69 100' -> '69100'."""
    return text.replace(" ", "")


def is_postcode(text: str) -> bool:
    """Whether the text is a French postcode (spaces allowed: '69 007')."""
    return bool(_POSTCODE.match(normalize_postcode(text or "")))


def place_problem(place: str) -> str | None:
    """A message key when what was typed cannot be a postcode or a commune name."""
    if not place:
        return "place_required"
    if is_postcode(place):
        return None
    has_letters = re.search(r"[^\W\d_]", place) is not None
    has_postcode = re.search(r"(?<!\d)\d{2} ?\d{3}(?!\d)", place) is not None
    if not has_letters or (_DIGITS.search(place) and not has_postcode):
        # Digits are meant as a postcode, so they must make one ("6900" or "Lyon 690" do not).
        return "postcode_malformed"
    return None


def _validate_where(form: Mapping[str, Any]) -> StepResult:
    mode = _value(form, "mode") or "place"
    place = _clean_text(_value(form, "place"))
    radius_text = _value(form, "radius_km") or str(DEFAULT_RADIUS_KM)
    radius = _parse_int(radius_text)
    remote_ok = _value(form, "remote_ok").lower() in ("1", "on", "true", "yes", "oui")
    errors = {}
    if mode not in WHERE_MODES:
        errors["mode"] = "choose_where"
    elif mode == "place":
        if problem := place_problem(place):
            errors["place"] = problem
        if radius is None or not MIN_RADIUS_KM <= radius <= MAX_RADIUS_KM:
            errors["radius_km"] = "radius_out_of_range"
    answer = {
        "mode": mode,
        "place": place if mode == "place" else "",
        "radius_km": radius if radius is not None and not errors.get("radius_km") else radius_text,
        "remote_ok": True if mode == "remote" else remote_ok,
    }
    if mode == "remote":
        answer["radius_km"] = DEFAULT_RADIUS_KM
    return StepResult(answer, errors)


def _validate_skills(form: Mapping[str, Any]) -> StepResult:
    picked = _values(form, "skills")
    typed = split_words(_value(form, "other_skills"))
    kinds = _values(form, "kinds")
    skills = _unique([*_ordered(picked, SKILL_CHOICES), *typed])
    answer = {
        "skills": _ordered(picked, SKILL_CHOICES),
        "other_skills": ", ".join(typed),
        "kinds": _ordered(kinds, KIND_CHOICES),
    }
    errors = {}
    if set(picked) - set(SKILL_CHOICES) or set(kinds) - set(KIND_CHOICES):
        errors["skills"] = "unknown_choice"
    elif len(skills) > MAX_SKILLS:
        errors["other_skills"] = "too_many_skills"
    elif any(len(skill) > MAX_SKILL_LENGTH for skill in typed):
        errors["other_skills"] = "skill_too_long"
    return StepResult(answer, errors)


def _unique(values: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    kept = []
    for value in values:
        if value.casefold() not in seen:
            seen.add(value.casefold())
            kept.append(value)
    return kept


def _validate_avoid(form: Mapping[str, Any], answers: Mapping[str, Any]) -> StepResult:
    """What the visitor rules out; never a cause or kind they chose at an earlier question."""
    domains, kinds = _values(form, "avoid_domains"), _values(form, "avoid_kinds")
    contexts = _values(form, "avoid_contexts")
    answer = {
        "domains": _ordered(domains, DOMAIN_SLUGS),
        "kinds": _ordered(kinds, MISSION_KIND_SLUGS),
        "contexts": _ordered(contexts, AVOIDABLE_CONTEXTS),
    }
    errors = {}
    if set(contexts) - set(AVOIDABLE_CONTEXTS):
        errors["avoid_contexts"] = "unknown_choice"
    if set(kinds) - set(MISSION_KIND_SLUGS):
        errors["avoid_kinds"] = "unknown_choice"
    elif set(answer["kinds"]) & set(answered_kinds(answers)):
        errors["avoid_kinds"] = "avoid_chosen_kind"
    elif len(answer["kinds"]) == len(MISSION_KIND_SLUGS):
        errors["avoid_kinds"] = "avoid_every_kind"
    if set(domains) - set(DOMAIN_SLUGS):
        errors["avoid_domains"] = "unknown_choice"
    elif set(answer["domains"]) & set(_get(answers, CAUSES, "domains", []) or []):
        errors["avoid_domains"] = "avoid_chosen_domain"
    elif len(answer["domains"]) == len(DOMAIN_SLUGS):
        errors["avoid_domains"] = "avoid_every_domain"
    return StepResult(answer, errors)


def _validate_age(form: Mapping[str, Any]) -> StepResult:
    age_range = _value(form, "age_range")
    errors = {} if age_range in AGE_RANGES else {"age_range": "choose_age_range"}
    return StepResult({"age_range": age_range}, errors)


def _validate_company(form: Mapping[str, Any]) -> StepResult:
    company = _value(form, "company")
    errors = {} if company in COMPANIONS else {"company": "choose_company"}
    return StepResult({"company": company}, errors)


_VALIDATORS = {
    CAUSES: _validate_causes,
    TIME: _validate_time,
    WHEN: _validate_when,
    WHERE: _validate_where,
    SKILLS: _validate_skills,
    AGE: _validate_age,
    COMPANY: _validate_company,
}


def validate_step(step: str, form: Mapping[str, Any], answers: Mapping[str, Any] | None = None) -> StepResult:
    """Check what was sent for one question; the answer keeps what was typed, even when wrong.

    ``answers`` (the earlier answers) let a question refuse what contradicts them.
    """
    if step == AVOID:
        return _validate_avoid(form, answers or {})
    if step not in _VALIDATORS:
        raise KeyError(step)
    return _VALIDATORS[step](form)


def record(answers: Mapping[str, Any], step: str, answer: Mapping[str, Any]) -> dict[str, Any]:
    """New answers with this step's answer; answers to questions that no longer apply are dropped.

    A cause or kind chosen again after being ruled out is no longer ruled out (the latest
    answer wins), so the answers never both want and avoid the same thing.
    """
    updated = {**answers, step: dict(answer)}
    kept = {key: value for key, value in updated.items() if key in STEPS and applies(key, updated)}
    return _without_contradictions(kept)


def _without_contradictions(answers: dict[str, Any]) -> dict[str, Any]:
    avoid = answers.get(AVOID)
    if not isinstance(avoid, Mapping):
        return answers
    chosen_domains = set(_get(answers, CAUSES, "domains", []) or [])
    chosen_kinds = set(answered_kinds(answers))
    answers[AVOID] = {
        **avoid,
        "domains": [slug for slug in avoid.get("domains") or [] if slug not in chosen_domains],
        "kinds": [slug for slug in avoid.get("kinds") or [] if slug not in chosen_kinds],
    }
    return answers


# --- Answers → recommendation request ----------------------------------------------------------


@dataclass(frozen=True)
class RecommendationRequest:
    """The answers as ``POST /api/v1/recommendations`` takes them, plus two result filters."""

    age_range: str
    postcode: str = ""
    place: str = ""  # what was typed ("Villeurbanne"), resolved by the service
    radius_km: int = DEFAULT_RADIUS_KM
    remote_ok: bool = False
    remote_only: bool = False  # "from home": only missions done at a distance
    domains: tuple[str, ...] = ()
    skills: tuple[str, ...] = ()
    slots: tuple[str, ...] = ()
    flexible: bool = False
    kinds: tuple[str, ...] = ()
    about: str = ""
    avoid_domains: tuple[str, ...] = ()  # never recommended, never relaxed
    avoid_kinds: tuple[str, ...] = ()
    avoid_contexts: tuple[str, ...] = ()
    max_hours_per_week: int | None = None  # recurring missions asking more are left out
    group_size: int = 1  # missions with fewer seats left are left out
    other_causes: bool = False  # "d'autres causes": missions outside ``domains``
    show_other_times: bool = False  # "d'autres jours": missions at other times, shown apart

    def to_api_payload(self) -> dict[str, Any]:
        """The JSON body of ``POST /api/v1/recommendations``."""
        payload: dict[str, Any] = {
            "age_range": self.age_range,
            "radius_km": self.radius_km,
            "remote_ok": self.remote_ok,
            "domains": list(self.domains),
            "skills": list(self.skills),
            "slots": list(self.slots),
            "flexible": self.flexible,
            "kinds": list(self.kinds),
            "avoid_domains": list(self.avoid_domains),
            "avoid_kinds": list(self.avoid_kinds),
            "avoid_contexts": list(self.avoid_contexts),
            "about": self.about,
        }
        if self.postcode:
            payload["postcode"] = self.postcode
        return payload

    @property
    def located(self) -> bool:
        return bool(self.postcode or self.place)

    @property
    def has_fixed_hours(self) -> bool:
        """Whether the visitor gave weekly slots that missions must fit (not "whenever suits")."""
        return bool(self.slots) and not self.flexible


def _get(answers: Mapping[str, Any], step: str, name: str, default: Any = None) -> Any:
    answer = answers.get(step)
    return answer.get(name, default) if isinstance(answer, Mapping) else default


def answered_slots(answers: Mapping[str, Any]) -> tuple[tuple[str, ...], bool]:
    """Weekly slots from the "when" answer and whether the visitor is flexible."""
    choices = _get(answers, WHEN, "choices", []) or []
    chosen = set(_get(answers, WHEN, "slots", []) or [])
    for choice in choices:
        chosen.update(WHEN_CHOICES.get(choice, ()))
    flexible = "anytime" in choices
    return (() if flexible else tuple(_ordered(chosen, SLOTS))), flexible


def answered_skills(answers: Mapping[str, Any]) -> list[str]:
    picked = _get(answers, SKILLS, "skills", []) or []
    return _unique([*picked, *split_words(_get(answers, SKILLS, "other_skills", "") or "")])


def answered_kinds(answers: Mapping[str, Any]) -> tuple[str, ...]:
    kinds = list(_get(answers, SKILLS, "kinds", []) or [])
    if _get(answers, TIME, "frequency") == "once":
        kinds.insert(0, "ponctual")
    return tuple(kinds)


def build_request(answers: Mapping[str, Any]) -> RecommendationRequest:
    """The recommendation request for complete answers (raises ValueError when age is missing)."""
    age_range = _get(answers, AGE, "age_range")
    if age_range not in AGE_RANGES:
        raise ValueError("the age range is required")
    slots, flexible = answered_slots(answers)
    remote = _get(answers, WHERE, "mode") == "remote"
    place = "" if remote else (_get(answers, WHERE, "place", "") or "")
    postcode = normalize_postcode(place) if is_postcode(place) else ""
    hours = _get(answers, TIME, "hours")
    radius = _get(answers, WHERE, "radius_km", DEFAULT_RADIUS_KM)
    return RecommendationRequest(
        age_range=age_range,
        postcode=_get(answers, WHERE, "postcode", "") or postcode,
        place=place,
        radius_km=radius if isinstance(radius, int) else DEFAULT_RADIUS_KM,
        remote_ok=remote or bool(_get(answers, WHERE, "remote_ok", False)),
        remote_only=remote,
        domains=tuple(_get(answers, CAUSES, "domains", []) or ()),
        skills=tuple(answered_skills(answers)),
        slots=slots,
        flexible=flexible,
        kinds=answered_kinds(answers),
        avoid_domains=tuple(_get(answers, AVOID, "domains", []) or ()),
        avoid_kinds=tuple(_get(answers, AVOID, "kinds", []) or ()),
        avoid_contexts=tuple(_get(answers, AVOID, "contexts", []) or ()),
        about=_get(answers, CAUSES, "words", "") or "",
        max_hours_per_week=hours if _get(answers, TIME, "frequency") == "weekly" else None,
        group_size=GROUP_SIZE.get(_get(answers, COMPANY, "company"), 1) if applies(COMPANY, answers) else 1,
    )


def search_args(request: RecommendationRequest) -> dict[str, Any]:
    """The answers as /recherche parameters, to save them as a search with e-mail alerts: causes,
    kinds, place and radius, remote, age, weekly slots (what words and exclusions say is the
    recommender's, not the search's)."""
    args: dict[str, Any] = {
        "domain": list(request.domains),
        "kind": list(request.kinds),
        "age_range": request.age_range,
        "slots": list(request.slots) if request.has_fixed_hours else [],
    }
    if request.postcode and not request.remote_only:
        args["postcode"] = request.postcode
        args["radius_km"] = request.radius_km
    if request.remote_ok:
        args["remote"] = "1"
    return {name: value for name, value in args.items() if value not in ([], None, "")}


# --- Refinements and relaxation ----------------------------------------------------------------

CLOSER, OTHER_DAYS, OTHER_CAUSES = "closer", "other_days", "other_causes"
REFINEMENTS = (CLOSER, OTHER_DAYS, OTHER_CAUSES)


def closer_radius(radius_km: int) -> int | None:
    """The next smaller radius choice, or None when already the smallest."""
    smaller = [choice for choice in RADIUS_CHOICES_KM if choice < radius_km]
    return smaller[-1] if smaller else None


def available_refinements(request: RecommendationRequest) -> tuple[str, ...]:
    """The refinements that would change something for this request."""
    found = []
    if request.located and closer_radius(request.radius_km) is not None:
        found.append(CLOSER)
    if request.has_fixed_hours and not request.show_other_times:
        found.append(OTHER_DAYS)
    if request.domains and not request.other_causes:
        found.append(OTHER_CAUSES)
    return tuple(found)


def refine(request: RecommendationRequest, refinement: str) -> RecommendationRequest:
    """The request after one refinement (unknown or useless refinements change nothing)."""
    if refinement == CLOSER and request.located:
        radius = closer_radius(request.radius_km)
        return replace(request, radius_km=radius) if radius else request
    if refinement == OTHER_DAYS and request.has_fixed_hours:
        # Never mixed into the results: the missions at other times are shown apart.
        return replace(request, show_other_times=True)
    if refinement == OTHER_CAUSES and request.domains:
        return replace(request, other_causes=True)
    return request


# Relaxed in this order when nothing fits: what matters least to most people first. Never the
# age, never what the visitor ruled out, and never their days: missions at other times are
# shown apart (« Si vos horaires changent »), not as results.
RELAX_GROUP, RELAX_HOURS, RELAX_CAUSES, RELAX_DISTANCE, RELAX_REMOTE = (
    "group",
    "hours",
    "causes",
    "distance",
    "remote",
)


def relaxations(request: RecommendationRequest) -> list[tuple[str, RecommendationRequest]]:
    """Ever looser versions of the request, each with what was relaxed last (never age, days, avoids)."""
    steps: list[tuple[str, RecommendationRequest]] = []
    current = request
    if current.group_size > 1:
        current = replace(current, group_size=1)
        steps.append((RELAX_GROUP, current))
    if current.max_hours_per_week is not None:
        current = replace(current, max_hours_per_week=None)
        steps.append((RELAX_HOURS, current))
    if current.domains or current.other_causes:
        current = replace(current, domains=(), other_causes=False)
        steps.append((RELAX_CAUSES, current))
    if current.located and current.radius_km < MAX_RADIUS_KM:
        current = replace(current, radius_km=MAX_RADIUS_KM)
        steps.append((RELAX_DISTANCE, current))
    if current.located and not current.remote_ok:
        current = replace(current, remote_ok=True)
        steps.append((RELAX_REMOTE, current))
    return steps


# --- Answers → profile -------------------------------------------------------------------------


def profile_fields(answers: Mapping[str, Any]) -> dict[str, Any]:
    """What the answers say for a volunteer profile (the app saves it through the profile rules)."""
    request = build_request(answers)
    slots, flexible = answered_slots(answers)
    postcode, city = _get(answers, WHERE, "postcode", ""), _get(answers, WHERE, "city", "")
    return {
        "age_range": request.age_range,
        "place": f"{city} ({postcode})" if city and postcode else request.place,
        "radius_km": request.radius_km,
        "remote_ok": request.remote_ok,
        "slots": list(slots),
        "flexible": flexible,
        "domains": list(request.domains),
        "skills": list(request.skills),
        "wanted_kinds": list(request.kinds),
        "avoid_domains": list(request.avoid_domains),
        "avoid_kinds": list(request.avoid_kinds),
        "avoid_contexts": list(request.avoid_contexts),
        "about": request.about,
    }
