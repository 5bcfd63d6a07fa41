"""Search schema 5: imports update the search tables once per batch (PostgreSQL only)

``search.sync_mission()``, the per-row trigger keeping ``search.missions`` and ``search.words`` in
step with ``public.missions``, now stands aside while a transaction has ``search.bulk`` on, as the
bit strings' trigger already did: a batch of writes (an import) then brings the search tables up
to date itself, once for the batch, in set-based statements
(``marketplace.search.postgres.schema.end_bulk_writes``). No table changes. The SQL is frozen
here; the same function lives in ``marketplace.search.postgres.INSTALL_STATEMENTS``.

Revision ID: 01d744dee2e3
Revises: 95a69f4d79d1
Create Date: 2026-12-07 23:40:00.000000

"""

from alembic import op

# revision identifiers, used by Alembic.
revision = "01d744dee2e3"
down_revision = "95a69f4d79d1"
branch_labels = None
depends_on = None

HEAD = """CREATE OR REPLACE FUNCTION search.sync_mission() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
"""
BULK_GUARD = """            IF current_setting('search.bulk', true) = 'on' THEN
                RETURN NULL;  -- a batch of writes refreshes the search tables once (end_bulk_writes)
            END IF;
"""
BODY = """            IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.id <> NEW.id) THEN
                DELETE FROM search.missions WHERE mission_id = OLD.id;
            END IF;
            IF TG_OP = 'DELETE' THEN
                RETURN NULL;
            END IF;
            IF NEW.status <> 'published' THEN
                DELETE FROM search.missions WHERE mission_id = NEW.id;
                RETURN NULL;
            END IF;
            INSERT INTO search.missions (mission_id, document, domain, kind, facet, remote, recurring, lat, lon, start_date, end_date,
    slot_bits, day_slots, min_age, max_age, seats_left, published_at)
                SELECT 
        NEW.id,
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
        search.day_slots(NEW.schedule, NEW.start_date, NEW.end_date, NEW.day_parts),
        NEW.min_age,
        NEW.max_age,
        greatest(NEW.capacity - NEW.seats_taken, 0),
        NEW.published_at
                ON CONFLICT (mission_id) DO UPDATE SET document = EXCLUDED.document, domain = EXCLUDED.domain, kind = EXCLUDED.kind, facet = EXCLUDED.facet, remote = EXCLUDED.remote, recurring = EXCLUDED.recurring, lat = EXCLUDED.lat, lon = EXCLUDED.lon, start_date = EXCLUDED.start_date, end_date = EXCLUDED.end_date, slot_bits = EXCLUDED.slot_bits, day_slots = EXCLUDED.day_slots, min_age = EXCLUDED.min_age, max_age = EXCLUDED.max_age, seats_left = EXCLUDED.seats_left, published_at = EXCLUDED.published_at;
            INSERT INTO search.words (word, folded) 
        SELECT word, search.unaccent(word) FROM (
            SELECT DISTINCT word
            FROM (SELECT NEW.title || ' ' || NEW.description AS title_and_description) AS mission, regexp_split_to_table(lower(title_and_description), '[^[:alnum:]]+') AS word
            WHERE char_length(word) >= 3 AND word !~ '^[0-9]+$'
        ) AS words
                ON CONFLICT (word) DO NOTHING;
            RETURN NULL;
        END $$"""

UPGRADE = (HEAD + BULK_GUARD + BODY, "COMMENT ON SCHEMA search IS 'tremplin-search 5'")
DOWNGRADE = (HEAD + BODY, "COMMENT ON SCHEMA search IS 'tremplin-search 4'")


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
