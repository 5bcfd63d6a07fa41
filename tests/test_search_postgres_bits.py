"""PostgreSQL search: facet counts from bit strings (schema 4) equal counts over the rows.

The triggers keep ``search.word_blocks`` and ``search.facet_blocks`` in step with every write;
these tests compare them with a fresh computation from ``search.missions`` and compare the
searches answered from them with the row-counting path, after each kind of write.
"""

from __future__ import annotations

import threading
from datetime import datetime

import pytest
from sqlalchemy import text

from marketplace.extensions import db
from marketplace.search import services
from marketplace.search.bulk import _PostgresBulk, search_bulk_writes
from marketplace.search.documents import SearchQuery
from marketplace.search.postgres import query as pg_query
from marketplace.search.postgres import schema
from tests.conftest import is_postgres

pytestmark = pytest.mark.skipif(not is_postgres(), reason="the search schema is PostgreSQL's")

QUERIES = [
    SearchQuery(q="jardin"),
    SearchQuery(q="jardin potager", with_seats=False),
    SearchQuery(q="aide-devoirs enfants", domains=("education",)),
    SearchQuery(q="collecte", kinds=("support",), include_remote=False),
    SearchQuery(q="bénévoles jardin", domains=("environnement", "education"), kinds=("ponctual",)),
    SearchQuery(q="numerique", lat=48.8566, lon=2.3522, sort="distance"),  # distance, no radius
]


@pytest.fixture
def postgres_backend(app):
    app.config["SEARCH_BACKEND"] = "postgres"
    services.reindex_all()  # installs the schema and its triggers
    yield
    app.config["SEARCH_BACKEND"] = "whoosh"


@pytest.fixture
def corpus(make, postgres_backend):
    association = make.association("Les Jardins partagés")
    texts = [
        ("Jardin potager partagé", "Bénévoles pour le jardin du quartier", "environnement", "ponctual"),
        ("Aide aux devoirs", "Accompagner des enfants après l'école : aide-devoirs", "education", "support"),
        ("Collecte de vêtements", "Trier et ranger la collecte", "solidarite-insertion", "support"),
        ("Atelier numérique", "Initier des seniors au numérique", "numerique", "leadership"),
        ("Jardin et enfants", "Un potager pour les enfants de l'école", "education", "ponctual"),
    ]
    missions = []
    for number in range(15):
        title, description, domain, kind = texts[number % len(texts)]
        missions.append(
            make.mission(
                association,
                title=f"{title} {number}",
                description=description,
                domain=domain,
                kind=kind,
                remote=number % 4 == 0,
                capacity=2,
                seats_taken=2 if number % 5 == 1 else 0,
                published_at=datetime(2025, 1, 1 + number),
            )
        )
    return missions


def stored_bits_differ_from_a_fresh_computation() -> list:
    """Rows (non-zero bits) stored by the triggers but not computed afresh, and the reverse."""
    stored_words = "SELECT lexeme, block, bits FROM search.word_blocks WHERE bit_count(bits) > 0"
    stored_facets = (
        "SELECT facet, remote, has_seats, block, bits FROM search.facet_blocks WHERE bit_count(bits) > 0"
    )
    differences = []
    for stored, fresh in (
        (stored_words, schema.word_bits_select()),
        (stored_facets, schema.facet_bits_select()),
    ):
        differences += db.session.execute(text(f"({stored}) EXCEPT ({fresh})")).all()
        differences += db.session.execute(text(f"({fresh}) EXCEPT ({stored})")).all()
    return differences


def counts_from_bits_and_rows(query: SearchQuery) -> tuple[dict, dict]:
    plan = pg_query._Plan.build(query)
    assert plan.bit_countable
    lexemes = pg_query.word_lexemes(db.session, plan.words)
    assert lexemes is not None
    sql, params = plan.bit_facets_sql(query, lexemes)
    from_bits = {code: count for code, count in db.session.execute(text(sql), params) if count}
    from_rows = dict(db.session.execute(text(plan.facets_sql()), plan.params).all())
    return from_bits, from_rows


def assert_bits_agree_with_rows() -> None:
    db.session.commit()
    assert stored_bits_differ_from_a_fresh_computation() == []
    for query in QUERIES:
        from_bits, from_rows = counts_from_bits_and_rows(query)
        assert from_bits == from_rows, query


def test_bit_counts_equal_row_counts_after_every_kind_of_write(make, corpus):
    assert_bits_agree_with_rows()
    assert counts_from_bits_and_rows(SearchQuery(q="jardin"))[0]  # the queries do find something
    extra = make.mission(
        corpus[0].association, title="Jardin aromatique", description="Des enfants", remote=True
    )
    assert_bits_agree_with_rows()  # insert
    corpus[0].title = "Atelier numérique au jardin"
    corpus[1].description = "Collecte de jouets"
    assert_bits_agree_with_rows()  # title and words change
    corpus[2].domain, corpus[2].kind = "environnement", "leadership"
    assert_bits_agree_with_rows()  # domain and kind change
    corpus[3].seats_taken = corpus[3].capacity
    corpus[1].seats_taken = 0
    assert_bits_agree_with_rows()  # seats filled and freed
    db.session.execute(text("UPDATE missions SET seats_taken = capacity WHERE remote"))
    assert_bits_agree_with_rows()  # a bulk UPDATE of seat counters
    corpus[4].status = "closed"
    assert_bits_agree_with_rows()  # unpublished
    corpus[4].status = "published"
    corpus[5].remote = not corpus[5].remote
    assert_bits_agree_with_rows()  # published again, remote flag flipped
    db.session.delete(extra)
    db.session.delete(corpus[6])
    assert_bits_agree_with_rows()  # deletes
    db.session.execute(text("UPDATE missions SET id = id + 5000 WHERE id = :id"), {"id": corpus[7].id})
    assert_bits_agree_with_rows()  # a mission moving to another block
    services.reindex_all()
    assert_bits_agree_with_rows()  # rebuild


def test_searches_answered_from_bits_equal_those_counted_over_rows(corpus, monkeypatch):
    queries = [*QUERIES, *(SearchQuery(q=query.q, page=2, per_page=2) for query in QUERIES)]
    from_bits = [services.search(query) for query in queries]
    monkeypatch.setattr(pg_query, "word_lexemes", lambda connection, words: None)
    from_rows = [services.search(query) for query in queries]
    assert from_bits == from_rows
    assert sum(result.total for result in from_bits) > 0


def test_a_search_restricted_to_some_missions_counts_only_them(corpus):
    # Widgets restrict searches to their network's missions: the bit strings know nothing of that.
    everything = services.search(SearchQuery(q="jardin", with_seats=False))
    some = frozenset(hit.id for hit in everything.hits[:2])
    restricted = services.search(SearchQuery(q="jardin", with_seats=False, mission_ids=some))
    assert everything.total > len(some) == 2
    assert restricted.total == 2 and {hit.id for hit in restricted.hits} == some
    assert sum(restricted.facets["kind"].values()) == 2


def test_queries_bits_cannot_answer_count_over_rows(postgres_backend):
    for query in (
        SearchQuery(q="jardin", lat=48.8566, lon=2.3522, radius_km=10),
        SearchQuery(q="jardin", age_range="16-17"),
        SearchQuery(q="jardin", slots=("wed_evening",)),
        SearchQuery(q="jardin", date_from=datetime(2030, 1, 1).date()),
        SearchQuery(q=""),
    ):
        assert not pg_query._Plan.build(query).bit_countable, query
    assert pg_query.word_lexemes(db.session, ["jardin", "aide-devoirs"]) == [
        ["jardin"],
        ["aid", "aide-devoir", "devoir"],
    ]
    assert pg_query.word_lexemes(db.session, ["jardin", "le"]) is None  # a stop word to PostgreSQL


def test_rebuild_and_truncate_keep_the_bits_in_step(corpus):
    db.session.execute(text("UPDATE search.word_blocks SET bits = ~bits"))  # damage them
    db.session.commit()
    services.reindex_all()
    assert_bits_agree_with_rows()
    db.session.execute(text("TRUNCATE missions CASCADE"))
    db.session.commit()
    assert db.session.scalar(text("SELECT count(*) FROM search.word_blocks")) == 0
    assert db.session.scalar(text("SELECT count(*) FROM search.facet_blocks")) == 0


def test_concurrent_updates_of_missions_in_one_block_do_not_deadlock(app, corpus):
    first, second = corpus[0].id, corpus[1].id
    assert first // schema.BLOCK_BITS == second // schema.BLOCK_BITS
    db.session.commit()
    # Each round one description loses its 150 "x" words and gains the "z" ones while the other does
    # the reverse: locking removals before additions, each would wait for the other's rows.
    letters = "bcdfglmnprst"
    syllables = [f"{a}a{b}o" for a in letters for b in letters][:150]
    descriptions = [" ".join(f"{prefix}{syllable}" for syllable in syllables) for prefix in ("x", "z")]
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def write(mission_id: int, offset: int) -> None:
        try:
            with app.app_context(), db.engine.connect() as connection:
                start.wait()
                for round_ in range(15):
                    with connection.begin():
                        connection.execute(text("SET LOCAL lock_timeout = '20s'"))
                        connection.execute(
                            text(
                                "UPDATE missions SET description = :words, seats_taken = :seats"
                                " WHERE id = :id"
                            ),
                            {
                                "words": descriptions[(round_ + offset) % 2],
                                "seats": round_ % 3,
                                "id": mission_id,
                            },
                        )
        except BaseException as error:  # noqa: BLE001 - reported by the test below
            errors.append(error)

    threads = [
        threading.Thread(target=write, args=(first, 0)),
        threading.Thread(target=write, args=(second, 1)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == [] and not any(thread.is_alive() for thread in threads)
    db.session.expire_all()
    assert_bits_agree_with_rows()
    # The rounds end with one description of each kind.
    assert services.search(SearchQuery(q="xbabo", with_seats=False)).total == 1
    assert services.search(SearchQuery(q="xbabo zbabo", with_seats=False)).total == 2


def search_rows() -> tuple[list[tuple], set[str]]:
    """Every row of search.missions, and the words the suggestion knows."""
    rows = db.session.execute(text("SELECT * FROM search.missions ORDER BY mission_id")).all()
    return [tuple(row) for row in rows], set(db.session.scalars(text("SELECT word FROM search.words")))


def assert_search_rows_as_rebuilt() -> None:
    """The search tables hold what a rebuild from public.missions computes (words: at least)."""
    rows, words = search_rows()
    with db.session.begin_nested() as savepoint:
        schema.rebuild(db.session)
        rebuilt_rows, rebuilt_words = search_rows()
        savepoint.rollback()
    assert rows == rebuilt_rows
    assert words >= rebuilt_words  # a rebuild also forgets words no mission uses any more


def test_batched_imports_keep_the_bits_in_step(app, corpus, monkeypatch):
    """An import switches the row triggers off and updates the search tables once per batch:
    the same rows, words and bits as the triggers (and a rebuild) give."""
    from marketplace.associations.imports import writing
    from tests.test_imports import jsonl, mission_line

    monkeypatch.setattr(writing, "DEFAULT_BATCH_SIZE", 4)
    # Batches take the set-based path here (the triggers alone would give the same rows).
    assert isinstance(search_bulk_writes(db.session), _PostgresBulk)
    lines = [
        mission_line(external_id=f"i-{n}", title=f"Potirons du jardin numéro {n}", capacity=1 + n % 3)
        for n in range(10)
    ]
    with app.test_request_context():
        writing.import_missions(jsonl(*lines), "jsonl", by=None)
        assert_bits_agree_with_rows()
        assert_search_rows_as_rebuilt()
        assert len(services.search(SearchQuery(q="potirons", with_seats=False)).hits) == 10
        changed = [
            mission_line(external_id=f"i-{n}", title=f"Atelier numérique {n}", domain="numerique")
            if n % 2
            else lines[n]
            for n in range(10)
        ]
        report = writing.import_missions(jsonl(*changed), "jsonl", by=None)
        assert report.unchanged == 5
        assert_bits_agree_with_rows()
        assert_search_rows_as_rebuilt()
        assert len(services.search(SearchQuery(q="potirons", with_seats=False)).hits) == 5
    current = db.session.execute(text("SELECT current_setting('search.bulk', true)")).scalar()
    assert current in (None, "", "off")  # the row trigger is on again for later writes
