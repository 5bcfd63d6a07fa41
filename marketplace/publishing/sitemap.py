"""sitemap.xml (sitemaps.org 0.9): the public pages, split into numbered files past the protocol's limit.

Pure writing (``urlset_chunks``, ``index_document``) plus the queries that feed it. The protocol
allows 50,000 addresses per file: below that, /sitemap.xml is the one ``urlset``; above, it is a
``sitemapindex`` of /sitemap-<n>.xml files. Associations come first, then listed missions, each
by id, so a page number always covers the same slice of rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from xml.sax.saxutils import escape

from sqlalchemy import func, select

from marketplace.associations.models import Association, Mission
from marketplace.extensions import db
from marketplace.publishing.engagement import iso_moment
from marketplace.statuses import MissionStatus

NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
MAX_URLS = 50_000
BATCH = 1000


@dataclass(frozen=True)
class SitemapEntry:
    loc: str
    lastmod: datetime | None = None


def _url(entry: SitemapEntry) -> str:
    lastmod = f"<lastmod>{iso_moment(entry.lastmod)}</lastmod>" if entry.lastmod else ""
    return f"<url><loc>{escape(entry.loc)}</loc>{lastmod}</url>\n"


def urlset_chunks(entries: Iterable[SitemapEntry]) -> Iterator[bytes]:
    """A ``urlset`` document as byte chunks (one per thousand addresses)."""
    yield f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="{NAMESPACE}">\n'.encode()
    pending: list[str] = []
    for entry in entries:
        pending.append(_url(entry))
        if len(pending) >= BATCH:
            yield "".join(pending).encode()
            pending.clear()
    yield ("".join(pending) + "</urlset>\n").encode()


def index_document(locations: Iterable[str], lastmod: datetime | None) -> bytes:
    """A ``sitemapindex`` listing the numbered files."""
    stamp = f"<lastmod>{iso_moment(lastmod)}</lastmod>" if lastmod else ""
    items = "".join(f"<sitemap><loc>{escape(loc)}</loc>{stamp}</sitemap>\n" for loc in locations)
    head = f'<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="{NAMESPACE}">\n'
    return f"{head}{items}</sitemapindex>\n".encode()


# --- what is listed --------------------------------------------------------------------------------


def counts() -> tuple[int, int]:
    """(associations, listed missions)."""
    associations = db.session.scalar(select(func.count(Association.id))) or 0
    missions = db.session.scalar(
        select(func.count(Mission.id)).where(Mission.status == MissionStatus.PUBLISHED)
    )
    return associations, missions or 0


def page_count(fixed: int, limit: int) -> int:
    associations, missions = counts()
    total = fixed + associations + missions
    return max(1, -(-total // limit))


def rows(start: int, stop: int) -> Iterator[tuple[str, object, datetime]]:
    """("association", slug, updated) then ("mission", id, updated) rows numbered [start, stop) overall."""
    associations, _missions = counts()
    if start < associations:
        statement = (
            select(Association.slug, Association.updated_at)
            .order_by(Association.id)
            .offset(start)
            .limit(min(stop, associations) - start)
            .execution_options(yield_per=BATCH)
        )
        for slug, updated in db.session.execute(statement):
            yield "association", slug, updated
    if stop > associations:
        first = max(start - associations, 0)
        missions_statement = (
            select(Mission.id, Mission.updated_at)
            .where(Mission.status == MissionStatus.PUBLISHED)
            .order_by(Mission.id)
            .offset(first)
            .limit(stop - associations - first)
            .execution_options(yield_per=BATCH)
        )
        for mission_id, updated in db.session.execute(missions_statement):
            yield "mission", mission_id, updated
