"""Links the API hands out."""

from __future__ import annotations

from flask import url_for


def api_server_url() -> str:
    """The site's root as the document's server: its paths start with /api/v1."""
    return url_for("main.home", _external=True).rstrip("/")
