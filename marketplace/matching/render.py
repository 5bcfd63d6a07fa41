"""Reasons, stages and next steps in the reader's language (gettext on the engine's codes).

The French catalog holds the wording of ``reasons.render_reason_fr``; English comes from the
msgids. Kept apart from the pure engine because it needs Flask-Babel.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from contextvars import ContextVar
from datetime import date
from typing import Any

from babel.support import NullTranslations
from flask_babel import format_date, get_translations
from flask_babel import lazy_gettext as _l

from marketplace.matching import reasons as R
from marketplace.matching.pathway import NextStep, Stage
from marketplace.matching.types import Reason
from marketplace.reference.vocabularies import DAY_PARTS, DOMAINS, label_for

# Flask-Babel's gettext looks the translations up again on every call (~50 µs): a page of twenty
# recommendations renders ~60 sentences, so the catalog is fetched once per batch instead.
_catalog: ContextVar[NullTranslations | None] = ContextVar("matching_catalog", default=None)


def _translations() -> NullTranslations:
    return _catalog.get() or get_translations()


def _(message: str, **variables: Any) -> str:
    """gettext with %-variables, like Flask-Babel's, on the batch's catalog."""
    text = _translations().ugettext(message)
    return text % variables if variables else text


def ngettext(singular: str, plural: str, num: int, **variables: Any) -> str:
    """ngettext with %(num)d and %-variables, like Flask-Babel's."""
    text = _translations().ungettext(singular, plural, num)
    return text % {"num": num, **variables}


def _text(message: object) -> str:
    """A lazy label of the vocabularies, translated with the batch's catalog."""
    args = getattr(message, "_args", None)
    return _(args[0]) if args else str(message)


ON_DAY = {
    "mon": _l("on Monday"),
    "tue": _l("on Tuesday"),
    "wed": _l("on Wednesday"),
    "thu": _l("on Thursday"),
    "fri": _l("on Friday"),
    "sat": _l("on Saturday"),
    "sun": _l("on Sunday"),
}
COUNT_WORDS = {1: _l("once"), 2: _l("twice"), 3: _l("three times"), 4: _l("four times"), 5: _l("five times")}
KIND_WISHED = {
    "ponctual": _l("A one-off mission, as you wished"),
    "support": _l("A support mission, as you wished"),
    "leadership": _l("A responsibility mission, as you wished"),
}
KIND_WANTED = {
    "ponctual": _l("Looking for a one-off mission"),
    "support": _l("Looking for a support mission"),
    "leadership": _l("Looking for a responsibility mission"),
}
STAGE_LABELS = {
    Stage.DISCOVERY: _l("Discovery"),
    Stage.PONCTUAL: _l("One-off missions"),
    Stage.REGULAR: _l("Regular commitment"),
    Stage.SKILLS: _l("Skills shared"),
    Stage.LEADERSHIP: _l("Responsibilities"),
}
NEXT_STEPS = {
    "first_mission": _l("Next step: a first one-off mission, to discover"),
    "go_regular": _l(
        "Next step: a regular commitment, preferably with an association you have already helped"
    ),
    "share_skills": _l("Next step: a support mission where your skills are useful"),
    "take_responsibility": _l("Next step: a responsibility mission (coordination, treasury, leading a team)"),
    "pass_it_on": _l("Next step: pass on your experience by welcoming new volunteers"),
}


def join_words(items: Sequence[str]) -> str:
    """['a', 'b', 'c'] -> 'a, b and c' in the current language."""
    items = [str(item) for item in items]
    if len(items) <= 1:
        return "".join(items)
    return _("%(items)s and %(last)s", items=", ".join(items[:-1]), last=items[-1])


def lower_initial(text: str) -> str:
    """'Comptabilité' -> 'comptabilité', but acronyms ('SQL') stay as written."""
    text = str(text)
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def count_times(count: int) -> str:
    """2 -> 'twice' / 'deux fois'."""
    word = COUNT_WORDS.get(count)
    return _text(word) if word else ngettext("%(num)d time", "%(num)d times", count)


def slot_phrase(slot: str) -> str:
    """'wed_afternoon' -> 'on Wednesday afternoon' / 'le mercredi après-midi'."""
    day, _sep, part = slot.partition("_")
    on_day = _text(ON_DAY.get(day, day))
    return _("%(on_day)s %(part)s", on_day=on_day, part=lower_initial(_text(label_for(DAY_PARTS, part))))


def km_phrase(km: float) -> str:
    """3.2 -> '3 km'; under one, 'less than a kilometre'."""
    if km < 1:
        return _("less than a kilometre")
    return _("%(km)d km", km=round(km))


def domain_phrase(slug: str) -> str:
    """The domain label with a lower-case initial, for the middle of a sentence."""
    return lower_initial(_text(label_for(DOMAINS, slug)))


def availability_phrase(params: Mapping[str, Any]) -> str:
    """The slots shared, and the date of a one-off mission."""
    text = join_words([slot_phrase(slot) for slot in params.get("slots", ())])
    if params.get("date"):
        text += f" ({format_date(date.fromisoformat(params['date']), 'd MMMM')})"
    return text


def skills_phrase(params: Mapping[str, Any]) -> str:
    return join_words([lower_initial(skill) for skill in params.get("skills", ())])


def _mission_phrase(kind: str, schedule: str) -> str:
    if kind == "support":
        return _("this support mission")
    if kind == "leadership":
        return _("this responsibility mission")
    return _("this regular mission") if schedule == "recurring" else _("this mission")


def _pathway_association(params: Mapping[str, Any]) -> str:
    name = params.get("association_name") or _("this association")
    times = params.get("times", 0)
    if times > 0:
        text = _("You have already helped %(name)s %(times)s", name=name, times=count_times(times))
    else:
        text = _("You already help %(name)s", name=name)
    if params.get("next_step", True):
        phrase = _mission_phrase(params.get("kind", ""), params.get("schedule", ""))
        text = _("%(text)s: %(mission)s is the logical next step", text=text, mission=phrase)
    return text


def _next_step_reason(params: Mapping[str, Any]) -> str:
    step = str(params.get("step", ""))
    if step == "go_regular" and params.get("done", 0) > 1:
        return _("After your one-off missions, a regular commitment is the next step")
    sentences = {
        "first_mission": _l("A one-off mission, ideal for a first experience"),
        "go_regular": _l("After your first mission, a regular commitment is the next step"),
        "share_skills": _l("After a regular commitment, sharing your skills is the next step"),
        "take_responsibility": _l("After your support missions, taking on responsibilities is the next step"),
    }
    return _text(sentences.get(step, _l("Your experience can guide other volunteers")))


def _candidate_pathway(params: Mapping[str, Any]) -> str:
    sentences = {
        "go_regular": _l("Has done one-off missions: ready for a regular commitment"),
        "share_skills": _l("Regular volunteer: ready to share their skills"),
        "take_responsibility": _l("Has shared their skills: ready to take on responsibilities"),
        "first_mission": _l("Looking for a first volunteering experience"),
    }
    return _text(sentences.get(str(params.get("step")), _l("Experienced volunteer")))


def _candidate_history(params: Mapping[str, Any]) -> str:
    if params.get("times", 0) > 0:
        return _("Has already helped your association %(times)s", times=count_times(params["times"]))
    return _("Already helps your association")


def _from_here(km: float, *, near: str, far: object) -> str:
    # Whole sentences: a distance opens the sentence in English but not in French ("À 3 km...").
    return near if km < 1 else _text(far) % {"km": round(km)}


def _renderers(params: Mapping[str, Any]) -> dict[str, Callable[[], str]]:
    terms = lambda: join_words(list(params.get("terms", ())))  # noqa: E731
    skills = params.get("skills", ())
    name = params.get("association_name") or _("this association")
    return {
        R.AVAILABILITY: lambda: _("You are available %(when)s", when=availability_phrase(params)),
        R.DISTANCE: lambda: _from_here(
            params["km"], near=_("Less than a kilometre from your home"), far=_l("%(km)d km from your home")
        ),
        R.REMOTE: lambda: _("Remote: you can help from home"),
        R.PATHWAY_ASSOCIATION: lambda: _pathway_association(params),
        R.PATHWAY_NEXT_STEP: lambda: _next_step_reason(params),
        R.SKILL: lambda: ngettext(
            "Skill wanted: %(skills)s", "Skills wanted: %(skills)s", len(skills), skills=skills_phrase(params)
        ),
        R.DOMAIN: lambda: _("In a field you care about: %(domain)s", domain=domain_phrase(params["domain"])),
        R.TEXT: lambda: _("Close to what you are looking for: %(terms)s", terms=terms()),
        R.KIND: lambda: _text(KIND_WISHED.get(params["kind"], params["kind"])),
        R.MINORS_WELCOME: lambda: _("Open from age %(age)d", age=params.get("min_age", 16)),
        R.ELIGIBLE: lambda: _("Open to your profile"),
        R.CANDIDATE_AVAILABLE: lambda: _("Available %(when)s", when=availability_phrase(params)),
        R.CANDIDATE_DISTANCE: lambda: _(
            "Lives %(distance)s from the mission", distance=km_phrase(params["km"])
        ),
        R.CANDIDATE_REMOTE: lambda: _("Accepts remote missions"),
        R.CANDIDATE_HISTORY: lambda: _candidate_history(params),
        R.CANDIDATE_PATHWAY: lambda: _candidate_pathway(params),
        R.CANDIDATE_SKILL: lambda: ngettext(
            "Skill: %(skills)s", "Skills: %(skills)s", len(skills), skills=skills_phrase(params)
        ),
        R.CANDIDATE_DOMAIN: lambda: _("Interested in: %(domain)s", domain=domain_phrase(params["domain"])),
        R.CANDIDATE_TEXT: lambda: _("Their profile mentions: %(terms)s", terms=terms()),
        R.CANDIDATE_KIND: lambda: _text(KIND_WANTED.get(params["kind"], params["kind"])),
        R.CANDIDATE_ELIGIBLE: lambda: _("Profile suited to the mission"),
        R.SAME_ASSOCIATION: lambda: _("Also offered by %(name)s", name=name),
        R.SAME_DOMAIN: lambda: _("Same field: %(domain)s", domain=domain_phrase(params["domain"])),
        R.SHARED_SKILL: lambda: ngettext(
            "Skill in common: %(skills)s",
            "Skills in common: %(skills)s",
            len(skills),
            skills=skills_phrase(params),
        ),
        R.NEARBY_MISSION: lambda: _from_here(
            params["km"],
            near=_("Less than a kilometre from this mission"),
            far=_l("%(km)d km from this mission"),
        ),
        R.SIMILAR_TEXT: lambda: _("On related themes: %(terms)s", terms=terms()),
    }


def render_reason(reason: Reason) -> str:
    """One reason as a sentence in the current language."""
    renderer = _renderers(dict(reason.params)).get(reason.code)
    if renderer is None:
        raise ValueError(f"unknown reason code {reason.code!r}")
    return renderer()


def render_reasons(reasons: Sequence[Reason]) -> list[str]:
    return [render_reason(reason) for reason in reasons]


def render_reason_lists(lists: Sequence[Sequence[Reason]]) -> list[list[str]]:
    """Several recommendations' reasons at once, fetching the catalog once."""
    token = _catalog.set(get_translations())
    try:
        return [render_reasons(reasons) for reasons in lists]
    finally:
        _catalog.reset(token)


def stage_label(stage: Stage) -> str:
    return str(STAGE_LABELS[Stage(stage)])


def next_step_sentence(step: NextStep) -> str:
    return str(NEXT_STEPS[step.code])
