"""The search index follows the database after every commit."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from marketplace.associations.models import Mission
from marketplace.extensions import db
from marketplace.search.documents import SearchQuery
from marketplace.search.services import index_is_stale, mission_index, reindex_all, search


@pytest.fixture
def synced(app):
    app.config["SEARCH_SYNC"] = True
    reindex_all()
    yield
    app.config["SEARCH_SYNC"] = False


def published_ids() -> set[int]:
    return set(db.session.scalars(select(Mission.id).where(Mission.status == "published")))


def found(words: str) -> list[int]:
    return [hit.id for hit in search(SearchQuery(q=words, with_seats=False)).hits]


def test_index_and_database_agree_after_a_sequence_of_edits(make, synced):
    association = make.association()
    first = make.mission(association, title="Collecte de vêtements chauds")
    second = make.mission(association, title="Soutien scolaire en mathématiques", status="draft")
    assert mission_index().all_ids() == published_ids() == {first.id}

    second.status = "published"
    db.session.commit()
    assert found("mathematiques") == [second.id]

    first.title = "Collecte de jouets pour Noël"
    db.session.commit()
    assert found("jouets") == [first.id] and found("vetements") == []

    first.status = "closed"
    db.session.commit()
    assert found("jouets") == []

    db.session.delete(second)
    db.session.commit()
    assert mission_index().all_ids() == published_ids() == set()
    assert not index_is_stale()


def test_rolled_back_changes_never_reach_the_index(make, synced):
    mission = make.mission(title="Maraude du jeudi soir")
    mission.title = "Titre jamais enregistré"
    db.session.flush()
    db.session.rollback()
    db.session.commit()
    assert found("maraude") == [mission.id] and found("jamais") == []


def test_reindex_command_repairs_a_stale_index(make, runner, synced, app):
    app.config["SEARCH_SYNC"] = False
    make.mission(title="Atelier numérique pour seniors")
    assert index_is_stale()
    result = runner.invoke(args=["search", "reindex", "--if-stale"])
    assert result.exit_code == 0 and "Indexed 1 published missions" in result.output
    assert not index_is_stale()
    again = runner.invoke(args=["search", "reindex", "--if-stale"])
    assert "up to date" in again.output
