"""Role × route table for the foundation's routes. Deny by default.

Each feature keeps its own table in a ``tests/test_authz_<feature>.py`` module exposing
``COVERED_RULES``; ``tests/test_authz_coverage.py`` checks that together they cover every route.
"""

from __future__ import annotations

import pytest

from marketplace.accounts.access import declared_access, is_allowed

ROLES = ("anonymous", "candidate", "association", "network_admin", "site_admin")
OK, LOGIN, FORBIDDEN = 200, 302, 403

# (method, path, {role: expected status}); {mission}/{slug} are filled per test.
TABLE = [
    ("GET", "/", dict.fromkeys(ROLES, OK)),
    ("GET", "/missions", dict.fromkeys(ROLES, 301)),  # moved to /recherche
    ("GET", "/missions/{mission}", dict.fromkeys(ROLES, OK)),
    ("GET", "/missions/{draft}", dict.fromkeys(ROLES, 404)),
    ("GET", "/associations/{slug}", dict.fromkeys(ROLES, OK)),
    ("GET", "/mentions-legales", dict.fromkeys(ROLES, OK)),
    ("GET", "/connexion", {"anonymous": OK, **dict.fromkeys(ROLES[1:], LOGIN)}),
    ("GET", "/inscription", dict.fromkeys(ROLES, OK)),
    ("GET", "/inscription/benevole", dict.fromkeys(ROLES, OK)),
    ("GET", "/inscription/association", dict.fromkeys(ROLES, OK)),
    ("GET", "/mot-de-passe-oublie", dict.fromkeys(ROLES, OK)),
    ("GET", "/espace", {"anonymous": LOGIN, **dict.fromkeys(ROLES[1:], OK)}),
    ("GET", "/compte/mot-de-passe", {"anonymous": LOGIN, **dict.fromkeys(ROLES[1:], OK)}),
    ("POST", "/deconnexion", {"anonymous": LOGIN, **dict.fromkeys(ROLES[1:], LOGIN)}),
    ("POST", "/langue", dict.fromkeys(ROLES, LOGIN)),
]
COVERED_RULES = {
    "/",
    "/missions",
    "/missions/<int:mission_id>",
    "/associations/<slug>",
    "/mentions-legales",
    "/connexion",
    "/inscription",
    "/inscription/benevole",
    "/inscription/association",
    "/mot-de-passe-oublie",
    "/mot-de-passe/reinitialiser/<token>",
    "/espace",
    "/compte/mot-de-passe",
    "/deconnexion",
    "/langue",
}


@pytest.fixture
def actors(make):
    """One user per role, with the rows their pages need."""
    users = {
        "candidate": make.user("candidate"),
        "association": make.user("association"),
        "network_admin": make.user("network_admin"),
        "site_admin": make.user("site_admin"),
    }
    association = make.association(owner=users["association"])
    make.network(admin=users["network_admin"], members=(association,))
    mission = make.mission(association)
    draft = make.mission(association, status="draft")
    return users, {"mission": mission.id, "draft": draft.id, "slug": association.slug}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("method", "path", "expected"), TABLE, ids=[f"{m} {p}" for m, p, _ in TABLE])
def test_role_route_table(client, auth, actors, role, method, path, expected):
    users, values = actors
    if role != "anonymous":
        auth.login_as(users[role])
    response = client.open(path.format(**values), method=method)
    assert response.status_code == expected[role]
    if expected[role] == LOGIN and role == "anonymous" and path not in ("/langue",):
        assert "/connexion" in response.headers["Location"]


def test_every_view_declares_who_may_see_it(app):
    undeclared = [
        endpoint
        for endpoint, view in app.view_functions.items()
        if endpoint != "static" and declared_access(view) is None
    ]
    assert undeclared == []


def test_a_view_without_declaration_stops_the_app_from_starting():
    from flask import Flask

    from marketplace.accounts.access import check_every_view_declares_access

    bare = Flask(__name__)
    bare.add_url_rule("/forgotten", "forgotten", lambda: "open door")
    with pytest.raises(RuntimeError, match="forgotten"):
        check_every_view_declares_access(bare)


class _User:
    def __init__(self, role: str | None):
        self.role = role
        self.is_authenticated = role is not None


@pytest.mark.parametrize(
    ("access", "role", "allowed"),
    [
        (None, "site_admin", False),
        ((), "site_admin", False),
        (("public",), None, True),
        (("authenticated",), None, False),
        (("authenticated",), "candidate", True),
        (("candidate",), "association", False),
        (("candidate",), "candidate", True),
        (("association", "site_admin"), "site_admin", True),
    ],
)
def test_access_decision_denies_by_default(access, role, allowed):
    assert is_allowed(access, _User(role)) is allowed
