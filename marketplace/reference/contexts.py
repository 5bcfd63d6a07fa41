"""Situations a volunteer may rule out (« pas devant un écran », « pas avec des enfants »...), and
which of them a mission involves, read from its own words (pure: no Flask, no database).

``mission_contexts`` weighs evidence by where it is read: phrases that state a context outright
(« auprès des enfants », « port de charges », « saisie informatique ») and words naming an activity
that IS the context (carrying, gardening, sport: physical; accounts, grant files, software:
screen; teenagers, school, U13: children) count most in the title and skills, less in the
description, which also tells the association's story; a kind is a prior (support and leadership
missions are desk work more often than physical); a denial (« aucun effort physique », « sans
écran », « pas de contact avec des enfants ») rules a context out unless the title names it; a
domain that is the context (``enfance-jeunesse``), such a skill, or a remote mission (unless its
task is a phone call or a letter) names it outright. Measured against the human labels of the
three labelled sets (678 missions), found / missed / extra: screen 114 / 3 / 24, physical
199 / 6 / 93, children 97 / 2 / 35 (before the weighing: 113 / 4 / 68, 190 / 15 / 149,
78 / 21 / 29). Recall comes first: a context missed shows a person a mission they ruled out, one
read wrongly only hides a mission from those who ruled that context out (on the sets, almost
always one they graded 0). A mission that says nothing is not guessed at. Matching is on the
folded text (lower case, no accents) at word starts.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

AVOIDABLE_CONTEXTS = ("screen", "children", "physical")

# Phrases that state a context outright, written folded (no accents); ``\b`` on both sides.
_EVIDENCE: dict[str, tuple[str, ...]] = {
    "screen": (
        r"devant (un|l|son|votre) (ecran|ordinateur)",
        r"sur (un|l|son|votre) ordinateur",
        r"sur (une |la |des |les |votre )?(tablettes?|ordinateurs?|smartphones?)",
        r"saisies? (informatiques?|de donnees|dans (un|le) tableur)",
        r"(site|page)s? (internet|web)",
        r"reseaux sociaux",
        r"(mise a jour|gestion|refonte|creation) du site",
        r"base de donnees",
        r"tableur|excel|wordpress|graphisme|graphiste|infographie|montage video|developpe(ur|ment) web",
        r"(a distance|en ligne|visio(conference)?) (depuis|de) chez (vous|soi)",
        r"newsletter|bureautique|informatique",
    ),
    "children": (
        r"(aupres|avec|des|les|aux|d|l|pour|de|leurs|vos|nos|ses|un|chaque|votre|son) "
        r"(jeunes |petits )?enfants?\b",
        r"petite enfance|(ecole|club|equipe)s? (de|des) (jeunes|petits)",
        r"enfants? (de|ages de|entre) \d",
        r"(soutien|accompagnement|aide) scolaire|aide aux devoirs",
        r"(eleves|ecoliers|collegiens|bebes|nourrissons|tout-petits)",
        r"(colonie|centre de loisirs|creche|periscolaire|ecole maternelle|ecole primaire)",
        r"\d+[- ]\d+ ans\b(?! et plus)",
        r"(de )?\d+ a 1\d ans\b",
        r"de 1[0-7] a \d+ ans\b",
    ),
    "physical": (
        r"port de charges?",
        r"(porter|soulever|decharger|charger|manutention(ner)?) (des |les |de )?"
        r"(cartons|caisses|colis|charges|meubles|sacs|palettes|denrees)",
        r"manutention",
        r"(effort|travail|activite)s? physiques?",
        r"bonne (condition|forme) physique",
        r"(debout|station debout) (longtemps|plusieurs heures|toute la)",
        r"rester debout",
        r"(debroussaill|defrich|bechage|becher|chantier nature|arrachage)",
        r"(ramassage|nettoyage) des (dechets|berges|plages)",
        r"demenagement",
    ),
}
_PATTERNS = {context: re.compile(r"\b(" + "|".join(phrases) + r")") for context, phrases in _EVIDENCE.items()}
# A phrase can only match when one of its context's anchor words is in the text: a set
# intersection rules most texts out before the (slower) phrase search. Every phrase above
# contains one of its context's anchors.
_ANCHORS: dict[str, frozenset[str]] = {
    "screen": frozenset(
        (
            *("ecran", "ordinateur", "saisie", "saisies", "site", "sites", "page", "pages", "reseaux"),
            *("donnees", "tableur", "excel", "wordpress", "graphisme", "graphiste", "infographie"),
            *("montage", "developpeur", "developpement", "distance", "ligne", "visio"),
            *("visioconference", "newsletter", "bureautique", "informatique"),
            *("tablette", "tablettes", "smartphone", "smartphones", "ordinateurs"),
        )
    ),
    "children": frozenset(
        (
            *("enfant", "enfants", "scolaire", "devoirs", "eleves", "ecoliers", "collegiens", "bebes"),
            *("nourrissons", "tout", "colonie", "centre", "creche", "periscolaire", "ecole", "ans"),
            *("enfance", "club", "clubs", "equipe", "equipes"),
        )
    ),
    "physical": frozenset(
        (
            *("port", "porter", "soulever", "decharger", "charger", "manutention", "manutentionner"),
            *("effort", "efforts", "travail", "activite", "activites", "physique", "physiques"),
            *("condition", "forme", "debout", "station", "rester", "bechage", "becher", "chantier"),
            *("arrachage", "ramassage", "nettoyage", "demenagement"),
        )
    ),
}
_WORD = re.compile(r"[a-z0-9]+")
_STEMS = {"physical": ("debroussaill", "defrich")}

# Words that say the activity itself is the context (prefixes of folded words): physical work
# (carrying, building, gardening, cooking for many, sport, walking, standing at a stand) and
# desk work done on a computer nowadays (treasury, grant files, planning, software). Read from
# how associations describe such missions (the labelled sets in tests/data/matching).
_ACTIVITY_CUES: dict[str, tuple[str, ...]] = {
    "physical": (
        "manutention",
        "palette",
        "carton",
        "decharg",
        "soulev",
        "entrepot",
        "ramasse",
        "bricol",
        "repeindre",
        "peinture",
        "peindre",
        "menuis",
        "chantier",
        "jardina",
        "jardine",
        "jardini",
        "potager",
        "desherb",
        "plant",
        "creuser",
        "paill",
        "nettoy",
        "nettoi",
        "ramassage",
        "dechets",
        "cuisin",
        "servir",
        "debout",
        "promen",
        "course a pied",
        "entrainement",
        "entraineur",
        "educateur",
        "educatrice",
        "arbitr",
        "natation",
        "ski",
        "camp ",
        "camper",
        "pousser",
        "buvette",
        "installer",
        "monter les",
        "ranger",
        "laverie",
        "linge",
        "tri des",
        "trier",
        "distribu",
        "transpalette",
        "chargement",
        "brasser",
        "festival",
        "tournoi",
        "velo",
        "mecani",
        "randonn",
        "marche",
        "porter",
        "charges",
        "physique",
        "boxes",
        "sport",
        "secours",
        "secouris",
        "barbecue",
        "tentes",
        "livraison",
        "logistique",
        "stock",
        "tri ",
        "plonge",
        "deblay",
        "taille des",
        "verger",
        "kayak",
        "voile",
        "fauteuil",
        "petits travaux",
        "plomberie",
        "meubles",
        "randonn",
        "maraude",
        "baignade",
        "balade",
        "pique-nique",
        "pique nique",
        "sortie",
        "compost",
        "sinistr",
        "inondation",
        "evacuation",
        "enclos",
        "ravitaill",
        "signaleur",
        "en rayon",
        "toilette",
        "en foret",
    ),
    "children": (
        "jeunes",
        "jeunesse",
        "ados",
        "adolescen",
        "college",
        "lycee",
        "ecole",
        "scolaire",
        "pediatri",
        "louveteau",
        "scout",
        "mineurs",
        "les petits",
        "gamins",
        "bambins",
        "petite enfance",
        "des petits",
        "u7 ",
        "u9 ",
        "u11",
        "u13",
        "u15",
        "u17",
    ),
    "screen": (
        "tresor",
        "comptab",
        "comptes",
        "logiciel",
        "subvention",
        "appels a projets",
        "mecenat",
        "demarch",
        "dossier",
        "numerique",
        "smartphone",
        "tablette",
        "robot",
        "arduino",
        "bilan carbone",
        "site",
        "informati",
        "ordinateur",
        "en ligne",
        "internet",
        "tableur",
        "saisi",
        "base de donnees",
        "bureautique",
        "communication",
        "reseaux sociaux",
        "graphis",
        "newsletter",
        "collecte de fonds",
        "recherche de financements",
        "financement",
        "transcri",
        "visio",
        "emails",
        "mails",
        "fichier",
        "redaction",
        "rediger",
        "planning",
        "modelisation",
        "impression 3d",
        "developpement",
        "hackathon",
    ),
}
_CUE_PATTERNS = {
    context: re.compile(r"\b(" + "|".join(re.escape(cue) for cue in cues) + ")")
    for context, cues in _ACTIVITY_CUES.items()
}

# Domains that are a context by themselves.
_DOMAIN_CONTEXTS: dict[str, str] = {"enfance-jeunesse": "children"}
# Skills that are a context by themselves (folded, whole skill).
_SKILL_CONTEXTS: dict[str, str] = {
    "informatique": "screen",
    "bureautique": "screen",
    "graphisme": "screen",
    "developpement web": "screen",
    "saisie informatique": "screen",
    "animation enfants": "children",
    "soutien scolaire": "children",
    "manutention": "physical",
    "port de charges": "physical",
}


def _fold(text: str) -> str:
    """Lower case without accents, apostrophes and hyphens as spaces."""
    text = unicodedata.normalize("NFKD", text.lower().replace("œ", "oe"))
    text = text.encode("ascii", "ignore").decode("ascii")
    return re.sub(r"['’\s]+", " ", text)


# How much a piece of evidence counts, by where it is read: the title and the skills name the task
# itself; the description also tells the association's story (« nous aidons les enfants du
# quartier », « notre festival »), so one incidental word there is not enough. A context is named
# from NAMED_AT on: a clear phrase in the title or skills, a clear phrase plus one more sign in the
# description, or several distinct activity words.
PHRASE_WEIGHT = {"title": 3.0, "skills": 3.0, "description": 1.5}
CUE_WEIGHT = {"title": 2.0, "skills": 1.5, "description": 0.75}
NAMED_AT = 2.0
# Priors by kind: support and leadership missions are desk work (files, accounts, coordination)
# far more often than carrying or standing, so physical needs more evidence there, and a
# ponctual mission is field work (a stand, a collection, a sorting day) that needs a little less;
# there, the people a description mentions are met in person, so one clear phrase about children
# (« parfois avec leurs enfants ») names that context, where a desk mission's « nous accompagnons
# des enfants malades » tells whom the association serves.
KIND_PRIOR: dict[str, dict[str, float]] = {
    "ponctual": {"physical": 0.5, "children": 0.5},
    "support": {"physical": -1.0},
    "leadership": {"physical": -1.0},
}

# A mission that says a context is NOT involved (« aucun effort physique », « sans écran », « pas de
# contact avec des enfants ») is not read as involving it, whatever else it says; the negated words
# are removed before reading the rest.
_NEGATED: dict[str, str] = {
    "screen": r"(?<!n ont )(?<!n a )(sans|aucun|pas d|pas de|pas besoin d|pas besoin de|jamais d|loin des?) ?"
    r"(un |d )?(ecrans?|ordinateurs?|informatique|outil numerique|tableur)",
    "children": r"(sans|aucun|pas de|pas d|ni|jamais de) ?(contact (direct )?avec (des |les )?)?"
    r"(enfants?|mineurs|jeunes enfants)"
    r"|(public|mission|reserve[e]?s?|uniquement|exclusivement) (aux |d |des )?adultes"
    r"|adultes uniquement",
    "physical": r"(sans|aucun|aucune|pas d|pas de|ni|pas besoin d|pas besoin de) ?"
    r"(grand |gros |aucun )?(efforts? physiques?|port de charges?|charges? lourdes?|manutention"
    r"|condition physique|etre sportif|forme physique)"
    r"|(assis|assise)s? (toute|pendant)|accessible (aux|a des) personnes a mobilite reduite",
}
_NEGATION_PATTERNS = {context: re.compile(r"\b(" + phrase + r")\b") for context, phrase in _NEGATED.items()}


# Words that name someone else than the people the volunteer meets, removed before reading (they
# rule nothing out): the cause in an association's name (« le site d'une association d'aide aux
# devoirs »), parents of pupils, children minded elsewhere during the activity.
_NOT_THE_TASK = re.compile(
    r"\bassociations? (d|de|du|des) (aide|soutien|accompagnement|parents) [a-z]+( [a-z]+)?"
    r"|\bparents? d (eleves?|enfants?)"
    r"|\b(halte-garderie|garderie|creche)s? (prend|prennent|s occupe|s occupent) (en charge )?(de )?"
    r"(des |les |vos )?enfants"
)


# A remote mission is done on a screen, unless its task is a phone call or a letter and nothing
# else says screen (« Appels de convivialité depuis chez soi », « Correspondance par lettres »).
_BY_PHONE_OR_POST = re.compile(r"\b(telephon|appels?\b|appeler|lettres?\b|correspondance|courriers? postal)")


def _negated(text: str) -> tuple[str, set[str]]:
    """The text without its negated mentions, and the contexts said not to be involved."""
    if "association" in text or "parent" in text or "garderie" in text or "creche" in text:
        text = _NOT_THE_TASK.sub(" ", text)
    ruled_out = set()
    for context, pattern in _NEGATION_PATTERNS.items():
        text, count = pattern.subn(" ", text)
        if count:
            ruled_out.add(context)
    return text, ruled_out


def _evidence(text: str, field: str) -> dict[str, float]:
    """Weighted evidence for each context in one field of a mission (folded text)."""
    words = set(_WORD.findall(text))
    scores: dict[str, float] = {}
    for context in AVOIDABLE_CONTEXTS:
        score = 0.0
        anchored = not words.isdisjoint(_ANCHORS[context]) or any(s in text for s in _STEMS.get(context, ()))
        if anchored:
            phrases = {match.group(0) for match in _PATTERNS[context].finditer(text)}
            score += PHRASE_WEIGHT[field] * min(len(phrases), 2)
        cue_pattern = _CUE_PATTERNS.get(context)
        if cue_pattern is not None:
            cues = {match.group(0) for match in cue_pattern.finditer(text)}
            score += CUE_WEIGHT[field] * min(len(cues), 3)
        scores[context] = score
    return scores


def mission_contexts(
    title: str,
    description: str,
    skills: Iterable[str] = (),
    domain: str = "",
    kind: str = "",
    remote: bool = False,
) -> frozenset[str]:
    """The avoidable contexts (screen, children, physical) a mission's own words state clearly.

    Evidence is weighed by where it is read (title and skills over description) with a prior by
    kind; a negated mention rules a context out; a domain that is a context, a skill that is one,
    and a remote mission (screen) name it outright.
    """
    skills = tuple(skills)
    fields = {"title": _fold(title), "skills": _fold(" ; ".join(skills)), "description": _fold(description)}
    ruled_out: set[str] = set()
    for name, text in fields.items():
        fields[name], negated = _negated(text)
        ruled_out |= negated
    # What the title or the skills name outright is the task, whatever a sentence denies.
    for context, score in _evidence(fields["title"], "title").items():
        if score >= NAMED_AT:
            ruled_out.discard(context)
    scores = dict.fromkeys(AVOIDABLE_CONTEXTS, 0.0)
    for name, text in fields.items():
        for context, score in _evidence(text, name).items():
            scores[context] += score
    for context, prior in KIND_PRIOR.get(kind, {}).items():
        scores[context] += prior
    found = {context for context, score in scores.items() if score >= NAMED_AT}
    for skill in skills:
        named = _SKILL_CONTEXTS.get(_fold(skill).strip())
        if named:
            found.add(named)
    if domain in _DOMAIN_CONTEXTS:
        found.add(_DOMAIN_CONTEXTS[domain])
    if remote and not (
        scores["screen"] < NAMED_AT and _BY_PHONE_OR_POST.search(fields["title"] + " " + fields["skills"])
    ):
        found.add("screen")
    return frozenset(found - ruled_out)
