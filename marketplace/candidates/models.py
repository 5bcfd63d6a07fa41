"""Candidate profiles, applications and the messages exchanged about them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from marketplace.extensions import db
from marketplace.models_base import TimestampMixin, in_list_sql, utcnow
from marketplace.reference.vocabularies import (
    ACTIVE_APPLICATION_STATUSES,
    AGE_RANGES,
    APPLICATION_STATUSES,
    DECLINE_REASONS,
)
from marketplace.statuses import ApplicationStatus

_ACTIVE = in_list_sql("status", ACTIVE_APPLICATION_STATUSES)


class CandidateProfile(TimestampMixin, db.Model):
    __tablename__ = "candidate_profiles"
    __table_args__ = (
        CheckConstraint(in_list_sql("age_range", AGE_RANGES), name="age_range"),
        CheckConstraint("radius_km >= 1 AND radius_km <= 200", name="radius_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), unique=True, nullable=False
    )
    age_range: Mapped[str] = mapped_column(String(5), nullable=False)
    postcode: Mapped[str] = mapped_column(String(5), nullable=False, default="")
    city: Mapped[str] = mapped_column(String(120), nullable=False, default="")
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    radius_km: Mapped[int] = mapped_column(Integer, nullable=False, default=15)
    remote_ok: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    slots: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    flexible: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    domains: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    skills: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    wanted_kinds: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    # What the volunteer does not want: never recommended (domain and kind slugs, context slugs).
    avoid_domains: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    avoid_kinds: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    avoid_contexts: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    about: Mapped[str] = mapped_column(Text, nullable=False, default="")
    visible_to_associations: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)

    user = relationship("User", back_populates="profile")


class Application(TimestampMixin, db.Model):
    __tablename__ = "applications"
    __table_args__ = (
        CheckConstraint(in_list_sql("status", APPLICATION_STATUSES), name="status"),
        CheckConstraint(
            "decline_reason IS NULL OR " + in_list_sql("decline_reason", DECLINE_REASONS),
            name="decline_reason",
        ),
        CheckConstraint("hours_done IS NULL OR hours_done >= 0", name="hours_done_positive"),
        CheckConstraint("rating IS NULL OR (rating >= 1 AND rating <= 5)", name="rating_range"),
        # At most one active application per candidate and mission, whatever the race.
        Index(
            "uq_applications_one_active",
            "mission_id",
            "candidate_id",
            unique=True,
            sqlite_where=text(_ACTIVE),
            postgresql_where=text(_ACTIVE),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    mission_id: Mapped[int] = mapped_column(
        ForeignKey("missions.id", ondelete="CASCADE"), nullable=False, index=True
    )
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True
    )
    status: Mapped[str] = mapped_column(String(12), nullable=False, default=ApplicationStatus.PENDING)
    motivation: Mapped[str] = mapped_column(Text, nullable=False, default="")
    decline_reason: Mapped[str | None] = mapped_column(String(30))
    hours_done: Mapped[float | None] = mapped_column(Float)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime)
    completed_at: Mapped[datetime | None] = mapped_column(DateTime)
    withdrawn_at: Mapped[datetime | None] = mapped_column(DateTime)
    # After the mission: how it went for the volunteer (1-5 and a comment, both optional), seen by
    # the association; and the association's word about the volunteer, private to its team.
    rating: Mapped[int | None] = mapped_column(Integer)
    feedback: Mapped[str | None] = mapped_column(Text)
    feedback_at: Mapped[datetime | None] = mapped_column(DateTime)
    association_note: Mapped[str | None] = mapped_column(Text)
    # A 16-17 volunteer ticked that a parent or guardian agrees: when (None for adults).
    guardian_consent_at: Mapped[datetime | None] = mapped_column(DateTime)
    # The network widget that brought the candidate, for the widget's statistics.
    source_widget_id: Mapped[int | None] = mapped_column(
        ForeignKey("widgets.id", ondelete="SET NULL"), index=True
    )

    mission = relationship("Mission", back_populates="applications")
    candidate = relationship("User")
    messages = relationship(
        "Message", back_populates="application", order_by="Message.created_at", cascade="all, delete-orphan"
    )
    events = relationship(
        "ApplicationEvent",
        back_populates="application",
        order_by="ApplicationEvent.created_at",
        cascade="all, delete-orphan",
    )


class Message(db.Model):
    __tablename__ = "messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), nullable=False, index=True
    )
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), nullable=False)
    body: Mapped[str] = mapped_column(Text, nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(DateTime)

    application = relationship("Application", back_populates="messages")
    author = relationship("User")


class ApplicationEvent(db.Model):
    """A status change of an application: the history both sides see."""

    __tablename__ = "application_events"
    __table_args__ = (CheckConstraint(in_list_sql("to_status", APPLICATION_STATUSES), name="to_status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), nullable=False, index=True
    )
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    from_status: Mapped[str | None] = mapped_column(String(12))
    to_status: Mapped[str] = mapped_column(String(12), nullable=False)
    note: Mapped[str] = mapped_column(Text, nullable=False, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)

    application = relationship("Application", back_populates="events")
    actor = relationship("User")


class KeptMission(db.Model):
    """A mission a volunteer keeps to come back to (« Garder »): theirs alone, never shown to others."""

    __tablename__ = "kept_missions"
    __table_args__ = (UniqueConstraint("user_id", "mission_id", name="uq_kept_missions_user_mission"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), nullable=False)
    mission_id: Mapped[int] = mapped_column(
        ForeignKey("missions.id", ondelete="CASCADE"), nullable=False, index=True
    )
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)

    mission = relationship("Mission")
