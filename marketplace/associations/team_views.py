"""Team management and mission import for associations (blueprint ``team``)."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("team", __name__)
