"""Role × route table for the volunteer's profile and its autocompletion (blueprint ``profile``).

Only volunteers have a profile page; the two autocompletion endpoints are public and hold reference
data only. Wrong role → 403, anonymous → sign-in page; a refused request changes nothing.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from marketplace.accounts.access import declared_access
from marketplace.candidates.models import CandidateProfile
from marketplace.extensions import db

ROLES = ("anonymous", "candidate", "association", "network_admin", "site_admin")
OK, REDIRECT, FORBIDDEN, LOGIN = 200, 302, 403, "login"
CANDIDATE_ONLY_GET = {"anonymous": LOGIN, "candidate": OK, **dict.fromkeys(ROLES[2:], FORBIDDEN)}
CANDIDATE_ONLY_POST = {"anonymous": LOGIN, "candidate": REDIRECT, **dict.fromkeys(ROLES[2:], FORBIDDEN)}

TABLE = [
    ("GET", "/espace/profil", CANDIDATE_ONLY_GET),
    ("POST", "/espace/profil", CANDIDATE_ONLY_POST),
    ("GET", "/api/v1/communes?q=lyon", dict.fromkeys(ROLES, OK)),
    ("GET", "/api/v1/skills?q=cuisine", dict.fromkeys(ROLES, OK)),
]
COVERED_RULES = {"/espace/profil", "/api/v1/communes", "/api/v1/skills"}
PROFILE_FORM = {
    "first_name": "Camille",
    "age_range": "36-50",
    "place": "Villeurbanne",
    "radius_km": "30",
    "slots": ["sat_morning"],
    "domains": ["culture"],
    "skills": "cuisine",
}


@pytest.fixture
def actors(make):
    return {role: make.user(role) for role in ROLES[1:]}


def _profiles() -> list[tuple]:
    db.session.expire_all()
    return [
        (profile.user_id, profile.age_range, profile.postcode, profile.radius_km, list(profile.skills))
        for profile in db.session.scalars(select(CandidateProfile).order_by(CandidateProfile.id))
    ]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("method", "path", "expected"), TABLE, ids=[f"{m} {p}" for m, p, _ in TABLE])
def test_role_route_table(client, auth, actors, role, method, path, expected):
    if role != "anonymous":
        auth.login_as(actors[role])
    before = _profiles()

    response = client.open(path, method=method, data=PROFILE_FORM if method == "POST" else None)

    wanted = expected[role]
    if wanted == LOGIN:
        assert response.status_code == 302 and "/connexion" in response.headers["Location"]
    else:
        assert response.status_code == wanted
    if wanted == REDIRECT:
        assert response.headers["Location"].endswith("/espace/profil")
        assert _profiles() != before
    else:
        assert _profiles() == before


def test_a_volunteer_can_only_change_their_own_profile(client, auth, make):
    me, other = make.user("candidate"), make.user("candidate")
    other_before = (other.profile.age_range, other.profile.postcode, other.profile.radius_km)
    auth.login_as(me)

    client.post("/espace/profil", data={**PROFILE_FORM, "user_id": other.id, "id": other.profile.id})

    db.session.expire_all()
    assert (me.profile.age_range, me.profile.postcode) == ("36-50", "69100")
    assert (other.profile.age_range, other.profile.postcode, other.profile.radius_km) == other_before


def test_the_table_covers_every_route_of_the_blueprint(app):
    rules = {rule.rule for rule in app.url_map.iter_rules() if rule.endpoint.startswith("profile.")}
    assert rules == COVERED_RULES
    assert {path.split("?")[0] for _, path, _ in TABLE} == COVERED_RULES


def test_every_profile_view_declares_its_access(app):
    for endpoint, view in app.view_functions.items():
        if endpoint.startswith("profile."):
            assert declared_access(view) is not None, endpoint
