"""Other associations' versions of the demo missions: more introductions, cores and practical lines.

Keyed by the title of the mission template they vary (``content.MISSION_TEMPLATES``). Every part
must read well with every other part of the same template: introductions say why, cores what
you will do (their title and skills), practical lines when and how long, with the schedule they
state. ``{ville}`` and ``{lieu}`` are filled by the loader, as in the templates.
"""

from __future__ import annotations

from marketplace.demo.content import SATURDAY, SUNDAY, _md
from marketplace.demo.versions import Core, MoreParts, Practical

FRIDAY, WEDNESDAY = 4, 2


def _core(title: str, tasks: str, skills: tuple[str, ...], *, for_whom: str = "", profile: str = "") -> Core:
    """A title, what you will do (and for whom, or the profile wanted), and the skills."""
    if tasks.lstrip().startswith("- **"):  # written out as Markdown lines already
        return Core(title, _md(tasks), skills)
    lines = [f"- **Ce que vous ferez** : {_md(tasks)}"]
    lines += [f"- **Pour qui** : {_md(for_whom)}"] if for_whom else []
    lines += [f"- **Profil** : {_md(profile)}"] if profile else []
    return Core(title, "\n".join(lines), skills)


def _intro(text: str) -> str:
    return _md(text)


def _practical(text: str) -> str:
    text = _md(text)
    return text if text.startswith("- **En pratique**") else f"- **En pratique** : {text}"


def _once(text: str, *, days: int = 1, weekday: int | None = None) -> Practical:
    """A one-off mission's practical line: how many days, and the weekday its text names."""
    return Practical(_practical(text), days=days, weekday=weekday)


def _every_week(text: str, *, slots: tuple[str, ...], hours: float) -> Practical:
    """A recurring mission's practical line with its weekly slots and hours."""
    return Practical(_practical(text), slots=slots, hours=hours)


MORE_PARTS: dict[str, MoreParts] = {}

# ================================================================ solidarite-insertion
MORE_PARTS["Braderie du vestiaire solidaire"] = MoreParts(
    cores=(
        _core(
            "Grande vente solidaire de vêtements d'hiver",
            """
            - **Ce que vous ferez** : déballer les manteaux et les pulls donnés, tenir un rayon,
              conseiller sur les tailles et ranger au fil de la journée.
            - **Pour qui** : des familles du quartier qui s'équipent pour l'hiver à prix doux.""",
            ("vente", "conseil", "rangement"),
        ),
        _core(
            "Tenir la caisse et l'accueil de la friperie éphémère",
            """
            - **Ce que vous ferez** : accueillir à l'entrée, expliquer le fonctionnement, tenir la
              caisse avec un membre de l'équipe et rendre la monnaie.
            - **Pour qui** : des habitants de {ville} orientés par les centres sociaux.""",
            ("accueil", "caisse", "sens du contact"),
        ),
    ),
    intros=(
        _intro(
            """
            Deux fois par an, notre local {lieu} se transforme en boutique : les vêtements donnés
            par les habitants y retrouvent preneur pour quelques euros."""
        ),
        _intro(
            """
            Les dons de vêtements affluent depuis la rentrée et notre réserve déborde : place à une
            vente ouverte à tous, dont les recettes financent nos ateliers."""
        ),
    ),
    practicals=(
        _once(
            "- **En pratique** : un samedi de 10 h à 18 h, par demi-journée si vous préférez.",
            weekday=SATURDAY,
        ),
        _once(
            "- **En pratique** : deux jours, de 14 h à 19 h ; installation la veille au soir pour qui peut.",
            days=2,
        ),
    ),
)
MORE_PARTS["Accueil au forum emploi du quartier"] = MoreParts(
    cores=(
        _core(
            "Forum des métiers : guider les visiteurs",
            """
            - **Ce que vous ferez** : remettre le plan du forum, présenter les stands de recrutement,
              noter les questions des visiteurs pour les conseillers.
            - **Pour qui** : des habitants qui cherchent un premier emploi ou une formation.""",
            ("orientation", "accueil", "prise de notes"),
        ),
        _core(
            "Job dating : accueil des candidats et des recruteurs",
            """
            - **Ce que vous ferez** : enregistrer les candidats, tenir le tableau des rendez-vous,
              chronométrer les entretiens de dix minutes et accompagner chacun au bon recruteur.
            - **Pour qui** : des jeunes de {ville} sans diplôme et des employeurs qui recrutent.""",
            ("organisation", "accueil", "ponctualité"),
        ),
    ),
    intros=(
        _intro(
            """
            Une fois par an, nous réunissons {lieu} les entreprises qui recrutent près de chez
            elles et les habitants qui cherchent un travail."""
        ),
        _intro(
            """
            Avec la mission locale et Pôle emploi, nous organisons une matinée de rencontres où l'on
            vient sans rendez-vous, CV en poche ou pas."""
        ),
    ),
    practicals=(
        _once("- **En pratique** : une matinée, de 8 h à 13 h, café et viennoiseries pour l'équipe."),
        _once("- **En pratique** : un jeudi de 13 h 30 à 17 h 30 ; brief de l'équipe à 13 h.", weekday=3),
    ),
)
MORE_PARTS["Déménagement solidaire d'une famille relogée"] = MoreParts(
    cores=(
        _core(
            "Aider une famille à emménager dans son premier logement",
            """
            - **Ce que vous ferez** : décharger les meubles donnés, les monter, poser des étagères et
              des rideaux pour que le logement soit habitable le soir même.""",
            ("bricolage", "montage de meubles", "port de charges"),
        ),
        _core(
            "Collecter et livrer des meubles donnés",
            """
            - **Ce que vous ferez** : aller chercher chez des donateurs un lit, une table et des
              chaises, les livrer, les monter et les installer chez la famille.""",
            ("port de charges", "montage de meubles", "permis B"),
        ),
    ),
    intros=(
        _intro(
            """
            Après deux ans en hôtel social, une mère et ses trois enfants emménagent {lieu} : le
            bail est signé, il reste tout le reste."""
        ),
        _intro(
            """
            Une famille relogée par le bailleur social quitte enfin un logement insalubre {lieu} ;
            elle n'a ni voiture ni moyens de payer un déménageur."""
        ),
    ),
    practicals=(
        _once(
            """
            - **En pratique** : un samedi de 9 h à 13 h. Gants fournis, chaussures fermées
              indispensables. Mission physique, de 18 à 65 ans.""",
            weekday=SATURDAY,
        ),
        _once(
            """
            - **En pratique** : un dimanche, rendez-vous à 10 h au local avec la camionnette ; fin vers
              15 h. Mission physique, de 18 à 65 ans.""",
            weekday=SUNDAY,
        ),
    ),
)
MORE_PARTS["Atelier CV et lettre de motivation"] = MoreParts(
    cores=(
        _core(
            "Préparer des candidats à leurs entretiens d'embauche",
            """
            - **Ce que vous ferez** : jouer le recruteur lors d'entretiens blancs, donner un retour
              bienveillant et concret, aider à présenter son parcours en deux minutes.
            - **Pour qui** : des adultes en reprise d'emploi après une longue pause.""",
            ("entretien d'embauche", "écoute", "ressources humaines"),
        ),
        _core(
            "Permanence candidatures en ligne",
            """
            - **Ce que vous ferez** : créer un compte sur les sites d'offres, déposer un CV, répondre
              à une annonce pas à pas avec la personne.
            - **Pour qui** : des demandeurs d'emploi peu à l'aise avec l'ordinateur.""",
            ("informatique", "pédagogie", "patience"),
        ),
    ),
    intros=(
        _intro(
            """
            Beaucoup de personnes que nous suivons {lieu} ont de l'expérience mais ne savent pas la
            mettre en valeur devant un employeur."""
        ),
        _intro(
            """
            Postuler se fait désormais presque toujours en ligne, ce qui ferme des portes à ceux qui
            n'ont ni ordinateur ni habitude des formulaires."""
        ),
    ),
    practicals=(
        _every_week(
            "- **En pratique** : le lundi de 14 h à 16 h, dans notre salle informatique.",
            slots=("mon_afternoon",),
            hours=2,
        ),
        _every_week(
            "- **En pratique** : le jeudi matin, 2 h 30 ; une séance d'observation avant de commencer.",
            slots=("thu_morning",),
            hours=2.5,
        ),
    ),
)
MORE_PARTS["Parrainage d'une personne en recherche d'emploi"] = MoreParts(
    cores=(
        _core(
            "Mentorat d'un jeune diplômé sans réseau",
            """
            - **Ce que vous ferez** : l'aider à cibler les entreprises, relire ses candidatures, lui
              présenter deux ou trois personnes de votre métier.
            - **Pour qui** : des jeunes des quartiers prioritaires, diplômés mais sans contacts.""",
            ("réseau professionnel", "conseil", "mentorat"),
        ),
        _core(
            "Accompagner une personne réfugiée vers l'emploi",
            """
            - **Ce que vous ferez** : expliquer les codes du travail en France, préparer les
              entretiens, suivre ses démarches de reconnaissance de diplôme.
            - **Pour qui** : des personnes réfugiées qui parlent déjà bien français.""",
            ("écoute", "conseil", "connaissance du monde du travail"),
        ),
    ),
    intros=(
        _intro(
            """
            Trouver un premier emploi passe souvent par quelqu'un qui vous recommande : c'est ce
            carnet d'adresses qui manque aux personnes que nous suivons à {ville}."""
        ),
        _intro(
            """
            Notre programme de parrainage associe chaque année une trentaine de binômes ; plus de la
            moitié des filleuls trouvent un emploi dans les six mois."""
        ),
    ),
    practicals=(
        _every_week(
            "- **En pratique** : une heure par semaine, le soir en visio ou en journée selon vos horaires.",
            slots=("mon_evening", "wed_evening"),
            hours=1,
        ),
        _every_week(
            "- **En pratique** : environ 2 h par semaine pendant quatre mois, dont un déjeuner mensuel.",
            slots=("fri_afternoon",),
            hours=2,
        ),
    ),
)
MORE_PARTS["Coordination de l'équipe d'accueil"] = MoreParts(
    cores=(
        _core(
            "Responsable de l'accueil de jour",
            """
            - **Ce que vous ferez** : ouvrir l'accueil avec l'équipe, répartir les postes (café,
              douches, bagagerie), gérer les tensions avec calme, faire le point en fin de matinée.
            - **Profil** : à l'aise dans les situations difficiles, capable de décider vite.""",
            ("gestion d'équipe", "gestion de conflits", "organisation"),
        ),
        _core(
            "Référent ou référente des bénévoles d'accueil",
            """
            - **Ce que vous ferez** : recevoir les nouveaux bénévoles, les former à l'écoute, organiser
              une réunion d'équipe par mois et veiller à ce que personne ne s'épuise.
            - **Profil** : de l'expérience de l'accueil, de la bienveillance et de la fermeté.""",
            ("animation d'équipe", "formation", "écoute"),
        ),
    ),
    intros=(
        _intro(
            """
            Café, douche, un endroit pour souffler : notre accueil de jour {lieu} est souvent le
            premier lieu où les personnes à la rue reprennent contact."""
        ),
        _intro(
            """
            Notre équipe d'accueil s'est agrandie cette année et a besoin d'une personne pour la
            tenir ensemble, aux côtés de la travailleuse sociale salariée."""
        ),
    ),
    practicals=(
        _every_week(
            "- **En pratique** : deux matinées par semaine, le mardi et le vendredi, 3 h chacune.",
            slots=("tue_morning", "fri_morning"),
            hours=6,
        ),
        _every_week(
            "- **En pratique** : 3 h par semaine le mercredi après-midi, plus la réunion mensuelle.",
            slots=("wed_afternoon",),
            hours=3,
        ),
    ),
)
MORE_PARTS["Administrateur ou administratrice bénévole"] = MoreParts(
    cores=(
        _core(
            "Rejoindre notre bureau comme vice-président ou vice-présidente",
            """
            - **Ce que vous ferez** : épauler la présidente, représenter l'association auprès de la
              mairie et des partenaires, conduire un projet de l'année.
            - **Profil** : goût pour les rencontres et les décisions collectives.""",
            ("représentation", "gouvernance", "gestion de projet"),
        ),
        _core(
            "Membre du conseil d'administration chargé des projets",
            """
            - **Ce que vous ferez** : suivre deux projets de l'association, en rendre compte au
              conseil, aider à préparer l'assemblée générale.
            - **Profil** : rigueur et disponibilité régulière plus qu'expérience.""",
            ("suivi de projet", "rédaction", "sens du collectif"),
        ),
    ),
    intros=(
        _intro(
            """
            Association de quartier née il y a vingt ans à {ville}, nous renouvelons notre conseil
            d'administration pour y faire entrer de nouveaux visages."""
        ),
        _intro(
            """
            Nos statuts prévoient un conseil de neuf membres ; deux sièges sont vacants depuis le
            départ de fondateurs historiques."""
        ),
    ),
    practicals=(
        _every_week(
            "- **En pratique** : un conseil par mois le jeudi soir, et environ 1 h par semaine à distance.",
            slots=("thu_evening",),
            hours=1,
        ),
        _every_week(
            "- **En pratique** : 2 h par semaine en moyenne, réunions le lundi soir.",
            slots=("mon_evening",),
            hours=2,
        ),
    ),
)

# ================================================================ aide-alimentaire
MORE_PARTS["Collecte alimentaire au supermarché"] = MoreParts(
    (
        _core(
            "Tenir un point de collecte de la banque alimentaire",
            "proposer aux clients la liste des produits qui manquent, réceptionner leurs dons, "
            "porter les cartons pleins jusqu'à la réserve du magasin.",
            ("accueil", "manutention", "bonne humeur"),
        ),
    ),
    (
        _intro(
            "Chaque automne, la collecte nationale remplit nos étagères pour l'hiver : nous tenons "
            "l'entrée d'un magasin {lieu} pendant deux jours."
        ),
    ),
    (
        _once(
            "un vendredi et un samedi, par créneaux de 3 h entre 9 h et 19 h. Chasuble fournie ; "
            "les mineurs de plus de 16 ans viennent en binôme avec un adulte.",
            days=2,
            weekday=FRIDAY,
        ),
    ),
)
MORE_PARTS["Tri des denrées après la grande collecte"] = MoreParts(
    (
        _core(
            "Préparer les colis des familles après la collecte",
            "composer des colis équilibrés à partir des dons triés, les étiqueter par taille de "
            "famille et les empiler pour la distribution.",
            ("préparation de colis", "tri", "travail en équipe"),
        ),
    ),
    (
        _intro(
            "Trois tonnes de dons ont été collectées ce mois-ci à {ville} : avant de les distribuer, "
            "il faut tout trier et tout vérifier."
        ),
    ),
    (
        _once(
            "un samedi de 9 h à 12 h 30, café à l'arrivée. Venez avec une tenue confortable.",
            weekday=SATURDAY,
        ),
    ),
)
MORE_PARTS["Récupération des invendus en fin de marché"] = MoreParts(
    (
        _core(
            "Glanage solidaire au marché",
            "récupérer les fruits et légumes invendus auprès des commerçants, les peser, les "
            "répartir entre les associations du quartier.",
            ("anti-gaspillage", "pesée", "contact avec les commerçants"),
            for_whom="trois épiceries solidaires et une cantine associative de {ville}.",
        ),
    ),
    (
        _intro(
            "Chaque semaine, des dizaines de kilos de produits frais partent à la benne faute de "
            "preneurs : nous les sauvons au marché {lieu}."
        ),
    ),
    (_once("un samedi de 12 h à 14 h, cagettes et balance fournies.", weekday=SATURDAY),),
)
MORE_PARTS["Suivi des stocks sur tableur"] = MoreParts(
    (
        _core(
            "Tableau de bord des dons et des distributions",
            "tenir à jour les quantités reçues et distribuées, préparer les chiffres demandés par "
            "nos financeurs, alerter quand un produit manque.",
            ("tableur", "statistiques", "rigueur"),
        ),
    ),
    (
        _intro(
            "Nos partenaires nous demandent des chiffres précis chaque trimestre et nos cahiers ne "
            "suffisent plus : il est temps de passer au tableur."
        ),
    ),
    (
        _every_week(
            "le mercredi matin, 2 h, au local ou depuis chez vous une semaine sur deux.",
            slots=("wed_morning",),
            hours=2,
        ),
    ),
)
MORE_PARTS["Chauffeur ou chauffeuse pour la tournée des dons"] = MoreParts(
    (
        _core(
            "Ramasse des invendus en camion frigorifique",
            "conduire le camion jusqu'aux supermarchés partenaires, vérifier les températures, "
            "décharger au dépôt avec l'équipe du jour.",
            ("permis B", "chaîne du froid", "manutention"),
        ),
    ),
    (
        _intro(
            "Cinq supermarchés de {ville} nous confient leurs invendus encore bons : encore faut-il "
            "aller les chercher à temps."
        ),
    ),
    (
        _every_week(
            "le samedi de 7 h 30 à 10 h 30, au départ du dépôt {lieu}. Au moins trois ans de permis.",
            slots=("sat_morning",),
            hours=3,
        ),
    ),
)
MORE_PARTS["Responsable du planning des distributions"] = MoreParts(
    (
        _core(
            "Coordination des bénévoles des distributions",
            "composer les équipes de chaque distribution, accueillir les nouveaux, faire le point "
            "avec la coordinatrice salariée à la fin.",
            ("coordination", "planning", "animation d'équipe"),
            profile="à l'aise pour relancer et remercier ; présent·e à la plupart des distributions.",
        ),
    ),
    (
        _intro(
            "Chaque semaine, 150 familles viennent chercher leur colis {lieu} : derrière les tables, "
            "une équipe qui change d'une semaine à l'autre."
        ),
    ),
    (
        _every_week(
            "le samedi matin sur place et 1 h en semaine pour le planning, pendant au moins un an.",
            slots=("sat_morning", "tue_evening"),
            hours=4,
        ),
    ),
)
MORE_PARTS["Trésorier ou trésorière de l'épicerie"] = MoreParts(
    (
        _core(
            "Trésorerie et subventions de l'épicerie solidaire",
            "rapprocher chaque mois la caisse et la banque, suivre les subventions de la ville et "
            "du département, préparer le budget avec le bureau.",
            ("comptabilité", "suivi budgétaire", "rigueur"),
            profile="goût des chiffres ; le logiciel de comptabilité s'apprend en une soirée.",
        ),
    ),
    (
        _intro(
            "Notre épicerie {lieu} a doublé de taille en deux ans ; ses comptes aussi, et notre "
            "trésorière actuelle souhaite passer la main."
        ),
    ),
    (
        _every_week(
            "le jeudi soir, environ 2 h, et une réunion de bureau par mois.",
            slots=("thu_evening",),
            hours=2,
        ),
    ),
)

# ================================================================ education
MORE_PARTS["Distribution de fournitures scolaires"] = MoreParts(
    (
        _core(
            "Rentrée solidaire : remettre les cartables",
            "accueillir les familles sur inscription, remettre un cartable garni par enfant, "
            "noter les tailles de blouses et de chaussures de sport qui manquent.",
            ("accueil", "organisation", "contact avec les familles"),
            for_whom="des enfants de familles suivies par les centres sociaux de {ville}.",
        ),
        _core(
            "Tri et mise en kits du matériel scolaire donné",
            "trier les dons de cahiers, stylos et calculatrices, composer un kit par niveau de "
            "classe selon les listes des écoles.",
            ("tri", "rigueur", "travail en équipe"),
        ),
    ),
    (
        _intro(
            "Une rentrée coûte cher : grâce aux dons d'une papeterie et des habitants, nous équipons "
            "gratuitement plus de 200 élèves {lieu}."
        ),
        _intro(
            "Fin août, la salle des fêtes se remplit de cartons de fournitures : il faut tout "
            "préparer avant que les familles arrivent."
        ),
    ),
    (
        _once("un samedi de 9 h à 13 h, fin août. Dès 16 ans.", weekday=SATURDAY),
        _once("deux après-midi, de 14 h à 18 h, la dernière semaine d'août.", days=2),
    ),
)
MORE_PARTS["Accompagner une sortie au musée avec une classe"] = MoreParts(
    (
        _core(
            "Accompagnateur ou accompagnatrice d'une visite au musée",
            "veiller sur six élèves pendant la visite, les encourager à poser leurs questions à "
            "la médiatrice, compter les enfants à chaque étape.",
            ("encadrement d'enfants", "vigilance", "curiosité"),
        ),
        _core(
            "Encadrer un atelier au musée avec des écoliers",
            "aider les enfants pendant l'atelier de dessin qui suit la visite, distribuer le "
            "matériel, ranger avec eux.",
            ("encadrement d'enfants", "activités manuelles", "patience"),
        ),
    ),
    (
        _intro(
            "Beaucoup d'élèves de l'école {lieu} n'ont jamais mis les pieds dans un musée : avec "
            "leur enseignante, nous y emmenons leur classe."
        ),
        _intro(
            "Notre projet « Un musée par an » permet à chaque classe de CE2 de {ville} de découvrir "
            "une collection avec un guide."
        ),
    ),
    (
        _once(
            "un mardi, de 8 h 30 à 12 h 30, transport en tramway. Être majeur·e.",
            weekday=1,
        ),
        _once(
            "un jeudi après-midi, de 13 h 30 à 16 h 30, départ et retour à l'école. Être majeur·e.",
            weekday=3,
        ),
    ),
)
MORE_PARTS["Stage de révisions du brevet pendant les vacances"] = MoreParts(
    (
        _core(
            "Révisions du brevet : préparer l'oral et les sujets blancs",
            "faire passer des oraux blancs, corriger des sujets avec les élèves, leur apprendre à "
            "gérer leur temps le jour de l'épreuve.",
            ("oral", "français", "pédagogie"),
            for_whom="des collégiens qui passent le brevet en juin.",
        ),
    ),
    (
        _intro(
            "Pendant les vacances de printemps, nos locaux {lieu} deviennent une salle d'étude pour "
            "les élèves de troisième du quartier."
        ),
    ),
    (
        _once(
            "cinq matinées du lundi au vendredi, de 9 h 30 à 12 h, pendant les vacances.",
            days=5,
            weekday=0,
        ),
    ),
)
MORE_PARTS["Aide aux devoirs le mercredi après-midi"] = MoreParts(
    (
        _core(
            "Apprendre à apprendre : méthode et leçons",
            "aider deux enfants à organiser leur cartable et leur cahier de textes, reprendre les "
            "leçons du jour, les faire réciter.",
            ("soutien scolaire", "méthodologie", "patience"),
            for_whom="des élèves du CE2 à la sixième, inscrits par leurs parents.",
        ),
    ),
    (
        _intro(
            "À la sortie de l'école, certains enfants n'ont personne pour les aider : notre salle "
            "{lieu} leur offre un coin calme et des adultes disponibles."
        ),
    ),
    (
        _every_week(
            "le mercredi de 14 h à 16 h et le vendredi de 16 h 30 à 18 h, hors vacances scolaires. "
            "Dès 16 ans.",
            slots=("wed_afternoon", "fri_afternoon"),
            hours=3.5,
        ),
    ),
)
MORE_PARTS["Cours de français pour adultes"] = MoreParts(
    (
        _core(
            "Atelier de conversation en français",
            "animer une heure de conversation sur la vie quotidienne (le marché, le médecin, "
            "l'école des enfants) avec un petit groupe.",
            ("français", "animation", "écoute"),
            for_whom="des adultes qui comprennent un peu le français et veulent oser le parler.",
        ),
        _core(
            "Alphabétisation : apprendre à lire et à écrire",
            "accompagner un ou deux adultes qui apprennent à lire, avec la méthode et les "
            "supports de l'association.",
            ("alphabétisation", "patience", "pédagogie"),
            for_whom="des adultes qui n'ont pas ou peu été à l'école.",
        ),
    ),
    (
        _intro(
            "Parler français, c'est pouvoir prendre rendez-vous, aider ses enfants, trouver un "
            "travail : nos ateliers {lieu} sont pleins toute l'année."
        ),
        _intro(
            "Notre école de langue associative accueille chaque année près de 90 apprenants de "
            "vingt nationalités à {ville}."
        ),
    ),
    (
        _every_week(
            "le mardi et le vendredi de 9 h 30 à 11 h, dans notre salle de cours.",
            slots=("tue_morning", "fri_morning"),
            hours=3,
        ),
        _every_week(
            "le samedi de 10 h à 12 h ; une formation de deux samedis au départ.",
            slots=("sat_morning",),
            hours=2,
        ),
    ),
)
MORE_PARTS["Tutorat en mathématiques à distance"] = MoreParts(
    (
        _core(
            "Tutorat scientifique en visio",
            "suivre un élève de première chaque semaine en mathématiques ou en physique-chimie, "
            "reprendre les exercices qu'il n'a pas compris, l'aider à préparer ses évaluations.",
            ("mathématiques", "physique-chimie", "visioconférence"),
            for_whom="des lycéens boursiers de {ville} qui visent des études scientifiques.",
        ),
    ),
    (
        _intro(
            "Les cours particuliers coûtent cher ; nous mettons gratuitement en relation des "
            "lycéens et des bénévoles à l'aise en sciences."
        ),
    ),
    (
        _every_week(
            "1 h par semaine, le mercredi en fin d'après-midi, depuis chez vous.",
            slots=("wed_afternoon",),
            hours=1,
        ),
    ),
)
MORE_PARTS["Coordination des bénévoles de l'aide aux devoirs"] = MoreParts(
    (
        _core(
            "Responsable du programme d'accompagnement scolaire",
            "construire les binômes bénévole-élève, suivre les progrès avec les enseignants, "
            "présenter le bilan de l'année au conseil d'administration.",
            ("coordination", "suivi de projet", "relations avec les écoles"),
            profile="aisance avec les familles comme avec les enseignants.",
        ),
        _core(
            "Référent ou référente des bénévoles du soir",
            "accueillir chaque soir les bénévoles, répartir les enfants, régler les petits soucis, "
            "tenir le cahier de liaison avec les familles.",
            ("animation d'équipe", "organisation", "bienveillance"),
            profile="présence régulière ; expérience de l'animation bienvenue.",
        ),
    ),
    (
        _intro(
            "Quarante enfants et vingt-cinq bénévoles : notre accompagnement scolaire {lieu} ne "
            "tient que si quelqu'un fait le lien entre tout le monde."
        ),
        _intro(
            "Après dix ans à la tête de notre aide aux devoirs, notre coordinatrice part à la "
            "retraite et cherche qui lui succédera à {ville}."
        ),
    ),
    (
        _every_week(
            "le lundi et le jeudi de 16 h 30 à 18 h 30, plus une réunion par trimestre.",
            slots=("mon_afternoon", "thu_afternoon"),
            hours=4,
        ),
        _every_week(
            "3 h par semaine, le mardi soir pour l'organisation et le samedi matin avec les familles.",
            slots=("tue_evening", "sat_morning"),
            hours=3,
        ),
    ),
)
MORE_PARTS["Responsable des liens avec les écoles"] = MoreParts(
    (
        _core(
            "Ambassadeur ou ambassadrice de l'association auprès des collèges",
            "présenter nos ateliers aux équipes des collèges, organiser les inscriptions des élèves, "
            "faire un bilan avec chaque établissement en fin d'année.",
            ("prise de parole", "organisation", "relations partenaires"),
        ),
    ),
    (
        _intro(
            "Les enseignants nous orientent la plupart des élèves que nous accompagnons : ce lien "
            "avec les établissements de {ville} est précieux."
        ),
    ),
    (
        _every_week(
            "environ 2 h par semaine, le lundi après-midi quand les établissements vous reçoivent.",
            slots=("mon_afternoon",),
            hours=2,
        ),
    ),
)

# ================================================================ sante
MORE_PARTS["Stand de prévention sur l'arrêt du tabac"] = MoreParts(
    (
        _core(
            "Mois sans tabac : tenir le stand d'information",
            "accueillir les curieux, remettre le kit d'aide à l'arrêt, inscrire ceux qui le "
            "souhaitent aux consultations gratuites du centre de santé.",
            ("prévention", "accueil", "conviction"),
        ),
    ),
    (
        _intro(
            "En novembre, nous installons un stand dans le hall du centre commercial {lieu} pour "
            "aider les fumeurs qui veulent arrêter."
        ),
    ),
    (
        _once(
            "un samedi de 10 h à 13 h, formation d'une heure en visio la semaine d'avant.", weekday=SATURDAY
        ),
    ),
)
MORE_PARTS["Accueil des donneurs lors d'une collecte de sang"] = MoreParts(
    (
        _core(
            "Collation et accueil des donneurs de sang",
            "préparer la collation, bavarder avec les donneurs pendant leur repos, distribuer les "
            "flyers de la prochaine collecte.",
            ("service", "convivialité", "organisation"),
        ),
    ),
    (
        _intro(
            "Les réserves de sang baissent chaque été ; la collecte organisée {lieu} en juillet "
            "compte sur une équipe d'accueil souriante."
        ),
    ),
    (_once("un mercredi de 15 h à 19 h 30. Dès 16 ans.", weekday=WEDNESDAY),),
)
MORE_PARTS["Journée de dépistage gratuit : accueil et orientation"] = MoreParts(
    (
        _core(
            "Village santé : guider les habitants d'un stand à l'autre",
            "présenter le parcours (dentiste, vue, audition), tenir la file d'attente, traduire "
            "quelques mots si vous parlez une autre langue.",
            ("orientation", "accueil", "langues étrangères"),
            for_whom="des familles qui n'ont pas de médecin traitant.",
        ),
    ),
    (
        _intro(
            "Avec la maison de santé, nous organisons {lieu} un village santé en plein air pour "
            "aller au-devant de ceux qui ne consultent plus."
        ),
    ),
    (_once("un dimanche de 10 h à 16 h, pique-nique partagé avec les soignants.", weekday=SUNDAY),),
)
MORE_PARTS["Écoutant ou écoutante bénévole"] = MoreParts(
    (
        _core(
            "Écoutant ou écoutante par tchat",
            "répondre par écrit aux messages reçus sur notre tchat, aider la personne à formuler ce "
            "qu'elle ressent, l'orienter vers les bons interlocuteurs.",
            ("écoute", "écrit", "empathie"),
            for_whom="des personnes qui n'osent pas appeler, souvent des jeunes.",
        ),
    ),
    (
        _intro(
            "Beaucoup de jeunes écrivent plus facilement qu'ils ne parlent : notre service "
            "d'écoute en ligne leur répond le soir."
        ),
    ),
    (
        _every_week(
            "une soirée par semaine, le jeudi de 19 h à 22 h, après une formation de deux mois.",
            slots=("thu_evening",),
            hours=3,
        ),
    ),
)
MORE_PARTS["Rédaction de fiches prévention en langage simple"] = MoreParts(
    (
        _core(
            "Traduire nos conseils santé en pictogrammes",
            "transformer chaque conseil de nos fiches en image simple, tester les pictogrammes avec "
            "des habitants, préparer les fichiers pour l'imprimeur.",
            ("illustration", "graphisme", "FALC"),
        ),
    ),
    (
        _intro(
            "Une partie des personnes que nous rencontrons à {ville} lit difficilement le "
            "français : nos documents doivent se comprendre d'un coup d'œil."
        ),
    ),
    (
        _every_week(
            "le lundi après-midi, 2 h, à distance avec une réunion par mois au local.",
            slots=("mon_afternoon",),
            hours=2,
        ),
    ),
)
MORE_PARTS["Responsable de l'équipe prévention"] = MoreParts(
    (
        _core(
            "Coordination des actions santé dans les quartiers",
            "choisir avec les bénévoles les thèmes de l'année, planifier les interventions dans les "
            "écoles et les marchés, rendre compte aux financeurs.",
            ("coordination", "santé publique", "planification"),
            profile="une formation en santé ou en travail social est un plus.",
        ),
    ),
    (
        _intro(
            "Nos bénévoles mènent chaque année une trentaine d'actions de prévention à {ville} ; "
            "elles ont besoin d'une personne pour les organiser."
        ),
    ),
    (
        _every_week(
            "3 h par semaine, le mercredi matin, pendant au moins un an.",
            slots=("wed_morning",),
            hours=3,
        ),
    ),
)
MORE_PARTS["Membre du bureau chargé des partenariats"] = MoreParts(
    (
        _core(
            "Trésorier adjoint ou trésorière adjointe chargé·e des financeurs",
            "suivre les conventions avec l'agence régionale de santé et la mairie, préparer les "
            "bilans financiers demandés, rechercher de nouveaux soutiens.",
            ("gestion financière", "relations partenaires", "rigueur"),
        ),
    ),
    (
        _intro(
            "Nos actions de santé {lieu} reposent sur quatre financeurs publics et une fondation : "
            "les suivre est devenu un travail à part entière."
        ),
    ),
    (
        _every_week(
            "environ 2 h par semaine, le vendredi après-midi, réunion de bureau mensuelle.",
            slots=("fri_afternoon",),
            hours=2,
        ),
    ),
)

# ================================================================ seniors
MORE_PARTS["Après-midi jeux et goûter en résidence autonomie"] = MoreParts(
    (
        _core(
            "Animer un après-midi chansons et loto en résidence",
            "chanter avec les résidents les airs qu'ils connaissent, lancer une partie de loto, "
            "partager le goûter ensuite.",
            ("chant", "animation", "bonne humeur"),
            for_whom="des résidents qui reçoivent peu de visites.",
        ),
    ),
    (
        _intro(
            "Les après-midi sont longs en résidence : une fois par mois, nous y apportons un peu de "
            "musique et beaucoup de conversation {lieu}."
        ),
    ),
    (_once("un dimanche de 15 h à 17 h 30. Dès 16 ans, seul·e ou en famille.", weekday=SUNDAY),),
)
MORE_PARTS["Accompagner une sortie au bord de l'eau avec des aînés"] = MoreParts(
    (
        _core(
            "Journée à la campagne avec des personnes âgées isolées",
            "accompagner un petit groupe pendant la visite d'une ferme, aider au repas, veiller à "
            "ce que chacun se repose et boive assez.",
            ("accompagnement", "vigilance", "convivialité"),
        ),
        _core(
            "Accompagnateur ou accompagnatrice d'une sortie d'une journée",
            "pousser un fauteuil ou donner le bras, aider au repas, prendre des photos souvenirs "
            "pour les familles.",
            ("accompagnement", "écoute", "patience"),
        ),
    ),
    (
        _intro(
            "Certaines personnes âgées que nous visitons ne sont pas sorties de {ville} depuis des "
            "années : une journée dehors change tout."
        ),
        _intro(
            "Notre minibus adapté permet d'emmener même les personnes qui marchent difficilement : "
            "il ne manque que des accompagnateurs."
        ),
    ),
    (
        _once("un jeudi, départ à 9 h 30 et retour vers 17 h, déjeuner offert.", weekday=3),
        _once("un samedi, de 9 h 30 à 17 h 30, au départ de la résidence {lieu}.", weekday=SATURDAY),
    ),
)
MORE_PARTS["Repas dansant des aînés du quartier"] = MoreParts(
    (
        _core(
            "Service et animation du banquet des aînés",
            "accueillir les invités, servir à table, lancer la tombola, raccompagner ceux qui le "
            "souhaitent jusqu'au taxi.",
            ("service", "accueil", "animation"),
        ),
    ),
    (
        _intro(
            "Pour beaucoup de nos aînés, ce repas est le grand rendez-vous de l'année : on s'y "
            "habille, on y danse, on y retrouve ses voisins de {ville}."
        ),
    ),
    (_once("un samedi de 11 h à 17 h, repas partagé avec les invités. Dès 16 ans.", weekday=SATURDAY),),
)
MORE_PARTS["Visites de convivialité à domicile"] = MoreParts(
    (
        _core(
            "Binôme de visite auprès d'une personne âgée isolée",
            "rendre visite en binôme à la même personne chaque semaine, lire le journal, jouer aux "
            "cartes, l'aider à garder le lien avec le quartier.",
            ("écoute", "régularité", "bienveillance"),
            for_whom="des personnes âgées seules, repérées par les pharmaciens et les facteurs.",
        ),
    ),
    (
        _intro(
            "La solitude des personnes âgées ne se voit pas ; à {ville}, plus d'une sur quatre ne "
            "reçoit quasiment jamais de visite."
        ),
    ),
    (
        _every_week(
            "le dimanche après-midi, environ 2 h, en binôme avec un autre bénévole.",
            slots=("sun_afternoon",),
            hours=2,
        ),
    ),
)
MORE_PARTS["Appels de convivialité depuis chez vous"] = MoreParts(
    (
        _core(
            "Veille téléphonique pendant l'été",
            "appeler les personnes inscrites sur le registre canicule, vérifier qu'elles boivent et "
            "ont de l'aide, prévenir l'équipe en cas de souci.",
            ("téléphone", "vigilance", "bienveillance"),
        ),
    ),
    (
        _intro(
            "Un coup de téléphone régulier suffit souvent à rompre l'isolement et à repérer à temps "
            "une personne qui ne va pas bien."
        ),
    ),
    (
        _every_week(
            "le mardi matin, 1 h 30, depuis chez vous avec le numéro masqué de l'association.",
            slots=("tue_morning",),
            hours=1.5,
        ),
    ),
)
MORE_PARTS["Aide aux démarches administratives des aînés"] = MoreParts(
    (
        _core(
            "Permanence numérique pour les retraités",
            "aider à se connecter aux sites de la retraite et de la santé, créer un compte, "
            "imprimer une attestation, noter les démarches en cours.",
            ("démarches en ligne", "patience", "pédagogie"),
        ),
    ),
    (
        _intro(
            "Depuis que tout se fait en ligne, nos aînés {lieu} viennent nous voir avec leurs "
            "courriers, leurs mots de passe oubliés et leurs inquiétudes."
        ),
    ),
    (
        _every_week(
            "le mercredi de 14 h à 16 h à la mairie de quartier, en binôme avec une salariée.",
            slots=("wed_afternoon",),
            hours=2,
        ),
    ),
)
MORE_PARTS["Coordination du réseau de visiteurs"] = MoreParts(
    (
        _core(
            "Responsable de l'équipe « Voisins attentifs »",
            "recruter et former les visiteurs, recevoir les signalements des partenaires, tenir le "
            "tableau de suivi des personnes accompagnées.",
            ("coordination", "formation", "discrétion"),
            profile="sens de l'organisation et de la confidentialité.",
        ),
    ),
    (
        _intro(
            "Plus de soixante personnes âgées de {ville} reçoivent la visite d'un bénévole : derrière "
            "chaque binôme, il faut un suivi."
        ),
    ),
    (
        _every_week(
            "le mardi après-midi, 3 h au local, et des appels aux bénévoles dans la semaine.",
            slots=("tue_afternoon",),
            hours=3,
        ),
    ),
)
MORE_PARTS["Membre du bureau référent des bénévoles"] = MoreParts(
    (
        _core(
            "Secrétaire du bureau chargé·e de la vie bénévole",
            "tenir les comptes rendus du bureau, accueillir chaque nouveau bénévole, organiser deux "
            "rencontres conviviales par an.",
            ("rédaction", "accueil", "vie associative"),
        ),
    ),
    (
        _intro(
            "Nos soixante bénévoles sont le cœur de l'association {lieu} ; le bureau veut que l'un de "
            "ses membres prenne soin d'eux."
        ),
    ),
    (
        _every_week(
            "2 h par semaine, le vendredi matin, et un bureau par mois.",
            slots=("fri_morning",),
            hours=2,
        ),
    ),
)

# ================================================================ enfance-jeunesse
MORE_PARTS["Stand de jeux à la fête de quartier"] = MoreParts(
    (
        _core(
            "Animer le coin des tout-petits",
            "installer les tapis et les jeux d'éveil, accueillir les parents, proposer des "
            "comptines et des jeux de construction.",
            ("petite enfance", "animation", "patience"),
        ),
    ),
    (
        _intro(
            "La kermesse de fin d'année de l'école {lieu} attire tout le quartier ; nous y tenons "
            "l'espace des moins de six ans."
        ),
    ),
    (_once("un vendredi de 16 h 30 à 19 h 30. Dès 16 ans.", weekday=FRIDAY),),
)
MORE_PARTS["Encadrer le grand jeu de printemps"] = MoreParts(
    (
        _core(
            "Meneur ou meneuse d'équipe à la chasse aux trésors",
            "accompagner une équipe d'enfants de stand en stand, les aider à déchiffrer les "
            "indices, veiller à ce que personne ne se perde.",
            ("animation", "encadrement d'enfants", "enthousiasme"),
        ),
    ),
    (
        _intro(
            "Chaque printemps, le parc {lieu} devient le terrain d'un grand jeu pour les enfants des "
            "centres de loisirs de {ville}."
        ),
    ),
    (_once("un samedi de 14 h à 17 h. Dès 16 ans, costume bienvenu.", weekday=SATURDAY),),
)
MORE_PARTS["Atelier créatif du mercredi"] = MoreParts(
    (
        _core(
            "Atelier théâtre pour enfants",
            "proposer des jeux d'expression, aider les enfants à préparer une petite pièce, "
            "fabriquer avec eux décors et costumes.",
            ("théâtre", "animation", "créativité"),
            for_whom="des enfants de 8 à 12 ans.",
        ),
    ),
    (
        _intro(
            "Nos ateliers {lieu} donnent aux enfants du quartier un endroit où créer, se tromper et "
            "recommencer, loin des écrans."
        ),
    ),
    (
        _every_week(
            "le mercredi de 10 h à 12 h, hors vacances scolaires. Dès 16 ans.",
            slots=("wed_morning",),
            hours=2,
        ),
    ),
)
MORE_PARTS["Affiches et flyers des activités jeunesse"] = MoreParts(
    (
        _core(
            "Vidéos courtes pour faire connaître nos activités ados",
            "filmer les activités avec les jeunes volontaires, monter des vidéos d'une minute pour "
            "les réseaux, former deux ados au montage.",
            ("vidéo", "montage", "réseaux sociaux"),
        ),
    ),
    (
        _intro(
            "Les ados de {ville} ne lisent pas les affiches : pour les toucher, il faut parler leur "
            "langage et leurs écrans."
        ),
    ),
    (
        _every_week(
            "2 h par semaine, le mercredi après-midi pour les tournages, le montage à distance.",
            slots=("wed_afternoon",),
            hours=2,
        ),
    ),
)
MORE_PARTS["Parrainage d'un collégien par un jeune adulte"] = MoreParts(
    (
        _core(
            "Grand frère ou grande sœur d'un jeune du quartier",
            "partager une activité par semaine avec un jeune (sport, sortie, devoirs), l'écouter, "
            "l'aider à se projeter dans ses études.",
            ("écoute", "régularité", "exemplarité"),
            for_whom="des jeunes de 12 à 16 ans suivis par l'éducateur de quartier.",
        ),
    ),
    (
        _intro(
            "Un jeune adulte à peine plus âgé qu'eux peut ouvrir des portes qu'aucun adulte ne "
            "franchit : c'est le pari de nos binômes {lieu}."
        ),
    ),
    (
        _every_week(
            "2 h par semaine le samedi, pendant une année scolaire. Réservé aux 18–30 ans.",
            slots=("sat_morning", "sat_afternoon"),
            hours=2,
        ),
    ),
)
MORE_PARTS["Responsable des séjours de vacances"] = MoreParts(
    (
        _core(
            "Directeur ou directrice bénévole d'un séjour d'été",
            "préparer le séjour avec l'équipe, encadrer les animateurs pendant la semaine, être le "
            "lien avec les familles et le service jeunesse.",
            ("BAFD", "direction de séjour", "relation aux familles"),
            profile="BAFD ou équivalent, ou BAFA avec une solide expérience.",
        ),
    ),
    (
        _intro(
            "Pour beaucoup d'enfants de {ville}, nos séjours sont les seules vacances de l'année ; "
            "il nous faut quelqu'un pour les diriger."
        ),
    ),
    (
        _every_week(
            "le mercredi soir pendant la préparation, puis la semaine du séjour en juillet.",
            slots=("wed_evening",),
            hours=3,
        ),
    ),
)
MORE_PARTS["Coordination de l'accueil jeunes du samedi"] = MoreParts(
    (
        _core(
            "Référent ou référente des projets des ados",
            "aider un groupe d'ados à monter son propre projet (sortie, tournoi, concert), suivre "
            "le budget avec eux, faire le lien avec l'animateur.",
            ("animation jeunesse", "gestion de projet", "écoute"),
        ),
    ),
    (
        _intro(
            "Nos ados {lieu} ont plein d'idées mais peu d'occasions de les mener au bout : nous "
            "voulons les accompagner sans faire à leur place."
        ),
    ),
    (
        _every_week(
            "le samedi de 17 h à 20 h au local jeunes.",
            slots=("sat_afternoon", "sat_evening"),
            hours=3,
        ),
    ),
)

# ================================================================ handicap
MORE_PARTS["Randonnée en joëlette : binôme d'une personne handicapée"] = MoreParts(
    (
        _core(
            "Binôme de joëlette pour une sortie en forêt",
            "guider et retenir la joëlette à plusieurs sur les chemins forestiers, partager le "
            "pique-nique avec son passager.",
            ("bonne condition physique", "entraide", "plein air"),
        ),
    ),
    (
        _intro(
            "Les résidents du foyer {lieu} rêvent de grand air ; avec du matériel adapté et assez de "
            "bras, rien ne les en empêche."
        ),
    ),
    (
        _once(
            "un samedi de 9 h à 13 h. Bonne condition physique nécessaire, jusqu'à 70 ans.",
            weekday=SATURDAY,
        ),
    ),
)
MORE_PARTS["Accueil du public au festival inclusif"] = MoreParts(
    (
        _core(
            "Guide pour les spectateurs en fauteuil ou malvoyants",
            "accompagner les spectateurs qui le demandent jusqu'à leur place, décrire le lieu, "
            "veiller aux accès pendant les entractes.",
            ("accompagnement", "audiodescription", "attention aux autres"),
        ),
    ),
    (
        _intro(
            "Notre festival de spectacles accessibles {lieu} propose audiodescription, boucle "
            "magnétique et interprétation en langue des signes."
        ),
    ),
    (
        _once(
            "un vendredi de 18 h à 23 h, formation d'une heure avant l'ouverture. Dès 16 ans.", weekday=FRIDAY
        ),
    ),
)
MORE_PARTS["Sensibilisation au handicap dans un collège"] = MoreParts(
    (
        _core(
            "Atelier de sensibilisation à la surdité",
            "animer des jeux autour de l'écoute et de la langue des signes, avec un intervenant "
            "sourd, pour des classes entières.",
            ("langue des signes", "animation", "pédagogie"),
        ),
    ),
    (
        _intro(
            "Changer le regard sur le handicap commence tôt : nos interventions dans les collèges de "
            "{ville} font se rencontrer les enfants et des personnes concernées."
        ),
    ),
    (_once("un mardi de 13 h 30 à 16 h 30 ; préparation d'une heure la semaine précédente.", weekday=1),),
)
MORE_PARTS["Accompagnement aux loisirs du samedi"] = MoreParts(
    (
        _core(
            "Accompagner des sorties à la piscine",
            "accompagner une personne dans le bassin et aux vestiaires, suivre les consignes de "
            "l'éducatrice, partager le goûter d'après.",
            ("accompagnement", "natation", "calme"),
        ),
    ),
    (
        _intro(
            "Les loisirs ordinaires restent souvent hors de portée des personnes handicapées ; "
            "notre association les y accompagne chaque semaine à {ville}."
        ),
    ),
    (
        _every_week(
            "le samedi de 10 h à 12 h 30, avec une éducatrice. Dès 16 ans.",
            slots=("sat_morning",),
            hours=2.5,
        ),
    ),
)
MORE_PARTS["Audit d'accessibilité de notre site internet"] = MoreParts(
    (
        _core(
            "Rendre nos documents PDF accessibles",
            "reprendre nos brochures pour qu'un lecteur d'écran les lise correctement (titres, "
            "textes alternatifs, ordre de lecture), former un salarié.",
            ("accessibilité numérique", "PDF", "bureautique"),
        ),
    ),
    (
        _intro(
            "Nos guides pratiques sont téléchargés des centaines de fois par mois, y compris par des "
            "personnes aveugles qui ne peuvent pas les lire."
        ),
    ),
    (
        _every_week(
            "2 h par semaine pendant trois mois, à distance, le soir qui vous convient.",
            slots=("mon_evening", "wed_evening"),
            hours=2,
        ),
    ),
)
MORE_PARTS["Responsable des activités adaptées"] = MoreParts(
    (
        _core(
            "Coordination du sport adapté",
            "trouver des créneaux dans les gymnases, recruter des bénévoles sportifs, organiser deux "
            "rencontres par an avec les clubs de {ville}.",
            ("sport adapté", "coordination", "relations partenaires"),
            profile="une expérience du sport ou du handicap est souhaitée.",
        ),
    ),
    (
        _intro(
            "Boccia, tennis de table, danse assise : nos activités adaptées se multiplient {lieu} et "
            "doivent être coordonnées."
        ),
    ),
    (
        _every_week(
            "3 h par semaine, le jeudi soir et pendant certaines activités.",
            slots=("thu_evening",),
            hours=3,
        ),
    ),
)
MORE_PARTS["Référent accessibilité au conseil d'administration"] = MoreParts(
    (
        _core(
            "Administrateur ou administratrice chargé·e de l'inclusion",
            "veiller à ce que chaque projet accueille les personnes handicapées, suivre le budget "
            "d'aménagements, rendre compte au conseil.",
            ("inclusion", "gouvernance", "suivi budgétaire"),
        ),
    ),
    (
        _intro(
            "Notre association veut ouvrir toutes ses activités à tous ; le conseil d'administration "
            "cherche une personne pour y veiller."
        ),
    ),
    (
        _every_week(
            "environ 2 h par semaine, conseil le mardi soir une fois par mois.",
            slots=("tue_evening",),
            hours=2,
        ),
    ),
)

# ================================================================ environnement
MORE_PARTS["Nettoyage des berges"] = MoreParts(
    (
        _core(
            "Ramassage des déchets avec les riverains",
            "ramasser mégots, plastiques et canettes, trier sur place, compter les déchets pour "
            "notre carte participative.",
            ("tri", "plein air", "sensibilisation"),
        ),
    ),
    (
        _intro(
            "Après chaque crue et chaque beau week-end, les bords de l'eau {lieu} se couvrent de "
            "déchets : nous y passons une matinée."
        ),
    ),
    (
        _once(
            "un dimanche de 9 h 30 à 12 h, matériel fourni, café et croissants. Dès 16 ans.",
            weekday=SUNDAY,
        ),
    ),
)
MORE_PARTS["Chantier de plantation d'une haie"] = MoreParts(
    (
        _core(
            "Planter les arbres d'un nouvel espace vert",
            "planter arbres et arbustes, installer les tuteurs et les protections, pailler les "
            "pieds et arroser.",
            ("jardinage", "arboriculture", "plein air"),
        ),
    ),
    (
        _intro(
            "Une friche de {ville} devient espace vert de quartier : haies, arbres et massifs à planter "
            "avant la fin de l'hiver."
        ),
    ),
    (_once("un dimanche de 9 h 30 à 15 h, bottes conseillées, soupe offerte. Dès 16 ans.", weekday=SUNDAY),),
)
MORE_PARTS["Atelier de réparation d'objets"] = MoreParts(
    (
        _core(
            "Atelier d'autoréparation de vélos",
            "aider les cyclistes à régler leurs freins, changer une chambre à air ou une chaîne, "
            "prêter les outils et montrer les gestes.",
            ("mécanique vélo", "pédagogie", "bricolage"),
        ),
    ),
    (
        _intro(
            "Plutôt que jeter, réparer : notre atelier {lieu} a déjà redonné vie à plus de mille "
            "objets et vélos."
        ),
    ),
    (_once("un samedi de 9 h 30 à 12 h 30 ; tous niveaux bienvenus.", weekday=SATURDAY),),
)
MORE_PARTS["Entretien du jardin partagé"] = MoreParts(
    (
        _core(
            "Soin des ruches et du jardin mellifère",
            "entretenir les massifs de fleurs pour les abeilles, aider l'apicultrice lors des "
            "visites des ruches, récolter les graines.",
            ("apiculture", "jardinage", "plein air"),
        ),
    ),
    (
        _intro(
            "Au milieu des immeubles {lieu}, notre jardin accueille trois ruches et des dizaines "
            "d'espèces de fleurs."
        ),
    ),
    (
        _every_week(
            "le mercredi de 17 h 30 à 19 h 30, d'avril à octobre. Dès 16 ans.",
            slots=("wed_afternoon", "wed_evening"),
            hours=2,
        ),
    ),
)
MORE_PARTS["Suivi des données de collecte des déchets"] = MoreParts(
    (
        _core(
            "Cartographie des dépôts sauvages",
            "rassembler les signalements des habitants, les placer sur une carte en ligne, produire "
            "un bilan trimestriel pour la métropole.",
            ("cartographie", "SIG", "analyse de données"),
        ),
    ),
    (
        _intro(
            "Les habitants nous signalent chaque mois des dizaines de dépôts sauvages à {ville} ; "
            "encore faut-il les rendre lisibles pour les élus."
        ),
    ),
    (
        _every_week(
            "2 h par semaine, à distance, le samedi matin ou quand vous voulez.",
            slots=("sat_morning",),
            hours=2,
        ),
    ),
)
MORE_PARTS["Coordination des chantiers nature"] = MoreParts(
    (
        _core(
            "Responsable des chantiers et sorties nature",
            "construire le programme des chantiers et des sorties, trouver les guides naturalistes, "
            "gérer les inscriptions et accueillir le public.",
            ("éducation à l'environnement", "coordination", "accueil"),
        ),
    ),
    (
        _intro(
            "Chantiers et sorties nature font découvrir oiseaux, mares et forêts aux habitants de {ville} ; "
            "le programme de l'année est à construire."
        ),
    ),
    (
        _every_week(
            "3 h par semaine, le mardi soir et un dimanche matin par mois.",
            slots=("tue_evening", "sun_morning"),
            hours=3,
        ),
    ),
)
MORE_PARTS["Responsable des partenariats avec la collectivité"] = MoreParts(
    (
        _core(
            "Porte-parole auprès des bailleurs et de la métropole",
            "préparer les rendez-vous avec les bailleurs sociaux, suivre les projets de "
            "végétalisation des cours d'immeubles, rendre compte au bureau.",
            ("représentation", "négociation", "suivi de projet"),
        ),
    ),
    (
        _intro(
            "Nos jardins et nos composteurs {lieu} sont installés sur des terrains publics : chaque "
            "projet commence par une convention."
        ),
    ),
    (
        _every_week(
            "environ 2 h par semaine, rendez-vous le jeudi après-midi.",
            slots=("thu_afternoon",),
            hours=2,
        ),
    ),
)

# ================================================================ animaux
MORE_PARTS["Journée adoption : présenter nos pensionnaires"] = MoreParts(
    (
        _core(
            "Portes ouvertes de la chatterie",
            "faire visiter la chatterie, présenter chaque chat et son caractère, répondre aux "
            "questions des familles sur l'adoption.",
            ("accueil", "bien-être animal", "pédagogie"),
        ),
    ),
    (
        _intro(
            "Trente chats attendent une famille dans notre chatterie de {ville} : une journée portes "
            "ouvertes, c'est souvent le début d'une adoption."
        ),
    ),
    (_once("un dimanche de 14 h à 18 h. Dès 16 ans.", weekday=SUNDAY),),
)
MORE_PARTS["Collecte de croquettes et de litière"] = MoreParts(
    (
        _core(
            "Collecte pour les chats libres du quartier",
            "tenir le stand devant le magasin, expliquer ce que nous faisons pour les chats libres, "
            "ranger les dons dans la voiture du refuge.",
            ("accueil", "sensibilisation", "manutention"),
        ),
    ),
    (
        _intro(
            "Nourrir les chats du refuge et les chats libres de {ville} coûte plus de 800 € par mois : "
            "chaque sac de croquettes compte."
        ),
    ),
    (_once("un samedi, créneaux de 2 h entre 10 h et 18 h. Dès 16 ans.", weekday=SATURDAY),),
)
MORE_PARTS["Grand ménage et petits travaux au refuge"] = MoreParts(
    (
        _core(
            "Construire des abris et des étagères pour le refuge",
            "découper, assembler et peindre des abris en bois pour les chats libres et des "
            "étagères pour la réserve de nourriture.",
            ("menuiserie", "bricolage", "travail en équipe"),
        ),
    ),
    (
        _intro(
            "Notre refuge de {ville} vit de dons et de bonnes volontés : deux fois par an, nous "
            "retroussons nos manches pour l'entretenir et l'équiper."
        ),
    ),
    (
        _once(
            "un week-end, de 10 h à 17 h, dans l'atelier du refuge. Tenue de travail.",
            days=2,
            weekday=SATURDAY,
        ),
    ),
)
MORE_PARTS["Soins et promenades des chiens du refuge"] = MoreParts(
    (
        _core(
            "Socialisation des animaux craintifs",
            "passer du temps calme avec les chiens et les chats timides, les habituer à la main et au bruit, "
            "noter leurs progrès pour les futurs adoptants.",
            ("bien-être animal", "patience", "observation"),
        ),
    ),
    (
        _intro(
            "Un animal sociable trouve une famille en quelques semaines ; un animal craintif peut "
            "attendre des mois au refuge {lieu}."
        ),
    ),
    (
        _every_week(
            "le mardi de 17 h à 19 h au refuge. Dès 16 ans avec autorisation parentale.",
            slots=("tue_afternoon", "tue_evening"),
            hours=2,
        ),
    ),
)
MORE_PARTS["Photos et annonces des animaux à adopter"] = MoreParts(
    (
        _core(
            "Portraits vidéo des animaux à adopter",
            "filmer chaque animal en situation (jeu, balade, câlins), monter de courtes vidéos, les "
            "publier avec une présentation honnête.",
            ("vidéo", "montage", "réseaux sociaux"),
        ),
    ),
    (
        _intro(
            "Les animaux adultes et les vieux chiens partent moins vite : il faut les montrer sous "
            "leur meilleur jour, sans rien cacher."
        ),
    ),
    (
        _every_week(
            "le samedi matin au refuge de {ville}, environ 2 h, le montage chez vous.",
            slots=("sat_morning",),
            hours=2,
        ),
    ),
)
MORE_PARTS["Suivi administratif des campagnes de stérilisation"] = MoreParts(
    (
        _core(
            "Gestion des identifications et des dossiers vétérinaires",
            "enregistrer les puces et les vaccins, tenir le dossier de chaque animal, préparer les "
            "documents remis aux adoptants.",
            ("administratif", "rigueur", "tableur"),
        ),
    ),
    (
        _intro(
            "Chaque animal qui passe par notre refuge de {ville} a un dossier : soins, vaccins, "
            "identification, contrat d'adoption."
        ),
    ),
    (
        _every_week(
            "2 h par semaine, le mercredi soir, en grande partie à distance.",
            slots=("wed_evening",),
            hours=2,
        ),
    ),
)
MORE_PARTS["Responsable des adoptions"] = MoreParts(
    (
        _core(
            "Responsable du suivi après adoption",
            "appeler les adoptants un mois puis six mois après, répondre à leurs questions, "
            "organiser le retour d'un animal quand l'adoption échoue.",
            ("bien-être animal", "écoute", "suivi"),
            profile="connaissance des chiens et des chats, diplomatie.",
        ),
    ),
    (
        _intro(
            "Une adoption réussie se prépare et se suit : notre équipe {lieu} veut accompagner chaque "
            "famille après le départ de l'animal."
        ),
    ),
    (
        _every_week(
            "3 h par semaine, le lundi soir, surtout par téléphone.",
            slots=("mon_evening",),
            hours=3,
        ),
    ),
)
MORE_PARTS["Coordination des familles d'accueil"] = MoreParts(
    (
        _core(
            "Référent ou référente des chatons en famille d'accueil",
            "suivre les portées accueillies chez les bénévoles, organiser les visites vétérinaires, "
            "préparer la mise à l'adoption des chatons sevrés.",
            ("coordination", "bien-être animal", "organisation"),
        ),
    ),
    (
        _intro(
            "Chaque printemps, des dizaines de chatons arrivent à {ville} ; trop jeunes pour le "
            "refuge, ils grandissent chez des familles d'accueil."
        ),
    ),
    (
        _every_week(
            "3 h par semaine, le jeudi soir et le week-end au téléphone. Permis B utile.",
            slots=("thu_evening", "sat_afternoon"),
            hours=3,
        ),
    ),
)

# ================================================================ culture
MORE_PARTS["Accueil et billetterie du festival de quartier"] = MoreParts(
    (
        _core(
            "Point info et accueil des artistes",
            "accueillir les compagnies à leur arrivée, les guider vers les loges, tenir le point "
            "info et le plan du festival.",
            ("accueil", "organisation", "langues étrangères"),
        ),
    ),
    (
        _intro(
            "Pendant deux jours, les rues {lieu} accueillent une vingtaine de compagnies de théâtre "
            "de rue venues de toute la France."
        ),
    ),
    (
        _once(
            "un samedi et un dimanche, créneaux de 4 h entre 11 h et 23 h. Dès 16 ans.",
            days=2,
            weekday=SATURDAY,
        ),
    ),
)
MORE_PARTS["Montage de la scène d'un concert en plein air"] = MoreParts(
    (
        _core(
            "Installation d'un cinéma en plein air",
            "monter l'écran gonflable et les gradins, installer les transats, guider le public, "
            "tout ranger après la séance.",
            ("montage", "accueil", "esprit d'équipe"),
        ),
        _core(
            "Équipe technique d'un bal populaire",
            "installer le plancher de danse, les guirlandes et la sono avec le régisseur, tenir la "
            "buvette une heure, démonter ensuite.",
            ("montage", "électricité", "service"),
        ),
    ),
    (
        _intro(
            "Tout l'été, nous animons gratuitement les soirées {lieu} : concerts, cinéma, bal ; il "
            "faut tout installer, puis tout ranger."
        ),
        _intro(
            "Nos événements en plein air attirent des centaines de personnes à {ville} ; sans une "
            "équipe technique bénévole, ils n'auraient pas lieu."
        ),
    ),
    (
        _once("un vendredi de 18 h à minuit, dès 18 ans. Repas offert.", weekday=FRIDAY),
        _once("de 14 h à 19 h pour l'installation, puis de 23 h à 1 h pour le rangement."),
    ),
)
MORE_PARTS["Lecture à voix haute à la médiathèque"] = MoreParts(
    (
        _core(
            "Lectures d'albums pour les enfants",
            "choisir des albums avec les bibliothécaires, les lire à des enfants de 3 à 8 ans et "
            "leurs parents, proposer des comptines.",
            ("lecture à voix haute", "petite enfance", "expressivité"),
        ),
        _core(
            "Lecture bilingue pour les familles",
            "lire un album en français puis dans votre autre langue, inviter les parents à lire à "
            "leur tour, parler des livres qu'on peut emprunter.",
            ("lecture à voix haute", "langues étrangères", "convivialité"),
        ),
    ),
    (
        _intro(
            "La médiathèque {lieu} nous ouvre ses portes pour partager le plaisir des histoires avec "
            "ceux qui n'y viennent pas souvent."
        ),
        _intro(
            "Lire à voix haute, c'est offrir un moment : notre association organise des lectures "
            "partout où on les attend à {ville}."
        ),
    ),
    (
        _once("un samedi de 10 h 30 à 12 h, répétition la veille. Dès 16 ans.", weekday=SATURDAY),
        _once("un mercredi de 15 h à 17 h ; toutes les langues sont bienvenues.", weekday=WEDNESDAY),
    ),
)
MORE_PARTS["Co-animation d'un atelier d'écriture"] = MoreParts(
    (
        _core(
            "Co-animation d'un atelier de slam",
            "proposer des jeux d'écriture, aider chacun à dire ses textes, préparer ensemble la "
            "scène ouverte de fin d'année.",
            ("slam", "écriture", "animation"),
        ),
    ),
    (
        _intro(
            "Écrire et dire ses mots devant les autres : notre atelier {lieu} attire des jeunes qui "
            "n'auraient jamais poussé la porte d'une bibliothèque."
        ),
    ),
    (
        _every_week(
            "le mercredi de 17 h à 19 h, d'octobre à juin.",
            slots=("wed_afternoon", "wed_evening"),
            hours=2,
        ),
    ),
)
MORE_PARTS["Réseaux sociaux de la saison culturelle"] = MoreParts(
    (
        _core(
            "Lettre d'information et agenda culturel",
            "rédiger la lettre mensuelle, mettre à jour l'agenda en ligne, relayer les ateliers "
            "auprès des centres sociaux de {ville}.",
            ("rédaction", "communication", "mise en page"),
        ),
    ),
    (
        _intro(
            "Nos spectacles sont gratuits mais encore trop peu connus : les habitants nous disent "
            "souvent « on ne savait pas »."
        ),
    ),
    (
        _every_week(
            "2 h par semaine, à distance, le jeudi soir de préférence.",
            slots=("thu_evening",),
            hours=2,
        ),
    ),
)
MORE_PARTS["Responsable de la programmation"] = MoreParts(
    (
        _core(
            "Programmateur ou programmatrice de la saison de concerts",
            "écouter les propositions des musiciens, composer une saison de concerts, préparer les "
            "contrats avec le bureau.",
            ("programmation culturelle", "musique", "négociation"),
        ),
    ),
    (
        _intro(
            "Nos concerts de musique de chambre {lieu} font salle comble ; la saison prochaine est "
            "à inventer."
        ),
    ),
    (
        _every_week(
            "3 h par semaine, le mardi soir, plus les concerts.",
            slots=("tue_evening", "sun_afternoon"),
            hours=3,
        ),
    ),
)
MORE_PARTS["Co-présidence de l'association"] = MoreParts(
    (
        _core(
            "Co-président ou co-présidente de la troupe",
            "animer le bureau, représenter la troupe auprès de la mairie et des salles, veiller à "
            "l'équilibre entre projets et finances.",
            ("gouvernance", "représentation", "théâtre"),
        ),
    ),
    (
        _intro(
            "Notre troupe de théâtre amateur de {ville} joue depuis trente ans ; son président part "
            "et passe le flambeau."
        ),
    ),
    (
        _every_week(
            "environ 3 h par semaine, réunions le vendredi soir.",
            slots=("fri_evening",),
            hours=3,
        ),
    ),
)

# ================================================================ sport
MORE_PARTS["Signaleur ou signaleuse pour la course solidaire"] = MoreParts(
    (
        _core(
            "Ravitaillement de la course",
            "préparer les gobelets et les fruits, tendre l'eau aux coureurs, ramasser les déchets "
            "du ravitaillement après le passage des derniers.",
            ("service", "rapidité", "encouragements"),
        ),
    ),
    (
        _intro(
            "Chaque printemps, des milliers de coureurs traversent {ville} pour une course dont les "
            "inscriptions financent la recherche médicale."
        ),
    ),
    (_once("un dimanche de 7 h 30 à 11 h 30. Majeur·e, gilet fourni.", weekday=SUNDAY),),
)
MORE_PARTS["Tournoi de foot inter-quartiers : arbitrage et buvette"] = MoreParts(
    (
        _core(
            "Tournoi de basket 3x3 : table de marque et accueil des équipes",
            "inscrire les équipes, tenir le tableau des matchs, annoncer les résultats au micro, "
            "aider à la remise des coupes.",
            ("organisation", "accueil", "esprit sportif"),
        ),
        _core(
            "Buvette et repas du tournoi des jeunes",
            "préparer les sandwichs, tenir la caisse de la buvette, réapprovisionner en boissons "
            "et ranger en fin de journée.",
            ("service", "caisse", "travail en équipe"),
        ),
    ),
    (
        _intro(
            "Un tournoi entre les quartiers {lieu}, c'est l'occasion pour les jeunes de se rencontrer "
            "sur un terrain plutôt que dans la rue."
        ),
        _intro(
            "Notre tournoi annuel attire près de 300 joueurs et leurs familles à {ville} : les "
            "bénéfices financent les licences des plus modestes."
        ),
    ),
    (
        _once("un dimanche de 10 h à 18 h, repas offert. Dès 16 ans.", weekday=SUNDAY),
        _once("un samedi après-midi, de 13 h à 19 h. Dès 16 ans.", weekday=SATURDAY),
    ),
)
MORE_PARTS["Atelier d'initiation à la fête du sport"] = MoreParts(
    (
        _core(
            "Initiation au vélo pour les enfants",
            "installer un parcours avec des plots, prêter vélos et casques, apprendre aux enfants à "
            "démarrer et à freiner en sécurité.",
            ("vélo", "animation sportive", "patience"),
        ),
        _core(
            "Stand sport-santé pour les adultes",
            "proposer des petits tests (équilibre, souplesse), conseiller une activité adaptée, "
            "présenter les clubs de {ville}.",
            ("sport-santé", "accueil", "conseil"),
        ),
    ),
    (
        _intro(
            "Le parc {lieu} accueille la journée « Bouger ensemble » : vingt clubs y font découvrir "
            "leurs disciplines à tous les âges."
        ),
        _intro(
            "Beaucoup d'habitants du quartier n'ont jamais essayé un sport en club : une journée de "
            "découverte gratuite peut tout déclencher."
        ),
    ),
    (
        _once("un samedi de 13 h 30 à 17 h 30. Dès 16 ans.", weekday=SATURDAY),
        _once("un mercredi de 14 h à 17 h, pendant les vacances. Dès 16 ans.", weekday=WEDNESDAY),
    ),
)
MORE_PARTS["Encadrement des entraînements des 10–13 ans"] = MoreParts(
    (
        _core(
            "Aide-entraîneur de l'école de rugby",
            "installer les ateliers, encadrer un groupe pendant les exercices, veiller à la "
            "sécurité des contacts et encourager chacun.",
            ("encadrement sportif", "rugby", "sécurité"),
        ),
    ),
    (
        _intro(
            "Notre école de sport {lieu} accueille cinquante enfants dont beaucoup n'avaient jamais "
            "pratiqué : il faut des adultes pour les encadrer."
        ),
    ),
    (
        _every_week(
            "le samedi de 10 h à 12 h, hors vacances. Formation fédérale possible et financée.",
            slots=("sat_morning",),
            hours=2,
        ),
    ),
)
MORE_PARTS["Gestion des licences et des inscriptions"] = MoreParts(
    (
        _core(
            "Secrétariat sportif du club",
            "préparer les feuilles de match, enregistrer les résultats, organiser les déplacements "
            "des équipes avec les parents.",
            ("administratif", "organisation", "logiciel de gestion"),
        ),
    ),
    (
        _intro(
            "Douze équipes, des matchs chaque week-end : le secrétariat du club de {ville} ne peut "
            "plus reposer sur le seul président."
        ),
    ),
    (
        _every_week(
            "2 h par semaine, le jeudi soir, en partie à distance.",
            slots=("thu_evening",),
            hours=2,
        ),
    ),
)
MORE_PARTS["Trésorier ou trésorière du club"] = MoreParts(
    (
        _core(
            "Trésorerie et sponsors du club",
            "suivre les recettes de la buvette et des sponsors, payer les arbitres et les "
            "déplacements, préparer le dossier de subvention municipale.",
            ("comptabilité", "partenariats", "rigueur"),
            profile="rigueur et goût des chiffres ; le club finance une formation si besoin.",
        ),
    ),
    (
        _intro(
            "Notre club {lieu} a grandi vite : plus de licenciés, des sponsors, un minibus. Les "
            "comptes doivent suivre."
        ),
    ),
    (
        _every_week(
            "2 h par semaine, le lundi soir.",
            slots=("mon_evening",),
            hours=2,
        ),
    ),
)
MORE_PARTS["Coordination des bénévoles du club"] = MoreParts(
    (
        _core(
            "Responsable de l'organisation des matchs à domicile",
            "prévoir l'accueil des équipes adverses, l'arbitrage, la buvette et la sécurité de "
            "chaque match à domicile, avec une équipe de bénévoles.",
            ("organisation", "coordination", "sens pratique"),
        ),
    ),
    (
        _intro(
            "Un match à domicile mobilise une dizaine de bénévoles au club de {ville} : encore "
            "faut-il que chacun sache quoi faire."
        ),
    ),
    (
        _every_week(
            "3 h par semaine, le dimanche matin des matchs et le mercredi soir pour préparer.",
            slots=("sun_morning", "wed_evening"),
            hours=3,
        ),
    ),
)

# ================================================================ citoyennete
MORE_PARTS["Animation d'un café citoyen"] = MoreParts(
    (
        _core(
            "Atelier de concertation sur l'aménagement d'une place",
            "présenter les plans avec l'architecte, animer une table de discussion, noter les "
            "propositions des habitants sur de grandes affiches.",
            ("animation de débat", "prise de notes", "écoute"),
        ),
    ),
    (
        _intro(
            "La place {lieu} va être réaménagée : avant que les travaux commencent, les habitants "
            "ont leur mot à dire."
        ),
    ),
    (_once("un samedi de 9 h 30 à 12 h, préparation la semaine d'avant. Dès 16 ans.", weekday=SATURDAY),),
)
MORE_PARTS["Journée d'accès aux droits : accueil et orientation"] = MoreParts(
    (
        _core(
            "Forum des droits des locataires : accueil",
            "accueillir les locataires, les aider à remplir la fiche de leur question, les "
            "orienter vers le juriste ou le bailleur présent.",
            ("accueil", "orientation", "écoute"),
        ),
        _core(
            "Point d'accueil d'une journée sur les droits des étrangers",
            "accueillir les personnes, vérifier qu'elles ont leurs documents, les orienter vers les "
            "bons interlocuteurs, traduire si vous le pouvez.",
            ("accueil", "langues étrangères", "discrétion"),
        ),
    ),
    (
        _intro(
            "Beaucoup d'habitants de {ville} renoncent à des droits simplement parce qu'ils ne savent "
            "pas à qui s'adresser."
        ),
        _intro(
            "Une fois par an, nous réunissons {lieu} tous les services utiles en un seul lieu, sans "
            "rendez-vous."
        ),
    ),
    (
        _once("un samedi de 9 h à 13 h, formation d'une heure avant l'ouverture.", weekday=SATURDAY),
        _once("un mercredi de 13 h à 18 h ; parler une autre langue est très utile.", weekday=WEDNESDAY),
    ),
)
MORE_PARTS["Recueillir la mémoire du quartier"] = MoreParts(
    (
        _core(
            "Collecte de photos anciennes du quartier",
            "accueillir les habitants qui apportent leurs albums, scanner les photos, noter qui et "
            "quoi y figure pour l'exposition.",
            ("numérisation", "écoute", "curiosité"),
        ),
    ),
    (
        _intro(
            "Les usines ont fermé, les immeubles ont changé : les photos de famille racontent ce que "
            "le quartier {lieu} a été."
        ),
    ),
    (_once("un week-end de 10 h à 17 h, au centre social. Dès 16 ans.", days=2, weekday=SATURDAY),),
)
MORE_PARTS["Permanence d'écrivain public"] = MoreParts(
    (
        _core(
            "Aide à la rédaction de courriers administratifs",
            "aider les personnes à écrire une réclamation, une demande de délai de paiement ou une "
            "lettre de motivation, relire avec elles avant l'envoi.",
            ("rédaction", "orthographe", "écoute"),
        ),
    ),
    (
        _intro(
            "Un courrier mal écrit peut faire perdre un droit : à {ville}, notre permanence aide ceux "
            "que l'écrit met en difficulté."
        ),
    ),
    (
        _every_week(
            "le samedi de 9 h 30 à 12 h 30 à la maison de quartier, discrétion exigée.",
            slots=("sat_morning",),
            hours=3,
        ),
    ),
)
MORE_PARTS["Juriste bénévole pour la permanence d'accès au droit"] = MoreParts(
    (
        _core(
            "Conseil juridique aux locataires",
            "recevoir les locataires en difficulté avec leur bailleur, expliquer leurs droits, "
            "préparer avec eux un courrier ou une saisine de la commission de conciliation.",
            ("droit du logement", "écoute", "rédaction"),
        ),
    ),
    (
        _intro(
            "Loyers impayés, logements indignes, charges contestées : notre permanence {lieu} reçoit "
            "surtout des locataires."
        ),
    ),
    (
        _every_week(
            "le lundi de 18 h à 20 h. Formation juridique demandée ; étudiants en droit en binôme.",
            slots=("mon_evening",),
            hours=2,
        ),
    ),
)
MORE_PARTS["Ambassadeur ou ambassadrice jeunes de la participation"] = MoreParts(
    (
        _core(
            "Membre du conseil des jeunes du quartier",
            "participer aux réunions du conseil des jeunes, monter avec eux un projet pour le "
            "quartier, le présenter aux élus.",
            ("prise de parole", "gestion de projet", "travail en équipe"),
        ),
    ),
    (
        _intro(
            "La mairie de {ville} consulte rarement les jeunes ; notre conseil des jeunes veut "
            "changer ça, un projet après l'autre."
        ),
    ),
    (
        _every_week(
            "2 h par semaine, le vendredi en fin d'après-midi. Réservé aux 16–25 ans.",
            slots=("fri_afternoon",),
            hours=2,
        ),
    ),
)
MORE_PARTS["Coordination des permanences"] = MoreParts(
    (
        _core(
            "Responsable de l'accueil juridique",
            "organiser l'accueil et les rendez-vous des juristes, suivre les dossiers en attente, "
            "préparer le rapport annuel d'activité.",
            ("coordination", "accès au droit", "rédaction"),
        ),
    ),
    (
        _intro(
            "Nos permanences gratuites reçoivent plus de 1 500 personnes par an à {ville} ; leur "
            "organisation est devenue un vrai travail d'équipe."
        ),
    ),
    (
        _every_week(
            "3 h par semaine, le mardi matin, engagement d'un an.",
            slots=("tue_morning",),
            hours=3,
        ),
    ),
)
MORE_PARTS["Secrétaire de l'association"] = MoreParts(
    (
        _core(
            "Secrétaire chargé·e des adhésions et de l'assemblée générale",
            "tenir le fichier des adhérents, envoyer les convocations, préparer la salle et les "
            "documents de l'assemblée générale.",
            ("rigueur", "organisation", "vie associative"),
        ),
    ),
    (
        _intro(
            "Notre association de défense des droits compte près de 300 adhérents {lieu} : leur "
            "suivi demande une personne attentive."
        ),
    ),
    (
        _every_week(
            "environ 2 h par semaine, le mercredi soir.",
            slots=("wed_evening",),
            hours=2,
        ),
    ),
)

# ================================================================ urgence-secours
MORE_PARTS["Poste de secours lors d'une manifestation sportive"] = MoreParts(
    (
        _core(
            "Équipe de secours d'un grand rassemblement",
            "tenir le poste de secours avec l'équipe, faire des rondes dans le public, prendre en "
            "charge malaises, coups de chaleur et petites blessures.",
            ("PSE1", "secourisme", "vigilance"),
        ),
    ),
    (
        _intro(
            "Les grands rassemblements de {ville} ne peuvent se tenir sans un dispositif de secours : "
            "nous en assurons une partie."
        ),
    ),
    (_once("un samedi de 16 h à minuit, repas fourni. PSE1 à jour obligatoire.", weekday=SATURDAY),),
)
MORE_PARTS["Initiation aux gestes qui sauvent : accueil du public"] = MoreParts(
    (
        _core(
            "Démonstrateur ou démonstratrice du défibrillateur",
            "montrer en quelques minutes comment utiliser un défibrillateur, faire pratiquer le "
            "massage cardiaque sur mannequin, distribuer le dépliant.",
            ("premiers secours", "pédagogie", "aisance à l'oral"),
        ),
    ),
    (
        _intro(
            "Chaque minute compte lors d'un arrêt cardiaque : un stand dans la galerie marchande "
            "{lieu} permet d'apprendre les gestes en dix minutes."
        ),
    ),
    (_once("un mercredi de 13 h 30 à 18 h. Dès 16 ans, formation sur place.", weekday=WEDNESDAY),),
)
MORE_PARTS["Renfort d'une tournée de nuit auprès des sans-abri"] = MoreParts(
    (
        _core(
            "Distribution de repas chauds aux personnes à la rue",
            "préparer et servir soupe et boissons chaudes, aller à la rencontre des personnes qui "
            "dorment dehors près de la gare, prendre des nouvelles.",
            ("aller vers", "écoute", "service"),
        ),
    ),
    (
        _intro(
            "Pendant les grands froids, nous doublons nos passages auprès des personnes qui dorment "
            "dehors {lieu}."
        ),
    ),
    (_once("un dimanche de 18 h à 22 h, formation courte la semaine d'avant.", weekday=SUNDAY),),
)
MORE_PARTS["Gestion logistique du matériel de secours"] = MoreParts(
    (
        _core(
            "Entretien des véhicules et du matériel d'intervention",
            "vérifier les niveaux et l'équipement des véhicules, recharger les bouteilles "
            "d'oxygène avec le référent, tenir le carnet d'entretien.",
            ("logistique", "mécanique", "rigueur"),
        ),
    ),
    (
        _intro(
            "Nos deux véhicules de premiers secours partent en intervention plusieurs fois par "
            "semaine depuis {ville} : ils doivent être prêts."
        ),
    ),
    (
        _every_week(
            "le samedi de 9 h à 11 h au garage de l'association.",
            slots=("sat_morning",),
            hours=2,
        ),
    ),
)
MORE_PARTS["Formateur ou formatrice aux premiers secours"] = MoreParts(
    (
        _core(
            "Formateur ou formatrice des gestes qui sauvent en entreprise",
            "animer des sessions de deux heures dans les entreprises partenaires, adapter les "
            "exemples aux métiers, suivre les évaluations.",
            ("formation", "PSC", "aisance à l'oral"),
        ),
    ),
    (
        _intro(
            "Les entreprises de {ville} nous demandent de plus en plus de former leurs salariés ; nos "
            "formateurs ne suffisent plus."
        ),
    ),
    (
        _every_week(
            "environ 3 h par semaine, un samedi sur deux et le jeudi soir. Certificat de formateur "
            "PSC exigé.",
            slots=("sat_morning", "sat_afternoon", "thu_evening"),
            hours=3,
        ),
    ),
)
MORE_PARTS["Chef ou cheffe d'équipe des maraudes d'hiver"] = MoreParts(
    (
        _core(
            "Responsable d'équipe du samu social bénévole",
            "encadrer l'équipe du camion, décider des priorités de la tournée, rédiger le compte "
            "rendu transmis au 115.",
            ("encadrement", "maraude", "rédaction"),
            profile="expérience de la rue et du travail en équipe, calme en toutes circonstances.",
        ),
    ),
    (
        _intro(
            "Le camion de notre samu social sort chaque soir d'hiver {lieu} ; chaque équipe a besoin "
            "d'une personne pour la conduire."
        ),
    ),
    (
        _every_week(
            "une soirée par semaine, le lundi de 20 h à 1 h, de novembre à mars.",
            slots=("mon_evening",),
            hours=5,
        ),
    ),
)
MORE_PARTS["Responsable de la formation des nouveaux bénévoles"] = MoreParts(
    (
        _core(
            "Tuteur ou tutrice des secouristes débutants",
            "accompagner les nouveaux sur leurs premiers postes de secours, faire un bilan avec "
            "chacun, signaler aux formateurs les points à reprendre.",
            ("tutorat", "secourisme", "bienveillance"),
        ),
    ),
    (
        _intro(
            "Entre la formation et le terrain, il y a un pas : nos nouveaux secouristes de {ville} "
            "le franchissent mieux avec un tuteur."
        ),
    ),
    (
        _every_week(
            "3 h par semaine, surtout le samedi lors des postes de secours.",
            slots=("sat_afternoon",),
            hours=3,
        ),
    ),
)

# ================================================================ numerique
MORE_PARTS["Journée de remise en état d'ordinateurs donnés"] = MoreParts(
    (
        _core(
            "Atelier de réparation de téléphones et d'ordinateurs",
            "diagnostiquer les pannes courantes, changer une batterie ou un écran avec les kits "
            "fournis, réinitialiser le matériel donné.",
            ("réparation", "électronique", "minutie"),
        ),
    ),
    (
        _intro(
            "Ordinateurs et téléphones donnés par les entreprises et les habitants de {ville} "
            "retrouvent une seconde vie chez des familles qui n'en ont pas."
        ),
    ),
    (_once("un samedi de 14 h à 18 h. Débutants bienvenus, dès 16 ans.", weekday=SATURDAY),),
)
MORE_PARTS["Forum numérique : créer sa première adresse e-mail"] = MoreParts(
    (
        _core(
            "Stand « Mon espace santé » : aide à l'inscription",
            "aider à activer l'espace santé en ligne, expliquer à quoi il sert, rassurer sur la "
            "confidentialité.",
            ("démarches en ligne", "pédagogie", "discrétion"),
        ),
    ),
    (
        _intro(
            "Avec la caisse d'assurance maladie, nous tenons un stand dans le hall de la mairie "
            "{lieu} pour aider à s'y retrouver en ligne."
        ),
    ),
    (_once("un jeudi de 9 h à 12 h 30. Dès 16 ans.", weekday=3),),
)
MORE_PARTS["Atelier découverte du smartphone pour les seniors"] = MoreParts(
    (
        _core(
            "Atelier smartphone et tablette en résidence",
            "montrer comment regarder des photos de famille, faire un appel vidéo, agrandir les "
            "caractères pour lire le journal.",
            ("smartphone", "tablette", "patience"),
        ),
    ),
    (
        _intro(
            "La résidence {lieu} vient d'installer le wifi ; ses habitants ne demandent qu'à apprendre "
            "à se servir de leurs téléphones et tablettes."
        ),
    ),
    (_once("un mardi de 10 h à 12 h. Dès 16 ans.", weekday=1),),
)
MORE_PARTS["Permanence d'aide aux démarches en ligne"] = MoreParts(
    (
        _core(
            "Aide aux démarches en ligne à la médiathèque",
            "accueillir sans rendez-vous, aider à scanner un document, à créer un compte ou à "
            "déposer un dossier, montrer comment refaire seul la prochaine fois.",
            ("démarches en ligne", "pédagogie", "patience"),
        ),
    ),
    (
        _intro(
            "Depuis la fermeture du guichet de la mairie annexe, beaucoup d'habitants de {ville} "
            "n'ont plus personne pour les aider à l'écran."
        ),
    ),
    (
        _every_week(
            "le samedi de 10 h à 12 h 30, à la médiathèque.",
            slots=("sat_morning",),
            hours=2.5,
        ),
    ),
)
MORE_PARTS["Maintenance du parc informatique"] = MoreParts(
    (
        _core(
            "Administrateur ou administratrice de nos outils en ligne",
            "gérer les comptes de messagerie et le partage de fichiers, sécuriser les accès, "
            "documenter pour que d'autres puissent prendre le relais.",
            ("administration système", "sécurité", "documentation"),
        ),
    ),
    (
        _intro(
            "Nos salariés et bénévoles travaillent avec des outils en ligne montés au fil des ans à "
            "{ville} ; personne ne sait plus bien qui a accès à quoi."
        ),
    ),
    (
        _every_week(
            "2 h par semaine, à distance, le soir qui vous convient.",
            slots=("mon_evening", "thu_evening"),
            hours=2,
        ),
    ),
)
MORE_PARTS["Création de tutoriels vidéo simples"] = MoreParts(
    (
        _core(
            "Tutoriels pas à pas, en vidéo ou en fiche",
            "choisir avec l'équipe les démarches les plus demandées, faire des captures d'écran ou "
            "de courtes vidéos, écrire des consignes très courtes.",
            ("rédaction", "capture vidéo", "pédagogie"),
        ),
    ),
    (
        _intro(
            "Nos usagers {lieu} repartent souvent avec des notes griffonnées : une fiche claire leur "
            "permettrait de refaire la démarche seuls."
        ),
    ),
    (
        _every_week(
            "2 h par semaine à distance, pendant deux mois.",
            slots=("tue_evening",),
            hours=2,
        ),
    ),
)
MORE_PARTS["Coordination des conseillers numériques bénévoles"] = MoreParts(
    (
        _core(
            "Responsable du réseau des aidants numériques",
            "tenir l'annuaire des lieux d'aide de {ville}, organiser des rencontres entre aidants, "
            "partager les bonnes pratiques et les nouveautés des sites publics.",
            ("coordination", "animation de réseau", "inclusion numérique"),
        ),
    ),
    (
        _intro(
            "Bibliothèques, centres sociaux, associations : les lieux d'aide au numérique se "
            "multiplient {lieu} mais travaillent chacun de leur côté."
        ),
    ),
    (
        _every_week(
            "3 h par semaine, le mardi après-midi, engagement d'un an.",
            slots=("tue_afternoon",),
            hours=3,
        ),
    ),
)
MORE_PARTS["Référent ou référente protection des données"] = MoreParts(
    (
        _core(
            "Référent ou référente cybersécurité",
            "faire le point sur les mots de passe et les sauvegardes, sensibiliser l'équipe aux "
            "arnaques, rédiger une procédure en cas de piratage.",
            ("cybersécurité", "sensibilisation", "rédaction"),
        ),
    ),
    (
        _intro(
            "Une association voisine a perdu tous ses fichiers après un piratage : nous voulons nous "
            "protéger avant qu'il ne soit trop tard."
        ),
    ),
    (
        _every_week(
            "2 h par semaine, à distance, avec une réunion mensuelle à {ville}.",
            slots=("wed_evening",),
            hours=2,
        ),
    ),
)

# ================================================================ international
MORE_PARTS["Conditionnement de matériel scolaire pour un envoi"] = MoreParts(
    (
        _core(
            "Préparer un envoi de matériel scolaire et médical",
            "vérifier et emballer le matériel donné (fournitures, pansements, petit matériel de "
            "soin), remplir les listes de douane, charger le conteneur.",
            ("manutention", "inventaire", "organisation"),
        ),
    ),
    (
        _intro(
            "Nos partenaires attendent l'envoi du printemps : notre entrepôt de {ville} se remplit de "
            "cartons à préparer."
        ),
    ),
    (_once("un samedi de 8 h 30 à 13 h, chaussures de sécurité conseillées. Dès 16 ans.", weekday=SATURDAY),),
)
MORE_PARTS["Soirée de soutien aux projets partenaires"] = MoreParts(
    (
        _core(
            "Stand d'artisanat et buvette de notre fête solidaire",
            "installer l'artisanat de nos partenaires, présenter l'histoire de chaque objet, tenir "
            "la caisse.",
            ("vente", "caisse", "présentation"),
        ),
    ),
    (
        _intro(
            "Notre fête solidaire de fin d'année {lieu} vend l'artisanat de coopératives partenaires "
            "et finance leurs projets."
        ),
    ),
    (_once("un samedi de 10 h à 18 h, par demi-journée. Dès 18 ans.", weekday=SATURDAY),),
)
MORE_PARTS["Stand au village associatif"] = MoreParts(
    (
        _core(
            "Présenter nos projets avec une exposition photo",
            "accueillir les visiteurs de l'exposition, raconter les projets qu'elle montre, proposer "
            "de s'abonner à notre lettre d'information.",
            ("présentation", "accueil", "curiosité"),
        ),
    ),
    (
        _intro(
            "Pendant la semaine de la solidarité internationale, nous allons à la rencontre des "
            "habitants de {ville} pour parler de nos projets."
        ),
    ),
    (_once("un samedi, créneaux de 3 h entre 10 h et 18 h. Dès 16 ans.", weekday=SATURDAY),),
)
MORE_PARTS["Traduction de documents projet"] = MoreParts(
    (
        _core(
            "Interprétariat lors des visites de nos partenaires",
            "accompagner nos partenaires étrangers pendant leurs rencontres à {ville}, traduire les "
            "échanges, aider à la logistique du séjour.",
            ("interprétariat", "espagnol", "anglais"),
        ),
    ),
    (
        _intro(
            "Chaque année, nous recevons en France les responsables de nos projets partenaires : la "
            "langue ne doit pas être une barrière."
        ),
    ),
    (
        _every_week(
            "environ 2 h par semaine en moyenne, plus intensément pendant les visites.",
            slots=("fri_afternoon",),
            hours=2,
        ),
    ),
)
MORE_PARTS["Montage de dossiers de financement"] = MoreParts(
    (
        _core(
            "Rapports d'activité pour nos bailleurs",
            "rassembler les chiffres et les témoignages des projets, rédiger les rapports "
            "narratifs, les mettre en page avant l'envoi.",
            ("rédaction", "synthèse", "mise en page"),
        ),
    ),
    (
        _intro(
            "Chaque subvention reçue doit être justifiée par un rapport précis : c'est la condition "
            "pour être financé l'année suivante."
        ),
    ),
    (
        _every_week(
            "3 h par semaine, à distance, le samedi matin ou en soirée.",
            slots=("sat_morning", "tue_evening"),
            hours=3,
        ),
    ),
)
MORE_PARTS["Référent ou référente d'un projet partenaire"] = MoreParts(
    (
        _core(
            "Responsable d'un jumelage entre écoles",
            "faire vivre les échanges entre une école de {ville} et une école partenaire, organiser "
            "les correspondances, suivre les petits projets financés.",
            ("gestion de projet", "interculturel", "relations avec les écoles"),
        ),
    ),
    (
        _intro(
            "Nos jumelages d'écoles relient des élèves d'ici et d'ailleurs ; chacun a besoin d'une "
            "personne pour le porter dans la durée."
        ),
    ),
    (
        _every_week(
            "3 h par semaine, le mercredi soir, engagement de deux ans.",
            slots=("wed_evening",),
            hours=3,
        ),
    ),
)
MORE_PARTS["Trésorier adjoint ou trésorière adjointe"] = MoreParts(
    (
        _core(
            "Trésorier ou trésorière chargé·e des dons",
            "suivre les dons et les reçus fiscaux, remercier les donateurs, préparer le bilan des "
            "campagnes de collecte.",
            ("comptabilité", "relation donateurs", "rigueur"),
        ),
    ),
    (
        _intro(
            "Nos projets à l'étranger vivent en bonne partie de dons de particuliers de {ville} : "
            "chacun mérite un reçu et un merci."
        ),
    ),
    (
        _every_week(
            "2 h par semaine, le lundi soir, en partie à distance.",
            slots=("mon_evening",),
            hours=2,
        ),
    ),
)

# ================================================================ generic (any domain)
MORE_PARTS["Mise à jour du site internet"] = MoreParts(
    (
        _core(
            "Refonte simple de notre site",
            "choisir avec nous un modèle de site clair, reprendre les textes essentiels, former deux "
            "bénévoles à publier eux-mêmes les actualités.",
            ("site internet", "gestion de contenu", "pédagogie"),
        ),
        _core(
            "Agenda en ligne et inscriptions aux activités",
            "mettre en place un agenda public et un formulaire d'inscription, les relier au site, "
            "vérifier chaque semaine que tout est à jour.",
            ("site internet", "formulaires en ligne", "rigueur"),
        ),
    ),
    (
        _intro(
            "Notre site date de 2012 et ne s'affiche pas sur un téléphone : la plupart des visiteurs "
            "repartent sans trouver nos horaires."
        ),
        _intro(
            "Les inscriptions à nos activités {lieu} se font encore par téléphone et sur papier ; nous "
            "voulons les ouvrir en ligne."
        ),
    ),
    (
        _every_week(
            "2 h par semaine pendant trois mois, à distance, le lundi soir de préférence.",
            slots=("mon_evening",),
            hours=2,
        ),
        _every_week(
            "environ 2 h par semaine, à distance, avec un point au local {lieu} le samedi matin.",
            slots=("sat_morning",),
            hours=2,
        ),
    ),
)
MORE_PARTS["Tenue de la comptabilité"] = MoreParts(
    (
        _core(
            "Saisie comptable et notes de frais",
            "saisir les factures et les notes de frais des bénévoles, classer les justificatifs, "
            "préparer chaque trimestre un état pour le trésorier.",
            ("comptabilité", "classement", "rigueur"),
        ),
        _core(
            "Passage à un logiciel de comptabilité",
            "choisir avec le trésorier un logiciel adapté, reprendre les écritures de l'année, "
            "écrire une procédure simple pour la suite.",
            ("comptabilité", "logiciel de gestion", "méthode"),
        ),
    ),
    (
        _intro(
            "Nos comptes sont justes, mais tenus dans un cahier : l'expert-comptable nous demande "
            "de moderniser notre façon de faire."
        ),
        _intro(
            "Avec trois subventions et une centaine de donateurs {lieu}, la comptabilité prend plus "
            "de temps que notre trésorier n'en a."
        ),
    ),
    (
        _every_week(
            "2 h par semaine, le mercredi matin au local ou à distance.",
            slots=("wed_morning",),
            hours=2,
        ),
        _every_week(
            "3 h par semaine pendant quatre mois, en grande partie à distance.",
            slots=("tue_evening", "sat_morning"),
            hours=3,
        ),
    ),
)
MORE_PARTS["Communication et réseaux sociaux"] = MoreParts(
    (
        _core(
            "Animer notre page et notre groupe de quartier",
            "publier les rendez-vous de la semaine, répondre aux messages, relayer les annonces "
            "des partenaires du quartier.",
            ("réseaux sociaux", "modération", "rédaction"),
        ),
        _core(
            "Plan de communication pour nos vingt ans",
            "préparer avec le bureau les messages de l'anniversaire, concevoir l'affiche et le "
            "programme, contacter la presse locale.",
            ("communication", "relations presse", "graphisme"),
        ),
    ),
    (
        _intro(
            "Beaucoup d'habitants {lieu} ne savent pas que nous existons, alors que nous sommes à deux "
            "rues de chez eux."
        ),
        _intro("Nos bénévoles font un travail formidable à {ville}, mais nous ne savons pas le raconter."),
    ),
    (
        _every_week(
            "2 h par semaine, à distance, avec un point mensuel le jeudi soir.",
            slots=("thu_evening",),
            hours=2,
        ),
        _every_week(
            "3 h par semaine pendant six mois, le mardi après-midi au local.",
            slots=("tue_afternoon",),
            hours=3,
        ),
    ),
)
MORE_PARTS["Recherche de financements"] = MoreParts(
    (
        _core(
            "Campagne de dons de fin d'année",
            "écrire le message de la campagne, préparer l'envoi aux donateurs et la page de don en "
            "ligne, suivre les résultats et remercier chacun.",
            ("collecte de fonds", "rédaction", "relation donateurs"),
        ),
        _core(
            "Mécénat des entreprises du quartier",
            "identifier les entreprises proches de nos valeurs, préparer une plaquette, les "
            "rencontrer avec un membre du bureau.",
            ("mécénat", "prospection", "prise de parole"),
        ),
        _core(
            "Dossiers de subvention et appels à projets",
            "tenir le calendrier des appels à projets, rédiger les dossiers et les bilans avec les "
            "responsables d'activités.",
            ("rédaction", "subventions", "gestion de projet"),
        ),
    ),
    (
        _intro(
            "Un financeur historique se retire l'an prochain : il nous manque un quart du budget pour "
            "garder toutes nos activités {lieu}."
        ),
        _intro(
            "Nos donateurs sont fidèles mais peu nombreux : nous voulons faire connaître l'association "
            "à de nouveaux soutiens à {ville}."
        ),
        _intro(
            "Nous voulons ouvrir un nouveau lieu d'accueil ; le projet est prêt, il lui manque son "
            "plan de financement."
        ),
    ),
    (
        _every_week(
            "2 h par semaine d'octobre à décembre, surtout à distance.",
            slots=("mon_evening",),
            hours=2,
        ),
        _every_week(
            "3 h par semaine, rendez-vous en journée le jeudi.",
            slots=("thu_morning", "thu_afternoon"),
            hours=3,
        ),
        _every_week(
            "2 h 30 par semaine, à distance, réunion de suivi le vendredi après-midi.",
            slots=("fri_afternoon",),
            hours=2.5,
        ),
    ),
)
MORE_PARTS["Trésorier ou trésorière"] = MoreParts(
    (
        _core(
            "Trésorier ou trésorière d'une petite association",
            "encaisser les cotisations, payer les factures, tenir un budget simple et le présenter "
            "une fois par an aux adhérents.",
            ("comptabilité", "rigueur", "transparence"),
        ),
        _core(
            "Binôme du trésorier pour préparer la relève",
            "travailler un an aux côtés du trésorier, reprendre peu à peu la banque et les "
            "subventions, puis lui succéder à l'assemblée générale.",
            ("comptabilité", "suivi budgétaire", "apprentissage"),
        ),
    ),
    (
        _intro(
            "Nos comptes sont simples mais personne ne veut s'en occuper : c'est pourtant le poste "
            "qui rend tout le reste possible."
        ),
        _intro(
            "Notre trésorier tient les comptes depuis quinze ans {lieu} et souhaite transmettre son "
            "savoir avant de passer la main."
        ),
    ),
    (
        _every_week(
            "1 h 30 par semaine, le mardi soir, surtout à distance.",
            slots=("tue_evening",),
            hours=1.5,
        ),
        _every_week(
            "2 h par semaine, le samedi matin au local, pendant un an de transition.",
            slots=("sat_morning",),
            hours=2,
        ),
    ),
)
MORE_PARTS["Secrétaire du conseil d'administration"] = MoreParts(
    (
        _core(
            "Secrétaire de l'association",
            "tenir le registre des décisions, mettre à jour les statuts et les déclarations en "
            "préfecture, archiver les documents importants.",
            ("rédaction", "droit des associations", "rigueur"),
        ),
        _core(
            "Organiser notre assemblée générale",
            "préparer le calendrier, envoyer les convocations, réunir les rapports, animer la "
            "logistique du jour J et rédiger le procès-verbal.",
            ("organisation", "rédaction", "vie associative"),
        ),
        _core(
            "Secrétaire adjoint ou adjointe",
            "relayer la secrétaire pour les comptes rendus, tenir la liste des membres du conseil, "
            "préparer les documents de réunion.",
            ("rédaction", "prise de notes", "organisation"),
        ),
    ),
    (
        _intro(
            "Notre association {lieu} a besoin d'une personne pour garder la mémoire de ses décisions "
            "et tenir ses obligations à jour."
        ),
        _intro(
            "Chaque année, notre assemblée générale réunit une centaine d'adhérents à {ville} : sa "
            "préparation commence trois mois avant."
        ),
        _intro(
            "Notre secrétaire actuelle ne peut plus assister à toutes les réunions et cherche un "
            "relais fiable."
        ),
    ),
    (
        _every_week(
            "1 h 30 par semaine en moyenne, une réunion par mois le lundi soir.",
            slots=("mon_evening",),
            hours=1.5,
        ),
        _every_week(
            "2 h par semaine, le mercredi en fin d'après-midi, plus intensément avant l'assemblée.",
            slots=("wed_afternoon",),
            hours=2,
        ),
        _every_week(
            "environ 2 h par semaine, réunions le mardi soir.",
            slots=("tue_evening",),
            hours=2,
        ),
    ),
)
MORE_PARTS["Photos et reportages de nos actions"] = MoreParts(
    (
        _core(
            "Portraits de nos bénévoles",
            "rencontrer des bénévoles, les photographier et recueillir quelques phrases pour une "
            "série de portraits à publier chaque mois.",
            ("photographie", "interview", "rédaction"),
        ),
        _core(
            "Petit film sur notre association",
            "tourner des images lors de nos activités, recueillir des témoignages, monter un film "
            "de trois minutes pour nos partenaires.",
            ("vidéo", "montage", "interview"),
        ),
    ),
    (
        _intro("Derrière nos actions {lieu}, il y a des visages que nos partenaires ne connaissent pas."),
        _intro(
            "Pour notre prochaine assemblée générale et nos demandes de financement, nous voulons "
            "montrer plutôt qu'expliquer."
        ),
    ),
    (
        _every_week(
            "2 h par semaine pendant trois mois, surtout le samedi.",
            slots=("sat_morning", "sat_afternoon"),
            hours=2,
        ),
        _every_week(
            "environ 2 h par semaine, en semaine en fin de journée.",
            slots=("tue_evening", "thu_evening"),
            hours=2,
        ),
    ),
)
MORE_PARTS["Gestion du fichier des adhérents"] = MoreParts(
    (
        _core(
            "Mise en place des adhésions en ligne",
            "configurer un formulaire d'adhésion et de paiement en ligne, reprendre le fichier "
            "existant, expliquer la démarche aux adhérents.",
            ("outils en ligne", "tableur", "pédagogie"),
        ),
        _core(
            "Relation avec les adhérents",
            "accueillir les nouveaux adhérents par un message, répondre à leurs questions, les "
            "inviter aux temps forts de l'association.",
            ("relation adhérents", "rédaction", "accueil"),
        ),
    ),
    (
        _intro(
            "Nos adhérents sont de plus en plus nombreux {lieu} et nous ne savons plus bien qui est à "
            "jour de sa cotisation."
        ),
        _intro(
            "Une association vit de ses adhérents : à {ville}, nous voulons mieux les accueillir et "
            "mieux les garder."
        ),
    ),
    (
        _every_week(
            "2 h par semaine, à distance, le jeudi soir de préférence.",
            slots=("thu_evening",),
            hours=2,
        ),
        _every_week(
            "1 h 30 par semaine, le samedi matin au local.",
            slots=("sat_morning",),
            hours=1.5,
        ),
    ),
)
MORE_PARTS["Accueil et permanence téléphonique"] = MoreParts(
    (
        _core(
            "Secrétariat et courrier du local",
            "ouvrir et trier le courrier, tenir l'agenda des salles, préparer les documents des "
            "réunions et répondre aux appels.",
            ("secrétariat", "organisation", "accueil"),
        ),
        _core(
            "Accueil des nouveaux publics",
            "recevoir les personnes qui découvrent l'association, leur présenter les activités, "
            "noter leurs coordonnées et leurs attentes.",
            ("accueil", "écoute", "présentation"),
        ),
    ),
    (
        _intro(
            "Notre secrétaire salariée est à mi-temps : l'autre moitié de la semaine, le local {lieu} "
            "reste souvent fermé."
        ),
        _intro(
            "Le premier contact avec l'association se fait presque toujours à l'accueil de notre "
            "local de {ville} : il doit être chaleureux."
        ),
    ),
    (
        _every_week(
            "le lundi de 14 h à 17 h.",
            slots=("mon_afternoon",),
            hours=3,
        ),
        _every_week(
            "le vendredi de 9 h à 12 h.",
            slots=("fri_morning",),
            hours=3,
        ),
    ),
)
MORE_PARTS["Vice-président ou vice-présidente"] = MoreParts(
    (
        _core(
            "Président ou présidente de l'association",
            "animer le bureau et le conseil, représenter l'association, porter son projet auprès "
            "des partenaires et des bénévoles.",
            ("gouvernance", "représentation", "animation de réunion"),
        ),
        _core(
            "Membre du bureau chargé·e des projets",
            "suivre les projets de l'année, aider leurs responsables à avancer, en rendre compte "
            "au bureau chaque mois.",
            ("suivi de projet", "organisation", "sens du collectif"),
        ),
    ),
    (
        _intro(
            "Nos statuts prévoient un renouvellement du bureau à la prochaine assemblée générale : "
            "c'est le moment de nous rejoindre {lieu}."
        ),
        _intro(
            "L'association a doublé de taille en trois ans à {ville} ; son bureau doit s'étoffer pour suivre."
        ),
    ),
    (
        _every_week(
            "environ 3 h par semaine, bureau le lundi soir.",
            slots=("mon_evening",),
            hours=3,
        ),
        _every_week(
            "2 h par semaine, réunions le jeudi soir.",
            slots=("thu_evening",),
            hours=2,
        ),
    ),
)
