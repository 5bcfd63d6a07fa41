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
        # Remote work is screen work, unless the task is a phone call or a letter.
        ("Relecture à distance", "Relire nos rapports depuis chez vous.", (), "culture", True, {"screen"}),
        ("Écoute téléphonique", "Appeler des personnes âgées isolées.", (), "seniors", True, set()),
        ("Correspondance avec une classe", "Écrire une lettre par mois.", (), "education", True, set()),
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
        # Walking the streets for hours: labelled physical by two labellers independently.
        (
            "Maraude",
            "Aller à la rencontre des personnes sans abri le soir, avec un thermos.",
            (),
            "solidarite-insertion",
            False,
            {"physical"},
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


# Written for these tests (not from the labelled sets): how a mission is worded decides, not which.
@pytest.mark.parametrize(
    ("title", "description", "skills", "kind", "expected"),
    [
        # A support mission on the accounts is desk work, even when the association runs a festival.
        (
            "Trésorier·ère de l'amicale",
            "Tenir la comptabilité et préparer le budget ; l'amicale organise aussi une brocante.",
            ("comptabilité",),
            "support",
            {"screen"},
        ),
        # Said outright: no physical effort, no screen, no children.
        (
            "Accueil au vestiaire",
            "Aucun effort physique : vous accueillez les familles assis au comptoir.",
            (),
            "ponctual",
            set(),
        ),
        (
            "Écoute bénévole",
            "Une permanence sans écran, en face à face avec des adultes.",
            (),
            "ponctual",
            set(),
        ),
        (
            "Atelier mémoire",
            "Pas de contact avec des enfants : le public est réservé aux adultes de la résidence.",
            (),
            "ponctual",
            set(),
        ),
        # One incidental mention in the story of the association does not name the task.
        (
            "Relecture du rapport annuel",
            "Notre association accompagne des enfants malades ; vous relisez le rapport imprimé.",
            ("relecture",),
            "support",
            set(),
        ),
        # At a field mission the people a description mentions are there: one clear phrase names
        # children; the same sentence at a desk mission tells whom the association serves.
        (
            "Atelier cuisine petit budget",
            "Cuisiner ensemble un repas avec les clientes de l'épicerie, parfois avec leurs enfants.",
            ("cuisine",),
            "ponctual",
            {"children", "physical"},
        ),
        (
            "Relecture du bulletin trimestriel",
            "Nos bénévoles lisent des histoires avec les enfants ; vous relisez le bulletin imprimé.",
            ("relecture",),
            "support",
            set(),
        ),
        # Activities that are physical work, and tasks done on a tablet.
        (
            "Soutien aux sinistrés",
            "Incendie, inondation : ouvrir des centres d'hébergement, distribuer couvertures et repas.",
            ("accueil",),
            "ponctual",
            {"physical"},
        ),
        (
            "Préparer des adultes au code de la route",
            "Expliquer les questions et faire des séries d'examen blanc sur tablette.",
            ("pédagogie",),
            "support",
            {"screen"},
        ),
        # Someone else than the people met: the cause in an association's name, parents of
        # pupils, children minded elsewhere; a walk in a garden is not gardening.
        (
            "Refondre le site web d'une association d'aide aux devoirs",
            "Migrer notre site vers un outil simple.",
            ("développement web",),
            "support",
            {"screen"},
        ),
        (
            "Atelier de français pour adultes",
            "Des adultes, pour la plupart parents d'élèves. Une halte-garderie prend en charge les "
            "enfants pendant les cours.",
            (),
            "ponctual",
            set(),
        ),
        (
            "Rendre visite à des résidents d'EHPAD",
            "Conversation, lecture, promenade dans le jardin.",
            ("écoute",),
            "ponctual",
            set(),
        ),
        # The title names the task: that wins over a denial elsewhere.
        (
            "Déménagement de la ressourcerie",
            "Porter les meubles du local ; pas besoin de permis.",
            (),
            "ponctual",
            {"physical"},
        ),
        (
            "Entraîneur des U13",
            "Deux entraînements par semaine au stade.",
            ("football",),
            "ponctual",
            {"children", "physical"},
        ),
    ],
)
def test_the_task_decides_and_denials_rule_out(title, description, skills, kind, expected):
    assert mission_contexts(title, description, skills, "", kind, False) == expected
