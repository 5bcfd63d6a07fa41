"""Documents for other machines (blueprint ``publishing``): the API Engagement feed, sitemap, robots.txt."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

from flask import Blueprint, Response, abort, current_app, request, stream_with_context, url_for

from marketplace.accounts.access import public
from marketplace.extensions import db
from marketplace.networks.models import Network
from marketplace.publishing import services, sitemap
from marketplace.publishing.conditional import document_etag, not_modified, stamp_headers
from marketplace.publishing.engagement import FeedHeader, feed_chunks
from marketplace.publishing.sitemap import SitemapEntry

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


# --- sitemap and robots.txt -------------------------------------------------------------------------

SITEMAP_CACHE_CONTROL = "public, max-age=3600"


def _fixed_entries() -> list[SitemapEntry]:
    """The pages that are always there: home and search."""
    return [
        SitemapEntry(url_for("main.home", _external=True)),
        SitemapEntry(url_for("search.missions", _external=True)),
    ]


def _entries(start: int, stop: int) -> Iterator[SitemapEntry]:
    """Addresses numbered [start, stop): the fixed pages first, then associations and missions."""
    fixed = _fixed_entries()
    yield from fixed[start:stop]
    for kind, key, updated in sitemap.rows(max(start - len(fixed), 0), stop - len(fixed)):
        if kind == "association":
            yield SitemapEntry(url_for("main.association", slug=key, _external=True), updated)
        else:
            yield SitemapEntry(url_for("main.mission", mission_id=key, _external=True), updated)


def _limit() -> int:
    return int(current_app.config.get("SITEMAP_MAX_URLS", sitemap.MAX_URLS))


def _xml(chunks, etag: str, last_modified) -> Response:
    response = Response(stream_with_context(chunks), mimetype="application/xml")
    response.headers["Cache-Control"] = SITEMAP_CACHE_CONTROL
    return stamp_headers(response, etag, last_modified)


@bp.route("/sitemap.xml")
@public
def sitemap_xml():
    """The whole sitemap, or the index of its numbered files once past the protocol's limit."""
    limit = _limit()
    etag = document_etag("sitemap", limit)
    last_modified = services.last_change(None)
    unchanged = not_modified(etag, last_modified)
    if unchanged is not None:
        return unchanged
    pages = sitemap.page_count(len(_fixed_entries()), limit)
    if pages == 1:
        return _xml(sitemap.urlset_chunks(_entries(0, limit)), etag, last_modified)
    locations = [url_for(".sitemap_page", number=number, _external=True) for number in range(1, pages + 1)]
    return _xml(iter([sitemap.index_document(locations, last_modified)]), etag, last_modified)


@bp.route("/sitemap-<int:number>.xml")
@public
def sitemap_page(number: int):
    limit = _limit()
    if number < 1 or number > sitemap.page_count(len(_fixed_entries()), limit):
        abort(404)
    etag = document_etag("sitemap-page", limit, number)
    last_modified = services.last_change(None)
    unchanged = not_modified(etag, last_modified)
    if unchanged is not None:
        return unchanged
    start = (number - 1) * limit
    return _xml(sitemap.urlset_chunks(_entries(start, start + limit)), etag, last_modified)


# Private spaces, forms and machine answers: nothing a search engine should list.
ROBOTS_DISALLOWED = (
    "/espace",
    "/reseau",
    "/moderation",
    "/connexion",
    "/inscription",
    "/api/",
    "/widget/",
    "/flux/",
)


@bp.route("/robots.txt")
@public
def robots_txt():
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in ROBOTS_DISALLOWED)]
    lines += ["", f"Sitemap: {url_for('.sitemap_xml', _external=True)}", ""]
    response = Response("\n".join(lines), mimetype="text/plain")
    response.headers["Cache-Control"] = SITEMAP_CACHE_CONTROL
    return response
