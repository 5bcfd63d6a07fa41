"""Association verification end to end (request, decision, history, badge, direct publishing) and
network invitations (the network asks, the association answers)."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from marketplace.associations import verification as service
from marketplace.associations.models import AssociationVerificationEvent, Membership
from marketplace.domain import Conflict, DomainError, NotAllowed
from marketplace.extensions import db
from marketplace.networks.models import NetworkMember
from marketplace.notifications.models import OutboxMessage
from tests.conftest import text_of

VALID_SIREN = "732829320"  # passes the Luhn check
BAD_LUHN_SIREN = "732829321"


def outbox_to(email: str) -> list[OutboxMessage]:
    return list(db.session.scalars(select(OutboxMessage).where(OutboxMessage.recipient == email)))


@pytest.fixture(autouse=True)
def request_context(app):
    with app.test_request_context():
        yield


@pytest.fixture
def lyon(make):
    """An association of Lyon with a SIREN (owner and member), the Lyon network and its admin."""
    owner = make.user("association", email="presidente@asso.example", first_name="Nadia")
    association = make.association("Les Amis du Parc", owner=owner, postcode="69007", siren=VALID_SIREN)
    member = make.user("association", email="benevole@asso.example")
    db.session.add(Membership(user=member, association=association, role="member"))
    db.session.commit()
    admin = make.user("network_admin", email="reseau@mda.example")
    network = make.network("Maison des associations de Lyon", admin=admin, departements=("69",))
    return owner, member, association, admin, network


# --- asking -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("siren", "rna", "message"),
    [
        (None, None, "SIREN or RNA number first"),
        (BAD_LUHN_SIREN, None, "check digit"),
        ("12345678X", None, "exactly 9 digits"),
        (None, "X691234567", "letter W followed by 9 digits"),
    ],
)
def test_a_request_without_valid_registry_numbers_is_refused_with_a_clear_message(make, siren, rna, message):
    from flask_babel import force_locale

    owner = make.user("association")
    association = make.association(owner=owner, siren=None, rna=None)
    # Older rows may hold numbers the sign-up form would refuse today: the request checks again.
    association.siren, association.rna = siren, rna
    db.session.commit()
    with pytest.raises(DomainError) as refused:
        service.request_verification(association, by=owner)
    with force_locale("en"):
        assert message in str(refused.value.message)
    assert association.verification_requested_at is None


def test_only_an_owner_may_ask(lyon):
    _, member, association, *_ = lyon
    with pytest.raises(NotAllowed):
        service.request_verification(association, by=member)


def test_asking_records_the_step_and_tells_the_networks_of_the_territory(lyon):
    owner, _, association, *_ = lyon
    service.request_verification(association, by=owner)
    db.session.commit()
    assert association.verification_status == "requested"
    [event] = association.verification_events
    assert (event.action, event.actor, event.siren) == ("requested", owner, VALID_SIREN)
    [email] = outbox_to("reseau@mda.example")
    assert "Les Amis du Parc" in email.subject and VALID_SIREN in email.body_text
    assert "/verifications/" in email.body_text
    with pytest.raises(Conflict):
        service.request_verification(association, by=owner)


def test_without_a_network_covering_it_the_site_admins_are_told(make):
    owner = make.user("association")
    association = make.association(owner=owner, postcode="13001", rna="W131234567")
    make.user("site_admin", email="admin@tremplin.example")
    service.request_verification(association, by=owner)
    db.session.commit()
    assert len(outbox_to("admin@tremplin.example")) == 1


# --- deciding ------------------------------------------------------------------------------------


def test_the_network_admin_of_the_territory_verifies_and_the_team_is_told(lyon):
    owner, _, association, admin, network = lyon
    service.request_verification(association, by=owner)
    assert service.verification_queue(admin) == [association]
    service.verify(association, by=admin, reason="SIREN vérifié dans l'annuaire.")
    db.session.commit()
    assert association.verified and association.verification_requested_at is None
    decision = association.verification_events[-1]
    assert (decision.action, decision.actor, decision.network, decision.reason) == (
        "verified",
        admin,
        network,
        "SIREN vérifié dans l'annuaire.",
    )
    for email in ("presidente@asso.example", "benevole@asso.example"):
        [told] = outbox_to(email)
        assert "SIREN vérifié" in told.body_text
    assert service.verification_queue(admin) == []


def test_an_admin_of_another_territory_neither_sees_nor_decides(make, lyon):
    owner, _, association, *_ = lyon
    outsider = make.user("network_admin")
    make.network("Réseau de Marseille", admin=outsider, departements=("13",))
    service.request_verification(association, by=owner)
    assert service.verification_queue(outsider) == []
    with pytest.raises(NotAllowed):
        service.verify(association, by=outsider)
    assert not association.verified


def test_a_refusal_needs_a_reason_that_the_association_reads_and_it_may_ask_again(client, auth, lyon):
    owner, _, association, admin, _ = lyon
    service.request_verification(association, by=owner)
    with pytest.raises(DomainError) as refused:
        service.refuse(association, by=admin, reason="non")
    assert refused.value.field == "reason"
    service.refuse(association, by=admin, reason="Ce SIREN appartient à une autre structure.")
    db.session.commit()
    assert association.verification_status == "refused" and not association.verified
    [told] = outbox_to("presidente@asso.example")
    assert "autre structure" in told.body_text

    auth.login_as(owner)
    page = text_of(client.get(f"/espace/associations/{association.id}/verification"))
    assert "autre structure" in page and 'data-state="refused"' in page
    assert client.post(f"/espace/associations/{association.id}/verification/demander").status_code == 302
    assert association.verification_status == "requested"
    assert [event.action for event in service.history(association)] == ["requested", "refused", "requested"]


def test_deciding_twice_is_a_conflict(lyon):
    owner, _, association, admin, _ = lyon
    service.request_verification(association, by=owner)
    service.verify(association, by=admin)
    with pytest.raises(Conflict):
        service.refuse(association, by=admin, reason="Trop tard pour refuser ceci.")


def test_the_refuse_form_shows_its_error_next_to_the_field(client, auth, lyon):
    owner, _, association, admin, _ = lyon
    service.request_verification(association, by=owner)
    db.session.commit()
    auth.login_as(admin)
    response = client.post(f"/verifications/{association.id}/refuser", data={"refuse-reason": "court"})
    assert response.status_code == 400
    assert "at least 10 characters" in text_of(response) or "au moins 10 caractères" in text_of(response)
    assert association.verification_status == "requested"


# --- what verification changes -----------------------------------------------------------------------


def test_once_verified_the_badge_shows_everywhere_and_new_missions_publish_directly(client, auth, make, lyon):
    owner, _, association, admin, _ = lyon
    mission = make.mission(association, title="Planter des arbres")
    page = text_of(client.get(f"/associations/{association.slug}"))
    assert 'data-testid="verified-badge"' not in page
    answer = json.loads(client.get(f"/api/v1/missions/{mission.id}").data)
    assert answer["association"]["verified"] is False

    service.request_verification(association, by=owner)
    service.verify(association, by=admin)
    db.session.commit()
    from marketplace.search import services as search

    search.reindex_all()

    for path in (f"/associations/{association.slug}", f"/missions/{mission.id}", "/recherche?q=arbres"):
        assert 'data-testid="verified-badge"' in text_of(client.get(path)), path
    answer = json.loads(client.get(f"/api/v1/missions/{mission.id}").data)
    assert answer["association"]["verified"] is True
    assert json.loads(client.get(f"/api/v1/associations/{association.id}").data)["verified"] is True

    auth.login_as(owner)
    response = client.post(
        "/espace/missions/nouvelle",
        data={
            "action": "submit",
            "title": "Accueillir les familles au jardin",
            "description": "Accueillir les familles et les guider dans le jardin partagé du quartier.",
            "kind": "ponctual",
            "domain": "environnement",
            "city": "Lyon",
            "postcode": "69007",
            "schedule": "one_off",
            "start_date": (date.today() + timedelta(days=20)).isoformat(),
            "capacity": "3",
            "min_age": "18",
        },
    )
    assert response.status_code == 302, text_of(response)[:2000]
    created = max(association.missions, key=lambda found: found.id)
    assert created.status == "published" and created.reviews[-1].action == "auto_published"


def test_the_verifier_page_shows_the_numbers_and_the_history(client, auth, lyon):
    owner, _, association, admin, _ = lyon
    service.request_verification(association, by=owner)
    db.session.commit()
    auth.login_as(admin)
    queue = text_of(client.get("/verifications"))
    assert "Les Amis du Parc" in queue and VALID_SIREN in queue
    page = text_of(client.get(f"/verifications/{association.id}"))
    assert VALID_SIREN in page and 'data-testid="verification-history"' in page
    assert "presidente@asso.example" in page  # verifiers see who asked
    response = client.post(f"/verifications/{association.id}/verifier", data={"verify-reason": ""})
    assert response.status_code == 302
    assert (
        db.session.scalar(
            select(AssociationVerificationEvent.action)
            .order_by(AssociationVerificationEvent.id.desc())
            .limit(1)
        )
        == "verified"
    )


# --- network invitations ---------------------------------------------------------------------------


def test_a_network_invites_an_association_of_its_territory_which_accepts(client, auth, make, lyon):
    from marketplace.networks import services as networks

    owner, _, association, admin, network = lyon
    outside = make.association("Club de Marseille", postcode="13001")
    assert association in networks.invitable_associations(network)
    assert outside not in networks.invitable_associations(network)

    auth.login_as(admin)
    space = text_of(client.get(f"/reseau/{network.id}"))
    assert 'data-testid="invitable"' in space and "Les Amis du Parc" in space
    assert (
        client.post(f"/reseau/{network.id}/inviter", data={"association_id": association.id}).status_code
        == 302
    )
    invitation = db.session.scalar(
        select(NetworkMember).where(NetworkMember.association_id == association.id)
    )
    assert (invitation.status, invitation.invited_by) == ("invited", admin)
    [told] = outbox_to("presidente@asso.example")
    assert "Maison des associations de Lyon" in told.body_text
    assert association not in networks.invitable_associations(network)

    auth.login_as(owner)
    page = text_of(client.get("/espace/reseaux"))
    assert f'data-testid="invitation-{network.id}"' in page
    assert client.post(f"/espace/reseaux/invitations/{invitation.id}/accepter").status_code == 302
    assert invitation.status == "accepted"
    assert any("accepted" in m.subject or "accepté" in m.subject for m in outbox_to("reseau@mda.example"))


def test_an_association_declines_and_the_invitation_goes(lyon):
    from marketplace.networks import services as networks

    owner, _, association, admin, network = lyon
    invitation = networks.invite_association(network, association.id, by=admin)
    networks.answer_invitation(invitation.id, by=owner, accept=False)
    db.session.commit()
    assert (
        db.session.scalar(select(NetworkMember).where(NetworkMember.association_id == association.id)) is None
    )
    assert association in networks.invitable_associations(network)


def test_no_invitation_outside_the_territory_nor_twice_nor_over_a_request(make, lyon):
    from marketplace.networks import services as networks

    owner, _, association, admin, network = lyon
    outside = make.association(postcode="13001")
    with pytest.raises(NotAllowed):
        networks.invite_association(network, outside.id, by=admin)
    other = make.association(postcode="69003")
    networks.request_to_join(network, association, by=owner)
    with pytest.raises(Conflict):
        networks.invite_association(network, association.id, by=admin)
    networks.invite_association(network, other.id, by=admin)
    with pytest.raises(Conflict):
        networks.invite_association(network, other.id, by=admin)
