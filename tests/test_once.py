"""Double submits take effect once: one message, one mission, one application (issue 13, finding 15)."""

from __future__ import annotations

import re

from sqlalchemy import func, select

from marketplace.associations.models import Mission
from marketplace.candidates.models import Application, Message
from marketplace.extensions import db
from marketplace.once import SubmittedForm
from tests.conftest import text_of


def _count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def _once_token(page: str) -> str:
    found = re.search(r'name="once" type="hidden" value="([^"]+)"', page) or re.search(
        r'type="hidden" name="once" value="([^"]+)"', page
    )
    assert found, "the form carries its single-use token"
    return found.group(1)


def test_the_same_message_form_sent_twice_makes_one_message(client, auth, make):
    application = make.application()
    auth.login_as(application.candidate)
    page = client.get(f"/candidatures/{application.id}").get_data(as_text=True)
    data = {"body": "Bonjour, je serai là samedi.", "once": _once_token(page)}
    first = client.post(f"/candidatures/{application.id}/messages", data=data)
    second = client.post(f"/candidatures/{application.id}/messages", data=data)
    assert first.status_code == second.status_code == 302
    assert second.headers["Location"] == first.headers["Location"]
    assert _count(Message) == 1
    assert "déjà été envoyé" in text_of(client.get(second.headers["Location"]))
    # A new form (a new token) sends a new message.
    page = client.get(f"/candidatures/{application.id}").get_data(as_text=True)
    client.post(
        f"/candidatures/{application.id}/messages", data={"body": "Encore moi.", "once": _once_token(page)}
    )
    assert _count(Message) == 2


def test_the_same_application_form_sent_twice_makes_one_application(client, auth, make):
    mission = make.mission()
    volunteer = make.user("candidate")
    auth.login_as(volunteer)
    page = client.get(f"/missions/{mission.id}").get_data(as_text=True)
    data = {"motivation": "Disponible le samedi.", "once": _once_token(page)}
    first = client.post(f"/missions/{mission.id}/postuler", data=data)
    second = client.post(f"/missions/{mission.id}/postuler", data=data)
    assert first.status_code == second.status_code == 302
    assert second.headers["Location"] == first.headers["Location"]
    assert _count(Application) == 1


def _mission_form(association_id: int, token: str) -> dict[str, str]:
    return {
        "association_id": str(association_id),
        "title": "Collecte alimentaire de printemps",
        "description": "Accueillir les donateurs et trier les denrées.",
        "kind": "ponctual",
        "domain": "aide-alimentaire",
        "schedule": "one_off",
        "start_date": "2031-04-12",
        "city": "Lyon",
        "postcode": "69007",
        "capacity": "4",
        "min_age": "18",
        "action": "draft",
        "once": token,
    }


def test_the_same_new_mission_form_sent_twice_makes_one_mission(client, auth, make):
    owner = make.user("association")
    association = make.association(owner=owner)
    auth.login_as(owner)
    page = client.get("/espace/missions/nouvelle").get_data(as_text=True)
    data = _mission_form(association.id, _once_token(page))
    first = client.post("/espace/missions/nouvelle", data=data)
    assert first.status_code == 302, text_of(first)
    second = client.post("/espace/missions/nouvelle", data=data)
    assert second.status_code == 302
    assert second.headers["Location"] == first.headers["Location"]
    assert _count(Mission) == 1


def test_a_refused_submission_does_not_spend_its_token(client, auth, make):
    application = make.application()
    auth.login_as(application.candidate)
    page = client.get(f"/candidatures/{application.id}").get_data(as_text=True)
    token = _once_token(page)
    assert (
        client.post(f"/candidatures/{application.id}/messages", data={"body": "", "once": token}).status_code
        == 400
    )
    assert _count(SubmittedForm) == 0
    client.post(f"/candidatures/{application.id}/messages", data={"body": "Bonjour", "once": token})
    assert _count(Message) == 1


def test_a_token_spent_by_a_racing_twin_rolls_the_second_write_back(app, make):
    """The second of two simultaneous sendings finds the token taken inside its transaction."""
    import pytest

    from marketplace.candidates import applications as service
    from marketplace.candidates.forms import MessageForm
    from marketplace.domain import Conflict
    from marketplace.once import claim_submission

    application = make.application()
    db.session.add(SubmittedForm(token="t" * 32, result_url="/ailleurs"))
    db.session.commit()
    with app.test_request_context(method="POST", data={"body": "Bonjour", "once": "t" * 32}):
        form = MessageForm()
        with pytest.raises(Conflict):
            claim_submission(form)
            service.post_message(application, by=application.candidate, body="Bonjour")
    db.session.rollback()
    assert _count(Message) == 0
