"""Capacity under concurrency: many requests at the same instant never overbook a mission.

Each thread has its own app context, hence its own session and connection, and they all start
together behind a barrier. The full-size races (50 accepts, 10 applies) run on PostgreSQL; a
smaller version of both runs on SQLite, where writers queue on the database lock.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable

import pytest
from sqlalchemy import func, select

from marketplace.accounts.models import User
from marketplace.associations.models import Mission
from marketplace.candidates import applications as service
from marketplace.candidates.models import Application
from marketplace.extensions import db
from tests.conftest import build_app, is_postgres

POSTGRES_ONLY = pytest.mark.skipif(
    not is_postgres(),
    reason="needs PostgreSQL (row locks under real parallel writers): "
    "set TEST_DATABASE_URL=postgresql://... — CI runs it in its PostgreSQL pass",
)


@pytest.fixture
def threaded_app(app):
    """The same database behind a pool wide enough for every thread to hold a connection at once."""
    wide = build_app(SQLALCHEMY_ENGINE_OPTIONS={"pool_size": 55, "max_overflow": 0, "pool_pre_ping": True})
    yield wide
    with wide.app_context():
        db.engine.dispose()


def _race(app, count: int, attempt: Callable[[int, threading.Barrier], str]) -> Counter:
    """Run ``attempt(i)`` in ``count`` threads released together; count the outcomes."""
    barrier = threading.Barrier(count, timeout=60)
    outcomes: list[str] = []
    lock = threading.Lock()

    def worker(index: int) -> None:
        # Its own app context (its own session); a request context because services build links.
        with app.app_context(), app.test_request_context("/"):
            try:
                outcome = attempt(index, barrier)
            except Exception as error:  # noqa: BLE001 - every unexpected outcome is counted and shown
                db.session.rollback()
                outcome = f"error:{type(error).__name__}:{error}"
        with lock:
            outcomes.append(outcome)

    threads = [threading.Thread(target=worker, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a thread is stuck"
    return Counter(outcomes)


def _accept_race(make, threaded_app, threads: int) -> tuple[Counter, Mission]:
    """``threads`` team members' clicks accept ``threads`` different applications of a one-seat mission."""
    owner = make.user("association")
    mission = make.mission(make.association(owner=owner), capacity=1)
    application_ids = [make.application(mission, make.user("candidate")).id for _ in range(threads)]
    owner_id, mission_id = owner.id, mission.id

    def accept(index: int, barrier: threading.Barrier) -> str:
        application = db.session.get(Application, application_ids[index])
        by = db.session.get(User, owner_id)
        _ = application.mission.association  # read everything before the start signal
        db.session.commit()  # hold no lock while waiting
        barrier.wait()
        try:
            service.accept(application, by=by)
            db.session.commit()
            return "accepted"
        except service.MissionFull:
            db.session.rollback()
            return "mission_full"

    outcomes = _race(threaded_app, threads, accept)
    db.session.expire_all()
    return outcomes, db.session.get(Mission, mission_id)


def _apply_race(make, threaded_app, threads: int) -> tuple[Counter, int]:
    """One candidate's ``threads`` simultaneous clicks on "apply" to the same mission."""
    mission_id = make.mission(capacity=5).id
    candidate_id = make.user("candidate").id

    def apply(_index: int, barrier: threading.Barrier) -> str:
        mission = db.session.get(Mission, mission_id)
        candidate = db.session.get(User, candidate_id)
        _ = (mission.association, candidate.profile)
        db.session.commit()
        barrier.wait()
        try:
            service.apply(mission, candidate, motivation="Disponible tout le mois.")
            db.session.commit()
            return "applied"
        except service.AlreadyApplied:
            db.session.rollback()
            return "already_applied"
        except service.NotEligible:
            db.session.rollback()
            return "not_eligible"

    outcomes = _race(threaded_app, threads, apply)
    db.session.expire_all()
    rows = db.session.scalar(
        select(func.count(Application.id)).where(
            Application.mission_id == mission_id, Application.candidate_id == candidate_id
        )
    )
    return outcomes, rows


def _assert_one_seat_taken(outcomes: Counter, mission: Mission, threads: int) -> None:
    print(
        f"\n{threads} simultaneous accepts on a 1-seat mission ({db.engine.dialect.name}): {dict(outcomes)}"
    )
    assert outcomes == Counter(accepted=1, mission_full=threads - 1)
    assert (mission.seats_taken, mission.seats_left) == (1, 0)
    accepted = db.session.scalar(
        select(func.count(Application.id)).where(
            Application.mission_id == mission.id, Application.status == "accepted"
        )
    )
    assert accepted == 1


def _assert_one_application(outcomes: Counter, rows: int, threads: int) -> None:
    print(f"\n{threads} simultaneous applies by one candidate ({db.engine.dialect.name}): {dict(outcomes)}")
    assert outcomes["applied"] == 1
    assert outcomes["already_applied"] + outcomes["not_eligible"] == threads - 1
    assert rows == 1


@pytest.mark.postgres
@POSTGRES_ONLY
def test_fifty_simultaneous_accepts_on_one_seat_take_exactly_one(make, threaded_app):
    outcomes, mission = _accept_race(make, threaded_app, 50)
    _assert_one_seat_taken(outcomes, mission, 50)


@pytest.mark.postgres
@POSTGRES_ONLY
def test_ten_simultaneous_applies_by_one_candidate_create_one_application(make, threaded_app):
    outcomes, rows = _apply_race(make, threaded_app, 10)
    _assert_one_application(outcomes, rows, 10)


def test_eight_simultaneous_accepts_on_one_seat_take_exactly_one_on_any_database(make, threaded_app):
    outcomes, mission = _accept_race(make, threaded_app, 8)
    _assert_one_seat_taken(outcomes, mission, 8)


def test_eight_simultaneous_applies_by_one_candidate_create_one_application_on_any_database(
    make, threaded_app
):
    outcomes, rows = _apply_race(make, threaded_app, 8)
    _assert_one_application(outcomes, rows, 8)
