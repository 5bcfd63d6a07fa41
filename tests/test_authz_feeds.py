"""Role × route table for the feeds pages and the counted link to a partner's application page."""

from __future__ import annotations

import pytest

from marketplace.extensions import db
from marketplace.feeds.models import Feed
from tests.authz import (
    FORBIDDEN,
    MISSING,
    OK,
    REDIRECT,
    SEE_OTHER,
    blueprint_rules,
    role_route_test,
)

ACTORS = ("anonymous", "candidate", "association", "network_admin", "other_network_admin", "site_admin")
ADMINS_ONLY = {"anonymous": REDIRECT, "candidate": FORBIDDEN, "association": FORBIDDEN}

TABLE = [
    (
        "GET",
        "/admin/flux",
        None,
        {**ADMINS_ONLY, "network_admin": OK, "other_network_admin": OK, "site_admin": OK},
    ),
    # A feed of one network is invisible to another network's admin.
    (
        "GET",
        "/admin/flux/{feed}",
        None,
        {**ADMINS_ONLY, "network_admin": OK, "other_network_admin": MISSING, "site_admin": OK},
    ),
    # The feed is served nowhere: the sync fails (fetch), records it, and redirects.
    (
        "POST",
        "/admin/flux/{feed}/synchroniser",
        {},
        {**ADMINS_ONLY, "network_admin": REDIRECT, "other_network_admin": MISSING, "site_admin": REDIRECT},
    ),
    # Anyone may follow the link to apply on the partner's site (it is counted).
    ("GET", "/missions/{mission}/postuler-ailleurs", None, dict.fromkeys(ACTORS, SEE_OTHER)),
]
COVERED_RULES = {
    "/admin/flux",
    "/admin/flux/<int:feed_id>",
    "/admin/flux/<int:feed_id>/synchroniser",
    "/missions/<int:mission_id>/postuler-ailleurs",
}


@pytest.fixture
def actors(make):
    users = {
        "candidate": make.user("candidate"),
        "association": make.user("association"),
        "network_admin": make.user("network_admin"),
        "other_network_admin": make.user("network_admin"),
        "site_admin": make.user("site_admin"),
    }
    network = make.network(admin=users["network_admin"], departements=("69",))
    make.network("Autre réseau", admin=users["other_network_admin"], departements=("13",))
    feed = Feed(name="Partenaire", url="http://127.0.0.1:9/flux.xml", network_id=network.id)
    db.session.add(feed)
    mission = make.mission(application_url="https://www.jeveuxaider.gouv.fr/missions/1")
    db.session.commit()
    return users, {"feed": feed.id, "mission": mission.id}


test_role_route_table = role_route_test(ACTORS, TABLE)


def test_covered_rules_are_exactly_the_feeds_blueprint_routes(app):
    assert blueprint_rules(app, "feeds.") == COVERED_RULES
