"""Erasing an account: deletion by its owner (/compte/supprimer) and anonymisation after inactivity.

Both run the same steps inside the caller's transaction (services flush, the view or command
commits once), so an erasure happens whole or not at all:

1. the person's active applications are withdrawn through the applications service (accepted
   seats are freed, associations are told, the change pipeline sees the missions);
2. what describes the person is deleted: profile, calendar link, invitations to apply received,
   memberships, network roles, pending team invitations to their address, accompaniment requests
   sent from their (confirmed) address, e-mails queued or kept for them, the certificates issued
   to them (they print their name: their codes then verify nothing, the page says so);
3. the ``users`` row stays, emptied: no name, an address that cannot receive mail, no usable
   password, every session ended. Messages and application histories keep pointing to it and
   read « compte supprimé »; applications stay as anonymous figures (hours, statuses) for the
   associations' and networks' statistics;
4. a confirmation e-mail goes to the old address (queued before it is erased).

The last owner of an association cannot be erased until someone else owns it (``LastOwner``).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime

from flask import current_app, render_template
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, func, select

from marketplace.accounts.models import User
from marketplace.alerts.models import SavedSearch
from marketplace.assistant.models import AccompanimentRequest
from marketplace.associations.models import Association, Membership, TeamInvitation
from marketplace.attestations.models import Attestation
from marketplace.calendar.models import CalendarFeed
from marketplace.candidates.models import Application, CandidateProfile, KeptMission
from marketplace.domain import DomainError
from marketplace.extensions import db
from marketplace.matching.models import MissionInvitation
from marketplace.models_base import utcnow
from marketplace.networks.models import NetworkAdmin
from marketplace.notifications.models import EmailOptOut, OutboxMessage
from marketplace.notifications.services import queue_email
from marketplace.statuses import ACTIVE_APPLICATION_STATUSES

ERASED_EMAIL_DOMAIN = "compte-supprime.invalid"  # .invalid never resolves (RFC 2606)


class LastOwner(DomainError):
    status_code = 409
    code = "last_owner"

    def __init__(self, associations: list[Association]):
        names = ", ".join(association.name for association in associations)
        super().__init__(
            _l(
                "You are the last owner of %(names)s. Before deleting your account, make another member "
                "of the team an owner (page « Our team »), or ask us to close the association.",
                names=names,
            )
        )
        self.associations = associations


class WrongPassword(DomainError):
    def __init__(self) -> None:
        super().__init__(_l("Your current password is incorrect."), field="password")


@dataclass(frozen=True)
class ErasureReport:
    withdrawn_applications: int
    freed_seats: int


def erased_email(user_id: int) -> str:
    return f"supprime-{user_id}@{ERASED_EMAIL_DOMAIN}"


def associations_blocking_erasure(user: User) -> list[Association]:
    """Associations this person is the only owner of: someone else must own them first."""
    owned = list(
        db.session.scalars(
            select(Association)
            .join(Membership, Membership.association_id == Association.id)
            .where(Membership.user_id == user.id, Membership.role == "owner")
            .order_by(Association.name)
        )
    )
    blocking = []
    for association in owned:
        owners = db.session.scalar(
            select(func.count(Membership.id)).where(
                Membership.association_id == association.id, Membership.role == "owner"
            )
        )
        if (owners or 0) <= 1:
            blocking.append(association)
    return blocking


def delete_own_account(user: User, *, password: str) -> ErasureReport:
    """The person deletes their account, having typed their password again."""
    if not user.check_password(password):
        raise WrongPassword()
    return erase_account(user, reason="deleted")


def erase_account(user: User, *, reason: str, now: datetime | None = None) -> ErasureReport:
    """Withdraw, delete and empty everything that is this person's; see the module docstring."""
    if user.erased_at is not None:
        return ErasureReport(0, 0)
    blocking = associations_blocking_erasure(user)
    if blocking:
        raise LastOwner(blocking)
    now = now or utcnow()
    withdrawn, freed = _withdraw_active_applications(user)
    _delete_personal_rows(user)
    _queue_confirmation(user, reason=reason)  # after the address's other e-mails are deleted
    _empty_account(user, now=now)
    db.session.flush()
    return ErasureReport(withdrawn_applications=withdrawn, freed_seats=freed)


def _withdraw_active_applications(user: User) -> tuple[int, int]:
    from marketplace.candidates.applications import withdraw

    active = list(
        db.session.scalars(
            select(Application).where(
                Application.candidate_id == user.id, Application.status.in_(ACTIVE_APPLICATION_STATUSES)
            )
        )
    )
    freed = 0
    for application in active:
        was_accepted = application.status == "accepted"
        withdraw(application, by=user)
        freed += int(was_accepted)
    return len(active), freed


def _queue_confirmation(user: User, *, reason: str) -> None:
    template = "account_deleted" if reason == "deleted" else "account_anonymised"
    with force_locale(user.locale or "fr"):
        subject = (
            _l("Your Tremplin account is deleted")
            if reason == "deleted"
            else _l(
                "Your Tremplin account was anonymised after %(years)d years without a visit", years=_years()
            )
        )
        queue_email(
            recipient=user.email,
            subject=str(subject),
            body_text=render_template(f"emails/{template}.txt", user=user, years=_years()),
        )


def _years() -> int:
    return round(current_app.config["INACTIVITY_DAYS"] / 365)


def _delete_personal_rows(user: User) -> None:
    email = user.email
    statements = [
        delete(CandidateProfile).where(CandidateProfile.user_id == user.id),
        delete(CalendarFeed).where(CalendarFeed.user_id == user.id),
        delete(KeptMission).where(KeptMission.user_id == user.id),
        delete(Attestation).where(Attestation.volunteer_id == user.id),
        delete(EmailOptOut).where(EmailOptOut.user_id == user.id),
        delete(SavedSearch).where(SavedSearch.user_id == user.id),
        delete(MissionInvitation).where(MissionInvitation.candidate_id == user.id),
        delete(Membership).where(Membership.user_id == user.id),
        delete(NetworkAdmin).where(NetworkAdmin.user_id == user.id),
        delete(TeamInvitation).where(TeamInvitation.email == email, TeamInvitation.accepted_at.is_(None)),
        delete(OutboxMessage).where(OutboxMessage.recipient == email),  # sent or waiting
    ]
    if user.is_verified:  # the address is proven theirs: requests sent from it are theirs too
        statements.append(delete(AccompanimentRequest).where(AccompanimentRequest.email == email))
    db.session.flush()
    for statement in statements:
        db.session.execute(statement.execution_options(synchronize_session=False))
    db.session.expire(user, ["profile", "memberships"])


def _empty_account(user: User, *, now: datetime) -> None:
    user.email = erased_email(user.id)
    user.first_name = ""
    user.password_hash = "!" + secrets.token_hex(32)  # matches no password: not a Werkzeug hash
    user.is_active_account = False
    user.session_version = (user.session_version or 0) + 1  # every session ends
    user.email_verified_at = None
    user.email_token_nonce = ""
    user.last_login_at = None
    user.last_seen_at = None
    user.inactivity_warned_at = None
    user.erased_at = now
