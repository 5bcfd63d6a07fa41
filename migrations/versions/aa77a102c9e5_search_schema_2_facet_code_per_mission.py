"""Search schema 2: each indexed mission carries its facet code (domain and kind as one small number)

Only on PostgreSQL (SQLite deployments use the Whoosh index): adds ``search.facet(domain,
kind)``, the column ``search.missions.facet`` (filled for the missions already indexed) and the
trigger function writing it. Counting facets then groups by one small integer instead of two
strings, which is the costly part of a search whose words are common. The SQL is frozen here;
the same statements live in ``marketplace.search.postgres.INSTALL_STATEMENTS``.

Revision ID: aa77a102c9e5
Revises: 1aa6c713ba14
Create Date: 2026-11-21 08:39:07.263005

"""

from alembic import op

# revision identifiers, used by Alembic.
revision = "aa77a102c9e5"
down_revision = "1aa6c713ba14"
branch_labels = None
depends_on = None

DOMAINS = (
    "ARRAY['solidarite-insertion', 'aide-alimentaire', 'education', 'sante', 'seniors', "
    "'enfance-jeunesse', 'handicap', 'environnement', 'animaux', 'culture', 'sport', 'citoyennete', "
    "'urgence-secours', 'numerique', 'international']"
)
KINDS = "ARRAY['ponctual', 'support', 'leadership']"


def sync_function(with_facet: bool) -> str:
    """search.sync_mission() as schema 2 (with the facet) or schema 1 (without) writes it."""
    facet_column = " facet," if with_facet else ""
    facet_value = "search.facet(NEW.domain, NEW.kind)," if with_facet else ""
    facet_update = " facet = EXCLUDED.facet," if with_facet else ""
    return f"""CREATE OR REPLACE FUNCTION search.sync_mission() RETURNS trigger LANGUAGE plpgsql AS $$
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
            INSERT INTO search.missions (mission_id, document, domain, kind,{facet_column} remote, recurring,
                    lat, lon, start_date, end_date, slot_bits, weekdays, min_age, max_age, seats_left,
                    published_at)
                SELECT NEW.id,
                    search.mission_document(NEW.title, NEW.skills, NEW.description),
                    NEW.domain,
                    NEW.kind,
                    {facet_value}
                    NEW.remote,
                    NEW.schedule = 'recurring',
                    CASE WHEN NEW.lon IS NOT NULL THEN NEW.lat END,
                    CASE WHEN NEW.lat IS NOT NULL THEN NEW.lon END,
                    NEW.start_date,
                    NEW.end_date,
                    search.slot_bits(NEW.slots),
                    search.weekdays(NEW.schedule, NEW.start_date, NEW.end_date),
                    NEW.min_age,
                    NEW.max_age,
                    greatest(NEW.capacity - NEW.seats_taken, 0),
                    NEW.published_at
                ON CONFLICT (mission_id) DO UPDATE SET document = EXCLUDED.document,
                    domain = EXCLUDED.domain, kind = EXCLUDED.kind,{facet_update} remote = EXCLUDED.remote,
                    recurring = EXCLUDED.recurring, lat = EXCLUDED.lat, lon = EXCLUDED.lon,
                    start_date = EXCLUDED.start_date, end_date = EXCLUDED.end_date,
                    slot_bits = EXCLUDED.slot_bits, weekdays = EXCLUDED.weekdays,
                    min_age = EXCLUDED.min_age, max_age = EXCLUDED.max_age,
                    seats_left = EXCLUDED.seats_left, published_at = EXCLUDED.published_at;
            INSERT INTO search.words (word, folded)
                SELECT word, search.unaccent(word) FROM (
                    SELECT DISTINCT word
                    FROM (SELECT NEW.title || ' ' || NEW.description AS title_and_description) AS mission,
                         regexp_split_to_table(lower(title_and_description), '[^[:alnum:]]+') AS word
                    WHERE char_length(word) >= 3 AND word !~ '^[0-9]+$'
                ) AS words
                ON CONFLICT (word) DO NOTHING;
            RETURN NULL;
        END $$"""


UPGRADE = (
    f"""CREATE OR REPLACE FUNCTION search.facet(domain text, kind text) RETURNS smallint
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT coalesce(((array_position({DOMAINS}, domain) - 1) * 3
                               + array_position({KINDS}, kind) - 1)::smallint, -1) $$""",
    "ALTER TABLE search.missions ADD COLUMN IF NOT EXISTS facet smallint NOT NULL DEFAULT -1",
    "ALTER TABLE search.missions ALTER COLUMN facet DROP DEFAULT",
    "UPDATE search.missions SET facet = search.facet(domain, kind) WHERE facet = -1",
    sync_function(with_facet=True),
    "ANALYZE search.missions",
    "COMMENT ON SCHEMA search IS 'tremplin-search 2'",
)

DOWNGRADE = (
    sync_function(with_facet=False),
    "ALTER TABLE search.missions DROP COLUMN IF EXISTS facet",
    "DROP FUNCTION IF EXISTS search.facet(text, text)",
    "COMMENT ON SCHEMA search IS 'tremplin-search 1'",
)


def _on_postgresql() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def upgrade():
    if not _on_postgresql():
        return
    for statement in UPGRADE:
        op.execute(statement)


def downgrade():
    if not _on_postgresql():
        return
    for statement in DOWNGRADE:
        op.execute(statement)
