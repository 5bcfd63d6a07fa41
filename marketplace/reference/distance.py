"""Distances on the Earth: one radius, one haversine, one bounding box for every feature.

Pure module (no Flask, no database). NumPy is imported only by the array variant, so that
importing the geography (``reference.geo``) does not load it.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

EARTH_RADIUS_KM = 6371.0088  # mean Earth radius (IUGG)
# Kilometres in one degree of latitude (and of longitude on the equator): about 111.195.
KM_PER_DEGREE = math.pi * EARTH_RADIUS_KM / 180


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two points (haversine)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    half_dphi = (phi2 - phi1) / 2
    half_dlambda = math.radians(lon2 - lon1) / 2
    h = math.sin(half_dphi) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(half_dlambda) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def haversine_km_array(lats: np.ndarray, lons: np.ndarray, lat: float, lon: float) -> np.ndarray:
    """Great-circle distances in kilometres from (lat, lon) to each point; NaN stays NaN."""
    import numpy as np

    phi1, phi2 = math.radians(lat), np.radians(lats)
    half_dphi = (phi2 - phi1) / 2
    half_dlambda = np.radians(lons - lon) / 2
    h = np.sin(half_dphi) ** 2 + math.cos(phi1) * np.cos(phi2) * np.sin(half_dlambda) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))


def bounding_box(lat: float, lon: float, radius_km: float) -> tuple[float, float, float, float]:
    """(min_lat, max_lat, min_lon, max_lon) enclosing every point within radius_km.

    Longitudes are not wrapped: a box crossing the antimeridian goes below -180 or above 180
    (callers then skip the longitude test); near a pole it spans every longitude.
    """
    angular = radius_km / EARTH_RADIUS_KM
    dlat = math.degrees(angular)
    min_lat, max_lat = lat - dlat, lat + dlat
    cos_lat = math.cos(math.radians(lat))
    if min_lat <= -90 or max_lat >= 90 or math.sin(angular) >= cos_lat:
        return max(min_lat, -90.0), min(max_lat, 90.0), -180.0, 180.0
    # The widest longitude is reached poleward of the centre, hence asin rather than angular / cos(lat).
    dlon = math.degrees(math.asin(math.sin(angular) / cos_lat))
    return min_lat, max_lat, lon - dlon, lon + dlon


def longitudes_wrap(min_lon: float, max_lon: float) -> bool:
    """True when a box's longitudes cross the antimeridian (a plain range test would be wrong)."""
    return min_lon < -180 or max_lon > 180
