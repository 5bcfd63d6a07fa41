"""HTTP throughput of the public API under gunicorn (4 workers), next to a bare Flask page.

    python benchmarks/bench_http.py                       # demo data on SQLite (Whoosh search)
    python benchmarks/bench_http.py --demo-on-postgres    # demo data on PostgreSQL (postgres search)
    python benchmarks/bench_http.py --large               # 100,000 missions on PostgreSQL
    python benchmarks/bench_http.py --widget-url /widget/demo-lyon --duration 20

For each URL (the public API, and the demo widget's page, a search in it and its Atom feed): requests/s,
p50 and p95 latency, and the share of the bare page's throughput.
The bare page is a trivial route of a tiny Flask app defined here (``bare_app``), served by the
same gunicorn settings. The load generator is wrk (``/usr/bin/wrk``, p95 from a small Lua
script), or a small threaded Python client when wrk is missing (slower: it competes for the same
2 cores, so its figures are lower for every URL alike).

The Tremplin app runs with the production settings and the API limiter on, with limits raised
out of reach (one client would otherwise get 429s after 60 requests). ``--large`` needs a
PostgreSQL server (``--url`` or BENCH_DATABASE_URL); it builds the scratch database
``tremplin_bench_http`` with the search benchmark's synthetic corpus and drops it afterwards.
The machine is shared: run it on a quiet machine for figures worth comparing.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from flask import Flask, render_template_string

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

WRK = shutil.which("wrk")
DEFAULT_PG_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
BENCH_DATABASE = "tremplin_bench_http"
WORKERS = 4
TARGET_SHARE = 0.5

# --- the bare page: what "Flask + gunicorn with nothing else" costs here --------------------------

bare_app = Flask("bare")
BARE_TEMPLATE = """<!doctype html><html lang="fr"><head><meta charset="utf-8">
<title>{{ title }}</title></head><body><h1>{{ title }}</h1>
<ul>{% for item in items %}<li>{{ item }}</li>{% endfor %}</ul></body></html>"""


@bare_app.get("/")
def bare_page():
    return render_template_string(BARE_TEMPLATE, title="Tremplin", items=["un", "deux", "trois"])


# --- measuring ---------------------------------------------------------------------------------------

WRK_SCRIPT = """
local header = os.getenv("BENCH_HEADER")
if header and header ~= "" then
  local name, value = header:match("([^:]+):%s*(.*)")
  wrk.headers[name] = value
end
done = function(summary, latency, requests)
  io.write(string.format("BENCH p50=%d p95=%d requests=%d errors=%d non2xx=%d\\n",
    latency:percentile(50), latency:percentile(95), summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
"""


@dataclass
class Figures:
    label: str
    rps: float
    p50_ms: float
    p95_ms: float
    failures: int


def measure_with_wrk(url: str, seconds: int, connections: int, header: str | None, script: Path) -> Figures:
    env = {**os.environ, "BENCH_HEADER": header or ""}
    command = [WRK, "-t2", f"-c{connections}", f"-d{seconds}s", "-s", str(script), url]
    output = subprocess.run(command, capture_output=True, text=True, env=env, check=True).stdout  # noqa: S603
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    found = re.search(r"BENCH p50=(\d+) p95=(\d+) requests=(\d+) errors=(\d+) non2xx=(\d+)", output)
    p50, p95, _requests, errors, non2xx = (int(value) for value in found.groups())
    return Figures(url, rps, p50 / 1000, p95 / 1000, errors + non2xx)


def measure_with_python(url: str, seconds: int, connections: int, header: str | None) -> Figures:
    """A keep-alive client per thread; counts answers other than 200 and 304 as failures."""
    parts = urlsplit(url)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    headers = dict([tuple(part.strip() for part in header.split(":", 1))]) if header else {}
    deadline = time.perf_counter() + seconds
    latencies: list[float] = []
    failures = [0]
    lock = threading.Lock()

    def worker() -> None:
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
        mine: list[float] = []
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            connection.request("GET", target, headers=headers)
            response = connection.getresponse()
            response.read()
            mine.append(time.perf_counter() - started)
            if response.status not in (200, 304):
                with lock:
                    failures[0] += 1
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(min(connections, 16))]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    latencies.sort()
    p95 = latencies[int(len(latencies) * 0.95)] if latencies else 0.0
    return Figures(
        url, len(latencies) / elapsed, statistics.median(latencies) * 1000, p95 * 1000, failures[0]
    )


def measure(url: str, args: argparse.Namespace, header: str | None = None) -> Figures:
    warm = max(1, args.duration // 5)
    if WRK and not args.python_client:
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
            script.write(WRK_SCRIPT)
        try:
            measure_with_wrk(url, warm, args.connections, header, Path(script.name))
            return measure_with_wrk(url, args.duration, args.connections, header, Path(script.name))
        finally:
            os.unlink(script.name)
    measure_with_python(url, warm, args.connections, header)
    return measure_with_python(url, args.duration, args.connections, header)


# --- serving -------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(port: int, path: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", path)
            connection.getresponse().read()
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"gunicorn did not answer on port {port}")


@contextmanager
def gunicorn(app_spec: str, env: dict[str, str], probe_path: str, chdir: Path = ROOT) -> Iterator[str]:
    """Serve ``app_spec`` with 4 sync workers; yield its base URL."""
    port = free_port()
    command = [
        sys.executable, "-m", "gunicorn", "--workers", str(WORKERS), "--bind", f"127.0.0.1:{port}",
        "--chdir", str(chdir), "--log-level", "warning", app_spec,
    ]  # fmt: skip
    process = subprocess.Popen(command, env={**os.environ, **env}, start_new_session=True)  # noqa: S603
    try:
        wait_until_up(port, probe_path)
        yield f"http://127.0.0.1:{port}"
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


# --- data -------------------------------------------------------------------------------------------------


def app_environment(workdir: Path, database_url: str, backend: str) -> dict[str, str]:
    return {
        "TREMPLIN_ENV": "production",
        "SECRET_KEY": secrets.token_hex(32),
        "PUBLIC_BASE_URL": "http://127.0.0.1",  # the benchmark's clients ask for 127.0.0.1
        "DATABASE_URL": database_url,
        "INSTANCE_PATH": str(workdir / "instance"),
        "SEARCH_INDEX_DIR": str(workdir / "search-index"),
        "SEARCH_BACKEND": backend,
        "SESSION_COOKIE_SECURE": "0",
        "RATELIMIT_STORAGE_URI": "memory://",
        "API_ANONYMOUS_RATE_LIMIT": "10000000 per minute",
        "API_KEY_RATE_LIMIT": "10000000 per minute",
        "WIDGET_RATE_LIMIT": "10000000 per minute",
    }


def load_demo(env: dict[str, str]) -> None:
    """Tables, the demo data set and the search index, through the commands a deployment runs."""
    flask = str(Path(sys.executable).with_name("flask"))
    for command in (["db", "upgrade"], ["demo", "load"], ["search", "reindex"]):
        # Our own fixed command lines: no outside input reaches them.
        subprocess.run(  # noqa: S603
            [flask, "--app", "wsgi.py", *command],
            cwd=ROOT,
            env={**os.environ, **env},
            check=True,
            capture_output=True,
        )


def load_large(server_url: str, size: int) -> str:
    """A scratch PostgreSQL database with ``size`` synthetic missions, indexed; its URL."""
    from bench_search_postgres import create_tables, insert_missions, scratch_database
    from bench_search_whoosh import generate_corpus
    from sqlalchemy import create_engine

    from marketplace.search import postgres

    url = scratch_database(server_url, BENCH_DATABASE, create=True)
    create_tables(url)
    engine = create_engine(url)
    with engine.begin() as connection:
        insert_missions(connection, list(generate_corpus(size, 42)))
    with engine.begin() as connection:
        postgres.install(connection)
        postgres.rebuild(connection)
    engine.dispose()
    return url


def fetch(url: str) -> tuple[int, str | None, bytes]:
    """One GET outside the measurement: status, ETag and body."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    connection.request("GET", parts.path + (f"?{parts.query}" if parts.query else ""))
    response = connection.getresponse()
    body = response.read()
    return response.status, response.getheader("ETag"), body


def first_published_mission(base_url: str) -> int | None:
    items = json.loads(fetch(f"{base_url}/api/v1/missions?per_page=1")[2]).get("items", [])
    return items[0]["id"] if items else None


def etag_of(url: str) -> str | None:
    return fetch(url)[1]


def exists(url: str) -> bool:
    return fetch(url)[0] == 200


def cpu_per_request(client, path: str, count: int = 200, headers: dict | None = None) -> float:
    """Milliseconds of this process's CPU per request through the WSGI test client."""
    client.get(path, headers=headers)
    started = time.process_time()
    for _ in range(count):
        client.get(path, headers=headers)
    return (time.process_time() - started) / count * 1000


def print_cpu_figures(env: dict[str, str], query: str) -> None:
    """CPU cost per request in one process: a figure a busy machine disturbs far less than req/s."""
    from marketplace import create_app
    from marketplace.config import normalize_database_url

    # Settings given explicitly: the config classes may have been read before ``env`` was set.
    os.environ["TREMPLIN_ENV"] = "development"
    settings = {
        "SQLALCHEMY_DATABASE_URI": normalize_database_url(env["DATABASE_URL"]),
        "SEARCH_BACKEND": env["SEARCH_BACKEND"],
        "SEARCH_INDEX_DIR": env["SEARCH_INDEX_DIR"],
        "API_ANONYMOUS_RATE_LIMIT": env["API_ANONYMOUS_RATE_LIMIT"],
    }
    bare = cpu_per_request(bare_app.test_client(), "/")
    print(f"in-process CPU per request (WSGI test client): bare page {bare:.2f} ms")
    for seconds in (0, 30):
        app = create_app({**settings, "API_CACHE_SECONDS": seconds})
        client = app.test_client()
        label = "answer cache off" if not seconds else "answer cache on "
        figures = [
            f"{path} {cpu_per_request(client, path):.2f} ms"
            for path in ("/api/v1/missions", f"/api/v1/missions?q={query}", "/api/v1/domains")
        ]
        print(f"  {label}: " + ", ".join(figures))


# --- the run ------------------------------------------------------------------------------------------------


def print_row(figures: Figures, bare_rps: float) -> None:
    share = figures.rps / bare_rps if bare_rps else 0
    failed = f"  ({figures.failures} failed)" if figures.failures else ""
    print(
        f"{figures.label:<44} {figures.rps:>9.0f} req/s  p50 {figures.p50_ms:>6.1f} ms  "
        f"p95 {figures.p95_ms:>6.1f} ms  {share:>5.0%} of bare{failed}",
        flush=True,
    )


def run(args: argparse.Namespace) -> int:
    client = "wrk" if WRK and not args.python_client else "python client"
    print(
        f"HTTP benchmark: gunicorn {WORKERS} sync workers, {client}, {args.connections} connections, "
        f"{args.duration} s per URL; {os.cpu_count()} CPU cores, load {os.getloadavg()[0]:.1f}"
    )
    results: list[Figures] = []
    with tempfile.TemporaryDirectory(prefix="tremplin-bench-http-") as tmp:
        workdir = Path(tmp)
        with gunicorn("bench_http:bare_app", {}, "/", chdir=HERE) as base:
            bare = measure(f"{base}/", args)
        bare.label = "bare Flask page (tiny app, same gunicorn)"
        print_row(bare, bare.rps)
        if args.large:
            try:
                database_url = load_large(args.url, args.size)
            except Exception as error:  # noqa: BLE001 - a missing server skips, as the search benchmark does
                print(f"skipped --large: no PostgreSQL at {args.url} ({error})")
                return 0
            env = app_environment(workdir, database_url, "postgres")
            print(f"data: {args.size:,} synthetic missions on PostgreSQL (search backend postgres)")
        elif args.demo_on_postgres:
            from bench_search_postgres import scratch_database

            env = app_environment(
                workdir, scratch_database(args.url, BENCH_DATABASE, create=True), "postgres"
            )
            load_demo(env)
            print("data: demo data on PostgreSQL (search backend postgres)")
        else:
            env = app_environment(workdir, f"sqlite:///{workdir / 'bench.db'}", "whoosh")
            load_demo(env)
            print("data: demo data on SQLite (search backend whoosh)")
        print_cpu_figures(env, args.query)
        try:
            with gunicorn("wsgi:app", env, "/api/v1/domains") as base:
                mission_id = first_published_mission(base)
                urls = [
                    ("GET /api/v1/missions", f"{base}/api/v1/missions", None),
                    ("GET /api/v1/missions (If-None-Match → 304)", f"{base}/api/v1/missions", "etag"),
                    (f"GET /api/v1/missions?q={args.query}", f"{base}/api/v1/missions?q={args.query}", None),
                    (f"GET /api/v1/missions/{mission_id}", f"{base}/api/v1/missions/{mission_id}", None),
                    ("GET /api/v1/domains", f"{base}/api/v1/domains", None),
                ]
                widget = args.widget_url
                if widget and exists(f"{base}{widget}"):
                    urls += [
                        (f"GET {widget} (widget page)", f"{base}{widget}", None),
                        (
                            f"GET {widget}?q={args.query} (search in it)",
                            f"{base}{widget}?q={args.query}",
                            None,
                        ),
                        (f"GET {widget}/atom.xml (its feed)", f"{base}{widget}/atom.xml", None),
                    ]
                elif widget:
                    print(f"(no widget page at {widget} yet: not measured)")
                for label, url, header in urls:
                    if header == "etag":
                        header = f"If-None-Match: {etag_of(url)}"
                    figures = measure(url, args, header)
                    figures.label = label
                    results.append(figures)
                    print_row(figures, bare.rps)
        finally:
            if (args.large or args.demo_on_postgres) and not args.keep:
                from bench_search_postgres import scratch_database

                scratch_database(args.url, BENCH_DATABASE, create=False)
    api = results[0]
    verdict = "met" if api.rps >= TARGET_SHARE * bare.rps else "NOT met"
    print(f"target: cached GET /api/v1/missions at >= {TARGET_SHARE:.0%} of the bare page: {verdict} "
          f"({api.rps / bare.rps:.0%})")  # fmt: skip
    return 0


def main(argv: list[str] | None = None) -> int:
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=formatter)
    parser.add_argument("--large", action="store_true", help="100,000 missions on PostgreSQL")
    parser.add_argument("--size", type=int, default=100_000, help="missions with --large (default 100000)")
    parser.add_argument(
        "--demo-on-postgres", action="store_true", help="the demo data on PostgreSQL (postgres search)"
    )
    parser.add_argument("--url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_PG_URL),
                        help="PostgreSQL server for --large")  # fmt: skip
    parser.add_argument("--keep", action="store_true", help=f"keep the {BENCH_DATABASE} database")
    parser.add_argument("--duration", type=int, default=10, help="seconds per URL (default 10)")
    parser.add_argument("--connections", type=int, default=16, help="concurrent connections (default 16)")
    parser.add_argument("--query", default="jardin", help="words for the ?q= search (default jardin)")
    parser.add_argument(
        "--widget-url", default="/widget/demo-lyon", help="widget page path (the demo widget); '' to skip"
    )
    parser.add_argument(
        "--python-client", action="store_true", help="use the Python client even if wrk exists"
    )
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
