"""Validators for documents built from the whole database (feed, sitemap): ETag and Last-Modified.

The ETag comes from the shared change stamp (``marketplace.missions.stamp``), which every commit
that changes missions or associations bumps on every worker; the document's own parameters and
the host (the document carries absolute addresses) are mixed in. Checking it costs one
primary-key query, so an unchanged feed answers 304 without reading a single mission.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from flask import Response, request

from marketplace.missions.stamp import read_stamp


def document_etag(kind: str, *parts: object) -> str:
    """A strong validator for one document's bytes as they stand at the current stamp."""
    stamp = read_stamp()
    seed = "|".join(str(part) for part in (kind, stamp.epoch, stamp.version, request.host, *parts))
    return hashlib.sha256(seed.encode()).hexdigest()[:32]


def _utc(moment: datetime) -> datetime:
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return aware.astimezone(UTC).replace(microsecond=0)


def not_modified(etag: str, last_modified: datetime | None) -> Response | None:
    """A 304 when the client already holds this version (ETag first, as RFC 9110 asks), else None."""
    if request.if_none_match:
        matches = request.if_none_match.contains(etag)
    elif request.if_modified_since and last_modified is not None:
        matches = _utc(last_modified) <= request.if_modified_since
    else:
        matches = False
    if not matches:
        return None
    response = Response(status=304)
    stamp_headers(response, etag, last_modified)
    return response


def stamp_headers(response: Response, etag: str, last_modified: datetime | None) -> Response:
    response.set_etag(etag)
    if last_modified is not None:
        response.last_modified = _utc(last_modified)
    return response
