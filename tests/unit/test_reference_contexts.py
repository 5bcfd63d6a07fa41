"""Which avoidable contexts a mission's own words state (conservative, French examples)."""

from __future__ import annotations

import pytest

from marketplace.reference.contexts import AVOIDABLE_CONTEXTS, mission_contexts


@pytest.mark.parametrize(
    ("title", "description", "skills", "domain", "remote", "expected"),
    [
        (
            "Tri de denrées",
            "Déchargement du camion : port de charges (cartons de 15 kg).",
            (),
            "aide-alimentaire",
            False,
            {"physical"},
        ),
        (
            "Chantier nature",
            "Débroussaillage des berges du Rhône avec l'équipe du samedi.",
            (),
            "environnement",
            False,
            {"physical"},
        ),
        (
            "Aide aux devoirs",
            "Accompagner des élèves de CM1 après l'école.",
            (),
            "education",
            False,
            {"children"},
        ),
        (
            "Goûter solidaire",
            "Animer un atelier pour des enfants de 6 à 10 ans.",
            (),
            "solidarite-insertion",
            False,
            {"children"},
        ),
        (
            "Centre de loisirs",
            "Encadrer les sorties du mercredi.",
            (),
            "enfance-jeunesse",
            False,
            {"children"},
        ),
        (
            "Site internet",
            "Mise à jour du site de l'association et des réseaux sociaux.",
            (),
            "numerique",
            False,
            {"screen"},
        ),
        (
            "Trésorerie",
            "Tenir les comptes sur un tableur partagé.",
            ("Comptabilité",),
            "citoyennete",
            False,
            {"screen"},
        ),
        ("Écoute téléphonique", "Appeler des personnes âgées isolées.", (), "seniors", True, {"screen"}),
        ("Graphisme", "Affiches de la fête de quartier.", ("Graphisme",), "culture", False, {"screen"}),
        # Nothing stated: nothing guessed.
        (
            "Visites de convivialité",
            "Rendre visite à des personnes âgées isolées, jouer aux cartes.",
            (),
            "seniors",
            False,
            set(),
        ),
        (
            "Accueil du public",
            "Accueillir les visiteurs du musée et les orienter.",
            (),
            "culture",
            False,
            set(),
        ),
        (
            "Maraude",
            "Aller à la rencontre des personnes sans abri le soir, avec un thermos.",
            (),
            "solidarite-insertion",
            False,
            set(),
        ),
        (
            "Permanence juridique",
            "Recevoir les familles et les orienter vers leurs droits.",
            (),
            "solidarite-insertion",
            False,
            set(),
        ),
    ],
)
def test_contexts_are_named_only_on_clear_evidence(title, description, skills, domain, remote, expected):
    found = mission_contexts(title, description, skills, domain, "ponctual", remote)
    assert found == expected and found <= set(AVOIDABLE_CONTEXTS)


def test_the_reading_ignores_case_and_accents():
    assert mission_contexts("MANUTENTION", "", (), "", "", False) == {"physical"}
    assert mission_contexts("Saisie informatique des dons", "", (), "", "", False) == {"screen"}
