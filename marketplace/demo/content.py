"""Hand-written French content for the demo data: places, associations, missions and people.

Every association here is invented (names, SIREN/RNA numbers, websites under .example.org);
cities, postcodes and neighbourhoods are real. Mission descriptions are Markdown templates
written in the association's voice ("nous"); the loader fills ``{ville}`` and ``{lieu}``
(a neighbourhood phrase such as "à la Guillotière") so that each instance reads naturally.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

# --------------------------------------------------------------------------------------------
# Places
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Neighbourhood:
    name: str  # used in titles: "Collecte alimentaire — Guillotière"
    postcode: str
    where: str  # used in sentences: "Rendez-vous à la Guillotière"


@dataclass(frozen=True)
class City:
    name: str
    departement: str
    # Approximate town-hall coordinates: the fallback when the geographic reference is missing.
    lat: float
    lon: float
    neighbourhoods: tuple[Neighbourhood, ...]

    @property
    def postcodes(self) -> tuple[str, ...]:
        return tuple(sorted({n.postcode for n in self.neighbourhoods}))

    def neighbourhood(self, name: str) -> Neighbourhood:
        for item in self.neighbourhoods:
            if item.name == name:
                return item
        raise KeyError(f"{name!r} is not a neighbourhood of {self.name}")


def _n(name: str, postcode: str, where: str) -> Neighbourhood:
    return Neighbourhood(name, postcode, where)


CITIES: tuple[City, ...] = (
    City(
        "Lyon",
        "69",
        45.7640,
        4.8357,
        (
            _n("Pentes de la Croix-Rousse", "69001", "sur les pentes de la Croix-Rousse"),
            _n("Terreaux", "69001", "aux Terreaux"),
            _n("Presqu'île", "69002", "sur la Presqu'île"),
            _n("Perrache", "69002", "à Perrache"),
            _n("Part-Dieu", "69003", "à la Part-Dieu"),
            _n("Montchat", "69003", "à Montchat"),
            _n("Plateau de la Croix-Rousse", "69004", "sur le plateau de la Croix-Rousse"),
            _n("Vieux-Lyon", "69005", "dans le Vieux-Lyon"),
            _n("Saint-Just", "69005", "à Saint-Just"),
            _n("Brotteaux", "69006", "aux Brotteaux"),
            _n("Guillotière", "69007", "à la Guillotière"),
            _n("Gerland", "69007", "à Gerland"),
            _n("Monplaisir", "69008", "à Monplaisir"),
            _n("États-Unis", "69008", "dans le quartier des États-Unis"),
            _n("Mermoz", "69008", "à Mermoz"),
            _n("Vaise", "69009", "à Vaise"),
            _n("La Duchère", "69009", "à la Duchère"),
        ),
    ),
    City(
        "Villeurbanne",
        "69",
        45.7719,
        4.8902,
        (
            _n("Gratte-Ciel", "69100", "aux Gratte-Ciel"),
            _n("Tonkin", "69100", "au Tonkin"),
            _n("Charpennes", "69100", "aux Charpennes"),
            _n("Buers", "69100", "aux Buers"),
            _n("Croix-Luizet", "69100", "à Croix-Luizet"),
        ),
    ),
    City(
        "Vénissieux",
        "69",
        45.6975,
        4.8867,
        (
            _n("Minguettes", "69200", "aux Minguettes"),
            _n("Centre de Vénissieux", "69200", "dans le centre de Vénissieux"),
            _n("Parilly", "69200", "à Parilly"),
        ),
    ),
    City(
        "Paris",
        "75",
        48.8566,
        2.3522,
        (
            _n("Belleville", "75020", "à Belleville"),
            _n("Ménilmontant", "75020", "à Ménilmontant"),
            _n("Goutte-d'Or", "75018", "à la Goutte-d'Or"),
            _n("Oberkampf", "75011", "du côté d'Oberkampf"),
            _n("Butte-aux-Cailles", "75013", "à la Butte-aux-Cailles"),
            _n("Olympiades", "75013", "aux Olympiades"),
            _n("Canal Saint-Martin", "75010", "le long du canal Saint-Martin"),
            _n("Flandre", "75019", "dans le quartier Flandre"),
        ),
    ),
    City(
        "Marseille",
        "13",
        43.2965,
        5.3698,
        (
            _n("Noailles", "13001", "à Noailles"),
            _n("Belle de Mai", "13003", "à la Belle de Mai"),
            _n("Camas", "13005", "au Camas"),
            _n("Mazargues", "13009", "à Mazargues"),
            _n("Saint-Antoine", "13015", "à Saint-Antoine"),
        ),
    ),
    City(
        "Lille",
        "59",
        50.6292,
        3.0573,
        (
            _n("Wazemmes", "59000", "à Wazemmes"),
            _n("Moulins", "59000", "à Moulins"),
            _n("Lille-Sud", "59000", "à Lille-Sud"),
            _n("Vieux-Lille", "59800", "dans le Vieux-Lille"),
            _n("Fives", "59800", "à Fives"),
        ),
    ),
    City(
        "Nantes",
        "44",
        47.2184,
        -1.5536,
        (
            _n("Bellevue", "44100", "à Bellevue"),
            _n("Chantenay", "44100", "à Chantenay"),
            _n("Île de Nantes", "44200", "sur l'île de Nantes"),
            _n("Nantes Nord", "44300", "à Nantes Nord"),
            _n("Bouffay", "44000", "au Bouffay"),
        ),
    ),
    City(
        "Bordeaux",
        "33",
        44.8378,
        -0.5792,
        (
            _n("Bastide", "33100", "à la Bastide"),
            _n("Chartrons", "33300", "aux Chartrons"),
            _n("Bacalan", "33300", "à Bacalan"),
            _n("Saint-Michel", "33800", "à Saint-Michel"),
            _n("Nansouty", "33800", "à Nansouty"),
        ),
    ),
    City(
        "Toulouse",
        "31",
        43.6047,
        1.4442,
        (
            _n("Mirail", "31100", "au Mirail"),
            _n("Saint-Cyprien", "31300", "à Saint-Cyprien"),
            _n("Minimes", "31200", "aux Minimes"),
            _n("Empalot", "31400", "à Empalot"),
            _n("Capitole", "31000", "près du Capitole"),
        ),
    ),
    City(
        "Strasbourg",
        "67",
        48.5734,
        7.7521,
        (
            _n("Neudorf", "67100", "au Neudorf"),
            _n("Meinau", "67100", "à la Meinau"),
            _n("Krutenau", "67000", "à la Krutenau"),
            _n("Hautepierre", "67200", "à Hautepierre"),
            _n("Cronenbourg", "67200", "à Cronenbourg"),
        ),
    ),
    City(
        "Rennes",
        "35",
        48.1173,
        -1.6778,
        (
            _n("Le Blosne", "35200", "au Blosne"),
            _n("Villejean", "35000", "à Villejean"),
            _n("Maurepas", "35700", "à Maurepas"),
            _n("Centre de Rennes", "35000", "dans le centre de Rennes"),
            _n("Cleunay", "35000", "à Cleunay"),
        ),
    ),
    City(
        "Grenoble",
        "38",
        45.1885,
        5.7245,
        (
            _n("Villeneuve", "38100", "à la Villeneuve"),
            _n("Teisseire", "38100", "à Teisseire"),
            _n("Saint-Bruno", "38000", "à Saint-Bruno"),
            _n("Île Verte", "38000", "à l'Île Verte"),
        ),
    ),
    City(
        "Montpellier",
        "34",
        43.6108,
        3.8767,
        (
            _n("Écusson", "34000", "dans l'Écusson"),
            _n("Beaux-Arts", "34000", "aux Beaux-Arts"),
            _n("Figuerolles", "34070", "à Figuerolles"),
            _n("Croix d'Argent", "34070", "à la Croix d'Argent"),
            _n("Mosson", "34080", "à la Mosson"),
        ),
    ),
    City(
        "Saint-Étienne",
        "42",
        45.4397,
        4.3872,
        (
            _n("Jacquard", "42000", "à Jacquard"),
            _n("Montreynaud", "42000", "à Montreynaud"),
            _n("Tarentaize", "42000", "à Tarentaize"),
            _n("Bellevue Saint-Étienne", "42100", "à Bellevue"),
            _n("Terrenoire", "42100", "à Terrenoire"),
        ),
    ),
    City(
        "Dijon",
        "21",
        47.3220,
        5.0415,
        (
            _n("Grésilles", "21000", "aux Grésilles"),
            _n("Fontaine d'Ouche", "21000", "à la Fontaine d'Ouche"),
            _n("Centre de Dijon", "21000", "dans le centre de Dijon"),
            _n("Chevreul", "21000", "à Chevreul"),
        ),
    ),
)

CITY_BY_NAME: dict[str, City] = {city.name: city for city in CITIES}


def _md(text: str) -> str:
    """Dedent a Markdown block and join soft-wrapped source lines into one line each."""
    lines: list[str] = []
    for raw in textwrap.dedent(text).strip().splitlines():
        line = raw.strip()
        if not line:
            lines.append("")
        elif lines and lines[-1] and not line.startswith(("- ", "**")):
            lines[-1] += " " + line
        else:
            lines.append(line)
    return "\n".join(lines)


# --------------------------------------------------------------------------------------------
# Associations (all invented)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AssociationSeed:
    key: str
    name: str
    city: str
    quartier: str
    address: str
    domains: tuple[str, ...]  # the first one is the main domain
    description: str
    website: str | None = None
    siren: str | None = None
    rna: str | None = None
    verified: bool = False

    @property
    def postcode(self) -> str:
        return CITY_BY_NAME[self.city].neighbourhood(self.quartier).postcode


def _a(
    key: str,
    name: str,
    city: str,
    quartier: str,
    address: str,
    domains: tuple[str, ...],
    description: str,
    **extra: object,
) -> AssociationSeed:
    return AssociationSeed(key, name, city, quartier, address, domains, _md(description), **extra)


# The association the fixed demo account `asso@demo.tremplin.fr` owns.
DEMO_ASSOCIATION_KEY = "epicerie-guillotiere"
# Camille's completed mission is with this one.
CAMILLE_PAST_ASSOCIATION_KEY = "jardiniers-pentes"
# The association that asked to join the Lyon network and is still waiting.
NETWORK_REQUESTED_KEY = "conteuses-minguettes"

ASSOCIATIONS: tuple[AssociationSeed, ...] = (
    # ---- Lyon
    _a(
        "epicerie-guillotiere",
        "Épicerie solidaire de la Guillotière",
        "Lyon",
        "Guillotière",
        "14 rue Sébastien-Gryphe",
        ("aide-alimentaire", "solidarite-insertion"),
        """
       Une épicerie où les familles orientées par les services sociaux font leurs courses à 10 à 30 %
       du prix habituel. Nous accueillons aussi un atelier cuisine chaque semaine et un point
       d'information sur les droits. Une cinquantaine de bénévoles font tourner le lieu avec deux
       salariées.""",
        website="https://epicerie-guillotiere.example.org",
        siren="486091390",
        rna="W691078542",
        verified=True,
    ),
    _a(
        "jardiniers-pentes",
        "Les Jardiniers des Pentes",
        "Lyon",
        "Pentes de la Croix-Rousse",
        "3 montée de la Grande-Côte",
        ("environnement", "culture"),
        """
       Nous cultivons un jardin partagé de 800 m² en terrasses sur les pentes de la Croix-Rousse.
       Ouvert aux habitants, aux écoles et aux résidents du foyer voisin, il sert aussi de lieu
       de fêtes, de trocs de graines et d'ateliers compost.""",
        website="https://jardiniers-pentes.example.org",
        rna="W691082317",
        verified=True,
    ),
    _a(
        "coup-de-pouce-vaise",
        "Coup de Pouce Devoirs Vaise",
        "Lyon",
        "Vaise",
        "27 rue Marietton",
        ("education", "enfance-jeunesse"),
        """
       Depuis 2009, nous aidons chaque semaine une centaine d'écoliers et de collégiens de Vaise et
       de la Duchère à faire leurs devoirs. Les séances ont lieu dans deux salles prêtées par la
       mairie d'arrondissement, en lien étroit avec les familles et les enseignants.""",
        siren="993518190",
        verified=True,
    ),
    _a(
        "voisins-monplaisir",
        "Les Voisins de Monplaisir",
        "Lyon",
        "Monplaisir",
        "8 place Ambroise-Courtois",
        ("seniors", "solidarite-insertion"),
        """
       Un réseau de voisins qui rend visite chaque semaine à des personnes âgées isolées du 8e
       arrondissement. Nous organisons aussi des sorties, des goûters et un repas partagé par mois.
       Les bénévoles sont formés et suivis par une coordinatrice.""",
        rna="W691093056",
    ),
    _a(
        "clic-connecte",
        "Clic & Connecte",
        "Lyon",
        "Part-Dieu",
        "52 rue de la Villette",
        ("numerique", "seniors"),
        """
       Nous accompagnons les personnes éloignées du numérique : démarches en ligne, premiers pas sur
       un smartphone, ordinateurs reconditionnés à petit prix. Nos permanences gratuites accueillent
       plus de 1 500 personnes par an, sans rendez-vous.""",
        website="https://clic-connecte.example.org",
        siren="937261675",
        verified=True,
    ),
    _a(
        "equipiers-secouristes-rhone",
        "Équipiers secouristes du Rhône",
        "Lyon",
        "Montchat",
        "19 rue Charles-Richard",
        ("urgence-secours", "sante"),
        """
       Association de secourisme agréée pour les postes de secours, nous formons aussi le grand
       public aux gestes qui sauvent. Nos équipes interviennent sur les manifestations de la métropole
       et lors des plans grand froid, aux côtés des services publics.""",
        website="https://secouristes-rhone.example.org",
        rna="W691100284",
        verified=True,
    ),
    _a(
        "cine-saint-jean",
        "Ciné-quartier Saint-Jean",
        "Lyon",
        "Vieux-Lyon",
        "6 rue de la Bombarde",
        ("culture", "enfance-jeunesse"),
        """
       Un ciné-club de quartier qui projette chaque mois un film suivi d'un débat, et organise
       l'été des séances en plein air gratuites. Nous animons aussi des ateliers d'éducation à
       l'image dans les écoles du 5e arrondissement.""",
        rna="W691104471",
    ),
    _a(
        "chats-croix-rousse",
        "Chats libres de la Croix-Rousse",
        "Lyon",
        "Plateau de la Croix-Rousse",
        "11 rue d'Austerlitz",
        ("animaux",),
        """
       Nous identifions, stérilisons et soignons les chats des rues de la Croix-Rousse, en lien avec
       la mairie et deux cliniques vétérinaires. Les chatons sociables sont placés en famille
       d'accueil puis proposés à l'adoption.""",
        siren="878008374",
    ),
    _a(
        "droits-gerland",
        "Permanence Droits Devant Gerland",
        "Lyon",
        "Gerland",
        "40 avenue Jean-Jaurès",
        ("citoyennete", "solidarite-insertion"),
        """
       Des juristes, des travailleurs sociaux et des habitants bénévoles tiennent chaque semaine une
       permanence gratuite d'accès au droit : logement, droit du travail, titres de séjour, dettes.
       Nous orientons vers les bons interlocuteurs et aidons à rédiger les courriers.""",
        rna="W691112208",
        verified=True,
    ),
    _a(
        "roue-libre-lyon",
        "Roue Libre Lyon",
        "Lyon",
        "États-Unis",
        "88 boulevard des États-Unis",
        ("handicap", "sport"),
        """
       Nous rendons le sport accessible aux personnes en situation de handicap moteur ou mental :
       basket fauteuil, randonnée en joëlette, natation adaptée. Chaque activité associe des
       sportifs valides et handicapés, encadrés par des éducateurs diplômés.""",
        website="https://rouelibre-lyon.example.org",
        siren="474093192",
    ),
    # ---- Villeurbanne and Vénissieux
    _a(
        "ballon-rond-buers",
        "Ballon Rond des Buers",
        "Villeurbanne",
        "Buers",
        "2 rue du Docteur-Rollet",
        ("sport", "enfance-jeunesse"),
        """
       Club de football de quartier ouvert à tous dès 6 ans, avec une cotisation adaptée aux revenus.
       Au-delà du terrain, nous proposons de l'aide aux devoirs aux licenciés et un tournoi
       inter-quartiers chaque printemps.""",
        rna="W691120913",
    ),
    _a(
        "terre-accueil-villeurbanne",
        "Terre d'Accueil Villeurbanne",
        "Villeurbanne",
        "Gratte-Ciel",
        "17 rue Michel-Servet",
        ("solidarite-insertion", "international", "citoyennete"),
        """
       Nous accueillons les personnes exilées arrivant à Villeurbanne : cours de français,
       accompagnement dans les démarches, hébergement solidaire chez l'habitant. Un café d'accueil
       ouvre trois après-midis par semaine.""",
        website="https://terre-accueil.example.org",
        siren="771874633",
        verified=True,
    ),
    _a(
        "reparons-charpennes",
        "L'Atelier Réparons Ensemble",
        "Villeurbanne",
        "Charpennes",
        "5 rue Francis-de-Pressensé",
        ("environnement", "numerique"),
        """
       Un atelier où l'on apprend à réparer ensemble son vélo, son grille-pain ou son ordinateur
       plutôt que de le jeter. Nous intervenons aussi dans les écoles et sur les marchés pour
       sensibiliser à la réduction des déchets.""",
        rna="W691131775",
    ),
    _a(
        "conteuses-minguettes",
        "Les Mamies Conteuses des Minguettes",
        "Vénissieux",
        "Minguettes",
        "9 avenue Jean-Cagne",
        ("culture", "enfance-jeunesse", "seniors"),
        """
       Des habitantes et habitants retraités racontent des histoires aux enfants dans les écoles,
       les bibliothèques et les centres sociaux de Vénissieux. Nous faisons se rencontrer les
       générations autour du livre et des langues parlées dans le quartier.""",
        rna="W691140662",
    ),
    # ---- Paris
    _a(
        "belleville-repas",
        "Belleville Solidarité Repas",
        "Paris",
        "Belleville",
        "31 rue de Tourtille",
        ("aide-alimentaire", "solidarite-insertion"),
        """
       Chaque soir de la semaine, nous cuisinons et servons environ 150 repas chauds à des personnes
       sans domicile ou en grande précarité. Les produits viennent de dons et de la récupération
       d'invendus auprès des commerçants du quartier.""",
        website="https://belleville-repas.example.org",
        siren="749306668",
        rna="W751234518",
        verified=True,
    ),
    _a(
        "declic-insertion",
        "Déclic Insertion 18e",
        "Paris",
        "Goutte-d'Or",
        "12 rue Polonceau",
        ("solidarite-insertion", "numerique"),
        """
       Nous aidons les habitants de la Goutte-d'Or à retrouver un emploi : ateliers CV, simulations
       d'entretien, parrainage par des professionnels et accès à des ordinateurs. Près de la moitié
       des personnes accompagnées trouvent un emploi ou une formation dans l'année.""",
        siren="504813734",
    ),
    _a(
        "lire-grandir",
        "Lire et Grandir Paris 13",
        "Paris",
        "Olympiades",
        "70 avenue d'Ivry",
        ("education", "culture"),
        """
       Nous faisons découvrir le plaisir de lire aux enfants qui ont peu de livres chez eux :
       lectures dans les écoles, clubs de lecture, aide aux devoirs. Nous proposons aussi des cours
       de français aux parents qui le souhaitent.""",
        rna="W751240093",
        verified=True,
    ),
    _a(
        "canal-solidaire",
        "Ensemble Canal Saint-Martin",
        "Paris",
        "Canal Saint-Martin",
        "4 rue de la Grange-aux-Belles",
        ("solidarite-insertion", "sante", "urgence-secours"),
        """
       Nos équipes de maraude vont à la rencontre des personnes qui vivent à la rue dans le 10e
       arrondissement : écoute, boissons chaudes, orientation vers les soins et l'hébergement. Une
       infirmière bénévole assure une permanence deux fois par semaine.""",
        siren="801073750",
        verified=True,
    ),
    _a(
        "ponts-dakar",
        "Ponts Solidaires Paris–Dakar",
        "Paris",
        "Oberkampf",
        "23 rue Saint-Maur",
        ("international", "education"),
        """
       Nous soutenons trois écoles de la banlieue de Dakar avec des partenaires sénégalais :
       fournitures, formation des enseignants, bibliothèques scolaires. En France, nous organisons
       des événements pour faire connaître ces projets et les financer.""",
        rna="W751251406",
    ),
    # ---- Marseille
    _a(
        "calanques-propres",
        "Collectif Calanques Propres",
        "Marseille",
        "Mazargues",
        "15 avenue de Lattre-de-Tassigny",
        ("environnement", "sport"),
        """
       Randonneurs, plongeurs et habitants, nous ramassons chaque mois les déchets dans les calanques
       et sur le littoral sud de Marseille. Nous comptons et trions tout ce qui est collecté pour
       alimenter une base de données scientifique ouverte.""",
        website="https://calanques-propres.example.org",
        rna="W133021587",
        verified=True,
    ),
    _a(
        "panier-noailles",
        "Le Panier Solidaire de Noailles",
        "Marseille",
        "Noailles",
        "7 rue d'Aubagne",
        ("aide-alimentaire",),
        """
       Une distribution de colis alimentaires et de produits d'hygiène deux fois par semaine pour
       les familles du centre-ville. Nous privilégions les fruits et légumes frais grâce à un
       partenariat avec des producteurs de Provence.""",
        siren="860536630",
    ),
    _a(
        "belle-de-mai-sport",
        "Belle de Mai Sport Ensemble",
        "Marseille",
        "Belle de Mai",
        "42 boulevard Boyer",
        ("sport", "enfance-jeunesse"),
        """
       Boxe éducative, futsal et danse pour les jeunes de 8 à 18 ans, avec un accompagnement
       scolaire et des sorties pendant les vacances. Nos entraîneurs sont pour beaucoup d'anciens
       adhérents du club.""",
        rna="W133030442",
    ),
    # ---- Lille
    _a(
        "wazemmes-seniors",
        "Wazemmes Entraide Seniors",
        "Lille",
        "Wazemmes",
        "22 rue des Sarrazins",
        ("seniors", "numerique"),
        """
       Nous luttons contre l'isolement des personnes âgées de Wazemmes et de Moulins : visites à
       domicile, appels de convivialité, accompagnement au marché et ateliers tablette. Un goûter
       réunit tout le monde le premier dimanche du mois.""",
        siren="972009773",
        verified=True,
    ),
    _a(
        "sciences-fives",
        "Fives Sciences en Herbe",
        "Lille",
        "Fives",
        "101 rue Pierre-Legrand",
        ("education", "enfance-jeunesse"),
        """
       Expériences, petits robots et observations du ciel : nous proposons des ateliers scientifiques
       gratuits aux enfants de 7 à 14 ans, le mercredi et pendant les vacances. L'objectif est de
       donner envie d'apprendre, surtout à ceux qui n'aiment pas l'école.""",
        rna="W595048816",
    ),
    # ---- Nantes
    _a(
        "jardiniers-bellevue",
        "Les Jardiniers de Bellevue",
        "Nantes",
        "Bellevue",
        "6 rue Jean-Marc-Nattier",
        ("environnement", "solidarite-insertion"),
        """
       Un jardin d'insertion où des personnes éloignées de l'emploi cultivent des légumes bio avec
       des bénévoles et deux encadrants techniques. La récolte est vendue en paniers aux habitants
       et donnée en partie à l'épicerie sociale voisine.""",
        website="https://jardiniers-bellevue.example.org",
        siren="529048449",
        verified=True,
    ),
    _a(
        "refuge-erdre",
        "Refuge des Quatre Pattes de l'Erdre",
        "Nantes",
        "Nantes Nord",
        "190 route de la Chapelle-sur-Erdre",
        ("animaux",),
        """
       Notre refuge accueille une soixantaine de chiens et de chats abandonnés ou saisis, en attendant
       de leur trouver une famille. Les soins sont assurés par une vétérinaire bénévole et une équipe
       de soigneurs, salariés et bénévoles.""",
        rna="W442019837",
    ),
    # ---- Bordeaux
    _a(
        "bastide-numerique",
        "Bastide Numérique pour Tous",
        "Bordeaux",
        "Bastide",
        "3 rue de la Benauge",
        ("numerique", "citoyennete"),
        """
       Nous récupérons des ordinateurs d'entreprises, les remettons en état et les donnons à des
       familles et des étudiants qui n'en ont pas. Chaque don s'accompagne d'une formation de prise en
       main et d'un suivi pendant six mois.""",
        siren="969284140",
        verified=True,
    ),
    _a(
        "choeur-chartrons",
        "Chœur Solidaire des Chartrons",
        "Bordeaux",
        "Chartrons",
        "29 rue Notre-Dame",
        ("culture", "seniors"),
        """
       Une chorale ouverte à tous, sans audition, qui chante dans les EHPAD, les hôpitaux et les
       fêtes de quartier de Bordeaux. Nous reversons les recettes de nos concerts à des associations
       locales.""",
        rna="W332027615",
    ),
    # ---- Toulouse
    _a(
        "mirail-sante",
        "Mirail Santé Prévention",
        "Toulouse",
        "Mirail",
        "5 place André-Abbal",
        ("sante", "solidarite-insertion"),
        """
       Nous menons des actions de prévention santé au plus près des habitants du Mirail : dépistages
       gratuits, ateliers nutrition, information sur les droits à la santé. Notre équipe associe
       professionnels de santé bénévoles et médiateurs du quartier.""",
        siren="454405598",
        verified=True,
    ),
    _a(
        "ecoles-sahel",
        "Écoles du Sahel Toulouse",
        "Toulouse",
        "Capitole",
        "14 rue des Lois",
        ("international", "education"),
        """
       Nous finançons et accompagnons la construction de classes et de latrines dans des villages du
       Burkina Faso, avec des associations de parents d'élèves sur place. En France, nous animons des
       projets d'échange entre écoles.""",
        rna="W313029174",
    ),
    # ---- Strasbourg
    _a(
        "ecoute-neudorf",
        "Écoute et Partage Neudorf",
        "Strasbourg",
        "Neudorf",
        "33 route du Polygone",
        ("sante", "solidarite-insertion"),
        """
       Une ligne d'écoute et des groupes de parole pour les personnes qui traversent une période
       difficile : deuil, solitude, dépression, addictions. Nos écoutants bénévoles sont formés
       pendant trois mois et suivis par une psychologue.""",
        siren="495285900",
    ),
    _a(
        "sport-adapte-meinau",
        "Sport Adapté Strasbourg Meinau",
        "Strasbourg",
        "Meinau",
        "8 rue de la Canardière",
        ("handicap", "sport"),
        """
       Nous proposons du sport adapté aux personnes en situation de handicap mental ou psychique :
       tennis de table, randonnée, pétanque et athlétisme. Nos sportifs participent chaque année à
       des rencontres régionales.""",
        rna="W672018553",
    ),
    # ---- Rennes
    _a(
        "ateliers-blosne",
        "Les Ateliers du Blosne",
        "Rennes",
        "Le Blosne",
        "10 boulevard de Yougoslavie",
        ("culture", "citoyennete"),
        """
       Théâtre, photo et écriture : nous créons des spectacles et des expositions avec les habitants du
       Blosne, toutes générations confondues. Nous animons aussi le conseil citoyen du quartier et des
       débats ouverts à tous.""",
        website="https://ateliers-blosne.example.org",
        rna="W353016892",
    ),
    _a(
        "secouristes-ille-vilaine",
        "Secouristes bénévoles d'Ille-et-Vilaine",
        "Rennes",
        "Centre de Rennes",
        "2 rue de Dinan",
        ("urgence-secours",),
        """
       Nous assurons des postes de secours sur les événements du département et formons chaque année
       plus de 800 personnes aux premiers secours. Nous pouvons être mobilisés en renfort lors
       d'inondations ou de tempêtes.""",
        siren="436251557",
        verified=True,
    ),
    # ---- Grenoble
    _a(
        "montagne-pour-tous",
        "Montagne pour Tous Grenoble",
        "Grenoble",
        "Île Verte",
        "18 quai de la Graille",
        ("sport", "handicap"),
        """
       Nous emmenons en montagne des personnes qui n'y vont jamais : jeunes des quartiers, personnes
       handicapées, familles aux revenus modestes. Sorties raquettes, randonnées et escalade sont
       encadrées par des accompagnateurs diplômés et des bénévoles.""",
        website="https://montagne-pour-tous.example.org",
        rna="W381022947",
        verified=True,
    ),
    _a(
        "villeneuve-entraide",
        "Villeneuve Entraide Administrative",
        "Grenoble",
        "Villeneuve",
        "120 galerie de l'Arlequin",
        ("citoyennete", "numerique"),
        """
       Nous aidons les habitants de la Villeneuve à se repérer dans les démarches : CAF, impôts,
       retraite, préfecture. Nos bénévoles écrivains publics reçoivent sans rendez-vous deux fois par
       semaine.""",
        siren="591068689",
    ),
    # ---- Montpellier
    _a(
        "refuge-figuerolles",
        "Refuge félin de Figuerolles",
        "Montpellier",
        "Figuerolles",
        "25 rue du Faubourg-Figuerolles",
        ("animaux",),
        """
       Une chatterie associative qui recueille les chats abandonnés du centre de Montpellier. Nous
       comptons sur un réseau de familles d'accueil et organisons des journées d'adoption chaque mois.""",
        rna="W343031508",
    ),
    _a(
        "passerelles-mediterranee",
        "Passerelles Méditerranée",
        "Montpellier",
        "Écusson",
        "9 rue de l'Université",
        ("international", "solidarite-insertion", "education"),
        """
       Nous accompagnons les jeunes exilés arrivés seuls à Montpellier : cours de français,
       scolarisation, activités sportives et culturelles. Nous menons aussi des projets d'échange
       de jeunes avec le Maroc et la Tunisie.""",
        website="https://passerelles-med.example.org",
        siren="464100379",
        verified=True,
    ),
    # ---- Saint-Étienne
    _a(
        "garde-manger-stephanois",
        "Le Garde-Manger Stéphanois",
        "Saint-Étienne",
        "Jacquard",
        "16 rue Jacquard",
        ("aide-alimentaire", "solidarite-insertion"),
        """
       Nous collectons et redistribuons des denrées à quinze associations de Saint-Étienne et
       tenons nous-mêmes une distribution le jeudi. Notre camion frigorifique récupère chaque matin
       les invendus des commerces partenaires.""",
        siren="450699079",
        rna="W423008815",
        verified=True,
    ),
    _a(
        "aines-montreynaud",
        "Les Aînés de Montreynaud",
        "Saint-Étienne",
        "Montreynaud",
        "4 place de la Forêt",
        ("seniors",),
        """
       Un club de quartier pour les plus de 60 ans : jeux, sorties, gymnastique douce et repas
       partagés. Nous rendons aussi visite aux adhérents qui ne peuvent plus se déplacer.""",
        rna="W423012394",
    ),
    # ---- Dijon
    _a(
        "gresilles-devoirs",
        "Grésilles Devoirs et Jeux",
        "Dijon",
        "Grésilles",
        "7 avenue du Lac",
        ("education", "enfance-jeunesse"),
        """
       Aide aux devoirs, ludothèque et sorties pour les enfants des Grésilles. Nous travaillons avec
       les écoles du quartier et proposons aux parents un café chaque vendredi matin.""",
        rna="W212005471",
    ),
    _a(
        "dijon-urgence-hiver",
        "Dijon Urgence Hiver",
        "Dijon",
        "Centre de Dijon",
        "21 rue Mariotte",
        ("urgence-secours", "solidarite-insertion"),
        """
       De novembre à mars, nous tenons un accueil de nuit de 25 places et des maraudes pour les
       personnes sans abri. Le reste de l'année, nous préparons l'hiver et formons les bénévoles.""",
        siren="749279055",
    ),
)


# --------------------------------------------------------------------------------------------
# Missions
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MissionTemplate:
    domain: str | None  # None: a generic mission, the association's main domain applies
    kind: str
    title: str
    body: str  # Markdown with {ville} and {lieu} placeholders
    skills: tuple[str, ...]
    schedule: str = "one_off"
    days: int = 1  # length of a one-off mission
    slots: tuple[str, ...] = ()
    hours_per_week: float | None = None
    min_age: int = 18
    max_age: int | None = None
    capacity: tuple[int, int] = (1, 1)
    remote_possible: bool = False
    motivation_required: bool = False
    weekday: int | None = None  # the day a one-off mission starts on, when its text names one (0 = Monday)


SATURDAY, SUNDAY = 5, 6


def _event(
    domain: str | None,
    title: str,
    body: str,
    skills: tuple[str, ...],
    *,
    days: int = 1,
    min_age: int = 16,
    capacity: tuple[int, int] = (4, 15),
    **extra: object,
) -> MissionTemplate:
    """A ponctual mission: one date or a short date range."""
    return MissionTemplate(
        domain,
        "ponctual",
        title,
        _md(body),
        skills,
        "one_off",
        days=days,
        min_age=min_age,
        capacity=capacity,
        **extra,
    )


def _weekly(
    domain: str | None,
    kind: str,
    title: str,
    body: str,
    skills: tuple[str, ...],
    *,
    slots: tuple[str, ...],
    hours: float,
    min_age: int = 18,
    capacity: tuple[int, int] | None = None,
    **extra: object,
) -> MissionTemplate:
    """A recurring mission on weekly slots; a responsibility is held by one person unless told."""
    if capacity is None:
        capacity = (1, 1) if kind == "leadership" else (1, 3)
    return MissionTemplate(
        domain,
        kind,
        title,
        _md(body),
        skills,
        "recurring",
        slots=slots,
        hours_per_week=hours,
        min_age=min_age,
        capacity=capacity,
        **extra,
    )


MISSION_TEMPLATES: tuple[MissionTemplate, ...] = (
    # ================================================================ solidarite-insertion
    _event(
        "solidarite-insertion",
        "Braderie du vestiaire solidaire",
        """
        Nous organisons notre braderie solidaire {lieu} : vêtements, chaussures et linge de maison
        donnés par les habitants sont proposés à tout petit prix.
        - **Ce que vous ferez** : trier les dons la veille, installer les portants, accueillir les
          familles et les aider à trouver les bonnes tailles.
        - **Pour qui** : des familles et des personnes seules aux revenus modestes, orientées par les
          travailleurs sociaux de {ville}.
        - **En pratique** : de 9 h à 17 h, repas partagé offert à midi. Aucune expérience demandée.""",
        ("accueil", "tri", "rangement"),
        capacity=(6, 15),
    ),
    _event(
        "solidarite-insertion",
        "Accueil au forum emploi du quartier",
        """
        Le forum réunit une trentaine d'employeurs et de centres de formation {lieu}.
        - **Ce que vous ferez** : accueillir les visiteurs, les orienter vers les bons stands, tenir
          le coin café et aider à imprimer des CV de dernière minute.
        - **Pour qui** : des demandeurs d'emploi, souvent jeunes ou en reconversion.
        - **En pratique** : une journée, de 8 h 30 à 16 h 30. Le sourire compte plus que le CV.""",
        ("accueil", "orientation", "écoute"),
        capacity=(4, 10),
    ),
    _event(
        "solidarite-insertion",
        "Déménagement solidaire d'une famille relogée",
        """
        Une famille hébergée en urgence obtient enfin un logement {lieu} et n'a pas les moyens de
        payer un déménageur.
        - **Ce que vous ferez** : porter les cartons et les meubles, monter les lits et les
          armoires, aider à installer la cuisine.
        - **En pratique** : un samedi, rendez-vous à 9 h. Camionnette fournie ; si vous avez le
          permis B, dites-le nous. Gants et chaussures fermées indispensables. Mission physique,
          ouverte de 18 à 65 ans.""",
        ("bricolage", "port de charges", "permis B"),
        capacity=(3, 6),
        min_age=18,
        max_age=65,
        weekday=SATURDAY,
    ),
    _weekly(
        "solidarite-insertion",
        "support",
        "Atelier CV et lettre de motivation",
        """
        Chaque semaine, nous recevons {lieu} des personnes qui cherchent un emploi et ont besoin d'aide
        pour se présenter par écrit.
        - **Ce que vous ferez** : relire et mettre en forme des CV, aider à rédiger une lettre,
          préparer une candidature en ligne.
        - **Pour qui** : des adultes de tous âges, parfois peu à l'aise avec l'écrit ou l'ordinateur.
        - **En pratique** : 2 h par semaine, en binôme avec une conseillère de l'équipe.""",
        ("rédaction", "ressources humaines", "bureautique", "bienveillance"),
        slots=("tue_morning", "thu_afternoon"),
        hours=2,
    ),
    _weekly(
        "solidarite-insertion",
        "support",
        "Parrainage d'une personne en recherche d'emploi",
        """
        Pendant six mois, vous accompagnez une personne en recherche d'emploi de {ville} et lui
        ouvrez votre carnet d'adresses.
        - **Ce que vous ferez** : un échange par semaine (en visio ou autour d'un café), préparation
          des entretiens, conseils sur votre secteur.
        - **Pour qui** : des personnes motivées, suivies par notre équipe, qui manquent surtout de
          réseau.
        - **En pratique** : environ 1 h 30 par semaine ; une formation de deux heures au départ.""",
        ("réseau professionnel", "écoute", "conseil", "entretien d'embauche"),
        slots=("tue_evening", "thu_evening"),
        hours=1.5,
        remote_possible=True,
    ),
    _weekly(
        "solidarite-insertion",
        "leadership",
        "Coordination de l'équipe d'accueil",
        """
        Notre accueil {lieu} reçoit chaque semaine plus de 80 personnes grâce à une vingtaine de
        bénévoles.
        - **Ce que vous ferez** : construire le planning, accueillir et former les nouveaux
          bénévoles, faire le lien avec les travailleurs sociaux.
        - **Profil** : sens de l'organisation, goût pour l'animation d'équipe, expérience associative
          bienvenue.
        - **En pratique** : 4 h par semaine, engagement d'un an, frais de transport remboursés.""",
        ("organisation", "animation d'équipe", "planning"),
        slots=("mon_afternoon", "wed_morning"),
        hours=4,
        motivation_required=True,
    ),
    _weekly(
        "solidarite-insertion",
        "leadership",
        "Administrateur ou administratrice bénévole",
        """
        Notre conseil d'administration cherche une personne pour représenter les bénévoles de
        terrain.
        - **Ce que vous ferez** : participer à un conseil par mois, préparer les décisions sur les
          projets et le budget, porter la voix des bénévoles.
        - **Profil** : connaître l'action sociale de {ville} ou avoir envie de s'y investir dans la
          durée.
        - **En pratique** : environ 1 h par semaine en moyenne, réunions en soirée.""",
        ("gouvernance", "sens du collectif", "prise de parole"),
        slots=("tue_evening",),
        hours=1,
        motivation_required=True,
    ),
    # ================================================================ aide-alimentaire
    _event(
        "aide-alimentaire",
        "Collecte alimentaire au supermarché",
        """
        Deux jours de collecte à l'entrée d'un supermarché {lieu} : nous invitons les clients à
        donner des produits de première nécessité.
        - **Ce que vous ferez** : présenter l'opération, distribuer les sacs, trier et mettre en
          cartons les dons.
        - **En pratique** : créneaux de 3 h à choisir entre le vendredi et le samedi. Gilet fourni.
          Une bonne occasion de venir entre amis ou en famille, dès 16 ans.""",
        ("accueil", "sourire", "manutention"),
        days=2,
        capacity=(15, 30),
        weekday=4,
    ),
    _event(
        "aide-alimentaire",
        "Tri des denrées après la grande collecte",
        """
        Après chaque grande collecte en supermarché, des centaines de cartons arrivent à notre
        entrepôt de {ville}.
        - **Ce que vous ferez** : vérifier les dates, trier par famille de produits, ranger en
          rayonnage pour les distributions des mois à venir.
        - **En pratique** : une journée, de 9 h à 16 h, dans un local chauffé. Chaussures fermées
          recommandées. Travail debout, en équipe et dans la bonne humeur.""",
        ("tri", "rangement", "hygiène alimentaire"),
        capacity=(8, 20),
    ),
    _event(
        "aide-alimentaire",
        "Récupération des invendus en fin de marché",
        """
        À la fin du marché {lieu}, les maraîchers nous donnent les fruits et légumes qu'ils ne
        remporteront pas.
        - **Ce que vous ferez** : passer de stand en stand avec les cagettes, trier ce qui est
          consommable, charger le véhicule.
        - **Pour qui** : les produits rejoignent la distribution du lendemain.
        - **En pratique** : un dimanche de 12 h 30 à 14 h 30. Tenue qui ne craint rien.""",
        ("tri", "manutention", "anti-gaspillage"),
        capacity=(3, 8),
        weekday=SUNDAY,
    ),
    _weekly(
        "aide-alimentaire",
        "support",
        "Suivi des stocks sur tableur",
        """
        Nos stocks de denrées sont suivis sur un tableur partagé qui a besoin d'une personne rigoureuse.
        - **Ce que vous ferez** : saisir les entrées et sorties, repérer les produits à écouler en
          priorité, préparer un point mensuel pour le bureau.
        - **Pour qui** : l'équipe de distribution de {ville}, pour ne rien jeter et ne manquer de rien.
        - **En pratique** : 2 h par semaine, en partie possible depuis chez vous.""",
        ("tableur", "rigueur", "logistique"),
        slots=("mon_morning", "thu_morning"),
        hours=2,
        remote_possible=True,
    ),
    _weekly(
        "aide-alimentaire",
        "support",
        "Chauffeur ou chauffeuse pour la tournée des dons",
        """
        Chaque semaine, notre camionnette fait le tour des commerces partenaires de {ville} pour
        récupérer les dons.
        - **Ce que vous ferez** : conduire le véhicule (permis B suffit), charger et décharger les
          caisses, respecter la chaîne du froid.
        - **En pratique** : une matinée par semaine, de 8 h à 11 h, au départ de notre local {lieu}.
          Au moins trois ans de permis.""",
        ("permis B", "logistique", "ponctualité"),
        slots=("tue_morning", "fri_morning"),
        hours=3,
        min_age=21,
    ),
    _weekly(
        "aide-alimentaire",
        "leadership",
        "Responsable du planning des distributions",
        """
        Nos distributions reposent sur une quarantaine de bénévoles qu'il faut réunir au bon moment.
        - **Ce que vous ferez** : tenir le planning, relancer les équipes, accueillir les nouveaux,
          trouver des remplaçants quand il manque du monde.
        - **Profil** : organisé·e, à l'aise au téléphone, disponible pour être présent·e aux
          distributions {lieu} une fois par semaine.
        - **En pratique** : 3 h par semaine, engagement souhaité d'un an.""",
        ("organisation", "planning", "animation d'équipe"),
        slots=("wed_afternoon", "thu_afternoon"),
        hours=3,
        motivation_required=True,
    ),
    _weekly(
        "aide-alimentaire",
        "leadership",
        "Trésorier ou trésorière de l'épicerie",
        """
        Notre budget tient dans un tableur, mais il mêle ventes à petits prix, subventions et dons :
        il faut une personne pour le suivre.
        - **Ce que vous ferez** : suivre la caisse et la banque, préparer les dossiers de
          subvention avec la présidente, présenter les comptes à l'assemblée générale.
        - **Profil** : à l'aise avec les chiffres ; une formation en comptabilité est un plus.
        - **En pratique** : 2 h par semaine, à {ville} ou en partie à distance.""",
        ("comptabilité", "tableur", "rigueur"),
        slots=("mon_evening",),
        hours=2,
        motivation_required=True,
    ),
    # ================================================================ education
    _event(
        "education",
        "Distribution de fournitures scolaires",
        """
        Pour que chaque enfant ait de quoi travailler toute l'année, nous distribuons cartables,
        cahiers et trousses aux familles {lieu} qui en ont besoin.
        - **Ce que vous ferez** : préparer les kits par niveau, accueillir les familles, vérifier
          les listes de fournitures avec elles.
        - **Pour qui** : des élèves de l'école primaire au lycée.
        - **En pratique** : une journée, de 9 h à 17 h. Accessible dès 16 ans.""",
        ("accueil", "organisation", "tri"),
        capacity=(6, 12),
    ),
    _event(
        "education",
        "Accompagner une sortie au musée avec une classe",
        """
        Nous emmenons une classe de CM1 de {ville} découvrir un musée avec une médiatrice.
        - **Ce que vous ferez** : encadrer un petit groupe d'enfants dans les transports et dans
          les salles, les aider à remplir leur carnet de visite.
        - **En pratique** : une matinée en semaine, départ de l'école à 8 h 45, retour à 12 h.
          Être majeur·e ; une expérience avec les enfants est appréciée.""",
        ("encadrement d'enfants", "patience", "ponctualité"),
        min_age=18,
        capacity=(3, 5),
        weekday=1,
    ),
    _event(
        "education",
        "Stage de révisions du brevet pendant les vacances",
        """
        Pendant les vacances scolaires, nous proposons cinq matinées de révisions aux collégiens de
        troisième {lieu}.
        - **Ce que vous ferez** : animer des exercices en petits groupes en mathématiques, français
          ou sciences, corriger des sujets blancs.
        - **Pour qui** : une vingtaine d'élèves qui ont besoin de reprendre confiance.
        - **En pratique** : du lundi au vendredi, de 9 h à 12 h. Idéal pour des étudiants.""",
        ("mathématiques", "français", "pédagogie"),
        days=5,
        min_age=18,
        capacity=(4, 8),
        weekday=0,
    ),
    _weekly(
        "education",
        "support",
        "Aide aux devoirs le mercredi après-midi",
        """
        Chaque mercredi, nous accueillons une vingtaine d'écoliers {lieu} pour faire leurs devoirs
        dans le calme.
        - **Ce que vous ferez** : accompagner deux ou trois enfants, les aider à comprendre les
          consignes, faire réciter les leçons.
        - **Pour qui** : des enfants du CP au CM2 dont les parents ne peuvent pas toujours aider.
        - **En pratique** : 2 h par semaine, de 14 h à 16 h, hors vacances scolaires. Accessible aux
          lycéens dès 16 ans.""",
        ("pédagogie", "patience", "soutien scolaire"),
        slots=("wed_afternoon",),
        hours=2,
        min_age=16,
        capacity=(3, 8),
    ),
    _weekly(
        "education",
        "support",
        "Cours de français pour adultes",
        """
        Nous proposons des cours de français à des adultes arrivés récemment à {ville}.
        - **Ce que vous ferez** : animer un petit groupe de niveau débutant ou intermédiaire, avec
          les supports préparés par notre formatrice.
        - **Pour qui** : des parents, des travailleurs, des personnes en attente de papiers, qui
          veulent pouvoir se débrouiller seuls au quotidien.
        - **En pratique** : 2 séances d'1 h 30 par semaine {lieu}. Pas besoin d'être professeur.""",
        ("français", "FLE", "patience", "pédagogie"),
        slots=("mon_evening", "thu_evening"),
        hours=3,
        capacity=(2, 5),
    ),
    _weekly(
        "education",
        "support",
        "Tutorat en mathématiques à distance",
        """
        Des lycéens de {ville} ont besoin d'un coup de main régulier en mathématiques.
        - **Ce que vous ferez** : une séance d'une heure par semaine en visio avec le même élève,
          pour reprendre les notions du cours et préparer les contrôles.
        - **Pour qui** : des élèves de seconde et de première, suivis par notre équipe.
        - **En pratique** : le soir ou le samedi matin, depuis chez vous. Un bon niveau en maths
          (bac scientifique ou plus) est demandé.""",
        ("mathématiques", "visioconférence", "pédagogie"),
        slots=("tue_evening", "thu_evening", "sat_morning"),
        hours=1,
        remote_possible=True,
        capacity=(2, 6),
    ),
    _weekly(
        "education",
        "leadership",
        "Coordination des bénévoles de l'aide aux devoirs",
        """
        Une trentaine de bénévoles assurent l'aide aux devoirs {lieu} : il faut une personne pour les
        coordonner.
        - **Ce que vous ferez** : répartir les bénévoles selon les enfants, accueillir les nouveaux,
          organiser deux réunions par trimestre, tenir le lien avec les familles.
        - **Profil** : expérience de l'enseignement ou de l'animation appréciée.
        - **En pratique** : 3 h par semaine, dont la présence le mercredi après-midi.""",
        ("coordination", "animation d'équipe", "pédagogie"),
        slots=("wed_afternoon", "mon_evening"),
        hours=3,
        motivation_required=True,
    ),
    _weekly(
        "education",
        "leadership",
        "Responsable des liens avec les écoles",
        """
        Nous travaillons avec les écoles et collèges de {ville} et voulons une personne référente
        pour ces partenariats.
        - **Ce que vous ferez** : rencontrer les directeurs et les enseignants, recueillir leurs
          besoins, présenter nos actions au conseil d'administration.
        - **Profil** : aisance relationnelle ; une connaissance de l'Éducation nationale est un plus.
        - **En pratique** : 2 h par semaine en moyenne, rendez-vous en journée.""",
        ("relations partenaires", "prise de parole", "organisation"),
        slots=("tue_afternoon", "fri_afternoon"),
        hours=2,
    ),
    # ================================================================ sante
    _event(
        "sante",
        "Stand de prévention sur l'arrêt du tabac",
        """
        Nous tenons une journée d'information sur l'arrêt du tabac {lieu}, sur la place du marché.
        - **Ce que vous ferez** : aller vers les passants, proposer le test du souffle avec notre
          infirmière, remettre la documentation et les contacts d'aide à l'arrêt.
        - **En pratique** : de 10 h à 17 h, par créneaux de 3 h. Une courte formation est prévue la
          veille. Pas besoin d'être professionnel de santé.""",
        ("prévention", "écoute", "aller vers"),
        min_age=18,
        capacity=(4, 8),
    ),
    _event(
        "sante",
        "Accueil des donneurs lors d'une collecte de sang",
        """
        Nous organisons avec l'établissement de transfusion une collecte de sang {lieu}.
        - **Ce que vous ferez** : accueillir les donneurs, les guider vers l'inscription, servir la
          collation après le don et veiller à ce que chacun reste le temps nécessaire.
        - **En pratique** : une journée de 10 h à 19 h, créneaux de 3 h possibles. Dès 16 ans.""",
        ("accueil", "attention aux autres", "service"),
        capacity=(4, 10),
    ),
    _event(
        "sante",
        "Journée de dépistage gratuit : accueil et orientation",
        """
        Une journée de dépistage gratuit (diabète, tension, vue) se tient {lieu} avec des
        professionnels de santé bénévoles.
        - **Ce que vous ferez** : accueillir les personnes, expliquer le déroulé, les orienter
          entre les stands et recueillir les questionnaires anonymes.
        - **Pour qui** : des habitants de {ville} qui consultent peu.
        - **En pratique** : de 9 h à 17 h. Parler une autre langue (arabe, turc, anglais...) est un
          vrai plus.""",
        ("accueil", "orientation", "langues étrangères"),
        min_age=18,
        capacity=(5, 10),
    ),
    _weekly(
        "sante",
        "support",
        "Écoutant ou écoutante bénévole",
        """
        Notre ligne d'écoute reçoit les appels de personnes seules, inquiètes ou en souffrance.
        - **Ce que vous ferez** : écouter sans juger, aider la personne à mettre des mots sur ce
          qu'elle vit, l'orienter si besoin vers un professionnel.
        - **Formation** : trois mois de formation initiale, puis un groupe d'analyse de pratique
          chaque mois avec une psychologue.
        - **En pratique** : une permanence de 4 h par semaine dans nos locaux de {ville}, dont une
          soirée par mois.""",
        ("écoute", "discrétion", "empathie"),
        slots=("mon_evening", "wed_evening", "sat_afternoon"),
        hours=4,
        min_age=21,
        motivation_required=True,
        capacity=(2, 6),
    ),
    _weekly(
        "sante",
        "support",
        "Rédaction de fiches prévention en langage simple",
        """
        Nos brochures sur la nutrition, le sommeil et l'accès aux soins sont trop compliquées pour une
        partie des habitants de {ville}.
        - **Ce que vous ferez** : réécrire les fiches en phrases courtes et simples, proposer des
          illustrations, les faire relire par des habitants.
        - **En pratique** : 2 h par semaine, entièrement à distance, pendant trois mois. Une
          expérience en rédaction ou en communication santé est appréciée.""",
        ("rédaction", "vulgarisation", "FALC"),
        slots=("tue_afternoon", "thu_afternoon"),
        hours=2,
        remote_possible=True,
    ),
    _weekly(
        "sante",
        "leadership",
        "Responsable de l'équipe prévention",
        """
        Notre équipe prévention compte une quinzaine de bénévoles qui interviennent {lieu} et dans
        les quartiers voisins.
        - **Ce que vous ferez** : construire le programme d'actions de l'année avec l'équipe, suivre
          les partenariats avec les centres de santé, animer les réunions mensuelles.
        - **Profil** : une expérience de la santé publique, du soin ou du social est souhaitée.
        - **En pratique** : 4 h par semaine, engagement d'au moins un an.""",
        ("santé publique", "coordination", "animation d'équipe"),
        slots=("tue_evening", "thu_afternoon"),
        hours=4,
        min_age=21,
        motivation_required=True,
    ),
    _weekly(
        "sante",
        "leadership",
        "Membre du bureau chargé des partenariats",
        """
        Notre bureau cherche une personne pour développer nos partenariats avec les hôpitaux, les
        centres de santé et les mutuelles de {ville}.
        - **Ce que vous ferez** : représenter l'association, préparer les conventions, suivre les
          demandes de financement avec le trésorier.
        - **En pratique** : 2 h par semaine en moyenne, une réunion de bureau par mois en soirée.""",
        ("relations partenaires", "négociation", "gouvernance"),
        slots=("mon_evening",),
        hours=2,
    ),
    # ================================================================ seniors
    _event(
        "seniors",
        "Après-midi jeux et goûter en résidence autonomie",
        """
        Nous animons un après-midi de jeux dans une résidence pour personnes âgées {lieu}.
        - **Ce que vous ferez** : jouer aux cartes, au loto ou aux petits chevaux avec les
          résidents, servir le goûter, discuter.
        - **Pour qui** : des personnes de 70 à 95 ans qui reçoivent peu de visites.
        - **En pratique** : de 14 h 30 à 17 h. Accessible dès 16 ans, idéal pour une première
          expérience.""",
        ("animation", "écoute", "bonne humeur"),
        capacity=(4, 10),
    ),
    _event(
        "seniors",
        "Accompagner une sortie au bord de l'eau avec des aînés",
        """
        Une journée de sortie pour des personnes âgées isolées de {ville} : pique-nique et promenade.
        - **Ce que vous ferez** : accompagner deux personnes pendant la journée, les aider à monter
          dans le car, marcher à leur rythme, partager le repas.
        - **En pratique** : départ à 9 h, retour vers 18 h. Repas offert. Certaines personnes se
          déplacent en fauteuil : nous vous montrerons les bons gestes.""",
        ("accompagnement", "patience", "attention aux autres"),
        min_age=18,
        capacity=(6, 12),
    ),
    _event(
        "seniors",
        "Repas dansant des aînés du quartier",
        """
        Deux fois par an, nous réunissons près de 120 personnes âgées {lieu} pour un repas festif.
        - **Ce que vous ferez** : dresser les tables, servir, animer le bal de l'après-midi, aider
          au rangement.
        - **En pratique** : de 10 h à 18 h, repas offert aux bénévoles. Dès 16 ans ; venir en
          famille est possible.""",
        ("service", "animation", "bonne humeur"),
        capacity=(10, 25),
        weekday=SUNDAY,
    ),
    _weekly(
        "seniors",
        "support",
        "Visites de convivialité à domicile",
        """
        Rendre visite chaque semaine à la même personne âgée, c'est souvent sa seule conversation de
        la semaine.
        - **Ce que vous ferez** : passer une heure ou deux chez elle {lieu}, discuter, jouer, faire
          une petite promenade ou un tour au marché.
        - **Pour qui** : des personnes de plus de 75 ans, signalées par les services sociaux.
        - **En pratique** : 2 h par semaine au jour qui vous convient, avec un suivi par notre
          coordinatrice.""",
        ("écoute", "régularité", "patience"),
        slots=("tue_afternoon", "thu_afternoon", "sat_afternoon"),
        hours=2,
        capacity=(3, 10),
    ),
    _weekly(
        "seniors",
        "support",
        "Appels de convivialité depuis chez vous",
        """
        Vous appelez chaque semaine deux ou trois personnes âgées de {ville} qui vivent seules.
        - **Ce que vous ferez** : prendre des nouvelles, parler de tout et de rien, signaler à
          l'équipe toute inquiétude.
        - **En pratique** : 1 h par semaine, depuis chez vous, avec une ligne masquée fournie par
          l'association. Idéal si vous ne pouvez pas vous déplacer.""",
        ("écoute", "téléphone", "bienveillance"),
        slots=("mon_afternoon", "wed_afternoon", "fri_afternoon"),
        hours=1,
        remote_possible=True,
        capacity=(3, 10),
    ),
    _weekly(
        "seniors",
        "support",
        "Aide aux démarches administratives des aînés",
        """
        Beaucoup de personnes âgées {lieu} renoncent à leurs droits faute de savoir remplir les
        formulaires.
        - **Ce que vous ferez** : aider à déclarer les impôts, à demander une aide au logement, à
          comprendre un courrier de la caisse de retraite.
        - **En pratique** : une permanence de 2 h par semaine, en binôme. Une formation de base est
          prévue ; la discrétion est indispensable.""",
        ("démarches administratives", "discrétion", "patience"),
        slots=("tue_morning", "fri_morning"),
        hours=2,
    ),
    _weekly(
        "seniors",
        "leadership",
        "Coordination du réseau de visiteurs",
        """
        Notre réseau de visiteurs bénévoles grandit {lieu} et a besoin d'une personne pour le faire
        vivre.
        - **Ce que vous ferez** : mettre en relation bénévoles et personnes âgées, suivre chaque
          binôme, organiser les rencontres trimestrielles.
        - **Profil** : écoute, discrétion et sens de l'organisation ; une expérience dans le social
          ou la santé est un plus.
        - **En pratique** : 3 h par semaine, engagement d'un an.""",
        ("coordination", "écoute", "organisation"),
        slots=("mon_morning", "thu_morning"),
        hours=3,
        motivation_required=True,
    ),
    _weekly(
        "seniors",
        "leadership",
        "Membre du bureau référent des bénévoles",
        """
        Le bureau de l'association veut qu'une personne porte la parole des bénévoles et veille à
        leur accueil.
        - **Ce que vous ferez** : participer aux réunions de bureau, organiser la fête annuelle des
          bénévoles, recueillir leurs idées et leurs difficultés.
        - **En pratique** : environ 2 h par semaine à {ville}, réunions en fin d'après-midi.""",
        ("gouvernance", "écoute", "sens du collectif"),
        slots=("wed_afternoon",),
        hours=2,
    ),
    # ================================================================ enfance-jeunesse
    _event(
        "enfance-jeunesse",
        "Stand de jeux à la fête de quartier",
        """
        Pour la fête de quartier {lieu}, nous tenons l'espace enfants : maquillage, pêche aux
        canards et jeux en bois.
        - **Ce que vous ferez** : animer un atelier, veiller à la sécurité des plus petits, aider au
          montage et au démontage.
        - **En pratique** : un samedi de 13 h à 19 h. Dès 16 ans, aucune expérience nécessaire.""",
        ("animation", "créativité", "bonne humeur"),
        capacity=(6, 12),
        weekday=SATURDAY,
    ),
    _event(
        "enfance-jeunesse",
        "Accompagner une journée à la montagne pour les 8–12 ans",
        """
        Nous emmenons une trentaine d'enfants de {ville} passer une journée en montagne : balade,
        jeux et pique-nique.
        - **Ce que vous ferez** : encadrer un petit groupe avec un animateur diplômé, veiller à ce
          que chacun ait à boire et de bonnes chaussures, animer les jeux.
        - **En pratique** : départ en car à 8 h, retour à 19 h. Le BAFA est apprécié mais pas
          obligatoire.""",
        ("encadrement d'enfants", "BAFA", "randonnée"),
        min_age=18,
        capacity=(4, 8),
    ),
    _event(
        "enfance-jeunesse",
        "Encadrer le grand jeu de printemps",
        """
        Le centre social organise un grand jeu de piste pour les familles {lieu}.
        - **Ce que vous ferez** : tenir une étape du jeu, expliquer les énigmes aux équipes,
          encourager les enfants et chronométrer.
        - **En pratique** : un mercredi de 13 h 30 à 17 h 30, déguisement bienvenu. Accessible dès
          16 ans.""",
        ("animation", "jeu", "enthousiasme"),
        capacity=(6, 15),
        weekday=2,
    ),
    _weekly(
        "enfance-jeunesse",
        "support",
        "Atelier créatif du mercredi",
        """
        Le mercredi, nous proposons aux enfants {lieu} des ateliers de dessin, de bricolage, de
        couture et de théâtre.
        - **Ce que vous ferez** : préparer le matériel, animer un atelier avec un animateur de
          l'équipe, valoriser les créations des enfants.
        - **Pour qui** : des enfants de 6 à 11 ans.
        - **En pratique** : 2 h 30 par semaine, hors vacances scolaires. Dès 16 ans.""",
        ("créativité", "animation", "travaux manuels"),
        slots=("wed_afternoon",),
        hours=2.5,
        min_age=16,
        capacity=(2, 4),
    ),
    _weekly(
        "enfance-jeunesse",
        "support",
        "Affiches et flyers des activités jeunesse",
        """
        Nos activités jeunesse à {ville} sont formidables, mais nos affiches beaucoup moins.
        - **Ce que vous ferez** : créer une charte graphique simple, réaliser les affiches et les
          publications de chaque période de vacances.
        - **En pratique** : 2 h par semaine en moyenne, à distance, avec un point mensuel en visio.
          Maîtrise d'un outil de PAO demandée.""",
        ("graphisme", "PAO", "communication"),
        slots=("tue_evening", "sun_afternoon"),
        hours=2,
        remote_possible=True,
    ),
    _weekly(
        "enfance-jeunesse",
        "support",
        "Parrainage d'un collégien par un jeune adulte",
        """
        Nous formons des binômes entre un collégien {lieu} et un jeune adulte qui lui sert de grand
        frère ou de grande sœur.
        - **Ce que vous ferez** : une sortie ou une séance de travail par semaine, parler orientation,
          découvrir la ville ensemble.
        - **Pour qui** : des collégiens de 11 à 15 ans, avec l'accord de leurs parents.
        - **En pratique** : 2 h par semaine pendant un an scolaire. Réservé aux 18–30 ans.""",
        ("écoute", "orientation", "régularité"),
        slots=("wed_afternoon", "sat_afternoon"),
        hours=2,
        max_age=30,
        capacity=(2, 6),
    ),
    _weekly(
        "enfance-jeunesse",
        "leadership",
        "Responsable des séjours de vacances",
        """
        Nous organisons chaque été deux séjours d'une semaine pour des enfants de {ville}.
        - **Ce que vous ferez** : choisir les lieux, recruter l'équipe d'animation, préparer le
          budget et les démarches auprès du service jeunesse.
        - **Profil** : BAFD ou solide expérience de direction de séjours.
        - **En pratique** : 3 h par semaine de janvier à juin, puis présence pendant un séjour.""",
        ("BAFD", "organisation", "gestion de budget"),
        slots=("mon_evening", "thu_evening"),
        hours=3,
        min_age=21,
        motivation_required=True,
    ),
    _weekly(
        "enfance-jeunesse",
        "leadership",
        "Coordination de l'accueil jeunes du samedi",
        """
        Le samedi, notre local {lieu} accueille des 12–17 ans : jeux, projets, discussions.
        - **Ce que vous ferez** : ouvrir le lieu, coordonner les bénévoles présents, faire le lien
          avec l'éducateur de rue et les familles.
        - **En pratique** : 4 h par semaine le samedi après-midi. Une expérience de l'animation
          jeunesse est demandée.""",
        ("animation jeunesse", "coordination", "médiation"),
        slots=("sat_afternoon",),
        hours=4,
        motivation_required=True,
    ),
    # ================================================================ handicap
    _event(
        "handicap",
        "Randonnée en joëlette : binôme d'une personne handicapée",
        """
        Nous organisons une randonnée près de {ville} avec des personnes à mobilité réduite,
        installées dans des joëlettes (fauteuils tout-terrain à une roue).
        - **Ce que vous ferez** : pousser et retenir la joëlette à plusieurs, en relais, et partager
          la journée avec son passager.
        - **En pratique** : une journée, départ à 8 h 30. Une bonne condition physique est
          nécessaire ; la prise en main se fait sur place.
          Mission ouverte jusqu'à 70 ans.""",
        ("bonne condition physique", "entraide", "randonnée"),
        min_age=18,
        capacity=(8, 16),
        max_age=70,
        weekday=SUNDAY,
    ),
    _event(
        "handicap",
        "Accueil du public au festival inclusif",
        """
        Notre festival {lieu} réunit artistes valides et handicapés sur une même scène.
        - **Ce que vous ferez** : accueillir le public, guider les personnes malvoyantes ou en
          fauteuil, tenir le stand d'information.
        - **En pratique** : une journée de 12 h à 22 h, par créneaux de 4 h. Une initiation à
          l'accompagnement est prévue avant l'ouverture. Dès 16 ans.""",
        ("accueil", "accompagnement", "attention aux autres"),
        capacity=(8, 20),
        weekday=SATURDAY,
    ),
    _event(
        "handicap",
        "Sensibilisation au handicap dans un collège",
        """
        Nous passons une journée dans un collège de {ville} pour faire découvrir le handicap autrement.
        - **Ce que vous ferez** : animer un atelier (parcours en fauteuil, repas les yeux bandés,
          initiation à la langue des signes) avec des intervenants handicapés.
        - **En pratique** : de 8 h 30 à 16 h 30. Pas besoin d'expérience, un temps de préparation
          est prévu la semaine précédente.""",
        ("animation", "pédagogie", "langue des signes"),
        min_age=18,
        capacity=(3, 6),
        weekday=3,
    ),
    _weekly(
        "handicap",
        "support",
        "Accompagnement aux loisirs du samedi",
        """
        Chaque samedi, des adultes en situation de handicap mental partent en sortie avec nous :
        cinéma, bowling, marché, musée.
        - **Ce que vous ferez** : accompagner le groupe au départ de {lieu}, faciliter les échanges,
          aider à gérer les trajets et l'argent de poche.
        - **En pratique** : 3 h par semaine le samedi après-midi, avec un éducateur spécialisé.""",
        ("accompagnement", "patience", "bienveillance"),
        slots=("sat_afternoon",),
        hours=3,
        min_age=16,
        capacity=(3, 6),
    ),
    _weekly(
        "handicap",
        "support",
        "Audit d'accessibilité de notre site internet",
        """
        Notre site est utilisé par des personnes aveugles, malvoyantes ou qui ont du mal à lire :
        il doit être irréprochable.
        - **Ce que vous ferez** : vérifier le site avec un lecteur d'écran, lister les défauts
          selon le référentiel RGAA, aider notre prestataire à les corriger.
        - **En pratique** : 2 h par semaine pendant deux mois, à distance.""",
        ("accessibilité numérique", "RGAA", "HTML"),
        slots=("tue_evening", "thu_evening"),
        hours=2,
        remote_possible=True,
    ),
    _weekly(
        "handicap",
        "leadership",
        "Responsable des activités adaptées",
        """
        Nous proposons six activités adaptées chaque semaine {lieu} : il faut une personne pour les
        organiser avec les éducateurs.
        - **Ce que vous ferez** : bâtir le calendrier, réserver les équipements, recruter les
          bénévoles, suivre les inscriptions et les retours des familles.
        - **Profil** : une expérience du handicap, du sport ou de l'animation est souhaitée.
        - **En pratique** : 4 h par semaine, engagement d'un an.""",
        ("coordination", "handicap", "organisation"),
        slots=("mon_evening", "wed_morning"),
        hours=4,
        motivation_required=True,
    ),
    _weekly(
        "handicap",
        "leadership",
        "Référent accessibilité au conseil d'administration",
        """
        Nous voulons qu'une personne du conseil d'administration veille à l'accessibilité de toutes
        nos actions à {ville}.
        - **Ce que vous ferez** : vérifier les lieux, les supports et les événements, proposer des
          améliorations, représenter l'association auprès de la commission communale.
        - **En pratique** : 2 h par semaine, un conseil par mois en soirée. Être soi-même concerné
          par le handicap est bienvenu.""",
        ("accessibilité", "gouvernance", "prise de parole"),
        slots=("thu_evening",),
        hours=2,
    ),
    # ================================================================ environnement
    _event(
        "environnement",
        "Nettoyage des berges",
        """
        Une matinée pour ramasser les déchets le long de l'eau {lieu}, avec les riverains.
        - **Ce que vous ferez** : ramasser, trier et peser les déchets, remplir la fiche de
          comptage qui alimente notre observatoire.
        - **En pratique** : de 9 h à 12 h 30, gants, pinces et sacs fournis, café à l'arrivée.
          Dès 16 ans ; venir en famille est possible.""",
        ("tri", "plein air", "esprit d'équipe"),
        capacity=(15, 30),
        weekday=SATURDAY,
    ),
    _event(
        "environnement",
        "Chantier de plantation d'une haie",
        """
        Nous plantons 300 mètres de haie champêtre en bordure d'un parc de {ville}.
        - **Ce que vous ferez** : préparer le sol, planter les jeunes arbustes, pailler et protéger
          les plants.
        - **En pratique** : un samedi, de 9 h à 16 h. Outils fournis ; prévoir des bottes et une
          tenue adaptée à la météo. Pique-nique partagé. Dès 16 ans.""",
        ("jardinage", "plein air", "port de charges"),
        capacity=(10, 25),
        weekday=SATURDAY,
    ),
    _event(
        "environnement",
        "Atelier de réparation d'objets",
        """
        Un samedi par mois, les habitants apportent {lieu} leurs objets en panne pour les réparer
        avec nous.
        - **Ce que vous ferez** : accueillir et diagnostiquer, réparer avec le propriétaire (petit
          électroménager, vélos, couture), expliquer ce que vous faites.
        - **En pratique** : de 14 h à 18 h. Bricoleurs de tous niveaux bienvenus ; un accueil sans
          compétence technique est aussi utile.""",
        ("bricolage", "électronique", "couture", "pédagogie"),
        capacity=(4, 10),
        weekday=SATURDAY,
    ),
    _weekly(
        "environnement",
        "support",
        "Entretien du jardin partagé",
        """
        Notre jardin partagé {lieu} a besoin de mains régulières pour rester beau et productif.
        - **Ce que vous ferez** : arroser, désherber, récolter, entretenir le compost et accueillir
          les voisins curieux.
        - **En pratique** : 2 h par semaine, le samedi matin ou en fin de journée. Aucun savoir-faire
          exigé, les jardiniers confirmés transmettent volontiers. Dès 16 ans.""",
        ("jardinage", "compost", "plein air"),
        slots=("sat_morning", "wed_evening"),
        hours=2,
        min_age=16,
        capacity=(3, 10),
    ),
    _weekly(
        "environnement",
        "support",
        "Suivi des données de collecte des déchets",
        """
        Depuis trois ans, nous pesons et trions tout ce que nous ramassons autour de {ville}. Les
        données dorment dans des tableurs.
        - **Ce que vous ferez** : nettoyer et consolider les données, produire des graphiques et une
          carte pour notre rapport annuel et les élus.
        - **En pratique** : 2 h par semaine, à distance. Tableur avancé demandé ; Python ou R bienvenus.""",
        ("tableur", "analyse de données", "cartographie"),
        slots=("mon_evening", "sun_morning"),
        hours=2,
        remote_possible=True,
    ),
    _weekly(
        "environnement",
        "leadership",
        "Coordination des chantiers nature",
        """
        Nous menons une quinzaine de chantiers nature par an autour de {ville}.
        - **Ce que vous ferez** : planifier les chantiers avec les gestionnaires des sites, préparer
          le matériel, accueillir les bénévoles et veiller à la sécurité.
        - **Profil** : connaissances naturalistes ou expérience de chantier appréciées.
        - **En pratique** : 3 h par semaine en moyenne, présence à la plupart des chantiers.""",
        ("coordination", "écologie", "sécurité"),
        slots=("thu_evening", "sat_morning"),
        hours=3,
        motivation_required=True,
    ),
    _weekly(
        "environnement",
        "leadership",
        "Responsable des partenariats avec la collectivité",
        """
        Nos actions {lieu} dépendent de bonnes relations avec la mairie, la métropole et les
        bailleurs sociaux.
        - **Ce que vous ferez** : suivre les conventions, préparer les demandes de subvention,
          représenter l'association aux réunions publiques.
        - **En pratique** : 2 h par semaine, rendez-vous en journée ou en soirée. Une connaissance
          des collectivités locales est un atout.""",
        ("relations partenaires", "subventions", "prise de parole"),
        slots=("tue_afternoon", "tue_evening"),
        hours=2,
    ),
    # ================================================================ animaux
    _event(
        "animaux",
        "Journée adoption : présenter nos pensionnaires",
        """
        Une fois par mois, nous présentons {lieu} les animaux qui attendent une famille.
        - **Ce que vous ferez** : installer les enclos, présenter les animaux aux visiteurs,
          expliquer la démarche d'adoption et ses engagements.
        - **En pratique** : un samedi de 10 h à 17 h. Aimer les animaux, et savoir dire qu'une
          adoption n'est pas un achat impulsif. Dès 16 ans.""",
        ("accueil", "bien-être animal", "pédagogie"),
        capacity=(4, 10),
        weekday=SATURDAY,
    ),
    _event(
        "animaux",
        "Collecte de croquettes et de litière",
        """
        Nous tenons un stand de collecte dans une animalerie et un supermarché de {ville}.
        - **Ce que vous ferez** : présenter le refuge aux clients, recevoir les dons, trier et
          charger les sacs en fin de journée.
        - **En pratique** : créneaux de 3 h entre 9 h et 19 h, un samedi. Dès 16 ans.""",
        ("accueil", "manutention", "sourire"),
        capacity=(6, 14),
        weekday=SATURDAY,
    ),
    _event(
        "animaux",
        "Grand ménage et petits travaux au refuge",
        """
        Deux fois par an, nous faisons un grand ménage des boxes et des chatteries.
        - **Ce que vous ferez** : nettoyer et désinfecter, repeindre, réparer grillages et
          étagères, trier les dons de couvertures.
        - **En pratique** : un week-end, de 9 h à 17 h, au refuge de {ville}. Venir en tenue de
          travail. Bricoleurs particulièrement bienvenus.""",
        ("bricolage", "peinture", "nettoyage"),
        days=2,
        capacity=(8, 20),
        weekday=SATURDAY,
    ),
    _weekly(
        "animaux",
        "support",
        "Soins et promenades des chiens du refuge",
        """
        Nos chiens ont besoin de sortir, de se dépenser et de se sociabiliser avant leur adoption.
        - **Ce que vous ferez** : promener les chiens, les brosser, aider les soigneurs à nettoyer
          les boxes.
        - **En pratique** : au moins 2 h par semaine au refuge {lieu}. Une formation aux règles de
          sécurité est obligatoire. Dès 16 ans avec autorisation parentale.""",
        ("bien-être animal", "patience", "plein air"),
        slots=("sat_morning", "sun_morning", "wed_afternoon"),
        hours=2,
        min_age=16,
        capacity=(4, 12),
    ),
    _weekly(
        "animaux",
        "support",
        "Photos et annonces des animaux à adopter",
        """
        Une belle photo et une annonce sincère font souvent la différence pour une adoption.
        - **Ce que vous ferez** : photographier les nouveaux arrivants, rédiger leurs annonces avec
          les soigneurs, les publier sur notre site et nos réseaux.
        - **En pratique** : 2 h par semaine : une séance photo au refuge de {ville}, le reste à
          distance.""",
        ("photographie", "rédaction", "réseaux sociaux"),
        slots=("sat_afternoon", "sun_afternoon"),
        hours=2,
        remote_possible=True,
    ),
    _weekly(
        "animaux",
        "support",
        "Suivi administratif des campagnes de stérilisation",
        """
        Nous faisons stériliser chaque année plus de 200 chats libres de {ville} avec les
        vétérinaires partenaires.
        - **Ce que vous ferez** : tenir le fichier des chats, préparer les bons pour les cliniques,
          suivre les factures et les remboursements.
        - **En pratique** : 2 h par semaine, en grande partie à distance. Rigueur et tableur exigés.""",
        ("tableur", "rigueur", "administratif"),
        slots=("mon_evening", "thu_evening"),
        hours=2,
        remote_possible=True,
    ),
    _weekly(
        "animaux",
        "leadership",
        "Responsable des adoptions",
        """
        Nous confions environ 150 animaux par an à de nouvelles familles {lieu}.
        - **Ce que vous ferez** : étudier les demandes, organiser les rencontres, valider les
          adoptions avec l'équipe, assurer le suivi après adoption.
        - **Profil** : connaissance du comportement animal, fermeté bienveillante.
        - **En pratique** : 4 h par semaine, dont le samedi.""",
        ("bien-être animal", "entretien", "décision"),
        slots=("sat_afternoon", "wed_evening"),
        hours=4,
        motivation_required=True,
    ),
    _weekly(
        "animaux",
        "leadership",
        "Coordination des familles d'accueil",
        """
        Nos familles d'accueil hébergent chatons, chiens âgés et animaux convalescents en attendant
        une adoption.
        - **Ce que vous ferez** : recruter et visiter les familles de {ville}, placer les animaux,
          organiser les rendez-vous vétérinaires et les livraisons de nourriture.
        - **En pratique** : 3 h par semaine, beaucoup par téléphone. Permis B utile.""",
        ("coordination", "bien-être animal", "permis B"),
        slots=("tue_evening", "sun_morning"),
        hours=3,
    ),
    # ================================================================ culture
    _event(
        "culture",
        "Accueil et billetterie du festival de quartier",
        """
        Notre festival gratuit {lieu} accueille concerts, théâtre de rue et spectacles pour enfants.
        - **Ce que vous ferez** : accueillir le public, distribuer les programmes, tenir la
          billetterie des ateliers et le point info.
        - **En pratique** : deux jours, créneaux de 4 h. T-shirt et repas offerts. Dès 16 ans.""",
        ("accueil", "billetterie", "sourire"),
        days=2,
        capacity=(10, 25),
        weekday=SATURDAY,
    ),
    _event(
        "culture",
        "Montage de la scène d'un concert en plein air",
        """
        Nous organisons des soirées gratuites en plein air à {ville} : concert, cinéma ou bal
        selon les semaines.
        - **Ce que vous ferez** : monter la scène, les barnums et les bancs avec le régisseur,
          installer la signalétique, puis tout démonter le soir.
        - **En pratique** : de 8 h à 13 h et de 22 h à minuit. Chaussures de sécurité conseillées ;
          le concert est évidemment offert.""",
        ("montage", "port de charges", "esprit d'équipe"),
        min_age=18,
        capacity=(6, 12),
        weekday=SATURDAY,
    ),
    _event(
        "culture",
        "Lecture à voix haute à la médiathèque",
        """
        Pour notre soirée « Lire ensemble », nous proposons des lectures à voix haute {lieu}.
        - **Ce que vous ferez** : choisir un texte avec notre équipe, le lire à un petit public
          d'enfants ou d'adultes, animer un court échange ensuite.
        - **En pratique** : une soirée, de 18 h à 22 h, avec une répétition la semaine précédente.
          Toutes les langues sont les bienvenues. Dès 16 ans.""",
        ("lecture à voix haute", "théâtre", "langues étrangères"),
        capacity=(4, 10),
        weekday=4,
    ),
    _weekly(
        "culture",
        "support",
        "Co-animation d'un atelier d'écriture",
        """
        Notre atelier d'écriture {lieu} réunit chaque semaine une dizaine d'habitants de tous âges.
        - **Ce que vous ferez** : proposer des consignes avec l'animatrice, encourager chacun,
          aider à mettre en forme les textes pour le recueil de fin d'année.
        - **En pratique** : 2 h par semaine en soirée, d'octobre à juin.""",
        ("écriture", "animation", "bienveillance"),
        slots=("tue_evening",),
        hours=2,
        capacity=(1, 2),
    ),
    _weekly(
        "culture",
        "support",
        "Réseaux sociaux de la saison culturelle",
        """
        Nous cherchons une personne pour faire connaître nos spectacles et ateliers à {ville}.
        - **Ce que vous ferez** : préparer un calendrier de publications, prendre des photos lors
          des événements, écrire des textes courts et vivants.
        - **En pratique** : 2 h par semaine, surtout à distance, plus quelques soirées de
          spectacle.""",
        ("réseaux sociaux", "photographie", "rédaction"),
        slots=("mon_evening", "sun_afternoon"),
        hours=2,
        remote_possible=True,
    ),
    _weekly(
        "culture",
        "leadership",
        "Responsable de la programmation",
        """
        Chaque saison, nous programmons une vingtaine de rendez-vous culturels {lieu}.
        - **Ce que vous ferez** : animer le comité de programmation, contacter les artistes,
          négocier les conditions, construire le calendrier avec l'équipe.
        - **Profil** : curiosité, réseau dans le milieu culturel de {ville} apprécié.
        - **En pratique** : 3 h par semaine, engagement d'une saison.""",
        ("programmation culturelle", "négociation", "organisation"),
        slots=("wed_evening", "sat_morning"),
        hours=3,
        motivation_required=True,
    ),
    _weekly(
        "culture",
        "leadership",
        "Co-présidence de l'association",
        """
        Après dix ans, notre présidente souhaite partager la charge : nous passons à une
        co-présidence.
        - **Ce que vous ferez** : représenter l'association, animer le conseil d'administration,
          porter les projets auprès des partenaires culturels de {ville}.
        - **En pratique** : 3 h par semaine en moyenne ; une période de transition d'un an est
          prévue.""",
        ("gouvernance", "représentation", "animation de réunion"),
        slots=("mon_evening", "thu_evening"),
        hours=3,
        min_age=21,
        motivation_required=True,
    ),
    # ================================================================ sport
    _event(
        "sport",
        "Signaleur ou signaleuse pour la course solidaire",
        """
        Notre course solidaire de 10 km traverse {ville} et a besoin de bénévoles tout au long
        du parcours.
        - **Ce que vous ferez** : sécuriser un croisement, orienter les coureurs, encourager tout le
          monde.
        - **En pratique** : un dimanche de 8 h à 12 h. Un brief sécurité est fait sur place.
          Signaleurs majeurs obligatoirement (règle préfectorale).""",
        ("sécurité", "ponctualité", "encouragements"),
        min_age=18,
        capacity=(15, 30),
        weekday=SUNDAY,
    ),
    _event(
        "sport",
        "Tournoi de foot inter-quartiers : arbitrage et buvette",
        """
        Notre tournoi réunit seize équipes de jeunes {lieu}.
        - **Ce que vous ferez** : arbitrer un terrain ou tenir la buvette et la table de marque,
          aider à la remise des prix.
        - **En pratique** : un samedi de 9 h à 18 h, repas offert. Connaître les règles du foot
          suffit pour arbitrer. Dès 16 ans.""",
        ("arbitrage", "service", "esprit sportif"),
        capacity=(8, 20),
        weekday=SATURDAY,
    ),
    _event(
        "sport",
        "Atelier d'initiation à la fête du sport",
        """
        À la fête du sport de {ville}, nous proposons des initiations gratuites aux enfants et aux
        familles.
        - **Ce que vous ferez** : animer un atelier (parcours de motricité, tir au but, tennis de
          table) avec un éducateur, accueillir les familles.
        - **En pratique** : un dimanche de 10 h à 17 h. Dès 16 ans ; pratiquer un sport est un plus.""",
        ("animation sportive", "enthousiasme", "pédagogie"),
        capacity=(6, 15),
        weekday=SUNDAY,
    ),
    _weekly(
        "sport",
        "support",
        "Encadrement des entraînements des 10–13 ans",
        """
        Nos équipes de jeunes {lieu} s'entraînent deux fois par semaine et manquent d'encadrants.
        - **Ce que vous ferez** : aider l'entraîneur principal à préparer et animer les séances,
          accompagner certains matchs le samedi.
        - **En pratique** : 2 h par semaine, le mercredi après-midi. Un diplôme fédéral n'est pas
          exigé ; nous pouvons financer la formation.""",
        ("encadrement sportif", "pédagogie", "esprit sportif"),
        slots=("wed_afternoon", "sat_morning"),
        hours=2,
        capacity=(1, 3),
    ),
    _weekly(
        "sport",
        "support",
        "Gestion des licences et des inscriptions",
        """
        Chaque rentrée, plus de 200 inscriptions arrivent en même temps.
        - **Ce que vous ferez** : saisir les licences sur le logiciel fédéral, vérifier les
          certificats et les paiements, répondre aux questions des familles de {ville}.
        - **En pratique** : 2 h par semaine, surtout de septembre à novembre, en partie à distance.""",
        ("administratif", "rigueur", "logiciel de gestion"),
        slots=("mon_evening", "tue_evening"),
        hours=2,
        remote_possible=True,
    ),
    _weekly(
        "sport",
        "leadership",
        "Trésorier ou trésorière du club",
        """
        Notre club {lieu} gère cotisations, subventions, buvette et déplacements : un budget de
        60 000 € par an.
        - **Ce que vous ferez** : tenir la comptabilité avec le logiciel du club, préparer le
          budget, présenter les comptes en assemblée générale.
        - **Profil** : expérience en comptabilité ou gestion. Un expert-comptable bénévole relit les
          comptes.
        - **En pratique** : 2 à 3 h par semaine.""",
        ("comptabilité", "gestion de budget", "rigueur"),
        slots=("thu_evening",),
        hours=2.5,
        motivation_required=True,
    ),
    _weekly(
        "sport",
        "leadership",
        "Coordination des bénévoles du club",
        """
        Une cinquantaine de bénévoles font vivre le club à {ville} : entraîneurs, chauffeurs,
        buvette, tournois.
        - **Ce que vous ferez** : recenser les besoins, recruter, organiser les plannings de match,
          remercier et fidéliser.
        - **En pratique** : 3 h par semaine, dont une présence le samedi. Expérience associative
          appréciée.""",
        ("coordination", "animation d'équipe", "planning"),
        slots=("sat_morning", "tue_evening"),
        hours=3,
    ),
    # ================================================================ citoyennete
    _event(
        "citoyennete",
        "Animation d'un café citoyen",
        """
        Un samedi matin, nous invitons les habitants {lieu} à débattre d'un sujet du quartier autour
        d'un café.
        - **Ce que vous ferez** : accueillir, distribuer la parole, noter les propositions, aider à
          rédiger la synthèse envoyée à la mairie.
        - **En pratique** : de 10 h à 12 h 30, préparation d'une heure la semaine précédente.
          Dès 16 ans.""",
        ("animation de débat", "écoute", "prise de notes"),
        capacity=(2, 5),
        weekday=SATURDAY,
    ),
    _event(
        "citoyennete",
        "Journée d'accès aux droits : accueil et orientation",
        """
        Avocats, juristes et services publics se réunissent une journée {lieu} pour répondre
        gratuitement aux habitants.
        - **Ce que vous ferez** : accueillir les personnes, comprendre leur question et les orienter
          vers le bon interlocuteur, gérer l'attente.
        - **En pratique** : de 9 h à 17 h. Une formation d'une heure le matin même. Parler une
          langue étrangère est très utile.""",
        ("accueil", "orientation", "langues étrangères"),
        min_age=18,
        capacity=(5, 10),
    ),
    _event(
        "citoyennete",
        "Recueillir la mémoire du quartier",
        """
        Nous préparons une exposition sur l'histoire {lieu} racontée par ses habitants.
        - **Ce que vous ferez** : interviewer des habitants de longue date avec un enregistreur,
          scanner leurs photos, aider à transcrire les entretiens.
        - **En pratique** : un week-end d'interviews ; formation le samedi à 9 h avant de
          commencer. Dès 16 ans.""",
        ("entretien", "transcription", "curiosité"),
        days=2,
        capacity=(4, 8),
        weekday=SATURDAY,
    ),
    _weekly(
        "citoyennete",
        "support",
        "Permanence d'écrivain public",
        """
        Notre permanence {lieu} aide chaque semaine une trentaine de personnes à écrire un courrier
        ou à remplir un dossier.
        - **Ce que vous ferez** : recevoir les personnes, comprendre leur demande, rédiger avec
          elles lettres de réclamation, recours ou formulaires.
        - **En pratique** : 3 h par semaine. Excellente orthographe et discrétion exigées ; une
          formation interne est prévue.""",
        ("rédaction", "orthographe", "discrétion", "démarches administratives"),
        slots=("tue_morning", "thu_afternoon"),
        hours=3,
        capacity=(1, 3),
    ),
    _weekly(
        "citoyennete",
        "support",
        "Juriste bénévole pour la permanence d'accès au droit",
        """
        Notre permanence gratuite à {ville} reçoit des questions de droit du logement, du travail et
        de la famille.
        - **Ce que vous ferez** : analyser la situation, donner une première information juridique,
          orienter vers un avocat ou un service public si nécessaire.
        - **En pratique** : 2 h par semaine en soirée. Formation juridique (master ou plus) demandée ;
          les étudiants en droit sont les bienvenus en binôme.""",
        ("droit", "écoute", "analyse"),
        slots=("wed_evening",),
        hours=2,
        capacity=(1, 3),
    ),
    _weekly(
        "citoyennete",
        "support",
        "Ambassadeur ou ambassadrice jeunes de la participation",
        """
        Nous voulons que les jeunes de {ville} participent davantage aux décisions qui les concernent.
        - **Ce que vous ferez** : aller à la rencontre des jeunes {lieu}, recueillir leurs idées,
          les présenter au conseil citoyen, organiser un événement par trimestre.
        - **En pratique** : 2 h par semaine. Réservé aux 16–25 ans ; une attestation d'engagement
          est délivrée.""",
        ("aller vers", "prise de parole", "organisation"),
        slots=("wed_afternoon", "sat_afternoon"),
        hours=2,
        min_age=16,
        max_age=25,
        capacity=(2, 6),
    ),
    _weekly(
        "citoyennete",
        "leadership",
        "Coordination des permanences",
        """
        Nos permanences {lieu} reposent sur une quinzaine de bénévoles aux profils variés.
        - **Ce que vous ferez** : organiser le planning, accueillir et former les nouveaux, tenir
          les statistiques pour nos financeurs, faire le lien avec les partenaires.
        - **En pratique** : 3 h par semaine, engagement d'un an. Expérience du social ou du droit
          appréciée.""",
        ("coordination", "planning", "accès au droit"),
        slots=("mon_afternoon", "thu_morning"),
        hours=3,
        motivation_required=True,
    ),
    _weekly(
        "citoyennete",
        "leadership",
        "Secrétaire de l'association",
        """
        Notre association à {ville} cherche son ou sa secrétaire.
        - **Ce que vous ferez** : convoquer les instances, rédiger les comptes rendus, tenir le
          registre des délibérations, suivre les déclarations en préfecture.
        - **En pratique** : 2 h par semaine en moyenne, une réunion par mois en soirée.""",
        ("rédaction", "rigueur", "vie associative"),
        slots=("tue_evening",),
        hours=2,
    ),
    # ================================================================ urgence-secours
    _event(
        "urgence-secours",
        "Poste de secours lors d'une manifestation sportive",
        """
        Nous tenons le poste de secours d'une course qui réunit 3 000 participants à {ville}.
        - **Ce que vous ferez** : assurer la surveillance du parcours en équipe, prendre en charge
          les malaises et les blessures légères, passer le relais aux pompiers si besoin.
        - **En pratique** : une journée de 7 h à 15 h. Diplôme PSE1 à jour obligatoire.""",
        ("PSE1", "secourisme", "sang-froid"),
        min_age=18,
        capacity=(6, 14),
        weekday=SUNDAY,
    ),
    _event(
        "urgence-secours",
        "Initiation aux gestes qui sauvent : accueil du public",
        """
        Nous proposons {lieu} des initiations gratuites de deux heures aux gestes qui sauvent.
        - **Ce que vous ferez** : accueillir et inscrire les participants, préparer les mannequins
          et les défibrillateurs d'entraînement, aider les formateurs.
        - **En pratique** : un samedi de 9 h à 17 h. Vous pourrez suivre l'initiation vous-même.
          Dès 16 ans.""",
        ("accueil", "organisation", "premiers secours"),
        capacity=(3, 8),
        weekday=SATURDAY,
    ),
    _event(
        "urgence-secours",
        "Renfort d'une tournée de nuit auprès des sans-abri",
        """
        Certains soirs, nous renforçons nos tournées dans les rues de {ville} et il nous faut du
        monde en plus.
        - **Ce que vous ferez** : en équipe de trois avec un bénévole expérimenté, distribuer
          boissons chaudes, couvertures et kits d'hygiène, proposer un hébergement d'urgence.
        - **En pratique** : une soirée de 19 h à minuit. Formation de 2 h la semaine précédente.""",
        ("écoute", "sang-froid", "aller vers"),
        min_age=18,
        capacity=(6, 12),
    ),
    _weekly(
        "urgence-secours",
        "support",
        "Gestion logistique du matériel de secours",
        """
        Sacs de premiers secours, défibrillateurs, tentes : notre matériel {lieu} doit être prêt à
        partir à tout moment.
        - **Ce que vous ferez** : vérifier les sacs après chaque mission, suivre les dates de
          péremption, commander ce qui manque, tenir l'inventaire.
        - **En pratique** : 2 h par semaine, le soir. Rigueur indispensable, pas besoin d'être
          secouriste.""",
        ("logistique", "inventaire", "rigueur"),
        slots=("mon_evening", "thu_evening"),
        hours=2,
    ),
    _weekly(
        "urgence-secours",
        "support",
        "Formateur ou formatrice aux premiers secours",
        """
        Nous formons chaque année des centaines d'habitants de {ville} aux premiers secours (PSC).
        - **Ce que vous ferez** : animer des sessions de formation d'une journée, le samedi ou en
          soirée, pour le grand public et les entreprises.
        - **En pratique** : environ 3 h par semaine en moyenne. Certificat de formateur PSC exigé ;
          nous pouvons accompagner votre formation si vous êtes déjà secouriste.""",
        ("formation", "PSC", "pédagogie"),
        slots=("sat_morning", "sat_afternoon", "tue_evening"),
        hours=3,
    ),
    _weekly(
        "urgence-secours",
        "leadership",
        "Chef ou cheffe d'équipe des maraudes d'hiver",
        """
        De novembre à mars, nos maraudes sillonnent {ville} trois soirs par semaine.
        - **Ce que vous ferez** : encadrer une équipe de trois ou quatre bénévoles, prendre les
          décisions sur le terrain, faire le lien avec le 115.
        - **Profil** : au moins un hiver de maraude, sang-froid, écoute.
        - **En pratique** : une soirée par semaine de 19 h à minuit, plus le débriefing.""",
        ("encadrement", "sang-froid", "maraude"),
        slots=("tue_evening", "thu_evening", "sun_evening"),
        hours=5,
        min_age=21,
        motivation_required=True,
    ),
    _weekly(
        "urgence-secours",
        "leadership",
        "Responsable de la formation des nouveaux bénévoles",
        """
        Chaque année, une soixantaine de nouveaux bénévoles nous rejoignent {lieu}.
        - **Ce que vous ferez** : organiser les sessions d'accueil et de formation initiale, suivre
          le parcours de chacun, recruter les formateurs.
        - **En pratique** : 3 h par semaine ; une expérience du secourisme ou de la formation est
          demandée.""",
        ("formation", "organisation", "secourisme"),
        slots=("wed_evening", "sat_morning"),
        hours=3,
        min_age=21,
    ),
    # ================================================================ numerique
    _event(
        "numerique",
        "Journée de remise en état d'ordinateurs donnés",
        """
        Une entreprise nous a donné 60 ordinateurs portables : nous les préparons pour des familles
        {lieu}.
        - **Ce que vous ferez** : effacer les données, installer un système libre et les logiciels
          utiles, tester le matériel, étiqueter.
        - **En pratique** : un samedi de 9 h à 17 h. Débutants bienvenus : une fiche pas à pas et des
          bénévoles expérimentés vous guident. Dès 16 ans.""",
        ("informatique", "Linux", "méthode"),
        capacity=(6, 15),
        weekday=SATURDAY,
    ),
    _event(
        "numerique",
        "Forum numérique : créer sa première adresse e-mail",
        """
        Lors du forum de rentrée de {ville}, nous proposons un stand d'aide au numérique.
        - **Ce que vous ferez** : aider des personnes à créer une adresse e-mail, à retrouver un mot
          de passe, à installer les applications des services publics.
        - **En pratique** : une journée, créneaux de 3 h. Patience plus que compétences techniques.
          Dès 16 ans.""",
        ("pédagogie", "patience", "smartphone"),
        capacity=(4, 10),
    ),
    _event(
        "numerique",
        "Atelier découverte du smartphone pour les seniors",
        """
        Un après-midi {lieu} pour que des personnes âgées apprivoisent leur smartphone.
        - **Ce que vous ferez** : accompagner une ou deux personnes : appels vidéo avec les
          petits-enfants, photos, messages, réglage de la taille du texte.
        - **En pratique** : de 14 h à 17 h. Idéal pour des jeunes qui veulent partager leur aisance,
          dès 16 ans.""",
        ("smartphone", "patience", "pédagogie"),
        capacity=(4, 10),
    ),
    _weekly(
        "numerique",
        "support",
        "Permanence d'aide aux démarches en ligne",
        """
        Chaque semaine, des habitants {lieu} viennent avec une démarche qu'ils n'arrivent pas à faire
        seuls : CAF, France Travail, impôts, carte grise.
        - **Ce que vous ferez** : faire avec la personne, pas à sa place, pour qu'elle gagne en
          autonomie.
        - **En pratique** : une permanence de 2 h 30 par semaine. Formation de deux demi-journées aux
          principaux sites publics.""",
        ("démarches en ligne", "pédagogie", "discrétion"),
        slots=("mon_morning", "wed_afternoon", "fri_morning"),
        hours=2.5,
        capacity=(2, 5),
    ),
    _weekly(
        "numerique",
        "support",
        "Maintenance du parc informatique",
        """
        Nos vingt postes en libre accès et notre petit réseau à {ville} demandent un suivi régulier.
        - **Ce que vous ferez** : mises à jour, sauvegardes, dépannages, conseils pour les achats.
        - **En pratique** : 2 h par semaine, une partie à distance. Connaissances en administration
          système (Linux de préférence) demandées.""",
        ("Linux", "réseau", "administration système"),
        slots=("tue_evening", "sat_morning"),
        hours=2,
        remote_possible=True,
    ),
    _weekly(
        "numerique",
        "support",
        "Création de tutoriels vidéo simples",
        """
        Nous voulons proposer de courtes vidéos pour expliquer pas à pas les démarches les plus
        demandées à notre permanence de {ville}.
        - **Ce que vous ferez** : écrire un court scénario, filmer l'écran, monter la vidéo avec
          sous-titres, la tester auprès de nos usagers.
        - **En pratique** : 2 h par semaine à distance, pendant trois mois.""",
        ("montage vidéo", "pédagogie", "sous-titrage"),
        slots=("sun_afternoon", "wed_evening"),
        hours=2,
        remote_possible=True,
    ),
    _weekly(
        "numerique",
        "leadership",
        "Coordination des conseillers numériques bénévoles",
        """
        Vingt bénévoles tiennent nos permanences numériques {lieu}.
        - **Ce que vous ferez** : organiser le planning, former les nouveaux aux outils et à la
          posture d'accompagnement, suivre les statistiques pour nos financeurs.
        - **En pratique** : 3 h par semaine, engagement d'un an.""",
        ("coordination", "formation", "inclusion numérique"),
        slots=("mon_afternoon", "thu_afternoon"),
        hours=3,
        motivation_required=True,
    ),
    _weekly(
        "numerique",
        "leadership",
        "Référent ou référente protection des données",
        """
        Nous accompagnons des personnes dans leurs démarches et manipulons donc des données
        sensibles.
        - **Ce que vous ferez** : tenir le registre des traitements, rédiger des consignes simples
          pour les bénévoles, répondre aux demandes des usagers de {ville}.
        - **En pratique** : 2 h par semaine, surtout à distance. Connaissance du RGPD demandée.""",
        ("RGPD", "rédaction", "rigueur"),
        slots=("tue_evening",),
        hours=2,
    ),
    # ================================================================ international
    _event(
        "international",
        "Conditionnement de matériel scolaire pour un envoi",
        """
        Nous préparons l'envoi de 2 000 kits scolaires vers nos écoles partenaires.
        - **Ce que vous ferez** : trier les fournitures reçues, composer les kits, remplir et peser
          les cartons, tenir la liste de colisage.
        - **En pratique** : un samedi de 9 h à 17 h, dans notre local de {ville}. Dès 16 ans.""",
        ("tri", "organisation", "manutention"),
        capacity=(8, 20),
        weekday=SATURDAY,
    ),
    _event(
        "international",
        "Soirée de soutien aux projets partenaires",
        """
        Concert, repas et présentation des projets : notre soirée annuelle {lieu} finance une partie
        de nos actions.
        - **Ce que vous ferez** : accueillir les invités, servir le repas, tenir la billetterie ou le
          stand d'artisanat.
        - **En pratique** : de 17 h à minuit, repas offert aux bénévoles.""",
        ("service", "accueil", "billetterie"),
        min_age=18,
        capacity=(8, 15),
        weekday=SATURDAY,
    ),
    _event(
        "international",
        "Stand au village associatif",
        """
        Au village associatif de {ville}, nous présentons nos projets de solidarité internationale.
        - **Ce que vous ferez** : présenter l'association, animer un quiz pour les enfants, recueillir
          les contacts des personnes intéressées.
        - **En pratique** : un dimanche, créneaux de 3 h. Dès 16 ans.""",
        ("présentation", "animation", "sourire"),
        capacity=(3, 6),
        weekday=SUNDAY,
    ),
    _weekly(
        "international",
        "support",
        "Traduction de documents projet",
        """
        Nos partenaires à l'étranger et nos financeurs n'ont pas toujours la même langue.
        - **Ce que vous ferez** : traduire rapports d'activité, conventions et courriers entre le
          français et l'anglais (ou l'espagnol, l'arabe, le portugais).
        - **En pratique** : 2 h par semaine, entièrement à distance, avec un relecteur de l'équipe
          de {ville}.""",
        ("traduction", "anglais", "rédaction"),
        slots=("tue_evening", "sun_morning"),
        hours=2,
        remote_possible=True,
    ),
    _weekly(
        "international",
        "support",
        "Montage de dossiers de financement",
        """
        Nos projets vivent grâce à des subventions qu'il faut demander, justifier et renouveler.
        - **Ce que vous ferez** : repérer les appels à projets, rédiger les dossiers avec les
          responsables de projet, préparer les budgets et les bilans.
        - **En pratique** : 3 h par semaine, en grande partie à distance, avec une réunion mensuelle
          {lieu}.""",
        ("rédaction", "gestion de projet", "budget"),
        slots=("mon_evening", "wed_evening"),
        hours=3,
        remote_possible=True,
    ),
    _weekly(
        "international",
        "leadership",
        "Référent ou référente d'un projet partenaire",
        """
        Chaque projet mené avec nos partenaires a un ou une référente en France.
        - **Ce que vous ferez** : tenir un échange régulier avec le partenaire, suivre le budget et
          les rapports, présenter l'avancement au conseil d'administration à {ville}.
        - **Profil** : expérience de la solidarité internationale ou de la gestion de projet.
        - **En pratique** : 3 h par semaine, engagement de deux ans.""",
        ("gestion de projet", "interculturel", "suivi budgétaire"),
        slots=("tue_evening", "sat_morning"),
        hours=3,
        motivation_required=True,
    ),
    _weekly(
        "international",
        "leadership",
        "Trésorier adjoint ou trésorière adjointe",
        """
        Notre trésorier gère des transferts vers trois pays et cherche un binôme.
        - **Ce que vous ferez** : suivre les virements aux partenaires, rapprocher les justificatifs,
          préparer les comptes annuels avec l'expert-comptable.
        - **En pratique** : 2 h par semaine, en partie à distance ; réunion de bureau mensuelle à
          {ville}.""",
        ("comptabilité", "rigueur", "tableur"),
        slots=("thu_evening",),
        hours=2,
    ),
    # ================================================================ generic (any domain)
    _weekly(
        None,
        "support",
        "Mise à jour du site internet",
        """
        Notre site est notre vitrine, mais personne n'a le temps de le tenir à jour.
        - **Ce que vous ferez** : publier les actualités et les missions, corriger les pages
          obsolètes, proposer des améliorations simples.
        - **En pratique** : 2 h par semaine, à distance. Connaître un outil de gestion de contenu
          suffit ; quelques notions de HTML sont un plus.""",
        ("site internet", "HTML", "rédaction"),
        slots=("tue_evening", "sun_afternoon"),
        hours=2,
        remote_possible=True,
        min_age=16,
    ),
    _weekly(
        None,
        "support",
        "Tenue de la comptabilité",
        """
        Nous avons besoin d'aide pour saisir nos dépenses et recettes à {ville}.
        - **Ce que vous ferez** : saisir les pièces, faire les rapprochements bancaires, préparer
          les documents pour la clôture annuelle.
        - **En pratique** : 2 h par semaine, en partie à distance. Notions de comptabilité
          associative souhaitées.""",
        ("comptabilité", "tableur", "rigueur"),
        slots=("mon_morning", "thu_evening"),
        hours=2,
        remote_possible=True,
    ),
    _weekly(
        None,
        "support",
        "Communication et réseaux sociaux",
        """
        Nous voulons mieux faire connaître nos actions {lieu} et recruter de nouveaux bénévoles.
        - **Ce que vous ferez** : publier chaque semaine sur nos réseaux, rédiger la lettre
          d'information mensuelle, couvrir nos événements en photo.
        - **En pratique** : 2 h par semaine, surtout à distance.""",
        ("réseaux sociaux", "rédaction", "photographie"),
        slots=("wed_evening", "sun_afternoon"),
        hours=2,
        remote_possible=True,
    ),
    _weekly(
        None,
        "support",
        "Recherche de financements",
        """
        Nos subventions baissent et nous devons diversifier nos ressources.
        - **Ce que vous ferez** : repérer les fondations et les appels à projets, rédiger les
          dossiers avec le bureau, préparer une campagne de dons auprès des habitants de {ville}.
        - **En pratique** : 3 h par semaine, en grande partie à distance.""",
        ("rédaction", "mécénat", "gestion de projet"),
        slots=("tue_afternoon", "thu_evening"),
        hours=3,
        remote_possible=True,
    ),
    _weekly(
        None,
        "leadership",
        "Trésorier ou trésorière",
        """
        Notre trésorière quitte {ville} à la fin de l'année et nous cherchons qui lui succède.
        - **Ce que vous ferez** : tenir les comptes, suivre la trésorerie et les subventions,
          présenter le budget et le bilan à l'assemblée générale.
        - **En pratique** : 2 h par semaine ; une passation de trois mois est prévue. Rigueur et
          goût des chiffres plus qu'un diplôme.""",
        ("comptabilité", "gestion de budget", "rigueur"),
        slots=("mon_evening",),
        hours=2,
        motivation_required=True,
    ),
    _weekly(
        None,
        "support",
        "Photos et reportages de nos actions",
        """
        Nos actions {lieu} méritent d'être vues, mais personne n'a le temps de les photographier.
        - **Ce que vous ferez** : couvrir deux ou trois événements par mois, trier et légender les
          photos, constituer une photothèque avec les autorisations des personnes.
        - **En pratique** : environ 2 h par semaine en moyenne, surtout le week-end.""",
        ("photographie", "retouche", "droit à l'image"),
        slots=("sat_afternoon", "sun_morning"),
        hours=2,
        min_age=16,
    ),
    _weekly(
        None,
        "support",
        "Gestion du fichier des adhérents",
        """
        Nos adhésions arrivent par courrier, en ligne et de la main à la main : le fichier n'est
        plus à jour depuis longtemps.
        - **Ce que vous ferez** : saisir les adhésions, relancer celles qui expirent, préparer les
          listes pour l'assemblée générale.
        - **En pratique** : 2 h par semaine, en partie à distance. Aisance avec un tableur.""",
        ("tableur", "rigueur", "relation adhérents"),
        slots=("wed_morning", "fri_afternoon"),
        hours=2,
        remote_possible=True,
    ),
    _weekly(
        None,
        "support",
        "Accueil et permanence téléphonique",
        """
        Notre local {lieu} reçoit chaque jour des appels et des visites auxquels personne ne peut
        répondre pendant les activités.
        - **Ce que vous ferez** : répondre au téléphone, renseigner les visiteurs, prendre les
          messages et les inscriptions aux activités.
        - **En pratique** : une demi-journée par semaine, de 9 h à 12 h. Le sourire s'entend au
          téléphone.""",
        ("accueil", "téléphone", "organisation"),
        slots=("tue_morning", "thu_morning"),
        hours=3,
    ),
    _weekly(
        None,
        "leadership",
        "Vice-président ou vice-présidente",
        """
        Notre président porte seul la représentation de l'association à {ville} depuis trop
        longtemps.
        - **Ce que vous ferez** : le seconder, le remplacer aux réunions avec les partenaires,
          piloter un chantier de l'année (locaux, nouveau projet, anniversaire).
        - **En pratique** : 2 à 3 h par semaine, un bureau par mois en soirée.""",
        ("représentation", "gouvernance", "gestion de projet"),
        slots=("wed_evening",),
        hours=2.5,
        motivation_required=True,
    ),
    _weekly(
        None,
        "leadership",
        "Secrétaire du conseil d'administration",
        """
        Notre conseil d'administration se réunit une fois par mois {lieu}.
        - **Ce que vous ferez** : préparer les ordres du jour avec la présidence, rédiger les
          comptes rendus, organiser l'assemblée générale annuelle.
        - **En pratique** : 2 h par semaine en moyenne, réunions en soirée.""",
        ("rédaction", "organisation", "vie associative"),
        slots=("thu_evening",),
        hours=2,
    ),
)


# --------------------------------------------------------------------------------------------
# People
# --------------------------------------------------------------------------------------------


def _words(text: str) -> tuple[str, ...]:
    """'Léa, Hugo, Da Silva' -> ('Léa', 'Hugo', 'Da Silva')."""
    return tuple(word.strip() for word in text.split(",") if word.strip())


# First names by generation and gender, so that a 16-year-old is not called Monique.
FIRST_NAMES: dict[tuple[str, str], tuple[str, ...]] = {
    ("ado", "f"): _words("""
        Léa, Chloé, Manon, Inès, Jade, Emma, Zoé, Lina, Clara, Louise, Alice, Juliette, Ambre, Lou,
        Anouk, Rose, Salomé, Yasmine, Maëlys, Nour, Camélia, Giulia, Mei"""),
    ("ado", "m"): _words("""
        Hugo, Lucas, Nathan, Louis, Gabriel, Adam, Raphaël, Arthur, Jules, Yanis, Théo, Mathis, Rayan,
        Noah, Ethan, Tom, Sacha, Ilyes, Timéo, Malo"""),
    ("jeune", "f"): _words("""
        Sarah, Anaïs, Mélissa, Océane, Pauline, Justine, Laura, Marion, Charlotte, Margaux, Élise,
        Célia, Amira, Fatou, Leïla, Aïcha, Nora"""),
    ("jeune", "m"): _words("""
        Maxime, Thomas, Antoine, Kevin, Nicolas, Julien, Bastien, Romain, Samuel, Quentin, Florian,
        Mehdi, Moussa, Ibrahim, Karim, Tuan, Pedro, Omar, Malik, Mohamed"""),
    ("adulte", "f"): _words("""
        Élodie, Aurélie, Sophie, Nathalie, Isabelle, Valérie, Sandrine, Céline, Stéphanie, Karine,
        Virginie, Nadia, Samia, Fatima, Hélène, Agnès, Véronique"""),
    ("adulte", "m"): _words("""
        Benoît, Franck, Stéphane, Laurent, Olivier, Christophe, Sébastien, Frédéric, Jérôme, Arnaud,
        Rachid, Mamadou, Fabrice, Pascal, Hervé, Didier, Vincent"""),
    ("senior", "f"): _words("""
        Martine, Françoise, Monique, Chantal, Brigitte, Josiane, Nicole, Jacqueline, Annie, Colette,
        Michèle, Marie-Hélène, Sylvie, Catherine, Dominique"""),
    ("senior", "m"): _words("""
        Jean-Pierre, Alain, Bernard, Gérard, Michel, Daniel, Jacques, Jean-Claude, René, Guy,
        Philippe, Patrick, Serge, Yves"""),
}

# Which generations of first names fit an age range.
NAME_GENERATIONS: dict[str, tuple[str, ...]] = {
    "16-17": ("ado",),
    "18-25": ("ado", "jeune"),
    "26-35": ("jeune",),
    "36-50": ("adulte",),
    "51-65": ("adulte", "senior"),
    "66+": ("senior",),
}
# Association owners and members are adults of any generation.
STAFF_GENERATIONS: tuple[str, ...] = ("jeune", "adulte", "senior")

SURNAMES: tuple[str, ...] = _words("""
    Martin, Bernard, Thomas, Petit, Robert, Richard, Durand, Dubois, Moreau, Laurent, Simon, Michel,
    Lefèvre, Leroy, Roux, David, Bertrand, Morel, Fournier, Girard, Bonnet, Dupont, Lambert, Fontaine,
    Rousseau, Vincent, Muller, Lefebvre, Faure, André, Mercier, Blanc, Guérin, Boyer, Garnier,
    Chevalier, François, Legrand, Gauthier, Garcia, Perrin, Robin, Clément, Morin, Nicolas, Henry,
    Roussel, Mathieu, Gautier, Masson, Marchand, Duval, Denis, Dumont, Marie, Lemaire, Noël, Meyer,
    Dufour, Meunier, Brun, Blanchard, Giraud, Joly, Rivière, Lucas, Brunet, Gaillard, Barbier, Arnaud,
    Martinez, Gérard, Roche, Renard, Schmitt, Roy, Leroux, Colin, Vidal, Caron, Picard, Roger, Fabre,
    Aubert, Lemoine, Renaud, Dumas, Lacroix, Olivier, Philippe, Bourgeois, Pierre, Benoît, Rey,
    Leclerc, Payet, Rolland, Nguyen, Benali, Diallo, Da Silva, Kowalski, Haddad, Traoré, Ferreira,
    Bouzid, Tran, Ndiaye, Rossi, Lopez, Cohen, Le Gall, Kerbrat, Yilmaz, Mendy, Chaouch, Morvan""")


@dataclass(frozen=True)
class Persona:
    """A life situation: an 'about me' text and the availability and wishes that go with it."""

    age_ranges: tuple[str, ...]
    about: str
    slots: tuple[str, ...]
    kinds: tuple[str, ...]
    skills: tuple[str, ...]
    domains: tuple[str, ...] = ()
    remote_ok: bool = False
    flexible: bool = False
    gender: str = ""  # "f" or "m" when the text is grammatically gendered ("Étudiante en...")


PERSONAS: tuple[Persona, ...] = (
    # 16-17
    Persona(
        ("16-17",),
        "J'ai 16 ans et je suis en première. Je cherche une première expérience de "
        "bénévolat, plutôt le mercredi après-midi ou le samedi.",
        ("wed_afternoon", "sat_morning", "sat_afternoon"),
        ("ponctual",),
        ("animation", "bonne humeur"),
        ("enfance-jeunesse", "sport"),
    ),
    Persona(
        ("16-17",),
        "Lycéenne de 17 ans, j'adore les animaux et je voudrais m'engager avant le "
        "bac. Je suis surtout disponible pendant les vacances scolaires.",
        ("sat_morning", "sun_morning"),
        ("ponctual", "support"),
        ("bien-être animal", "patience"),
        ("animaux", "environnement"),
        False,
        True,
        gender="f",
    ),
    Persona(
        ("16-17",),
        "Je prépare un CAP cuisine et j'aimerais aider sur des événements pour me "
        "sentir utile et rencontrer du monde.",
        ("sat_morning", "sat_afternoon", "sun_morning"),
        ("ponctual",),
        ("service", "cuisine"),
        ("aide-alimentaire", "seniors"),
    ),
    Persona(
        ("16-17",),
        "En terminale, je joue au foot depuis dix ans : je peux aider à encadrer "
        "les plus jeunes ou à tenir un tournoi.",
        ("wed_afternoon", "sat_afternoon"),
        ("ponctual", "support"),
        ("esprit sportif", "arbitrage"),
        ("sport", "enfance-jeunesse"),
    ),
    Persona(
        ("16-17",),
        "J'ai 16 ans, je suis à l'aise avec les téléphones et les ordinateurs et "
        "j'aimerais aider des personnes âgées à s'en servir.",
        ("wed_afternoon", "sat_afternoon"),
        ("ponctual",),
        ("smartphone", "patience"),
        ("numerique", "seniors"),
    ),
    # 18-25
    Persona(
        ("18-25",),
        "Étudiante en deuxième année de psychologie, je suis libre le mercredi "
        "après-midi et j'aimerais faire de l'aide aux devoirs ou de l'écoute.",
        ("wed_afternoon", "wed_evening"),
        ("support", "ponctual"),
        ("écoute", "pédagogie"),
        ("education", "sante"),
        gender="f",
    ),
    Persona(
        ("18-25",),
        "Étudiant en informatique, je peux donner un coup de main sur un site web "
        "ou du matériel, de préférence en soirée ou à distance.",
        ("tue_evening", "thu_evening", "sun_afternoon"),
        ("support",),
        ("informatique", "Linux", "site internet"),
        ("numerique",),
        True,
        gender="m",
    ),
    Persona(
        ("18-25",),
        "Jeune diplômé en communication, je veux mettre mes compétences au service "
        "d'une association pendant ma recherche d'emploi.",
        ("mon_morning", "tue_afternoon", "thu_morning"),
        ("support",),
        ("réseaux sociaux", "rédaction", "graphisme"),
        ("culture", "environnement"),
        True,
        True,
        gender="m",
    ),
    Persona(
        ("18-25",),
        "Étudiante infirmière, je suis disponible certains week-ends pour des "
        "actions de prévention ou de secourisme.",
        ("sat_morning", "sun_morning"),
        ("ponctual",),
        ("prévention", "premiers secours"),
        ("sante", "urgence-secours"),
        gender="f",
    ),
    Persona(
        ("18-25",),
        "En alternance dans la logistique, je suis libre le samedi et je ne crains "
        "pas de porter des cartons.",
        ("sat_morning", "sat_afternoon"),
        ("ponctual",),
        ("logistique", "manutention", "permis B"),
        ("aide-alimentaire", "international"),
    ),
    Persona(
        ("18-25",),
        "Étudiant en master de droit, j'aimerais tenir des permanences d'accès au "
        "droit ou aider à rédiger des courriers, en soirée.",
        ("mon_evening", "wed_evening"),
        ("support",),
        ("droit", "rédaction"),
        ("citoyennete", "solidarite-insertion"),
        gender="m",
    ),
    Persona(
        ("18-25",),
        "Je viens de finir mon service civique et je veux continuer à m'engager "
        "dans la durée, pourquoi pas avec des responsabilités.",
        ("tue_evening", "sat_morning"),
        ("support", "leadership"),
        ("animation d'équipe", "organisation"),
        ("enfance-jeunesse", "citoyennete"),
    ),
    # 26-35
    Persona(
        ("26-35",),
        "Développeuse dans une PME, je suis disponible en soirée et ponctuellement le week-end.",
        ("tue_evening", "thu_evening", "sat_morning"),
        ("support", "ponctual"),
        ("informatique", "gestion de projet"),
        ("numerique", "education"),
        True,
        gender="f",
    ),
    Persona(
        ("26-35",),
        "Infirmier de nuit, j'ai des après-midis libres en semaine et j'aimerais "
        "passer du temps avec des personnes âgées.",
        ("mon_afternoon", "tue_afternoon", "thu_afternoon"),
        ("support",),
        ("écoute", "soins"),
        ("seniors", "sante"),
        gender="m",
    ),
    Persona(
        ("26-35",),
        "Je viens d'arriver dans la ville pour le travail et je cherche à rencontrer "
        "du monde tout en étant utile.",
        ("wed_evening", "sat_morning", "sun_morning"),
        ("ponctual", "support"),
        ("sourire", "esprit d'équipe"),
        ("environnement", "culture"),
        False,
        True,
    ),
    Persona(
        ("26-35", "36-50"),
        "Demandeuse d'emploi après un licenciement économique, je veux "
        "garder un rythme et me rendre utile en attendant de retrouver un poste.",
        ("mon_morning", "tue_morning", "thu_morning", "fri_morning"),
        ("support", "ponctual"),
        ("administratif", "organisation"),
        ("solidarite-insertion", "aide-alimentaire"),
        False,
        True,
        gender="f",
    ),
    Persona(
        ("26-35",),
        "Comptable de métier, je peux aider une petite association à tenir ses "
        "comptes, de préférence à distance.",
        ("mon_evening", "thu_evening"),
        ("support", "leadership"),
        ("comptabilité", "tableur", "rigueur"),
        ("international", "sport"),
        True,
    ),
    Persona(
        ("26-35",),
        "Je travaille en horaires de bureau et je suis libre le soir : une mission "
        "régulière d'une ou deux heures par semaine me conviendrait.",
        ("mon_evening", "tue_evening", "wed_evening"),
        ("support",),
        ("écoute", "rédaction"),
        ("education", "citoyennete"),
    ),
    # 36-50
    Persona(
        ("36-50",),
        "Maman de deux enfants, je suis libre un week-end sur deux, quand ils sont chez leur père.",
        ("sat_morning", "sat_afternoon", "sun_morning"),
        ("ponctual",),
        ("organisation", "accueil"),
        ("enfance-jeunesse", "aide-alimentaire"),
        gender="f",
    ),
    Persona(
        ("36-50",),
        "Papa de trois enfants, disponible le samedi matin ; j'aimerais des missions "
        "où ils peuvent parfois m'accompagner.",
        ("sat_morning",),
        ("ponctual",),
        ("bricolage", "jardinage"),
        ("environnement", "animaux"),
        gender="m",
    ),
    Persona(
        ("36-50",),
        "Cadre dans une banque, je cherche une mission de responsabilité : "
        "trésorerie ou conseil d'administration.",
        ("mon_evening", "thu_evening"),
        ("leadership", "support"),
        ("comptabilité", "gestion de budget", "gouvernance"),
        ("solidarite-insertion", "sport"),
        True,
    ),
    Persona(
        ("36-50",),
        "Chauffeur-livreur, j'ai mon permis poids lourd et mes matinées de libres en semaine.",
        ("tue_morning", "wed_morning", "fri_morning"),
        ("support", "ponctual"),
        ("permis B", "logistique"),
        ("aide-alimentaire", "urgence-secours"),
        gender="m",
    ),
    Persona(
        ("36-50",),
        "En reconversion vers le travail social, je cherche une expérience de "
        "terrain auprès de publics fragiles.",
        ("mon_afternoon", "wed_morning", "thu_afternoon"),
        ("support", "ponctual"),
        ("écoute", "accompagnement"),
        ("solidarite-insertion", "handicap"),
        False,
        True,
    ),
    Persona(
        ("36-50",),
        "Secouriste depuis quinze ans, je voudrais transmettre ce que je sais et encadrer des équipes.",
        ("sat_morning", "sat_afternoon", "tue_evening"),
        ("leadership", "ponctual"),
        ("PSE1", "formation", "encadrement"),
        ("urgence-secours",),
    ),
    # 51-65
    Persona(
        ("51-65",),
        "Enseignante en fin de carrière, j'ai du temps le mercredi et je connais bien le soutien scolaire.",
        ("wed_morning", "wed_afternoon"),
        ("support", "leadership"),
        ("pédagogie", "français", "mathématiques"),
        ("education", "enfance-jeunesse"),
        gender="f",
    ),
    Persona(
        ("51-65",),
        "Ancien artisan électricien, je peux réparer, bricoler et transmettre mes gestes à des plus jeunes.",
        ("tue_morning", "thu_morning", "sat_morning"),
        ("ponctual", "support"),
        ("électronique", "bricolage"),
        ("environnement", "numerique"),
        False,
        True,
        gender="m",
    ),
    Persona(
        ("51-65",),
        "Demandeur d'emploi à 58 ans, je veux mettre mon expérience en gestion au service d'une association.",
        ("mon_morning", "tue_morning", "thu_afternoon"),
        ("leadership", "support"),
        ("gestion", "comptabilité", "organisation"),
        ("solidarite-insertion", "citoyennete"),
        gender="m",
    ),
    Persona(
        ("51-65",),
        "Aide-soignante à temps partiel, je suis libre deux après-midis par semaine "
        "et j'aime le contact avec les personnes âgées.",
        ("tue_afternoon", "fri_afternoon"),
        ("support",),
        ("écoute", "soins", "patience"),
        ("seniors", "handicap"),
        gender="f",
    ),
    Persona(
        ("51-65",),
        "Cadre dans l'industrie, je voyage beaucoup : une mission à distance en "
        "traduction ou en montage de dossiers m'irait bien.",
        ("sun_morning", "sun_afternoon"),
        ("support",),
        ("anglais", "traduction", "gestion de projet"),
        ("international",),
        True,
        True,
    ),
    # 66+
    Persona(
        ("66+",),
        "Comptable à la retraite, je peux tenir la trésorerie d'une association et former un successeur.",
        ("mon_morning", "tue_morning", "thu_morning"),
        ("leadership", "support"),
        ("comptabilité", "rigueur", "gestion de budget"),
        ("solidarite-insertion", "seniors"),
    ),
    Persona(
        ("66+",),
        "Retraitée de l'Éducation nationale, j'aime lire à voix haute et accompagner "
        "les enfants dans leurs apprentissages.",
        ("mon_afternoon", "wed_afternoon", "fri_afternoon"),
        ("support", "ponctual"),
        ("lecture à voix haute", "pédagogie"),
        ("education", "culture"),
        gender="f",
    ),
    Persona(
        ("66+",),
        "Jeune retraité, ancien pompier volontaire, je veux rester utile et garder "
        "le contact avec les autres.",
        ("mon_morning", "wed_morning", "sat_morning"),
        ("ponctual", "leadership"),
        ("secourisme", "sang-froid"),
        ("urgence-secours", "sport"),
        gender="m",
    ),
    Persona(
        ("66+",),
        "Retraitée, je marche tous les jours et j'aimerais rendre visite à des "
        "personnes isolées de mon quartier.",
        ("tue_afternoon", "thu_afternoon", "sat_afternoon"),
        ("support",),
        ("écoute", "patience"),
        ("seniors", "solidarite-insertion"),
        gender="f",
    ),
    Persona(
        ("66+",),
        "Ancien ingénieur, je peux aider des seniors à se servir de leur tablette ou "
        "réparer de vieux ordinateurs.",
        ("tue_afternoon", "thu_morning"),
        ("support", "ponctual"),
        ("informatique", "pédagogie"),
        ("numerique", "seniors"),
        gender="m",
    ),
)

# A second sentence, chosen from the candidate's main domain.
DOMAIN_MOTIVATIONS: dict[str, tuple[str, ...]] = {
    "solidarite-insertion": (
        "Je crois beaucoup à l'entraide entre voisins.",
        "Personne ne devrait rester seul face à la précarité.",
    ),
    "aide-alimentaire": (
        "Je ne supporte pas le gaspillage alors que des familles manquent de tout.",
        "Il y a quelques années, une épicerie solidaire a aidé ma famille.",
    ),
    "education": (
        "Transmettre, c'est ce que je préfère.",
        "J'ai eu de l'aide pendant mes études et je veux rendre la pareille.",
    ),
    "sante": (
        "La prévention me tient à cœur.",
        "Je voudrais aider les gens à mieux se soigner sans se sentir jugés.",
    ),
    "seniors": (
        "Ma grand-mère vit seule et je sais ce que représente une visite.",
        "J'aime écouter les histoires des anciens.",
    ),
    "enfance-jeunesse": (
        "J'aime l'énergie des enfants et des ados.",
        "Je voudrais que les jeunes du quartier aient plus d'activités.",
    ),
    "handicap": (
        "Mon frère est en situation de handicap : l'inclusion me concerne directement.",
        "Je voudrais que le sport et les loisirs soient vraiment ouverts à tous.",
    ),
    "environnement": (
        "J'ai envie d'agir concrètement pour la nature près de chez moi.",
        "Je jardine depuis toujours et j'aime partager.",
    ),
    "animaux": (
        "Les animaux abandonnés me touchent énormément.",
        "J'ai adopté mon chien dans un refuge et je veux aider les suivants.",
    ),
    "culture": (
        "Pour moi, la culture doit être accessible à tout le monde.",
        "Je fais du théâtre amateur depuis des années.",
    ),
    "sport": (
        "Le sport m'a beaucoup apporté et je veux transmettre ses valeurs.",
        "Je cours trois fois par semaine et j'adore l'ambiance des courses.",
    ),
    "citoyennete": (
        "Je veux que chacun connaisse et fasse valoir ses droits.",
        "La vie de mon quartier m'intéresse et j'aime débattre.",
    ),
    "urgence-secours": (
        "Savoir porter secours devrait être à la portée de tous.",
        "Je garde mon calme dans les situations difficiles.",
    ),
    "numerique": (
        "Le numérique ne devrait exclure personne.",
        "J'aide déjà mes voisins avec leurs ordinateurs, autant le faire plus largement.",
    ),
    "international": (
        "J'ai vécu deux ans à l'étranger et ces projets me tiennent à cœur.",
        "Je parle plusieurs langues et voudrais m'en servir utilement.",
    ),
}

PRACTICAL_NOTES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("J'ai le permis B et une voiture.", ("permis B",)),
    ("Je parle anglais et espagnol.", ("anglais", "espagnol")),
    ("J'ai mon PSC1.", ("premiers secours",)),
    ("Je parle arabe couramment.", ("arabe",)),
    ("J'ai le BAFA.", ("BAFA",)),
    ("Je suis à l'aise avec les tableurs.", ("tableur",)),
    ("Je fais de la photo en amateur.", ("photographie",)),
    ("Je suis disponible aussi pendant les vacances scolaires.", ()),
    ("Je connais un peu la langue des signes.", ("langue des signes",)),
    ("", ()),
    ("", ()),
)

APPLICATION_MOTIVATIONS: tuple[str, ...] = (
    "Bonjour, votre mission correspond exactement à mes disponibilités et j'ai très envie d'aider.",
    "Bonjour, j'habite à deux pas et j'aimerais beaucoup donner un coup de main.",
    "J'ai déjà fait ce type de mission l'an dernier et j'ai adoré l'ambiance. Je suis disponible !",
    "Bonjour, je découvre le bénévolat : est-ce que cette mission convient à un débutant ?",
    "Je suis disponible sur tout le créneau et je peux venir avec une amie si vous avez besoin de monde.",
    "Votre association fait un travail formidable dans le quartier, j'aimerais y contribuer.",
    "Bonjour, j'ai les compétences demandées et du temps en ce moment : ce serait un plaisir d'aider.",
    "Bonjour, je souhaite m'engager dans la durée et cette mission me semble un bon début.",
    "",
    "",
)

DECLINE_NOTES: dict[str, str] = {
    "requirements_not_met": "Merci pour votre candidature ; cette mission demande un diplôme que vous "
    "n'avez pas encore. N'hésitez pas à regarder nos autres missions !",
    "mission_full": "Merci beaucoup, mais l'équipe est déjà complète pour cette date.",
    "no_longer_available": "La mission a été réorganisée et nous n'avons plus besoin de renfort.",
    "other": "Nous avons retenu une personne qui habite plus près du lieu de la mission.",
}

# (candidate's message, association's answer) while an application waits or is accepted.
MESSAGE_EXCHANGES: tuple[tuple[str, str], ...] = (
    (
        "Bonjour, faut-il apporter quelque chose le jour J ?",
        "Bonjour {prenom}, juste des chaussures confortables et une bouteille d'eau. À bientôt !",
    ),
    (
        "Bonjour, je ne pourrai arriver qu'à 10 h, est-ce que ça pose problème ?",
        "Aucun souci {prenom}, prévenez simplement l'équipe d'accueil en arrivant.",
    ),
    (
        "Bonjour, est-ce qu'une réunion d'information est prévue avant de commencer ?",
        "Oui {prenom}, nous faisons un accueil des nouveaux bénévoles le premier mardi du mois à 18 h.",
    ),
    (
        "Bonjour, le lieu est-il accessible en transports en commun ?",
        "Bonjour {prenom}, oui : il y a un arrêt à cinq minutes à pied. Nous vous enverrons le plan.",
    ),
    (
        "Bonjour, une amie aimerait aussi venir aider : est-ce possible ?",
        "Bien sûr {prenom} ! Qu'elle s'inscrive aussi sur la mission pour que nous puissions l'accueillir.",
    ),
)

# Only once the application is accepted.
ACCEPTED_EXCHANGES: tuple[tuple[str, str], ...] = (
    (
        "Merci pour votre accueil, j'ai hâte de commencer !",
        "Merci à vous {prenom}, toute l'équipe est ravie de vous compter parmi nous.",
    ),
    (
        "Bonjour, à qui dois-je m'adresser en arrivant le premier jour ?",
        "Bonjour {prenom}, demandez Nadège à l'accueil : c'est elle qui accompagne les nouveaux.",
    ),
)

# A moderator's comment when sending a mission back to its association.
RETURN_COMMENTS: tuple[str, ...] = (
    "Merci de préciser l'adresse exacte du rendez-vous et l'heure de fin.",
    "Pouvez-vous indiquer qui encadre les bénévoles sur place ?",
    "La description est un peu courte : dites ce que les bénévoles feront concrètement.",
    "Merci de vérifier l'âge minimum : la mission semble demander d'être majeur.",
)

# An association's reason when it cancels a published mission.
CANCEL_REASONS: tuple[str, ...] = (
    "Le lieu prévu n'est plus disponible à cette date.",
    "Faute de matériel, nous devons reporter cette action ; une nouvelle date sera publiée.",
    "L'autorisation de la mairie n'a pas été obtenue à temps.",
    "L'événement est annulé par nos partenaires, merci à toutes les personnes inscrites.",
)

DEMO_WIDGET_NAME = "Missions près de chez vous"
NETWORK_NAME = "Maison des associations de Lyon"
NETWORK_DESCRIPTION = _md("""
    La Maison des associations de Lyon accompagne les associations de la métropole : conseil,
    formation des bénévoles, prêt de salles et de matériel. Elle relaie sur Tremplin les missions
    des associations membres et veille à leur qualité.""")
