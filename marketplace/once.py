"""Forms that must act once: a double click or a resent form creates one message, mission, application.

Each such form carries a hidden single-use token (``OnceForm.once``), made when the form is shown.
The view spends the token first in the transaction that writes (``claim_submission``), then
remembers where it led (``remember_result``): the table's primary key makes a second use
impossible, even for two requests racing each other (the second waits for the first, then fails
and writes nothing). A form sent again after its first sending succeeded is answered with the
first result (``earlier_result``: the page it led to), and nothing is written twice.
A form without a token (an old page, a script) is simply not protected against repeats.
"""

from __future__ import annotations

import re
import secrets
from datetime import datetime, timedelta

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from sqlalchemy import DateTime, String, delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column
from wtforms import HiddenField

from marketplace.domain import Conflict
from marketplace.extensions import db
from marketplace.models_base import utcnow

TOKEN_PATTERN = re.compile(r"[A-Za-z0-9_-]{20,64}")
KEEP_FOR = timedelta(days=2)  # longer than any form stays open (the CSRF token lasts 8 hours)
ALREADY_SENT = _l("This form was already sent: it was taken into account once.")


class SubmittedForm(db.Model):  # type: ignore[name-defined]
    __tablename__ = "submitted_forms"

    token: Mapped[str] = mapped_column(String(64), primary_key=True)
    result_url: Mapped[str] = mapped_column(String(500), nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False, index=True)


def new_token() -> str:
    return secrets.token_urlsafe(24)


class OnceForm(FlaskForm):
    """A form whose submission must take effect once."""

    once = HiddenField(default=new_token)


def _token(form: FlaskForm) -> str | None:
    value = getattr(getattr(form, "once", None), "data", None)
    return value if isinstance(value, str) and TOKEN_PATTERN.fullmatch(value) else None


def earlier_result(form: FlaskForm) -> str | None:
    """Where the first sending of this very form led, if it was already taken into account."""
    token = _token(form)
    if token is None:
        return None
    return db.session.scalar(select(SubmittedForm.result_url).where(SubmittedForm.token == token))


def claim_submission(form: FlaskForm) -> SubmittedForm | None:
    """Spend the form's token first in the transaction, so a racing twin waits here, then fails.

    Raises ``Conflict`` when the token was spent already (the attempt then rolls everything back).
    """
    token = _token(form)
    if token is None:
        return None
    db.session.execute(delete(SubmittedForm).where(SubmittedForm.created_at < utcnow() - KEEP_FOR))
    claim = SubmittedForm(token=token, result_url="")
    try:
        with db.session.begin_nested():
            db.session.add(claim)
    except IntegrityError as error:
        raise Conflict(ALREADY_SENT) from error
    return claim


def remember_result(claim: SubmittedForm | None, result_url: str) -> None:
    """Where this submission led: a second sending of the same form is sent there."""
    if claim is not None:
        claim.result_url = result_url
