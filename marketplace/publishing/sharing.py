"""A mission shared by a volunteer: what the link shows (Open Graph, Twitter card) and the share links.

Only what the public page shows. The links open the person's own apps (mail, WhatsApp, SMS): nothing
is sent from here, and no third-party script is loaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from flask import url_for
from flask_babel import format_date
from flask_babel import gettext as _

from marketplace.associations.models import Mission
from marketplace.associations.profile_views import logo_url
from marketplace.publishing.structured_data import absolute_url
from marketplace.text import plain_text

DESCRIPTION_LENGTH = 200  # what previews show before cutting


@dataclass(frozen=True)
class SharePreview:
    url: str
    title: str
    description: str
    image: str | None
    email: str
    whatsapp: str
    sms: str


def _shortened(text: str, length: int) -> str:
    if len(text) <= length:
        return text
    return text[: length - 1].rsplit(" ", 1)[0].rstrip(" ,;:.") + "…"


def when_text(mission: Mission) -> str:
    if mission.schedule == "one_off" and mission.start_date:
        return format_date(mission.start_date, "full")
    return _("Every week") if mission.schedule == "recurring" else ""


def summary(mission: Mission) -> str:
    """« Association · samedi 12 juin 2027 · Lyon (69007) »: who, when, where at a glance."""
    place = _("Remote") if mission.remote else f"{mission.city} ({mission.postcode})"
    return " · ".join(part for part in (mission.association.name, when_text(mission), place) if part)


def share_preview(mission: Mission) -> SharePreview:
    url = url_for("main.mission", mission_id=mission.id, _external=True)
    message = _(
        "A volunteer mission that may interest you: %(title)s (%(association)s) %(url)s",
        title=mission.title,
        association=mission.association.name,
        url=url,
    )
    return SharePreview(
        url=url,
        title=mission.title,
        description=_shortened(f"{summary(mission)}. {plain_text(mission.description)}", DESCRIPTION_LENGTH),
        image=absolute_url(logo_url(mission.association)),
        email=f"mailto:?subject={quote(mission.title)}&body={quote(message)}",
        whatsapp=f"https://wa.me/?text={quote(message)}",
        sms=f"sms:?&body={quote(message)}",
    )
