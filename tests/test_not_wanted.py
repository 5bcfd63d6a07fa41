"""What a volunteer does not want (causes, kinds, situations) and the missions at other times.

The profile keeps what is ruled out and refuses contradictions in French; the recommendations
(dashboard, API, assistant) never show what is ruled out; missions that fit everything but the
person's weekly slots are never mixed into the recommendations: they come apart, in « Si vos
horaires changent », only when fewer than three missions fit.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from marketplace.candidates.models import CandidateProfile
from marketplace.candidates.profile import ProfileData, ProfileInvalid, update_profile
from marketplace.extensions import db
from marketplace.matching.services import OTHER_TIMES_BELOW
from tests.conftest import text_of

PROFILE_FORM = {
    "first_name": "Inès",
    "age_range": "26-35",
    "place": "69007",
    "radius_km": "20",
    "slots": ["wed_afternoon"],
    "domains": ["aide-alimentaire"],
    "wanted_kinds": ["ponctual"],
    "skills": "",
    "about": "",
}


def next_weekday(weekday: int, *, after_days: int = 7) -> date:
    """The first given weekday (0 = Monday) at least ``after_days`` from today."""
    start = date.today() + timedelta(days=after_days)
    return start + timedelta(days=(weekday - start.weekday()) % 7)


WEDNESDAY, SATURDAY = 2, 5


@pytest.fixture
def candidate(make):
    return make.user("candidate", first_name="Inès")


def _profile(user) -> CandidateProfile:
    db.session.expire_all()
    return db.session.scalar(select(CandidateProfile).where(CandidateProfile.user_id == user.id))


def _checked(page: str, input_id: str) -> bool:
    found = re.search(rf'<input[^>]*\bid="{input_id}"[^>]*>', page)
    assert found, input_id
    return re.search(r"\schecked[\s>]", found.group(0)) is not None


def _ids(response) -> list[int]:
    return [item["mission"]["id"] for item in response.get_json()["items"]]


def _other_ids(response) -> list[int]:
    return [item["mission"]["id"] for item in response.get_json()["other_times"]]


# --- The profile -----------------------------------------------------------------------------------


def test_the_profile_form_saves_what_is_not_wanted(client, auth, candidate):
    auth.login_as(candidate)
    form = {
        **PROFILE_FORM,
        "avoid_domains": ["sport", "animaux"],
        "avoid_kinds": ["leadership"],
        "avoid_contexts": ["children", "screen"],
    }
    response = client.post("/espace/profil", data=form)
    assert response.status_code == 302
    profile = _profile(candidate)
    assert profile.avoid_domains == ["animaux", "sport"]  # in the vocabulary's order
    assert profile.avoid_kinds == ["leadership"]
    assert profile.avoid_contexts == ["screen", "children"]
    page = text_of(client.get("/espace/profil"))
    assert "Ce que je ne souhaite pas" in page
    assert _checked(page, "avoid_domains-sport") and _checked(page, "avoid_contexts-screen")
    assert _checked(page, "avoid_kinds-leadership") and not _checked(page, "avoid_kinds-support")
    assert (
        "Pas devant un écran" in page and "Pas avec des enfants" in page and "Pas d’effort physique" in page
    )


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"avoid_domains": ["aide-alimentaire"]},
            "avoid_domains",
            "Vous choisissez et évitez la même cause : « Aide alimentaire »",
        ),
        (
            {"avoid_kinds": ["ponctual"]},
            "avoid_kinds",
            "Vous demandez et évitez le même type de mission : « Ponctuelle »",
        ),
        (
            {"avoid_kinds": ["ponctual", "support", "leadership"], "wanted_kinds": []},
            "avoid_kinds",
            "au moins un",
        ),
        ({"avoid_contexts": ["noise"]}, "avoid_contexts", "pas dans notre liste"),
        ({"avoid_domains": ["astrologie"]}, "avoid_domains", "pas dans notre liste"),
    ],
)
def test_a_contradiction_is_refused_in_french_and_the_form_keeps_what_was_typed(
    client, auth, candidate, changes, field, message
):
    auth.login_as(candidate)
    response = client.post("/espace/profil", data={**PROFILE_FORM, "about": "Mon texte", **changes})
    assert response.status_code == 400
    page = text_of(response)
    assert f'id="{field}-error"' in page and message in page
    assert "Mon texte" in page
    if field == "avoid_domains" and "aide-alimentaire" in changes.get(field, []):
        assert _checked(page, "avoid_domains-aide-alimentaire") and _checked(page, "domains-aide-alimentaire")
    assert _profile(candidate).avoid_domains == [] and _profile(candidate).about == ""


def test_every_cause_cannot_be_avoided(candidate):
    from marketplace.reference.slugs import DOMAIN_SLUGS

    with pytest.raises(ProfileInvalid) as caught:
        update_profile(candidate, ProfileData(age_range="26-35", avoid_domains=list(DOMAIN_SLUGS)))
    db.session.rollback()
    assert set(caught.value.errors) == {"avoid_domains"}


# --- Never recommended -----------------------------------------------------------------------------


@pytest.fixture
def lyon_missions(make):
    """A food-aid mission, a sport one and a responsibility, all on Wednesday afternoons in Lyon."""
    food = make.mission(
        title="Colis du mercredi",
        domain="aide-alimentaire",
        day_parts=["afternoon"],
        start_date=next_weekday(WEDNESDAY),
    )
    sport = make.mission(
        title="Tournoi de quartier",
        domain="sport",
        day_parts=["afternoon"],
        start_date=next_weekday(WEDNESDAY),
    )
    support = make.mission(
        title="Comptes de l'épicerie",
        domain="aide-alimentaire",
        kind="support",
        schedule="recurring",
        start_date=None,
        slots=["wed_afternoon"],
        hours_per_week=2,
    )
    return food, sport, support


def test_the_dashboard_and_my_api_never_show_an_avoided_cause_or_kind(client, auth, candidate, lyon_missions):
    food, sport, support = lyon_missions
    update_profile(
        candidate,
        ProfileData(
            age_range="26-35",
            place="69007",
            slots=["wed_afternoon"],
            avoid_domains=["sport"],
            avoid_kinds=["support"],
        ),
    )
    db.session.commit()
    auth.login_as(candidate)
    page = text_of(client.get("/espace"))
    assert food.title in page
    assert sport.title not in page and support.title not in page
    response = client.get("/api/v1/me/recommendations")
    assert _ids(response) == [food.id]
    assert sport.id not in _other_ids(response) and support.id not in _other_ids(response)


def test_the_public_api_never_recommends_what_is_ruled_out(client, lyon_missions):
    food, sport, support = lyon_missions
    answers = {
        "age_range": "26-35",
        "postcode": "69007",
        "avoid_domains": ["sport"],
        "avoid_kinds": ["support"],
    }
    response = client.post("/api/v1/recommendations", json=answers)
    assert response.status_code == 200
    assert _ids(response) == [food.id]
    allowed = client.post("/api/v1/recommendations", json={"age_range": "26-35", "postcode": "69007"})
    assert set(_ids(allowed)) == {food.id, sport.id, support.id}


@pytest.mark.parametrize(
    ("answers", "field"),
    [
        ({"domains": ["sport"], "avoid_domains": ["sport"]}, "avoid_domains"),
        ({"kinds": ["support"], "avoid_kinds": ["support"]}, "avoid_kinds"),
        ({"avoid_contexts": ["noise"]}, "avoid_contexts"),
        ({"flexible": "yes"}, "flexible"),
    ],
)
def test_the_api_refuses_contradictory_or_unknown_wishes(client, answers, field):
    response = client.post("/api/v1/recommendations", json={"age_range": "26-35", **answers})
    assert response.status_code == 400
    assert response.get_json()["error"]["field"] == field


# --- Other times: apart, and only when the list is short --------------------------------------------


@pytest.fixture
def saturday_mission(make):
    return make.mission(
        title="Collecte du samedi",
        domain="aide-alimentaire",
        day_parts=["morning"],
        start_date=next_weekday(SATURDAY),
    )


def test_a_mission_at_other_times_is_never_in_the_items_but_apart(client, saturday_mission, lyon_missions):
    food = lyon_missions[0]
    answers = {
        "age_range": "26-35",
        "postcode": "69007",
        "slots": ["wed_afternoon"],
        "avoid_domains": ["sport"],
        "avoid_kinds": ["support"],
    }
    response = client.post("/api/v1/recommendations", json=answers)
    assert _ids(response) == [food.id]
    assert _other_ids(response) == [saturday_mission.id]
    other = response.get_json()["other_times"][0]
    assert set(other) == {"mission", "score", "reasons", "outside_request"}
    assert other["mission"]["start_date"] == saturday_mission.start_date.isoformat()
    assert not any("disponible" in reason for reason in other["reasons"])


def test_flexible_hours_take_every_mission_into_the_items(client, saturday_mission, lyon_missions):
    answers = {"age_range": "26-35", "postcode": "69007", "slots": ["wed_afternoon"], "flexible": True}
    response = client.post("/api/v1/recommendations", json=answers)
    assert saturday_mission.id in _ids(response)
    assert response.get_json()["other_times"] == []


def test_other_times_are_left_out_when_enough_missions_fit(client, make, saturday_mission):
    fitting = [
        make.mission(title=f"Mercredi {n}", day_parts=["afternoon"], start_date=next_weekday(WEDNESDAY))
        for n in range(OTHER_TIMES_BELOW)
    ]
    answers = {"age_range": "26-35", "postcode": "69007", "slots": ["wed_afternoon"]}
    response = client.post("/api/v1/recommendations", json=answers)
    assert set(_ids(response)) == {mission.id for mission in fitting}
    assert response.get_json()["other_times"] == []


def test_the_dashboard_shows_other_times_in_their_own_labelled_block(
    client, auth, candidate, saturday_mission
):
    update_profile(candidate, ProfileData(age_range="26-35", place="69007", slots=["wed_afternoon"]))
    db.session.commit()
    auth.login_as(candidate)
    page = text_of(client.get("/espace"))
    block = page.split('data-testid="other-times"', 1)
    assert len(block) == 2, "the other-times block is missing"
    recommended = page.split('data-testid="recommended"', 1)[1].split("</section>", 1)[0]
    assert saturday_mission.title not in recommended
    assert "Si vos horaires changent" in block[1] and saturday_mission.title in block[1]
    assert "samedi" in block[1]  # the date says when it takes place


def test_the_assistant_shows_other_times_apart_and_other_days_never_mixes_them_in(
    client, make, saturday_mission
):
    wednesday = make.mission(
        title="Colis du mercredi", day_parts=["afternoon"], start_date=next_weekday(WEDNESDAY)
    )
    steps = {
        "causes": {"domains": ["aide-alimentaire"]},
        "temps": {"frequency": "once"},
        "quand": {"choices": ["wednesday"]},
        "ou": {"mode": "place", "place": "69007", "radius_km": "20"},
        "envies": {},
        "ce-que-je-ne-souhaite-pas": {"avoid_contexts": ["physical"]},
        "age": {"age_range": "26-35"},
        "avec-qui": {"company": "alone"},
    }
    for slug, form in steps.items():
        assert client.post(f"/trouver-ma-mission/{slug}", data=form).status_code == 302, slug
    page = text_of(client.get("/trouver-ma-mission/resultats"))
    results, _, apart = page.partition('data-testid="other-times"')
    assert wednesday.title in results and saturday_mission.title not in results
    assert "Si vos horaires changent" in apart and saturday_mission.title in apart
    other_days = text_of(client.get("/trouver-ma-mission/resultats?affiner=other_days"))
    results, _, apart = other_days.partition('data-testid="other-times"')
    assert wednesday.title in results and saturday_mission.title not in results
    assert saturday_mission.title in apart


def test_the_assistant_step_refuses_avoiding_a_chosen_cause_and_keeps_the_ticks(client):
    steps = {
        "causes": {"domains": ["seniors"]},
        "temps": {"frequency": "weekly", "hours": "2"},
        "quand": {"choices": ["weekend"]},
        "ou": {"mode": "remote"},
        "envies": {"kinds": ["support"]},
    }
    for slug, form in steps.items():
        client.post(f"/trouver-ma-mission/{slug}", data=form)
    page = text_of(client.get("/trouver-ma-mission/ce-que-je-ne-souhaite-pas"))
    assert "Ce que je ne souhaite pas" in page and "Question 6 sur 7" in page
    assert 'value="seniors"' not in page  # a chosen cause is not offered to avoid
    response = client.post(
        "/trouver-ma-mission/ce-que-je-ne-souhaite-pas",
        data={"avoid_kinds": ["support"], "avoid_contexts": ["children"]},
    )
    assert response.status_code == 400
    page = text_of(response)
    assert "Vous avez demandé ce type de mission plus tôt" in page
    assert _checked(page, "avoid_contexts-children")


def test_saved_answers_fill_what_is_not_wanted_in_the_new_profile(client):
    steps = {
        "causes": {"domains": ["seniors"]},
        "temps": {"frequency": "sometimes"},
        "quand": {"choices": ["weekend"]},
        "ou": {"mode": "place", "place": "69007", "radius_km": "10"},
        "envies": {},
        "ce-que-je-ne-souhaite-pas": {
            "avoid_domains": ["sport"],
            "avoid_kinds": ["leadership"],
            "avoid_contexts": ["screen"],
        },
        "age": {"age_range": "51-65"},
        "avec-qui": {"company": "alone"},
    }
    for slug, form in steps.items():
        client.post(f"/trouver-ma-mission/{slug}", data=form)
    client.post("/trouver-ma-mission/enregistrer")
    response = client.post(
        "/inscription/benevole",
        data={
            "first_name": "Michèle",
            "email": "michele@example.fr",
            "age_range": "51-65",
            "postcode": "69007",
            "password": "un-mot-de-passe-solide",
            "confirm": "un-mot-de-passe-solide",
            "accept_terms": "y",
        },
    )
    assert response.status_code == 302
    from marketplace.accounts.models import User

    user = db.session.scalar(select(User).where(User.email == "michele@example.fr"))
    profile = _profile(user)
    assert (profile.avoid_domains, profile.avoid_kinds, profile.avoid_contexts) == (
        ["sport"],
        ["leadership"],
        ["screen"],
    )


# --- Kinds asked for ---------------------------------------------------------------------------------


def test_kinds_asked_come_alone_and_others_only_when_none_fits_labelled_so(client, make):
    festival = make.mission(title="Buvette du festival", kind="ponctual")
    answers = {"age_range": "26-35", "postcode": "69007", "kinds": ["support"]}
    response = client.post("/api/v1/recommendations", json=answers)
    (item,) = response.get_json()["items"]
    assert item["mission"]["id"] == festival.id and item["outside_request"] == ["kind"]
    accounts = make.mission(title="Tenir les comptes de l'épicerie", kind="support")
    items = client.post("/api/v1/recommendations", json=answers).get_json()["items"]
    # One support mission fits: it comes alone, however short the list.
    assert [(i["mission"]["id"], i["outside_request"]) for i in items] == [(accounts.id, [])]
    items = client.post("/api/v1/recommendations", json={**answers, "limit": 1}).get_json()["items"]
    assert [(i["mission"]["id"], i["outside_request"]) for i in items] == [(accounts.id, [])]


def test_a_mission_outside_the_kinds_asked_is_labelled_on_the_dashboard(client, auth, candidate, make):
    make.mission(title="Buvette du festival", kind="ponctual")
    update_profile(candidate, ProfileData(age_range="26-35", place="69007", wanted_kinds=["support"]))
    db.session.commit()
    auth.login_as(candidate)
    card = text_of(client.get("/espace")).split('data-testid="recommendation"', 1)[1].split("</article>")[0]
    assert "Buvette du festival" in card and 'data-testid="outside-request"' in card
    assert "Un autre type de mission que ceux demandés" in card


def test_the_people_who_call_back_read_what_was_ruled_out(app):
    from marketplace.assistant.texts import readable_answers

    with app.test_request_context(headers={"Accept-Language": "fr"}):
        lines = dict(
            readable_answers(
                {"avoid": {"domains": ["sport"], "kinds": ["leadership"], "contexts": ["children"]}}
            )
        )
    assert lines == {"Ce que je ne souhaite pas": "Pas avec des enfants, Responsabilité, Sport"}
