"""Who is calling the public API: an anonymous client (by IP) or a partner's key.

Every route of the ``api`` blueprint shares one rate-limit budget per client: modest for
anonymous callers, higher for a valid ``X-API-Key`` (both set in config.py). A key sent in
the query string is refused (URLs end up in logs and browser histories), an unknown or
revoked key answers 401.
"""

from __future__ import annotations

import logging
import re

from flask import Blueprint, current_app, request
from flask_babel import lazy_gettext as _l
from flask_limiter.util import get_remote_address

from marketplace.apikeys.models import ApiKey
from marketplace.apikeys.services import active_key_for, note_use
from marketplace.extensions import db, limiter

API_KEY_HEADER = "X-API-Key"
# Names under which people try to pass a key in a URL; compared in lower case.
QUERY_KEY_NAMES = frozenset({"api_key", "apikey", "api-key", "x-api-key", "x_api_key", "key"})
_UNSET = object()
_ENVIRON_KEY = "tremplin.api_key"
KEY_IN_URL_MESSAGE = _l(
    "Send your API key in the X-API-Key header, never in the URL. This key is now exposed: revoke it."
)


class ApiClientError(Exception):
    """The request's credentials are unacceptable: ``status`` and ``code`` say how."""

    def __init__(self, status: int, code: str, message: object, field: str | None = None) -> None:
        super().__init__(str(message))
        self.status, self.code, self.message, self.field = status, code, str(message), field


def current_api_key() -> ApiKey | None:
    """The valid key sent with this request (looked up once per request), or None."""
    # Kept in the request's environ, not on ``g``: an app context may outlive one request.
    cached = request.environ.get(_ENVIRON_KEY, _UNSET)
    if cached is _UNSET:
        secret = request.headers.get(API_KEY_HEADER, "").strip()
        cached = active_key_for(secret) if secret else None
        request.environ[_ENVIRON_KEY] = cached
    return cached


def key_in_query_string() -> str | None:
    """The name of a query parameter that carries a key, if any."""
    return next((name for name in request.args if name.lower() in QUERY_KEY_NAMES), None)


def check_credentials() -> None:
    """Raise ApiClientError for a key in the URL or a key we do not accept; record a key's use."""
    misplaced = key_in_query_string()
    if misplaced is not None:
        raise ApiClientError(
            400,
            "api_key_in_query",
            KEY_IN_URL_MESSAGE,
            field=misplaced,
        )
    if not request.headers.get(API_KEY_HEADER, "").strip():
        return
    key = current_api_key()
    if key is None:
        raise ApiClientError(
            401, "invalid_api_key", _l("This API key is unknown or was revoked."), API_KEY_HEADER
        )
    if note_use(key):
        db.session.commit()


def rate_limit_key() -> str:
    """One budget per valid key, else per IP address."""
    key = current_api_key()
    return f"key:{key.id}" if key is not None else f"ip:{get_remote_address()}"


def rate_limit_value() -> str:
    config = current_app.config
    return (
        config["API_KEY_RATE_LIMIT"] if current_api_key() is not None else config["API_ANONYMOUS_RATE_LIMIT"]
    )


def limit_every_route(blueprint: Blueprint) -> None:
    """One shared budget for every route of ``blueprint`` (and of blueprints nested in it)."""
    limiter.shared_limit(rate_limit_value, scope="api-v1", key_func=rate_limit_key)(blueprint)


class RedactApiKeys(logging.Filter):
    """Blank out keys that a client put in a URL before a request line is logged."""

    _names = "|".join(re.escape(name) for name in sorted(QUERY_KEY_NAMES))
    _pattern = re.compile(rf"([?&](?:{_names})=)[^&\s\"]+", re.IGNORECASE)

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(self._redact(arg) for arg in record.args)
        elif isinstance(record.args, dict):  # gunicorn's access log formats with a mapping
            record.args = {name: self._redact(value) for name, value in record.args.items()}
        record.msg = self._redact(record.msg)
        return True

    def _redact(self, value: object) -> object:
        return self._pattern.sub(r"\1[redacted]", value) if isinstance(value, str) else value


def redact_keys_in_access_logs() -> None:
    """The development server and gunicorn log request lines, query string included."""
    for name in ("werkzeug", "gunicorn.access"):
        logger = logging.getLogger(name)
        if not any(isinstance(existing, RedactApiKeys) for existing in logger.filters):
            logger.addFilter(RedactApiKeys())
