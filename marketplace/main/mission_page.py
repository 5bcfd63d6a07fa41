"""The public mission page, rendered the same way wherever it is shown (its own route, or again
with a refused application form)."""

from __future__ import annotations

from typing import Any

from flask import render_template, url_for
from flask_login import current_user

from marketplace.associations.models import Mission
from marketplace.calendar.services import dates_from
from marketplace.matching.blocks import similar_for_page
from marketplace.missions import public as public_missions
from marketplace.models_base import utcnow
from marketplace.publishing.sharing import share_preview
from marketplace.publishing.structured_data import mission_json_ld


def render_mission_page(mission: Mission, apply: Any) -> str:
    return render_template(
        "main/mission.html",
        mission=mission,
        apply=apply,
        distance_km=public_missions.distance_from_home(mission, current_user),
        similar=similar_for_page(mission),
        structured_data=None if mission.status == "closed" else mission_json_ld(mission),
        canonical_url=url_for("main.mission", mission_id=mission.id, _external=True),
        share=share_preview(mission),
        in_calendar=mission.is_listed and dates_from(mission, "", utcnow().date()) is not None,
    )
