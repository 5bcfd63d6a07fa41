"""Benchmark the offline geography index on the generated reference file.

Usage: python benchmarks/bench_geo.py [PATH]   (build the file first with `make geo`)
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from marketplace.reference.geo import DEFAULT_PATH, GeoIndex

SAMPLES = 2000
SEED = 20240601


def percentiles(timings_us: Sequence[float]) -> tuple[float, float]:
    """p50 and p95 of a list of timings."""
    cuts = statistics.quantiles(timings_us, n=100, method="inclusive")
    return cuts[49], cuts[94]


def time_calls(function: Callable[[str], object], arguments: Sequence[str]) -> list[float]:
    """Duration of each call in microseconds."""
    timings = []
    for argument in arguments:
        started = time.perf_counter_ns()
        function(argument)
        timings.append((time.perf_counter_ns() - started) / 1000)
    return timings


def main(argv: list[str]) -> int:
    """Print load time and lookup/autocompletion latencies."""
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT_PATH
    if not path.is_file():
        print(f"{path} is missing: run `make geo` first", file=sys.stderr)
        return 1
    started = time.perf_counter()
    index = GeoIndex.from_file(path)
    print(f"load: {(time.perf_counter() - started) * 1000:.0f} ms for {len(index)} rows")

    rng = random.Random(SEED)
    places = index.places
    postcodes = [rng.choice(places).postcode for _ in range(SAMPLES)]
    prefixes = []
    for _ in range(SAMPLES):
        place = rng.choice(places)
        if rng.random() < 0.2:
            prefixes.append(place.postcode[: rng.randint(2, 5)])
        else:
            prefixes.append(place.name[: rng.randint(1, min(len(place.name), 12))])

    for label, function, arguments in (
        ("lookup_postcode", index.lookup_postcode, postcodes),
        ("search", index.search, prefixes),
    ):
        time_calls(function, arguments[:200])  # warm-up
        p50, p95 = percentiles(time_calls(function, arguments))
        print(f"{label}: p50 {p50:.1f} us, p95 {p95:.1f} us over {len(arguments)} calls")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
