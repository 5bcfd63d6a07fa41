"""Run every benchmark of this folder at its default size, one after the other (``make bench``).

    python benchmarks/run_all.py                   # every bench_*.py and eval_*.py
    python benchmarks/run_all.py search            # only those whose name contains "search"
    python benchmarks/run_all.py --http            # also the HTTP benchmark (gunicorn + wrk, ~2 min)

Each script prints its own figures; this runner adds a header per script, the time it took,
and exits with status 1 when any of them failed (the others still run).
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
# Scripts that run only when their option is given (they take minutes or start servers).
OPT_IN = {"bench_http": "--http"}


def benchmark_scripts(name_filter: str = "", options: frozenset[str] = frozenset()) -> list[Path]:
    """The bench_*.py (speed, memory) then eval_*.py (quality) scripts next to this one, by name;
    opt-in ones only with their option."""
    found = [*sorted(HERE.glob("bench_*.py")), *sorted(HERE.glob("eval_*.py"))]
    return [
        path
        for path in found
        if name_filter in path.stem and (path.stem not in OPT_IN or OPT_IN[path.stem] in options)
    ]


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
    options = frozenset(arg for arg in argv if arg.startswith("--"))
    names = [arg for arg in argv if not arg.startswith("--")]
    scripts = benchmark_scripts(names[0] if names else "", options)
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
