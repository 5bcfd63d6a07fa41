"""« Trouver ma mission »: the steps, the results, saving answers, accompaniment and its inbox."""

from __future__ import annotations

import logging
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from marketplace.assistant.models import AccompanimentRequest
from marketplace.assistant.views import ANSWERS_KEY
from marketplace.extensions import db, limiter
from marketplace.notifications.models import OutboxMessage
from tests.conftest import build_app, text_of

BASE = "/trouver-ma-mission"
STEP_FORMS = {
    "causes": {"domains": ["aide-alimentaire"], "words": "préparer des colis"},
    "temps": {"frequency": "once"},
    "quand": {"choices": ["weekend"]},
    "ou": {"mode": "place", "place": "69007", "radius_km": "20"},
    "envies": {"skills": ["accueil"]},
    "ce-que-je-ne-souhaite-pas": {},
    "age": {"age_range": "36-50"},
    "avec-qui": {"company": "alone"},
}
CONTACT = {"first_name": "Josiane", "phone": "06 12 34 56 78", "call_time": "morning", "consent": "y"}


def answer_all(client, **changes) -> None:
    """Go through every question as a visitor without JavaScript would."""
    for slug, form in STEP_FORMS.items():
        data = changes.get(slug, form)
        if data is None:
            continue
        response = client.post(f"{BASE}/{slug}", data=data)
        assert response.status_code == 302, (slug, text_of(response)[:3000])


def next_weekday(weekday: int, *, after_days: int = 7) -> date:
    """The first given weekday (0 = Monday) at least ``after_days`` from today."""
    start = date.today() + timedelta(days=after_days)
    return start + timedelta(days=(weekday - start.weekday()) % 7)


def _weekend_mission(make, **fields):
    values = {
        "title": "Distribution de colis le samedi",
        "skills": ["accueil"],
        "start_date": next_weekday(5),
    }
    values.update(fields)
    return make.mission(**values)


# --- The steps -----------------------------------------------------------------------------------


def test_the_home_page_leads_to_the_assistant(client):
    page = text_of(client.get("/"))
    assert f'href="{BASE}"' in page
    assert "Trouver ma mission en quelques questions" in page


def test_the_start_page_needs_no_account(client):
    response = client.get(BASE)
    assert response.status_code == 200
    page = text_of(response)
    assert "8 questions simples" in page
    assert "Je préfère être accompagné·e" in page


def test_each_question_has_its_progress_and_a_way_back(client):
    answers_so_far = []
    slugs = list(STEP_FORMS)
    for number, slug in enumerate(slugs, start=1):
        page = text_of(client.get(f"{BASE}/{slug}"))
        assert f"Question {number} sur 8" in page
        assert f'<progress class="assistant-progress__bar" max="8" value="{number}"' in page
        back = f"{BASE}/{slugs[number - 2]}" if number > 1 else BASE
        assert f'href="{back}"' in page and "Retour" in page
        assert 'name="csrf_token"' in page
        client.post(f"{BASE}/{slug}", data=STEP_FORMS[slug])
        answers_so_far.append(slug)


def test_a_valid_answer_leads_to_the_next_question_then_the_results(client):
    response = client.post(f"{BASE}/causes", data=STEP_FORMS["causes"])
    assert response.headers["Location"].endswith(f"{BASE}/temps")
    answer_all(client, causes=None)
    with client.session_transaction() as session:
        assert session[ANSWERS_KEY]["where"]["postcode"] == "69007"
        assert session[ANSWERS_KEY]["where"]["city"] == "Lyon"


def test_the_last_answer_leads_to_the_results(client):
    for slug in list(STEP_FORMS)[:-1]:
        client.post(f"{BASE}/{slug}", data=STEP_FORMS[slug])
    response = client.post(f"{BASE}/avec-qui", data={"company": "alone"})
    assert response.headers["Location"].endswith(f"{BASE}/resultats")


def test_later_questions_wait_for_the_earlier_ones(client):
    response = client.get(f"{BASE}/age")
    assert response.status_code == 302 and response.headers["Location"].endswith(f"{BASE}/causes")
    response = client.get(f"{BASE}/resultats")
    assert response.headers["Location"].endswith(f"{BASE}/causes")
    assert client.get(f"{BASE}/nowhere").status_code == 404


def test_from_home_skips_alone_or_with_someone(client):
    answer_all(client, ou={"mode": "remote"}, **{"avec-qui": None})
    page = text_of(client.get(f"{BASE}/age"))
    assert "Question 7 sur 7" in page
    assert "Voir mes missions" in page
    response = client.get(f"{BASE}/avec-qui")
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("slug", "form", "message", "kept"),
    [
        (
            "ou",
            {"mode": "place", "place": "69007", "radius_km": "150"},
            "Choisissez une distance entre 5 et 100 km.",
            'value="150" selected',
        ),
        (
            "ou",
            {"mode": "place", "place": "6900", "radius_km": "20"},
            "Un code postal a 5 chiffres, comme 69007.",
            'value="6900"',
        ),
        (
            "ou",
            {"mode": "place", "place": "99999", "radius_km": "20"},
            "Nous ne connaissons pas le code postal 99999",
            'value="99999"',
        ),
        (
            "causes",
            {"domains": ["licornes", "seniors"], "words": "mes mots"},
            "Cette cause n’est pas dans notre liste",
            "mes mots",
        ),
        (
            "temps",
            {"frequency": "weekly", "hours": "50"},
            "entre 1 et 35",
            'value="weekly" id="frequency-weekly" checked',
        ),
    ],
)
def test_a_wrong_answer_shows_a_french_message_and_keeps_what_was_typed(client, slug, form, message, kept):
    steps = list(STEP_FORMS)
    for earlier in steps[: steps.index(slug)]:
        client.post(f"{BASE}/{earlier}", data=STEP_FORMS[earlier])
    response = client.post(f"{BASE}/{slug}", data=form)
    assert response.status_code == 400
    page = text_of(response)
    assert message in page
    assert kept in page
    assert 'role="alert"' in page
    with client.session_transaction() as session:
        saved = session.get(ANSWERS_KEY, {})
    key = {"causes": "causes", "temps": "time", "ou": "where"}[slug]
    assert key not in saved  # nothing half-written


def test_going_back_shows_the_answer_and_changing_it_keeps_the_rest(client):
    answer_all(client)
    page = text_of(client.get(f"{BASE}/temps"))
    assert 'value="once" id="frequency-once" checked' in page
    client.post(f"{BASE}/temps", data={"frequency": "weekly", "hours": "3"})
    with client.session_transaction() as session:
        answers = session[ANSWERS_KEY]
    assert answers["time"] == {"frequency": "weekly", "hours": 3}
    assert answers["causes"]["domains"] == ["aide-alimentaire"]
    assert answers["company"] == {"company": "alone"}


def test_a_commune_name_is_resolved(client):
    answer_all(client, ou={"mode": "place", "place": "Villeurbanne", "radius_km": "10"})
    with client.session_transaction() as session:
        assert session[ANSWERS_KEY]["where"]["postcode"] == "69100"


def test_a_step_post_needs_the_csrf_token():
    app = build_app(WTF_CSRF_ENABLED=True)
    with app.app_context():
        response = app.test_client().post(f"{BASE}/causes", data={"domains": ["seniors"]})
    assert response.status_code == 400


# --- The results ---------------------------------------------------------------------------------


def test_the_results_show_missions_with_their_reasons(client, make):
    mission = _weekend_mission(make)
    answer_all(client)
    response = client.get(f"{BASE}/resultats")
    assert response.status_code == 200
    page = text_of(response)
    assert "1 mission pour vous" in page
    assert mission.title in page
    assert "Pourquoi cette mission" in page
    assert "Aide alimentaire" in page
    assert "Enregistrer mes réponses" in page


def test_refinements_re_run_the_search(client, make):
    near = _weekend_mission(make, title="Colis à Lyon 7e")
    farther = _weekend_mission(make, title="Colis à Rillieux", lat=45.85, lon=4.85, postcode="69140")
    other_cause = _weekend_mission(make, title="Lecture aux aînés", domain="seniors")
    answer_all(client)
    page = text_of(client.get(f"{BASE}/resultats"))
    assert near.title in page and farther.title in page
    assert f"{BASE}/resultats?affiner=closer" in page
    closer = text_of(client.get(f"{BASE}/resultats?affiner=closer"))  # 20 → 10 km: Rillieux is 12 km away
    assert near.title in closer and farther.title not in closer
    other = text_of(client.get(f"{BASE}/resultats?affiner=other_causes"))
    assert other_cause.title in other and near.title not in other


def test_a_group_needs_enough_seats(client, make):
    _weekend_mission(make, title="Une seule place", capacity=1)
    answer_all(client, **{"avec-qui": {"company": "family"}})
    page = text_of(client.get(f"{BASE}/resultats"))
    assert "Aucune mission ne correspond à toutes vos réponses" in page
    assert "Une seule place" in page
    assert "moins de places que votre groupe" in page


def test_when_nothing_fits_the_closest_missions_are_shown_with_what_was_relaxed(client, make):
    far = _weekend_mission(
        make, title="Colis à Saint-Étienne", lat=45.4397, lon=4.3872, postcode="42000", domain="seniors"
    )
    answer_all(client)
    page = text_of(client.get(f"{BASE}/resultats"))
    assert "Aucune mission ne correspond à toutes vos réponses" in page
    assert far.title in page
    assert "toutes les causes" in page and "jusqu’à 100 km" in page
    assert f"{BASE}/accompagnement" in page
    assert "Affiner" not in page


def test_when_nothing_at_all_fits_the_page_says_so(client):
    answer_all(client)
    page = text_of(client.get(f"{BASE}/resultats"))
    assert "Aucune mission ne correspond à vos réponses pour le moment" in page
    assert "Je préfère être accompagné·e" in page


def test_from_home_only_shows_remote_missions(client, make):
    make.mission(title="Sur place", start_date=next_weekday(5))
    remote = make.mission(
        title="Appels de convivialité", remote=True, lat=None, lon=None, start_date=next_weekday(5)
    )
    answer_all(client, ou={"mode": "remote"}, **{"avec-qui": None})
    page = text_of(client.get(f"{BASE}/resultats"))
    assert remote.title in page and "Sur place" not in page


def test_an_underage_visitor_never_sees_adult_missions_even_relaxed(client, make):
    make.mission(title="Réservée aux adultes", min_age=18, start_date=next_weekday(5))
    allowed = make.mission(title="Ouverte dès 16 ans", min_age=16, start_date=next_weekday(5))
    answer_all(client, age={"age_range": "16-17"})
    page = text_of(client.get(f"{BASE}/resultats"))
    assert allowed.title in page and "Réservée aux adultes" not in page


# --- Saving the answers --------------------------------------------------------------------------


def test_saving_answers_leads_to_a_prefilled_sign_up_that_fills_the_profile(client, app):
    answer_all(client, envies={"skills": ["accueil"], "other_skills": "Excel"})
    response = client.post(f"{BASE}/enregistrer")
    assert response.status_code == 302 and "/inscription/benevole" in response.headers["Location"]
    page = text_of(client.get(response.headers["Location"]))
    assert '<option selected value="36-50">' in page
    assert 'value="69007"' in page
    response = client.post(
        "/inscription/benevole",
        data={
            "first_name": "Josiane",
            "email": "josiane@example.fr",
            "age_range": "36-50",
            "postcode": "69007",
            "password": "un-mot-de-passe-solide",
            "confirm": "un-mot-de-passe-solide",
            "accept_terms": "y",
        },
    )
    assert response.status_code == 302
    from marketplace.accounts.models import User

    user = db.session.scalar(select(User).where(User.email == "josiane@example.fr"))
    profile = user.profile
    assert profile.domains == ["aide-alimentaire"]
    assert profile.skills == ["accueil", "Excel"]
    assert profile.postcode == "69007" and profile.lat is not None
    assert set(profile.slots) == {
        f"{day}_{part}" for day in ("sat", "sun") for part in ("morning", "afternoon", "evening")
    }
    assert profile.wanted_kinds == ["ponctual"]
    assert profile.about == "préparer des colis"
    assert profile.radius_km == 20


def test_a_sign_up_without_asking_to_save_leaves_the_profile_alone(client):
    answer_all(client)
    client.post(
        "/inscription/benevole",
        data={
            "first_name": "Léon",
            "email": "leon@example.fr",
            "age_range": "18-25",
            "password": "un-mot-de-passe-solide",
            "confirm": "un-mot-de-passe-solide",
            "accept_terms": "y",
        },
    )
    from marketplace.accounts.models import User

    user = db.session.scalar(select(User).where(User.email == "leon@example.fr"))
    assert user.profile.age_range == "18-25" and user.profile.domains == []


def test_a_signed_in_volunteer_saves_answers_straight_into_the_profile(client, auth, make):
    user = make.user("candidate")
    auth.login_as(user)
    answer_all(client)
    response = client.post(f"{BASE}/enregistrer")
    assert response.headers["Location"].endswith("/espace/profil")
    db.session.expire_all()
    assert user.profile.domains == ["aide-alimentaire"]
    assert user.profile.age_range == "36-50"


# --- Accompaniment -------------------------------------------------------------------------------


def test_an_accompaniment_request_goes_to_the_network_of_the_postcode(client, make, caplog):
    lyon_admin = make.user("network_admin", email="reseau-lyon@example.fr")
    lyon = make.network("Maison des associations de Lyon", admin=lyon_admin, departements=("69",))
    make.network("Maison des associations de Paris", departements=("75",))
    answer_all(client)
    caplog.set_level(logging.DEBUG)
    response = client.post(f"{BASE}/accompagnement", data=CONTACT)
    assert response.status_code == 302
    request = db.session.scalar(select(AccompanimentRequest))
    assert request.network_id == lyon.id
    assert (request.first_name, request.phone, request.postcode) == ("Josiane", "0612345678", "69007")
    assert request.answers["causes"]["domains"] == ["aide-alimentaire"]
    email = db.session.scalar(select(OutboxMessage))
    assert email.recipient == "reseau-lyon@example.fr"
    assert "Josiane" not in email.body_text and "0612345678" not in email.body_text
    assert "/reseau/accompagnements" in email.body_text
    assert "Josiane" not in caplog.text and "06 12" not in caplog.text
    page = text_of(client.get(response.headers["Location"]))
    assert "Maison des associations de Lyon vous rappellera sous 2 jours ouvrés" in page


def test_a_postcode_listed_by_a_network_beats_a_departement(client, make):
    make.network("Réseau du Rhône", departements=("69",))
    villeurbanne = make.network("Maison de Villeurbanne", departements=())
    villeurbanne.territory_postcodes = ["69100"]
    db.session.commit()
    client.post(f"{BASE}/accompagnement", data={**CONTACT, "postcode": "69100"})
    assert db.session.scalar(select(AccompanimentRequest.network_id)) == villeurbanne.id


def test_without_a_network_the_site_admins_are_told(client, make):
    make.user("site_admin", email="admin@example.fr")
    make.network(departements=("69",))
    response = client.post(
        f"{BASE}/accompagnement", data={**CONTACT, "postcode": "13001", "email": "j@example.fr"}
    )
    request = db.session.scalar(select(AccompanimentRequest))
    assert request.network_id is None and request.email == "j@example.fr"
    assert [message.recipient for message in db.session.scalars(select(OutboxMessage))] == [
        "admin@example.fr"
    ]
    assert "L’équipe Tremplin vous rappellera" in text_of(client.get(response.headers["Location"]))


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"phone": "", "email": ""}, "email", "Donnez une adresse e-mail ou un numéro de téléphone"),
        ({"phone": "12 34"}, "phone", "numéro de téléphone français de 10 chiffres"),
        ({"email": "pas-une-adresse"}, "email", "adresse e-mail valide"),
        ({"first_name": " "}, "first_name", "Dites-nous votre prénom"),
        ({"consent": ""}, "consent", "Cochez la case"),
        ({"call_time": "midnight"}, "call_time", "Choisissez un bon moment"),
        ({"postcode": "690"}, "postcode", "Un code postal a 5 chiffres"),
    ],
)
def test_a_wrong_accompaniment_request_is_refused_and_keeps_what_was_typed(client, changes, field, message):
    response = client.post(f"{BASE}/accompagnement", data={**CONTACT, "email": "", **changes})
    assert response.status_code == 400
    page = text_of(response)
    assert message in page
    if changes.get("phone", CONTACT["phone"]):
        assert f'value="{changes.get("phone", CONTACT["phone"])}"' in page
    assert db.session.scalar(select(func.count(AccompanimentRequest.id))) == 0
    assert db.session.scalar(select(func.count(OutboxMessage.id))) == 0


def test_the_confirmation_page_needs_a_request(client):
    assert client.get(f"{BASE}/accompagnement/envoye").status_code == 302


def test_only_requests_that_go_through_spend_the_accompaniment_budget(app):
    limited = build_app(RATELIMIT_ENABLED=True, ACCOMPANIMENT_RATE_LIMIT="2 per hour")
    try:
        with limited.app_context():
            client = limited.test_client()
            typos = [client.post(f"{BASE}/accompagnement", data={}).status_code for _ in range(5)]
            sent = [client.post(f"{BASE}/accompagnement", data=CONTACT).status_code for _ in range(2)]
            refused = client.post(f"{BASE}/accompagnement", data={**CONTACT, "first_name": "Marcel"})
    finally:
        limiter.reset()
    assert typos == [400] * 5  # invalid forms cost nothing
    assert sent == [302, 302]
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) > 0
    page = text_of(refused)
    assert "Trop de demandes depuis cette connexion" in page
    assert 'value="Marcel"' in page  # the form comes back with what was typed
    assert db.session.scalar(select(func.count(AccompanimentRequest.id))) == 2


# --- The inbox -----------------------------------------------------------------------------------


def _request(network=None, status="new", first_name="Josiane"):
    request = AccompanimentRequest(
        first_name=first_name,
        phone="0612345678",
        call_time="evening",
        answers={"causes": {"domains": ["seniors"], "words": "lire"}, "age": {"age_range": "66+"}},
        postcode="69007",
        network=network,
        status=status,
    )
    db.session.add(request)
    db.session.commit()
    return request


def test_a_network_admin_sees_only_the_requests_of_their_network(client, auth, make):
    admin = make.user("network_admin")
    mine = make.network("Lyon", admin=admin)
    other = make.network("Paris", departements=("75",))
    _request(mine, first_name="Josiane")
    _request(other, first_name="Marcel")
    _request(None, first_name="Gisèle")
    auth.login_as(admin)
    page = text_of(client.get("/reseau/accompagnements"))
    assert "Josiane" in page and "Marcel" not in page and "Gisèle" not in page
    assert "Personnes âgées" in page and "66 ans ou plus" in page and "Le soir" not in page
    assert "En début de soirée" in page
    assert "Sans réseau" not in page


def test_a_site_admin_sees_every_request_and_filters_those_without_network(client, auth, make):
    network = make.network("Lyon")
    _request(network, first_name="Josiane")
    _request(None, first_name="Gisèle")
    auth.login_as(make.user("site_admin"))
    page = text_of(client.get("/reseau/accompagnements"))
    assert "Josiane" in page and "Gisèle" in page
    filtered = text_of(client.get("/reseau/accompagnements?filtre=sans-reseau"))
    assert "Gisèle" in filtered and "Josiane" not in filtered


def test_marking_a_request_handled(client, auth, make):
    admin = make.user("network_admin")
    request = _request(make.network(admin=admin))
    auth.login_as(admin)
    response = client.post(f"/reseau/accompagnements/{request.id}/traitee")
    assert response.status_code == 302
    db.session.expire_all()
    assert request.status == "handled" and request.handled_by_id == admin.id and request.handled_at
    assert "Traitée le" in text_of(client.get("/reseau/accompagnements"))
    assert "Josiane" not in text_of(client.get("/reseau/accompagnements?statut=new"))


def test_an_admin_of_another_network_cannot_handle_a_request(client, auth, make):
    request = _request(make.network("Lyon"))
    outsider = make.user("network_admin")
    make.network("Paris", admin=outsider, departements=("75",))
    auth.login_as(outsider)
    assert client.post(f"/reseau/accompagnements/{request.id}/traitee").status_code == 404
    db.session.expire_all()
    assert request.status == "new"


def test_personal_data_of_requests_stays_out_of_public_pages(client, make):
    _request(make.network("Lyon"), first_name="Josiane")
    for path in ("/", BASE, f"{BASE}/accompagnement", "/missions"):
        assert "Josiane" not in text_of(client.get(path, follow_redirects=True))
