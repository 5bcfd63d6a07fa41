"""What the role × route tables (tests/test_authz_*.py) share: statuses, row ids, users, one visit."""

from __future__ import annotations

from typing import Any

import pytest

OK, REDIRECT, SEE_OTHER, BAD, UNAUTHORIZED, FORBIDDEN, MISSING = 200, 302, 303, 400, 401, 403, 404


def row_ids(table) -> list[str]:
    """'METHOD path' for each row of a table (its first two items)."""
    return [f"{row[0]} {row[1]}" for row in table]


def users_by_actor(make, **roles: str) -> dict:
    """A new user per actor name, of the role given: ``users_by_actor(make, other_admin="site_admin")``."""
    return {actor: make.user(role) for actor, role in roles.items()}


def filled(data: dict | None, values: dict) -> dict | None:
    """Form data with its ``{placeholders}`` filled (file objects pass through)."""
    if data is None:
        return None
    return {name: value.format(**values) if isinstance(value, str) else value for name, value in data.items()}


def visit(
    client, auth, users: dict, actor: str, method: str, path: str, values: dict, data=None, **kwargs: Any
):
    """Open ``path`` as ``actor`` (signed in unless it is not one of ``users``: anonymous)."""
    if actor in users:
        auth.login_as(users[actor])
    return client.open(path.format(**values), method=method, data=filled(data, values), **kwargs)


def assert_status(response, expected: dict, actor: str) -> None:
    """The status of the table; an anonymous visitor sent away is sent to sign in."""
    assert response.status_code == expected[actor]
    if actor == "anonymous" and expected[actor] == REDIRECT:
        assert "/connexion" in response.headers["Location"]


def blueprint_rules(app, *endpoint_prefixes: str) -> set[str]:
    """The URL rules of the endpoints starting with one of the prefixes (``"feeds."``)."""
    return {rule.rule for rule in app.url_map.iter_rules() if rule.endpoint.startswith(endpoint_prefixes)}


def role_route_test(actor_names: tuple[str, ...], table: list, *, multipart: bool = False):
    """The table's test: each actor × each row (method, path, form data, {actor: status}).

    Used as ``test_role_route_table = role_route_test(ACTORS, TABLE)``; the module gives an
    ``actors`` fixture returning (users by actor, values for the paths' placeholders).
    """

    @pytest.mark.parametrize("actor", actor_names)
    @pytest.mark.parametrize(("method", "path", "data", "expected"), table, ids=row_ids(table))
    def test_role_route_table(client, auth, actors, actor, method, path, data, expected):
        users, values = actors
        form = {"content_type": "multipart/form-data"} if multipart and data is not None else {}
        response = visit(client, auth, users, actor, method, path, values, data, **form)
        assert_status(response, expected, actor)

    return test_role_route_table
