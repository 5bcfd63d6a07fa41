"""Role × route table for the network space and the association's network page. Deny by default."""

from __future__ import annotations

import pytest

from marketplace.extensions import db
from marketplace.networks.models import NetworkMember
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
NETWORK_ONLY = {
    "anonymous": REDIRECT,
    "candidate": FORBIDDEN,
    "association": FORBIDDEN,
    "other_association": FORBIDDEN,
}
ASSOCIATION_ONLY = {
    "anonymous": REDIRECT,
    "candidate": FORBIDDEN,
    "network_admin": FORBIDDEN,
    "other_network_admin": FORBIDDEN,
    "site_admin": FORBIDDEN,
}

# (method, path, form data, {actor: expected status}); {network}, {request}... are filled per test.
TABLE = [
    ("GET", "/espace/reseaux", None, {**ASSOCIATION_ONLY, "association": OK, "other_association": OK}),
    (
        "POST",
        "/espace/reseaux/{network}/rejoindre",
        {"association_id": "{association}"},
        # Asking for an association one does not belong to is refused (a message, then back).
        {**ASSOCIATION_ONLY, "association": REDIRECT, "other_association": REDIRECT},
    ),
    # A network admin with one network is sent to its space; a site admin sees the list.
    (
        "GET",
        "/reseau",
        None,
        {**NETWORK_ONLY, "network_admin": REDIRECT, "other_network_admin": REDIRECT, "site_admin": OK},
    ),
    (
        "GET",
        "/reseau/{network}",
        None,
        {**NETWORK_ONLY, "network_admin": OK, "other_network_admin": MISSING, "site_admin": OK},
    ),
    (
        "POST",
        "/reseau/{network}/demandes/{request}/accepter",
        {},
        {**NETWORK_ONLY, "network_admin": REDIRECT, "other_network_admin": MISSING, "site_admin": REDIRECT},
    ),
    (
        "POST",
        "/reseau/{network}/demandes/{request}/refuser",
        {},
        {**NETWORK_ONLY, "network_admin": REDIRECT, "other_network_admin": MISSING, "site_admin": REDIRECT},
    ),
    (
        "POST",
        "/reseau/{network}/inviter",
        {"association_id": "{association}"},
        {**NETWORK_ONLY, "network_admin": REDIRECT, "other_network_admin": MISSING, "site_admin": REDIRECT},
    ),
    # Only a member of the invited association answers; anyone else's answer is a 404.
    (
        "POST",
        "/espace/reseaux/invitations/{invitation}/accepter",
        {},
        {**ASSOCIATION_ONLY, "association": REDIRECT, "other_association": MISSING},
    ),
    (
        "POST",
        "/espace/reseaux/invitations/{invitation}/refuser",
        {},
        {**ASSOCIATION_ONLY, "association": REDIRECT, "other_association": MISSING},
    ),
    (
        "POST",
        "/reseau/{network}/rattacher",
        {"association_id": "{association}"},
        {
            **NETWORK_ONLY,
            "network_admin": FORBIDDEN,
            "other_network_admin": FORBIDDEN,
            "site_admin": REDIRECT,
        },
    ),
]
COVERED_RULES = {
    "/espace/reseaux",
    "/espace/reseaux/<int:network_id>/rejoindre",
    "/reseau",
    "/reseau/<int:network_id>",
    "/reseau/<int:network_id>/demandes/<int:member_id>/accepter",
    "/reseau/<int:network_id>/demandes/<int:member_id>/refuser",
    "/reseau/<int:network_id>/rattacher",
    "/reseau/<int:network_id>/inviter",
    "/espace/reseaux/invitations/<int:member_id>/accepter",
    "/espace/reseaux/invitations/<int:member_id>/refuser",
}


@pytest.fixture(autouse=True)
def request_context(app):
    """Notification emails are translated, which needs a request (for the language)."""
    with app.test_request_context():
        yield


@pytest.fixture
def actors(make):
    """A network with one pending request from an association of its territory; another network."""
    users = {
        "candidate": make.user("candidate"),
        "association": make.user("association"),
        "network_admin": make.user("network_admin"),
        "other_network_admin": make.user("network_admin"),
        "site_admin": make.user("site_admin"),
        "other_association": make.user("association"),
    }
    network = make.network(admin=users["network_admin"], departements=("69",))
    make.network("Autre réseau", admin=users["other_network_admin"], departements=("13",))
    applicant = make.association(postcode="69003")
    request = NetworkMember(network=network, association=applicant, status="requested")
    db.session.add(request)
    association = make.association(owner=users["association"], postcode="69007")
    make.association(owner=users["other_association"], postcode="69008")
    # The network invited another association of users["association"]; invites go to the first one.
    invited = make.association(owner=users["association"], postcode="69002")
    invitation = NetworkMember(network=network, association=invited, status="invited")
    db.session.add(invitation)
    db.session.commit()
    values = {"network": network.id, "request": request.id, "association": association.id}
    return users, {**values, "invitation": invitation.id}


test_role_route_table = role_route_test(ACTORS, TABLE)


def test_covered_rules_are_exactly_the_networks_blueprint_routes(app):
    assert blueprint_rules(app, "networks.") == COVERED_RULES
