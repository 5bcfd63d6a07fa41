"""Database side of matching: the version stamp every worker follows, and invitations to apply."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, DateTime, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from marketplace.extensions import db
from marketplace.models_base import utcnow


class MatchingState(db.Model):
    """One row: the version of the mission data the recommendations must reflect.

    Every transaction that changes a mission bumps it and journals the mission ids under the new
    version (``MatchingChange``); a worker whose engine is behind replays the journal.
    """

    __tablename__ = "matching_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    version: Mapped[int] = mapped_column(BigInteger, nullable=False, default=0, server_default="0")
    # A new token whenever the row is (re)created: a database restored or emptied is not mistaken
    # for the one an engine was built from just because the counters happen to match.
    epoch: Mapped[str] = mapped_column(String(32), nullable=False)


class MatchingChange(db.Model):
    """A mission changed in the transaction that produced ``version``."""

    __tablename__ = "matching_changes"

    version: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    mission_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)


class MissionInvitation(db.Model):
    """An association invited a suggested candidate to apply to a mission (once per pair)."""

    __tablename__ = "mission_invitations"
    __table_args__ = (UniqueConstraint("mission_id", "candidate_id", name="uq_mission_invitations_pair"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    mission_id: Mapped[int] = mapped_column(
        ForeignKey("missions.id", ondelete="CASCADE"), nullable=False, index=True
    )
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True
    )
    invited_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)

    mission = relationship("Mission")
    candidate = relationship("User", foreign_keys=[candidate_id])
    invited_by = relationship("User", foreign_keys=[invited_by_id])
