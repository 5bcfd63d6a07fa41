"""French text analysis and the TF-IDF model of the matching engine (pure: no Flask, no database).

One analysis chain for missions and candidates: lower case, accents and ligatures folded
(``é``→``e``, ``œ``→``oe``), French stop words dropped, a light plural folding (``enfants``→
``enfant``, ``animaux``→``animal``) so singular and plural meet, then 1–2-grams weighted by
TF-IDF with sublinear term frequency and L2-normalised rows. The numbers are those of scikit-learn's
``TfidfVectorizer(sublinear_tf=True)`` (a test compares them), computed here with numpy: a worker
then never imports scikit-learn (about 70 MB of resident memory), and keeps its vocabulary as
sorted 64-bit hashes (12 bytes a term) rather than a dict of strings (~290 bytes a term).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache
from itertools import pairwise

import numpy as np
import scipy.sparse as sp

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


def _hashes(terms: Sequence[str]) -> np.ndarray:
    """64-bit hashes of terms: Python's own string hash, ~10 times faster than a cryptographic one
    (a request hashes every feature of the candidate's text). It is the same for the life of the
    process and in its forked children, which is all the vocabulary needs: it is never saved."""
    return np.fromiter((hash(term) for term in terms), dtype=np.int64, count=len(terms))


class Vocabulary:
    """Term -> column of the fitted vocabulary, held as sorted 64-bit hashes of the terms.

    A dict of 75,000 terms (words and bigrams) weighs ~22 MB at 100,000 missions, and more as the
    corpus grows; the hashes and their columns weigh 12 bytes a term. The terms themselves are not
    kept: a query only ever asks for the column of a term it already has. Two terms with the same
    hash (odds ~n²/2⁶⁵, about 1e-8 at a million terms) would make the second one unknown, and a
    word outside the vocabulary would be taken for a term of it with odds ~n/2⁶⁴ (1e-14).
    """

    __slots__ = ("_columns", "_hashes")

    def __init__(self, terms: Sequence[str]) -> None:
        """Terms in column order."""
        hashes = _hashes(terms)
        order = np.argsort(hashes, kind="stable")
        self._hashes = hashes[order]
        self._columns = order.astype(np.int32)

    def __len__(self) -> int:
        return int(self._hashes.size)

    def __contains__(self, term: object) -> bool:
        return isinstance(term, str) and self.get(term) is not None

    def get(self, term: str) -> int | None:
        """The column of a term, or None when it is not in the vocabulary."""
        column = int(self.columns([term])[0])
        return None if column < 0 else column

    def columns(self, terms: Sequence[str]) -> np.ndarray:
        """The column of each term (int32), -1 for a term outside the vocabulary."""
        if not terms or not self._hashes.size:
            return np.full(len(terms), -1, dtype=np.int32)
        wanted = _hashes(terms)
        found = np.minimum(np.searchsorted(self._hashes, wanted), self._hashes.size - 1)
        return np.where(self._hashes[found] == wanted, self._columns[found], np.int32(-1)).astype(np.int32)

    @property
    def nbytes(self) -> int:
        """Memory held by the tables."""
        return int(self._hashes.nbytes + self._columns.nbytes)


def _count_rows(
    texts: Iterable[str], column_of: Callable[[list[str]], np.ndarray]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Term counts of texts as CSR arrays (counts, columns, indptr), each row sorted by column.

    ``column_of(features)`` gives the column of each distinct feature (negative: left out).
    """
    columns_of_rows: list[np.ndarray] = []
    counts_of_rows: list[np.ndarray] = []
    indptr = [0]
    for text in texts:
        counter = Counter(analyze(text))
        columns = column_of(list(counter))
        counts = np.fromiter(counter.values(), dtype=np.float32, count=len(counter))
        kept = columns >= 0
        columns, counts = columns[kept], counts[kept]
        order = np.argsort(columns, kind="stable")
        columns_of_rows.append(columns[order])
        counts_of_rows.append(counts[order])
        indptr.append(indptr[-1] + int(columns.size))
    counts = np.concatenate(counts_of_rows) if counts_of_rows else np.zeros(0, np.float32)
    columns = np.concatenate(columns_of_rows).astype(np.int32) if columns_of_rows else np.zeros(0, np.int32)
    return counts, columns, np.asarray(indptr, dtype=np.int64)


def _l2_normalised(weights: np.ndarray, indptr: np.ndarray) -> np.ndarray:
    """float32 rows divided by their L2 norm, the sum of squares taken in float64 (as
    scikit-learn's ``normalize`` does); an empty row stays empty."""
    lengths = np.diff(indptr)
    sums = np.zeros(lengths.size, dtype=np.float64)
    nonempty = lengths > 0
    if weights.size:
        sums[nonempty] = np.add.reduceat((weights * weights).astype(np.float64), indptr[:-1][nonempty])
    norms = np.sqrt(sums)
    norms[norms == 0.0] = 1.0
    return (weights / np.repeat(norms, lengths)).astype(np.float32)


class TextModel:
    """The fitted vocabulary and idf, plus a fast path for vectorising one text.

    ``transform`` gives the rows scikit-learn's ``TfidfVectorizer(sublinear_tf=True)`` would give
    (tested); ``vector(text)`` one such row as sorted (indices, weights) without building a sparse
    matrix, which matters for a 10 ms latency budget.
    """

    def __init__(self, vocabulary: Vocabulary, idf: np.ndarray) -> None:
        self.vocabulary = vocabulary
        self.idf: np.ndarray = idf.astype(np.float32, copy=False)
        # Lemma idf for the semantic model's weighted means, counted on the missions of the first
        # build that has the model; kept with the vocabulary so incremental updates and engines
        # built on this model weigh words alike.
        self.lemma_idf: Mapping[str, float] | None = None  # lemmas that have a vector only
        self.unseen_lemma_idf = 1.0  # the weight of a lemma no mission had (the largest idf)
        # The mean mission embedding of that build (96 floats), taken out of every embedding.
        self.semantic_mean: np.ndarray | None = None

    @classmethod
    def fit(
        cls,
        texts: Iterable[str],
        *,
        count: int | None = None,
        min_df: int | float | None = None,
        max_df: int | float = 0.5,
    ) -> tuple[TextModel, sp.csr_matrix]:
        """Fit on mission texts; return the model and the (missions × terms) float32 matrix.

        ``texts`` may be a generator when ``count`` (its length) is given: at 100k missions the
        list of texts alone weighs ~65 MB, and it is read once. As in scikit-learn, terms found in
        fewer than ``min_df`` or more than ``max_df`` documents (a count, or a fraction of the
        documents when a float) are dropped and the columns are the kept terms in alphabetical
        order; idf is smoothed (``ln((1 + n) / (1 + df)) + 1``).
        """
        if count is None:
            texts = list(texts)
            count = len(texts)
        min_df = default_min_df(count) if min_df is None else min_df
        first_seen: dict[str, int] = {}  # every feature met, numbered as met (freed below)

        def number(features: list[str]) -> np.ndarray:
            return np.fromiter(
                (first_seen.setdefault(feature, len(first_seen)) for feature in features),
                dtype=np.int32,
                count=len(features),
            )

        counts, columns, indptr = _count_rows(texts, number)
        if not first_seen:
            raise ValueError("empty vocabulary; perhaps the documents only contain stop words")
        n_docs = indptr.size - 1
        high = max_df if isinstance(max_df, int) else max_df * n_docs
        low = min_df if isinstance(min_df, int) else min_df * n_docs
        if high < low:
            raise ValueError("max_df corresponds to < documents than min_df")
        df = np.bincount(columns, minlength=len(first_seen))
        keep = (df <= high) & (df >= low)
        if not keep.any():
            raise ValueError("After pruning, no terms remain. Try a lower min_df or a higher max_df.")
        kept = sorted((term, column) for term, column in first_seen.items() if keep[column])
        first_seen.clear()
        renumber = np.full(keep.size, -1, dtype=np.int32)  # order met -> alphabetical column
        renumber[np.fromiter((column for _, column in kept), np.int64, len(kept))] = np.arange(len(kept))
        vocabulary = Vocabulary([term for term, _ in kept])
        del kept
        kept_df = np.zeros(len(vocabulary), dtype=np.float32)
        kept_df[renumber[keep]] = df[keep]
        # scikit-learn's TfidfTransformer in float32: n+1 / (df+1), log, + 1.
        idf = np.full(kept_df.size, n_docs + 1, dtype=np.float32)
        idf /= kept_df + np.float32(1.0)
        np.log(idf, out=idf)
        idf += np.float32(1.0)
        model = cls(vocabulary, idf)
        return model, model._rows_of_counts(counts, renumber[columns], indptr)

    def _rows_of_counts(self, counts: np.ndarray, columns: np.ndarray, indptr: np.ndarray) -> sp.csr_matrix:
        """TF-IDF rows from term counts (entries whose column is negative are dropped)."""
        kept = columns >= 0
        if not kept.all():
            indptr = np.concatenate(([0], np.cumsum(kept, dtype=np.int64)))[indptr]
            counts, columns = counts[kept], columns[kept]
        weights = np.log(counts)  # sublinear tf: 1 + ln(count), then × idf, in float32
        weights += np.float32(1.0)
        weights *= self.idf[columns]
        matrix = sp.csr_matrix(
            (_l2_normalised(weights, indptr), columns, indptr), shape=(indptr.size - 1, self.n_terms)
        )
        matrix.sort_indices()
        return matrix

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
        counts, columns, indptr = _count_rows(texts, self.vocabulary.columns)
        return self._rows_of_counts(counts, columns, indptr)

    def vector(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """Sparse L2-normalised TF-IDF vector of one text as (sorted term indices, weights)."""
        indices, weights, _ = self.vector_with_terms(text)
        return indices, weights

    def vector_with_terms(self, text: str) -> tuple[np.ndarray, np.ndarray, list[str]]:
        """Like ``vector``, plus the feature (word or bigram) of each index, in the same order."""
        counts = Counter(analyze(text))
        features = list(counts)
        columns = self.vocabulary.columns(features)
        known = np.flatnonzero(columns >= 0)
        if not known.size:
            return np.empty(0, dtype=np.int32), np.empty(0, dtype=np.float32), []
        known = known[np.argsort(columns[known], kind="stable")]
        indices = columns[known]
        terms = [features[position] for position in known.tolist()]
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
