"""Role × route table for the account, legal and « My data » routes. Deny by default."""

from __future__ import annotations

import pytest

ROLES = ("anonymous", "candidate", "association", "network_admin", "site_admin")
OK, LOGIN, NOT_FOUND = 200, 302, 404
SIGNED_IN = {"anonymous": LOGIN, **dict.fromkeys(ROLES[1:], OK)}

# (method, path, {role: expected status}).
TABLE = [
    ("GET", "/conditions-generales", dict.fromkeys(ROLES, OK)),
    ("GET", "/confidentialite", dict.fromkeys(ROLES, OK)),
    ("GET", "/compte", SIGNED_IN),
    ("GET", "/compte/adresse", SIGNED_IN),
    ("GET", "/compte/donnees", SIGNED_IN),
    ("GET", "/compte/donnees.json", SIGNED_IN),
    ("GET", "/compte/donnees.html", SIGNED_IN),
    ("GET", "/compte/supprimer", SIGNED_IN),
    # Without a form the resend goes back to the account page; anonymous visitors sign in first.
    ("POST", "/compte/confirmation/renvoyer", {"anonymous": LOGIN, **dict.fromkeys(ROLES[1:], LOGIN)}),
    # A forged link: refused for everyone (back to sign-in, or to the account page).
    ("GET", "/compte/confirmer/forged.token", dict.fromkeys(ROLES, LOGIN)),
    ("GET", "/compte/adresse/confirmer/forged.token", dict.fromkeys(ROLES, LOGIN)),
    # The "check your e-mail" page only follows a sign-up (else back to the sign-up choice).
    ("GET", "/inscription/verifiez-vos-e-mails", dict.fromkeys(ROLES, LOGIN)),
]
COVERED_RULES = {
    "/conditions-generales",
    "/confidentialite",
    "/compte",
    "/compte/adresse",
    "/compte/donnees",
    "/compte/donnees.json",
    "/compte/donnees.html",
    "/compte/supprimer",
    "/compte/confirmation/renvoyer",
    "/compte/confirmer/<token>",
    "/compte/adresse/confirmer/<token>",
    "/inscription/verifiez-vos-e-mails",
}


@pytest.fixture
def actors(make):
    users = {
        "candidate": make.user("candidate"),
        "association": make.user("association"),
        "network_admin": make.user("network_admin"),
        "site_admin": make.user("site_admin"),
    }
    association = make.association(owner=users["association"])
    member = make.user("association")
    from marketplace.associations.models import Membership
    from marketplace.extensions import db

    db.session.add(Membership(user=member, association=association, role="member"))
    db.session.commit()
    return users, {"member": member.id, "association": association.id}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("method", "path", "expected"), TABLE, ids=[f"{m} {p}" for m, p, _ in TABLE])
def test_role_route_table(client, auth, actors, role, method, path, expected):
    users, values = actors
    if role != "anonymous":
        auth.login_as(users[role])
    data = {"association_id": values["association"]} if method == "POST" else None
    response = client.open(path.format(**values), method=method, data=data)
    assert response.status_code == expected[role]
    if expected[role] == LOGIN and role == "anonymous":
        assert "/connexion" in response.headers["Location"] or "/inscription" in response.headers["Location"]
