"""Accessibility checks with axe-core (npm, pinned in package.json) inside the Playwright pages.

The script is evaluated through the DevTools protocol, which the pages' Content-Security-Policy
does not govern, so the pages are checked with their real headers.
"""

from __future__ import annotations

from pathlib import Path

AXE_SCRIPT = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING_IMPACTS = ("serious", "critical")


def axe_violations(page) -> list[dict]:
    """Every axe-core violation on the page as it is now (WCAG 2.1 A and AA rules and best practices)."""
    if not AXE_SCRIPT.exists():
        raise RuntimeError(f"axe-core is missing at {AXE_SCRIPT}: run npm ci")
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8"))
    result = page.evaluate("async () => await window.axe.run(document, {resultTypes: ['violations']})")
    return result["violations"]


def assert_accessible(page) -> None:
    """No serious or critical violation; the message names each rule and the first elements hit."""
    blocking = [violation for violation in axe_violations(page) if violation["impact"] in BLOCKING_IMPACTS]
    described = [
        f"{violation['id']} ({violation['impact']}): {violation['help']} — "
        + ", ".join(node["target"][0] for node in violation["nodes"][:3])
        for violation in blocking
    ]
    assert not blocking, f"{page.url}:\n" + "\n".join(described)
