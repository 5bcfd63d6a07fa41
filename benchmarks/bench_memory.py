"""Memory (and latency) of one worker once its engine is built, at 10,000 and 100,000 missions.

    python benchmarks/bench_memory.py                     # 10k and 100k (~10 minutes on 2 cores)
    python benchmarks/bench_memory.py --sizes 10000 30000

For each size, the corpus of bench_matching.py (labelled missions plus synthetic ones with ~1 KB
descriptions) is written to a SQLite database, and a fresh process does what a gunicorn worker
does: it creates the app and builds its engine from the database. After a garbage collection it
prints its VmRSS (resident, shared libraries included) and RssAnon (anonymous: its own heap),
then the engine's top-20 p50/p95 and ``POST /api/v1/recommendations`` p50/p95 in that process,
and the time until a newly published mission is recommended.

Last, the growth per mission between the two largest sizes and what it gives at 1,000,000
missions: an EXTRAPOLATION (linear: every structure of the engine grows with the missions; the
vocabulary grows more slowly), not a measurement. Latencies depend on the machine's load: the
load average is printed beside them.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_matching import FIGURES_PREFIX, synthetic_missions, write_database
from tests.unit.matching_personas import MISSIONS

MILLION = 1_000_000


def load() -> str:
    """The 1-minute load average, to read the latencies against."""
    return f"{os.getloadavg()[0]:.1f}"


def worker_figures(size: int, folder: str, args: argparse.Namespace) -> dict[str, float]:
    """Write the database of ``size`` missions, run one worker on it, return its figures."""
    path = os.path.join(folder, f"missions-{size}.db")
    corpus = MISSIONS + synthetic_missions(max(0, size - len(MISSIONS)), seed=args.seed)
    started = time.perf_counter()
    write_database(corpus, path)
    del corpus
    elapsed = time.perf_counter() - started
    print(f"\n{size:,} missions: SQLite database written in {elapsed:.0f} s", flush=True)
    script = str(Path(__file__).with_name("bench_matching.py"))
    command = [sys.executable, script, "--api-worker", path, "--candidates", str(args.candidates)]
    command += ["--seed", str(args.seed)]
    done = subprocess.run(command, check=True, capture_output=True, text=True)  # noqa: S603 - our own script
    figures: dict[str, float] = {}
    for line in done.stdout.splitlines():
        if line.startswith(FIGURES_PREFIX):
            figures = json.loads(line.removeprefix(FIGURES_PREFIX))
        else:
            print(f"  {line}")
    figures["load"] = float(load())
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--candidates", type=int, default=200)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    results = {}
    with tempfile.TemporaryDirectory(prefix="bench-memory-") as folder:
        for size in sorted(args.sizes):
            results[size] = worker_figures(size, folder, args)
    print("\nworker once its engine is built (fresh process, after gc):")
    print("  missions   VmRSS   anonymous   engine top-20 p50/p95   API p50/p95     new mission  load")
    for size, f in results.items():
        print(
            f"  {size:>8,}  {f['rss_mb']:>4.0f} MB  {f['anon_mb']:>6.0f} MB   "
            f"{f['engine_p50_ms']:>6.1f} / {f['engine_p95_ms']:>5.1f} ms       "
            f"{f['api_p50_ms']:>5.1f} / {f['api_p95_ms']:>5.1f} ms  "
            f"{f['fresh_ms']:>6.0f} ms   {f['load']:.1f}"
        )
    if len(results) >= 2:
        (small, a), (large, b) = sorted(results.items())[-2:]
        per_rss = (b["rss_mb"] - a["rss_mb"]) * 1e3 / (large - small)
        per_anon = (b["anon_mb"] - a["anon_mb"]) * 1e3 / (large - small)
        rss = b["rss_mb"] + per_rss * (MILLION - large) / 1e3
        anon = b["anon_mb"] + per_anon * (MILLION - large) / 1e3
        growth = f"{per_rss:.2f} KB resident ({per_anon:.2f} KB anonymous)"
        print(f"growth {small:,} -> {large:,}: {growth} per mission")
        print(
            f"1,000,000 missions: ~{rss:.0f} MB resident, ~{anon:.0f} MB anonymous "
            "(EXTRAPOLATED linearly from the two sizes above, not measured)"
        )


if __name__ == "__main__":
    main()
