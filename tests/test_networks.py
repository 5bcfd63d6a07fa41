"""Networks: join requests, decisions, direct attachment, notifications and the network space."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from marketplace.extensions import db
from marketplace.networks import services
from marketplace.networks.models import NetworkMember
from marketplace.notifications.models import OutboxMessage
from tests.conftest import text_of


@pytest.fixture
def lyon(make):
    """A Lyon network (département 69 and one Ain postcode) with an admin; a Lyon association."""
    admin = make.user("network_admin", email="reseau@example.fr", first_name="Hélène")
    network = make.network("Maison des associations de Lyon", admin=admin, departements=("69",))
    network.territory_postcodes = ["01700"]
    owner = make.user("association", email="presidente@example.fr")
    association = make.association("Les Jardins du Rhône", owner=owner, postcode="69007")
    db.session.commit()
    return {"admin": admin, "network": network, "owner": owner, "association": association}


def _outbox_to(email: str) -> list[OutboxMessage]:
    return list(db.session.scalars(select(OutboxMessage).where(OutboxMessage.recipient == email)))


def _member(network, association) -> NetworkMember | None:
    return db.session.scalar(
        select(NetworkMember).where(
            NetworkMember.network_id == network.id, NetworkMember.association_id == association.id
        )
    )


def test_association_sees_the_networks_covering_its_postcode(client, auth, make, lyon):
    make.network("Réseau marseillais", departements=("13",))
    make.network("Réseau de Miribel", departements=()).territory_postcodes = ["01700"]
    db.session.commit()
    auth.login_as(lyon["owner"])
    page = text_of(client.get("/espace/reseaux"))
    assert "Maison des associations de Lyon" in page
    assert "Demander à rejoindre" in page
    assert "Réseau marseillais" not in page and "Réseau de Miribel" not in page


def test_association_asks_to_join_and_the_network_admins_are_told(client, auth, lyon):
    auth.login_as(lyon["owner"])
    network, association = lyon["network"], lyon["association"]
    response = client.post(f"/espace/reseaux/{network.id}/rejoindre", data={"association_id": association.id})
    assert response.status_code == 302
    assert _member(network, association).status == "requested"
    [email] = _outbox_to("reseau@example.fr")
    assert "Les Jardins du Rhône" in email.subject
    assert f"/reseau/{network.id}" in email.body_text
    page = text_of(client.get("/espace/reseaux"))
    assert "Demande envoyée, en attente de réponse" in page
    again = client.post(f"/espace/reseaux/{network.id}/rejoindre", data={"association_id": association.id})
    assert "a déjà demandé" in text_of(client.get(again.headers["Location"]))
    assert (
        db.session.scalar(
            select(NetworkMember.id).where(NetworkMember.id != _member(network, association).id)
        )
        is None
    )


def test_no_request_to_a_network_outside_the_territory_nor_for_another_association(client, auth, make, lyon):
    marseille = make.network("Réseau marseillais", departements=("13",))
    someone_elses = make.association(postcode="69003")
    auth.login_as(lyon["owner"])
    client.post(f"/espace/reseaux/{marseille.id}/rejoindre", data={"association_id": lyon["association"].id})
    client.post(f"/espace/reseaux/{lyon['network'].id}/rejoindre", data={"association_id": someone_elses.id})
    assert db.session.scalar(select(NetworkMember.id)) is None
    assert _outbox_to("reseau@example.fr") == []


def test_network_admin_accepts_a_request_and_the_association_is_told(client, auth, lyon):
    request = NetworkMember(network=lyon["network"], association=lyon["association"], status="requested")
    db.session.add(request)
    db.session.commit()
    auth.login_as(lyon["admin"])
    space = text_of(client.get(f"/reseau/{lyon['network'].id}"))
    assert "Demandes d’adhésion" in space and "Les Jardins du Rhône" in space
    response = client.post(f"/reseau/{lyon['network'].id}/demandes/{request.id}/accepter")
    assert response.status_code == 302
    db.session.refresh(request)
    assert request.status == "accepted"
    [email] = _outbox_to("presidente@example.fr")
    assert "Maison des associations de Lyon" in email.subject
    # Accepting twice is refused with a message, not a crash.
    client.post(f"/reseau/{lyon['network'].id}/demandes/{request.id}/accepter")
    assert len(_outbox_to("presidente@example.fr")) == 1


def test_network_admin_refuses_a_request(client, auth, lyon):
    request = NetworkMember(network=lyon["network"], association=lyon["association"], status="requested")
    db.session.add(request)
    db.session.commit()
    auth.login_as(lyon["admin"])
    response = client.post(f"/reseau/{lyon['network'].id}/demandes/{request.id}/refuser")
    assert response.status_code == 302
    assert _member(lyon["network"], lyon["association"]) is None
    [email] = _outbox_to("presidente@example.fr")
    assert "n’a pas accepté" in email.subject


def test_admin_of_another_network_cannot_decide(client, auth, make, lyon):
    request = NetworkMember(network=lyon["network"], association=lyon["association"], status="requested")
    db.session.add(request)
    other = make.network("Réseau marseillais", departements=("13",))
    db.session.commit()
    auth.login_as(other.admins[0].user)
    assert client.post(f"/reseau/{lyon['network'].id}/demandes/{request.id}/accepter").status_code == 404
    assert client.post(f"/reseau/{other.id}/demandes/{request.id}/accepter").status_code == 404
    db.session.refresh(request)
    assert request.status == "requested"


def test_site_admin_attaches_an_association_of_the_territory(client, auth, make, lyon):
    site_admin = make.user("site_admin")
    auth.login_as(site_admin)
    page = text_of(client.get(f"/reseau/{lyon['network'].id}"))
    assert "Rattacher une association du territoire" in page
    response = client.post(
        f"/reseau/{lyon['network'].id}/rattacher", data={"association_id": lyon["association"].id}
    )
    assert response.status_code == 302
    assert _member(lyon["network"], lyon["association"]).status == "accepted"
    assert len(_outbox_to("presidente@example.fr")) == 1
    again = client.post(
        f"/reseau/{lyon['network'].id}/rattacher", data={"association_id": lyon["association"].id}
    )
    assert again.status_code == 400
    assert "déjà membre" in text_of(again)


def test_site_admin_sees_every_network_and_a_network_admin_goes_to_theirs(client, auth, make, lyon):
    make.network("Réseau marseillais", departements=("13",))
    auth.login_as(make.user("site_admin"))
    listing = text_of(client.get("/reseau"))
    assert "Maison des associations de Lyon" in listing and "Réseau marseillais" in listing
    auth.login_as(lyon["admin"])
    assert client.get("/reseau").headers["Location"] == f"/reseau/{lyon['network'].id}"


def test_territory_figures_are_counts_without_any_candidate_name(client, auth, make, lyon):
    in_lyon = make.mission(lyon["association"])
    also_in_lyon = make.mission(lyon["association"])
    make.mission(lyon["association"], status="draft")
    marseille = make.mission(make.association(postcode="13001"), postcode="13001", city="Marseille")
    camille = make.user("candidate", email="camille.candidate@example.fr", first_name="Camille")
    dominique = make.user("candidate", email="dominique@example.fr", first_name="Dominique")
    make.application(in_lyon, camille, status="accepted")
    make.application(also_in_lyon, camille)
    make.application(in_lyon, dominique, status="declined")
    make.application(marseille, make.user("candidate"))
    figures = services.territory_figures(lyon["network"])
    assert figures.published_missions == 2
    assert figures.applications_by_status["accepted"] == 1
    assert figures.applications_by_status["pending"] == 1
    assert figures.applications_by_status["declined"] == 1
    assert figures.applications == 3
    assert figures.volunteers == 2

    auth.login_as(lyon["admin"])
    page = text_of(client.get(f"/reseau/{lyon['network'].id}"))
    assert 'data-figure="volunteers">2<' in page
    assert 'data-figure="published">2<' in page
    for private in ("Camille", "Dominique", "camille.candidate@example.fr", "dominique@example.fr"):
        assert private not in page
    assert 'href="/moderation"' in page


def test_covers_postcode_and_its_sql_twin_agree(make, lyon):
    from marketplace.associations.models import Association

    network = lyon["network"]
    for postcode in ("69007", "69100", "01700", "01800", "13001", ""):
        make.association(postcode=postcode)
    covered = set(
        db.session.scalars(
            select(Association.postcode).where(services.territory_condition(network, Association.postcode))
        )
    )
    assert covered == {"69007", "69100", "01700"}
    assert all(network.covers_postcode(code) for code in covered)
    assert not network.covers_postcode("01800") and not network.covers_postcode("")
