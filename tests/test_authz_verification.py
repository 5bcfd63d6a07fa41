"""Role × route table for association verification. Deny by default; other territories get 404."""

from __future__ import annotations

import pytest

from marketplace.extensions import db
from marketplace.models_base import utcnow
from tests.authz import (
    FORBIDDEN,
    MISSING,
    OK,
    REDIRECT,
    blueprint_rules,
    role_route_test,
)

ACTORS = (
    "anonymous",
    "candidate",
    "association",
    "other_association",
    "network_admin",
    "other_network_admin",
    "site_admin",
)
ASSOCIATION_ONLY = {
    "anonymous": REDIRECT,
    "candidate": FORBIDDEN,
    "network_admin": FORBIDDEN,
    "other_network_admin": FORBIDDEN,
    "site_admin": FORBIDDEN,
}
VERIFIERS_ONLY = {
    "anonymous": REDIRECT,
    "candidate": FORBIDDEN,
    "association": FORBIDDEN,
    "other_association": FORBIDDEN,
}

# (method, path, form data, {actor: expected status}); {own} and {pending} are filled per test.
TABLE = [
    (
        "GET",
        "/espace/associations/{own}/verification",
        None,
        {**ASSOCIATION_ONLY, "association": OK, "other_association": MISSING},
    ),
    (
        "POST",
        "/espace/associations/{own}/verification/demander",
        {},
        {**ASSOCIATION_ONLY, "association": REDIRECT, "other_association": MISSING},
    ),
    (
        "GET",
        "/verifications",
        None,
        {**VERIFIERS_ONLY, "network_admin": OK, "other_network_admin": OK, "site_admin": OK},
    ),
    (
        "GET",
        "/verifications/{pending}",
        None,
        {**VERIFIERS_ONLY, "network_admin": OK, "other_network_admin": MISSING, "site_admin": OK},
    ),
    (
        "POST",
        "/verifications/{pending}/verifier",
        {},
        {**VERIFIERS_ONLY, "network_admin": REDIRECT, "other_network_admin": MISSING, "site_admin": REDIRECT},
    ),
    (
        "POST",
        "/verifications/{pending}/refuser",
        {"refuse-reason": "Le SIREN correspond à une autre structure."},
        {**VERIFIERS_ONLY, "network_admin": REDIRECT, "other_network_admin": MISSING, "site_admin": REDIRECT},
    ),
]
COVERED_RULES = {
    "/espace/associations/<int:association_id>/verification",
    "/espace/associations/<int:association_id>/verification/demander",
    "/verifications",
    "/verifications/<int:association_id>",
    "/verifications/<int:association_id>/verifier",
    "/verifications/<int:association_id>/refuser",
}


@pytest.fixture(autouse=True)
def request_context(app):
    """Notification emails are translated, which needs a request (for the language)."""
    with app.test_request_context():
        yield


@pytest.fixture
def actors(make):
    """An unverified association with a SIREN; another one of Lyon waiting for a decision."""
    users = {
        "candidate": make.user("candidate"),
        "association": make.user("association"),
        "other_association": make.user("association"),
        "network_admin": make.user("network_admin"),
        "other_network_admin": make.user("network_admin"),
        "site_admin": make.user("site_admin"),
    }
    make.network(admin=users["network_admin"], departements=("69",))
    make.network("Autre réseau", admin=users["other_network_admin"], departements=("13",))
    own = make.association(owner=users["association"], postcode="69007", siren="732829320")
    make.association(owner=users["other_association"], postcode="69003")
    pending = make.association(postcode="69001", rna="W691234567")
    pending.verification_requested_at = utcnow()
    db.session.commit()
    return users, {"own": own.id, "pending": pending.id}


test_role_route_table = role_route_test(ACTORS, TABLE)


def test_covered_rules_are_exactly_the_verification_blueprint_routes(app):
    assert blueprint_rules(app, "verification.") == COVERED_RULES
