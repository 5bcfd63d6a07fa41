"""The daily run of ``flask reminders run``: reminders over many applications, then saved-search alerts.

    python benchmarks/bench_reminders.py                        # 10,000 missions, 100,000 applications
    python benchmarks/bench_reminders.py --missions 100000 --applications 1000000 --searches 10000
    python benchmarks/bench_reminders.py --url sqlite:////tmp/bench-reminders.db

Builds a throwaway database (default PostgreSQL ``tremplin_bench_reminders``, emptied first) with
published one-off and recurring missions whose dates spread over a year, volunteers each holding
about twenty applications (a third accepted), and ``--searches`` saved searches (words, causes,
places) of which half are due; 1% of the missions were published since the last alert. Then times,
in one process as the cron job runs: the reminders run (queueing into the outbox), the same run
again (everything already queued: the idempotent path), and the alert run (search index built
first, with the configured backend: Whoosh by default, ``SEARCH_BACKEND=postgres`` for PostgreSQL).
Targets (issue 15): reminders over 100,000 missions and 1,000,000 applications ≤ 60 s; alerts for
10,000 saved searches ≤ 2 min.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("TREMPLIN_ENV", "testing")

from bench_writes import ensure_database
from sqlalchemy import delete, func, insert, select, text

from marketplace import create_app
from marketplace.accounts.models import User
from marketplace.alerts.models import SavedSearch
from marketplace.alerts.services import run_alerts
from marketplace.associations.models import Association, Mission
from marketplace.candidates.models import Application
from marketplace.config import normalize_database_url
from marketplace.extensions import db
from marketplace.notifications.models import OutboxMessage
from marketplace.reminders.services import run as run_reminders
from marketplace.search.services import reindex_all

DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/tremplin_bench_reminders"
CHUNK = 20_000
WORDS = (
    "jardin",
    "collecte",
    "maraude",
    "devoirs",
    "trésorier",
    "accueil",
    "tri",
    "numérique",
    "sport",
    "repas",
)
DOMAINS = ("aide-alimentaire", "environnement", "education", "seniors", "sport", "sante")
PLACES = (
    ("69007", "Lyon", 45.7456, 4.8427),
    ("75011", "Paris", 48.8590, 2.3800),
    ("13001", "Marseille", 43.2990, 5.3840),
)


def _chunks(rows, size=CHUNK):
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def seed(
    missions: int, applications: int, searches: int, today: date, now: datetime, rng: random.Random
) -> None:
    association = Association(name="Banc d'essai", slug="banc-essai", city="Lyon", postcode="69007")
    db.session.add(association)
    db.session.commit()
    mission_rows = []
    for number in range(missions):
        postcode, city, lat, lon = rng.choice(PLACES)
        recurring = number % 3 == 0
        mission_rows.append(
            {
                "association_id": association.id,
                "title": f"{rng.choice(WORDS).capitalize()} solidaire n°{number}",
                "description": "Accueillir les personnes, préparer les colis et ranger ensemble.",
                "kind": "ponctual",
                "domain": rng.choice(DOMAINS),
                "schedule": "recurring" if recurring else "one_off",
                "start_date": None if recurring else today + timedelta(days=rng.randint(-100, 265)),
                "slots": [rng.choice(("wed_evening", "sat_morning", "mon_afternoon"))] if recurring else [],
                "city": city,
                "postcode": postcode,
                "lat": lat,
                "lon": lon,
                "capacity": 30,
                "status": "published",
                "published_at": now - timedelta(hours=rng.randint(1, 20))
                if number % 100 == 0
                else now - timedelta(days=30),
                "created_at": now,
                "updated_at": now,
            }
        )
    for rows in _chunks(mission_rows):
        db.session.execute(insert(Mission), rows)
    mission_ids = list(db.session.scalars(select(Mission.id)))
    volunteers = max(applications // 20, 1)
    user_rows = [
        {
            "email": f"v{n}@bench.fr",
            "role": "candidate",
            "first_name": "Alex",
            "password_hash": "x",
            "created_at": now,
            "updated_at": now,
        }
        for n in range(volunteers)
    ]
    for rows in _chunks(user_rows):
        db.session.execute(insert(User), rows)
    user_ids = list(db.session.scalars(select(User.id)))
    application_rows = []
    for number in range(applications):
        accepted = number % 3 == 0
        application_rows.append(
            {
                # Each volunteer applies to distinct missions (one active application per pair).
                "mission_id": mission_ids[
                    (number // len(user_ids) + 37 * (number % len(user_ids))) % len(mission_ids)
                ],
                "candidate_id": user_ids[number % len(user_ids)],
                "status": "accepted" if accepted else "pending",
                "decided_at": now - timedelta(days=rng.randint(0, 60)) if accepted else None,
                "created_at": now - timedelta(days=70),
                "updated_at": now,
            }
        )
    for rows in _chunks(application_rows):
        db.session.execute(insert(Application), rows)
    search_rows = []
    for number in range(searches):
        postcode = rng.choice(PLACES)[0]
        query = f"q={rng.choice(WORDS)}" if number % 2 else f"domain={rng.choice(DOMAINS)}"
        search_rows.append(
            {
                "user_id": user_ids[number % len(user_ids)],
                "name": query,
                "query_string": f"{query}&postcode={postcode}",
                "frequency": "daily" if number % 2 else "weekly",
                "created_at": now - timedelta(days=40),
                "last_checked_at": now - timedelta(days=1 if number % 2 else 3),
            }
        )
    for rows in _chunks(search_rows):
        db.session.execute(insert(SavedSearch), rows)
    db.session.commit()


def main() -> None:
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[attr-defined]  # figures as they come
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL))
    parser.add_argument("--missions", type=int, default=10_000)
    parser.add_argument("--applications", type=int, default=100_000)
    parser.add_argument("--searches", type=int, default=2_000)
    parser.add_argument("--reuse", action="store_true", help="keep the data an earlier run left (no seeding)")
    args = parser.parse_args()
    url = normalize_database_url(args.url)
    ensure_database(url)
    index_dir = tempfile.mkdtemp(prefix="bench-reminders-index-")
    app = create_app(
        {"SQLALCHEMY_DATABASE_URI": url, "SEARCH_INDEX_DIR": index_dir, "SERVER_NAME": "bench.local"}
    )
    today = date.today()
    now = datetime.combine(today, datetime.min.time()) + timedelta(hours=8)
    with app.app_context(), app.test_request_context("/"):
        if args.reuse:
            db.session.execute(delete(OutboxMessage))
            db.session.commit()
        else:
            db.drop_all()
            db.create_all()
        started = time.perf_counter()
        if not args.reuse:
            seed(args.missions, args.applications, args.searches, today, now, random.Random(20261208))
        if db.engine.dialect.name == "postgresql":
            # Fresh bulk-loaded tables: give the planner the statistics autovacuum would gather.
            with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
                connection.execute(text("ANALYZE"))
        print(
            f"seeded {args.missions:,} missions, {args.applications:,} applications, "
            f"{args.searches:,} saved searches in {time.perf_counter() - started:.1f} s "
            f"({db.engine.dialect.name})"
        )
        started = time.perf_counter()
        report = run_reminders(today)
        first = time.perf_counter() - started
        print(
            f"reminders run: {len(report.due):,} due, {report.queued:,} queued in {first:.1f} s "
            "(target ≤ 60 s at 100k/1M)"
        )
        started = time.perf_counter()
        again = run_reminders(today)
        print(
            f"same run again: {again.queued} queued, {again.already_queued:,} already queued "
            f"in {time.perf_counter() - started:.1f} s"
        )
        started = time.perf_counter()
        indexed = reindex_all()
        print(
            f"search index ({app.config['SEARCH_BACKEND']}): {indexed:,} missions "
            f"in {time.perf_counter() - started:.1f} s"
        )
        started = time.perf_counter()
        alerts = run_alerts(now)
        took = time.perf_counter() - started
        print(
            f"alerts run: {alerts.looked_at:,} saved searches looked at, {alerts.sent:,} alerts queued, "
            f"{alerts.nothing_new:,} with nothing new in {took:.1f} s "
            f"({took / max(alerts.looked_at, 1) * 1000:.1f} ms per search; target 10,000 in ≤ 120 s)"
        )
        outbox = db.session.scalar(select(func.count()).select_from(OutboxMessage))
        print(f"outbox: {outbox:,} messages; load average {os.getloadavg()[0]:.1f}")
        db.session.remove()  # release the session's locks before dropping its tables
        if not args.reuse:
            db.drop_all()


if __name__ == "__main__":
    main()
