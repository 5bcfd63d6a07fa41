"""Save a search of /recherche, list and delete saved searches, and send their alerts.

An alert lists only the missions published since the search was last looked at, found by the
search engine itself restricted to those missions: what the person would see on /recherche.
"""

from __future__ import annotations

import tempfile
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import parse_qsl, urlencode

from flask import url_for
from flask_babel import lazy_gettext as _l
from flask_babel import lazy_ngettext
from sqlalchemy import func, or_, select
from werkzeug.datastructures import MultiDict

from marketplace.accounts.models import User
from marketplace.alerts.models import FREQUENCIES, SavedSearch
from marketplace.associations.models import Mission
from marketplace.domain import DomainError, NotFound
from marketplace.extensions import db
from marketplace.notifications.preferences import users_opted_out
from marketplace.notifications.services import notify_user
from marketplace.reference import vocabularies as vocab
from marketplace.search.documents import MAX_PER_PAGE
from marketplace.search.index import MissionIndex
from marketplace.search.params import ParamError, SearchParams, parse_search_args, query_args
from marketplace.search.services import document_for, published_by_id, search_backend, search_missions

MAX_SAVED = 20  # per person: enough for real use, bounded for the alert run
MAX_LISTED = 10  # missions written in one alert; the link shows them all
PERIOD = {"daily": timedelta(days=1), "weekly": timedelta(days=7)}
SLACK = timedelta(hours=2)  # a daily run at 8:05 after one at 8:10 the day before still sends


def _params(query_string: str) -> SearchParams:
    return parse_search_args(MultiDict(parse_qsl(query_string, keep_blank_values=False)))


def canonical_query(args: MultiDict) -> str:
    """The search's parameters in their shortest form, without page or sort (ParamError if invalid)."""
    params = parse_search_args(args)
    return urlencode(query_args(params, page=None, sort=None, per_page=None), doseq=True)


def describe(query_string: str) -> str:
    """A name for the search: its words, causes and kinds, and its place."""
    params = _params(query_string)
    query = params.query
    parts = [f"« {query.q} »"] if query.q else []
    parts += [str(vocab.label_for(vocab.DOMAINS, slug)) for slug in query.domains]
    parts += [str(vocab.label_for(vocab.MISSION_KINDS, slug)) for slug in query.kinds]
    name = ", ".join(parts) or str(_l("All missions"))
    if params.place_name:
        name += " · " + str(_l("around %(place)s", place=params.place_name))
    return name[:120]


def save_search(user: User, args: MultiDict, frequency: str) -> SavedSearch:
    frequency = _frequency(frequency)
    try:
        query_string = canonical_query(args)
    except ParamError as error:
        raise DomainError(error.message, field=error.field) from error
    existing = db.session.scalar(
        select(SavedSearch).where(SavedSearch.user_id == user.id, SavedSearch.query_string == query_string)
    )
    if existing is not None:  # the same search twice: keep one, with the frequency just chosen
        existing.frequency = frequency
        return existing
    count = db.session.scalar(select(func.count()).where(SavedSearch.user_id == user.id)) or 0
    if count >= MAX_SAVED:
        raise DomainError(_l("You already have %(num)d saved searches: delete one first.", num=MAX_SAVED))
    saved = SavedSearch(
        user_id=user.id, query_string=query_string, frequency=frequency, name=describe(query_string)
    )
    db.session.add(saved)
    return saved


def _frequency(value: str) -> str:
    if value not in FREQUENCIES:
        raise DomainError(_l("Choose how often to receive the alert."), field="frequency")
    return value


def set_frequency(saved: SavedSearch, frequency: str) -> None:
    saved.frequency = _frequency(frequency)


def saved_searches_of(user: User) -> list[SavedSearch]:
    return list(
        db.session.scalars(select(SavedSearch).where(SavedSearch.user_id == user.id).order_by(SavedSearch.id))
    )


def own_saved_search(user: User, saved_id: int) -> SavedSearch:
    saved = db.session.get(SavedSearch, saved_id)
    if saved is None or saved.user_id != user.id:
        raise NotFound(_l("This saved search does not exist."))
    return saved


def delete_saved_search(user: User, saved_id: int) -> None:
    db.session.delete(own_saved_search(user, saved_id))


def search_url(saved: SavedSearch, *, external: bool = False) -> str:
    base = url_for("search.missions", _external=external)
    return f"{base}?{saved.query_string}" if saved.query_string else base


# --- the alert run -------------------------------------------------------------------------------------


@dataclass
class AlertReport:
    looked_at: int = 0
    sent: int = 0
    nothing_new: int = 0


def due_searches(now: datetime) -> list[SavedSearch]:
    conditions = [
        (SavedSearch.frequency == frequency) & (SavedSearch.last_checked_at <= now - period + SLACK)
        for frequency, period in PERIOD.items()
    ]
    return list(db.session.scalars(select(SavedSearch).where(or_(*conditions)).order_by(SavedSearch.id)))


def _published_since(since: datetime) -> dict[int, datetime]:
    rows = db.session.execute(
        select(Mission.id, Mission.published_at).where(Mission.is_listed, Mission.published_at > since)
    )
    return {mission_id: published_at for mission_id, published_at in rows}


def new_missions(saved: SavedSearch, published: dict[int, datetime], engine=None) -> list[Mission]:
    """The missions of ``published`` (id -> publication) after the last look that the search finds.

    ``engine``: a search over just the new missions (``fresh_missions_index``), else the app's own
    search restricted to them; both read a query the same way.
    """
    fresh = frozenset(mission_id for mission_id, at in published.items() if at > saved.last_checked_at)
    if not fresh:
        return []
    try:
        params = _params(saved.query_string)
    except ParamError:
        return []  # a place or a cause that no longer exists: nothing to find
    query = params.with_changes(mission_ids=fresh, per_page=MAX_PER_PAGE, page=1).query
    if engine is None:
        return [item.mission for item in search_missions(query).items]
    hits = engine.search(query).hits
    missions = published_by_id([hit.id for hit in hits])
    return [missions[hit.id] for hit in hits if hit.id in missions]


@contextmanager
def fresh_missions_index(mission_ids: Collection[int]) -> Iterator[MissionIndex | None]:
    """With Whoosh, a throwaway index of the new missions only: the same analysis and query, over
    hundreds of documents instead of the whole site (a day's alerts are thousands of searches).
    None with the PostgreSQL backend, whose search reads the id restriction from its own tables."""
    if search_backend() != "whoosh" or not mission_ids:
        yield None
        return
    with tempfile.TemporaryDirectory(prefix="tremplin-alerts-") as directory:
        index = MissionIndex(directory).create()
        documents = (document_for(mission) for mission in published_by_id(list(mission_ids)).values())
        index.rebuild(document for document in documents if document is not None)
        try:
            yield index
        finally:
            index.close()


def run_alerts(now: datetime) -> AlertReport:
    report = AlertReport()
    searches = due_searches(now)
    if not searches:
        return report
    published = _published_since(min(saved.last_checked_at for saved in searches))
    turned_off = users_opted_out("alerts")
    with fresh_missions_index(published) as engine:
        for saved in searches:
            report.looked_at += 1
            found = new_missions(saved, published, engine) if saved.user_id not in turned_off else []
            if found and _send_alert(saved, found, now):
                saved.last_sent_at = now
                report.sent += 1
            elif not found:
                report.nothing_new += 1
            saved.last_checked_at = now
    db.session.commit()
    return report


def _send_alert(saved: SavedSearch, found: list[Mission], now: datetime) -> bool:
    subject = lazy_ngettext(
        "A new mission for your search %(name)s",
        "%(num)d new missions for your search %(name)s",
        len(found),
        name=saved.name,
    )
    outcome = notify_user(
        saved.user,
        subject=subject,
        template="saved_search_alert",
        category="alerts",
        dedupe_key=f"alert:{saved.id}:{now.date().isoformat()}",
        wanted=True,  # the run left out those who turned alerts off
        saved=saved,
        missions=found[:MAX_LISTED],
        more=max(len(found) - MAX_LISTED, 0),
        search_link=search_url(saved, external=True),
        manage_link=url_for("main.dashboard", _external=True),
        mission_link=lambda mission: url_for("main.mission", mission_id=mission.id, _external=True),
    )
    return bool(outcome)
