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

Facet counts (schema 4). Counting exact facets means passing every matching mission, which
at 100k missions costs tens of ms for a common word. So two more tables hold bit strings, one
bit per mission id in blocks of ``BLOCK_BITS`` ids: ``search.word_blocks`` (which missions hold
a stemmed word) and ``search.facet_blocks`` (which published missions have this facet code,
remote flag and seats left). A trigger on ``search.missions`` keeps them in step, locking its
rows in one sorted order so that writers sharing a block never deadlock; ``rebuild()`` fills
them in one pass. Which path counts the facets of a search:
- bit strings: words (each turned by ``plainto_tsquery`` into an AND of stemmed words, the words
  OR-ed, exactly like the ``@@`` match) with only ``domain``, ``kind``, ``with_seats``,
  ``remote`` and a place without radius (distance shown, not filtered): AND/OR of bit strings,
  then ``bit_count`` per facet code. The page is still read from the rows (rank order).
- rows (``GROUP BY facet``): no words (everything matches, nothing to gain from words' bits),
  a radius, an age range, slots or dates (bits cannot say distance, ages, slots or dates), a
  widget's restriction to some missions (``mission_ids``), and
  words whose query is not a plain AND of stemmed words (only stop words to PostgreSQL).

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
import re
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
SCHEMA_VERSION = "tremplin-search 4"
DOCUMENT_INDEX = "search.missions_document_idx"
# ts_rank weights for D, C, B, A: description (C) < skills (B) < title (A).
RANK_WEIGHTS = "{0.1, 0.2, 0.4, 1.0}"
RANK_NORMALIZATION = 1  # divide by 1 + log(document length): long texts do not win by volume
SUGGESTION_CANDIDATES = 10
SUGGESTION_MAX_EDITS = 2
FREQUENCY_CAP = 500
# Facet counts from bit strings: one bit per mission id, in blocks of this many ids.
BLOCK_BITS = 4096

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

_ZERO_BLOCK = f"0::bit({BLOCK_BITS})"


def _set_bits(mission_id: str) -> str:
    """The aggregate OR-ing one bit per mission id into its block's bit string."""
    return f"bit_or(set_bit({_ZERO_BLOCK}, {mission_id} % {BLOCK_BITS}, 1))"


def word_bits_select(guard: str = "") -> str:
    """SELECT every (stemmed word, block, bits) computed from search.missions."""
    return f"""SELECT lexeme, s.mission_id / {BLOCK_BITS}, {_set_bits("s.mission_id")}
        FROM search.missions AS s, unnest(tsvector_to_array(s.document)) AS lexeme
        WHERE TRUE {guard} GROUP BY 1, 2"""


def facet_bits_select(guard: str = "") -> str:
    """SELECT every (facet code, remote, seats left, block, bits) computed from search.missions."""
    return f"""SELECT s.facet, s.remote, s.seats_left > 0, s.mission_id / {BLOCK_BITS},
            {_set_bits("s.mission_id")}
        FROM search.missions AS s WHERE s.facet >= 0 {guard} GROUP BY 1, 2, 3, 4"""


def _fill_bit_tables(*, only_when_empty: bool) -> tuple[str, str]:
    """INSERT the bit strings computed from search.missions (once only when asked)."""
    words_guard = "AND NOT EXISTS (SELECT 1 FROM search.word_blocks)" if only_when_empty else ""
    facets_guard = "AND NOT EXISTS (SELECT 1 FROM search.facet_blocks)" if only_when_empty else ""
    return (
        f"INSERT INTO search.word_blocks (lexeme, block, bits) {word_bits_select(words_guard)}",
        "INSERT INTO search.facet_blocks (facet, remote, has_seats, block, bits)"
        f" {facet_bits_select(facets_guard)}",
    )


# Bit strings for exact facet counts (schema 4): which missions of a block of BLOCK_BITS ids
# hold a stemmed word (word_blocks), and which are published with this facet code, remote
# flag and seats left (facet_blocks). A trigger on search.missions keeps them in step; rows
# whose bits all went to zero stay until the next rebuild. Each change locks its rows in one
# sorted order (words by lexeme and block, then facets by key and block), so two writers
# sharing a block queue behind each other instead of deadlocking.
BIT_STATEMENTS: tuple[str, ...] = (
    f"""CREATE TABLE IF NOT EXISTS search.word_blocks (
        lexeme text NOT NULL,
        block integer NOT NULL,
        bits bit({BLOCK_BITS}) NOT NULL,
        PRIMARY KEY (lexeme, block)
    )""",
    f"""CREATE TABLE IF NOT EXISTS search.facet_blocks (
        facet smallint NOT NULL,
        remote boolean NOT NULL,
        has_seats boolean NOT NULL,
        block integer NOT NULL,
        bits bit({BLOCK_BITS}) NOT NULL,
        PRIMARY KEY (facet, remote, has_seats, block)
    )""",
    f"""CREATE OR REPLACE FUNCTION search.sync_bits() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            old_id integer;
            new_id integer;
            old_words text[] := '{{}}';
            new_words text[] := '{{}}';
            old_key smallint[];
            new_key smallint[];
            change record;
        BEGIN
            IF current_setting('search.bulk', true) = 'on' THEN
                RETURN NULL;  -- rebuild() fills the bit strings in one pass
            END IF;
            IF TG_OP <> 'INSERT' THEN
                old_id := OLD.mission_id;
                old_words := tsvector_to_array(OLD.document);
                IF OLD.facet >= 0 THEN
                    old_key := ARRAY[OLD.facet, OLD.remote::integer, (OLD.seats_left > 0)::integer];
                END IF;
            END IF;
            IF TG_OP <> 'DELETE' THEN
                new_id := NEW.mission_id;
                new_words := tsvector_to_array(NEW.document);
                IF NEW.facet >= 0 THEN
                    new_key := ARRAY[NEW.facet, NEW.remote::integer, (NEW.seats_left > 0)::integer];
                END IF;
            END IF;
            IF old_id IS NOT DISTINCT FROM new_id THEN  -- same mission: only what changed
                SELECT array(SELECT unnest(old_words) EXCEPT SELECT unnest(new_words)),
                       array(SELECT unnest(new_words) EXCEPT SELECT unnest(old_words))
                    INTO old_words, new_words;
                IF old_key IS NOT DISTINCT FROM new_key THEN
                    old_key := NULL;
                    new_key := NULL;
                END IF;
            END IF;
            FOR change IN
                SELECT lexeme, id, bit FROM (
                    SELECT lexeme, old_id AS id, 0 AS bit FROM unnest(old_words) AS lexeme
                    UNION ALL
                    SELECT lexeme, new_id, 1 FROM unnest(new_words) AS lexeme
                ) AS c ORDER BY lexeme, id / {BLOCK_BITS}, bit
            LOOP
                INSERT INTO search.word_blocks AS w (lexeme, block, bits)
                    VALUES (change.lexeme, change.id / {BLOCK_BITS},
                            set_bit({_ZERO_BLOCK}, change.id % {BLOCK_BITS}, change.bit))
                    ON CONFLICT (lexeme, block)
                    DO UPDATE SET bits = set_bit(w.bits, change.id % {BLOCK_BITS}, change.bit);
            END LOOP;
            FOR change IN
                SELECT key, id, bit
                FROM (VALUES (old_key, old_id, 0), (new_key, new_id, 1)) AS c(key, id, bit)
                WHERE key IS NOT NULL
                ORDER BY key, id / {BLOCK_BITS}, bit
            LOOP
                INSERT INTO search.facet_blocks AS f (facet, remote, has_seats, block, bits)
                    VALUES (change.key[1], change.key[2] = 1, change.key[3] = 1, change.id / {BLOCK_BITS},
                            set_bit({_ZERO_BLOCK}, change.id % {BLOCK_BITS}, change.bit))
                    ON CONFLICT (facet, remote, has_seats, block)
                    DO UPDATE SET bits = set_bit(f.bits, change.id % {BLOCK_BITS}, change.bit);
            END LOOP;
            RETURN NULL;
        END $$""",
    """CREATE OR REPLACE TRIGGER search_bits AFTER INSERT OR UPDATE OR DELETE ON search.missions
        FOR EACH ROW EXECUTE FUNCTION search.sync_bits()""",
    # Tables created on a filled search.missions (an upgrade) get their bits at once.
    *_fill_bit_tables(only_when_empty=True),
)

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
            TRUNCATE search.missions, search.words, search.word_blocks, search.facet_blocks;
            RETURN NULL;
        END $$""",
    """CREATE OR REPLACE TRIGGER search_sync AFTER INSERT OR UPDATE OR DELETE ON public.missions
        FOR EACH ROW EXECUTE FUNCTION search.sync_mission()""",
    """CREATE OR REPLACE TRIGGER search_clear AFTER TRUNCATE ON public.missions
        FOR EACH STATEMENT EXECUTE FUNCTION search.clear()""",
    *BIT_STATEMENTS,
    f"COMMENT ON SCHEMA search IS '{SCHEMA_VERSION}'",
)

# DELETE rather than TRUNCATE: searches keep reading the previous rows until the rebuild commits.
# Rows are written grouped by remote, domain and place: a search by cause or around a place
# then reads a few runs of table pages instead of pages all over the table.
# The bit strings are computed in one pass at the end: the trigger keeping them in step row by
# row is switched off for this transaction only (other sessions keep theirs).
REBUILD_STATEMENTS: tuple[str, ...] = (
    "SELECT set_config('search.bulk', 'on', true)",
    "DELETE FROM search.missions",
    "DELETE FROM search.words",
    "DELETE FROM search.word_blocks",
    "DELETE FROM search.facet_blocks",
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
    *_fill_bit_tables(only_when_empty=False),
    "SELECT set_config('search.bulk', 'off', true)",
    "SELECT gin_clean_pending_list('search.missions_document_idx'::regclass)",
    "ANALYZE search.missions",
    "ANALYZE search.words",
    "ANALYZE search.word_blocks",
    "ANALYZE search.facet_blocks",
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
            " AND to_regclass('search.word_blocks') IS NOT NULL"
            " AND to_regclass('search.facet_blocks') IS NOT NULL"
            " AND EXISTS (SELECT 1 FROM pg_trigger"
            "             WHERE tgname = 'search_sync' AND tgrelid = 'public.missions'::regclass)"
            " AND EXISTS (SELECT 1 FROM pg_trigger"
            "             WHERE tgname = 'search_bits' AND tgrelid = to_regclass('search.missions'))"
        )
    ).scalar_one()
    return bool(found)


def indexed_ids(connection: Executor) -> set[int]:
    """Ids of the missions the search tables hold."""
    return set(connection.execute(text("SELECT mission_id FROM search.missions")).scalars())


def index_size_bytes(connection: Executor) -> int:
    """Size of the GIN index over the mission documents."""
    return connection.execute(text(f"SELECT pg_relation_size('{DOCUMENT_INDEX}')")).scalar_one()


def bit_tables_size_bytes(connection: Executor) -> int:
    """Size of the facet-counting bit strings (tables and their keys)."""
    return connection.execute(
        text(
            "SELECT pg_total_relation_size('search.word_blocks')"
            " + pg_total_relation_size('search.facet_blocks')"
        )
    ).scalar_one()


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


def _facet_rows(connection: Executor, plan: _Plan, query: SearchQuery) -> list:
    """Counts per facet code: from the bit strings when the query allows it, else from the rows."""
    lexemes = word_lexemes(connection, plan.words) if plan.bit_countable else None
    if lexemes is None:
        return connection.execute(text(plan.facets_sql()), plan.params).all()
    sql, params = plan.bit_facets_sql(query, lexemes)
    return connection.execute(text(sql), params).all()


def _facets_and_page(connection: Executor, plan: _Plan, query: SearchQuery) -> tuple[dict, int, list]:
    offset = (query.page - 1) * query.per_page
    params = {**plan.params, "limit": query.per_page, "offset": offset}
    if not plan.selected and not plan.bit_countable:
        rows = connection.execute(text(plan.combined_sql(query)), params).all()
        facets, total = facets_and_total([row[:2] for row in rows if row.mission_id is None], query)
        page = sorted((row for row in rows if row.mission_id is not None), key=lambda row: row.position)
        return facets, total, page
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
