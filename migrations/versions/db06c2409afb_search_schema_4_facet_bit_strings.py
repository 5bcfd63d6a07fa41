"""Search schema 4: facet counts from bit strings (PostgreSQL only)

Only on PostgreSQL (SQLite deployments use the Whoosh index): ``search.word_blocks`` (per
stemmed word, per block of 4096 mission ids, a bit string of the missions holding it) and
``search.facet_blocks`` (per facet code, remote flag and "seats left", the same for published
missions), filled from the missions already indexed and kept in step by the trigger
``search_bits`` on ``search.missions``; ``search.clear()`` empties them too. Counting a search's
facets then ANDs / ORs bit strings instead of passing every matching row. The SQL is frozen
here; the same statements live in ``marketplace.search.postgres.BIT_STATEMENTS``.

Revision ID: db06c2409afb
Revises: 49f2b86259a6
Create Date: 2026-11-21 09:41:00.000000

"""

from alembic import op

# revision identifiers, used by Alembic.
revision = "db06c2409afb"
down_revision = "49f2b86259a6"
branch_labels = None
depends_on = None


def clear_function(tables: str) -> str:
    """search.clear() (run when public.missions is truncated) emptying these tables."""
    return f"""CREATE OR REPLACE FUNCTION search.clear() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            TRUNCATE {tables};
            RETURN NULL;
        END $$"""


UPGRADE = (
    """CREATE TABLE IF NOT EXISTS search.word_blocks (
        lexeme text NOT NULL,
        block integer NOT NULL,
        bits bit(4096) NOT NULL,
        PRIMARY KEY (lexeme, block)
    )""",
    """CREATE TABLE IF NOT EXISTS search.facet_blocks (
        facet smallint NOT NULL,
        remote boolean NOT NULL,
        has_seats boolean NOT NULL,
        block integer NOT NULL,
        bits bit(4096) NOT NULL,
        PRIMARY KEY (facet, remote, has_seats, block)
    )""",
    """CREATE OR REPLACE FUNCTION search.sync_bits() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            old_id integer;
            new_id integer;
            old_words text[] := '{}';
            new_words text[] := '{}';
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
                ) AS c ORDER BY lexeme, id / 4096, bit
            LOOP
                INSERT INTO search.word_blocks AS w (lexeme, block, bits)
                    VALUES (change.lexeme, change.id / 4096,
                            set_bit(0::bit(4096), change.id % 4096, change.bit))
                    ON CONFLICT (lexeme, block)
                    DO UPDATE SET bits = set_bit(w.bits, change.id % 4096, change.bit);
            END LOOP;
            FOR change IN
                SELECT key, id, bit
                FROM (VALUES (old_key, old_id, 0), (new_key, new_id, 1)) AS c(key, id, bit)
                WHERE key IS NOT NULL
                ORDER BY key, id / 4096, bit
            LOOP
                INSERT INTO search.facet_blocks AS f (facet, remote, has_seats, block, bits)
                    VALUES (change.key[1], change.key[2] = 1, change.key[3] = 1, change.id / 4096,
                            set_bit(0::bit(4096), change.id % 4096, change.bit))
                    ON CONFLICT (facet, remote, has_seats, block)
                    DO UPDATE SET bits = set_bit(f.bits, change.id % 4096, change.bit);
            END LOOP;
            RETURN NULL;
        END $$""",
    """CREATE OR REPLACE TRIGGER search_bits AFTER INSERT OR UPDATE OR DELETE ON search.missions
        FOR EACH ROW EXECUTE FUNCTION search.sync_bits()""",
    # The missions already indexed get their bits at once.
    """INSERT INTO search.word_blocks (lexeme, block, bits)
        SELECT lexeme, s.mission_id / 4096, bit_or(set_bit(0::bit(4096), s.mission_id % 4096, 1))
        FROM search.missions AS s, unnest(tsvector_to_array(s.document)) AS lexeme
        WHERE NOT EXISTS (SELECT 1 FROM search.word_blocks) GROUP BY 1, 2""",
    """INSERT INTO search.facet_blocks (facet, remote, has_seats, block, bits)
        SELECT s.facet, s.remote, s.seats_left > 0, s.mission_id / 4096,
            bit_or(set_bit(0::bit(4096), s.mission_id % 4096, 1))
        FROM search.missions AS s
        WHERE s.facet >= 0 AND NOT EXISTS (SELECT 1 FROM search.facet_blocks) GROUP BY 1, 2, 3, 4""",
    clear_function("search.missions, search.words, search.word_blocks, search.facet_blocks"),
    "ANALYZE search.word_blocks",
    "ANALYZE search.facet_blocks",
    "COMMENT ON SCHEMA search IS 'tremplin-search 4'",
)

DOWNGRADE = (
    clear_function("search.missions, search.words"),
    "DROP TRIGGER IF EXISTS search_bits ON search.missions",
    "DROP FUNCTION IF EXISTS search.sync_bits()",
    "DROP TABLE IF EXISTS search.word_blocks",
    "DROP TABLE IF EXISTS search.facet_blocks",
    "COMMENT ON SCHEMA search IS 'tremplin-search 3'",
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
