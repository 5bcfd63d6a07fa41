"""What a person's free text refuses: removed from the similarity text, avoided where plain."""

from __future__ import annotations

import pytest

from marketplace.matching.refusals import read_refusals


@pytest.mark.parametrize(
    ("about", "refused", "gone", "kept"),
    [
        ("J'aime le jardinage, loin des écrans.", {"screen"}, "écrans", "jardinage"),
        ("Pas devant un ordinateur : je veux bouger.", {"screen"}, "ordinateur", "bouger"),
        ("Je ne veux pas travailler avec des enfants.", {"children"}, "enfants", "Je ne veux"),
        ("Bricoleur. Pas de port de charges, mon dos ne suit plus.", {"physical"}, "charges", "Bricoleur"),
        ("Pas d'écran et pas d'enfants, merci.", {"screen", "children"}, "enfants", "merci"),
        ("Je ne supporte plus l'informatique après 30 ans de bureau.", {"screen"}, "informatique", "bureau"),
    ],
)
def test_plain_refusals_become_avoided_contexts_and_leave_the_text(about, refused, gone, kept):
    text, contexts = read_refusals(about)
    assert contexts == refused
    assert gone not in text and kept in text


@pytest.mark.parametrize(
    "about",
    [
        "Je n'ai pas d'enfants, j'ai du temps le week-end.",  # a fact, not a refusal
        "Je n'ai pas peur de l'effort physique ni de porter des cartons.",  # welcomed
        "Je voudrais aider les sans-abri et les enfants du quartier.",
        "Je veux aider des familles qui n'ont pas d'ordinateur.",  # about others
        "Je ne connais pas grand-chose en informatique mais j'apprends vite.",
    ],
)
def test_facts_welcomes_and_others_refuse_nothing(about):
    assert read_refusals(about)[1] == frozenset()


def test_a_negation_about_others_keeps_its_words_for_similarity():
    about = "J'aimerais aider des gens qui n'ont pas accès aux soins."
    assert read_refusals(about)[0] == about


def test_the_profile_is_not_changed_only_this_ranking():
    from marketplace.matching.context import build_context
    from marketplace.matching.store import context_bits
    from marketplace.matching.text import TextModel
    from marketplace.matching.types import CandidateFacts

    candidate = CandidateFacts(age_range="26-35", about="Du jardinage, loin des écrans.")
    model, _matrix = TextModel.fit(["jardinage potager", "saisie sur ecran ordinateur"])
    ctx = build_context(model, candidate)
    assert ctx.avoid_context_bits == context_bits(["screen"])
    assert candidate.avoid_contexts == () and "écrans" not in ctx.text and "jardinage" in ctx.text
