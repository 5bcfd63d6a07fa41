"""A volunteer's saved search, and when its alert last looked for new missions."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from marketplace.extensions import db
from marketplace.models_base import in_list_sql, utcnow

FREQUENCIES = ("daily", "weekly")


class SavedSearch(db.Model):
    __tablename__ = "saved_searches"
    __table_args__ = (
        CheckConstraint(in_list_sql("frequency", FREQUENCIES), name="frequency"),
        Index("ix_saved_searches_due", "frequency", "last_checked_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True
    )
    name: Mapped[str] = mapped_column(String(120), nullable=False)
    # The search's parameters as /recherche reads them, in their shortest form (no page, no sort).
    query_string: Mapped[str] = mapped_column(String(1000), nullable=False)
    frequency: Mapped[str] = mapped_column(String(10), nullable=False, default="weekly")
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    # New missions are those published after this moment (the last alert's look, or the saving).
    last_checked_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    last_sent_at: Mapped[datetime | None] = mapped_column(DateTime)

    user = relationship("User")
