"""Sign-up, sign-in, sessions and password reset through the real views."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from marketplace.accounts.models import User
from marketplace.associations.models import Association, Membership
from marketplace.candidates.models import CandidateProfile
from marketplace.extensions import db
from marketplace.notifications.models import OutboxMessage
from marketplace.notifications.services import deliver_pending
from marketplace.privacy.policy import TERMS_VERSION
from tests.conftest import DEFAULT_PASSWORD, text_of, verification_link

CANDIDATE_FORM = {
    "first_name": "Léa",
    "email": "lea.martin@example.fr",
    "age_range": "18-25",
    "postcode": "69007",
    "password": "un-long-mot-de-passe",
    "confirm": "un-long-mot-de-passe",
    "accept_terms": "y",
}

ASSOCIATION_FORM = {
    "association_name": "Les Jardiniers de Bellevue",
    "city": "Lyon",
    "postcode": "69008",
    "siren": "732 829 320",
    "rna": "W691234567",
    "website": "https://jardiniers.example.org",
    "first_name": "Sami",
    "email": "sami@jardiniers.example.org",
    "password": "jardins-partages-2026",
    "confirm": "jardins-partages-2026",
    "accept_terms": "y",
}


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_candidate_signup_creates_account_and_profile_then_asks_to_confirm_the_address(client):
    response = client.post("/inscription/benevole", data=CANDIDATE_FORM)
    assert response.headers["Location"] == "/inscription/verifiez-vos-e-mails"
    user = db.session.scalar(select(User).where(User.email == "lea.martin@example.fr"))
    assert user.role == "candidate"
    assert user.profile.age_range == "18-25"
    assert user.check_password("un-long-mot-de-passe")
    assert not user.password_hash.startswith("un-long")
    assert not user.is_verified
    assert user.terms_version == TERMS_VERSION and user.terms_accepted_at is not None
    page = text_of(client.get(response.headers["Location"]))
    assert "Nous avons envoyé un message à lea.martin@example.fr." in page
    assert client.get("/espace").status_code == 302  # not signed in until they sign in themselves
    client.get(verification_link("lea.martin@example.fr"))
    assert db.session.get(User, user.id).is_verified
    signed_in = client.post("/connexion", data={"email": user.email, "password": "un-long-mot-de-passe"})
    assert signed_in.status_code == 302
    assert client.get("/espace").status_code == 200


def test_signup_with_a_taken_address_answers_as_for_a_new_one_and_tells_the_owner(client, make):
    owner = make.user(email="lea.martin@example.fr")
    taken = client.post("/inscription/benevole", data=CANDIDATE_FORM)
    fresh = client.post("/inscription/benevole", data={**CANDIDATE_FORM, "email": "nouvelle@example.fr"})
    assert taken.status_code == fresh.status_code == 302
    assert taken.headers["Location"] == fresh.headers["Location"]
    assert count(User) == 2  # the owner and the new account: no second account for the taken address
    mails = db.session.scalars(select(OutboxMessage).where(OutboxMessage.recipient == owner.email)).all()
    expected = "Quelqu’un a essayé de créer un compte Tremplin avec votre adresse"
    assert [mail.subject for mail in mails] == [expected]
    assert "/mot-de-passe-oublie" in mails[0].body_text and "/compte/confirmer/" not in mails[0].body_text


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("court", "au moins 10 caractères"),
        ("aaaaaaaaaaaa", "répète"),
        ("lea.martin-2026", "ne doit pas contenir votre adresse e-mail"),
        ("azerty123456", "trop courant ou trop facile à deviner"),
        ("motdepasse1", "trop courant ou trop facile à deviner"),
        ("Léa19901990", "trop courant ou trop facile à deviner"),  # the first name and a year
    ],
)
def test_weak_password_is_refused_with_a_french_message(client, password, message):
    form = {**CANDIDATE_FORM, "password": password, "confirm": password}
    response = client.post("/inscription/benevole", data=form)
    assert response.status_code == 400
    assert message in text_of(response)
    assert count(User) == 0


def test_signup_refuses_an_age_range_under_16(client):
    response = client.post("/inscription/benevole", data={**CANDIDATE_FORM, "age_range": "12-15"})
    assert response.status_code == 400
    assert count(User) == 0 and count(CandidateProfile) == 0


def test_association_signup_creates_association_owner_and_membership(client):
    response = client.post("/inscription/association", data=ASSOCIATION_FORM)
    assert response.headers["Location"] == "/inscription/verifiez-vos-e-mails"
    association = db.session.scalar(select(Association))
    membership = db.session.scalar(select(Membership))
    assert association.name == "Les Jardiniers de Bellevue"
    assert association.slug == "les-jardiniers-de-bellevue"
    assert association.siren == "732829320" and association.rna == "W691234567"
    assert membership.role == "owner" and membership.user.role == "association"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("siren", "12345678", "exactement 9 chiffres"),
        ("siren", "732829321", "n'est pas valide"),
        ("rna", "W12345", "la lettre W suivie de 9 chiffres"),
        ("postcode", "6900", "5 chiffres"),
    ],
)
def test_association_signup_with_bad_identifiers_saves_nothing(client, field, value, message):
    response = client.post("/inscription/association", data={**ASSOCIATION_FORM, field: value})
    page = text_of(response)
    assert response.status_code == 400
    assert message in page
    assert "Les Jardiniers de Bellevue" in page  # what was typed is kept
    assert count(User) == 0 and count(Association) == 0 and count(Membership) == 0


def test_association_slug_stays_unique(client, make):
    make.association("Les Jardiniers de Bellevue").slug = "les-jardiniers-de-bellevue"
    db.session.commit()
    client.post("/inscription/association", data=ASSOCIATION_FORM)
    slugs = set(db.session.scalars(select(Association.slug)))
    assert slugs == {"les-jardiniers-de-bellevue", "les-jardiniers-de-bellevue-2"}


def test_wrong_password_and_unknown_email_get_the_same_message(client, make):
    user = make.user()
    wrong = client.post("/connexion", data={"email": user.email, "password": "pas-le-bon-mot"})
    unknown = client.post("/connexion", data={"email": "inconnu@example.fr", "password": "pas-le-bon-mot"})
    for response in (wrong, unknown):
        assert response.status_code == 400
        assert "Adresse e-mail ou mot de passe incorrect." in text_of(response)
    assert client.get("/espace").status_code == 302


def test_login_redirects_only_to_local_next_urls(client, make):
    user = make.user()
    local = client.post(
        "/connexion", data={"email": user.email, "password": DEFAULT_PASSWORD, "next": "/missions"}
    )
    assert local.headers["Location"] == "/missions"
    client.post("/deconnexion")
    evil = client.post(
        "/connexion", data={"email": user.email, "password": DEFAULT_PASSWORD, "next": "//evil.example.com/"}
    )
    assert evil.headers["Location"] == "/espace"


def test_email_is_case_insensitive(client, make):
    user = make.user(email="camille@example.fr")
    response = client.post(
        "/connexion", data={"email": "  Camille@Example.FR ", "password": DEFAULT_PASSWORD}
    )
    assert response.status_code == 302
    assert client.get("/espace").status_code == 200
    assert user.last_login_at is not None


def test_logout_ends_every_session_of_the_user(app, make):
    user = make.user()
    laptop, phone = app.test_client(), app.test_client()
    for browser in (laptop, phone):
        browser.post("/connexion", data={"email": user.email, "password": DEFAULT_PASSWORD})
        assert browser.get("/espace").status_code == 200
    laptop.post("/deconnexion")
    assert laptop.get("/espace").status_code == 302
    assert phone.get("/espace").status_code == 302


def test_password_change_keeps_this_session_and_ends_the_others(app, make):
    user = make.user()
    laptop, phone = app.test_client(), app.test_client()
    for browser in (laptop, phone):
        browser.post("/connexion", data={"email": user.email, "password": DEFAULT_PASSWORD})
    response = laptop.post(
        "/compte/mot-de-passe",
        data={
            "current_password": DEFAULT_PASSWORD,
            "new_password": "nouveau-secret-42",
            "confirm": "nouveau-secret-42",
        },
    )
    assert response.status_code == 302
    assert laptop.get("/espace").status_code == 200
    assert phone.get("/espace").status_code == 302
    assert db.session.get(User, user.id).check_password("nouveau-secret-42")


def test_password_change_with_wrong_current_password_changes_nothing(client, auth, make):
    user = make.user()
    auth.login(user)
    response = client.post(
        "/compte/mot-de-passe",
        data={
            "current_password": "pas-le-bon-mot",
            "new_password": "nouveau-secret-42",
            "confirm": "nouveau-secret-42",
        },
    )
    assert response.status_code == 400
    assert "Votre mot de passe actuel est incorrect." in text_of(response)
    assert db.session.get(User, user.id).check_password(DEFAULT_PASSWORD)


def _reset_link(sent_emails) -> str:
    body = sent_emails[-1].get_body(("plain",)).get_content()
    return re.search(r"http://localhost(/mot-de-passe/reinitialiser/\S+)", body).group(1)


def test_reset_answers_the_same_for_known_and_unknown_emails(client, make, sent_emails):
    user = make.user()
    known = client.post("/mot-de-passe-oublie", data={"email": user.email}, follow_redirects=True)
    unknown = client.post(
        "/mot-de-passe-oublie", data={"email": "personne@example.fr"}, follow_redirects=True
    )
    assert known.status_code == unknown.status_code == 200
    expected = "nous venons d'y envoyer un lien"
    assert expected in text_of(known) and expected in text_of(unknown)
    assert count(OutboxMessage) == 1
    assert deliver_pending().sent == 1
    assert sent_emails[0]["To"] == user.email


def test_reset_link_works_once_and_ends_other_sessions(app, client, make, sent_emails):
    user = make.user()
    other = app.test_client()
    other.post("/connexion", data={"email": user.email, "password": DEFAULT_PASSWORD})
    client.post("/mot-de-passe-oublie", data={"email": user.email})
    deliver_pending()
    link = _reset_link(sent_emails)
    assert client.get(link).status_code == 200
    response = client.post(link, data={"password": "tout-nouveau-42", "confirm": "tout-nouveau-42"})
    assert response.status_code == 302
    assert db.session.get(User, user.id).check_password("tout-nouveau-42")
    assert other.get("/espace").status_code == 302
    reused = client.post(
        link, data={"password": "encore-autre-42", "confirm": "encore-autre-42"}, follow_redirects=True
    )
    assert "Ce lien a déjà été utilisé" in text_of(reused)
    assert db.session.get(User, user.id).check_password("tout-nouveau-42")


def test_expired_or_forged_reset_links_are_refused(app, client, make, monkeypatch):
    from itsdangerous import timed

    from marketplace.accounts.services import make_reset_token

    user = make.user()
    real_time = timed.time.time
    monkeypatch.setattr(timed.time, "time", lambda: real_time() - 2 * 3600)
    old_token = make_reset_token(user)
    monkeypatch.setattr(timed.time, "time", real_time)
    expired = client.get(f"/mot-de-passe/reinitialiser/{old_token}", follow_redirects=True)
    assert "Ce lien a expiré" in text_of(expired)
    forged = client.get("/mot-de-passe/reinitialiser/abc.def.ghi", follow_redirects=True)
    assert "Ce lien n'est pas valide" in text_of(forged)


def test_language_switch_changes_the_interface_and_is_remembered(client, auth, make):
    assert "Trouver une mission" in text_of(client.get("/"))
    client.post("/langue", data={"language": "en", "next": "/missions"})
    assert "Find a mission" in text_of(client.get("/"))
    user = make.user()
    auth.login(user)
    client.post("/langue", data={"language": "fr", "next": "/"})
    assert db.session.get(User, user.id).locale == "fr"


def test_language_switch_ignores_unknown_languages(client):
    response = client.post("/langue", data={"language": "de", "next": "/"})
    assert response.status_code == 302
    assert 'lang="fr"' in text_of(client.get("/"))
