"""Small helpers shared by the models of every feature."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime
from sqlalchemy.dialects.postgresql import insert as postgres_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Mapped, mapped_column


def utcnow() -> datetime:
    """Naive UTC: stored the same way on SQLite and PostgreSQL, so comparisons never mix kinds."""
    return datetime.now(UTC).replace(tzinfo=None)


class TimestampMixin:
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow, nullable=False)


def in_list_sql(column: str, values: tuple[str, ...]) -> str:
    """A CHECK expression restricting a column to a fixed vocabulary."""
    quoted = ", ".join(f"'{value}'" for value in values)
    return f"{column} IN ({quoted})"


def upsert_insert(dialect_name: str, target: Any) -> Any:
    """An INSERT into ``target`` that takes ``on_conflict_do_update`` on both supported databases."""
    return (postgres_insert if dialect_name == "postgresql" else sqlite_insert)(target)
