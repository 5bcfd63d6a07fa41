"""The PostgreSQL search schema: its DDL, the installer of the current version, the rebuild.

Layout, all in the schema ``search``:
- ``search.missions``: one row per *published* mission with its weighted ``tsvector``
  (``to_tsvector('french', search.unaccent(...))``: title A, skills B, description C) and the
  facts filters need (domain, kind, place, dates, slots as bits, ages, seats). A GIN index
  covers the vector. Triggers on ``public.missions`` keep it in step in the same transaction
  as every INSERT / UPDATE / DELETE / TRUNCATE, including bulk UPDATEs such as seat counters;
  a batch of writes (imports, schema 5) switches them off and updates its rows once, set-based
  (``begin_bulk_writes`` / ``end_bulk_writes``).
- ``search.words``: the words of titles and descriptions, with a trigram index, for the
  spelling suggestion. Triggers add words; ``rebuild()`` (``flask search reindex``) also
  forgets words no mission uses any more.
- ``search.word_blocks`` and ``search.facet_blocks`` (schema 4): bit strings, one bit per
  mission id in blocks of ``BLOCK_BITS`` ids, of the missions holding a stemmed word and of
  the published missions with a facet code, remote flag and seats left; ``query`` counts
  facets from them. A trigger on ``search.missions`` keeps them in step, locking its rows in
  one sorted order so that writers sharing a block never deadlock; ``rebuild()`` fills them
  in one pass.

One upgrade path: Alembic. The revisions hold frozen SQL and take a database from one
version to the next; ``install()`` only creates *this* version from nothing (databases made
by ``create_all``: the tests, the benchmarks) or repairs its triggers, and refuses an older
version. ``tests/test_search_schema.py`` checks that ``flask db upgrade`` and ``install()``
build the same functions, tables, indexes and triggers.

Why a stored vector rather than a GIN expression index on ``missions``: the expression index
finds matches, but ranking them (``ts_rank``) needs the vector itself, which PostgreSQL would
recompute for every matching row (about 70 µs each: 0.5 s for a common word at 100k
missions). Why a schema of its own: Alembic compares the models with the default schema only,
so ``flask db check`` stays clean without declaring PostgreSQL-only tables in the models, and
``db.drop_all()`` / ``create_all()`` (tests) never trip over it.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session, scoped_session

from marketplace.search.documents import DAY_PART_SLUGS, DOMAIN_SLUGS, MISSION_KIND_SLUGS, SLOTS

# Written on the schema by install() and the migrations; a new version needs a new Alembic
# revision (frozen SQL) *and* the change below: tests/test_search_schema.py compares both.
SCHEMA_VERSION = "tremplin-search 5"
DOCUMENT_INDEX = "search.missions_document_idx"
# Facet counts from bit strings: one bit per mission id, in blocks of this many ids.
BLOCK_BITS = 4096

# A connection, a session or the app's scoped session (db.session): all run text() statements.
Executor = Session | Connection | scoped_session


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


def _fill_bit_tables() -> tuple[str, str]:
    """INSERT the bit strings computed from search.missions."""
    return (
        f"INSERT INTO search.word_blocks (lexeme, block, bits) {word_bits_select()}",
        f"INSERT INTO search.facet_blocks (facet, remote, has_seats, block, bits) {facet_bits_select()}",
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
)

# The current schema from nothing. Every statement is idempotent, so that install() can also
# repair a schema of this version whose triggers went away (public.missions dropped and made
# again, as the tests' create_all does). Upgrading an older version is Alembic's job alone.
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
            IF current_setting('search.bulk', true) = 'on' THEN
                RETURN NULL;  -- a batch of writes refreshes the search tables once (end_bulk_writes)
            END IF;
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
    *_fill_bit_tables(),
    "SELECT set_config('search.bulk', 'off', true)",
    "SELECT gin_clean_pending_list('search.missions_document_idx'::regclass)",
    "ANALYZE search.missions",
    "ANALYZE search.words",
    "ANALYZE search.word_blocks",
    "ANALYZE search.facet_blocks",
)


# --- set-up and maintenance -----------------------------------------------------------------


class SchemaOutdatedError(RuntimeError):
    """The search schema is an older version: only ``flask db upgrade`` may change it."""


def install(connection: Executor) -> None:
    """Create the search schema of this version (functions, tables, indexes, triggers), or
    repair its triggers; raise SchemaOutdatedError on an older version.

    Nothing is done when this version is in place and whole: DDL takes locks that would make
    a reindex wait for running searches and writes, and them for it.
    """
    version = installed_version(connection)
    if version is not None and version != SCHEMA_VERSION:
        raise SchemaOutdatedError(
            f"The search schema is {version!r}; this code needs {SCHEMA_VERSION!r}. Run `flask db upgrade`"
            " (a database made without migrations: DROP SCHEMA search CASCADE, then `flask search reindex`)."
        )
    if version == SCHEMA_VERSION and is_installed(connection):
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


# --- bulk writes: the search tables once per batch instead of once per row ----------------------
# A batch of writes (an import) switches both per-row triggers off for its transaction (the one
# keeping search.missions and search.words in step, and the one keeping the bit strings), writes,
# then brings the search tables up to date for every mission it wrote in a few set-based
# statements: the bits of their old rows cleared, their rows replaced (or dropped when they are no
# longer published), their words added, their new bits set. Rows are locked in the same sorted
# order as the triggers', so a concurrent writer queues instead of deadlocking. A savepoint
# rolled back takes the switch back with it (set_config is transactional).

_BATCH = "AND s.mission_id = ANY(:ids)"
_BATCH_MISSIONS = "public.missions AS m WHERE m.id = ANY(:ids) AND m.status = 'published'"
_BATCH_TEXTS = (
    f"(SELECT title || ' ' || description AS title_and_description FROM {_BATCH_MISSIONS}) AS mission"
)

BULK_BEGIN = "SELECT set_config('search.bulk', 'on', true)"
BULK_OFF = "SELECT set_config('search.bulk', 'off', true)"
CLEAR_BATCH_BITS: tuple[str, ...] = (
    f"""SELECT 1 FROM search.word_blocks AS w
        JOIN ({word_bits_select(_BATCH)}) AS c (lexeme, block, bits) USING (lexeme, block)
        ORDER BY w.lexeme, w.block FOR UPDATE OF w""",
    f"""UPDATE search.word_blocks AS w SET bits = w.bits & ~c.bits
        FROM ({word_bits_select(_BATCH)}) AS c (lexeme, block, bits)
        WHERE w.lexeme = c.lexeme AND w.block = c.block""",
    f"""SELECT 1 FROM search.facet_blocks AS f
        JOIN ({facet_bits_select(_BATCH)}) AS c (facet, remote, has_seats, block, bits)
        USING (facet, remote, has_seats, block)
        ORDER BY f.facet, f.remote, f.has_seats, f.block FOR UPDATE OF f""",
    f"""UPDATE search.facet_blocks AS f SET bits = f.bits & ~c.bits
        FROM ({facet_bits_select(_BATCH)}) AS c (facet, remote, has_seats, block, bits)
        WHERE f.facet = c.facet AND f.remote = c.remote AND f.has_seats = c.has_seats
          AND f.block = c.block""",
)
REFRESH_BATCH_ROWS: tuple[str, ...] = (
    f"""DELETE FROM search.missions AS s WHERE TRUE {_BATCH}
        AND NOT EXISTS (SELECT 1 FROM {_BATCH_MISSIONS} AND m.id = s.mission_id)""",
    f"""INSERT INTO search.missions ({_COLUMNS})
        SELECT {_projection("m")} FROM {_BATCH_MISSIONS} ORDER BY m.id
        ON CONFLICT (mission_id) DO UPDATE SET {_UPDATE_ALL}""",
    f"""INSERT INTO search.words (word, folded)
        {_words_of(_BATCH_TEXTS)}
        ORDER BY 1 ON CONFLICT (word) DO NOTHING""",
)
SET_BATCH_BITS: tuple[str, ...] = (
    f"""INSERT INTO search.word_blocks AS w (lexeme, block, bits) {word_bits_select(_BATCH)} ORDER BY 1, 2
        ON CONFLICT (lexeme, block) DO UPDATE SET bits = w.bits | EXCLUDED.bits""",
    f"""INSERT INTO search.facet_blocks AS f (facet, remote, has_seats, block, bits)
        {facet_bits_select(_BATCH)} ORDER BY 1, 2, 3, 4
        ON CONFLICT (facet, remote, has_seats, block) DO UPDATE SET bits = f.bits | EXCLUDED.bits""",
)


def begin_bulk_writes(connection: Executor) -> None:
    """Switch the per-row search triggers off in this transaction (until ``end_bulk_writes``)."""
    connection.execute(text(BULK_BEGIN))


def end_bulk_writes(connection: Executor, written_ids: list[int]) -> None:
    """Bring the search tables up to date for ``written_ids`` (set-based); the triggers are on again."""
    if written_ids:
        ids = sorted(set(written_ids))
        for statement in (*CLEAR_BATCH_BITS, *REFRESH_BATCH_ROWS, *SET_BATCH_BITS):
            connection.execute(text(statement), {"ids": ids})
    connection.execute(text(BULK_OFF))
