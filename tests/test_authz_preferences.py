"""Role × route table for e-mail preferences: each signed-in person has their own; the unsubscribe
link is its own credential (a forged one is a 404 for everyone)."""

from __future__ import annotations

import pytest

from marketplace.notifications import preferences
from tests.authz import (
    MISSING,
    OK,
    REDIRECT,
    blueprint_rules,
    role_route_test,
    users_by_actor,
)

ACTORS = ("anonymous", "candidate", "association", "network_admin", "site_admin")
SIGNED_IN = {**dict.fromkeys(ACTORS, OK), "anonymous": REDIRECT}
TABLE = [
    ("GET", "/compte/notifications", None, SIGNED_IN),
    ("POST", "/compte/notifications", {"reminders": "y"}, {**dict.fromkeys(ACTORS, REDIRECT)}),
    ("GET", "/desabonnement/{token}", None, dict.fromkeys(ACTORS, OK)),
    ("POST", "/desabonnement/{token}", None, dict.fromkeys(ACTORS, OK)),
    ("GET", "/desabonnement/{forged}", None, dict.fromkeys(ACTORS, MISSING)),
    ("POST", "/desabonnement/{forged}", None, dict.fromkeys(ACTORS, MISSING)),
]
COVERED_RULES = {"/compte/notifications", "/desabonnement/<token>"}


@pytest.fixture
def actors(app, make):
    users = users_by_actor(make, **{actor: actor for actor in ACTORS[1:]})
    with app.test_request_context():
        token = preferences.unsubscribe_token(users["candidate"], "alerts")
    return users, {"token": token, "forged": token[:-3] + "xyz"}


test_role_route_table = role_route_test(ACTORS, TABLE)


def test_saving_preferences_changes_only_ones_own(client, auth, actors):
    users, _ = actors
    auth.login_as(users["association"])
    client.post("/compte/notifications", data={"csrf_token": "sent by every browser"})  # all unticked
    assert preferences.opted_out(users["association"]) == set(preferences.CATEGORIES)
    assert preferences.opted_out(users["candidate"]) == set()


def test_covered_rules_are_exactly_the_preferences_blueprint_routes(app):
    assert blueprint_rules(app, "preferences.") == COVERED_RULES
