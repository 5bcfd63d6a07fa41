"""The mission search page (blueprint ``search``): a GET form, filters with counts, result cards."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from flask import Blueprint, render_template, request, url_for
from flask_babel import format_date, format_decimal
from flask_babel import lazy_gettext as _l
from werkzeug.datastructures import MultiDict

from marketplace.accounts.access import public
from marketplace.reference.vocabularies import DOMAINS, MISSION_KINDS, label_for, slot_label
from marketplace.search.documents import SORTS
from marketplace.search.params import (
    DEFAULT_RADIUS_KM,
    FALSE_WORDS,
    TRUE_WORDS,
    ParamError,
    SearchParams,
    parse_search_args,
    query_args,
)
from marketplace.search.services import MissionSearchPage, search, search_missions

bp = Blueprint("search", __name__)
_FIVE_DIGITS = re.compile(r"\d{5}")

RADIUS_CHOICES = (5, 10, 20, 50, 100, 200)
# The form's element for each parameter: where its error is shown and where the summary links.
FIELD_IDS = {
    "q": "search-q",
    "domain": "filter-domain",
    "kind": "filter-kind",
    "postcode": "filter-postcode",
    "radius_km": "filter-radius",
    "remote": "filter-remote",
    "age_range": "filter-age",
    "slots": "filter-slots",
    "from": "filter-from",
    "to": "filter-to",
    "with_seats": "filter-seats",
    "sort": "sort-options",
}
SORT_LABELS = {"relevance": _l("Relevance"), "date": _l("Date"), "distance": _l("Distance")}


@dataclass(frozen=True)
class FormValues:
    """What the visitor typed, as typed: the form shows it again, even when it is invalid."""

    q: str
    domains: frozenset[str]
    kinds: frozenset[str]
    postcode: str
    radius_km: str
    remote: bool
    age_range: str
    slots: frozenset[str]
    date_from: str
    date_to: str
    with_seats: bool
    sort: str
    per_page: str


def _last(args: MultiDict, name: str) -> str:
    values = [value.strip() for value in args.getlist(name) if value.strip()]
    return values[-1] if values else ""


def form_values(args: MultiDict) -> FormValues:
    """The raw values of the search form (a box stays ticked unless "0"/"false"... was sent)."""
    return FormValues(
        q=_last(args, "q"),
        domains=frozenset(args.getlist("domain")),
        kinds=frozenset(args.getlist("kind")),
        postcode=_last(args, "postcode"),
        radius_km=_last(args, "radius_km") or str(DEFAULT_RADIUS_KM),
        remote=_last(args, "remote").lower() in TRUE_WORDS,  # unticked unless asked for
        age_range=_last(args, "age_range"),
        slots=frozenset(args.getlist("slots")),
        date_from=_last(args, "from"),
        date_to=_last(args, "to"),
        with_seats=_last(args, "with_seats").lower() not in FALSE_WORDS,
        sort=_last(args, "sort") if _last(args, "sort") in SORTS else "",
        per_page=_last(args, "per_page"),
    )


def search_url(params: SearchParams, **changes: Any) -> str:
    """The page's URL for ``params`` with some parameters changed (None removes one)."""
    return url_for("search.missions", **query_args(params, **changes))


@dataclass(frozen=True)
class ActiveFilter:
    """A filter in use, with the link that removes it."""

    label: str
    remove_url: str


def _without(values: tuple[str, ...], value: str) -> list[str] | None:
    return [other for other in values if other != value] or None


def _date_label(value: date) -> str:
    return format_date(value, "long")


def active_filters(params: SearchParams) -> list[ActiveFilter]:
    """Every filter of the search, each with a link to the same search without it."""
    query, found = params.query, []

    def add(label: Any, **changes: Any) -> None:
        found.append(ActiveFilter(str(label), search_url(params, page=None, **changes)))

    for slug in query.domains:
        add(label_for(DOMAINS, slug), domain=_without(query.domains, slug))
    for slug in query.kinds:
        add(label_for(MISSION_KINDS, slug), kind=_without(query.kinds, slug))
    if query.has_location:
        where = f"{params.place_name} ({params.postcode})" if params.postcode else _l("the given point")
        km = format_decimal(query.radius_km)
        sort = None if query.sort == "distance" else query.sort
        add(_l("Within %(km)s km of %(place)s", km=km, place=where),
            postcode=None, lat=None, lon=None, radius_km=None, sort=sort)  # fmt: skip
    if query.include_remote:
        add(_l("Including remote missions"), remote=None)
    if query.age_range:
        add(_l("Open to ages %(range)s", range=query.age_range), age_range=None)
    for slot in query.slots:
        add(slot_label(slot), slots=_without(query.slots, slot))
    if query.date_from:
        add(_l("From %(date)s", date=_date_label(query.date_from)), **{"from": None})
    if query.date_to:
        add(_l("Until %(date)s", date=_date_label(query.date_to)), to=None)
    if not query.with_seats:
        add(_l("Full missions included"), with_seats=None)
    return found


@dataclass(frozen=True)
class WiderRadius:
    """A larger radius to suggest when nothing was found nearby, and what it would find."""

    km: int
    total: int
    url: str


def wider_radius(params: SearchParams) -> WiderRadius | None:
    """The smallest larger radius (up to 200 km) that finds missions, and how many."""
    query = params.query
    if query.radius_km is None:
        return None
    for km in (choice for choice in RADIUS_CHOICES if choice > query.radius_km):
        total = search(params.with_changes(radius_km=float(km), page=1, per_page=1).query).total
        if total:
            return WiderRadius(km, total, search_url(params, radius_km=km, page=None))
    return None


def distance_label(km: float | None) -> str | None:
    """ "3 km away" (rounded to the kilometre), or None when the distance is unknown."""
    if km is None:
        return None
    if km < 1:
        return str(_l("Less than 1 km away"))
    return str(_l("%(km)s km away", km=format_decimal(round(km))))


def sort_links(params: SearchParams) -> list[tuple[str, str, str, bool]]:
    """(sort, label, url, current) for each way of sorting that makes sense for this search."""
    sorts = [sort for sort in SORTS if sort != "distance" or params.has_place]
    return [
        (sort, str(SORT_LABELS[sort]), search_url(params, sort=sort, page=None), sort == params.query.sort)
        for sort in sorts
    ]


def _render(form: FormValues, status: int = 200, **context: Any):
    context.setdefault("params", None)
    context.setdefault("found", None)
    context.setdefault("error", None)
    html = render_template(
        "search/missions.html",
        form=form,
        field_ids=FIELD_IDS,
        radius_choices=RADIUS_CHOICES,
        distance_label=distance_label,
        **context,
    )
    return html, status


def with_commune_as_postcode(args: MultiDict) -> MultiDict:
    """The page's place field takes a commune name too (« Villeurbanne »), as the profile and the
    assistant do: it becomes the commune's postcode before the search reads it. The API keeps
    its documented 5-digit ``postcode``."""
    typed = " ".join((args.get("postcode") or "").split())
    if not typed or _FIVE_DIGITS.fullmatch(typed.replace(" ", "")):
        return args
    from marketplace.candidates.profile import PlaceUnknown, resolve_place
    from marketplace.reference.places import geo_index

    index = geo_index()
    if index is None:
        return args
    try:
        place = resolve_place(index, typed)
    except PlaceUnknown as error:
        raise ParamError("postcode", error.message) from error
    changed = args.copy()
    changed.setlist("postcode", [place.postcode] if place else [])
    return changed


@bp.route("/recherche")
@public
def missions():
    form = form_values(request.args)
    try:
        params = parse_search_args(with_commune_as_postcode(request.args))
    except ParamError as error:
        return _render(form, 400, error=error)
    found: MissionSearchPage = search_missions(params.query)
    nothing = found.result.total == 0
    return _render(
        form,
        params=params,
        found=found,
        filters=active_filters(params),
        sorts=sort_links(params),
        wider=wider_radius(params) if nothing else None,
        suggestion_url=search_url(params, q=found.result.suggestion, page=None)
        if found.result.suggestion
        else None,
        page_url=lambda number: search_url(params, page=number if number > 1 else None),
        clear_url=url_for("search.missions", q=params.query.q or None),
    )
