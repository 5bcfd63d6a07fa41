"""The guided-search question flow, without Flask or a database."""

from __future__ import annotations

import pytest
from werkzeug.datastructures import MultiDict

from marketplace.assistant import flow

COMPLETE = {
    "causes": {"domains": ["aide-alimentaire", "seniors"], "words": "J'aime cuisiner"},
    "time": {"frequency": "weekly", "hours": 3},
    "when": {"choices": ["weekend"], "slots": ["wed_evening"]},
    "where": {
        "mode": "place",
        "place": "69007",
        "radius_km": 20,
        "remote_ok": False,
        "postcode": "69007",
        "city": "Lyon",
    },
    "skills": {"skills": ["cuisine"], "other_skills": "Excel, permis B", "kinds": ["support"]},
    "avoid": {"domains": ["sport"], "kinds": ["leadership"], "contexts": ["screen"]},
    "age": {"age_range": "36-50"},
    "company": {"company": "friend"},
}


def _form(**fields) -> MultiDict:
    items = []
    for name, value in fields.items():
        for one in value if isinstance(value, list) else [value]:
            items.append((name, one))
    return MultiDict(items)


# --- Steps, skips, navigation --------------------------------------------------------------------


def test_eight_questions_what_is_not_wanted_after_what_is():
    assert flow.STEPS == ("causes", "time", "when", "where", "skills", "avoid", "age", "company")
    assert flow.active_steps({}) == flow.STEPS


def test_alone_or_with_someone_is_skipped_for_missions_from_home():
    answers = {"where": {"mode": "remote"}}
    assert not flow.applies("company", answers)
    assert flow.active_steps(answers)[-1] == "age"
    assert flow.next_step("age", answers) is None
    assert flow.last_step(answers) == "age"


def test_next_and_previous_follow_the_order():
    assert flow.next_step("causes", {}) == "time"
    assert flow.previous_step("time", {}) == "causes"
    assert flow.previous_step("causes", {}) is None
    assert flow.next_step("company", {}) is None


def test_progress_counts_only_the_questions_asked():
    assert flow.progress("causes", {}) == flow.Progress(1, 8)
    assert flow.progress("age", {"where": {"mode": "remote"}}) == flow.Progress(7, 7)
    assert flow.progress("where", {}).percent == 50


def test_a_later_question_cannot_be_reached_before_the_earlier_ones():
    answers = {"causes": {"domains": []}}
    assert flow.first_unanswered(answers) == "time"
    assert flow.may_show("causes", answers)
    assert flow.may_show("time", answers)
    assert not flow.may_show("where", answers)
    assert flow.first_unanswered(COMPLETE) is None
    assert flow.may_show("company", COMPLETE)


def test_recording_an_answer_drops_answers_that_no_longer_apply():
    answers = flow.record(
        COMPLETE, "where", {"mode": "remote", "place": "", "radius_km": 20, "remote_ok": True}
    )
    assert "company" not in answers
    assert answers["causes"] == COMPLETE["causes"]
    assert flow.first_unanswered(answers) is None


def test_going_back_and_changing_an_answer_keeps_the_others():
    answers = flow.record(COMPLETE, "time", {"frequency": "once", "hours": None})
    assert answers["time"] == {"frequency": "once", "hours": None}
    assert {key: value for key, value in answers.items() if key != "time"} == {
        key: value for key, value in COMPLETE.items() if key != "time"
    }


# --- Validation, step by step --------------------------------------------------------------------


def test_causes_accept_known_domains_and_free_words():
    result = flow.validate_step(
        "causes", _form(domains=["seniors", "aide-alimentaire"], words="  lire   aux enfants ")
    )
    assert result.ok
    assert result.answer == {"domains": ["aide-alimentaire", "seniors"], "words": "lire aux enfants"}


def test_causes_may_be_left_empty():
    assert flow.validate_step("causes", _form()).ok


def test_an_unknown_domain_is_refused():
    result = flow.validate_step("causes", _form(domains=["seniors", "licornes"]))
    assert result.errors == {"domains": "unknown_domain"}
    assert result.answer["domains"] == ["seniors"]


def test_free_words_are_limited():
    assert flow.validate_step("causes", _form(words="x" * 301)).errors == {"words": "words_too_long"}


@pytest.mark.parametrize(
    ("fields", "errors", "hours"),
    [
        ({"frequency": "once", "hours": "4"}, {}, None),
        ({"frequency": "weekly", "hours": "4"}, {}, 4),
        ({"frequency": "weekly", "hours": "0"}, {"hours": "hours_out_of_range"}, "0"),
        ({"frequency": "weekly", "hours": "beaucoup"}, {"hours": "hours_out_of_range"}, "beaucoup"),
        ({"frequency": "weekly", "hours": "36"}, {"hours": "hours_out_of_range"}, "36"),
        ({"frequency": "daily"}, {"frequency": "choose_frequency"}, None),
        ({}, {"frequency": "choose_frequency"}, None),
    ],
)
def test_time_needs_a_frequency_and_hours_only_every_week(fields, errors, hours):
    result = flow.validate_step("time", _form(**fields))
    assert result.errors == errors
    assert result.answer["hours"] == hours


def test_when_takes_simple_choices_and_grid_slots():
    result = flow.validate_step("when", _form(choices=["evenings", "weekend"], slots=["wed_afternoon"]))
    assert result.ok
    assert result.answer == {"choices": ["weekend", "evenings"], "slots": ["wed_afternoon"]}


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({}, "choose_when"),
        ({"choices": ["midnight"]}, "unknown_slot"),
        ({"slots": ["mon_night"]}, "unknown_slot"),
    ],
)
def test_when_refuses_nothing_and_unknown_moments(fields, error):
    assert flow.validate_step("when", _form(**fields)).errors == {"choices": error}


@pytest.mark.parametrize(
    "place", ["69007", "69 007", "Villeurbanne", "Saint-Étienne", "Villeurbanne (69100)", "Lyon 69007"]
)
def test_a_postcode_or_a_commune_name_is_accepted(place):
    result = flow.validate_step("where", _form(mode="place", place=place, radius_km="20"))
    assert result.ok, result.errors
    assert result.answer["radius_km"] == 20


@pytest.mark.parametrize("place", ["6900", "690077", "69-00", "Lyon 690", "12"])
def test_a_malformed_postcode_is_refused(place):
    result = flow.validate_step("where", _form(mode="place", place=place, radius_km="20"))
    assert result.errors == {"place": "postcode_malformed"}
    assert result.answer["place"] == place  # kept as typed


def test_a_place_is_required_near_a_place():
    assert flow.validate_step("where", _form(mode="place", place=" ")).errors == {"place": "place_required"}


@pytest.mark.parametrize("radius", ["4", "101", "0", "loin", "-5"])
def test_a_radius_outside_5_to_100_km_is_refused(radius):
    result = flow.validate_step("where", _form(mode="place", place="69007", radius_km=radius))
    assert result.errors == {"radius_km": "radius_out_of_range"}
    assert result.answer["radius_km"] == radius


@pytest.mark.parametrize("radius", ["5", "100"])
def test_the_radius_bounds_are_included(radius):
    assert flow.validate_step("where", _form(mode="place", place="69007", radius_km=radius)).ok


def test_from_home_needs_no_place_and_accepts_remote():
    result = flow.validate_step("where", _form(mode="remote", place="6900", radius_km="999"))
    assert result.ok
    assert result.answer == {"mode": "remote", "place": "", "radius_km": 20, "remote_ok": True}


def test_an_unknown_where_mode_is_refused():
    assert flow.validate_step("where", _form(mode="moon")).errors == {"mode": "choose_where"}


def test_skills_mix_cards_and_typed_words_without_duplicates():
    result = flow.validate_step(
        "skills",
        _form(skills=["cuisine", "accueil"], other_skills="Cuisine; Excel, permis B", kinds=["support"]),
    )
    assert result.ok
    assert result.answer == {
        "skills": ["accueil", "cuisine"],
        "other_skills": "Cuisine, Excel, permis B",
        "kinds": ["support"],
    }
    answers = {**COMPLETE, "skills": result.answer}
    assert flow.answered_skills(answers) == ["accueil", "cuisine", "Excel", "permis B"]


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"skills": ["jonglage"]}, {"skills": "unknown_choice"}),
        ({"kinds": ["ponctual"]}, {"skills": "unknown_choice"}),
        ({"other_skills": ", ".join(f"skill {n}" for n in range(21))}, {"other_skills": "too_many_skills"}),
        ({"other_skills": "x" * 61}, {"other_skills": "skill_too_long"}),
    ],
)
def test_skills_refuse_unknown_choices_and_too_much(fields, error):
    assert flow.validate_step("skills", _form(**fields)).errors == error


def test_skills_may_be_skipped():
    assert flow.validate_step("skills", _form()).ok


@pytest.mark.parametrize("age_range", ["16-17", "66+"])
def test_age_range_is_one_of_the_vocabulary(age_range):
    assert flow.validate_step("age", _form(age_range=age_range)).ok


@pytest.mark.parametrize("age_range", ["", "12-15", "42"])
def test_an_unknown_age_range_is_refused(age_range):
    assert flow.validate_step("age", _form(age_range=age_range)).errors == {"age_range": "choose_age_range"}


def test_company_is_one_of_the_choices():
    assert flow.validate_step("company", _form(company="family")).ok
    assert flow.validate_step("company", _form(company="cat")).errors == {"company": "choose_company"}


def test_plain_dicts_work_like_form_data():
    assert flow.validate_step("causes", {"domains": "seniors"}).answer["domains"] == ["seniors"]


def test_an_unknown_step_is_a_programming_error():
    with pytest.raises(KeyError):
        flow.validate_step("colour", {})


# --- Answers → request ---------------------------------------------------------------------------


def test_answers_become_a_recommendation_request():
    request = flow.build_request(COMPLETE)
    assert request.age_range == "36-50"
    assert request.postcode == "69007"
    assert request.radius_km == 20
    assert request.domains == ("aide-alimentaire", "seniors")
    assert request.skills == ("cuisine", "Excel", "permis B")
    assert set(request.slots) == {
        "sat_morning",
        "sat_afternoon",
        "sat_evening",
        "sun_morning",
        "sun_afternoon",
        "sun_evening",
        "wed_evening",
    }
    assert not request.flexible
    assert request.kinds == ("support",)
    assert request.about == "J'aime cuisiner"
    assert request.max_hours_per_week == 3
    assert request.group_size == 2
    assert not request.remote_only


def test_the_request_has_the_shape_of_the_public_api():
    payload = flow.build_request(COMPLETE).to_api_payload()
    assert set(payload) == {
        "age_range",
        "postcode",
        "radius_km",
        "remote_ok",
        "domains",
        "skills",
        "slots",
        "flexible",
        "kinds",
        "avoid_domains",
        "avoid_kinds",
        "avoid_contexts",
        "about",
    }
    assert payload["postcode"] == "69007"
    assert (payload["avoid_domains"], payload["avoid_kinds"], payload["avoid_contexts"]) == (
        ["sport"],
        ["leadership"],
        ["screen"],
    )
    assert payload["flexible"] is False


def test_the_request_payload_is_accepted_by_the_api_parser(monkeypatch):
    from marketplace.api import recommendation_params

    monkeypatch.setattr(recommendation_params, "place_for", lambda _postcode: None)
    payload = flow.build_request(COMPLETE).to_api_payload()
    payload.pop("postcode")
    facts, _limit = recommendation_params.parse_answers(payload)
    assert facts.avoid_domains == ("sport",) and facts.avoid_kinds == ("leadership",)
    assert facts.avoid_contexts == ("screen",) and not facts.flexible


def test_once_asks_for_one_off_missions_and_no_hours():
    answers = {**COMPLETE, "time": {"frequency": "once", "hours": None}}
    request = flow.build_request(answers)
    assert request.kinds == ("ponctual", "support")
    assert request.max_hours_per_week is None


def test_whenever_suits_means_flexible_without_slots():
    answers = {**COMPLETE, "when": {"choices": ["anytime", "weekend"], "slots": []}}
    assert flow.answered_slots(answers) == ((), True)


def test_from_home_gives_a_remote_only_request_without_place():
    answers = {**COMPLETE, "where": {"mode": "remote", "place": "", "radius_km": 20, "remote_ok": True}}
    request = flow.build_request(answers)
    assert request.remote_only and request.remote_ok
    assert not request.located
    assert "postcode" not in request.to_api_payload()


def test_a_commune_name_is_kept_for_the_service_to_resolve():
    answers = {**COMPLETE, "where": {"mode": "place", "place": "Villeurbanne", "radius_km": 10}}
    request = flow.build_request(answers)
    assert (request.postcode, request.place, request.radius_km) == ("", "Villeurbanne", 10)
    assert request.located


def test_the_age_range_is_required_for_a_request():
    with pytest.raises(ValueError):
        flow.build_request({key: value for key, value in COMPLETE.items() if key != "age"})


# --- Refinements and relaxation ------------------------------------------------------------------


def test_closer_takes_the_next_smaller_radius():
    request = flow.build_request(COMPLETE)
    assert flow.refine(request, "closer").radius_km == 10
    assert flow.refine(flow.refine(flow.refine(request, "closer"), "closer"), "closer").radius_km == 5


def test_other_days_asks_for_missions_at_other_times_apart_and_keeps_the_slots():
    request = flow.build_request(COMPLETE)
    other_days = flow.refine(request, "other_days")
    assert other_days.show_other_times
    assert other_days.slots == request.slots and not other_days.flexible
    assert "other_days" not in flow.available_refinements(other_days)
    assert flow.refine(request, "other_causes").other_causes


def test_other_days_is_not_offered_to_someone_free_whenever():
    request = flow.build_request({**COMPLETE, "when": {"choices": ["anytime"], "slots": []}})
    assert not request.has_fixed_hours
    assert "other_days" not in flow.available_refinements(request)
    assert flow.refine(request, "other_days") == request


def test_only_useful_refinements_are_offered():
    request = flow.build_request(COMPLETE)
    assert flow.available_refinements(request) == ("closer", "other_days", "other_causes")
    smallest = flow.refine(flow.refine(flow.refine(request, "closer"), "closer"), "closer")
    assert "closer" not in flow.available_refinements(smallest)
    remote = flow.build_request({**COMPLETE, "where": {"mode": "remote"}, "causes": {"domains": []}})
    assert "closer" not in flow.available_refinements(remote)
    assert "other_causes" not in flow.available_refinements(remote)
    assert flow.refine(request, "nonsense") == request


def test_relaxation_loosens_one_thing_at_a_time_never_age_days_or_what_is_ruled_out():
    request = flow.build_request(COMPLETE)
    steps = flow.relaxations(request)
    assert [what for what, _ in steps] == ["group", "hours", "causes", "distance", "remote"]
    loosest = steps[-1][1]
    assert loosest.group_size == 1 and loosest.max_hours_per_week is None
    assert loosest.domains == () and loosest.radius_km == 100 and loosest.remote_ok
    for _, looser in steps:
        assert looser.age_range == "36-50"
        assert looser.slots == request.slots and not looser.flexible
        assert (looser.avoid_domains, looser.avoid_kinds, looser.avoid_contexts) == (
            ("sport",),
            ("leadership",),
            ("screen",),
        )


def test_nothing_to_relax_for_open_answers():
    answers = {
        **COMPLETE,
        "causes": {"domains": []},
        "time": {"frequency": "sometimes"},
        "when": {"choices": ["anytime"]},
        "where": {"mode": "remote"},
    }
    assert flow.relaxations(flow.build_request(answers)) == []


# --- Answers → profile ---------------------------------------------------------------------------


def test_profile_fields_take_the_resolved_place():
    fields = flow.profile_fields(COMPLETE)
    assert fields["place"] == "Lyon (69007)"
    assert fields["age_range"] == "36-50"
    assert fields["domains"] == ["aide-alimentaire", "seniors"]
    assert fields["skills"] == ["cuisine", "Excel", "permis B"]
    assert fields["wanted_kinds"] == ["support"]
    assert "wed_evening" in fields["slots"] and not fields["flexible"]
    assert fields["about"] == "J'aime cuisiner"
    assert fields["avoid_domains"] == ["sport"]
    assert fields["avoid_kinds"] == ["leadership"]
    assert fields["avoid_contexts"] == ["screen"]


# --- What is not wanted ----------------------------------------------------------------------------


def test_what_is_not_wanted_may_be_left_empty():
    result = flow.validate_step("avoid", _form(), COMPLETE)
    assert result.ok
    assert result.answer == {"domains": [], "kinds": [], "contexts": []}


def test_what_is_not_wanted_is_kept_in_vocabulary_order():
    form = _form(
        avoid_domains=["sport", "animaux"], avoid_kinds=["ponctual"], avoid_contexts=["physical", "screen"]
    )
    result = flow.validate_step("avoid", form, COMPLETE)
    assert result.ok
    assert result.answer == {
        "domains": ["animaux", "sport"],
        "kinds": ["ponctual"],
        "contexts": ["screen", "physical"],
    }


@pytest.mark.parametrize(
    ("fields", "errors"),
    [
        ({"avoid_domains": ["seniors"]}, {"avoid_domains": "avoid_chosen_domain"}),
        ({"avoid_kinds": ["support"]}, {"avoid_kinds": "avoid_chosen_kind"}),
        ({"avoid_kinds": ["ponctual", "support", "leadership"]}, {"avoid_kinds": "avoid_chosen_kind"}),
        ({"avoid_domains": ["nope"]}, {"avoid_domains": "unknown_choice"}),
        ({"avoid_kinds": ["nope"]}, {"avoid_kinds": "unknown_choice"}),
        ({"avoid_contexts": ["noise"]}, {"avoid_contexts": "unknown_choice"}),
    ],
)
def test_what_is_not_wanted_cannot_contradict_earlier_answers(fields, errors):
    result = flow.validate_step("avoid", _form(**fields), COMPLETE)
    assert result.errors == errors


def test_one_off_time_means_one_off_missions_cannot_be_avoided():
    answers = {**COMPLETE, "time": {"frequency": "once", "hours": None}}
    result = flow.validate_step("avoid", _form(avoid_kinds=["ponctual"]), answers)
    assert result.errors == {"avoid_kinds": "avoid_chosen_kind"}


def test_every_kind_or_every_cause_cannot_be_avoided():
    open_answers = {**COMPLETE, "causes": {"domains": []}, "skills": {"kinds": []}}
    every_kind = flow.validate_step("avoid", _form(avoid_kinds=list(flow.MISSION_KIND_SLUGS)), open_answers)
    assert every_kind.errors == {"avoid_kinds": "avoid_every_kind"}
    every_cause = flow.validate_step("avoid", _form(avoid_domains=list(flow.DOMAIN_SLUGS)), open_answers)
    assert every_cause.errors == {"avoid_domains": "avoid_every_domain"}


def test_choosing_a_cause_again_later_removes_it_from_what_is_avoided():
    answers = flow.record(COMPLETE, "causes", {"domains": ["sport"], "words": ""})
    assert answers["avoid"]["domains"] == []
    assert answers["avoid"]["contexts"] == ["screen"]
    answers = flow.record(answers, "skills", {"skills": [], "other_skills": "", "kinds": ["leadership"]})
    assert answers["avoid"]["kinds"] == []
    assert flow.build_request(answers).avoid_kinds == ()
