"""Writing an import: where each line goes, then one upsert per valid line (database).

Each good line is written in its own SAVEPOINT, so a line failing in the database leaves nothing
behind, and is reported like a bad line. Re-importing a line with the same ``external_id`` for
the same association updates its mission. Functions flush, never commit: the caller commits once.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from enum import Enum
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import JSON, Integer, String, insert, inspect, select, text
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from marketplace.accounts.email_links import require_verified
from marketplace.accounts.models import User
from marketplace.accounts.services import unique_association_slug
from marketplace.associations.imports.parsing import (
    ASSOCIATION_FIELD,
    WHOLE_LINE,
    LineProblem,
    LineWarning,
    MissionRow,
    ParsedFile,
    parse_missions,
)
from marketplace.associations.missions import MissionData
from marketplace.associations.models import Association, Mission, MissionReview
from marketplace.associations.moderation import needs_moderation
from marketplace.associations.permissions import can_manage_association, moderated_association_ids
from marketplace.domain import NotAllowed
from marketplace.extensions import db
from marketplace.missions.changes import mark_changed
from marketplace.models_base import utcnow
from marketplace.search.bulk import search_bulk_writes
from marketplace.statuses import MissionStatus, ReviewAction

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class LineOutcome:
    line: int
    mission_id: int
    title: str
    association_name: str
    published: bool = True  # False: sent to moderation (an unverified association's member)
    unchanged: bool = False  # identical to its mission: nothing was written


@dataclass
class ImportReport:
    created: list[LineOutcome] = field(default_factory=list)
    updated: list[LineOutcome] = field(default_factory=list)
    problems: list[LineProblem] = field(default_factory=list)
    warnings: list[LineWarning] = field(default_factory=list)  # fields not kept, on imported lines
    _converted: dict[str, list[dict[str, Any]]] = field(default_factory=dict, repr=False, compare=False)

    @property
    def rejected_lines(self) -> list[int]:
        return sorted({problem.line for problem in self.problems})

    @property
    def counts(self) -> tuple[int, int, int]:
        """(created, updated, rejected lines); unchanged lines count as updated."""
        return len(self.created), len(self.updated), len(self.rejected_lines)

    def saved(self, limit: int | None = None) -> list[tuple[LineOutcome, str]]:
        """(outcome, "created" or "updated") by line, the first ``limit`` of them."""
        both = [(o, "created") for o in self.created] + [(o, "updated") for o in self.updated]
        return sorted(both, key=lambda pair: pair[0].line)[:limit]

    @property
    def unchanged(self) -> int:
        return sum(1 for outcome in self.updated if outcome.unchanged)

    @property
    def sent_to_moderation(self) -> int:
        return sum(1 for outcome in (*self.created, *self.updated) if not outcome.published)

    def to_json(self) -> dict[str, Any]:
        """A plain record (reasons as text in the current language), for a job's row."""
        return {
            "created": self._outcomes_json("created"),
            "updated": self._outcomes_json("updated"),
            "problems": [[p.line, p.field, str(p.reason)] for p in self.problems],
            "warnings": [[w.line, w.field, str(w.reason)] for w in self.warnings],
        }

    def _outcomes_json(self, name: str) -> list[dict[str, Any]]:
        # A job saves its report after every batch: outcomes only ever get appended, so those
        # already converted are kept rather than converted again (quadratic over a large file).
        outcomes = getattr(self, name)
        converted = self._converted.setdefault(name, [])
        converted.extend(asdict(outcome) for outcome in outcomes[len(converted) :])
        return list(converted)

    @classmethod
    def from_json(cls, record: dict[str, Any]) -> ImportReport:
        return cls(
            created=[LineOutcome(**outcome) for outcome in record.get("created", [])],
            updated=[LineOutcome(**outcome) for outcome in record.get("updated", [])],
            problems=[LineProblem(*problem) for problem in record.get("problems", [])],
            warnings=[LineWarning(*warning) for warning in record.get("warnings", [])],
        )


class LinesDone:
    """How many lines a growing report covers, counted as it grows (progress after each batch:
    recounting the whole report every batch costs quadratic time over a large file)."""

    def __init__(self) -> None:
        self._seen: set[int] = set()
        self._sizes = (0, 0, 0)

    def __call__(self, report: ImportReport) -> int:
        created, updated, problems = self._sizes
        self._seen.update(outcome.line for outcome in report.created[created:])
        self._seen.update(outcome.line for outcome in report.updated[updated:])
        self._seen.update(problem.line for problem in report.problems[problems:])
        self._sizes = (len(report.created), len(report.updated), len(report.problems))
        return len(self._seen)


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
        self._loaded: dict[int, Association] = {}
        # Created by lines not committed yet (this batch, or this line's savepoint), by name key.
        self._pending: dict[str, Association] = {}
        self.places: dict[tuple[str, str], Any] = {}  # (postcode, town) -> place, for this import
        self._destinations: dict[int, _Destination] = {}

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
            if ids[0] not in self._loaded:
                self._loaded[ids[0]] = db.session.get_one(Association, ids[0])
            return self._loaded[ids[0]]
        if not self.create_missing:
            raise LineRejected(ASSOCIATION_FIELD, _l("No association of your network has this name."))
        pending = self._pending.get(_name_key(row.association_name))
        if pending is None:
            pending = self._pending[_name_key(row.association_name)] = _new_association(row)
        return pending

    def destination(self, association: Association, by: User | None) -> _Destination:
        """The association's facts for a batch, read once per import: after each batch's commit
        the ORM expires the association, and reading its attributes again would cost a query."""
        identity: tuple[Any, ...] | None = inspect(association).identity  # known even when expired
        association_id: int = identity[0] if identity else association.id
        found = self._destinations.get(association_id)
        if found is None:
            found = _Destination(association_id, association.name, needs_moderation(association, by))
            self._destinations[association_id] = found
        return found

    def keep_pending(self) -> None:
        """The lines that created associations are saved: later lines find those associations."""
        for association in self._pending.values():
            self.remember(association)
        self._pending.clear()

    def drop_pending(self) -> None:
        """The lines that created associations were rolled back: so were the associations."""
        self._pending.clear()

    def remember(self, association: Association) -> None:
        """Called once a line is saved, so an association created by it is found by the next lines."""
        if self._by_name is not None and self.fixed is None:
            ids = self._by_name.setdefault(_name_key(association.name), [])
            if association.id not in ids:
                ids.append(association.id)
            self._loaded[association.id] = association


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


def _with_coordinates(data: MissionData, places: dict[tuple[str, str], Any] | None = None) -> MissionData:
    """The line's coordinates, from its postcode and town when it gives none.

    ``places`` caches the look-ups over one import (files repeat the same towns).
    """
    from marketplace.reference.places import place_for

    if data.lat is not None and data.lon is not None:
        return data
    if data.remote and not data.postcode:
        return replace(data, lat=None, lon=None)
    key = (data.postcode, data.city)
    if places is None or key not in places:
        place = place_for(data.postcode, data.city)
        if places is not None:
            places[key] = place
    else:
        place = places[key]
    return replace(data, lat=place.lat, lon=place.lon) if place else data


def _publish(mission: Mission) -> None:
    mission.status = MissionStatus.PUBLISHED
    mission.published_at = mission.published_at or utcnow()


def _write(mission: Mission, data: MissionData) -> None:
    for name in MissionData.__dataclass_fields__:
        setattr(mission, name, getattr(data, name))


def _create(association_id: int, data: MissionData, *, by: User | None, moderated: bool) -> Mission:
    # By id, not Mission(association=...): adding through the relationship walks the
    # association's whole missions collection on every add (quadratic over a large import).
    mission = Mission(association_id=association_id)
    _write(mission, data)
    if moderated:
        mission.status = MissionStatus.PENDING_REVIEW
        db.session.add(MissionReview(mission=mission, actor=by, action=ReviewAction.SUBMITTED))
    else:
        _publish(mission)
        db.session.add(MissionReview(mission=mission, actor=by, action=ReviewAction.IMPORTED))
    db.session.add(mission)
    return mission


def _update(mission: Mission, data: MissionData, *, by: User | None, moderated: bool) -> Mission:
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
    if moderated and mission.status != MissionStatus.PUBLISHED:
        _write(mission, data)
        mission.status = MissionStatus.PENDING_REVIEW
        db.session.add(MissionReview(mission=mission, actor=by, action=ReviewAction.SUBMITTED))
        return mission
    changed = mission.content_hash != data.content_hash() or mission.status != MissionStatus.PUBLISHED
    _write(mission, data)
    _publish(mission)
    if changed:
        db.session.add(MissionReview(mission=mission, actor=by, action=ReviewAction.IMPORTED))
    return mission


def write_row(
    row: MissionRow, association: Association, *, by: User | None, existing: Mission | None = None
) -> tuple[str, int]:
    """One line at a time (feeds, one savepoint per feed mission): update the mission found, else create.

    ``existing`` is the mission the caller already knows this row stands for (a feed keys its
    missions itself); otherwise it is found by association and ``external_id`` with the batches'
    own lookup, and "unchanged" is the batches' own digest check. Raises ``LineRejected`` for a
    line the database state refuses. Returns ("created" | "updated" | "unchanged", mission id).
    """
    data = _with_coordinates(row.data)
    moderated = needs_moderation(association, by)
    known = _known_of(existing) if existing is not None else None
    if known is None and data.external_id:
        key = (association.id, data.external_id)
        known = _known_missions({key}).get(key)
    if known is not None and _is_unchanged(known, data, moderated=moderated):
        return "unchanged", known.id
    if known is not None:
        mission = _update(existing or db.session.get_one(Mission, known.id), data, by=by, moderated=moderated)
        action = "updated"
    else:
        mission, action = _create(association.id, data, by=by, moderated=moderated), "created"
    db.session.flush()
    return action, mission.id


def begin_outer_transaction() -> None:
    # pysqlite does not open a transaction before SAVEPOINT, so the first RELEASE would commit.
    # Opening it explicitly keeps "commit once at the end" true on SQLite as on PostgreSQL.
    connection = db.session.connection()
    driver = connection.connection.dbapi_connection
    if connection.dialect.name == "sqlite" and driver is not None and not driver.in_transaction:
        connection.exec_driver_sql("BEGIN")


# --- batches -----------------------------------------------------------------------------------

DEFAULT_BATCH_SIZE = 500
BatchDone = Callable[["ImportReport", int], None]  # (report so far, last line written)


@dataclass(frozen=True)
class _Known:
    """What a batch needs to know of an already imported mission, without loading it."""

    id: int
    content_hash: str | None
    status: str


def _known_of(mission: Mission) -> _Known:
    return _Known(mission.id, mission.content_hash, mission.status)


def _known_missions(keys: set[tuple[int, str]]) -> dict[tuple[int, str], _Known]:
    """(association id, external_id) -> the mission holding it: the one lookup of every import
    path, one query for a whole batch."""
    if not keys:
        return {}
    # The pairs as one table joined to the (association_id, external_id) unique index: one index
    # probe a pair. A list of (a, b) pairs (or two IN lists) is read as a filter over every row
    # of the table (PostgreSQL: seconds at 10,000 missions; SQLite: 25 ms a batch at 100,000),
    # and 1,000 separate parameters cost the driver more than the query.
    pairs = sorted(keys)
    if db.session.get_bind().dialect.name == "postgresql":
        table = (
            "unnest(CAST(:association_ids AS integer[]), CAST(:external_ids AS text[]))"
            " AS wanted (association_id, external_id)"
        )
        parameters: dict[str, Any] = {
            "association_ids": [a for a, _ in pairs],
            "external_ids": [e for _, e in pairs],
        }
        wanted = f"SELECT association_id, external_id FROM {table}"
    else:
        parameters = {"pairs": json.dumps(pairs, ensure_ascii=False)}
        wanted = (
            "SELECT json_extract(value, '$[0]') AS association_id, json_extract(value, '$[1]') AS external_id"
            " FROM json_each(:pairs)"
        )
    keys_table = text(wanted).columns(association_id=Integer, external_id=String).subquery()
    query = select(
        Mission.id, Mission.association_id, Mission.external_id, Mission.content_hash, Mission.status
    ).join(
        keys_table,
        (Mission.association_id == keys_table.c.association_id)
        & (Mission.external_id == keys_table.c.external_id),
    )
    found: dict[tuple[int, str], _Known] = {}
    rows = db.session.execute(query, parameters)
    for mission_id, association_id, external_id, content_hash, status in rows:
        found[(association_id, external_id)] = _Known(mission_id, content_hash, status)
    return found


def _is_unchanged(known: _Known, data: MissionData, *, moderated: bool) -> bool:
    """The one "unchanged" check: same digest (``missions.content_hash``, kept by every write) and
    already where this import would put it: nothing to write."""
    if known.content_hash != data.content_hash():
        return False
    return known.status == MissionStatus.PUBLISHED or (
        moderated and known.status == MissionStatus.PENDING_REVIEW
    )


@dataclass(frozen=True)
class _Destination:
    """The facts of a line's association a batch needs, read once per import (not per commit)."""

    id: int
    name: str
    moderated: bool  # what this importer writes there goes to moderation


@dataclass
class _Planned:
    row: MissionRow
    association: _Destination
    data: MissionData
    known: _Known | None
    mission: Mission | _NewMission | None = None
    action: str = ""


def _plan(
    rows: list[MissionRow], finder: AssociationFinder, report: ImportReport, *, by: User | None = None
) -> list[_Planned]:
    """Find each row's association and coordinates, and the missions already holding their
    external_ids (one query); rows refused here go to the report."""
    planned = []
    for row in rows:
        try:
            association = finder.find(row)
        except LineRejected as error:
            report.problems.append(LineProblem(row.line, error.field, error.reason))
            continue
        destination = finder.destination(association, by)
        planned.append(_Planned(row, destination, _with_coordinates(row.data, finder.places), None))
    keys = {(item.association.id, item.data.external_id) for item in planned if item.data.external_id}
    known = _known_missions(keys)
    for item in planned:
        if item.data.external_id:
            item.known = known.get((item.association.id, item.data.external_id))
    return planned


@dataclass
class _NewMission:
    """A mission the batch inserts in one statement with the others (its id comes after)."""

    values: dict[str, Any]
    review_action: str
    id: int = 0

    @property
    def title(self) -> str:
        return self.values["title"]

    @property
    def status(self) -> str:
        return self.values["status"]

    def rewrite(self, data: MissionData) -> None:
        """A later line of the same file with the same external_id: it wins."""
        self.values.update(_data_values(data))


def _data_values(data: MissionData) -> dict[str, Any]:
    values = {name: getattr(data, name) for name in MissionData.__dataclass_fields__}
    values["content_hash"] = data.content_hash()
    return values


def _new_mission(association: _Destination, data: MissionData) -> _NewMission:
    """What ``_create`` writes, as column values: published, or sent to moderation."""
    moderated = association.moderated
    now = utcnow()
    values = _data_values(data)
    values.update(
        association_id=association.id,
        status=MissionStatus.PENDING_REVIEW if moderated else MissionStatus.PUBLISHED,
        published_at=None if moderated else now,
        seats_taken=0,
        created_at=now,
        updated_at=now,
    )
    return _NewMission(values, ReviewAction.SUBMITTED if moderated else ReviewAction.IMPORTED)


def _insert_new(new: list[_NewMission], *, by: User | None) -> None:
    """One INSERT for the batch's new missions and one for their history lines; the change
    pipeline is told once (the ORM's flush hooks do not see bulk statements)."""
    if not new:
        return
    ids = _insert_missions([mission.values for mission in new])
    for mission, mission_id in zip(new, ids, strict=True):
        mission.id = mission_id
    actor_id = by.id if by is not None else None
    db.session.execute(
        insert(MissionReview),
        [{"mission_id": m.id, "actor_id": actor_id, "action": m.review_action} for m in new],
    )
    mark_changed(db.session, missions=ids)


def _insert_missions(rows: list[dict[str, Any]]) -> list[int]:
    """INSERT these missions in one go; their ids, in order."""
    if db.session.get_bind().dialect.name == "postgresql":
        # Ids drawn from the sequence first, then one COPY: a multi-row INSERT ... RETURNING of
        # 500 rows x 30 columns spent most of its time having its 15,000 placeholders rewritten
        # by the driver, and an executemany runs 500 statements.
        sequence = text(
            "SELECT nextval(pg_get_serial_sequence('missions', 'id')) FROM generate_series(1, :n)"
        )
        ids = list(db.session.scalars(sequence, {"n": len(rows)}))
        _copy_missions([{**row, "id": mission_id} for row, mission_id in zip(rows, ids, strict=True)])
        return ids
    statement = insert(Mission).returning(Mission.id, sort_by_parameter_order=True)
    return list(db.session.scalars(statement, rows))


_JSON_COLUMNS = frozenset(
    column.name for column in Mission.__table__.columns if isinstance(column.type, JSON)
)


def _copy_missions(rows: list[dict[str, Any]]) -> None:
    """COPY these mission rows (every row with the same columns) on the session's connection."""
    columns = list(rows[0])
    driver = db.session.connection().connection.dbapi_connection
    assert driver is not None
    names = ", ".join(f'"{Mission.__table__.columns[name].name}"' for name in columns)
    statement = f"COPY {Mission.__tablename__} ({names}) FROM STDIN"
    import psycopg

    try:
        with driver.cursor() as cursor, cursor.copy(statement) as copy:  # type: ignore[attr-defined]
            for row in rows:
                copy.write_row([_copy_value(name, row[name]) for name in columns])
    except psycopg.Error as error:  # as SQLAlchemy raises it: the batch is retried line by line
        raise DBAPIError.instance(statement, None, error, psycopg.Error) from error


def _copy_value(column: str, value: Any) -> Any:
    if column in _JSON_COLUMNS:
        return json.dumps(value, ensure_ascii=False)
    return value.value if isinstance(value, Enum) else value


def _write_batch(planned: list[_Planned], *, by: User | None, report: ImportReport) -> list[_Planned]:
    """Write every planned row: new missions in one INSERT, changed ones in one flush; return
    the rows written or unchanged.

    Raises SQLAlchemyError when a statement fails (the caller rolls the batch back and retries
    it line by line). A file naming the same external_id twice: the later line wins.
    """
    written: list[_Planned] = []
    created_here: dict[tuple[int, str], _NewMission] = {}
    new: list[_NewMission] = []
    changed = [
        item
        for item in planned
        if item.known is not None
        and not _is_unchanged(item.known, item.data, moderated=item.association.moderated)
    ]
    to_load = [item.known.id for item in changed if item.known is not None]
    loaded = (
        {m.id: m for m in db.session.scalars(select(Mission).where(Mission.id.in_(to_load)))}
        if to_load
        else {}
    )
    for item in planned:
        key = (item.association.id, item.data.external_id or "")
        earlier = created_here.get(key) if item.data.external_id else None
        try:
            if earlier is not None:
                earlier.rewrite(item.data)
                item.mission, item.action = earlier, "updated"
            elif item.known is not None and item.known.id not in loaded:
                item.action = "unchanged"
            elif item.known is not None:
                mission = _update(
                    loaded[item.known.id], item.data, by=by, moderated=item.association.moderated
                )
                item.mission, item.action = mission, "updated"
            else:
                item.mission = _new_mission(item.association, item.data)
                item.action = "created"
                new.append(item.mission)
                if item.data.external_id:
                    created_here[key] = item.mission
        except LineRejected as error:
            report.problems.append(LineProblem(item.row.line, error.field, error.reason))
            continue
        written.append(item)
    db.session.flush()
    _insert_new(new, by=by)
    return written


def _write_line_by_line(
    rows: list[MissionRow], finder: AssociationFinder, *, by: User | None, report: ImportReport
) -> list[_Planned]:
    """The slow path, after a batch failed in the database: each line in its own savepoint,
    an association it creates included."""
    written = []
    for row in rows:
        problems_before = len(report.problems)
        try:
            with db.session.begin_nested():
                planned = _plan([row], finder, report, by=by)
                if not planned:
                    continue
                item = planned[0]
                moderated = item.association.moderated
                if item.known is not None:
                    existing = db.session.get_one(Mission, item.known.id)
                    item.mission = _update(existing, item.data, by=by, moderated=moderated)
                    item.action = "updated"
                else:
                    item.mission = _create(item.association.id, item.data, by=by, moderated=moderated)
                    item.action = "created"
                db.session.flush()
        except LineRejected as error:
            finder.drop_pending()
            report.problems.append(LineProblem(row.line, error.field, error.reason))
            continue
        except SQLAlchemyError as error:
            finder.drop_pending()
            del report.problems[problems_before:]
            logger.warning("Import line %s could not be saved: %s", row.line, type(error).__name__)
            report.problems.append(
                LineProblem(
                    row.line,
                    WHOLE_LINE,
                    _l("This line conflicts with data already saved: it was skipped."),
                )
            )
            continue
        finder.keep_pending()
        written.append(item)
    return written


def _record(written: list[_Planned], finder: AssociationFinder, report: ImportReport) -> None:
    for item in written:
        mission = item.mission
        if mission is None:  # unchanged: nothing was loaded or written
            outcome = LineOutcome(
                item.row.line,
                item.known.id if item.known else 0,
                item.data.title,
                item.association.name,
                published=item.known is not None and item.known.status == MissionStatus.PUBLISHED,
                unchanged=True,
            )
        else:
            outcome = LineOutcome(
                item.row.line,
                mission.id,
                mission.title,
                item.association.name,
                published=mission.status == MissionStatus.PUBLISHED,
            )
        (report.created if item.action == "created" else report.updated).append(outcome)
        report.warnings.extend(_warnings_of(item.row, finder))


def _import_batch(
    rows: list[MissionRow], finder: AssociationFinder, *, by: User | None, report: ImportReport
) -> None:
    """Write one batch: all its valid lines in one flush, or line by line when that fails."""
    problems_before = len(report.problems)
    bulk = search_bulk_writes(db.session)
    try:
        with db.session.begin_nested():
            planned = _plan(rows, finder, report, by=by)
            bulk.begin()
            written = _write_batch(planned, by=by, report=report)
            # Unchanged lines wrote nothing: their search rows stay as they are.
            bulk.end({item.mission.id for item in written if item.mission is not None})
    except SQLAlchemyError as error:
        logger.info("Import batch failed (%s): retrying it line by line", type(error).__name__)
        finder.drop_pending()
        del report.problems[problems_before:]
        written = _write_line_by_line(rows, finder, by=by, report=report)
    else:
        finder.keep_pending()
    _record(written, finder, report)


def import_missions(
    text: str,
    fmt: str,
    *,
    by: User | None,
    association: Association | None = None,
    today: date | None = None,
    batch_size: int | None = None,
    on_batch: BatchDone | None = None,
    resume: ImportReport | None = None,
    resume_after_line: int = 0,
    parsed: ParsedFile | None = None,
) -> ImportReport:
    """Create or update (by association and external_id) a mission per valid line.

    Lines are published, except those uploaded by members of unverified associations, which
    go to moderation (see ``needs_moderation``). A line identical to its mission is left alone.

    Lines are written in batches of ``batch_size``, each in one flush. ``on_batch(report,
    last_line)`` runs after each batch is written: a caller committing there (the background
    job) keeps every batch whole (all its valid lines, or none of them after a crash) and, with
    ``resume``/``resume_after_line``, carries on after the last committed batch. Without it,
    nothing is committed here: the caller commits once. ``parsed`` is the file already read by
    ``parse_import`` (a caller counting its lines first does not read it twice).
    """
    if by is not None:
        require_verified(by)  # an import publishes or submits: the address must be confirmed
    batch_size = batch_size or DEFAULT_BATCH_SIZE
    finder = finder_for(by, association)
    if parsed is None:
        parsed = parse_import(text, fmt, today)
    report = resume if resume is not None else ImportReport()
    rows = [row for row in parsed.rows if row.line > resume_after_line]
    problems = sorted((p for p in parsed.problems if p.line > resume_after_line), key=lambda p: p.line)
    begin_outer_transaction()
    for start in range(0, max(len(rows), 1), batch_size):
        batch = rows[start : start + batch_size]
        is_last = start + batch_size >= len(rows)
        last_line = batch[-1].line if batch and not is_last else max(_last_line(parsed), resume_after_line)
        while problems and problems[0].line <= last_line:
            report.problems.append(problems.pop(0))
        if batch:
            _import_batch(batch, finder, by=by, report=report)
        if on_batch is not None:
            on_batch(report, last_line)
    report.problems.sort(key=lambda problem: problem.line)
    report.warnings.sort(key=lambda warning: warning.line)
    return report


def _last_line(parsed: ParsedFile) -> int:
    lines = [row.line for row in parsed.rows] + [problem.line for problem in parsed.problems]
    return max(lines, default=0)


def parse_import(text: str, fmt: str, today: date | None = None) -> ParsedFile:
    """The file's lines, checked as an import checks them (a town without postcode gets one)."""
    from marketplace.reference.places import postcode_for_town

    return parse_missions(text, fmt, today=today or date.today(), towns=postcode_for_town)


def line_count(text: str, fmt: str, today: date | None = None) -> int:
    """How many lines an import of this file reports on (its progress total)."""
    return lines_in(parse_missions(text, fmt, today=today or date.today()))


def lines_in(parsed: ParsedFile) -> int:
    """How many lines an import of this parsed file reports on."""
    return len({row.line for row in parsed.rows} | {problem.line for problem in parsed.problems})


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
