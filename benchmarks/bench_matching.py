"""Benchmark of the matching engine on the labelled set plus a synthetic French corpus.

    python benchmarks/bench_matching.py                  # 10,000 missions
    python benchmarks/bench_matching.py --size 100000    # the issue's target size
    python benchmarks/bench_matching.py --size 100000 --candidates 400 --seed 7

The corpus is the hand-written labelled missions (tests/unit/matching_personas.py) plus synthetic
missions made from their sentences (descriptions of ~1 KB, as in the issue's measurement), with
generated place and association names so the vocabulary keeps growing like real data (typos and
proper names). Synthetic missions are placed in other
French cities, so they never stand in for a labelled mission near a persona.

Printed: fit time, RSS after fit (and peak), incremental add p50/p95/max (one mission per upsert,
no refit), compaction time, top-20 recommend p50/p95 over the candidates (personas moved around
France, 10 % without a location: no geo filter, the slow case), similar_to p50/p95 (ranking
quality is measured by eval_matching.py on the graded sets). Same seed, same figures
(but timings). Runtime: about a minute at 10k; 5 to 8 minutes at 100k on 2 shared cores.

Then, end to end through the app (skip with --no-api): the same corpus written to a SQLite
database, and a separate worker process (like one gunicorn worker) that creates the app, builds
its engine from the database (timed), and answers ``POST /api/v1/recommendations`` with the
Flask test client for the candidates' answers: p50/p95, then a mission published through the ORM
and the time until the next answer includes it (no refit), and the worker's RSS.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from marketplace.matching import CandidateFacts, MatchingEngine, MissionFacts
from marketplace.matching.vocabulary import AGE_RANGES, SLOTS
from tests.unit.matching_personas import MISSIONS, PERSONAS, TODAY

# Cities away from Lyon and Paris (lat, lon, weight ~ population).
CITIES = (
    ("Marseille", 43.2965, 5.3698, 5),
    ("Toulouse", 43.6047, 1.4442, 4),
    ("Nice", 43.7102, 7.2620, 3),
    ("Nantes", 47.2184, -1.5536, 3),
    ("Montpellier", 43.6108, 3.8767, 3),
    ("Strasbourg", 48.5734, 7.7521, 3),
    ("Bordeaux", 44.8378, -0.5792, 3),
    ("Lille", 50.6292, 3.0573, 3),
    ("Rennes", 48.1173, -1.6778, 2),
    ("Reims", 49.2583, 4.0317, 2),
    ("Saint-Étienne", 45.4397, 4.3872, 2),
    ("Toulon", 43.1242, 5.9280, 2),
    ("Le Havre", 49.4944, 0.1079, 2),
    ("Grenoble", 45.1885, 5.7245, 2),
    ("Dijon", 47.3220, 5.0415, 2),
    ("Angers", 47.4784, -0.5632, 2),
    ("Nîmes", 43.8367, 4.3601, 1),
    ("Clermont-Ferrand", 45.7772, 3.0870, 1),
    ("Le Mans", 48.0061, 0.1996, 1),
    ("Brest", 48.3904, -4.4861, 1),
    ("Tours", 47.3941, 0.6848, 1),
    ("Amiens", 49.8941, 2.2958, 1),
    ("Limoges", 45.8336, 1.2611, 1),
    ("Perpignan", 42.6887, 2.8948, 1),
    ("Metz", 49.1193, 6.1757, 1),
    ("Besançon", 47.2378, 6.0241, 1),
    ("Orléans", 47.9030, 1.9093, 1),
    ("Rouen", 49.4431, 1.0993, 1),
    ("Caen", 49.1829, -0.3707, 1),
    ("Nancy", 48.6921, 6.1844, 1),
)
SYLLABLES = (
    *("ba", "be", "bi", "bo", "bu", "ca", "ce", "ci", "co", "cu", "da", "de", "di", "do", "du", "fa"),
    *("fe", "fi", "fo", "ga", "go", "gu", "la", "le", "li", "lo", "lu", "ma", "me", "mi", "mo", "mu"),
    *("na", "ne", "ni", "no", "nu", "pa", "pe", "pi", "po", "pu", "ra", "re", "ri", "ro", "ru", "sa"),
    *("se", "si", "so", "su", "ta", "te", "ti", "to", "tu", "va", "ve", "vi", "vo", "vu", "ron", "lin"),
    *("mar", "ber", "tor", "vil", "mont", "val", "bois", "pré", "clos", "fon", "sar", "ger", "lac"),
)
PLACE_WORDS = ("quartier", "rue", "place", "allée", "cité", "résidence", "square", "chemin")
FIRST_NAMES = ("Louise", "Jules", "Rose", "Paul", "Alice", "Louis", "Jeanne", "Victor", "Lina", "Hugo")


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


FIGURES_PREFIX = "figures: "  # the worker's last line, read by bench_memory.py
DESCRIPTION_BYTES = 1000  # the corpus: ~1 KB descriptions


def synthetic_missions(
    count: int, *, seed: int, first_id: int = 1_000_000, description_bytes: int = DESCRIPTION_BYTES
) -> list[MissionFacts]:
    """``count`` missions recombined from the labelled ones, in cities away from Lyon and Paris,
    their descriptions about ``description_bytes`` long (± 30 %)."""
    rng = random.Random(seed)
    seeds = [m for m in MISSIONS if m.status == "published"]
    sentences: dict[str, list[str]] = {}
    for mission in seeds:
        parts = [p.strip() for p in mission.description.replace("!", ".").split(". ") if p.strip()]
        sentences.setdefault(mission.domain, []).extend(p.rstrip(".") + "." for p in parts)
    cities = [city for city in CITIES for _ in range(city[3])]
    n_associations = max(20, count // 25)
    associations = [f"{rng.choice(('Les Amis de', 'Association', 'Collectif', 'Entraide'))} {_name(rng)}"]
    associations += [
        f"{rng.choice(('Les Amis de', 'Association', 'Collectif'))} {_name(rng)}"
        for _ in range(n_associations)
    ]
    missions = []
    for offset in range(count):
        base = rng.choice(seeds)
        city, lat, lon, _ = rng.choice(cities)
        pool = sentences[base.domain]
        other = sentences[rng.choice(list(sentences))]
        local = (
            f"Rendez-vous {rng.choice(PLACE_WORDS)} {_name(rng)}, près de chez {rng.choice(FIRST_NAMES)} "
            f"{_name(rng)}, à {city}. Contact : {rng.choice(FIRST_NAMES)} {_name(rng)}."
        )
        chosen = rng.sample(pool, min(len(pool), rng.randint(2, 5)))
        if rng.random() < 0.5:
            chosen.append(rng.choice(other))
        wanted = description_bytes * rng.uniform(0.7, 1.3) - len(local)
        extra = rng.sample(pool, len(pool))
        while sum(len(sentence) + 1 for sentence in chosen) < wanted:
            chosen.append(extra.pop() if extra else rng.choice(other))
        description = " ".join([*chosen, local])
        title = base.title if rng.random() < 0.6 else f"{base.title} ({_name(rng)})"
        association = rng.randrange(n_associations)
        roll = rng.random()
        status, seats = (
            ("closed", 1) if roll < 0.03 else ("published", 0 if roll < 0.06 else rng.randint(1, 10))
        )
        if base.schedule == "one_off":
            start = TODAY + timedelta(days=rng.randint(-20, 120))
            end = start + timedelta(days=rng.choice((0, 0, 0, 1, 2, 6)))
            when = {
                "start_date": start,
                "end_date": end if end != start else None,
                "day_parts": base.day_parts,
            }
        else:
            when = {"slots": tuple(rng.sample(SLOTS, rng.randint(1, 3)))}
        missions.append(
            replace(
                base,
                id=first_id + offset,
                title=title,
                description=description,
                association_id=10_000 + association,
                association_name=associations[association],
                lat=lat + rng.uniform(-0.06, 0.06),
                lon=lon + rng.uniform(-0.08, 0.08),
                remote=False,
                city=city,
                status=status,
                seats_left=seats,
                min_age=16 if rng.random() < 0.25 else 18,
                **when,
            )
        )
    return missions


def candidates(count: int, *, seed: int) -> list[CandidateFacts]:
    """The personas, then variations of them moved to other cities (10 % without a location)."""
    rng = random.Random(seed)
    result = [p.candidate for p in PERSONAS]
    while len(result) < count:
        base = rng.choice(PERSONAS).candidate
        roll = rng.random()
        if roll < 0.1:
            lat = lon = None
        else:
            _, lat, lon, _ = rng.choice(CITIES)
            lat, lon = lat + rng.uniform(-0.05, 0.05), lon + rng.uniform(-0.05, 0.05)
        result.append(
            replace(
                base,
                lat=lat,
                lon=lon,
                radius_km=rng.choice((5, 10, 15, 20, 30)),
                age_range=rng.choice(AGE_RANGES),
                slots=tuple(rng.sample(SLOTS, rng.randint(0, 6))),
                remote_ok=rng.random() < 0.3,
            )
        )
    return result


def memory_mb() -> dict[str, float]:
    """VmRSS (resident), RssAnon (anonymous: the heap, not shared libraries) and VmHWM (peak
    resident) of this process in MB, from /proc (Linux)."""
    values = {}
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(("VmRSS:", "VmHWM:", "RssAnon:")):
                key, amount, _ = line.split()
                values[key.rstrip(":")] = int(amount) / 1024
    return values


def rss_mb() -> tuple[float, float]:
    """(VmRSS, VmHWM) of this process in MB."""
    values = memory_mb()
    return values.get("VmRSS", 0.0), values.get("VmHWM", 0.0)


def percentiles(samples: list[float]) -> tuple[float, float, float]:
    """(p50, p95, max) in milliseconds of samples in seconds."""
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p95 * 1000, ordered[-1] * 1000


def recommend_times(engine: MatchingEngine, people: list[CandidateFacts]) -> list[float]:
    """Seconds of each top-20 recommendation, after a warm-up (caches, first allocations)."""
    for candidate in people[:20]:
        engine.recommend(candidate, limit=20, today=TODAY)
    times = []
    for candidate in people:
        started = time.perf_counter()
        engine.recommend(candidate, limit=20, today=TODAY)
        times.append(time.perf_counter() - started)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=10_000, help="missions in the corpus (default 10000)")
    parser.add_argument("--candidates", type=int, default=200, help="profiles for the latency runs")
    parser.add_argument("--adds", type=int, default=200, help="incremental upserts to time")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--no-api", action="store_true", help="skip the end-to-end API figures")
    parser.add_argument("--api-only", action="store_true", help="only the end-to-end API figures")
    parser.add_argument("--api-database", help="SQLite file to keep (and reuse when it exists)")
    parser.add_argument("--api-worker", metavar="DATABASE", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.api_worker:
        api_worker(args.api_worker, args)
        return

    started = time.perf_counter()
    corpus = MISSIONS + synthetic_missions(max(0, args.size - len(MISSIONS)), seed=args.seed)
    fresh = synthetic_missions(args.adds, seed=args.seed + 1, first_id=5_000_000)
    people = candidates(args.candidates, seed=args.seed)
    print(f"corpus: {len(corpus):,} missions generated in {time.perf_counter() - started:.1f} s")
    if args.api_only:
        api_benchmark(corpus, args)
        return
    rss_before, _ = rss_mb()

    gc.collect()
    started = time.perf_counter()
    engine = MatchingEngine.fit(corpus)
    fit_s = time.perf_counter() - started
    gc.collect()
    rss, peak = rss_mb()
    stats = engine.stats()
    print(
        f"fit: {fit_s:.1f} s  ({stats['terms']:,} terms, {stats['nnz']:,} non-zeros)   "
        f"VmRSS after fit {rss:.0f} MB (before: {rss_before:.0f} MB of imports and mission objects), "
        f"peak {peak:.0f} MB"
    )

    times = []
    for mission in fresh:
        started = time.perf_counter()
        engine.upsert([mission])
        times.append(time.perf_counter() - started)
    p50, p95, worst = percentiles(times)
    print(f"incremental add (1 mission, no refit): p50 {p50:.2f} ms  p95 {p95:.2f} ms  max {worst:.2f} ms")
    started = time.perf_counter()
    engine.compact()
    print(f"compaction of {args.adds} added rows: {(time.perf_counter() - started) * 1000:.0f} ms")

    p50, p95, worst = percentiles(recommend_times(engine, people))
    print(
        f"recommend top-20 ({len(people)} profiles): p50 {p50:.2f} ms  p95 {p95:.2f} ms  max {worst:.2f} ms"
    )
    unlocated = [c for c in people if not c.located]
    if unlocated:
        times = []
        for candidate in unlocated:
            started = time.perf_counter()
            engine.recommend(candidate, limit=20, today=TODAY)
            times.append(time.perf_counter() - started)
        p50, p95, _ = percentiles(times)
        print(f"  of which without a location ({len(unlocated)}): p50 {p50:.2f} ms  p95 {p95:.2f} ms")

    rng = random.Random(args.seed)
    times = []
    for mission in rng.sample(corpus, min(200, len(corpus))):
        started = time.perf_counter()
        engine.similar_to(mission.id, limit=6, today=TODAY)
        times.append(time.perf_counter() - started)
    p50, p95, _ = percentiles(times)
    print(f"similar_to top-6 (200 missions): p50 {p50:.2f} ms  p95 {p95:.2f} ms")

    started = time.perf_counter()
    engine.rank_candidates(MISSIONS[0], list(enumerate(people)), limit=20)
    print(f"rank_candidates over {len(people)} profiles: {(time.perf_counter() - started) * 1000:.0f} ms")

    print("(ranking quality: benchmarks/eval_matching.py, on the graded labelled sets)")

    if not args.no_api:
        del engine
        gc.collect()
        api_benchmark(corpus, args)


# --- End to end: POST /api/v1/recommendations in a worker process --------------------------------


def _mission_row(mission: MissionFacts, now) -> dict[str, object]:
    capacity = max(1, mission.seats_left)
    return {
        "id": mission.id,
        "association_id": mission.association_id,
        "title": mission.title[:160],
        "description": mission.description,
        "kind": mission.kind,
        "domain": mission.domain,
        "skills": list(mission.skills),
        "city": mission.city,
        "postcode": "",
        "address": "",
        "lat": mission.lat,
        "lon": mission.lon,
        "remote": mission.remote,
        "schedule": mission.schedule,
        "start_date": mission.start_date,
        "end_date": mission.end_date,
        "slots": list(mission.slots),
        "hours_per_week": mission.hours_per_week,
        "min_age": mission.min_age,
        "max_age": mission.max_age,
        "capacity": capacity,
        "seats_taken": capacity - mission.seats_left,
        "motivation_required": False,
        "status": mission.status,
        "published_at": now,
        "created_at": now,
        "updated_at": now,
    }


def write_database(corpus: list[MissionFacts], path: str) -> None:
    """The corpus as associations and missions of a fresh SQLite database (schema from the models)."""
    from sqlalchemy import insert

    from marketplace import create_app
    from marketplace.associations.models import Association, Mission
    from marketplace.extensions import db
    from marketplace.models_base import utcnow

    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}", "SEARCH_SYNC": False})
    with app.app_context():
        db.create_all()
        now = utcnow()
        names = {m.association_id: m.association_name or f"Association {m.association_id}" for m in corpus}
        db.session.execute(
            insert(Association),
            [
                {"id": key, "name": name[:160], "slug": f"a-{key}", "created_at": now, "updated_at": now}
                for key, name in names.items()
            ],
        )
        for start in range(0, len(corpus), 5000):
            db.session.execute(insert(Mission), [_mission_row(m, now) for m in corpus[start : start + 5000]])
        db.session.commit()
        db.engine.dispose()


def answers_of(candidate: CandidateFacts, limit: int = 20) -> dict[str, object]:
    """The anonymous answers an assistant would send for this candidate."""
    answers: dict[str, object] = {
        "age_range": candidate.age_range,
        "radius_km": candidate.radius_km,
        "remote_ok": candidate.remote_ok,
        "domains": list(candidate.domains),
        "skills": list(candidate.skills)[:30],
        "slots": list(candidate.slots),
        "kinds": list(candidate.wanted_kinds),
        "about": candidate.about[:4000],
        "limit": limit,
    }
    if candidate.located:
        answers.update(lat=candidate.lat, lon=candidate.lon)
    return answers


def api_benchmark(corpus: list[MissionFacts], args: argparse.Namespace) -> None:
    """Write the database, then run one worker process and print its figures."""
    with tempfile.TemporaryDirectory(prefix="bench-matching-") as folder:
        path = args.api_database or os.path.join(folder, "bench.db")
        if os.path.exists(path):
            print(f"\napi: reusing the SQLite database {path}")
        else:
            started = time.perf_counter()
            write_database(corpus, path)
            elapsed = time.perf_counter() - started
            print(f"\napi: SQLite database of {len(corpus):,} missions written in {elapsed:.1f} s")
        command = [sys.executable, __file__, "--api-worker", path, "--candidates", str(args.candidates)]
        command += ["--seed", str(args.seed)]
        subprocess.run(command, check=True)  # noqa: S603 - our own script and interpreter


def api_worker(path: str, args: argparse.Namespace) -> None:
    """One app worker on the database: engine build, request latencies, freshness, RSS."""
    os.environ.setdefault("TREMPLIN_ENV", "development")
    from marketplace import create_app
    from marketplace.associations.models import Association, Mission
    from marketplace.extensions import db
    from marketplace.matching.services import engine_holder
    from marketplace.matching.store import release_memory

    app = create_app(
        {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}", "SEARCH_SYNC": False, "RATELIMIT_ENABLED": False}
    )
    client = app.test_client()
    people = candidates(args.candidates, seed=args.seed)
    bodies = [json.dumps(answers_of(candidate)) for candidate in people]
    headers = {"Content-Type": "application/json"}
    figures: dict[str, object] = {}
    with app.app_context():
        started = time.perf_counter()
        engine = engine_holder().current()
        figures["build_s"] = time.perf_counter() - started
        print(f"api: worker engine built from the database in {figures['build_s']:.1f} s")
    # What the worker holds once built, as a gunicorn worker would: collected, freed pages returned.
    release_memory()
    built = memory_mb()
    figures.update(size=len(engine), rss_mb=built["VmRSS"], anon_mb=built["RssAnon"], peak_mb=built["VmHWM"])
    stats = engine.stats()
    figures.update(terms=stats["terms"], nnz=stats["nnz"])
    parts = engine.memory()
    print(
        f"api: worker after build: VmRSS {built['VmRSS']:.0f} MB, anonymous {built['RssAnon']:.0f} MB "
        f"(peak during the build {built['VmHWM']:.0f} MB); engine data "
        + ", ".join(f"{name} {amount / 1e6:.1f}" for name, amount in parts.items())
        + " MB"
    )
    p50, p95, worst = percentiles(recommend_times(engine, people))
    figures.update(engine_p50_ms=p50, engine_p95_ms=p95)
    print(f"api: engine top-20 in the worker ({len(people)} profiles): p50 {p50:.2f} ms  p95 {p95:.2f} ms")
    for body in bodies[:20]:
        client.post("/api/v1/recommendations", data=body, headers=headers)
    times, found = [], 0
    for body in bodies:
        started = time.perf_counter()
        response = client.post("/api/v1/recommendations", data=body, headers=headers)
        times.append(time.perf_counter() - started)
        assert response.status_code == 200, response.get_data(as_text=True)
        found += len(response.get_json()["items"])
    p50, p95, worst = percentiles(times)
    figures.update(api_p50_ms=p50, api_p95_ms=p95)
    print(
        f"api: POST /api/v1/recommendations top-20 ({len(bodies)} answers, {found / len(bodies):.1f} items "
        f"on average): p50 {p50:.1f} ms  p95 {p95:.1f} ms  max {worst:.1f} ms"
    )
    with app.app_context():
        association = db.session.get(Association, MISSIONS[0].association_id)
        base = MISSIONS[0]
        mission = Mission(
            association=association,
            title="Nouvelle mission de quartier : accueil et distribution",
            description=base.description,
            kind=base.kind,
            domain=base.domain,
            schedule="recurring",
            slots=list(people[0].slots) or ["sat_morning"],
            lat=people[0].lat,
            lon=people[0].lon,
            capacity=3,
            min_age=16,
            status="published",
        )
        fits = engine_holder().fits
        started = time.perf_counter()
        db.session.add(mission)
        db.session.commit()
        committed = time.perf_counter()
        response = client.post(
            "/api/v1/recommendations", data=json.dumps(answers_of(people[0], 50)), headers=headers
        )
        seen = time.perf_counter()
        ids = [item["mission"]["id"] for item in response.get_json()["items"]]
        outcome = "includes it" if mission.id in ids else "does NOT include it"
        refit = "no refit" if engine_holder().fits == fits else "REFITTED"
        print(
            f"api: a mission published through the ORM: commit {1000 * (committed - started):.0f} ms, "
            f"next answer {1000 * (seen - committed):.0f} ms, {outcome} ({refit})"
        )
        figures.update(fresh_ms=1000 * (seen - started), fresh_found=mission.id in ids)
    gc.collect()
    after = memory_mb()
    figures.update(rss_after_mb=after["VmRSS"], anon_after_mb=after["RssAnon"])
    print(
        f"api: worker after the requests: VmRSS {after['VmRSS']:.0f} MB, "
        f"anonymous {after['RssAnon']:.0f} MB (peak {after['VmHWM']:.0f} MB)"
    )
    print(FIGURES_PREFIX + json.dumps(figures))


if __name__ == "__main__":
    main()
