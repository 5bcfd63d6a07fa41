"""Role × route table for the widget configurator and the public widget pages. Deny by default."""

from __future__ import annotations

import pytest

ACTORS = ("anonymous", "candidate", "association", "network_admin", "other_network_admin", "site_admin")
OK, REDIRECT, BAD, FORBIDDEN, MISSING = 200, 302, 400, 403, 404
ADMINS = {"anonymous": REDIRECT, "candidate": FORBIDDEN, "association": FORBIDDEN}
OWN_NETWORK = {**ADMINS, "network_admin": OK, "other_network_admin": MISSING, "site_admin": OK}
EVERYONE = dict.fromkeys(ACTORS, OK)
VALID = {
    "name": "Site",
    "territory": "network",
    "layout": "list",
    "colour": "#112233",
    "per_page": "5",
    "language": "fr",
}

# (method, path, form data, {actor: expected status}); {network}, {widget}... are filled per test.
TABLE = [
    ("GET", "/reseau/{network}/widgets/nouveau", None, OWN_NETWORK),
    (
        "POST",
        "/reseau/{network}/widgets/nouveau",
        VALID,
        {**OWN_NETWORK, "network_admin": REDIRECT, "site_admin": REDIRECT},
    ),
    (
        "GET",
        "/reseau/{network}/widgets/apercu?territory=network&layout=grid&colour=%23112233&per_page=3&language=en",
        None,
        OWN_NETWORK,
    ),
    ("GET", "/reseau/widgets/{widget}", None, OWN_NETWORK),
    (
        "POST",
        "/reseau/widgets/{widget}",
        VALID,
        {**OWN_NETWORK, "network_admin": REDIRECT, "site_admin": REDIRECT},
    ),
    ("GET", "/reseau/widgets/{widget}/statistiques", None, OWN_NETWORK),
    (
        "POST",
        "/reseau/widgets/{widget}/supprimer",
        {},
        {**OWN_NETWORK, "network_admin": REDIRECT, "site_admin": REDIRECT},
    ),
    ("GET", "/widget.js", None, EVERYONE),
    ("GET", "/widget/{public}", None, EVERYONE),
    ("GET", "/widget/not-a-widget", None, dict.fromkeys(ACTORS, MISSING)),
    ("GET", "/widget/{public}/atom.xml", None, EVERYONE),
    ("GET", "/widget/{public}/go/{mission}", None, dict.fromkeys(ACTORS, REDIRECT)),
]
COVERED_RULES = {
    "/reseau/<int:network_id>/widgets/nouveau",
    "/reseau/<int:network_id>/widgets/apercu",
    "/reseau/widgets/<int:widget_id>",
    "/reseau/widgets/<int:widget_id>/statistiques",
    "/reseau/widgets/<int:widget_id>/supprimer",
    "/widget.js",
    "/widget/<public_id>",
    "/widget/<public_id>/atom.xml",
    "/widget/<public_id>/go/<int:mission_id>",
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
    network = make.network(admin=users["network_admin"])
    make.network("Autre réseau", admin=users["other_network_admin"], departements=("13",))
    widget = make.widget(network)
    mission = make.mission()
    values = {"network": network.id, "widget": widget.id, "public": widget.public_id, "mission": mission.id}
    return users, values


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize(
    ("method", "path", "data", "expected"), TABLE, ids=[f"{method} {path}" for method, path, _, _ in TABLE]
)
def test_role_route_table(client, auth, actors, actor, method, path, data, expected):
    users, values = actors
    if actor != "anonymous":
        auth.login_as(users[actor])
    response = client.open(path.format(**values), method=method, data=data)
    assert response.status_code == expected[actor]
    if actor == "anonymous" and expected[actor] == REDIRECT and "/widget/" not in path:
        assert "/connexion" in response.headers["Location"]


def test_covered_rules_are_exactly_the_widget_routes(app):
    rules = {
        rule.rule for rule in app.url_map.iter_rules() if rule.endpoint.split(".")[0] in ("widgets", "widget")
    }
    assert rules == COVERED_RULES
