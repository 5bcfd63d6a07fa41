"""Offline geography: pure logic on a hand-made index, then the generated reference file."""

from __future__ import annotations

import pytest

from marketplace.reference.distance import haversine_km
from marketplace.reference.geo import (
    DEFAULT_PATH,
    GeoIndex,
    departement_for_postcode,
    get_geo_index,
    normalize_name,
)

ROWS = [
    ["42218", "Saint-Étienne", "42000", "42", 45.43389, 4.39, 173136, 0],
    ["42218", "Saint-Étienne", "42100", "42", 45.43389, 4.39, 173136, 0],
    ["76575", "Saint-Étienne-du-Rouvray", "76800", "76", 49.37794, 1.10485, 29518, 0],
    ["67482", "Strasbourg", "67000", "67", 48.58392, 7.74553, 293771, 0],
    ["93066", "Saint-Denis", "93200", "93", 48.93564, 2.35387, 149077, 0],
    ["94038", "L'Haÿ-les-Roses", "94240", "94", 48.78, 2.33747, 31188, 0],
    ["01001", "L'Abergement-Clémenciat", "01400", "01", 46.15, 5.01, 860, 1],
    ["01093", "Châtillon-sur-Chalaronne", "01400", "01", 46.11834, 4.95656, 5058, 0],
    ["01306", "Romans", "01400", "01", 46.13, 5.03, 500, 1],
    ["2A004", "Ajaccio", "20000", "2A", 41.91886, 8.73812, 76320, 0],
]
SHARED_01400 = ["Châtillon-sur-Chalaronne", "L'Abergement-Clémenciat", "Romans"]


def names(places: list) -> list[str]:
    return [place.name for place in places]


@pytest.fixture(scope="module")
def index() -> GeoIndex:
    return GeoIndex(ROWS)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Saint-Étienne", "saint etienne"),
        ("ST ETIENNE", "saint etienne"),
        ("Ste-Foy-lès-Lyon", "sainte foy les lyon"),
        ("L'Haÿ-les-Roses", "l hay les roses"),
        ("L’Haÿ  les Roses", "l hay les roses"),
        ("Œuilly", "oeuilly"),
        ("  ", ""),
    ],
)
def test_normalize_name(raw: str, expected: str) -> None:
    assert normalize_name(raw) == expected


def test_search_ranks_prefix_matches_by_population(index: GeoIndex) -> None:
    assert names(index.search("saint")) == ["Saint-Étienne", "Saint-Denis", "Saint-Étienne-du-Rouvray"]
    assert names(index.search("saint", limit=1)) == ["Saint-Étienne"]


@pytest.mark.parametrize(
    "text", ["st etienne", "saint-etienne", "Saint-Étienne", "SAINT ÉTIENNE", "st-étienne"]
)
def test_search_ignores_accents_case_hyphens_and_abbreviations(index: GeoIndex, text: str) -> None:
    assert [p.insee for p in index.search(text)] == ["42218", "76575"]


def test_search_lists_a_commune_once_and_keeps_st_ambiguous(index: GeoIndex) -> None:
    assert [p.postcode for p in index.search("saint-etienne", limit=1)] == ["42000"]
    assert names(index.search("st"))[:2] == ["Strasbourg", "Saint-Étienne"]
    assert names(index.search("l'hay")) == names(index.search("lhay")) == ["L'Haÿ-les-Roses"]
    assert index.search("") == [] and index.search("zzz") == [] and index.search("saint", limit=0) == []


def test_search_by_postcode_prefix(index: GeoIndex) -> None:
    assert names(index.search("014")) == SHARED_01400
    assert [p.postcode for p in index.search("42 1")] == ["42100"]


def test_prefix_search_matches_a_full_scan_on_a_large_index() -> None:
    # Enough names sharing prefixes to exercise the precomputed answers for wide ranges.
    rows = [
        [f"{n:05d}", f"{a}{b}{c}ville", f"{n:05d}", "01", 46.0, 5.0, (n * 7919) % 10007, 0]
        for n, (a, b, c) in enumerate(
            (a, b, c) for a in "abc" for b in "abcdefghij" for c in "abcdefghijklmnopqrst"
        )
    ]
    big = GeoIndex(rows)
    for prefix, limit in [("a", 10), ("a", 30), ("ab", 25), ("abc", 5), ("c", 3), ("0", 10), ("005", 30)]:
        key = "postcode" if prefix.isdigit() else "name"
        full = sorted(
            (p for p in big.places if getattr(p, key).startswith(prefix)),
            key=lambda p: (-p.population, p.name),
        )
        assert big.search(prefix, limit) == full[:limit], prefix


def test_postcode_lookups(index: GeoIndex) -> None:
    assert names(index.lookup_postcode("01400")) == SHARED_01400
    assert index.place_for("01400").name == "Châtillon-sur-Chalaronne"
    assert index.place_for("01400", "l abergement clemenciat").insee == "01001"
    assert index.place_for("01400", "Romans").insee == "01306"
    assert index.place_for("01400", "Lyon").insee == "01093"
    assert index.place_for("99999") is None
    assert index.is_known_postcode("20 000") and not index.is_known_postcode("20001")
    assert index.lookup_postcode("nope") == []


@pytest.mark.parametrize(
    ("postcode", "expected"),
    [
        ("75001", "75"), ("01000", "01"), ("20000", "2A"), ("20167", "2A"), ("20200", "2B"),
        ("20600", "2B"), ("97100", "971"), ("97400", "974"), ("97600", "976"), ("98714", "987"),
        ("7500", None), ("750011", None), ("7500A", None), ("", None), ("00100", None), ("20300", None),
    ],
)  # fmt: skip
def test_departement_for_postcode(postcode: str, expected: str | None) -> None:
    assert departement_for_postcode(postcode) == expected


def test_from_file_explains_a_missing_file(tmp_path) -> None:
    with pytest.raises(FileNotFoundError, match="make geo"):
        GeoIndex.from_file(tmp_path / "communes.json")


# The generated file (git-ignored): these fail, not skip, so that a forgotten build is noticed.
FRANCE = {
    "metropole": (41.3, 51.2, -5.3, 9.7),
    "antilles": (14.3, 18.2, -63.2, -60.7),
    "guyane": (2.0, 6.0, -54.7, -51.5),
    "reunion": (-21.5, -20.8, 55.1, 55.9),
    "mayotte": (-13.1, -12.6, 44.9, 45.4),
    "saint-pierre-et-miquelon": (46.7, 47.2, -56.5, -56.0),
    "wallis-et-futuna": (-14.5, -13.0, -178.3, -176.0),
    "polynesie": (-28.0, -7.5, -155.0, -134.0),
    "nouvelle-caledonie": (-23.0, -19.0, 163.0, 169.0),
}


def _real() -> GeoIndex:
    if not DEFAULT_PATH.is_file():
        pytest.fail(f"{DEFAULT_PATH} is missing: run `make geo` to generate it", pytrace=False)
    return get_geo_index()


def test_real_lyon_3e_has_its_own_point() -> None:
    real = _real()
    arrondissement = real.place_for("69003", "Lyon 3e Arrondissement")
    city = real.place_for("69003")
    assert arrondissement.insee == "69383" and city.insee == "69123"
    for place in (arrondissement, city):
        assert haversine_km(place.lat, place.lon, 45.76, 4.85) < 1.5 and not place.approximate
    assert get_geo_index() is real


def test_real_search_and_lookup() -> None:
    real = _real()
    assert real.search("paris")[0].name == "Paris"
    assert real.place_for("13001").name == "Marseille"
    assert real.search("st etienne")[0].name == "Saint-Étienne"
    assert real.is_known_postcode("97400") and len(real) > 30000


def test_real_rows_lie_in_france() -> None:
    real = _real()
    boxes = FRANCE.values()
    outside = [p for p in real.places if not any(a <= p.lat <= b and c <= p.lon <= d for a, b, c, d in boxes)]
    assert outside == []
