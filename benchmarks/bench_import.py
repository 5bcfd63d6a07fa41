"""Import speed: missions per second for a fresh import, then for re-importing the same file.

    python benchmarks/bench_import.py                  # 10,000 missions, SQLite then PostgreSQL
    python benchmarks/bench_import.py --large          # 10,000 and 100,000
    python benchmarks/bench_import.py --sizes 2000 --backends sqlite
    BENCH_IMPORT_LARGE=1 python benchmarks/run_all.py import   # make bench with 100,000 too

Each run starts from an empty database (a scratch SQLite file; on PostgreSQL the scratch database
``tremplin_bench_import``, or ``$BENCH_IMPORT_DATABASE``, with ``SEARCH_BACKEND=postgres`` and its
search schema, dropped at the end), generates a JSON Lines file of distinct missions spread over
50 associations, and imports it as ``flask missions import`` does: the file read once, then
written in batches of 500, each committed (so the change pipeline runs after each batch: the
Whoosh index on SQLite, the matching journal and caches on both), by the trusted command line
(every line is published, associations are created). It then imports the same file again: every
line is unchanged. Printed: seconds and missions/s for both (parsing included), and the count of
missions in the database.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("TREMPLIN_ENV", "testing")

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from marketplace.config import normalize_database_url

PG_SERVER = os.environ.get("BENCH_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
PG_DATABASE = os.environ.get("BENCH_IMPORT_DATABASE", "tremplin_bench_import")
WORDS = [
    "accueil",
    "collecte",
    "tri",
    "colis",
    "familles",
    "quartier",
    "enfants",
    "devoirs",
    "jardin",
    "potager",
    "repas",
    "seniors",
    "visite",
    "atelier",
    "numérique",
    "sport",
    "football",
    "musique",
    "théâtre",
    "bibliothèque",
    "lecture",
    "écoute",
    "soutien",
    "formation",
    "maraude",
    "hébergement",
    "santé",
    "prévention",
    "environnement",
    "nettoyage",
    "rivière",
    "plage",
    "animaux",
    "refuge",
    "chiens",
    "chats",
    "festival",
    "billetterie",
    "logistique",
    "transport",
    "chauffeur",
    "comptabilité",
    "trésorier",
    "secrétariat",
    "communication",
    "graphisme",
    "site",
    "réseaux",
    "sociaux",
    "traduction",
    "anglais",
    "arabe",
    "alphabétisation",
    "emploi",
]
DOMAINS = (
    "aide-alimentaire",
    "education",
    "sante",
    "seniors",
    "enfance-jeunesse",
    "environnement",
    "culture",
)
PLACES = (("Lyon", "69007"), ("Villeurbanne", "69100"), ("Paris", "75011"), ("Marseille", "13001"))


def mission_record(number: int, rng: random.Random, today: date) -> dict:
    """One valid mission, its text drawn from WORDS so that documents differ."""
    words = rng.sample(WORDS, 14)
    city, postcode = PLACES[number % len(PLACES)]
    start = today + timedelta(days=10 + number % 200)
    return {
        "external_id": f"bench-{number}",
        "title": f"{words[0].capitalize()} et {words[1]} n°{number}",
        "description": " ".join(["Mission", *words, "avec l'équipe de bénévoles de l'association."]),
        "kind": "ponctual",
        "domain": DOMAINS[number % len(DOMAINS)],
        "skills": words[2:4],
        "association": {"name": f"Association du banc {number % 50}"},
        "city": city,
        "postcode": postcode,
        "remote": False,
        "schedule": "one_off",
        "start_date": start.isoformat(),
        "end_date": (start + timedelta(days=1)).isoformat(),
        "capacity": 1 + number % 10,
        "min_age": 16,
    }


def generate_file(count: int) -> str:
    rng = random.Random(count)
    today = date.today()
    return "".join(json.dumps(mission_record(n, rng, today), ensure_ascii=False) + "\n" for n in range(count))


def scratch_postgres(create: bool) -> str:
    url = make_url(normalize_database_url(PG_SERVER))
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{PG_DATABASE}" WITH (FORCE)'))
        if create:
            connection.execute(text(f'CREATE DATABASE "{PG_DATABASE}"'))
    admin.dispose()
    return url.set(database=PG_DATABASE).render_as_string(hide_password=False)


def build_app(backend: str, workdir: Path):
    from marketplace import create_app
    from marketplace.extensions import db

    if backend == "postgres":
        config = {"SQLALCHEMY_DATABASE_URI": scratch_postgres(create=True), "SEARCH_BACKEND": "postgres"}
    else:
        config = {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{workdir / 'bench.db'}",
            "SEARCH_BACKEND": "whoosh",
            "SEARCH_INDEX_DIR": str(workdir / "index"),
            "SEARCH_SYNC": True,  # the Whoosh index kept in step after each commit, as in production
        }
    app = create_app(config)
    with app.app_context():
        db.create_all()
        if backend == "postgres":
            from marketplace.search import postgres

            postgres.install(db.session)
            db.session.commit()
    return app


def timed_import(app, content: str) -> tuple[float, object]:
    from flask_babel import force_locale

    from marketplace.associations.imports import import_missions
    from marketplace.associations.imports.writing import parse_import
    from marketplace.extensions import db

    def commit_batch(*_done: object) -> None:
        db.session.commit()

    with app.test_request_context(), force_locale("fr"):
        started = time.perf_counter()
        parsed = parse_import(content, "jsonl")
        report = import_missions(content, "jsonl", by=None, parsed=parsed, on_batch=commit_batch)
        db.session.commit()
        elapsed = time.perf_counter() - started
        db.session.remove()
    return elapsed, report


def count_missions(app) -> int:
    from marketplace.associations.models import Mission
    from marketplace.extensions import db

    with app.app_context():
        return db.session.scalar(select(func.count(Mission.id))) or 0


def warm_up() -> None:
    """Load the INSEE places once (as any long-lived worker has): the figures are the import's."""
    from marketplace.reference.places import place_for

    place_for("69007", "Lyon")


def bench(backend: str, size: int) -> None:
    content = generate_file(size)
    with tempfile.TemporaryDirectory() as directory:
        app = build_app(backend, Path(directory))
        with app.app_context():
            warm_up()
        fresh, report = timed_import(app, content)
        created, _updated, rejected = report.counts
        again, report2 = timed_import(app, content)
        total = count_missions(app)
        print(
            f"{backend:8} {size:>7,} missions: fresh {fresh:7.1f} s ({size / fresh:7,.0f}/s; "
            f"created {created:,}, rejected {rejected}) | unchanged re-import {again:6.1f} s "
            f"({size / again:7,.0f}/s; {report2.counts}) | in database {total:,}",
            flush=True,
        )
        with app.app_context():
            from marketplace.extensions import db

            db.session.remove()
            db.engine.dispose()
    if backend == "postgres":
        scratch_postgres(create=False)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--large", action="store_true", help="also 100,000 missions")
    parser.add_argument("--sizes", type=int, nargs="*", help="sizes to run (default 10,000)")
    parser.add_argument(
        "--backends", nargs="*", default=["sqlite", "postgres"], choices=["sqlite", "postgres"]
    )
    args = parser.parse_args(argv)
    large = args.large or os.environ.get("BENCH_IMPORT_LARGE") == "1"
    sizes = args.sizes or ([10_000, 100_000] if large else [10_000])
    print(f"load average: {os.getloadavg()[0]:.2f}", flush=True)
    for size in sizes:
        for backend in args.backends:
            bench(backend, size)


if __name__ == "__main__":
    main()
