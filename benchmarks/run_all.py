"""Run every benchmark of this folder at its default size, one after the other (``make bench``).

    python benchmarks/run_all.py                   # every bench_*.py
    python benchmarks/run_all.py search            # only those whose name contains "search"

Each script prints its own figures; this runner adds a header per script, the time it took,
and exits with status 1 when any of them failed (the others still run).
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def benchmark_scripts(name_filter: str = "") -> list[Path]:
    """The bench_*.py scripts next to this one, by name."""
    return sorted(path for path in HERE.glob("bench_*.py") if name_filter in path.stem)


def run(script: Path) -> int:
    """Run one script with this interpreter, its output going straight to ours; return its status."""
    print(f"\n##### {script.name}", flush=True)
    started = time.perf_counter()
    # Our own scripts, run with our own interpreter: no outside input reaches the command line.
    status = subprocess.call([sys.executable, str(script)], cwd=HERE.parent)  # noqa: S603
    outcome = "ok" if status == 0 else f"FAILED (exit status {status})"
    print(f"##### {script.name}: {outcome} in {time.perf_counter() - started:.0f} s", flush=True)
    return status


def main(argv: list[str]) -> int:
    """Run the selected benchmarks; return 1 if one of them failed."""
    scripts = benchmark_scripts(argv[0] if argv else "")
    if not scripts:
        print("No benchmark matches.")
        return 1
    failed = [script.name for script in scripts if run(script) != 0]
    if failed:
        print(f"\nFailed: {', '.join(failed)}")
        return 1
    print(f"\nAll {len(scripts)} benchmarks ran.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
