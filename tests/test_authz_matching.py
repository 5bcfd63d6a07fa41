"""Role × route table for recommendations, suggested volunteers and invitations. Deny by default."""

from __future__ import annotations

import pytest

from marketplace.associations.models import Membership
from marketplace.extensions import db

ACTORS = ("anonymous", "candidate", "owner", "member", "other_owner", "network_admin", "site_admin")
OK, REDIRECT, BAD, UNAUTHORIZED, FORBIDDEN, MISSING = 200, 302, 400, 401, 403, 404
ASSOCIATION_ONLY = {
    "anonymous": REDIRECT,
    "candidate": FORBIDDEN,
    "network_admin": FORBIDDEN,
    "site_admin": FORBIDDEN,
}
ANSWERS = {"age_range": "26-35", "postcode": "69007"}

# (method, path, JSON body or None, {actor: expected status}); {mission} and {candidate} are filled per test.
TABLE = [
    (
        "GET",
        "/api/v1/me/recommendations",
        None,
        {**dict.fromkeys(ACTORS, FORBIDDEN), "anonymous": UNAUTHORIZED, "candidate": OK},
    ),
    ("POST", "/api/v1/recommendations", ANSWERS, dict.fromkeys(ACTORS, OK)),
    ("POST", "/api/v1/recommendations", {}, dict.fromkeys(ACTORS, BAD)),
    (
        "GET",
        "/espace/missions/{mission}/candidats-suggeres",
        None,
        {**ASSOCIATION_ONLY, "owner": OK, "member": OK, "other_owner": MISSING},
    ),
    (
        "POST",
        "/espace/missions/{mission}/candidats-suggeres/{candidate}/inviter",
        None,
        {**ASSOCIATION_ONLY, "owner": REDIRECT, "member": REDIRECT, "other_owner": MISSING},
    ),
]
COVERED_RULES = {
    "/api/v1/me/recommendations",
    "/api/v1/recommendations",
    "/espace/missions/<int:mission_id>/candidats-suggeres",
    "/espace/missions/<int:mission_id>/candidats-suggeres/<int:candidate_id>/inviter",
}


@pytest.fixture
def actors(make):
    """One user per actor; an association (owner + member) with a published mission; a visible volunteer."""
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
    mission = make.mission(association)
    volunteer = make.user("candidate")
    volunteer.profile.visible_to_associations = True
    db.session.commit()
    return users, {"mission": mission.id, "candidate": volunteer.id}


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize(
    ("method", "path", "body", "expected"),
    TABLE,
    ids=[f"{method} {path} {body}" for method, path, body, _ in TABLE],
)
def test_role_route_table(client, auth, actors, actor, method, path, body, expected):
    users, values = actors
    if actor != "anonymous":
        auth.login_as(users[actor])
    kwargs = {"json": body} if body is not None else {}
    response = client.open(path.format(**values), method=method, **kwargs)
    assert response.status_code == expected[actor]
    if path.startswith("/api/") and response.status_code != OK:
        assert response.is_json and response.get_json()["error"]["code"]
    if actor == "anonymous" and expected[actor] == REDIRECT:
        assert "/connexion" in response.headers["Location"]


def test_covered_rules_are_exactly_the_matching_routes(app):
    rules = {
        rule.rule
        for rule in app.url_map.iter_rules()
        if rule.endpoint.startswith("matching.") or "recommendations" in rule.rule
    }
    assert rules == COVERED_RULES
