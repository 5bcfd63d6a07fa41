"""Looking up a network for a page: the ones the signed-in user may manage, else 404."""

from __future__ import annotations

from flask import abort
from flask_login import current_user

from marketplace.domain import NotFound
from marketplace.networks import services
from marketplace.networks.models import Network


def network_or_404(network_id: int) -> Network:
    """A network the signed-in user administers (site admins: any), else 404."""
    try:
        return services.managed_network(network_id, by=current_user._get_current_object())
    except NotFound:
        abort(404)
