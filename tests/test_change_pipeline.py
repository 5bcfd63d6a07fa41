"""The change pipeline: every write path reaches every subscriber, once committed, in the stated order.

Each write path is driven the way users drive it (the views, the command line, the services) and
the four subscribers must all see the mission's id. Then the transaction rules (savepoints,
rollbacks) and the bug that started it: the API's ``seats_left`` right after an accept, on the
same worker and on another one.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from marketplace.associations.cli import missions_cli
from marketplace.associations.models import Mission, MissionReview
from marketplace.extensions import db
from marketplace.missions import changes
from marketplace.missions.stamp import read_stamp
from marketplace.statuses import MissionStatus, ReviewAction
from tests.conftest import build_app, text_of
from tests.test_imports import jsonl, mission_line
from tests.test_missions_editor import valid_form

SUBSCRIBERS = ("matching-journal", "search-index", "api-answers", "widget-pages")


@pytest.fixture
def seen(app, monkeypatch) -> dict[str, set[int]]:
    """Mission ids each subscriber was called with (the real subscribers still run)."""
    found: dict[str, set[int]] = defaultdict(set)
    for subscription in changes.subscribers():

        def spy(session, changed, _real=subscription.callback, _name=subscription.name):
            found[_name].update(changed.missions)
            _real(session, changed)

        monkeypatch.setitem(
            changes._subscriptions, subscription.name, dataclasses.replace(subscription, callback=spy)
        )
    return found


def assert_every_subscriber_saw(seen: dict[str, set[int]], mission_id: int) -> None:
    missing = [name for name in SUBSCRIBERS if mission_id not in seen[name]]
    assert not missing, f"mission {mission_id} not seen by {missing}: {dict(seen)}"


@pytest.fixture
def owner(make, auth):
    """An association owner, signed in, with a verified association (it publishes directly)."""
    user = make.user("association")
    make.association("Les Restos du Cœur", owner=user, verified=True)
    auth.login_as(user)
    return user


def _association_of(user):
    return user.memberships[0].association


def test_subscribers_run_in_the_stated_order_journal_first_inside_the_transaction(make):
    assert [item.name for item in changes.subscribers()] == list(SUBSCRIBERS)
    phases = {item.name: item.phase for item in changes.subscribers()}
    assert phases["matching-journal"] is changes.Phase.BEFORE_COMMIT
    assert {phases[name] for name in SUBSCRIBERS[1:]} == {changes.Phase.AFTER_COMMIT}
    association = make.association()
    calls = []

    def before(session, _changed):
        calls.append(("before", session.in_transaction()))

    def after(_session, _changed):
        with Session(db.engine) as reader:  # another connection sees only what was committed
            calls.append(("after", read_stamp(reader).version))

    changes.subscribe("test-before", before, order=99, phase=changes.Phase.BEFORE_COMMIT)
    changes.subscribe("test-after", after, order=99)
    try:
        stamp = read_stamp()
        make.mission(association)
        assert calls == [("before", True), ("after", stamp.version + 1)]  # the bump was committed with it
    finally:
        changes.unsubscribe("test-before")
        changes.unsubscribe("test-after")


# --- Every write path -----------------------------------------------------------------------------


def test_editor_save_and_submit(client, owner, seen):
    client.post("/espace/missions/nouvelle", data=valid_form(title="Brouillon"))
    draft = db.session.scalar(select(Mission).where(Mission.title == "Brouillon"))
    assert_every_subscriber_saw(seen, draft.id)
    seen.clear()
    client.post(f"/espace/missions/{draft.id}/modifier", data=valid_form(title="Brouillon corrigé"))
    assert_every_subscriber_saw(seen, draft.id)
    seen.clear()
    assert client.post(f"/espace/missions/{draft.id}/soumettre").status_code == 302
    assert db.session.get(Mission, draft.id).status == MissionStatus.PUBLISHED
    assert_every_subscriber_saw(seen, draft.id)


def test_moderation_publish_and_send_back(client, auth, make, seen):
    association = make.association("Les Amis du Parc")
    waiting = [make.mission(association, status=MissionStatus.PENDING_REVIEW) for _ in range(2)]
    for mission in waiting:
        db.session.add(MissionReview(mission=mission, actor=None, action=ReviewAction.SUBMITTED))
    db.session.commit()
    seen.clear()
    auth.login_as(make.user("site_admin"))
    assert client.post(f"/moderation/missions/{waiting[0].id}/publier", data={}).status_code == 302
    assert_every_subscriber_saw(seen, waiting[0].id)
    seen.clear()
    comment = {"return-comment": "Précisez l'adresse du rendez-vous, s'il vous plaît."}
    assert client.post(f"/moderation/missions/{waiting[1].id}/renvoyer", data=comment).status_code == 302
    assert db.session.get(Mission, waiting[1].id).status == MissionStatus.DRAFT
    assert_every_subscriber_saw(seen, waiting[1].id)


def test_close_cancel_and_duplicate(client, owner, make, seen):
    to_close, to_cancel, original = (make.mission(_association_of(owner)) for _ in range(3))
    seen.clear()
    assert client.post(f"/espace/missions/{to_close.id}/cloturer").status_code == 302
    assert_every_subscriber_saw(seen, to_close.id)
    seen.clear()
    reason = {"reason": "La salle est fermée."}
    assert client.post(f"/espace/missions/{to_cancel.id}/annuler", data=reason).status_code == 302
    assert_every_subscriber_saw(seen, to_cancel.id)
    seen.clear()
    assert client.post(f"/espace/missions/{original.id}/dupliquer").status_code == 302
    copy = db.session.scalar(select(Mission).order_by(Mission.id.desc()))
    assert copy.id != original.id
    assert_every_subscriber_saw(seen, copy.id)


def test_import_from_the_command_line(runner, seen, tmp_path: Path):
    path = tmp_path / "missions.jsonl"
    path.write_text(jsonl(mission_line(external_id="a")), encoding="utf-8")
    db.session.commit()
    result = runner.invoke(missions_cli, ["import", str(path)])
    assert result.exit_code == 0, result.output
    imported = db.session.scalar(select(Mission.id).where(Mission.external_id == "a"))
    assert_every_subscriber_saw(seen, imported)


def test_accept_decline_withdraw_complete(client, auth, make, seen):
    # Each of these moves a seat (declining or withdrawing a pending application changes no mission).
    owner = make.user("association")
    # It takes place today: a participation can be confirmed from its date on.
    mission = make.mission(make.association(owner=owner), capacity=5, start_date=date.today())
    accepted = make.application(mission)
    declined, withdrawn, done = (make.application(mission, status="accepted") for _ in range(3))
    auth.login_as(owner)
    for path, data in (
        (f"/candidatures/{accepted.id}/accepter", {}),
        (f"/candidatures/{declined.id}/refuser", {"reason": "mission_full"}),
        (f"/candidatures/{done.id}/terminer", {"hours_done": "3"}),
    ):
        seen.clear()
        assert client.post(path, data=data).status_code == 302, path
        assert_every_subscriber_saw(seen, mission.id)
    seen.clear()
    auth.login_as(withdrawn.candidate)
    assert client.post(f"/candidatures/{withdrawn.id}/retirer", data={"confirmed": "yes"}).status_code == 302
    assert_every_subscriber_saw(seen, mission.id)


def test_an_association_rename_reaches_its_missions(make, seen):
    association = make.association("Restos")
    missions = [make.mission(association).id for _ in range(2)]
    seen.clear()
    association.name = "Les Restos du Cœur"
    db.session.commit()
    for mission_id in missions:
        assert_every_subscriber_saw(seen, mission_id)


def test_a_deleted_mission_reaches_every_subscriber(make, seen):
    mission = make.mission()
    mission_id = mission.id
    seen.clear()
    db.session.delete(mission)
    db.session.commit()
    assert_every_subscriber_saw(seen, mission_id)


# --- Transactions --------------------------------------------------------------------------------


@pytest.fixture
def published(app) -> list[set[int]]:
    """What a test subscriber was told, one set per outermost commit."""
    calls: list[set[int]] = []
    changes.subscribe("test-recorder", lambda _s, changed: calls.append(set(changed.missions)), order=99)
    yield calls
    changes.unsubscribe("test-recorder")


def _bulk_touch(mission_id: int) -> None:
    db.session.execute(
        update(Mission).where(Mission.id == mission_id).values(seats_taken=Mission.seats_taken)
    )
    changes.mark_changed(db.session, missions=[mission_id])


def test_a_released_savepoint_publishes_with_the_outer_commit_only(make, published):
    first, second = make.mission().id, make.mission().id
    published.clear()
    with db.session.begin_nested():
        _bulk_touch(first)
    assert published == []  # releasing a savepoint publishes nothing yet
    _bulk_touch(second)
    db.session.commit()
    assert published == [{first, second}]


def test_a_rolled_back_savepoint_drops_its_changes_but_not_the_outer_ones(make, published):
    kept, dropped = make.mission(), make.mission()
    published.clear()
    kept.title = "Titre gardé"
    db.session.flush()
    savepoint = db.session.begin_nested()
    dropped.title = "Titre annulé"
    db.session.flush()
    savepoint.rollback()
    db.session.commit()
    assert published == [{kept.id}]


def test_a_rollback_after_a_released_savepoint_publishes_nothing(make, published):
    mission = make.mission()
    published.clear()
    stamp = read_stamp()
    with db.session.begin_nested():
        mission.title = "Jamais enregistré"
    db.session.rollback()
    db.session.commit()  # an empty commit after it must not publish the forgotten change
    assert published == []
    assert read_stamp() == stamp


def test_a_commit_that_changes_no_mission_publishes_nothing(make, published):
    user = make.user("candidate")
    published.clear()
    user.first_name = "Camille"
    db.session.commit()
    assert published == []


# --- The bug: seats_left after an accept -----------------------------------------------------------


@pytest.fixture
def cached_api(app, monkeypatch):
    monkeypatch.setitem(app.config, "API_CACHE_SECONDS", 30)
    yield app


def _seats_left(client, mission_id: int) -> int:
    return client.get(f"/api/v1/missions/{mission_id}").get_json()["seats_left"]


def test_the_api_shows_the_seats_left_right_after_an_accept(cached_api, client, auth, make):
    owner = make.user("association")
    mission = make.mission(make.association(owner=owner), capacity=6)
    application = make.application(mission)
    assert _seats_left(client, mission.id) == 6
    auth.login_as(owner)
    assert client.post(f"/candidatures/{application.id}/accepter").status_code == 302
    assert _seats_left(client, mission.id) == 5


def test_another_worker_shows_the_seats_left_right_after_an_accept(cached_api, client, auth, make):
    owner = make.user("association")
    mission = make.mission(make.association(owner=owner), capacity=6)
    application = make.application(mission)
    other = build_app(API_CACHE_SECONDS=30)  # a second worker on the same database
    try:
        reader = other.test_client()
        assert _seats_left(reader, mission.id) == 6
        assert _seats_left(reader, mission.id) == 6  # from its cache now
        auth.login_as(owner)
        assert client.post(f"/candidatures/{application.id}/accepter").status_code == 302  # on this worker
        assert _seats_left(reader, mission.id) == 5
    finally:
        with other.app_context():
            db.session.remove()
            db.engine.dispose()


def test_another_worker_shows_a_changed_mission_in_its_widget_at_once(app, client, make):
    from marketplace.search import services as search

    association = make.association("Les Jardins du Rhône")
    network = make.network(members=(association,))
    widget = make.widget(network)
    mission = make.mission(association, title="Fête des voisins", start_date=date.today() + timedelta(days=9))
    search.reindex_all()
    other = build_app(WIDGET_CACHE_SECONDS=30)
    try:
        reader = other.test_client()
        assert "Fête des voisins" in text_of(reader.get(f"/widget/{widget.public_id}"))
        mission.title = "Repas des voisins"
        db.session.commit()  # on this worker
        assert "Repas des voisins" in text_of(reader.get(f"/widget/{widget.public_id}"))
    finally:
        with other.app_context():
            db.session.remove()
            db.engine.dispose()
