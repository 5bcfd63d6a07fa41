"""One matching engine per process (and app), built from the database and kept up to its stamp.

Before answering, a worker compares its engine's version with the database stamp and replays the
journal entries since (upsert/remove, no refit); it rebuilds only when the epoch changed, the
journal was pruned, or it is too far behind.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from flask import Flask, has_app_context
from sqlalchemy.orm import Session

from marketplace.extensions import db, this_app
from marketplace.matching import journal
from marketplace.matching.facts import published_facts
from marketplace.missions.stamp import Stamp, read_stamp
from marketplace.reference.vocabularies import DOMAIN_LABELS_FR

if TYPE_CHECKING:  # the engine (scikit-learn, SciPy) loads when first built, not at start-up
    from marketplace.matching.engine import MatchingEngine

logger = logging.getLogger(__name__)

ENGINE_KEY = "tremplin_matching"  # app.extensions
MAX_REPLAY = 5000  # changed missions beyond which a rebuild is cheaper than a replay
REFIT_GROWTH = 2.0  # refit the vocabulary in the background once the index doubled...
REFIT_MIN_NEW = 500  # ...and gained at least this many missions since the last fit
# A fresh site has few missions: these texts give the vocabulary its everyday words from day one
# (missions published later are indexed with the fitted vocabulary until the next refit).
SEED_UNTIL = 200
# At most every quarter of a second, a worker returns the heap pages its requests freed
# (store.trim_heap, ~1 ms): at 30,000 missions, 400 requests left a worker 38 MB larger untrimmed,
# at most 18 MB larger with this, 0 with a trim per request.
TRIM_SECONDS = 0.25
SEED_TEXTS = (
    *DOMAIN_LABELS_FR.values(),
    "accueil écoute accompagnement animation distribution collecte tri colis repas maraude",
    "soutien scolaire aide aux devoirs français mathématiques lecture alphabétisation",
    "comptabilité trésorerie communication graphisme site internet informatique administratif",
    "coordination encadrement équipe bénévoles formation secourisme transport logistique",
    "jardinage nettoyage nature sport jeunes enfants personnes âgées visites handicap",
)


def build_engine(session: Session) -> tuple[MatchingEngine, Stamp]:
    """A full fit on the published missions, stamped with the version read before loading them."""
    from marketplace.matching.engine import MatchingEngine
    from marketplace.matching.text import TextModel, mission_text

    stamp = read_stamp(session)  # read first: changes after it are replayed later (idempotent)
    facts = list(published_facts(session))
    # Descriptions stay in the database: ``similar_missions`` hands the engine the mission it shows.
    if len(facts) >= SEED_UNTIL:
        return MatchingEngine.fit(facts, version=stamp.version, keep_descriptions=False), stamp
    texts = [mission_text(m.title, m.description, m.skills, m.domain) for m in facts]
    text_model, _ = TextModel.fit([*texts, *SEED_TEXTS])
    if not facts:
        engine = MatchingEngine(text_model, keep_descriptions=False)
        engine.version = stamp.version
        return engine, stamp
    engine = MatchingEngine.fit(facts, version=stamp.version, text_model=text_model, keep_descriptions=False)
    return engine, stamp


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
    trimmed_at: float = 0.0

    def current(self) -> MatchingEngine:
        """The engine, brought up to the database stamp first."""
        self._trim_now_and_then()
        stamp = read_stamp()
        with self.lock:
            engine = self.engine
            if engine is None or self._other_epoch(stamp) or stamp.version < engine.version:
                self.rebuild()
            elif stamp.version > engine.version:
                self._catch_up(engine, stamp)
            assert self.engine is not None
            return self.engine

    def _trim_now_and_then(self) -> None:
        """Hand the memory freed by the previous requests back to the system, now and then (a
        worker otherwise keeps it: ~90 MB more after 200 requests at 100,000 missions)."""
        now = time.monotonic()
        if self.engine is not None and now - self.trimmed_at >= TRIM_SECONDS:
            from marketplace.matching.store import trim_heap

            self.trimmed_at = now
            trim_heap()

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
            changed = journal.changes_between(session, engine.version, stamp.version)
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
            warm_in_background(this_app())


def engine_holder(app: Flask | None = None) -> EngineHolder:
    """This app's holder (each app object, like each worker process, has its own engine)."""
    app = app or this_app()
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
                    current: MatchingEngine | None = holder.engine  # may have changed meanwhile
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
    journal.prune(db.session(), below=engine.version - journal.JOURNAL_KEEP)
    return engine.stats()


def init_matching(app: Flask) -> None:
    """Journal mission changes on every commit; build the engine at start when configured."""
    journal.init_journal()
    if app.config.get("MATCHING_WARM_AT_START"):
        warm_in_background(app)
