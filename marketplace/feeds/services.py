"""Feeds: register, import a file, sync a URL. Missions are written through the import's own path
(``imports.writing.write_row``), one SAVEPOINT per feed mission (all its addresses, or none).

A sync never deletes: missions that left a successfully read feed are closed (and reopened if they
come back); a fetch or parse failure changes no mission. Functions flush; the caller commits,
except ``sync_feed`` and ``sync_all``, which are units of work of their own (CLI, jobs).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import IO

from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from marketplace.accounts.models import User
from marketplace.accounts.services import unique_association_slug
from marketplace.associations.imports.writing import LineRejected, begin_outer_transaction, write_row
from marketplace.associations.models import Association, Mission, MissionReview
from marketplace.domain import DomainError, NotAllowed
from marketplace.extensions import db
from marketplace.feeds.apiengagement import ELEMENTS, FeedInvalid, FeedRecord, Organisation, parse_feed
from marketplace.feeds.fetch import FetchFailed, check_url, fetch
from marketplace.feeds.models import Feed, FeedMission, FeedOrganisation
from marketplace.models_base import utcnow
from marketplace.networks.models import NetworkAdmin, NetworkMember
from marketplace.statuses import MissionStatus, ReviewAction

logger = logging.getLogger(__name__)
Progress = Callable[[int, int], None]


class SyncStatus(StrEnum):
    OK = "ok"
    NOT_MODIFIED = "not_modified"
    FETCH_FAILED = "fetch_failed"
    PARSE_FAILED = "parse_failed"


class FeedRefused(DomainError):
    def __init__(self, message: object):
        super().__init__(message, field="url", code="feed_refused")


@dataclass
class FeedReport:
    """What one import or sync did, mission by mission (problems as position, clientId, element, reason)."""

    status: SyncStatus = SyncStatus.OK
    missions_read: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    closed: int = 0
    reopened: int = 0
    problems: list[tuple[int, str, str, str]] = field(default_factory=list)
    warnings: list[tuple[int, str, str, str]] = field(default_factory=list)
    error: str = ""

    @property
    def refused(self) -> int:
        return len({position for position, *_ in self.problems})

    def as_json(self) -> dict:
        return {
            "status": str(self.status),
            "missions_read": self.missions_read,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "closed": self.closed,
            "reopened": self.reopened,
            "refused": self.refused,
            "problems": [list(problem) for problem in self.problems[:500]],
            "warnings": len(self.warnings),
        }


# --- who may do what ------------------------------------------------------------------------------


def administered_network_ids(user: User) -> list[int]:
    return list(db.session.scalars(select(NetworkAdmin.network_id).where(NetworkAdmin.user_id == user.id)))


def can_manage_feed(user: User, feed: Feed) -> bool:
    if user.role == "site_admin":
        return True
    return user.role == "network_admin" and feed.network_id in administered_network_ids(user)


def visible_feeds(user: User) -> list[Feed]:
    query = select(Feed).where(Feed.url.is_not(None)).order_by(Feed.name)
    if user.role != "site_admin":
        query = query.where(Feed.network_id.in_(administered_network_ids(user) or [-1]))
    return list(db.session.scalars(query))


def register_feed(*, name: str, url: str, by: User, network_id: int | None = None) -> Feed:
    """A feed URL a site admin (any, or a network's) or a network admin (for their network) registers."""
    if by.role == "network_admin":
        networks = administered_network_ids(by)
        if network_id is None and len(networks) == 1:
            network_id = networks[0]
        if network_id not in networks:
            raise NotAllowed(_l("You can register feeds for your own network only."))
    elif by.role != "site_admin":
        raise NotAllowed(_l("Only site and network admins register feeds."))
    url = url.strip()
    if check_url(url, allow_local=allow_local()):
        raise FeedRefused(_l("Give the https:// address of the feed."))
    if len(url) > 500:
        raise FeedRefused(_l("At most %(n)d characters.", n=500))
    if db.session.scalar(select(Feed.id).where(Feed.url == url)) is not None:
        raise FeedRefused(_l("This feed is already registered."))
    feed = Feed(
        name=" ".join(name.split())[:160] or url[:160], url=url, network_id=network_id, created_by_id=by.id
    )
    db.session.add(feed)
    db.session.flush()
    return feed


def allow_local() -> bool:
    return bool(current_app.config.get("FEEDS_ALLOW_LOCAL"))


# --- organisations --------------------------------------------------------------------------------


def _name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _association_for(feed: Feed, organisation: Organisation) -> Association:
    """The association an organisation stands for: by client id in this feed, RNA, SIREN, then name;
    created (and remembered by client id) when none matches, so it is never created twice."""
    association = None
    if organisation.client_id:
        association = db.session.scalar(
            select(Association)
            .join(FeedOrganisation, FeedOrganisation.association_id == Association.id)
            .where(FeedOrganisation.feed_id == feed.id, FeedOrganisation.client_id == organisation.client_id)
        )
    if association is None and organisation.rna:
        association = db.session.scalar(
            select(Association).where(Association.rna == organisation.rna).limit(1)
        )
    if association is None and organisation.siren:
        association = db.session.scalar(
            select(Association).where(Association.siren == organisation.siren).limit(1)
        )
    if association is None and organisation.name:
        wanted = _name_key(organisation.name)
        same_name = [
            found
            for found in db.session.scalars(
                select(Association).where(Association.name.ilike(organisation.name))
            )
            if _name_key(found.name) == wanted
        ]
        association = same_name[0] if len(same_name) == 1 else None
    if association is None:
        association = _new_association(organisation)
    if organisation.client_id:
        _remember_organisation(feed, organisation.client_id, association)
    if feed.network_id is not None:
        _join_network(feed.network_id, association)
    return association


def _new_association(organisation: Organisation) -> Association:
    if not organisation.name:
        raise LineRejected("organizationName", _l("The organisation has no name."))
    from marketplace.reference.places import place_for

    postcode = (
        organisation.postcode if len(organisation.postcode) == 5 and organisation.postcode.isdigit() else ""
    )
    association = Association(
        name=organisation.name,
        slug=unique_association_slug(organisation.name),
        city=organisation.city[:120],
        postcode=postcode,
        rna=organisation.rna,
        siren=organisation.siren,
        website=organisation.url or None,
        description=organisation.description,
    )
    place = place_for(postcode, organisation.city) if postcode else None
    if place is not None:
        association.lat, association.lon = place.lat, place.lon
    db.session.add(association)
    db.session.flush()
    return association


def _remember_organisation(feed: Feed, client_id: str, association: Association) -> None:
    link = db.session.scalar(
        select(FeedOrganisation).where(
            FeedOrganisation.feed_id == feed.id, FeedOrganisation.client_id == client_id
        )
    )
    if link is None:
        db.session.add(FeedOrganisation(feed_id=feed.id, client_id=client_id, association_id=association.id))
    elif link.association_id != association.id:
        link.association_id = association.id


def _join_network(network_id: int, association: Association) -> None:
    exists = db.session.scalar(
        select(NetworkMember.id).where(
            NetworkMember.network_id == network_id, NetworkMember.association_id == association.id
        )
    )
    if exists is None:
        db.session.add(NetworkMember(network_id=network_id, association_id=association.id, status="accepted"))


# --- writing the missions -------------------------------------------------------------------------


def _known_missions(feed: Feed) -> dict[str, FeedMission]:
    return {
        link.key: link
        for link in db.session.scalars(select(FeedMission).where(FeedMission.feed_id == feed.id))
    }


def _write_mission(feed: Feed, records: list[FeedRecord], known: dict[str, FeedMission]) -> list[str]:
    """Every address of one feed mission (flushes; the caller holds the savepoint). Actions taken."""
    association = _association_for(feed, records[0].organisation)
    actions = []
    for record in records:
        link = known.get(record.key)
        existing = link.mission if link is not None else None
        if (
            existing is not None
            and link is not None
            and link.closed_by_feed
            and existing.status == MissionStatus.CLOSED
        ):
            existing.status = MissionStatus.PUBLISHED  # it came back: the feed closed it, the feed reopens it
            link.closed_by_feed = False
            actions.append("reopened")
        action, mission_id = write_row(record.row, association, by=None, existing=existing)
        if link is None:
            link = FeedMission(feed_id=feed.id, key=record.key, mission_id=mission_id)
            db.session.add(link)
            known[record.key] = link
        actions.append(action)
    db.session.flush()
    return actions


def _close_missing(feed: Feed, present: set[str], known: dict[str, FeedMission]) -> int:
    """Close the feed's open missions that are no longer in it (never deletes: volunteers keep history)."""
    closed = 0
    for key, link in known.items():
        mission = link.mission
        if key in present or mission.status not in (MissionStatus.PUBLISHED, MissionStatus.PENDING_REVIEW):
            continue
        mission.status = MissionStatus.CLOSED
        link.closed_by_feed = True
        db.session.add(MissionReview(mission=mission, actor=None, action=ReviewAction.CLOSED))
        closed += 1
    db.session.flush()
    return closed


def _grouped(records: Iterable[FeedRecord]) -> list[list[FeedRecord]]:
    groups: dict[str, list[FeedRecord]] = {}
    for record in records:
        groups.setdefault(record.client_id, []).append(record)
    return list(groups.values())


def import_feed_source(
    feed: Feed, source: str | IO[bytes], *, today: date | None = None, progress: Progress | None = None
) -> FeedReport:
    """Read a feed document and write its missions; raises FeedInvalid before writing anything."""
    from marketplace.reference.places import postcode_for_town

    parsed = parse_feed(source, today=today or date.today(), towns=postcode_for_town)
    report = FeedReport(missions_read=parsed.missions_read)
    report.problems = [(p.position, p.client_id, p.element, str(p.reason)) for p in parsed.problems]
    begin_outer_transaction()
    known = _known_missions(feed)
    groups = _grouped(parsed.records)
    present = {record.key for record in parsed.records}
    for done, group in enumerate(groups, start=1):
        first = group[0]
        try:
            with db.session.begin_nested():
                actions = _write_mission(feed, group, known)
        except LineRejected as error:
            element = ELEMENTS.get(error.field, error.field)
            report.problems.append((first.row.line, first.client_id, element, str(error.reason)))
            present.difference_update(record.key for record in group)
            known = _known_missions(feed)  # the savepoint's rollback expired what it added
        except SQLAlchemyError as error:
            logger.warning("Feed %s mission %s not saved: %s", feed.id, first.client_id, type(error).__name__)
            report.problems.append(
                (
                    first.row.line,
                    first.client_id,
                    "mission",
                    str(_l("This mission conflicts with data already saved: it was skipped.")),
                )
            )
            known = _known_missions(feed)
        else:
            for action in actions:
                setattr(report, action, getattr(report, action) + 1)
            report.warnings.extend(
                (w.line, first.client_id, ELEMENTS.get(w.field, w.field), str(w.reason))
                for r in group
                for w in r.warnings
            )
        if progress is not None:
            progress(done, len(groups))
    # Refused missions stay as they were (not closed): a bad edit upstream must not hide a mission.
    refused_ids = {client_id for _, client_id, *_ in report.problems}
    present.update(key for key in known if key.split("#", 1)[0] in refused_ids)
    report.closed = _close_missing(feed, present, known)
    report.problems.sort(key=lambda problem: problem[0])
    return report


def file_feed(path: str) -> Feed:
    """The feed standing for a file imported by the command line (one per file name)."""
    name = f"file:{os.path.basename(path)}"[:160]
    feed = db.session.scalar(select(Feed).where(Feed.name == name, Feed.url.is_(None)))
    if feed is None:
        feed = Feed(name=name)
        db.session.add(feed)
        db.session.flush()
    return feed


def _record_outcome(feed: Feed, report: FeedReport) -> None:
    feed.last_synced_at = utcnow()
    feed.last_status = str(report.status)
    feed.last_report = report.as_json()
    feed.last_error = report.error


def sync_feed(feed_id: int, *, progress: Progress | None = None, today: date | None = None) -> FeedReport:
    """Fetch one registered feed and apply it; commits its own work (one unit per feed).

    A fetch or parse failure rolls the missions back and records only the feed's status.
    """
    feed = db.session.get_one(Feed, feed_id)
    if not feed.url:
        raise FeedRefused(_l("This feed has no address to fetch."))
    config = current_app.config
    try:
        fetched = fetch(
            feed.url,
            etag=feed.etag,
            last_modified=feed.last_modified,
            allow_local=allow_local(),
            max_bytes=config.get("FEEDS_MAX_BYTES", 50 * 1024 * 1024),
            timeout=config.get("FEEDS_TIMEOUT_SECONDS", 30.0),
        )
    except FetchFailed as error:
        report = FeedReport(status=SyncStatus.FETCH_FAILED, error=str(error)[:1000])
        _record_outcome(feed, report)
        db.session.commit()
        return report
    if fetched.not_modified:
        report = FeedReport(status=SyncStatus.NOT_MODIFIED)
        _record_outcome(feed, report)
        db.session.commit()
        return report
    assert fetched.body is not None
    try:
        with fetched.body:
            report = import_feed_source(feed, fetched.body, today=today, progress=progress)
    except FeedInvalid as error:
        db.session.rollback()
        feed = db.session.get_one(Feed, feed_id)
        report = FeedReport(status=SyncStatus.PARSE_FAILED, error=str(error.reason)[:1000])
        _record_outcome(feed, report)
        db.session.commit()
        return report
    feed.etag, feed.last_modified = fetched.etag, fetched.last_modified
    _record_outcome(feed, report)
    db.session.commit()
    return report


def sync_all(*, today: date | None = None) -> list[tuple[Feed, FeedReport]]:
    """Every registered feed, one after the other; one failing never stops the others."""
    ids = list(db.session.scalars(select(Feed.id).where(Feed.url.is_not(None)).order_by(Feed.id)))
    results = []
    for feed_id in ids:
        try:
            report = sync_feed(feed_id, today=today)
        except Exception:  # a bug on one feed must not stop the cron run for the others
            db.session.rollback()
            logger.exception("Feed %s could not be synced", feed_id)
            report = FeedReport(status=SyncStatus.PARSE_FAILED, error="internal error")
        results.append((db.session.get_one(Feed, feed_id), report))
    return results


def missions_of(feed: Feed) -> list[Mission]:
    return list(
        db.session.scalars(
            select(Mission)
            .join(FeedMission, FeedMission.mission_id == Mission.id)
            .where(FeedMission.feed_id == feed.id)
            .order_by(Mission.title)
        )
    )
