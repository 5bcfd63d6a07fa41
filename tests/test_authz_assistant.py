"""Role × route table for « Trouver ma mission » (blueprint ``assistant``).

The assistant and the accompaniment form are open to everyone, with or without an account. The
inbox of accompaniment requests (personal data) is for network admins and site admins only; a
refused request changes nothing.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from marketplace.assistant.models import AccompanimentRequest
from marketplace.assistant.views import ANSWERS_KEY
from marketplace.extensions import db

ROLES = ("anonymous", "candidate", "association", "network_admin", "site_admin")
OK, REDIRECT, BAD, FORBIDDEN, LOGIN = 200, 302, 400, 403, "login"
EVERYONE = dict.fromkeys(ROLES, OK)
ADMINS_GET = {
    "anonymous": LOGIN,
    "candidate": FORBIDDEN,
    "association": FORBIDDEN,
    "network_admin": OK,
    "site_admin": OK,
}
ADMINS_POST = {**ADMINS_GET, "network_admin": REDIRECT, "site_admin": REDIRECT}

TABLE = [
    ("GET", "/trouver-ma-mission", EVERYONE),
    ("GET", "/trouver-ma-mission/causes", EVERYONE),
    ("POST", "/trouver-ma-mission/causes", dict.fromkeys(ROLES, REDIRECT)),
    ("GET", "/trouver-ma-mission/resultats", dict.fromkeys(ROLES, REDIRECT)),  # no answers yet
    ("POST", "/trouver-ma-mission/recommencer", dict.fromkeys(ROLES, REDIRECT)),
    ("POST", "/trouver-ma-mission/enregistrer", dict.fromkeys(ROLES, REDIRECT)),
    ("GET", "/trouver-ma-mission/accompagnement", EVERYONE),
    ("POST", "/trouver-ma-mission/accompagnement", dict.fromkeys(ROLES, BAD)),  # empty form
    ("GET", "/trouver-ma-mission/accompagnement/envoye", dict.fromkeys(ROLES, REDIRECT)),
    ("GET", "/reseau/accompagnements", ADMINS_GET),
    ("GET", "/reseau/accompagnements?filtre=sans-reseau", ADMINS_GET),
    ("POST", "/reseau/accompagnements/{request}/traitee", ADMINS_POST),
    ("GET", "/reseau/accompagnements/{request}/traitee", dict.fromkeys(ROLES, 405)),
]
COVERED_RULES = {
    "/trouver-ma-mission",
    "/trouver-ma-mission/<slug>",
    "/trouver-ma-mission/resultats",
    "/trouver-ma-mission/recommencer",
    "/trouver-ma-mission/enregistrer",
    "/trouver-ma-mission/accompagnement",
    "/trouver-ma-mission/accompagnement/envoye",
    "/reseau/accompagnements",
    "/reseau/accompagnements/<int:request_id>/traitee",
}
COMPLETE_ANSWERS = {
    "causes": {"domains": ["culture"], "words": ""},
    "time": {"frequency": "once", "hours": None},
    "when": {"choices": ["weekend"], "slots": []},
    "where": {"mode": "remote", "place": "", "radius_km": 20, "remote_ok": True, "postcode": "", "city": ""},
    "skills": {"skills": [], "other_skills": "", "kinds": []},
    "avoid": {"domains": [], "kinds": [], "contexts": []},
    "age": {"age_range": "26-35"},
}


@pytest.fixture
def actors(make):
    """One user per role; the network admin administers the network the request went to."""
    users = {role: make.user(role) for role in ROLES[1:]}
    network = make.network(admin=users["network_admin"])
    request = AccompanimentRequest(
        first_name="Josiane", phone="0612345678", postcode="69007", network=network
    )
    db.session.add(request)
    db.session.commit()
    return users, {"request": request.id}


def _requests() -> list[tuple]:
    db.session.expire_all()
    return [
        (item.id, item.status, item.handled_by_id)
        for item in db.session.scalars(select(AccompanimentRequest).order_by(AccompanimentRequest.id))
    ]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("method", "path", "expected"), TABLE, ids=[f"{m} {p}" for m, p, _ in TABLE])
def test_role_route_table(client, auth, actors, role, method, path, expected):
    users, values = actors
    if role != "anonymous":
        auth.login_as(users[role])
    before = _requests()

    response = client.open(path.format(**values), method=method)

    wanted = expected[role]
    if wanted == LOGIN:
        assert response.status_code == 302 and "/connexion" in response.headers["Location"]
    else:
        assert response.status_code == wanted
    if "/traitee" in path and wanted == REDIRECT:
        assert _requests() != before
    else:
        assert _requests() == before


@pytest.mark.parametrize(
    ("role", "target"),
    [
        ("anonymous", "/inscription/benevole"),
        ("candidate", "/espace/profil"),
        ("association", "/trouver-ma-mission/resultats"),
        ("network_admin", "/trouver-ma-mission/resultats"),
        ("site_admin", "/trouver-ma-mission/resultats"),
    ],
)
def test_saving_answers_only_fills_a_volunteer_profile(client, auth, actors, role, target):
    users, _values = actors
    if role != "anonymous":
        auth.login_as(users[role])
    with client.session_transaction() as session:
        session[ANSWERS_KEY] = COMPLETE_ANSWERS

    response = client.post("/trouver-ma-mission/enregistrer")

    assert response.status_code == 302
    assert target in response.headers["Location"]
    db.session.expire_all()
    assert users["candidate"].profile.domains == (["culture"] if role == "candidate" else [])
