"""Words of the assistant in the visitor's language: the pure flow only knows slugs and keys."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l

from marketplace.assistant import flow
from marketplace.candidates.profile import AVOID_CONTEXT_CHOICES
from marketplace.reference.vocabularies import (
    DOMAINS,
    MISSION_KIND_DESCRIPTIONS,
    MISSION_KINDS,
    Choice,
    slot_label,
)

STEP_TITLES = {
    "causes": _l("What moves you?"),
    "time": _l("How much time would you like to give?"),
    "when": _l("When are you available?"),
    "where": _l("Where would you like to help?"),
    "skills": _l("What would you like to do or learn?"),
    "avoid": _l("What you would rather not do"),
    "age": _l("How old are you?"),
    "company": _l("Would you come alone or with someone?"),
}
STEP_HINTS = {
    "causes": _l("Tick the causes that speak to you, as many as you like, or none if everything does."),
    "time": _l("There is no wrong answer: many people start with a few hours."),
    "when": _l("Choose simple answers, or tick the exact parts of the week."),
    "where": _l("Your postcode or your commune, and how far you would travel."),
    "skills": _l("What you know how to do, or would like to learn. You can skip this question."),
    "avoid": _l(
        "Tick what you do not want: we will never suggest it. Leave everything unticked if anything goes."
    ),
    "age": _l("Some missions are open from 16, others from 18: we never ask for your date of birth."),
    "company": _l("Some associations welcome friends, families or colleagues together."),
}
# The step's slug in the address bar (French first: the site's addresses are French).
STEP_SLUGS = {
    "causes": "causes",
    "time": "temps",
    "when": "quand",
    "where": "ou",
    "skills": "envies",
    "avoid": "ce-que-je-ne-souhaite-pas",
    "age": "age",
    "company": "avec-qui",
}
STEP_OF_SLUG = {slug: step for step, slug in STEP_SLUGS.items()}

ERRORS = {
    "unknown_domain": _l("This cause is not in our list: choose among the causes shown."),
    "words_too_long": _l("Use at most %(n)d characters.", n=300),
    "choose_frequency": _l("Choose how much time you would like to give."),
    "hours_out_of_range": _l("Choose a number of hours per week between 1 and 35."),
    "unknown_slot": _l("This moment of the week is not in our list."),
    "choose_when": _l("Choose at least one answer, or “Whenever suits”."),
    "choose_where": _l("Choose near a place or from home."),
    "place_required": _l("Type your postcode or the name of your commune."),
    "postcode_malformed": _l("A postcode has 5 digits, like 69007."),
    "radius_out_of_range": _l("Choose a distance between 5 and 100 km."),
    "unknown_choice": _l("This choice is not in our list."),
    "too_many_skills": _l("At most 20 skills."),
    "skill_too_long": _l("Each skill has at most 60 characters."),
    "choose_age_range": _l("Choose your age range. Tremplin is open from 16 years old."),
    "choose_company": _l("Choose alone or with whom you would come."),
    "avoid_chosen_domain": _l(
        "You chose this cause at the first question: it cannot be avoided too. Untick it here or there."
    ),
    "avoid_chosen_kind": _l(
        "You asked for this kind of mission earlier: it cannot be avoided too. Untick it here or go back."
    ),
    "avoid_every_kind": _l("Leave at least one kind of mission you do not avoid."),
    "avoid_every_domain": _l("Leave at least one cause you do not avoid."),
}

FREQUENCIES = (
    Choice("once", _l("Once, to try")),
    Choice("sometimes", _l("Now and then")),
    Choice("weekly", _l("Every week")),
)
FREQUENCY_HINTS = {
    "once": _l("An event, a collection, a day in the field."),
    "sometimes": _l("A few times a year, when you can."),
    "weekly": _l("A few hours each week, with the same team."),
}
WHEN_CHOICES = (
    Choice("weekend", _l("At the weekend")),
    Choice("evenings", _l("In the evening, on weekdays")),
    Choice("weekday_daytime", _l("During the day, on weekdays")),
    Choice("wednesday", _l("On Wednesdays")),
    Choice("anytime", _l("Whenever suits")),
)
WHERE_MODES = (
    Choice("place", _l("Near a place")),
    Choice("remote", _l("From home, at a distance")),
)
SKILL_LABELS = {
    "accueil": _l("Welcoming people"),
    "cuisine": _l("Cooking"),
    "bricolage": _l("DIY and repairs"),
    "jardinage": _l("Gardening"),
    "animation": _l("Leading activities"),
    "soutien scolaire": _l("Helping with homework"),
    "informatique": _l("Computers"),
    "communication": _l("Communication"),
    "comptabilité": _l("Accounting"),
    "conduite": _l("Driving"),
}
KIND_LABELS = {
    "support": _l("Lend my professional skills"),
    "leadership": _l("Take on a responsibility in an association"),
}
COMPANIONS = (
    Choice("alone", _l("Alone")),
    Choice("friend", _l("With a friend")),
    Choice("family", _l("With my family")),
    Choice("colleagues", _l("With colleagues")),
)
CALL_TIMES = (
    Choice("morning", _l("In the morning")),
    Choice("lunch", _l("At lunchtime")),
    Choice("afternoon", _l("In the afternoon")),
    Choice("evening", _l("In the early evening")),
    Choice("anytime", _l("Any time")),
)
REFINEMENTS = {
    "closer": _l("Closer"),
    "other_days": _l("Other days"),
    "other_causes": _l("Other causes"),
}
RELAXED = {
    "group": _l("we included missions with fewer seats than your group needs"),
    "hours": _l("we included missions asking more hours per week"),
    "causes": _l("we looked at every cause"),
    "distance": _l("we looked up to 100 km away"),
    "remote": _l("we added missions done from home"),
}
AGE_CHOICES = (
    Choice("16-17", _l("16 or 17")),
    Choice("18-25", _l("18 to 25")),
    Choice("26-35", _l("26 to 35")),
    Choice("36-50", _l("36 to 50")),
    Choice("51-65", _l("51 to 65")),
    Choice("66+", _l("66 or more")),
)
AVOID_CONTEXTS = AVOID_CONTEXT_CHOICES
AVOID_KINDS = MISSION_KINDS
AVOID_KIND_HINTS = MISSION_KIND_DESCRIPTIONS
SKILL_CHOICES = tuple(Choice(slug, label) for slug, label in SKILL_LABELS.items())
KIND_CHOICES = tuple(Choice(slug, label) for slug, label in KIND_LABELS.items())


def _labels(choices: tuple[Choice, ...], slugs: list[str] | tuple[str, ...]) -> str:
    found = {choice.slug: str(choice.label) for choice in choices}
    return ", ".join(found.get(slug, slug) for slug in slugs)


def readable_answers(answers: dict[str, Any]) -> list[tuple[str, str]]:
    """The answers as (question, answer) lines for the people who call back."""
    lines: list[tuple[str, str]] = []

    def add(step: str, value: str) -> None:
        if value:
            lines.append((str(STEP_TITLES[step]), value))

    causes = answers.get(flow.CAUSES) or {}
    add(
        flow.CAUSES,
        "; ".join(filter(None, [_labels(DOMAINS, causes.get("domains") or []), causes.get("words")])),
    )
    time = answers.get(flow.TIME) or {}
    if time.get("frequency"):
        frequency = _labels(FREQUENCIES, [time["frequency"]])
        hours = time.get("hours")
        add(flow.TIME, f"{frequency} ({_l('%(h)s h/week', h=hours)})" if hours else frequency)
    when = answers.get(flow.WHEN) or {}
    moments = [_labels(WHEN_CHOICES, when.get("choices") or [])]
    moments += [slot_label(slot) for slot in when.get("slots") or []]
    add(flow.WHEN, ", ".join(filter(None, moments)))
    where = answers.get(flow.WHERE) or {}
    if where.get("mode") == "remote":
        add(flow.WHERE, str(_l("From home, at a distance")))
    elif where.get("mode") == "place":
        place = (
            f"{where.get('city')} ({where.get('postcode')})" if where.get("city") else where.get("place", "")
        )
        add(flow.WHERE, str(_l("%(place)s, up to %(km)s km", place=place, km=where.get("radius_km"))))
    skills = answers.get(flow.SKILLS) or {}
    wishes = [str(SKILL_LABELS.get(slug, slug)) for slug in skills.get("skills") or []]
    wishes += [skills.get("other_skills") or ""]
    wishes += [str(KIND_LABELS.get(slug, slug)) for slug in skills.get("kinds") or []]
    add(flow.SKILLS, ", ".join(filter(None, wishes)))
    avoid = answers.get(flow.AVOID) or {}
    ruled_out = [
        _labels(AVOID_CONTEXTS, avoid.get("contexts") or []),
        _labels(MISSION_KINDS, avoid.get("kinds") or []),
        _labels(DOMAINS, avoid.get("domains") or []),
    ]
    add(flow.AVOID, ", ".join(filter(None, ruled_out)))
    add(flow.AGE, _labels(AGE_CHOICES, [(answers.get(flow.AGE) or {}).get("age_range", "")]).strip(", "))
    company = (answers.get(flow.COMPANY) or {}).get("company")
    add(flow.COMPANY, _labels(COMPANIONS, [company]) if company else "")
    return lines
