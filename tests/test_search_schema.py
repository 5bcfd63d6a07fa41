"""The PostgreSQL search schema has one upgrade path (Alembic) and one installer of its current
version; both must build the same thing.

``flask db upgrade`` on an empty database and ``create_all`` + ``install()`` on another must
agree on every function of the ``search`` schema (``pg_get_functiondef``), every column
(``information_schema.columns``), index (``pg_indexes``), constraint and trigger, and on the
version written on the schema. An older schema is upgraded by the migrations (rows included),
never by ``install()``, which says to run ``flask db upgrade``.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Connection, Engine, make_url

from marketplace import models  # noqa: F401  (every table, for create_all)
from marketplace.config import PROJECT_ROOT
from marketplace.extensions import db
from marketplace.search import postgres
from marketplace.search.documents import SearchQuery
from tests.conftest import DATABASE_URL, is_postgres

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not is_postgres(), reason="the search schema is PostgreSQL's"),
]

SEARCH_SCHEMA_1 = "22e82f45a4bb"  # the revision that created the search schema (version 1)


def _fresh_database(suffix: str) -> str:
    """An empty database next to the test database; returns its URL."""
    url = make_url(DATABASE_URL)
    name = f"{url.database}_{suffix}"
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return url.set(database=name).render_as_string(hide_password=False)


def _drop_database(database_url: str) -> None:
    url = make_url(database_url)
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def empty_database(request) -> Iterator[Engine]:
    """An engine on a new empty database, dropped after the test."""
    url = _fresh_database(request.param if hasattr(request, "param") else "schema")
    engine = create_engine(url)
    yield engine
    engine.dispose()
    _drop_database(url)


def flask_db_upgrade(engine: Engine, revision: str = "head") -> None:
    """Run the operator's command, ``flask db upgrade``, against the engine's database."""
    env = {
        **os.environ,
        "TREMPLIN_ENV": "development",
        "DATABASE_URL": engine.url.render_as_string(hide_password=False),
    }
    done = subprocess.run(  # noqa: S603 - our own interpreter and command
        [sys.executable, "-m", "flask", "--app", "wsgi.py", "db", "upgrade", revision],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]


def _normalised(definition: str) -> str:
    """SQL text without comments and layout: the migrations and the installer format it apart."""
    without_comments = re.sub(r"--[^\n]*", "", definition)
    collapsed = re.sub(r"\s+", " ", without_comments)
    return re.sub(r"\s*([(),;\[\]])\s*", r"\1", collapsed).strip()


def search_catalog(connection: Connection) -> dict[str, object]:
    """Everything the search schema is made of, as PostgreSQL reports it."""

    def rows(sql: str) -> list[tuple]:
        return sorted(tuple(row) for row in connection.execute(text(sql)))

    functions = {
        f"{name}({arguments})": _normalised(definition)
        for name, arguments, definition in rows(
            "SELECT p.proname, pg_get_function_identity_arguments(p.oid), pg_get_functiondef(p.oid)"
            " FROM pg_proc AS p WHERE p.pronamespace = 'search'::regnamespace"
        )
    }
    return {
        "version": postgres.installed_version(connection),
        "extensions": rows(
            "SELECT extname, extnamespace::regnamespace::text FROM pg_extension"
            " WHERE extname IN ('unaccent', 'pg_trgm')"
        ),
        "functions": functions,
        # Not the column order: the migrations added columns over time, the installer writes
        # them in one CREATE TABLE; every statement names its columns.
        "columns": rows(
            "SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default,"
            " character_maximum_length, numeric_precision"
            " FROM information_schema.columns WHERE table_schema = 'search'"
        ),
        "indexes": rows("SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'search'"),
        "index_options": rows(
            "SELECT c.relname, coalesce(array_to_string(c.reloptions, ','), '') FROM pg_class AS c"
            " WHERE c.relnamespace = 'search'::regnamespace AND c.relkind = 'i'"
        ),
        "constraints": rows(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint"
            " WHERE connamespace = 'search'::regnamespace"
        ),
        "triggers": rows(
            "SELECT tgrelid::regclass::text, tgname, pg_get_triggerdef(oid) FROM pg_trigger"
            " WHERE NOT tgisinternal AND (tgrelid = 'public.missions'::regclass"
            "   OR tgrelid IN (SELECT oid FROM pg_class WHERE relnamespace = 'search'::regnamespace))"
        ),
    }


@pytest.mark.parametrize("empty_database", ["schema_alembic"], indirect=True)
def test_flask_db_upgrade_and_the_installer_build_the_same_search_schema(empty_database):
    flask_db_upgrade(empty_database)
    with empty_database.connect() as connection:
        from_migrations = search_catalog(connection)

    installer_url = _fresh_database("schema_installer")
    installer = create_engine(installer_url)
    try:
        db.metadata.create_all(installer)
        with installer.begin() as connection:
            postgres.install(connection)
        with installer.connect() as connection:
            from_installer = search_catalog(connection)
    finally:
        installer.dispose()
        _drop_database(installer_url)

    assert from_migrations["version"] == postgres.SCHEMA_VERSION
    assert set(from_migrations["functions"]) == set(from_installer["functions"])
    for name, definition in from_migrations["functions"].items():
        assert definition == from_installer["functions"][name], name
    for part in ("extensions", "columns", "indexes", "index_options", "constraints", "triggers"):
        assert from_migrations[part] == from_installer[part], part
    assert from_migrations == from_installer


def _old_mission(connection: Connection, mission_id: int, title: str, **fields) -> None:
    """A published mission written with the columns of the schema at SEARCH_SCHEMA_1."""
    values = {
        "id": mission_id,
        "association_id": 1,
        "title": title,
        "description": "Une soirée de lecture à voix haute pour les enfants du quartier.",
        "kind": "ponctual",
        "domain": "education",
        "skills": '["lecture"]',
        "city": "Lyon",
        "postcode": "69007",
        "address": "",
        "lat": 45.75,
        "lon": 4.84,
        "remote": False,
        "schedule": "one_off",
        "start_date": None,
        "end_date": None,
        "slots": "[]",
        "min_age": 16,
        "capacity": 5,
        "seats_taken": 0,
        "motivation_required": False,
        "status": "published",
        **fields,
    }
    columns = ", ".join(values)
    placeholders = ", ".join(f":{name}" for name in values)
    connection.execute(
        text(
            f"INSERT INTO missions ({columns}, published_at, created_at, updated_at)"
            f" VALUES ({placeholders}, now(), now(), now())"
        ),
        values,
    )


@pytest.mark.parametrize("empty_database", ["schema_upgrade"], indirect=True)
def test_flask_db_upgrade_carries_indexed_missions_of_the_first_search_schema(empty_database):
    flask_db_upgrade(empty_database, SEARCH_SCHEMA_1)
    with empty_database.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO associations (id, name, slug, description, city, postcode, verified,"
                " created_at, updated_at) VALUES (1, 'Lire ensemble', 'lire-ensemble', '', 'Lyon',"
                " '69007', true, now(), now())"
            )
        )
        wednesday = date(2026, 12, 2)
        _old_mission(connection, 1, "Veillée contée", start_date=wednesday)
        _old_mission(connection, 2, "Veillée du samedi", start_date=date(2026, 12, 5), domain="culture")
        _old_mission(connection, 3, "Veillée au jardin", remote=True, kind="support")
    flask_db_upgrade(empty_database)

    with empty_database.connect() as connection:
        assert postgres.installed_version(connection) == postgres.SCHEMA_VERSION
        assert postgres.is_installed(connection)
        # Schema 3 turned one-off weekdays into slots (every part of the day when none is said).
        on_wednesday = postgres.search(connection, SearchQuery(q="veillee", slots=("wed_evening",)))
        assert {hit.id for hit in on_wednesday.hits} == {1, 3}  # remote without a date: flexible
        # Schemas 2 and 4: facet codes, then bit strings counting them (words, no other filter).
        everything = postgres.search(connection, SearchQuery(q="veillee"))
        assert everything.total == 3
        assert everything.facets == {
            "domain": {"education": 2, "culture": 1},
            "kind": {"ponctual": 2, "support": 1},
        }


def test_reindex_refuses_an_older_search_schema_and_says_to_run_db_upgrade(app, runner):
    app.config["SEARCH_BACKEND"] = "postgres"
    try:
        runner.invoke(args=["search", "reindex"])  # this version, whole
        db.session.execute(text("COMMENT ON SCHEMA search IS 'tremplin-search 3'"))
        db.session.commit()
        result = runner.invoke(args=["search", "reindex"])
        assert result.exit_code != 0
        assert "flask db upgrade" in result.output
        assert "tremplin-search 3" in result.output
    finally:
        db.session.rollback()
        db.session.execute(text(f"COMMENT ON SCHEMA search IS '{postgres.SCHEMA_VERSION}'"))
        db.session.commit()
        app.config["SEARCH_BACKEND"] = "whoosh"
