"""Export what the run-time semantic signal needs from spaCy's French model (``make semantic``).

    python -m marketplace.reference.build_semantic [--out PATH] [--dim 96]

Build time only: this module imports spaCy and ``fr_core_news_md`` (requirements-nlp.txt); the
running app reads the exported file through ``marketplace.matching.semantic`` and never imports
spaCy. The file holds:

- a lemma table (word form -> lemma, lower-cased, accents kept) for the forms of the model's
  vocabulary that its lemmatizer lookups know, so "infirmières" and "infirmière" give "infirmier";
- the stop words (spaCy's French list, plus their lemmas);
- word vectors for useful lemmas only (no stop words, numbers or very rare tokens), reduced by a
  PCA fitted here (deterministic full SVD) and L2-normalised, stored float16.

The output is byte-for-byte deterministic: sorted tables, fixed zip timestamps, no compression
(the file loads in one read and its arrays need no inflating).
"""

from __future__ import annotations

import argparse
import io
import json
import logging
import re
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np

logger = logging.getLogger(__name__)

DEFAULT_PATH = Path(__file__).resolve().parent / "data" / "semantic-fr.npz"
MODEL_NAME = "fr_core_news_md"
# Chosen from benchmarks/bench_semantic.py (see the README): the triples score as well as at 300.
DEFAULT_DIM = 96
FORMAT_VERSION = 1
# Word keys beyond this frequency rank have no vector of their own in the model (spaCy pruned
# them to the nearest of its 20,000 kept vectors); past 200,000 they are mostly typos and names.
MAX_KEY_RANK = 200_000
# Letters (accents kept) with inner hyphens or apostrophes: "semi-remorque", "aujourd'hui".
WORD_PATTERN = re.compile(r"^[^\W\d_]+(?:[-'’][^\W\d_]+)*$")
# Nouns and adjectives come first: out of context, "ressources" is more often the noun than the
# verb "ressourcer", which is what the bare lookup table says.
NOMINAL_POS = ("noun", "adj")
PARTICIPLE = re.compile(r"^(.+)ée?s?$")


@dataclass(frozen=True)
class SemanticTables:
    """Everything the run time reads, as plain Python and numpy values."""

    lemma_of: dict[str, str]  # only forms whose lemma differs from the form
    stop_words: list[str]
    words: list[str]  # sorted lemmas that have a vector
    word_rows: np.ndarray  # (len(words),) uint16: each word's row in `vectors`
    vectors: np.ndarray  # (distinct vectors, dim) float16, rows L2-normalised
    ranks: np.ndarray  # (len(words),) int32: frequency rank of the word in the model
    meta: dict[str, object]


def is_word(text: str) -> bool:
    """True for a plain word (letters, inner hyphen or apostrophe), at least two letters long."""
    return len(text) >= 2 and bool(WORD_PATTERN.match(text))


def load_model():  # pragma: no cover - exercised by `make semantic`
    """The spaCy pipeline, without the components that lemmas and vectors do not need."""
    import spacy

    return spacy.load(MODEL_NAME, exclude=["parser", "ner", "tok2vec", "morphologizer", "senter"])


class ContextFreeLemmatizer:
    """Lemma of a lone word form from spaCy's French tables (index, exceptions, rules, lookup)."""

    def __init__(self, lookups) -> None:
        # spaCy's tables hold lists; sets and plain dicts make the million look-ups cheap.
        index = lookups.get_table("lemma_index")
        exceptions = lookups.get_table("lemma_exc")
        rules = lookups.get_table("lemma_rules")
        self.index = {pos: set(index.get(pos, [])) for pos in (*NOMINAL_POS, "verb")}
        self.exceptions = {pos: dict(exceptions.get(pos, {})) for pos in NOMINAL_POS}
        self.rules = {
            pos: [(old, new) for old, new in rules.get(pos, []) if old != new] for pos in NOMINAL_POS
        }
        self.lookup = lookups.get_table("lemma_lookup")

    def _looked_up(self, form: str) -> str | None:
        value = self.lookup.get(form)
        if value is None:
            return None
        return value if isinstance(value, str) else value[0]

    def _nominal_base(self, form: str) -> str | None:
        """The noun or adjective this form is, or is a plural of (index + spaCy's rules)."""
        for pos in NOMINAL_POS:
            index = self.index[pos]
            if form in index:
                return form
            exception = self.exceptions[pos].get(form)
            if exception:
                return exception[0]
            for old, new in self.rules[pos]:
                if form.endswith(old):
                    base = form[: len(form) - len(old)] + new
                    if base and base in index:
                        return base
        return None

    def _noun_first(self, form: str) -> str | None:
        """The lookup's lemma, but a noun stays a noun: "collecte", "randonnée", "réfugié"."""
        if any(form in self.index[pos] for pos in NOMINAL_POS):
            return form
        looked_up = self._looked_up(form)
        if looked_up == form + "r":
            return form
        participle = PARTICIPLE.match(form)
        if participle and looked_up == participle.group(1) + "er":
            # Past participles mostly name people and things in missions ("réfugiés", "personnes
            # handicapées", "jardin partagé", "randonnée"): their masculine singular, not the verb.
            return participle.group(1) + "é"
        return looked_up

    def _is_known(self, form: str) -> bool:
        return form in self.lookup or any(form in self.index[pos] for pos in NOMINAL_POS)

    def lemma(self, form: str) -> str:
        """The lemma of a lower-cased form; the form itself when nothing is known."""
        looked_up = self._looked_up(form)
        singular = form[:-1]
        if len(form) > 3 and form.endswith("s"):
            # Out of context "ressources" and "aides" are far more often plural nouns than the
            # verbs "ressourcer" and "aider" that the bare lookup gives; "fois" stays "fois".
            verb_of_noun = looked_up == singular + "r"
            if verb_of_noun or (looked_up is None and self._is_known(singular)):
                return self._noun_first(singular) or singular
        return self._noun_first(form) or self._nominal_base(form) or form


def candidate_forms(vocab_strings: Iterable[str], vector_keys: Iterable[str]) -> set[str]:
    """Lower-cased plain words from the model's strings and vector keys."""
    forms: set[str] = set()
    for text in (*vocab_strings, *vector_keys):
        lowered = text.lower().replace("’", "'")
        if is_word(lowered):
            forms.add(lowered)
    return forms


def lemma_table(forms: Iterable[str], lemmatizer: ContextFreeLemmatizer) -> dict[str, str]:
    """Form -> lemma for the forms whose lemma differs (the others need no entry)."""
    table = {}
    for form in forms:
        lemma = lemmatizer.lemma(form).lower()
        if lemma != form and is_word(lemma):
            table[form] = lemma
    return table


# Words of spaCy's French stop list that say something about a mission or a person: "personnes
# âgées", "aide aux devoirs", "premiers secours", "proches aidants", "parler anglais".
CONTENT_WORDS = frozenset(
    {
        "personne",
        "devoir",
        "premier",
        "première",
        "proche",
        "parler",
        "parle",
        "retour",
        "nouveau",
        "ouvert",
        "ouverte",
        "ouverts",
        "juste",
        "gens",
        "suivre",
        "dire",
        "rendre",
        "tenir",
        "laisser",
    }
)


def stop_word_set(spacy_stop_words: Iterable[str], lemma_of: Mapping[str, str]) -> set[str]:
    """spaCy's French stop words (apostrophes made plain) and their lemmas, less content words."""
    stops = {word.lower().replace("’", "'").rstrip("'") for word in spacy_stop_words}
    stops |= {lemma_of[word] for word in list(stops) if word in lemma_of}
    # Auxiliaries and their lemmas: every text has them and they say nothing of a mission.
    stops |= {"être", "avoir", "un", "le"}
    return {word for word in stops if word and word not in CONTENT_WORDS}


def vector_rows_for_lemmas(
    keys_in_rank_order: list[str],
    key_rows: list[int],
    lemma_of: Mapping[str, str],
    stop_words: set[str],
) -> dict[str, tuple[int, int]]:
    """Lemma -> (model row, rank): the lemma's own vector, else that of its most frequent form."""
    own_row: dict[str, int] = {}  # the lemma written as such is a key
    form_row: dict[str, int] = {}  # its most frequent form
    best_rank: dict[str, int] = {}
    for rank, (key, row) in enumerate(zip(keys_in_rank_order, key_rows, strict=True)):
        if rank >= MAX_KEY_RANK:
            break
        form = key.lower().replace("’", "'")
        if not is_word(form) or form in stop_words:
            continue
        lemma = lemma_of.get(form, form)
        if lemma in stop_words or not is_word(lemma):
            continue
        best_rank.setdefault(lemma, rank)
        form_row.setdefault(lemma, row)
        if form == lemma:
            own_row.setdefault(lemma, row)
    return {lemma: (own_row.get(lemma, form_row[lemma]), best_rank[lemma]) for lemma in best_rank}


def reduce_dimension(matrix: np.ndarray, dim: int, seed: int = 0) -> tuple[np.ndarray, float]:
    """Centre, project on the first `dim` principal axes, L2-normalise; and the variance kept."""
    from sklearn.decomposition import PCA

    data = matrix.astype(np.float64)
    dim = min(dim, data.shape[1])
    pca = PCA(n_components=dim, svd_solver="full", random_state=seed)
    reduced = pca.fit_transform(data)
    norms = np.linalg.norm(reduced, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (reduced / norms).astype(np.float32), float(pca.explained_variance_ratio_.sum())


def build_tables(nlp, dim: int = DEFAULT_DIM) -> SemanticTables:
    """Derive every run-time table from a loaded spaCy pipeline."""
    strings = nlp.vocab.strings
    vectors = nlp.vocab.vectors
    key_ids = list(vectors.keys())  # frequency order, most frequent first
    keys = [strings[key] for key in key_ids]
    lemmatizer = ContextFreeLemmatizer(nlp.get_pipe("lemmatizer").lookups)
    rows = [int(vectors.key2row[key]) for key in key_ids]

    lemma_of = lemma_table(candidate_forms(strings, keys), lemmatizer)
    stops = stop_word_set(nlp.Defaults.stop_words, lemma_of)
    chosen = vector_rows_for_lemmas(keys, rows, lemma_of, stops)
    words = sorted(chosen)
    model_rows = np.array([chosen[word][0] for word in words], dtype=np.int64)
    ranks = np.array([chosen[word][1] for word in words], dtype=np.int32)

    # Rare words share the vector of a frequent neighbour in the model: store each vector once.
    distinct_rows, inverse = np.unique(model_rows, return_inverse=True)
    assert len(distinct_rows) <= np.iinfo(np.uint16).max, "row numbers are stored as uint16"
    reduced, variance = reduce_dimension(np.asarray(vectors.data)[distinct_rows], dim)
    meta = {
        "format": FORMAT_VERSION,
        "model": f"{MODEL_NAME}-{nlp.meta.get('version', '?')}",
        "license": nlp.meta.get("license", "?"),
        "dim": int(reduced.shape[1]),
        "explained_variance": round(variance, 4),
        "words": len(words),
        "vectors": int(reduced.shape[0]),
        "forms": len(lemma_of),
        "stop_words": len(stops),
    }
    return SemanticTables(
        lemma_of=lemma_of,
        stop_words=sorted(stops),
        words=words,
        word_rows=inverse.astype(np.uint16),
        vectors=reduced.astype(np.float16),
        ranks=ranks,
        meta=meta,
    )


def text_blob(items: Iterable[str]) -> np.ndarray:
    """Newline-joined UTF-8 text as a uint8 array (compact; split once at load)."""
    return np.frombuffer("\n".join(items).encode("utf-8"), dtype=np.uint8)


def table_arrays(tables: SemanticTables) -> dict[str, np.ndarray]:
    """The named arrays of the exported file."""
    forms = sorted(tables.lemma_of)
    return {
        "meta": text_blob([json.dumps(tables.meta, sort_keys=True)]),
        "forms": text_blob(forms),
        "form_lemmas": text_blob(tables.lemma_of[form] for form in forms),
        "stop_words": text_blob(tables.stop_words),
        "words": text_blob(tables.words),
        "ranks": tables.ranks,
        "word_rows": tables.word_rows,
        "vectors": tables.vectors,
    }


def write_npz(path: Path, arrays: Mapping[str, np.ndarray]) -> None:
    """An uncompressed .npz with fixed entry dates, so the same input gives the same bytes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_STORED) as archive:
        for name in sorted(arrays):
            buffer = io.BytesIO()
            np.lib.format.write_array(buffer, np.ascontiguousarray(arrays[name]), allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            archive.writestr(info, buffer.getvalue())
    temporary.replace(path)


def main(argv: list[str] | None = None) -> int:  # pragma: no cover - run by `make semantic`
    """Build the file and print what it holds."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--dim", type=int, default=DEFAULT_DIM)
    args = parser.parse_args(argv)
    tables = build_tables(load_model(), dim=args.dim)
    write_npz(args.out, table_arrays(tables))
    size_mb = args.out.stat().st_size / 1e6
    print(f"{args.out}: {size_mb:.1f} MB, {json.dumps(tables.meta, sort_keys=True)}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
