"""Benchmark of the Whoosh mission index on a synthetic French corpus.

    python benchmarks/bench_search_whoosh.py                 # 10,000 missions
    python benchmarks/bench_search_whoosh.py --large         # 10,000 and 100,000
    python benchmarks/bench_search_whoosh.py --sizes 10000,100000 --queries 300

For each size: build time, index size on disk, p50/p95 of searches (1-3 words with a domain
or a distance filter, page of 20; ≥200 queries) and the latency of "update visible to the
next search" (upsert one mission, then search for a word only it contains). The corpus is
generated from fixed word lists with a seeded random generator: same seed, same corpus.
Runtime: ~30 s at 10k; the 100k build takes about 1.5–2 minutes more on 2 cores.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from marketplace.search.documents import DOMAIN_SLUGS, SLOTS, MissionDocument, SearchQuery
from marketplace.search.index import MissionIndex

# City centres (lat, lon), postcode and a weight roughly following population.
CITIES = (
    ("Paris", "75001", 48.8566, 2.3522, 12),
    ("Marseille", "13001", 43.2965, 5.3698, 5),
    ("Lyon", "69001", 45.7640, 4.8357, 5),
    ("Toulouse", "31000", 43.6047, 1.4442, 4),
    ("Nice", "06000", 43.7102, 7.2620, 3),
    ("Nantes", "44000", 47.2184, -1.5536, 3),
    ("Montpellier", "34000", 43.6108, 3.8767, 3),
    ("Strasbourg", "67000", 48.5734, 7.7521, 3),
    ("Bordeaux", "33000", 44.8378, -0.5792, 3),
    ("Lille", "59000", 50.6292, 3.0573, 3),
    ("Rennes", "35000", 48.1173, -1.6778, 2),
    ("Reims", "51100", 49.2583, 4.0317, 2),
    ("Saint-Étienne", "42000", 45.4397, 4.3872, 2),
    ("Toulon", "83000", 43.1242, 5.9280, 2),
    ("Le Havre", "76600", 49.4944, 0.1079, 2),
    ("Grenoble", "38000", 45.1885, 5.7245, 2),
    ("Dijon", "21000", 47.3220, 5.0415, 2),
    ("Angers", "49000", 47.4784, -0.5632, 2),
    ("Nîmes", "30000", 43.8367, 4.3601, 1),
    ("Clermont-Ferrand", "63000", 45.7772, 3.0870, 1),
    ("Le Mans", "72000", 48.0061, 0.1996, 1),
    ("Aix-en-Provence", "13100", 43.5297, 5.4474, 1),
    ("Brest", "29200", 48.3904, -4.4861, 1),
    ("Tours", "37000", 47.3941, 0.6848, 1),
    ("Amiens", "80000", 49.8941, 2.2958, 1),
    ("Limoges", "87000", 45.8336, 1.2611, 1),
    ("Perpignan", "66000", 42.6887, 2.8948, 1),
    ("Metz", "57000", 49.1193, 6.1757, 1),
    ("Besançon", "25000", 47.2378, 6.0241, 1),
    ("Orléans", "45000", 47.9030, 1.9093, 1),
    ("Rouen", "76000", 49.4432, 1.0999, 1),
    ("Caen", "14000", 49.1829, -0.3707, 1),
)

# Per domain: activities (title heads), audiences or places, skills, specific sentences.
DOMAINS = {
    "solidarite-insertion": (
        [
            "Accompagnement vers l'emploi",
            "Atelier CV et lettre de motivation",
            "Accueil de jour",
            "Maraude solidaire",
            "Parrainage de demandeurs d'emploi",
            "Permanence d'accès aux droits",
        ],
        ["personnes en situation de précarité", "jeunes en insertion", "personnes sans abri", "familles"],
        ["écoute", "accompagnement social", "rédaction", "orientation professionnelle", "médiation"],
        [
            "Vous accompagnerez des personnes éloignées de l'emploi dans leurs démarches.",
            "Les maraudes permettent de créer du lien avec les personnes à la rue.",
            "Vous aiderez à préparer des entretiens d'embauche et à rédiger des CV.",
        ],
    ),
    "aide-alimentaire": (
        [
            "Collecte alimentaire",
            "Distribution de colis",
            "Tri des denrées",
            "Épicerie solidaire",
            "Préparation de repas chauds",
            "Ramasse des invendus",
        ],
        ["familles", "étudiants", "personnes isolées", "bénéficiaires"],
        ["logistique", "cuisine", "accueil", "manutention", "permis B", "hygiène alimentaire"],
        [
            "Vous participerez au tri et au rangement des denrées collectées en supermarché.",
            "La distribution des colis alimentaires a lieu chaque semaine dans notre local.",
            "Vous préparerez des repas chauds servis aux personnes accueillies.",
        ],
    ),
    "education": (
        [
            "Aide aux devoirs",
            "Soutien scolaire",
            "Cours de français langue étrangère",
            "Alphabétisation",
            "Tutorat en mathématiques",
            "Atelier lecture",
        ],
        ["collégiens", "lycéens", "enfants du primaire", "adultes migrants", "élèves"],
        ["pédagogie", "mathématiques", "français", "anglais", "patience", "animation"],
        [
            "Vous aiderez des élèves à faire leurs devoirs après l'école.",
            "Les cours de français s'adressent à des adultes qui apprennent la langue.",
            "Le soutien scolaire se déroule en petits groupes dans un centre social.",
        ],
    ),
    "sante": (
        [
            "Accueil des patients",
            "Visite à l'hôpital",
            "Sensibilisation au dépistage",
            "Don du sang",
            "Accompagnement de malades",
            "Prévention santé",
        ],
        ["patients hospitalisés", "malades chroniques", "familles de patients", "jeunes"],
        ["écoute", "secourisme", "communication", "bienveillance", "organisation"],
        [
            "Vous rendrez visite aux patients hospitalisés pour rompre leur isolement.",
            "Les collectes de sang ont besoin de bénévoles pour l'accueil des donneurs.",
            "Vous animerez des stands de prévention et de sensibilisation.",
        ],
    ),
    "seniors": (
        [
            "Visite de convivialité",
            "Lutte contre l'isolement des aînés",
            "Animation en EHPAD",
            "Accompagnement aux courses",
            "Appels téléphoniques solidaires",
            "Atelier mémoire",
        ],
        ["personnes âgées", "aînés isolés", "résidents d'EHPAD", "seniors"],
        ["écoute", "animation", "patience", "jeux de société", "conduite"],
        [
            "Vous rendrez visite chaque semaine à une personne âgée isolée.",
            "Les animations en maison de retraite rythment la vie des résidents.",
            "Un simple appel téléphonique peut changer la journée d'un aîné.",
        ],
    ),
    "enfance-jeunesse": (
        [
            "Animation de centre de loisirs",
            "Encadrement de colonie",
            "Parrainage d'enfant",
            "Atelier créatif pour enfants",
            "Accompagnement de jeunes",
            "Club de lecture jeunesse",
        ],
        ["enfants", "adolescents", "jeunes de quartier", "familles"],
        ["animation", "BAFA", "créativité", "encadrement", "sport"],
        [
            "Vous encadrerez des enfants pendant les vacances scolaires.",
            "Les ateliers créatifs permettent aux enfants de s'exprimer.",
            "Vous accompagnerez des jeunes dans leurs projets.",
        ],
    ),
    "handicap": (
        [
            "Accompagnement de personnes handicapées",
            "Sortie culturelle adaptée",
            "Sport adapté",
            "Séjour de vacances adaptées",
            "Aide aux déplacements",
            "Atelier inclusif",
        ],
        ["personnes en situation de handicap", "adultes autistes", "enfants polyhandicapés", "familles"],
        ["langue des signes", "accompagnement", "patience", "conduite", "animation"],
        [
            "Vous accompagnerez des personnes en situation de handicap lors de sorties.",
            "Les séjours adaptés ont besoin d'accompagnateurs bénévoles.",
            "Aucune expérience n'est requise, une formation est proposée.",
        ],
    ),
    "environnement": (
        [
            "Nettoyage de plage",
            "Ramassage de déchets",
            "Jardin partagé",
            "Plantation d'arbres",
            "Repair café",
            "Sensibilisation au tri",
        ],
        ["habitants", "écoles", "quartier", "grand public"],
        ["jardinage", "bricolage", "sensibilisation", "botanique", "réparation"],
        [
            "Vous participerez au ramassage des déchets sur les plages et les berges.",
            "Le jardin partagé est entretenu collectivement par les habitants du quartier.",
            "Au repair café, on répare ensemble appareils et vêtements.",
        ],
    ),
    "animaux": (
        [
            "Soins aux animaux du refuge",
            "Promenade de chiens",
            "Socialisation de chats",
            "Famille d'accueil",
            "Protection de la faune sauvage",
            "Nourrissage des chats libres",
        ],
        ["chiens", "chats", "animaux abandonnés", "faune sauvage"],
        ["soins animaliers", "patience", "entretien", "photographie", "communication"],
        [
            "Vous promènerez les chiens du refuge et participerez à leur socialisation.",
            "Les animaux recueillis ont besoin de soins quotidiens.",
            "Vous aiderez à l'entretien des enclos et au nourrissage.",
        ],
    ),
    "culture": (
        [
            "Accueil du public au festival",
            "Animation de bibliothèque",
            "Médiation culturelle",
            "Montage d'exposition",
            "Billetterie de concert",
            "Atelier théâtre",
        ],
        ["festivaliers", "lecteurs", "visiteurs", "habitants"],
        ["accueil", "communication", "logistique", "langues étrangères", "photographie"],
        [
            "Vous accueillerez le public et tiendrez la billetterie du festival.",
            "La bibliothèque de quartier propose des lectures pour tous les âges.",
            "Vous aiderez au montage et au démontage de l'exposition.",
        ],
    ),
    "sport": (
        [
            "Encadrement d'entraînement",
            "Organisation de tournoi",
            "Course solidaire",
            "Sport pour tous",
            "Ravitaillement de marathon",
            "Initiation au handisport",
        ],
        ["jeunes sportifs", "coureurs", "licenciés", "habitants"],
        ["encadrement", "secourisme", "logistique", "arbitrage", "animation"],
        [
            "Vous tiendrez un poste de ravitaillement pendant la course.",
            "Le club recherche des bénévoles pour encadrer les entraînements des jeunes.",
            "Le tournoi rassemble chaque année des centaines de participants.",
        ],
    ),
    "citoyennete": (
        [
            "Permanence juridique",
            "Accès aux droits",
            "Éducation à la citoyenneté",
            "Accompagnement administratif",
            "Lutte contre les discriminations",
            "Débat citoyen",
        ],
        ["habitants", "jeunes", "personnes étrangères", "locataires"],
        ["droit", "médiation", "rédaction", "écoute", "animation de débat"],
        [
            "Vous aiderez des personnes dans leurs démarches administratives.",
            "Les permanences juridiques informent gratuitement sur les droits.",
            "Vous animerez des ateliers de sensibilisation dans les collèges.",
        ],
    ),
    "urgence-secours": (
        [
            "Poste de secours",
            "Formation aux premiers secours",
            "Aide d'urgence",
            "Hébergement d'urgence",
            "Soutien aux sinistrés",
            "Équipe de secouristes",
        ],
        ["sinistrés", "grand public", "personnes sans abri", "événements"],
        ["secourisme", "PSC1", "logistique", "sang-froid", "conduite"],
        [
            "Vous renforcerez les équipes de secouristes lors des grands événements.",
            "Une formation aux premiers secours est assurée par l'association.",
            "En cas de catastrophe, nous apportons une aide d'urgence aux sinistrés.",
        ],
    ),
    "numerique": (
        [
            "Atelier d'initiation à l'informatique",
            "Aide aux démarches en ligne",
            "Réparation d'ordinateurs",
            "Formation au smartphone",
            "Médiation numérique",
            "Création de site web",
        ],
        ["seniors", "demandeurs d'emploi", "associations", "habitants"],
        ["informatique", "pédagogie", "développement web", "bureautique", "réseaux sociaux"],
        [
            "Vous aiderez des personnes à utiliser un ordinateur et internet.",
            "Les démarches administratives en ligne sont difficiles pour beaucoup.",
            "Vous reconditionnerez des ordinateurs donnés à des familles.",
        ],
    ),
    "international": (
        [
            "Chantier international",
            "Parrainage d'étudiants étrangers",
            "Soutien aux réfugiés",
            "Collecte pour l'aide humanitaire",
            "Échange interculturel",
            "Traduction bénévole",
        ],
        ["réfugiés", "étudiants étrangers", "partenaires africains", "demandeurs d'asile"],
        ["anglais", "arabe", "espagnol", "traduction", "gestion de projet"],
        [
            "Vous accompagnerez des réfugiés dans leur installation en France.",
            "Nos partenaires à l'étranger portent des projets d'accès à l'eau.",
            "Vous traduirez des documents pour des familles de demandeurs d'asile.",
        ],
    ),
}

GENERIC_SENTENCES = (
    "Rejoignez une équipe de bénévoles motivés et bienveillants.",
    "Aucune compétence particulière n'est requise, seulement de la bonne humeur.",
    "Une formation est assurée au début de la mission.",
    "La mission convient aux débutants comme aux bénévoles expérimentés.",
    "Vous serez accompagné par un référent de l'association.",
    "Les frais de transport peuvent être remboursés.",
    "Nous recherchons des personnes fiables et ponctuelles.",
    "C'est l'occasion de découvrir le monde associatif et de rencontrer du monde.",
    "La mission peut se faire seul ou en binôme.",
    "Un temps de convivialité est prévu à la fin de chaque séance.",
)
GENERIC_SKILLS = ("travail en équipe", "ponctualité", "autonomie", "sens du contact", "organisation")
TITLE_PATTERNS = (
    "{activity}",
    "{activity} pour les {audience}",
    "{activity} auprès des {audience}",
    "{activity} à {city}",
    "Bénévole : {activity}",
)
QUERY_WORDS = (
    "aide",
    "devoirs",
    "soutien",
    "scolaire",
    "français",
    "bénévole",
    "benevoles",
    "collecte",
    "alimentaire",
    "distribution",
    "repas",
    "jardin",
    "plage",
    "déchets",
    "refuge",
    "chiens",
    "chats",
    "festival",
    "bibliothèque",
    "informatique",
    "ordinateur",
    "seniors",
    "personnes",
    "âgées",
    "isolement",
    "visite",
    "enfants",
    "jeunes",
    "animation",
    "sport",
    "course",
    "secourisme",
    "réfugiés",
    "traduction",
    "droits",
    "handicap",
    "accompagnement",
    "emploi",
    "maraude",
    "hôpital",
    "patients",
    "prévention",
    "théâtre",
    "tournoi",
    "numérique",
    "smartphone",
    "accueil",
    "logistique",
    "cuisine",
    "écoute",
    "formation",
)


def weighted_cities(rng: random.Random, count: int) -> list[tuple]:
    """Return ``count`` cities drawn by weight."""
    return rng.choices(CITIES, weights=[city[4] for city in CITIES], k=count)


def generate_corpus(size: int, seed: int = 42) -> Iterator[MissionDocument]:
    """Yield ``size`` deterministic synthetic missions."""
    rng = random.Random(seed)
    today = date(2025, 6, 2)
    cities = weighted_cities(rng, size)
    for mission_id in range(1, size + 1):
        domain = rng.choice(DOMAIN_SLUGS)
        activities, audiences, skills, sentences = DOMAINS[domain]
        name, postcode, lat, lon, _ = cities[mission_id - 1]
        title = rng.choice(TITLE_PATTERNS).format(
            activity=rng.choice(activities), audience=rng.choice(audiences), city=name
        )
        description = " ".join(
            rng.sample(sentences, rng.randint(1, 3)) + rng.sample(GENERIC_SENTENCES, rng.randint(2, 4))
        )
        one_off = rng.random() < 0.45
        start = today + timedelta(days=rng.randint(-10, 120)) if one_off or rng.random() < 0.4 else None
        end = None
        if start and rng.random() < (0.3 if one_off else 0.5):
            end = start + timedelta(days=rng.randint(0, 3) if one_off else rng.randint(30, 300))
        remote = rng.random() < 0.08
        located = not remote or rng.random() < 0.5
        yield MissionDocument(
            id=mission_id,
            title=title,
            description=description,
            skills=tuple(
                rng.sample(skills, rng.randint(1, 3)) + rng.sample(GENERIC_SKILLS, rng.randint(0, 1)),
            ),
            domain=domain,
            kind=rng.choices(("ponctual", "support", "leadership"), weights=(6, 3, 1))[0],
            association_id=rng.randint(1, max(size // 20, 1)),
            association_name=f"Association {rng.randint(1, 999)}",
            city=name,
            postcode=postcode,
            lat=round(lat + rng.gauss(0, 0.05), 5) if located else None,
            lon=round(lon + rng.gauss(0, 0.07), 5) if located else None,
            remote=remote,
            schedule="one_off" if one_off else "recurring",
            start_date=start,
            end_date=end,
            slots=() if one_off else tuple(rng.sample(SLOTS, rng.randint(1, 4))),
            min_age=rng.choice((16, 16, 18, 18, 18, 21, 25)),
            max_age=rng.choice((None, None, None, None, 30, 65, 75)),
            seats_left=rng.choice((0, 1, 2, 3, 5, 8, 12)),
            published_at=datetime(2025, 1, 1) + timedelta(minutes=rng.randint(0, 200_000)),
        )


def generate_queries(count: int, seed: int = 7) -> list[SearchQuery]:
    """Return ``count`` queries of 1-3 words, each with a domain filter or a distance filter."""
    rng = random.Random(seed)
    queries = []
    for number in range(count):
        words = " ".join(rng.sample(QUERY_WORDS, rng.randint(1, 3)))
        if number % 2:
            queries.append(SearchQuery(q=words, domains=(rng.choice(DOMAIN_SLUGS),)))
        else:
            _, _, lat, lon, _ = weighted_cities(rng, 1)[0]
            queries.append(SearchQuery(q=words, lat=lat, lon=lon, radius_km=rng.choice((5, 10, 20, 50))))
    return queries


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def directory_size(path: Path) -> int:
    """Bytes used by the files under ``path``."""
    return sum(file.stat().st_size for file in path.rglob("*") if file.is_file())


@dataclass(frozen=True)
class Sample:
    """Wall-clock and CPU time of one call; CPU time shows the cost when the machine is busy."""

    wall_ms: float
    cpu_ms: float


def timed(function, *args) -> tuple[Sample, object]:
    """Run ``function(*args)`` and return (its timing, its result)."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = function(*args)
    return Sample((time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000), result


def summary(label: str, samples: list[Sample]) -> str:
    """One line: wall-clock p50 / p95 / max, then CPU p50 / p95, in ms."""
    wall = [sample.wall_ms for sample in samples]
    cpu = [sample.cpu_ms for sample in samples]
    return (
        f"{label}: p50 {percentile(wall, 0.50):.1f} ms, p95 {percentile(wall, 0.95):.1f} ms, "
        f"max {max(wall):.1f} ms (n={len(wall)}); CPU p50 {percentile(cpu, 0.50):.1f} ms, "
        f"p95 {percentile(cpu, 0.95):.1f} ms"
    )


def time_queries(index: MissionIndex, queries: list[SearchQuery]) -> tuple[list[Sample], list[int]]:
    """Run every query once; return the timings and the totals."""
    timings, totals = [], []
    for query in queries:
        sample, result = timed(index.search, query)
        timings.append(sample)
        totals.append(result.total)
    return timings, totals


def bench_size(size: int, directory: Path, query_count: int, update_count: int, seed: int) -> None:
    """Build an index of ``size`` missions and print its figures."""
    print(f"\n== {size:,} missions ==")
    started = time.perf_counter()
    documents = list(generate_corpus(size, seed))
    print(f"corpus generated in {time.perf_counter() - started:.1f} s")

    index = MissionIndex(directory / f"missions-{size}").create()
    build, _ = timed(index.rebuild, documents)
    print(
        f"build: {build.wall_ms / 1000:.1f} s (CPU {build.cpu_ms / 1000:.1f} s, "
        f"{size / (build.wall_ms / 1000):,.0f} missions/s), "
        f"index size {directory_size(index.directory) / 2**20:.1f} MiB"
    )

    opening, _ = timed(index.count)
    print(f"first search after opening (loads columns): {opening.wall_ms:.1f} ms")

    queries = generate_queries(query_count)
    for query in queries[:10]:  # warm the interpreter and OS caches; not counted
        index.search(query)
    timings, totals = time_queries(index, queries)
    print(summary("search, 1-3 words + domain or distance filter, page of 20", timings))
    print(summary("  with a domain filter  ", timings[1::2]))
    print(summary("  with a distance filter", timings[0::2]))
    print(f"  hits per query: median {statistics.median(totals):,.0f}, max {max(totals):,}")

    rng = random.Random(seed + 1)
    latencies = []
    for number in range(update_count):
        original = documents[rng.randrange(size)]
        marker = f"majtest{number}x"
        updated = replace(original, title=f"{original.title} {marker}")

        def upsert_then_search(doc=updated, word=marker):
            index.upsert([doc])
            return index.search(SearchQuery(q=word, with_seats=False))

        sample, result = timed(upsert_then_search)
        assert [hit.id for hit in result.hits] == [updated.id], (marker, result)
        latencies.append(sample)
    print(summary("update visible to next search (upsert 1 + search)", latencies))
    timings, _ = time_queries(index, queries)  # now with deletions and several segments
    print(summary("search again after the updates", timings))
    print(
        f"after updates: {index.count():,} missions, "
        f"index size {directory_size(index.directory) / 2**20:.1f} MiB"
    )
    index.close()


def main(argv: list[str] | None = None) -> None:
    """Parse options and run the benchmark for each size."""
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=formatter)
    parser.add_argument("--sizes", default="10000", help="comma-separated corpus sizes (default 10000)")
    parser.add_argument("--large", action="store_true", help="also run 100,000 missions")
    parser.add_argument("--queries", type=int, default=200, help="timed searches per size (default 200)")
    parser.add_argument("--updates", type=int, default=50, help="timed updates per size (default 50)")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--dir", type=Path, help="keep the indexes in this directory (default: temporary)")
    args = parser.parse_args(argv)

    sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
    if args.large and 100_000 not in sizes:
        sizes.append(100_000)
    directory = args.dir or Path(tempfile.mkdtemp(prefix="bench-search-"))
    directory.mkdir(parents=True, exist_ok=True)
    print(f"Whoosh mission index benchmark; sizes {sizes}; indexes in {directory}")
    try:
        for size in sizes:
            bench_size(size, directory, args.queries, args.updates, args.seed)
    finally:
        if args.dir is None:
            shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    main()
