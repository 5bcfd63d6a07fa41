"""The states a mission, an application and a moderation decision can be in.

String-valued enums: a member *is* its string (``MissionStatus.PUBLISHED == "published"``), so the
database columns, the JSON answers and the templates keep the same values, no migration needed.
This module imports nothing from the app: models, services and the vocabularies all read it.
The query helpers that give these states a meaning ("a mission the public may see") live on the
models (``Mission.is_listed`` and friends).
"""

from __future__ import annotations

from enum import StrEnum


class MissionStatus(StrEnum):
    """Where a mission stands: written, waiting for a moderator, online, ended or called off."""

    DRAFT = "draft"
    PENDING_REVIEW = "pending_review"
    PUBLISHED = "published"
    CLOSED = "closed"
    CANCELLED = "cancelled"


class ApplicationStatus(StrEnum):
    """Where an application stands, from the candidate's click to the mission done."""

    PENDING = "pending"
    IN_REVIEW = "in_review"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"
    COMPLETED = "completed"


class ReviewAction(StrEnum):
    """A line of a mission's history: a moderation decision or a status change."""

    SUBMITTED = "submitted"
    PUBLISHED = "published"
    RETURNED = "returned"
    AUTO_PUBLISHED = "auto_published"
    CLOSED = "closed"
    CANCELLED = "cancelled"
    IMPORTED = "imported"


class VerificationStatus(StrEnum):
    """Where an association's identity check stands (derived: see ``Association.verification_status``)."""

    UNVERIFIED = "unverified"
    REQUESTED = "requested"
    VERIFIED = "verified"
    REFUSED = "refused"


class VerificationAction(StrEnum):
    """A line of an association's verification history."""

    REQUESTED = "requested"
    VERIFIED = "verified"
    REFUSED = "refused"


class NetworkMembershipStatus(StrEnum):
    """An association and a network: it asked to join, the network invited it, or it is a member."""

    REQUESTED = "requested"
    INVITED = "invited"
    ACCEPTED = "accepted"


# Missions whose own page stays reachable (a closed one keeps its page for its volunteers' history).
VIEWABLE_MISSION_STATUSES = (MissionStatus.PUBLISHED, MissionStatus.CLOSED)
# Missions an association can no longer change.
ENDED_MISSION_STATUSES = (MissionStatus.CLOSED, MissionStatus.CANCELLED)
# An application in one of these states holds (or may soon hold) a seat; at most one per
# candidate and mission, enforced by a partial unique index.
ACTIVE_APPLICATION_STATUSES = (
    ApplicationStatus.PENDING,
    ApplicationStatus.IN_REVIEW,
    ApplicationStatus.ACCEPTED,
)
# Applications waiting for the association's answer.
WAITING_APPLICATION_STATUSES = (ApplicationStatus.PENDING, ApplicationStatus.IN_REVIEW)
# Accepted or done: the volunteer's history, and contact details are shared.
ENGAGED_APPLICATION_STATUSES = (ApplicationStatus.ACCEPTED, ApplicationStatus.COMPLETED)
# The association's decisions on an application.
DECISION_STATUSES = (ApplicationStatus.ACCEPTED, ApplicationStatus.DECLINED)
