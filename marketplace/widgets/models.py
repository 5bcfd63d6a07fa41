"""A network's embeddable widget and its daily counters."""

from __future__ import annotations

import secrets
from datetime import date

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Integer,
    String,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from marketplace.extensions import db
from marketplace.models_base import TimestampMixin, in_list_sql

WIDGET_LAYOUTS = ("list", "grid")
WIDGET_LANGUAGES = ("fr", "en")
# "network": the network's postcodes and départements; "radius": around a postcode.
WIDGET_TERRITORIES = ("network", "radius")
DEFAULT_COLOUR = "#000091"


def new_public_id() -> str:
    """An id for URLs and snippets that cannot be guessed from the row id (96 random bits)."""
    return secrets.token_urlsafe(12)


class Widget(TimestampMixin, db.Model):
    __tablename__ = "widgets"
    __table_args__ = (
        CheckConstraint(in_list_sql("layout", WIDGET_LAYOUTS), name="layout"),
        CheckConstraint(in_list_sql("language", WIDGET_LANGUAGES), name="language"),
        CheckConstraint(in_list_sql("territory", WIDGET_TERRITORIES), name="territory"),
        CheckConstraint("per_page BETWEEN 1 AND 50", name="per_page"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = mapped_column(String(32), unique=True, nullable=False, default=new_public_id)
    network_id: Mapped[int] = mapped_column(
        ForeignKey("networks.id", ondelete="CASCADE"), nullable=False, index=True
    )
    name: Mapped[str] = mapped_column(String(120), nullable=False)
    # Filters
    domains: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    kinds: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    territory: Mapped[str] = mapped_column(String(10), nullable=False, default="network")
    postcode: Mapped[str | None] = mapped_column(String(5))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    radius_km: Mapped[int | None] = mapped_column(Integer)
    members_only: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    minors_only: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    include_remote: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    # Presentation
    layout: Mapped[str] = mapped_column(String(8), nullable=False, default="list")
    colour: Mapped[str] = mapped_column(String(7), nullable=False, default=DEFAULT_COLOUR)
    per_page: Mapped[int] = mapped_column(Integer, nullable=False, default=10)
    language: Mapped[str] = mapped_column(String(2), nullable=False, default="fr")
    # Sites allowed to frame the widget ("https://exemple.fr"); empty: any site.
    allowed_origins: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)

    network = relationship("Network")
    daily_stats = relationship("WidgetDailyStat", cascade="all, delete-orphan", passive_deletes=True)

    def __repr__(self) -> str:
        return f"<Widget {self.id} {self.public_id}>"


class WidgetDailyStat(db.Model):
    """Impressions and clicks of one widget on one (UTC) day; applications come from Application."""

    __tablename__ = "widget_daily_stats"
    __table_args__ = (UniqueConstraint("widget_id", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    widget_id: Mapped[int] = mapped_column(ForeignKey("widgets.id", ondelete="CASCADE"), nullable=False)
    day: Mapped[date] = mapped_column(Date, nullable=False)
    impressions: Mapped[int] = mapped_column(Integer, nullable=False, default=0, server_default=text("0"))
    clicks: Mapped[int] = mapped_column(Integer, nullable=False, default=0, server_default=text("0"))
