"""Association verification: the association asks, a site admin or a network of its territory decides.

Verification says that a real, registered association stands behind the account: its SIREN or
RNA number was checked by someone accountable (a site admin, or an admin of a network whose
territory covers the association's postcode). A verified association publishes its missions
without moderation (``moderation.needs_moderation``). Every step is kept as an
``AssociationVerificationEvent``: who, when, the decision, the reason, the numbers then.

Services flush, never commit; the view's commit point commits once.
"""

from __future__ import annotations

from flask import url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import false, or_, select
from sqlalchemy.orm import selectinload

from marketplace.accounts.models import User
from marketplace.accounts.validation import rna_problem, siren_problem
from marketplace.associations.models import Association, AssociationVerificationEvent
from marketplace.associations.permissions import can_manage_team, team_members
from marketplace.domain import Conflict, DomainError, NotAllowed, NotFound
from marketplace.extensions import db
from marketplace.models_base import utcnow
from marketplace.networks.models import Network, NetworkAdmin
from marketplace.notifications.services import notify_users
from marketplace.statuses import VerificationAction, VerificationStatus

MAX_REASON = 2000
MIN_REFUSAL_REASON = 10


# --- what can be checked ----------------------------------------------------------------------


def registry_problem(association: Association) -> object | None:
    """Why the association's registry numbers cannot be checked yet, or None when they can."""
    if not association.siren and not association.rna:
        return _l(
            "Give your association's SIREN or RNA number first (on its profile page): "
            "it is what the verifier checks."
        )
    if association.siren and (problem := siren_problem(association.siren)):
        return problem
    if association.rna and (problem := rna_problem(association.rna)):
        return problem
    return None


# --- who decides ---------------------------------------------------------------------------------


def _networks_administered(user: User) -> list[Network]:
    return list(
        db.session.scalars(
            select(Network).join(NetworkAdmin).where(NetworkAdmin.user_id == user.id).order_by(Network.id)
        )
    )


def covering_network(user: User, association: Association) -> Network | None:
    """The first network this user administers whose territory covers the association's postcode."""
    if user.role != "network_admin":
        return None
    return next(
        (
            network
            for network in _networks_administered(user)
            if network.covers_postcode(association.postcode)
        ),
        None,
    )


def can_verify(user: User | None, association: Association) -> bool:
    """Site admins, and admins of a network covering the association's postcode."""
    if user is None or not user.is_authenticated:
        return False
    if user.role == "site_admin":
        return True
    return covering_network(user, association) is not None


def verifiers_of(association: Association) -> list[User]:
    """Who is told of a request: the admins of the networks covering it, or the site admins."""
    networks = [
        network
        for network in db.session.scalars(select(Network).options(selectinload(Network.admins)))
        if network.covers_postcode(association.postcode)
    ]
    admins = {admin.user_id for network in networks for admin in network.admins}
    if admins:
        return list(db.session.scalars(select(User).where(User.id.in_(admins)).order_by(User.id)))
    return list(db.session.scalars(select(User).where(User.role == "site_admin").order_by(User.id)))


# --- the association's side ---------------------------------------------------------------------


def _record(association: Association, action: VerificationAction, *, by: User | None, **values) -> None:
    db.session.add(
        AssociationVerificationEvent(
            association=association,
            actor=by,
            action=action,
            siren=association.siren,
            rna=association.rna,
            **values,
        )
    )


def request_verification(association: Association, *, by: User) -> Association:
    """An owner asks for verification; the verifiers of its territory are told."""
    if not can_manage_team(by, association):
        raise NotAllowed(_l("Only the owners of the association can ask for its verification."))
    status = association.verification_status
    if status == VerificationStatus.VERIFIED:
        raise Conflict(_l("Your association is already verified."))
    if status == VerificationStatus.REQUESTED:
        raise Conflict(_l("Your request is already waiting for a decision."))
    if (problem := registry_problem(association)) is not None:
        raise DomainError(problem, field="registry")
    association.verification_requested_at = utcnow()
    _record(association, VerificationAction.REQUESTED, by=by)
    db.session.flush()
    notify_users(
        verifiers_of(association),
        subject=_l("%(association)s asks to be verified", association=association.name),
        template="verification_requested",
        association=association,
        link=url_for("verification.decide", association_id=association.id, _external=True),
    )
    return association


# --- the verifier's side ----------------------------------------------------------------------------


def decidable_association(association_id: int, *, by: User) -> Association:
    """An association this user may verify; NotFound otherwise, so ids do not leak."""
    association = db.session.get(Association, association_id) if 0 < association_id < 2**31 else None
    if association is None or not can_verify(by, association):
        raise NotFound(_l("This association does not exist or is not in your territory."))
    return association


def _clean_reason(reason: str, *, required: bool) -> str:
    reason = (reason or "").strip()
    if required and len(reason) < MIN_REFUSAL_REASON:
        raise DomainError(
            _l(
                "Say why in a sentence (at least %(n)d characters): the association reads it.",
                n=MIN_REFUSAL_REASON,
            ),
            field="reason",
        )
    if len(reason) > MAX_REASON:
        raise DomainError(_l("At most %(n)d characters.", n=MAX_REASON), field="reason")
    return reason


def _require_pending(association: Association, by: User) -> None:
    if not can_verify(by, association):
        raise NotAllowed(_l("This association is not in your territory."))
    if association.verification_status != VerificationStatus.REQUESTED:
        raise Conflict(_l("This association has no verification request waiting: reload the page."))


def verify(association: Association, *, by: User, reason: str = "") -> Association:
    """Mark the association verified: from now on its missions are published directly."""
    _require_pending(association, by)
    reason = _clean_reason(reason, required=False)
    association.verification_requested_at = None
    association.verified = True
    network = covering_network(by, association)
    _record(association, VerificationAction.VERIFIED, by=by, reason=reason, network=network)
    db.session.flush()
    notify_users(
        team_members(association),
        subject=_l("%(association)s is verified", association=association.name),
        template="verification_granted",
        association=association,
        reason=reason,
        link=url_for("verification.status", association_id=association.id, _external=True),
    )
    return association


def refuse(association: Association, *, by: User, reason: str) -> Association:
    """Refuse with a reason the association reads; it may correct its numbers and ask again."""
    _require_pending(association, by)
    reason = _clean_reason(reason, required=True)
    association.verification_requested_at = None
    network = covering_network(by, association)
    _record(association, VerificationAction.REFUSED, by=by, reason=reason, network=network)
    db.session.flush()
    notify_users(
        team_members(association),
        subject=_l("Verification of %(association)s refused", association=association.name),
        template="verification_refused",
        association=association,
        reason=reason,
        link=url_for("verification.status", association_id=association.id, _external=True),
    )
    return association


def _in_any_territory(networks: list[Network]):
    from marketplace.networks.services import territory_condition

    parts = [territory_condition(network, Association.postcode) for network in networks]
    return or_(*parts) if parts else false()


def verification_queue(user: User) -> list[Association]:
    """Requests this user may decide, oldest first (site admins: all; network admins: their territory)."""
    query = (
        select(Association)
        .where(Association.verification_requested_at.is_not(None))
        .order_by(Association.verification_requested_at, Association.id)
    )
    if user.role == "site_admin":
        return list(db.session.scalars(query))
    if user.role != "network_admin":
        return []
    return list(db.session.scalars(query.where(_in_any_territory(_networks_administered(user)))))


def verification_queue_size(user: User) -> int:
    return len(verification_queue(user))


def history(association: Association) -> list[AssociationVerificationEvent]:
    """Every step of the association's verification, oldest first."""
    return list(
        db.session.scalars(
            select(AssociationVerificationEvent)
            .options(selectinload(AssociationVerificationEvent.actor))
            .where(AssociationVerificationEvent.association_id == association.id)
            .order_by(AssociationVerificationEvent.id)
        )
    )
