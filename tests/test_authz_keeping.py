"""Role × route table for « Garder »: only volunteers keep missions, and only published ones."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from marketplace.candidates.models import KeptMission
from marketplace.extensions import db
from tests.authz import FORBIDDEN, REDIRECT, assert_status, blueprint_rules, row_ids, users_by_actor, visit

ACTORS = ("anonymous", "candidate", "association", "network_admin", "site_admin")
VOLUNTEERS_ONLY = {
    "anonymous": REDIRECT,
    "candidate": REDIRECT,
    "association": FORBIDDEN,
    "network_admin": FORBIDDEN,
    "site_admin": FORBIDDEN,
}
TABLE = [
    ("POST", "/missions/{mission}/garder", None, VOLUNTEERS_ONLY),
    ("POST", "/missions/{mission}/ne-plus-garder", None, VOLUNTEERS_ONLY),
]
COVERED_RULES = {"/missions/<int:mission_id>/garder", "/missions/<int:mission_id>/ne-plus-garder"}


@pytest.fixture
def actors(make):
    users = users_by_actor(make, **{actor: actor for actor in ACTORS[1:]})
    return users, {"mission": make.mission().id}


def _kept() -> list[tuple[int, int]]:
    db.session.expire_all()
    return list(db.session.execute(select(KeptMission.user_id, KeptMission.mission_id)).tuples())


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize(("method", "path", "data", "expected"), TABLE, ids=row_ids(TABLE))
def test_role_route_table(client, auth, actors, actor, method, path, data, expected):
    users, values = actors
    response = visit(client, auth, users, actor, method, path, values, data)
    assert_status(response, expected, actor)
    if actor != "candidate" or "ne-plus" in path:
        assert _kept() == []  # refused, or let go: nothing kept


def test_a_volunteer_keeps_only_published_missions(client, auth, make):
    volunteer = make.user("candidate")
    draft = make.mission(status="draft")
    auth.login_as(volunteer)
    response = client.post(f"/missions/{draft.id}/garder")
    assert response.status_code == REDIRECT
    assert _kept() == []


def test_letting_go_touches_only_ones_own_kept_missions(client, auth, make):
    mission = make.mission()
    owner, other = make.user("candidate"), make.user("candidate")
    db.session.add(KeptMission(user_id=owner.id, mission_id=mission.id))
    db.session.commit()
    auth.login_as(other)
    client.post(f"/missions/{mission.id}/ne-plus-garder")
    assert _kept() == [(owner.id, mission.id)]


def test_covered_rules_are_exactly_the_keeping_blueprint_routes(app):
    assert blueprint_rules(app, "keeping.") == COVERED_RULES
