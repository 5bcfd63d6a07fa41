"""What a person's own words refuse (« loin des écrans », « je ne veux pas travailler avec des
enfants »), read from their free text for one request (pure: no Flask, no database).

Similarity signals read words, not their sense: « pas devant un ordinateur » shares « ordinateur »
with every computer mission and pulls them up. ``read_refusals`` removes each negated span from the
text used for similarity and, where the span plainly refuses an avoidable context (screen,
children, physical), names that context so the ranking of this request avoids it. It never changes
a saved profile: the caller uses the result for one ranking only.

A negation is a negator (« pas », « plus », « jamais », « aucun », « sans », « loin de », « éviter »,
« marre de ») and the few words after it, up to the end of its clause. Not a refusal, only removed
from the text: a statement of fact or of ignorance (« je n'ai pas d'enfants », « je ne connais pas
l'informatique ») and a negated reluctance (« pas peur de l'effort physique »: then nothing is
removed either, the person welcomes it).
"""

from __future__ import annotations

import re
import unicodedata

# Words of a clause after a negator that belong to what is negated.
NEGATED_SPAN = 6
_NEGATORS = frozenset(("pas", "plus", "jamais", "aucun", "aucune", "sans", "loin", "eviter", "marre", "ni"))
# A negated reluctance reverses the sense: « pas peur de porter », « ça ne me gêne pas ».
_REVERSERS = frozenset(("peur", "probleme", "souci", "gene", "derange", "contre", "inquiete", "effraie"))
# Facts and ignorance, not refusals: « je n'ai pas d'enfants », « je ne connais pas Excel »;
# and limits: « pas seulement », « pas que », « pas forcément ».
_NOT_A_REFUSAL = frozenset(
    ("ai", "avons", "as", "connais", "sais", "maitrise", "seulement", "uniquement", "que", "forcement")
)
# Only the person's own wishes: a negation opening its clause (« Pas d'écran », « plus jamais de
# bureau »), one that is a refusal by itself (« loin des écrans », « sans enfants »), or one after a
# verb of wish or ability (« je ne veux pas », « je ne supporte plus »). A negation about others
# (« des gens qui n'ont pas accès aux soins ») or a fact (« je n'arrive pas à lâcher le volant »)
# describes the story, and its words stay.
_OPENING = 1  # index of the last token that still opens a clause (« Et pas d'écran »)
_REFUSING = frozenset(("loin", "eviter", "marre", "sans"))
_WISHES = frozenset(
    (
        *("veux", "voudrais", "souhaite", "souhaiterais", "aime", "aimerais", "supporte", "peux"),
        *("envie", "cherche", "tiens", "suis", "vraiment", "surtout"),
    )
)
_OTHERS = frozenset(("qui", "ils", "elles", "on"))
# « sans-abri », « sans papiers »: people, not a refusal.
_SANS_COMPOUNDS = frozenset(("abri", "domicile", "papiers", "emploi", "logement", "ressources", "famille"))
_CONTEXT_WORDS: dict[str, tuple[str, ...]] = {
    "screen": ("ecran", "ordinateur", "informatique", "clavier", "tableur", "excel", "numerique", "bureau"),
    "children": ("enfant", "gamin", "ados", "adolescent", "bebe", "scolaire", "eleve", "mineur"),
    "physical": ("physique", "porter", "charges", "soulever", "debout", "manutention", "effort"),
}
_CLAUSE_END = re.compile(r"[.;:!?\n]|,|\bmais\b|\bet\b")
_TOKEN = re.compile(r"[a-z0-9]+")


def _fold_same_length(text: str) -> str:
    """Lower case without accents, one character for one (so spans map back to the text)."""
    out = []
    for char in text.lower():
        base = unicodedata.normalize("NFKD", char)[:1]
        out.append(base if base.isascii() else " ")
    return "".join(out)


def read_refusals(text: str) -> tuple[str, frozenset[str]]:
    """``text`` without its negated spans, and the avoidable contexts it plainly refuses."""
    folded = _fold_same_length(text)
    spans: list[tuple[int, int]] = []
    refused: set[str] = set()
    ends = list(_CLAUSE_END.finditer(folded))
    clauses = zip([0, *(m.end() for m in ends)], [*(m.start() for m in ends), len(folded)], strict=True)
    for start, end in clauses:
        tokens = list(_TOKEN.finditer(folded, start, end))
        for i, token in enumerate(tokens):
            if token.group(0) not in _NEGATORS:
                continue
            negated = tokens[i + 1 : i + 1 + NEGATED_SPAN]
            words = [t.group(0) for t in negated]
            before = {t.group(0) for t in tokens[max(0, i - 3) : i]}
            if not words or not _REVERSERS.isdisjoint(words) or not _OTHERS.isdisjoint(before):
                continue
            if token.group(0) == "sans" and words[0] in _SANS_COMPOUNDS:
                continue
            if not (i <= _OPENING or token.group(0) in _REFUSING or not _WISHES.isdisjoint(before)):
                continue
            spans.append((token.start(), negated[-1].end()))
            if _NOT_A_REFUSAL.isdisjoint(words) and _NOT_A_REFUSAL.isdisjoint(before):
                refused.update(
                    context
                    for context, stems in _CONTEXT_WORDS.items()
                    if any(word.startswith(stem) for word in words for stem in stems)
                )
            break  # one negation per clause: the rest of it is already covered
    kept, last = [], 0
    for begin, finish in spans:
        kept.append(text[last:begin])
        last = finish
    kept.append(text[last:])
    return " ".join(part.strip() for part in kept if part.strip()), frozenset(refused)
