"""Absolute links are built from the configured public address, never from the request's Host.

A password-reset e-mail, an invitation, a calendar feed or a widget feed is read somewhere else
than the request that made it: if its links followed the ``Host`` header, anyone could ask for a
reset of someone else's account with ``Host: attacker.example`` and receive the victim's valid
token on their own server (host-header poisoning), or poison a cached widget feed for everyone.
So every ``url_for(..., _external=True)`` (views, services, templates, workers) goes through
:class:`TremplinFlask.url_for`, which joins the path to ``PUBLIC_BASE_URL``.

In production, requests naming another host are refused (``TRUSTED_HOSTS``, checked by Flask and
Werkzeug before routing): they get a 400 instead of a page.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from flask import Flask
from werkzeug.exceptions import SecurityError
from werkzeug.routing import MapAdapter


def normalise_base_url(value: str) -> str:
    """``scheme://host[:port]`` with no trailing slash; refused when it is not an absolute http(s) URL."""
    parts = urlsplit(value.strip())
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise ValueError(f"PUBLIC_BASE_URL must be an absolute http(s) address, not {value!r}")
    if parts.path not in {"", "/"} or parts.query or parts.fragment:
        raise ValueError(f"PUBLIC_BASE_URL is the site's origin only (no path), not {value!r}")
    return f"{parts.scheme}://{parts.netloc}"


def public_host(base_url: str) -> str:
    """The host name of the public address (no port), as TRUSTED_HOSTS compares it."""
    return urlsplit(base_url).hostname or ""


class TremplinFlask(Flask):
    """Flask whose external URLs always start with ``PUBLIC_BASE_URL``."""

    def url_for(
        self,
        /,
        endpoint: str,
        *,
        _anchor: str | None = None,
        _method: str | None = None,
        _scheme: str | None = None,
        _external: bool | None = None,
        **values: Any,
    ) -> str:
        from flask.globals import _cv_request

        if _external is None:  # Flask's default: external outside a request, or when a scheme is named
            _external = _cv_request.get(None) is None or _scheme is not None
        path = super().url_for(endpoint, _anchor=_anchor, _method=_method, _external=False, **values)
        if not _external:
            return path
        return self.config["PUBLIC_BASE_URL"] + path

    def create_url_adapter(self, request: Any) -> MapAdapter | None:
        """Outside a request (CLI, outbox worker), build paths against the public address.

        A request for an untrusted host is answered 400 by a normal error page, which needs an
        adapter to build its links: it gets one bound to the public address instead.
        """
        parts = urlsplit(self.config["PUBLIC_BASE_URL"])
        if request is None:
            adapter = super().create_url_adapter(None)
            if adapter is not None:
                return adapter
            return self.url_map.bind(
                parts.netloc, script_name=self.config["APPLICATION_ROOT"], url_scheme=parts.scheme
            )
        try:
            return super().create_url_adapter(request)
        except SecurityError as refused:
            request.routing_exception = refused
            request.host = parts.netloc  # later reads of request.host must not raise again
            return self.url_map.bind(
                parts.netloc,
                script_name=request.script_root,
                url_scheme=parts.scheme,
                path_info=request.path,
                default_method=request.method,
            )


def init_public_urls(app: Flask) -> None:
    """Normalise PUBLIC_BASE_URL; in production, only its host (and TRUSTED_HOSTS) may be asked for."""
    app.config["PUBLIC_BASE_URL"] = normalise_base_url(app.config["PUBLIC_BASE_URL"])
    if app.config.get("TRUSTED_HOSTS") is None and app.config.get("ENV_NAME") == "production":
        hosts = [public_host(app.config["PUBLIC_BASE_URL"])]
        if app.config.get("SERVER_NAME"):
            hosts.append(app.config["SERVER_NAME"].split(":")[0])
        app.config["TRUSTED_HOSTS"] = hosts
