"""Role × route table for the association space (missions_admin) and moderation. Deny by default.

Actors: anonymous, a candidate, the owner of association A, the owner of another association B,
the admin of a network A belongs to (B does not), and a site admin. A refused request changes nothing.
"""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from marketplace.associations.models import Mission, MissionReview
from marketplace.extensions import db
from marketplace.notifications.models import OutboxMessage

ROLES = ("anonymous", "candidate", "owner_a", "member_b", "network_admin", "site_admin")
OK, BAD, NOT_FOUND, FORBIDDEN = 200, 400, 404, 403
LOGIN, REDIRECT = "login", "redirect"  # 302 to the sign-in page / 302 after an action

RETURN = {"return-comment": "Précisez le lieu de rendez-vous."}


def for_associations(owner_a: int | str, member_b: int | str) -> dict:
    """Expected answers on an association-space route: other roles never get in."""
    return {
        "anonymous": LOGIN,
        "candidate": FORBIDDEN,
        "owner_a": owner_a,
        "member_b": member_b,
        "network_admin": FORBIDDEN,
        "site_admin": FORBIDDEN,
    }


def for_moderators(network_admin: int | str, site_admin: int | str) -> dict:
    """Expected answers on a moderation route: other roles never get in."""
    return {
        "anonymous": LOGIN,
        "candidate": FORBIDDEN,
        "owner_a": FORBIDDEN,
        "member_b": FORBIDDEN,
        "network_admin": network_admin,
        "site_admin": site_admin,
    }


# (method, path, form data, {role: expected}); {placeholders} are mission ids filled per test.
TABLE = [
    ("GET", "/espace/missions", None, for_associations(OK, OK)),
    ("GET", "/espace/missions/nouvelle", None, for_associations(OK, OK)),
    ("POST", "/espace/missions/nouvelle", {}, for_associations(BAD, BAD)),
    ("POST", "/espace/missions/apercu", {"description": "*x*"}, for_associations(OK, OK)),
    ("GET", "/espace/missions/{a_draft}", None, for_associations(OK, NOT_FOUND)),
    ("GET", "/espace/missions/{b_pending}", None, for_associations(NOT_FOUND, OK)),
    ("GET", "/espace/missions/{a_draft}/modifier", None, for_associations(OK, NOT_FOUND)),
    ("POST", "/espace/missions/{a_draft}/modifier", {}, for_associations(BAD, NOT_FOUND)),
    ("POST", "/espace/missions/{a_draft}/soumettre", {}, for_associations(REDIRECT, NOT_FOUND)),
    ("POST", "/espace/missions/{a_published}/dupliquer", {}, for_associations(REDIRECT, NOT_FOUND)),
    ("POST", "/espace/missions/{a_published}/cloturer", {}, for_associations(REDIRECT, NOT_FOUND)),
    ("POST", "/espace/missions/{a_published}/annuler", {}, for_associations(REDIRECT, NOT_FOUND)),
    ("GET", "/moderation", None, for_moderators(OK, OK)),
    ("GET", "/moderation/missions/{a_pending}", None, for_moderators(OK, OK)),
    ("GET", "/moderation/missions/{b_pending}", None, for_moderators(NOT_FOUND, OK)),
    ("POST", "/moderation/missions/{a_pending}/publier", {}, for_moderators(REDIRECT, REDIRECT)),
    ("POST", "/moderation/missions/{b_pending}/publier", {}, for_moderators(NOT_FOUND, REDIRECT)),
    ("POST", "/moderation/missions/{a_pending}/renvoyer", RETURN, for_moderators(REDIRECT, REDIRECT)),
    ("POST", "/moderation/missions/{b_pending}/renvoyer", RETURN, for_moderators(NOT_FOUND, REDIRECT)),
]

COVERED_RULES = {
    "/espace/missions",
    "/espace/missions/nouvelle",
    "/espace/missions/apercu",
    "/espace/missions/<int:mission_id>",
    "/espace/missions/<int:mission_id>/modifier",
    "/espace/missions/<int:mission_id>/soumettre",
    "/espace/missions/<int:mission_id>/dupliquer",
    "/espace/missions/<int:mission_id>/cloturer",
    "/espace/missions/<int:mission_id>/annuler",
    "/moderation",
    "/moderation/missions/<int:mission_id>",
    "/moderation/missions/<int:mission_id>/publier",
    "/moderation/missions/<int:mission_id>/renvoyer",
}


@pytest.fixture
def actors(make):
    users = {
        "candidate": make.user("candidate"),
        "owner_a": make.user("association"),
        "member_b": make.user("association"),
        "network_admin": make.user("network_admin"),
        "site_admin": make.user("site_admin"),
    }
    association_a = make.association("A", owner=users["owner_a"])
    association_b = make.association("B", owner=users["member_b"])
    make.network(admin=users["network_admin"], members=(association_a,))
    missions = {
        "a_draft": make.mission(association_a, status="draft"),
        "a_published": make.mission(association_a),
        "a_pending": make.mission(association_a, status="pending_review"),
        "b_pending": make.mission(association_b, status="pending_review"),
    }
    return users, {name: mission.id for name, mission in missions.items()}


def snapshot() -> tuple:
    """Everything a refused request must leave untouched."""
    missions = db.session.execute(
        select(Mission.id, Mission.status, Mission.title).order_by(Mission.id)
    ).all()
    return (
        tuple(missions),
        db.session.scalar(select(func.count(MissionReview.id))),
        db.session.scalar(select(func.count(OutboxMessage.id))),
    )


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("method", "path", "data", "expected"), TABLE, ids=[f"{m} {p}" for m, p, _, _ in TABLE]
)
def test_role_route_table(client, auth, actors, role, method, path, data, expected):
    users, ids = actors
    if role != "anonymous":
        auth.login_as(users[role])
    before = snapshot()
    response = client.open(path.format(**ids), method=method, data=data)
    db.session.expire_all()
    wanted = expected[role]
    if wanted == LOGIN:
        assert response.status_code == 302 and "/connexion" in response.headers["Location"]
    elif wanted == REDIRECT:
        assert response.status_code == 302 and "/connexion" not in response.headers["Location"]
    else:
        assert response.status_code == wanted
    if wanted in (LOGIN, FORBIDDEN, NOT_FOUND) or method == "GET":
        assert snapshot() == before


def test_the_table_has_a_row_for_every_route_of_these_blueprints(app):
    rules = {
        rule.rule
        for rule in app.url_map.iter_rules()
        if rule.endpoint.split(".")[0] in ("missions_admin", "moderation")
    }
    assert rules == COVERED_RULES
    assert {re.sub(r"\{\w+\}", "<int:mission_id>", path) for _, path, _, _ in TABLE} == COVERED_RULES
