"""Write throughput: accepts per second from several threads, through the service layer.

    python benchmarks/bench_writes.py                                   # PostgreSQL, 8 threads
    python benchmarks/bench_writes.py --applications 800 --threads 8
    python benchmarks/bench_writes.py --processes 4 --threads 2     # 4 worker processes, 2 threads each
    python benchmarks/bench_writes.py --database-url sqlite:////tmp/bench-writes.db

Creates ``--applications`` pending applications, each on its own mission (so the only row every
transaction shares is whatever the change pipeline writes on commit: the seat counters do not
collide), then accepts them from ``--threads`` threads, each with its own app context and session,
one transaction per accept (``applications.accept`` then commit, as the inbox view does). Prints
accepts/s and the latency p50/p95 of one accept-and-commit. The database is emptied and rebuilt
first: give it a throwaway database (default ``tremplin_bench_writes``, created when missing).

``--without-journal`` unsubscribes the change pipeline's ``matching-journal`` subscriber (the one
row every such commit locks): the difference is what that serialisation costs.

``--sql-only`` leaves Python out: the same threads run just the SQL every accept's commit ends
with (touch one mission row; with the stamp: upsert the stamp row and journal the mission), for
a few seconds, with and without the stamp. It shows the database's own ceiling with the one row
(every writer holds its lock through its COMMIT) against the ceiling without it.

Threads of one process share its GIL, so with 8 threads Python time dominates; ``--processes``
forks worker processes (like gunicorn workers), where a row every commit must lock shows up.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import threading
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("TREMPLIN_ENV", "testing")

from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url
from werkzeug.security import generate_password_hash

from marketplace import create_app
from marketplace.accounts.models import User
from marketplace.associations.models import Association, Membership, Mission
from marketplace.candidates import applications
from marketplace.candidates.models import Application, CandidateProfile
from marketplace.config import normalize_database_url
from marketplace.extensions import db

DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/tremplin_bench_writes"


def ensure_database(url: str) -> None:
    """Create the PostgreSQL database when missing (SQLite creates its file itself)."""
    target = make_url(url)
    if not target.drivername.startswith("postgresql"):
        return
    admin = create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        exists = connection.scalar(
            text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": target.database}
        )
        if not exists:
            connection.execute(text(f'CREATE DATABASE "{target.database}"'))
    admin.dispose()


def seed(count: int) -> tuple[int, list[int]]:
    """One association owner, ``count`` published missions with one pending application each."""
    password_hash = generate_password_hash("bench-password-1234")
    owner = User(email="owner@bench.fr", role="association", first_name="Owner", password_hash=password_hash)
    association = Association(name="Banc d'essai", slug="banc-essai", city="Lyon", postcode="69007")
    db.session.add_all([owner, association, Membership(user=owner, association=association, role="owner")])
    start = date.today() + timedelta(days=10)
    for number in range(count):
        candidate = User(
            email=f"candidate{number}@bench.fr",
            role="candidate",
            first_name="Alex",
            password_hash=password_hash,
        )
        mission = Mission(
            association=association,
            title=f"Distribution de colis {number}",
            description="Accueillir les personnes et préparer les colis.",
            kind="ponctual",
            domain="aide-alimentaire",
            schedule="one_off",
            start_date=start,
            city="Lyon",
            postcode="69007",
            lat=45.7456,
            lon=4.8427,
            capacity=1,
            status="published",
        )
        profile = CandidateProfile(user=candidate, age_range="26-35", postcode="69007", city="Lyon")
        db.session.add_all([candidate, profile, mission, Application(mission=mission, candidate=candidate)])
    db.session.commit()
    ids = list(db.session.scalars(select(Application.id).order_by(Application.id)))
    return owner.id, ids


def run(app, owner_id: int, application_ids: list[int], threads: int) -> tuple[float, list[float]]:
    """Accept every application from ``threads`` threads; (seconds, per-accept latencies)."""
    queue = list(reversed(application_ids))
    lock = threading.Lock()
    latencies: list[float] = []
    failures: list[str] = []
    barrier = threading.Barrier(threads + 1)

    def worker() -> None:
        with app.app_context(), app.test_request_context("/"):
            owner = db.session.get(User, owner_id)
            barrier.wait()
            while True:
                with lock:
                    if not queue:
                        return
                    application_id = queue.pop()
                started = time.perf_counter()
                try:
                    application = db.session.get(Application, application_id)
                    applications.accept(application, by=owner)
                    db.session.commit()
                except Exception as error:  # noqa: BLE001 - counted and shown, the run goes on
                    db.session.rollback()
                    with lock:
                        failures.append(f"{type(error).__name__}: {error}")
                    continue
                elapsed = time.perf_counter() - started
                db.session.expunge_all()  # a fresh read per accept, like one request each
                owner = db.session.get(User, owner_id)
                with lock:
                    latencies.append(elapsed)

    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for thread in pool:
        thread.start()
    barrier.wait()
    started = time.perf_counter()
    for thread in pool:
        thread.join()
    seconds = time.perf_counter() - started
    if failures:
        print(f"{len(failures)} accepts failed, first: {failures[0]}")
    return seconds, latencies


def _process(url: str, owner_id: int, ids: list[int], threads: int, start, results) -> None:
    """One worker process: its own app and pool; waits for the others, then accepts its share."""
    app = make_app(url, threads)
    start.wait()
    _seconds, latencies = run(app, owner_id, ids, threads)
    results.put(latencies)


def make_app(url: str, threads: int):
    return create_app(
        {
            "SQLALCHEMY_DATABASE_URI": url,
            "SQLALCHEMY_ENGINE_OPTIONS": {"pool_size": threads + 2, "max_overflow": 0},
            "SERVER_NAME": "bench.localhost",
        }
    )


def run_processes(args, owner_id: int, ids: list[int]) -> tuple[float, list[float]]:
    """Accept from ``args.processes`` forked processes of ``args.threads`` threads each."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    start, results = context.Barrier(args.processes + 1), context.Queue()
    shares = [ids[number :: args.processes] for number in range(args.processes)]
    workers = [
        context.Process(
            target=_process, args=(args.database_url, owner_id, share, args.threads, start, results)
        )
        for share in shares
    ]
    for worker in workers:
        worker.start()
    start.wait()
    started = time.perf_counter()
    latencies = [value for _ in workers for value in results.get()]
    seconds = time.perf_counter() - started
    for worker in workers:
        worker.join()
    return seconds, latencies


TOUCH_SQL = "UPDATE missions SET seats_taken = seats_taken WHERE id = %s"
STAMP_SQL = (
    "INSERT INTO matching_state (id, version, epoch) VALUES (1, 1, 'bench') "
    "ON CONFLICT (id) DO UPDATE SET version = matching_state.version + 1 RETURNING version"
)


def run_sql_only(app, threads: int, seconds: float, *, with_stamp: bool) -> float:
    """Commits per second of ``threads`` writers running only the commit's SQL for ``seconds``."""
    with app.app_context():
        mission_ids = list(db.session.scalars(select(Mission.id)))
        db.session.remove()
    done, lock = [0], threading.Lock()
    barrier = threading.Barrier(threads + 1)
    deadline = [0.0]

    def writer(number: int) -> None:
        with app.app_context():
            connection = db.engine.raw_connection()
            try:
                cursor = connection.cursor()
                barrier.wait()
                count = 0
                while time.perf_counter() < deadline[0]:
                    mission_id = mission_ids[(number * 7919 + count) % len(mission_ids)]
                    cursor.execute(TOUCH_SQL, (mission_id,))
                    if with_stamp:
                        cursor.execute(STAMP_SQL)
                        version = cursor.fetchone()[0]
                        cursor.execute(
                            "INSERT INTO matching_changes (version, mission_id) VALUES (%s, %s)",
                            (version, mission_id),
                        )
                    connection.commit()
                    count += 1
                with lock:
                    done[0] += count
            finally:
                connection.close()

    pool = [threading.Thread(target=writer, args=(number,)) for number in range(threads)]
    for thread in pool:
        thread.start()
    deadline[0] = time.perf_counter() + seconds
    barrier.wait()
    for thread in pool:
        thread.join()
    return done[0] / seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--applications", type=int, default=800)
    parser.add_argument("--threads", type=int, default=8, help="threads per process")
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--without-journal", action="store_true", help="measure without the stamp row")
    parser.add_argument("--sql-only", action="store_true", help="the commit's SQL only")
    args = parser.parse_args()
    args.database_url = normalize_database_url(args.database_url)

    ensure_database(args.database_url)
    app = make_app(args.database_url, args.threads)
    if args.without_journal:
        from marketplace.missions import changes

        changes.unsubscribe("matching-journal")
    with app.app_context():
        db.drop_all()
        db.create_all()
        owner_id, application_ids = seed(args.applications)
        db.session.remove()
        db.engine.dispose()  # forked processes must not share its connections
    if args.sql_only:
        for with_stamp in (True, False):
            rate = run_sql_only(app, args.threads, 8.0, with_stamp=with_stamp)
            label = "with the stamp row" if with_stamp else "without it"
            print(f"SQL only, {args.threads} writers, {label}: {rate:.0f} commits/s")
        return
    if args.processes > 1:
        seconds, latencies = run_processes(args, owner_id, application_ids)
    else:
        seconds, latencies = run(app, owner_id, application_ids, args.threads)
    with app.app_context():
        accepted = db.session.scalar(
            select(db.func.count()).select_from(Application).where(Application.status == "accepted")
        )
        db.engine.dispose()
    latencies.sort()
    p95 = latencies[int(0.95 * (len(latencies) - 1))] if latencies else 0.0
    print(
        f"{make_url(args.database_url).get_backend_name()}: {accepted} accepts from {args.processes} "
        f"process(es) x {args.threads} threads "
        f"in {seconds:.2f} s = {accepted / seconds:.0f} accepts/s; "
        f"one accept+commit p50 {statistics.median(latencies) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms"
    )


if __name__ == "__main__":
    main()
