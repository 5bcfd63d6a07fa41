"""Matching in the app: facts from the database, a per-process engine kept fresh, and the queries.

Freshness across workers and nodes: every transaction that changes missions bumps one database
stamp (``matching_state``: an epoch token plus a version counter) and journals the mission ids
under the new version (``matching_changes``), in that same transaction. The ids are the ones the
search sync already collects (``search.services.PENDING_KEY``: ORM changes plus bulk seat
updates), so no feature has to call matching. Before answering, a worker compares its engine's
version with the stamp and replays the journal entries since (upsert/remove, no refit); it
rebuilds only when the epoch changed, the journal was pruned, or it is too far behind.
"""

from __future__ import annotations

import logging
import sys
import threading
import uuid
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from flask import Flask, current_app, has_app_context
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, event, func, insert, inspect, select
from sqlalchemy.orm import Session, joinedload

from marketplace.accounts.models import User
from marketplace.associations.models import Association, Mission
from marketplace.associations.permissions import can_manage_association
from marketplace.candidates.models import Application, CandidateProfile
from marketplace.domain import Conflict, NotAllowed, NotFound
from marketplace.extensions import db
from marketplace.matching import (
    CandidateFacts,
    HistoryItem,
    MatchingEngine,
    MissionFacts,
    NextStep,
    PathwaySummary,
    Recommendation,
    summarize,
)
from marketplace.matching.models import MatchingChange, MatchingState, MissionInvitation
from marketplace.matching.render import next_step_sentence, render_reason_lists, stage_label
from marketplace.matching.text import TextModel, mission_text
from marketplace.models_base import upsert_insert
from marketplace.notifications.services import notify_user
from marketplace.reference.slugs import DAY_PART_SLUGS, DAY_SLUGS
from marketplace.reference.vocabularies import ACTIVE_APPLICATION_STATUSES, DOMAIN_LABELS_FR
from marketplace.search.services import PENDING_KEY

logger = logging.getLogger(__name__)

ENGINE_KEY = "tremplin_matching"
RENAMED_KEY = "matching_renamed_associations"
STATE_ID = 1
MAX_REPLAY = 5000  # changed missions beyond which a rebuild is cheaper than a replay
JOURNAL_KEEP = 50_000  # versions kept in the journal after a rebuild
REFIT_GROWTH = 2.0  # refit the vocabulary in the background once the index doubled...
REFIT_MIN_NEW = 500  # ...and gained at least this many missions since the last fit
HISTORY_STATUSES = ("accepted", "completed")
LOAD_BATCH = 2000
# A fresh site has few missions: these texts give the vocabulary its everyday words from day one
# (missions published later are indexed with the fitted vocabulary until the next refit).
SEED_UNTIL = 200
SEED_TEXTS = (
    *DOMAIN_LABELS_FR.values(),
    "accueil écoute accompagnement animation distribution collecte tri colis repas maraude",
    "soutien scolaire aide aux devoirs français mathématiques lecture alphabétisation",
    "comptabilité trésorerie communication graphisme site internet informatique administratif",
    "coordination encadrement équipe bénévoles formation secourisme transport logistique",
    "jardinage nettoyage nature sport jeunes enfants personnes âgées visites handicap",
)


# --- Facts from the database -------------------------------------------------------------------


_FACT_COLUMNS = (
    *("id", "title", "description", "skills", "domain", "kind", "association_id", "schedule"),
    *("start_date", "end_date", "slots", "hours_per_week", "lat", "lon", "remote", "min_age"),
    *("max_age", "status", "city", "day_parts"),
)


_SHARED_STRINGS = ("domain", "kind", "schedule", "status", "city")


def _facts_from(source: object, *, association_name: str, seats_left: int) -> MissionFacts:
    """Facts from anything with the mission's column attributes (an ORM mission or a row)."""
    values = {name: getattr(source, name) for name in _FACT_COLUMNS}
    # The database hands out a new string per row: interned, the engine's 100,000 facts share
    # one copy of each slug, town, skill and slot (about 50 MB less per worker).
    for name in _SHARED_STRINGS:
        values[name] = sys.intern(values[name] or "")
    for name in ("skills", "slots", "day_parts"):
        values[name] = tuple(sys.intern(item) for item in values[name] or ())
    values["description"] = values["description"] or ""
    association_name = sys.intern(association_name)
    return MissionFacts(**values, association_name=association_name, seats_left=seats_left)


def mission_facts(mission: Mission) -> MissionFacts:
    """What the engine knows about a mission (its association must be loadable)."""
    return _facts_from(mission, association_name=mission.association.name, seats_left=mission.seats_left)


def _history_item(application: Application) -> HistoryItem:
    mission = application.mission
    return HistoryItem(
        mission_id=mission.id,
        association_id=mission.association_id,
        association_name=mission.association.name,
        kind=mission.kind,
        schedule=mission.schedule,
        status=application.status,
        hours_done=application.hours_done,
        title=mission.title,
    )


def histories_of(user_ids: Collection[int]) -> dict[int, tuple[HistoryItem, ...]]:
    """Accepted and completed applications per candidate, oldest first (one query)."""
    if not user_ids:
        return {}
    applications = db.session.scalars(
        select(Application)
        .options(joinedload(Application.mission).joinedload(Mission.association))
        .where(Application.candidate_id.in_(list(user_ids)), Application.status.in_(HISTORY_STATUSES))
        .order_by(Application.created_at, Application.id)
    )
    found: dict[int, list[HistoryItem]] = defaultdict(list)
    for application in applications:
        found[application.candidate_id].append(_history_item(application))
    return {user_id: tuple(items) for user_id, items in found.items()}


def _profile_of(user_or_profile: User | CandidateProfile) -> CandidateProfile | None:
    if isinstance(user_or_profile, CandidateProfile):
        return user_or_profile
    return user_or_profile.profile


def facts_from_profile(profile: CandidateProfile, history: Iterable[HistoryItem] = ()) -> CandidateFacts:
    """A profile as the engine reads it, with the given history."""
    return CandidateFacts(
        age_range=profile.age_range,
        lat=profile.lat,
        lon=profile.lon,
        radius_km=float(profile.radius_km),
        remote_ok=profile.remote_ok,
        slots=tuple(profile.slots or ()),
        flexible=profile.flexible,
        domains=tuple(profile.domains or ()),
        skills=tuple(profile.skills or ()),
        wanted_kinds=tuple(profile.wanted_kinds or ()),
        about=profile.about or "",
        history=tuple(history),
        avoid_domains=tuple(profile.avoid_domains or ()),
        avoid_kinds=tuple(profile.avoid_kinds or ()),
        avoid_contexts=tuple(profile.avoid_contexts or ()),
    )


def candidate_facts(user_or_profile: User | CandidateProfile) -> CandidateFacts | None:
    """A candidate's profile and history as engine facts; None without a profile."""
    profile = _profile_of(user_or_profile)
    if profile is None:
        return None
    history = histories_of([profile.user_id]).get(profile.user_id, ())
    return facts_from_profile(profile, history)


# --- The database stamp and its journal ---------------------------------------------------------


@dataclass(frozen=True)
class Stamp:
    """Where the database's mission data stands: ``epoch`` changes when the state row is recreated."""

    epoch: str | None
    version: int


def read_stamp(session: Session | None = None) -> Stamp:
    """The current stamp (epoch None and version 0 before any change)."""
    row = (
        (session or db.session)
        .execute(select(MatchingState.epoch, MatchingState.version).where(MatchingState.id == STATE_ID))
        .first()
    )
    return Stamp(None, 0) if row is None else Stamp(row.epoch, row.version)


def _bump_statement(dialect: str):
    values = {"id": STATE_ID, "version": 1, "epoch": uuid.uuid4().hex}
    # One atomic upsert: two first writers cannot both insert, and the row lock it takes
    # orders concurrent committers so versions become visible in order.
    return (
        upsert_insert(dialect, MatchingState)
        .values(**values)
        .on_conflict_do_update(index_elements=["id"], set_={"version": MatchingState.version + 1})
        .returning(MatchingState.version)
    )


def record_changes(session: Session, mission_ids: Collection[int]) -> int:
    """Bump the stamp and journal these missions under the new version; return the version."""
    version = session.execute(_bump_statement(session.get_bind().dialect.name)).scalar_one()
    session.execute(
        insert(MatchingChange), [{"version": version, "mission_id": mission_id} for mission_id in mission_ids]
    )
    return version


def _collect_renamed_associations(session: Session, _context) -> None:
    # Missions carry their association's name (reasons, search documents): a rename changes them.
    for obj in session.dirty:
        if isinstance(obj, Association) and inspect(obj).attrs.name.history.has_changes():
            session.info.setdefault(RENAMED_KEY, set()).add(obj.id)


def _journal_before_commit(session: Session) -> None:
    if session.in_nested_transaction():
        return
    # The commit's own flush comes after this hook: flush now so its missions are collected.
    session.flush()
    renamed = session.info.pop(RENAMED_KEY, None)
    if renamed:
        missions = session.scalars(select(Mission.id).where(Mission.association_id.in_(renamed)))
        session.info.setdefault(PENDING_KEY, set()).update(missions)  # the search index needs them too
    pending = session.info.get(PENDING_KEY)
    if pending:
        record_changes(session, sorted(pending))


_listening = False


def init_matching_sync(app: Flask) -> None:
    """Journal mission changes in every committing transaction (registered once per process)."""
    global _listening
    if not _listening:
        event.listen(Session, "after_flush", _collect_renamed_associations)
        event.listen(Session, "before_commit", _journal_before_commit)
        _listening = True
    if app.config.get("MATCHING_WARM_AT_START"):
        warm_in_background(app)


# --- The per-process engine ---------------------------------------------------------------------


def published_facts(session: Session, ids: Collection[int] | None = None) -> Iterator[MissionFacts]:
    """Facts of the published missions (all, or among ``ids``), read as plain rows.

    Rows, not ORM objects: at 100,000 missions the identity map would cost seconds and memory.
    """
    columns = [getattr(Mission, name) for name in _FACT_COLUMNS]
    query = (
        select(*columns, Mission.capacity, Mission.seats_taken, Association.name.label("association_name"))
        .join(Association, Association.id == Mission.association_id)
        .where(Mission.status == "published")
    )
    if ids is not None:
        query = query.where(Mission.id.in_(list(ids)))
    rows = session.execute(query.order_by(Mission.id).execution_options(yield_per=LOAD_BATCH))
    for row in rows:
        seats_left = max(row.capacity - row.seats_taken, 0)
        yield _facts_from(row, association_name=row.association_name, seats_left=seats_left)


def build_engine(session: Session) -> tuple[MatchingEngine, Stamp]:
    """A full fit on the published missions, stamped with the version read before loading them."""
    stamp = read_stamp(session)  # read first: changes after it are replayed later (idempotent)
    facts = list(published_facts(session))
    if len(facts) >= SEED_UNTIL:
        return MatchingEngine.fit(facts, version=stamp.version), stamp
    texts = [mission_text(m.title, m.description, m.skills, m.domain) for m in facts]
    text_model, _ = TextModel.fit([*texts, *SEED_TEXTS])
    if not facts:
        engine = MatchingEngine(text_model)
        engine.version = stamp.version
        return engine, stamp
    return MatchingEngine.fit(facts, version=stamp.version, text_model=text_model), stamp


@dataclass
class EngineHolder:
    """One engine per process (and app), shared by its threads, following the database stamp."""

    engine: MatchingEngine | None = None
    epoch: str | None = None
    fitted_size: int = 0
    fits: int = 0  # full builds so far (tests assert freshness comes without one)
    replays: int = 0
    lock: threading.RLock = field(default_factory=threading.RLock)
    refitting: bool = False

    def current(self) -> MatchingEngine:
        """The engine, brought up to the database stamp first."""
        stamp = read_stamp()
        with self.lock:
            engine = self.engine
            if engine is None or self._other_epoch(stamp) or stamp.version < engine.version:
                self.rebuild()
            elif stamp.version > engine.version:
                self._catch_up(engine, stamp)
            assert self.engine is not None
            return self.engine

    def _other_epoch(self, stamp: Stamp) -> bool:
        # Built before the state row existed (epoch None): the journal holds every change since.
        return self.epoch is not None and stamp.epoch != self.epoch

    def rebuild(self) -> MatchingEngine:
        """Fit a new engine from the database and use it."""
        with Session(db.engine) as session:
            engine, stamp = build_engine(session)
        self.install(engine, stamp)
        return engine

    def install(self, engine: MatchingEngine, stamp: Stamp) -> None:
        with self.lock:
            self.engine, self.epoch = engine, stamp.epoch
            self.fitted_size = len(engine)
            self.fits += 1

    def _catch_up(self, engine: MatchingEngine, stamp: Stamp) -> None:
        with Session(db.engine) as session:
            changed = _changes_between(session, engine.version, stamp.version)
            if changed is None or len(changed) > MAX_REPLAY:
                logger.info("Matching engine too far behind (version %s): rebuilding", engine.version)
                self.rebuild()
                return
            found = list(published_facts(session, changed))
        gone = set(changed) - {facts.id for facts in found}
        engine.upsert(found, version=stamp.version)
        engine.remove(gone, version=stamp.version)
        # An engine built before the state row existed adopts its epoch: a later recreated row
        # (restored or reset database) with the same version number is then noticed.
        self.epoch = stamp.epoch
        self.replays += 1
        self._maybe_refit_later(engine)

    def _maybe_refit_later(self, engine: MatchingEngine) -> None:
        """A vocabulary fitted on few missions misses the words of many new ones: refit aside."""
        grown = len(engine) - self.fitted_size
        if self.refitting or grown < REFIT_MIN_NEW or len(engine) < REFIT_GROWTH * self.fitted_size:
            return
        if has_app_context():
            self.refitting = True
            warm_in_background(current_app._get_current_object())


def _changes_between(session: Session, since: int, until: int) -> set[int] | None:
    """Missions journaled in (since, until]; None when part of that journal was pruned."""
    oldest = session.scalar(select(func.min(MatchingChange.version)).where(MatchingChange.version > since))
    if oldest is None or oldest > since + 1:
        return None
    rows = session.scalars(
        select(MatchingChange.mission_id)
        .where(MatchingChange.version > since, MatchingChange.version <= until)
        .distinct()
    )
    return set(rows)


def engine_holder(app: Flask | None = None) -> EngineHolder:
    """This app's holder (each app object, like each worker process, has its own engine)."""
    app = app or current_app._get_current_object()
    return app.extensions.setdefault(ENGINE_KEY, EngineHolder())


def current_engine() -> MatchingEngine:
    """The engine, up to date with the database."""
    return engine_holder().current()


def warm_in_background(app: Flask) -> threading.Thread:
    """Build the engine in a thread (at start, or to refit the vocabulary) and swap it in."""

    def build() -> None:
        holder = engine_holder(app)
        try:
            with app.app_context():
                if holder.engine is None:
                    with holder.lock:  # first build: requests wait for it rather than start their own
                        if holder.engine is None:
                            holder.rebuild()
                    return
                with Session(db.engine) as session:
                    engine, stamp = build_engine(session)
                with holder.lock:
                    current = holder.engine
                    if current is None or holder._other_epoch(stamp) or engine.version >= current.version:
                        holder.install(engine, stamp)
        except Exception:
            logger.exception("Matching engine build failed")
        finally:
            holder.refitting = False

    thread = threading.Thread(target=build, name="matching-build", daemon=True)
    thread.start()
    return thread


def rebuild() -> dict[str, int]:
    """Refit this process's engine and prune the journal (``flask matching rebuild``)."""
    engine = engine_holder().rebuild()
    db.session.execute(delete(MatchingChange).where(MatchingChange.version <= engine.version - JOURNAL_KEEP))
    return engine.stats()


# --- Queries for the views and the API ----------------------------------------------------------


@dataclass(frozen=True)
class MissionRecommendation:
    """A recommended mission (loaded, with its association) and why, in the reader's language."""

    mission: Mission
    score: float
    reasons: list[str]
    reason_codes: list[str]
    distance_km: float | None
    outside_request: tuple[str, ...] = ()  # ("kind",): a kind the person did not ask for


def _published_by_id(ids: list[int]) -> dict[int, Mission]:
    if not ids:
        return {}
    query = (
        select(Mission)
        .options(joinedload(Mission.association))
        .where(Mission.id.in_(ids), Mission.status == "published", Mission.seats_taken < Mission.capacity)
    )
    return {mission.id: mission for mission in db.session.scalars(query)}


def _with_missions(recommendations: list[Recommendation]) -> list[MissionRecommendation]:
    missions = _published_by_id([item.mission_id for item in recommendations])
    # The engine may be a moment behind a change made in this very request: the database decides.
    kept = [item for item in recommendations if item.mission_id in missions]
    sentences = render_reason_lists([item.reasons for item in kept])
    return [
        MissionRecommendation(
            mission=missions[item.mission_id],
            score=item.score,
            reasons=reasons,
            reason_codes=[reason.code for reason in item.reasons],
            distance_km=item.distance_km,
            outside_request=item.outside_request,
        )
        for item, reasons in zip(kept, sentences, strict=True)
    ]


def recommend_for_facts(
    facts: CandidateFacts, *, limit: int = 10, exclude: Collection[int] = (), next_step_only: bool = False
) -> list[MissionRecommendation]:
    """Best published missions for these facts (a profile or anonymous answers)."""
    found = _recommend(current_engine(), facts, limit, exclude=exclude, next_step_only=next_step_only)
    return _with_missions(found)


# The dashboard, the assistant and the API show the missions a person could attend only at other
# hours apart from the main list, and only when that list is short: with three suggestions or
# more there is a real choice (a row of cards on the dashboard), and missions they said they
# cannot attend would only crowd it; below three, « Si vos horaires changent » tells them what
# changing their hours would open, instead of an almost empty page.
OTHER_TIMES_BELOW = 3
OTHER_TIMES_LIMIT = 3


def other_times_for_facts(
    facts: CandidateFacts, *, shown: int, limit: int = OTHER_TIMES_LIMIT, exclude: Collection[int] = ()
) -> list[MissionRecommendation]:
    """Missions that fit everything but the person's weekly hours, when fewer than 3 others showed."""
    if shown >= OTHER_TIMES_BELOW or facts.flexible or not facts.slots or limit <= 0:
        return []
    found = _recommend_other_times(current_engine(), facts, limit, exclude=exclude)
    return _with_missions(found)


def other_times_for_user(
    user: User, *, shown: int, limit: int = OTHER_TIMES_LIMIT
) -> list[MissionRecommendation]:
    """``other_times_for_facts`` for a candidate's profile, leaving out missions they applied to."""
    facts = candidate_facts(user)
    if facts is None:
        return []
    return other_times_for_facts(facts, shown=shown, limit=limit, exclude=_active_mission_ids(user))


# --- Until the engine applies the availability and "not wanted" filters itself ------------------
# The engine branch adds them to ``recommend`` and adds ``recommend_other_times``; an engine
# without that method gets the same rules (LABELS.md, eligibility 4 and 5 for domains and kinds,
# and the kinds asked for first, others only when none fits, marked ``outside_request``) applied
# here on its answers. Delete this block once every engine has ``recommend_other_times``.
_FALLBACK_FETCH = 200


def _engine_filters_wishes(engine: MatchingEngine) -> bool:
    return hasattr(engine, "recommend_other_times")


def _recommend(
    engine: MatchingEngine, facts: CandidateFacts, limit: int, **options: object
) -> list[Recommendation]:
    today = date.today()
    if _engine_filters_wishes(engine):
        return engine.recommend(facts, limit=limit, today=today, **options)
    found = engine.recommend(facts, limit=max(limit, _FALLBACK_FETCH), today=today, **options)
    found = [item for item in found if _fits(engine.mission(item.mission_id), facts)]
    # Kinds asked are honoured: others only when none of those fits, and then said so.
    asked = [item for item in found if engine.mission(item.mission_id).kind in facts.wanted_kinds]
    if asked or not facts.wanted_kinds:
        return (asked or found)[:limit]
    return [replace(item, outside_request=("kind",)) for item in found[:limit]]


def _recommend_other_times(
    engine: MatchingEngine, facts: CandidateFacts, limit: int, *, exclude: Collection[int]
) -> list[Recommendation]:
    today = date.today()
    if _engine_filters_wishes(engine):
        return engine.recommend_other_times(facts, limit=limit, today=today, exclude=exclude)
    anytime = replace(facts, flexible=True)
    found = engine.recommend(anytime, limit=_FALLBACK_FETCH, today=today, exclude=exclude)
    other_times = [
        item
        for item in found
        if _fits(engine.mission(item.mission_id), anytime)
        and not _fits(engine.mission(item.mission_id), facts)
    ]
    return other_times[:limit]


def _fits(mission: MissionFacts, facts: CandidateFacts) -> bool:
    """Not a cause or kind the person avoids, and at hours they gave (unless flexible)."""
    if mission.domain in facts.avoid_domains or mission.kind in facts.avoid_kinds:
        return False
    if facts.flexible or not facts.slots:
        return True
    if mission.schedule == "recurring" or mission.start_date is None:
        return not mission.slots or bool(set(mission.slots) & set(facts.slots))
    last = mission.end_date or mission.start_date
    days = {
        (mission.start_date + timedelta(days=n)).weekday()
        for n in range(min(7, (last - mission.start_date).days + 1))
    }
    parts = mission.day_parts or DAY_PART_SLUGS
    return any(f"{DAY_SLUGS[day]}_{part}" in facts.slots for day in days for part in parts)


def _active_mission_ids(user: User) -> set[int]:
    return set(
        db.session.scalars(
            select(Application.mission_id).where(
                Application.candidate_id == user.id, Application.status.in_(ACTIVE_APPLICATION_STATUSES)
            )
        )
    )


def recommend_for_user(user: User, limit: int = 10) -> list[MissionRecommendation]:
    """Recommendations for a candidate, leaving out missions they already applied to."""
    facts = candidate_facts(user)
    if facts is None:
        return []
    return recommend_for_facts(facts, limit=limit, exclude=_active_mission_ids(user))


def similar_missions(mission: Mission, limit: int = 4) -> list[MissionRecommendation]:
    """Open missions close to this one ("Missions similaires")."""
    return _with_missions(current_engine().similar_to(mission.id, limit=limit, today=date.today()))


@dataclass(frozen=True)
class Pathway:
    """The dashboard's pathway block: where the candidate stands and missions for the next step."""

    summary: PathwaySummary
    stage_label: str
    next_step: NextStep
    next_step_sentence: str
    missions: list[MissionRecommendation]


def pathway_for(user: User, limit: int = 3) -> Pathway | None:
    """Stage, what was done so far, the next step and missions for it; None without a profile."""
    facts = candidate_facts(user)
    if facts is None:
        return None
    summary = summarize(facts.history)
    missions = recommend_for_facts(facts, limit=limit, exclude=_active_mission_ids(user), next_step_only=True)
    return Pathway(
        summary=summary,
        stage_label=stage_label(summary.stage),
        next_step=summary.next_step,
        next_step_sentence=next_step_sentence(summary.next_step),
        missions=missions,
    )


# --- Suggested candidates and invitations (association side) ------------------------------------


@dataclass(frozen=True)
class SuggestedCandidate:
    """A candidate suggested for a mission: first name and reasons only, never contact details."""

    user_id: int
    first_name: str
    age_range: str
    city: str
    score: float
    reasons: list[str]
    invited: bool


def _check_member(mission: Mission, user: User) -> None:
    if not can_manage_association(user, mission.association):
        raise NotAllowed(_("This mission belongs to another association."))


def _visible_profiles(mission: Mission) -> list[CandidateProfile]:
    already = select(Application.candidate_id).where(Application.mission_id == mission.id)
    return list(
        db.session.scalars(
            select(CandidateProfile)
            .options(joinedload(CandidateProfile.user))
            .join(User, User.id == CandidateProfile.user_id)
            .where(
                CandidateProfile.visible_to_associations.is_(True),
                User.role == "candidate",
                User.is_active_account.is_(True),
                CandidateProfile.user_id.not_in(already),
            )
            .order_by(CandidateProfile.id)
        )
    )


def _invited_ids(mission: Mission) -> set[int]:
    return set(
        db.session.scalars(
            select(MissionInvitation.candidate_id).where(MissionInvitation.mission_id == mission.id)
        )
    )


def suggested_candidates(mission: Mission, *, by: User, limit: int = 10) -> list[SuggestedCandidate]:
    """Visible candidates ranked for one of the association's missions, with reasons."""
    _check_member(mission, by)
    profiles = {profile.user_id: profile for profile in _visible_profiles(mission)}
    histories = histories_of(list(profiles))
    facts = {user_id: facts_from_profile(p, histories.get(user_id, ())) for user_id, p in profiles.items()}
    matches = current_engine().rank_candidates(mission_facts(mission), facts, limit=limit)
    invited = _invited_ids(mission)
    sentences = render_reason_lists([match.reasons for match in matches])
    return [
        SuggestedCandidate(
            user_id=match.candidate_key,
            first_name=profiles[match.candidate_key].user.first_name,
            age_range=profiles[match.candidate_key].age_range,
            city=profiles[match.candidate_key].city,
            score=match.score,
            reasons=reasons,
            invited=match.candidate_key in invited,
        )
        for match, reasons in zip(matches, sentences, strict=True)
    ]


class AlreadyInvited(Conflict):
    """This candidate was already invited to this mission."""


def invite_candidate(mission: Mission, candidate_id: int, *, by: User) -> MissionInvitation:
    """Invite a visible candidate to apply: one invitation per mission and candidate, by email."""
    _check_member(mission, by)
    if mission.status != "published" or mission.seats_left <= 0:
        raise Conflict(_("Only a published mission with seats left can receive applications."))
    profile = db.session.scalar(
        select(CandidateProfile).where(
            CandidateProfile.user_id == candidate_id, CandidateProfile.visible_to_associations.is_(True)
        )
    )
    if profile is None or profile.user.role != "candidate" or not profile.user.is_active_account:
        raise NotFound(_("This volunteer is not available for suggestions."))
    exists = db.session.scalar(
        select(MissionInvitation.id).where(
            MissionInvitation.mission_id == mission.id, MissionInvitation.candidate_id == candidate_id
        )
    )
    if exists is not None:
        raise AlreadyInvited(_("This volunteer was already invited to this mission."))
    invitation = MissionInvitation(mission=mission, candidate=profile.user, invited_by=by)
    db.session.add(invitation)
    notify_user(
        profile.user,
        subject=_l("An association invites you to apply"),
        template="mission_invitation",
        mission=mission,
    )
    db.session.flush()
    return invitation


def invitations_for(user: User) -> list[MissionInvitation]:
    """Invitations to missions still open, newest first (the candidate's dashboard)."""
    return list(
        db.session.scalars(
            select(MissionInvitation)
            .join(Mission, Mission.id == MissionInvitation.mission_id)
            .options(joinedload(MissionInvitation.mission).joinedload(Mission.association))
            .where(MissionInvitation.candidate_id == user.id, Mission.status == "published")
            .order_by(MissionInvitation.created_at.desc(), MissionInvitation.id.desc())
        )
    )
