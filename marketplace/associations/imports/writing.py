"""Writing an import: where each line goes, then one upsert per valid line (database).

Each good line is written in its own SAVEPOINT, so a line failing in the database leaves nothing
behind, and is reported like a bad line. Re-importing a line with the same ``external_id`` for
the same association updates its mission. Functions flush, never commit: the caller commits once.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from datetime import date

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from marketplace.accounts.models import User
from marketplace.accounts.services import unique_association_slug
from marketplace.associations.imports.parsing import (
    ASSOCIATION_FIELD,
    WHOLE_LINE,
    LineProblem,
    LineWarning,
    MissionRow,
    parse_missions,
)
from marketplace.associations.missions import MissionData
from marketplace.associations.models import Association, Mission, MissionReview
from marketplace.associations.moderation import needs_moderation
from marketplace.associations.permissions import can_manage_association, moderated_association_ids
from marketplace.domain import NotAllowed
from marketplace.extensions import db
from marketplace.models_base import utcnow
from marketplace.statuses import MissionStatus, ReviewAction

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class LineOutcome:
    line: int
    mission_id: int
    title: str
    association_name: str


@dataclass
class ImportReport:
    created: list[LineOutcome] = field(default_factory=list)
    updated: list[LineOutcome] = field(default_factory=list)
    problems: list[LineProblem] = field(default_factory=list)
    warnings: list[LineWarning] = field(default_factory=list)  # fields not kept, on imported lines

    @property
    def rejected_lines(self) -> list[int]:
        return sorted({problem.line for problem in self.problems})

    @property
    def counts(self) -> tuple[int, int, int]:
        """(created, updated, rejected lines)."""
        return len(self.created), len(self.updated), len(self.rejected_lines)


# --- finding the association of each line ------------------------------------------------------


class LineRejected(Exception):
    """A line the database state refuses (field, reason); the line is skipped, nothing written."""

    def __init__(self, field_name: str, reason: object):
        super().__init__(str(reason))
        self.field = field_name
        self.reason = reason


def _name_key(name: str) -> str:
    # casefold in Python: SQLite's lower() ignores accents ("ÉCOLE" != "école").
    return " ".join(name.split()).casefold()


class AssociationFinder:
    """Where a line goes: a member's own association, a network's associations, or any (created)."""

    def __init__(
        self,
        *,
        fixed: Association | None = None,
        allowed_ids: list[int] | None = None,
        create_missing: bool = False,
    ):
        self.fixed = fixed
        self.create_missing = create_missing
        self._by_name: dict[str, list[int]] | None = None
        self._allowed_ids = allowed_ids

    def _index(self) -> dict[str, list[int]]:
        if self._by_name is None:
            query = select(Association.id, Association.name)
            if self._allowed_ids is not None:
                query = query.where(Association.id.in_(self._allowed_ids or [-1]))
            self._by_name = {}
            for association_id, name in db.session.execute(query):
                self._by_name.setdefault(_name_key(name), []).append(association_id)
        return self._by_name

    def find(self, row: MissionRow) -> Association:
        """The association of this row, created when allowed; raises LineRejected otherwise."""
        if self.fixed is not None:
            return self.fixed
        if not row.association_name:
            raise LineRejected(ASSOCIATION_FIELD, _l("Give the name of the association."))
        ids = self._index().get(_name_key(row.association_name), [])
        if len(ids) > 1:
            raise LineRejected(
                ASSOCIATION_FIELD, _l("Several associations have this name: rename one of them.")
            )
        if ids:
            return db.session.get_one(Association, ids[0])
        if not self.create_missing:
            raise LineRejected(ASSOCIATION_FIELD, _l("No association of your network has this name."))
        return _new_association(row)

    def remember(self, association: Association) -> None:
        """Called once a line is saved, so an association created by it is found by the next lines."""
        if self._by_name is not None and self.fixed is None:
            ids = self._by_name.setdefault(_name_key(association.name), [])
            if association.id not in ids:
                ids.append(association.id)


def _new_association(row: MissionRow) -> Association:
    from marketplace.reference.places import place_for

    data = row.data
    association = Association(
        name=row.association_name,
        slug=unique_association_slug(row.association_name),
        city=data.city,
        postcode=data.postcode,
    )
    place = place_for(data.postcode, data.city) if data.postcode else None
    if place is not None:
        association.lat, association.lon = place.lat, place.lon
    db.session.add(association)
    db.session.flush()
    return association


def finder_for(by: User | None, association: Association | None = None) -> AssociationFinder:
    """Who imports decides where lines may go; None is the trusted command line."""
    if by is None or by.role == "site_admin":
        return AssociationFinder(create_missing=True)
    if by.role == "network_admin":
        return AssociationFinder(allowed_ids=moderated_association_ids(by) or [])
    if by.role == "association" and association is not None and can_manage_association(by, association):
        return AssociationFinder(fixed=association)
    raise NotAllowed(_l("You cannot import missions for this association."))


# --- writing -----------------------------------------------------------------------------------


def _with_coordinates(data: MissionData) -> MissionData:
    from marketplace.reference.places import place_for

    if data.lat is not None and data.lon is not None:
        return data
    if data.remote and not data.postcode:
        return replace(data, lat=None, lon=None)
    place = place_for(data.postcode, data.city)
    return replace(data, lat=place.lat, lon=place.lon) if place else data


def _existing_mission(association: Association, external_id: str | None) -> Mission | None:
    if not external_id:
        return None
    return db.session.scalar(
        select(Mission).where(Mission.association_id == association.id, Mission.external_id == external_id)
    )


def _publish(mission: Mission) -> None:
    mission.status = MissionStatus.PUBLISHED
    mission.published_at = mission.published_at or utcnow()


def _write(mission: Mission, data: MissionData) -> None:
    for name in MissionData.__dataclass_fields__:
        setattr(mission, name, getattr(data, name))


def _create(association: Association, data: MissionData, *, by: User | None) -> Mission:
    mission = Mission(association=association)
    _write(mission, data)
    if needs_moderation(association, by):
        mission.status = MissionStatus.PENDING_REVIEW
        db.session.add(MissionReview(mission=mission, actor=by, action=ReviewAction.SUBMITTED))
    else:
        _publish(mission)
        db.session.add(MissionReview(mission=mission, actor=by, action=ReviewAction.IMPORTED))
    db.session.add(mission)
    return mission


def _update(mission: Mission, data: MissionData, *, by: User | None) -> Mission:
    # The same refusals as the editor's update_mission.
    if mission.status in (MissionStatus.CLOSED, MissionStatus.CANCELLED):
        raise LineRejected(
            "external_id", _l("This mission is closed or cancelled: an import can no longer change it.")
        )
    if data.capacity < mission.seats_taken:
        raise LineRejected(
            "capacity",
            _l("%(n)d volunteers are already accepted: capacity cannot be lower.", n=mission.seats_taken),
        )
    if needs_moderation(mission.association, by) and mission.status != MissionStatus.PUBLISHED:
        _write(mission, data)
        mission.status = MissionStatus.PENDING_REVIEW
        db.session.add(MissionReview(mission=mission, actor=by, action=ReviewAction.SUBMITTED))
        return mission
    changed = MissionData.from_mission(mission) != data or mission.status != MissionStatus.PUBLISHED
    _write(mission, data)
    _publish(mission)
    if changed:
        db.session.add(MissionReview(mission=mission, actor=by, action=ReviewAction.IMPORTED))
    return mission


def write_row(
    row: MissionRow, association: Association, *, by: User | None, existing: Mission | None = None
) -> tuple[str, Mission]:
    """The one writing path of every import (files, feeds): update the mission found, else create.

    ``existing`` is the mission the caller already knows this row stands for (a feed keys its
    missions itself); otherwise it is found by association and ``external_id``. Raises
    ``LineRejected`` for a line the database state refuses. Returns ("created" | "updated" |
    "unchanged", mission).
    """
    data = _with_coordinates(row.data)
    if existing is None:
        existing = _existing_mission(association, data.external_id)
    if existing is not None:
        unchanged = MissionData.from_mission(existing) == data and existing.status == MissionStatus.PUBLISHED
        mission, action = _update(existing, data, by=by), "unchanged" if unchanged else "updated"
    else:
        mission, action = _create(association, data, by=by), "created"
    db.session.flush()
    return action, mission


def _save_row(row: MissionRow, finder: AssociationFinder, *, by: User | None) -> tuple[str, Mission]:
    action, mission = write_row(row, finder.find(row), by=by)
    return ("updated" if action == "unchanged" else action), mission


def begin_outer_transaction() -> None:
    # pysqlite does not open a transaction before SAVEPOINT, so the first RELEASE would commit.
    # Opening it explicitly keeps "commit once at the end" true on SQLite as on PostgreSQL.
    connection = db.session.connection()
    driver = connection.connection.dbapi_connection
    if connection.dialect.name == "sqlite" and driver is not None and not driver.in_transaction:
        connection.exec_driver_sql("BEGIN")


def import_missions(
    text: str,
    fmt: str,
    *,
    by: User | None,
    association: Association | None = None,
    today: date | None = None,
) -> ImportReport:
    """Create or update (by association and external_id) a mission per valid line.

    Lines are published, except those uploaded by members of unverified associations, which
    go to moderation (see ``needs_moderation``).
    """
    finder = finder_for(by, association)
    from marketplace.reference.places import postcode_for_town

    parsed = parse_missions(text, fmt, today=today or date.today(), towns=postcode_for_town)
    report = ImportReport(problems=list(parsed.problems))
    begin_outer_transaction()
    for row in parsed.rows:
        try:
            with db.session.begin_nested():
                action, mission = _save_row(row, finder, by=by)
        except LineRejected as error:
            report.problems.append(LineProblem(row.line, error.field, error.reason))
            continue
        except SQLAlchemyError as error:
            logger.warning("Import line %s could not be saved: %s", row.line, type(error).__name__)
            report.problems.append(
                LineProblem(
                    row.line, WHOLE_LINE, _l("This line conflicts with data already saved: it was skipped.")
                )
            )
            continue
        finder.remember(mission.association)
        outcome = LineOutcome(row.line, mission.id, mission.title, mission.association.name)
        (report.created if action == "created" else report.updated).append(outcome)
        report.warnings.extend(_warnings_of(row, finder))
    report.problems.sort(key=lambda problem: problem.line)
    report.warnings.sort(key=lambda warning: warning.line)
    return report


def _warnings_of(row: MissionRow, finder: AssociationFinder) -> list[LineWarning]:
    """The line's ignored fields, and its association name when the line goes elsewhere."""
    found = list(row.warnings)
    fixed = finder.fixed
    if (
        fixed is not None
        and row.association_name
        and _name_key(row.association_name) != _name_key(fixed.name)
    ):
        found.append(
            LineWarning(
                row.line,
                ASSOCIATION_FIELD,
                _l("Ignored: your missions go to %(name)s, whatever the file says.", name=fixed.name),
            )
        )
    return found
