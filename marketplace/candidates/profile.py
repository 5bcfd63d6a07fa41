"""The volunteer's profile: rules, home place resolution, skill suggestions, completeness.

Every rule is checked here, whatever the form already checked. Functions flush, never commit.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from marketplace.accounts.models import User
from marketplace.associations.models import Mission
from marketplace.candidates.models import CandidateProfile
from marketplace.domain import DomainError, NotAllowed
from marketplace.extensions import db
from marketplace.reference.contexts import AVOIDABLE_CONTEXTS
from marketplace.reference.geo import GeoIndex, Place, normalize_name
from marketplace.reference.vocabularies import (
    AGE_RANGES,
    DOMAIN_SLUGS,
    DOMAINS,
    MISSION_KIND_SLUGS,
    MISSION_KINDS,
    SLOTS,
    Choice,
    label_for,
)

MIN_RADIUS_KM = 5
MAX_RADIUS_KM = 100
RADIUS_CHOICES_KM = (5, 10, 20, 30, 50, 100)
DEFAULT_RADIUS_KM = 20
MAX_SKILLS = 20
MAX_SKILL_LENGTH = 60
MAX_ABOUT = 1000
MAX_FIRST_NAME = 80
# A skill typed in profiles only is suggested once this many people use it, so that a rare tag
# never points at one person.
MIN_PROFILES_FOR_SUGGESTION = 2

# What a volunteer may rule out besides causes and kinds (the engine reads these slugs).
AVOID_CONTEXT_CHOICES: tuple[Choice, ...] = (
    Choice("screen", _l("Not in front of a screen")),
    Choice("children", _l("Not with children")),
    Choice("physical", _l("No physical effort")),
)

_POSTCODE_IN_TEXT = re.compile(r"(?<!\d)(\d{2}) ?(\d{3})(?!\d)")
_EDGE_PUNCTUATION = " \t,;-–()[]"


class ProfileInvalid(DomainError):
    """Several field errors at once, so the form can show them all."""

    def __init__(self, errors: dict[str, object]):
        first_field, first_message = next(iter(errors.items()))
        super().__init__(first_message, field=first_field, code="profile_invalid")
        self.errors = errors


@dataclass
class ProfileData:
    """What a volunteer says about themselves on the profile page."""

    age_range: str = ""
    first_name: str | None = None  # None keeps the account's first name
    place: str = ""  # a postcode, a commune name, or both ("Villeurbanne (69100)")
    radius_km: int | None = DEFAULT_RADIUS_KM
    remote_ok: bool = False
    slots: list[str] = field(default_factory=list)
    flexible: bool = False
    domains: list[str] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)
    wanted_kinds: list[str] = field(default_factory=list)
    about: str = ""
    visible_to_associations: bool = False
    avoid_domains: list[str] = field(default_factory=list)
    avoid_kinds: list[str] = field(default_factory=list)
    avoid_contexts: list[str] = field(default_factory=list)

    @classmethod
    def from_profile(cls, user: User, profile: CandidateProfile | None) -> ProfileData:
        """The saved profile, as the form shows it."""
        if profile is None:
            return cls(first_name=user.first_name)
        return cls(
            age_range=profile.age_range,
            first_name=user.first_name,
            place=place_text(profile.postcode, profile.city),
            radius_km=profile.radius_km,
            remote_ok=profile.remote_ok,
            slots=list(profile.slots or []),
            flexible=profile.flexible,
            domains=list(profile.domains or []),
            skills=list(profile.skills or []),
            wanted_kinds=list(profile.wanted_kinds or []),
            about=profile.about or "",
            visible_to_associations=profile.visible_to_associations,
            avoid_domains=list(profile.avoid_domains or []),
            avoid_kinds=list(profile.avoid_kinds or []),
            avoid_contexts=list(profile.avoid_contexts or []),
        )


# --- Home place ----------------------------------------------------------------------------------


class PlaceUnknown(DomainError):
    def __init__(self, message: object):
        super().__init__(message, field="place", code="place_unknown")


def place_text(postcode: str, city: str) -> str:
    """How a saved home place reads in the form and the suggestions: 'Villeurbanne (69100)'."""
    if city and postcode:
        return f"{city} ({postcode})"
    return city or postcode or ""


def _name_key(name: str) -> str:
    return normalize_name(name).replace(" ", "")


@lru_cache(maxsize=4)
def _communes_by_name(index: GeoIndex) -> dict[str, tuple[Place, ...]]:
    """Each commune once (at its lowest postcode), by folded name: for exact-name lookups."""
    lowest: dict[str, Place] = {}
    for place in index.places:
        current = lowest.get(place.insee)
        if current is None or place.postcode < current.postcode:
            lowest[place.insee] = place
    by_name: dict[str, list[Place]] = {}
    for place in lowest.values():
        by_name.setdefault(_name_key(place.name), []).append(place)
    return {key: tuple(sorted(group, key=lambda p: -p.population)) for key, group in by_name.items()}


def _split_place(text: str) -> tuple[str | None, str]:
    """'Villeurbanne (69100)' -> ('69100', 'Villeurbanne'); '69 100' -> ('69100', '')."""
    found = _POSTCODE_IN_TEXT.search(text)
    if not found:
        return None, text.strip(_EDGE_PUNCTUATION)
    postcode = found.group(1) + found.group(2)
    name = (text[: found.start()] + " " + text[found.end() :]).strip(_EDGE_PUNCTUATION)
    return postcode, " ".join(name.split())


def resolve_place(index: GeoIndex, text: str) -> Place | None:
    """The commune meant by a postcode, a commune name or both; None when nothing was typed."""
    text = " ".join((text or "").split())
    if not text:
        return None
    postcode, name = _split_place(text)
    if postcode:
        return _place_at_postcode(index, postcode, name)
    return _place_named(index, name)


def _place_at_postcode(index: GeoIndex, postcode: str, name: str) -> Place:
    places = index.lookup_postcode(postcode)
    if not places:
        raise PlaceUnknown(
            _l(
                "We do not know the postcode %(postcode)s: check it, or type the name of your commune.",
                postcode=postcode,
            )
        )
    if not name:
        return places[0]
    wanted = _name_key(name)
    for matches in (lambda key: key == wanted, lambda key: key.startswith(wanted)):
        for place in places:
            if matches(_name_key(place.name)):
                return place
    raise PlaceUnknown(
        _l("No commune called “%(name)s” has the postcode %(postcode)s.", name=name, postcode=postcode)
    )


def _place_named(index: GeoIndex, name: str) -> Place:
    exact = _communes_by_name(index).get(_name_key(name), ())
    distinct = {place.insee: place for place in exact}
    if len(distinct) == 1:
        return exact[0]
    if len(distinct) > 1:
        examples = ", ".join(place_text(place.postcode, place.name) for place in exact[:3])
        raise PlaceUnknown(
            _l(
                "Several communes are called “%(name)s”: add the postcode, for example %(examples)s.",
                name=name,
                examples=examples,
            )
        )
    nearest = index.search(name, limit=1)
    if nearest:
        raise PlaceUnknown(
            _l(
                "We do not know the commune “%(name)s”. Did you mean %(suggestion)s?",
                name=name,
                suggestion=place_text(nearest[0].postcode, nearest[0].name),
            )
        )
    raise PlaceUnknown(
        _l("We do not know the commune “%(name)s”: check the spelling, or type your postcode.", name=name)
    )


def commune_suggestions(index: GeoIndex, query: str, limit: int = 10) -> list[dict[str, str]]:
    """Autocompletion answers: public reference data only, never anything about people."""
    if len((query or "").strip()) < 2:
        return []
    return [
        {
            "name": place.name,
            "postcode": place.postcode,
            "departement": place.departement,
            "label": place_text(place.postcode, place.name),
        }
        for place in index.search(query, limit=max(0, min(limit, 10)))
    ]


# --- Skills --------------------------------------------------------------------------------------


def fold(text: str) -> str:
    """Lower-case, accent-free, single-spaced: 'Comptabilité  ' -> 'comptabilite'."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.casefold().split())


def clean_skills(skills: Iterable[str]) -> list[str]:
    """Trim, collapse spaces, drop empties and case-insensitive duplicates; keep the typed order."""
    seen: set[str] = set()
    cleaned = []
    for skill in skills:
        text = " ".join(str(skill).split())
        if text and text.casefold() not in seen:
            seen.add(text.casefold())
            cleaned.append(text)
    return cleaned


def split_skills(text: str | None) -> list[str]:
    """'cuisine, permis B; Excel' -> ['cuisine', 'permis B', 'Excel']."""
    return [part.strip() for part in re.split(r"[,;\n]", text or "") if part.strip()]


@dataclass(frozen=True)
class SkillVocabulary:
    """Skills in use, most frequent first, each under its most common spelling."""

    entries: tuple[tuple[str, str], ...]  # (folded, display)

    @classmethod
    def build(
        cls, mission_skills: Iterable[list[str]], profile_skills: Iterable[list[str]]
    ) -> SkillVocabulary:
        counts: Counter[str] = Counter()
        spellings: dict[str, Counter[str]] = {}
        people: Counter[str] = Counter()
        for source, is_profile in ((mission_skills, False), (profile_skills, True)):
            for skills in source:
                for skill in clean_skills(skills or ()):
                    key = fold(skill)
                    counts[key] += 1
                    spellings.setdefault(key, Counter())[skill] += 1
                    if is_profile:
                        people[key] += 1
        missions = {key: counts[key] - people[key] for key in counts}
        kept = [key for key in counts if missions[key] > 0 or people[key] >= MIN_PROFILES_FOR_SUGGESTION]
        ranked = sorted(kept, key=lambda key: (-counts[key], key))
        return cls(tuple((key, spellings[key].most_common(1)[0][0]) for key in ranked))

    def suggest(self, prefix: str, limit: int = 10) -> list[str]:
        """Skills with a word starting like the prefix, most frequent first."""
        wanted = fold(prefix)
        if not wanted or limit <= 0:
            return []
        found = []
        for key, display in self.entries:
            if key.startswith(wanted) or f" {wanted}" in f" {key}":
                found.append(display)
                if len(found) == limit:
                    break
        return found


_vocabulary_lock = threading.Lock()
_vocabulary_cache: dict[str, tuple[tuple, SkillVocabulary]] = {}


def _skills_fingerprint() -> tuple:
    """Changes whenever a published mission or a profile is added, edited or removed."""
    published = db.session.execute(
        select(func.count(Mission.id), func.max(Mission.updated_at)).where(Mission.is_listed)
    ).one()
    profiles = db.session.execute(
        select(func.count(CandidateProfile.id), func.max(CandidateProfile.updated_at))
    ).one()
    return tuple(published) + tuple(profiles)


def skill_vocabulary() -> SkillVocabulary:
    """The skills in use, rebuilt from the database only when it changed (cached per process)."""
    key = str(db.engine.url)
    fingerprint = _skills_fingerprint()
    cached = _vocabulary_cache.get(key)
    if cached and cached[0] == fingerprint:
        return cached[1]
    # Ordered: among spellings used equally often, the earliest one wins on every database.
    vocabulary = SkillVocabulary.build(
        db.session.scalars(select(Mission.skills).where(Mission.is_listed).order_by(Mission.id)),
        db.session.scalars(select(CandidateProfile.skills).order_by(CandidateProfile.id)),
    )
    with _vocabulary_lock:
        _vocabulary_cache[key] = (fingerprint, vocabulary)
    return vocabulary


def skill_suggestions(prefix: str, limit: int = 10) -> list[str]:
    """Skills used in published missions and profiles that start like `prefix`, most frequent first."""
    if len(fold(prefix or "")) < 2:
        return []
    return skill_vocabulary().suggest(prefix, limit=max(0, min(limit, 10)))


# --- Rules and update ----------------------------------------------------------------------------


@dataclass(frozen=True)
class CleanProfile:
    """A profile that passed every rule, with its home place resolved."""

    data: ProfileData
    place: Place | None


def _known(values: Iterable[str], vocabulary: tuple[str, ...]) -> tuple[list[str], bool]:
    """Values kept in the vocabulary's order, and whether every one of them was known."""
    chosen = set(values)
    return [value for value in vocabulary if value in chosen], chosen <= set(vocabulary)


def profile_problems(data: ProfileData, index: GeoIndex | None) -> tuple[CleanProfile, dict[str, object]]:
    """Tidy what people typed and list every broken rule as {field: message}."""
    problems: dict[str, object] = {}
    first_name = None if data.first_name is None else " ".join(data.first_name.split())
    if first_name is not None and not first_name:
        problems["first_name"] = _l("Tell us your first name.")
    elif first_name and len(first_name) > MAX_FIRST_NAME:
        problems["first_name"] = _l("At most %(n)d characters.", n=MAX_FIRST_NAME)
    if data.age_range not in AGE_RANGES:
        problems["age_range"] = _l("Choose your age range. Tremplin is open from 16 years old.")
    place = None
    if index is None and data.place.strip():
        problems["place"] = _l("Places cannot be checked right now: try again later.")
    elif index is not None:
        try:
            place = resolve_place(index, data.place)
        except PlaceUnknown as error:
            problems["place"] = error.message
    if data.radius_km is None or not MIN_RADIUS_KM <= data.radius_km <= MAX_RADIUS_KM:
        problems["radius_km"] = _l(
            "Choose a distance between %(low)d and %(high)d km.", low=MIN_RADIUS_KM, high=MAX_RADIUS_KM
        )
    slots, slots_known = _known(data.slots, SLOTS)
    if not slots_known:
        problems["slots"] = _l("Unknown time slot.")
    domains, domains_known = _known(data.domains, DOMAIN_SLUGS)
    if not domains_known:
        problems["domains"] = _l("Unknown cause.")
    kinds, kinds_known = _known(data.wanted_kinds, MISSION_KIND_SLUGS)
    if not kinds_known:
        problems["wanted_kinds"] = _l("Unknown kind of mission.")
    avoided = _avoid_problems(data, {"domains": domains, "wanted_kinds": kinds}, problems)
    skills = clean_skills(data.skills)
    too_long = [skill for skill in skills if len(skill) > MAX_SKILL_LENGTH]
    if len(skills) > MAX_SKILLS:
        problems["skills"] = _l("At most %(n)d skills.", n=MAX_SKILLS)
    elif too_long:
        problems["skills"] = _l(
            "Each skill has at most %(n)d characters: shorten “%(skill)s”.",
            n=MAX_SKILL_LENGTH,
            skill=too_long[0][:MAX_SKILL_LENGTH] + "…",
        )
    about = (data.about or "").strip()
    if len(about) > MAX_ABOUT:
        problems["about"] = _l(
            "At most %(n)d characters (you wrote %(count)d).", n=MAX_ABOUT, count=len(about)
        )
    clean = ProfileData(
        age_range=data.age_range,
        first_name=first_name,
        place=data.place,
        radius_km=data.radius_km,
        remote_ok=bool(data.remote_ok),
        slots=slots,
        flexible=bool(data.flexible),
        domains=domains,
        skills=skills,
        wanted_kinds=kinds,
        about=about,
        visible_to_associations=bool(data.visible_to_associations),
        **avoided,
    )
    return CleanProfile(clean, place), problems


_AVOID_RULES = (
    # (field, the field of what is chosen, vocabulary, "chosen and avoided", "everything avoided")
    (
        "avoid_domains",
        "domains",
        DOMAINS,
        lambda names: _l(
            "You chose and avoid the same cause: “%(names)s”. Untick it in one of the two lists.", names=names
        ),
        _l("Leave at least one cause you do not avoid."),
    ),
    (
        "avoid_kinds",
        "wanted_kinds",
        MISSION_KINDS,
        lambda names: _l(
            "You want and avoid the same kind of mission: “%(names)s”. Untick it in one of the two lists.",
            names=names,
        ),
        _l("Leave at least one kind of mission you do not avoid."),
    ),
)


def _avoid_problems(
    data: ProfileData, chosen: dict[str, list[str]], problems: dict[str, object]
) -> dict[str, list[str]]:
    """Check what the volunteer rules out (adding to ``problems``) and return it tidied."""
    avoided: dict[str, list[str]] = {}
    for name, chosen_name, choices, both_message, all_message in _AVOID_RULES:
        slugs = tuple(choice.slug for choice in choices)
        values, known = _known(getattr(data, name), slugs)
        both = [slug for slug in chosen[chosen_name] if slug in values]
        if not known:
            problems[name] = _l("This choice is not in our list.")
        elif both:
            names = ", ".join(str(label_for(choices, slug)) for slug in both)
            problems[name] = both_message(names)
        elif len(values) == len(slugs):
            problems[name] = all_message
        avoided[name] = values
    avoided["avoid_contexts"], contexts_known = _known(data.avoid_contexts, AVOIDABLE_CONTEXTS)
    if not contexts_known:
        problems["avoid_contexts"] = _l("This choice is not in our list.")
    return avoided


def update_profile(user: User, data: ProfileData, *, index: GeoIndex | None = None) -> CandidateProfile:
    """Check every rule, then save the volunteer's profile (all or nothing)."""
    if user.role != "candidate":
        raise NotAllowed(_l("Only volunteers have a profile."))
    if index is None:
        from marketplace.reference.places import geo_index

        index = geo_index()
    clean, problems = profile_problems(data, index)
    if problems:
        raise ProfileInvalid(problems)
    profile = user.profile or CandidateProfile(user=user, age_range=clean.data.age_range)
    _apply(profile, clean)
    if clean.data.first_name is not None:
        user.first_name = clean.data.first_name
    db.session.add(profile)
    db.session.flush()
    return profile


def _apply(profile: CandidateProfile, clean: CleanProfile) -> None:
    data, place = clean.data, clean.place
    profile.age_range = data.age_range
    profile.postcode = place.postcode if place else ""
    profile.city = place.name if place else ""
    profile.lat = place.lat if place else None
    profile.lon = place.lon if place else None
    assert data.radius_km is not None  # validated above
    profile.radius_km = data.radius_km
    profile.remote_ok = data.remote_ok
    profile.slots = data.slots
    profile.flexible = data.flexible
    profile.domains = data.domains
    profile.skills = data.skills
    profile.wanted_kinds = data.wanted_kinds
    profile.about = data.about
    profile.visible_to_associations = data.visible_to_associations
    profile.avoid_domains = data.avoid_domains
    profile.avoid_kinds = data.avoid_kinds
    profile.avoid_contexts = data.avoid_contexts


# --- Completeness --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Completeness:
    """Which parts of the profile are filled, for the dashboard card."""

    missing: tuple[tuple[str, object], ...]  # (field id on the profile page, what to add)
    total: int

    @property
    def percent(self) -> int:
        return round(100 * (self.total - len(self.missing)) / self.total)

    @property
    def complete(self) -> bool:
        return not self.missing


def profile_completeness(profile: CandidateProfile | None) -> Completeness:
    """What a volunteer could still add so that missions find them."""
    checks = (
        ("place", _l("where you live"), bool(profile and profile.postcode and profile.lat is not None)),
        ("slots", _l("when you are available"), bool(profile and (profile.slots or profile.flexible))),
        ("domains", _l("the causes that move you"), bool(profile and profile.domains)),
        ("wanted_kinds", _l("the kinds of mission you want"), bool(profile and profile.wanted_kinds)),
        ("skills", _l("what you can do"), bool(profile and profile.skills)),
        ("about", _l("a few words about you"), bool(profile and profile.about)),
    )
    return Completeness(tuple((anchor, label) for anchor, label, done in checks if not done), len(checks))
