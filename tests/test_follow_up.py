"""After a mission (issue 15, item 8): thanks from the association, the volunteer's word, the
association's private note, and the next pathway step in the thank-you."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from marketplace.associations.models import Association
from marketplace.candidates.models import Application
from marketplace.extensions import db
from marketplace.notifications.models import OutboxMessage


@pytest.fixture
def done(make):
    """A one-off mission that took place yesterday, with an accepted volunteer."""
    owner = make.user("association", first_name="Nadia")
    association = make.association("Les Restos du Cœur", owner=owner)
    mission = make.mission(
        association, title="Collecte de printemps", start_date=date.today() - timedelta(days=1)
    )
    volunteer = make.user("candidate", first_name="Camille", email="camille@example.fr")
    application = make.application(mission, volunteer, status="accepted")
    return {"owner": owner, "association": association, "volunteer": volunteer, "application": application}


def fresh(model, key):
    db.session.expire_all()
    return db.session.get(model, key)


def thank_you() -> OutboxMessage:
    return db.session.scalars(
        select(OutboxMessage).where(OutboxMessage.recipient == "camille@example.fr")
    ).one()


def test_completing_sends_the_associations_own_thanks_and_keeps_it_for_next_time(client, auth, done):
    auth.login_as(done["owner"])
    page = client.get(f"/candidatures/{done['application'].id}").get_data(as_text=True)
    assert "Merci pour le temps que vous nous avez donné" in page  # the default text, ready to edit

    client.post(
        f"/candidatures/{done['application'].id}/terminer",
        data={"hours_done": "3", "thanks": "Merci Camille, les familles ont adoré !"},
    )

    body = thank_you().body_text
    assert "« Merci Camille, les familles ont adoré ! »" in body
    assert f"/candidatures/{done['application'].id}/avis" in body
    assert (
        fresh(Association, done["association"].id).thanks_message == "Merci Camille, les familles ont adoré !"
    )


def test_without_a_custom_text_the_default_thanks_is_sent(client, auth, done):
    auth.login_as(done["owner"])
    client.post(f"/candidatures/{done['application'].id}/terminer", data={"hours_done": "2"})
    assert "L’équipe de Les Restos du Cœur" in thank_you().body_text
    assert fresh(Association, done["association"].id).thanks_message is None


def test_the_volunteer_says_how_it_went_and_the_association_reads_it(client, auth, done):
    application = done["application"]
    application.status = "completed"
    db.session.commit()
    auth.login_as(done["volunteer"])
    assert client.get(f"/candidatures/{application.id}/avis").status_code == 200
    response = client.post(
        f"/candidatures/{application.id}/avis", data={"rating": "4", "comment": "Super accueil."}
    )
    assert response.status_code == 302
    saved = fresh(Application, application.id)
    assert (saved.rating, saved.feedback) == (4, "Super accueil.") and saved.feedback_at is not None

    auth.login_as(done["owner"])
    page = client.get(f"/candidatures/{application.id}").get_data(as_text=True)
    assert "Note : 4 / 5" in page and "Super accueil." in page


def test_feedback_is_optional_checked_and_only_after_the_mission(client, auth, done):
    application = done["application"]
    auth.login_as(done["volunteer"])
    assert client.get(f"/candidatures/{application.id}/avis").status_code == 404  # not confirmed yet
    application.status = "completed"
    db.session.commit()
    assert client.post(f"/candidatures/{application.id}/avis", data={"rating": "9"}).status_code == 400
    assert (
        client.post(f"/candidatures/{application.id}/avis", data={"comment": "x" * 1001}).status_code == 400
    )
    assert fresh(Application, application.id).feedback_at is None
    assert client.post(f"/candidatures/{application.id}/avis", data={}).status_code == 302  # nothing: fine


def test_the_associations_note_stays_private_to_its_team(client, auth, make, done):
    application = done["application"]
    application.status = "completed"
    db.session.commit()
    auth.login_as(done["owner"])
    client.post(
        f"/candidatures/{application.id}/note", data={"note": "Très fiable, à rappeler pour la braderie."}
    )
    assert fresh(Application, application.id).association_note == "Très fiable, à rappeler pour la braderie."
    assert "Très fiable" in client.get(f"/candidatures/{application.id}").get_data(as_text=True)

    auth.login_as(done["volunteer"])
    assert "Très fiable" not in client.get(f"/candidatures/{application.id}").get_data(as_text=True)
    # Private on the site, but it is about them: their data export holds it (GDPR art. 15).
    exported = client.get("/compte/donnees.json").get_json()["applications"][0]
    assert exported["association_note"] == "Très fiable, à rappeler pour la braderie."

    auth.login_as(make.user("association"))  # another association
    assert client.post(f"/candidatures/{application.id}/note", data={"note": "x"}).status_code == 404
