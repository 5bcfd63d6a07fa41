"""The volunteer's profile: every rule, the home place resolved offline, the form, the suggestions."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from marketplace.candidates.models import CandidateProfile
from marketplace.candidates.profile import (
    ProfileData,
    ProfileInvalid,
    SkillVocabulary,
    clean_skills,
    profile_completeness,
    resolve_place,
    skill_suggestions,
    update_profile,
)
from marketplace.domain import NotAllowed
from marketplace.extensions import db, limiter
from marketplace.reference.places import geo_index
from marketplace.reference.vocabularies import SLOTS
from tests.conftest import build_app, text_of

VALID_FORM = {
    "first_name": "Camille",
    "age_range": "18-25",
    "place": "69100",
    "radius_km": "20",
    "slots": ["wed_afternoon", "sat_morning"],
    "domains": ["sante", "education"],
    "wanted_kinds": ["ponctual"],
    "skills": "cuisine, permis B",
    "about": "J'aime cuisiner pour les autres.",
    "visible_to_associations": "y",
}


def _data(**changes) -> ProfileData:
    values = {
        "first_name": "Camille",
        "age_range": "18-25",
        "place": "69100",
        "radius_km": 20,
        "slots": ["wed_afternoon"],
        "domains": ["sante"],
        "wanted_kinds": ["ponctual"],
        "skills": ["cuisine"],
        "about": "Bonjour",
        "visible_to_associations": False,
    }
    values.update(changes)
    return ProfileData(**values)


def _saved(user) -> tuple:
    """The profile as stored, read again from the database."""
    db.session.expire_all()
    profile = db.session.scalar(select(CandidateProfile).where(CandidateProfile.user_id == user.id))
    return (
        profile.age_range,
        profile.postcode,
        profile.city,
        profile.lat,
        profile.lon,
        profile.radius_km,
        profile.remote_ok,
        list(profile.slots),
        profile.flexible,
        list(profile.domains),
        list(profile.skills),
        list(profile.wanted_kinds),
        profile.about,
        profile.visible_to_associations,
        profile.user.first_name,
    )


def _checked(page: str, input_id: str) -> bool:
    """Whether the page's input with this id is ticked."""
    found = re.search(rf'<input[^>]*\bid="{input_id}"[^>]*>', page)
    assert found, input_id
    return re.search(r"\schecked[\s>]", found.group(0)) is not None


def _refused(user, **changes) -> ProfileInvalid:
    before = _saved(user)
    with pytest.raises(ProfileInvalid) as caught:
        update_profile(user, _data(**changes))
    db.session.rollback()
    assert _saved(user) == before
    return caught.value


@pytest.fixture
def candidate(make):
    return make.user("candidate", first_name="Camille")


# --- Rules of the service -------------------------------------------------------------------------


@pytest.mark.parametrize("age_range", ["", "12-15", "15", "0-15", "16-18", "1990-04-12"])
def test_an_age_range_outside_the_six_is_refused_on_its_field(candidate, age_range):
    error = _refused(candidate, age_range=age_range)
    assert set(error.errors) == {"age_range"}


@pytest.mark.parametrize("age_range", ["16-17", "18-25", "26-35", "36-50", "51-65", "66+"])
def test_each_of_the_six_age_ranges_is_accepted(candidate, age_range):
    update_profile(candidate, _data(age_range=age_range))
    db.session.commit()
    assert _saved(candidate)[0] == age_range


def test_the_profile_stores_no_birth_date():
    columns = set(CandidateProfile.__table__.columns.keys())
    assert not {name for name in columns if "birth" in name or "date" in name} - {"created_at", "updated_at"}


def test_a_postcode_is_resolved_to_its_commune_and_coordinates(candidate):
    update_profile(candidate, _data(place="69100"))
    db.session.commit()
    _age, postcode, city, lat, lon, *_rest = _saved(candidate)
    assert (postcode, city) == ("69100", "Villeurbanne")
    assert lat == pytest.approx(45.77, abs=0.05) and lon == pytest.approx(4.88, abs=0.05)


@pytest.mark.parametrize(
    "typed",
    [
        "Villeurbanne",
        "villeurbanne",
        "  VILLEURBANNE ",
        "Villeurbanne (69100)",
        "69100 Villeurbanne",
        "69 100",
    ],
)
def test_a_commune_name_or_label_is_resolved_to_its_postcode(candidate, typed):
    update_profile(candidate, _data(place=typed))
    db.session.commit()
    assert _saved(candidate)[1:3] == ("69100", "Villeurbanne")


def test_commune_names_are_matched_without_accents_or_case(app):
    index = geo_index()
    assert resolve_place(index, "saint etienne").postcode == "42000"
    assert resolve_place(index, "EVREUX").name == "Évreux"


def test_an_arrondissement_postcode_keeps_the_city_name_and_its_own_point(app):
    index = geo_index()
    third = resolve_place(index, "Lyon (69003)")
    ninth = resolve_place(index, "69009")
    assert (third.name, third.postcode) == ("Lyon", "69003")
    assert (third.lat, third.lon) != (ninth.lat, ninth.lon)


@pytest.mark.parametrize("typed", ["99999", "00000", "Zzyzxville", "Villeurbanne (75001)"])
def test_an_unknown_place_is_refused_on_the_place_field(candidate, typed):
    error = _refused(candidate, place=typed)
    assert set(error.errors) == {"place"}


def test_an_unknown_commune_suggests_the_nearest_known_name(candidate):
    error = _refused(candidate, place="Villeurb")
    assert "Villeurbanne (69100)" in str(error.errors["place"])


def test_a_name_shared_by_several_communes_asks_for_the_postcode(candidate):
    error = _refused(candidate, place="Saint-Denis")
    message = str(error.errors["place"])
    assert "93200" in message and "97400" in message


def test_an_empty_place_clears_the_home_place(candidate):
    update_profile(candidate, _data(place=""))
    db.session.commit()
    assert _saved(candidate)[1:5] == ("", "", None, None)


@pytest.mark.parametrize("radius", [None, 0, 4, 101, 500, -10])
def test_a_radius_outside_5_to_100_km_is_refused(candidate, radius):
    error = _refused(candidate, radius_km=radius)
    assert set(error.errors) == {"radius_km"}


@pytest.mark.parametrize("radius", [5, 15, 100])
def test_a_radius_within_5_to_100_km_is_saved(candidate, radius):
    update_profile(candidate, _data(radius_km=radius))
    db.session.commit()
    assert _saved(candidate)[5] == radius


def test_slots_are_saved_in_week_order_without_duplicates(candidate):
    update_profile(candidate, _data(slots=["sat_morning", "wed_afternoon", "sat_morning"], flexible=True))
    db.session.commit()
    saved = _saved(candidate)
    assert saved[7] == ["wed_afternoon", "sat_morning"] and saved[8] is True


def test_all_21_slots_can_be_chosen(candidate):
    update_profile(candidate, _data(slots=list(SLOTS)))
    db.session.commit()
    assert len(_saved(candidate)[7]) == 21


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("slots", ["wed_afternoon", "wed_night"]),
        ("slots", ["wednesday_afternoon"]),
        ("domains", ["sante", "astrologie"]),
        ("wanted_kinds", ["ponctual", "forever"]),
    ],
)
def test_an_unknown_slot_cause_or_kind_is_refused_on_its_field(candidate, field, value):
    error = _refused(candidate, **{field: value})
    assert set(error.errors) == {field}


def test_skills_are_trimmed_and_deduplicated_case_insensitively(candidate):
    update_profile(candidate, _data(skills=["  cuisine ", "Cuisine", "permis   B", "", "PERMIS b", "Excel"]))
    db.session.commit()
    assert _saved(candidate)[10] == ["cuisine", "permis B", "Excel"]


def test_twenty_skills_of_sixty_characters_are_accepted(candidate):
    skills = [f"{number:02d}" + "x" * 58 for number in range(20)]
    update_profile(candidate, _data(skills=skills))
    db.session.commit()
    assert _saved(candidate)[10] == skills


def test_more_than_twenty_skills_are_refused(candidate):
    error = _refused(candidate, skills=[f"compétence {number}" for number in range(21)])
    assert set(error.errors) == {"skills"}


def test_a_skill_longer_than_sixty_characters_is_refused(candidate):
    error = _refused(candidate, skills=["cuisine", "x" * 61])
    assert set(error.errors) == {"skills"}


def test_about_is_limited_to_1000_characters(candidate):
    assert set(_refused(candidate, about="a" * 1001).errors) == {"about"}
    update_profile(candidate, _data(about="  " + "a" * 1000 + "  "))
    db.session.commit()
    assert _saved(candidate)[12] == "a" * 1000


def test_an_empty_first_name_is_refused(candidate):
    assert set(_refused(candidate, first_name="   ").errors) == {"first_name"}


@pytest.mark.parametrize("visible", [True, False])
def test_visibility_to_associations_is_saved(candidate, visible):
    update_profile(candidate, _data(visible_to_associations=visible))
    db.session.commit()
    assert _saved(candidate)[13] is visible


def test_every_broken_rule_is_reported_at_once(candidate):
    error = _refused(
        candidate,
        age_range="12-15",
        place="99999",
        radius_km=1,
        slots=["x"],
        domains=["x"],
        wanted_kinds=["x"],
        skills=["x" * 61],
        about="a" * 1001,
        first_name="",
    )
    assert set(error.errors) == {
        "age_range",
        "place",
        "radius_km",
        "slots",
        "domains",
        "wanted_kinds",
        "skills",
        "about",
        "first_name",
    }


def test_only_volunteers_have_a_profile(make):
    with pytest.raises(NotAllowed):
        update_profile(make.user("association"), _data())
    assert db.session.scalar(select(CandidateProfile)) is None


def test_a_candidate_without_a_profile_row_gets_one(make):
    user = make.user("candidate")
    db.session.delete(user.profile)
    db.session.commit()
    update_profile(user, _data())
    db.session.commit()
    assert _saved(user)[1] == "69100"


def test_clean_skills_keeps_the_first_spelling_and_the_typed_order():
    assert clean_skills(["Excel", " excel", "Cuisine  du monde", "cuisine du MONDE"]) == [
        "Excel",
        "Cuisine du monde",
    ]


def test_completeness_lists_what_is_missing(candidate):
    assert {anchor for anchor, _label in profile_completeness(candidate.profile).missing} == {
        "place",
        "slots",
        "domains",
        "wanted_kinds",
        "skills",
        "about",
    }
    update_profile(candidate, _data())
    db.session.commit()
    completeness = profile_completeness(candidate.profile)
    assert completeness.complete and completeness.percent == 100


# --- The page -------------------------------------------------------------------------------------


def test_the_form_shows_the_saved_profile(client, auth, candidate):
    update_profile(
        candidate, _data(place="Villeurbanne", slots=["wed_afternoon"], skills=["cuisine", "Excel"])
    )
    db.session.commit()
    auth.login_as(candidate)

    page = text_of(client.get("/espace/profil"))

    assert 'value="Villeurbanne (69100)"' in page
    assert _checked(page, "slot-wed_afternoon")
    assert not _checked(page, "slot-sat_morning")
    assert 'value="cuisine, Excel"' in page
    assert _checked(page, "domains-sante")


def test_a_valid_form_saves_the_profile_and_comes_back_to_it(client, auth, candidate):
    auth.login_as(candidate)

    response = client.post("/espace/profil", data=VALID_FORM)

    assert response.status_code == 302 and response.headers["Location"].endswith("/espace/profil")
    saved = _saved(candidate)
    assert saved[1:3] == ("69100", "Villeurbanne")
    assert saved[7] == ["wed_afternoon", "sat_morning"]
    assert saved[9] == ["education", "sante"]  # in the vocabulary's order
    assert saved[10] == ["cuisine", "permis B"]
    assert saved[13] is True


def test_unticked_boxes_are_saved_as_no(client, auth, candidate):
    auth.login_as(candidate)
    client.post("/espace/profil", data=VALID_FORM)
    form = {key: value for key, value in VALID_FORM.items() if key != "visible_to_associations"}

    client.post("/espace/profil", data=form)

    assert _saved(candidate)[13] is False


def test_a_rejected_form_keeps_what_was_typed_and_saves_nothing(client, auth, candidate):
    auth.login_as(candidate)
    before = _saved(candidate)
    form = {
        **VALID_FORM,
        "first_name": "Camillou",
        "place": "Zzyzxville",
        "radius_km": "15",
        "skills": "cuisine, jardinage",
        "about": "Mon texte tapé",
    }

    response = client.post("/espace/profil", data=form)

    assert response.status_code == 400
    page = text_of(response)
    assert 'id="place-error"' in page and 'aria-invalid="true"' in page
    assert 'value="Zzyzxville"' in page
    assert 'value="Camillou"' in page
    assert 'value="cuisine, jardinage"' in page
    assert "Mon texte tapé" in page
    assert _checked(page, "slot-wed_afternoon") and _checked(page, "slot-sat_morning")
    assert _checked(page, "domains-education")
    assert _checked(page, "wanted_kinds-ponctual")
    assert '<option selected value="15">' in page
    assert _saved(candidate) == before


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("age_range", "12-15"),
        ("place", "99999"),
        ("radius_km", "1000"),
        ("radius_km", "loin"),
        ("slots", ["wed_night"]),
        ("domains", ["astrologie"]),
        ("wanted_kinds", ["forever"]),
        ("skills", ", ".join(f"s{number}" for number in range(21))),
        ("about", "a" * 1001),
    ],
)
def test_each_refusal_is_shown_on_its_field(client, auth, candidate, field, value):
    auth.login_as(candidate)
    before = _saved(candidate)

    response = client.post("/espace/profil", data={**VALID_FORM, field: value})

    assert response.status_code == 400
    page = text_of(response)
    assert f'id="{field}-error"' in page
    assert page.count('class="field__error"') == 1
    assert f'href="#{field}"' in page  # the error summary links to the field
    assert _saved(candidate) == before


def test_the_page_has_no_birth_date_field_and_no_inline_script(client, auth, candidate):
    auth.login_as(candidate)
    page = text_of(client.get("/espace/profil"))
    names = set(re.findall(r'name="([^"]+)"', page))
    assert not {name for name in names if "birth" in name or "date" in name or "naissance" in name}
    assert 'type="date"' not in page
    assert "<script>" not in page and 'style="' not in page
    assert 'src="/static/js/profile.js"' in page


def test_the_availability_grid_is_a_table_with_a_label_per_checkbox(client, auth, candidate):
    auth.login_as(candidate)
    page = text_of(client.get("/espace/profil"))
    grid = page.split('data-testid="availability-grid"', 1)[1].split("</table>", 1)[0]
    assert grid.count('type="checkbox"') == 21
    assert grid.count('<th scope="row">') == 7 and grid.count('<th scope="col">') == 3
    assert grid.count('class="slot-grid__label"') == 21
    assert "Mercredi après-midi" in grid


def test_the_dashboard_invites_to_complete_the_profile(client, auth, candidate):
    auth.login_as(candidate)

    page = text_of(client.get("/espace"))

    assert 'data-testid="profile-card" data-complete="false"' in page
    assert 'href="/espace/profil#place"' in page
    assert 'href="/espace/candidatures"' in page
    assert 'href="/recherche"' in page


def test_the_dashboard_says_when_the_profile_is_complete(client, auth, candidate, make):
    update_profile(candidate, _data())
    make.application(make.mission(), candidate, status="pending")
    db.session.commit()
    auth.login_as(candidate)

    page = text_of(client.get("/espace"))

    assert 'data-testid="profile-card" data-complete="true"' in page
    assert 'href="/espace/profil"' in page


# --- Autocompletion endpoints ---------------------------------------------------------------------


def test_communes_by_name_put_the_biggest_first(client):
    response = client.get("/api/v1/communes?q=lyon")
    assert response.status_code == 200
    assert response.json[0] == {
        "name": "Lyon",
        "postcode": "69001",
        "departement": "69",
        "label": "Lyon (69001)",
    }
    assert len(response.json) <= 10


def test_communes_by_postcode_prefix(client):
    found = client.get("/api/v1/communes?q=6900").json
    assert found and len(found) <= 10
    assert all(item["postcode"].startswith("6900") for item in found)


def test_communes_ignore_accents_and_case(client):
    plain = client.get("/api/v1/communes?q=saint etienne").json
    assert plain == client.get("/api/v1/communes?q=SAINT-ÉTIENNE").json
    assert plain[0]["name"] == "Saint-Étienne"
    assert client.get("/api/v1/communes?q=evreux").json[0]["name"] == "Évreux"


@pytest.mark.parametrize("query", ["", "l", " l ", "6"])
def test_a_query_shorter_than_two_characters_gives_nothing(client, query):
    assert client.get("/api/v1/communes", query_string={"q": query}).json == []
    assert client.get("/api/v1/skills", query_string={"q": query}).json == []


def test_a_missing_query_gives_nothing(client):
    assert client.get("/api/v1/communes").json == []
    assert client.get("/api/v1/skills").json == []


def test_commune_answers_hold_reference_data_only(client, make):
    user = make.user("candidate", first_name="Lysandre", email="lysandre@example.fr")
    user.profile.skills = ["Lyre"]
    db.session.commit()

    response = client.get("/api/v1/communes?q=ly")

    assert all(set(item) == {"name", "postcode", "departement", "label"} for item in response.json)
    assert "lysandre" not in response.get_data(as_text=True).lower()


def test_autocompletion_answers_are_cacheable_and_set_no_cookie(client, auth, candidate):
    auth.login_as(candidate)
    for path in ("/api/v1/communes?q=lyon", "/api/v1/skills?q=cu"):
        response = client.get(path)
        assert response.headers["Cache-Control"] == "public, max-age=3600"
        assert response.mimetype == "application/json"
        assert "Set-Cookie" not in response.headers


def test_skills_come_from_published_missions_most_frequent_first(client, make):
    association = make.association()
    make.mission(association, skills=["Cuisine", "Permis B"])
    make.mission(association, skills=["cuisine", "Culture générale"])
    make.mission(association, skills=["cuisine"])
    make.mission(association, skills=["Cuir et couture"], status="draft")

    found = client.get("/api/v1/skills?q=cu").json

    assert found == ["cuisine", "Culture générale"]


def test_skills_are_matched_without_accents_on_any_word(client, make):
    make.mission(make.association(), skills=["Comptabilité associative", "Aide à la comptabilité"])
    assert client.get("/api/v1/skills?q=COMPTA").json == [
        "Aide à la comptabilité",
        "Comptabilité associative",
    ]
    assert client.get("/api/v1/skills?q=associat").json == ["Comptabilité associative"]


def test_a_skill_typed_by_one_volunteer_only_is_not_suggested(client, make):
    first = make.user("candidate")
    first.profile.skills = ["Langue des signes", "Ukrainien"]
    db.session.commit()
    assert client.get("/api/v1/skills?q=ukr").json == []

    second = make.user("candidate")
    second.profile.skills = ["ukrainien"]
    db.session.commit()
    assert client.get("/api/v1/skills?q=ukr").json == ["Ukrainien"]


def test_skill_suggestions_follow_the_database(app, make):
    association = make.association()
    mission = make.mission(association, skills=["Jardinage"])
    assert skill_suggestions("jar") == ["Jardinage"]
    mission.status = "closed"
    db.session.commit()
    assert skill_suggestions("jar") == []


def test_skill_vocabulary_is_limited_and_ranked():
    vocabulary = SkillVocabulary.build([["b1", "b2"], ["b2"], ["B2"]], [["b3"], ["b3"], ["b4"]])
    assert vocabulary.suggest("b") == ["b2", "b3", "b1"]
    assert vocabulary.suggest("b", limit=1) == ["b2"]


@pytest.fixture
def limited_client(app):
    # The limiter is one object shared by every app: give it back disabled and empty afterwards.
    was_enabled = limiter.enabled
    limited = build_app(RATELIMIT_ENABLED=True)
    try:
        with limited.app_context():
            yield limited.test_client()
    finally:
        limiter.reset()
        limiter.enabled = was_enabled


def test_autocompletion_is_rate_limited(limited_client):
    statuses = [limited_client.get("/api/v1/communes?q=ly").status_code for _ in range(61)]
    assert statuses[:60] == [200] * 60 and statuses[60] == 429
    assert limited_client.get("/api/v1/communes?q=ly").is_json
