"""After a mission (issue 15, item 8): the association's thanks, the volunteer's word on how it went,
and the association's private word about the volunteer. Ratings feed the impact figures."""

from __future__ import annotations

import logging

from flask_babel import lazy_gettext as _l

from marketplace.accounts.models import User
from marketplace.associations.models import Association
from marketplace.candidates.models import Application
from marketplace.domain import DomainError, NotFound
from marketplace.models_base import utcnow
from marketplace.statuses import ApplicationStatus

logger = logging.getLogger(__name__)
MAX_TEXT = 1000
RATINGS = (1, 2, 3, 4, 5)


def default_thanks(association: Association) -> str:
    return str(
        _l(
            "Thank you for the time you gave us: it made a real difference. We hope to see you again soon!"
            " — The team of %(association)s",
            association=association.name,
        )
    )


def thanks_of(association: Association) -> str:
    return association.thanks_message or default_thanks(association)


def remember_thanks(association: Association, text: str | None) -> None:
    """The text typed on the completion form becomes the association's thanks for next time."""
    text = (text or "").strip()
    if len(text) > MAX_TEXT:
        raise DomainError(_l("At most %(num)d characters.", num=MAX_TEXT), field="thanks")
    if text and text != default_thanks(association):
        association.thanks_message = text


def _completed(application: Application) -> None:
    if application.status != ApplicationStatus.COMPLETED:
        raise NotFound(_l("This participation is not confirmed yet."))


def give_feedback(application: Application, *, by: User, rating: int | None, comment: str | None) -> None:
    """The volunteer says how it went (both optional; given again, it replaces the first)."""
    if application.candidate_id != by.id:
        raise NotFound(_l("This application does not exist."))
    _completed(application)
    if rating is not None and rating not in RATINGS:
        raise DomainError(_l("Choose between 1 and 5."), field="rating")
    comment = (comment or "").strip()
    if len(comment) > MAX_TEXT:
        raise DomainError(_l("At most %(num)d characters.", num=MAX_TEXT), field="comment")
    application.rating = rating
    application.feedback = comment or None
    application.feedback_at = utcnow()


def note_volunteer(application: Application, *, note: str | None) -> None:
    """The association's word about the volunteer (its team only: the caller checked it manages it)."""
    _completed(application)
    note = (note or "").strip()
    if len(note) > MAX_TEXT:
        raise DomainError(_l("At most %(num)d characters.", num=MAX_TEXT), field="note")
    application.association_note = note or None


def next_step_for(user: User):
    """The volunteer's next pathway step and missions for it; None when it cannot be told now."""
    from marketplace.matching.services import pathway_for

    try:
        return pathway_for(user)
    except Exception:
        logger.exception("Pathway unavailable for the thank-you message")
        return None
