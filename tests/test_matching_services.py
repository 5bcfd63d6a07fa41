"""Matching services: facts from the database, freshness through the stamp, queries, invitations."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from flask_babel import force_locale
from sqlalchemy import delete, select, update

from marketplace.associations.models import Mission
from marketplace.domain import Conflict, NotAllowed
from marketplace.extensions import db
from marketplace.matching import Stage
from marketplace.matching import holder as holder_module
from marketplace.matching import services as matching
from marketplace.matching.models import MatchingChange, MatchingState, MissionInvitation
from marketplace.notifications.models import OutboxMessage
from tests.conftest import build_app


def _candidate(make, **profile):
    user = make.user("candidate", first_name="Camille")
    values = {"lat": 45.7456, "lon": 4.8427, "radius_km": 20, "domains": ["aide-alimentaire"], **profile}
    for name, value in values.items():
        setattr(user.profile, name, value)
    db.session.commit()
    return user


def _ids(items) -> list[int]:
    return [item.mission.id for item in items]


def test_mission_facts_carry_what_the_engine_filters_on(make):
    mission = make.mission(skills=["Cuisine"], capacity=3, seats_taken=1, min_age=16)
    facts = matching.mission_facts(mission)
    assert (facts.id, facts.seats_left, facts.min_age, facts.skills) == (mission.id, 2, 16, ("Cuisine",))
    assert facts.association_name == mission.association.name
    assert facts.day_parts == ()


def test_candidate_facts_hold_accepted_and_completed_applications_only(make):
    user = _candidate(make)
    done = make.application(candidate=user, status="completed", hours_done=4)
    make.application(candidate=user, status="pending")
    make.application(candidate=user, status="declined")
    facts = matching.candidate_facts(user)
    assert [item.mission_id for item in facts.history] == [done.mission_id]
    assert facts.history[0].hours_done == 4
    assert facts.domains == ("aide-alimentaire",)


def test_recommendations_explain_in_french_and_leave_out_applied_missions(make):
    user = _candidate(make)
    near = make.mission(title="Distribution de colis alimentaires")
    applied = make.mission(title="Collecte alimentaire au supermarché")
    make.application(mission=applied, candidate=user, status="pending")
    make.mission(title="Brouillon", status="draft")
    found = matching.recommend_for_user(user)
    assert _ids(found) == [near.id]
    assert found[0].mission.association.name  # loaded with its association
    assert "À moins d'un kilomètre de chez vous" in found[0].reasons
    assert "distance" in found[0].reason_codes


def test_reasons_follow_the_current_locale(make):
    user = _candidate(make)
    make.mission(title="Distribution de colis alimentaires")
    with force_locale("en"):
        found = matching.recommend_for_user(user)
    assert "Less than a kilometre from your home" in found[0].reasons


def test_a_published_mission_is_recommended_on_the_next_call_without_a_refit(make):
    user = _candidate(make)
    make.mission(title="Tri de denrées")
    assert len(matching.recommend_for_user(user)) == 1
    holder = matching.engine_holder()
    fits = holder.fits
    new = make.mission(title="Maraude du soir", status="draft")
    assert new.id not in _ids(matching.recommend_for_user(user))
    new.status = "published"
    db.session.commit()
    assert new.id in _ids(matching.recommend_for_user(user))
    assert holder.fits == fits  # replayed from the journal, not refitted
    assert holder.engine is not None and new.id in holder.engine


def test_closing_or_filling_a_mission_takes_it_out_without_a_refit(make):
    user = _candidate(make)
    closed = make.mission(title="Tri de denrées")
    full = make.mission(title="Collecte")
    matching.recommend_for_user(user)
    fits = matching.engine_holder().fits
    closed.status = "closed"
    db.session.commit()
    # A bulk seat update escapes the ORM: the journal still sees it through mark_changed.
    from marketplace.missions.changes import mark_changed

    db.session.execute(update(Mission).where(Mission.id == full.id).values(seats_taken=Mission.capacity))
    mark_changed(db.session, missions=[full.id])
    db.session.commit()
    assert matching.recommend_for_user(user) == []
    engine = matching.engine_holder().engine
    assert closed.id not in engine
    assert engine.mission(full.id).seats_left == 0
    assert matching.engine_holder().fits == fits


def test_every_committed_change_bumps_the_stamp_and_journals_the_mission(make):
    before = matching.read_stamp()
    mission = make.mission()
    after = matching.read_stamp()
    assert after.version > before.version and after.epoch
    journaled = db.session.scalars(
        select(MatchingChange.mission_id).where(MatchingChange.version == after.version)
    ).all()
    assert journaled == [mission.id]


def test_a_change_through_one_worker_is_seen_by_another(make):
    user = _candidate(make)
    make.mission(title="Tri de denrées")
    other = build_app()
    with other.app_context():
        first = matching.recommend_for_user(db.session.get(type(user), user.id))
        assert len(first) == 1
    added = make.mission(title="Maraude du soir")  # written through this app
    with other.app_context():
        found = matching.recommend_for_user(db.session.get(type(user), user.id))
        assert added.id in _ids(found)
        assert matching.engine_holder(other).fits == 1
        db.session.remove()


def test_a_recreated_state_row_forces_a_rebuild_even_at_the_same_version(make):
    user = _candidate(make)
    make.mission(title="Tri de denrées")
    matching.recommend_for_user(user)
    holder = matching.engine_holder()
    fits, version = holder.fits, holder.engine.version
    db.session.execute(delete(MatchingState))
    db.session.add(MatchingState(id=1, version=version, epoch="restored"))
    db.session.commit()
    matching.recommend_for_user(user)
    assert holder.fits == fits + 1


def test_an_engine_built_before_the_state_row_adopts_its_epoch_when_catching_up(make):
    user = _candidate(make)
    db.session.execute(delete(MatchingChange))
    db.session.execute(delete(MatchingState))
    db.session.commit()
    holder = matching.engine_holder()
    with holder.lock:
        holder.engine, holder.epoch = None, None
    matching.recommend_for_user(user)  # built while no stamp exists
    make.mission(title="Tri de denrées")  # creates the state row
    assert len(matching.recommend_for_user(user)) == 1  # caught up by replay
    fits, version = holder.fits, holder.engine.version
    db.session.execute(delete(MatchingState))
    db.session.add(MatchingState(id=1, version=version, epoch="restored"))
    db.session.execute(delete(Mission))
    db.session.commit()
    assert matching.recommend_for_user(user) == []
    assert holder.fits == fits + 1


def test_a_pruned_journal_forces_a_rebuild(make):
    user = _candidate(make)
    make.mission(title="Tri de denrées")
    matching.recommend_for_user(user)
    holder = matching.engine_holder()
    fits = holder.fits
    make.mission(title="Collecte")
    make.mission(title="Maraude")
    db.session.execute(delete(MatchingChange))
    db.session.commit()
    assert len(matching.recommend_for_user(user)) == 3
    assert holder.fits == fits + 1


def test_rebuild_command_reports_the_engine(make, runner):
    make.mission(title="Tri de denrées")
    result = runner.invoke(args=["matching", "rebuild"])
    assert result.exit_code == 0, result.output
    assert "1 missions" in result.output


def test_similar_missions_share_the_domain_and_skip_the_mission_itself(make):
    association = make.association()
    mission = make.mission(association, title="Distribution de colis alimentaires")
    twin = make.mission(association, title="Distribution de repas alimentaires")
    found = matching.similar_missions(mission)
    assert _ids(found) == [twin.id]
    assert "Même domaine : aide alimentaire" in found[0].reasons, found[0].reasons


def test_pathway_after_a_one_off_mission_points_to_the_association_s_recurring_mission(make):
    user = _candidate(make, slots=["wed_afternoon"])
    association = make.association("Les Restos du Cœur")
    one_off = make.mission(
        association, title="Collecte nationale", start_date=date.today() - timedelta(days=3)
    )
    make.application(mission=one_off, candidate=user, status="completed", hours_done=5)
    recurring = make.mission(
        association, title="Distribution hebdomadaire", schedule="recurring", slots=["wed_afternoon"]
    )
    pathway = matching.pathway_for(user)
    assert pathway.summary.stage == Stage.PONCTUAL
    assert pathway.summary.hours == 5
    assert pathway.summary.associations == ("Les Restos du Cœur",)
    assert pathway.next_step.code == "go_regular"
    assert _ids(pathway.missions) == [recurring.id]
    top = matching.recommend_for_user(user)[0]
    assert top.mission.id == recurring.id
    assert any("Les Restos du Cœur une fois" in reason for reason in top.reasons)


def test_suggested_candidates_are_visible_profiles_ranked_for_members_only(make):
    owner = make.user("association")
    mission = make.mission(make.association(owner=owner), title="Distribution de colis alimentaires")
    shown = _candidate(make, visible_to_associations=True)
    _candidate(make, visible_to_associations=False)
    _candidate(make, visible_to_associations=True).is_active_account = False
    db.session.commit()
    found = matching.suggested_candidates(mission, by=owner)
    assert [item.user_id for item in found] == [shown.id]
    assert found[0].first_name == "Camille" and found[0].reasons
    assert not hasattr(found[0], "email")
    with pytest.raises(NotAllowed):
        matching.suggested_candidates(mission, by=make.user("association"))


def test_an_invitation_is_sent_once_per_candidate_and_mission(make):
    owner = make.user("association")
    mission = make.mission(make.association(owner=owner), title="Distribution")
    candidate = _candidate(make, visible_to_associations=True)
    matching.invite_candidate(mission, candidate.id, by=owner)
    db.session.commit()
    assert db.session.scalar(select(MissionInvitation.candidate_id)) == candidate.id
    email = db.session.scalar(select(OutboxMessage))
    assert email.recipient == candidate.email and f"/missions/{mission.id}" in email.body_text
    with pytest.raises(Conflict):
        matching.invite_candidate(mission, candidate.id, by=owner)
    assert [item.mission.id for item in matching.invitations_for(candidate)] == [mission.id]
    assert matching.suggested_candidates(mission, by=owner)[0].invited


def test_renaming_an_association_refreshes_its_missions_reasons(make):
    user = _candidate(make, slots=["wed_afternoon"])
    association = make.association("Restos")
    done = make.mission(association, title="Collecte", start_date=date.today() - timedelta(days=3))
    make.application(mission=done, candidate=user, status="completed")
    recurring = make.mission(association, title="Distribution", schedule="recurring", slots=["wed_afternoon"])
    assert "Restos une fois" in " ".join(matching.recommend_for_user(user)[0].reasons)
    fits = matching.engine_holder().fits
    association.name = "Les Restos du Cœur"
    db.session.commit()
    assert "Les Restos du Cœur une fois" in " ".join(matching.recommend_for_user(user)[0].reasons)
    engine = matching.engine_holder().engine
    assert engine.mission(recurring.id).association_name == "Les Restos du Cœur"
    assert matching.engine_holder().fits == fits


def test_the_engine_can_be_warmed_in_the_background(app, make):
    make.mission(title="Tri de denrées")
    fresh = build_app()
    matching.warm_in_background(fresh).join(timeout=30)
    holder = matching.engine_holder(fresh)
    assert holder.fits == 1 and len(holder.engine) == 1


def test_a_vocabulary_outgrown_by_new_missions_is_refitted_in_the_background(make, monkeypatch):
    import time

    monkeypatch.setattr(holder_module, "REFIT_MIN_NEW", 2)
    user = _candidate(make)
    make.mission(title="Tri de denrées")
    matching.recommend_for_user(user)
    holder = matching.engine_holder()
    fits = holder.fits
    make.mission(title="Atelier de réparation de vélos")
    make.mission(title="Atelier de couture solidaire")
    assert len(matching.recommend_for_user(user)) == 3  # replayed at once, the refit comes after
    deadline = time.monotonic() + 20
    while holder.fits == fits and time.monotonic() < deadline:
        time.sleep(0.05)
    assert holder.fits == fits + 1
    assert "velo" in holder.engine.text.vocabulary
