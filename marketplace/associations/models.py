"""Associations, their members and their missions."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    and_,
    false,
)
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.sql.elements import ColumnElement

from marketplace.extensions import db
from marketplace.models_base import TimestampMixin, in_list_sql, utcnow
from marketplace.reference.vocabularies import (
    DOMAIN_SLUGS,
    MEMBERSHIP_ROLES,
    MISSION_KIND_SLUGS,
    MISSION_STATUSES,
    SCHEDULE_SLUGS,
)
from marketplace.statuses import (
    VIEWABLE_MISSION_STATUSES,
    MissionStatus,
    ReviewAction,
    VerificationAction,
    VerificationStatus,
)

__all__ = [
    "Association",
    "AssociationVerificationEvent",
    "Membership",
    "Mission",
    "MissionReview",
    "MissionStatus",
    "ReviewAction",
    "TeamInvitation",
]


class Association(TimestampMixin, db.Model):
    __tablename__ = "associations"
    __table_args__ = (
        CheckConstraint("siren IS NULL OR length(siren) = 9", name="siren_length"),
        CheckConstraint("rna IS NULL OR length(rna) = 10", name="rna_length"),
        # A verified association has nothing waiting: the request is answered.
        CheckConstraint(
            "NOT (verified AND verification_requested_at IS NOT NULL)", name="verified_not_requested"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(160), nullable=False)
    slug: Mapped[str] = mapped_column(String(180), unique=True, nullable=False)
    description: Mapped[str] = mapped_column(Text, nullable=False, default="")
    city: Mapped[str] = mapped_column(String(120), nullable=False, default="")
    postcode: Mapped[str] = mapped_column(String(5), nullable=False, default="")
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    website: Mapped[str | None] = mapped_column(String(255))
    # Street address (city and postcode above); shown on the public page.
    address: Mapped[str] = mapped_column(String(255), nullable=False, default="", server_default="")
    # How volunteers reach the association: shown to its accepted volunteers, or to everyone
    # when ``contact_public`` (the association's choice; often a person's own address).
    contact_email: Mapped[str | None] = mapped_column(String(254))
    contact_phone: Mapped[str | None] = mapped_column(String(25))
    contact_public: Mapped[bool] = mapped_column(
        Boolean, nullable=False, default=False, server_default=false()
    )
    # The thanks sent to a volunteer whose participation is confirmed (None: the default text).
    thanks_message: Mapped[str | None] = mapped_column(Text)
    # The logo file under instance/logos/ ("<id>-<content hash>.webp"); None: no logo.
    logo_name: Mapped[str | None] = mapped_column(String(80))
    siren: Mapped[str | None] = mapped_column(String(9))
    rna: Mapped[str | None] = mapped_column(String(10))
    verified: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    # Set while a verification request waits for a decision; cleared by the decision.
    verification_requested_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)

    memberships = relationship("Membership", back_populates="association", cascade="all, delete-orphan")
    missions = relationship("Mission", back_populates="association")
    verification_events = relationship(
        "AssociationVerificationEvent",
        back_populates="association",
        order_by="AssociationVerificationEvent.id",
        cascade="all, delete-orphan",
    )

    @property
    def public_website(self) -> str | None:
        """The website only when it is a plain http(s) address: older rows may hold anything."""
        from marketplace.accounts.validation import safe_website

        return safe_website(self.website)

    @property
    def verification_status(self) -> VerificationStatus:
        """Verified, waiting, refused (its last decision) or never asked."""
        if self.verified:
            return VerificationStatus.VERIFIED
        if self.verification_requested_at is not None:
            return VerificationStatus.REQUESTED
        last = self.verification_events[-1] if self.verification_events else None
        if last is not None and last.action == VerificationAction.REFUSED:
            return VerificationStatus.REFUSED
        return VerificationStatus.UNVERIFIED

    def __repr__(self) -> str:
        return f"<Association {self.id} {self.slug}>"


class Membership(TimestampMixin, db.Model):
    __tablename__ = "memberships"
    __table_args__ = (
        UniqueConstraint("user_id", "association_id"),
        CheckConstraint(in_list_sql("role", MEMBERSHIP_ROLES), name="role"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), nullable=False)
    association_id: Mapped[int] = mapped_column(
        ForeignKey("associations.id", ondelete="CASCADE"), nullable=False, index=True
    )
    role: Mapped[str] = mapped_column(String(10), nullable=False, default="member")

    user = relationship("User", back_populates="memberships")
    association = relationship("Association", back_populates="memberships")


class Mission(TimestampMixin, db.Model):
    __tablename__ = "missions"
    __table_args__ = (
        CheckConstraint(in_list_sql("kind", MISSION_KIND_SLUGS), name="kind"),
        CheckConstraint(in_list_sql("domain", DOMAIN_SLUGS), name="domain"),
        CheckConstraint(in_list_sql("schedule", SCHEDULE_SLUGS), name="schedule"),
        CheckConstraint(in_list_sql("status", MISSION_STATUSES), name="status"),
        CheckConstraint("capacity >= 1 AND capacity <= 500", name="capacity_range"),
        CheckConstraint("min_age >= 16", name="min_age_floor"),
        CheckConstraint("max_age IS NULL OR max_age >= min_age", name="age_order"),
        CheckConstraint(
            "end_date IS NULL OR start_date IS NULL OR end_date >= start_date", name="date_order"
        ),
        # The seat counter is what makes overbooking impossible under concurrency.
        CheckConstraint("seats_taken >= 0 AND seats_taken <= capacity", name="seats_within_capacity"),
        UniqueConstraint("association_id", "external_id"),
        Index("ix_missions_status_kind_domain", "status", "kind", "domain"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    association_id: Mapped[int] = mapped_column(
        ForeignKey("associations.id", ondelete="CASCADE"), nullable=False, index=True
    )
    title: Mapped[str] = mapped_column(String(160), nullable=False)
    description: Mapped[str] = mapped_column(Text, nullable=False, default="")
    kind: Mapped[str] = mapped_column(String(12), nullable=False)
    domain: Mapped[str] = mapped_column(String(40), nullable=False)
    skills: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    city: Mapped[str] = mapped_column(String(120), nullable=False, default="")
    postcode: Mapped[str] = mapped_column(String(5), nullable=False, default="")
    address: Mapped[str] = mapped_column(String(255), nullable=False, default="")
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    remote: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    schedule: Mapped[str] = mapped_column(String(10), nullable=False)
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    slots: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    # One-off missions only: parts of the day (DAY_PART_SLUGS) it takes place; empty = not said.
    day_parts: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list, server_default="[]")
    hours_per_week: Mapped[float | None] = mapped_column(Float)
    # Recurring missions: the rhythm in the publisher's words (« Une demi-journée par semaine »),
    # shown beside « horaires à convenir » when the weekly slots are not known.
    rhythm: Mapped[str] = mapped_column(String(200), nullable=False, default="", server_default="")
    # Applications happen on the publisher's site (imported feeds): the page links there.
    application_url: Mapped[str | None] = mapped_column(String(500))
    # How many times « Postuler sur le site de … » was followed (counted by a redirect route).
    application_clicks: Mapped[int] = mapped_column(Integer, nullable=False, default=0, server_default="0")
    min_age: Mapped[int] = mapped_column(Integer, nullable=False, default=18)
    max_age: Mapped[int | None] = mapped_column(Integer)
    capacity: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    seats_taken: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    motivation_required: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    external_id: Mapped[str | None] = mapped_column(String(120))
    # sha256 of the editable fields (MissionData.content_hash), kept by an ORM hook on each write.
    content_hash: Mapped[str | None] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(20), nullable=False, default=MissionStatus.DRAFT, index=True)
    published_at: Mapped[datetime | None] = mapped_column(DateTime)

    association = relationship("Association", back_populates="missions")
    applications = relationship("Application", back_populates="mission")
    reviews = relationship(
        "MissionReview",
        back_populates="mission",
        order_by="MissionReview.created_at",
        cascade="all, delete-orphan",
    )

    @property
    def seats_left(self) -> int:
        return max(self.capacity - self.seats_taken, 0)

    # --- What "public" means: one helper per meaning, usable on a row and in a query -----------
    # listed:   published; search, the API, widgets, feeds and counts show it (full or not).
    # open:     listed with a seat left; what one can apply to (recommendations, home page).
    # viewable: published or closed; its own page stays reachable (a closed mission keeps its
    #           page for its volunteers' history), though nobody finds or applies to it any more.

    @hybrid_property
    def is_listed(self) -> bool:
        """Published: found by search, the API, widgets and feeds."""
        return self.status == MissionStatus.PUBLISHED

    @hybrid_property
    def is_open(self) -> bool:
        """Published with a seat left: one can apply."""
        return self.status == MissionStatus.PUBLISHED and self.seats_taken < self.capacity

    @is_open.inplace.expression
    @classmethod
    def _is_open_expression(cls) -> ColumnElement[bool]:
        return and_(cls.status == MissionStatus.PUBLISHED, cls.seats_taken < cls.capacity)

    @hybrid_property
    def is_viewable(self) -> bool:
        """Published or closed: the public mission page may be shown."""
        return self.status in VIEWABLE_MISSION_STATUSES

    @is_viewable.inplace.expression
    @classmethod
    def _is_viewable_expression(cls) -> ColumnElement[bool]:
        return cls.status.in_(VIEWABLE_MISSION_STATUSES)

    def __repr__(self) -> str:
        return f"<Mission {self.id} {self.status} {self.title!r}>"


MISSION_REVIEW_ACTIONS = tuple(ReviewAction)


class MissionReview(db.Model):
    """One moderation decision or status change, kept as the mission's history."""

    __tablename__ = "mission_reviews"
    __table_args__ = (CheckConstraint(in_list_sql("action", MISSION_REVIEW_ACTIONS), name="action"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    mission_id: Mapped[int] = mapped_column(
        ForeignKey("missions.id", ondelete="CASCADE"), nullable=False, index=True
    )
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(20), nullable=False)
    comment: Mapped[str] = mapped_column(Text, nullable=False, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)

    mission = relationship("Mission", back_populates="reviews")
    actor = relationship("User")


class AssociationVerificationEvent(db.Model):
    """One step of an association's verification: asked, verified or refused (who, when, why)."""

    __tablename__ = "association_verification_events"
    __table_args__ = (CheckConstraint(in_list_sql("action", tuple(VerificationAction)), name="action"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    association_id: Mapped[int] = mapped_column(
        ForeignKey("associations.id", ondelete="CASCADE"), nullable=False, index=True
    )
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    # The network the deciding admin acted for (None: a site admin, or the association asking).
    network_id: Mapped[int | None] = mapped_column(ForeignKey("networks.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(12), nullable=False)
    reason: Mapped[str] = mapped_column(Text, nullable=False, default="")
    # The registry numbers as they were when this step happened: what was checked.
    siren: Mapped[str | None] = mapped_column(String(9))
    rna: Mapped[str | None] = mapped_column(String(10))
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)

    association = relationship("Association", back_populates="verification_events")
    actor = relationship("User")
    network = relationship("Network")


class TeamInvitation(db.Model):
    """A one-time link inviting someone to join an association's team."""

    __tablename__ = "team_invitations"

    id: Mapped[int] = mapped_column(primary_key=True)
    association_id: Mapped[int] = mapped_column(
        ForeignKey("associations.id", ondelete="CASCADE"), nullable=False, index=True
    )
    email: Mapped[str] = mapped_column(String(254), nullable=False)
    # Only a hash is stored: a database leak does not hand out working links.
    token_hash: Mapped[str] = mapped_column(String(64), unique=True, nullable=False)
    invited_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    accepted_at: Mapped[datetime | None] = mapped_column(DateTime)
    accepted_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime)

    association = relationship("Association")
    invited_by = relationship("User", foreign_keys=[invited_by_id])
