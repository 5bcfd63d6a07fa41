"""The matching engine: TF-IDF text similarity, hard filters and a documented score blend (pure).

Layout, chosen for a 10 ms top-20 at 100,000 missions (measured: p95 under 5 ms, see
benchmarks/bench_matching.py):

- one ROW per indexed mission version, with its facts encoded in numpy columns (open, last day,
  ages, coordinates, domain, kind, weekly-slot bitmask, association...). Filters are boolean
  operations on those columns; the blend is float32 arithmetic on whole columns, on the rows that
  pass the filters when they are few (a located candidate), on every row when most pass (no
  location): copying most rows out would cost more than scoring the few extra ones;
- the TF-IDF matrix is kept TRANSPOSED, as CSR terms × missions (``_TermIndex``): a candidate's
  text similarity to every mission is the sum of the rows of the candidate's own terms (cost
  proportional to those terms' postings), never a full ``X @ q`` scan;
- incremental updates (``upsert``/``remove``) keep the fitted vocabulary and idf: new mission
  versions are transformed with the existing vectorizer and appended to a small transposed
  "delta" matrix; replaced or removed rows are tombstoned. When the delta or the tombstones grow,
  they are folded into the main matrix (``compact``, linear in its size, no refit). A periodic
  full rebuild (``MatchingEngine.fit`` on every mission, built aside and swapped in) refreshes the
  vocabulary and the idf.

Every public method takes an internal lock, so one engine can serve several threads.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import math
import threading
from collections.abc import Collection, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

import numpy as np
import scipy.sparse as sp

from marketplace.matching import reasons as R
from marketplace.matching.pathway import NextStep, Stage, leadership_open, next_step, stage_of
from marketplace.matching.text import (
    TextModel,
    analyze_words,
    candidate_text,
    mission_text,
    skill_key,
    surface_forms,
)
from marketplace.matching.types import CandidateFacts, CandidateMatch, MissionFacts, Reason, Recommendation
from marketplace.matching.vocabulary import (
    DAY_PARTS,
    DAYS,
    DOMAIN_LABELS_FR,
    DOMAINS,
    KINDS,
    MINIMUM_AGE,
    age_range_bounds,
    mask_slots,
    slot_bit,
    slots_mask,
)

EARTH_RADIUS_KM = 6371.0088
KM_PER_DEGREE = 111.2
NO_END = np.iinfo(np.int32).max  # last day of a mission without an end
NO_MAX_AGE = 1000
_KIND_CODE = {kind: code for code, kind in enumerate(KINDS)}
_DOMAIN_CODE = {domain: code for code, domain in enumerate(DOMAINS)}
_UNKNOWN_DOMAIN = len(DOMAINS)  # code of a domain outside the vocabulary (never matches)
PONCTUAL, SUPPORT, LEADERSHIP = (_KIND_CODE[k] for k in ("ponctual", "support", "leadership"))
# Words of each domain label: the domain reason already says them, the text reason should not.
_DOMAIN_WORDS = {slug: frozenset(analyze_words(label)) for slug, label in DOMAIN_LABELS_FR.items()}


@dataclass(frozen=True)
class Weights:
    """Every number of the score in one place. A recommendation's score is in [0, 1].

    score = text·T + domain·D + skills·S + availability·A + distance·G + kind·K + pathway·P,
    then multiplied by ``unavailable_factor`` when the candidate gave weekly slots and none fits
    the mission, and by ``missing_skill_factor`` for a skills-based (support) mission none of
    whose skills the candidate has. Each signal is in [0, 1]; ``neutral`` stands for "cannot
    tell" (a mission without slots, a candidate without location) so unknown ranks between good
    and bad. The values are round on purpose: set by reasoning, then checked on the labelled
    personas (tests/unit/matching_personas.py), where the ranking is flat around them (a small
    grid over pathway_first, text_saturation, missing_skill_factor and unavailable_factor moved
    precision@5 by at most ±0.02). Two changes the labelled set did support are noted below.
    """

    # Blend (sums to 1).
    text: float = 0.30
    """TF-IDF cosine between the profile text and the mission text: what people say they want is
    the richest signal, but words alone over-rank missions they cannot do."""
    domain: float = 0.12
    """Mission in one of the candidate's chosen domains: an explicit choice, so a strong signal."""
    skills: float = 0.10
    """Share of the mission's wanted skills the candidate declared (full with two matches)."""
    availability: float = 0.14
    """Weekly slot overlap (recurring) or the one-off date's weekday and time of day."""
    distance: float = 0.10
    """Exponential decay with distance: nearby missions are the ones people actually keep."""
    kind: float = 0.06
    """Mission kind among the kinds the candidate asked for (one-off, support, responsibility)."""
    pathway: float = 0.18
    """Favours the next pathway step (see pathway.py), and associations already helped."""

    # Shaping of the signals.
    text_saturation: float = 0.35
    """Cosine at which text similarity counts in full (1-2-gram cosines rarely exceed 0.5)."""
    neutral: float = 0.5
    """Value of a signal we cannot compute for this pair."""
    flexible_availability: float = 0.8
    """Availability of a candidate who said their hours are flexible."""
    unavailable_factor: float = 0.55
    """Multiplier when the candidate's slots miss the mission entirely: they could not go."""
    missing_skill_factor: float = 0.7
    """Multiplier for a support mission none of whose listed skills the candidate declared:
    support missions are defined by the skills they need (without it, an interpreter was offered
    accounting missions for matching her domain and hours)."""
    distance_scale: float = 0.5
    """Decay length as a fraction of the candidate's radius (e^-1 at half the radius)."""
    min_distance_scale_km: float = 2.0
    """Floor of the decay length, so a 3 km radius does not punish 2 km too hard."""
    remote_distance: float = 0.8
    """Distance signal of a remote mission for a candidate who accepts remote work."""

    # Pathway signal (then weighted by ``pathway``).
    pathway_step: float = 0.7
    """Mission matching the next step (recurring after one-offs, support after regular...)."""
    pathway_known: float = 0.3
    """Added when the mission's association is one the candidate already helped."""
    pathway_first: float = 0.3
    """One-off mission for someone with no history yet: a gentle nudge, smaller than a good fit
    (at 0.5 any one-off outranked the recurring mission that matched what the person wrote)."""

    # Reasons.
    reason_min_contribution: float = 0.02
    """A signal must add at least this much to the score to be given as a reason."""
    minors_reason_priority: float = 0.05
    """'Ouverte dès 16 ans' ranks like a signal worth this much for a 16-17 candidate."""

    # "Missions similaires" blend (sums to 1).
    similar_text: float = 0.55
    similar_domain: float = 0.15
    similar_skills: float = 0.10
    similar_association: float = 0.08
    similar_distance: float = 0.12
    similar_distance_km: float = 10.0
    """Decay length of the distance between two missions."""
    similar_min_score: float = 0.15
    """Below this (less than a shared domain alone) a mission is not "similar", just another one."""


# --- per-row columns --------------------------------------------------------------------------

_COLUMN_TYPES: dict[str, type] = {
    "id": np.int64,
    "alive": np.bool_,
    "open": np.bool_,
    "last_day": np.int32,
    "min_age": np.int16,
    "max_age": np.int16,
    "lat": np.float64,
    "lon": np.float64,
    "remote": np.bool_,
    "domain": np.int8,
    "kind": np.int8,
    "recurring": np.bool_,
    "slot_mask": np.int32,
    "assoc": np.int64,
    "n_skills": np.int8,
    "skill_norm": np.float32,  # 1 / skills needed for a full skill signal (min(n_skills, 2), at least 1)
}


class _View:
    """Columns of a set of rows (attribute per column, numpy arrays of equal length)."""

    __slots__ = tuple(_COLUMN_TYPES)

    def __init__(self, arrays: Mapping[str, np.ndarray]) -> None:
        for name, array in arrays.items():
            setattr(self, name, array)


def _one_off_mask(mission: MissionFacts) -> int:
    """Slots of a one-off mission: weekdays of its date range × its day parts (all day if unknown).

    ``day_parts`` says when in the day; the day parts of ``slots`` are read too, for callers that
    describe a one-off mission's time with weekly slots.
    """
    if mission.start_date is None:
        return slots_mask(mission.slots)
    named = set(mission.day_parts) | {slot.partition("_")[2] for slot in mission.slots}
    parts = named & set(DAY_PARTS) or set(DAY_PARTS)
    last = mission.end_date or mission.start_date
    days = {
        (mission.start_date + timedelta(days=offset)).weekday()
        for offset in range(min(7, (last - mission.start_date).days + 1))
    }
    mask = 0
    for day in days:
        for part in parts:
            mask |= slot_bit(f"{DAYS[day]}_{part}")
    return mask


def _encode(mission: MissionFacts) -> dict[str, object]:
    """One mission's column values."""
    last = mission.end_date or (mission.start_date if mission.schedule == "one_off" else None)
    n_skills = min(100, len({skill_key(s) for s in mission.skills} - {""}))
    return {
        "id": mission.id,
        "alive": True,
        "open": mission.status == "published" and mission.seats_left > 0,
        "last_day": last.toordinal() if last else NO_END,
        "min_age": mission.min_age,
        "max_age": NO_MAX_AGE if mission.max_age is None else mission.max_age,
        "lat": np.nan if mission.lat is None else mission.lat,
        "lon": np.nan if mission.lon is None else mission.lon,
        "remote": mission.remote,
        "domain": _DOMAIN_CODE.get(mission.domain, _UNKNOWN_DOMAIN),
        "kind": _KIND_CODE[mission.kind],
        "recurring": mission.schedule == "recurring",
        "slot_mask": slots_mask(mission.slots) if mission.schedule == "recurring" else _one_off_mask(mission),
        "assoc": mission.association_id,
        "n_skills": n_skills,
        "skill_norm": 1.0 / max(1, min(n_skills, 2)),
    }


def _skill_posting_keys(skills: Iterable[str]) -> set[str]:
    """Keys under which a mission's skills are found: each whole skill and each of its words."""
    keys: set[str] = set()
    for skill in skills:
        key = skill_key(skill)
        if key:
            keys.add(key)
            keys.update(key.split())
    return keys


def _skill_matches(mission_skills: Sequence[str], candidate_keys: Collection[str]) -> list[str]:
    """The mission's skill labels that one of the candidate's skills covers (whole skill or one word)."""
    matched = []
    for label in mission_skills:
        key = skill_key(label)
        if key and (key in candidate_keys or any(word in candidate_keys for word in key.split())):
            matched.append(label)
    return matched


def haversine_km(lat1: np.ndarray, lon1: np.ndarray, lat2: float, lon2: float) -> np.ndarray:
    """Great-circle distances (km) from arrays of points to one point; NaN where a point is NaN."""
    phi1, phi2 = np.radians(lat1), np.radians(lat2)
    dphi, dlambda = phi2 - phi1, np.radians(lon2 - lon1)
    a = np.sin(dphi / 2) ** 2 + np.cos(phi1) * np.cos(phi2) * np.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.minimum(1.0, a)))


# --- the text index ---------------------------------------------------------------------------


def _append_columns(left: sp.csr_matrix, right: sp.csr_matrix) -> sp.csr_matrix:
    """[left | right] for two CSR matrices with the same rows, in O(nnz) and without COO.

    Each row of the result is the row of ``left`` followed by the row of ``right`` (shifted by
    left's width): ``np.insert`` of right's entries at the end of each of left's rows. Only arrays
    the size of ``right`` are created besides the result, which matters at millions of entries.
    """
    rows = np.repeat(np.arange(right.shape[0]), np.diff(right.indptr))
    at = left.indptr[rows + 1]
    data = np.insert(left.data, at, right.data)
    indices = np.insert(left.indices, at, (right.indices + left.shape[1]).astype(left.indices.dtype))
    indptr = left.indptr + right.indptr
    return sp.csr_matrix((data, indices, indptr), shape=(left.shape[0], left.shape[1] + right.shape[1]))


def _keep_columns(matrix: sp.csr_matrix, keep: np.ndarray) -> sp.csr_matrix:
    """The columns of ``matrix`` where the boolean ``keep`` is true, renumbered, in O(nnz)."""
    kept_entries = keep[matrix.indices]
    counts = np.concatenate(([0], np.cumsum(kept_entries, dtype=np.int64)))
    indptr = counts[matrix.indptr]
    new_column = np.cumsum(keep, dtype=np.int64) - 1
    indices = new_column[matrix.indices[kept_entries]].astype(matrix.indices.dtype)
    data = matrix.data[kept_entries]
    return sp.csr_matrix((data, indices, indptr), shape=(matrix.shape[0], int(keep.sum())))


class _TermIndex:
    """TF-IDF rows of the missions as a term → missions index: a main part and a small delta.

    Both parts are CSR terms × rows; the delta's columns are the rows after the main ones. Rows
    are never renumbered except by ``compact``, which also drops the given dead rows.
    """

    def __init__(self, n_terms: int) -> None:
        self.n_terms = n_terms
        self.main = sp.csr_matrix((n_terms, 0), dtype=np.float32)
        self.delta = sp.csr_matrix((n_terms, 0), dtype=np.float32)

    @classmethod
    def from_rows(cls, matrix: sp.csr_matrix) -> _TermIndex:
        """Index the rows of a missions × terms matrix."""
        index = cls(matrix.shape[1])
        index.main = _transpose(matrix)
        return index

    @property
    def n_main(self) -> int:
        return self.main.shape[1]

    @property
    def n_rows(self) -> int:
        return self.main.shape[1] + self.delta.shape[1]

    @property
    def nnz(self) -> int:
        return int(self.main.nnz + self.delta.nnz)

    def append(self, rows: sp.csr_matrix) -> None:
        """Add missions × terms rows after the existing ones (cost: the delta's size)."""
        self.delta = _append_columns(self.delta, _transpose(rows))

    def compact(self, keep: np.ndarray | None = None) -> None:
        """Fold the delta into the main part and drop the rows where ``keep`` is false."""
        merged = _append_columns(self.main, self.delta) if self.delta.shape[1] else self.main
        if keep is not None and not keep.all():
            merged = _keep_columns(merged, keep)
        self.main = merged
        self.delta = sp.csr_matrix((self.n_terms, 0), dtype=np.float32)

    def scores(self, q_idx: np.ndarray, q_w: np.ndarray) -> np.ndarray:
        """Dot product of the query with every row, reading only the postings of its terms."""
        scores = np.zeros(self.n_rows, dtype=np.float32)
        if q_idx.size == 0:
            return scores
        n_main = self.n_main
        for part, offset in ((self.main, 0), (self.delta, n_main)):
            if part.nnz == 0:
                continue
            indptr, indices, data = part.indptr, part.indices, part.data
            target = scores[offset:] if offset else scores
            for term, weight in zip(q_idx.tolist(), q_w.tolist(), strict=True):
                start, end = indptr[term], indptr[term + 1]
                if start != end:
                    target[indices[start:end]] += data[start:end] * weight
        return scores

    def weights_at(self, q_idx: np.ndarray, rows: np.ndarray) -> np.ndarray:
        """TF-IDF weight of each query term in each of a few rows: shape (terms, rows), 0 if absent.

        Postings are sorted, so each term costs one binary search over the few rows: this is what
        explains a similarity without analysing the mission's text again.
        """
        weights = np.zeros((q_idx.size, rows.size), dtype=np.float32)
        n_main = self.n_main
        in_main = rows < n_main
        parts = ((self.main, np.flatnonzero(in_main), 0), (self.delta, np.flatnonzero(~in_main), n_main))
        for part, columns, offset in parts:
            if columns.size == 0 or part.nnz == 0:
                continue
            local = rows[columns] - offset
            for position, term in enumerate(q_idx.tolist()):
                start, end = part.indptr[term], part.indptr[term + 1]
                if start == end:
                    continue
                postings = part.indices[start:end]
                found = np.minimum(np.searchsorted(postings, local), end - start - 1)
                hit = postings[found] == local
                weights[position, columns[hit]] = part.data[start + found[hit]]
        return weights


def _transpose(matrix: sp.csr_matrix) -> sp.csr_matrix:
    """CSR of the transpose, with sorted indices and float32 data."""
    result = matrix.T.tocsr().astype(np.float32, copy=False)
    result.sort_indices()
    return result


def _release_memory() -> None:
    """Give the memory freed by a fit back to the operating system.

    Fitting allocates millions of short-lived strings and Python ints (scikit-learn counts terms
    in Python lists); once freed, glibc keeps the pages unless asked, which showed as ~35 MB of
    extra RSS per worker at 100k missions. A no-op where ``malloc_trim`` does not exist.
    """
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


# --- per-request context ----------------------------------------------------------------------


@dataclass
class _Context:
    candidate: CandidateFacts
    q_idx: np.ndarray
    q_w: np.ndarray
    q_terms: list[str]  # the feature of each q_idx
    text: str  # the candidate's text, to show shared words as the candidate wrote them
    stage: Stage
    step: NextStep
    done: int
    completed_by_assoc: Mapping[int, int]
    helped_ids: np.ndarray
    helped_names: Mapping[int, str]
    excluded: np.ndarray  # mission ids already taken (or excluded by the caller)
    slot_mask: int
    domain_codes: np.ndarray  # codes of the chosen domains
    kind_codes: np.ndarray  # codes of the wanted kinds
    skill_keys: frozenset[str]
    leadership_open: bool
    _explainer: _Explainer | None = None

    @property
    def explainer(self) -> _Explainer:
        """Shared words with a mission, as the candidate wrote them (built when a reason needs it)."""
        if self._explainer is None:
            self._explainer = _Explainer(self.q_terms, self.q_w, self.text)
        return self._explainer


@dataclass(frozen=True)
class _Signals:
    """Every signal of a set of rows, kept to build the reasons of the winners.

    A signal that is the same for every row is a zero-copy broadcast of that value.
    """

    text: np.ndarray
    domain: np.ndarray
    skills: np.ndarray
    availability: np.ndarray
    overlap: np.ndarray
    distance_km: np.ndarray
    distance: np.ndarray
    kind: np.ndarray
    pathway: np.ndarray
    step_match: np.ndarray
    helped: np.ndarray
    score: np.ndarray

    def rows(self, positions: np.ndarray) -> list[_Row]:
        """The signals of a few rows as plain Python values (cheaper to read one by one)."""
        columns = [np.asarray(getattr(self, name))[positions].tolist() for name in _Row._fields]
        return [_Row(*values) for values in zip(*columns, strict=True)]


class _Row(NamedTuple):
    """The signals of one row, as Python values."""

    text: float
    domain: bool
    skills: float
    availability: float
    overlap: int
    distance_km: float
    distance: float
    kind: bool
    pathway: float
    step_match: bool
    helped: bool
    score: float


def _any_equal(values: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """``np.isin`` for a handful of wanted values: one comparison each, several times faster."""
    if wanted.size > 16:
        return np.isin(values, wanted)
    result = np.zeros(values.shape, dtype=bool)
    for value in wanted.tolist():
        result |= values == value
    return result


def _top_k(scores: np.ndarray, ids: np.ndarray, k: int) -> np.ndarray:
    """Positions of the k best scores, best first; ties (to 1e-6) broken by the smaller mission id."""
    rounded = np.round(scores, 6)
    if rounded.size > k:
        threshold = np.partition(rounded, rounded.size - k)[rounded.size - k]
        above = np.flatnonzero(rounded > threshold)
        tied = np.flatnonzero(rounded == threshold)
        tied = tied[np.argsort(ids[tied], kind="stable")[: k - above.size]]
        chosen = np.concatenate([above, tied])
    else:
        chosen = np.arange(rounded.size)
    return chosen[np.lexsort((ids[chosen], -rounded[chosen]))]


# Words that carry weight in the cosine but explain nothing on their own ("Proche de ce que vous
# recherchez : aider"); they still show inside a phrase ("aider les enfants" -> "aider enfant").
_VAGUE_WORDS = frozenset(
    (
        *("aide", "aider", "action", "association", "benevole", "benevolat", "besoin", "donner"),
        *("envie", "equipe", "faire", "mettre", "mission", "moment", "partager", "passer"),
        *("personne", "place", "prendre", "rendez", "rendre", "temps", "tenir", "travail", "utile"),
        "venir",
    )
)


class _Explainer:
    """Picks the shared words that explain a cosine, for one query text (built once per request).

    Terms go by decreasing contribution to the cosine (query weight × mission weight); a term
    adding less than ``MIN_SHARE`` of the cosine is not worth showing. A word that also appears in
    a shared phrase is shown as the phrase ("soutien scolaire" rather than "scolaire"), no word is
    shown twice, and vague words alone or words another reason already gives are skipped. Words
    are shown as the query text wrote them.
    """

    LIMIT = 3
    MIN_SHARE = 0.1

    def __init__(self, terms: Sequence[str], weights: np.ndarray, text: str) -> None:
        self.terms = terms
        self.weights = weights
        self.text = text
        self.words = [term.split() for term in terms]
        self.phrases_with: dict[str, list[int]] = {}
        for position, words in enumerate(self.words):
            if len(words) > 1:
                for word in words:
                    self.phrases_with.setdefault(word, []).append(position)
        self._forms: dict[str, str] | None = None

    def pick(self, term_weights: np.ndarray, skip_words: Collection[str] = ()) -> list[str]:
        """Up to three terms shared with a row whose weights of the query terms are ``term_weights``."""
        contributions = self.weights * term_weights
        present = np.flatnonzero(contributions > 0)
        if not present.size:
            return []
        values = contributions[present].tolist()
        positions = present.tolist()
        value_of = dict(zip(positions, values, strict=True))
        floor = self.MIN_SHARE * sum(values)
        chosen: list[str] = []
        used: set[str] = set()
        for value, position in sorted(zip(values, positions, strict=True), reverse=True):
            if value < floor:
                break
            words = self.words[position]
            if len(words) == 1:
                best, best_value = position, 0.0
                for phrase in self.phrases_with.get(words[0], ()):
                    phrase_value = value_of.get(phrase, 0.0)
                    if phrase_value > best_value and not used.intersection(self.words[phrase]):
                        best, best_value = phrase, phrase_value
                position, words = best, self.words[best]
            if used.intersection(words) or any(word in skip_words for word in words):
                continue
            if len(words) == 1 and words[0] in _VAGUE_WORDS:
                continue
            chosen.append(self.terms[position])
            used.update(words)
            if len(chosen) == self.LIMIT:
                break
        if not chosen:
            return []
        if self._forms is None:
            self._forms = surface_forms(self.text, self.terms)
        return [self._forms.get(term, term) for term in chosen]


class MatchingEngine:
    """Recommends missions to candidates, similar missions, and candidates for a mission.

    Build with ``MatchingEngine.fit(missions)``; keep fresh with ``upsert``/``remove``; compare
    ``version`` with the database stamp to know when to update.
    """

    COMPACT_MIN_ROWS = 1024  # fold the delta into the main matrix beyond this many rows...
    COMPACT_FRACTION = 0.05  # ...or beyond this fraction of the main matrix, whichever is larger
    COMPACT_DEAD_FRACTION = 0.2  # ...or when this fraction of the rows are tombstones

    def __init__(self, text_model: TextModel, *, weights: Weights | None = None) -> None:
        """An empty engine around a fitted text model; use ``fit`` to build one."""
        self.text = text_model
        self.weights = weights or Weights()
        self.version = 0
        self._lock = threading.RLock()
        self._n = 0  # rows used (alive or tombstoned)
        self._cols: dict[str, np.ndarray] = {
            name: np.zeros(0, dtype) for name, dtype in _COLUMN_TYPES.items()
        }
        self._facts: list[MissionFacts | None] = []
        self._row_of: dict[int, int] = {}
        self._postings: dict[str, np.ndarray] = {}  # skill key -> rows
        self._index = _TermIndex(text_model.n_terms)

    # --- building -----------------------------------------------------------------------------

    @classmethod
    def fit(
        cls,
        missions: Iterable[MissionFacts],
        *,
        weights: Weights | None = None,
        version: int = 0,
        min_df: int | float | None = None,
        text_model: TextModel | None = None,
    ) -> MatchingEngine:
        """Fit TF-IDF on these missions and index them (pass ``text_model`` to reuse a vocabulary)."""
        missions = list({m.id: m for m in missions}.values())
        texts = (mission_text(m.title, m.description, m.skills, m.domain) for m in missions)
        if text_model is None:
            text_model, matrix = TextModel.fit(texts, count=len(missions), min_df=min_df)
        else:
            matrix = text_model.transform(texts)
        engine = cls(text_model, weights=weights)
        engine._append_rows(missions)
        engine._index = _TermIndex.from_rows(matrix)
        engine.version = version
        del matrix
        if len(missions) >= 5000:  # a full collection costs more than it returns on small sets
            _release_memory()
        return engine

    def _append_rows(self, missions: Sequence[MissionFacts]) -> None:
        """Append one row per mission to the columns, facts and skill postings (not the text)."""
        start = self._n
        needed = start + len(missions)
        capacity = len(self._cols["id"])
        if needed > capacity:
            new_capacity = max(needed, int(capacity * 1.5) + 64)
            for name, array in self._cols.items():
                grown = np.zeros(new_capacity, array.dtype)
                grown[:start] = array[:start]
                self._cols[name] = grown
        encoded = [_encode(m) for m in missions]
        for name in _COLUMN_TYPES:
            self._cols[name][start:needed] = [values[name] for values in encoded]
        new_postings: dict[str, list[int]] = {}
        for offset, mission in enumerate(missions):
            row = start + offset
            self._facts.append(mission)
            self._row_of[mission.id] = row
            for key in _skill_posting_keys(mission.skills):
                new_postings.setdefault(key, []).append(row)
        for key, rows in new_postings.items():
            old = self._postings.get(key)
            added = np.asarray(rows, dtype=np.int32)
            self._postings[key] = added if old is None else np.concatenate([old, added])
        self._n = needed

    def _bump(self, version: int | None) -> None:
        if version is None:
            self.version += 1
        elif version < self.version:
            raise ValueError(f"version {version} is older than the engine's {self.version}")
        else:
            self.version = version

    def upsert(self, missions: Iterable[MissionFacts], *, version: int | None = None) -> None:
        """Add or replace missions with the fitted vocabulary (no refit); bumps ``version``.

        Pass ``version`` (the database stamp) to set it; otherwise it goes up by one.
        """
        with self._lock:
            missions = list({m.id: m for m in missions}.values())
            if missions:
                for mission in missions:
                    self._tombstone(mission.id)
                matrix = self.text.transform(
                    mission_text(m.title, m.description, m.skills, m.domain) for m in missions
                )
                self._append_rows(missions)
                self._index.append(matrix)
                self._maybe_compact()
            self._bump(version)

    def remove(self, mission_ids: Iterable[int], *, version: int | None = None) -> None:
        """Forget missions (unknown ids are ignored); bumps ``version``."""
        with self._lock:
            for mission_id in mission_ids:
                self._tombstone(mission_id)
            self._maybe_compact()
            self._bump(version)

    def _tombstone(self, mission_id: int) -> None:
        row = self._row_of.pop(mission_id, None)
        if row is not None:
            self._cols["alive"][row] = False
            self._facts[row] = None

    def _maybe_compact(self) -> None:
        delta_rows = self._n - self._index.n_main
        dead = self._n - len(self._row_of)
        if delta_rows > max(self.COMPACT_MIN_ROWS, self.COMPACT_FRACTION * self._index.n_main) or (
            dead > self.COMPACT_MIN_ROWS and dead > self.COMPACT_DEAD_FRACTION * self._n
        ):
            self.compact()

    def compact(self) -> None:
        """Fold the delta rows into the main matrix and drop tombstoned rows (no refit)."""
        with self._lock:
            alive = self._cols["alive"][: self._n].copy()
            keep = np.flatnonzero(alive)
            self._index.compact(alive)
            for name, array in self._cols.items():
                self._cols[name] = array[keep]
            self._facts = [self._facts[row] for row in keep.tolist()]
            new_row = np.full(self._n, -1, dtype=np.int64)
            new_row[keep] = np.arange(keep.size)
            self._row_of = {mission_id: int(new_row[row]) for mission_id, row in self._row_of.items()}
            postings = {}
            for key, rows in self._postings.items():
                moved = new_row[rows]
                moved = moved[moved >= 0].astype(np.int32)
                if moved.size:
                    postings[key] = moved
            self._postings = postings
            self._n = keep.size

    # --- inspection ---------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._row_of)

    def __contains__(self, mission_id: object) -> bool:
        return mission_id in self._row_of

    def mission(self, mission_id: int) -> MissionFacts:
        """The indexed facts of a mission (KeyError if unknown)."""
        with self._lock:
            facts = self._facts[self._row_of[mission_id]]
            assert facts is not None
            return facts

    def stats(self) -> dict[str, int]:
        """Sizes for monitoring: missions, rows, terms, non-zeros, delta and dead rows, version."""
        with self._lock:
            return {
                "missions": len(self._row_of),
                "rows": self._n,
                "terms": self.text.n_terms,
                "nnz": self._index.nnz,
                "delta_rows": self._n - self._index.n_main,
                "dead_rows": self._n - len(self._row_of),
                "version": self.version,
            }

    # --- shared pieces of the queries ---------------------------------------------------------

    def _view(self, rows: np.ndarray | slice, names: Iterable[str] = _COLUMN_TYPES) -> _View:
        """Columns of some rows: a copy for an index array, views (no copy) for a slice."""
        view = _View.__new__(_View)
        for name in names:
            setattr(view, name, self._cols[name][rows])
        return view

    def _skill_hits(self, keys: Iterable[str]) -> np.ndarray:
        hits = np.zeros(self._n, dtype=np.int16)
        for key in keys:
            rows = self._postings.get(key)
            if rows is not None:
                hits[rows] += 1
        return hits

    def _context(self, candidate: CandidateFacts, exclude: Collection[int] = ()) -> _Context:
        history = [item for item in candidate.history if item.status in ("accepted", "completed")]
        completed = [item for item in history if item.status == "completed"]
        stage = stage_of(history)
        text = candidate_text(
            candidate.about, candidate.skills, candidate.domains, [i.title for i in completed]
        )
        q_idx, q_w, q_terms = self.text.vector_with_terms(text)
        counts: dict[int, int] = {}
        for item in completed:
            counts[item.association_id] = counts.get(item.association_id, 0) + 1
        names = {item.association_id: item.association_name for item in history}
        domain_codes = sorted({_DOMAIN_CODE[d] for d in candidate.domains if d in _DOMAIN_CODE})
        kind_codes = sorted({_KIND_CODE[k] for k in candidate.wanted_kinds if k in _KIND_CODE})
        excluded = {item.mission_id for item in history} | set(exclude)
        return _Context(
            candidate=candidate,
            q_idx=q_idx,
            q_w=q_w,
            q_terms=q_terms,
            text=text,
            stage=stage,
            step=next_step(stage),
            done=len(completed),
            completed_by_assoc=counts,
            helped_ids=np.fromiter(names, dtype=np.int64, count=len(names)),
            helped_names=names,
            excluded=np.fromiter(excluded, dtype=np.int64, count=len(excluded)),
            slot_mask=slots_mask(candidate.slots),
            domain_codes=np.array(domain_codes, dtype=np.int8),
            kind_codes=np.array(kind_codes, dtype=np.int8),
            skill_keys=frozenset(key for key in (skill_key(s) for s in candidate.skills) if key),
            leadership_open=leadership_open(stage, candidate.wanted_kinds),
        )

    def _person_mask(self, ctx: _Context, v: _View) -> np.ndarray:
        """Filters that depend on the person: age range, leadership gating, missions already taken.

        Age: ``16-17`` only where ``min_age`` <= 16; adult ranges when they overlap
        ``[min_age, max_age]`` (we never know the exact age).
        """
        low, high = age_range_bounds(ctx.candidate.age_range)
        if low < 18:
            mask = (v.min_age <= MINIMUM_AGE) & (v.max_age >= low)
        else:
            mask = v.max_age >= low
            if high is not None:
                mask &= v.min_age <= high
        if not ctx.leadership_open:
            mask &= v.kind != LEADERSHIP
        if ctx.excluded.size:
            mask &= ~_any_equal(v.id, ctx.excluded)
        return mask

    def _geo_filter(
        self, ctx: _Context, v: _View, among: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Rows within the radius (or remote, for a candidate who accepts remote), and their distances.

        A remote mission passes for a candidate who accepts remote work, whatever the distance.
        Otherwise a mission must be within the radius; when either side has no coordinates we
        cannot tell, so an on-site mission is kept (not hidden) but a remote one without a place
        is not (the candidate said no to remote work). Distances are NaN where not measured: no
        location, outside the bounding box of the radius, or outside ``among`` (rows that already
        failed another filter).
        """
        candidate = ctx.candidate
        n = v.id.size
        remote_ok = v.remote & candidate.remote_ok
        unknown = np.isnan(v.lat)
        distance = np.full(n, np.nan)
        if not candidate.located:
            return remote_ok | ~(v.remote & unknown), distance
        radius = float(candidate.radius_km)
        dlat = radius / KM_PER_DEGREE
        dlon = radius / (KM_PER_DEGREE * max(0.05, np.cos(np.radians(candidate.lat))))
        # A bounding box first: exact distances only for the rows that can be within the radius.
        measured = (np.abs(v.lat - candidate.lat) <= dlat) & (np.abs(v.lon - candidate.lon) <= dlon)
        measured |= remote_ok & ~unknown
        if among is not None:
            measured &= among
        distance[measured] = haversine_km(v.lat[measured], v.lon[measured], candidate.lat, candidate.lon)
        keep = (distance <= radius) | remote_ok | (unknown & ~v.remote)
        return keep, distance

    def _signals(
        self, ctx: _Context, v: _View, text_cos: np.ndarray, hits: np.ndarray | None, dist: np.ndarray
    ) -> _Signals:
        """Every signal and the blended score for these rows (one formula for all queries).

        Written for 100,000 rows in about a millisecond: float32 arithmetic on whole arrays.
        Boolean masks enter as 0/1 factors (``score += fits * w``) because masked writes and
        ``np.where`` cost ten times more on scattered masks; a signal that is the same for every
        row is a zero-copy broadcast.
        """
        w = self.weights
        candidate = ctx.candidate
        n = v.id.size
        f32 = np.float32

        def constant(value: float) -> np.ndarray:
            return np.broadcast_to(f32(value), (n,))

        text = np.minimum(text_cos.astype(f32, copy=False) * f32(1.0 / w.text_saturation), f32(1.0))
        score = text * f32(w.text)
        domain = _any_equal(v.domain, ctx.domain_codes)
        score += domain * f32(w.domain)
        if hits is not None:
            skills = np.minimum(hits * v.skill_norm, f32(1.0))
            score += skills * f32(w.skills)
        else:
            skills = constant(0.0)
        # Availability: 1 when a slot fits, 0 when none does, neutral when the mission has no slots.
        overlap = constant(0)
        unavailable = None
        unknown_slots = v.slot_mask == 0
        if candidate.flexible:
            availability = f32(w.flexible_availability) + unknown_slots * f32(
                w.neutral - w.flexible_availability
            )
        elif ctx.slot_mask == 0:
            availability = constant(w.neutral)
        else:
            overlap = v.slot_mask & ctx.slot_mask
            fits = overlap != 0
            availability = fits + unknown_slots * f32(
                w.neutral
            )  # disjoint: a mission without slots never fits
            unavailable = ~(fits | unknown_slots)
        score += availability * f32(w.availability)
        if candidate.located:
            scale = max(w.min_distance_scale_km, float(candidate.radius_km) * w.distance_scale)
            unknown_place = np.isnan(dist)
            distance = np.exp(np.nan_to_num(dist, nan=0.0) * (-1.0 / scale)).astype(f32)
            distance += unknown_place * (f32(w.neutral) - distance)
        else:
            distance = np.full(n, w.neutral, dtype=f32)
        if candidate.remote_ok:
            distance = np.maximum(distance, v.remote * f32(w.remote_distance))
        score += distance * f32(w.distance)
        kind = _any_equal(v.kind, ctx.kind_codes)
        score += kind * f32(w.kind)
        helped = _any_equal(v.assoc, ctx.helped_ids) if ctx.helped_ids.size else constant(False)
        step_match, pathway = self._pathway(ctx, v, skills, helped)
        score += pathway * f32(w.pathway)
        if unavailable is not None:
            score *= f32(1.0) - unavailable * f32(1.0 - w.unavailable_factor)
        missing_skill = (v.kind == SUPPORT) & (v.n_skills > 0) & (skills == 0.0)
        score *= f32(1.0) - missing_skill * f32(1.0 - w.missing_skill_factor)
        return _Signals(
            text,
            domain,
            skills,
            availability,
            overlap,
            dist,
            distance,
            kind,
            pathway,
            step_match,
            helped,
            score,
        )

    def _pathway(
        self, ctx: _Context, v: _View, skills: np.ndarray, helped: np.ndarray
    ) -> tuple[np.ndarray, ...]:
        """Pathway signal: the next step's missions first, associations already helped first."""
        w = self.weights
        code = ctx.step.code
        if code == "first_mission":
            match = (v.kind == PONCTUAL) & ~v.recurring
            value = match * np.float32(w.pathway_first)
        elif code == "go_regular":
            match = v.recurring
            value = match * np.float32(w.pathway_step)
        elif code == "share_skills":
            match = v.kind == SUPPORT
            value = match * (np.float32(w.pathway_step) * (np.float32(0.5) + np.float32(0.5) * skills))
        elif code == "take_responsibility":
            match = v.kind == LEADERSHIP
            value = match * np.float32(w.pathway_step)
        else:  # pass_it_on
            match = v.kind == LEADERSHIP
            value = match * np.float32(w.pathway_first)
        if ctx.helped_ids.size:
            value = np.minimum(np.float32(1.0), value + helped * np.float32(w.pathway_known))
        return match, value

    def _reasons(
        self, ctx: _Context, s: _Row, mission: MissionFacts, term_weights: np.ndarray
    ) -> tuple[Reason, ...]:
        """One to three reasons, the signals that added most to this score first."""
        w = self.weights
        candidate = ctx.candidate
        found: list[tuple[float, Reason | None]] = []  # None: the text reason, built only if chosen
        if s.pathway > 0:
            contribution = w.pathway * s.pathway
            if s.helped:
                params = {
                    "association_name": mission.association_name
                    or ctx.helped_names.get(mission.association_id, ""),
                    "times": ctx.completed_by_assoc.get(mission.association_id, 0),
                    "kind": mission.kind,
                    "schedule": mission.schedule,
                    "next_step": bool(s.step_match),
                }
                found.append((contribution, Reason(R.PATHWAY_ASSOCIATION, params)))
            elif s.step_match:
                params = {
                    "step": ctx.step.code,
                    "stage": str(ctx.stage),
                    "done": ctx.done,
                    "kind": mission.kind,
                    "schedule": mission.schedule,
                }
                found.append((contribution, Reason(R.PATHWAY_NEXT_STEP, params)))
        skill_words: set[str] = set()
        if s.skills > 0:
            matched = _skill_matches(mission.skills, ctx.skill_keys)
            if matched:
                found.append((w.skills * s.skills, Reason(R.SKILL, {"skills": matched[:3]})))
                skill_words = {word for label in matched for word in skill_key(label).split()}
        if s.domain > 0:
            found.append((w.domain * s.domain, Reason(R.DOMAIN, {"domain": mission.domain})))
            skill_words |= _DOMAIN_WORDS.get(mission.domain, frozenset())
        if s.overlap:
            slots = list(mask_slots(int(s.overlap)))[:2]
            day = (
                mission.start_date.isoformat()
                if mission.schedule == "one_off" and mission.start_date
                else None
            )
            found.append(
                (w.availability * s.availability, Reason(R.AVAILABILITY, {"slots": slots, "date": day}))
            )
        if candidate.located and s.distance_km <= candidate.radius_km:
            km = round(float(s.distance_km), 1)
            found.append((w.distance * s.distance, Reason(R.DISTANCE, {"km": km})))
        elif mission.remote and candidate.remote_ok:
            found.append((w.distance * s.distance, Reason(R.REMOTE, {})))
        if s.kind > 0:
            found.append((w.kind * s.kind, Reason(R.KIND, {"kind": mission.kind})))
        if s.text > 0:
            found.append((w.text * s.text, None))
        if candidate.age_range == "16-17":
            found.append((w.minors_reason_priority, Reason(R.MINORS_WELCOME, {"min_age": mission.min_age})))
        found.sort(key=lambda pair: -pair[0])
        chosen: list[Reason] = []
        for contribution, reason in found:
            if len(chosen) == 3 or (chosen and contribution < w.reason_min_contribution):
                break
            if reason is None:
                terms = ctx.explainer.pick(term_weights, skill_words)
                if not terms:
                    continue
                reason = Reason(R.TEXT, {"terms": terms})
            chosen.append(reason)
        return tuple(chosen) or (Reason(R.ELIGIBLE, {}),)

    # --- queries ------------------------------------------------------------------------------

    def recommend(
        self,
        candidate: CandidateFacts,
        *,
        limit: int = 20,
        today: date,
        next_step_only: bool = False,
        exclude: Collection[int] = (),
    ) -> list[Recommendation]:
        """Best missions for a candidate, with one to three reasons each.

        Hard filters: published with seats left, not over before ``today``, age range allowed,
        within the radius unless remote and the candidate accepts remote, leadership missions only
        from the ``regular`` stage on unless asked for, and not already taken (history) or in
        ``exclude`` (e.g. pending applications). ``next_step_only`` keeps the missions of the
        candidate's next pathway step (the dashboard's "next step" list).
        """
        with self._lock:
            if limit <= 0 or self._n == 0:
                return []
            ctx = self._context(candidate, exclude)
            n = self._n
            everything = self._view(slice(0, n))  # views of the columns, no copy
            mask = everything.alive & everything.open & (everything.last_day >= today.toordinal())
            mask &= self._person_mask(ctx, everything)
            if next_step_only:
                step = ctx.step
                if step.kind is not None:
                    mask &= everything.kind == _KIND_CODE[step.kind]
                if step.schedule is not None:
                    mask &= everything.recurring == (step.schedule == "recurring")
            keep, dist = self._geo_filter(ctx, everything, mask)
            mask &= keep
            rows = np.flatnonzero(mask)
            if rows.size == 0:
                return []
            text_cos = self._index.scores(ctx.q_idx, ctx.q_w)
            hits = self._skill_hits(ctx.skill_keys) if ctx.skill_keys else None
            if rows.size * 3 >= n:
                # Most missions pass (no location, or a huge radius): scoring every row on views
                # of the columns is cheaper than copying the survivors out first.
                signals = self._signals(ctx, everything, text_cos, hits, dist)
                score = signals.score - ~mask * np.float32(2.0)  # filtered rows fall below 0
                positions = _top_k(score, everything.id, limit)
                positions = positions[mask[positions]]  # fewer than ``limit`` passed the filters
                best_rows = positions
            else:
                view = self._view(rows)
                hits = hits[rows] if hits is not None else None
                signals = self._signals(ctx, view, text_cos[rows], hits, dist[rows])
                positions = _top_k(signals.score, view.id, limit)
                best_rows = rows[positions]
            term_weights = self._index.weights_at(ctx.q_idx, best_rows)
            results = []
            rows_of_best = signals.rows(positions)
            for column, (values, row) in enumerate(zip(rows_of_best, best_rows.tolist(), strict=True)):
                mission = self._facts[row]
                assert mission is not None
                km = None if math.isnan(values.distance_km) else round(values.distance_km, 1)
                reasons = self._reasons(ctx, values, mission, term_weights[:, column])
                results.append(Recommendation(mission.id, round(values.score, 6), reasons, km))
            return results

    def similar_to(
        self, mission_id: int, *, limit: int = 6, today: date | None = None
    ) -> list[Recommendation]:
        """Open missions close to this one (text, domain, skills, association, place); [] if unknown.

        Reasons say what the two missions share; ``today`` also drops missions already over.
        """
        with self._lock:
            row = self._row_of.get(mission_id)
            if row is None or limit <= 0:
                return []
            mission = self._facts[row]
            assert mission is not None
            w = self.weights
            n = self._n
            v = self._view(slice(0, n))  # views, no copy: most missions are candidates here
            mask = v.alive & v.open
            if today is not None:
                mask &= v.last_day >= today.toordinal()
            mask[row] = False
            if not mask.any():
                return []
            text_of = mission_text(mission.title, mission.description, mission.skills, mission.domain)
            q_idx, q_w, q_terms = self.text.vector_with_terms(text_of)
            explainer = _Explainer(q_terms, q_w, text_of)

            f32 = np.float32
            text = np.minimum(self._index.scores(q_idx, q_w) * f32(1.0 / w.text_saturation), f32(1.0))
            score = text * f32(w.similar_text)
            same_domain = v.domain == v.domain[row]
            score += same_domain * f32(w.similar_domain)
            same_assoc = v.assoc == mission.association_id
            score += same_assoc * f32(w.similar_association)
            own_keys = {key for key in (skill_key(s) for s in mission.skills) if key}
            skills = np.zeros(n, dtype=f32)
            if own_keys:
                skills = np.minimum(self._skill_hits(own_keys) * v.skill_norm, f32(1.0))
                score += skills * f32(w.similar_skills)
            # Place: e^(-d / decay); beyond five decay lengths it is ~0, so only a box is measured.
            dist = np.full(n, np.nan)
            if mission.located:
                near = np.isnan(v.lat) * f32(w.neutral)
                reach = 5 * w.similar_distance_km
                box = np.flatnonzero(
                    (np.abs(v.lat - mission.lat) <= reach / KM_PER_DEGREE)
                    & (
                        np.abs(v.lon - mission.lon)
                        <= reach / (KM_PER_DEGREE * max(0.05, np.cos(np.radians(mission.lat))))
                    )
                )
                dist[box] = haversine_km(v.lat[box], v.lon[box], mission.lat, mission.lon)
                near[box] = np.exp(dist[box] * (-1.0 / w.similar_distance_km))
            else:
                near = np.full(n, w.neutral, dtype=f32)
            if mission.remote:
                near = np.maximum(near, v.remote.astype(f32))
            score += near * f32(w.similar_distance)
            shown = mask & (score >= f32(w.similar_min_score))
            score -= ~shown * f32(2.0)  # hidden rows fall below 0
            best = _top_k(score, v.id, limit)
            best = best[score[best] >= 0]
            term_weights = self._index.weights_at(q_idx, best)
            results = []
            for column, i in enumerate(best.tolist()):
                other = self._facts[i]
                assert other is not None
                found: list[tuple[float, Reason]] = []
                shared_skills = _skill_matches(other.skills, own_keys) if skills[i] > 0 else []
                if shared_skills:
                    params = {"skills": shared_skills[:3]}
                    found.append((w.similar_skills * skills[i], Reason(R.SHARED_SKILL, params)))
                if text[i] > 0:
                    skip = {word for label in shared_skills for word in skill_key(label).split()}
                    if same_domain[i]:
                        skip |= _DOMAIN_WORDS.get(other.domain, frozenset())
                    terms = explainer.pick(term_weights[:, column], skip)
                    if terms:
                        found.append((w.similar_text * text[i], Reason(R.SIMILAR_TEXT, {"terms": terms})))
                if same_domain[i]:
                    found.append((w.similar_domain, Reason(R.SAME_DOMAIN, {"domain": other.domain})))
                if same_assoc[i]:
                    params = {"association_name": other.association_name}
                    found.append((w.similar_association, Reason(R.SAME_ASSOCIATION, params)))
                if not np.isnan(dist[i]) and dist[i] <= w.similar_distance_km:
                    params = {"km": round(float(dist[i]), 1)}
                    found.append((w.similar_distance * near[i], Reason(R.NEARBY_MISSION, params)))
                if not found:
                    continue  # nothing to tell the reader: not shown
                found.sort(key=lambda pair: -pair[0])
                reasons = tuple(reason for _, reason in found[:3])
                km = None if np.isnan(dist[i]) else round(float(dist[i]), 1)
                results.append(Recommendation(other.id, round(float(score[i]), 6), reasons, km))
            return results

    def rank_candidates(
        self,
        mission: MissionFacts,
        candidates: Mapping[Hashable, CandidateFacts] | Iterable[tuple[Hashable, CandidateFacts]],
        *,
        limit: int | None = None,
    ) -> list[CandidateMatch]:
        """Candidates for a mission, best first, scored exactly as ``recommend`` scores the pair.

        The person-side filters apply (age range, radius/remote, leadership gating, already
        taken); the mission-side ones (status, seats, dates) are the caller's business. Reasons
        take the association's point of view ('Disponible le mercredi après-midi'). The mission
        need not be indexed (a draft can be previewed). Ties keep the input order.
        """
        with self._lock:
            pairs = candidates.items() if isinstance(candidates, Mapping) else candidates
            view = _View(
                {
                    name: np.asarray([value], dtype=_COLUMN_TYPES[name])
                    for name, value in _encode(mission).items()
                }
            )
            m_idx, m_w = self.text.vector(
                mission_text(mission.title, mission.description, mission.skills, mission.domain)
            )
            posting_keys = _skill_posting_keys(mission.skills)
            results: list[CandidateMatch] = []
            for key, candidate in pairs:
                ctx = self._context(candidate)
                if not self._person_mask(ctx, view)[0]:
                    continue
                keep, dist = self._geo_filter(ctx, view)
                if not keep[0]:
                    continue
                _, left, right = np.intersect1d(ctx.q_idx, m_idx, assume_unique=True, return_indices=True)
                term_weights = np.zeros(ctx.q_idx.size, dtype=np.float32)
                term_weights[left] = m_w[right]
                text_cos = np.array([float(np.dot(ctx.q_w.astype(np.float64), term_weights))])
                hits = np.array([float(len(ctx.skill_keys & posting_keys))])
                signals = self._signals(ctx, view, text_cos, hits, dist)
                reasons = self._reasons(ctx, signals.rows(np.array([0]))[0], mission, term_weights)
                reasons = tuple(Reason(R.FOR_ASSOCIATION.get(r.code, r.code), r.params) for r in reasons)
                results.append(CandidateMatch(key, round(float(signals.score[0]), 6), reasons))
            results.sort(key=lambda match: -match.score)
            return results if limit is None else results[:limit]
