"""axe-core (npm, installed at set-up in node_modules) run inside the page under test."""

from __future__ import annotations

from functools import cache
from pathlib import Path

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = {"serious", "critical"}


@cache
def _axe_source() -> str:
    return AXE.read_text(encoding="utf-8")


def serious_violations(page) -> list[str]:
    """The serious and critical axe-core violations of the page as it is now, one line each."""
    # Evaluated through the DevTools protocol: the page's CSP (script-src 'self') does not apply.
    page.evaluate(_axe_source())
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{violation['id']} ({violation['impact']}): {node['target']}"
        for violation in result["violations"]
        if violation["impact"] in BLOCKING
        for node in violation["nodes"]
    ]


def assert_accessible(page) -> None:
    problems = serious_violations(page)
    assert not problems, "axe-core: " + "; ".join(problems)
