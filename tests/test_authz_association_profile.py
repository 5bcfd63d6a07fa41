"""Role × route table for the association profile and its logos. Only owners edit; logos are public."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from marketplace.associations.models import Membership
from marketplace.extensions import db
from tests.authz import (
    FORBIDDEN,
    MISSING,
    OK,
    REDIRECT,
    blueprint_rules,
    role_route_test,
)

ACTORS = ("anonymous", "candidate", "owner", "member", "other_association", "network_admin", "site_admin")
OWNERS_ONLY = {
    "anonymous": REDIRECT,
    "candidate": FORBIDDEN,
    "member": MISSING,
    "other_association": MISSING,
    "network_admin": FORBIDDEN,
    "site_admin": FORBIDDEN,
}
EVERYONE = dict.fromkeys(ACTORS, OK)
PROFILE = {"postcode": "69007", "city": "Lyon", "description": "Nous aidons le quartier."}

TABLE = [
    ("GET", "/espace/associations/{own}/profil", None, {**OWNERS_ONLY, "owner": OK}),
    ("POST", "/espace/associations/{own}/profil", PROFILE, {**OWNERS_ONLY, "owner": REDIRECT}),
    ("GET", "/associations/logos/{logo}", None, EVERYONE),
]
COVERED_RULES = {"/espace/associations/<int:association_id>/profil", "/associations/logos/<name>"}


@pytest.fixture
def actors(app, make):
    from marketplace.associations import profile
    from marketplace.associations.profile_views import logo_directory

    users = {
        "candidate": make.user("candidate"),
        "owner": make.user("association"),
        "member": make.user("association"),
        "other_association": make.user("association"),
        "network_admin": make.user("network_admin"),
        "site_admin": make.user("site_admin"),
    }
    own = make.association(owner=users["owner"])
    db.session.add(Membership(user=users["member"], association=own, role="member"))
    make.association(owner=users["other_association"])
    png = io.BytesIO()
    Image.new("RGB", (64, 64), (200, 30, 30)).save(png, "PNG")
    with app.test_request_context():
        profile.replace_logo(own, png.getvalue(), by=users["owner"], directory=logo_directory())
    db.session.commit()
    return users, {"own": own.id, "logo": own.logo_name}


test_role_route_table = role_route_test(ACTORS, TABLE)


def test_covered_rules_are_exactly_the_profile_blueprint_routes(app):
    assert blueprint_rules(app, "association_profile.") == COVERED_RULES
