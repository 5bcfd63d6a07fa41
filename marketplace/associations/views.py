"""Association space: mission editor and mission pages for members (blueprint ``missions_admin``)."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("missions_admin", __name__, url_prefix="/espace/missions")
