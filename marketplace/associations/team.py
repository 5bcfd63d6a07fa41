"""Team management: invite people by email, accept an invitation, revoke it, remove a member.

An invitation link carries a random token; only its SHA-256 is stored, so a database leak
hands out no working link. Functions flush, never commit: the view commits once.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import cast

from flask import current_app, render_template, url_for
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l
from sqlalchemy import CursorResult, func, select, update

from marketplace.accounts.models import User
from marketplace.accounts.services import find_user_by_email
from marketplace.accounts.validation import normalize_email, password_problem
from marketplace.associations.models import Association, Membership, TeamInvitation
from marketplace.associations.permissions import can_manage_team, membership_of
from marketplace.domain import Conflict, DomainError, NotAllowed, NotFound
from marketplace.extensions import db
from marketplace.models_base import utcnow
from marketplace.notifications.services import queue_email
from marketplace.privacy.policy import TERMS_VERSION

INVITATION_VALID_DAYS = 7
MAX_EMAIL_LENGTH = 254


class InvitationUnusable(DomainError):
    """The link is unknown, expired, already used or cancelled."""

    status_code = 410


@dataclass(frozen=True)
class IssuedInvitation:
    """The stored invitation and the one-time token that only the email carries."""

    invitation: TeamInvitation
    token: str


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invitation_status(invitation: TeamInvitation, *, now: datetime) -> str:
    """'accepted', 'revoked', 'expired' or 'pending'."""
    if invitation.accepted_at is not None:
        return "accepted"
    if invitation.revoked_at is not None:
        return "revoked"
    if invitation.expires_at <= now:
        return "expired"
    return "pending"


def _looks_like_email(email: str) -> bool:
    local, _at, domain = email.partition("@")
    return bool(local) and "." in domain and " " not in email and len(email) <= MAX_EMAIL_LENGTH


def _require_owner(user: User, association: Association) -> None:
    if not can_manage_team(user, association):
        raise NotAllowed(_l("Only the owners of the association can manage its team."))


def _is_member(email: str, association: Association) -> bool:
    return (
        db.session.scalar(
            select(Membership.id)
            .join(User, User.id == Membership.user_id)
            .where(Membership.association_id == association.id, User.email == email)
        )
        is not None
    )


def _pending_invitations_for(email: str, association: Association, *, now: datetime) -> list[TeamInvitation]:
    return list(
        db.session.scalars(
            select(TeamInvitation).where(
                TeamInvitation.association_id == association.id,
                TeamInvitation.email == email,
                TeamInvitation.accepted_at.is_(None),
                TeamInvitation.revoked_at.is_(None),
                TeamInvitation.expires_at > now,
            )
        )
    )


def invite_member(
    association: Association, email: str, *, by: User, now: datetime | None = None
) -> IssuedInvitation:
    """Invite someone by email; inviting the same address again replaces the previous link."""
    _require_owner(by, association)
    now = now or utcnow()
    email = normalize_email(email)
    if not _looks_like_email(email):
        raise DomainError(_l("Enter a valid email address, like nom@exemple.fr."), field="email")
    if _is_member(email, association):
        raise Conflict(_l("This person is already a member of the team."), field="email")
    for previous in _pending_invitations_for(email, association, now=now):
        previous.revoked_at = now
    token = secrets.token_urlsafe(32)
    invitation = TeamInvitation(
        association=association,
        email=email,
        token_hash=hash_token(token),
        invited_by=by,
        created_at=now,
        expires_at=now + timedelta(days=INVITATION_VALID_DAYS),
    )
    db.session.add(invitation)
    _queue_invitation_email(invitation, token, by=by)
    db.session.flush()
    return IssuedInvitation(invitation=invitation, token=token)


def _queue_invitation_email(invitation: TeamInvitation, token: str, *, by: User) -> None:
    # Written in the invitee's language when they already have an account, else the site's.
    existing = find_user_by_email(invitation.email)
    locale = existing.locale if existing else current_app.config.get("BABEL_DEFAULT_LOCALE", "fr")
    link = url_for("team.invitation", token=token, _external=True)
    with force_locale(locale):
        queue_email(
            recipient=invitation.email,
            subject=str(
                _l("%(name)s invites you to join its team on Tremplin", name=invitation.association.name)
            ),
            body_text=render_template(
                "emails/team_invitation.txt",
                association=invitation.association,
                inviter=by,
                link=link,
                days=INVITATION_VALID_DAYS,
            ),
        )


def find_invitation(token: str) -> TeamInvitation | None:
    if not token:
        return None
    return db.session.scalar(select(TeamInvitation).where(TeamInvitation.token_hash == hash_token(token)))


def usable_invitation(token: str, *, now: datetime | None = None) -> TeamInvitation:
    """The pending invitation behind this link, or a clear reason why it cannot be used."""
    invitation = find_invitation(token)
    if invitation is None:
        raise InvitationUnusable(_l("This invitation link is not valid. Check that you copied it entirely."))
    status = invitation_status(invitation, now=now or utcnow())
    if status == "accepted":
        raise InvitationUnusable(_l("This invitation has already been used. Sign in to reach the team."))
    if status == "revoked":
        raise InvitationUnusable(_l("This invitation has been cancelled by the association."))
    if status == "expired":
        raise InvitationUnusable(_l("This invitation has expired: ask the association to send a new one."))
    return invitation


def acceptance_problem(invitation: TeamInvitation, user: User) -> object | None:
    """Why this signed-in user cannot accept this invitation, or None."""
    if normalize_email(user.email) != invitation.email:
        return _l(
            "This invitation was sent to another email address. Sign out, then open the link again "
            "to join with the invited address."
        )
    if user.role != "association":
        return _l(
            "This invitation is for an association account, and your account is of another kind. "
            "Ask the association to invite another email address."
        )
    if membership_of(user, invitation.association) is not None:
        return _l("You are already a member of this team.")
    return None


def accept_invitation(token: str, *, user: User, now: datetime | None = None) -> Membership:
    """Join the team with a pending invitation sent to this user's email; the link then stops working."""
    now = now or utcnow()
    invitation = usable_invitation(token, now=now)
    problem = acceptance_problem(invitation, user)
    if problem:
        raise NotAllowed(problem)
    # Compare-and-set: of two simultaneous clicks, only one uses the invitation.
    used = db.session.execute(
        update(TeamInvitation)
        .where(
            TeamInvitation.id == invitation.id,
            TeamInvitation.accepted_at.is_(None),
            TeamInvitation.revoked_at.is_(None),
        )
        .values(accepted_at=now, accepted_by_id=user.id)
        .execution_options(synchronize_session=False)
    )
    if cast(CursorResult, used).rowcount != 1:
        raise InvitationUnusable(_l("This invitation has already been used. Sign in to reach the team."))
    db.session.refresh(invitation)
    membership = Membership(user=user, association=invitation.association, role="member")
    db.session.add(membership)
    db.session.flush()
    return membership


@dataclass(frozen=True)
class MemberSignup:
    first_name: str
    password: str
    locale: str = "fr"


def sign_up_and_accept(token: str, data: MemberSignup, *, now: datetime | None = None) -> User:
    """Create an association-member account bound to the invited email, then join; all or nothing."""
    invitation = usable_invitation(token, now=now)
    if find_user_by_email(invitation.email) is not None:
        raise Conflict(_l("An account already exists with this email address: sign in to join the team."))
    first_name = " ".join(data.first_name.split())
    if not first_name:
        raise DomainError(_l("This field is required."), field="first_name")
    if len(first_name) > 80:
        raise DomainError(_l("At most %(n)d characters.", n=80), field="first_name")
    problem = password_problem(data.password, email=invitation.email, first_name=first_name)
    if problem:
        raise DomainError(problem, field="password")
    user = User(
        email=invitation.email,
        first_name=first_name,
        role="association",
        locale=data.locale if data.locale in ("fr", "en") else "fr",
        # The invitation link reached this address: it is confirmed.
        email_verified_at=utcnow(),
        terms_version=TERMS_VERSION,
        terms_accepted_at=utcnow(),
        last_seen_at=utcnow(),
    )
    user.set_password(data.password)
    db.session.add(user)
    db.session.flush()
    accept_invitation(token, user=user, now=now)
    return user


def revoke_invitation(invitation: TeamInvitation, *, by: User, now: datetime | None = None) -> TeamInvitation:
    """Cancel a pending invitation: its link stops working."""
    _require_owner(by, invitation.association)
    if invitation.accepted_at is not None:
        raise Conflict(_l("This invitation has already been accepted: remove the member instead."))
    if invitation.revoked_at is None:
        invitation.revoked_at = now or utcnow()
    db.session.flush()
    return invitation


def _owner_count(association: Association) -> int:
    return (
        db.session.scalar(
            select(func.count(Membership.id)).where(
                Membership.association_id == association.id, Membership.role == "owner"
            )
        )
        or 0
    )


def remove_member(association: Association, member_user: User, *, by: User) -> None:
    """Owners remove members; anyone may leave; the last owner always stays."""
    leaving = by.id == member_user.id
    if not leaving:
        _require_owner(by, association)
    membership = membership_of(member_user, association)
    if membership is None:
        raise NotFound(_l("This person is not a member of the team."))
    if membership.role == "owner" and _owner_count(association) <= 1:
        raise Conflict(_l("The last owner cannot be removed: an association always keeps one owner."))
    db.session.delete(membership)
    db.session.flush()


def make_owner(association: Association, member_user: User, *, by: User) -> Membership:
    """An owner hands ownership to another member too (so that they may leave or delete their account)."""
    _require_owner(by, association)
    membership = membership_of(member_user, association)
    if membership is None:
        raise NotFound(_l("This person is not a member of the team."))
    if membership.role != "owner":
        membership.role = "owner"
        db.session.flush()
    return membership


@dataclass(frozen=True)
class TeamMember:
    user: User
    role: str


def team_of(association: Association) -> list[TeamMember]:
    """Members with their role, owners first."""
    rows = db.session.execute(
        select(User, Membership.role)
        .join(Membership, Membership.user_id == User.id)
        .where(Membership.association_id == association.id)
        .order_by(Membership.role.desc(), User.first_name, User.id)
    )
    return [TeamMember(user=user, role=role) for user, role in rows]


def pending_invitations(association: Association, *, now: datetime | None = None) -> list[TeamInvitation]:
    """Invitations still waiting for an answer, newest first."""
    return list(
        db.session.scalars(
            select(TeamInvitation)
            .where(
                TeamInvitation.association_id == association.id,
                TeamInvitation.accepted_at.is_(None),
                TeamInvitation.revoked_at.is_(None),
                TeamInvitation.expires_at > (now or utcnow()),
            )
            .order_by(TeamInvitation.created_at.desc(), TeamInvitation.id.desc())
        )
    )


def associations_of_member(user: User) -> list[Association]:
    """Associations this user belongs to, by name."""
    return list(
        db.session.scalars(
            select(Association)
            .join(Membership, Membership.association_id == Association.id)
            .where(Membership.user_id == user.id)
            .order_by(Association.name, Association.id)
        )
    )
