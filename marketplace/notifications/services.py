"""Queue emails in the outbox and deliver them with retries."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from flask import current_app
from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from marketplace.extensions import db
from marketplace.inputs import one_line
from marketplace.models_base import utcnow
from marketplace.notifications import preferences
from marketplace.notifications.mailer import build_message, mailer_for
from marketplace.notifications.models import OutboxMessage

logger = logging.getLogger(__name__)
RETRY_DELAYS_MINUTES = (1, 5, 30, 120, 720)


def queue_email(
    *, recipient: str, subject: str, body_text: str, body_html: str | None = None, **extra: Any
) -> OutboxMessage:
    """Write the email in the current transaction: it leaves only if the transaction commits."""
    message = OutboxMessage(
        recipient=recipient, subject=one_line(subject), body_text=body_text, body_html=body_html, **extra
    )
    db.session.add(message)
    return message


def queue_email_once(*, dedupe_key: str, **fields: Any) -> bool:
    """Queue the email unless one with this key was ever queued (even by a concurrent run): the
    database's unique key decides, with INSERT ... ON CONFLICT DO NOTHING. True when queued."""
    insert = postgresql_insert if db.engine.dialect.name == "postgresql" else sqlite_insert
    now = utcnow()
    values = {
        "kind": "email",
        "status": "pending",
        "attempts": 0,
        "next_attempt_at": now,
        "created_at": now,
        "updated_at": now,
        **fields,
        "subject": one_line(fields["subject"]),
        "dedupe_key": dedupe_key,
    }
    statement = (
        insert(OutboxMessage)
        .values(**values)
        .on_conflict_do_nothing(index_elements=["dedupe_key"])
        .returning(OutboxMessage.id)  # a row id only when inserted (rowcount is not reliable here)
    )
    return db.session.execute(statement).scalar() is not None


def notify_user(
    user,
    *,
    subject: object,
    template: str,
    category: str | None = None,
    dedupe_key: str | None = None,
    calendar_ics: str | None = None,
    wanted: bool | None = None,
    **context,
) -> OutboxMessage | bool | None:
    """Queue an email written in the recipient's language (subject may be a lazy string).

    ``category``: an optional message (preferences.CATEGORIES): not queued when the person turned it
    off, and sent with its one-click unsubscribe link. ``dedupe_key``: queued at most once ever
    (returns whether it was). ``wanted``: the caller already knows the person's preference for
    ``category`` (a run over thousands of people reads them in one query). Every message has a
    plain-text part and an HTML part made from it.
    """
    from flask import render_template
    from flask_babel import force_locale

    if category is not None and not (preferences.wants(user, category) if wanted is None else wanted):
        return None
    unsubscribe = preferences.unsubscribe_url(user, category) if category else None
    with force_locale(user.locale or "fr"):
        text = render_template(f"emails/{template}.txt", user=user, unsubscribe_url=unsubscribe, **context)
        fields: dict[str, Any] = {
            "recipient": user.email,
            "subject": str(subject),
            "body_text": text,
            "body_html": render_template("emails/_layout.html", text=text, subject=str(subject)),
            "category": category,
            "unsubscribe_url": unsubscribe,
            "calendar_ics": calendar_ics,
        }
    if dedupe_key is not None:
        return queue_email_once(dedupe_key=dedupe_key, **fields)
    return queue_email(**fields)


def notify_users(users, *, subject: object, template: str, **context) -> None:
    """Queue the email for each user, except erased accounts (their address is no longer theirs)."""
    for user in users:
        if getattr(user, "erased_at", None) is None:
            notify_user(user, subject=subject, template=template, **context)


@dataclass(frozen=True)
class DeliveryReport:
    sent: int
    failed: int
    retried: int


def _due_messages(limit: int) -> list[OutboxMessage]:
    query = (
        select(OutboxMessage)
        .where(OutboxMessage.status == "pending", OutboxMessage.next_attempt_at <= utcnow())
        .order_by(OutboxMessage.id)
        .limit(limit)
    )
    if db.engine.dialect.name == "postgresql":
        # Several workers may run: each takes rows nobody else holds.
        query = query.with_for_update(skip_locked=True)
    return list(db.session.scalars(query))


def deliver_pending(limit: int = 100) -> DeliveryReport:
    """Send due outbox emails; failures are retried later, then marked failed."""
    mailer = mailer_for(current_app.config)
    max_attempts = current_app.config["OUTBOX_MAX_ATTEMPTS"]
    sent = failed = retried = 0
    for message in _due_messages(limit):
        message.attempts += 1
        try:
            mailer.send(build_message(message, sender=current_app.config["MAIL_DEFAULT_SENDER"]))
        except Exception as error:  # noqa: BLE001 - any transport failure is retried
            message.last_error = f"{type(error).__name__}: {error}"[:2000]
            if message.attempts >= max_attempts:
                message.status = "failed"
                failed += 1
            else:
                delay = RETRY_DELAYS_MINUTES[min(message.attempts - 1, len(RETRY_DELAYS_MINUTES) - 1)]
                message.next_attempt_at = utcnow() + timedelta(minutes=delay)
                retried += 1
            # Log the id, never the address: logs carry no personal data.
            logger.warning("Outbox message %s failed (attempt %s)", message.id, message.attempts)
            continue
        message.status = "sent"
        message.sent_at = utcnow()
        message.last_error = None
        sent += 1
    db.session.commit()
    return DeliveryReport(sent=sent, failed=failed, retried=retried)
