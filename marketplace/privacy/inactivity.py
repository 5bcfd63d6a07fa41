"""Accounts unused for years are warned once, then anonymised; old requests and e-mails are erased.

``flask privacy purge`` (daily, from cron) calls :func:`purge`. It is idempotent: a warned account
is not warned again, an erased one is not erased again, and running it twice the same day does
nothing the second time. ``dry_run`` computes the same plan without writing anything.

- warn: no visit for ``INACTIVITY_DAYS`` (3 years) and not warned yet → one e-mail, date noted;
- anonymise: warned at least ``INACTIVITY_GRACE_DAYS`` (30 days) ago and no visit since → the same
  erasure as a deletion (a visit clears the warning: see ``accounts.activity``);
- kept: the last owner of an association is never anonymised by the purge (listed instead, so an
  operator can hand the association over or close it);
- retention: accompaniment requests older than ``ACCOMPANIMENT_REQUEST_DAYS`` and sent e-mails older
  than ``OUTBOX_SENT_DAYS`` are deleted, as the privacy policy says.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from flask import current_app, render_template, url_for
from flask_babel import force_locale, format_date
from flask_babel import lazy_gettext as _l
from sqlalchemy import ColumnElement, delete, func, select

from marketplace.accounts.models import User
from marketplace.assistant.models import AccompanimentRequest
from marketplace.extensions import db
from marketplace.models_base import utcnow
from marketplace.notifications.models import OutboxMessage
from marketplace.notifications.services import queue_email
from marketplace.privacy import policy
from marketplace.privacy.erasure import associations_blocking_erasure, erase_account


@dataclass(frozen=True)
class Account:
    """An account the purge acted on, as the report names it: no personal data."""

    id: int
    role: str
    day: str  # last visit (warned) or date of the warning (anonymised, kept)
    note: str = ""


@dataclass
class PurgeReport:
    warned: list[Account] = field(default_factory=list)
    erased: list[Account] = field(default_factory=list)
    kept: list[Account] = field(default_factory=list)
    requests_deleted: int = 0
    emails_deleted: int = 0


def last_activity() -> ColumnElement[datetime]:
    """SQL: the last sign of life of an account (a visit, else a sign-in, else its creation)."""
    signs: list[Any] = [User.last_seen_at, User.last_login_at, User.created_at]
    return func.coalesce(*signs)


def _settings() -> tuple[timedelta, timedelta]:
    config = current_app.config
    return timedelta(days=config["INACTIVITY_DAYS"]), timedelta(days=config["INACTIVITY_GRACE_DAYS"])


def accounts_to_warn(now: datetime) -> list[User]:
    inactive_for, _grace = _settings()
    return list(
        db.session.scalars(
            select(User)
            .where(
                User.erased_at.is_(None),
                User.inactivity_warned_at.is_(None),
                last_activity() < now - inactive_for,
            )
            .order_by(User.id)
        )
    )


def accounts_to_anonymise(now: datetime) -> list[User]:
    _inactive_for, grace = _settings()
    return list(
        db.session.scalars(
            select(User)
            .where(
                User.erased_at.is_(None),
                User.inactivity_warned_at.is_not(None),
                User.inactivity_warned_at <= now - grace,
                last_activity() < User.inactivity_warned_at,
            )
            .order_by(User.id)
        )
    )


def _warn(user: User, *, now: datetime) -> None:
    _inactive_for, grace = _settings()
    years = round(current_app.config["INACTIVITY_DAYS"] / 365)
    with force_locale(user.locale or "fr"):
        queue_email(
            recipient=user.email,
            subject=str(_l("Your Tremplin account will be anonymised: sign in to keep it")),
            body_text=render_template(
                "emails/inactivity_warning.txt",
                user=user,
                years=years,
                deadline=format_date(now + grace, "long"),
                login_link=url_for("accounts.login", _external=True),
            ),
        )
    user.inactivity_warned_at = now


def _old_rows(now: datetime) -> tuple[ColumnElement[bool], ColumnElement[bool]]:
    requests = AccompanimentRequest.created_at < now - timedelta(days=policy.ACCOMPANIMENT_REQUEST_DAYS)
    emails = (OutboxMessage.status == "sent") & (
        OutboxMessage.sent_at < now - timedelta(days=policy.OUTBOX_SENT_DAYS)
    )
    return requests, emails


def purge(*, now: datetime | None = None, dry_run: bool = False) -> PurgeReport:
    """Warn, anonymise and delete what the retention periods say; nothing written when ``dry_run``."""
    now = now or utcnow()
    report = PurgeReport()
    for user in accounts_to_anonymise(now):
        warned_on = f"{user.inactivity_warned_at:%Y-%m-%d}"
        blocking = associations_blocking_erasure(user)
        if blocking:
            note = "last owner of association " + ", ".join(str(a.id) for a in blocking)
            report.kept.append(Account(user.id, user.role, warned_on, note))
            continue
        report.erased.append(Account(user.id, user.role, warned_on))
        if not dry_run:
            erase_account(user, reason="inactive", now=now)
    for user in accounts_to_warn(now):
        seen = user.last_seen_at or user.last_login_at or user.created_at
        report.warned.append(Account(user.id, user.role, f"{seen:%Y-%m-%d}"))
        if not dry_run:
            _warn(user, now=now)
    old_requests, old_emails = _old_rows(now)
    if dry_run:
        report.requests_deleted = _count(AccompanimentRequest, old_requests)
        report.emails_deleted = _count(OutboxMessage, old_emails)
    else:
        report.requests_deleted = _deleted(delete(AccompanimentRequest).where(old_requests))
        report.emails_deleted = _deleted(delete(OutboxMessage).where(old_emails))
        db.session.flush()
    return report


def _deleted(statement) -> int:
    result = db.session.execute(statement.execution_options(synchronize_session=False))
    return int(getattr(result, "rowcount", 0) or 0)


def _count(model: type, condition: ColumnElement[bool]) -> int:
    return db.session.scalar(select(func.count()).select_from(model).where(condition)) or 0
