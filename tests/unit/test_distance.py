"""The one haversine, km-per-degree constant and bounding box every feature uses."""

from __future__ import annotations

import math

import numpy as np
import pytest

from marketplace.reference import geo
from marketplace.reference.distance import (
    EARTH_RADIUS_KM,
    KM_PER_DEGREE,
    bounding_box,
    haversine_km,
    haversine_km_array,
    longitudes_wrap,
)

PARIS, LYON = (48.8566, 2.3522), (45.764, 4.8357)


def test_haversine_between_two_cities() -> None:
    assert haversine_km(*PARIS, *LYON) == pytest.approx(392, abs=3)
    assert haversine_km(*LYON, *PARIS) == pytest.approx(haversine_km(*PARIS, *LYON))
    assert haversine_km(*PARIS, *PARIS) == 0


def test_one_degree_of_latitude_is_km_per_degree() -> None:
    assert pytest.approx(111.195, abs=1e-3) == KM_PER_DEGREE
    assert haversine_km(45.0, 4.0, 46.0, 4.0) == pytest.approx(KM_PER_DEGREE)
    assert haversine_km(0.0, 10.0, 0.0, 11.0) == pytest.approx(KM_PER_DEGREE)


def test_the_array_variant_agrees_with_the_scalar_one_and_keeps_nan() -> None:
    lats = np.array([LYON[0], 43.2965, math.nan, -21.1])
    lons = np.array([LYON[1], 5.3698, math.nan, 55.5])
    found = haversine_km_array(lats, lons, *PARIS)
    located = [0, 1, 3]
    expected = [haversine_km(*PARIS, lats[i], lons[i]) for i in located]
    assert found[located] == pytest.approx(expected, rel=1e-12)
    assert math.isnan(found[2])


def test_antipodes_are_half_the_circumference_apart() -> None:
    assert haversine_km(10.0, 20.0, -10.0, -160.0) == pytest.approx(math.pi * EARTH_RADIUS_KM)


def test_the_geography_module_uses_the_same_function() -> None:
    assert geo.distance_km is haversine_km


def _destination(lat: float, lon: float, bearing: float, km: float) -> tuple[float, float]:
    phi, lam, theta, d = math.radians(lat), math.radians(lon), math.radians(bearing), km / 6371.0088
    phi2 = math.asin(math.sin(phi) * math.cos(d) + math.cos(phi) * math.sin(d) * math.cos(theta))
    lam2 = lam + math.atan2(
        math.sin(theta) * math.sin(d) * math.cos(phi), math.cos(d) - math.sin(phi) * math.sin(phi2)
    )
    return math.degrees(phi2), math.degrees(lam2)


@pytest.mark.parametrize(
    ("lat", "lon", "radius"), [(*PARIS, 30), (*LYON, 150), (-21.1, 55.5, 10), (64.0, 10.0, 500)]
)
def test_bounding_box_contains_points_at_the_radius(lat: float, lon: float, radius: float) -> None:
    min_lat, max_lat, min_lon, max_lon = bounding_box(lat, lon, radius)
    assert max_lat - min_lat == pytest.approx(2 * radius / 111.195, rel=1e-3)
    for bearing in range(0, 360, 5):
        point = _destination(lat, lon, bearing, radius)
        assert haversine_km(lat, lon, *point) == pytest.approx(radius)
        assert min_lat - 1e-9 <= point[0] <= max_lat + 1e-9 and min_lon - 1e-9 <= point[1] <= max_lon + 1e-9


def test_bounding_box_near_a_pole_spans_all_longitudes() -> None:
    assert bounding_box(89.9, 0.0, 50) == (pytest.approx(89.45, abs=0.01), 90.0, -180.0, 180.0)


def test_a_box_across_the_antimeridian_says_so() -> None:
    _, _, min_lon, max_lon = bounding_box(-17.7, 179.9, 50)  # Fiji
    assert max_lon > 180 and longitudes_wrap(min_lon, max_lon)
    assert not longitudes_wrap(*bounding_box(*LYON, 100)[2:])
