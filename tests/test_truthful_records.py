"""Records tell the truth: completion after the mission, acceptance re-checked, withdrawal confirmed,
a guardian's agreement for volunteers of 16-17."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from marketplace.candidates.models import Application, ApplicationEvent
from marketplace.extensions import db
from marketplace.models_base import utcnow
from tests.conftest import text_of


@pytest.fixture
def team(make, auth):
    owner = make.user("association", first_name="Nadia")
    association = make.association("Les Restos du Cœur", owner=owner)
    return owner, association


def events() -> int:
    return db.session.scalar(select(func.count(ApplicationEvent.id))) or 0


# --- completing only after the mission ------------------------------------------------------------


def test_a_future_one_off_mission_cannot_be_completed_and_the_page_says_from_when(client, auth, make, team):
    owner, association = team
    mission = make.mission(association, start_date=date.today() + timedelta(days=25))
    application = make.application(mission, status="accepted", decided_at=utcnow())
    auth.login_as(owner)

    page = text_of(client.get(f"/candidatures/{application.id}"))
    assert 'data-testid="complete-not-yet"' in page and 'data-testid="complete-form"' not in page

    response = client.post(f"/candidatures/{application.id}/terminer", data={"hours_done": "3"})
    assert response.status_code == 302
    assert (application.status, application.hours_done) == ("accepted", None)
    assert events() == 0
    flashed = text_of(client.get(response.headers["Location"]))
    assert "confirmer la participation à partir de ce jour" in flashed or "from that day" in flashed


def test_a_one_off_mission_can_be_completed_from_its_day(client, auth, make, team):
    owner, association = team
    mission = make.mission(association, start_date=date.today())
    application = make.application(mission, status="accepted", decided_at=utcnow())
    auth.login_as(owner)
    assert (
        client.post(f"/candidatures/{application.id}/terminer", data={"hours_done": "3"}).status_code == 302
    )
    assert application.status == "completed"


def test_a_recurring_mission_is_completed_only_after_a_first_session(client, auth, make, team):
    owner, association = team
    every_day = [f"{day}_evening" for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")]
    mission = make.mission(
        association, schedule="recurring", start_date=None, slots=every_day, hours_per_week=2
    )
    just_accepted = make.application(mission, status="accepted", decided_at=utcnow())
    long_ago = make.application(mission, status="accepted", decided_at=utcnow() - timedelta(days=8))
    auth.login_as(owner)
    client.post(f"/candidatures/{just_accepted.id}/terminer", data={"hours_done": "2"})
    client.post(f"/candidatures/{long_ago.id}/terminer", data={"hours_done": "2"})
    assert (just_accepted.status, long_ago.status) == ("accepted", "completed")


# --- accepting re-checks what may have changed --------------------------------------------------------


def test_a_minor_cannot_be_accepted_once_the_mission_became_adults_only(client, auth, make, team):
    owner, association = team
    mission = make.mission(association, min_age=16)
    minor = make.user("candidate", age_range="16-17")
    application = make.application(mission, minor, guardian_consent_at=utcnow())
    mission.min_age = 18
    db.session.commit()
    auth.login_as(owner)
    response = client.post(f"/candidatures/{application.id}/accepter")
    assert response.status_code == 302
    assert application.status == "pending" and mission.seats_taken == 0
    assert "16-17" in text_of(client.get(response.headers["Location"]))


@pytest.mark.parametrize("status", ["closed", "cancelled", "draft"])
def test_nobody_is_accepted_on_a_mission_that_is_no_longer_open(client, auth, make, team, status):
    owner, association = team
    mission = make.mission(association)
    application = make.application(mission)
    mission.status = status
    db.session.commit()
    auth.login_as(owner)
    client.post(f"/candidatures/{application.id}/accepter")
    assert application.status == "pending" and mission.seats_taken == 0


def test_nobody_is_accepted_beyond_the_seats(client, auth, make, team):
    owner, association = team
    mission = make.mission(association, capacity=1)
    make.application(mission, status="accepted")
    waiting = make.application(mission)
    auth.login_as(owner)
    client.post(f"/candidatures/{waiting.id}/accepter")
    assert waiting.status == "pending" and mission.seats_taken == 1


# --- withdrawing asks first -------------------------------------------------------------------------------


def test_withdrawing_asks_for_confirmation_first(client, auth, make):
    application = make.application(status="accepted")
    auth.login_as(application.candidate)
    page = text_of(client.get(f"/candidatures/{application.id}"))
    assert f'href="/candidatures/{application.id}/retirer"' in page

    question = client.get(f"/candidatures/{application.id}/retirer")
    assert question.status_code == 200 and 'data-testid="withdraw-confirm"' in text_of(question)
    # A POST without the confirmation (an old form, a forged one) only asks again.
    again = client.post(f"/candidatures/{application.id}/retirer")
    assert again.status_code == 200 and application.status == "accepted"

    done = client.post(f"/candidatures/{application.id}/retirer", data={"confirmed": "yes"})
    assert done.status_code == 302 and application.status == "withdrawn"
    assert application.mission.seats_taken == 0


# --- a guardian's agreement for 16-17 ---------------------------------------------------------------------


def test_a_minor_must_declare_a_guardians_agreement_and_the_association_sees_it(client, auth, make, team):
    owner, association = team
    mission = make.mission(association, min_age=16)
    minor = make.user("candidate", age_range="16-17")
    auth.login_as(minor)
    page = text_of(client.get(f"/missions/{mission.id}"))
    assert 'name="guardian_consent"' in page

    refused = client.post(f"/missions/{mission.id}/postuler", data={"motivation": ""})
    assert refused.status_code == 400 and 'id="guardian_consent-error"' in text_of(refused)
    assert db.session.scalar(select(func.count(Application.id))) == 0

    assert client.post(f"/missions/{mission.id}/postuler", data={"guardian_consent": "y"}).status_code == 302
    application = db.session.scalar(select(Application))
    assert application.guardian_consent_at is not None

    auth.login_as(owner)
    for path in (f"/candidatures/{application.id}", "/espace/candidatures/recues"):
        assert 'data-testid="guardian-consent"' in text_of(client.get(path)), path


def test_adults_are_not_asked_for_a_guardian(client, auth, make, team):
    _, association = team
    mission = make.mission(association)
    adult = make.user("candidate", age_range="26-35")
    auth.login_as(adult)
    assert 'name="guardian_consent"' not in text_of(client.get(f"/missions/{mission.id}"))
    assert client.post(f"/missions/{mission.id}/postuler", data={}).status_code == 302
    assert db.session.scalar(select(Application)).guardian_consent_at is None
