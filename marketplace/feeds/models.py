"""A registered feed, the missions it brought, and the organisations it named."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from marketplace.extensions import db
from marketplace.models_base import TimestampMixin


class Feed(TimestampMixin, db.Model):
    """An API Engagement XML feed: fetched from ``url``, or imported from a file (``url`` empty).

    Owned by a network (its admins manage it; created associations join the network) or by the
    site (``network_id`` empty). ``etag``/``last_modified`` make the next fetch conditional.
    """

    __tablename__ = "feeds"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(160), nullable=False)
    url: Mapped[str | None] = mapped_column(String(500), unique=True)
    network_id: Mapped[int | None] = mapped_column(ForeignKey("networks.id", ondelete="CASCADE"), index=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    etag: Mapped[str | None] = mapped_column(String(200))
    last_modified: Mapped[str | None] = mapped_column(String(100))
    last_synced_at: Mapped[datetime | None] = mapped_column(DateTime)
    # ok | not_modified | fetch_failed | parse_failed (see services.SyncStatus)
    last_status: Mapped[str | None] = mapped_column(String(20))
    # {"created": n, "updated": n, "unchanged": n, "closed": n, "problems": [[element, client_id, reason]...]}
    last_report: Mapped[dict] = mapped_column(JSON, nullable=False, default=dict)
    last_error: Mapped[str] = mapped_column(Text, nullable=False, default="")

    network = relationship("Network")
    missions = relationship("FeedMission", back_populates="feed", cascade="all, delete-orphan")


class FeedMission(db.Model):
    """One mission of a feed, keyed by (feed, the mission's key in the feed).

    The key is the feed's ``clientId``, followed by ``#n`` for the n-th address when a mission
    lists several (one of our missions per address).
    """

    __tablename__ = "feed_missions"
    __table_args__ = (UniqueConstraint("feed_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    feed_id: Mapped[int] = mapped_column(ForeignKey("feeds.id", ondelete="CASCADE"), nullable=False)
    key: Mapped[str] = mapped_column(String(140), nullable=False)
    mission_id: Mapped[int] = mapped_column(
        ForeignKey("missions.id", ondelete="CASCADE"), nullable=False, index=True
    )
    # Set when the sync closed the mission because it left the feed: it reopens if it comes back.
    closed_by_feed: Mapped[bool] = mapped_column(default=False, nullable=False)

    feed = relationship("Feed", back_populates="missions")
    mission = relationship("Mission")


class FeedOrganisation(db.Model):
    """An organisation client id of a feed → the association it became (never created twice)."""

    __tablename__ = "feed_organisations"
    __table_args__ = (UniqueConstraint("feed_id", "client_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    feed_id: Mapped[int] = mapped_column(ForeignKey("feeds.id", ondelete="CASCADE"), nullable=False)
    client_id: Mapped[str] = mapped_column(String(120), nullable=False)
    association_id: Mapped[int] = mapped_column(
        ForeignKey("associations.id", ondelete="CASCADE"), nullable=False
    )


__all__ = ["Feed", "FeedMission", "FeedOrganisation"]
