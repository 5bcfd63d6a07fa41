"""PostgreSQL search queries: the plan of one search (SQL pieces), facet counts, one page of hits.

The same ``search(query) -> SearchResult`` as the Whoosh index, over the tables ``schema``
creates. Which path counts the facets of a search:
- bit strings: words (each turned by ``plainto_tsquery`` into an AND of stemmed words, the words
  OR-ed, exactly like the ``@@`` match) with only ``domain``, ``kind``, ``with_seats``,
  ``remote`` and a place without radius (distance shown, not filtered): AND/OR of bit strings,
  then ``bit_count`` per facet code. The page is still read from the rows (rank order).
- rows (``GROUP BY facet``): no words (everything matches, nothing to gain from words' bits),
  a radius, an age range, slots or dates (bits cannot say distance, ages, slots or dates), a
  widget's restriction to some missions (``mission_ids``), and
  words whose query is not a plain AND of stemmed words (only stop words to PostgreSQL).

Query words are chosen by ``analysis`` (the Whoosh analyzer's stop words, which PostgreSQL's
list lacks some of) and stemmed by PostgreSQL; highlights are made by ``analysis`` in Python,
exactly as with Whoosh.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Row, text

from marketplace.reference.distance import EARTH_RADIUS_KM, bounding_box, longitudes_wrap
from marketplace.search import analysis
from marketplace.search.documents import (
    AGE_BOUNDS,
    DOMAIN_SLUGS,
    MISSION_KIND_SLUGS,
    NO_MAX_AGE,
    SLOTS,
    SNIPPET_CHARS,
    SearchHit,
    SearchQuery,
    SearchResult,
)
from marketplace.search.postgres.schema import Executor
from marketplace.search.postgres.suggestion import suggestion
from marketplace.text import plain_text

# ts_rank weights for D, C, B, A: description (C) < skills (B) < title (A).
RANK_WEIGHTS = "{0.1, 0.2, 0.4, 1.0}"
RANK_NORMALIZATION = 1  # divide by 1 + log(document length): long texts do not win by volume


def query_words(text_: str) -> list[str]:
    """The words of a query worth searching for (stop words left out), each once, as typed."""
    seen: dict[str, str] = {}
    for term, start, end in analysis.term_spans(text_):
        seen.setdefault(term, text_[start:end])
    return list(seen.values())


def _distance_sql() -> str:
    """Great-circle distance in km from (:lat, :lon), NULL for missions without a place."""
    return (
        f"CASE WHEN s.lat IS NULL THEN NULL ELSE 2 * {EARTH_RADIUS_KM} * asin(sqrt(least(1.0,"
        " power(sin(radians(s.lat - :lat) / 2), 2)"
        " + cos(radians(:lat)) * cos(radians(s.lat)) * power(sin(radians(s.lon - :lon) / 2), 2)))) END"
    )


def _bits(values: Sequence[str], names: Sequence[str]) -> int:
    return sum(1 << names.index(value) for value in set(values))


@dataclass
class _Plan:
    """The SQL pieces and parameters of one search."""

    words: list[str]
    where: list[str] = field(default_factory=list)  # text match and every filter but domains and kinds
    branches: list[str] = field(default_factory=list)  # alternatives (OR), each scanned on its own
    selected: list[str] = field(default_factory=list)  # domain and kind filters
    params: dict[str, Any] = field(default_factory=dict)
    distance: str = "NULL::double precision"
    rank: str = "0::real"
    tsquery: str = ""
    # Only words and filters the bit strings hold (remote, seats left, domain, kind) are set.
    bit_countable: bool = False

    @classmethod
    def build(cls, query: SearchQuery) -> _Plan:
        plan = cls(words=query_words(query.q))
        plan._add_text()
        plan._add_filters(query)
        plan.bit_countable = bool(plan.words) and not (
            query.age_range
            or query.slots
            or query.date_from
            or query.date_to
            or (query.has_location and query.radius_km is not None)
            or query.mission_ids is not None  # a widget's restriction: the bit strings cover all missions
        )
        return plan

    def _add_text(self) -> None:
        if not self.words:
            return
        parts = []
        for number, word in enumerate(self.words):
            self.params[f"word{number}"] = word
            parts.append(f"plainto_tsquery('french'::regconfig, search.unaccent(:word{number}))")
        self.params["rank_weights"] = RANK_WEIGHTS
        self.tsquery = "(" + " || ".join(parts) + ")"
        self.where.append(f"s.document @@ {self.tsquery}")
        self.rank = (
            f"ts_rank(CAST(:rank_weights AS real[]), s.document, {self.tsquery}, {RANK_NORMALIZATION})"
        )

    def _add_filters(self, query: SearchQuery) -> None:
        where, params = self.where, self.params
        if query.mission_ids is not None:
            params["mission_ids"] = sorted(query.mission_ids)
            where.append("s.mission_id = ANY(:mission_ids)")
        if not query.include_remote:
            where.append("NOT s.remote")
        if query.with_seats:
            where.append("s.seats_left > 0")
        if query.age_range:
            params["age_low"], params["age_high"] = AGE_BOUNDS[query.age_range]
            where.append(f"s.min_age <= :age_high AND coalesce(s.max_age, {NO_MAX_AGE}) >= :age_low")
        if query.slots:
            # Missions with no slots (recurring) or no date (one-off) are flexible and always pass.
            params["slot_bits"] = _bits(query.slots, SLOTS)
            where.append(
                "CASE WHEN s.recurring THEN (s.slot_bits & :slot_bits) <> 0 OR s.slot_bits = 0"
                " ELSE (s.day_slots & :slot_bits) <> 0 OR s.start_date IS NULL END"
            )
        if query.date_from or query.date_to:
            # A one-off mission with only a start date lasts that day; unknown ends are open.
            last_day = "coalesce(s.end_date, CASE WHEN NOT s.recurring THEN s.start_date END)"
            if query.date_to:
                params["date_to"] = query.date_to
                where.append("(s.start_date IS NULL OR s.start_date <= :date_to)")
            if query.date_from:
                params["date_from"] = query.date_from
                where.append(f"({last_day} IS NULL OR {last_day} >= :date_from)")
        if query.lat is not None and query.lon is not None:
            params["lat"], params["lon"] = query.lat, query.lon
            self.distance = _distance_sql()
            if query.radius_km is not None:
                self._add_radius(query.lat, query.lon, query.radius_km, include_remote=query.include_remote)
        if query.domains:
            params["domains"] = list(query.domains)
            self.selected.append("s.domain = ANY(:domains)")
        if query.kinds:
            params["kinds"] = list(query.kinds)
            self.selected.append("s.kind = ANY(:kinds)")

    def _add_radius(self, lat: float, lon: float, radius_km: float, *, include_remote: bool) -> None:
        """Bounding box first (indexed latitude), then the exact distance."""
        min_lat, max_lat, min_lon, max_lon = bounding_box(lat, lon, radius_km)
        self.params.update(radius=radius_km, lat_min=min_lat, lat_max=max_lat)
        box = "s.lat BETWEEN :lat_min AND :lat_max"
        if not longitudes_wrap(min_lon, max_lon):
            self.params.update(lon_min=min_lon, lon_max=max_lon)
            box += " AND s.lon BETWEEN :lon_min AND :lon_max"
        within = f"{box} AND {self.distance} <= :radius"
        if include_remote:
            # Two scans rather than "within OR remote", which would keep the planner off the indexes.
            self.branches = [f"NOT s.remote AND {within}", "s.remote"]
        else:
            self.where.append(within)

    def source(self) -> str:
        """The rows passing the text match and every filter but domains and kinds, as ``s``."""
        where = " AND ".join(self.where) or "TRUE"
        if not self.branches:
            return f"search.missions AS s WHERE {where}"
        scans = " UNION ALL ".join(
            f"SELECT * FROM search.missions AS s WHERE {where} AND {branch}" for branch in self.branches
        )
        return f"({scans}) AS s WHERE TRUE"

    def order_by(self, query: SearchQuery, prefix: str = "s.", distance: str | None = None) -> str:
        """ORDER BY over ``search.missions`` (prefix "s.") or over the ``base`` rows (prefix "")."""
        distance = distance or self.distance
        published = f"{prefix}published_at DESC NULLS LAST"
        relevance = f"rank DESC, {published}" if self.words else published
        if query.sort == "date":
            return f"{prefix}start_date ASC NULLS LAST, {relevance}, {prefix}mission_id"
        if query.sort == "distance" and query.has_location:
            nearest = f"CASE WHEN {prefix}remote THEN NULL ELSE {distance} END ASC NULLS LAST"
            return f"{nearest}, {relevance}, {prefix}mission_id"
        return f"{relevance}, {prefix}mission_id"

    def facets_sql(self) -> str:
        """Counts per facet code (domain, kind) of the matches, before the domain and kind filters."""
        return f"SELECT s.facet, count(*) FROM {self.source()} GROUP BY 1"

    def page_sql(self, query: SearchQuery) -> str:
        """One page of matches passing every filter, in order."""
        selected = "".join(f" AND {condition}" for condition in self.selected)
        return (
            f"SELECT s.mission_id, {self.rank} AS rank, {self.distance} AS distance"
            f" FROM {self.source()}{selected}"
            f" ORDER BY {self.order_by(query)} LIMIT :limit OFFSET :offset"
        )

    def bit_facets_sql(self, query: SearchQuery, lexemes: Sequence[Sequence[str]]) -> tuple[str, dict]:
        """Counts per facet code from the bit strings: ``lexemes`` holds, per query word, the
        stemmed words a mission must all contain (plainto_tsquery's AND); words are OR-ed."""
        params: dict[str, Any] = {}
        per_word = []
        for number, word_lexemes in enumerate(lexemes):
            params[f"lexemes{number}"], params[f"size{number}"] = list(word_lexemes), len(word_lexemes)
            per_word.append(
                "SELECT block, bit_and(bits) AS bits FROM search.word_blocks"
                f" WHERE lexeme = ANY(:lexemes{number}) GROUP BY block HAVING count(*) = :size{number}"
            )
        flags = ("" if query.include_remote else " AND NOT f.remote") + (
            " AND f.has_seats" if query.with_seats else ""
        )
        sql = f"""
            WITH matched AS (
                SELECT block, bit_or(bits) AS bits FROM ({" UNION ALL ".join(per_word)}) AS per_word
                GROUP BY block
            )
            SELECT f.facet, sum(bit_count(f.bits & m.bits))::bigint AS n
            FROM matched AS m JOIN search.facet_blocks AS f ON f.block = m.block{flags}
            GROUP BY f.facet"""
        return sql, params

    def combined_sql(self, query: SearchQuery) -> str:
        """Facet counts and the page in one scan; only without domain and kind filters.

        Rows with a NULL mission_id are counts per facet code (domain, kind); the others are
        the page, numbered in order.
        """
        return f"""
            WITH base AS MATERIALIZED (
                SELECT s.mission_id, s.facet, s.published_at, s.start_date, s.remote,
                       {self.distance} AS distance, {self.rank} AS rank
                FROM {self.source()}
            )
            SELECT facet, count(*) AS n, NULL::integer AS mission_id, NULL::real AS rank,
                   NULL::double precision AS distance, NULL::bigint AS position
            FROM base GROUP BY facet
            UNION ALL
            SELECT NULL, NULL, mission_id, rank, distance, row_number() OVER () AS position
            FROM (SELECT mission_id, rank, distance FROM base
                  ORDER BY {self.order_by(query, prefix="", distance="distance")}
                  LIMIT :limit OFFSET :offset) AS page"""


# --- running it ---------------------------------------------------------------------------------


def _ordered_counts(slugs: Sequence[str], counts: dict[str, int]) -> dict[str, int]:
    pairs = [(slug, count) for slug, count in counts.items() if count and slug in slugs]
    return dict(sorted(pairs, key=lambda pair: (-pair[1], pair[0])))


def facet_pair(code: int) -> tuple[str, str] | None:
    """The (domain, kind) of a facet code written by ``search.facet``; None for -1."""
    if not 0 <= code < len(DOMAIN_SLUGS) * len(MISSION_KIND_SLUGS):
        return None
    domain, kind = divmod(code, len(MISSION_KIND_SLUGS))
    return DOMAIN_SLUGS[domain], MISSION_KIND_SLUGS[kind]


def facets_and_total(rows: Sequence[Sequence[Any]], query: SearchQuery) -> tuple[dict, int]:
    """Facet counts (each ignoring its own filter) and the total, from counts per facet code."""
    domains: dict[str, int] = {}
    kinds: dict[str, int] = {}
    total = 0
    for code, count in rows:
        if (pair := facet_pair(code)) is None:
            continue
        domain, kind = pair
        domain_ok = not query.domains or domain in query.domains
        kind_ok = not query.kinds or kind in query.kinds
        if kind_ok:
            domains[domain] = domains.get(domain, 0) + count
        if domain_ok:
            kinds[kind] = kinds.get(kind, 0) + count
        if domain_ok and kind_ok:
            total += count
    facets = {
        "domain": _ordered_counts(DOMAIN_SLUGS, domains),
        "kind": _ordered_counts(MISSION_KIND_SLUGS, kinds),
    }
    return facets, total


def _highlights(connection: Executor, ids: list[int], terms: list[str]) -> dict[int, dict[str, str]]:
    if not ids or not terms:
        return {}
    rows = connection.execute(
        text("SELECT id, title, description FROM public.missions WHERE id = ANY(:ids)"), {"ids": ids}
    )
    found = {}
    for mission_id, title, description in rows:
        snippets = {
            "title": analysis.highlight(title or "", terms),
            "description": analysis.highlight(plain_text(description), terms, width=SNIPPET_CHARS),
        }
        found[mission_id] = {name: snippet for name, snippet in snippets.items() if snippet}
    return found


_LEXEMES_AND_ED = re.compile(r"'([^'\\]+)'(?: & '([^'\\]+)')*")
_LEXEME = re.compile(r"'([^'\\]+)'")


def word_lexemes(connection: Executor, words: Sequence[str]) -> list[list[str]] | None:
    """Per word, the stemmed words plainto_tsquery requires (all of them), as the documents
    hold them; None when a word's query is anything else (no lexeme, quotes, operators),
    which the bit strings cannot answer exactly."""
    selects = ", ".join(
        f"plainto_tsquery('french'::regconfig, search.unaccent(:word{number}))::text"
        for number in range(len(words))
    )
    params = {f"word{number}": word for number, word in enumerate(words)}
    found = []
    for query_text in connection.execute(text(f"SELECT {selects}"), params).one():
        if not _LEXEMES_AND_ED.fullmatch(query_text):
            return None
        found.append(sorted(set(_LEXEME.findall(query_text))))
    return found


def _facet_rows(connection: Executor, plan: _Plan, query: SearchQuery) -> Sequence[Row]:
    """Counts per facet code: from the bit strings when the query allows it, else from the rows."""
    lexemes = word_lexemes(connection, plan.words) if plan.bit_countable else None
    if lexemes is None:
        return connection.execute(text(plan.facets_sql()), plan.params).all()
    sql, params = plan.bit_facets_sql(query, lexemes)
    return connection.execute(text(sql), params).all()


def _facets_and_page(
    connection: Executor, plan: _Plan, query: SearchQuery
) -> tuple[dict, int, Sequence[Row]]:
    offset = (query.page - 1) * query.per_page
    params = {**plan.params, "limit": query.per_page, "offset": offset}
    if not plan.selected and not plan.bit_countable:
        rows = connection.execute(text(plan.combined_sql(query)), params).all()
        facets, total = facets_and_total([row[:2] for row in rows if row.mission_id is None], query)
        ordered = sorted((row for row in rows if row.mission_id is not None), key=lambda row: row.position)
        return facets, total, ordered
    # Counting apart (from bit strings when possible) lets the page use the domain and kind index.
    facets, total = facets_and_total(_facet_rows(connection, plan, query), query)
    page = connection.execute(text(plan.page_sql(query)), params).all() if offset < total else []
    return facets, total, page


def search(connection: Executor, query: SearchQuery) -> SearchResult:
    """Run a search: words, filters, facets, sort, one page of hits (same semantics as Whoosh)."""
    plan = _Plan.build(query)
    connection.execute(text("SET LOCAL jit = off"))  # compiling costs more than these queries
    # psycopg prepares a statement run 5 times, and PostgreSQL then settles on a generic plan
    # that ignores the words' and filters' selectivity: 3-4 times slower for common words.
    connection.execute(text("SET LOCAL plan_cache_mode = force_custom_plan"))
    facets, total, rows = _facets_and_page(connection, plan, query)
    terms = analysis.query_terms(query.q) if plan.words else []
    highlights = _highlights(connection, [row.mission_id for row in rows], terms)
    hits = [
        SearchHit(
            id=row.mission_id,
            score=float(row.rank or 0.0),
            distance_km=None if row.distance is None else round(float(row.distance), 2),
            highlights=highlights.get(row.mission_id, {}),
        )
        for row in rows
    ]
    return SearchResult(
        hits=hits,
        total=total,
        page=query.page,
        per_page=query.per_page,
        facets=facets,
        suggestion=suggestion(connection, query.q) if total == 0 and plan.words else None,
    )
