"""The association profile: owners edit it, the public page shows it, nothing unsafe gets through."""

from __future__ import annotations

import io
import json

import pytest
from PIL import Image
from sqlalchemy import select

from marketplace.associations.models import Association, Membership
from marketplace.associations.profile_views import logo_directory
from marketplace.extensions import db
from tests.conftest import text_of

VALID = {"postcode": "69007", "city": "Lyon"}


@pytest.fixture
def owned(make, auth):
    owner = make.user("association", email="presidente@asso.example")
    association = make.association("Les Amis du Parc", owner=owner)
    auth.login_as(owner)
    return owner, association


def edit(client, association, **fields):
    return client.post(f"/espace/associations/{association.id}/profil", data={**VALID, **fields})


def png(size=(64, 64), color=(200, 30, 30)) -> bytes:
    output = io.BytesIO()
    Image.new("RGB", size, color).save(output, "PNG")
    return output.getvalue()


def test_the_owner_edits_the_profile_and_the_public_page_shows_it(client, owned):
    _, association = owned
    response = edit(
        client,
        association,
        description="Nous **aidons** le quartier.\n\n- jardinage\n- goûters",
        website="https://amis-du-parc.fr",
        address="12 rue des Lilas",
        contact_email="Contact@Amis-du-Parc.fr",
        contact_phone="04 72 00 00 00",
        contact_public="y",
    )
    assert response.status_code == 302
    assert (association.address, association.contact_email) == ("12 rue des Lilas", "contact@amis-du-parc.fr")
    page = client.get(f"/associations/{association.slug}").get_data(as_text=True)
    assert "<strong>aidons</strong>" in page and "<li>jardinage</li>" in page
    assert 'href="https://amis-du-parc.fr"' in page and "12 rue des Lilas" in page
    assert "contact@amis-du-parc.fr" in page and 'data-testid="association-contact"' in page


@pytest.mark.parametrize("website", ["javascript://amis.fr/%0Aalert(1)", "data:text/html,x", "ftp://amis.fr"])
def test_a_website_that_is_not_http_is_refused_by_the_form(client, owned, website):
    _, association = owned
    response = edit(client, association, website=website)
    assert response.status_code == 400
    assert 'id="website-error"' in response.get_data(as_text=True)
    assert association.website is None


def test_sign_up_refuses_a_javascript_website(client):
    response = client.post(
        "/inscription/association",
        data={
            "association_name": "Piège",
            "city": "Lyon",
            "postcode": "69007",
            "website": "javascript://x.fr/%0Aalert(document.cookie)",
            "first_name": "Eve",
            "email": "eve@example.fr",
            "password": "un-mot-de-passe-solide",
            "confirm": "un-mot-de-passe-solide",
            "accept_terms": "y",
        },
    )
    assert 'id="website-error"' in response.get_data(as_text=True)
    assert db.session.scalar(select(Association).where(Association.name == "Piège")) is None


def test_an_unsafe_website_already_stored_is_never_rendered_nor_sent(client, make):
    association = make.association(website="javascript://x.fr/%0Aalert(1)")
    make.mission(association)
    page = client.get(f"/associations/{association.slug}").get_data(as_text=True)
    assert "javascript:" not in page
    answer = json.loads(client.get(f"/api/v1/associations/{association.id}").data)
    assert answer["website"] is None


def test_the_description_is_sanitised(client, owned):
    _, association = owned
    edit(
        client,
        association,
        description="<script>alert(1)</script> [clic](javascript:alert(1)) <img src=x onerror=alert(1)>",
    )
    main = client.get(f"/associations/{association.slug}").get_data(as_text=True).split("<main")[1]
    assert "<script>alert" not in main and 'href="javascript:' not in main and "<img src=x" not in main


def test_members_and_strangers_cannot_edit(client, auth, make, owned):
    _, association = owned
    member = make.user("association")
    db.session.add(Membership(user=member, association=association, role="member"))
    db.session.commit()
    auth.login_as(member)
    assert edit(client, association, description="Piraté").status_code == 404
    assert association.description != "Piraté"


def test_registry_numbers_are_locked_once_sent_for_verification(client, owned):
    from marketplace.models_base import utcnow

    _, association = owned
    assert edit(client, association, siren="732829320").status_code == 302
    assert association.siren == "732829320"
    association.verification_requested_at = utcnow()
    db.session.commit()
    assert edit(client, association, siren="552100554").status_code == 302
    assert association.siren == "732829320"


# --- contact for volunteers ----------------------------------------------------------------------------


def test_a_private_contact_is_seen_only_by_accepted_volunteers(client, auth, make, owned):
    _, association = owned
    edit(client, association, contact_email="presidente@perso.example")
    mission = make.mission(association)
    accepted, waiting = make.user("candidate"), make.user("candidate")
    application = make.application(mission, accepted, status="accepted")
    make.application(mission, waiting, status="pending")
    page_path = f"/associations/{association.slug}"

    auth.logout()
    assert "presidente@perso.example" not in text_of(client.get(page_path))
    auth.login_as(waiting)
    assert "presidente@perso.example" not in text_of(client.get(page_path))
    auth.login_as(accepted)
    assert "presidente@perso.example" in text_of(client.get(page_path))
    assert "presidente@perso.example" in text_of(client.get(f"/candidatures/{application.id}"))
    answer = client.get(f"/api/v1/associations/{association.id}").get_data(as_text=True)
    assert "presidente@perso.example" not in answer


# --- logo -----------------------------------------------------------------------------------------------


def test_a_logo_is_reencoded_and_served_with_its_type_nosniff_and_a_long_cache(client, owned):
    _, association = owned
    response = edit(client, association, logo=(io.BytesIO(png()), "logo.txt"))  # the name says nothing
    assert response.status_code == 302
    assert association.logo_name.endswith(".webp")
    page = client.get(f"/associations/{association.slug}").get_data(as_text=True)
    assert f"/associations/logos/{association.logo_name}" in page
    served = client.get(f"/associations/logos/{association.logo_name}")
    assert served.status_code == 200 and served.mimetype == "image/webp"
    assert served.headers["X-Content-Type-Options"] == "nosniff"
    assert (
        "immutable" in served.headers["Cache-Control"]
        and "max-age=31536000" in served.headers["Cache-Control"]
    )
    assert served.data.startswith(b"RIFF")


def test_a_new_logo_replaces_the_old_file_and_removing_it_stops_serving_it(client, owned):
    _, association = owned
    edit(client, association, logo=(io.BytesIO(png()), "a.png"))
    first = association.logo_name
    edit(client, association, logo=(io.BytesIO(png(color=(0, 90, 0))), "b.png"))
    second = association.logo_name
    assert second != first
    assert not (logo_directory() / first).exists() and (logo_directory() / second).exists()
    assert client.get(f"/associations/logos/{first}").status_code == 404
    edit(client, association, remove_logo="y")
    assert association.logo_name is None
    assert client.get(f"/associations/logos/{second}").status_code == 404


def test_a_file_that_is_not_an_image_is_refused_next_to_the_field(client, owned):
    _, association = owned
    response = edit(client, association, logo=(io.BytesIO(b"<svg onload=alert(1)></svg>"), "logo.png"))
    assert response.status_code == 400
    assert 'id="logo-error"' in response.get_data(as_text=True)
    assert association.logo_name is None


def test_a_made_up_logo_name_is_not_found(client):
    assert client.get("/associations/logos/1-0123456789abcdef.webp").status_code == 404
    assert client.get("/associations/logos/..%2F..%2Fmarketplace.db").status_code == 404
