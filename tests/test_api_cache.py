"""The in-process cache of public API answers: fresh for a short while, emptied by a commit."""

from __future__ import annotations

import pytest

from marketplace.api import cache as api_cache
from marketplace.api.cache import AnswerCache, CachedAnswer
from marketplace.extensions import db


@pytest.fixture
def cached(app, monkeypatch):
    """The app with the answer cache on (tests run with it off), starting empty."""
    monkeypatch.setitem(app.config, "API_CACHE_SECONDS", 30)
    api_cache.answer_cache().clear()
    yield app
    api_cache.answer_cache().clear()


@pytest.fixture
def search_calls(monkeypatch):
    from marketplace.api import views

    calls = []
    real = views.search_missions

    def counting(query):
        calls.append(query)
        return real(query)

    monkeypatch.setattr(views, "search_missions", counting)
    return calls


def test_a_repeated_search_is_computed_once_and_answers_the_same(cached, client, make, search_calls):
    make.mission(title="Jardinage")
    first = client.get("/api/v1/missions?per_page=5")
    second = client.get("/api/v1/missions?per_page=5")
    assert len(search_calls) == 1
    assert first.get_data() == second.get_data()
    assert first.headers["ETag"] == second.headers["ETag"]
    assert second.headers["Cache-Control"] == "public, max-age=60"
    assert second.headers["Access-Control-Allow-Origin"] == "*"
    client.get("/api/v1/missions?per_page=6")
    assert len(search_calls) == 2  # other arguments, other answer


def test_a_cached_answer_revalidates_with_a_304(cached, client, make, search_calls):
    make.mission()
    etag = client.get("/api/v1/missions").headers["ETag"]
    again = client.get("/api/v1/missions", headers={"If-None-Match": etag})
    assert again.status_code == 304 and len(search_calls) == 1


def test_a_committed_change_empties_the_cache_at_once(cached, client, make):
    mission = make.mission(title="Première mission")
    assert client.get(f"/api/v1/missions/{mission.id}").get_json()["title"] == "Première mission"
    mission.title = "Titre corrigé"
    db.session.commit()
    assert client.get(f"/api/v1/missions/{mission.id}").get_json()["title"] == "Titre corrigé"
    mission.status = "closed"
    db.session.commit()
    assert client.get(f"/api/v1/missions/{mission.id}").status_code == 404


def test_errors_are_not_kept(cached, client):
    assert client.get("/api/v1/missions?radius_km=0&postcode=69007").status_code == 400
    assert len(api_cache.answer_cache()) == 0


def test_entries_expire_and_the_oldest_go_first():
    answers = AnswerCache(max_entries=2)
    answers.put(("a",), CachedAnswer(b"1", "e1", expires_at=10))
    assert answers.get(("a",), now=9).body == b"1"
    assert answers.get(("a",), now=10) is None
    for name in ("b", "c", "d"):
        answers.put((name,), CachedAnswer(b"x", "e", expires_at=100))
    assert answers.get(("b",), now=1) is None and len(answers) == 2
