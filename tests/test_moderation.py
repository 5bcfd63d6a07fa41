"""Moderation: the queue, publishing, sending back with a comment, who may moderate what."""

from __future__ import annotations

import re
from datetime import date, timedelta
from html import unescape

import pytest
from sqlalchemy import func, select

from marketplace.associations.models import Membership, MissionReview
from marketplace.associations.moderation import review_queue, review_queue_entries
from marketplace.extensions import db
from marketplace.models_base import utcnow
from marketplace.networks.models import NetworkMember
from marketplace.notifications.models import OutboxMessage


def field_error(page: str, field: str) -> str:
    match = re.search(rf'id="{re.escape(field)}-error">(.*?)</p>', page, re.S)
    return unescape(re.sub(r"<[^>]+>", "", match.group(1))).strip() if match else ""


def recipients() -> list[str]:
    return sorted(db.session.scalars(select(OutboxMessage.recipient)))


def english(client) -> None:
    with client.session_transaction() as session:
        session["locale"] = "en"


@pytest.fixture
def team(make):
    """An unverified association with an owner and a member, and a mission waiting for review."""
    owner = make.user("association", email="owner@asso.example")
    association = make.association("Les Amis du Parc", owner=owner)
    member = make.user("association", email="member@asso.example")
    db.session.add(Membership(user=member, association=association, role="member"))
    db.session.commit()
    mission = make.mission(association, status="pending_review", title="Nettoyer les berges")
    db.session.add(MissionReview(mission=mission, actor=owner, action="submitted"))
    db.session.commit()
    return owner, member, association, mission


def test_the_site_admin_queue_lists_waiting_missions_oldest_first(client, auth, make, team):
    *_, association, newest = team
    oldest = make.mission(association, status="pending_review", title="Inventaire de la bibliothèque")
    db.session.add(MissionReview(mission=oldest, action="submitted", created_at=utcnow() - timedelta(days=3)))
    db.session.commit()
    make.mission(association, status="draft", title="Pas encore soumise")
    admin = make.user("site_admin")
    assert review_queue(admin) == [oldest, newest]

    auth.login_as(admin)
    english(client)
    page = client.get("/moderation").get_data(as_text=True)
    assert page.index("Inventaire de la bibliothèque") < page.index("Nettoyer les berges")
    assert "Pas encore soumise" not in page
    assert "3 days" in page


def test_a_site_admin_publishes_with_a_comment_and_the_team_is_emailed(client, auth, make, team):
    owner, member, _, mission = team
    admin = make.user("site_admin")
    auth.login_as(admin)
    assert client.get(f"/moderation/missions/{mission.id}").status_code == 200

    response = client.post(
        f"/moderation/missions/{mission.id}/publier", data={"publish-comment": "Merci, très clair."}
    )

    assert response.status_code == 302 and response.headers["Location"].endswith("/moderation")
    db.session.refresh(mission)
    assert mission.status == "published" and mission.published_at is not None
    review = mission.reviews[-1]
    assert (review.action, review.actor, review.comment) == ("published", admin, "Merci, très clair.")
    assert recipients() == sorted([owner.email, member.email])
    assert review_queue(admin) == []


def test_a_network_admin_publishes_for_a_member_association(client, auth, make, team):
    *_, association, mission = team
    network_admin = make.user("network_admin")
    make.network(admin=network_admin, members=(association,))
    auth.login_as(network_admin)
    assert [entry.mission for entry in review_queue_entries(network_admin)] == [mission]
    response = client.post(f"/moderation/missions/{mission.id}/publier", data={})
    assert response.status_code == 302
    db.session.refresh(mission)
    assert mission.status == "published"


@pytest.mark.parametrize("membership", ["none", "requested"])
def test_a_network_admin_gets_404_outside_their_network(client, auth, make, team, membership):
    *_, association, mission = team
    network_admin = make.user("network_admin")
    network = make.network(admin=network_admin, members=(make.association(),))
    if membership == "requested":
        db.session.add(NetworkMember(network=network, association=association, status="requested"))
        db.session.commit()
    auth.login_as(network_admin)

    assert client.get(f"/moderation/missions/{mission.id}").status_code == 404
    assert client.post(f"/moderation/missions/{mission.id}/publier", data={}).status_code == 404
    assert (
        client.post(
            f"/moderation/missions/{mission.id}/renvoyer", data={"return-comment": "Non."}
        ).status_code
        == 404
    )
    assert "Nettoyer les berges" not in client.get("/moderation").get_data(as_text=True)
    db.session.refresh(mission)
    assert mission.status == "pending_review" and len(mission.reviews) == 1
    assert recipients() == []


@pytest.mark.parametrize("comment", ["", "   ", "ok"])
def test_sending_back_requires_a_comment(client, auth, make, team, comment):
    *_, mission = team
    auth.login_as(make.user("site_admin"))
    english(client)
    response = client.post(f"/moderation/missions/{mission.id}/renvoyer", data={"return-comment": comment})
    assert response.status_code == 400
    assert "what to change" in field_error(response.get_data(as_text=True), "return-comment")
    db.session.refresh(mission)
    assert mission.status == "pending_review" and len(mission.reviews) == 1
    assert recipients() == []


def test_sending_back_returns_a_draft_emails_the_team_and_shows_the_comment_to_the_association(
    client, auth, make, team
):
    owner, member, _, mission = team
    admin = make.user("site_admin", first_name="Inès")
    auth.login_as(admin)
    comment = "Précisez l'horaire et le lieu de rendez-vous."
    response = client.post(f"/moderation/missions/{mission.id}/renvoyer", data={"return-comment": comment})
    assert response.status_code == 302
    db.session.refresh(mission)
    assert mission.status == "draft"
    assert (mission.reviews[-1].action, mission.reviews[-1].comment) == ("returned", comment)
    assert recipients() == sorted([owner.email, member.email])
    assert f"/espace/missions/{mission.id}/modifier" in db.session.scalar(select(OutboxMessage.body_text))

    auth.login_as(owner)
    for path in (f"/espace/missions/{mission.id}", f"/espace/missions/{mission.id}/modifier"):
        page = unescape(client.get(path).get_data(as_text=True))
        assert comment in page and 'data-testid="returned-comment"' in page
    assert admin.email not in page

    # The association fixes it and submits again: back in the queue.
    client.post(f"/espace/missions/{mission.id}/soumettre")
    db.session.refresh(mission)
    assert mission.status == "pending_review"
    assert [review.action for review in mission.reviews] == ["submitted", "returned", "submitted"]


def test_the_association_sees_the_moderation_history(client, auth, make, team):
    owner, _, _, mission = team
    auth.login_as(make.user("site_admin", first_name="Inès"))
    client.post(
        f"/moderation/missions/{mission.id}/publier", data={"publish-comment": "Bravo pour la clarté."}
    )
    auth.login_as(owner)
    english(client)
    page = unescape(client.get(f"/espace/missions/{mission.id}").get_data(as_text=True))
    history = page[page.index('data-testid="mission-history"') :]
    assert "Published by a moderator" in history and "Bravo pour la clarté." in history
    assert "Submitted for review" in history and "Inès, moderator" in history


def test_only_missions_waiting_for_review_can_be_decided(client, auth, make, team):
    *_, association, _ = team
    draft = make.mission(association, status="draft")
    auth.login_as(make.user("site_admin"))
    response = client.post(f"/moderation/missions/{draft.id}/publier", data={})
    assert response.status_code == 302
    db.session.refresh(draft)
    assert draft.status == "draft" and draft.reviews == []
    assert 'id="publish-button"' not in client.get(f"/moderation/missions/{draft.id}").get_data(as_text=True)


def test_a_mission_whose_date_has_passed_is_not_published(client, auth, make, team):
    *_, association, _ = team
    late = make.mission(association, status="pending_review", start_date=date.today() - timedelta(days=1))
    auth.login_as(make.user("site_admin"))
    client.post(f"/moderation/missions/{late.id}/publier", data={})
    db.session.refresh(late)
    assert late.status == "pending_review"


def test_submission_emails_the_network_admins_of_the_association(client, auth, make):
    owner = make.user("association")
    association = make.association(owner=owner)
    network_admin = make.user("network_admin", email="reseau@example.fr")
    make.network(admin=network_admin, members=(association,))
    site_admin = make.user("site_admin", email="admin@example.fr")
    draft = make.mission(association, status="draft")
    auth.login_as(owner)
    client.post(f"/espace/missions/{draft.id}/soumettre")
    assert recipients() == ["reseau@example.fr"]
    assert site_admin.email not in recipients()
    assert "/moderation" in db.session.scalar(select(OutboxMessage.body_text))


@pytest.mark.parametrize("role", ["site_admin", "network_admin"])
def test_moderators_find_the_queue_from_their_dashboard(client, auth, make, team, role):
    *_, association, _ = team
    user = make.user(role)
    if role == "network_admin":
        make.network(admin=user, members=(association,))
    auth.login_as(user)
    english(client)
    page = client.get("/espace").get_data(as_text=True)
    link = page[page.index('data-testid="moderation-link"') :]
    assert 'href="/moderation"' in link and "1 mission waiting for review" in link


def test_the_review_page_shows_the_mission_as_published_and_its_association(client, auth, make, team):
    *_, association, mission = team
    mission.description = "Ramasser les déchets **le long de la Saône**."
    association.siren = "732829320"
    db.session.commit()
    auth.login_as(make.user("site_admin"))
    page = client.get(f"/moderation/missions/{mission.id}").get_data(as_text=True)
    assert "<strong>le long de la Saône</strong>" in page
    assert "Les Amis du Parc" in page and "732829320" in page
    assert db.session.scalar(select(func.count(OutboxMessage.id))) == 0
