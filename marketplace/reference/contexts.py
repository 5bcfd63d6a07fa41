"""Situations a volunteer may rule out (« pas devant un écran », « pas avec des enfants »...), and
which of them a mission involves, read from its own words (pure: no Flask, no database).

``mission_contexts`` is conservative: a context is named only on clear evidence — a phrase that
says it outright (« auprès des enfants », « port de charges », « saisie informatique ») or a domain
that is that context (``enfance-jeunesse`` is with children). A mission that says nothing is not
guessed at: ruling it out would hide missions on a hunch. The phrases are matched on the folded
text (lower case, no accents) at word boundaries.
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
        r"(aupres|avec|des|les|aux|d|pour|de) (jeunes )?enfants",
        r"enfants? (de|ages de|entre) \d",
        r"(soutien|accompagnement|aide) scolaire|aide aux devoirs",
        r"(eleves|ecoliers|collegiens|bebes|nourrissons|tout-petits)",
        r"(colonie|centre de loisirs|creche|periscolaire|ecole maternelle|ecole primaire)",
        r"\d+[- ]\d+ ans\b(?! et plus)",
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
        )
    ),
    "children": frozenset(
        (
            *("enfant", "enfants", "scolaire", "devoirs", "eleves", "ecoliers", "collegiens", "bebes"),
            *("nourrissons", "tout", "colonie", "centre", "creche", "periscolaire", "ecole", "ans"),
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


def mission_contexts(
    title: str,
    description: str,
    skills: Iterable[str] = (),
    domain: str = "",
    kind: str = "",
    remote: bool = False,
) -> frozenset[str]:
    """The avoidable contexts (screen, children, physical) a mission's own words state clearly.

    ``kind`` does not decide anything by itself (a support mission may be on paper or on screen);
    a remote mission is done on a screen in practice, so ``remote`` alone names it.
    """
    found: set[str] = set()
    text = _fold(f"{title}\n{description}")
    words = set(_WORD.findall(text))
    for context, pattern in _PATTERNS.items():
        anchored = not words.isdisjoint(_ANCHORS[context]) or any(
            stem in text for stem in _STEMS.get(context, ())
        )
        if anchored and pattern.search(text):
            found.add(context)
    for skill in skills:
        named = _SKILL_CONTEXTS.get(_fold(skill).strip())
        if named:
            found.add(named)
    if domain in _DOMAIN_CONTEXTS:
        found.add(_DOMAIN_CONTEXTS[domain])
    if remote:
        found.add("screen")
    del kind  # part of the signature so a rule on it can be added without touching callers
    return frozenset(found)
