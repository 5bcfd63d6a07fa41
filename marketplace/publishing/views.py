"""Documents for other machines (blueprint ``publishing``): the API Engagement feed, sitemap, robots.txt."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Blueprint, Response, abort, request, stream_with_context, url_for

from marketplace.accounts.access import public
from marketplace.extensions import db
from marketplace.networks.models import Network
from marketplace.publishing import services
from marketplace.publishing.conditional import document_etag, not_modified, stamp_headers
from marketplace.publishing.engagement import FeedHeader, feed_chunks

bp = Blueprint("publishing", __name__)
FEED_CACHE_CONTROL = "public, max-age=300"


def _links() -> services.Links:
    return services.Links(
        mission=lambda mission_id: url_for("main.mission", mission_id=mission_id, _external=True),
        association=lambda slug: url_for("main.association", slug=slug, _external=True),
        logo=lambda name: url_for("association_profile.logo", name=name, _external=True),
    )


def _network_argument() -> Network | None:
    """The ``network`` argument: None when absent; 404 for an unknown network, 400 for a non-number."""
    raw = request.args.get("network")
    if raw is None or raw == "":
        return None
    if not raw.isdigit():
        abort(400)
    network = db.session.get(Network, int(raw))
    if network is None:
        abort(404)
    return network


@bp.route("/flux/api-engagement.xml")
@public
def engagement_feed():
    """Every published mission (of a network's territory with ``?network=``) in API Engagement's format."""
    network = _network_argument()
    etag = document_etag("api-engagement", network.id if network else "")
    last_modified = services.last_change(network)
    unchanged = not_modified(etag, last_modified)
    if unchanged is not None:
        unchanged.headers["Cache-Control"] = FEED_CACHE_CONTROL
        return unchanged
    header = FeedHeader(
        publisher="Tremplin",
        publisher_url=url_for("main.home", _external=True),
        built_at=last_modified or datetime.now(UTC),
    )
    chunks = feed_chunks(header, services.feed_missions(network, _links()))
    response = Response(stream_with_context(chunks), mimetype="application/xml")
    response.headers["Cache-Control"] = FEED_CACHE_CONTROL
    return stamp_headers(response, etag, last_modified)
