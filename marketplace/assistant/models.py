"""Accompaniment requests: a visitor of the assistant asks to be called back by a person."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, DateTime, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from marketplace.extensions import db
from marketplace.models_base import in_list_sql, utcnow

ACCOMPANIMENT_STATUSES = ("new", "handled")
CALL_TIMES = ("morning", "lunch", "afternoon", "evening", "anytime")


class AccompanimentRequest(db.Model):
    """Personal data (name, email, phone) shown only in the inbox of the network that handles it."""

    __tablename__ = "accompaniment_requests"
    __table_args__ = (
        CheckConstraint(in_list_sql("status", ACCOMPANIMENT_STATUSES), name="status"),
        CheckConstraint(in_list_sql("call_time", CALL_TIMES), name="call_time"),
        CheckConstraint("email <> '' OR phone <> ''", name="contact_given"),
        Index("ix_accompaniment_requests_network_status", "network_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    first_name: Mapped[str] = mapped_column(String(80), nullable=False)
    email: Mapped[str] = mapped_column(String(254), nullable=False, default="", server_default="")
    phone: Mapped[str] = mapped_column(String(20), nullable=False, default="", server_default="")
    call_time: Mapped[str] = mapped_column(String(10), nullable=False, default="anytime")
    answers: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
    postcode: Mapped[str] = mapped_column(String(5), nullable=False, default="", server_default="")
    network_id: Mapped[int | None] = mapped_column(ForeignKey("networks.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(10), nullable=False, default="new", server_default="new")
    handled_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    handled_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)

    network = relationship("Network")
    handled_by = relationship("User")

    def __repr__(self) -> str:  # no personal data, even in debug output
        return f"<AccompanimentRequest {self.id} {self.status} network={self.network_id}>"
