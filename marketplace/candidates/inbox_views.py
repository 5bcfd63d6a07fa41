"""Applications from both sides: apply, inbox, thread, decisions (blueprint ``inbox``)."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("inbox", __name__)
