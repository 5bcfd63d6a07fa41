"""Guided search: places, recommendations for the answers, accompaniment requests, saving answers.

Services flush, never commit, and raise domain errors; the views commit once per request.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from flask import url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import false, select

from marketplace.accounts.models import User
from marketplace.accounts.validation import normalize_email
from marketplace.assistant import flow
from marketplace.assistant.models import CALL_TIMES, AccompanimentRequest
from marketplace.domain import DomainError, NotFound
from marketplace.extensions import db
from marketplace.matching.types import CandidateFacts
from marketplace.models_base import utcnow
from marketplace.networks.models import Network, NetworkAdmin
from marketplace.notifications.services import notify_users
from marketplace.reference.places import geo_index, place_for

RESULTS_LIMIT = 10
# Fetched beyond the limit, so that the group and hours filters still leave enough missions.
CANDIDATES_FETCHED = 60
CALLBACK_WORKING_DAYS = 2
MAX_FIRST_NAME = 80
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE_FR = re.compile(r"^(?:0[1-9]\d{8}|\+33[1-9]\d{8})$")


# Where the answers wait in the visitor's session (the views keep them; the data export reads them).
ANSWERS_SESSION_KEY = "assistant_answers"


class AnswersInvalid(DomainError):
    """Several field errors at once, so the step or form can show them all."""

    def __init__(self, errors: Mapping[str, object]):
        first_field, first_message = next(iter(errors.items()))
        super().__init__(first_message, field=first_field, code="answers_invalid")
        self.errors = dict(errors)


# --- Places --------------------------------------------------------------------------------------


def resolve_where(answer: Mapping[str, Any]) -> dict[str, Any]:
    """The "where" answer with the commune found (postcode, city); AnswersInvalid when unknown."""
    if answer.get("mode") != "place":
        return {**answer, "postcode": "", "city": ""}
    from marketplace.candidates.profile import PlaceUnknown, resolve_place

    index = geo_index()
    if index is None:
        raise AnswersInvalid({"place": _l("Places cannot be checked right now: try again later.")})
    try:
        place = resolve_place(index, answer.get("place", ""))
    except PlaceUnknown as error:
        raise AnswersInvalid({"place": error.message}) from error
    if place is None:
        raise AnswersInvalid({"place": _l("Type your postcode or the name of your commune.")})
    return {**answer, "postcode": place.postcode, "city": place.name}


def candidate_facts(request: flow.RecommendationRequest) -> CandidateFacts:
    """The engine's view of the answers, with the postcode turned into coordinates."""
    place = place_for(request.postcode) if request.postcode else None
    return CandidateFacts(
        age_range=request.age_range,
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        radius_km=float(request.radius_km),
        remote_ok=request.remote_ok or not request.located,
        slots=request.slots,
        flexible=request.flexible,
        domains=() if request.other_causes else request.domains,
        skills=request.skills,
        wanted_kinds=request.kinds,
        about=request.about,
        avoid_domains=request.avoid_domains,
        avoid_kinds=request.avoid_kinds,
        avoid_contexts=request.avoid_contexts,
    )


# --- Recommendations -----------------------------------------------------------------------------


@dataclass(frozen=True)
class AssistantResults:
    """What the result page shows: the missions, what was relaxed to find them, the refinements,
    and apart, missions that fit everything but the visitor's hours (« Si vos horaires changent »)."""

    request: flow.RecommendationRequest
    items: list[Any]  # MissionRecommendation from the matching services
    relaxed: tuple[str, ...] = ()
    refinements: tuple[str, ...] = field(default=())
    other_times: list[Any] = field(default_factory=list)

    @property
    def exact(self) -> bool:
        """Whether the missions fit every answer (nothing had to be relaxed)."""
        return bool(self.items) and not self.relaxed


def _recommend_for_facts(facts: CandidateFacts, *, limit: int) -> list[Any]:
    # The one place where the assistant calls the recommender.
    from marketplace.matching.services import recommend_for_facts

    return recommend_for_facts(facts, limit=limit)


def _fits(item: Any, request: flow.RecommendationRequest) -> bool:
    """The filters the engine does not know: from home, seats for the group, hours, other causes."""
    mission = item.mission
    if request.remote_only and not mission.remote:
        return False
    if mission.seats_left < request.group_size:
        return False
    if (
        request.max_hours_per_week is not None
        and mission.schedule == "recurring"
        and mission.hours_per_week
        and mission.hours_per_week > request.max_hours_per_week
    ):
        return False
    return not (request.other_causes and mission.domain in request.domains)


def recommend(request: flow.RecommendationRequest, *, limit: int = RESULTS_LIMIT) -> list[Any]:
    """The best missions for these answers, best first."""
    fetched = _recommend_for_facts(candidate_facts(request), limit=max(limit, CANDIDATES_FETCHED))
    return [item for item in fetched if _fits(item, request)][:limit]


def other_times(request: flow.RecommendationRequest, *, shown: int) -> list[Any]:
    """Missions fitting every answer but the visitor's days, for the block apart from the results.

    Shown when fewer than three results fit (``matching.services.OTHER_TIMES_BELOW``), or up to
    ``RESULTS_LIMIT`` when the visitor asked for « D'autres jours ».
    """
    from marketplace.matching.services import OTHER_TIMES_LIMIT, other_times_for_facts

    if not request.has_fixed_hours:
        return []
    asked = request.show_other_times
    fetched = other_times_for_facts(
        candidate_facts(request), shown=0 if asked else shown, limit=CANDIDATES_FETCHED
    )
    found = [item for item in fetched if _fits(item, request)]
    return found[: RESULTS_LIMIT if asked else OTHER_TIMES_LIMIT]


def results_for(
    answers: Mapping[str, Any], refinements: Sequence[str] = (), *, limit: int = RESULTS_LIMIT
) -> AssistantResults:
    """Recommendations for complete answers; when nothing fits, the closest after relaxing.

    Missions at other times than the visitor's are never among the results: they come apart.
    """
    request = flow.build_request(answers)
    for refinement in refinements:
        request = flow.refine(request, refinement)
    items = recommend(request, limit=limit)
    relaxed: list[str] = []
    if not items:
        for what, looser in flow.relaxations(request):
            relaxed.append(what)
            items = recommend(looser, limit=limit)
            if items:
                break
        else:
            relaxed = []
    return AssistantResults(
        request=request,
        items=items,
        relaxed=tuple(relaxed),
        refinements=flow.available_refinements(request) if items and not relaxed else (),
        other_times=other_times(request, shown=0 if relaxed else len(items)),
    )


# --- Accompaniment -------------------------------------------------------------------------------


@dataclass(frozen=True)
class AccompanimentData:
    """What the visitor leaves to be called back."""

    first_name: str = ""
    email: str = ""
    phone: str = ""
    call_time: str = "anytime"
    consent: bool = False
    postcode: str = ""


def normalize_phone(phone: str) -> str:
    """'06 12 34 56 78' -> '0612345678'; '+33 6 12...' -> '+33612...'."""
    return re.sub(r"[\s.\-()]", "", phone or "")


def accompaniment_problems(data: AccompanimentData) -> dict[str, object]:
    """Every broken rule of the request, as {field: message}."""
    problems: dict[str, object] = {}
    first_name = " ".join(data.first_name.split())
    if not first_name:
        problems["first_name"] = _l("Tell us your first name, so we know whom to ask for.")
    elif len(first_name) > MAX_FIRST_NAME:
        problems["first_name"] = _l("At most %(n)d characters.", n=MAX_FIRST_NAME)
    email, phone = normalize_email(data.email), normalize_phone(data.phone)
    if not email and not phone:
        problems["email"] = _l("Give an email address or a phone number (at least one).")
    if email and (len(email) > 254 or not _EMAIL.match(email)):
        problems["email"] = _l("Enter a valid email address, like nom@exemple.fr.")
    if phone and not _PHONE_FR.match(phone):
        problems["phone"] = _l("Enter a French phone number of 10 digits, like 06 12 34 56 78.")
    if data.call_time not in CALL_TIMES:
        problems["call_time"] = _l("Choose a good time to call you.")
    if data.postcode and not flow.is_postcode(data.postcode):
        problems["postcode"] = _l("A postcode has 5 digits, like 69007.")
    if not data.consent:
        problems["consent"] = _l("Tick the box so that we may keep your details and call you back.")
    return problems


def network_for_postcode(postcode: str) -> Network | None:
    """The network whose territory covers a postcode: one listing the postcode beats a département."""
    if not postcode:
        return None
    networks = list(db.session.scalars(select(Network).order_by(Network.id)))
    exact = [network for network in networks if postcode in (network.territory_postcodes or [])]
    if exact:
        return exact[0]
    return next((network for network in networks if network.covers_postcode(postcode)), None)


def _site_admins() -> list[User]:
    return list(db.session.scalars(select(User).where(User.role == "site_admin", User.is_active_account)))


def recipients_of(request: AccompanimentRequest) -> list[User]:
    """Who is told about a request: the network's admins, or the site admins when none."""
    if request.network is not None:
        admins = [admin.user for admin in request.network.admins if admin.user.is_active]
        if admins:
            return admins
    return _site_admins()


def request_accompaniment(data: AccompanimentData, answers: Mapping[str, Any]) -> AccompanimentRequest:
    """Record a call-back request, route it to the network of the postcode and tell its admins."""
    problems = accompaniment_problems(data)
    if problems:
        raise AnswersInvalid(problems)
    postcode = flow.normalize_postcode(data.postcode) if data.postcode else ""
    request = AccompanimentRequest(
        first_name=" ".join(data.first_name.split()),
        email=normalize_email(data.email),
        phone=normalize_phone(data.phone),
        call_time=data.call_time,
        answers={key: value for key, value in answers.items() if key in flow.STEPS},
        postcode=postcode,
        network=network_for_postcode(postcode),
    )
    db.session.add(request)
    db.session.flush()
    # The email says that a request waits, never who sent it: personal data stay in the inbox.
    notify_users(
        recipients_of(request),
        subject=_l("Someone would like to be accompanied to find a mission"),
        template="accompaniment_request",
        network=request.network,
        link=url_for("assistant.requests", _external=True),
    )
    return request


@dataclass(frozen=True)
class CallbackPromise:
    """What the visitor is told: who calls back, within how many working days."""

    who: str
    working_days: int


def callback_promise(request: AccompanimentRequest) -> CallbackPromise:
    who = request.network.name if request.network is not None else str(_l("the Tremplin team"))
    return CallbackPromise(who=who, working_days=CALLBACK_WORKING_DAYS)


# --- The inbox of requests -----------------------------------------------------------------------


def administered_network_ids(user: User) -> list[int]:
    return list(db.session.scalars(select(NetworkAdmin.network_id).where(NetworkAdmin.user_id == user.id)))


def _visible_to(user: User):
    query = select(AccompanimentRequest)
    if user.role == "site_admin":
        return query
    if user.role == "network_admin":
        return query.where(AccompanimentRequest.network_id.in_(administered_network_ids(user)))
    return query.where(false())


def requests_for(user: User, *, without_network: bool = False, status: str | None = None) -> list:
    """The requests a user may handle, newest waiting first."""
    query = _visible_to(user)
    if without_network and user.role == "site_admin":
        query = query.where(AccompanimentRequest.network_id.is_(None))
    if status in ("new", "handled"):
        query = query.where(AccompanimentRequest.status == status)
    order = (AccompanimentRequest.status == "handled", AccompanimentRequest.created_at.desc())
    return list(db.session.scalars(query.order_by(*order, AccompanimentRequest.id.desc())))


def mark_handled(request_id: int, *, by: User) -> AccompanimentRequest:
    """An admin of the request's network (or a site admin) marks it handled."""
    request = db.session.scalar(_visible_to(by).where(AccompanimentRequest.id == request_id))
    if request is None:
        raise NotFound(_l("This request does not exist or is not yours to handle."))
    if request.status != "handled":
        request.status = "handled"
        request.handled_by = by
        request.handled_at = utcnow()
    db.session.flush()
    return request


# --- Saving the answers in a profile -------------------------------------------------------------


def signup_prefill(answers: Mapping[str, Any]) -> dict[str, str]:
    """What the sign-up form can show from the answers (age range, postcode)."""
    where = answers.get(flow.WHERE) or {}
    age = answers.get(flow.AGE) or {}
    return {"age_range": age.get("age_range", ""), "postcode": where.get("postcode", "")}


def save_answers_to_profile(user: User, answers: Mapping[str, Any]) -> bool:
    """Fill the volunteer's profile from the answers, through the profile rules; False when unusable."""
    from marketplace.candidates.profile import ProfileData, update_profile

    if flow.first_unanswered(answers) is not None:
        return False
    fields = flow.profile_fields(answers)
    data = ProfileData(first_name=None, visible_to_associations=False, **fields)
    try:
        update_profile(user, data)
    except DomainError:
        # update_profile checks every rule before writing: try once more without the place.
        try:
            update_profile(user, replace(data, place=""))
        except DomainError:
            return False
    return True
