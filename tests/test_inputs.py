"""500s anyone could cause become 4xx (issue 13, finding 12): ids, JSON depth, next=, NUL, CR/LF."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from marketplace.candidates.models import Message
from marketplace.extensions import db
from marketplace.inputs import MAX_ID, loads_json, one_line, parse_id
from marketplace.notifications.services import deliver_pending
from tests.conftest import DEFAULT_PASSWORD

TOO_BIG = ["2147483648", "99999999999999999999"]


@pytest.mark.parametrize("number", TOO_BIG)
@pytest.mark.parametrize(
    "path",
    ["/missions/{n}", "/api/v1/missions/{n}", "/api/v1/associations/{n}", "/widget/abc/go/{n}"],
)
def test_ids_too_big_for_the_database_are_not_found(client, path, number):
    response = client.get(path.format(n=number))
    assert response.status_code == 404


@pytest.mark.parametrize("number", TOO_BIG)
@pytest.mark.parametrize(
    "path",
    ["/candidatures/{n}", "/espace/missions/{n}/candidatures", "/espace/missions/{n}/modifier"],
)
def test_ids_too_big_are_not_found_for_signed_in_people_either(client, auth, make, path, number):
    auth.login_as(make.user("site_admin"))
    assert client.get(path.format(n=number)).status_code == 404


def test_an_id_in_a_form_or_a_page_number_never_overflows(client, auth, make):
    owner = make.user("association")
    make.association(owner=owner)
    network = make.network()
    auth.login_as(owner)
    response = client.post(f"/espace/reseaux/{network.id}/rejoindre", data={"association_id": TOO_BIG[1]})
    assert response.status_code == 404
    assert client.get(f"/espace/candidatures/recues?page={TOO_BIG[1]}").status_code == 200


def test_the_largest_id_is_still_routed(client):
    assert client.get(f"/missions/{MAX_ID}").status_code == 404  # routed to the view, which finds nothing
    assert parse_id(str(MAX_ID)) == MAX_ID and parse_id(str(MAX_ID + 1)) is None
    assert parse_id("٣") is None and parse_id("-4") is None and parse_id("") is None


@pytest.mark.parametrize("depth", [40, 50_000])
def test_deeply_nested_json_is_an_invalid_request(client, depth):
    body = '{"age_range": "18-25", "about": ' + "[" * depth + "]" * depth + "}"
    response = client.post("/api/v1/recommendations", data=body, content_type="application/json")
    assert response.status_code == 400
    assert response.get_json()["error"]["code"]


def test_json_depth_limit_answers_a_decode_error():
    import json

    with pytest.raises(json.JSONDecodeError):
        loads_json("[" * 10_000 + "]" * 10_000)
    assert loads_json('{"a": [1, {"b": 2}]}') == {"a": [1, {"b": 2}]}


@pytest.mark.parametrize(
    "target", ["/%0D%0ASet-Cookie:x", "/%0ASet-Cookie:%20x=1", "/\\evil.example", "/%09/evil.example"]
)
def test_next_with_control_characters_or_backslashes_goes_to_the_dashboard(client, make, target):
    user = make.user()
    client.get(f"/connexion?next={target}")
    response = client.post(
        f"/connexion?next={target}",
        data={"email": user.email, "password": DEFAULT_PASSWORD, "next": _decoded(target)},
    )
    assert response.status_code == 302
    assert response.headers["Location"] == "/espace"
    assert not any(cookie.startswith("x") for cookie in response.headers.getlist("Set-Cookie"))


def _decoded(target: str) -> str:
    from urllib.parse import unquote

    return unquote(target)


def test_a_nul_character_in_a_message_is_refused_and_nothing_is_stored(client, auth, make):
    application = make.application()
    auth.login_as(application.candidate)
    response = client.post(
        f"/candidatures/{application.id}/messages", data={"body": "Bonjour\x00, je serai là."}
    )
    assert response.status_code == 400
    assert db.session.scalar(select(func.count()).select_from(Message)) == 0


@pytest.mark.parametrize(
    "path", ["/recherche?q=jardin%00", "/associations/asso%00", "/api/v1/missions?q=a%00b"]
)
def test_a_nul_character_in_a_path_or_query_is_refused(client, path):
    assert client.get(path).status_code == 400


def test_a_nul_character_in_a_json_body_is_refused(client):
    response = client.post(
        "/api/v1/recommendations",
        data='{"age_range": "18-25", "about": "libre\\u0000 le mercredi"}',
        content_type="application/json",
    )
    assert response.status_code == 400


def test_cr_lf_in_an_association_name_does_not_break_its_emails(app, make, sent_emails):
    from marketplace.associations import team

    owner = make.user("association")
    association = make.association("Les Amis\r\nBcc: tout-le-monde@example.fr", owner=owner)
    with app.test_request_context():
        team.invite_member(association, "lea@example.fr", by=owner)
        db.session.commit()
    report = deliver_pending()
    assert report.sent == 1 and report.failed == 0
    message = sent_emails[-1]
    assert message["Bcc"] is None
    assert "\r" not in message["Subject"] and "\n" not in message["Subject"]
    assert "Les Amis Bcc: tout-le-monde@example.fr" in message["Subject"]


def test_one_line_folds_every_control_character():
    assert one_line("a\r\nb\tc\x00d\u2028e") == "a b c d e"
