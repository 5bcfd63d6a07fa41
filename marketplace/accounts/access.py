"""Deny-by-default authorization.

Every view declares who may reach it with one of the decorators below. A view
without a declaration answers 403, and ``check_every_view_declares_access``
refuses to start an app where one is missing, so a forgotten decorator is a
start-up error rather than an open door.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Flask, abort, current_app, g, request
from flask_login import current_user

from marketplace.extensions import login_manager

PUBLIC = "public"
AUTHENTICATED = "authenticated"
ACCESS_ATTRIBUTE = "_tremplin_access"
# Flask's own endpoints that serve no user data.
EXEMPT_ENDPOINTS = {"static"}


def public(view: Callable[..., Any]) -> Callable[..., Any]:
    """Anyone, signed in or not."""
    setattr(view, ACCESS_ATTRIBUTE, (PUBLIC,))
    return view


def signed_in(view: Callable[..., Any]) -> Callable[..., Any]:
    """Any signed-in user, whatever the role."""
    setattr(view, ACCESS_ATTRIBUTE, (AUTHENTICATED,))
    return view


def roles(*allowed: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Only signed-in users with one of these roles."""

    def decorate(view: Callable[..., Any]) -> Callable[..., Any]:
        setattr(view, ACCESS_ATTRIBUTE, tuple(allowed))
        return view

    return decorate


def declared_access(view: Callable[..., Any]) -> tuple[str, ...] | None:
    # Blueprints wrap nothing, but class-based views keep the attribute on view_class.
    access = getattr(view, ACCESS_ATTRIBUTE, None)
    if access is None and hasattr(view, "view_class"):
        access = getattr(view.view_class, ACCESS_ATTRIBUTE, None)
    return access


def is_allowed(access: tuple[str, ...] | None, user: Any) -> bool:
    """Pure decision used by the request hook and by the tests."""
    if not access:
        return False
    if PUBLIC in access:
        return True
    if not (user and user.is_authenticated):
        return False
    return AUTHENTICATED in access or user.role in access


def enforce_access() -> Any:
    """before_request hook: 401 → login page for anonymous users, 403 for wrong roles."""
    endpoint = request.endpoint
    if endpoint is None or endpoint in EXEMPT_ENDPOINTS:
        return None
    view = current_app.view_functions.get(endpoint)
    access = declared_access(view) if view else None
    if is_allowed(access, current_user):
        return None
    if access and not current_user.is_authenticated:
        if request.path.startswith("/api/"):
            abort(401)  # API clients get a JSON 401, not a redirect to the sign-in page
        return login_manager.unauthorized()
    abort(403)


def check_every_view_declares_access(app: Flask) -> None:
    missing = [
        endpoint
        for endpoint, view in app.view_functions.items()
        if endpoint not in EXEMPT_ENDPOINTS and declared_access(view) is None
    ]
    if missing:
        raise RuntimeError(f"Views without an access declaration: {sorted(missing)}")


def init_access(app: Flask) -> None:
    from marketplace.accounts.services import load_user_from_session_id

    login_manager.user_loader(load_user_from_session_id)
    login_manager.login_view = "accounts.login"
    login_manager.login_message_category = "info"
    login_manager.session_protection = "basic"
    app.before_request(enforce_access)

    @app.teardown_request
    def forget_loaded_user(_error: BaseException | None) -> None:
        # Flask-Login caches the user on `g`; when an app context outlives one request
        # (tests, CLI scripts), the next request must load its own user again.
        g.pop("_login_user", None)
