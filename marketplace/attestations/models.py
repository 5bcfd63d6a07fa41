"""The attestation as issued: a snapshot of what it states, found again by its verification code."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from marketplace.extensions import db
from marketplace.models_base import utcnow


class Attestation(db.Model):
    """One issued attestation (a volunteer, an association, a year).

    ``content`` is what the document states (name printed, association, missions with dates and
    hours, total), written once: the PDF and the public verification page are both drawn from it,
    so they show exactly what was issued even if missions or the association change later.
    ``participations`` (application ids) tells whether a new download may reuse this one.
    """

    __tablename__ = "attestations"
    __table_args__ = (
        Index("ix_attestations_volunteer_association_year", "volunteer_id", "association_id", "year"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(24), unique=True, nullable=False)
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), nullable=False)
    # The association may disappear: the snapshot keeps its name, the attestation stays verifiable.
    association_id: Mapped[int | None] = mapped_column(ForeignKey("associations.id", ondelete="SET NULL"))
    year: Mapped[int] = mapped_column(Integer, nullable=False)
    participations: Mapped[list[int]] = mapped_column(JSON, nullable=False, default=list)
    content: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)
    issued_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)

    def __repr__(self) -> str:
        return f"<Attestation {self.id} {self.year}>"
