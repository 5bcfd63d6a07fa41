"""Near-duplicate missions kept apart in the first results (pure).

Two missions are near-duplicates when their titles and descriptions share most of their word
3-grams (shingles): the Jaccard index of the two shingle sets is at least ``NEAR_DUPLICATE``.
The index is estimated with a MinHash signature of ``SIGNATURE_SIZE`` values per mission, computed
once when the mission is indexed (16 bits each: 64 bytes per mission, 6 MB at 100,000), so a
request compares a few signatures instead of re-reading texts.

Why 0.5: one template filled with another association's name and town (the demo's six « Mise à
jour du site internet ») shares 70–95 % of its shingles; two missions written separately on the
same theme (two food banks' sorting shifts) share under 10 % — a 3-gram of content words is
rarely repeated by chance. Halfway leaves room for the estimate's error (± 0.09 at 32 values).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp

from marketplace.matching.text import analyze

SIGNATURE_SIZE = 32
NEAR_DUPLICATE = 0.5
TOP = 5  # no near-duplicates among the first TOP results unless nothing else fits
_PRIME = (1 << 31) - 1
_rng = np.random.default_rng(20270115)
_A = _rng.integers(1, _PRIME, SIGNATURE_SIZE, dtype=np.uint64)
_B = _rng.integers(0, _PRIME, SIGNATURE_SIZE, dtype=np.uint64)


def shingles(text: str) -> set[str]:
    """The terms of a text as the engine's analyzer reads them: words and two-word phrases."""
    return set(analyze(text))


def jaccard(left: str, right: str) -> float:
    """Exact Jaccard index of two texts' shingle sets (tests and the offline check)."""
    a, b = shingles(left), shingles(right)
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def signatures(texts: Sequence[str]) -> np.ndarray:
    """MinHash signatures of raw texts' shingles, shape (len(texts), SIGNATURE_SIZE), uint16.

    Shingles are hashed with Python's ``hash``: signatures are only compared within the process
    that computed them (an engine built before a fork is shared with its copy-on-write children).
    """
    keys = [np.asarray([hash(s) & 0x7FFFFFFF for s in shingles(text)], dtype=np.int64) for text in texts]
    lengths = np.asarray([k.size for k in keys], dtype=np.int64)
    flat = np.concatenate(keys) if keys else np.zeros(0, dtype=np.int64)
    return minhash(flat, np.concatenate(([0], np.cumsum(lengths))))


def signatures_of_rows(matrix: sp.csr_matrix) -> np.ndarray:
    """MinHash signatures of the term sets of a missions × terms matrix (rows of TF-IDF).

    The engine's 1-2-gram terms of the title and text stand for the shingles: computed in numpy
    over the matrix the build already has, about a second for 100,000 missions.
    """
    return minhash(matrix.indices.astype(np.int64), matrix.indptr.astype(np.int64))


def minhash(keys: np.ndarray, indptr: np.ndarray) -> np.ndarray:
    """Signatures of the sets ``keys[indptr[i]:indptr[i+1]]`` (non-negative ints below 2^31)."""
    n = indptr.size - 1
    result = np.full((n, SIGNATURE_SIZE), 0xFFFF, dtype=np.uint16)
    sizes = np.diff(indptr)
    filled = np.flatnonzero(sizes > 0)
    if keys.size == 0:
        return result
    mins = np.empty((SIGNATURE_SIZE, filled.size), dtype=np.uint64)
    x = keys.astype(np.uint64)
    for i in range(SIGNATURE_SIZE):  # one hash function at a time: memory stays the size of keys
        mixed = (_A[i] * x + _B[i]) % np.uint64(_PRIME)
        mins[i] = np.minimum.reduceat(mixed, indptr[filled])
    result[filled] = (mins.T & np.uint64(0xFFFF)).astype(np.uint16)
    return result


def similarity(left: np.ndarray, right: np.ndarray) -> float:
    """Estimated Jaccard index of two signatures (share of equal values)."""
    return float(np.count_nonzero(left == right)) / SIGNATURE_SIZE


def diversify(order: Sequence[int], signature_of: np.ndarray, *, top: int = TOP) -> list[int]:
    """``order`` (positions, best first) with near-duplicates of a better one moved after ``top``.

    ``signature_of[i]`` is the signature of ``order``'s position ``i``... indexed by the values of
    ``order``. Greedy: each of the first ``top`` places takes the best result that is not a
    near-duplicate of one already placed; the results passed over keep their order right after,
    and fill the first places only when nothing else is left.
    """
    chosen: list[int] = []
    deferred: list[int] = []
    remaining = list(order)
    while remaining and len(chosen) < top:
        item = remaining.pop(0)
        signature = signature_of[item]
        if any(similarity(signature, signature_of[other]) >= NEAR_DUPLICATE for other in chosen):
            deferred.append(item)
        else:
            chosen.append(item)
    return chosen + deferred + remaining
