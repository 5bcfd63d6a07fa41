"""Generated missions and candidates around Lyon for the property tests of the matching engine.

Seeded: the same pairs every run. Varied on purpose where the rules have edges: weekly slots and
one-off dates with or without parts of the day, age limits, kinds and domains asked or avoided,
contexts written in the text, remote missions, histories that move the pathway.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from marketplace.matching import CandidateFacts, HistoryItem, MissionFacts
from marketplace.matching.vocabulary import AGE_RANGES, DAY_PARTS, DOMAINS, KINDS, SLOTS

TODAY = date(2027, 1, 15)
CENTRE = (45.7640, 4.8357)
SENTENCES = (
    "Vous trierez les denrées et préparerez les colis pour les familles.",
    "Accueil des bénéficiaires et écoute bienveillante.",
    "Aide aux devoirs auprès des enfants du quartier.",
    "Port de charges : cartons et caisses à décharger du camion.",
    "Mise à jour du site internet et des réseaux sociaux.",
    "Tenir la comptabilité et préparer le bilan annuel.",
    "Visites de convivialité à des personnes âgées isolées.",
    "Nettoyage des berges et ramassage des déchets.",
    "Traduction de documents pour les personnes réfugiées.",
    "Animation d'ateliers de jeux et de lecture.",
    "Maraude du soir auprès des personnes sans abri.",
    "Entraînement de football pour les jeunes.",
)
SKILLS = (
    "Comptabilité",
    "Anglais",
    "Cuisine",
    "Informatique",
    "Football",
    "Écoute",
    "Graphisme",
    "Secourisme",
)
WORDS = ("colis", "comptabilité", "devoirs", "football", "site internet", "traduction", "maraude", "jardin")


def _slots(rng: random.Random, most: int) -> tuple[str, ...]:
    return tuple(sorted(rng.sample(SLOTS, rng.randint(0, most)), key=SLOTS.index))


def missions(count: int, seed: int = 11) -> list[MissionFacts]:
    rng = random.Random(seed)
    result = []
    for i in range(1, count + 1):
        recurring = rng.random() < 0.5
        start = TODAY + timedelta(days=rng.randint(-10, 90))
        one_off = {}
        if not recurring:
            end = start + timedelta(days=rng.choice((0, 0, 1, 2, 9)))
            parts = tuple(rng.sample(DAY_PARTS, rng.randint(0, 2)))
            one_off = {"start_date": start, "end_date": end if end != start else None, "day_parts": parts}
        remote = rng.random() < 0.1
        located = not remote or rng.random() < 0.5
        min_age = rng.choice((16, 16, 18, 18, 18, 21, 25))
        max_age = rng.choice((None, None, None, 30, 65))
        result.append(
            MissionFacts(
                id=i,
                title=rng.choice(SENTENCES).split(" ", 3)[-1][:40],
                description=" ".join(rng.sample(SENTENCES, rng.randint(1, 4))),
                skills=tuple(rng.sample(SKILLS, rng.randint(0, 3))),
                domain=rng.choice(DOMAINS),
                kind=rng.choices(KINDS, weights=(5, 3, 1))[0],
                association_id=rng.randint(1, 15),
                association_name=f"Association {i % 15}",
                schedule="recurring" if recurring else "one_off",
                slots=_slots(rng, 3) if recurring else (),
                lat=CENTRE[0] + rng.uniform(-0.15, 0.15) if located else None,
                lon=CENTRE[1] + rng.uniform(-0.2, 0.2) if located else None,
                remote=remote,
                min_age=min_age,
                max_age=max_age if max_age is None or max_age > min_age else None,
                seats_left=rng.choice((0, 1, 3, 3, 3)),
                status=rng.choice(("published",) * 9 + ("closed",)),
                **one_off,
            )
        )
    return result


def candidates(count: int, pool: list[MissionFacts], seed: int = 12) -> list[CandidateFacts]:
    rng = random.Random(seed)
    result = []
    for _ in range(count):
        domains = tuple(rng.sample(DOMAINS, rng.randint(0, 2)))
        kinds = tuple(rng.sample(KINDS, rng.randint(0, 2)))
        history = tuple(
            HistoryItem(
                mission_id=m.id,
                association_id=m.association_id,
                association_name=m.association_name,
                kind=m.kind,
                schedule=m.schedule,
                status=rng.choice(("accepted", "completed", "completed")),
                title=m.title,
            )
            for m in rng.sample(pool, rng.choice((0, 0, 0, 1, 3)))
        )
        result.append(
            CandidateFacts(
                age_range=rng.choice(AGE_RANGES),
                lat=CENTRE[0] + rng.uniform(-0.1, 0.1) if rng.random() < 0.9 else None,
                lon=CENTRE[1] + rng.uniform(-0.1, 0.1),
                radius_km=rng.choice((3, 8, 15, 30)),
                remote_ok=rng.random() < 0.3,
                slots=_slots(rng, 6),
                flexible=rng.random() < 0.15,
                domains=domains,
                skills=tuple(rng.sample(SKILLS, rng.randint(0, 3))),
                wanted_kinds=kinds,
                about=" ".join(rng.sample(WORDS, rng.randint(0, 3))),
                history=history,
                avoid_domains=tuple(d for d in rng.sample(DOMAINS, rng.randint(0, 2)) if d not in domains),
                avoid_kinds=tuple(k for k in rng.sample(KINDS, rng.choice((0, 0, 1))) if k not in kinds),
                avoid_contexts=tuple(
                    rng.sample(("screen", "children", "physical"), rng.choice((0, 0, 1, 2)))
                ),
            )
        )
    return result
