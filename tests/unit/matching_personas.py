"""Labelled set of the matching engine: hand-written French missions and personas.

Each mission reads like one an association would post on Tremplin (Lyon and its suburbs, Paris and
the inner suburbs, a few remote). A few missions are posted in several towns by the same
association: they come from one hand-written template with the town's own details. Each persona
is a real-life situation with the missions a careful human would recommend to that person among
all of them, judged from the story and the missions' facts (place, days, age limits, skills,
pathway), not from the engine's ranking. A labelled mission always passes the hard filters for
its persona (tested): the labels measure ranking, not filtering.

Mission ids are ``association id × 100 + n`` so the labels below stay readable.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from marketplace.matching import CandidateFacts, HistoryItem, MissionFacts

TODAY = date(2025, 5, 12)  # a Monday: every date below is read against it

# Real coordinates of town halls or district centres.
PLACES: dict[str, tuple[str, float, float]] = {
    "lyon1": ("Lyon 1er", 45.7676, 4.8344),
    "lyon2": ("Lyon 2e", 45.7500, 4.8270),
    "lyon3": ("Lyon 3e", 45.7597, 4.8490),
    "lyon4": ("Lyon 4e", 45.7791, 4.8279),
    "lyon6": ("Lyon 6e", 45.7688, 4.8502),
    "lyon7": ("Lyon 7e", 45.7460, 4.8420),
    "lyon8": ("Lyon 8e", 45.7347, 4.8695),
    "lyon9": ("Lyon 9e", 45.7745, 4.8055),
    "villeurbanne": ("Villeurbanne", 45.7719, 4.8902),
    "venissieux": ("Vénissieux", 45.6975, 4.8867),
    "vaulx": ("Vaulx-en-Velin", 45.7786, 4.9219),
    "bron": ("Bron", 45.7386, 4.9131),
    "caluire": ("Caluire-et-Cuire", 45.7953, 4.8469),
    "oullins": ("Oullins", 45.7144, 4.8075),
    "saint-priest": ("Saint-Priest", 45.6957, 4.9440),
    "ecully": ("Écully", 45.7744, 4.7775),
    "givors": ("Givors", 45.5906, 4.7689),
    "villefranche": ("Villefranche-sur-Saône", 45.9896, 4.7186),
    "paris11": ("Paris 11e", 48.8590, 2.3800),
    "paris13": ("Paris 13e", 48.8322, 2.3561),
    "paris14": ("Paris 14e", 48.8331, 2.3264),
    "paris18": ("Paris 18e", 48.8925, 2.3444),
    "paris20": ("Paris 20e", 48.8634, 2.3986),
    "montreuil": ("Montreuil", 48.8638, 2.4485),
    "saint-denis": ("Saint-Denis", 48.9362, 2.3574),
    "ivry": ("Ivry-sur-Seine", 48.8133, 2.3847),
    "boulogne": ("Boulogne-Billancourt", 48.8397, 2.2399),
    "nanterre": ("Nanterre", 48.8924, 2.2071),
}

ASSOCIATIONS: dict[int, str] = {
    1: "Le Panier Solidaire",
    2: "Les Restos de la Guillotière",
    3: "Coup de Pouce Scolaire",
    4: "Les Amis des Aînés",
    5: "Refuge Patte Tendue",
    6: "Rhône Nature Propre",
    7: "Jardins Partagés de Villeurbanne",
    8: "Clic & Lien",
    9: "Secouristes du Rhône",
    10: "Ballon pour Tous",
    11: "Accueil Exilés Lyon",
    12: "Maison des Droits",
    13: "Handi'Cap Ensemble",
    14: "Culture au Cœur",
    15: "Santé Partagée",
    16: "Vélos Solidaires",
    17: "Repair Café de Villeurbanne",
    18: "Les Petites Lectures",
    19: "Entraide Vénissieux",
    20: "Voisins Solidaires du Beaujolais",
    21: "Ludothèque des Pentes",
    22: "Épiceries Solidaires du Rhône",
    23: "Sciences en Fête",
    24: "La Ressourcerie du Rhône",
    31: "La Soupe Solidaire",
    32: "Paris Écoliers",
    33: "Les Liens d'Argent",
    34: "SOS Droits des Étrangers",
    35: "Terrain d'Entente",
    36: "Berges Vivantes",
    37: "Secours Solidaire Paris",
    38: "Mots Partagés",
    39: "Numérique pour Tous",
    40: "Les Toits du Cœur",
    41: "Orchestre des Quartiers",
    42: "Signes d'Ensemble",
    43: "Chats Libres de Montreuil",
    44: "Santé Solidaire 13",
    51: "Fil d'Argent",
    52: "Traducteurs Solidaires",
    53: "Compta Solidaire",
    54: "Tremplin Web",
    55: "Mentorat Avenir",
}


def _when(spec: str) -> dict[str, object]:
    """'wed_afternoon sat_morning' (recurring) or '2025-05-24 morning' / 'A..B evening' (one-off)."""
    words = spec.split()
    if "_" in words[0]:
        return {"schedule": "recurring", "slots": tuple(words)}
    first, _, last = words[0].partition("..")
    return {
        "schedule": "one_off",
        "start_date": date.fromisoformat(first),
        "end_date": date.fromisoformat(last) if last else None,
        "day_parts": tuple(words[1:]),
    }


def _m(
    mission_id: int,
    place: str,
    title: str,
    description: str,
    domain: str,
    when: str,
    *,
    kind: str = "ponctual",
    skills: tuple[str, ...] = (),
    min_age: int = 18,
    max_age: int | None = None,
    seats: int = 3,
    status: str = "published",
    remote: bool = False,
    hours: float | None = None,
) -> MissionFacts:
    """One mission; ``place`` is a key of PLACES, or 'remote' for a mission done from home."""
    association_id = mission_id // 100
    if place == "remote":
        city, lat, lon, remote = "", None, None, True
    else:
        city, lat, lon = PLACES[place]
    return MissionFacts(
        id=mission_id,
        title=title,
        description=description,
        skills=skills,
        domain=domain,
        kind=kind,
        association_id=association_id,
        association_name=ASSOCIATIONS[association_id],
        lat=lat,
        lon=lon,
        remote=remote,
        min_age=min_age,
        max_age=max_age,
        seats_left=seats,
        status=status,
        city=city,
        hours_per_week=hours,
        **_when(when),  # type: ignore[arg-type]
    )


# --- Lyon, Villeurbanne and the Rhône -------------------------------------------------------------

LYON_MISSIONS: list[MissionFacts] = [
    # Le Panier Solidaire, épicerie solidaire à Villeurbanne
    _m(
        101,
        "villeurbanne",
        "Accueil et caisse à l'épicerie solidaire",
        "Accueillir les familles orientées par les services sociaux, les aider à faire leurs courses à "
        "petit prix et tenir la caisse. Une après-midi par semaine, en binôme avec une bénévole "
        "expérimentée.",
        "aide-alimentaire",
        "tue_afternoon thu_afternoon",
        skills=("Accueil", "Sens du contact"),
        hours=3,
    ),
    _m(
        102,
        "villeurbanne",
        "Collecte de printemps au supermarché de Villeurbanne",
        "Deux heures à l'entrée d'un supermarché des Gratte-Ciel pour présenter la collecte aux clients "
        "et recevoir leurs dons de produits secs. Ouvert dès 16 ans avec l'accord des parents.",
        "aide-alimentaire",
        "2025-05-24 morning afternoon",
        min_age=16,
        seats=12,
    ),
    _m(
        103,
        "villeurbanne",
        "Tri des denrées le samedi matin",
        "Trier les produits reçus, vérifier les dates de consommation et préparer les caisses pour "
        "l'épicerie. Ambiance conviviale, café et croissants offerts.",
        "aide-alimentaire",
        "sat_morning",
        min_age=16,
        seats=6,
        hours=3,
    ),
    _m(
        104,
        "villeurbanne",
        "Aide à la tenue de la comptabilité de l'épicerie",
        "Saisir les factures et les dons, faire le rapprochement bancaire et aider la trésorière à "
        "clôturer les comptes de l'année. Deux à trois heures par semaine, en partie à distance.",
        "aide-alimentaire",
        "mon_morning thu_morning",
        kind="support",
        skills=("Comptabilité", "Tableur"),
        seats=1,
        hours=3,
    ),
    _m(
        105,
        "villeurbanne",
        "Coordinateur ou coordinatrice des bénévoles de l'épicerie",
        "Organiser le planning d'une trentaine de bénévoles, accueillir les nouveaux venus et animer la "
        "réunion mensuelle. Idéal pour quelqu'un qui connaît déjà bien l'épicerie.",
        "aide-alimentaire",
        "mon_evening wed_evening",
        kind="leadership",
        skills=("Organisation", "Animation d'équipe"),
        seats=1,
        hours=4,
    ),
    _m(
        106,
        "villeurbanne",
        "Atelier cuisine anti-gaspi avec les familles",
        "Préparer un goûter avec les invendus de la semaine et partager des recettes simples et pas "
        "chères avec les familles et leurs enfants.",
        "aide-alimentaire",
        "2025-06-04 afternoon",
        skills=("Cuisine",),
        min_age=16,
    ),
    # Les Restos de la Guillotière, Lyon 7e
    _m(
        201,
        "lyon7",
        "Service des repas chauds du soir",
        "Servir un repas chaud aux personnes sans domicile dans notre local de la Guillotière, prendre "
        "le temps de discuter avec elles et ranger la salle. Un soir par semaine, de 18 h 30 à 21 h.",
        "aide-alimentaire",
        "mon_evening wed_evening fri_evening",
        seats=8,
        hours=3,
    ),
    _m(
        202,
        "lyon7",
        "Maraude du dimanche matin",
        "Partir en équipe de trois à la rencontre des personnes qui dorment dehors, apporter café, "
        "duvets et écoute, et signaler les situations urgentes au 115.",
        "solidarite-insertion",
        "sun_morning",
        seats=6,
        hours=3,
    ),
    _m(
        203,
        "lyon7",
        "Préparation des petits-déjeuners solidaires",
        "De 7 h à 9 h, préparer et servir le petit-déjeuner aux personnes accueillies. Parfait avant "
        "une journée de travail ou pour les lève-tôt.",
        "aide-alimentaire",
        "tue_morning thu_morning fri_morning",
        seats=4,
        hours=2,
    ),
    _m(
        204,
        "lyon7",
        "Collecte dans les magasins de la Guillotière",
        "Tenir un stand de collecte à la sortie d'un magasin du quartier, expliquer notre action et "
        "trier les dons. Mission accessible dès 16 ans.",
        "aide-alimentaire",
        "2025-06-07 morning afternoon",
        min_age=16,
        seats=15,
    ),
    _m(
        205,
        "lyon7",
        "Trésorier ou trésorière de l'antenne",
        "Tenir les comptes de l'antenne, préparer le budget avec le bureau et présenter le bilan "
        "financier à l'assemblée générale. Quelques heures par mois.",
        "aide-alimentaire",
        "tue_evening",
        kind="leadership",
        skills=("Comptabilité", "Gestion budgétaire"),
        seats=1,
        hours=2,
    ),
    _m(
        206,
        "lyon7",
        "Chauffeur pour la ramasse des invendus",
        "Récupérer les invendus de trois supermarchés avec le camion de l'association (le permis B "
        "suffit) et les ramener au local avant midi.",
        "aide-alimentaire",
        "fri_morning",
        skills=("Permis B",),
        seats=2,
        hours=3,
    ),
    # Coup de Pouce Scolaire, Lyon 8e et Vénissieux
    _m(
        301,
        "lyon8",
        "Aide aux devoirs pour des collégiens le mercredi",
        "Accompagner deux ou trois collégiens dans leurs devoirs de mathématiques et de français, les "
        "aider à s'organiser et leur redonner confiance en eux.",
        "education",
        "wed_afternoon",
        skills=("Mathématiques", "Pédagogie"),
        seats=6,
        hours=2,
    ),
    _m(
        302,
        "lyon8",
        "Soutien scolaire en primaire après la classe",
        "De 16 h 30 à 18 h, aider des enfants du CP au CM2 à lire, à réviser leurs leçons et à faire "
        "leurs devoirs, dans une salle de l'école Pasteur.",
        "education",
        "tue_afternoon thu_afternoon",
        skills=("Pédagogie",),
        seats=5,
        hours=3,
    ),
    _m(
        303,
        "venissieux",
        "Accompagnement à la lecture au collège",
        "Lire avec des élèves de sixième qui ont du mal à lire, leur faire découvrir des livres et les "
        "aider à reprendre goût à la lecture. Le mercredi après-midi au collège Paul-Éluard.",
        "education",
        "wed_afternoon",
        skills=("Lecture", "Pédagogie"),
        seats=4,
        hours=2,
    ),
    _m(
        304,
        "lyon8",
        "Stage de révisions avant le brevet",
        "Une semaine de révisions en petits groupes avant le brevet : mathématiques, français, histoire. "
        "Venez une ou plusieurs après-midi selon vos disponibilités.",
        "education",
        "2025-06-16..2025-06-20 afternoon",
        skills=("Mathématiques", "Français"),
        seats=10,
    ),
    _m(
        305,
        "lyon8",
        "Mentor d'un lycéen pour son orientation",
        "Rencontrer un lycéen deux fois par mois pour parler métiers, études et Parcoursup, et l'aider à "
        "construire son projet. Votre expérience professionnelle est précieuse.",
        "education",
        "sat_morning",
        kind="support",
        skills=("Orientation", "Écoute"),
        seats=5,
        hours=1,
    ),
    _m(
        306,
        "lyon8",
        "Responsable d'une équipe de tuteurs bénévoles",
        "Encadrer une dizaine de tuteurs, faire le lien avec les enseignants du collège et organiser les "
        "binômes élève-tuteur. Pour un bénévole qui connaît déjà le soutien scolaire.",
        "education",
        "mon_evening",
        kind="leadership",
        skills=("Animation d'équipe", "Pédagogie"),
        seats=1,
    ),
    # Les Amis des Aînés, Lyon 3e et Caluire
    _m(
        401,
        "lyon3",
        "Visites de convivialité à une personne âgée isolée",
        "Rendre visite chaque semaine à une personne âgée qui vit seule près de la Part-Dieu : discuter, "
        "jouer aux cartes, faire une petite promenade. Une heure ou deux qui changent une semaine.",
        "seniors",
        "tue_afternoon wed_afternoon sat_afternoon",
        skills=("Écoute",),
        seats=10,
        hours=2,
    ),
    _m(
        402,
        "caluire",
        "Après-midi jeux et loto en résidence seniors",
        "Animer un loto et des jeux de société avec les résidents d'une résidence de Caluire. Ouvert "
        "aux jeunes dès 16 ans : les résidents adorent les échanges entre générations.",
        "seniors",
        "2025-05-21 afternoon",
        min_age=16,
        seats=6,
    ),
    _m(
        403,
        "caluire",
        "Accompagnement au marché le jeudi matin",
        "Accompagner à pied deux résidents au marché et à la pharmacie, porter les sacs et prendre le "
        "temps de discuter en chemin.",
        "seniors",
        "thu_morning",
        seats=3,
        hours=2,
    ),
    _m(
        404,
        "lyon6",
        "Sortie au parc de la Tête d'Or avec des résidents",
        "Pousser les fauteuils, marcher au rythme des résidents et partager un goûter au bord du lac. "
        "Une après-midi de plein air, dès 16 ans.",
        "seniors",
        "2025-06-01 afternoon",
        min_age=16,
        seats=10,
    ),
    _m(
        405,
        "lyon3",
        "Atelier chant et mémoire en maison de retraite",
        "Chanter des chansons d'hier avec les résidents d'un EHPAD du 3e, accompagner l'animatrice et "
        "faire travailler la mémoire en s'amusant. Guitaristes bienvenus.",
        "seniors",
        "fri_afternoon",
        skills=("Chant", "Guitare"),
        seats=3,
        hours=2,
    ),
    _m(
        406,
        "lyon3",
        "Référent ou référente du réseau de visiteurs",
        "Coordonner une vingtaine de bénévoles visiteurs, recueillir les demandes des familles et des "
        "services sociaux et former les nouveaux. Une responsabilité pour un visiteur expérimenté.",
        "seniors",
        "mon_afternoon",
        kind="leadership",
        skills=("Organisation", "Écoute"),
        seats=1,
    ),
    # Refuge Patte Tendue, Bron
    _m(
        501,
        "bron",
        "Promenade des chiens du refuge",
        "Sortir les chiens en balade autour du refuge, les sociabiliser et signaler tout comportement "
        "inquiétant à l'équipe. Dès 16 ans, après une courte formation.",
        "animaux",
        "wed_afternoon sat_morning sun_morning",
        min_age=16,
        seats=12,
        hours=2,
    ),
    _m(
        502,
        "bron",
        "Soins et nettoyage à la chatterie",
        "Nettoyer les espaces des chats, préparer les repas et aider la soigneuse lors des soins "
        "quotidiens. En semaine, le matin.",
        "animaux",
        "mon_morning tue_morning thu_morning",
        seats=4,
        hours=3,
    ),
    _m(
        503,
        "bron",
        "Journée portes ouvertes et adoptions",
        "Accueillir les visiteurs, présenter les chiens et les chats à l'adoption et tenir le stand "
        "de goodies au profit du refuge.",
        "animaux",
        "2025-06-14 morning afternoon",
        min_age=16,
        seats=10,
    ),
    _m(
        504,
        "bron",
        "Photographe des animaux à l'adoption",
        "Réaliser de beaux portraits des animaux pour leurs annonces : une bonne photo double leurs "
        "chances d'être adoptés. Matériel personnel apprécié.",
        "animaux",
        "sat_afternoon",
        kind="support",
        skills=("Photographie",),
        seats=1,
        hours=2,
    ),
    _m(
        505,
        "bron",
        "Collecte de croquettes en animalerie",
        "Tenir un stand dans une animalerie de Bron et recueillir les dons de nourriture et de litière "
        "pour les pensionnaires du refuge.",
        "animaux",
        "2025-05-31 afternoon",
        min_age=16,
        seats=6,
    ),
    # Rhône Nature Propre
    _m(
        601,
        "lyon7",
        "Nettoyage des berges du Rhône",
        "Ramasser les déchets sur les quais du Rhône avec gants et pinces fournis, puis trier ce qui a "
        "été collecté. Une matinée utile et en plein air, ouverte dès 16 ans.",
        "environnement",
        "2025-05-18 morning",
        min_age=16,
        seats=40,
    ),
    _m(
        602,
        "lyon7",
        "Ramassage de déchets au parc de Gerland",
        "Une matinée pour débarrasser le parc de Gerland des plastiques et mégots, en famille ou entre "
        "amis. Les mineurs de 16 et 17 ans sont les bienvenus.",
        "environnement",
        "2025-06-08 morning",
        min_age=16,
        seats=30,
    ),
    _m(
        603,
        "vaulx",
        "Opération rivière propre au canal de Jonage",
        "Nettoyer les abords du canal de Jonage à Vaulx-en-Velin avec les pêcheurs du coin, puis "
        "pique-nique partagé.",
        "environnement",
        "2025-05-31 morning",
        min_age=16,
        seats=25,
    ),
    _m(
        604,
        "lyon7",
        "Sensibilisation au tri dans les écoles",
        "Intervenir en classe de CM1-CM2 pour expliquer le tri et le compostage avec des jeux. Un "
        "support d'animation est fourni ; aisance à l'oral souhaitée.",
        "environnement",
        "tue_morning thu_morning",
        kind="support",
        skills=("Pédagogie", "Prise de parole"),
        seats=3,
        hours=2,
    ),
    _m(
        605,
        "lyon7",
        "Coordinateur des opérations de nettoyage",
        "Repérer les sites, obtenir les autorisations de la mairie, organiser le matériel et animer les "
        "équipes de ramassage le jour J.",
        "environnement",
        "wed_evening",
        kind="leadership",
        skills=("Organisation", "Gestion de projet"),
        seats=1,
    ),
    # Jardins Partagés de Villeurbanne
    _m(
        701,
        "villeurbanne",
        "Entretien du potager partagé",
        "Semer, désherber, arroser et récolter avec les habitants du quartier dans notre jardin "
        "partagé. Aucune compétence requise, juste l'envie de mettre les mains dans la terre.",
        "environnement",
        "wed_afternoon sat_morning",
        min_age=16,
        seats=15,
        hours=2,
    ),
    _m(
        702,
        "villeurbanne",
        "Atelier compost avec les habitants",
        "Montrer aux habitants comment composter leurs déchets de cuisine, retourner le composteur "
        "collectif et répondre aux questions.",
        "environnement",
        "2025-05-24 afternoon",
        skills=("Jardinage", "Compostage"),
        min_age=16,
    ),
    _m(
        703,
        "villeurbanne",
        "Jardinage avec les enfants du centre de loisirs",
        "Faire découvrir le potager aux enfants de 6 à 10 ans du centre de loisirs : semis, petites "
        "bêtes, dégustation de radis.",
        "enfance-jeunesse",
        "wed_morning",
        skills=("Jardinage", "Animation"),
        min_age=16,
        seats=3,
        hours=2,
    ),
    _m(
        704,
        "villeurbanne",
        "Construction de bacs potagers en bois",
        "Fabriquer des bacs surélevés en bois de récupération pour que les personnes en fauteuil "
        "puissent jardiner elles aussi. Bricoleurs bienvenus, outils fournis.",
        "environnement",
        "2025-06-07 morning afternoon",
        skills=("Bricolage", "Menuiserie"),
        seats=6,
    ),
    # Clic & Lien, inclusion numérique
    _m(
        801,
        "villeurbanne",
        "Atelier tablette et ordinateur pour les seniors",
        "Aider des seniors à se servir de leur tablette ou de leur ordinateur : envoyer un courriel, "
        "appeler leurs petits-enfants en vidéo, repérer les arnaques.",
        "numerique",
        "tue_morning thu_morning",
        kind="support",
        skills=("Informatique", "Pédagogie"),
        seats=4,
        hours=2,
    ),
    _m(
        802,
        "villeurbanne",
        "Permanence d'aide aux démarches en ligne",
        "Accompagner les habitants dans leurs démarches sur internet : CAF, impôts, France Travail, "
        "rendez-vous médicaux. Patience et bonne maîtrise d'internet demandées.",
        "numerique",
        "mon_afternoon fri_morning",
        skills=("Informatique", "Démarches administratives"),
        seats=4,
        hours=3,
    ),
    _m(
        803,
        "villeurbanne",
        "Reconditionnement d'ordinateurs donnés",
        "Nettoyer, réinstaller (Linux ou Windows) et tester des ordinateurs donnés par des entreprises "
        "avant de les offrir à des familles et à des étudiants.",
        "numerique",
        "wed_afternoon fri_afternoon",
        kind="support",
        skills=("Maintenance informatique", "Linux"),
        seats=3,
        hours=3,
    ),
    _m(
        804,
        "villeurbanne",
        "Refonte du site internet de l'association",
        "Refondre notre site WordPress : pages des ateliers, agenda, formulaire d'inscription. Travail à "
        "distance avec un point d'étape par mois avec l'équipe.",
        "numerique",
        "tue_evening",
        kind="support",
        skills=("Développement web", "WordPress"),
        seats=1,
        remote=True,
    ),
    _m(
        805,
        "lyon8",
        "Atelier numérique au centre social des États-Unis",
        "Animer un atelier hebdomadaire pour débutants : allumer l'ordinateur, utiliser la souris, créer "
        "une adresse courriel. Des supports sont prêts.",
        "numerique",
        "thu_afternoon",
        kind="support",
        skills=("Informatique", "Pédagogie"),
        seats=2,
        hours=2,
    ),
    # Secouristes du Rhône
    _m(
        901,
        "lyon7",
        "Poste de secours aux 10 km de Gerland",
        "Renforcer l'équipe de secouristes le long du parcours. Réservé aux titulaires du PSE1 ou du "
        "PSE2 à jour de formation continue.",
        "urgence-secours",
        "2025-06-01 morning",
        skills=("PSE1", "Premiers secours"),
        seats=12,
    ),
    _m(
        902,
        "lyon9",
        "Initiations aux gestes qui sauvent",
        "Animer des initiations de deux heures aux gestes qui sauvent pour le grand public : alerter, "
        "masser, défibriller. Formateurs PSC ou secouristes expérimentés.",
        "urgence-secours",
        "sat_morning",
        kind="support",
        skills=("Premiers secours", "Pédagogie"),
        seats=4,
        hours=2,
    ),
    _m(
        903,
        "lyon9",
        "Logistique du matériel de secours",
        "Vérifier les sacs d'intervention, les dates de péremption et l'état des véhicules, un soir par "
        "semaine au local de Vaise.",
        "urgence-secours",
        "wed_evening",
        seats=3,
        hours=2,
    ),
    _m(
        904,
        "lyon9",
        "Réserve de bénévoles en cas de crise",
        "Rejoindre la réserve mobilisable en cas d'inondation, de canicule ou de grand froid : "
        "distributions, appels aux personnes fragiles, hébergement d'urgence. Entraînement mensuel.",
        "urgence-secours",
        "thu_evening",
        seats=20,
        hours=1,
    ),
    _m(
        905,
        "lyon1",
        "Secouriste à la Fête de la musique",
        "Tenir un poste de secours sur les pentes de la Croix-Rousse le soir de la Fête de la musique. "
        "PSE1 exigé.",
        "urgence-secours",
        "2025-06-21 evening",
        skills=("PSE1", "Premiers secours"),
        seats=8,
    ),
    # Ballon pour Tous, Vaulx-en-Velin
    _m(
        1001,
        "vaulx",
        "Entraîneur adjoint de football pour les 8-10 ans",
        "Aider l'éducateur du club à encadrer l'entraînement des poussins : échauffement, ateliers "
        "techniques, petits matchs. Passionné de foot, même sans diplôme.",
        "sport",
        "wed_afternoon sat_morning",
        skills=("Football", "Encadrement sportif"),
        seats=3,
        hours=4,
    ),
    _m(
        1002,
        "vaulx",
        "Organisation du tournoi de quartier",
        "Installer les terrains, tenir la buvette, arbitrer les matchs des plus jeunes et remettre les "
        "médailles. Une journée festive, dès 16 ans.",
        "sport",
        "2025-06-14 morning afternoon",
        min_age=16,
        seats=20,
    ),
    _m(
        1003,
        "vaulx",
        "Animation multisport du dimanche matin",
        "Encadrer des jeux sportifs en plein air pour des enfants de 6 à 12 ans du quartier : relais, "
        "balle au prisonnier, initiation au rugby.",
        "sport",
        "sun_morning",
        skills=("Animation", "Encadrement sportif"),
        min_age=16,
        seats=4,
        hours=2,
    ),
    _m(
        1004,
        "vaulx",
        "Trésorier ou trésorière du club",
        "Tenir la comptabilité du club, suivre les licences et les subventions et préparer l'assemblée "
        "générale avec le président.",
        "sport",
        "mon_evening",
        kind="leadership",
        skills=("Comptabilité", "Gestion associative"),
        seats=1,
    ),
    # Accueil Exilés Lyon
    _m(
        1101,
        "lyon1",
        "Cours de français pour adultes exilés",
        "Donner des cours de français langue étrangère à un petit groupe d'adultes récemment arrivés. "
        "Pas besoin d'être enseignant : un guide et une formation sont fournis.",
        "international",
        "mon_evening thu_evening",
        skills=("Français langue étrangère", "Pédagogie"),
        seats=6,
        hours=3,
    ),
    _m(
        1102,
        "lyon1",
        "Accueil et orientation à la permanence",
        "Accueillir les personnes exilées à la permanence, les écouter et les orienter vers les bons "
        "services. Parler anglais ou arabe est un vrai plus.",
        "international",
        "tue_morning",
        skills=("Anglais", "Arabe", "Accueil"),
        seats=3,
        hours=3,
    ),
    _m(
        1103,
        "lyon1",
        "Interprète arabe-français lors des rendez-vous",
        "Accompagner des familles arabophones à leurs rendez-vous (hôpital, école, préfecture) et "
        "traduire les échanges. Discrétion indispensable.",
        "international",
        "wed_morning fri_morning",
        kind="support",
        skills=("Arabe", "Traduction"),
        seats=2,
        hours=3,
    ),
    _m(
        1104,
        "lyon1",
        "Repas du monde de la fête de l'association",
        "Aider à cuisiner et à servir un grand repas préparé par les familles accueillies, puis ranger "
        "la salle. Ouvert dès 16 ans.",
        "international",
        "2025-06-21 evening",
        min_age=16,
        seats=15,
    ),
    # Maison des Droits
    _m(
        1201,
        "lyon1",
        "Permanence juridique gratuite",
        "Recevoir les habitants et les informer sur leurs droits (logement, travail, famille) aux "
        "côtés d'un avocat. Étudiants en droit et juristes bienvenus.",
        "citoyennete",
        "thu_evening",
        kind="support",
        skills=("Droit", "Écoute"),
        seats=3,
        hours=3,
    ),
    _m(
        1202,
        "lyon1",
        "Aide à la rédaction de courriers administratifs",
        "Aider les personnes qui maîtrisent mal l'écrit à rédiger un courrier au bailleur, à la CAF ou "
        "à l'employeur, et à comprendre les réponses.",
        "citoyennete",
        "tue_afternoon",
        skills=("Rédaction",),
        seats=3,
        hours=3,
    ),
    _m(
        1203,
        "lyon2",
        "Ateliers d'éducation à la citoyenneté au lycée",
        "Animer des débats sur le vote, la laïcité et les institutions avec des lycéens, à partir d'un "
        "kit pédagogique. Trois séances au printemps.",
        "citoyennete",
        "2025-05-27..2025-06-12 morning",
        kind="support",
        skills=("Prise de parole", "Pédagogie"),
        seats=4,
    ),
    # Handi'Cap Ensemble, Bron
    _m(
        1301,
        "bron",
        "Sortie au musée avec des personnes en fauteuil",
        "Accompagner des adhérents en fauteuil roulant lors d'une visite au musée des Confluences : "
        "transports, visite, goûter. Dès 16 ans.",
        "handicap",
        "2025-05-25 afternoon",
        min_age=16,
        seats=8,
    ),
    _m(
        1302,
        "bron",
        "Séances de sport adapté le samedi",
        "Aider l'éducateur sportif lors des séances de sport adapté pour des jeunes adultes en "
        "situation de handicap mental : parcours, jeux de ballon, boccia.",
        "handicap",
        "sat_afternoon",
        skills=("Sport adapté", "Animation"),
        seats=4,
        hours=2,
    ),
    _m(
        1303,
        "bron",
        "Interprète en langue des signes à notre journée portes ouvertes",
        "Traduire en LSF les présentations et les échanges de notre journée portes ouvertes pour les "
        "visiteurs sourds.",
        "handicap",
        "2025-06-14 afternoon",
        kind="support",
        skills=("Langue des signes (LSF)",),
        seats=2,
    ),
    _m(
        1304,
        "remote",
        "Rédaction de notre lettre d'information en facile à lire",
        "Réécrire chaque mois notre lettre d'information en « facile à lire et à comprendre » (FALC) "
        "pour nos adhérents. Entièrement à distance, à votre rythme.",
        "handicap",
        "mon_afternoon thu_afternoon",
        kind="support",
        skills=("Rédaction", "FALC"),
        seats=1,
    ),
    # Culture au Cœur
    _m(
        1401,
        "lyon3",
        "Musiciens bénévoles pour des concerts en EHPAD",
        "Jouer un petit concert d'une heure le dimanche dans des maisons de retraite de Lyon. Solo, duo "
        "ou groupe, tous les répertoires sont les bienvenus.",
        "culture",
        "sun_afternoon",
        skills=("Musique", "Guitare", "Piano"),
        seats=6,
        hours=2,
    ),
    _m(
        1402,
        "lyon1",
        "Accueil du public au festival des Pentes",
        "Accueillir les spectateurs, contrôler les billets, orienter le public et aider au rangement "
        "pendant les trois soirs du festival. Dès 16 ans.",
        "culture",
        "2025-06-20..2025-06-22 evening",
        min_age=16,
        seats=25,
    ),
    _m(
        1403,
        "lyon1",
        "Atelier théâtre pour adolescents",
        "Co-animer un atelier théâtre hebdomadaire pour des ados de 12 à 15 ans du quartier, jusqu'à la "
        "représentation de juin.",
        "culture",
        "wed_afternoon",
        skills=("Théâtre", "Animation"),
        seats=2,
        hours=2,
    ),
    _m(
        1404,
        "lyon1",
        "Communication du festival sur les réseaux sociaux",
        "Préparer les publications du festival, réaliser quelques visuels et répondre aux messages. "
        "Possible à distance, avec un point hebdomadaire.",
        "culture",
        "mon_evening",
        kind="support",
        skills=("Communication", "Réseaux sociaux", "Graphisme"),
        seats=1,
        remote=True,
    ),
    # Santé Partagée
    _m(
        1501,
        "lyon8",
        "Accueil des donneurs lors d'une collecte de sang",
        "Accueillir les donneurs, leur servir la collation après le don et veiller à ce que chacun "
        "reparte en forme. Collecte à la mairie du 8e.",
        "sante",
        "2025-05-28 afternoon evening",
        seats=6,
    ),
    _m(
        1502,
        "lyon7",
        "Prévention santé auprès des étudiants",
        "Tenir un stand de prévention (alcool, sommeil, santé sexuelle) lors d'une soirée sur le campus "
        "des quais. Étudiants en santé bienvenus.",
        "sante",
        "2025-06-05 evening",
        kind="support",
        skills=("Prévention", "Santé"),
        seats=5,
    ),
    _m(
        1503,
        "lyon8",
        "Jeux et lecture avec des enfants hospitalisés",
        "Passer l'après-midi avec des enfants hospitalisés en pédiatrie : jeux de société, lecture, "
        "dessin. Engagement d'au moins six mois.",
        "sante",
        "wed_afternoon sat_afternoon",
        skills=("Animation",),
        seats=4,
        hours=3,
    ),
    _m(
        1504,
        "lyon8",
        "Accueil des familles à la Maison des parents de l'hôpital",
        "Accueillir les familles qui viennent de loin pour un enfant hospitalisé, leur présenter la "
        "maison et prendre le temps de les écouter.",
        "sante",
        "mon_afternoon tue_afternoon",
        skills=("Écoute", "Accueil"),
        seats=3,
        hours=3,
    ),
    # Vélos Solidaires
    _m(
        1601,
        "lyon7",
        "Atelier participatif de réparation de vélos",
        "Aider les habitants à réparer eux-mêmes leur vélo : crevaison, freins, dérailleur. Vous montrez, "
        "ils font. Dès 16 ans pour les bons bricoleurs.",
        "environnement",
        "wed_evening sat_afternoon",
        skills=("Mécanique vélo", "Bricolage"),
        min_age=16,
        seats=4,
        hours=3,
    ),
    _m(
        1602,
        "lyon7",
        "Bourse aux vélos d'occasion",
        "Réceptionner les vélos déposés, aider à fixer les prix et conseiller les acheteurs pendant la "
        "bourse annuelle.",
        "environnement",
        "2025-05-31 morning afternoon",
        min_age=16,
        seats=10,
    ),
    _m(
        1603,
        "lyon7",
        "Apprendre le vélo aux adultes",
        "Accompagner des adultes, souvent des femmes qui n'ont jamais pu apprendre, dans leurs premiers "
        "tours de roue : équilibre, freinage, puis circulation en ville.",
        "solidarite-insertion",
        "sun_morning",
        skills=("Pédagogie",),
        seats=4,
        hours=2,
    ),
    # Repair Café de Villeurbanne
    _m(
        1701,
        "villeurbanne",
        "Réparateur bénévole au Repair Café",
        "Diagnostiquer et réparer avec leurs propriétaires grille-pain, lampes, vêtements ou petits "
        "appareils électroniques, le premier samedi du mois.",
        "environnement",
        "sat_afternoon",
        skills=("Électronique", "Bricolage", "Couture"),
        seats=6,
        hours=3,
    ),
    _m(
        1702,
        "villeurbanne",
        "Accueil des visiteurs au Repair Café",
        "Accueillir les visiteurs, noter les objets à réparer et servir le café pendant l'attente. Dès "
        "16 ans.",
        "environnement",
        "2025-06-07 afternoon",
        min_age=16,
        seats=3,
    ),
    # Les Petites Lectures, Lyon 9e
    _m(
        1801,
        "lyon9",
        "Lectures aux tout-petits à la bibliothèque",
        "Lire des albums aux enfants de moins de 3 ans et à leurs parents à la bibliothèque de Vaise, "
        "le mardi matin. Une voix et de l'enthousiasme suffisent.",
        "enfance-jeunesse",
        "tue_morning",
        skills=("Lecture",),
        seats=3,
        hours=2,
    ),
    _m(
        1802,
        "lyon9",
        "Lectures dans les parcs cet été",
        "Installer tapis et livres dans les parcs du 9e pendant l'été et lire des histoires aux enfants "
        "qui passent. Dès 16 ans.",
        "enfance-jeunesse",
        "2025-07-02..2025-07-30 afternoon",
        min_age=16,
        seats=8,
    ),
    _m(
        1803,
        "lyon9",
        "Atelier d'écriture pour enfants le mercredi",
        "Animer avec une autrice un atelier d'écriture pour des enfants de 8 à 11 ans : contes, "
        "poèmes, petit journal.",
        "enfance-jeunesse",
        "wed_afternoon",
        skills=("Écriture", "Animation"),
        seats=2,
        hours=2,
    ),
    # Entraide Vénissieux
    _m(
        1901,
        "venissieux",
        "Aide à la rédaction de CV et de lettres de motivation",
        "Aider des demandeurs d'emploi à mettre en valeur leur parcours dans un CV et une lettre de "
        "motivation. Expérience du recrutement ou des ressources humaines appréciée.",
        "solidarite-insertion",
        "tue_afternoon",
        kind="support",
        skills=("Ressources humaines", "Rédaction"),
        seats=3,
        hours=2,
    ),
    _m(
        1902,
        "venissieux",
        "Simulations d'entretiens d'embauche",
        "Jouer le rôle du recruteur lors d'une matinée de simulations d'entretiens, puis donner des "
        "conseils bienveillants aux candidats.",
        "solidarite-insertion",
        "2025-06-12 morning",
        kind="support",
        skills=("Recrutement",),
        seats=6,
    ),
    _m(
        1903,
        "venissieux",
        "Parrainage de jeunes vers l'emploi",
        "Accompagner pendant six mois un jeune de 18 à 25 ans dans sa recherche d'emploi : réseau, "
        "codes de l'entreprise, motivation.",
        "solidarite-insertion",
        "thu_evening",
        kind="support",
        skills=("Ressources humaines", "Écoute"),
        seats=5,
        hours=1,
    ),
    _m(
        1904,
        "venissieux",
        "Membre du conseil d'administration",
        "Rejoindre le conseil d'administration pour définir les orientations de l'association, suivre "
        "les projets et représenter l'association auprès de la mairie.",
        "solidarite-insertion",
        "mon_evening",
        kind="leadership",
        skills=("Gestion associative",),
        seats=2,
    ),
    # Voisins Solidaires du Beaujolais, Villefranche
    _m(
        2001,
        "villefranche",
        "Livraison de courses aux personnes âgées",
        "Livrer chaque mardi les courses commandées par des personnes âgées qui ne peuvent plus se "
        "déplacer, et prendre un moment pour discuter.",
        "seniors",
        "tue_morning",
        skills=("Permis B",),
        seats=4,
        hours=3,
    ),
    _m(
        2002,
        "villefranche",
        "Atelier tablette pour les seniors de Villefranche",
        "Aider les seniors à utiliser leur tablette : photos, appels vidéo, sites utiles.",
        "numerique",
        "thu_afternoon",
        kind="support",
        skills=("Informatique",),
        seats=2,
        hours=2,
    ),
    _m(
        2003,
        "villefranche",
        "Fête des voisins intergénérationnelle",
        "Préparer et animer la fête des voisins du quartier Belleroche avec les anciens et les familles.",
        "seniors",
        "2025-05-30 evening",
        min_age=16,
        seats=10,
    ),
    # Ludothèque des Pentes, Lyon 1er
    _m(
        2101,
        "lyon1",
        "Animation de jeux de société en famille",
        "Expliquer les règles, lancer les parties et jouer avec les familles lors des après-midi jeux "
        "du samedi. Dès 16 ans.",
        "enfance-jeunesse",
        "sat_afternoon",
        skills=("Animation",),
        min_age=16,
        seats=4,
        hours=3,
    ),
    _m(
        2102,
        "lyon1",
        "Tri et réparation des jeux de la ludothèque",
        "Vérifier les boîtes de jeux, recompter les pièces et réparer ce qui peut l'être, en petit "
        "groupe et dans le calme.",
        "enfance-jeunesse",
        "wed_morning",
        seats=3,
        hours=2,
    ),
    _m(
        2103,
        "lyon1",
        "Kermesse de la ludothèque",
        "Tenir un stand de jeux en bois, maquiller les enfants ou servir les crêpes lors de la kermesse "
        "de fin d'année sur la place Sathonay. Dès 16 ans.",
        "enfance-jeunesse",
        "2025-06-28 afternoon",
        min_age=16,
        seats=12,
    ),
    # Compléments de plusieurs associations lyonnaises
    _m(
        1307,
        "villeurbanne",
        "Tournoi de basket fauteuil à l'Astroballe",
        "Aider à l'organisation d'un tournoi de basket fauteuil : accueil des équipes, buvette, tenue "
        "des feuilles de match et encouragements. Ouvert dès 16 ans, une belle découverte du handisport.",
        "handicap",
        "2025-05-31 morning afternoon",
        min_age=16,
        seats=15,
    ),
    _m(
        1305,
        "bron",
        "Accompagnateur de vacances adaptées",
        "Partir une semaine en juillet dans la Drôme avec un groupe d'adultes en situation de handicap : "
        "aide à la vie quotidienne, activités, sorties. Hébergement et repas pris en charge.",
        "handicap",
        "2025-07-14..2025-07-20 morning afternoon evening",
        skills=("Animation",),
        seats=4,
    ),
    _m(
        1306,
        "lyon6",
        "Guide de course pour un coureur malvoyant",
        "Courir relié par un lien à un coureur malvoyant autour du parc de la Tête d'Or, le dimanche "
        "matin. Il faut tenir une heure de footing tranquille.",
        "handicap",
        "sun_morning",
        skills=("Course à pied",),
        seats=3,
        hours=2,
    ),
    _m(
        1105,
        "lyon1",
        "Aide à la recherche de logement des familles réfugiées",
        "Aider des familles réfugiées à constituer leurs dossiers de logement, à contacter les bailleurs "
        "et à préparer les visites.",
        "international",
        "thu_afternoon",
        kind="support",
        skills=("Démarches administratives",),
        seats=2,
        hours=3,
    ),
    _m(
        1204,
        "lyon9",
        "Atelier d'éducation aux médias pour les jeunes",
        "Apprendre à des jeunes de 14 à 18 ans de la Duchère à repérer les fausses informations et à "
        "vérifier une source, à partir de vidéos et de jeux.",
        "citoyennete",
        "wed_afternoon",
        kind="support",
        skills=("Journalisme", "Pédagogie"),
        seats=2,
        hours=2,
    ),
    _m(
        1905,
        "venissieux",
        "Atelier bureautique pour demandeurs d'emploi",
        "Initier des demandeurs d'emploi au traitement de texte, au tableur et à la recherche d'offres en "
        "ligne, deux matinées par semaine.",
        "numerique",
        "mon_morning thu_morning",
        kind="support",
        skills=("Informatique", "Bureautique"),
        seats=2,
        hours=3,
    ),
    _m(
        1405,
        "lyon9",
        "Bibliothèque de rue à la Duchère",
        "Installer une bibliothèque de rue au pied des immeubles et partager des livres avec les "
        "enfants et leurs parents, le samedi après-midi. Dès 16 ans.",
        "culture",
        "sat_afternoon",
        skills=("Lecture",),
        min_age=16,
        seats=5,
        hours=2,
    ),
    _m(
        2301,
        "villeurbanne",
        "Animation scientifique pour enfants à la fête de la science",
        "Faire réaliser des expériences amusantes (volcans, fusées à eau, circuits électriques) à des "
        "enfants de 7 à 12 ans sur notre stand. Étudiants en sciences bienvenus.",
        "enfance-jeunesse",
        "2025-05-28 afternoon",
        skills=("Sciences", "Animation"),
        min_age=16,
        seats=8,
    ),
    _m(
        2302,
        "villeurbanne",
        "Club sciences du mercredi au collège",
        "Co-animer un club de sciences pour des collégiens : robotique, astronomie, petites expériences.",
        "education",
        "wed_afternoon",
        kind="support",
        skills=("Sciences", "Robotique"),
        seats=2,
        hours=2,
    ),
    _m(
        2401,
        "venissieux",
        "Tri et valorisation des dons à la ressourcerie",
        "Trier les objets donnés (vaisselle, livres, jouets, vêtements), les nettoyer et les mettre en "
        "rayon pour la boutique solidaire.",
        "environnement",
        "sat_morning wed_morning",
        min_age=16,
        seats=8,
        hours=3,
    ),
    _m(
        2402,
        "venissieux",
        "Restauration de meubles à l'atelier",
        "Poncer, réparer et repeindre des meubles donnés avec des salariés en insertion, dans notre "
        "atelier bois. Expérience de la menuiserie appréciée.",
        "environnement",
        "tue_afternoon thu_afternoon",
        kind="support",
        skills=("Menuiserie", "Bricolage"),
        seats=3,
        hours=3,
    ),
    _m(
        2403,
        "venissieux",
        "Grande vente solidaire de la ressourcerie",
        "Installer les stands, conseiller les clients et tenir la caisse lors de notre grande vente de "
        "printemps.",
        "environnement",
        "2025-05-25 morning afternoon",
        min_age=16,
        seats=15,
    ),
]


# --- Missions posted by one association in several towns (one template, each town's details) ------


def _of(city: str) -> str:
    """'de Lyon', but 'd'Oullins'."""
    return f"d'{city}" if city[0] in "AEIOUÉÈÊaeiouéèê" else f"de {city}"


def _collection(mission_id: int, place: str, shop: str, day: str) -> MissionFacts:
    """``shop`` with its article: 'au Monoprix', 'à l'Intermarché'."""
    city = PLACES[place][0]
    at_shop = shop.replace("au ", "du ", 1).replace("à l'", "de l'", 1)
    return _m(
        mission_id,
        place,
        f"Collecte de printemps {shop} {_of(city)}",
        f"Présenter la collecte aux clients {at_shop} {_of(city)}, recevoir leurs dons de conserves, de "
        "pâtes et de produits d'hygiène et remplir les cartons. Créneaux de deux heures ; ouvert dès "
        "16 ans avec une autorisation parentale.",
        "aide-alimentaire",
        f"{day} morning afternoon",
        min_age=16,
        seats=10,
    )


def _distribution(mission_id: int, place: str, venue: str, slots: str, moment: str) -> MissionFacts:
    city = PLACES[place][0]
    return _m(
        mission_id,
        place,
        f"Distribution de colis alimentaires à {city}",
        f"Préparer et remettre les colis aux familles inscrites, {moment}, à {venue}. Accueil, "
        "rangement des stocks et un café partagé avec les bénéficiaires.",
        "aide-alimentaire",
        slots,
        seats=6,
        hours=3,
    )


def _tutoring(mission_id: int, place: str, school: str, slots: str, moment: str) -> MissionFacts:
    city = PLACES[place][0]
    return _m(
        mission_id,
        place,
        f"Accompagnement scolaire à {city}",
        f"Aider des élèves d'école primaire à faire leurs devoirs et à progresser en lecture {moment}, "
        f"dans les locaux de {school}. Un enfant ou deux par bénévole, toute l'année scolaire.",
        "education",
        slots,
        skills=("Pédagogie",),
        seats=5,
        hours=2,
    )


def _visits(mission_id: int, place: str, slots: str) -> MissionFacts:
    city = PLACES[place][0]
    return _m(
        mission_id,
        place,
        f"Visites à domicile de personnes âgées à {city}",
        f"Rendre visite une fois par semaine à une personne âgée isolée {_of(city)} : conversation, "
        "promenade, lecture du journal. Formation et suivi par l'équipe de l'association.",
        "seniors",
        slots,
        skills=("Écoute",),
        seats=8,
        hours=2,
    )


def _digital(mission_id: int, place: str, venue: str, slots: str) -> MissionFacts:
    city = PLACES[place][0]
    return _m(
        mission_id,
        place,
        f"Aide numérique à la médiathèque {_of(city)}",
        f"Tenir une permanence à {venue} pour aider les habitants sur ordinateur et smartphone : "
        "créer un compte, imprimer un document, remplir un formulaire en ligne.",
        "numerique",
        slots,
        skills=("Informatique",),
        seats=3,
        hours=2,
    )


CHAPTER_MISSIONS: list[MissionFacts] = [
    _collection(2201, "lyon3", "au Carrefour Market", "2025-05-24"),
    _collection(2202, "venissieux", "à l'Intermarché", "2025-05-24"),
    _collection(2203, "bron", "au Leclerc", "2025-05-24"),
    _collection(2204, "caluire", "au Monoprix", "2025-05-24"),
    _collection(2205, "oullins", "au Casino", "2025-05-24"),
    _collection(2206, "givors", "à l'Auchan", "2025-05-24"),
    _distribution(2211, "vaulx", "la salle du Mas du Taureau", "wed_morning", "le mercredi matin"),
    _distribution(2212, "saint-priest", "l'espace Mosaïque", "fri_afternoon", "le vendredi après-midi"),
    _distribution(2213, "oullins", "la salle paroissiale", "sat_morning", "le samedi matin"),
    _distribution(2214, "lyon9", "la maison de quartier de Vaise", "thu_afternoon", "le jeudi après-midi"),
    _collection(3111, "paris20", "au Franprix", "2025-05-24"),
    _collection(3112, "montreuil", "au Carrefour", "2025-05-24"),
    _collection(3113, "boulogne", "au Monoprix", "2025-05-24"),
    _distribution(3114, "saint-denis", "la Bourse du travail", "tue_afternoon", "le mardi après-midi"),
    _distribution(3115, "ivry", "l'espace Robespierre", "sat_morning", "le samedi matin"),
    _tutoring(
        3211,
        "paris18",
        "la maison de quartier de la Goutte-d'Or",
        "mon_afternoon thu_afternoon",
        "après l'école",
    ),
    _tutoring(3212, "saint-denis", "l'école Jules-Vallès", "tue_afternoon fri_afternoon", "après la classe"),
    _tutoring(3213, "nanterre", "la médiathèque du Parc", "wed_afternoon", "le mercredi après-midi"),
    _tutoring(3214, "boulogne", "l'espace jeunesse du Pont-de-Sèvres", "wed_morning", "le mercredi matin"),
    _tutoring(311, "bron", "l'école Jean-Jaurès", "mon_afternoon thu_afternoon", "après l'école"),
    _tutoring(312, "saint-priest", "la maison de quartier Revaison", "wed_morning", "le mercredi matin"),
    _visits(411, "villeurbanne", "mon_afternoon thu_afternoon"),
    _visits(412, "oullins", "tue_morning fri_morning"),
    _visits(3311, "paris20", "tue_afternoon sat_afternoon"),
    _visits(3312, "boulogne", "wed_afternoon sun_afternoon"),
    _visits(3313, "montreuil", "mon_morning thu_morning"),
    _digital(811, "vaulx", "la médiathèque Léonard-de-Vinci", "sat_morning"),
    _digital(812, "oullins", "la médiathèque La Mémo", "wed_afternoon"),
    _digital(3911, "saint-denis", "la médiathèque Gulliver", "sat_afternoon"),
    _digital(3912, "ivry", "la médiathèque Antonin-Artaud", "tue_afternoon"),
]


# --- Paris and the inner suburbs ------------------------------------------------------------------

PARIS_MISSIONS: list[MissionFacts] = [
    # La Soupe du 18e
    _m(
        3101,
        "paris18",
        "Distribution alimentaire du samedi matin",
        "Installer les tables, accueillir les familles et distribuer fruits, légumes et produits secs "
        "sous le métro aérien de Barbès. Dès 16 ans.",
        "aide-alimentaire",
        "sat_morning",
        min_age=16,
        seats=10,
        hours=3,
    ),
    _m(
        3102,
        "paris18",
        "Maraude du soir dans le 18e",
        "Aller à la rencontre des personnes à la rue avec une soupe chaude, des vêtements et beaucoup "
        "d'écoute, en équipe de quatre. Départ à 20 h de la Chapelle.",
        "solidarite-insertion",
        "tue_evening thu_evening",
        skills=("Écoute",),
        seats=8,
        hours=3,
    ),
    _m(
        3103,
        "paris18",
        "Cuisine solidaire du mercredi",
        "Éplucher, cuisiner et conditionner les repas distribués le soir même, avec une cheffe "
        "bénévole. Bonne humeur obligatoire, tablier fourni.",
        "aide-alimentaire",
        "wed_morning",
        skills=("Cuisine",),
        seats=6,
        hours=4,
    ),
    _m(
        3104,
        "paris18",
        "Responsable logistique de l'antenne",
        "Gérer les stocks, organiser les livraisons des partenaires et encadrer l'équipe du samedi. "
        "Une vraie responsabilité pour un bénévole aguerri.",
        "aide-alimentaire",
        "sat_morning wed_evening",
        kind="leadership",
        skills=("Logistique", "Animation d'équipe"),
        seats=1,
    ),
    # Paris Écoliers
    _m(
        3201,
        "paris20",
        "Aide aux devoirs en soirée pour collégiens",
        "Aider des collégiens de Belleville dans leurs devoirs de mathématiques, de français et "
        "d'anglais, de 18 h à 19 h 30 après votre journée de travail.",
        "education",
        "mon_evening thu_evening",
        skills=("Mathématiques", "Français", "Anglais"),
        seats=8,
        hours=3,
    ),
    _m(
        3202,
        "paris13",
        "Soutien scolaire le mercredi après-midi",
        "Accompagner des élèves de CM2 et de sixième dans leurs devoirs et leur méthode de travail, "
        "à la maison des associations du 13e.",
        "education",
        "wed_afternoon",
        skills=("Pédagogie",),
        seats=6,
        hours=3,
    ),
    _m(
        3203,
        "paris20",
        "Stage de révisions du bac de français",
        "Une semaine de révisions pour des lycéens avant l'épreuve anticipée de français : "
        "méthodologie du commentaire et entraînement à l'oral.",
        "education",
        "2025-06-02..2025-06-06 afternoon",
        kind="support",
        skills=("Français",),
        seats=5,
    ),
    _m(
        3204,
        "paris13",
        "Atelier d'aisance à l'oral pour lycéens",
        "Préparer des lycéens au grand oral : structurer sa pensée, gérer le stress, convaincre. Idéal "
        "pour des professionnels habitués à présenter.",
        "education",
        "sat_morning",
        kind="support",
        skills=("Prise de parole", "Coaching"),
        seats=3,
        hours=2,
    ),
    # Les Liens d'Argent
    _m(
        3301,
        "paris11",
        "Visites de convivialité le week-end",
        "Rendre visite le samedi ou le dimanche à une personne âgée isolée du 11e : un café, une "
        "promenade, des souvenirs partagés. Le week-end est le moment le plus long pour elles.",
        "seniors",
        "sat_afternoon sun_afternoon",
        skills=("Écoute",),
        seats=10,
        hours=2,
    ),
    _m(
        3302,
        "paris11",
        "Goûter dansant en résidence autonomie",
        "Aider à servir le goûter, inviter les résidents à danser et mettre l'ambiance lors du goûter "
        "dansant de juin. Dès 16 ans.",
        "seniors",
        "2025-06-15 afternoon",
        min_age=16,
        seats=8,
    ),
    _m(
        3303,
        "paris14",
        "Accompagnement aux rendez-vous médicaux",
        "Accompagner des personnes âgées à leurs rendez-vous médicaux en transports en commun et les "
        "aider à se repérer à l'hôpital.",
        "seniors",
        "mon_morning tue_morning fri_morning",
        skills=("Écoute",),
        seats=4,
        hours=3,
    ),
    _m(
        3304,
        "paris11",
        "Responsable de l'équipe des visiteurs du 11e",
        "Animer l'équipe des visiteurs bénévoles, faire les premières visites chez les nouvelles "
        "personnes accompagnées et tenir le lien avec les assistantes sociales.",
        "seniors",
        "tue_evening",
        kind="leadership",
        skills=("Animation d'équipe", "Écoute"),
        seats=1,
    ),
    # SOS Droits des Étrangers
    _m(
        3401,
        "paris11",
        "Permanence d'accès aux droits des étrangers",
        "Recevoir les personnes étrangères, analyser leur situation administrative (titre de séjour, "
        "asile, regroupement familial) et les orienter. Formation juridique nécessaire.",
        "citoyennete",
        "wed_evening",
        kind="support",
        skills=("Droit", "Droit des étrangers"),
        seats=4,
        hours=3,
    ),
    _m(
        3402,
        "paris11",
        "Accompagnement en préfecture",
        "Accompagner des demandeurs de titre de séjour à leur rendez-vous en préfecture, les rassurer "
        "et les aider à présenter leur dossier.",
        "citoyennete",
        "mon_morning thu_morning",
        skills=("Démarches administratives",),
        seats=4,
        hours=4,
    ),
    _m(
        3403,
        "remote",
        "Juriste bénévole pour la rédaction de recours",
        "Rédiger à distance des recours gracieux et contentieux avec l'appui de nos avocats "
        "référents. Pour juristes ou avocats, quelques heures par semaine.",
        "citoyennete",
        "mon_evening wed_evening",
        kind="support",
        skills=("Droit", "Rédaction"),
        seats=3,
    ),
    # Terrain d'Entente, Saint-Denis
    _m(
        3501,
        "saint-denis",
        "Coach de football pour les 12-15 ans",
        "Encadrer l'équipe des U14 avec l'entraîneur principal : séances techniques le mercredi, matchs "
        "le samedi. Connaissance du football indispensable.",
        "sport",
        "wed_afternoon sat_morning",
        skills=("Football", "Encadrement sportif"),
        seats=2,
        hours=5,
    ),
    _m(
        3502,
        "saint-denis",
        "Course solidaire de Saint-Denis",
        "Baliser le parcours, ravitailler les coureurs et applaudir tout le monde à l'arrivée lors de "
        "notre course de 5 km. Dès 16 ans.",
        "sport",
        "2025-06-08 morning",
        min_age=16,
        seats=30,
    ),
    _m(
        3503,
        "saint-denis",
        "Encadrement d'une équipe de basket féminine",
        "Entraîner une équipe de basket de filles de 13 à 17 ans le mardi soir et les accompagner aux "
        "tournois. Expérience du basket souhaitée.",
        "sport",
        "tue_evening",
        skills=("Basket", "Encadrement sportif"),
        seats=2,
        hours=2,
    ),
    _m(
        3504,
        "saint-denis",
        "Trésorier ou trésorière du club",
        "Tenir les comptes du club, préparer les dossiers de subvention et le budget annuel avec le bureau.",
        "sport",
        "thu_evening",
        kind="leadership",
        skills=("Comptabilité", "Gestion associative"),
        seats=1,
    ),
    # Berges Vivantes
    _m(
        3601,
        "ivry",
        "Nettoyage des berges de Seine à Ivry",
        "Ramasser les déchets le long de la Seine, peser et trier la collecte pour alimenter notre "
        "observatoire des déchets. Gants fournis, dès 16 ans.",
        "environnement",
        "2025-05-25 morning",
        min_age=16,
        seats=40,
    ),
    _m(
        3602,
        "paris13",
        "Jardin partagé de la Butte-aux-Cailles",
        "Entretenir les parcelles collectives, arroser et récolter avec les habitants, et accueillir les "
        "curieux. Dès 16 ans.",
        "environnement",
        "sat_morning wed_afternoon",
        min_age=16,
        seats=10,
        hours=2,
    ),
    _m(
        3603,
        "paris13",
        "Inventaire participatif des oiseaux et des insectes",
        "Compter oiseaux, papillons et abeilles sauvages dans les parcs du 13e pour un programme de "
        "sciences participatives. Débutants formés sur place.",
        "environnement",
        "2025-06-01 morning",
        skills=("Naturalisme",),
        min_age=16,
        seats=12,
    ),
    _m(
        3604,
        "paris13",
        "Stand zéro déchet sur le marché",
        "Présenter des astuces zéro déchet aux passants du marché Auguste-Blanqui : vrac, compost, "
        "réparation.",
        "environnement",
        "2025-06-15 morning",
        skills=("Prise de parole",),
        seats=4,
    ),
    # Secours Solidaire Paris
    _m(
        3701,
        "paris14",
        "Secouriste sur les événements parisiens",
        "Tenir des postes de secours lors des concerts et des courses parisiennes du week-end. PSE1 à "
        "jour obligatoire.",
        "urgence-secours",
        "sat_afternoon sun_morning",
        skills=("PSE1", "Premiers secours"),
        seats=15,
        hours=6,
    ),
    _m(
        3702,
        "paris14",
        "Initiation aux premiers secours dans les lycées",
        "Animer des initiations aux gestes de premiers secours dans des lycées parisiens. Pour "
        "secouristes ou soignants à l'aise avec les ados.",
        "urgence-secours",
        "tue_morning thu_afternoon",
        kind="support",
        skills=("Premiers secours", "Pédagogie"),
        seats=4,
        hours=3,
    ),
    _m(
        3703,
        "paris14",
        "Équipier de la réserve d'urgence",
        "Être mobilisable lors des plans grand froid ou des évacuations : accueil des personnes "
        "évacuées, distributions, soutien aux secouristes. Formation fournie.",
        "urgence-secours",
        "mon_evening",
        seats=20,
        hours=1,
    ),
    # Mots Partagés, Montreuil
    _m(
        3801,
        "montreuil",
        "Atelier de conversation en français",
        "Faire pratiquer le français à l'oral à des adultes étrangers autour de thèmes du quotidien : "
        "le marché, le médecin, l'école des enfants.",
        "international",
        "sat_morning",
        skills=("Français langue étrangère",),
        seats=6,
        hours=2,
    ),
    _m(
        3802,
        "montreuil",
        "Cours d'alphabétisation pour adultes",
        "Apprendre à lire et à écrire à des adultes qui n'ont jamais été scolarisés. Patience et "
        "régularité demandées ; formation de deux jours offerte.",
        "solidarite-insertion",
        "tue_morning thu_morning",
        skills=("Alphabétisation", "Pédagogie"),
        seats=4,
        hours=4,
    ),
    _m(
        3803,
        "remote",
        "Traduction de documents en anglais et en espagnol",
        "Traduire nos fiches pratiques (santé, logement, école) en anglais et en espagnol pour les "
        "personnes que nous accompagnons. À distance.",
        "international",
        "wed_evening",
        kind="support",
        skills=("Anglais", "Espagnol", "Traduction"),
        seats=2,
    ),
    # Numérique pour Tous
    _m(
        3901,
        "paris18",
        "Aide aux démarches administratives en ligne",
        "Aider les habitants du 18e à faire leurs démarches sur internet (CAF, Ameli, impôts) lors "
        "d'une permanence hebdomadaire.",
        "numerique",
        "wed_afternoon",
        skills=("Informatique", "Démarches administratives"),
        seats=3,
        hours=3,
    ),
    _m(
        3902,
        "paris18",
        "Atelier smartphone pour les seniors",
        "Montrer à des seniors comment utiliser leur smartphone : messages, photos, applications de "
        "transport. En petit groupe, dans la bonne humeur.",
        "numerique",
        "fri_morning",
        kind="support",
        skills=("Informatique", "Pédagogie"),
        seats=2,
        hours=2,
    ),
    _m(
        3903,
        "remote",
        "Développement d'une application de prise de rendez-vous",
        "Faire évoluer notre petite application web (Python, Django) qui gère les rendez-vous des "
        "permanences. Travail à distance, revue de code par un bénévole senior.",
        "numerique",
        "tue_evening thu_evening",
        kind="support",
        skills=("Développement web", "Python", "Django"),
        seats=2,
    ),
    _m(
        3904,
        "paris18",
        "Mise en place d'une base de données des bénéficiaires",
        "Concevoir une base de données simple pour suivre les personnes accompagnées (dans le respect "
        "du RGPD) et former l'équipe à s'en servir.",
        "numerique",
        "mon_afternoon",
        kind="support",
        skills=("Bases de données", "SQL", "Tableur"),
        seats=1,
    ),
    # Les Toits du Cœur
    _m(
        4001,
        "paris14",
        "Accueil de jour pour personnes sans abri",
        "Accueillir les personnes à la rue autour d'un café, les orienter vers les douches, la bagagerie "
        "et les services sociaux, le matin en semaine.",
        "solidarite-insertion",
        "mon_morning wed_morning",
        skills=("Écoute", "Accueil"),
        seats=5,
        hours=3,
    ),
    _m(
        4002,
        "paris14",
        "Veille de nuit en centre d'hébergement",
        "Assurer une présence bienveillante le vendredi soir dans un centre d'hébergement d'urgence, "
        "aux côtés d'un salarié.",
        "solidarite-insertion",
        "fri_evening",
        seats=3,
        hours=5,
    ),
    _m(
        4003,
        "paris14",
        "Coordinateur ou coordinatrice de l'équipe bénévole",
        "Recruter, former et animer une équipe de quarante bénévoles, organiser les plannings et "
        "représenter les bénévoles au comité de direction.",
        "solidarite-insertion",
        "tue_evening",
        kind="leadership",
        skills=("Gestion de projet", "Management", "Animation d'équipe"),
        seats=1,
    ),
    _m(
        4004,
        "paris14",
        "Chargé ou chargée de communication bénévole",
        "Rédiger nos publications, mettre à jour le site et préparer la campagne d'appel aux dons de "
        "l'hiver. Une partie du travail peut se faire à distance.",
        "solidarite-insertion",
        "thu_evening",
        kind="support",
        skills=("Communication", "Réseaux sociaux", "Rédaction"),
        seats=1,
    ),
    # Orchestre des Quartiers
    _m(
        4101,
        "paris20",
        "Cours de musique pour enfants",
        "Enseigner le violon ou la flûte à des enfants de 8 à 12 ans qui n'ont jamais touché un "
        "instrument, en petits groupes, le mercredi après-midi.",
        "culture",
        "wed_afternoon",
        skills=("Musique", "Violon", "Flûte"),
        seats=3,
        hours=2,
    ),
    _m(
        4102,
        "paris20",
        "Accueil du public au concert de fin d'année",
        "Accueillir les familles, placer le public et tenir le buffet lors du concert de l'orchestre. "
        "Dès 16 ans.",
        "culture",
        "2025-06-21 evening",
        min_age=16,
        seats=10,
    ),
    _m(
        4103,
        "paris20",
        "Régie son et lumière du concert",
        "Installer et régler le son et les lumières du concert de fin d'année, avec l'aide d'un technicien.",
        "culture",
        "2025-06-21 afternoon evening",
        kind="support",
        skills=("Technique son", "Éclairage"),
        seats=2,
    ),
    # Signes d'Ensemble
    _m(
        4201,
        "paris11",
        "Accompagnement de personnes sourdes dans leurs démarches",
        "Accompagner des personnes sourdes à la banque, chez le médecin ou à la mairie et faciliter la "
        "communication. Bonne pratique de la LSF indispensable.",
        "handicap",
        "tue_afternoon fri_afternoon",
        kind="support",
        skills=("Langue des signes (LSF)",),
        seats=3,
        hours=3,
    ),
    _m(
        4202,
        "paris11",
        "Visites de musées avec des personnes malvoyantes",
        "Guider des personnes malvoyantes lors de visites au musée, décrire les œuvres et les aider à "
        "se déplacer.",
        "handicap",
        "2025-06-07 afternoon",
        min_age=16,
        seats=6,
    ),
    _m(
        4203,
        "paris20",
        "Animation d'un café signes",
        "Co-animer un café signes où sourds et entendants se retrouvent pour échanger en langue des "
        "signes, le jeudi soir.",
        "handicap",
        "thu_evening",
        skills=("Langue des signes (LSF)", "Animation"),
        seats=2,
        hours=2,
    ),
    # Chats Libres de Montreuil
    _m(
        4301,
        "montreuil",
        "Nourrissage des chats des rues",
        "Nourrir les colonies de chats libres de Montreuil deux soirs par semaine et surveiller leur "
        "état de santé. Dès 16 ans.",
        "animaux",
        "mon_evening thu_evening",
        min_age=16,
        seats=6,
        hours=1,
    ),
    _m(
        4302,
        "montreuil",
        "Trappage pour la stérilisation des chats",
        "Aider à capturer les chats errants pour les emmener chez le vétérinaire partenaire, puis les "
        "relâcher sur leur site.",
        "animaux",
        "2025-05-29 evening",
        seats=4,
    ),
    # Santé Solidaire 13
    _m(
        4401,
        "paris13",
        "Accueil au centre de santé solidaire",
        "Accueillir les patients sans couverture sociale, les aider à remplir leur dossier et les "
        "orienter vers les médecins bénévoles.",
        "sante",
        "tue_morning thu_morning",
        skills=("Accueil",),
        seats=3,
        hours=4,
    ),
    _m(
        4402,
        "paris13",
        "Dépistage et prévention dans la rue",
        "Participer avec nos infirmières à des actions de dépistage (tension, diabète) et de prévention "
        "auprès des personnes à la rue.",
        "sante",
        "2025-06-11 afternoon",
        kind="support",
        skills=("Soins infirmiers", "Prévention"),
        seats=4,
    ),
    _m(
        4403,
        "paris13",
        "Ateliers nutrition pour les familles",
        "Animer des ateliers sur l'alimentation équilibrée à petit budget pour les familles du quartier. "
        "Diététiciens ou étudiants en nutrition.",
        "sante",
        "sat_morning",
        kind="support",
        skills=("Nutrition", "Diététique"),
        seats=2,
        hours=2,
    ),
    # Compléments parisiens
    _m(
        3404,
        "paris18",
        "Écrivain public à la Goutte-d'Or",
        "Aider les habitants à lire et à rédiger leurs courriers administratifs lors d'une permanence du "
        "samedi matin. Belle plume et discrétion demandées.",
        "citoyennete",
        "sat_morning",
        skills=("Rédaction",),
        seats=2,
        hours=3,
    ),
    _m(
        3505,
        "paris13",
        "Marche nordique avec des seniors",
        "Encadrer une marche nordique douce au parc de Choisy pour des seniors qui veulent garder la "
        "forme, le mardi matin.",
        "sport",
        "tue_morning",
        skills=("Encadrement sportif",),
        seats=2,
        hours=2,
    ),
    _m(
        3605,
        "saint-denis",
        "Plantation d'une micro-forêt à Saint-Denis",
        "Planter 600 jeunes arbres avec les habitants et les écoles pour créer une micro-forêt urbaine. "
        "Dès 16 ans, bottes conseillées.",
        "environnement",
        "2025-05-17 morning afternoon",
        min_age=16,
        seats=50,
    ),
    _m(
        4005,
        "paris14",
        "Préparation de kits d'hygiène",
        "Assembler des kits d'hygiène (savon, brosse à dents, protections périodiques) pour les "
        "personnes à la rue, en petite équipe, un soir par semaine.",
        "solidarite-insertion",
        "wed_evening",
        min_age=16,
        seats=8,
        hours=2,
    ),
    _m(
        4104,
        "paris20",
        "Sorties au théâtre avec des jeunes du quartier",
        "Accompagner des jeunes de 13 à 17 ans au théâtre puis animer une discussion sur la pièce. Deux "
        "sorties par mois.",
        "culture",
        "fri_evening",
        skills=("Théâtre",),
        seats=3,
        hours=3,
    ),
    _m(
        4204,
        "paris20",
        "Jeux avec des enfants autistes",
        "Partager des jeux calmes avec des enfants autistes et leurs frères et sœurs pendant que les "
        "parents participent à un groupe de parole.",
        "handicap",
        "sat_morning",
        skills=("Animation",),
        seats=4,
        hours=3,
    ),
    _m(
        4404,
        "paris14",
        "Présence auprès de patients en soins palliatifs",
        "Offrir une présence et une écoute à des patients en fin de vie et à leurs proches, dans une "
        "unité de soins palliatifs. Formation et groupe de parole obligatoires.",
        "sante",
        "mon_afternoon thu_afternoon",
        skills=("Écoute",),
        seats=3,
        hours=3,
    ),
    _m(
        3905,
        "paris20",
        "Réparation d'ordinateurs pour des familles",
        "Remettre en état des ordinateurs portables donnés (diagnostic, changement de disque, "
        "installation de Linux) pour des collégiens de Belleville.",
        "numerique",
        "sat_afternoon",
        kind="support",
        skills=("Maintenance informatique", "Linux"),
        seats=3,
        hours=3,
    ),
]


# --- Remote missions (done from home, anywhere in France) ------------------------------------------

REMOTE_MISSIONS: list[MissionFacts] = [
    _m(
        5101,
        "remote",
        "Appels de convivialité à des personnes âgées isolées",
        "Téléphoner chaque semaine à une ou deux personnes âgées isolées pour prendre des nouvelles, "
        "discuter et rompre la solitude. De chez vous, au moment qui vous arrange.",
        "seniors",
        "mon_afternoon wed_afternoon fri_afternoon",
        skills=("Écoute",),
        seats=30,
        hours=1,
    ),
    _m(
        5102,
        "remote",
        "Appels du dimanche aux aînés",
        "Le dimanche est le jour le plus long pour les personnes seules : appelez-les pour un moment "
        "de conversation, depuis chez vous.",
        "seniors",
        "sun_afternoon",
        skills=("Écoute",),
        seats=20,
        hours=1,
    ),
    _m(
        5201,
        "remote",
        "Traduction anglais-français de rapports de projets",
        "Traduire des rapports de projets d'accès à l'eau au Sénégal et au Burkina Faso pour nos "
        "partenaires francophones.",
        "international",
        "tue_evening sat_morning",
        kind="support",
        skills=("Anglais", "Traduction"),
        seats=3,
    ),
    _m(
        5202,
        "remote",
        "Traduction de fiches pour les personnes réfugiées",
        "Traduire en arabe, en dari ou en pachto des fiches sur la santé, l'école et les droits pour "
        "des personnes réfugiées.",
        "international",
        "wed_evening",
        kind="support",
        skills=("Arabe", "Traduction"),
        seats=3,
    ),
    _m(
        5301,
        "remote",
        "Tenue de la comptabilité d'une petite association",
        "Saisir les opérations d'une association de quartier sur un logiciel en ligne, préparer le "
        "bilan et le compte de résultat. À distance, deux heures par semaine.",
        "solidarite-insertion",
        "tue_morning thu_afternoon",
        kind="support",
        skills=("Comptabilité",),
        seats=2,
        hours=2,
    ),
    _m(
        5302,
        "remote",
        "Accompagnement de trésoriers débutants",
        "Répondre en visio aux questions de trésoriers bénévoles : budget, plan de trésorerie, "
        "subventions, clôture des comptes.",
        "solidarite-insertion",
        "mon_morning wed_morning",
        kind="support",
        skills=("Comptabilité", "Gestion associative"),
        seats=4,
        hours=2,
    ),
    _m(
        5303,
        "remote",
        "Trésorier ou trésorière d'une association nationale",
        "Prendre la trésorerie d'une association nationale d'entraide : suivi budgétaire, relation avec "
        "l'expert-comptable, rapport financier à l'assemblée générale.",
        "solidarite-insertion",
        "mon_evening",
        kind="leadership",
        skills=("Comptabilité", "Gestion budgétaire"),
        seats=1,
    ),
    _m(
        5401,
        "remote",
        "Création d'un site vitrine pour une association",
        "Créer un site simple et accessible pour une association de quartier : présentation, "
        "actualités, formulaire de contact.",
        "numerique",
        "sat_morning",
        kind="support",
        skills=("Développement web", "WordPress"),
        seats=2,
    ),
    _m(
        5402,
        "remote",
        "Maintenance de notre outil de gestion des bénévoles",
        "Corriger des bugs et ajouter des fonctionnalités à notre outil libre de gestion des bénévoles "
        "(Python, PostgreSQL). Travail à distance, à votre rythme.",
        "numerique",
        "thu_evening",
        kind="support",
        skills=("Python", "Bases de données", "SQL"),
        seats=2,
    ),
    _m(
        5403,
        "remote",
        "Animation de nos réseaux sociaux",
        "Préparer et publier nos posts sur Instagram et Facebook, raconter les actions des bénévoles et "
        "répondre aux messages.",
        "solidarite-insertion",
        "mon_evening thu_evening",
        kind="support",
        skills=("Communication", "Réseaux sociaux"),
        seats=1,
    ),
    _m(
        5404,
        "remote",
        "Graphisme de la campagne d'affichage",
        "Créer les affiches et les visuels de notre campagne de recrutement de bénévoles. À distance.",
        "culture",
        "2025-06-02..2025-06-27 afternoon evening",
        kind="support",
        skills=("Graphisme", "Communication"),
        seats=1,
    ),
    _m(
        5501,
        "remote",
        "Mentorat en ligne d'un étudiant boursier",
        "Accompagner un étudiant boursier pendant un an en visio : méthodes de travail, stages, réseau "
        "professionnel.",
        "education",
        "tue_evening",
        kind="support",
        skills=("Orientation", "Écoute"),
        seats=10,
        hours=1,
    ),
    _m(
        5502,
        "remote",
        "Soutien scolaire en visio",
        "Aider un collégien en mathématiques ou en français par visioconférence, une heure par semaine "
        "en fin de journée.",
        "education",
        "mon_evening wed_evening",
        skills=("Mathématiques", "Français"),
        seats=15,
        hours=1,
    ),
    _m(
        5405,
        "remote",
        "Rédaction d'articles pour notre blog",
        "Interviewer des bénévoles par téléphone et écrire des portraits pour notre blog et notre "
        "lettre mensuelle.",
        "solidarite-insertion",
        "wed_afternoon",
        kind="support",
        skills=("Rédaction", "Journalisme"),
        seats=2,
    ),
    _m(
        5104,
        "remote",
        "Lecture à voix haute au téléphone",
        "Lire le journal ou un roman au téléphone à des personnes âgées malvoyantes, une fois par semaine.",
        "seniors",
        "tue_morning thu_morning",
        skills=("Lecture",),
        seats=10,
        hours=1,
    ),
]


# --- Not recommendable: past, closed, full or still a draft ----------------------------------------

UNAVAILABLE_MISSIONS: list[MissionFacts] = [
    _m(
        107,
        "villeurbanne",
        "Collecte d'hiver au supermarché",
        "Recevoir les dons des clients à l'entrée du supermarché. Dès 16 ans.",
        "aide-alimentaire",
        "2025-05-03 morning afternoon",
        min_age=16,
        seats=10,
    ),
    _m(
        307,
        "lyon8",
        "Aide aux devoirs du mercredi (complet)",
        "Accompagner des collégiens dans leurs devoirs le mercredi après-midi.",
        "education",
        "wed_afternoon",
        skills=("Pédagogie",),
        seats=0,
    ),
    _m(
        506,
        "bron",
        "Promenade des chiens en semaine",
        "Sortir les chiens du refuge en semaine.",
        "animaux",
        "tue_afternoon",
        min_age=16,
        status="closed",
    ),
    _m(
        1005,
        "vaulx",
        "Arbitre bénévole du championnat",
        "Arbitrer les matchs des jeunes le samedi.",
        "sport",
        "sat_afternoon",
        status="draft",
    ),
    _m(
        3105,
        "paris18",
        "Maraude de Noël",
        "Distribuer des colis de Noël aux personnes à la rue.",
        "solidarite-insertion",
        "2024-12-24 evening",
    ),
    _m(
        5103,
        "remote",
        "Appels aux aînés pendant la canicule",
        "Appeler les personnes âgées isolées pendant l'alerte canicule.",
        "seniors",
        "2025-05-05..2025-05-09 morning",
        status="closed",
    ),
]

MISSIONS: list[MissionFacts] = [
    *LYON_MISSIONS,
    *CHAPTER_MISSIONS,
    *PARIS_MISSIONS,
    *REMOTE_MISSIONS,
    *UNAVAILABLE_MISSIONS,
]


# --- Personas ---------------------------------------------------------------------------------------

WEEKDAYS = "mon tue wed thu fri"
WEEKEND = "sat sun"


def slots(days: str, parts: str) -> tuple[str, ...]:
    """slots('sat sun', 'morning afternoon') -> ('sat_morning', 'sat_afternoon', 'sun_morning', ...)."""
    return tuple(f"{day}_{part}" for day in days.split() for part in parts.split())


def done(
    mission_id: int,
    association_id: int,
    title: str,
    *,
    kind: str = "ponctual",
    schedule: str = "one_off",
    status: str = "completed",
    hours: float | None = None,
) -> HistoryItem:
    """One mission of a persona's history."""
    return HistoryItem(
        mission_id=mission_id,
        association_id=association_id,
        association_name=ASSOCIATIONS[association_id],
        kind=kind,
        schedule=schedule,
        status=status,
        hours_done=hours,
        title=title,
    )


@dataclass(frozen=True)
class Persona:
    """A real-life situation and the missions a careful human would recommend (any order)."""

    key: str
    story: str
    candidate: CandidateFacts
    relevant: tuple[int, ...]


def _p(
    key: str, story: str, place: str | None, age_range: str, relevant: tuple[int, ...], **facts
) -> Persona:
    lat, lon = (None, None) if place is None else PLACES[place][1:]
    candidate = CandidateFacts(age_range=age_range, lat=lat, lon=lon, **facts)
    return Persona(key, story, candidate, relevant)


PERSONAS: list[Persona] = [
    _p(
        "etudiante_mercredi",
        "Léa, 20 ans, étudiante en lettres à la Guillotière, libre le mercredi après-midi, veut aider des "
        "enfants à lire et à faire leurs devoirs.",
        "lyon7",
        "18-25",
        (301, 303, 304, 1803),
        radius_km=8,
        slots=("wed_afternoon",),
        domains=("education", "enfance-jeunesse"),
        skills=("Français", "Lecture"),
        about="Étudiante en lettres modernes, je suis libre le mercredi après-midi. J'aimerais aider des "
        "enfants à lire, à écrire et à faire leurs devoirs.",
    ),
    _p(
        "comptable_retraite",
        "Bernard, expert-comptable à la retraite à Villeurbanne, libre le matin en semaine, veut tenir les "
        "comptes d'une association, y compris à distance.",
        "villeurbanne",
        "66+",
        (104, 5301, 5302),
        radius_km=10,
        remote_ok=True,
        slots=slots(WEEKDAYS, "morning"),
        domains=("solidarite-insertion", "aide-alimentaire"),
        wanted_kinds=("support",),
        skills=("Comptabilité", "Gestion budgétaire", "Tableur"),
        about="Expert-comptable à la retraite depuis un an, je voudrais mettre mes compétences au service "
        "d'une association : tenir les comptes, préparer un bilan ou conseiller des trésoriers.",
    ),
    _p(
        "lyceenne_16_ans",
        "Inès, 16 ans, en seconde dans le 3e, veut une première expérience avec des animaux ou dans la "
        "nature, le mercredi après-midi ou le samedi.",
        "lyon3",
        "16-17",
        (501, 503, 505, 603, 701, 702),
        radius_km=10,
        slots=("wed_afternoon", "sat_morning", "sat_afternoon"),
        domains=("animaux", "environnement"),
        about="J'ai 16 ans et je voudrais faire du bénévolat pour la première fois, si possible avec des "
        "animaux ou pour protéger la nature.",
    ),
    _p(
        "parent_week_end",
        "Karim, père de deux enfants à Vénissieux, travaille en semaine et ne peut donner que quelques "
        "heures le week-end, près de chez lui, pour une action concrète.",
        "venissieux",
        "36-50",
        (103, 204, 1001, 1002, 1003, 2202, 2203, 2213),
        radius_km=10,
        slots=slots(WEEKEND, "morning afternoon"),
        domains=("aide-alimentaire", "sport"),
        wanted_kinds=("ponctual",),
        about="Papa de deux enfants, je travaille toute la semaine. Le week-end, je peux donner quelques "
        "heures pour une action concrète près de chez moi, distribuer ou collecter de la nourriture, ou "
        "encadrer du sport pour les jeunes.",
    ),
    _p(
        "deuxieme_collecte",
        "Sophie a fait deux collectes avec Le Panier Solidaire et veut maintenant s'engager chaque semaine.",
        "villeurbanne",
        "26-35",
        (101, 103, 2214),
        radius_km=8,
        slots=("tue_afternoon", "thu_afternoon", "sat_morning"),
        domains=("aide-alimentaire",),
        history=(
            done(107, 1, "Collecte d'hiver au supermarché", hours=4),
            done(90101, 1, "Collecte d'automne au supermarché", hours=4),
        ),
        about="J'ai participé à deux collectes avec Le Panier Solidaire et j'ai adoré l'ambiance. J'aimerais "
        "maintenant m'engager plus régulièrement, chaque semaine.",
    ),
    _p(
        "troisieme_fois",
        "Marc revient pour la troisième fois aux Restos de la Guillotière ; il a le permis et s'y connaît "
        "en logistique.",
        "lyon7",
        "51-65",
        (201, 203, 206),
        radius_km=5,
        slots=("mon_evening", "wed_evening", "fri_morning"),
        domains=("aide-alimentaire",),
        skills=("Permis B", "Logistique"),
        history=(
            done(90201, 2, "Collecte dans les magasins de la Guillotière", hours=5),
            done(90202, 2, "Service du repas de Noël", hours=6),
            done(90203, 2, "Collecte d'hiver", hours=4),
        ),
        about="Je viens d'aider les Restos de la Guillotière pour la troisième fois. J'ai le permis B et je "
        "travaille dans la logistique.",
    ),
    _p(
        "demandeur_emploi_informatique",
        "Thomas, développeur en recherche d'emploi à Villeurbanne, disponible en journée, veut mettre ses "
        "compétences informatiques au service d'une association.",
        "villeurbanne",
        "26-35",
        (801, 802, 803, 804, 805, 3903, 5401, 5402),
        radius_km=10,
        remote_ok=True,
        flexible=True,
        domains=("numerique",),
        skills=("Informatique", "Linux", "Développement web", "Python"),
        about="Développeur en recherche d'emploi, je veux garder la main et être utile : réparer des "
        "ordinateurs, aider des gens à se servir d'internet ou développer un site pour une association.",
    ),
    _p(
        "fauteuil_a_distance",
        "Nadia, en fauteuil roulant à Lyon 3e, cherche des missions à faire de chez elle : traduction, "
        "rédaction, appels à des personnes seules.",
        "lyon3",
        "36-50",
        (1304, 5101, 5405),
        radius_km=2,
        remote_ok=True,
        slots=slots(WEEKDAYS, "afternoon"),
        domains=("handicap", "international"),
        skills=("Rédaction", "Anglais", "Traduction"),
        about="En fauteuil roulant, je me déplace difficilement. Je cherche des missions à faire de chez "
        "moi : traduire ou rédiger des textes, ou appeler des personnes isolées.",
    ),
    _p(
        "jeune_actif_soirs",
        "Julien, 29 ans, travaille dans le 11e et veut s'engager un soir par semaine auprès des personnes à "
        "la rue.",
        "paris11",
        "26-35",
        (3102, 4002, 4005),
        radius_km=6,
        slots=slots(WEEKDAYS, "evening"),
        domains=("solidarite-insertion",),
        about="Je travaille dans le marketing et je voudrais m'engager un soir par semaine auprès des "
        "personnes sans abri : maraudes, hébergement d'urgence.",
    ),
    _p(
        "infirmiere",
        "Claire, infirmière aux urgences dans le 14e, horaires décalés, veut soigner ceux qui n'ont pas "
        "accès aux soins ou tenir des postes de secours.",
        "paris14",
        "26-35",
        (3701, 3702, 4401, 4402, 4404),
        radius_km=6,
        flexible=True,
        domains=("sante", "urgence-secours"),
        skills=("Soins infirmiers", "Premiers secours", "PSE1", "Prévention"),
        about="Infirmière aux urgences, je veux mettre mes compétences au service des personnes qui n'ont "
        "pas accès aux soins, ou tenir des postes de secours.",
    ),
    _p(
        "etudiant_staps",
        "Amadou, étudiant en STAPS à Saint-Denis, veut encadrer des jeunes au foot ou au basket.",
        "saint-denis",
        "18-25",
        (3501, 3502, 3503),
        radius_km=10,
        slots=("wed_afternoon", "sat_morning", "tue_evening", "sun_morning"),
        domains=("sport", "enfance-jeunesse"),
        skills=("Football", "Basket", "Encadrement sportif"),
        about="Étudiant en STAPS, je joue au foot et au basket depuis toujours et je voudrais entraîner des "
        "jeunes du quartier.",
    ),
    _p(
        "institutrice_retraitee",
        "Jeanne, institutrice à la retraite à Caluire, libre en journée, veut continuer à aider des enfants "
        "à apprendre à lire.",
        "caluire",
        "66+",
        (301, 302, 304, 1801, 1803),
        radius_km=8,
        slots=slots(WEEKDAYS, "morning afternoon"),
        domains=("education", "enfance-jeunesse"),
        skills=("Pédagogie", "Lecture", "Français"),
        about="Institutrice à la retraite, je voudrais continuer à aider des enfants à apprendre à lire et à "
        "faire leurs devoirs.",
    ),
    _p(
        "lyceen_paris_nature",
        "Lucas, 17 ans, dans le 20e, veut agir pour la nature le mercredi ou le week-end.",
        "paris20",
        "16-17",
        (3601, 3602, 3603, 3605),
        radius_km=10,
        slots=("wed_afternoon", *slots(WEEKEND, "morning afternoon")),
        domains=("environnement",),
        about="J'ai 17 ans et je veux agir pour la planète : nettoyer, planter des arbres, jardiner.",
    ),
    _p(
        "graphiste_a_distance",
        "Émilie, graphiste indépendante à la Croix-Rousse, veut aider une association pour sa "
        "communication, le soir et à distance.",
        "lyon4",
        "26-35",
        (1404, 5403, 5404),
        radius_km=5,
        remote_ok=True,
        slots=slots(WEEKDAYS, "evening"),
        domains=("culture",),
        wanted_kinds=("support",),
        skills=("Graphisme", "Communication", "Réseaux sociaux"),
        about="Graphiste indépendante, je peux créer des affiches et des visuels et animer des réseaux "
        "sociaux pour une association, le soir et à distance.",
    ),
    _p(
        "avocat",
        "Pierre, avocat dans le 11e, veut donner des conseils juridiques aux personnes étrangères.",
        "paris11",
        "36-50",
        (3401, 3403, 3404),
        radius_km=5,
        remote_ok=True,
        slots=(*slots(WEEKDAYS, "evening"), "sat_morning"),
        domains=("citoyennete",),
        skills=("Droit", "Droit des étrangers", "Rédaction"),
        about="Avocat en droit public, je voudrais aider bénévolement des personnes étrangères à faire "
        "valoir leurs droits.",
    ),
    _p(
        "interprete_arabe",
        "Fatima, à Vaulx-en-Velin, parle arabe et français et veut aider des familles qui arrivent en "
        "France.",
        "vaulx",
        "36-50",
        (1102, 1103, 2211),
        radius_km=10,
        remote_ok=True,
        slots=slots(WEEKDAYS, "morning"),
        domains=("international", "solidarite-insertion"),
        skills=("Arabe", "Traduction"),
        about="Je parle arabe et français. Je voudrais aider des familles qui arrivent en France à se faire "
        "comprendre, pour leurs rendez-vous ou leurs papiers.",
    ),
    _p(
        "vers_responsabilites",
        "Olivier tient depuis un an la comptabilité du Panier Solidaire et se sent prêt à prendre des "
        "responsabilités.",
        "villeurbanne",
        "51-65",
        (105, 205, 1004, 1904),
        radius_km=10,
        slots=slots(WEEKDAYS, "evening"),
        domains=("aide-alimentaire", "solidarite-insertion"),
        skills=("Comptabilité", "Gestion associative"),
        history=(
            done(90102, 1, "Aide à la comptabilité", kind="support", schedule="recurring", hours=80),
            done(102, 1, "Collecte de printemps", hours=4),
        ),
        about="Je tiens depuis un an la comptabilité d'une épicerie solidaire. Je me sens prêt à prendre "
        "des responsabilités dans une association.",
    ),
    _p(
        "drh_responsabilites",
        "Anne, ancienne DRH dans le 3e, veut rejoindre un bureau ou encadrer des bénévoles, et aider des "
        "demandeurs d'emploi.",
        "lyon3",
        "51-65",
        (105, 406, 1901, 1902, 1903, 1904),
        radius_km=10,
        flexible=True,
        domains=("solidarite-insertion",),
        wanted_kinds=("leadership", "support"),
        skills=("Ressources humaines", "Recrutement", "Management"),
        about="Ancienne directrice des ressources humaines, je souhaite prendre des responsabilités dans une "
        "association (bureau, encadrement d'équipe) et aider des personnes à retrouver un emploi.",
    ),
    _p(
        "retraitee_chats",
        "Martine, retraitée à Bron, adore les chats et les chiens ; libre le matin en semaine et le samedi.",
        "bron",
        "66+",
        (501, 502, 503, 505),
        radius_km=5,
        slots=(*slots(WEEKDAYS, "morning"), "sat_morning", "sat_afternoon"),
        domains=("animaux",),
        about="Retraitée, j'ai toujours eu des chats et des chiens. Je voudrais aider un refuge.",
    ),
    _p(
        "etudiant_evenements",
        "Yanis, étudiant dans le 13e, préfère des actions ponctuelles pour la nature ou la culture, "
        "quand son emploi du temps le permet.",
        "paris13",
        "18-25",
        (3601, 3603, 3604, 4102),
        radius_km=8,
        flexible=True,
        domains=("environnement", "culture"),
        wanted_kinds=("ponctual",),
        about="Étudiant avec un emploi du temps qui change tout le temps, je préfère des actions ponctuelles "
        "d'une matinée ou d'une soirée : nature, festival, concert.",
    ),
    _p(
        "travail_de_nuit",
        "Sami travaille de nuit dans un entrepôt et a quelques heures le matin en semaine, n'importe quelle "
        "cause.",
        "lyon8",
        "26-35",
        (203, 206, 412, 502, 2102),
        radius_km=6,
        slots=slots(WEEKDAYS, "morning"),
        skills=("Permis B",),
        about="Je travaille de nuit dans un entrepôt. En sortant du travail, le matin, j'ai quelques heures "
        "et je voudrais me rendre utile, peu importe la cause.",
    ),
    _p(
        "etudiante_medecine",
        "Camille, étudiante en médecine dans le 7e, titulaire du PSE1, libre le week-end.",
        "lyon7",
        "18-25",
        (901, 902, 905, 1501),
        radius_km=8,
        slots=(*slots(WEEKEND, "morning afternoon evening"), "wed_evening"),
        domains=("sante", "urgence-secours"),
        skills=("PSE1", "Premiers secours", "Santé"),
        about="Étudiante en médecine, j'ai mon PSE1 et je voudrais tenir des postes de secours ou faire de "
        "la prévention santé.",
    ),
    _p(
        "jardinier_retraite",
        "Gérard, jardinier retraité à Oullins, bon bricoleur, libre le matin.",
        "oullins",
        "66+",
        (701, 703, 704),
        radius_km=10,
        slots=slots(f"{WEEKDAYS} {WEEKEND}", "morning"),
        domains=("environnement",),
        skills=("Jardinage", "Compostage", "Bricolage"),
        about="Jardinier à la retraite, je voudrais transmettre mon savoir : potager, compost, et je sais "
        "bricoler.",
    ),
    _p(
        "musicien",
        "Hugo, guitariste et chanteur dans le 1er, veut jouer pour des personnes âgées.",
        "lyon1",
        "26-35",
        (405, 1401, 1402),
        radius_km=8,
        slots=("fri_afternoon", "sun_afternoon", *slots(WEEKDAYS, "evening")),
        domains=("culture", "seniors"),
        skills=("Musique", "Guitare", "Chant"),
        about="Guitariste et chanteur, j'aimerais jouer de la musique pour des personnes âgées ou donner un "
        "coup de main à un festival.",
    ),
    _p(
        "polyglotte",
        "Elena, d'origine espagnole, dans le 13e, parle anglais et espagnol et veut aider des personnes "
        "exilées.",
        "paris13",
        "26-35",
        (3801, 3803, 5201),
        radius_km=8,
        remote_ok=True,
        slots=(*slots(WEEKDAYS, "evening"), "sat_morning"),
        domains=("international",),
        skills=("Anglais", "Espagnol", "Traduction"),
        about="Je parle espagnol, anglais et français. Je peux traduire des documents ou aider des "
        "personnes exilées à pratiquer le français.",
    ),
    _p(
        "ancien_pompier",
        "Yves, pompier à la retraite dans le 9e, veut transmettre les gestes qui sauvent.",
        "lyon9",
        "51-65",
        (901, 902, 903, 904, 905),
        radius_km=10,
        flexible=True,
        domains=("urgence-secours",),
        wanted_kinds=("support", "ponctual"),
        skills=("Premiers secours", "PSE2", "Formation"),
        about="Sapeur-pompier à la retraite, je veux former le public aux gestes qui sauvent et rester utile "
        "en cas de crise.",
    ),
    _p(
        "langue_des_signes",
        "Manon, dans le 20e, pratique la langue des signes et veut accompagner des personnes sourdes.",
        "paris20",
        "26-35",
        (4201, 4202, 4203),
        radius_km=6,
        slots=("tue_afternoon", "fri_afternoon", "thu_evening", "sat_afternoon"),
        domains=("handicap",),
        skills=("Langue des signes (LSF)",),
        about="Je pratique la langue des signes depuis cinq ans et je voudrais accompagner des personnes "
        "sourdes ou handicapées.",
    ),
    _p(
        "veuve_contre_isolement",
        "Monique, veuve dans le 14e, sait ce qu'est la solitude et veut tenir compagnie à d'autres "
        "personnes âgées.",
        "paris14",
        "66+",
        (3301, 3302, 3311, 3312, 5101, 5102),
        radius_km=8,
        remote_ok=True,
        slots=(*slots(WEEKDAYS, "afternoon"), *slots(WEEKEND, "afternoon")),
        domains=("seniors",),
        skills=("Écoute",),
        about="Veuve depuis deux ans, je sais ce qu'est la solitude. J'aimerais tenir compagnie à des "
        "personnes âgées isolées, chez elles ou au téléphone.",
    ),
    _p(
        "ado_sport",
        "Rayan, 16 ans, à Villeurbanne, fan de sport, cherche une première mission.",
        "villeurbanne",
        "16-17",
        (1002, 1003, 1307),
        radius_km=8,
        slots=("wed_afternoon", *slots(WEEKEND, "morning afternoon")),
        domains=("sport",),
        about="J'ai 16 ans, je joue au foot et au basket et je voudrais aider à organiser des tournois ou "
        "des activités sportives.",
    ),
    _p(
        "villefranche_informatique",
        "Pascal, technicien informatique à Villefranche, loin des grandes villes, libre le soir et le "
        "samedi.",
        "villefranche",
        "36-50",
        (804, 2003, 5401),
        radius_km=10,
        remote_ok=True,
        slots=(*slots(WEEKDAYS, "evening"), "sat_morning", "sat_afternoon"),
        domains=("numerique", "seniors"),
        skills=("Informatique", "Développement web"),
        about="Technicien informatique à Villefranche-sur-Saône, je veux aider des associations de mon "
        "coin ou à distance : site internet, informatique.",
    ),
    _p(
        "developpeuse",
        "Sarah, développeuse Python dans le 20e, veut coder pour une association le soir.",
        "paris20",
        "26-35",
        (804, 3903, 5401, 5402),
        radius_km=6,
        remote_ok=True,
        slots=(*slots(WEEKDAYS, "evening"), "sat_morning"),
        domains=("numerique",),
        wanted_kinds=("support",),
        skills=("Python", "Django", "SQL", "Développement web"),
        about="Développeuse Python et Django, je voudrais mettre mes compétences au service d'une "
        "association : application web, base de données.",
    ),
    _p(
        "regulier_communication",
        "Léo, accueillant chaque semaine aux Toits du Cœur, travaille dans la communication et veut en faire "
        "profiter une association.",
        "paris14",
        "26-35",
        (1404, 4004, 5403),
        radius_km=6,
        remote_ok=True,
        slots=slots(WEEKDAYS, "evening"),
        domains=("solidarite-insertion",),
        skills=("Communication", "Réseaux sociaux", "Rédaction"),
        history=(
            done(
                4001, 40, "Accueil de jour pour personnes sans abri", schedule="recurring", status="accepted"
            ),
        ),
        about="J'accueille chaque semaine des personnes sans abri. Je travaille dans la communication et je "
        "pourrais aider une association à se faire connaître.",
    ),
    _p(
        "bricoleur_retraite",
        "Jean-Pierre, électricien à la retraite à Villeurbanne, répare tout, libre l'après-midi.",
        "villeurbanne",
        "66+",
        (704, 1601, 1701, 2402),
        radius_km=10,
        slots=slots(f"{WEEKDAYS} {WEEKEND}", "afternoon"),
        domains=("environnement",),
        skills=("Électronique", "Bricolage", "Menuiserie"),
        about="Électricien à la retraite, je répare tout ce qui me passe entre les mains et je déteste le "
        "gaspillage.",
    ),
    _p(
        "conge_parental",
        "Aurélie, en congé parental dans le 9e, libre le mardi et le jeudi matin, aime lire des histoires.",
        "lyon9",
        "26-35",
        (403, 1801, 5104),
        radius_km=6,
        remote_ok=True,
        slots=("tue_morning", "thu_morning"),
        domains=("enfance-jeunesse",),
        about="En congé parental, je peux me libérer le mardi et le jeudi matin. J'adore lire des histoires "
        "à voix haute.",
    ),
    _p(
        "secouriste_ponctuel",
        "Nicolas a tenu un poste de secours avec les Secouristes du Rhône et veut s'engager dans la durée.",
        "lyon1",
        "26-35",
        (902, 903, 904),
        radius_km=8,
        slots=("wed_evening", "thu_evening", "sat_morning"),
        domains=("urgence-secours",),
        skills=("PSE1", "Premiers secours"),
        history=(done(90901, 9, "Poste de secours au marathon de Lyon", hours=8),),
        about="Secouriste PSE1, j'ai tenu un poste de secours au marathon et je voudrais m'engager plus "
        "régulièrement.",
    ),
]
