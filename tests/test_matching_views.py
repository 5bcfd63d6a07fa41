"""Where matching shows: the candidate dashboard, mission pages, and suggested volunteers."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select

from marketplace.extensions import db
from marketplace.matching.models import MissionInvitation
from marketplace.notifications.models import OutboxMessage
from tests.conftest import build_app, text_of


def _located(user, **profile):
    values = {"lat": 45.7456, "lon": 4.8427, "radius_km": 20, **profile}
    for name, value in values.items():
        setattr(user.profile, name, value)
    db.session.commit()
    return user


def test_dashboard_recommends_with_reasons_and_shows_the_pathway(client, auth, make):
    user = _located(make.user("candidate"), slots=["wed_afternoon"])
    association = make.association("Les Restos du Cœur")
    done = make.mission(association, title="Collecte nationale", start_date=date.today() - timedelta(days=5))
    make.application(mission=done, candidate=user, status="completed", hours_done=6)
    make.mission(association, title="Distribution du mercredi", schedule="recurring", slots=["wed_afternoon"])
    auth.login_as(user)
    page = text_of(client.get("/espace"))
    assert "Recommandé pour vous" in page
    assert "Distribution du mercredi" in page
    assert (
        "Vous avez déjà aidé Les Restos du Cœur une fois : cette mission régulière est la suite logique"
        in page
    )
    assert "Vous êtes disponible le mercredi après-midi" in page
    assert "Mon parcours de bénévole" in page
    assert "Où vous en êtes : Missions ponctuelles" in page
    assert "1 mission réalisée" in page and "6 heures données" in page
    assert "Prochaine étape : un engagement régulier" in page


def test_dashboard_without_any_mission_says_so(client, auth, make):
    auth.login_as(make.user("candidate"))
    page = text_of(client.get("/espace"))
    assert "Aucune mission ne correspond à votre profil pour le moment" in page
    assert "Prochaine étape : une première mission ponctuelle" in page


def test_mission_page_lists_similar_missions(client, make):
    association = make.association()
    mission = make.mission(association, title="Distribution de colis alimentaires")
    make.mission(association, title="Distribution de repas alimentaires")
    make.mission(
        title="Cours de guitare", domain="culture", description="Jouer de la musique.", lat=43.3, lon=5.4
    )
    page = text_of(client.get(f"/missions/{mission.id}"))
    assert "Missions similaires" in page
    assert "Distribution de repas alimentaires" in page
    assert "Cours de guitare" not in page


def test_suggested_volunteers_show_reasons_but_no_contact_details(client, auth, make):
    owner = make.user("association")
    mission = make.mission(make.association(owner=owner), title="Distribution de colis alimentaires")
    shown = _located(make.user("candidate", first_name="Inès"), visible_to_associations=True)
    _located(make.user("candidate", first_name="Cachée"), visible_to_associations=False)
    auth.login_as(owner)
    page = text_of(client.get(f"/espace/missions/{mission.id}/candidats-suggeres"))
    assert "Inès" in page and "Cachée" not in page
    assert "Habite à moins d'un kilomètre de la mission" in page
    assert shown.email not in page
    assert "Inviter à postuler" in page
    assert "Candidats suggérés" in text_of(client.get(f"/espace/missions/{mission.id}"))


def test_inviting_sends_one_email_once_and_the_candidate_sees_it(client, auth, make):
    owner = make.user("association")
    mission = make.mission(make.association(owner=owner), title="Distribution de colis alimentaires")
    volunteer = _located(make.user("candidate"), visible_to_associations=True)
    auth.login_as(owner)
    path = f"/espace/missions/{mission.id}/candidats-suggeres/{volunteer.id}/inviter"
    first = client.post(path, follow_redirects=True)
    assert "Invitation envoyée" in text_of(first)
    again = client.post(path, follow_redirects=True)
    assert "a déjà été invité·e à cette mission" in text_of(again)
    assert db.session.scalar(select(func.count(MissionInvitation.id))) == 1
    assert db.session.scalar(select(func.count(OutboxMessage.id))) == 1
    auth.login_as(volunteer)
    page = text_of(client.get("/espace"))
    assert "Des associations vous invitent" in page and "Distribution de colis alimentaires" in page


def test_a_hidden_profile_cannot_be_invited(client, auth, make):
    owner = make.user("association")
    mission = make.mission(make.association(owner=owner))
    hidden = make.user("candidate")
    auth.login_as(owner)
    response = client.post(
        f"/espace/missions/{mission.id}/candidats-suggeres/{hidden.id}/inviter", follow_redirects=True
    )
    assert "n'est pas proposé·e aux associations" in text_of(response)
    assert db.session.scalar(select(func.count(MissionInvitation.id))) == 0


def test_invitations_are_rate_limited_per_account(make):
    limited = build_app(RATELIMIT_ENABLED=True, MISSION_INVITE_RATE_LIMIT="2 per hour")
    with limited.app_context():
        owner = make.user("association")
        mission = make.mission(make.association(owner=owner))
        volunteers = [_located(make.user("candidate"), visible_to_associations=True) for _ in range(3)]
        client = limited.test_client()
        with client.session_transaction() as session:
            session["_user_id"] = owner.get_id()
        base = f"/espace/missions/{mission.id}/candidats-suggeres"
        statuses = [client.post(f"{base}/{v.id}/inviter").status_code for v in volunteers]
        assert statuses == [302, 302, 429]
        db.session.remove()
