"""GDPR rights and retention: data export, account deletion, the inactivity purge, the visit stamp."""

from __future__ import annotations

import json
from datetime import timedelta

from sqlalchemy import func, select

from marketplace.accounts.activity import touch_last_seen
from marketplace.accounts.models import User
from marketplace.assistant.models import AccompanimentRequest
from marketplace.associations.models import Membership, Mission
from marketplace.calendar.models import CalendarFeed
from marketplace.candidates.models import Application, CandidateProfile, Message
from marketplace.extensions import db
from marketplace.matching.models import MissionInvitation
from marketplace.models_base import utcnow
from marketplace.notifications.models import OutboxMessage
from marketplace.privacy.inactivity import purge
from tests.conftest import DEFAULT_PASSWORD, text_of


def count(model, *where) -> int:
    return db.session.scalar(select(func.count()).select_from(model).where(*where))


def volunteer_with_history(make):
    """A volunteer with a profile, an accepted and a pending application, messages and an invitation."""
    user = make.user(first_name="Léa", email="lea@example.fr")
    user.profile.about = "Étudiante, libre le mercredi"
    association = make.association("Les Restos du Quartier")
    accepted_mission = make.mission(association, title="Collecte du samedi", capacity=2)
    accepted = make.application(accepted_mission, user, status="accepted", motivation="J'aime cuisiner")
    pending = make.application(make.mission(association, title="Soutien scolaire"), user)
    team_member = association.memberships[0].user
    db.session.add_all(
        [
            Message(application=accepted, author=user, body="Je viendrai avec un ami."),
            Message(application=accepted, author=team_member, body="Parfait, merci !"),
            MissionInvitation(mission=pending.mission, candidate=user, invited_by=team_member),
            CalendarFeed(user=user, nonce="a" * 32),
            AccompanimentRequest(first_name="Léa", email="lea@example.fr", postcode="69007", answers={}),
        ]
    )
    db.session.commit()
    return user, accepted, pending, team_member


# --- export ---------------------------------------------------------------------------------------


def test_the_export_holds_everything_of_the_person_and_nobody_else(client, auth, make):
    user, accepted, _pending, team_member = volunteer_with_history(make)
    other = make.user(first_name="Zoé", email="zoe@example.fr")
    make.application(accepted.mission, other, motivation="Motivation de Zoé")
    auth.login(user)
    response = client.get("/compte/donnees.json")
    assert response.mimetype == "application/json"
    assert "attachment" in response.headers["Content-Disposition"]
    assert response.headers["Cache-Control"] == "no-store"
    data = json.loads(response.get_data(as_text=True))
    assert data["account"]["email"] == "lea@example.fr" and data["account"]["first_name"] == "Léa"
    assert data["volunteer_profile"]["about"] == "Étudiante, libre le mercredi"
    titles = {item["mission"]["title"]: item for item in data["applications"]}
    assert set(titles) == {"Collecte du samedi", "Soutien scolaire"}
    collecte = titles["Collecte du samedi"]
    assert collecte["motivation"] == "J'aime cuisiner"
    assert collecte["mission"]["association"] == "Les Restos du Quartier"
    assert [(m["author"], m["text"]) for m in collecte["messages"]] == [
        ("you", "Je viendrai avec un ami."),
        ("the association", "Parfait, merci !"),
    ]
    assert data["invitations_to_apply"][0]["mission"] == "Soutien scolaire"
    assert data["accompaniment_requests"][0]["postcode"] == "69007"
    assert data["calendar_link"] is not None and "a" * 32 not in response.get_data(as_text=True)
    raw = response.get_data(as_text=True)
    for foreign in ("Zoé", "zoe@example.fr", "Motivation de Zoé", team_member.email, "password_hash"):
        assert foreign not in raw, foreign


def test_the_readable_export_is_a_page_to_keep(client, auth, make):
    user, *_ = volunteer_with_history(make)
    auth.login(user)
    page = text_of(client.get("/compte/donnees"))
    assert "Télécharger (JSON" in page and "Collecte du samedi" in page
    document = client.get("/compte/donnees.html")
    assert document.mimetype == "text/html" and "attachment" in document.headers["Content-Disposition"]
    body = text_of(document)
    assert "Mes données sur Tremplin" in body and "Je viendrai avec un ami." in body
    assert "Profil de bénévole" in body and "Étudiante, libre le mercredi" in body


def test_accompaniment_requests_are_exported_only_for_a_confirmed_address(client, auth, make):
    user = make.user(email="lea@example.fr", verified=False)
    db.session.add(AccompanimentRequest(first_name="Léa", email="lea@example.fr", phone="", answers={}))
    db.session.commit()
    auth.login(user)
    assert client.get("/compte/donnees.json").get_json()["accompaniment_requests"] == []


# --- deletion -------------------------------------------------------------------------------------


def test_deleting_the_account_withdraws_erases_keeps_messages_and_ends_every_session(app, make):
    user, accepted, _pending, _team_member = volunteer_with_history(make)
    mission_id, seats_before = accepted.mission.id, accepted.mission.seats_taken
    laptop, phone = app.test_client(), app.test_client()
    for browser in (laptop, phone):
        browser.post("/connexion", data={"email": user.email, "password": DEFAULT_PASSWORD})
    refused = laptop.post("/compte/supprimer", data={"password": "pas-le-bon", "confirm": "y"})
    assert refused.status_code == 400 and "Votre mot de passe actuel est incorrect" in text_of(refused)
    assert db.session.get(User, user.id).erased_at is None

    response = laptop.post("/compte/supprimer", data={"password": DEFAULT_PASSWORD, "confirm": "y"})
    assert response.headers["Location"] == "/"
    db.session.expire_all()
    erased = db.session.get(User, user.id)
    assert erased.erased_at is not None and erased.first_name == "" and "lea" not in erased.email
    assert not erased.check_password(DEFAULT_PASSWORD)
    assert {a.status for a in db.session.scalars(select(Application))} == {"withdrawn"}
    assert db.session.get(Mission, mission_id).seats_taken == seats_before - 1
    for model, where in (
        (CandidateProfile, CandidateProfile.user_id == user.id),
        (CalendarFeed, CalendarFeed.user_id == user.id),
        (MissionInvitation, MissionInvitation.candidate_id == user.id),
        (AccompanimentRequest, AccompanimentRequest.email == "lea@example.fr"),
    ):
        assert count(model, where) == 0, model
    assert count(Message) == 2  # the conversation stays for the association
    for browser in (laptop, phone):
        assert browser.get("/espace").status_code == 302
    assert (
        phone.post("/connexion", data={"email": "lea@example.fr", "password": DEFAULT_PASSWORD}).status_code
        == 400
    )
    confirmations = db.session.scalars(
        select(OutboxMessage).where(OutboxMessage.recipient == "lea@example.fr")
    )
    assert [mail.subject for mail in confirmations] == ["Votre compte Tremplin est supprimé"]


def test_the_association_reads_deleted_account_in_the_conversation(client, auth, make):
    user, accepted, _pending, team_member = volunteer_with_history(make)
    auth.login(user)
    client.post("/compte/supprimer", data={"password": DEFAULT_PASSWORD, "confirm": "y"})
    auth.login(team_member)
    page = text_of(client.get(f"/candidatures/{accepted.id}"))
    assert "compte supprimé" in page and "Je viendrai avec un ami." in page
    assert "Léa" not in page and "supprime-" not in page
    answered = client.post(f"/candidatures/{accepted.id}/messages", data={"body": "Vous êtes là ?"})
    assert count(Message) == 2, answered.status_code


def test_the_last_owner_must_hand_over_first(client, auth, make):
    owner = make.user("association")
    association = make.association("Les Jardiniers", owner=owner)
    colleague = make.user("association", first_name="Sami")
    db.session.add(Membership(user=colleague, association=association, role="member"))
    db.session.commit()
    auth.login(owner)
    page = text_of(client.get("/compte/supprimer"))
    assert (
        "dernier propriétaire de Les Jardiniers" in page or "dernière propriétaire de Les Jardiniers" in page
    )
    assert 'data-testid="delete-form"' not in page
    client.post("/compte/supprimer", data={"password": DEFAULT_PASSWORD, "confirm": "y"})
    assert db.session.get(User, owner.id).erased_at is None
    client.post(
        f"/espace/equipe/membres/{colleague.id}/proprietaire", data={"association_id": association.id}
    )
    assert 'data-testid="delete-form"' in text_of(client.get("/compte/supprimer"))
    client.post("/compte/supprimer", data={"password": DEFAULT_PASSWORD, "confirm": "y"})
    db.session.expire_all()
    assert db.session.get(User, owner.id).erased_at is not None
    assert [m.user_id for m in association.memberships] == [colleague.id]


def test_completed_missions_stay_in_the_figures_without_a_name(client, auth, make):
    user = make.user()
    mission = make.mission()
    make.application(mission, user, status="completed", hours_done=3.5)
    auth.login(user)
    client.post("/compte/supprimer", data={"password": DEFAULT_PASSWORD, "confirm": "y"})
    (application,) = db.session.scalars(select(Application))
    assert application.status == "completed" and application.hours_done == 3.5
    assert application.candidate.erased_at is not None and application.candidate.first_name == ""


# --- inactivity -----------------------------------------------------------------------------------


def _inactive(make, years: float = 3.1, **fields):
    user = make.user(**fields)
    user.last_seen_at = utcnow() - timedelta(days=365 * years)
    db.session.commit()
    return user


def test_the_purge_warns_once_then_anonymises_30_days_later(app, make):
    sleeper = _inactive(make, email="dormeur@example.fr")
    active = _inactive(make, years=2)
    now = utcnow()
    first = purge(now=now)
    db.session.commit()
    assert [a.id for a in first.warned] == [sleeper.id] and first.erased == []
    (warning,) = db.session.scalars(
        select(OutboxMessage).where(OutboxMessage.recipient == "dormeur@example.fr")
    )
    assert "sera anonymisé" in warning.body_text and "/connexion" in warning.body_text
    again = purge(now=now + timedelta(days=1))
    db.session.commit()
    assert again.warned == [] and again.erased == []  # warned once, not erased before 30 days
    later = purge(now=now + timedelta(days=31))
    db.session.commit()
    assert [a.id for a in later.erased] == [sleeper.id]
    assert db.session.get(User, sleeper.id).erased_at is not None
    assert db.session.get(User, active.id).erased_at is None
    assert purge(now=now + timedelta(days=32)).erased == []  # idempotent


def test_a_visit_after_the_warning_keeps_the_account(app, make):
    sleeper = _inactive(make)
    now = utcnow()
    purge(now=now)
    db.session.commit()
    touch_last_seen(db.session.get(User, sleeper.id), now=now + timedelta(days=3))
    db.session.expire_all()
    assert db.session.get(User, sleeper.id).inactivity_warned_at is None
    assert purge(now=now + timedelta(days=40)).erased == []
    assert db.session.get(User, sleeper.id).erased_at is None


def test_dry_run_lists_and_changes_nothing(runner, make):
    sleeper = _inactive(make)
    result = runner.invoke(args=["privacy", "purge", "--dry-run"])
    assert result.exit_code == 0, result.output
    assert f"would warn user {sleeper.id}" in result.output
    assert "dry-run warned=1 anonymised=0" in result.output
    db.session.expire_all()
    assert db.session.get(User, sleeper.id).inactivity_warned_at is None
    assert count(OutboxMessage) == 0
    real = runner.invoke(args=["privacy", "purge"])
    assert "warned=1" in real.output and "dormeur" not in real.output
    assert count(OutboxMessage) == 1


def test_the_purge_keeps_the_last_owner_of_an_association(app, make):
    owner = _inactive(make, role="association")
    make.association(owner=owner)
    now = utcnow()
    purge(now=now)
    db.session.commit()
    report = purge(now=now + timedelta(days=31))
    db.session.commit()
    assert [a.id for a in report.kept] == [owner.id] and report.erased == []
    assert db.session.get(User, owner.id).erased_at is None


def test_the_purge_deletes_old_accompaniment_requests_and_sent_emails(app, make):
    now = utcnow()
    db.session.add_all(
        [
            AccompanimentRequest(
                first_name="Ancienne", phone="0612345678", answers={}, created_at=now - timedelta(days=400)
            ),
            AccompanimentRequest(
                first_name="Récente", phone="0612345678", answers={}, created_at=now - timedelta(days=10)
            ),
            OutboxMessage(
                recipient="a@example.fr",
                subject="old",
                body_text=".",
                status="sent",
                sent_at=now - timedelta(days=100),
            ),
            OutboxMessage(
                recipient="a@example.fr",
                subject="new",
                body_text=".",
                status="sent",
                sent_at=now - timedelta(days=5),
            ),
        ]
    )
    db.session.commit()
    report = purge(now=now)
    db.session.commit()
    assert (report.requests_deleted, report.emails_deleted) == (1, 1)
    assert [r.first_name for r in db.session.scalars(select(AccompanimentRequest))] == ["Récente"]
    assert [m.subject for m in db.session.scalars(select(OutboxMessage))] == ["new"]


def test_the_visit_is_written_at_most_once_a_day(client, auth, make):
    user = make.user()
    yesterday = utcnow() - timedelta(days=1)
    user.last_seen_at = yesterday
    db.session.commit()
    statements = []
    from sqlalchemy import event

    def record(_conn, _cursor, statement, *_args):
        if statement.lstrip().upper().startswith("UPDATE USERS"):
            statements.append(statement)

    auth.login_as(user)
    event.listen(db.engine, "before_cursor_execute", record)
    try:
        for _ in range(3):
            client.get("/espace")
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
    assert len(statements) == 1
    db.session.expire_all()
    assert db.session.get(User, user.id).last_seen_at.date() == utcnow().date()
