"""Role × route table for the application pages (blueprint ``inbox``). Deny by default.

Actors: anonymous, the candidate who owns the application, another candidate, a member of the
mission's association, a member of another association, the admin of the network the association
belongs to, and a site admin. Wrong role → 403 (declared by the view); right role but not a party
to the application → 404 (decided by the service). A refused request changes nothing.
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from marketplace.associations.models import Membership
from marketplace.candidates.models import Application, ApplicationEvent, Message
from marketplace.extensions import db

ACTORS = ("anonymous", "owner", "other_candidate", "member", "other_member", "network_admin", "site_admin")
LOGIN, OK, REDIRECT, FORBIDDEN, NOT_FOUND = "login", 200, 302, 403, 404


def _row(**expected):
    return {actor: expected.get(actor, FORBIDDEN) for actor in ACTORS}


TABLE = [
    ("GET", "/espace/candidatures", _row(anonymous=LOGIN, owner=OK, other_candidate=OK)),
    ("POST", "/missions/{mission}/postuler", _row(anonymous=LOGIN, owner=REDIRECT, other_candidate=REDIRECT)),
    # GET asks to confirm; the POST sent from that page withdraws.
    (
        "GET",
        "/candidatures/{application}/retirer",
        _row(anonymous=LOGIN, owner=OK, other_candidate=NOT_FOUND),
    ),
    (
        "POST",
        "/candidatures/{application}/retirer",
        _row(anonymous=LOGIN, owner=REDIRECT, other_candidate=NOT_FOUND),
    ),
    ("GET", "/espace/candidatures/recues", _row(anonymous=LOGIN, member=OK, other_member=OK)),
    (
        "GET",
        "/espace/missions/{mission}/candidatures",
        _row(anonymous=LOGIN, member=OK, other_member=NOT_FOUND),
    ),
    (
        "POST",
        "/candidatures/{application}/examiner",
        _row(anonymous=LOGIN, member=REDIRECT, other_member=NOT_FOUND),
    ),
    (
        "POST",
        "/candidatures/{application}/accepter",
        _row(anonymous=LOGIN, member=REDIRECT, other_member=NOT_FOUND),
    ),
    (
        "POST",
        "/candidatures/{application}/refuser",
        _row(anonymous=LOGIN, member=REDIRECT, other_member=NOT_FOUND),
    ),
    (
        "POST",
        "/candidatures/{application}/terminer",
        _row(anonymous=LOGIN, member=REDIRECT, other_member=NOT_FOUND),
    ),
    (
        "GET",
        "/candidatures/{application}",
        dict(
            anonymous=LOGIN,
            owner=OK,
            other_candidate=NOT_FOUND,
            member=OK,
            other_member=NOT_FOUND,
            network_admin=NOT_FOUND,
            site_admin=NOT_FOUND,
        ),
    ),
    (
        "POST",
        "/candidatures/{application}/messages",
        dict(
            anonymous=LOGIN,
            owner=REDIRECT,
            other_candidate=NOT_FOUND,
            member=REDIRECT,
            other_member=NOT_FOUND,
            network_admin=NOT_FOUND,
            site_admin=NOT_FOUND,
        ),
    ),
]
FORM_DATA = {
    "retirer": {"confirmed": "yes"},
    "refuser": {"reason": "other"},
    "terminer": {"hours_done": "2"},
    "messages": {"body": "Bonjour"},
}
COVERED_RULES = {
    "/missions/<int:mission_id>/postuler",
    "/espace/candidatures",
    "/candidatures/<int:application_id>/retirer",
    "/espace/candidatures/recues",
    "/espace/missions/<int:mission_id>/candidatures",
    "/candidatures/<int:application_id>/examiner",
    "/candidatures/<int:application_id>/accepter",
    "/candidatures/<int:application_id>/refuser",
    "/candidatures/<int:application_id>/terminer",
    "/candidatures/<int:application_id>",
    "/candidatures/<int:application_id>/messages",
}


@pytest.fixture
def actors(make):
    """One user per actor, an application of `owner` to a mission of the `member`'s association."""
    member = make.user("association")
    association = make.association(owner=make.user("association"))
    db.session.add(Membership(user=member, association=association, role="member"))
    other_member = make.user("association")
    make.association(owner=other_member)
    network_admin = make.user("network_admin")
    make.network(admin=network_admin, members=(association,))
    mission = make.mission(association, capacity=3)
    owner = make.user("candidate")
    application = make.application(mission, owner, status="pending", motivation="Motivée !")
    users = {
        "owner": owner,
        "other_candidate": make.user("candidate"),
        "member": member,
        "other_member": other_member,
        "network_admin": network_admin,
        "site_admin": make.user("site_admin"),
    }
    return users, {"mission": mission.id, "application": application.id}


def _state(application_id: int) -> tuple:
    db.session.expire_all()
    application = db.session.get(Application, application_id)
    count = lambda model: db.session.scalar(select(func.count()).select_from(model))  # noqa: E731
    return (
        application.status,
        application.mission.seats_taken,
        count(Application),
        count(ApplicationEvent),
        count(Message),
    )


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize(("method", "path", "expected"), TABLE, ids=[f"{m} {p}" for m, p, _ in TABLE])
def test_role_route_table(client, auth, actors, actor, method, path, expected):
    users, values = actors
    if actor != "anonymous":
        auth.login_as(users[actor])
    before = _state(values["application"])
    data = FORM_DATA.get(path.rsplit("/", 1)[-1], {})

    response = client.open(path.format(**values), method=method, data=data)

    wanted = expected[actor]
    if wanted == LOGIN:
        assert response.status_code == 302 and "/connexion" in response.headers["Location"]
    else:
        assert response.status_code == wanted
        if wanted == REDIRECT:
            assert "/connexion" not in response.headers["Location"]
    if wanted in (LOGIN, FORBIDDEN, NOT_FOUND) or method == "GET":
        assert _state(values["application"]) == before


def test_the_table_covers_every_route_of_the_blueprint(app):
    rules = {rule.rule for rule in app.url_map.iter_rules() if rule.endpoint.startswith("inbox.")}
    assert rules == COVERED_RULES
    assert {
        path.replace("{mission}", "<int:mission_id>").replace("{application}", "<int:application_id>")
        for _, path, _ in TABLE
    } == COVERED_RULES
