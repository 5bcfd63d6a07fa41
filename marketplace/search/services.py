"""Keep the search index in step with the database, and run searches for the views.

The index is the change pipeline's ``search-index`` subscriber (``marketplace.missions.changes``):
right after a commit that changed missions, in the same request, it re-reads them and updates
the index, so the user never sees a stale result of their own action. If the update fails, the
database stays right and `flask search reindex` repairs it. On PostgreSQL the database's own
triggers keep its search tables in step and the subscriber does nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass

from flask import current_app, has_app_context
from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from marketplace.associations.models import Mission
from marketplace.extensions import db
from marketplace.missions import changes
from marketplace.search import postgres
from marketplace.search.documents import MissionDocument, SearchHit, SearchQuery, SearchResult
from marketplace.search.index import MissionIndex

logger = logging.getLogger(__name__)
EXTENSION_KEY = "tremplin_search"  # app.extensions: {"index": MissionIndex}
BATCH_SIZE = 2000
BACKENDS = ("whoosh", "postgres")


class SearchBackendError(RuntimeError):
    """The configured search backend cannot work with this database."""


def search_backend() -> str:
    """The configured backend: "whoosh" (default, one node) or "postgres" (several nodes)."""
    name = current_app.config.get("SEARCH_BACKEND", "whoosh")
    if name not in BACKENDS:
        raise SearchBackendError(f"SEARCH_BACKEND must be one of {BACKENDS}, not {name!r}")
    if name == "postgres" and db.engine.dialect.name != "postgresql":
        raise SearchBackendError("SEARCH_BACKEND=postgres needs a PostgreSQL database (DATABASE_URL)")
    return name


def mission_index() -> MissionIndex:
    """The app's index, opened once per process and shared by its threads."""
    state = current_app.extensions.setdefault(EXTENSION_KEY, {})
    if "index" not in state:
        state["index"] = MissionIndex(current_app.config["SEARCH_INDEX_DIR"]).open_or_create()
    return state["index"]


def document_for(mission: Mission) -> MissionDocument | None:
    """The indexed form of a mission, or None when the public must not find it."""
    if not mission.is_listed:
        return None
    return MissionDocument(
        id=mission.id,
        title=mission.title,
        description=mission.description,
        skills=tuple(mission.skills or ()),
        domain=mission.domain,
        kind=mission.kind,
        association_id=mission.association_id,
        association_name=mission.association.name,
        city=mission.city,
        postcode=mission.postcode,
        lat=mission.lat,
        lon=mission.lon,
        remote=mission.remote,
        schedule=mission.schedule,
        start_date=mission.start_date,
        end_date=mission.end_date,
        slots=tuple(mission.slots or ()),
        min_age=mission.min_age,
        max_age=mission.max_age,
        seats_left=mission.seats_left,
        published_at=mission.published_at,
        day_parts=tuple(mission.day_parts or ()),
    )


def _published_missions() -> Iterable[Mission]:
    query = (
        select(Mission)
        .options(joinedload(Mission.association))
        .where(Mission.is_listed)
        .order_by(Mission.id)
        .execution_options(yield_per=BATCH_SIZE)
    )
    return db.session.scalars(query)


def reindex_all() -> int:
    """Rebuild the whole index from the database; return how many missions it holds."""
    if search_backend() == "postgres":
        # Installing is idempotent: it also repairs a database whose search triggers are missing.
        with db.engine.begin() as connection:
            postgres.install(connection)
            return postgres.rebuild(connection)
    documents = (document for mission in _published_missions() if (document := document_for(mission)))
    return mission_index().rebuild(documents)


def index_is_stale() -> bool:
    """True when the index does not hold exactly the published missions."""
    published = set(db.session.scalars(select(Mission.id).where(Mission.is_listed)))
    if search_backend() == "postgres":
        return not postgres.is_installed(db.session) or postgres.indexed_ids(db.session) != published
    return mission_index().all_ids() != published


def sync_missions(mission_ids: Iterable[int], *, session: Session | None = None) -> None:
    """Upsert the published ones among these missions and drop the others from the index."""
    ids = set(mission_ids)
    if not ids:
        return
    session = session or db.session()
    missions = session.scalars(
        select(Mission).options(joinedload(Mission.association)).where(Mission.id.in_(ids))
    ).all()
    documents = [document for mission in missions if (document := document_for(mission))]
    gone = ids - {document.id for document in documents}
    index = mission_index()
    index.upsert(documents)
    index.delete(gone)


def search(query: SearchQuery) -> SearchResult:
    """One page of results from the configured backend."""
    if search_backend() == "postgres":
        return postgres.search(db.session, query)
    return mission_index().search(query)


@dataclass(frozen=True)
class FoundMission:
    """A mission of a result page with its hit (score, distance, highlights)."""

    mission: Mission
    hit: SearchHit


@dataclass(frozen=True)
class MissionSearchPage:
    """A result page with the missions loaded, in the engine's order."""

    result: SearchResult
    items: list[FoundMission]


def published_by_id(ids: list[int]) -> dict[int, Mission]:
    if not ids:
        return {}
    query = (
        select(Mission).options(joinedload(Mission.association)).where(Mission.id.in_(ids), Mission.is_listed)
    )
    return {mission.id: mission for mission in db.session.scalars(query)}


def search_missions(query: SearchQuery) -> MissionSearchPage:
    """Search, then load the published missions of the page (with their association)."""
    result = search(query)
    missions = published_by_id([hit.id for hit in result.hits])
    # A hit the database no longer publishes (index being repaired) is left out rather than shown.
    items = [FoundMission(missions[hit.id], hit) for hit in result.hits if hit.id in missions]
    return MissionSearchPage(result, items)


def _index_changes(_session: Session, changed: changes.Changes) -> None:
    """The pipeline's ``search-index`` subscriber: re-read the changed missions into the index."""
    if not changed.missions or not has_app_context() or not current_app.config.get("SEARCH_SYNC", True):
        return
    if current_app.config.get("SEARCH_BACKEND", "whoosh") == "postgres":
        return  # the database's own triggers keep its search tables in step
    # The committed session cannot run SQL inside this hook: read with a fresh one.
    with Session(db.engine) as reader:
        sync_missions(changed.missions, session=reader)


def init_search_sync() -> None:
    """Subscribe the index to the change pipeline."""
    changes.subscribe("search-index", _index_changes, order=10)
