"""The offline quality harness (graded measures, set loading, baselines, pairwise fit) on a tiny set."""

from __future__ import annotations

import json
import math
import os
from dataclasses import replace
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from marketplace.matching.evaluation import (
    EVALUATION_DAY,
    REGULARIZATION,
    LabelledPersona,
    PersonaFeatures,
    QualityReport,
    SetBaselines,
    cross_validate,
    evaluate,
    fit_pairwise_weights,
    ineligible_at_k,
    min_max,
    ndcg_at_k,
    pairwise_differences,
    persona_folds,
    precision_at_k,
)
from marketplace.matching.labelled import LabelledSetInvalid, load_labelled_set, offline_app
from marketplace.matching.types import CandidateFacts

TINY_MISSIONS = [
    {
        "ref": "t-m1",
        "association": "Banque alimentaire du Rhône",
        "title": "Tri des denrées à l'entrepôt",
        "description": "Trier les denrées collectées, vérifier les dates, préparer les colis.",
        "kind": "ponctual",
        "domain": "aide-alimentaire",
        "city": "Lyon",
        "postcode": "69003",
        "schedule": "one_off",
        "start_date": "2027-03-13",
        "slots": ["sat_morning"],
        "min_age": 16,
        "capacity": 10,
        "contexts": ["physical"],
    },
    {
        "ref": "t-m2",
        "association": "Lire et faire lire Rhône",
        "title": "Lecture aux enfants en bibliothèque",
        "description": "Lire des albums à des enfants de 5 à 8 ans, une fois par semaine, en petit groupe.",
        "kind": "support",
        "domain": "education",
        "skills": ["lecture"],
        "city": "Villeurbanne",
        "postcode": "69100",
        "schedule": "recurring",
        "slots": ["wed_afternoon"],
        "hours_per_week": 2,
        "capacity": 3,
        "contexts": ["children"],
    },
    {
        "ref": "t-m3",
        "association": "  banque ALIMENTAIRE du  Rhône",  # the same association, as the import finds it
        "title": "Collecte en supermarché",
        "description": "Accueillir les clients à l'entrée du magasin et recueillir leurs dons de denrées.",
        "kind": "ponctual",
        "domain": "aide-alimentaire",
        "city": "Lyon",
        "postcode": "69007",
        "schedule": "one_off",
        "start_date": "2027-03-12",
        "end_date": "2027-03-13",
        "day_parts": ["afternoon"],
        "capacity": 20,
    },
]
TINY_PERSONAS = [
    {
        "ref": "t-p1",
        "story": "Étudiante à Lyon, veut aider sur une collecte ou un tri.",
        "answers": {
            "age_range": "18-25",
            "postcode": "69003",
            "radius_km": 10,
            "domains": ["aide-alimentaire"],
            "kinds": ["ponctual"],
            "about": "trier des denrées",
        },
    },
    {
        "ref": "t-p2",
        "story": "Retraité de Villeurbanne qui aime lire.",
        "answers": {"age_range": "66+", "postcode": "69100", "radius_km": 5, "about": "lire aux enfants"},
    },
]
TINY_LABELS = [
    {"persona": "t-p1", "grades": {"t-m1": 3, "t-m2": 0, "t-m3": 2}},
    {"persona": "t-p2", "grades": {"t-m2": 3, "t-m3": 1}},
]


def write_set(directory: Path, missions=TINY_MISSIONS, personas=TINY_PERSONAS, labels=TINY_LABELS) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for name, rows in (("missions", missions), ("personas", personas), ("labels", labels)):
        lines = [json.dumps(row, ensure_ascii=False) for row in rows]
        (directory / f"{name}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return directory


@pytest.fixture(scope="module")
def offline():
    app = offline_app()
    with app.app_context():
        yield app


@pytest.fixture(scope="module")
def tiny(offline, tmp_path_factory):
    return load_labelled_set(write_set(tmp_path_factory.mktemp("sets") / "tiny"))


# --- graded measures -----------------------------------------------------------------------------


def test_ndcg_uses_graded_gains_against_the_best_order_of_the_grades():
    grades = {1: 3, 2: 1, 3: 0, 4: 2}
    assert ndcg_at_k([1, 4, 2, 3], grades, 10) == pytest.approx(1.0)
    dcg = 1 / math.log2(2) + 7 / math.log2(3) + 3 / math.log2(4)
    ideal = 7 / math.log2(2) + 3 / math.log2(3) + 1 / math.log2(4)
    assert ndcg_at_k([2, 1, 4, 3], grades, 10) == pytest.approx(dcg / ideal)
    assert ndcg_at_k([9, 1], grades, 1) == 0.0  # an ungraded mission gains nothing
    assert ndcg_at_k([1, 2], {1: 0, 2: 0}, 10) == 0.0  # nothing worth finding
    with pytest.raises(ValueError):
        ndcg_at_k([1], grades, 0)


def test_precision_counts_grades_two_and_three_and_missing_ranks_as_misses():
    grades = {1: 3, 2: 2, 3: 1, 4: 0}
    assert precision_at_k([1, 2, 3, 4], grades, 5) == pytest.approx(0.4)
    assert precision_at_k([3, 4, 2], grades, 2) == 0.0
    with pytest.raises(ValueError):
        precision_at_k([1], grades, 0)


def test_ineligible_counts_recommended_missions_without_a_grade_within_the_depth():
    grades = {1: 0, 2: 3}
    assert ineligible_at_k([1, 7, 2, 8], grades) == 2
    assert ineligible_at_k([1, 7, 2, 8], grades, k=2) == 1


def test_reports_average_over_personas_and_sum_ineligible_missions():
    personas = [
        LabelledPersona("a", CandidateFacts(age_range="18-25"), {1: 3, 2: 0}, set_name="x"),
        LabelledPersona("b", CandidateFacts(age_range="18-25"), {1: 0, 2: 3}, set_name="y"),
    ]
    report = evaluate(lambda persona: [1, 2, 5], personas)
    assert report.ndcg == pytest.approx((1.0 + (7 / math.log2(3)) / 7) / 2)
    assert report.ineligible == 2
    assert report.of_set("y").ndcg == pytest.approx(1 / math.log2(3))
    assert QualityReport.merge([report.of_set("x"), report.of_set("y")]).ndcg == pytest.approx(report.ndcg)


# --- loading a set as the site reads it ---------------------------------------------------------


def test_missions_are_read_by_the_import_with_one_off_slots_kept_and_coordinates_from_postcodes(tiny):
    by_ref = {tiny.mission_refs[m.id]: m for m in tiny.missions}
    assert [m.id for m in tiny.missions] == [1, 2, 3]  # the line numbers
    assert by_ref["t-m1"].day_parts == ("morning",) and by_ref["t-m1"].slots == ()
    assert by_ref["t-m3"].day_parts == ("afternoon",)
    assert by_ref["t-m2"].slots == ("wed_afternoon",) and by_ref["t-m2"].schedule == "recurring"
    assert by_ref["t-m1"].lat is not None and by_ref["t-m1"].lat != by_ref["t-m2"].lat
    assert by_ref["t-m1"].association_id == by_ref["t-m3"].association_id != by_ref["t-m2"].association_id
    assert by_ref["t-m3"].association_name == "Banque alimentaire du Rhône"  # the first line's spelling
    assert by_ref["t-m1"].seats_left == 10 and by_ref["t-m1"].status == "published"


def test_personas_are_read_by_the_api_parser_and_grades_keyed_by_mission_id(tiny, offline):
    from marketplace.reference.places import place_for

    first, second = tiny.personas
    assert first.ref == "t-p1" and first.set_name == "tiny"
    assert first.candidate.wanted_kinds == ("ponctual",) and first.candidate.radius_km == 10.0
    assert (first.candidate.lat, first.candidate.lon) == (place_for("69003").lat, place_for("69003").lon)
    assert first.grades == {1: 3, 2: 0, 3: 2} and second.grades == {2: 3, 3: 1}


def test_a_mission_line_the_import_refuses_is_an_error_naming_its_line(offline, tmp_path):
    broken = [*TINY_MISSIONS[:2], {**TINY_MISSIONS[2], "start_date": "2026-01-01", "end_date": None}]
    with pytest.raises(LabelledSetInvalid) as error:
        load_labelled_set(write_set(tmp_path / "broken", missions=broken))
    assert "broken/missions.jsonl line 3: start_date" in str(error.value)


def test_answers_the_api_refuses_and_unknown_refs_are_errors(offline, tmp_path):
    personas = [TINY_PERSONAS[0], {**TINY_PERSONAS[1], "answers": {"age_range": "12-15"}}]
    with pytest.raises(LabelledSetInvalid) as error:
        load_labelled_set(write_set(tmp_path / "answers", personas=personas))
    assert "personas.jsonl line 2 (t-p2): age_range" in str(error.value)
    labels = [{"persona": "t-p1", "grades": {"t-m9": 3, "t-m1": 4}}, TINY_LABELS[1]]
    with pytest.raises(LabelledSetInvalid) as error:
        load_labelled_set(write_set(tmp_path / "labels", labels=labels))
    assert error.value.problems == [
        "labels.jsonl line 1: unknown mission t-m9",
        "labels.jsonl line 1: grade of t-m1 is not 0–3",
    ]


# --- baselines -----------------------------------------------------------------------------------


def test_baselines_rank_only_the_eligible_missions(tiny):
    baselines = SetBaselines(tiny.missions)
    reader = tiny.personas[1]
    assert sorted(baselines.tfidf(reader)) == [2, 3]
    assert baselines.tfidf(reader)[0] == 2  # "lire aux enfants" shares words with the reading mission
    assert evaluate(baselines.naive_blend, tiny.personas).ineligible == 0


def test_the_naive_blend_adds_domain_and_kind_matches_to_the_text():
    assert min_max(np.array([2.0, 4.0, 3.0])).tolist() == [0.0, 1.0, 0.5]
    assert min_max(np.array([1.0, 1.0])).tolist() == [0.0, 0.0]


def test_the_naive_blend_puts_the_domain_and_kind_asked_first(tiny):
    student = tiny.personas[0]
    ranked = SetBaselines(tiny.missions).naive_blend(student)
    assert ranked[-1] == 2  # the only mission neither of the cause nor of the kind asked


# --- pairwise fit and folds ----------------------------------------------------------------------


def synthetic_features(n_personas: int, seed: int = 1, set_name: str = "s") -> list[PersonaFeatures]:
    """Personas whose grades follow feature 0 (plus noise), feature 1 being pure noise."""
    rng = np.random.default_rng(seed)
    items = []
    for index in range(n_personas):
        values = rng.random((12, 2)).astype(np.float32)
        grades = np.clip(np.round(values[:, 0] * 3 + rng.normal(0, 0.3, 12)), 0, 3).astype(int)
        ids = np.arange(1, 13, dtype=np.int64)
        persona = LabelledPersona(
            f"{set_name}{index}",
            CandidateFacts(age_range="18-25"),
            dict(zip(ids.tolist(), grades.tolist(), strict=True)),
            set_name,
        )
        items.append(PersonaFeatures(persona, ids, values))
    return items


def test_pairs_are_better_minus_worse_both_ways_and_each_persona_weighs_the_same():
    items = synthetic_features(3)
    x, y, weight = pairwise_differences(items)
    assert len(x) == len(y) == len(weight) and y.sum() == len(y) / 2
    assert weight.sum() == pytest.approx(2 * 3)
    persona = LabelledPersona("p", CandidateFacts(age_range="18-25"), {1: 2, 2: 0}, "s")
    x, y, _ = pairwise_differences(
        [PersonaFeatures(persona, np.array([1, 2, 3]), np.array([[5.0], [1.0], [9.0]]))]
    )
    assert x.ravel().tolist() == [4.0, -4.0] and y.tolist() == [1.0, 0.0]  # row 3 has no grade: no pair


def test_the_fit_finds_the_feature_that_orders_the_grades_and_is_reproducible():
    items = synthetic_features(20)
    weights = fit_pairwise_weights(items, regularization=10.0)
    assert weights[0] > 0.8 and abs(weights[1]) < 0.2 and np.abs(weights).sum() == pytest.approx(1.0)
    assert fit_pairwise_weights(items, regularization=10.0).tolist() == weights.tolist()
    assert evaluate(lambda p: items[int(p.ref[1:])].ranked(weights), [i.persona for i in items]).ndcg > 0.9


def test_folds_are_stratified_by_set_and_fixed_by_the_seed():
    personas = [i.persona for i in synthetic_features(10, set_name="a") + synthetic_features(5, set_name="b")]
    folds = persona_folds(personas)
    assert folds == persona_folds(personas)
    for fold in range(5):
        held_out = [p.set_name for p, f in zip(personas, folds, strict=True) if f == fold]
        assert held_out.count("a") == 2 and held_out.count("b") == 1
    with pytest.raises(ValueError):
        persona_folds(personas[:13])  # set "b" down to 3 personas


def test_cross_validation_scores_every_persona_once_with_weights_fitted_without_it():
    items = synthetic_features(10)
    results = cross_validate(
        items, {"fitted": lambda item, weights: item.ranked(weights)}, regularization=10.0
    )
    refs = [row.ref for result in results for row in result.reports["fitted"].per_persona]
    assert sorted(refs) == sorted(i.persona.ref for i in items)
    assert all(result.weights[0] > 0 for result in results)


# --- offline figures are the live ones ----------------------------------------------------------


def live_top(client, answers: dict, limit: int = 10) -> list[int]:
    response = client.post("/api/v1/recommendations", json={**answers, "limit": limit})
    assert response.status_code == 200, response.get_json()
    return [item["mission"]["id"] for item in response.get_json()["items"]]


def imported_set(runner, directory: Path, lines: list[int]) -> dict[int, int]:
    """Import missions.jsonl with `flask missions import`; {live mission id: its line (offline id)}.

    The import creates one mission per accepted line, in line order; ``lines`` are those lines.
    """
    from marketplace.associations.models import Mission
    from marketplace.extensions import db

    result = runner.invoke(args=["missions", "import", str(directory / "missions.jsonl")])
    assert f"created={len(lines)} updated=0 rejected=0" in result.output, result.output
    live = db.session.scalars(db.select(Mission.id).order_by(Mission.id)).all()
    return dict(zip(live, sorted(lines), strict=True))


@pytest.fixture
def evaluation_day(monkeypatch):
    """The API answers as on the labelled sets' evaluation day."""
    import marketplace.matching.queries as queries

    class EvaluationDay(date):
        @classmethod
        def today(cls):
            return EVALUATION_DAY

    monkeypatch.setattr(queries, "date", EvaluationDay)
    return EVALUATION_DAY


def assert_live_equals_offline(app, client, runner, directory: Path, refs: list[str], day) -> None:
    from marketplace.matching import MatchingEngine
    from marketplace.matching.facts import published_facts

    labelled = load_labelled_set(directory, refused=[])
    line_of = imported_set(runner, directory, [m.id for m in labelled.missions])
    # The facts the site built from the import are the harness's, field for field.
    from marketplace.extensions import db

    live_facts = {line_of[f.id]: f for f in published_facts(db.session)}
    for offline in labelled.missions:
        live = live_facts[offline.id]
        assert replace(live, id=offline.id, association_id=offline.association_id) == offline
    engine = MatchingEngine.fit(labelled.missions)
    answers = {
        row["ref"]: row["answers"]
        for row in map(json.loads, (directory / "personas.jsonl").read_text(encoding="utf-8").splitlines())
        if row
    }
    for persona in (p for p in labelled.personas if p.ref in refs):
        offline_top = [r.mission_id for r in engine.recommend(persona.candidate, limit=10, today=day)]
        assert [line_of[mid] for mid in live_top(client, answers[persona.ref])] == offline_top, persona.ref


def test_the_api_recommends_what_the_harness_measures_on_the_tiny_set(
    app, client, runner, tmp_path, evaluation_day
):
    directory = write_set(tmp_path / "tiny")
    assert_live_equals_offline(app, client, runner, directory, ["t-p1", "t-p2"], evaluation_day)


# --- quality floors on the labelled sets (held-out figures) --------------------------------------

SETS_ROOT = Path(os.environ.get("MATCHING_SETS", Path(__file__).resolve().parents[1] / "data" / "matching"))
# Held-out (5 folds by persona, stratified by set, seed 20261207) figures measured when written,
# through ``recommend`` with each fold's fitted weights; floors sit a little below.
FLOORS = {  # set: (nDCG@10, P@5); measured: lyon 0.841 / 0.780, france 0.959 / 0.836, regions 0.932 / 0.631
    "lyon": (0.82, 0.75),
    "france": (0.94, 0.81),
    "regions": (0.91, 0.60),
}
# Known gaps, as strict xfails: they fail the suite once fixed, so the marker goes with the fix.
# The sets' ``contexts`` (screen, children, physical) are label-only ground truth; the engine reads
# them from the missions' words and misses some (benchmarks/eval_matching.py prints how many), so
# a persona avoiding one is still shown such a mission further down its top 50.
CONTEXTS_MISSED = "the engine does not read every avoided context from the missions' words"
INELIGIBLE_KNOWN = {"lyon": CONTEXTS_MISSED}


@pytest.fixture(scope="module")
def refused_lines() -> list[str]:
    return []


@pytest.fixture(scope="module")
def prepared_sets(offline, refused_lines):
    """The sets as the site would hold them: a mission line the import refuses is not there."""
    from marketplace.matching import MatchingEngine
    from marketplace.matching.evaluation import prepare_sets
    from marketplace.matching.labelled import load_labelled_sets

    labelled = load_labelled_sets(SETS_ROOT, refused=refused_lines)
    return prepare_sets(labelled, MatchingEngine.fit, today=EVALUATION_DAY)


def test_every_mission_line_of_the_sets_is_one_the_import_accepts(prepared_sets, refused_lines):
    assert refused_lines == []


@pytest.fixture(scope="module")
def held_out(prepared_sets):
    from marketplace.matching.evaluation import benchmark_rankers, pooled

    features = [item for entry in prepared_sets for item in entry.features]
    results = cross_validate(features, benchmark_rankers(prepared_sets), regularization=REGULARIZATION)
    return {name: pooled(results, name) for name in ("engine", "tfidf", "naive")}


def test_the_labelled_sets_cover_three_places_and_eighty_personas(prepared_sets):
    assert sorted(entry.labelled.name for entry in prepared_sets) == sorted(FLOORS)
    assert sum(len(entry.labelled.personas) for entry in prepared_sets) >= 80
    dense = next(entry for entry in prepared_sets if entry.labelled.name == "lyon")
    eligible_share = np.mean([len(p.grades) / len(dense.labelled.missions) for p in dense.labelled.personas])
    assert eligible_share > 0.5  # the dense city: most missions are eligible for most personas


@pytest.mark.parametrize("set_name", sorted(FLOORS))
def test_held_out_quality_holds_its_floor_per_set(held_out, set_name, capsys):
    engine = held_out["engine"].of_set(set_name)
    with capsys.disabled():
        print(
            f"\n[{set_name}, held out] "
            + " | ".join(report.of_set(set_name).line(name) for name, report in held_out.items())
        )
    ndcg_floor, precision_floor = FLOORS[set_name]
    assert engine.ndcg >= ndcg_floor and engine.precision >= precision_floor


def test_the_engine_beats_plain_tfidf_held_out(held_out):
    assert held_out["engine"].ndcg > held_out["tfidf"].ndcg


@pytest.mark.parametrize("set_name", sorted(FLOORS))
def test_no_mission_a_persona_cannot_attend_in_any_top_50(prepared_sets, set_name, request):
    if set_name in INELIGIBLE_KNOWN:
        request.applymarker(pytest.mark.xfail(reason=INELIGIBLE_KNOWN[set_name], strict=True))
    entry = next(entry for entry in prepared_sets if entry.labelled.name == set_name)
    shipped = evaluate(
        lambda p: [r.mission_id for r in entry.engine.recommend(p.candidate, limit=50, today=EVALUATION_DAY)],
        entry.labelled.personas,
    )
    assert [(row.ref, row.ineligible) for row in shipped.per_persona if row.ineligible] == []


def test_the_shipped_weights_are_the_fit_of_every_labelled_persona(prepared_sets):
    from marketplace.matching.engine import default_semantic
    from marketplace.matching.weights import Blend

    # Without the word vectors the semantic feature is 0 and the fit differs: say why.
    assert default_semantic() is not None, (
        "the weights were fitted with the semantic model: run make semantic"
    )
    shipped = Blend.load()
    features = [item for entry in prepared_sets for item in entry.features]
    fitted = fit_pairwise_weights(features)
    names = features[0].names
    assert shipped.vector(names) == pytest.approx(fitted, abs=0.002), (
        "weights.json is not the fit of the current sets and features: "
        "run python benchmarks/fit_matching_weights.py"
    )


@pytest.mark.parametrize("set_name", sorted(FLOORS))
def test_the_api_recommends_what_the_harness_measures_on_each_set(
    app, client, runner, evaluation_day, set_name
):
    directory = SETS_ROOT / set_name
    refs = [json.loads(line)["ref"] for line in (directory / "personas.jsonl").read_text().splitlines()[:4]]
    assert_live_equals_offline(app, client, runner, directory, refs, evaluation_day)
