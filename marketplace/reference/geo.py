"""Offline French geography: communes, postcodes and coordinates.

Pure module (no Flask, no database): it reads the JSON file written by
``python -m marketplace.reference.build_geo`` (``make geo``) and answers from memory.
"""

from __future__ import annotations

import heapq
import json
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from marketplace.reference.distance import haversine_km

# The one haversine (reference.distance), under the name callers of this module know.
distance_km = haversine_km

DEFAULT_PATH = Path(__file__).resolve().parent / "data" / "communes.json"
COLUMNS = ("insee", "name", "postcode", "departement", "lat", "lon", "population", "approximate")

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_POSTCODE = re.compile(r"^\d{5}$")
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "sts": "saints", "stes": "saintes"}
# NFKD leaves these alone; typographic apostrophes and dashes must separate words like ASCII ones.
_TRANSLATE = str.maketrans(
    {"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss", "’": " ", "‘": " ", "ʼ": " ", "–": " ", "—": " "}
)
# Keys only hold [a-z0-9], so appending this sorts after every key sharing the prefix.
_PREFIX_END = "\x7f"
# Prefix ranges wider than this get their top results precomputed, so that short
# prefixes ("s", "sa", "saint") never scan thousands of keys at query time.
_WIDE_RANGE = 128
_PRECOMPUTED_LIMIT = 20


@dataclass(frozen=True, slots=True)
class Place:
    """One commune (or Paris/Lyon/Marseille arrondissement) at one of its postcodes."""

    insee: str
    name: str
    postcode: str
    departement: str
    lat: float
    lon: float
    population: int
    approximate: bool


def _fold_tokens(text: str) -> list[str]:
    """Split text into lower-case ASCII words, dropping accents and punctuation."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.translate(_TRANSLATE)).encode("ascii", "ignore").decode()
    return _NON_ALNUM.sub(" ", text.lower()).split()


def normalize_name(text: str) -> str:
    """Fold a place name for comparison: 'St-Étienne' -> 'saint etienne'."""
    tokens = _fold_tokens(text)
    if not _ABBREVIATIONS.keys().isdisjoint(tokens):
        tokens = [_ABBREVIATIONS.get(token, token) for token in tokens]
    return " ".join(tokens)


def _name_key(text: str) -> str:
    """Search key of a name: normalised with spaces removed, so 'l'hay', 'l hay' and 'lhay' agree."""
    return normalize_name(text).replace(" ", "")


def _clean_postcode(postcode: str | int | None) -> str:
    return "".join(str(postcode or "").split())


def departement_for_postcode(postcode: str) -> str | None:
    """Département of a postcode's series (a few border communes use a neighbour's), None if malformed."""
    code = _clean_postcode(postcode)
    if not _POSTCODE.match(code) or code.startswith("00"):
        return None
    if code.startswith("20"):
        if code[2] in "01":
            return "2A"
        if code[2] in "26":
            return "2B"
        return None
    # Overseas postcodes carry a three-digit département or collectivity code (971..988).
    if code[:2] in ("97", "98"):
        return code[:3]
    return code[:2]


def _rank(place: Place) -> tuple[int, str, str, str]:
    return (-place.population, place.name, place.postcode, place.insee)


class _PrefixIndex:
    """Sorted keys answering 'best places whose key starts with a prefix' without a scan.

    Places are referred to by their position in the index's ranked list, so the best of a
    range is simply its smallest positions.
    """

    def __init__(self, entries: Iterable[tuple[str, int]]) -> None:
        ordered = sorted(entries)
        self.keys = [key for key, _ in ordered]
        self.positions = [position for _, position in ordered]
        self.top: dict[str, list[int]] = {}
        self._precompute("", 0, len(self.keys))

    def _precompute(self, prefix: str, lo: int, hi: int) -> None:
        # Recurse one character deeper while the range stays wide; each level scans disjoint ranges.
        if hi - lo <= _WIDE_RANGE:
            return
        if prefix:
            self.top[prefix] = heapq.nsmallest(_PRECOMPUTED_LIMIT, self.positions[lo:hi])
        depth = len(prefix)
        start = lo
        if len(self.keys[start]) == depth:
            start = bisect_left(self.keys, prefix + "\x00", lo, hi)
        while start < hi:
            child = prefix + self.keys[start][depth]
            end = bisect_left(self.keys, child + _PREFIX_END, start, hi)
            self._precompute(child, start, end)
            start = end

    def best(self, prefix: str, limit: int) -> list[int]:
        """Positions of the best `limit` places whose key starts with prefix."""
        if limit <= _PRECOMPUTED_LIMIT and prefix in self.top:
            return self.top[prefix][:limit]
        lo = bisect_left(self.keys, prefix)
        hi = bisect_left(self.keys, prefix + _PREFIX_END, lo)
        return heapq.nsmallest(limit, self.positions[lo:hi])


class GeoIndex:
    """In-memory index of French places by postcode and by name."""

    def __init__(self, rows: Iterable[Sequence[Any]]) -> None:
        self.places: tuple[Place, ...] = tuple(sorted((_place_from_row(row) for row in rows), key=_rank))
        by_postcode: dict[str, list[Place]] = {}
        first_row: dict[str, int] = {}
        for position, place in enumerate(self.places):
            by_postcode.setdefault(place.postcode, []).append(place)
            current = first_row.get(place.insee)
            if current is None or place.postcode < self.places[current].postcode:
                first_row[place.insee] = position
        self._by_postcode = {code: tuple(group) for code, group in by_postcode.items()}
        # Name search lists each commune once (at its lowest postcode); postcode search lists every row.
        self._names = _PrefixIndex((_name_key(self.places[i].name), i) for i in first_row.values())
        self._postcodes = _PrefixIndex((place.postcode, i) for i, place in enumerate(self.places))

    @classmethod
    def from_file(cls, path: str | Path = DEFAULT_PATH) -> GeoIndex:
        """Load the index from a file written by build_geo."""
        path = Path(path)
        if not path.is_file():
            raise FileNotFoundError(f"{path} is missing: run `make geo` to generate it")
        with path.open(encoding="utf-8") as handle:
            payload = json.load(handle)
        if tuple(payload.get("columns", ())) != COLUMNS:
            raise ValueError(f"{path} has columns {payload.get('columns')}, expected {list(COLUMNS)}")
        return cls(payload["rows"])

    def __len__(self) -> int:
        return len(self.places)

    def lookup_postcode(self, postcode: str) -> list[Place]:
        """Places sharing this postcode, most populated first."""
        return list(self._by_postcode.get(_clean_postcode(postcode), ()))

    def is_known_postcode(self, postcode: str) -> bool:
        """Whether the postcode belongs to at least one commune."""
        return _clean_postcode(postcode) in self._by_postcode

    def place_for(self, postcode: str, city: str | None = None) -> Place | None:
        """Best single place for a postcode, preferring the one named like city."""
        places = self._by_postcode.get(_clean_postcode(postcode))
        if not places:
            return None
        wanted = _name_key(city or "")
        if wanted:
            for place in places:
                if _name_key(place.name) == wanted:
                    return place
            for place in places:
                if _name_key(place.name).startswith(wanted):
                    return place
        return places[0]

    def place_for_town(self, city: str, departement: str | None = None) -> Place | None:
        """The commune named exactly like city (in that département when given), most populated first."""
        wanted = _name_key(city or "")
        if not wanted:
            return None
        named = [
            self.places[i] for i in self._names.best(wanted, 50) if _name_key(self.places[i].name) == wanted
        ]
        if departement:
            named = [place for place in named if place.departement == departement] or []
        return named[0] if named else None

    def search(self, text: str, limit: int = 10) -> list[Place]:
        """Autocompletion by commune-name prefix or postcode prefix, most populated first."""
        if limit <= 0:
            return []
        compact = "".join(str(text or "").split())
        if compact.isascii() and compact.isdigit():
            index, prefixes = self._postcodes, [compact]
        else:
            index, prefixes = self._names, _query_keys(text)
        if not prefixes or not prefixes[0]:
            return []
        if len(prefixes) == 1:
            return [self.places[i] for i in index.best(prefixes[0], limit)]
        found = {i for prefix in prefixes for i in index.best(prefix, limit)}
        return [self.places[i] for i in heapq.nsmallest(limit, found)]


def _query_keys(text: str) -> list[str]:
    """Name keys to search; a trailing 'st' may be 'saint' or the start of 'Strasbourg'."""
    tokens = _fold_tokens(text)
    expanded = "".join(_ABBREVIATIONS.get(token, token) for token in tokens)
    if tokens and tokens[-1] in _ABBREVIATIONS:
        literal = "".join(_ABBREVIATIONS.get(token, token) for token in tokens[:-1]) + tokens[-1]
        return [expanded, literal]
    return [expanded]


def _place_from_row(row: Sequence[Any]) -> Place:
    insee, name, postcode, departement, lat, lon, population, approximate = row
    return Place(
        insee=str(insee),
        name=str(name),
        postcode=str(postcode),
        departement=str(departement),
        lat=float(lat),
        lon=float(lon),
        population=int(population or 0),
        approximate=bool(approximate),
    )


@lru_cache(maxsize=4)
def _cached_index(path: Path) -> GeoIndex:
    return GeoIndex.from_file(path)


def get_geo_index(path: str | Path | None = None) -> GeoIndex:
    """Shared index for a file, loaded on first use and cached per path."""
    return _cached_index(Path(path or DEFAULT_PATH).resolve())
