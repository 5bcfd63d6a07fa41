"""A partner's key to the public API: only its hash and a short prefix for display are kept."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from marketplace.extensions import db
from marketplace.models_base import utcnow


class ApiKey(db.Model):
    __tablename__ = "api_keys"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), nullable=False)
    # None: a site-wide key (created by a site admin), else the network that owns it.
    network_id: Mapped[int | None] = mapped_column(ForeignKey("networks.id", ondelete="CASCADE"), index=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime)
    # The first characters of the key, to recognise it in the list; not enough to use it.
    prefix: Mapped[str] = mapped_column(String(16), nullable=False)
    # SHA-256 of the whole key: a database leak hands out no working key.
    secret_hash: Mapped[str] = mapped_column(String(64), unique=True, nullable=False)

    network = relationship("Network")
    created_by = relationship("User")

    @property
    def active(self) -> bool:
        return self.revoked_at is None

    def __repr__(self) -> str:
        return f"<ApiKey {self.id} {self.prefix}>"
