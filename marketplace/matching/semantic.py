"""French lemmas and word-vector similarity, read from the file that ``make semantic`` exports.

Pure (no Flask, no spaCy): ``SemanticModel.load()`` reads ``reference/data/semantic-fr.npz``
(built by ``marketplace.reference.build_semantic`` from spaCy's ``fr_core_news_md``) and gives

- ``tokens(text)``: lower-cased lemmas, stop words dropped ("Infirmières" -> "infirmier");
- ``embed(texts, idf=None)``: one L2-normalised float32 row per text, the IDF-weighted mean of
  its words' vectors (a zero row when no word is known);
- ``similarity(a, b)``: the cosine of two texts.

Memory: the tables are held as a few compact dicts and one small float32 matrix (tens of MB,
see the README); the file is read once per process, so load it before the workers fork.
"""

from __future__ import annotations

import json
import logging
import re
import zipfile
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix

logger = logging.getLogger(__name__)

DEFAULT_PATH = Path(__file__).resolve().parents[1] / "reference" / "data" / "semantic-fr.npz"
# Words: letters (accents kept) with inner hyphens or apostrophes; digits and symbols split them.
WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")
# Elided articles and pronouns that French glues to the next word: "l'association", "qu'il".
ELISIONS = frozenset({"l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"})


def _split_blob(array: np.ndarray) -> list[str]:
    """The newline-joined UTF-8 strings that the build stored as one uint8 array."""
    text = array.tobytes().decode("utf-8")
    return text.split("\n") if text else []


class SemanticModel:
    """Lemmatiser and word vectors for French texts (see the module docstring)."""

    def __init__(
        self,
        lemma_of: dict[str, str],
        stop_words: frozenset[str],
        word_index: dict[str, int],  # lemma -> its row in `vectors` (rare words share rows)
        vectors: np.ndarray,
        meta: Mapping[str, object] | None = None,
    ) -> None:
        self._lemma_of = lemma_of
        self._stop_words = stop_words
        self._word_index = word_index
        self.vectors = vectors
        self.meta = dict(meta or {})

    @property
    def dim(self) -> int:
        """Width of the vectors."""
        return int(self.vectors.shape[1])

    @classmethod
    def load(cls, path: str | Path | None = None) -> SemanticModel | None:
        """The model in `path` (default: the generated reference file), or None when it is missing."""
        path = Path(path) if path is not None else DEFAULT_PATH
        if not path.exists():
            logger.warning("Semantic model %s is missing (run `make semantic`): no semantic signal.", path)
            return None
        return _load_file(path.resolve())

    # --- words ---------------------------------------------------------------------------------
    def lemma(self, form: str) -> str:
        """Lemma of one lower-cased word; unknown plurals fall back to their singular when known."""
        lemma = self._lemma_of.get(form)
        if lemma is not None:
            return lemma
        if form in self._word_index or form in self._stop_words:
            return form
        if len(form) > 3 and form[-1] in "sx":
            singular = form[:-1]
            if singular in self._lemma_of or singular in self._word_index:
                return self._lemma_of.get(singular, singular)
        return form

    def _is_known(self, form: str) -> bool:
        return form in self._lemma_of or form in self._word_index or form in self._stop_words

    def _word_lemmas(self, word: str) -> list[str]:
        """Lemmas of one written word: elision removed, unknown compounds split at their hyphens."""
        head, apostrophe, rest = word.partition("'")
        if apostrophe and head in ELISIONS and rest:
            word = rest
        parts = word.split("-") if "-" in word and not self._is_known(word) else [word]
        # A stop word is dropped by its written form ("doit") as well as by its lemma ("le").
        return [self.lemma(part) for part in parts if part and part not in self._stop_words]

    def tokens(self, text: str) -> list[str]:
        """Normalised lemmas of `text`, in order, stop words and one-letter words dropped."""
        lowered = text.lower().replace("’", "'")
        lemmas = []
        for match in WORD.finditer(lowered):
            for lemma in self._word_lemmas(match.group()):
                if len(lemma) > 1 and lemma not in self._stop_words:
                    lemmas.append(lemma)
        return lemmas

    # --- vectors -------------------------------------------------------------------------------
    def has_vector(self, lemma: str) -> bool:
        """Whether a lemma has a word vector (only those count in ``embed``)."""
        return lemma in self._word_index

    def embed(
        self,
        texts: Sequence[str],
        idf: Mapping[str, float] | None = None,
        *,
        default_weight: float | None = None,
    ) -> np.ndarray:
        """(len(texts), dim) float32, each row the L2-normalised IDF-weighted mean of word vectors.

        `idf` maps lemmas to weights (e.g. the TF-IDF model's); a lemma it lacks weighs
        `default_weight`, by default as much as its rarest word. Without `idf` every word weighs 1.
        A text with no known word gets zeros.
        """
        return self.embed_tokens([self.tokens(text) for text in texts], idf, default_weight=default_weight)

    def embed_tokens(
        self,
        token_lists: Sequence[Sequence[str]],
        idf: Mapping[str, float] | None = None,
        *,
        default_weight: float | None = None,
    ) -> np.ndarray:
        """``embed`` of texts already split by ``tokens`` (a build reuses one split for several uses)."""
        if default_weight is None:
            default_weight = max(idf.values(), default=1.0) if idf else 1.0
        rows: list[int] = []
        columns: list[int] = []
        weights: list[float] = []
        for row, lemmas in enumerate(token_lists):
            for lemma in lemmas:
                column = self._word_index.get(lemma)
                if column is None:
                    continue
                rows.append(row)
                columns.append(column)
                weights.append(idf.get(lemma, default_weight) if idf is not None else 1.0)
        counts = csr_matrix(
            (np.asarray(weights, dtype=np.float32), (rows, columns)),
            shape=(len(token_lists), self.vectors.shape[0]),
        )
        summed = np.asarray(counts @ self.vectors, dtype=np.float32)
        norms = np.linalg.norm(summed, axis=1, keepdims=True)
        np.divide(summed, norms, out=summed, where=norms > 0)
        return summed

    def similarity(self, a: str, b: str, idf: Mapping[str, float] | None = None) -> float:
        """Cosine similarity of two texts' embeddings (0.0 when either has no known word)."""
        first, second = self.embed([a, b], idf)
        return float(first @ second)


@lru_cache(maxsize=2)
def _load_file(path: Path) -> SemanticModel:
    """Read the exported tables once per path and process."""
    with zipfile.ZipFile(path) as archive:
        arrays = {
            name.removesuffix(".npy"): np.lib.format.read_array(archive.open(name), allow_pickle=False)
            for name in archive.namelist()
        }
    forms = _split_blob(arrays["forms"])
    lemmas = _split_blob(arrays["form_lemmas"])
    # Lemma strings repeat across forms: share one object per lemma.
    interned: dict[str, str] = {}
    lemma_of = {form: interned.setdefault(lemma, lemma) for form, lemma in zip(forms, lemmas, strict=True)}
    words = _split_blob(arrays["words"])
    model = SemanticModel(
        lemma_of=lemma_of,
        stop_words=frozenset(_split_blob(arrays["stop_words"])),
        word_index=dict(zip(words, arrays["word_rows"].tolist(), strict=True)),
        vectors=arrays["vectors"].astype(np.float32),
        meta=json.loads(_split_blob(arrays["meta"])[0]),
    )
    logger.info("Semantic model %s loaded: %d words, %d dimensions.", path.name, len(words), model.dim)
    return model
