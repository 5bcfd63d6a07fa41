"""Role × route table for attestations: only the volunteer downloads theirs (anyone else's is not
found); the verification page is public, and a wrong code is a 404 for everyone."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from marketplace.attestations import services
from marketplace.attestations.models import Attestation
from marketplace.extensions import db
from tests.authz import FORBIDDEN, MISSING, OK, REDIRECT, blueprint_rules, role_route_test, users_by_actor

ACTORS = ("anonymous", "candidate", "other_candidate", "association", "network_admin", "site_admin")
OWN_VOLUNTEER_ONLY = {
    "anonymous": REDIRECT,
    "candidate": OK,
    "other_candidate": MISSING,
    "association": FORBIDDEN,
    "network_admin": FORBIDDEN,
    "site_admin": FORBIDDEN,
}
TABLE = [
    ("POST", "/espace/attestations/{association}/2026", {"full_name": "Camille Martin"}, OWN_VOLUNTEER_ONLY),
    ("GET", "/attestations/{code}", None, dict.fromkeys(ACTORS, OK)),
    ("GET", "/attestations/{wrong}", None, dict.fromkeys(ACTORS, MISSING)),
]
COVERED_RULES = {"/espace/attestations/<int:association_id>/<int:year>", "/attestations/<code>"}


@pytest.fixture
def actors(make):
    users = users_by_actor(
        make,
        candidate="candidate",
        other_candidate="candidate",
        association="association",
        network_admin="network_admin",
        site_admin="site_admin",
    )
    association = make.association(owner=users["association"])
    mission = make.mission(association, start_date=date(2026, 4, 4))
    make.application(
        mission, users["candidate"], status="completed", hours_done=3, completed_at=datetime(2026, 4, 5, 9, 0)
    )
    attestation = services.issue_attestation(
        users["candidate"], association_id=association.id, year=2026, full_name="Camille Martin"
    )
    db.session.commit()
    return users, {"association": association.id, "code": attestation.code, "wrong": "ZZZZ-ZZZZ-ZZZZ-ZZZZ"}


test_role_route_table = role_route_test(ACTORS, TABLE)


def test_a_refused_download_issues_nothing(client, auth, actors):
    users, values = actors
    for actor in ("other_candidate", "association", "site_admin"):
        auth.login_as(users[actor])
        client.post(f"/espace/attestations/{values['association']}/2026", data={"full_name": "Quelqu'un"})
    assert db.session.scalar(select(func.count(Attestation.id))) == 1  # the one of the fixture


def test_covered_rules_are_exactly_the_attestations_blueprint_routes(app):
    assert blueprint_rules(app, "attestations.") == COVERED_RULES
