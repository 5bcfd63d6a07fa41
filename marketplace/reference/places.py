"""The app's access to the offline geography, configured by GEO_DATA_PATH."""

from __future__ import annotations

import logging
from pathlib import Path

from flask import current_app

logger = logging.getLogger(__name__)


def geo_index():
    """The shared GeoIndex, or None when the reference file was not generated (run `make geo`)."""
    from marketplace.reference.geo import get_geo_index

    path = current_app.config["GEO_DATA_PATH"]
    if not Path(path).exists():
        logger.warning("Geographic reference %s is missing: run `make geo`.", path)
        return None
    return get_geo_index(path)


def place_for(postcode: str, city: str | None = None):
    """Best place for a postcode (and city name), or None when unknown."""
    index = geo_index()
    if index is None or not postcode:
        return None
    return index.place_for(postcode, city)


def postcode_for_town(city: str, departement: str | None = None) -> str | None:
    """The postcode of the commune named city (its main one), None when unknown or no data."""
    index = geo_index()
    if index is None:
        return None
    place = index.place_for_town(city, departement)
    return place.postcode if place else None
