"""Role × route table for team management, invitations and mission import. Deny by default."""

from __future__ import annotations

from datetime import date

import pytest

from marketplace.associations import team
from marketplace.associations.imports import example_records, to_jsonl
from marketplace.associations.imports.job import enqueue_import
from marketplace.associations.models import Membership
from marketplace.extensions import db
from tests.authz import (
    BAD,
    FORBIDDEN,
    MISSING,
    OK,
    REDIRECT,
    blueprint_rules,
    role_route_test,
)

ACTORS = ("anonymous", "candidate", "owner", "member", "other_owner", "network_admin", "site_admin")
ASSOCIATION_ONLY = {
    "anonymous": REDIRECT,
    "candidate": FORBIDDEN,
    "network_admin": FORBIDDEN,
    "site_admin": FORBIDDEN,
}
IMPORTERS = {"anonymous": REDIRECT, "candidate": FORBIDDEN, **dict.fromkeys(ACTORS[2:], OK)}

JOB_READERS = {
    "anonymous": REDIRECT,
    "candidate": FORBIDDEN,
    "owner": OK,
    "member": OK,
    "other_owner": MISSING,
    "network_admin": MISSING,
    "site_admin": MISSING,
}

# (method, path, form data, {actor: expected status}); {invitation}, {member}, {token} are filled per test.
TABLE = [
    ("GET", "/espace/equipe", None, {**ASSOCIATION_ONLY, "owner": OK, "member": OK, "other_owner": OK}),
    (
        "POST",
        "/espace/equipe/inviter",
        {"email": "nouvelle@example.fr"},
        {**ASSOCIATION_ONLY, "owner": REDIRECT, "member": FORBIDDEN, "other_owner": REDIRECT},
    ),
    (
        "POST",
        "/espace/equipe/invitations/{invitation}/annuler",
        None,
        {**ASSOCIATION_ONLY, "owner": REDIRECT, "member": FORBIDDEN, "other_owner": MISSING},
    ),
    (
        "POST",
        "/espace/equipe/membres/{member}/retirer",
        None,
        {**ASSOCIATION_ONLY, "owner": REDIRECT, "member": REDIRECT, "other_owner": MISSING},
    ),
    (
        "POST",
        "/espace/equipe/membres/{member}/proprietaire",
        None,
        {**ASSOCIATION_ONLY, "owner": REDIRECT, "member": FORBIDDEN, "other_owner": MISSING},
    ),
    ("GET", "/invitation/{token}", None, dict.fromkeys(ACTORS, OK)),
    ("GET", "/invitation/not-a-token", None, dict.fromkeys(ACTORS, MISSING)),
    ("GET", "/espace/import", None, IMPORTERS),
    ("POST", "/espace/import", {}, {**IMPORTERS, **dict.fromkeys(ACTORS[2:], BAD)}),
    ("GET", "/espace/import/modele.csv", None, IMPORTERS),
    ("GET", "/espace/import/modele.jsonl", None, IMPORTERS),
    # An import job's page and state: its owner and the members of its association only.
    ("GET", "/espace/import/{job}", None, {**JOB_READERS}),
    ("GET", "/espace/import/{job}/etat.json", None, {**JOB_READERS}),
]
COVERED_RULES = {
    "/espace/equipe",
    "/espace/equipe/inviter",
    "/espace/equipe/invitations/<int:invitation_id>/annuler",
    "/espace/equipe/membres/<int:user_id>/retirer",
    "/espace/equipe/membres/<int:user_id>/proprietaire",
    "/invitation/<token>",
    "/espace/import",
    "/espace/import/modele.csv",
    "/espace/import/modele.jsonl",
    "/espace/import/<int:job_id>",
    "/espace/import/<int:job_id>/etat.json",
}


@pytest.fixture(autouse=True)
def request_context(app):
    """Invitation emails and rule messages are translated, which needs a request (for the language)."""
    with app.test_request_context():
        yield


@pytest.fixture
def actors(make):
    """One user per actor, an association with a member and a pending invitation."""
    users = {
        "candidate": make.user("candidate"),
        "owner": make.user("association"),
        "member": make.user("association"),
        "other_owner": make.user("association"),
        "network_admin": make.user("network_admin"),
        "site_admin": make.user("site_admin"),
    }
    association = make.association(owner=users["owner"])
    db.session.add(Membership(user=users["member"], association=association, role="member"))
    make.association(owner=users["other_owner"])
    make.network(admin=users["network_admin"], members=(association,))
    issued = team.invite_member(association, "invitee@example.fr", by=users["owner"])
    job = enqueue_import(
        to_jsonl(example_records(date.today())), "jsonl", by=users["owner"], association=association
    )
    db.session.commit()
    values = {
        "invitation": issued.invitation.id,
        "member": users["member"].id,
        "token": issued.token,
        "job": job.id,
    }
    return users, values


test_role_route_table = role_route_test(ACTORS, TABLE, multipart=True)


def test_covered_rules_are_exactly_the_team_blueprint_routes(app):
    assert blueprint_rules(app, "team.") == COVERED_RULES
