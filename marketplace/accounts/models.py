"""Users and their roles."""

from __future__ import annotations

from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import CheckConstraint, DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from marketplace.extensions import db
from marketplace.models_base import TimestampMixin, in_list_sql
from marketplace.reference.vocabularies import ROLES


class User(UserMixin, TimestampMixin, db.Model):
    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint(in_list_sql("role", ROLES), name="role"),
        CheckConstraint(in_list_sql("locale", ("fr", "en")), name="locale"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True, nullable=False)
    password_hash: Mapped[str] = mapped_column(String(255), nullable=False)
    role: Mapped[str] = mapped_column(String(20), nullable=False, default="candidate")
    first_name: Mapped[str] = mapped_column(String(80), nullable=False, default="")
    locale: Mapped[str] = mapped_column(String(5), nullable=False, default="fr")
    # Bumped on logout, password change and reset: every other session then fails to load.
    session_version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    is_active_account: Mapped[bool] = mapped_column(default=True, nullable=False)
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime)
    # Set when the person opened the link sent to their address: until then they cannot apply,
    # submit or publish (they may browse and fill their profile).
    email_verified_at: Mapped[datetime | None] = mapped_column(DateTime)
    # Stored in e-mail links (verification, change of address) and replaced when one is used:
    # a link works once. Replaced too when a new change of address is asked for.
    email_token_nonce: Mapped[str] = mapped_column(String(32), nullable=False, default="", server_default="")
    # Which version of the terms and privacy policy the person accepted, and when.
    terms_version: Mapped[str | None] = mapped_column(String(20))
    terms_accepted_at: Mapped[datetime | None] = mapped_column(DateTime)
    # Last day the person used the site (written at most once a day): inactivity is counted from it.
    last_seen_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    inactivity_warned_at: Mapped[datetime | None] = mapped_column(DateTime)
    # Set when the account was erased (deleted by its owner or anonymised after inactivity).
    erased_at: Mapped[datetime | None] = mapped_column(DateTime)

    memberships = relationship("Membership", back_populates="user", cascade="all, delete-orphan")
    profile = relationship("CandidateProfile", back_populates="user", uselist=False)

    def set_password(self, password: str) -> None:
        # Werkzeug's default is scrypt with a random salt.
        self.password_hash = generate_password_hash(password)

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive users
        return self.is_active_account

    def get_id(self) -> str:
        # The session carries the version: a bump makes every older session invalid.
        return f"{self.id}:{self.session_version}"

    @property
    def is_verified(self) -> bool:
        return self.email_verified_at is not None

    def has_role(self, *roles: str) -> bool:
        return self.role in roles

    def __repr__(self) -> str:
        return f"<User {self.id} {self.role}>"
