"""Parts of the day of a one-off mission (missions.day_parts) and search schema 3

``missions.day_parts``: a JSON list of 'morning' | 'afternoon' | 'evening', empty when not said
(the mission rules keep the values to that list and clear it for recurring missions).

On PostgreSQL only, search schema 3: ``search.missions.weekdays`` (one-off missions' weekdays)
becomes ``day_slots``, the weekly slots a one-off mission covers (its dates' weekdays × its parts
of the day, every part when none is said), so the ``slots`` filter checks the part of the day
too. The SQL is frozen here; the same statements live in
``marketplace.search.postgres.INSTALL_STATEMENTS``.

Revision ID: 4bfb4d3f7dfa
Revises: aa77a102c9e5
Create Date: 2026-11-21 08:41:44.956547

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "4bfb4d3f7dfa"
down_revision = "aa77a102c9e5"
branch_labels = None
depends_on = None

DAY_PARTS = "ARRAY['morning', 'afternoon', 'evening']"


def sync_function(one_off_column: str, one_off_value: str) -> str:
    """search.sync_mission() writing one-off missions' slots (schema 3) or weekdays (schema 2)."""
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
            INSERT INTO search.missions (mission_id, document, domain, kind, facet, remote, recurring,
                    lat, lon, start_date, end_date, slot_bits, {one_off_column}, min_age, max_age,
                    seats_left, published_at)
                SELECT NEW.id,
                    search.mission_document(NEW.title, NEW.skills, NEW.description),
                    NEW.domain,
                    NEW.kind,
                    search.facet(NEW.domain, NEW.kind),
                    NEW.remote,
                    NEW.schedule = 'recurring',
                    CASE WHEN NEW.lon IS NOT NULL THEN NEW.lat END,
                    CASE WHEN NEW.lat IS NOT NULL THEN NEW.lon END,
                    NEW.start_date,
                    NEW.end_date,
                    search.slot_bits(NEW.slots),
                    {one_off_value},
                    NEW.min_age,
                    NEW.max_age,
                    greatest(NEW.capacity - NEW.seats_taken, 0),
                    NEW.published_at
                ON CONFLICT (mission_id) DO UPDATE SET document = EXCLUDED.document,
                    domain = EXCLUDED.domain, kind = EXCLUDED.kind, facet = EXCLUDED.facet,
                    remote = EXCLUDED.remote, recurring = EXCLUDED.recurring, lat = EXCLUDED.lat,
                    lon = EXCLUDED.lon, start_date = EXCLUDED.start_date, end_date = EXCLUDED.end_date,
                    slot_bits = EXCLUDED.slot_bits, {one_off_column} = EXCLUDED.{one_off_column},
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


SEARCH_UPGRADE = (
    f"""CREATE OR REPLACE FUNCTION search.day_part_numbers(day_parts json) RETURNS integer[]
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT coalesce(
                (SELECT array_agg(array_position({DAY_PARTS}, item) - 1)
                 FROM json_array_elements_text(CASE WHEN json_typeof(day_parts) = 'array'
                                                    THEN day_parts ELSE '[]' END) AS item
                 WHERE item = ANY({DAY_PARTS})),
                ARRAY[0, 1, 2]) $$""",
    """CREATE OR REPLACE FUNCTION search.day_slots(schedule text, start_date date, end_date date,
                                                   day_parts json)
        RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT CASE WHEN schedule = 'one_off' AND start_date IS NOT NULL THEN
                (SELECT bit_or(1 << ((extract(isodow FROM start_date + day)::integer - 1) * 3 + part))
                 FROM generate_series(0, least(greatest(coalesce(end_date - start_date, 0), 0), 6)) AS day,
                      unnest(search.day_part_numbers(day_parts)) AS part)
              ELSE 0 END $$""",
    "ALTER TABLE search.missions ADD COLUMN IF NOT EXISTS day_slots integer NOT NULL DEFAULT 0",
    "ALTER TABLE search.missions ALTER COLUMN day_slots DROP DEFAULT",
    """UPDATE search.missions AS s
        SET day_slots = search.day_slots(m.schedule, m.start_date, m.end_date, m.day_parts)
        FROM public.missions AS m WHERE m.id = s.mission_id""",
    sync_function("day_slots", "search.day_slots(NEW.schedule, NEW.start_date, NEW.end_date, NEW.day_parts)"),
    "ALTER TABLE search.missions DROP COLUMN IF EXISTS weekdays",
    "DROP FUNCTION IF EXISTS search.weekdays(text, date, date)",
    "COMMENT ON SCHEMA search IS 'tremplin-search 3'",
)

SEARCH_DOWNGRADE = (
    """CREATE OR REPLACE FUNCTION search.weekdays(schedule text, start_date date, end_date date)
        RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT CASE WHEN schedule = 'one_off' AND start_date IS NOT NULL THEN
                (SELECT bit_or(1 << (extract(isodow FROM start_date + day)::integer - 1))
                 FROM generate_series(0, least(greatest(coalesce(end_date - start_date, 0), 0), 6)) AS day)
              ELSE 0 END $$""",
    "ALTER TABLE search.missions ADD COLUMN IF NOT EXISTS weekdays integer NOT NULL DEFAULT 0",
    "ALTER TABLE search.missions ALTER COLUMN weekdays DROP DEFAULT",
    """UPDATE search.missions AS s SET weekdays = search.weekdays(m.schedule, m.start_date, m.end_date)
        FROM public.missions AS m WHERE m.id = s.mission_id""",
    sync_function("weekdays", "search.weekdays(NEW.schedule, NEW.start_date, NEW.end_date)"),
    "ALTER TABLE search.missions DROP COLUMN IF EXISTS day_slots",
    "DROP FUNCTION IF EXISTS search.day_slots(text, date, date, json)",
    "DROP FUNCTION IF EXISTS search.day_part_numbers(json)",
    "COMMENT ON SCHEMA search IS 'tremplin-search 2'",
)


def _on_postgresql() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def upgrade():
    with op.batch_alter_table("missions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("day_parts", sa.JSON(), server_default="[]", nullable=False))
    if _on_postgresql():
        for statement in SEARCH_UPGRADE:
            op.execute(statement)


def downgrade():
    if _on_postgresql():
        for statement in SEARCH_DOWNGRADE:
            op.execute(statement)
    with op.batch_alter_table("missions", schema=None) as batch_op:
        batch_op.drop_column("day_parts")
