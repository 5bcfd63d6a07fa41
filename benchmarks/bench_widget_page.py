"""Throughput of the embeddable widget page under gunicorn, side by side with a bare Flask page.

    python benchmarks/bench_widget_page.py                       # demo data on SQLite, 10 s per URL
    python benchmarks/bench_widget_page.py --seconds 20 --connections 32
    python benchmarks/bench_widget_page.py --url postgresql://postgres@127.0.0.1:5432/postgres

It builds a scratch database (SQLite in a temporary folder, or ``tremplin_bench_widget`` on the
PostgreSQL server of ``--url``) with the demo data and its search index, adds a widget for the Lyon
network, then serves the app with gunicorn (4 workers) and a bare Flask app rendering a small
template with gunicorn too (4 workers), and measures each with wrk: requests/s and p50/p95 latency.
Rate limits are off (one client machine would hit them at once); each widget page view writes
its impression counter, as in production. Needs ``wrk`` (apt-get install wrk).
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

WORKERS = 4
LUA_REPORT = """
done = function(summary, latency, requests)
  io.write(string.format("RESULT %.1f %.2f %.2f %d %d\\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, summary.errors.status, summary.requests))
end
"""
BARE_APP = '''
from flask import Flask, render_template_string

app = Flask(__name__)
PAGE = """<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>{{ title }}</title></head>
<body><h1>{{ title }}</h1><ul>{% for item in items %}<li>{{ item }}</li>{% endfor %}</ul></body></html>"""


@app.route("/")
def index():
    return render_template_string(PAGE, title="Bonjour", items=["un", "deux", "trois"])
'''


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def prepare_database(env: dict[str, str]) -> str:
    """Create the tables, load the demo data, index it and add a widget; return its public id."""
    from marketplace import create_app
    from marketplace.config import normalize_database_url
    from marketplace.demo.loader import load_demo_data
    from marketplace.extensions import db
    from marketplace.networks.models import Network
    from marketplace.search.services import reindex_all
    from marketplace.widgets.models import Widget

    # Settings given here: marketplace.config may have read the environment already.
    settings = {
        "SQLALCHEMY_DATABASE_URI": normalize_database_url(env["DATABASE_URL"]),
        "SEARCH_INDEX_DIR": env["SEARCH_INDEX_DIR"],
    }
    app = create_app(settings)
    with app.app_context():
        db.drop_all()
        db.create_all()
        load_demo_data()
        network = db.session.query(Network).first()
        widget = Widget(network=network, name="Benchmark", per_page=10)
        db.session.add(widget)
        db.session.commit()
        reindex_all()
        public_id = widget.public_id
        db.engine.dispose()
    return public_id


def serve(app_spec: str, port: int, env: dict[str, str], cwd: Path) -> subprocess.Popen:
    command = [
        str(Path(sys.executable).with_name("gunicorn")),
        "-w",
        str(WORKERS),
        "-b",
        f"127.0.0.1:{port}",
        "--log-level",
        "warning",
        app_spec,
    ]
    # Our own fixed command line: no outside input reaches it.
    server = subprocess.Popen(command, cwd=cwd, env={**os.environ, **env}, start_new_session=True)  # noqa: S603
    deadline = time.time() + 30
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1)
            return server
        except OSError:
            time.sleep(0.3)
    stop(server)
    raise RuntimeError(f"{app_spec} did not start on port {port}")


def stop(server: subprocess.Popen) -> None:
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=20)


def measure(url: str, seconds: int, connections: int, script: Path) -> tuple[float, float, float, int]:
    """requests/s, p50 ms, p95 ms and non-2xx/3xx answers, from wrk."""
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "-s", str(script), url]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603
    line = next(line for line in output.splitlines() if line.startswith("RESULT"))
    rate, p50, p95, errors, _total = line.split()[1:]
    return float(rate), float(p50), float(p95), int(errors)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--url", help="a PostgreSQL server URL (default: SQLite in a temporary folder)")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        print("wrk is not installed (apt-get install wrk)")
        return 1
    scratch = Path(tempfile.mkdtemp(prefix="tremplin-bench-widget-"))
    if args.url:
        from bench_search_postgres import scratch_database

        database_url = scratch_database(args.url, "tremplin_bench_widget", create=True)
    else:
        database_url = f"sqlite:///{scratch / 'bench.db'}"
    env = {
        "DATABASE_URL": database_url,
        "SEARCH_INDEX_DIR": str(scratch / "index"),
        "INSTANCE_PATH": str(scratch / "instance"),
        "RATELIMIT_ENABLED": "false",
        "TREMPLIN_ENV": "development",
    }
    started = time.perf_counter()
    public_id = prepare_database(env)
    engine = "PostgreSQL" if args.url else "SQLite"
    print(f"database: {engine}, demo data loaded in {time.perf_counter() - started:.0f} s")
    (scratch / "bare_app.py").write_text(BARE_APP, encoding="utf-8")
    script = scratch / "report.lua"
    script.write_text(LUA_REPORT, encoding="utf-8")
    app_port, bare_port = free_port(), free_port()
    servers = [serve("wsgi:app", app_port, env, ROOT), serve("bare_app:app", bare_port, {}, scratch)]
    try:
        targets = {
            "bare Flask page": f"http://127.0.0.1:{bare_port}/",
            "widget page": f"http://127.0.0.1:{app_port}/widget/{public_id}",
            "widget page, search": f"http://127.0.0.1:{app_port}/widget/{public_id}?q=jardin",
            "widget Atom feed": f"http://127.0.0.1:{app_port}/widget/{public_id}/atom.xml",
        }
        print(
            f"gunicorn {WORKERS} workers each; wrk {args.connections} connections, {args.seconds} s per URL"
        )
        print(f"{'page':<22} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'errors':>7} {'vs bare':>8}")
        bare_rate = None
        for name, url in targets.items():
            measure(url, 2, args.connections, script)  # warm the workers (index, caches)
            rate, p50, p95, errors = measure(url, args.seconds, args.connections, script)
            bare_rate = bare_rate or rate
            print(f"{name:<22} {rate:>8.0f} {p50:>8.1f} {p95:>8.1f} {errors:>7} {rate / bare_rate:>7.0%}")
    finally:
        for server in servers:
            stop(server)
        shutil.rmtree(scratch, ignore_errors=True)
        if args.url:
            scratch_database(args.url, "tremplin_bench_widget", create=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
