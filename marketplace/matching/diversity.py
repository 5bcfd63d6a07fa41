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

from marketplace.matching.text import fold, tokenize

SIGNATURE_SIZE = 32
NEAR_DUPLICATE = 0.5
SHINGLE = 2
TOP = 5  # no near-duplicates among the first TOP results unless nothing else fits
_PRIME = (1 << 31) - 1
_rng = np.random.default_rng(20270115)
_A = _rng.integers(1, _PRIME, SIGNATURE_SIZE, dtype=np.uint64)[:, None]
_B = _rng.integers(0, _PRIME, SIGNATURE_SIZE, dtype=np.uint64)[:, None]
_BATCH_SHINGLES = 200_000


def shingles(text: str) -> set[str]:
    """Word 3-grams of a text as the index reads it (folded, stop words out); short texts: words."""
    words = tokenize(fold(text))
    if len(words) < SHINGLE:
        return set(words)
    return {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def jaccard(left: str, right: str) -> float:
    """Exact Jaccard index of two texts' shingle sets (tests and the offline check)."""
    a, b = shingles(left), shingles(right)
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def signatures(texts: Sequence[str]) -> np.ndarray:
    """MinHash signatures, shape (len(texts), SIGNATURE_SIZE), uint16.

    Shingles are hashed with Python's ``hash``: signatures are only compared within the process
    that computed them (an engine built before a fork is shared with its copy-on-write children).
    """
    result = np.full((len(texts), SIGNATURE_SIZE), 0xFFFF, dtype=np.uint16)
    start = 0
    while start < len(texts):
        hashes: list[int] = []
        bounds = [0]
        end = start
        while end < len(texts) and (end == start or len(hashes) < _BATCH_SHINGLES):
            hashes.extend(hash(s) & 0xFFFFFFFF for s in shingles(texts[end]))
            bounds.append(len(hashes))
            end += 1
        if hashes:
            x = np.asarray(hashes, dtype=np.uint64)[None, :]
            mixed = (_A * x + _B) % np.uint64(_PRIME)
            offsets = np.asarray(bounds[:-1])
            sizes = np.diff(bounds)
            filled = sizes > 0
            mins = np.minimum.reduceat(mixed, np.minimum(offsets, len(hashes) - 1), axis=1)
            result[start:end][filled] = (mins[:, filled].T & 0xFFFF).astype(np.uint16)
        start = end
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
