"""PostgreSQL full-text search: schema search, its tables, functions, GIN index and triggers

Only on PostgreSQL (SQLite deployments use the Whoosh index). Creates the extensions unaccent
and pg_trgm, an immutable unaccent wrapper, the schema ``search`` with one row per published
mission (weighted tsvector: title A, skills B, description C, under a GIN index, plus the facts
filters need) and a word list for spelling suggestions (trigram index), and the triggers on
``missions`` that keep both in step in the same transaction as every write.

Nothing is declared in the models: Alembic compares the default schema only, so
``flask db check`` stays clean on both databases. The SQL is frozen here; the same statements
live in ``marketplace.search.postgres.INSTALL_STATEMENTS``, which ``flask search reindex`` runs
when the schema version below is missing (a test database built by ``create_all``).

Revision ID: 22e82f45a4bb
Revises: c57fb3891642
Create Date: 2026-11-21 06:45:42.705754

"""

from alembic import op

# revision identifiers, used by Alembic.
revision = "22e82f45a4bb"
down_revision = "c57fb3891642"
branch_labels = None
depends_on = None

SLOTS = (
    "ARRAY['mon_morning', 'mon_afternoon', 'mon_evening', 'tue_morning', 'tue_afternoon', 'tue_evening', "
    "'wed_morning', 'wed_afternoon', 'wed_evening', 'thu_morning', 'thu_afternoon', 'thu_evening', "
    "'fri_morning', 'fri_afternoon', 'fri_evening', 'sat_morning', 'sat_afternoon', 'sat_evening', "
    "'sun_morning', 'sun_afternoon', 'sun_evening']"
)
COLUMNS = (
    "mission_id, document, domain, kind, remote, recurring, lat, lon, start_date, end_date, "
    "slot_bits, weekdays, min_age, max_age, seats_left, published_at"
)


def projection(row: str) -> str:
    """The search.missions columns computed from the mission row named ``row``."""
    return f"""
        {row}.id,
        search.mission_document({row}.title, {row}.skills, {row}.description),
        {row}.domain,
        {row}.kind,
        {row}.remote,
        {row}.schedule = 'recurring',
        CASE WHEN {row}.lon IS NOT NULL THEN {row}.lat END,
        CASE WHEN {row}.lat IS NOT NULL THEN {row}.lon END,
        {row}.start_date,
        {row}.end_date,
        search.slot_bits({row}.slots),
        search.weekdays({row}.schedule, {row}.start_date, {row}.end_date),
        {row}.min_age,
        {row}.max_age,
        greatest({row}.capacity - {row}.seats_taken, 0),
        {row}.published_at"""


def words_of(source: str) -> str:
    """The distinct words (3+ letters, not numbers) of the title_and_description of ``source``."""
    return f"""
        SELECT word, search.unaccent(word) FROM (
            SELECT DISTINCT word
            FROM {source}, regexp_split_to_table(lower(title_and_description), '[^[:alnum:]]+') AS word
            WHERE char_length(word) >= 3 AND word !~ '^[0-9]+$'
        ) AS words"""


UPDATE_ALL = ", ".join(f"{column} = EXCLUDED.{column}" for column in COLUMNS.split(", ")[1:])

INSTALL = (
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
                (SELECT bit_or(1 << (array_position({SLOTS}, item) - 1))
                 FROM json_array_elements_text(slots) AS item), 0) ELSE 0 END $$""",
    # One-off missions: the weekdays their dates cover (Monday = bit 0).
    """CREATE OR REPLACE FUNCTION search.weekdays(schedule text, start_date date, end_date date)
        RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT CASE WHEN schedule = 'one_off' AND start_date IS NOT NULL THEN
                (SELECT bit_or(1 << (extract(isodow FROM start_date + day)::integer - 1))
                 FROM generate_series(0, least(greatest(coalesce(end_date - start_date, 0), 0), 6)) AS day)
              ELSE 0 END $$""",
    """CREATE TABLE IF NOT EXISTS search.missions (
        mission_id integer PRIMARY KEY,
        document tsvector NOT NULL,
        domain text NOT NULL,
        kind text NOT NULL,
        remote boolean NOT NULL,
        recurring boolean NOT NULL,
        lat double precision,
        lon double precision,
        start_date date,
        end_date date,
        slot_bits integer NOT NULL,
        weekdays integer NOT NULL,
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
            INSERT INTO search.missions ({COLUMNS})
                SELECT {projection("NEW")}
                ON CONFLICT (mission_id) DO UPDATE SET {UPDATE_ALL};
            INSERT INTO search.words (word, folded)
                {words_of("(SELECT NEW.title || ' ' || NEW.description AS title_and_description) AS mission")}
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
    "COMMENT ON SCHEMA search IS 'tremplin-search 1'",
)

# Index the missions published before this revision, grouped by remote, domain and place.
FILL = (
    f"""INSERT INTO search.missions ({COLUMNS})
        SELECT {projection("m")} FROM public.missions AS m WHERE m.status = 'published'
        ORDER BY m.remote DESC, m.domain, floor(m.lat), floor(m.lon), m.lat""",
    f"""INSERT INTO search.words (word, folded)
        {
        words_of(
            "(SELECT title || ' ' || description AS title_and_description FROM public.missions "
            "WHERE status = 'published') AS mission"
        )
    }""",
    "SELECT gin_clean_pending_list('search.missions_document_idx'::regclass)",
    "ANALYZE search.missions",
    "ANALYZE search.words",
)

REMOVE = (
    "DROP TRIGGER IF EXISTS search_sync ON public.missions",
    "DROP TRIGGER IF EXISTS search_clear ON public.missions",
    "DROP SCHEMA IF EXISTS search CASCADE",
)


def _on_postgresql() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def upgrade():
    if not _on_postgresql():
        return
    for statement in INSTALL + FILL:
        op.execute(statement)


def downgrade():
    # The extensions stay: other objects of the database may use them.
    if not _on_postgresql():
        return
    for statement in REMOVE:
        op.execute(statement)
