"""Widgets: settings checked once, the search they run, and their server-side counters.

The search goes through the main search (``parse_search_args`` + ``search_missions``), so a
widget shows exactly what /recherche shows for the same filters; the network's territory and
"members only" become a restriction to a set of mission ids.
"""

from __future__ import annotations

import re
import threading
import time as clock
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from urllib.parse import urlsplit

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, or_, select
from werkzeug.datastructures import MultiDict

from marketplace.accounts.models import User
from marketplace.associations.models import Mission
from marketplace.candidates.models import Application
from marketplace.domain import DomainError, NotFound
from marketplace.extensions import db
from marketplace.models_base import upsert_insert, utcnow
from marketplace.networks.models import Network, NetworkMember
from marketplace.networks.services import managed_network, territory_condition
from marketplace.reference.geo import Place
from marketplace.reference.places import place_for
from marketplace.search.params import SearchParams, parse_search_args
from marketplace.search.services import MissionSearchPage, search_missions
from marketplace.widgets import page_cache
from marketplace.widgets.models import (
    WIDGET_LANGUAGES,
    WIDGET_LAYOUTS,
    WIDGET_TERRITORIES,
    Widget,
    WidgetDailyStat,
)

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
MAX_ORIGINS = 20
STATS_DAYS = 30
# Crawlers, link previews and scripts; an empty User-Agent counts as a robot too.
BOT_PATTERN = re.compile(
    r"bot|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|monitor|curl|wget|"
    r"python-requests|python-urllib|httpx|aiohttp|go-http-client|java/|libwww|scrapy|lighthouse",
    re.IGNORECASE,
)


# --- settings -------------------------------------------------------------------------------------


@dataclass
class WidgetSettings:
    """What the configurator sends, already typed by the form."""

    name: str
    domains: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    territory: str = "network"
    postcode: str = ""
    radius_km: int | None = None
    members_only: bool = False
    minors_only: bool = False
    include_remote: bool = True
    layout: str = "list"
    colour: str = "#000091"
    per_page: int = 10
    language: str = "fr"
    allowed_origins: str = ""


class WidgetInvalid(DomainError):
    """Every refused setting at once, so the configurator shows them all after one submit."""

    def __init__(self, errors: dict[str, object]):
        first_field, first_message = next(iter(errors.items()))
        super().__init__(first_message, field=first_field, code="widget_invalid")
        self.errors = errors


def _origin_of(raw: str) -> str | None:
    """scheme://host[:port] of an http(s) address; a path or query is dropped, not refused."""
    parts = urlsplit(raw)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.username or parts.password:
        return None
    if "*" in raw or "'" in raw or ";" in raw or '"' in raw:
        return None
    try:
        parts.port  # noqa: B018 - raises on a malformed port
    except ValueError:
        return None
    return f"{parts.scheme}://{parts.netloc.lower()}"


def parse_origins(text: str) -> list[str]:
    """One site per line (or separated by spaces/commas) as scheme://host[:port]; raises on a bad one.

    ``http://host/page`` is what people copy from their address bar: it means the site, so the
    page is trimmed off. Only the origin is ever compared with a browser's framing page.
    """
    origins: list[str] = []
    for raw in re.split(r"[\s,]+", text or ""):
        if not raw:
            continue
        origin = _origin_of(raw)
        if origin is None:
            raise DomainError(
                _l("“%(origin)s” is not a site address such as https://www.exemple.fr.", origin=raw),
                field="allowed_origins",
            )
        if origin not in origins:
            origins.append(origin)
    if len(origins) > MAX_ORIGINS:
        raise DomainError(_l("Give at most %(num)d sites.", num=MAX_ORIGINS), field="allowed_origins")
    return origins


# --- colour contrast (WCAG 2.x) ---------------------------------------------------------------------

# White text on the widget's colour must reach the WCAG AA ratio for normal text.
MIN_CONTRAST = 4.5


def _channel(value: int) -> float:
    srgb = value / 255
    return srgb / 12.92 if srgb <= 0.04045 else ((srgb + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    """WCAG relative luminance of a #rrggbb colour (0 black, 1 white)."""
    red, green, blue = (int(colour[index : index + 2], 16) for index in (1, 3, 5))
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast_with_white(colour: str) -> float:
    """The WCAG contrast ratio of white text on this colour (1 to 21)."""
    return 1.05 / (relative_luminance(colour) + 0.05)


def darker_shade(colour: str, minimum: float = MIN_CONTRAST) -> str:
    """The hue darkened just enough for white text to reach ``minimum`` (itself when it already does)."""
    red, green, blue = (int(colour[index : index + 2], 16) for index in (1, 3, 5))
    for step in range(100, -1, -1):
        factor = step / 100
        shade = f"#{round(red * factor):02x}{round(green * factor):02x}{round(blue * factor):02x}"
        if contrast_with_white(shade) >= minimum:
            return shade
    return "#000000"


def _colour_problem(colour: str) -> object | None:
    if not HEX_COLOUR.match(colour or ""):
        return _l("Give a colour as #RRGGBB, for example #000091.")
    ratio = contrast_with_white(colour)
    if ratio < MIN_CONTRAST:
        return _l(
            "White text on %(colour)s is hard to read (contrast %(ratio)s:1, at least %(minimum)s:1 "
            "needed). Choose a darker shade, for example %(suggestion)s.",
            colour=colour.lower(),
            ratio=f"{ratio:.1f}",
            minimum=f"{MIN_CONTRAST:g}",
            suggestion=darker_shade(colour.lower()),
        )
    return None


# --- the settings' rules ------------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckedSettings:
    """What the rules derived from the settings: the trimmed name, origins and the radius's place."""

    name: str
    origins: list[str]
    postcode: str | None
    place: Place | None


def _choice_problem(value: str, allowed: tuple[str, ...]) -> object | None:
    return None if value in allowed else _l("Choose one of the proposed values.")


def check_settings(settings: WidgetSettings) -> CheckedSettings:
    """Check every rule; raise ``WidgetInvalid`` with all the problems found, not just the first."""
    problems: dict[str, object] = {}
    name = settings.name.strip()
    if not name:
        problems["name"] = _l("Give the widget a name.")
    for field_name, value, allowed in (
        ("territory", settings.territory, WIDGET_TERRITORIES),
        ("layout", settings.layout, WIDGET_LAYOUTS),
        ("language", settings.language, WIDGET_LANGUAGES),
    ):
        problem = _choice_problem(value, allowed)
        if problem is not None:
            problems[field_name] = problem
    colour_problem = _colour_problem(settings.colour)
    if colour_problem is not None:
        problems["colour"] = colour_problem
    if not 1 <= settings.per_page <= 50:
        problems["per_page"] = _l("Show between 1 and 50 missions per page.")
    origins: list[str] = []
    try:
        origins = parse_origins(settings.allowed_origins)
    except DomainError as error:
        problems["allowed_origins"] = error.message
    postcode, place = None, None
    if settings.territory == "radius":
        postcode = "".join((settings.postcode or "").split())
        place = place_for(postcode) if re.fullmatch(r"\d{5}", postcode) else None
        if place is None:
            problems["postcode"] = _l("Give a known postcode, for example 69007.")
        if settings.radius_km is None or not 1 <= settings.radius_km <= 200:
            problems["radius_km"] = _l("Choose a distance between 1 and 200 km.")
    if problems:
        raise WidgetInvalid(problems)
    return CheckedSettings(name=name, origins=origins, postcode=postcode if place else None, place=place)


def apply_settings(widget: Widget, settings: WidgetSettings) -> Widget:
    """Check every rule again and copy the settings onto the widget (nothing written on error)."""
    checked = check_settings(settings)
    place = checked.place
    widget.name = checked.name
    widget.domains = list(settings.domains)
    widget.kinds = list(settings.kinds)
    widget.territory = settings.territory
    widget.postcode = checked.postcode
    widget.lat, widget.lon = (place.lat, place.lon) if place else (None, None)
    widget.radius_km = settings.radius_km if place else None
    widget.members_only = settings.members_only
    widget.minors_only = settings.minors_only
    widget.include_remote = settings.include_remote
    widget.layout = settings.layout
    widget.colour = settings.colour.lower()
    widget.per_page = settings.per_page
    widget.language = settings.language
    widget.allowed_origins = checked.origins
    return widget


def settings_of(widget: Widget) -> WidgetSettings:
    """The widget's settings as the configurator shows them."""
    return WidgetSettings(
        name=widget.name,
        domains=list(widget.domains or ()),
        kinds=list(widget.kinds or ()),
        territory=widget.territory,
        postcode=widget.postcode or "",
        radius_km=widget.radius_km,
        members_only=widget.members_only,
        minors_only=widget.minors_only,
        include_remote=widget.include_remote,
        layout=widget.layout,
        colour=widget.colour,
        per_page=widget.per_page,
        language=widget.language,
        allowed_origins="\n".join(widget.allowed_origins or ()),
    )


def create_widget(network: Network, settings: WidgetSettings, *, by: User) -> Widget:
    """A new widget for a network the user administers."""
    managed_network(network.id, by=by)
    widget = apply_settings(Widget(network=network), settings)
    db.session.add(widget)
    db.session.flush()
    return widget


def update_widget(widget: Widget, settings: WidgetSettings, *, by: User) -> Widget:
    managed_widget(widget.id, by=by)
    apply_settings(widget, settings)
    db.session.flush()
    page_cache.clear()  # this worker shows the change at once, the others within their TTL
    return widget


def delete_widget(widget: Widget, *, by: User) -> None:
    """Delete a widget: its snippet stops working; applications keep existing, untagged."""
    managed_widget(widget.id, by=by)
    db.session.delete(widget)
    db.session.flush()
    page_cache.clear()


def preview_widget(network: Network, settings: WidgetSettings) -> Widget:
    """An unsaved widget for the configurator's live preview (never added to the session)."""
    widget = Widget(network=network, network_id=network.id, public_id="preview")
    # A name is only needed to save: the preview shows before one is typed.
    return apply_settings(widget, replace(settings, name=settings.name.strip() or "preview"))


# --- finding widgets --------------------------------------------------------------------------------


def managed_widget(widget_id: int, *, by: User) -> Widget:
    """A widget of a network this user administers; NotFound otherwise."""
    widget = db.session.get(Widget, widget_id)
    if widget is None:
        raise NotFound(_l("This widget does not exist."))
    managed_network(widget.network_id, by=by)
    return widget


def widgets_of(network: Network) -> list[Widget]:
    return list(
        db.session.scalars(
            select(Widget).where(Widget.network_id == network.id).order_by(Widget.name, Widget.id)
        )
    )


def find_widget(public_id: str) -> Widget | None:
    """The widget with this public id, if any."""
    return db.session.scalar(select(Widget).where(Widget.public_id == public_id)) if public_id else None


def widget_by_public_id(public_id: str) -> Widget:
    widget = find_widget(public_id)
    if widget is None:
        raise NotFound(_l("This widget does not exist."))
    return widget


# --- the search a widget runs ---------------------------------------------------------------------------


def search_args(widget: Widget, *, q: str = "", page: str = "") -> MultiDict:
    """The main search's parameters for this widget's filters plus the visitor's words and page."""
    args: MultiDict[str, str] = MultiDict()
    for slug in widget.domains or ():
        args.add("domain", slug)
    for slug in widget.kinds or ():
        args.add("kind", slug)
    if widget.territory == "radius" and widget.postcode:
        args.add("postcode", widget.postcode)
        args.add("radius_km", str(widget.radius_km))
    args.add("remote", "1" if widget.include_remote else "0")
    if widget.minors_only:
        args.add("age_range", "16-17")
    args.add("per_page", str(widget.per_page))
    if q:
        args.add("q", q)
    if page:
        args.add("page", page)
    return args


def allowed_mission_ids(widget: Widget) -> frozenset[int] | None:
    """Published missions within the network's territory and/or of its members; None: no restriction."""
    network_territory = widget.territory == "network"
    if not network_territory and not widget.members_only:
        return None
    query = select(Mission.id).where(Mission.is_listed)
    if network_territory:
        located = territory_condition(widget.network, Mission.postcode)
        # Remote missions can be done from the territory, as with a radius in the main search.
        query = query.where(or_(located, Mission.remote) if widget.include_remote else located)
    if widget.members_only:
        members = select(NetworkMember.association_id).where(
            NetworkMember.network_id == widget.network_id, NetworkMember.status == "accepted"
        )
        query = query.where(Mission.association_id.in_(members))
    return frozenset(db.session.scalars(query))


def run_widget_search(
    widget: Widget, *, q: str = "", page: str = ""
) -> tuple[SearchParams, MissionSearchPage]:
    """The widget's page of missions; raises ParamError on bad words or page."""
    params = _restricted(widget, parse_search_args(search_args(widget, q=q, page=page)))
    return params, search_missions(params.query)


def _restricted(widget: Widget, params: SearchParams) -> SearchParams:
    ids = allowed_mission_ids(widget)
    return params if ids is None else params.with_changes(mission_ids=ids)


def feed_missions(widget: Widget, limit: int = 50) -> list[Mission]:
    """The widget's newest missions, for its Atom feed."""
    args = search_args(widget)
    args.setlist("per_page", [str(limit)])
    # Without words, the main search orders by publication, newest first.
    params = _restricted(widget, parse_search_args(args))
    return [item.mission for item in search_missions(params.query).items]


# --- counters -----------------------------------------------------------------------------------------


def is_bot(user_agent: str | None) -> bool:
    """Robots and scripts do not count as people seeing or clicking a widget."""
    return not user_agent or bool(BOT_PATTERN.search(user_agent))


def _add(widget_id: int, day: date, column: str, amount: int) -> None:
    """Add to a day's counter in a single statement (safe under concurrent requests and workers)."""
    table = WidgetDailyStat.__table__
    counts = {"impressions": 0, "clicks": 0, column: amount}
    statement = upsert_insert(db.engine.dialect.name, table).values(widget_id=widget_id, day=day, **counts)
    statement = statement.on_conflict_do_update(
        index_elements=[table.c.widget_id, table.c.day], set_={column: table.c[column] + amount}
    )
    db.session.execute(statement)


class _PendingImpressions:
    """Impressions counted in this process, written as one upsert per widget and day at most every
    few seconds: a write per page view halved the widget page's throughput. A worker killed hard
    loses at most that many seconds of impressions; clicks, rarer, are written at once."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counts: Counter[tuple[int, date]] = Counter()
        self._last_write = clock.monotonic()

    def add(self, widget_id: int, day: date) -> None:
        with self._lock:
            self._counts[(widget_id, day)] += 1

    def take(self, *, older_than: float = 0.0) -> Counter[tuple[int, date]]:
        """The counts to write, if the last write is at least ``older_than`` seconds old."""
        with self._lock:
            if clock.monotonic() - self._last_write < older_than:
                return Counter()
            taken, self._counts = self._counts, Counter()
            self._last_write = clock.monotonic()
            return taken


_pending_impressions = _PendingImpressions()


def write_pending_impressions(*, older_than: float = 0.0) -> int:
    """Write this process's buffered impressions into the session; returns how many."""
    taken = _pending_impressions.take(older_than=older_than)
    for (widget_id, day), amount in sorted(taken.items()):
        _add(widget_id, day, "impressions", amount)
    return sum(taken.values())


def record_impression(widget_id: int, user_agent: str | None, *, write_every: float = 0.0) -> bool:
    """Count one display of the widget by a person (buffered up to ``write_every`` seconds)."""
    if is_bot(user_agent):
        return False
    _pending_impressions.add(widget_id, utcnow().date())
    write_pending_impressions(older_than=write_every)
    return True


def record_click(widget: Widget, user_agent: str | None) -> bool:
    """Count one "apply" click; returns whether it counted."""
    if is_bot(user_agent):
        return False
    _add(widget.id, utcnow().date(), "clicks", 1)
    return True


@dataclass(frozen=True)
class DayStats:
    day: date
    impressions: int
    clicks: int
    applications: int


@dataclass(frozen=True)
class WidgetStats:
    days: list[DayStats]  # newest first

    @property
    def impressions(self) -> int:
        return sum(day.impressions for day in self.days)

    @property
    def clicks(self) -> int:
        return sum(day.clicks for day in self.days)

    @property
    def applications(self) -> int:
        return sum(day.applications for day in self.days)


def widget_stats(widget: Widget, days: int = STATS_DAYS) -> WidgetStats:
    """Impressions, clicks and applications per day over the last ``days`` days (UTC)."""
    write_pending_impressions()  # this worker's buffered ones (the caller commits)
    today = utcnow().date()
    first = today - timedelta(days=days - 1)
    counters = {
        row.day: row
        for row in db.session.scalars(
            select(WidgetDailyStat).where(
                WidgetDailyStat.widget_id == widget.id, WidgetDailyStat.day >= first
            )
        )
    }
    created_day = func.date(Application.created_at)
    applications: dict[date, int] = {}
    rows = db.session.execute(
        select(created_day, func.count(Application.id))
        .where(
            Application.source_widget_id == widget.id,
            Application.created_at >= datetime.combine(first, time.min),
        )
        .group_by(created_day)
    )
    for day, count in rows:
        # SQLite returns "YYYY-MM-DD" text, PostgreSQL a date.
        applications[day if isinstance(day, date) else date.fromisoformat(day)] = count
    result = []
    for offset in range(days):
        day = today - timedelta(days=offset)
        counter = counters.get(day)
        result.append(
            DayStats(
                day=day,
                impressions=counter.impressions if counter else 0,
                clicks=counter.clicks if counter else 0,
                applications=applications.get(day, 0),
            )
        )
    return WidgetStats(result)
