"""Reset, invitation and calendar tokens never reach the access logs (issue 13, finding 16)."""

from __future__ import annotations

import contextlib
import logging
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from marketplace.log_masking import MASK, TokenMaskingFilter, token_patterns

ROOT = Path(__file__).resolve().parents[1]
SECRET = "c2VjcmV0LXRva2VuLWF1LWhhc2FyZA.Z1x8Qw.abcdefghijklmnop"
PATHS = [
    f"/mot-de-passe/reinitialiser/{SECRET}",
    f"/invitation/{SECRET}",
    f"/calendrier/{SECRET}.ics",
]


def _get(url: str) -> None:
    # A refused token still makes an access-log line.
    with contextlib.suppress(urllib.error.HTTPError):
        urllib.request.urlopen(url, timeout=10).read()  # noqa: S310 - our own local server


def test_the_development_server_logs_no_token(app, caplog):
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with caplog.at_level(logging.INFO, logger="werkzeug"):
            for path in PATHS:
                _get(f"http://127.0.0.1:{server.server_port}{path}?token={SECRET}")
    finally:
        server.shutdown()
        thread.join(timeout=5)
    lines = [record.getMessage() for record in caplog.records if record.name == "werkzeug"]
    assert len(lines) >= len(PATHS)
    assert all(SECRET not in line for line in lines), lines
    assert any(f"/mot-de-passe/reinitialiser/{MASK}" in line for line in lines)
    assert any(f"/calendrier/{MASK}" in line for line in lines)


def test_gunicorn_access_log_has_no_token(tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = tmp_path / "access.log"
    env = {
        **os.environ,
        "TREMPLIN_ENV": "testing",
        "INSTANCE_PATH": str(tmp_path),
        "TEST_DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite'}",
    }
    command = [
        str(Path(sys.executable).parent / "gunicorn"),
        "-w", "1", "-b", f"127.0.0.1:{port}", "--access-logfile", str(log),
        "--access-logformat", '%(h)s "%(r)s" %(s)s "%(f)s" %(U)s %(q)s',
        "wsgi:app",
    ]  # fmt: skip
    server = subprocess.Popen(command, cwd=ROOT, env=env, stderr=subprocess.DEVNULL)  # noqa: S603
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("gunicorn did not start")
        for path in PATHS:
            request = urllib.request.Request(
                f"http://127.0.0.1:{port}{path}?token={SECRET}",
                headers={"Referer": f"http://127.0.0.1:{port}/mot-de-passe/reinitialiser/{SECRET}"},
            )
            _get(request)  # type: ignore[arg-type]
        time.sleep(0.5)
    finally:
        server.terminate()
        server.wait(timeout=30)
    text = log.read_text()
    assert text.count("\n") >= len(PATHS)
    assert SECRET not in text
    assert f"/invitation/{MASK}" in text


def test_only_token_parts_are_masked():
    pattern = token_patterns(["/invitation/<token>", "/missions/<int:mission_id>", "/calendrier/<token>.ics"])
    masking = TokenMaskingFilter(pattern)
    assert masking.mask("GET /missions/12?page=2 HTTP/1.1") == "GET /missions/12?page=2 HTTP/1.1"
    assert masking.mask("GET /invitation/abc-DEF_1 HTTP/1.1") == f"GET /invitation/{MASK} HTTP/1.1"
    assert masking.mask("/x?a=1&token=zz") == f"/x?a=1&token={MASK}"
