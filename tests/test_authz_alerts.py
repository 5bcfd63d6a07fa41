"""Role × route table for saved searches: only volunteers save them, each touches only their own."""

from __future__ import annotations

import pytest

from marketplace.alerts.models import SavedSearch
from marketplace.extensions import db
from tests.authz import FORBIDDEN, REDIRECT, blueprint_rules, role_route_test, users_by_actor

ACTORS = ("anonymous", "candidate", "other_candidate", "association", "network_admin", "site_admin")
VOLUNTEERS = {
    "anonymous": REDIRECT,
    "candidate": REDIRECT,
    "other_candidate": REDIRECT,  # refused (not theirs): a message, then back
    "association": FORBIDDEN,
    "network_admin": FORBIDDEN,
    "site_admin": FORBIDDEN,
}
TABLE = [
    ("POST", "/recherches/enregistrer", {"search": "q=jardin", "frequency": "daily"}, VOLUNTEERS),
    ("POST", "/recherches/{saved}/frequence", {"frequency": "weekly"}, VOLUNTEERS),
    ("POST", "/recherches/{saved}/supprimer", None, VOLUNTEERS),
]
COVERED_RULES = {
    "/recherches/enregistrer",
    "/recherches/<int:saved_id>/frequence",
    "/recherches/<int:saved_id>/supprimer",
}


@pytest.fixture
def actors(make):
    users = users_by_actor(
        make,
        other_candidate="candidate",
        **{actor: actor for actor in ACTORS[1:] if actor != "other_candidate"},
    )
    saved = SavedSearch(
        user_id=users["candidate"].id, name="jardin", query_string="q=jardin", frequency="daily"
    )
    db.session.add(saved)
    db.session.commit()
    return users, {"saved": saved.id}


test_role_route_table = role_route_test(ACTORS, TABLE)


@pytest.mark.parametrize("path", ["/recherches/{saved}/frequence", "/recherches/{saved}/supprimer"])
def test_another_volunteer_cannot_change_or_delete_a_saved_search(client, auth, actors, path):
    users, values = actors
    auth.login_as(users["other_candidate"])
    client.post(path.format(**values), data={"frequency": "weekly"})
    db.session.expire_all()
    saved = db.session.get(SavedSearch, values["saved"])
    assert saved is not None and saved.frequency == "daily"


def test_covered_rules_are_exactly_the_alerts_blueprint_routes(app):
    assert blueprint_rules(app, "alerts.") == COVERED_RULES
