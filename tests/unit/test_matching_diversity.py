"""Near-duplicate missions are kept apart in the first five results (pure)."""

from __future__ import annotations

from datetime import date

import numpy as np

from marketplace.matching import CandidateFacts, MatchingEngine, MissionFacts
from marketplace.matching.diversity import NEAR_DUPLICATE, TOP, diversify, jaccard, signatures, similarity

TODAY = date(2027, 1, 15)
TEMPLATE = (
    "Mise à jour du site internet de {name} : rédiger les actualités, corriger les pages, ajouter les "
    "photos des événements, tenir l'agenda à jour chaque semaine et répondre aux messages du formulaire "
    "de contact avec l'équipe de {town}. Vous travaillerez avec la chargée de communication, qui vous "
    "transmettra les textes et les visuels ; une formation à l'outil d'édition est prévue au départ. "
    "Aucune compétence technique n'est exigée, seulement le goût de l'écrit, de la rigueur et un peu de "
    "disponibilité pour suivre les demandes des bénévoles et des adhérents."
)
DISTINCT = (
    "Refonte du site internet de la recyclerie : choisir un thème WordPress, migrer les anciennes pages.",
    "Créer une boutique en ligne pour vendre les objets réparés de l'atelier vélo solidaire.",
    "Former les bénévoles au nouvel outil de gestion des adhérents et écrire un guide d'utilisation.",
    "Numériser les archives photographiques de l'association et les classer par année et par lieu.",
    "Animer la page Facebook et Instagram de la banque alimentaire pour recruter des bénévoles.",
)
NAMES = (
    "Les Amis de Bellecour",
    "Entraide Croix-Rousse",
    "Collectif Gerland",
    "Vaulx Solidaire",
    "Part-Dieu Partage",
)
TOWNS = ("Lyon", "Lyon", "Lyon", "Vaulx-en-Velin", "Lyon")


def _mission(mission_id: int, title: str, description: str) -> MissionFacts:
    return MissionFacts(
        id=mission_id,
        title=title,
        description=description,
        domain="numerique",
        kind="support",
        association_id=mission_id,
        schedule="recurring",
        lat=45.764,
        lon=4.8357,
        skills=("Informatique",),
    )


def test_a_template_filled_twice_is_a_near_duplicate_and_two_written_missions_are_not():
    one = TEMPLATE.format(name=NAMES[0], town=TOWNS[0])
    two = TEMPLATE.format(name=NAMES[3], town=TOWNS[3])
    assert jaccard(one, two) >= NEAR_DUPLICATE
    assert all(jaccard(DISTINCT[i], DISTINCT[j]) < 0.2 for i in range(5) for j in range(i + 1, 5))
    s = signatures([one, two, DISTINCT[0]])
    assert similarity(s[0], s[1]) >= NEAR_DUPLICATE > similarity(s[0], s[2])


def test_diversify_moves_duplicates_after_the_top_but_keeps_them_when_nothing_else_is_left():
    s = signatures(
        [TEMPLATE.format(name=n, town=t) for n, t in zip(NAMES, TOWNS, strict=True)] + list(DISTINCT)
    )
    order = list(range(10))  # five copies first, then five distinct missions
    diverse = diversify(order, s)
    assert diverse[:TOP] == [0, 5, 6, 7, 8] and sorted(diverse) == order
    assert diversify([0, 1, 2], s) == [0, 1, 2]  # nothing else fits: the copies stay


def test_the_top_five_of_the_engine_holds_no_two_near_duplicates():
    copies = [
        _mission(i + 1, "Mise à jour du site internet", TEMPLATE.format(name=n, town=t))
        for i, (n, t) in enumerate(zip(NAMES, TOWNS, strict=True))
    ]
    others = [_mission(10 + i, text.split(" :")[0][:50], text) for i, text in enumerate(DISTINCT)]
    engine = MatchingEngine.fit([*copies, *others])
    person = CandidateFacts(
        age_range="26-35",
        lat=45.764,
        lon=4.8357,
        about="Je veux mettre à jour le site internet d'une association, rédiger les actualités",
    )
    results = engine.recommend(person, limit=10, today=TODAY)
    top = [r.mission_id for r in results[:TOP]]
    assert sum(mission_id <= 5 for mission_id in top) == 1
    assert len(results) == 10  # the copies are still there, further down
    copies_text = {c.id: f"{c.title}\n{c.description}" for c in [*copies, *others]}
    for i, a in enumerate(top):
        for b in top[i + 1 :]:
            assert jaccard(copies_text[a], copies_text[b]) < NEAR_DUPLICATE


def test_signatures_of_empty_texts_do_not_break():
    s = signatures(["", "un mot"])
    assert s.shape == (2, s.shape[1]) and s.dtype == np.uint16
