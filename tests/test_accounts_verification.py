"""E-mail verification, change of address, fair sign-up and sign-in limits, legal pages."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from marketplace.accounts.models import User
from marketplace.associations.models import Mission
from marketplace.candidates.models import Application
from marketplace.extensions import db, limiter
from marketplace.notifications.models import OutboxMessage
from tests.conftest import DEFAULT_PASSWORD, build_app, outbox_link, text_of, verification_link
from tests.test_accounts import ASSOCIATION_FORM, CANDIDATE_FORM


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def mails_to(address: str) -> list[OutboxMessage]:
    db.session.expire_all()
    return list(
        db.session.scalars(
            select(OutboxMessage).where(OutboxMessage.recipient == address).order_by(OutboxMessage.id)
        )
    )


# --- verification ---------------------------------------------------------------------------------


def test_an_unverified_volunteer_browses_and_fills_the_profile_but_cannot_apply(client, auth, make):
    mission = make.mission()
    user = make.user(verified=False)
    auth.login(user)
    page = text_of(client.get(f"/missions/{mission.id}"))
    assert "Confirmez votre adresse e-mail pour candidater" in page
    assert 'data-state="unverified"' in page
    assert client.get("/espace/profil").status_code == 200
    refused = client.post(f"/missions/{mission.id}/postuler", data={"motivation": ""}, follow_redirects=True)
    assert "Confirmez d’abord votre adresse e-mail" in text_of(refused)
    assert count(Application) == 0


def test_the_verification_link_works_once_and_then_lets_the_volunteer_apply(client, auth, make):
    client.post("/inscription/benevole", data=CANDIDATE_FORM)
    link = verification_link("lea.martin@example.fr")
    first = client.get(link, follow_redirects=True)
    assert "Votre adresse e-mail est confirmée" in text_of(first)
    again = client.get(link, follow_redirects=True)
    assert "Ce lien a déjà été utilisé" in text_of(again)
    user = db.session.scalar(select(User).where(User.email == "lea.martin@example.fr"))
    assert user.is_verified
    mission = make.mission()
    auth.login(user, "un-long-mot-de-passe")
    client.post(f"/missions/{mission.id}/postuler", data={"motivation": ""})
    assert count(Application) == 1


def test_the_welcome_email_says_what_waits_for_the_confirmation(client):
    client.post("/inscription/benevole", data=CANDIDATE_FORM)
    (welcome,) = mails_to("lea.martin@example.fr")
    assert welcome.subject == "Bienvenue sur Tremplin : confirmez votre adresse e-mail"
    assert "/compte/confirmer/" in welcome.body_text
    assert "dans les 7 jours" in welcome.body_text


def test_expired_and_forged_verification_links_are_refused(client, make, monkeypatch):
    from itsdangerous import timed

    from marketplace.accounts.email_links import VERIFY, _make_token

    user = make.user(verified=False)
    real_time = timed.time.time
    monkeypatch.setattr(timed.time, "time", lambda: real_time() - 8 * 24 * 3600)
    old = _make_token(user, VERIFY, user.email)
    db.session.commit()
    monkeypatch.setattr(timed.time, "time", real_time)
    assert "Ce lien a expiré" in text_of(client.get(f"/compte/confirmer/{old}", follow_redirects=True))
    forged = client.get("/compte/confirmer/abc.def.ghi", follow_redirects=True)
    assert "Ce lien n'est pas valide" in text_of(forged)
    assert not db.session.get(User, user.id).is_verified


def test_a_verification_link_cannot_be_used_as_a_change_of_address_link(client, make):
    from marketplace.accounts.email_links import VERIFY, _make_token

    user = make.user(verified=False)
    token = _make_token(user, VERIFY, "pirate@example.fr")
    db.session.commit()
    client.get(f"/compte/adresse/confirmer/{token}")
    assert db.session.get(User, user.id).email == user.email


def test_resending_the_link_is_limited(make):
    user = make.user(verified=False)
    limited = build_app(RATELIMIT_ENABLED=True, EMAIL_LINK_RATE_LIMIT="2 per hour")
    try:
        with limited.app_context():
            client = limited.test_client()
            client.post("/connexion", data={"email": user.email, "password": DEFAULT_PASSWORD})
            pages = [
                text_of(client.post("/compte/confirmation/renvoyer", follow_redirects=True)) for _ in range(3)
            ]
    finally:
        limiter.reset()
    assert "Un nouveau lien a été envoyé" in pages[0] and "Un nouveau lien a été envoyé" in pages[1]
    assert "Vous avez demandé plusieurs e-mails en peu de temps" in pages[2]
    assert len(mails_to(user.email)) == 2


def test_an_unverified_association_member_cannot_submit_a_mission(client, auth, make):
    owner = make.user("association", verified=False)
    association = make.association(owner=owner)
    draft = make.mission(association, status="draft")
    auth.login(owner)
    response = client.post(f"/espace/missions/{draft.id}/soumettre", follow_redirects=True)
    assert "Confirmez d’abord votre adresse e-mail" in text_of(response)
    assert db.session.get(Mission, draft.id).status == "draft"


def test_team_invitations_and_password_resets_confirm_the_address(client, make):
    user = make.user(verified=False)
    client.post("/mot-de-passe-oublie", data={"email": user.email})
    link = outbox_link(user.email, "/mot-de-passe/reinitialiser/")
    client.post(link, data={"password": "tout-nouveau-42", "confirm": "tout-nouveau-42"})
    assert db.session.get(User, user.id).is_verified


# --- change of address ----------------------------------------------------------------------------


def test_changing_the_address_needs_the_link_sent_to_the_new_one(client, auth, make):
    user = make.user(email="ancienne@example.fr")
    auth.login(user)
    response = client.post(
        "/compte/adresse",
        data={"email": "Nouvelle@Example.fr", "password": DEFAULT_PASSWORD},
        follow_redirects=True,
    )
    assert "Nous avons envoyé un lien à nouvelle@example.fr" in text_of(response)
    assert db.session.get(User, user.id).email == "ancienne@example.fr"  # nothing changes yet
    (notice,) = mails_to("ancienne@example.fr")
    assert "nouvelle@example.fr" in notice.body_text and "/compte/adresse/confirmer/" not in notice.body_text
    link = outbox_link("nouvelle@example.fr", "/compte/adresse/confirmer/")
    confirmed = client.get(link, follow_redirects=True)
    assert "Votre adresse e-mail est maintenant nouvelle@example.fr" in text_of(confirmed)
    assert db.session.get(User, user.id).email == "nouvelle@example.fr"
    changed = mails_to("ancienne@example.fr")[-1]
    assert changed.subject == "L’adresse e-mail de votre compte Tremplin a changé"
    reused = client.get(link, follow_redirects=True)
    assert "Ce lien a déjà été utilisé" in text_of(reused)


def test_a_new_change_of_address_kills_the_previous_link(client, auth, make):
    user = make.user()
    auth.login(user)
    client.post("/compte/adresse", data={"email": "premiere@example.fr", "password": DEFAULT_PASSWORD})
    first = outbox_link("premiere@example.fr", "/compte/adresse/confirmer/")
    client.post("/compte/adresse", data={"email": "seconde@example.fr", "password": DEFAULT_PASSWORD})
    client.get(first)
    assert db.session.get(User, user.id).email == user.email


def test_a_change_of_address_needs_the_password_and_a_free_address(client, auth, make):
    other = make.user(email="prise@example.fr")
    user = make.user()
    auth.login(user)
    wrong = client.post("/compte/adresse", data={"email": "libre@example.fr", "password": "pas-le-bon"})
    assert wrong.status_code == 400 and "Votre mot de passe actuel est incorrect" in text_of(wrong)
    # A taken address is not revealed when asking; the link is refused when used.
    asked = client.post("/compte/adresse", data={"email": other.email, "password": DEFAULT_PASSWORD})
    assert asked.status_code == 302
    link = outbox_link(other.email, "/compte/adresse/confirmer/")
    refused = client.get(link, follow_redirects=True)
    assert "Un autre compte utilise déjà cette adresse" in text_of(refused)
    assert db.session.get(User, user.id).email != other.email


# --- sign-up that reveals nothing, fair limits ----------------------------------------------------


def test_association_signup_with_a_taken_address_creates_nothing(client, make):
    from marketplace.associations.models import Association

    make.user(email="sami@jardiniers.example.org")
    response = client.post("/inscription/association", data=ASSOCIATION_FORM)
    assert response.headers["Location"] == "/inscription/verifiez-vos-e-mails"
    assert count(Association) == 0


@pytest.fixture
def limited(app):
    """An app with the production limits on (the shared limiter is emptied after)."""
    limited_app = build_app(RATELIMIT_ENABLED=True)
    try:
        with limited_app.app_context():
            yield limited_app
    finally:
        limiter.reset()


def _signup(client, number: int, **changes):
    form = {**CANDIDATE_FORM, "email": f"atelier{number}@example.fr", "first_name": f"Personne{number}"}
    return client.post("/inscription/benevole", data={**form, **changes})


def test_a_workshop_of_30_signs_up_from_one_wifi_within_the_hour_but_a_robot_does_not(limited):
    client = limited.test_client()  # one client: one IP address for everybody
    typos = [_signup(client, n, password="court", confirm="court").status_code for n in range(30)]
    workshop = [_signup(client, n).status_code for n in range(30)]
    assert typos == [400] * 30  # mistakes spend nothing
    assert workshop == [302] * 30
    assert count(User) == 30
    more = [_signup(client, n).status_code for n in range(30, 45)]
    assert more[:10] == [302] * 10 and set(more[10:]) == {429}  # the budget: 40 per hour per address


def test_an_over_budget_signup_shows_the_form_again_with_what_was_typed(limited):
    limited.config["SIGNUP_RATE_LIMIT"] = "1 per hour"
    try:
        client = limited.test_client()
        assert _signup(client, 1).status_code == 302
        refused = _signup(client, 2, first_name="Bérénice")
    finally:
        limited.config["SIGNUP_RATE_LIMIT"] = build_app().config["SIGNUP_RATE_LIMIT"]
    page = text_of(refused)
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) > 0
    assert "Trop d’inscriptions depuis cette connexion" in page
    assert 'value="Bérénice"' in page and 'value="atelier2@example.fr"' in page


def test_one_address_cannot_be_used_to_flood_its_owner(limited, make):
    owner = make.user(email="cible@example.fr")
    client = limited.test_client()
    statuses = [_signup(client, 1, email=owner.email).status_code for _ in range(5)]
    assert statuses == [302, 302, 302, 429, 429]
    assert len(mails_to(owner.email)) == 3


def test_wrong_passwords_lock_one_address_until_a_reset_clears_it(limited, make):
    user = make.user()
    client = limited.test_client()
    limited.config["LOGIN_RATE_LIMIT"] = "1000 per minute"  # the per-IP limit is not the point here
    for _ in range(10):
        assert (
            client.post("/connexion", data={"email": user.email, "password": "mauvais-mot"}).status_code
            == 400
        )
    locked = client.post("/connexion", data={"email": user.email, "password": DEFAULT_PASSWORD})
    assert locked.status_code == 429
    assert "Mot de passe oublié" in text_of(locked) and f'value="{user.email}"' in text_of(locked)
    # The reset link works while the address is locked, and a successful reset lifts the lock.
    client.post("/mot-de-passe-oublie", data={"email": user.email})
    link = outbox_link(user.email, "/mot-de-passe/reinitialiser/")
    assert (
        client.post(link, data={"password": "tout-nouveau-42", "confirm": "tout-nouveau-42"}).status_code
        == 302
    )
    back = client.post("/connexion", data={"email": user.email, "password": "tout-nouveau-42"})
    assert back.status_code == 302


def test_a_right_password_spends_nothing(limited, make):
    user = make.user()
    limited.config["LOGIN_RATE_LIMIT"] = "1000 per minute"
    for _ in range(12):
        browser = limited.test_client()
        assert (
            browser.post("/connexion", data={"email": user.email, "password": DEFAULT_PASSWORD}).status_code
            == 302
        )


# --- legal pages ----------------------------------------------------------------------------------


def test_legal_pages_show_the_configured_publisher_host_and_contacts(make):
    settings = {
        "LEGAL_PUBLISHER": "Maison des associations de Lyon",
        "LEGAL_PUBLISHER_ADDRESS": "28 rue Denfert-Rochereau, 69004 Lyon",
        "LEGAL_DIRECTOR": "Camille Durand",
        "LEGAL_HOST": "Hébergeur Exemple SAS",
        "LEGAL_HOST_ADDRESS": "1 quai de l'Exemple, 59100 Roubaix",
        "PRIVACY_CONTACT_EMAIL": "dpo@example.fr",
        "LEGAL_CONTACT_EMAIL": "contact@example.fr",
    }
    configured = build_app(**settings)
    with configured.app_context():
        client = configured.test_client()
        notice = text_of(client.get("/mentions-legales"))
        privacy = text_of(client.get("/confidentialite"))
        terms = text_of(client.get("/conditions-generales"))
    for value in ("Maison des associations de Lyon", "Camille Durand", "Hébergeur Exemple SAS", "69004 Lyon"):
        assert value in notice
    assert "dpo@example.fr" in privacy and "Hébergeur Exemple SAS" in privacy
    assert "à renseigner" not in notice
    for needed in ("Base légale", "Combien de temps", "3 ans sans visite", "cookies indispensables", "CNIL"):
        assert needed in privacy, needed
    assert "au moins 16 ans" in terms


def test_unset_legal_settings_show_as_missing(client):
    assert "à renseigner" in text_of(client.get("/mentions-legales"))


def test_the_footer_and_the_signup_checkbox_link_to_the_terms_and_the_policy(client):
    home = text_of(client.get("/"))
    assert 'href="/conditions-generales"' in home and 'href="/confidentialite"' in home
    for path in ("/inscription/benevole", "/inscription/association"):
        form = text_of(client.get(path))
        label = form.split('for="accept_terms"')[1].split("</label>")[0]
        assert 'href="/conditions-generales"' in label and 'href="/confidentialite"' in label


def test_legal_pages_exist_in_english(client):
    client.post("/langue", data={"language": "en", "next": "/"})
    page = text_of(client.get("/confidentialite"))
    assert "Privacy policy" in page and "Legal basis" in page
    assert "Terms of use" in text_of(client.get("/conditions-generales"))


def test_the_privacy_policy_states_the_cookie_lifetime_in_force(app, client):
    days = app.config["REMEMBER_COOKIE_DURATION"].days  # the setting in force, not a copy of it
    page = text_of(client.get("/confidentialite"))
    assert "remember_token" in page and f"{days} jours" in page
