"""The outbox: side effects written in the same transaction, delivered later by a worker."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from marketplace.extensions import db
from marketplace.models_base import TimestampMixin, in_list_sql, utcnow

OUTBOX_STATUSES = ("pending", "sent", "failed")


class OutboxMessage(TimestampMixin, db.Model):
    __tablename__ = "outbox_messages"
    __table_args__ = (
        CheckConstraint(in_list_sql("status", OUTBOX_STATUSES), name="status"),
        Index("ix_outbox_messages_due", "status", "next_attempt_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), nullable=False, default="email")
    recipient: Mapped[str] = mapped_column(String(254), nullable=False)
    subject: Mapped[str] = mapped_column(String(255), nullable=False)
    body_text: Mapped[str] = mapped_column(Text, nullable=False)
    body_html: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10), nullable=False, default="pending")
    attempts: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime)
    # Optional messages (reminders, alerts...) name their category: it can be turned off, and the
    # message carries a one-click unsubscribe link (List-Unsubscribe, RFC 8058).
    category: Mapped[str | None] = mapped_column(String(20))
    unsubscribe_url: Mapped[str | None] = mapped_column(String(500))
    # A message that must leave once (a reminder): a second queueing, even concurrent, is a no-op.
    dedupe_key: Mapped[str | None] = mapped_column(String(120), unique=True)
    calendar_ics: Mapped[str | None] = mapped_column(Text)  # attached as invite.ics


class EmailOptOut(db.Model):
    """A category of optional e-mails a person turned off (preferences page or unsubscribe link)."""

    __tablename__ = "email_opt_outs"
    __table_args__ = (UniqueConstraint("user_id", "category", name="uq_email_opt_outs_user_category"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), nullable=False)
    category: Mapped[str] = mapped_column(String(20), nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
