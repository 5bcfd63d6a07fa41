"""Networks: who belongs, who asks to join, who decides, and the territory's figures.

Services flush and raise domain errors; the views commit once. Figures are counts only: a
network never sees the names of candidates through this module.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import ColumnElement, false, func, or_, select
from sqlalchemy.orm import joinedload

from marketplace.accounts.models import User
from marketplace.associations.models import Association, Membership, Mission
from marketplace.associations.permissions import team_members
from marketplace.candidates.models import Application
from marketplace.domain import Conflict, NotAllowed, NotFound
from marketplace.extensions import db
from marketplace.networks.models import Network, NetworkAdmin, NetworkMember
from marketplace.notifications.services import notify_users
from marketplace.reference.vocabularies import APPLICATION_STATUSES
from marketplace.statuses import NetworkMembershipStatus

# --- territory -----------------------------------------------------------------------------------


def territory_condition(network: Network, postcode_column) -> ColumnElement[bool]:
    """SQL twin of ``Network.covers_postcode`` for a postcode column."""
    parts = []
    if network.territory_postcodes:
        parts.append(postcode_column.in_(list(network.territory_postcodes)))
    parts.extend(postcode_column.like(f"{code}%") for code in network.territory_departements)
    return or_(*parts) if parts else false()


def territory_label(network: Network) -> str:
    return ", ".join([*network.territory_departements, *network.territory_postcodes])


# --- who may see a network -------------------------------------------------------------------------


def is_network_admin(user: User, network: Network) -> bool:
    return (
        db.session.scalar(
            select(NetworkAdmin.id).where(
                NetworkAdmin.network_id == network.id, NetworkAdmin.user_id == user.id
            )
        )
        is not None
    )


def visible_networks(user: User) -> list[Network]:
    """Every network for site admins; the networks a network admin runs; none for others."""
    query = select(Network).order_by(Network.name, Network.id)
    if user.role == "site_admin":
        return list(db.session.scalars(query))
    if user.role != "network_admin":
        return []
    return list(db.session.scalars(query.join(NetworkAdmin).where(NetworkAdmin.user_id == user.id)))


def managed_network(network_id: int, *, by: User) -> Network:
    """A network this user administers (site admins: any); NotFound otherwise, so ids do not leak."""
    network = db.session.get(Network, network_id)
    if network is None:
        raise NotFound(_l("This network does not exist."))
    if by.role == "site_admin" or (by.role == "network_admin" and is_network_admin(by, network)):
        return network
    raise NotFound(_l("This network does not exist."))


def network_admins(network: Network) -> list[User]:
    return list(
        db.session.scalars(
            select(User).join(NetworkAdmin).where(NetworkAdmin.network_id == network.id).order_by(User.id)
        )
    )


# --- association side ------------------------------------------------------------------------------


@dataclass(frozen=True)
class NetworkChoice:
    """A network an association could join, with where the association stands."""

    network: Network
    status: str | None  # None, "requested", "invited" or "accepted"
    member_id: int | None = None


def networks_for_association(association: Association) -> list[NetworkChoice]:
    """Networks whose territory covers the association, plus any it already belongs to."""
    rows = {
        network_id: (status, member_id)
        for network_id, status, member_id in db.session.execute(
            select(NetworkMember.network_id, NetworkMember.status, NetworkMember.id).where(
                NetworkMember.association_id == association.id
            )
        )
    }
    networks = db.session.scalars(select(Network).order_by(Network.name, Network.id))
    return [
        NetworkChoice(network, *rows.get(network.id, (None, None)))
        for network in networks
        if network.id in rows or network.covers_postcode(association.postcode)
    ]


def _membership(network: Network, association: Association) -> NetworkMember | None:
    return db.session.scalar(
        select(NetworkMember).where(
            NetworkMember.network_id == network.id, NetworkMember.association_id == association.id
        )
    )


def _space_link(network: Network) -> str:
    return url_for("networks.space", network_id=network.id, _external=True)


def request_to_join(network: Network, association: Association, *, by: User) -> NetworkMember:
    """A member of the association asks to join a network covering its postcode; its admins are told."""
    if (
        db.session.scalar(
            select(Membership.id).where(
                Membership.user_id == by.id, Membership.association_id == association.id
            )
        )
        is None
    ):
        raise NotAllowed(_l("You are not a member of this association."))
    if not network.covers_postcode(association.postcode):
        raise NotAllowed(_l("This network does not cover your association's postcode."))
    existing = _membership(network, association)
    if existing is not None and existing.status == NetworkMembershipStatus.INVITED:
        raise Conflict(_l("This network already invited your association: accept its invitation."))
    if existing is not None:
        raise Conflict(_l("Your association already asked to join this network."))
    member = NetworkMember(network=network, association=association, status="requested")
    db.session.add(member)
    db.session.flush()
    notify_users(
        network_admins(network),
        subject=_l(
            "%(association)s asks to join %(network)s", association=association.name, network=network.name
        ),
        template="network_join_requested",
        association=association,
        network=network,
        link=_space_link(network),
    )
    return member


def _tell_association(member: NetworkMember, *, template: str, subject) -> None:
    notify_users(
        team_members(member.association),
        subject=subject,
        template=template,
        association=member.association,
        network=member.network,
        link=url_for("networks.association_networks", _external=True),
    )


def _tell_accepted(member: NetworkMember) -> None:
    subject = _l("%(network)s accepted your association", network=member.network.name)
    _tell_association(member, template="network_join_accepted", subject=subject)


# --- network side -------------------------------------------------------------------------------------


def pending_request(network: Network, member_id: int) -> NetworkMember:
    member = db.session.get(NetworkMember, member_id)
    if member is None or member.network_id != network.id:
        raise NotFound(_l("This request does not exist."))
    if member.status != "requested":
        raise Conflict(_l("This association is already a member."))
    return member


def accept_request(network: Network, member_id: int, *, by: User) -> NetworkMember:
    """A network admin accepts an association; its team is told."""
    member = pending_request(network, member_id)
    member.status = "accepted"
    db.session.flush()
    _tell_accepted(member)
    return member


def refuse_request(network: Network, member_id: int, *, by: User) -> Association:
    """A network admin refuses; the request disappears (the association may ask again later)."""
    member = pending_request(network, member_id)
    association = member.association
    _tell_association(
        member,
        template="network_join_refused",
        subject=_l("%(network)s did not accept your request", network=network.name),
    )
    db.session.delete(member)
    db.session.flush()
    return association


def attachable_associations(network: Network) -> list[Association]:
    """Associations of the territory that are not members yet (a site admin may attach them;
    the network's admins may invite those that neither asked nor were invited)."""
    already = select(NetworkMember.association_id).where(
        NetworkMember.network_id == network.id, NetworkMember.status == "accepted"
    )
    return list(
        db.session.scalars(
            select(Association)
            .where(territory_condition(network, Association.postcode), Association.id.not_in(already))
            .order_by(Association.name, Association.id)
        )
    )


def attach_association(network: Network, association_id: int, *, by: User) -> NetworkMember:
    """A site admin makes an association a member at once (a pending request becomes accepted)."""
    if by.role != "site_admin":
        raise NotAllowed(_l("Only site administrators attach associations directly."))
    association = db.session.get(Association, association_id)
    if association is None:
        raise NotFound(_l("This association does not exist."), field="association_id")
    member = _membership(network, association)
    if member is not None and member.status == "accepted":
        raise Conflict(_l("This association is already a member."), field="association_id")
    if member is None:
        member = NetworkMember(network=network, association=association)
        db.session.add(member)
    member.status = "accepted"
    db.session.flush()
    _tell_accepted(member)
    return member


def members_by_status(network: Network) -> dict[str, list[NetworkMember]]:
    """Accepted members and pending requests, by association name."""
    rows = db.session.scalars(
        select(NetworkMember)
        .options(joinedload(NetworkMember.association))
        .join(Association)
        .where(NetworkMember.network_id == network.id)
        .order_by(Association.name, NetworkMember.id)
    )
    grouped: dict[str, list[NetworkMember]] = {status: [] for status in NetworkMembershipStatus}
    for member in rows:
        grouped[member.status].append(member)
    return grouped


@dataclass(frozen=True)
class TerritoryFigures:
    """Counts for the missions located in the territory: never a name."""

    published_missions: int
    applications_by_status: dict[str, int]
    volunteers: int

    @property
    def applications(self) -> int:
        return sum(self.applications_by_status.values())


def territory_figures(network: Network) -> TerritoryFigures:
    """Published missions, applications by status and distinct volunteers in the territory."""
    in_territory = territory_condition(network, Mission.postcode)
    published = db.session.scalar(select(func.count(Mission.id)).where(in_territory, Mission.is_listed))
    applications = select(Application).join(Mission).where(in_territory).subquery()
    by_status = dict(
        db.session.execute(select(applications.c.status, func.count()).group_by(applications.c.status))
        .tuples()
        .all()
    )
    volunteers = db.session.scalar(select(func.count(func.distinct(applications.c.candidate_id))))
    return TerritoryFigures(
        published_missions=published or 0,
        applications_by_status={status: by_status.get(status, 0) for status in APPLICATION_STATUSES},
        volunteers=volunteers or 0,
    )


def networks_administered_by(user: User) -> list[Network]:
    """The networks this user administers, by name (the network admin's dashboard)."""
    return list(
        db.session.scalars(
            select(Network).join(NetworkAdmin).where(NetworkAdmin.user_id == user.id).order_by(Network.name)
        )
    )


def network_members(network: Network) -> list[NetworkMember]:
    """A network's member associations, asked-to-join ones after the accepted ones."""
    return list(
        db.session.scalars(
            select(NetworkMember)
            .options(joinedload(NetworkMember.association))
            .where(NetworkMember.network_id == network.id)
            .order_by(NetworkMember.status, NetworkMember.id)
        )
    )


# --- invitations: the network asks, the association answers ------------------------------------------


def _require_network_admin(network: Network, by: User) -> None:
    if not (by.role == "site_admin" or (by.role == "network_admin" and is_network_admin(by, network))):
        raise NotAllowed(_l("You do not run this network."))


def invitable_associations(network: Network) -> list[Association]:
    """Associations of the territory with nothing pending with this network: no request, no invitation."""
    linked = select(NetworkMember.association_id).where(NetworkMember.network_id == network.id)
    return list(
        db.session.scalars(
            select(Association)
            .where(territory_condition(network, Association.postcode), Association.id.not_in(linked))
            .order_by(Association.name, Association.id)
        )
    )


def invite_association(network: Network, association_id: int, *, by: User) -> NetworkMember:
    """A network admin invites an association of the territory; its team is told and answers."""
    _require_network_admin(network, by)
    association = db.session.get(Association, association_id) if 0 < association_id < 2**31 else None
    if association is None:
        raise NotFound(_l("This association does not exist."), field="association_id")
    if not network.covers_postcode(association.postcode):
        raise NotAllowed(_l("This association is outside the network's territory."), field="association_id")
    existing = _membership(network, association)
    if existing is not None and existing.status == NetworkMembershipStatus.REQUESTED:
        raise Conflict(
            _l("This association already asked to join: accept its request."), field="association_id"
        )
    if existing is not None:
        raise Conflict(_l("This association is already invited or a member."), field="association_id")
    member = NetworkMember(
        network=network, association=association, status=NetworkMembershipStatus.INVITED, invited_by=by
    )
    db.session.add(member)
    db.session.flush()
    _tell_association(
        member,
        template="network_invitation",
        subject=_l("%(network)s invites your association", network=network.name),
    )
    return member


def pending_invitation(member_id: int, *, by: User) -> NetworkMember:
    """An invitation sent to one of ``by``'s associations; NotFound otherwise."""
    member = db.session.get(NetworkMember, member_id) if 0 < member_id < 2**31 else None
    if member is None or member.status != NetworkMembershipStatus.INVITED:
        raise NotFound(_l("This invitation does not exist or was already answered."))
    is_member = db.session.scalar(
        select(Membership.id).where(
            Membership.user_id == by.id, Membership.association_id == member.association_id
        )
    )
    if is_member is None:
        raise NotFound(_l("This invitation does not exist or was already answered."))
    return member


def answer_invitation(member_id: int, *, by: User, accept: bool) -> NetworkMember:
    """A member of the association accepts (it becomes a member) or declines (the invitation goes)."""
    member = pending_invitation(member_id, by=by)
    association, network = member.association, member.network
    notify_users(
        network_admins(network),
        subject=(
            _l("%(association)s accepted your invitation", association=association.name)
            if accept
            else _l("%(association)s declined your invitation", association=association.name)
        ),
        template="network_invitation_answered",
        association=association,
        network=network,
        accepted=accept,
        link=_space_link(network),
    )
    if accept:
        member.status = NetworkMembershipStatus.ACCEPTED
    else:
        db.session.delete(member)
    db.session.flush()
    return member
