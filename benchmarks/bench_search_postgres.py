"""Benchmark of the PostgreSQL full-text search backend on the Whoosh benchmark's synthetic corpus.

    python benchmarks/bench_search_postgres.py                 # 10,000 missions
    python benchmarks/bench_search_postgres.py --large         # 10,000 and 100,000
    python benchmarks/bench_search_postgres.py --url postgresql://postgres@127.0.0.1:5432/postgres

The script creates a scratch database (``tremplin_bench``, or ``--database``, on the server of
``--url`` or of ``BENCH_DATABASE_URL``), builds the app's tables there, and drops it at the end
(``--keep`` keeps it). For each size: insert time (COPY of the missions), index time (``flask
search reindex``'s work: search tables, GIN index, vocabulary), index size, p50/p95 of searches
(1-3 words with a domain or a distance filter, page of 20; the same queries as the Whoosh
benchmark) and the latency of "update visible to the next search" (UPDATE one title, COMMIT,
search for it).
Timings are wall-clock from the client, so they include the round trips to the server; the
machine's load average is printed beside them (figures taken on a busy machine are inflated).
Runtime: ~30 s at 10k; the 100k build takes about 1 minute more on 2 cores.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from collections.abc import Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_search_whoosh import generate_corpus, generate_queries, percentile
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import OperationalError

from marketplace.config import normalize_database_url
from marketplace.search import postgres
from marketplace.search.documents import MissionDocument, SearchQuery

DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
BENCH_DATABASE = "tremplin_bench"
MISSION_COLUMNS = (
    "id, association_id, title, description, kind, domain, skills, city, postcode, address, lat, lon, "
    "remote, schedule, start_date, end_date, slots, min_age, max_age, capacity, seats_taken, "
    "motivation_required, status, published_at, created_at, updated_at"
)


def scratch_database(server_url: str, name: str, *, create: bool) -> str:
    """Drop the scratch database, then create it again when asked; return its URL."""
    url = make_url(normalize_database_url(server_url))
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        if create:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return url.set(database=name).render_as_string(hide_password=False)


def create_tables(url: str) -> None:
    """Create the app's tables in the scratch database, as the test suite does."""
    os.environ.setdefault("TREMPLIN_ENV", "development")
    from marketplace import create_app
    from marketplace.extensions import db

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SEARCH_SYNC": False})
    with app.app_context():
        db.create_all()
        db.engine.dispose()


def mission_row(doc: MissionDocument) -> tuple:
    """A ``missions`` row for a corpus document (capacity and seats taken give its seats left)."""
    capacity = max(doc.seats_left, 1)
    min_age = max(doc.min_age, 16)
    max_age = doc.max_age if doc.max_age is None or doc.max_age >= min_age else None
    published = doc.published_at
    return (
        doc.id, doc.association_id, doc.title, doc.description, doc.kind, doc.domain,
        json.dumps(list(doc.skills)), doc.city, doc.postcode, "", doc.lat, doc.lon, doc.remote,
        doc.schedule, doc.start_date, doc.end_date, json.dumps(list(doc.slots)), min_age, max_age,
        capacity, capacity - doc.seats_left, False, "published", published, published, published,
    )  # fmt: skip


def insert_missions(connection: Connection, documents: list[MissionDocument]) -> None:
    """COPY the associations and missions of the corpus."""
    cursor = connection.connection.driver_connection.cursor()
    associations = sorted({doc.association_id for doc in documents})
    columns = "id, name, slug, description, city, postcode, verified, created_at, updated_at"
    with cursor.copy(f"COPY associations ({columns}) FROM STDIN") as copy:
        for number in associations:
            copy.write_row((number, f"Association {number}", f"association-{number}", "", "", "", True,
                            "2025-01-01", "2025-01-01"))  # fmt: skip
    with cursor.copy(f"COPY missions ({MISSION_COLUMNS}) FROM STDIN") as copy:
        for doc in documents:
            copy.write_row(mission_row(doc))


def timed(function, *args) -> tuple[float, object]:
    """Run ``function(*args)``; return (milliseconds, result)."""
    started = time.perf_counter()
    result = function(*args)
    return (time.perf_counter() - started) * 1000, result


def summary(label: str, timings: list[float]) -> str:
    """One line: p50 / p95 / max in ms."""
    return (
        f"{label}: p50 {percentile(timings, 0.50):.1f} ms, p95 {percentile(timings, 0.95):.1f} ms, "
        f"max {max(timings):.1f} ms (n={len(timings)})"
    )


def load_average() -> str:
    """The machine's 1-minute load average, to judge how noisy the timings beside it are."""
    return f"[load {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores]"


def run_searches(engine: Engine, queries: Iterable[SearchQuery]) -> tuple[list[float], list[int]]:
    """Run each query in its own transaction, as a request would; return timings and totals."""
    timings, totals = [], []
    with engine.connect() as connection:
        for query in queries:
            with connection.begin():
                elapsed, result = timed(postgres.search, connection, query)
            timings.append(elapsed)
            totals.append(result.total)
    return timings, totals


def time_updates(engine: Engine, documents: list[MissionDocument], count: int, seed: int) -> list[float]:
    """UPDATE a title and COMMIT (the trigger indexes it), then search for it: the total latency."""
    rng = random.Random(seed + 1)
    latencies = []
    with engine.connect() as connection:
        for number in range(count):
            doc = documents[rng.randrange(len(documents))]
            marker = f"majtest{number}x"

            def update_then_search(mission_id=doc.id, word=marker, title=doc.title):
                with connection.begin():
                    connection.execute(
                        text("UPDATE missions SET title = :title WHERE id = :id"),
                        {"title": f"{title} {word}", "id": mission_id},
                    )
                with connection.begin():
                    return postgres.search(connection, SearchQuery(q=word, with_seats=False))

            elapsed, result = timed(update_then_search)
            assert [hit.id for hit in result.hits] == [doc.id], (marker, result)
            latencies.append(elapsed)
    return latencies


def bench_size(
    server_url: str, database: str, size: int, query_count: int, update_count: int, seed: int, keep: bool
) -> None:
    """Build a scratch database of ``size`` missions and print its figures."""
    print(f"\n== {size:,} missions ==")
    url = scratch_database(server_url, database, create=True)
    create_tables(url)
    engine = create_engine(url)
    try:
        documents = list(generate_corpus(size, seed))
        with engine.begin() as connection:
            insert_ms, _ = timed(insert_missions, connection, documents)
        with engine.begin() as connection:
            install_ms, _ = timed(postgres.install, connection)
            index_ms, indexed = timed(postgres.rebuild, connection)
        with engine.begin() as connection:
            gin_size = postgres.index_size_bytes(connection)
            table_size = connection.execute(text("SELECT pg_total_relation_size('search.missions')")).scalar()
            bits_size = postgres.bit_tables_size_bytes(connection)
        print(
            f"build: {(insert_ms + install_ms + index_ms) / 1000:.1f} s (insert {insert_ms / 1000:.1f} s, "
            f"index {(install_ms + index_ms) / 1000:.1f} s, {indexed:,} missions); "
            f"GIN index {gin_size / 2**20:.1f} MiB, search tables {table_size / 2**20:.1f} MiB, "
            f"facet bit strings {bits_size / 2**20:.1f} MiB"
        )
        queries = generate_queries(query_count)
        run_searches(engine, queries[:10])  # warm the caches; not counted
        timings, totals = run_searches(engine, queries)
        print(summary("search, 1-3 words + domain or distance filter, page of 20", timings), load_average())
        print(summary("  with a domain filter  ", timings[1::2]))
        print(summary("  with a distance filter", timings[0::2]))
        print(f"  hits per query: median {statistics.median(totals):,.0f}, max {max(totals):,}")
        latencies = time_updates(engine, documents, update_count, seed)
        print(summary("update visible to next search (UPDATE + COMMIT + search)", latencies))
    finally:
        engine.dispose()
        if not keep:
            scratch_database(server_url, database, create=False)


def main(argv: list[str] | None = None) -> None:
    """Parse options and run the benchmark for each size."""
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=formatter)
    parser.add_argument("--url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL),
                        help="a PostgreSQL server to create the scratch database on")  # fmt: skip
    parser.add_argument("--sizes", default="10000", help="comma-separated corpus sizes (default 10000)")
    parser.add_argument("--large", action="store_true", help="also run 100,000 missions")
    parser.add_argument("--queries", type=int, default=200, help="timed searches per size (default 200)")
    parser.add_argument("--updates", type=int, default=50, help="timed updates per size (default 50)")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument(
        "--database", default=BENCH_DATABASE, help=f"scratch database (default {BENCH_DATABASE})"
    )
    parser.add_argument("--keep", action="store_true", help="keep the scratch database")
    args = parser.parse_args(argv)

    sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
    if args.large and 100_000 not in sizes:
        sizes.append(100_000)
    print(f"PostgreSQL search benchmark; sizes {sizes}; scratch database {args.database}")
    try:
        scratch_database(args.url, args.database, create=False)
    except OperationalError as error:
        print(f"skipped: no PostgreSQL server at {make_url(args.url).render_as_string()} ({error.orig})")
        return
    for size in sizes:
        bench_size(args.url, args.database, size, args.queries, args.updates, args.seed, args.keep)


if __name__ == "__main__":
    main()
