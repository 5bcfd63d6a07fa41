"""Role × route table for the after-mission pages: the volunteer's feedback, the association's note."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.authz import FORBIDDEN, MISSING, OK, REDIRECT, blueprint_rules, role_route_test, users_by_actor

ACTORS = ("anonymous", "volunteer", "other_volunteer", "owner", "other_owner", "network_admin", "site_admin")
# Only the volunteer who took part answers; another volunteer's request finds nothing (404).
THE_VOLUNTEER = {**dict.fromkeys(ACTORS, FORBIDDEN), "anonymous": REDIRECT, "other_volunteer": MISSING}
# Only the association's team writes its note; another association finds nothing (404).
THE_TEAM = {
    **dict.fromkeys(ACTORS, FORBIDDEN),
    "anonymous": REDIRECT,
    "owner": REDIRECT,
    "other_owner": MISSING,
}
TABLE = [
    ("GET", "/candidatures/{done}/avis", None, {**THE_VOLUNTEER, "volunteer": OK}),
    ("POST", "/candidatures/{done}/avis", {"rating": "5"}, {**THE_VOLUNTEER, "volunteer": REDIRECT}),
    ("POST", "/candidatures/{done}/note", {"note": "Fiable."}, THE_TEAM),
]
COVERED_RULES = {"/candidatures/<int:application_id>/avis", "/candidatures/<int:application_id>/note"}


@pytest.fixture
def actors(make):
    users = users_by_actor(
        make,
        volunteer="candidate",
        other_volunteer="candidate",
        owner="association",
        other_owner="association",
        network_admin="network_admin",
        site_admin="site_admin",
    )
    make.association(owner=users["other_owner"])
    mission = make.mission(
        make.association(owner=users["owner"]), start_date=date.today() - timedelta(days=2)
    )
    done = make.application(mission, users["volunteer"], status="completed", hours_done=3)
    return users, {"done": done.id}


test_role_route_table = role_route_test(ACTORS, TABLE)


def test_covered_rules_are_exactly_the_follow_up_blueprint_routes(app):
    assert blueprint_rules(app, "follow_up.") == COVERED_RULES
