"""Local networks (Maisons des associations...) that moderate a territory."""

from __future__ import annotations

from sqlalchemy import JSON, CheckConstraint, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from marketplace.extensions import db
from marketplace.models_base import TimestampMixin, in_list_sql
from marketplace.statuses import NetworkMembershipStatus

NETWORK_MEMBERSHIP_STATUSES = tuple(NetworkMembershipStatus)


class Network(TimestampMixin, db.Model):
    __tablename__ = "networks"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(160), nullable=False)
    slug: Mapped[str] = mapped_column(String(180), unique=True, nullable=False)
    description: Mapped[str] = mapped_column(Text, nullable=False, default="")
    # Territory as 5-digit postcodes and/or département codes ("69", "2A", "974").
    territory_postcodes: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    territory_departements: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)

    admins = relationship("NetworkAdmin", back_populates="network", cascade="all, delete-orphan")
    members = relationship("NetworkMember", back_populates="network", cascade="all, delete-orphan")

    def covers_postcode(self, postcode: str) -> bool:
        """Whether a postcode lies in this network's territory."""
        if not postcode:
            return False
        if postcode in self.territory_postcodes:
            return True
        return any(postcode.startswith(code) for code in self.territory_departements)


class NetworkAdmin(TimestampMixin, db.Model):
    __tablename__ = "network_admins"
    __table_args__ = (UniqueConstraint("network_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    network_id: Mapped[int] = mapped_column(ForeignKey("networks.id", ondelete="CASCADE"), nullable=False)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True
    )

    network = relationship("Network", back_populates="admins")
    user = relationship("User")


class NetworkMember(TimestampMixin, db.Model):
    """An association inside a network.

    ``requested`` (the association asked) until a network admin accepts; ``invited`` (the network
    asked) until the association accepts; a refusal on either side deletes the row.
    """

    __tablename__ = "network_members"
    __table_args__ = (
        UniqueConstraint("network_id", "association_id"),
        CheckConstraint(in_list_sql("status", NETWORK_MEMBERSHIP_STATUSES), name="status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    network_id: Mapped[int] = mapped_column(ForeignKey("networks.id", ondelete="CASCADE"), nullable=False)
    association_id: Mapped[int] = mapped_column(
        ForeignKey("associations.id", ondelete="CASCADE"), nullable=False, index=True
    )
    status: Mapped[str] = mapped_column(String(10), nullable=False, default="requested")
    # Who sent the network's invitation (None for a request from the association).
    invited_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    network = relationship("Network", back_populates="members")
    association = relationship("Association")
    invited_by = relationship("User")
