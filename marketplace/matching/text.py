"""French text analysis and the TF-IDF model of the matching engine (pure: no Flask, no database).

One analysis chain for missions and candidates: lower case, accents and ligatures folded
(``é``→``e``, ``œ``→``oe``), French stop words dropped, a light plural folding (``enfants``→
``enfant``, ``animaux``→``animal``) so singular and plural meet, then 1–2-grams weighted by
scikit-learn's ``TfidfVectorizer`` with sublinear term frequency and L2-normalised rows.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import pairwise

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer

from marketplace.matching.vocabulary import DOMAIN_LABELS_FR

# Written by hand for mission texts: articles, pronouns, prepositions, conjunctions, frequent
# forms of être/avoir/faire, and fillers. Folded like the texts at import time.
_STOP_WORDS_SOURCE = """
a à afin ai aie aient ainsi alors apres après as au aucun aucune aupres auprès aussi autre autres
aux avaient avais avait avant avec avez aviez avoir avons ayant bien c ca ça car ce ceci cela celle
celles celui cependant ces cet cette ceux chacun chacune chaque chez ci comme comment d dans de des
deja déjà depuis dont donc du elle elles en encore entre es est et etaient étaient etais étais etait
était etant étant ete été etes êtes etre être eu eux fait faire fais faites fois font ici il ils j je
jusqu jusque l la le les leur leurs lors lorsque lui m ma mais me meme même memes mêmes mes moi mon
n ne ni nos notre nous on ont ou où par parce pas peu peut peuvent plus plusieurs pour pourquoi
pourra pourrez puis qu quand que quel quelle quelles quels qui quoi s sa sans se selon sera serez
serons ses si sien soi soient soit sommes son sont sous soyez suis sur t ta te tes toi ton tous tout
toute toutes tres très tu un une unes uns vers via voici voila voilà vos votre vous y etc cest
zero zéro deux trois quatre cinq six sept huit neuf dix
"""
# When, not what: days, parts of the day and durations are matched by the availability signal
# (weekly slots, one-off dates), so as words they would only count the same thing twice.
_SCHEDULE_WORDS_SOURCE = """
lundi lundis mardi mardis mercredi mercredis jeudi jeudis vendredi vendredis samedi samedis
dimanche dimanches matin matins matinee matinée matinees midi soir soirs soiree soirée soirees
semaine semaines weekend heure heures minute minutes jour jours journee journée mois an ans annee
année
"""

# Ligatures spelled out; typographic punctuation turned into ASCII or a space, because ``fold``
# drops whatever is still not ASCII after removing the accents.
_LIGATURES = str.maketrans(
    {"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss", "’": "'", "ʼ": "'", "…": "..."}
    | dict.fromkeys("«»“”„–—•·", " ")
)
_WORD = re.compile(r"[a-z][a-z0-9]+")
# Punctuation that ends a phrase: no bigram spans it ("Jardinage ; Compostage" is not a phrase).
_SEGMENT = re.compile(r"[.,;:!?()\[\]{}«»\"/|•\n\r\t]+|\s[-–—]\s")
# Surface words in the original text (accents kept), to show a matched word as the mission wrote it.
_SURFACE_WORD = re.compile(r"[^\W\d_][\w]*", re.UNICODE)
# Irregular plurals the suffix rules below would miss.
_PLURALS = {"jeux": "jeu", "lieux": "lieu", "feux": "feu", "voeux": "voeu", "neveux": "neveu", "yeux": "oeil"}


def fold(text: str) -> str:
    """Lower-case ASCII folding: 'Cœur Élan' -> 'coeur elan' (accent stripping + lowercase)."""
    text = text.lower()
    if text.isascii():
        return text
    # NFKD splits 'é' into 'e' + a combining accent; the ASCII encoding then drops the accent.
    return unicodedata.normalize("NFKD", text.translate(_LIGATURES)).encode("ascii", "ignore").decode("ascii")


FRENCH_STOP_WORDS: frozenset[str] = frozenset(
    fold(word) for word in (_STOP_WORDS_SOURCE + _SCHEDULE_WORDS_SOURCE).split()
)


@lru_cache(maxsize=200_000)
def fold_plural(word: str) -> str:
    """Light French plural folding on a folded word: 'ateliers' -> 'atelier', 'animaux' -> 'animal'.

    Deliberately not a stemmer: it only merges singular and plural, which is where most
    mismatches between a profile and a mission come from, and never merges unrelated words.
    """
    if len(word) < 4:
        return word
    if word in _PLURALS:
        return _PLURALS[word]
    if word.endswith("eaux"):
        return word[:-1]
    if word.endswith("aux") and len(word) > 4:
        return word[:-3] + "al"
    if word.endswith("s") and word[-2] not in "siu":
        return word[:-1]
    return word


def tokenize(folded: str) -> list[str]:
    """Words of an already folded text, stop words removed, plurals folded."""
    return [fold_plural(word) for word in _WORD.findall(folded) if word not in FRENCH_STOP_WORDS]


def analyze(text: str) -> list[str]:
    """Features of a raw text: its words and the bigrams of consecutive words within a phrase.

    Used as the vectorizer's analyzer, so the same chain serves fitting, transforming and the fast
    one-text path.
    """
    features: list[str] = []
    for segment in _SEGMENT.split(text):
        words = tokenize(fold(segment))
        features.extend(words)
        features.extend(f"{first} {second}" for first, second in pairwise(words))
    return features


def analyze_words(text: str) -> list[str]:
    """Words of a raw text as the index sees them (fold, stop words, plurals)."""
    return tokenize(fold(text))


@lru_cache(maxsize=65_536)
def skill_key(skill: str) -> str:
    """Comparable form of a skill: 'Gestion de projets' -> 'gestion projet'."""
    return " ".join(analyze_words(skill))


def make_vectorizer(*, min_df: int | float = 1, max_df: int | float = 0.5) -> TfidfVectorizer:
    """The one TF-IDF configuration used by the engine and by the plain baseline."""
    return TfidfVectorizer(
        # Lowercase + accent stripping (also folds œ/æ), French stop words, plural folding, then
        # 1-2-grams that never span punctuation (see ``analyze``).
        analyzer=analyze,
        lowercase=False,
        sublinear_tf=True,
        min_df=min_df,
        max_df=max_df,
        dtype=np.float32,
    )


def default_min_df(n_documents: int) -> int:
    """min_df tuned on the labelled set and the synthetic corpus.

    With a few hundred missions every word counts (min_df=1). From a few thousand on, terms seen
    in a single mission are mostly typos, names and one-off bigrams: dropping them (min_df=2)
    divides the vocabulary by about three at 100k missions with no measurable loss of quality.
    """
    return 1 if n_documents < 2000 else 2


def mission_text(title: str, description: str, skills: Sequence[str], domain: str) -> str:
    """Text of a mission for TF-IDF: the title counts twice (it is the densest summary)."""
    label = DOMAIN_LABELS_FR.get(domain, "")
    return "\n".join((title, title, description, " ; ".join(skills), label))


def candidate_text(about: str, skills: Sequence[str], domains: Sequence[str], titles: Sequence[str]) -> str:
    """Text of a candidate: about me, skills, the labels of chosen domains, titles of missions done."""
    labels = [DOMAIN_LABELS_FR[domain] for domain in domains if domain in DOMAIN_LABELS_FR]
    return "\n".join((about, " ; ".join(skills), " ; ".join(labels), " ; ".join(titles)))


class TextModel:
    """A fitted TF-IDF vectorizer plus a fast path for vectorising one text.

    ``vector(text)`` gives exactly the row ``vectorizer.transform([text])`` would (tested), but
    without scikit-learn's per-call overhead, which matters for a 10 ms latency budget.
    """

    def __init__(self, vectorizer: TfidfVectorizer) -> None:
        # scikit-learn keeps every term cut by min_df/max_df in ``stop_words_``, for introspection
        # only: millions of strings at 100k missions (hundreds of MB), so it is dropped.
        if getattr(vectorizer, "stop_words_", None) is not None:
            vectorizer.stop_words_ = None
        self.vectorizer = vectorizer
        self.vocabulary: dict[str, int] = vectorizer.vocabulary_
        self.idf: np.ndarray = vectorizer.idf_.astype(np.float32)
        # Lemma -> idf for the semantic model's weighted means, counted on the missions of the
        # first build that has the model; kept with the vocabulary so incremental updates and
        # engines built on this model weigh words alike.
        self.lemma_idf: dict[str, float] | None = None
        # The mean mission embedding of that build (96 floats), taken out of every embedding.
        self.semantic_mean: np.ndarray | None = None

    @classmethod
    def fit(
        cls, texts: Iterable[str], *, count: int | None = None, min_df: int | float | None = None
    ) -> tuple[TextModel, sp.csr_matrix]:
        """Fit on mission texts; return the model and the (missions × terms) matrix.

        ``texts`` may be a generator when ``count`` (its length) is given: at 100k missions the
        list of texts alone weighs ~65 MB, and the vectorizer reads them once.
        """
        if count is None:
            texts = list(texts)
            count = len(texts)
        vectorizer = make_vectorizer(min_df=default_min_df(count) if min_df is None else min_df)
        matrix = vectorizer.fit_transform(texts)
        return cls(vectorizer), matrix.tocsr()

    @staticmethod
    def analyze(text: str) -> list[str]:
        """Features (words and bigrams) of a text, before vocabulary lookup."""
        return analyze(text)

    @property
    def n_terms(self) -> int:
        """Size of the fitted vocabulary."""
        return len(self.idf)

    def transform(self, texts: Iterable[str]) -> sp.csr_matrix:
        """Rows for several texts with the fitted vocabulary and idf (no refit)."""
        return self.vectorizer.transform(list(texts)).tocsr()

    def vector(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """Sparse L2-normalised TF-IDF vector of one text as (sorted term indices, weights)."""
        indices, weights, _ = self.vector_with_terms(text)
        return indices, weights

    def vector_with_terms(self, text: str) -> tuple[np.ndarray, np.ndarray, list[str]]:
        """Like ``vector``, plus the feature (word or bigram) of each index, in the same order."""
        vocabulary = self.vocabulary
        counts = Counter(term for term in analyze(text) if term in vocabulary)
        if not counts:
            return np.empty(0, dtype=np.int32), np.empty(0, dtype=np.float32), []
        terms = sorted(counts, key=vocabulary.__getitem__)
        indices = np.fromiter((vocabulary[term] for term in terms), dtype=np.int32, count=len(terms))
        tf = np.fromiter((1.0 + math.log(counts[term]) for term in terms), dtype=np.float64, count=len(terms))
        weights = tf * self.idf[indices]
        weights /= float(np.sqrt(np.dot(weights, weights)))
        return indices, weights.astype(np.float32), terms


def surface_forms(text: str, keys: Iterable[str]) -> dict[str, str]:
    """For analysed terms, the words as written in ``text``, lower-cased.

    'sante' -> 'santé'; a bigram gives the whole span, stop words included:
    'poste secour' -> 'postes de secours'.
    """
    wanted = set(keys)
    found: dict[str, str] = {}
    if not wanted:
        return found
    for segment in _SEGMENT.split(text):
        words = []  # (start, end, key) of the words the analysis keeps
        for match in _SURFACE_WORD.finditer(segment):
            folded = fold(match.group())
            if _WORD.fullmatch(folded) and folded not in FRENCH_STOP_WORDS:
                words.append((match.start(), match.end(), fold_plural(folded)))
        for index, (start, end, key) in enumerate(words):
            if key in wanted and key not in found:
                found[key] = _display(segment[start:end])
            if index + 1 < len(words):
                bigram = f"{key} {words[index + 1][2]}"
                if bigram in wanted and bigram not in found:
                    found[bigram] = _display(segment[start : words[index + 1][1]])
    return found


def _display(span: str) -> str:
    """Words of a span lower-cased for the middle of a sentence, acronyms kept ('PSE1', 'SQL')."""
    return " ".join(word if len(word) > 1 and word.isupper() else word.lower() for word in span.split())
