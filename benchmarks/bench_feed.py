"""The API Engagement feed (/flux/api-engagement.xml): time and memory to serve it whole.

    python benchmarks/bench_feed.py                         # 10,000 then 100,000 missions, SQLite
    python benchmarks/bench_feed.py --sizes 1000 20000
    python benchmarks/bench_feed.py --database-url postgresql://postgres@127.0.0.1:5432/tremplin_bench_feed

For each size, fills a throwaway database with that many published missions (bulk inserts,
spread over 200 associations), then reads the feed through the test client chunk by chunk, as
an HTTP client would, twice: once timed, once under ``tracemalloc`` for the peak of Python
memory allocated while the document is produced. A streamed feed keeps that peak flat whatever
the size; a feed built in memory would grow with it (the document alone is ~1.2 kB a mission).
Also prints the process's peak resident size (``ru_maxrss``) after each size.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
import tracemalloc
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("TREMPLIN_ENV", "testing")

from sqlalchemy import insert

from marketplace import create_app
from marketplace.associations.models import Association, Mission
from marketplace.config import normalize_database_url
from marketplace.extensions import db

ASSOCIATIONS = 200
DESCRIPTION = (
    "Nous cherchons des bénévoles pour **accueillir** les familles, préparer les colis et tenir "
    "le stand de collecte devant le magasin.\n\n- accueil\n- tri des denrées\n- rangement"
)


def fill(count: int) -> None:
    """Empty the database, then insert ``count`` published missions in batches."""
    db.drop_all()
    db.create_all()
    db.session.execute(
        insert(Association),
        [
            {
                "name": f"Association {n}",
                "slug": f"association-{n}",
                "city": "Lyon",
                "postcode": "69007",
                "rna": f"W69{n:07d}",
                "siren": f"{n:09d}",
            }
            for n in range(1, ASSOCIATIONS + 1)
        ],
    )
    start = date.today() + timedelta(days=10)
    rows = []
    for n in range(count):
        rows.append(
            {
                "association_id": n % ASSOCIATIONS + 1,
                "title": f"Collecte solidaire numéro {n}",
                "description": DESCRIPTION,
                "kind": "ponctual",
                "domain": "aide-alimentaire",
                "schedule": "one_off",
                "start_date": start,
                "city": "Lyon",
                "postcode": "69007",
                "address": "3 rue de Marseille",
                "lat": 45.7456,
                "lon": 4.8427,
                "capacity": 5,
                "min_age": 18,
                "status": "published",
                "skills": [],
                "slots": [],
                "day_parts": [],
            }
        )
        if len(rows) == 5000:
            db.session.execute(insert(Mission), rows)
            rows.clear()
    if rows:
        db.session.execute(insert(Mission), rows)
    db.session.commit()


def read_feed(client) -> tuple[int, int]:
    """Read the whole feed chunk by chunk; (bytes, missions) as a client would count them."""
    response = client.get("/flux/api-engagement.xml", buffered=False)
    assert response.status_code == 200, response.status_code
    size = missions = 0
    for chunk in response.response:
        size += len(chunk)
        missions += chunk.count(b"<mission>")
    response.close()
    return size, missions


def measure(app, count: int) -> None:
    with app.app_context():
        started = time.perf_counter()
        fill(count)
        filled = time.perf_counter() - started
    client = app.test_client()
    started = time.perf_counter()
    size, missions = read_feed(client)
    seconds = time.perf_counter() - started
    assert missions == count, (missions, count)
    tracemalloc.start()
    read_feed(client)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{count:>7} missions: feed {size / 1e6:7.1f} MB in {seconds:6.2f} s "
        f"({count / seconds:,.0f} missions/s); peak Python allocations while streaming "
        f"{peak / 1e6:5.1f} MB; process peak RSS {rss_mb:6.0f} MB (fill {filled:.1f} s)",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    url = args.database_url or f"sqlite:///{tempfile.mkdtemp(prefix='tremplin-bench-feed-')}/feed.db"
    app = create_app({"SQLALCHEMY_DATABASE_URI": normalize_database_url(url)})
    print(f"API Engagement feed on {url.split('://')[0]}")
    for count in sorted(args.sizes):
        measure(app, count)


if __name__ == "__main__":
    main()
