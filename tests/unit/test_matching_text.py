"""French text analysis of the matching engine, and its vocabularies kept in step with the app's."""

from __future__ import annotations

import itertools

import pytest

from marketplace.matching import vocabulary as mv
from marketplace.matching.text import (
    FRENCH_STOP_WORDS,
    analyze,
    candidate_text,
    default_min_df,
    fold,
    fold_plural,
    mission_text,
    skill_key,
    surface_forms,
)
from marketplace.reference import vocabularies as rv


def test_fold_strips_accents_and_ligatures_and_lowercases():
    assert fold("Cœur Élan À GOGO") == "coeur elan a gogo"
    assert fold("l’épicerie « solidaire »") == "l'epicerie   solidaire  "
    assert fold("plain ascii") == "plain ascii"


@pytest.mark.parametrize(
    ("word", "folded"),
    [
        ("ateliers", "atelier"),
        ("animaux", "animal"),
        ("jeux", "jeu"),
        ("bateaux", "bateau"),
        ("secours", "secour"),
        ("bus", "bus"),
        ("ans", "ans"),
        ("tri", "tri"),
    ],
)
def test_plural_folding_merges_singular_and_plural_only(word, folded):
    assert fold_plural(word) == folded


def test_analysis_drops_stop_and_schedule_words_and_keeps_phrases_within_punctuation():
    features = analyze("Aide aux devoirs, le mercredi après-midi ; Jardinage. Les enfants")
    assert "aide devoir" in features  # stop words between two words do not break a phrase
    assert "devoir mercredi" not in features and "mercredi" not in features  # when, not what
    assert "jardinage enfant" not in features  # a full stop ends the phrase
    assert {"aide", "devoir", "jardinage", "enfant"} <= set(features)
    assert not {"le", "aux", "les"} & set(features)
    assert {"deux", "samedi", "soir", "heures"} <= FRENCH_STOP_WORDS


def test_skill_keys_compare_skills_written_differently():
    assert skill_key("Gestion de projets") == skill_key("gestion projet") == "gestion projet"
    assert skill_key("Comptabilité") == "comptabilite"
    assert skill_key("de la") == ""


def test_surface_forms_give_the_words_as_written():
    text = "Je voudrais tenir des postes de secours. Santé publique"
    assert surface_forms(text, ["poste secour", "sante"]) == {
        "poste secour": "postes de secours",
        "sante": "santé",
    }
    assert surface_forms(text, []) == {}
    assert surface_forms("Titulaire du PSE2 et du permis B", ["pse2", "permis"]) == {
        "pse2": "PSE2",
        "permis": "permis",
    }


def test_mission_and_candidate_texts():
    text = mission_text("Titre", "Description", ["Cuisine", "Accueil"], "aide-alimentaire")
    assert text.count("Titre") == 2 and "Cuisine ; Accueil" in text and "Aide alimentaire" in text
    text = candidate_text("J'aime cuisiner", ["Cuisine"], ["sante", "unknown"], ["Collecte"])
    assert "Santé" in text and "unknown" not in text and "Collecte" in text


def test_min_df_drops_one_off_terms_only_on_big_corpora():
    assert default_min_df(500) == 1 and default_min_df(50_000) == 2


def test_vocabularies_stay_in_step_with_the_reference_ones():
    assert mv.KINDS == rv.MISSION_KIND_SLUGS
    assert mv.SCHEDULES == rv.SCHEDULE_SLUGS
    assert mv.AGE_RANGES == rv.AGE_RANGES and mv.MINIMUM_AGE == rv.MINIMUM_AGE
    assert mv.DOMAINS == rv.DOMAIN_SLUGS and mv.DOMAIN_LABELS_FR == rv.DOMAIN_LABELS_FR
    assert mv.SLOTS == rv.SLOTS
    for age_range, min_age, max_age in itertools.product(
        rv.AGE_RANGES, range(16, 70, 3), [None, 17, 25, 40, 70]
    ):
        if max_age is not None and max_age < min_age:
            continue
        assert mv.age_range_allowed(age_range, min_age, max_age) == rv.age_range_allowed(
            age_range, min_age, max_age
        )


def test_slot_masks():
    mask = mv.slots_mask(["mon_morning", "sun_evening", "nonsense"])
    assert mask == mv.slot_bit("mon_morning") | mv.slot_bit("sun_evening")
    assert mv.mask_slots(mask) == ("mon_morning", "sun_evening")
    assert mv.slots_mask(None) == 0 and mv.slot_bit("nonsense") == 0
