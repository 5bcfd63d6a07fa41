"""Network space (/reseau) and the association's network page (blueprint ``networks``).

Network admins see their networks, site admins every network. Figures are counts: no name of a
candidate ever reaches these pages.
"""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from marketplace.accounts.access import roles
from marketplace.accounts.models import User
from marketplace.associations.models import Association
from marketplace.associations.team import associations_of_member
from marketplace.commit import attempt
from marketplace.domain import NotFound
from marketplace.extensions import db
from marketplace.networks import services
from marketplace.networks.forms import AttachForm, ButtonForm
from marketplace.networks.lookup import network_or_404
from marketplace.networks.models import Network

bp = Blueprint("networks", __name__)
NETWORK_ROLES = ("network_admin", "site_admin")


def _user() -> User:
    return current_user._get_current_object()


def _require_button(form: ButtonForm) -> None:
    if not form.validate_on_submit():
        abort(400)


# --- association side ---------------------------------------------------------------------------------


@bp.route("/espace/reseaux")
@roles("association")
def association_networks():
    associations = associations_of_member(_user())
    choices = [(association, services.networks_for_association(association)) for association in associations]
    return render_template("networks/association.html", choices=choices, form=ButtonForm())


@bp.route("/espace/reseaux/<int:network_id>/rejoindre", methods=["POST"])
@roles("association")
def ask_to_join(network_id: int):
    _require_button(ButtonForm())
    network = db.session.get(Network, network_id)
    association = db.session.get(Association, request.form.get("association_id", type=int) or 0)
    if network is None or association is None:
        abort(404)
    with attempt() as done:
        services.request_to_join(network, association, by=_user())
    if done.ok:
        flash(
            _("Your request is sent to %(network)s. Its team will answer soon.", network=network.name),
            "success",
        )
    return redirect(url_for(".association_networks"))


@bp.route("/espace/reseaux/invitations/<int:member_id>/accepter", methods=["POST"])
@roles("association")
def accept_invitation(member_id: int):
    return _answer_invitation(member_id, accept=True)


@bp.route("/espace/reseaux/invitations/<int:member_id>/refuser", methods=["POST"])
@roles("association")
def decline_invitation(member_id: int):
    return _answer_invitation(member_id, accept=False)


def _answer_invitation(member_id: int, *, accept: bool):
    _require_button(ButtonForm())
    with attempt(abort_on=(NotFound,)) as done:
        member = services.answer_invitation(member_id, by=_user(), accept=accept)
        network_name = member.network.name
    if done.ok and accept:
        flash(_("Your association is now a member of %(network)s.", network=network_name), "success")
    elif done.ok:
        flash(_("You declined the invitation of %(network)s.", network=network_name), "success")
    return redirect(url_for(".association_networks"))


# --- network side -----------------------------------------------------------------------------------------


@bp.route("/reseau")
@roles(*NETWORK_ROLES)
def index():
    networks = services.visible_networks(_user())
    if len(networks) == 1:
        return redirect(url_for(".space", network_id=networks[0].id))
    return render_template("networks/index.html", networks=networks)


def _render_space(network: Network, attach_form: AttachForm | None = None, status: int = 200):
    from marketplace.widgets.services import widgets_of

    attach_form = attach_form or AttachForm()
    if _user().role == "site_admin":
        attach_form.association_id.choices = [
            (association.id, f"{association.name} ({association.postcode})")
            for association in services.attachable_associations(network)
        ]
    page = render_template(
        "networks/space.html",
        network=network,
        members=services.members_by_status(network),
        figures=services.territory_figures(network),
        widgets=widgets_of(network),
        invitable=services.invitable_associations(network),
        territory=services.territory_label(network),
        form=ButtonForm(),
        attach_form=attach_form if _user().role == "site_admin" else None,
    )
    return page, status


@bp.route("/reseau/<int:network_id>")
@roles(*NETWORK_ROLES)
def space(network_id: int):
    return _render_space(network_or_404(network_id))


def _decide(network_id: int, member_id: int, decision, message) -> object:
    network = network_or_404(network_id)
    _require_button(ButtonForm())
    with attempt(abort_on=(NotFound,)) as done:
        result = decision(network, member_id, by=_user())
    if done.ok:
        flash(message(result), "success")
    return redirect(url_for(".space", network_id=network.id))


@bp.route("/reseau/<int:network_id>/demandes/<int:member_id>/accepter", methods=["POST"])
@roles(*NETWORK_ROLES)
def accept(network_id: int, member_id: int):
    return _decide(
        network_id,
        member_id,
        services.accept_request,
        lambda member: _(
            "%(association)s is now a member of the network.", association=member.association.name
        ),
    )


@bp.route("/reseau/<int:network_id>/demandes/<int:member_id>/refuser", methods=["POST"])
@roles(*NETWORK_ROLES)
def refuse(network_id: int, member_id: int):
    return _decide(
        network_id,
        member_id,
        services.refuse_request,
        lambda association: _("The request of %(association)s is refused.", association=association.name),
    )


@bp.route("/reseau/<int:network_id>/inviter", methods=["POST"])
@roles(*NETWORK_ROLES)
def invite(network_id: int):
    network = network_or_404(network_id)
    _require_button(ButtonForm())
    with attempt() as done:
        member = services.invite_association(
            network, request.form.get("association_id", type=int) or 0, by=_user()
        )
    if done.ok:
        flash(
            _("%(association)s is invited: its team is told by email.", association=member.association.name),
            "success",
        )
    return redirect(url_for(".space", network_id=network.id))


@bp.route("/reseau/<int:network_id>/rattacher", methods=["POST"])
@roles("site_admin")
def attach(network_id: int):
    network = network_or_404(network_id)
    form = AttachForm()
    if form.validate_on_submit():
        with attempt(form) as done:
            member = services.attach_association(network, form.association_id.data, by=_user())
        if done.ok:
            flash(
                _("%(association)s is now a member of the network.", association=member.association.name),
                "success",
            )
            return redirect(url_for(".space", network_id=network.id))
    if not form.errors:
        form.association_id.errors = [_("Choose an association.")]
    return _render_space(network, form, status=400)
