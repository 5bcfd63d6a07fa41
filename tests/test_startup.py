"""Start-up stays light: creating the app imports neither the TF-IDF stack nor Alembic, and the
command groups are imported when a command runs (``flask --help`` needs only their names)."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys

import pytest

from marketplace.cli import LAZY_GROUPS
from marketplace.config import PROJECT_ROOT

# What a worker or a ``flask`` command must not pay for at start-up (measured with
# ``python -X importtime -c "import wsgi"``): scikit-learn and SciPy ~1.2 s, Alembic ~0.1 s;
# the calendar and feed writers only when a calendar or a feed is asked for.
HEAVY_MODULES = ("sklearn", "scipy", "alembic", "flask_migrate", "icalendar", "feedgen", "lxml")


@pytest.fixture(scope="module")
def modules_after_create_app() -> set[str]:
    """Top-level modules imported by ``import marketplace; create_app()`` in a fresh interpreter."""
    script = (
        "import json, sys\n"
        "import marketplace\n"
        "marketplace.create_app()\n"
        "print(json.dumps(sorted({name.partition('.')[0] for name in sys.modules})))\n"
    )
    env = {**os.environ, "TREMPLIN_ENV": "testing", "TEST_DATABASE_URL": "sqlite://"}
    done = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", script],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return set(json.loads(done.stdout.splitlines()[-1]))


@pytest.mark.parametrize("module", HEAVY_MODULES)
def test_creating_the_app_does_not_import(modules_after_create_app, module):
    assert module not in modules_after_create_app


@pytest.mark.parametrize("group", LAZY_GROUPS, ids=lambda group: group.name)
def test_lazy_command_groups_say_what_the_real_groups_say(app, group):
    module, attribute = group.target.split(":")
    real = getattr(importlib.import_module(module), attribute)
    assert group.name == real.name
    assert group.help == real.help


def test_a_lazy_group_hands_the_command_line_to_the_real_group(app, runner):
    help_page = runner.invoke(args=["db", "--help"])
    assert help_page.exit_code == 0
    assert "--directory" in help_page.output and "upgrade" in help_page.output  # the real group's
    assert "migrate" in app.extensions  # Flask-Migrate bound on first use, for migrations/env.py
    assert runner.invoke(args=["db", "heads"]).exit_code == 0
    assert runner.invoke(args=["db", "no-such-command"]).exit_code == 2
    search_help = runner.invoke(args=["search", "--help"])
    assert search_help.exit_code == 0 and "reindex" in search_help.output
