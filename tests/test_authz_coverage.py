"""Every route of the app appears in some feature's role × route table."""

from __future__ import annotations

import importlib
import pkgutil

import tests


def covered_rules() -> set[str]:
    rules: set[str] = set()
    for module_info in pkgutil.iter_modules(tests.__path__):
        if module_info.name.startswith("test_authz_") and module_info.name != "test_authz_coverage":
            module = importlib.import_module(f"tests.{module_info.name}")
            rules |= set(module.COVERED_RULES)
    return rules


def test_every_route_is_in_a_role_table(app):
    rules = {rule.rule for rule in app.url_map.iter_rules() if rule.endpoint != "static"}
    missing = rules - covered_rules()
    assert missing == set(), f"add these routes to a tests/test_authz_<feature>.py table: {sorted(missing)}"
