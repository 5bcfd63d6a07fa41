"""The search parameters of the HTML page and the API: one parser, one set of rules.

``parse_search_args(request.args)`` returns a ``SearchParams`` (the engine's ``SearchQuery``
plus what the page shows: the place found for a postcode) or raises ``ParamError`` naming
the parameter at fault, with a message for people. Its bounds and defaults come from
``SEARCH_SPEC``, from which the OpenAPI document describes ``/api/v1/missions`` too.

Booleans come from checkboxes, which send nothing when unticked: forms send a hidden "0"
before the box's "1", and the last value given wins.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from flask_babel import lazy_gettext as _l
from werkzeug.datastructures import MultiDict

from marketplace.param_spec import Param, Spec
from marketplace.search.documents import (
    AGE_RANGES,
    DOMAIN_SLUGS,
    MAX_PER_PAGE,
    MISSION_KIND_SLUGS,
    SLOTS,
    SORTS,
    SearchQuery,
)

DEFAULT_RADIUS_KM = 20
MIN_RADIUS_KM, MAX_RADIUS_KM = 1, 200
DEFAULT_PER_PAGE = 20
MAX_QUERY_CHARS = 200
MAX_PAGE = 1000
TRUE_WORDS = frozenset({"1", "true", "on", "yes", "oui"})
FALSE_WORDS = frozenset({"0", "false", "off", "no", "non"})
POSTCODE_PATTERN = r"^\d{5}$"
_POSTCODE = re.compile(POSTCODE_PATTERN)

# Every parameter the parser reads, in the order the API documents them.
SEARCH_SPEC = Spec(
    (
        Param("q", "string", _l("Words to search for."), max_length=MAX_QUERY_CHARS),
        Param(
            "domain",
            "array",
            _l("Causes (domain slugs); repeat to choose several."),
            enum=DOMAIN_SLUGS,
            repeatable=True,
        ),
        Param(
            "kind",
            "array",
            _l("Kinds of mission; repeat to choose several."),
            enum=MISSION_KIND_SLUGS,
            repeatable=True,
        ),
        Param(
            "slots",
            "array",
            _l("Weekly time slots the volunteer is free; repeat for several."),
            enum=SLOTS,
            repeatable=True,
        ),
        Param(
            "postcode",
            "string",
            _l("A French postcode: missions around it. Not with lat and lon."),
            pattern=POSTCODE_PATTERN,
        ),
        Param("lat", "number", _l("Latitude, with lon."), minimum=-90, maximum=90),
        Param("lon", "number", _l("Longitude, with lat."), minimum=-180, maximum=180),
        Param(
            "radius_km",
            "number",
            _l("Distance around the place, in km (ignored without a place)."),
            default=DEFAULT_RADIUS_KM,
            minimum=MIN_RADIUS_KM,
            maximum=MAX_RADIUS_KM,
        ),
        # Off by default: a remote mission from another city must not rank among those "within 5 km".
        Param("remote", "boolean", _l("Include missions done remotely."), default=False),
        Param("age_range", "string", _l("Only missions open to this age."), enum=AGE_RANGES),
        Param("from", "date", _l("Missions taking place on or after this date.")),
        Param("to", "date", _l("Missions taking place on or before this date.")),
        Param("with_seats", "boolean", _l("Only missions with a seat left."), default=True),
        Param("sort", "string", _l("Order of results."), enum=SORTS, default="relevance"),
        Param("page", "integer", _l("Page number."), default=1, minimum=1, maximum=MAX_PAGE),
        Param(
            "per_page",
            "integer",
            _l("Results per page."),
            default=DEFAULT_PER_PAGE,
            minimum=1,
            maximum=MAX_PER_PAGE,
        ),
    )
)


class ParamError(ValueError):
    """A search parameter is invalid: ``field`` names it, ``message`` says why."""

    def __init__(self, field: str, message: Any) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = str(message)


@dataclass(frozen=True)
class SearchParams:
    """A valid search: the engine's query, and the postcode's place when one was given."""

    query: SearchQuery
    postcode: str | None = None
    place_name: str | None = None

    @property
    def has_place(self) -> bool:
        return self.query.has_location

    def with_changes(self, **changes: Any) -> SearchParams:
        """The same search with some query fields changed (another page, a wider radius...)."""
        return replace(self, query=replace(self.query, **changes))


# --- single values ---------------------------------------------------------------------------


def _last(args: MultiDict, name: str) -> str | None:
    """The last non-blank value of a parameter, stripped; None when absent or blank."""
    values = [value.strip() for value in args.getlist(name) if value.strip()]
    return values[-1] if values else None


def _choices(args: MultiDict, name: str, allowed: tuple[str, ...], message: Callable[[str], Any]) -> tuple:
    """Every non-blank value of a repeatable parameter, each once, all from ``allowed``."""
    chosen: dict[str, None] = {}
    for value in args.getlist(name):
        value = value.strip()
        if not value:
            continue
        if value not in allowed:
            raise ParamError(name, message(value))
        chosen[value] = None
    return tuple(chosen)


def _boolean(args: MultiDict, name: str) -> bool:
    value = _last(args, name)
    if value is None:
        return SEARCH_SPEC[name].default
    if value.lower() in TRUE_WORDS:
        return True
    if value.lower() in FALSE_WORDS:
        return False
    raise ParamError(name, _l("Use 1 (yes) or 0 (no)."))


def _number(args: MultiDict, name: str, message: Any) -> float | None:
    spec = SEARCH_SPEC[name]
    value = _last(args, name)
    if value is None:
        return None
    try:
        number = float(value.replace(",", "."))
    except ValueError:
        raise ParamError(name, message) from None
    if not math.isfinite(number) or not spec.within(number):
        raise ParamError(name, message)
    return number


def _integer(args: MultiDict, name: str, message: Any) -> int:
    spec = SEARCH_SPEC[name]
    value = _last(args, name)
    if value is None:
        return spec.default
    if not value.isdigit() or not spec.within(int(value)):
        raise ParamError(name, message)
    return int(value)


def _date(args: MultiDict, name: str) -> date | None:
    value = _last(args, name)
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ParamError(name, _l("Give a date as YYYY-MM-DD, for example 2025-06-14.")) from None


def _age_range(args: MultiDict) -> str | None:
    value = _last(args, "age_range")
    if value is None:
        return None
    value = "66+" if value == "66" else value  # "66+" in a URL reads "66 " when + was not escaped
    if value not in SEARCH_SPEC["age_range"].choices:
        raise ParamError(
            "age_range", _l("Choose one of the age ranges: %(ranges)s.", ranges=", ".join(AGE_RANGES))
        )
    return value


# --- the place ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Place:
    lat: float | None = None
    lon: float | None = None
    postcode: str | None = None
    name: str | None = None


def _place(args: MultiDict, find_place: Callable[[str], Any]) -> _Place:
    """A postcode (turned into coordinates offline) or lat + lon, or nothing."""
    postcode = _last(args, "postcode")
    lat = _number(args, "lat", _l("Give a latitude between -90 and 90."))
    lon = _number(args, "lon", _l("Give a longitude between -180 and 180."))
    if postcode is not None:
        if lat is not None or lon is not None:
            raise ParamError("postcode", _l("Give either a postcode or lat and lon, not both."))
        postcode = "".join(postcode.split())
        if not _POSTCODE.match(postcode):
            raise ParamError("postcode", _l("A postcode has 5 digits, for example 69007."))
        place = find_place(postcode)
        if place is None:
            raise ParamError("postcode", _l("We do not know the postcode %(postcode)s.", postcode=postcode))
        return _Place(place.lat, place.lon, postcode, place.name)
    if lat is not None and lon is None:
        raise ParamError("lon", _l("Give lon with lat."))
    if lon is not None and lat is None:
        raise ParamError("lat", _l("Give lat with lon."))
    return _Place(lat, lon)


# --- the whole search ----------------------------------------------------------------------------


def parse_search_args(args: MultiDict, find_place: Callable[[str], Any] | None = None) -> SearchParams:
    """Read and check the search parameters; raise ParamError on the first invalid one.

    ``find_place(postcode)`` returns an object with ``lat``, ``lon`` and ``name`` or None;
    by default the app's offline geography (``marketplace.reference.places.place_for``).
    """
    if find_place is None:
        from marketplace.reference.places import place_for

        find_place = place_for
    spec = SEARCH_SPEC
    words = _last(args, "q") or ""
    if not spec["q"].fits_length(words):
        raise ParamError("q", _l("Search with at most %(num)d characters.", num=spec["q"].max_length))
    domains = _choices(
        args, "domain", spec["domain"].choices, lambda value: _l("Unknown cause: %(value)s.", value=value)
    )
    kinds = _choices(
        args,
        "kind",
        spec["kind"].choices,
        lambda value: _l("Unknown kind of mission: %(value)s.", value=value),
    )
    slots = _choices(
        args, "slots", spec["slots"].choices, lambda value: _l("Unknown time slot: %(value)s.", value=value)
    )
    place = _place(args, find_place)
    radius_spec = spec["radius_km"]
    radius_message = _l(
        "Choose a distance between %(low)d and %(high)d km.",
        low=radius_spec.minimum,
        high=radius_spec.maximum,
    )
    radius = _number(args, "radius_km", radius_message)
    located = place.lat is not None
    date_from, date_to = _date(args, "from"), _date(args, "to")
    if date_from and date_to and date_from > date_to:
        raise ParamError("to", _l("The end date comes before the start date."))
    sort = _last(args, "sort") or spec["sort"].default
    if sort not in spec["sort"].choices:
        raise ParamError("sort", _l("Sort by relevance, date or distance."))
    if sort == "distance" and not located:
        raise ParamError("sort", _l("Give a postcode to sort by distance."))
    query = SearchQuery(
        q=words,
        domains=domains,
        kinds=kinds,
        lat=place.lat,
        lon=place.lon,
        # A radius without a place means nothing (the page's form always sends one): it is ignored.
        radius_km=float(radius or radius_spec.default) if located else None,
        include_remote=_boolean(args, "remote"),
        age_range=_age_range(args),
        slots=slots,
        date_from=date_from,
        date_to=date_to,
        with_seats=_boolean(args, "with_seats"),
        sort=sort,
        page=_integer(args, "page", _l("Give a page number from 1 to %(num)d.", num=spec["page"].maximum)),
        per_page=_integer(
            args,
            "per_page",
            _l("Give a number of results per page from 1 to %(num)d.", num=spec["per_page"].maximum),
        ),
    )
    return SearchParams(query=query, postcode=place.postcode, place_name=place.name)


def query_args(params: SearchParams, **changes: Any) -> dict[str, Any]:
    """URL parameters for ``params`` with some changed (None removes one); defaults are left out.

    Used for the page's links (pages, sorts, removing a filter, a wider radius), so that they
    carry the same search in its shortest form.
    """
    query = params.query
    args: dict[str, Any] = {
        "q": query.q or None,
        "domain": list(query.domains) or None,
        "kind": list(query.kinds) or None,
        "postcode": params.postcode,
        "lat": query.lat if query.has_location and not params.postcode else None,
        "lon": query.lon if query.has_location and not params.postcode else None,
        "radius_km": _plain_number(query.radius_km) if query.radius_km is not None else None,
        "remote": "1" if query.include_remote else None,
        "age_range": query.age_range,
        "slots": list(query.slots) or None,
        "from": query.date_from.isoformat() if query.date_from else None,
        "to": query.date_to.isoformat() if query.date_to else None,
        "with_seats": None if query.with_seats else "0",
        "sort": None if query.sort == "relevance" else query.sort,
        "page": query.page if query.page > 1 else None,
        "per_page": query.per_page if query.per_page != DEFAULT_PER_PAGE else None,
    }
    args.update(changes)
    return {name: value for name, value in args.items() if value is not None}


def _plain_number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value
