"""The matching engine: hard filters, score signals, reasons, incremental updates, similar missions
and candidates for a mission (pure: no app, no database)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta

import numpy as np
import pytest
import scipy.sparse as sp

from marketplace.matching import (
    CandidateFacts,
    HistoryItem,
    MatchingEngine,
    MissionFacts,
    Weights,
    render_reason_fr,
)
from marketplace.matching import reasons as R
from marketplace.matching.store import append_columns as _append_columns
from marketplace.matching.store import keep_columns as _keep_columns
from marketplace.matching.text import TextModel, mission_text
from marketplace.matching.weights import FEATURE_NAMES, Blend
from marketplace.reference.distance import haversine_km

TODAY = date(2025, 5, 12)  # a Monday
WEDNESDAY = date(2025, 5, 21)
LYON = (45.7640, 4.8357)
THREE_KM_NORTH = (LYON[0] + 3 / 111.2, LYON[1])
VILLEURBANNE = (45.7719, 4.8902)  # 4.4 km from LYON
PARIS = (48.8566, 2.3522)

# Unrelated missions far away: they give the vocabulary some variety and never pass a Lyon radius.
FILLER = [
    MissionFacts(
        id=900 + n,
        title=title,
        description=description,
        domain=domain,
        kind="ponctual",
        association_id=90,
        association_name="Association de Paris",
        schedule="recurring",
        slots=("sat_morning",),
        lat=PARIS[0],
        lon=PARIS[1],
    )
    for n, (title, description, domain) in enumerate(
        [
            ("Nettoyage des berges", "Ramasser les déchets le long de la Seine.", "environnement"),
            ("Promenade des chiens", "Sortir les chiens du refuge et les sociabiliser.", "animaux"),
            ("Maraude du soir", "Aller à la rencontre des personnes à la rue.", "solidarite-insertion"),
            ("Concert en maison de retraite", "Jouer de la guitare pour les résidents.", "culture"),
            ("Atelier informatique", "Aider des seniors à utiliser leur tablette.", "numerique"),
        ]
    )
]


def mission(mission_id: int, title: str = "Aide aux devoirs le mercredi", **overrides) -> MissionFacts:
    """A published recurring mission in Lyon on Wednesday afternoons, unless overridden."""
    values = {
        "description": "Aider des collégiens à faire leurs devoirs de mathématiques et de français.",
        "domain": "education",
        "kind": "ponctual",
        "association_id": 1,
        "association_name": "Coup de Pouce Scolaire",
        "schedule": "recurring",
        "slots": ("wed_afternoon",),
        "lat": LYON[0],
        "lon": LYON[1],
        "city": "Lyon",
    }
    values.update(overrides)
    return MissionFacts(id=mission_id, title=title, **values)


def candidate(**overrides) -> CandidateFacts:
    """An adult in Lyon with a 10 km radius and nothing else, unless overridden."""
    values = {"age_range": "26-35", "lat": LYON[0], "lon": LYON[1], "radius_km": 10}
    values.update(overrides)
    return CandidateFacts(**values)


def done(association_id: int, name: str, *, kind="ponctual", schedule="one_off", status="completed", n=1):
    """``n`` history items with one association."""
    return tuple(
        HistoryItem(
            mission_id=800 + association_id * 10 + i,
            association_id=association_id,
            association_name=name,
            kind=kind,
            schedule=schedule,
            status=status,
            title="Collecte alimentaire",
        )
        for i in range(n)
    )


def engine_with(*missions: MissionFacts, **kwargs) -> MatchingEngine:
    return MatchingEngine.fit([*missions, *FILLER], **kwargs)


def ids(recommendations) -> list[int]:
    return [r.mission_id for r in recommendations]


def recommended(engine: MatchingEngine, person: CandidateFacts, **kwargs) -> list[int]:
    return ids(engine.recommend(person, limit=50, today=kwargs.pop("today", TODAY), **kwargs))


def reasons_of(engine: MatchingEngine, person: CandidateFacts, mission_id: int) -> dict[str, dict]:
    """Reason code -> params of one recommended mission."""
    for recommendation in engine.recommend(person, limit=50, today=TODAY):
        if recommendation.mission_id == mission_id:
            return {reason.code: dict(reason.params) for reason in recommendation.reasons}
    raise AssertionError(f"mission {mission_id} not recommended")


def sentences_of(engine: MatchingEngine, person: CandidateFacts, mission_id: int) -> list[str]:
    for recommendation in engine.recommend(person, limit=50, today=TODAY):
        if recommendation.mission_id == mission_id:
            return [render_reason_fr(reason) for reason in recommendation.reasons]
    raise AssertionError(f"mission {mission_id} not recommended")


# --- hard filters ---------------------------------------------------------------------------------


@pytest.mark.parametrize("status", ["draft", "pending_review", "closed", "cancelled"])
def test_only_published_missions_are_recommended(status):
    engine = engine_with(mission(1), mission(2, status=status))
    assert recommended(engine, candidate()) == [1]


def test_missions_without_seats_left_are_not_recommended():
    engine = engine_with(mission(1), mission(2, seats_left=0))
    assert recommended(engine, candidate()) == [1]


def test_missions_over_before_today_are_not_recommended():
    yesterday, tomorrow = TODAY - timedelta(days=1), TODAY + timedelta(days=1)
    engine = engine_with(
        mission(1, schedule="one_off", slots=(), start_date=yesterday),
        mission(2, schedule="one_off", slots=(), start_date=TODAY),
        mission(3, schedule="one_off", slots=(), start_date=yesterday, end_date=tomorrow),
        mission(4, end_date=yesterday),  # a recurring mission that ended
        mission(5, end_date=TODAY),
        mission(6),  # recurring, no end
    )
    assert sorted(recommended(engine, candidate())) == [2, 3, 5, 6]
    assert sorted(recommended(engine, candidate(), today=tomorrow)) == [3, 6]


def test_minors_only_see_missions_open_from_16():
    engine = engine_with(mission(1, min_age=16), mission(2, min_age=17), mission(3, min_age=18))
    assert recommended(engine, candidate(age_range="16-17")) == [1]
    assert sorted(recommended(engine, candidate(age_range="18-25"))) == [1, 2, 3]


@pytest.mark.parametrize(
    ("age_range", "expected"),
    [("18-25", [1, 2]), ("26-35", [2]), ("36-50", [2, 3]), ("51-65", [2, 3]), ("66+", [2])],
)
def test_adult_age_ranges_pass_only_when_the_whole_range_may_take_part(age_range, expected):
    engine = engine_with(
        mission(1, min_age=18, max_age=30),
        mission(2, min_age=18),
        mission(3, min_age=30, max_age=65),
    )
    assert sorted(recommended(engine, candidate(age_range=age_range))) == expected


def test_missions_beyond_the_radius_are_filtered_out():
    engine = engine_with(mission(1, lat=VILLEURBANNE[0], lon=VILLEURBANNE[1]))
    assert recommended(engine, candidate(radius_km=5)) == [1]
    assert recommended(engine, candidate(radius_km=4)) == []


def test_remote_missions_reach_candidates_who_accept_remote_work_wherever_they_live():
    engine = engine_with(mission(1, lat=PARIS[0], lon=PARIS[1], remote=True), mission(2, remote=True))
    assert sorted(recommended(engine, candidate(remote_ok=True))) == [1, 2]
    # Without remote_ok a remote mission still needs to be within the radius.
    assert recommended(engine, candidate(remote_ok=False)) == [2]


def test_a_remote_mission_without_a_place_needs_remote_ok():
    engine = engine_with(mission(1, lat=None, lon=None, remote=True))
    assert recommended(engine, candidate(remote_ok=False)) == []
    assert 1 not in recommended(engine, candidate(lat=None, lon=None, remote_ok=False))
    assert 1 in recommended(engine, candidate(lat=None, lon=None, remote_ok=True))


def test_an_on_site_mission_without_coordinates_is_kept():
    engine = engine_with(mission(1, lat=None, lon=None))
    recommendation = engine.recommend(candidate(), limit=5, today=TODAY)[0]
    assert recommendation.mission_id == 1 and recommendation.distance_km is None


def test_a_candidate_without_location_sees_missions_anywhere():
    engine = engine_with(mission(1, lat=PARIS[0], lon=PARIS[1]))
    assert 1 in recommended(engine, candidate(lat=None, lon=None))


def test_leadership_missions_wait_for_the_regular_stage_unless_asked_for():
    engine = engine_with(mission(1, kind="leadership"), mission(2))
    assert recommended(engine, candidate()) == [2]
    assert recommended(engine, candidate(history=done(5, "Le Panier", n=1))) == [2]  # ponctual
    assert 1 in recommended(engine, candidate(history=done(5, "Le Panier", n=3)))  # regular
    assert 1 in recommended(engine, candidate(history=done(5, "Le Panier", kind="support")))  # skills
    assert 1 in recommended(engine, candidate(wanted_kinds=("leadership",)))


def test_missions_already_taken_or_excluded_are_not_recommended():
    taken = HistoryItem(mission_id=1, association_id=1, schedule="recurring", status="accepted")
    engine = engine_with(mission(1), mission(2), mission(3))
    assert recommended(engine, candidate(history=(taken,))) == [2, 3]
    assert recommended(engine, candidate(), exclude=[2]) == [1, 3]


def test_next_step_only_keeps_the_missions_of_the_next_step():
    engine = engine_with(
        mission(1),  # recurring
        mission(2, schedule="one_off", slots=(), start_date=WEDNESDAY),
        mission(3, kind="support", skills=("Comptabilité",)),
    )
    newcomer = candidate()
    assert recommended(engine, newcomer, next_step_only=True) == [2]  # a first one-off mission
    ponctual = candidate(history=done(5, "Le Panier"))
    assert sorted(recommended(engine, ponctual, next_step_only=True)) == [1, 3]  # recurring ones
    regular = candidate(history=done(5, "Le Panier", schedule="recurring"))
    assert recommended(engine, regular, next_step_only=True) == [3]  # support


def test_limit_and_empty_engine():
    engine = engine_with(*(mission(n) for n in range(1, 8)))
    assert len(engine.recommend(candidate(), limit=3, today=TODAY)) == 3
    assert engine.recommend(candidate(), limit=0, today=TODAY) == []
    empty = MatchingEngine(TextModel.fit(["aide aux devoirs", "collecte"])[0])
    assert empty.recommend(candidate(), today=TODAY) == []


# --- signals and ranking --------------------------------------------------------------------------


def test_a_mission_the_candidate_cannot_attend_is_not_recommended():
    engine = engine_with(mission(1, slots=("mon_morning",)), mission(2, slots=("wed_afternoon",)))
    assert recommended(engine, candidate(slots=("wed_afternoon",))) == [2]
    assert recommended(engine, candidate(slots=("mon_morning",))) == [1]
    assert recommended(engine, candidate(slots=("mon_morning",), flexible=True)) == [1, 2]


def test_a_one_off_mission_is_matched_on_its_weekday_and_time_of_day():
    engine = engine_with(
        mission(1, schedule="one_off", slots=(), start_date=WEDNESDAY, day_parts=("morning",)),
        mission(2, schedule="one_off", slots=(), start_date=WEDNESDAY, day_parts=("afternoon",)),
        mission(3, schedule="one_off", slots=(), start_date=WEDNESDAY + timedelta(days=1)),  # Thursday
    )
    person = candidate(slots=("wed_afternoon",))
    assert recommended(engine, person) == [2]  # Wednesday morning and Thursday: cannot attend
    params = reasons_of(engine, person, 2)[R.AVAILABILITY]
    assert params == {"slots": ["wed_afternoon"], "date": "2025-05-21"}
    other_times = engine.recommend_other_times(person, limit=5, today=TODAY)
    assert [r.mission_id for r in other_times] == [1, 3]
    assert all(r.outside_request == ("time",) for r in other_times)
    assert all(r.code != R.AVAILABILITY for item in other_times for r in item.reasons)


def test_a_one_off_mission_without_a_time_fits_any_part_of_its_day_but_claims_no_availability():
    engine = engine_with(mission(1, schedule="one_off", slots=(), start_date=WEDNESDAY))
    assert recommended(engine, candidate(slots=("wed_evening",))) == [1]
    assert R.AVAILABILITY not in reasons_of(engine, candidate(slots=("wed_evening",)), 1)
    assert recommended(engine, candidate(slots=("thu_evening",))) == []


def test_nearer_missions_rank_higher():
    engine = engine_with(mission(1, lat=VILLEURBANNE[0], lon=VILLEURBANNE[1]), mission(2))
    results = engine.recommend(candidate(), limit=5, today=TODAY)
    assert ids(results) == [2, 1]
    assert results[1].distance_km == pytest.approx(haversine_km(LYON[0], LYON[1], *VILLEURBANNE), abs=0.1)


def test_text_similarity_ranks_what_the_candidate_wrote():
    engine = engine_with(
        mission(1, "Promenade des chiens du refuge", description="Sortir les chiens.", domain="animaux"),
        mission(2, "Aide aux devoirs", description="Aider des collégiens en mathématiques."),
    )
    person = candidate(about="J'adore les chiens et je voudrais aider un refuge.")
    assert recommended(engine, person) == [1, 2]


def test_chosen_domains_and_wanted_kinds_rank_higher():
    engine = engine_with(mission(1, domain="sport"), mission(2, domain="culture"))
    assert recommended(engine, candidate(domains=("culture",))) == [2, 1]
    engine = engine_with(mission(1), mission(2, kind="support"))
    assert recommended(engine, candidate(wanted_kinds=("support",))) == [2]  # the asked kind alone


def test_after_one_off_missions_recurring_ones_come_first_those_of_known_associations_first():
    engine = engine_with(
        mission(1, schedule="one_off", slots=(), start_date=WEDNESDAY, association_id=2),
        mission(2, association_id=2),  # recurring, another association
        mission(3, association_id=7, association_name="Le Panier Solidaire"),  # recurring, known
    )
    person = candidate(history=done(7, "Le Panier Solidaire", n=2))
    assert recommended(engine, person) == [3, 2, 1]


def test_after_regular_missions_support_missions_matching_skills_come_first():
    engine = engine_with(
        mission(1),
        mission(2, kind="support", skills=("Communication",)),
        mission(3, kind="support", skills=("Comptabilité",)),
    )
    regular = candidate(skills=("Comptabilité",), history=done(5, "Le Panier", schedule="recurring"))
    # The order of the other two is the learned blend's call (pathway nudge vs missing skill).
    assert recommended(engine, regular)[0] == 3


def test_support_missions_whose_skills_the_candidate_lacks_rank_lower():
    engine = engine_with(mission(1, kind="support", skills=("Comptabilité",)), mission(2))
    assert recommended(engine, candidate(skills=("Anglais",))) == [2, 1]


def test_scores_stay_between_0_and_1_and_ties_go_to_the_smaller_id():
    engine = engine_with(mission(3), mission(1), mission(2))
    results = engine.recommend(candidate(), limit=5, today=TODAY)
    assert ids(results) == [1, 2, 3]
    assert all(0.0 <= r.score <= 1.0 for r in results)


def test_the_blend_names_known_features_and_the_similar_blend_sums_to_one():
    w = Weights()
    similar = (
        w.similar_text + w.similar_domain + w.similar_skills + w.similar_association + w.similar_distance
    )
    assert similar == pytest.approx(1.0)
    with pytest.raises(AttributeError):
        w.neutral = 0.5  # type: ignore[misc]
    blend = Blend.load()
    assert set(blend.names) <= set(FEATURE_NAMES) and len(blend.names) == len(blend.weights)
    # Chosen domains weigh more than the first-mission nudge (the festival case).
    assert blend.weight("domain") > blend.weight("pathway") * Weights().pathway_first


def test_custom_weights_change_the_ranking():
    near = mission(1, domain="sport")
    far_in_domain = mission(2, lat=VILLEURBANNE[0], lon=VILLEURBANNE[1])
    person = candidate(domains=("education",))
    assert recommended(engine_with(near, far_in_domain), person) == [2, 1]
    distance_only = Blend.of({"distance": 1.0})
    assert recommended(engine_with(near, far_in_domain, blend=distance_only), person) == [1, 2]


# --- reasons ----------------------------------------------------------------------------------------


def test_every_recommendation_has_one_to_three_json_friendly_reasons():
    engine = engine_with(*(mission(n, domain=d) for n, d in enumerate(["education", "sport", "culture"], 1)))
    for person in (candidate(), candidate(slots=("wed_afternoon",), domains=("sport",), age_range="16-17")):
        for recommendation in engine.recommend(person, limit=10, today=TODAY):
            assert 1 <= len(recommendation.reasons) <= 3
            assert json.loads(json.dumps([reason.to_dict() for reason in recommendation.reasons]))


def test_availability_reason():
    engine = engine_with(mission(1))
    person = candidate(slots=("wed_afternoon", "sat_morning"))
    assert "Vous êtes disponible le mercredi après-midi" in sentences_of(engine, person, 1)


def test_distance_reason():
    engine = engine_with(mission(1, lat=THREE_KM_NORTH[0], lon=THREE_KM_NORTH[1]))
    assert "À 3 km de chez vous" in sentences_of(engine, candidate(radius_km=5), 1)


def test_remote_reason():
    engine = engine_with(mission(1, lat=None, lon=None, remote=True))
    assert "À distance : vous pouvez agir de chez vous" in sentences_of(engine, candidate(remote_ok=True), 1)


def test_pathway_reason_names_the_association_already_helped():
    engine = engine_with(mission(1, association_id=7, association_name="Les Restos du Cœur"))
    person = candidate(history=done(7, "Les Restos du Cœur", n=2))
    assert sentences_of(engine, person, 1)[0] == (
        "Vous avez déjà aidé Les Restos du Cœur deux fois : cette mission régulière est la suite logique"
    )


def test_pathway_reason_without_the_next_step_only_recalls_the_association():
    one_off = mission(1, schedule="one_off", slots=(), start_date=WEDNESDAY, association_id=7)
    engine = engine_with(replace(one_off, association_name="Les Restos du Cœur"))
    person = candidate(history=done(7, "Les Restos du Cœur", n=2))
    assert "Vous avez déjà aidé Les Restos du Cœur deux fois" in sentences_of(engine, person, 1)


def test_pathway_reason_for_the_next_step():
    engine = engine_with(mission(1))
    person = candidate(history=done(7, "Le Panier", n=1))
    assert reasons_of(engine, person, 1)[R.PATHWAY_NEXT_STEP]["step"] == "go_regular"
    assert "Après votre première mission, un engagement régulier est l'étape suivante" in sentences_of(
        engine, person, 1
    )


def test_skill_reason():
    # The whole skill asked: half of two skills adds less than ``reason_min_contribution`` with
    # some fitted weights, and a reason must weigh that much to be shown.
    engine = engine_with(mission(1, kind="support", skills=("Comptabilité",)))
    assert "Compétence recherchée : comptabilité" in sentences_of(
        engine, candidate(skills=("comptabilité",)), 1
    )


def test_domain_reason():
    engine = engine_with(mission(1, domain="aide-alimentaire"))
    person = candidate(domains=("aide-alimentaire",))
    assert "Dans un domaine qui vous intéresse : aide alimentaire" in sentences_of(engine, person, 1)


def test_text_reason_shows_the_shared_words_as_the_candidate_wrote_them():
    engine = engine_with(mission(1, "Atelier de réparation de vélos", description="Réparer des vélos."))
    person = candidate(about="Je répare mon vélo moi-même depuis des années.")
    params = reasons_of(engine, person, 1)[R.TEXT]
    assert params["terms"] == ["vélo"]


def test_kind_reason():
    engine = engine_with(mission(1, kind="support"))
    assert "Une mission de soutien, comme vous le souhaitez" in sentences_of(
        engine, candidate(wanted_kinds=("support",)), 1
    )


def test_minors_reason():
    engine = engine_with(mission(1, min_age=16))
    assert "Ouverte dès 16 ans" in sentences_of(engine, candidate(age_range="16-17"), 1)


def test_eligible_reason_when_nothing_stands_out():
    engine = engine_with(mission(1, lat=None, lon=None, slots=()))
    person = candidate(lat=None, lon=None, history=done(3, "Autre", kind="leadership"))
    assert sentences_of(engine, person, 1) == ["Ouverte à votre profil"]


def test_text_reason_leaves_out_the_words_the_skill_reason_gives():
    engine = engine_with(mission(1, "Comptabilité de l'épicerie", kind="support", skills=("Comptabilité",)))
    person = candidate(skills=("Comptabilité",), about="Comptabilité et épicerie solidaire.")
    reasons = reasons_of(engine, person, 1)
    assert reasons[R.SKILL] == {"skills": ["Comptabilité"]}
    assert "comptabilité" not in reasons.get(R.TEXT, {"terms": []})["terms"]


# --- incremental updates ------------------------------------------------------------------------


def test_upsert_makes_a_new_mission_visible_without_refit_and_bumps_the_version():
    engine = engine_with(mission(1), version=4)
    vocabulary = engine.text.vocabulary
    engine.upsert([mission(2, "Cours de français", description="Aider des adultes exilés.")])
    assert engine.version == 5
    assert engine.text.vocabulary is vocabulary
    assert sorted(recommended(engine, candidate())) == [1, 2]
    assert 2 in engine and len(engine) == 1 + 1 + len(FILLER)


def test_upsert_replaces_the_previous_version_of_a_mission():
    engine = engine_with(mission(1), mission(2))
    engine.upsert([mission(1, status="closed")])
    assert recommended(engine, candidate()) == [2]
    engine.upsert([mission(1, "Promenade des chiens", description="Sortir les chiens du refuge.")])
    assert recommended(engine, candidate(about="les chiens du refuge")) == [1, 2]
    assert engine.mission(1).title == "Promenade des chiens"
    assert engine.stats()["dead_rows"] == 2


def test_remove_forgets_missions_and_ignores_unknown_ids():
    engine = engine_with(mission(1), mission(2))
    engine.remove([1, 12345], version=9)
    assert recommended(engine, candidate()) == [2]
    assert engine.version == 9 and 1 not in engine
    with pytest.raises(KeyError):
        engine.mission(1)


def test_a_version_older_than_the_engine_is_refused():
    engine = engine_with(mission(1), version=10)
    with pytest.raises(ValueError, match="older"):
        engine.upsert([mission(2)], version=9)
    engine.upsert([], version=10)
    assert engine.version == 10


def test_incremental_updates_give_the_same_results_as_a_full_fit(personas_engine_parts):
    full, partial, personas = personas_engine_parts
    for person in personas:
        expected = full.recommend(person, limit=10, today=TODAY)
        got = partial.recommend(person, limit=10, today=TODAY)
        assert ids(got) == ids(expected)
        assert [r.score for r in got] == pytest.approx([r.score for r in expected], abs=1e-5)
        assert [r.reasons for r in got] == [r.reasons for r in expected]
    partial.compact()
    assert partial.stats()["delta_rows"] == 0 and partial.stats()["dead_rows"] == 0
    for person in personas:
        assert ids(partial.recommend(person, limit=10, today=TODAY)) == ids(
            full.recommend(person, limit=10, today=TODAY)
        )


@pytest.fixture(scope="module")
def personas_engine_parts():
    """An engine fitted on every labelled mission, and one fitted on half then fed the rest."""
    from tests.unit.matching_personas import MISSIONS, PERSONAS

    full = MatchingEngine.fit(MISSIONS)
    half = len(MISSIONS) // 2
    partial = MatchingEngine.fit(MISSIONS[:half], text_model=full.text)
    for start in range(half, len(MISSIONS), 7):  # several small batches, as an outbox worker would
        partial.upsert(MISSIONS[start : start + 7])
    partial.upsert(MISSIONS[:10])  # same facts again: replaced in place, results unchanged
    partial.remove([MISSIONS[-1].id])
    full.remove([MISSIONS[-1].id])
    return full, partial, [p.candidate for p in PERSONAS[:12]]


def test_compaction_runs_on_its_own_and_keeps_results(monkeypatch):
    monkeypatch.setattr(MatchingEngine, "COMPACT_MIN_ROWS", 3)
    missions = [mission(n, slots=("wed_afternoon",) if n % 2 else ("mon_morning",)) for n in range(1, 11)]
    engine = engine_with(*missions[:2])
    for m in missions[2:]:
        engine.upsert([m])
    engine.remove([1, 2, 3, 4])
    stats = engine.stats()
    assert stats["delta_rows"] <= 3 and stats["rows"] < 10 + len(FILLER)
    reference = engine_with(*missions[4:], text_model=engine.text)
    person = candidate(slots=("wed_afternoon",))
    assert recommended(engine, person) == recommended(reference, person)


def test_column_helpers_match_scipy():
    rng = np.random.default_rng(3)
    left = sp.random(40, 30, density=0.2, format="csr", dtype=np.float32, random_state=rng)
    right = sp.random(40, 7, density=0.3, format="csr", dtype=np.float32, random_state=rng)
    assert (_append_columns(left, right) != sp.hstack([left, right], format="csr")).nnz == 0
    keep = rng.random(30) < 0.6
    assert (_keep_columns(left, keep) != left[:, np.flatnonzero(keep)]).nnz == 0


def scikit_learn_vectorizer(min_df: int | float = 1):
    """The TF-IDF configuration ``TextModel`` computes, as scikit-learn's vectorizer (the reference)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    from marketplace.matching.text import analyze

    return TfidfVectorizer(
        analyzer=analyze, lowercase=False, sublinear_tf=True, min_df=min_df, max_df=0.5, dtype=np.float32
    )


MORE_TEXTS = ["Ramasser des déchets, sortir les chiens ; aider les seniors", "", "zzz", "aide aide aide"]


@pytest.mark.parametrize("min_df", [1, 2, 0.01])
def test_the_text_model_gives_scikit_learn_tfidf_rows(min_df):
    from tests.unit.matching_personas import MISSIONS

    texts = [mission_text(m.title, m.description, m.skills, m.domain) for m in [*FILLER, *MISSIONS]]
    model, matrix = TextModel.fit(iter(texts), count=len(texts), min_df=min_df)
    reference = scikit_learn_vectorizer(min_df)
    expected = reference.fit_transform(texts).tocsr()
    expected.sort_indices()
    assert model.n_terms == len(reference.vocabulary_)
    assert all(model.vocabulary.get(term) == column for term, column in reference.vocabulary_.items())
    np.testing.assert_array_equal(model.idf, reference.idf_)
    np.testing.assert_array_equal(matrix.indptr, expected.indptr)
    np.testing.assert_array_equal(matrix.indices, expected.indices)
    np.testing.assert_allclose(matrix.data, expected.data, rtol=1e-6, atol=0)
    again = model.transform([*texts[:20], *MORE_TEXTS])
    expected = reference.transform([*texts[:20], *MORE_TEXTS])
    np.testing.assert_allclose(again.toarray(), expected.toarray(), rtol=1e-6, atol=0)


def test_words_outside_the_vocabulary_are_unknown_to_it():
    model, _ = TextModel.fit(["jardin partagé du quartier", "jardin et potager", "collecte de jouets"])
    assert "potager" in model.vocabulary and "collecte jouet" in model.vocabulary
    assert "velo" not in model.vocabulary and model.vocabulary.get("velo") is None
    assert "jardin" not in model.vocabulary  # in two texts of three: more than max_df (half)
    assert model.vocabulary.columns(["potager", "velo"]).tolist() == [model.vocabulary.get("potager"), -1]


def test_a_text_model_refuses_texts_without_a_single_word():
    with pytest.raises(ValueError, match="empty vocabulary"):
        TextModel.fit(["le la les", "de du des"])


def test_the_fast_vector_of_one_text_equals_transform():
    texts = [mission_text(m.title, m.description, m.skills, m.domain) for m in FILLER]
    model, _ = TextModel.fit(texts)
    for text in [*texts, *MORE_TEXTS]:
        indices, weights = model.vector(text)
        expected = model.transform([text])
        dense = np.zeros(model.n_terms, dtype=np.float32)
        dense[indices] = weights
        np.testing.assert_allclose(dense, expected.toarray().ravel(), rtol=1e-5, atol=1e-6)


def test_engine_methods_are_safe_across_threads():
    import threading

    engine = engine_with(*(mission(n) for n in range(1, 30)))
    errors: list[BaseException] = []

    def read() -> None:
        try:
            for _ in range(30):
                assert engine.recommend(candidate(), limit=5, today=TODAY)
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=read) for _ in range(3)]
    for thread in threads:
        thread.start()
    for n in range(30, 90):
        engine.upsert([mission(n)])
        engine.remove([n - 25])
    for thread in threads:
        thread.join()
    assert not errors


# --- similar missions -------------------------------------------------------------------------------


def test_similar_to_finds_related_open_missions_with_reasons():
    engine = engine_with(
        mission(1, "Aide aux devoirs en mathématiques", skills=("Mathématiques",)),
        mission(2, "Aide aux devoirs pour collégiens", skills=("Mathématiques", "Pédagogie")),
        mission(
            3,
            "Nettoyage du parc",
            description="Ramasser les déchets.",
            domain="environnement",
            association_id=4,
            lat=PARIS[0],
            lon=PARIS[1],
        ),
        mission(4, "Aide aux devoirs du soir", status="closed"),
    )
    results = engine.similar_to(1, limit=3, today=TODAY)
    assert ids(results) == [2]  # the closed one is left out, the unrelated ones are not "similar"
    assert [render_reason_fr(reason) for reason in results[0].reasons] == [
        "Sur des thèmes proches : aide aux devoirs",
        "Même domaine : éducation et soutien scolaire",
        "À moins d'un kilomètre de cette mission",
    ]
    assert 0.0 < results[0].score <= 1.0


def test_similar_to_skips_missions_over_before_today_and_unknown_ids():
    engine = engine_with(
        mission(1), mission(2, schedule="one_off", slots=(), start_date=TODAY - timedelta(days=3))
    )
    assert 2 in ids(engine.similar_to(1))
    assert 2 not in ids(engine.similar_to(1, today=TODAY))
    assert engine.similar_to(424242) == [] and engine.similar_to(1, limit=0) == []


def test_similar_to_prefers_nearby_missions_and_names_the_distance():
    engine = engine_with(
        mission(1),
        mission(2, lat=PARIS[0], lon=PARIS[1]),
        mission(3, lat=THREE_KM_NORTH[0], lon=THREE_KM_NORTH[1]),
    )
    results = engine.similar_to(1, limit=2)
    assert ids(results) == [3, 2]
    assert "À 3 km de cette mission" in [render_reason_fr(reason) for reason in results[0].reasons]


def test_an_engine_without_descriptions_finds_the_same_similar_missions_when_given_the_mission():
    missions = [mission(1), mission(2, lat=PARIS[0], lon=PARIS[1]), mission(3, title="Aide aux devoirs")]
    keeping = engine_with(*missions)
    lean = MatchingEngine.fit([*missions, *FILLER], keep_descriptions=False)
    assert lean.mission(1).description == "" and keeping.mission(1).description == missions[0].description
    assert lean.mission(1) == replace(missions[0], description="")
    assert lean.similar_to(1, limit=3, mission=missions[0]) == keeping.similar_to(1, limit=3)
    assert lean.memory()["records"] < keeping.memory()["records"]


# --- candidates for a mission ---------------------------------------------------------------------


def test_rank_candidates_puts_the_best_fit_first_and_filters_people_who_cannot_take_it():
    engine = engine_with(mission(1))
    target = mission(1)
    people = {
        "available": candidate(slots=("wed_afternoon",), domains=("education",)),
        "busy": candidate(slots=("mon_morning",)),
        "minor": candidate(age_range="16-17", slots=("wed_afternoon",)),
        "far": candidate(lat=PARIS[0], lon=PARIS[1]),
    }
    matches = engine.rank_candidates(target, people)
    assert [m.candidate_key for m in matches] == ["available"]
    sentences = [render_reason_fr(reason) for reason in matches[0].reasons]
    assert "Disponible le mercredi après-midi" in sentences
    assert all(reason.code.startswith("candidate_") for m in matches for reason in m.reasons)
    assert engine.rank_candidates(target, list(people.items()), limit=1)[0].candidate_key == "available"


def test_rank_candidates_scores_a_pair_like_recommend():
    engine = engine_with(mission(1), mission(2, lat=VILLEURBANNE[0], lon=VILLEURBANNE[1]))
    person = candidate(slots=("wed_afternoon",), about="aider des collégiens en mathématiques")
    by_id = {r.mission_id: r.score for r in engine.recommend(person, limit=5, today=TODAY)}
    for mission_id in (1, 2):
        [match] = engine.rank_candidates(engine.mission(mission_id), [("p", person)])
        assert match.score == pytest.approx(by_id[mission_id], abs=1e-5)


def test_rank_candidates_names_the_association_already_helped_and_works_for_an_unindexed_draft():
    engine = engine_with(mission(1))
    draft = mission(50, "Distribution alimentaire", status="draft", association_id=7)
    helper = candidate(history=done(7, "Le Panier", n=2))
    [match] = engine.rank_candidates(draft, {"helper": helper})
    sentences = [render_reason_fr(reason) for reason in match.reasons]
    assert "A déjà aidé votre association deux fois" in sentences


# --- semantic signal: embeddings centred on the missions' mean -----------------------------------


def test_semantic_embeddings_are_centred_on_the_mean_mission_of_the_build():
    from marketplace.matching.engine import default_semantic, mission_document

    model = default_semantic()
    if model is None:
        pytest.skip("no semantic model (make semantic)")
    missions = [mission(1), mission(2, "Collecte de denrées", domain="aide-alimentaire"), *FILLER]
    engine = MatchingEngine.fit(missions)
    documents = [mission_document(m) for m in missions]
    raw = model.embed(documents, engine.text.lemma_idf)
    mean = engine.text.semantic_mean
    assert mean is not None and np.allclose(mean, raw.mean(axis=0), atol=1e-6)
    expected = raw[0] - mean
    expected /= np.linalg.norm(expected)
    assert np.allclose(engine._embed([documents[0]])[0], expected, atol=1e-5)
    # A later mission is centred on the build's mean, which does not move; no known word: zeros.
    engine.upsert([mission(3, "Aide aux devoirs en ligne")])
    assert engine.text.semantic_mean is mean
    assert not engine._embed(["zzzq xxyq"]).any()
