"""The search parameters parser shared by the search page and the API (no app, no database)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from werkzeug.datastructures import MultiDict

from marketplace.search.params import ParamError, parse_search_args, query_args


@dataclass(frozen=True)
class Place:
    lat: float
    lon: float
    name: str


PLACES = {"69007": Place(45.745, 4.842, "Lyon")}


def parse(*pairs: tuple[str, str]):
    return parse_search_args(MultiDict(pairs), PLACES.get)


def error_field(*pairs: tuple[str, str]) -> str:
    with pytest.raises(ParamError) as caught:
        parse(*pairs)
    assert caught.value.message
    return caught.value.field


def test_nothing_given_means_every_published_mission_with_seats_by_relevance():
    query = parse().query
    assert (query.q, query.domains, query.has_location, query.include_remote, query.with_seats) == (
        "",
        (),
        False,
        False,  # remote missions only when asked for (issue 13)
        True,
    )
    assert (query.sort, query.page, query.per_page) == ("relevance", 1, 20)


def test_repeated_filters_are_kept_once_each_in_order():
    query = parse(
        ("domain", "sante"), ("domain", "education"), ("domain", "sante"), ("slots", "wed_evening")
    ).query
    assert query.domains == ("sante", "education") and query.slots == ("wed_evening",)


def test_a_postcode_becomes_coordinates_with_a_default_radius():
    params = parse(("postcode", "69 007"))
    assert (params.query.lat, params.query.lon, params.query.radius_km) == (45.745, 4.842, 20.0)
    assert (params.postcode, params.place_name) == ("69007", "Lyon")


def test_a_radius_without_a_place_is_ignored_but_still_checked():
    assert parse(("radius_km", "50")).query.radius_km is None
    assert error_field(("radius_km", "500")) == "radius_km"


def test_the_last_value_of_a_checkbox_wins():
    assert parse(("remote", "0"), ("remote", "1")).query.include_remote is True
    assert parse(("remote", "0")).query.include_remote is False
    assert parse(("with_seats", "false")).query.with_seats is False


def test_dates_are_iso_and_ordered():
    query = parse(("from", "2030-06-01"), ("to", "2030-06-30")).query
    assert (query.date_from, query.date_to) == (date(2030, 6, 1), date(2030, 6, 30))
    assert error_field(("from", "2030-06-30"), ("to", "2030-06-01")) == "to"
    assert error_field(("from", "01/06/2030")) == "from"


@pytest.mark.parametrize(
    ("pairs", "field"),
    [
        ((("domain", "cuisine"),), "domain"),
        ((("kind", "x"),), "kind"),
        ((("postcode", "6900"),), "postcode"),
        ((("postcode", "99999"),), "postcode"),
        ((("postcode", "69007"), ("lat", "45")), "postcode"),
        ((("lat", "45"),), "lon"),
        ((("lon", "4"),), "lat"),
        ((("lat", "nan"), ("lon", "4")), "lat"),
        ((("age_range", "12-15"),), "age_range"),
        ((("sort", "distance"),), "sort"),
        ((("per_page", "0"),), "per_page"),
        ((("page", "-1"),), "page"),
        ((("q", "mot " * 60),), "q"),
    ],
)
def test_invalid_values_name_their_parameter(pairs, field):
    assert error_field(*pairs) == field


def test_links_carry_the_same_search_in_its_shortest_form():
    params = parse(
        ("q", "jardin"), ("domain", "sante"), ("postcode", "69007"), ("remote", "1"), ("page", "3")
    )
    assert query_args(params) == {
        "q": "jardin",
        "domain": ["sante"],
        "postcode": "69007",
        "radius_km": 20,
        "remote": "1",
        "page": 3,
    }
    assert query_args(params, page=None, domain=None) == {"q": "jardin", "postcode": "69007", "radius_km": 20,
                                                           "remote": "1"}  # fmt: skip
    again = parse_search_args(MultiDict(_pairs(query_args(params))), PLACES.get)
    assert again == params


def _pairs(args: dict) -> list[tuple[str, str]]:
    return [
        (name, str(item))
        for name, value in args.items()
        for item in (value if isinstance(value, list) else [value])
    ]
