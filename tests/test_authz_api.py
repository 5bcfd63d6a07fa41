"""Role × route table for the public API, its docs, the API keys page and the calendar feed.

Actors: anonymous, the volunteer who owns the calendar link, another volunteer, an association
member, the admin of the network that owns the key, the admin of another network, a site admin.
Wrong role → 403 (declared by the view); right role but not their key → 404 (the service).
A refused request changes nothing.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from marketplace.apikeys.models import ApiKey
from marketplace.apikeys.services import create_key
from marketplace.calendar import services as calendar
from marketplace.calendar.models import CalendarFeed
from marketplace.extensions import db

ACTORS = (
    "anonymous",
    "volunteer",
    "other_volunteer",
    "association",
    "network_admin",
    "other_admin",
    "site_admin",
)
LOGIN, OK, REDIRECT, BAD, FORBIDDEN, NOT_FOUND, NOT_ALLOWED = "login", 200, 302, 400, 403, 404, 405


def everyone(status):
    return dict.fromkeys(ACTORS, status)


def key_managers(**expected):
    base = {"anonymous": LOGIN, "network_admin": OK, "other_admin": OK, "site_admin": OK}
    return {actor: expected.get(actor, base.get(actor, FORBIDDEN)) for actor in ACTORS}


TABLE = [
    ("GET", "/api/v1/domains", everyone(OK)),
    ("POST", "/api/v1/domains", everyone(NOT_ALLOWED)),
    ("GET", "/api/v1/associations/{association}", everyone(OK)),
    ("GET", "/api/v1/associations/{hidden}", everyone(NOT_FOUND)),
    ("GET", "/api/v1/openapi.json", everyone(OK)),
    ("GET", "/api/docs", everyone(OK)),
    ("GET", "/espace/cles-api", key_managers()),
    # The owner field offers only the networks one manages: another network's id is refused.
    ("POST", "/espace/cles-api", key_managers(other_admin=BAD)),
    (
        "POST",
        "/espace/cles-api/{key}/revoquer",
        key_managers(network_admin=REDIRECT, other_admin=NOT_FOUND, site_admin=REDIRECT),
    ),
    ("GET", "/calendrier/{token}.ics", everyone(OK)),  # the secret link is the credential
    ("GET", "/calendrier/{forged}.ics", everyone(NOT_FOUND)),
    ("GET", "/missions/{mission}/agenda.ics", everyone(OK)),  # « Add to my calendar »: public
    ("GET", "/missions/{draft}/agenda.ics", everyone(NOT_FOUND)),
    ("GET", "/missions/{undated}/agenda.ics", everyone(NOT_FOUND)),  # nothing a calendar can show
    (
        "POST",
        "/espace/calendrier/lien",
        {**everyone(FORBIDDEN), "anonymous": LOGIN, "volunteer": REDIRECT, "other_volunteer": REDIRECT},
    ),
]
COVERED_RULES = {
    "/api/v1/domains",
    "/api/v1/associations/<int:association_id>",
    "/api/v1/openapi.json",
    "/api/docs",
    "/espace/cles-api",
    "/espace/cles-api/<int:key_id>/revoquer",
    "/calendrier/<token>.ics",
    "/espace/calendrier/lien",
    "/missions/<int:mission_id>/agenda.ics",
}


@pytest.fixture
def actors(app, make):
    network_admin = make.user("network_admin")
    network = make.network(admin=network_admin)
    other_admin = make.user("network_admin")
    make.network("Autre réseau", admin=other_admin)
    site_admin = make.user("site_admin")
    key, _secret = create_key("Partenaire", network_id=network.id, by=site_admin)
    volunteer = make.user("candidate")
    feed = calendar.renew_feed(volunteer)
    db.session.commit()
    association = make.association(verified=True)
    hidden = make.association()
    token = calendar.token_of(feed, app.config["SECRET_KEY"])
    users = {
        "volunteer": volunteer,
        "other_volunteer": make.user("candidate"),
        "association": make.user("association"),
        "network_admin": network_admin,
        "other_admin": other_admin,
        "site_admin": site_admin,
    }
    values = {
        "association": association.id,
        "hidden": hidden.id,
        "key": key.id,
        "token": token,
        "forged": token[:-1] + ("0" if token[-1] != "0" else "1"),
        "network": network.id,
        "mission": make.mission(association).id,
        "draft": make.mission(association, status="draft").id,
        "undated": make.mission(association, schedule="recurring", start_date=None, slots=[]).id,
    }
    return users, values


def _state() -> tuple:
    db.session.expire_all()
    keys = db.session.execute(select(ApiKey.id, ApiKey.revoked_at).order_by(ApiKey.id)).all()
    feeds = db.session.execute(
        select(CalendarFeed.user_id, CalendarFeed.nonce).order_by(CalendarFeed.id)
    ).all()
    return tuple(keys), tuple(feeds)


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize(("method", "path", "expected"), TABLE, ids=[f"{m} {p}" for m, p, _ in TABLE])
def test_role_route_table(client, auth, actors, actor, method, path, expected):
    users, values = actors
    if actor != "anonymous":
        auth.login_as(users[actor])
    before = _state()
    data = {"name": "Nouvelle clé", "owner": str(values["network"])} if path == "/espace/cles-api" else {}

    response = client.open(path.format(**values), method=method, data=data)

    wanted = expected[actor]
    if wanted == LOGIN:
        assert response.status_code == 302 and "/connexion" in response.headers["Location"]
    else:
        assert response.status_code == wanted
    if wanted in (LOGIN, BAD, FORBIDDEN, NOT_FOUND, NOT_ALLOWED) or method == "GET":
        assert _state() == before


def test_the_table_covers_every_route_of_these_blueprints(app):
    blueprints = ("api.", "api_docs.", "apikeys.", "calendar.")
    rules = {
        rule.rule
        for rule in app.url_map.iter_rules()
        if rule.endpoint.startswith(blueprints)
        and not rule.endpoint.startswith("api.mission")
        and "recommendations" not in rule.rule
    }
    # /api/v1/missions and /api/v1/missions/<id> are in the search table (test_authz_search.py),
    # the recommendation routes in the matching feature's table.
    assert rules == COVERED_RULES
