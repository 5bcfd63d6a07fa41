"""Role × route table for the search page and the public search API: open to everyone, drafts never."""

from __future__ import annotations

import pytest

from tests.authz import assert_status, row_ids, visit

ROLES = ("anonymous", "candidate", "association", "network_admin", "site_admin")
OK, BAD, MISSING = 200, 400, 404

# (method, path, {role: expected status}); {mission} and {draft} are filled per test.
TABLE = [
    ("GET", "/recherche", dict.fromkeys(ROLES, OK)),
    ("GET", "/recherche?q=jardin&domain=sante&postcode=69007", dict.fromkeys(ROLES, OK)),
    ("GET", "/recherche?domain=inconnu", dict.fromkeys(ROLES, BAD)),
    ("GET", "/api/v1/missions", dict.fromkeys(ROLES, OK)),
    ("GET", "/api/v1/missions?radius_km=0", dict.fromkeys(ROLES, BAD)),
    ("GET", "/api/v1/missions/{mission}", dict.fromkeys(ROLES, OK)),
    ("GET", "/api/v1/missions/{draft}", dict.fromkeys(ROLES, MISSING)),
    ("POST", "/recherche", dict.fromkeys(ROLES, 405)),
    ("POST", "/api/v1/missions", dict.fromkeys(ROLES, 405)),
]
COVERED_RULES = {
    "/recherche",
    "/api/v1/missions",
    "/api/v1/missions/<int:mission_id>",
}


@pytest.fixture
def actors(make):
    """One user per role; the association owns a published mission and a draft."""
    users = {role: make.user(role) for role in ROLES[1:]}
    association = make.association(owner=users["association"])
    mission = make.mission(association)
    draft = make.mission(association, status="draft")
    return users, {"mission": mission.id, "draft": draft.id}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("method", "path", "expected"), TABLE, ids=row_ids(TABLE))
def test_role_route_table(client, auth, actors, role, method, path, expected):
    users, values = actors
    response = visit(client, auth, users, role, method, path, values)
    assert_status(response, expected, role)
