"""PostgreSQL full-text search backend: the same ``search(query) -> SearchResult`` as the Whoosh index.

For deployments with several app nodes: the search data lives in the database, so every node
sees the same thing and nothing has to be synchronised after commits.

Layout, all in the schema ``search`` (created by the migration, or by ``install()``):
- ``search.missions``: one row per *published* mission with its weighted ``tsvector``
  (``to_tsvector('french', search.unaccent(...))``: title A, skills B, description C) and the
  facts filters need (domain, kind, place, dates, slots as bits, ages, seats). A GIN index
  covers the vector. Triggers on ``public.missions`` keep it in step in the same transaction
  as every INSERT / UPDATE / DELETE / TRUNCATE, including bulk UPDATEs such as seat counters.
- ``search.words``: the words of titles and descriptions, with a trigram index, for the
  spelling suggestion. Triggers add words; ``rebuild()`` (``flask search reindex``) also
  forgets words no mission uses any more; a suggestion is only offered when its word still
  matches a published mission.

Why a stored vector rather than a GIN expression index on ``missions``: the expression index
finds matches, but ranking them (``ts_rank``) needs the vector itself, which PostgreSQL would
recompute for every matching row (about 70 µs each: 0.5 s for a common word at 100k
missions). Why a schema of its own: Alembic compares the models with the default schema only,
so ``flask db check`` stays clean without declaring PostgreSQL-only tables in the models, and
``db.drop_all()`` / ``create_all()`` (tests) never trip over it.

Query words are chosen by ``analysis`` (the Whoosh analyzer's stop words, which PostgreSQL's
list lacks some of) and stemmed by PostgreSQL; highlights are made by ``analysis`` in Python,
exactly as with Whoosh.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from marketplace.search import analysis
from marketplace.search.documents import (
    DAY_PART_SLUGS,
    DOMAIN_SLUGS,
    MISSION_KIND_SLUGS,
    SLOTS,
    SearchHit,
    SearchQuery,
    SearchResult,
)
from marketplace.search.index import AGE_BOUNDS, EARTH_RADIUS_KM, KM_PER_DEGREE, NO_MAX_AGE, SNIPPET_CHARS

# Written on the schema by install() and the migration; change it with the DDL below.
SCHEMA_VERSION = "tremplin-search 3"
DOCUMENT_INDEX = "search.missions_document_idx"
# ts_rank weights for D, C, B, A: description (C) < skills (B) < title (A).
RANK_WEIGHTS = "{0.1, 0.2, 0.4, 1.0}"
RANK_NORMALIZATION = 1  # divide by 1 + log(document length): long texts do not win by volume
SUGGESTION_CANDIDATES = 10
SUGGESTION_MAX_EDITS = 2
FREQUENCY_CAP = 500

Executor = Session | Connection


def _sql_array(values: Sequence[str]) -> str:
    return "ARRAY[" + ", ".join(f"'{value}'" for value in values) + "]"


_SLOTS_ARRAY = _sql_array(SLOTS)
_DOMAINS_ARRAY = _sql_array(DOMAIN_SLUGS)
_KINDS_ARRAY = _sql_array(MISSION_KIND_SLUGS)
_DAY_PARTS_ARRAY = _sql_array(DAY_PART_SLUGS)
_PARTS = len(DAY_PART_SLUGS)  # SLOTS run day by day, each day's parts in order: bit = day * 3 + part


def _projection(row: str) -> str:
    """The ``search.missions`` columns computed from a mission row named ``row``."""
    return f"""
        {row}.id,
        search.mission_document({row}.title, {row}.skills, {row}.description),
        {row}.domain,
        {row}.kind,
        search.facet({row}.domain, {row}.kind),
        {row}.remote,
        {row}.schedule = 'recurring',
        CASE WHEN {row}.lon IS NOT NULL THEN {row}.lat END,
        CASE WHEN {row}.lat IS NOT NULL THEN {row}.lon END,
        {row}.start_date,
        {row}.end_date,
        search.slot_bits({row}.slots),
        search.day_slots({row}.schedule, {row}.start_date, {row}.end_date, {row}.day_parts),
        {row}.min_age,
        {row}.max_age,
        greatest({row}.capacity - {row}.seats_taken, 0),
        {row}.published_at"""


_COLUMNS = """mission_id, document, domain, kind, facet, remote, recurring, lat, lon, start_date, end_date,
    slot_bits, day_slots, min_age, max_age, seats_left, published_at"""
_UPDATE_ALL = ", ".join(f"{column.strip()} = EXCLUDED.{column.strip()}" for column in _COLUMNS.split(",")[1:])


def _words_of(source: str) -> str:
    """SELECT the distinct words (3+ letters, not numbers) of the ``title_and_description`` of ``source``."""
    return f"""
        SELECT word, search.unaccent(word) FROM (
            SELECT DISTINCT word
            FROM {source}, regexp_split_to_table(lower(title_and_description), '[^[:alnum:]]+') AS word
            WHERE char_length(word) >= 3 AND word !~ '^[0-9]+$'
        ) AS words"""


_NEW_TEXT = "(SELECT NEW.title || ' ' || NEW.description AS title_and_description) AS mission"

# Every statement is idempotent: install() can run on a database the migration already set up.
INSTALL_STATEMENTS: tuple[str, ...] = (
    "CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public",
    "CREATE SCHEMA IF NOT EXISTS search",
    # unaccent() is only STABLE (it reads a dictionary); naming the dictionary makes it immutable.
    """CREATE OR REPLACE FUNCTION search.unaccent(value text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, value) $$""",
    """CREATE OR REPLACE FUNCTION search.json_strings(value json) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT CASE WHEN json_typeof(value) = 'array' THEN
                (SELECT string_agg(item, ' ; ') FROM json_array_elements_text(value) AS item) END $$""",
    """CREATE OR REPLACE FUNCTION search.mission_document(title text, skills json, description text)
        RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT
            setweight(to_tsvector('french'::regconfig, search.unaccent(coalesce(title, ''))), 'A')
            || setweight(to_tsvector('french'::regconfig,
                                     search.unaccent(coalesce(search.json_strings(skills), ''))), 'B')
            || setweight(to_tsvector('french'::regconfig,
                                     search.unaccent(coalesce(description, ''))), 'C') $$""",
    f"""CREATE OR REPLACE FUNCTION search.slot_bits(slots json) RETURNS integer
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT CASE WHEN json_typeof(slots) = 'array' THEN coalesce(
                (SELECT bit_or(1 << (array_position({_SLOTS_ARRAY}, item) - 1))
                 FROM json_array_elements_text(slots) AS item), 0) ELSE 0 END $$""",
    # One-off missions: the weekly slots their dates' weekdays and parts of the day cover (every
    # part when none is said), as bits of SLOTS, like documents.one_off_slots for Whoosh.
    f"""CREATE OR REPLACE FUNCTION search.day_part_numbers(day_parts json) RETURNS integer[]
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT coalesce(
                (SELECT array_agg(array_position({_DAY_PARTS_ARRAY}, item) - 1)
                 FROM json_array_elements_text(CASE WHEN json_typeof(day_parts) = 'array'
                                                    THEN day_parts ELSE '[]' END) AS item
                 WHERE item = ANY({_DAY_PARTS_ARRAY})),
                ARRAY[{", ".join(str(number) for number in range(_PARTS))}]) $$""",
    f"""CREATE OR REPLACE FUNCTION search.day_slots(schedule text, start_date date, end_date date,
                                                   day_parts json)
        RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT CASE WHEN schedule = 'one_off' AND start_date IS NOT NULL THEN
                (SELECT bit_or(1 << ((extract(isodow FROM start_date + day)::integer - 1) * {_PARTS} + part))
                 FROM generate_series(0, least(greatest(coalesce(end_date - start_date, 0), 0), 6)) AS day,
                      unnest(search.day_part_numbers(day_parts)) AS part)
              ELSE 0 END $$""",
    # (domain, kind) as one small number: counting facets groups by it, which is cheaper than
    # grouping by two strings; -1 for a slug outside the vocabulary (never counted).
    f"""CREATE OR REPLACE FUNCTION search.facet(domain text, kind text) RETURNS smallint
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT coalesce(((array_position({_DOMAINS_ARRAY}, domain) - 1) * {len(MISSION_KIND_SLUGS)}
                               + array_position({_KINDS_ARRAY}, kind) - 1)::smallint, -1) $$""",
    """CREATE TABLE IF NOT EXISTS search.missions (
        mission_id integer PRIMARY KEY,
        document tsvector NOT NULL,
        domain text NOT NULL,
        kind text NOT NULL,
        facet smallint NOT NULL,
        remote boolean NOT NULL,
        recurring boolean NOT NULL,
        lat double precision,
        lon double precision,
        start_date date,
        end_date date,
        slot_bits integer NOT NULL,
        day_slots integer NOT NULL,
        min_age integer NOT NULL,
        max_age integer,
        seats_left integer NOT NULL,
        published_at timestamp without time zone
    )""",
    # Version 1 tables have no facet column: add it (a rebuild fills it) rather than drop them.
    "ALTER TABLE search.missions ADD COLUMN IF NOT EXISTS facet smallint NOT NULL DEFAULT -1",
    "ALTER TABLE search.missions ALTER COLUMN facet DROP DEFAULT",
    "UPDATE search.missions SET facet = search.facet(domain, kind) WHERE facet = -1",
    # Version 2 tables keep one-off missions' weekdays only: the rebuild fills the slots instead.
    "ALTER TABLE search.missions ADD COLUMN IF NOT EXISTS day_slots integer NOT NULL DEFAULT 0",
    "ALTER TABLE search.missions ALTER COLUMN day_slots DROP DEFAULT",
    "ALTER TABLE search.missions DROP COLUMN IF EXISTS weekdays",
    "DROP FUNCTION IF EXISTS search.weekdays(text, date, date)",
    # Searches read GIN's pending list entry by entry: keep it short (the default is 4 MB).
    """CREATE INDEX IF NOT EXISTS missions_document_idx ON search.missions USING gin (document)
        WITH (gin_pending_list_limit = 128)""",
    "CREATE INDEX IF NOT EXISTS missions_domain_kind_idx ON search.missions (domain, kind)",
    "CREATE INDEX IF NOT EXISTS missions_lat_idx ON search.missions (lat)",
    "CREATE INDEX IF NOT EXISTS missions_remote_idx ON search.missions (mission_id) WHERE remote",
    """CREATE TABLE IF NOT EXISTS search.words (
        word text PRIMARY KEY,
        folded text NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS words_folded_trgm_idx ON search.words USING gin (folded public.gin_trgm_ops)",
    f"""CREATE OR REPLACE FUNCTION search.sync_mission() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.id <> NEW.id) THEN
                DELETE FROM search.missions WHERE mission_id = OLD.id;
            END IF;
            IF TG_OP = 'DELETE' THEN
                RETURN NULL;
            END IF;
            IF NEW.status <> 'published' THEN
                DELETE FROM search.missions WHERE mission_id = NEW.id;
                RETURN NULL;
            END IF;
            INSERT INTO search.missions ({_COLUMNS})
                SELECT {_projection("NEW")}
                ON CONFLICT (mission_id) DO UPDATE SET {_UPDATE_ALL};
            INSERT INTO search.words (word, folded) {_words_of(_NEW_TEXT)}
                ON CONFLICT (word) DO NOTHING;
            RETURN NULL;
        END $$""",
    """CREATE OR REPLACE FUNCTION search.clear() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            TRUNCATE search.missions, search.words;
            RETURN NULL;
        END $$""",
    """CREATE OR REPLACE TRIGGER search_sync AFTER INSERT OR UPDATE OR DELETE ON public.missions
        FOR EACH ROW EXECUTE FUNCTION search.sync_mission()""",
    """CREATE OR REPLACE TRIGGER search_clear AFTER TRUNCATE ON public.missions
        FOR EACH STATEMENT EXECUTE FUNCTION search.clear()""",
    f"COMMENT ON SCHEMA search IS '{SCHEMA_VERSION}'",
)

# DELETE rather than TRUNCATE: searches keep reading the previous rows until the rebuild commits.
# Rows are written grouped by remote, domain and place: a search by cause or around a place
# then reads a few runs of table pages instead of pages all over the table.
REBUILD_STATEMENTS: tuple[str, ...] = (
    "DELETE FROM search.missions",
    "DELETE FROM search.words",
    f"""INSERT INTO search.missions ({_COLUMNS})
        SELECT {_projection("m")} FROM public.missions AS m WHERE m.status = 'published'
        ORDER BY m.remote DESC, m.domain, floor(m.lat), floor(m.lon), m.lat""",
    f"""INSERT INTO search.words (word, folded)
        {
        _words_of(
            "(SELECT title || ' ' || description AS title_and_description FROM public.missions "
            "WHERE status = 'published') AS mission"
        )
    }""",
    "SELECT gin_clean_pending_list('search.missions_document_idx'::regclass)",
    "ANALYZE search.missions",
    "ANALYZE search.words",
)


# --- set-up and maintenance -----------------------------------------------------------------


def install(connection: Executor, *, force: bool = False) -> None:
    """Create (or update) the search schema, its functions, tables, indexes and triggers.

    Nothing is done when this version is already in place: DDL takes locks that would make
    a reindex wait for running searches and writes, and them for it.
    """
    if not force and installed_version(connection) == SCHEMA_VERSION and is_installed(connection):
        return
    for statement in INSTALL_STATEMENTS:
        connection.execute(text(statement))


def installed_version(connection: Executor) -> str | None:
    """The version written on the search schema, or None when there is no schema."""
    return connection.execute(
        text("SELECT obj_description(oid, 'pg_namespace') FROM pg_namespace WHERE nspname = 'search'")
    ).scalar()


def rebuild(connection: Executor) -> int:
    """Refill the search tables from the published missions; return how many were indexed."""
    for statement in REBUILD_STATEMENTS:
        connection.execute(text(statement))
    return connection.execute(text("SELECT count(*) FROM search.missions")).scalar_one()


def is_installed(connection: Executor) -> bool:
    """True when the search tables and the trigger keeping them in step exist."""
    found = connection.execute(
        text(
            "SELECT to_regclass('search.missions') IS NOT NULL AND to_regclass('search.words') IS NOT NULL"
            " AND EXISTS (SELECT 1 FROM pg_trigger"
            "             WHERE tgname = 'search_sync' AND tgrelid = 'public.missions'::regclass)"
        )
    ).scalar_one()
    return bool(found)


def indexed_ids(connection: Executor) -> set[int]:
    """Ids of the missions the search tables hold."""
    return set(connection.execute(text("SELECT mission_id FROM search.missions")).scalars())


def index_size_bytes(connection: Executor) -> int:
    """Size of the GIN index over the mission documents."""
    return connection.execute(text(f"SELECT pg_relation_size('{DOCUMENT_INDEX}')")).scalar_one()


# --- building the query -----------------------------------------------------------------------


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

    @classmethod
    def build(cls, query: SearchQuery) -> _Plan:
        plan = cls(words=query_words(query.q))
        plan._add_text()
        plan._add_filters(query)
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
        if query.has_location:
            params["lat"], params["lon"] = query.lat, query.lon
            self.distance = _distance_sql()
            if query.radius_km is not None:
                self._add_radius(query)
        if query.domains:
            params["domains"] = list(query.domains)
            self.selected.append("s.domain = ANY(:domains)")
        if query.kinds:
            params["kinds"] = list(query.kinds)
            self.selected.append("s.kind = ANY(:kinds)")

    def _add_radius(self, query: SearchQuery) -> None:
        """Bounding box first (indexed latitude), then the exact distance."""
        radius, lat, lon = query.radius_km, query.lat, query.lon
        dlat = radius / KM_PER_DEGREE
        dlon = radius / (KM_PER_DEGREE * max(math.cos(math.radians(lat)), 1e-6))
        self.params.update(radius=radius, lat_min=lat - dlat, lat_max=lat + dlat)
        box = "s.lat BETWEEN :lat_min AND :lat_max"
        if dlon < 180 and lon - dlon >= -180 and lon + dlon <= 180:
            self.params.update(lon_min=lon - dlon, lon_max=lon + dlon)
            box += " AND s.lon BETWEEN :lon_min AND :lon_max"
        within = f"{box} AND {self.distance} <= :radius"
        if query.include_remote:
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
    domains, kinds, total = {}, {}, 0
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
            "description": analysis.highlight(description or "", terms, width=SNIPPET_CHARS),
        }
        found[mission_id] = {name: snippet for name, snippet in snippets.items() if snippet}
    return found


def _facets_and_page(connection: Executor, plan: _Plan, query: SearchQuery) -> tuple[dict, int, list]:
    offset = (query.page - 1) * query.per_page
    params = {**plan.params, "limit": query.per_page, "offset": offset}
    if not plan.selected:
        rows = connection.execute(text(plan.combined_sql(query)), params).all()
        facets, total = facets_and_total([row[:2] for row in rows if row.mission_id is None], query)
        page = sorted((row for row in rows if row.mission_id is not None), key=lambda row: row.position)
        return facets, total, page
    # With a domain or kind filter, counting and paging apart lets the page use their index.
    facets, total = facets_and_total(connection.execute(text(plan.facets_sql()), plan.params).all(), query)
    page = connection.execute(text(plan.page_sql(query)), params).all() if offset < total else []
    return facets, total, page


def search(connection: Executor, query: SearchQuery) -> SearchResult:
    """Run a search: words, filters, facets, sort, one page of hits (same semantics as Whoosh)."""
    plan = _Plan.build(query)
    connection.execute(text("SET LOCAL jit = off"))  # compiling costs more than these queries
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


# --- spelling suggestion ------------------------------------------------------------------------


def edit_distance(first: str, second: str) -> int:
    """Levenshtein distance between two strings."""
    previous = list(range(len(second) + 1))
    for i, left in enumerate(first, 1):
        current = [i]
        for j, right in enumerate(second, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (left != right)))
        previous = current
    return previous[-1]


def _matches(connection: Executor, word: str) -> int:
    """How many published missions contain the word (capped); -1 for a word PostgreSQL ignores."""
    return connection.execute(
        text(
            "WITH q AS (SELECT plainto_tsquery('french'::regconfig, search.unaccent(:word)) AS query)"
            " SELECT CASE WHEN numnode(q.query) = 0 THEN -1 ELSE"
            " (SELECT count(*) FROM (SELECT 1 FROM search.missions AS s WHERE s.document @@ q.query"
            "  LIMIT :cap) AS found) END FROM q"
        ),
        {"word": word, "cap": FREQUENCY_CAP},
    ).scalar_one()


def _closest_word(connection: Executor, word: str) -> str | None:
    """The indexed word nearest to ``word`` (same first letter, at most 2 edits), most used first."""
    folded = analysis.fold(word)
    candidates = connection.execute(
        text(
            "SELECT w.word, w.folded FROM search.words AS w"
            " WHERE w.folded OPERATOR(public.%) :folded AND left(w.folded, 1) = left(:folded, 1)"
            " ORDER BY public.similarity(w.folded, :folded) DESC, w.word LIMIT :limit"
        ),
        {"folded": folded, "limit": SUGGESTION_CANDIDATES},
    ).all()
    by_distance: dict[int, list[str]] = {}
    for candidate, candidate_folded in candidates:
        distance = edit_distance(candidate_folded, folded)
        if 0 < distance <= SUGGESTION_MAX_EDITS:
            by_distance.setdefault(distance, []).append(candidate)
    for distance in sorted(by_distance):  # as Whoosh: the nearest words first, then the most used
        used = {candidate: _matches(connection, candidate) for candidate in sorted(by_distance[distance])}
        best = max(used, key=lambda candidate: used[candidate])
        if used[best] > 0:
            return best
    return None


def suggestion(connection: Executor, text_: str) -> str | None:
    """``text_`` with each word no mission contains replaced by the closest indexed word, or None."""
    pieces, cursor = [], 0
    for _term, start, end in analysis.term_spans(text_):
        word = text_[start:end]
        if _matches(connection, word) != 0:
            continue
        found = _closest_word(connection, word)
        if found:
            pieces += [text_[cursor:start], found]
            cursor = end
    return "".join(pieces) + text_[cursor:] if pieces else None
