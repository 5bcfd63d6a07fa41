"""Reasons through gettext: the French catalog says what render_reason_fr says; English reads well."""

from __future__ import annotations

import pytest
from flask_babel import force_locale

from marketplace.matching import Reason, render_reason_fr
from marketplace.matching import reasons as R
from marketplace.matching.pathway import NextStep, Stage
from marketplace.matching.render import next_step_sentence, render_reason, render_reason_lists, stage_label

REASONS = [
    Reason(R.AVAILABILITY, {"slots": ["wed_afternoon", "sat_morning"], "date": "2026-06-14"}),
    Reason(R.DISTANCE, {"km": 3.2}),
    Reason(R.DISTANCE, {"km": 0.4}),
    Reason(R.REMOTE, {}),
    Reason(
        R.PATHWAY_ASSOCIATION,
        {"association_name": "Les Restos du Cœur", "times": 2, "kind": "ponctual", "schedule": "recurring"},
    ),
    Reason(
        R.PATHWAY_ASSOCIATION,
        {"association_name": "Emmaüs", "times": 0, "kind": "support", "schedule": "one_off"},
    ),
    Reason(R.PATHWAY_NEXT_STEP, {"step": "first_mission"}),
    Reason(R.PATHWAY_NEXT_STEP, {"step": "go_regular", "done": 1}),
    Reason(R.PATHWAY_NEXT_STEP, {"step": "go_regular", "done": 3}),
    Reason(R.PATHWAY_NEXT_STEP, {"step": "share_skills"}),
    Reason(R.PATHWAY_NEXT_STEP, {"step": "take_responsibility"}),
    Reason(R.PATHWAY_NEXT_STEP, {"step": "pass_it_on"}),
    Reason(R.SKILL, {"skills": ["Comptabilité"]}),
    Reason(R.SKILL, {"skills": ["Cuisine", "SQL", "Accueil"]}),
    Reason(R.DOMAIN, {"domain": "aide-alimentaire"}),
    Reason(R.TEXT, {"terms": ["soutien scolaire", "mathématiques"]}),
    Reason(R.KIND, {"kind": "support"}),
    Reason(R.MINORS_WELCOME, {"min_age": 16}),
    Reason(R.ELIGIBLE, {}),
    Reason(R.CANDIDATE_AVAILABLE, {"slots": ["mon_evening"]}),
    Reason(R.CANDIDATE_DISTANCE, {"km": 12}),
    Reason(R.CANDIDATE_REMOTE, {}),
    Reason(R.CANDIDATE_HISTORY, {"times": 3}),
    Reason(R.CANDIDATE_HISTORY, {"times": 0}),
    Reason(R.CANDIDATE_SKILL, {"skills": ["Couture"]}),
    Reason(R.CANDIDATE_DOMAIN, {"domain": "seniors"}),
    Reason(R.CANDIDATE_TEXT, {"terms": ["jardinage"]}),
    Reason(R.CANDIDATE_KIND, {"kind": "leadership"}),
    Reason(R.CANDIDATE_ELIGIBLE, {}),
    Reason(R.SAME_ASSOCIATION, {"association_name": "Emmaüs"}),
    Reason(R.SAME_DOMAIN, {"domain": "environnement"}),
    Reason(R.SHARED_SKILL, {"skills": ["Logistique", "Permis B"]}),
    Reason(R.NEARBY_MISSION, {"km": 2}),
    Reason(R.SIMILAR_TEXT, {"terms": ["maraude"]}),
]


@pytest.fixture
def french(app):
    with app.test_request_context(), force_locale("fr"):
        yield


@pytest.mark.parametrize("reason", REASONS, ids=[f"{r.code}-{i}" for i, r in enumerate(REASONS)])
def test_the_french_catalog_says_what_the_engine_s_french_says(french, reason):
    assert render_reason(reason) == render_reason_fr(reason)


def test_candidate_pathway_uses_the_site_s_inclusive_forms(french):
    reason = Reason(R.CANDIDATE_PATHWAY, {"step": "go_regular"})
    assert (
        render_reason(reason) == "A déjà fait des missions ponctuelles : prêt·e pour un engagement régulier"
    )


def test_english_sentences(app):
    with app.test_request_context(), force_locale("en"):
        rendered = render_reason_lists([REASONS[:5]])[0]
        assert rendered == [
            "You are available on Wednesday afternoon and on Saturday morning (14 June)",
            "3 km from your home",
            "Less than a kilometre from your home",
            "Remote: you can help from home",
            "You have already helped Les Restos du Cœur twice: this regular mission is the logical next step",
        ]
        assert stage_label(Stage.REGULAR) == "Regular commitment"


def test_stage_and_next_step_in_french(french):
    assert stage_label(Stage.PONCTUAL) == "Missions ponctuelles"
    step = NextStep("go_regular", Stage.REGULAR, schedule="recurring", prefer_known_associations=True)
    assert next_step_sentence(step).startswith("Prochaine étape : un engagement régulier")


def test_an_unknown_code_is_an_error(french):
    with pytest.raises(ValueError, match="unknown reason code"):
        render_reason(Reason("mystery", {}))
