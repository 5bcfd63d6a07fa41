"""Role × route table for the documents machines read: the feed, the sitemap, robots.txt (all public)."""

from __future__ import annotations

import pytest

from tests.authz import assert_status, row_ids, visit

ROLES = ("anonymous", "candidate", "association", "network_admin", "site_admin")
OK, BAD, MISSING = 200, 400, 404

TABLE = [
    ("GET", "/flux/api-engagement.xml", dict.fromkeys(ROLES, OK)),
    ("GET", "/flux/api-engagement.xml?network={network}", dict.fromkeys(ROLES, OK)),
    ("GET", "/flux/api-engagement.xml?network=0", dict.fromkeys(ROLES, MISSING)),
    ("GET", "/flux/api-engagement.xml?network=x", dict.fromkeys(ROLES, BAD)),
    ("GET", "/sitemap.xml", dict.fromkeys(ROLES, OK)),
    ("GET", "/sitemap-1.xml", dict.fromkeys(ROLES, OK)),
    ("GET", "/sitemap-9.xml", dict.fromkeys(ROLES, MISSING)),
    ("GET", "/robots.txt", dict.fromkeys(ROLES, OK)),
    ("POST", "/flux/api-engagement.xml", dict.fromkeys(ROLES, 405)),
    ("POST", "/sitemap.xml", dict.fromkeys(ROLES, 405)),
]
COVERED_RULES = {"/flux/api-engagement.xml", "/sitemap.xml", "/sitemap-<int:number>.xml", "/robots.txt"}


@pytest.fixture
def actors(make):
    users = {role: make.user(role) for role in ROLES[1:]}
    network = make.network(admin=users["network_admin"])
    make.mission(make.association(owner=users["association"]))
    return users, {"network": network.id}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("method", "path", "expected"), TABLE, ids=row_ids(TABLE))
def test_role_route_table(client, auth, actors, role, method, path, expected):
    users, values = actors
    response = visit(client, auth, users, role, method, path, values)
    assert_status(response, expected, role)
