"""Moderation queue for site admins and network admins (blueprint ``moderation``)."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("moderation", __name__, url_prefix="/moderation")
