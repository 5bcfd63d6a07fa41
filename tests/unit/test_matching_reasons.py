"""Plain French rendering of the reason codes (pure)."""

from __future__ import annotations

import pytest

from marketplace.matching import Reason, render_reason_fr
from marketplace.matching import reasons as R


@pytest.mark.parametrize(
    ("code", "params", "sentence"),
    [
        (
            R.AVAILABILITY,
            {"slots": ["wed_afternoon"], "date": None},
            "Vous êtes disponible le mercredi après-midi",
        ),
        (
            R.AVAILABILITY,
            {"slots": ["sat_morning", "sat_afternoon"], "date": "2025-06-01"},
            "Vous êtes disponible le samedi matin et le samedi après-midi (1er juin)",
        ),
        (R.DISTANCE, {"km": 3.2}, "À 3 km de chez vous"),
        (R.DISTANCE, {"km": 0.4}, "À moins d'un kilomètre de chez vous"),
        (R.REMOTE, {}, "À distance : vous pouvez agir de chez vous"),
        (
            R.PATHWAY_ASSOCIATION,
            {
                "association_name": "Les Restos du Cœur",
                "times": 2,
                "kind": "ponctual",
                "schedule": "recurring",
            },
            "Vous avez déjà aidé Les Restos du Cœur deux fois : cette mission régulière est la suite logique",
        ),
        (
            R.PATHWAY_ASSOCIATION,
            {"association_name": "Le Panier", "times": 0, "kind": "support", "schedule": "one_off"},
            "Vous aidez déjà Le Panier : cette mission de soutien est la suite logique",
        ),
        (
            R.PATHWAY_ASSOCIATION,
            {
                "association_name": "Le Panier",
                "times": 12,
                "kind": "ponctual",
                "schedule": "one_off",
                "next_step": False,
            },
            "Vous avez déjà aidé Le Panier 12 fois",
        ),
        (
            R.PATHWAY_NEXT_STEP,
            {"step": "first_mission"},
            "Une mission ponctuelle, idéale pour une première expérience",
        ),
        (
            R.PATHWAY_NEXT_STEP,
            {"step": "go_regular", "done": 3},
            "Après vos missions ponctuelles, un engagement régulier est l'étape suivante",
        ),
        (
            R.PATHWAY_NEXT_STEP,
            {"step": "share_skills"},
            "Après un engagement régulier, partager vos compétences est l'étape suivante",
        ),
        (
            R.PATHWAY_NEXT_STEP,
            {"step": "take_responsibility"},
            "Après vos missions de soutien, prendre des responsabilités est l'étape suivante",
        ),
        (R.PATHWAY_NEXT_STEP, {"step": "pass_it_on"}, "Votre expérience peut guider d'autres bénévoles"),
        (R.SKILL, {"skills": ["Comptabilité"]}, "Compétence recherchée : comptabilité"),
        (R.SKILL, {"skills": ["SQL", "Tableur"]}, "Compétences recherchées : SQL et tableur"),
        (R.DOMAIN, {"domain": "aide-alimentaire"}, "Dans un domaine qui vous intéresse : aide alimentaire"),
        (
            R.TEXT,
            {"terms": ["soutien scolaire", "lecture"]},
            "Proche de ce que vous recherchez : soutien scolaire et lecture",
        ),
        (R.KIND, {"kind": "leadership"}, "Une mission de responsabilité, comme vous le souhaitez"),
        (R.MINORS_WELCOME, {"min_age": 16}, "Ouverte dès 16 ans"),
        (R.ELIGIBLE, {}, "Ouverte à votre profil"),
        (R.CANDIDATE_AVAILABLE, {"slots": ["tue_evening"], "date": None}, "Disponible le mardi soir"),
        (R.CANDIDATE_DISTANCE, {"km": 2.6}, "Habite à 3 km de la mission"),
        (R.CANDIDATE_REMOTE, {}, "Accepte les missions à distance"),
        (R.CANDIDATE_HISTORY, {"times": 3}, "A déjà aidé votre association trois fois"),
        (R.CANDIDATE_HISTORY, {"times": 0}, "Aide déjà votre association"),
        (
            R.CANDIDATE_PATHWAY,
            {"step": "share_skills"},
            "Bénévole régulier(e) : prêt(e) à partager ses compétences",
        ),
        (R.CANDIDATE_SKILL, {"skills": ["Langue des signes (LSF)"]}, "Compétence : langue des signes (LSF)"),
        (R.CANDIDATE_DOMAIN, {"domain": "sante"}, "S'intéresse à : santé"),
        (R.CANDIDATE_TEXT, {"terms": ["vélo"]}, "Son profil évoque : vélo"),
        (R.CANDIDATE_KIND, {"kind": "support"}, "Cherche une mission de soutien"),
        (R.CANDIDATE_ELIGIBLE, {}, "Profil compatible avec la mission"),
        (R.SAME_ASSOCIATION, {"association_name": "Ballon pour Tous"}, "Proposée aussi par Ballon pour Tous"),
        (R.SAME_DOMAIN, {"domain": "sport"}, "Même domaine : sport"),
        (R.SHARED_SKILL, {"skills": ["Python", "SQL"]}, "Compétences en commun : python et SQL"),
        (R.NEARBY_MISSION, {"km": 1.4}, "À 1 km de cette mission"),
        (R.SIMILAR_TEXT, {"terms": ["aide aux devoirs"]}, "Sur des thèmes proches : aide aux devoirs"),
    ],
)
def test_each_reason_reads_as_plain_french(code, params, sentence):
    assert render_reason_fr(Reason(code, params)) == sentence


def test_every_reason_code_has_a_rendering():
    codes = [value for name, value in vars(R).items() if name.isupper() and isinstance(value, str)]
    assert len(codes) >= 25
    samples = {"km": 1.0, "slots": ["mon_morning"], "domain": "sport", "kind": "support", "terms": ["x"]}
    for code in codes:
        assert render_reason_fr(Reason(code, samples))


def test_an_unknown_code_is_an_error():
    with pytest.raises(ValueError, match="unknown reason code"):
        render_reason_fr(Reason("made_up"))


def test_every_candidate_side_code_has_an_association_side_twin():
    assert set(R.FOR_ASSOCIATION.values()) <= {
        R.CANDIDATE_AVAILABLE,
        R.CANDIDATE_DISTANCE,
        R.CANDIDATE_REMOTE,
        R.CANDIDATE_HISTORY,
        R.CANDIDATE_PATHWAY,
        R.CANDIDATE_SKILL,
        R.CANDIDATE_DOMAIN,
        R.CANDIDATE_TEXT,
        R.CANDIDATE_KIND,
        R.CANDIDATE_ELIGIBLE,
    }


def test_small_helpers():
    assert R.times_fr(2) == "deux fois" and R.times_fr(14) == "14 fois"
    assert R.join_fr([]) == "" and R.join_fr(["a"]) == "a" and R.join_fr(["a", "b", "c"]) == "a, b et c"
    assert R.date_fr("2025-08-15") == "15 août"
    assert R.slot_fr("sun_evening") == "le dimanche soir"
    assert R.domain_fr("citoyennete") == "citoyenneté et droits"


def test_reasons_are_json_friendly():
    reason = Reason(R.SKILL, {"skills": ["Comptabilité"]})
    assert reason.to_dict() == {"code": "skill", "params": {"skills": ["Comptabilité"]}}
