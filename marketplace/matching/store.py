"""Where the engine keeps its missions: numpy columns per row, the transposed TF-IDF index, skill
postings (pure: no Flask, no database).

One ROW per indexed mission version, its facts encoded in numpy columns (open, last day, ages,
coordinates, domain, kind, weekly-slot bitmask, contexts, association, near-duplicate signature...).
Filters are boolean operations on those columns and the features float32 arithmetic on them.
Rows are appended (``append``) and tombstoned (``tombstone``), never renumbered except by
``compact``, which also folds the delta of the text index into its main part.

Memory (measured at 100,000 missions, see benchmarks/bench_memory.py): what ranking reads is in
numpy columns; what only the reasons of the few results shown read (skills, association name,
dates, title...) is one compressed record per row, decoded for those results only; the mission id
-> row map is a sorted array searched by bisection, plus a small dict of the rows added since.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import marshal
import zlib
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import fields
from datetime import date, timedelta
from functools import lru_cache

import numpy as np
import scipy.sparse as sp

from marketplace.matching.diversity import SIGNATURE_SIZE, signatures_of_rows
from marketplace.matching.text import fold_plural, skill_key
from marketplace.matching.types import MissionFacts
from marketplace.matching.vocabulary import DAY_PARTS, DAYS, DOMAINS, KINDS, slot_bit, slots_mask
from marketplace.reference.contexts import AVOIDABLE_CONTEXTS, mission_contexts

NO_END = np.iinfo(np.int32).max  # last day of a mission without an end
NO_MAX_AGE = 1000
KIND_CODE = {kind: code for code, kind in enumerate(KINDS)}
DOMAIN_CODE = {domain: code for code, domain in enumerate(DOMAINS)}
UNKNOWN_DOMAIN = len(DOMAINS)  # code of a domain outside the vocabulary (never matches)
PONCTUAL, SUPPORT, LEADERSHIP = (KIND_CODE[k] for k in ("ponctual", "support", "leadership"))
CONTEXT_BIT = {context: 1 << index for index, context in enumerate(AVOIDABLE_CONTEXTS)}

COLUMN_TYPES: dict[str, type] = {
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
    "slot_mask": np.int32,  # weekday x part of day when it takes place; 0 = unknown
    "time_known": np.bool_,  # the mission says its days AND parts of the day
    "contexts": np.int8,  # bits of CONTEXT_BIT
    "assoc": np.int64,
    "families": np.int64,  # bits of the thesaurus families the text names (0 without the model)
    "n_skills": np.int8,
    "skill_norm": np.float32,  # 1 / skills needed for a full skill signal (min(n_skills, 2), at least 1)
}
# Row-aligned 2-D columns: (name, dtype, width).
MATRIX_COLUMNS: tuple[tuple[str, type, int], ...] = (("signature", np.uint16, SIGNATURE_SIZE),)


class View:
    """Columns of a set of rows (attribute per column, numpy arrays of equal length)."""

    __slots__ = tuple(COLUMN_TYPES)
    id: np.ndarray
    alive: np.ndarray
    open: np.ndarray
    last_day: np.ndarray
    min_age: np.ndarray
    max_age: np.ndarray
    lat: np.ndarray
    lon: np.ndarray
    remote: np.ndarray
    domain: np.ndarray
    kind: np.ndarray
    recurring: np.ndarray
    slot_mask: np.ndarray
    time_known: np.ndarray
    contexts: np.ndarray
    assoc: np.ndarray
    families: np.ndarray
    n_skills: np.ndarray
    skill_norm: np.ndarray

    def __init__(self, arrays: Mapping[str, np.ndarray]) -> None:
        for name, array in arrays.items():
            setattr(self, name, array)


def _days_of(mission: MissionFacts) -> set[int]:
    """Weekdays (0 = Monday) of a one-off mission's dates, start to end inclusive."""
    assert mission.start_date is not None
    last = mission.end_date or mission.start_date
    return {
        (mission.start_date + timedelta(days=offset)).weekday()
        for offset in range(min(7, (last - mission.start_date).days + 1))
    }


def one_off_mask(mission: MissionFacts) -> int:
    """Slots of a one-off mission: weekdays of its dates × its parts of the day (all if unknown).

    A one-off mission given with weekly slots (``fri_evening``, from an import) keeps exactly those
    weekday × part pairs that fall on one of its dates.
    """
    if mission.start_date is None:
        return 0  # no date: when it happens is unknown
    days = _days_of(mission)
    day_mask = 0
    for day in days:
        for part in DAY_PARTS:
            day_mask |= slot_bit(f"{DAYS[day]}_{part}")
    parts = set(mission.day_parts) & set(DAY_PARTS)
    mask = 0
    for day in days:
        for part in parts:
            mask |= slot_bit(f"{DAYS[day]}_{part}")
    mask |= slots_mask(mission.slots) & day_mask
    return mask or day_mask


def time_known(mission: MissionFacts) -> bool:
    """Whether the mission says both its days and its parts of the day."""
    if mission.schedule == "recurring":
        return bool(slots_mask(mission.slots))
    if mission.start_date is None:
        return False
    return bool(set(mission.day_parts) & set(DAY_PARTS)) or bool(
        slots_mask(mission.slots) & one_off_day_mask(mission)
    )


def one_off_day_mask(mission: MissionFacts) -> int:
    """Every part of the day of the one-off mission's weekdays."""
    mask = 0
    for day in _days_of(mission):
        for part in DAY_PARTS:
            mask |= slot_bit(f"{DAYS[day]}_{part}")
    return mask


def context_bits(contexts: Iterable[str]) -> int:
    """Bitmask of avoidable contexts (unknown names are ignored)."""
    bits = 0
    for context in contexts:
        bits |= CONTEXT_BIT.get(context, 0)
    return bits


def encode(mission: MissionFacts) -> dict[str, object]:
    """One mission's column values."""
    last = mission.end_date or (mission.start_date if mission.schedule == "one_off" else None)
    n_skills = min(100, len({skill_key(s) for s in mission.skills} - {""}))
    recurring = mission.schedule == "recurring"
    contexts = mission_contexts(
        mission.title, mission.description, mission.skills, mission.domain, mission.kind, mission.remote
    )
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
        "domain": DOMAIN_CODE.get(mission.domain, UNKNOWN_DOMAIN),
        "kind": KIND_CODE[mission.kind],
        "recurring": recurring,
        "slot_mask": slots_mask(mission.slots) if recurring else one_off_mask(mission),
        "time_known": time_known(mission),
        "contexts": context_bits(contexts),
        "assoc": mission.association_id,
        "families": 0,
        "n_skills": n_skills,
        "skill_norm": 1.0 / max(1, min(n_skills, 2)),
    }


_FACT_FIELDS = tuple(field.name for field in fields(MissionFacts))
_DATE_FIELDS = frozenset({"start_date", "end_date"})
_PLAIN, _COMPRESSED = b"p", b"z"  # the first byte of a record


def pack(mission: MissionFacts, *, description: bool = True) -> bytes:
    """A mission's facts as one record: marshal of plain values (dates as ordinals), compressed
    when it holds the description (records without one hardly shrink: ~220 bytes either way).

    A MissionFacts object with its strings, tuples and dates weighs ~500 bytes besides its
    description; its record ~220 bytes, plus ~600 with a 1 KB description.
    """
    values = []
    for name in _FACT_FIELDS:
        if name == "description" and not description:
            values.append("")
            continue
        value = getattr(mission, name)
        values.append(value.toordinal() if name in _DATE_FIELDS and value is not None else value)
    data = marshal.dumps(tuple(values))
    return _COMPRESSED + zlib.compress(data, 6) if description else _PLAIN + data


def unpack(record: bytes) -> MissionFacts:
    """The facts ``pack`` stored (20 are decoded per request: no validation again, they were valid)."""
    data = zlib.decompress(record[1:]) if record[:1] == _COMPRESSED else record[1:]
    facts = object.__new__(MissionFacts)
    for name, value in zip(_FACT_FIELDS, marshal.loads(data), strict=True):  # noqa: S302 - our own records
        if name in _DATE_FIELDS and value is not None:
            value = date.fromordinal(value)
        object.__setattr__(facts, name, value)
    return facts


def skill_posting_keys(skills: Iterable[str]) -> set[str]:
    """Keys under which a mission's skills are found: each whole skill and each of its words."""
    keys: set[str] = set()
    for skill in skills:
        key = skill_key(skill)
        if key:
            keys.add(key)
            keys.update(key.split())
    return keys


def skill_matches(mission_skills: Sequence[str], candidate_keys: Collection[str]) -> list[str]:
    """The mission's skill labels that one of the candidate's skills covers (whole skill or one word)."""
    matched = []
    for label in mission_skills:
        key = skill_key(label)
        if key and (key in candidate_keys or any(word in candidate_keys for word in key.split())):
            matched.append(label)
    return matched


# --- the text index ---------------------------------------------------------------------------


def append_columns(left: sp.csr_matrix, right: sp.csr_matrix) -> sp.csr_matrix:
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


def keep_columns(matrix: sp.csr_matrix, keep: np.ndarray) -> sp.csr_matrix:
    """The columns of ``matrix`` where the boolean ``keep`` is true, renumbered, in O(nnz)."""
    kept_entries = keep[matrix.indices]
    counts = np.concatenate(([0], np.cumsum(kept_entries, dtype=np.int64)))
    indptr = counts[matrix.indptr]
    new_column = np.cumsum(keep, dtype=np.int64) - 1
    indices = new_column[matrix.indices[kept_entries]].astype(matrix.indices.dtype)
    data = matrix.data[kept_entries]
    return sp.csr_matrix((data, indices, indptr), shape=(matrix.shape[0], int(keep.sum())))


def transpose(matrix: sp.csr_matrix) -> sp.csr_matrix:
    """CSR of the transpose, with sorted indices and float32 data."""
    result = matrix.T.tocsr().astype(np.float32, copy=False)
    result.sort_indices()
    return result


class TermIndex:
    """TF-IDF rows of the missions as a term → missions index: a main part and a small delta.

    Both parts are CSR terms × rows; the delta's columns are the rows after the main ones. Rows
    are never renumbered except by ``compact``, which also drops the given dead rows. A
    candidate's text similarity to every mission is the sum of the rows of the candidate's own
    terms (cost proportional to those terms' postings), never a full ``X @ q`` scan.
    """

    def __init__(self, n_terms: int) -> None:
        self.n_terms = n_terms
        self.main = sp.csr_matrix((n_terms, 0), dtype=np.float32)
        self.delta = sp.csr_matrix((n_terms, 0), dtype=np.float32)

    @classmethod
    def from_rows(cls, matrix: sp.csr_matrix) -> TermIndex:
        """Index the rows of a missions × terms matrix."""
        index = cls(matrix.shape[1])
        index.main = transpose(matrix)
        return index

    @property
    def n_main(self) -> int:
        return int(self.main.shape[1])

    @property
    def n_rows(self) -> int:
        return int(self.main.shape[1] + self.delta.shape[1])

    @property
    def nnz(self) -> int:
        return int(self.main.nnz + self.delta.nnz)

    def append(self, rows: sp.csr_matrix) -> None:
        """Add missions × terms rows after the existing ones (cost: the delta's size)."""
        self.delta = append_columns(self.delta, transpose(rows))

    def compact(self, keep: np.ndarray | None = None) -> None:
        """Fold the delta into the main part and drop the rows where ``keep`` is false."""
        merged = append_columns(self.main, self.delta) if self.delta.shape[1] else self.main
        if keep is not None and not keep.all():
            merged = keep_columns(merged, keep)
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


def release_memory() -> None:
    """Give the memory freed by a build back to the operating system.

    Fitting allocates millions of short-lived strings and Python ints (terms are counted in Python
    dicts); once freed, glibc keeps the pages unless asked, which showed as ~35 MB of extra RSS
    per worker at 100k missions.
    """
    fold_plural.cache_clear()  # up to 200,000 words seen while fitting; requests refill a few
    skill_key.cache_clear()
    gc.collect()
    trim_heap()


@lru_cache(maxsize=1)
def _malloc_trim() -> Callable[[int], int] | None:
    with contextlib.suppress(OSError, AttributeError):
        trim: Callable[[int], int] = ctypes.CDLL("libc.so.6").malloc_trim
        return trim
    return None


def trim_heap() -> None:
    """Return the free pages of the C heap to the operating system (glibc's ``malloc_trim``; a
    no-op elsewhere).

    glibc gives back only the top of its heap when memory is freed: the pages freed below it by a
    request's temporary arrays and lists stay resident. Measured at 100,000 missions, 200 requests
    left a worker ~90 MB larger, all of it free and returned by one trim (~1 ms).
    """
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


class MissionStore:
    """The rows: columns, packed facts, skill postings, the text index and optional embeddings."""

    REINDEX_RECENT = 4096  # rows added since the id index was sorted beyond which it is sorted again

    def __init__(self, n_terms: int, *, keep_descriptions: bool = True) -> None:
        self.n = 0  # rows used (alive or tombstoned)
        self.keep_descriptions = keep_descriptions
        self.n_alive = 0
        self.cols: dict[str, np.ndarray] = {name: np.zeros(0, dtype) for name, dtype in COLUMN_TYPES.items()}
        for name, dtype, width in MATRIX_COLUMNS:
            self.cols[name] = np.zeros((0, width), dtype)
        # One compressed record per row (``pack``), b"" once tombstoned: read for the few results
        # shown (reasons, similar missions, ``mission``), never to rank.
        self.records: list[bytes] = []
        # Mission id -> row: ids of the rows indexed at the last sort (sorted) and their rows, plus
        # the rows appended since (a dict a few thousand entries long at most).
        self._sorted_ids = np.zeros(0, dtype=np.int64)
        self._sorted_rows = np.zeros(0, dtype=np.int32)
        self._recent: dict[int, int] = {}
        self.postings: dict[str, np.ndarray] = {}  # skill key -> rows
        self.index = TermIndex(n_terms)
        self.embeddings: np.ndarray | None = None  # (capacity, d) float32, rows aligned

    def _grow(self, needed: int, embedding_width: int | None) -> None:
        capacity = len(self.cols["id"])
        if embedding_width is not None and self.embeddings is None:
            self.embeddings = np.zeros((capacity, embedding_width), np.float32)
        if needed <= capacity:
            return
        # Exactly the rows asked for by a build; then room for a sixteenth more, since the engine
        # compacts (arrays cut to size) once the rows added reach a twentieth of the main matrix.
        new_capacity = needed if capacity == 0 else max(needed, capacity + max(1024, capacity // 16))
        arrays = dict(self.cols)
        if self.embeddings is not None:
            arrays["__embeddings"] = self.embeddings
        for name, array in arrays.items():
            grown = np.zeros((new_capacity, *array.shape[1:]), array.dtype)
            grown[: self.n] = array[: self.n]
            arrays[name] = grown
        self.embeddings = arrays.pop("__embeddings", None)
        self.cols = arrays

    # --- mission id -> row ----------------------------------------------------------------------

    def row(self, mission_id: int) -> int | None:
        """The live row of a mission, or None."""
        row = self._recent.get(mission_id)
        if row is not None:
            return row
        at = int(np.searchsorted(self._sorted_ids, mission_id))
        if at < self._sorted_ids.size and self._sorted_ids[at] == mission_id:
            row = int(self._sorted_rows[at])
            if self.cols["alive"][row]:
                return row
        return None

    def _reindex(self) -> None:
        """Sort the ids of the live rows again (after a build, many additions or a compaction)."""
        rows = np.flatnonzero(self.cols["alive"][: self.n])
        ids = self.cols["id"][rows]
        order = np.argsort(ids, kind="stable")
        self._sorted_ids = ids[order]
        self._sorted_rows = rows[order].astype(np.int32)
        self._recent = {}

    # --- rows -------------------------------------------------------------------------------------

    def append(
        self,
        missions: Sequence[MissionFacts],
        matrix: sp.csr_matrix,
        embeddings: np.ndarray | None = None,
        families: np.ndarray | None = None,
    ) -> None:
        """Append one row per mission to the columns, records, skill postings and signatures.

        ``matrix`` holds the missions' TF-IDF rows (their near-duplicate signatures are read from
        it); the caller adds it to the text index. A mission already indexed is tombstoned first.
        """
        if self.n_alive:
            for mission in missions:
                self.tombstone(mission.id)
        start = self.n
        needed = start + len(missions)
        self._grow(needed, None if embeddings is None else embeddings.shape[1])
        encoded = [encode(m) for m in missions]
        for name in COLUMN_TYPES:
            self.cols[name][start:needed] = [values[name] for values in encoded]
        del encoded
        self.cols["signature"][start:needed] = signatures_of_rows(matrix)
        if embeddings is not None and self.embeddings is not None:
            self.embeddings[start:needed] = embeddings
        if families is not None:
            self.cols["families"][start:needed] = families
        new_postings: dict[str, list[int]] = {}
        for offset, mission in enumerate(missions):
            row = start + offset
            self.records.append(pack(mission, description=self.keep_descriptions))
            self._recent[mission.id] = row
            for key in skill_posting_keys(mission.skills):
                new_postings.setdefault(key, []).append(row)
        for key, rows in new_postings.items():
            old = self.postings.get(key)
            added = np.asarray(rows, dtype=np.int32)
            self.postings[key] = added if old is None else np.concatenate([old, added])
        self.n = needed
        self.n_alive += len(missions)
        if len(self._recent) > self.REINDEX_RECENT:
            self._reindex()

    def tombstone(self, mission_id: int) -> None:
        """Mark a mission's row dead (unknown ids are ignored)."""
        row = self.row(mission_id)
        if row is not None:
            self.cols["alive"][row] = False
            self.records[row] = b""
            self._recent.pop(mission_id, None)
            self.n_alive -= 1

    def compact(self) -> None:
        """Fold the delta rows into the main matrix and drop tombstoned rows (no refit)."""
        alive = self.cols["alive"][: self.n].copy()
        keep = np.flatnonzero(alive)
        self.index.compact(alive)
        for name, array in self.cols.items():
            self.cols[name] = array[keep]
        if self.embeddings is not None:
            self.embeddings = self.embeddings[keep]
        self.records = [self.records[row] for row in keep.tolist()]
        new_row = np.full(self.n, -1, dtype=np.int64)
        new_row[keep] = np.arange(keep.size)
        postings = {}
        for key, rows in self.postings.items():
            moved = new_row[rows]
            moved = moved[moved >= 0].astype(np.int32)
            if moved.size:
                postings[key] = moved
        self.postings = postings
        self.n = int(keep.size)
        self._reindex()

    def view(self, rows: np.ndarray | slice) -> View:
        """Columns of some rows: a copy for an index array, views (no copy) for a slice."""
        view = View.__new__(View)
        for name in COLUMN_TYPES:
            setattr(view, name, self.cols[name][rows])
        return view

    def everything(self) -> View:
        """Views (no copy) of every used row."""
        return self.view(slice(0, self.n))

    def skill_hits(self, keys: Iterable[str]) -> np.ndarray:
        """Per row, how many of these skill keys the mission's skills contain."""
        hits = np.zeros(self.n, dtype=np.int16)
        for key in keys:
            rows = self.postings.get(key)
            if rows is not None:
                hits[rows] += 1
        return hits

    def full_fact(self, row: int) -> MissionFacts:
        """Facts of a live row, description included (empty when descriptions are not kept)."""
        record = self.records[row]
        assert record, "a tombstoned row has no facts"
        return unpack(record)

    def fact(self, row: int) -> MissionFacts:
        """Facts of a live row (the same as ``full_fact``: one record holds them all)."""
        return self.full_fact(row)

    @property
    def nbytes(self) -> dict[str, int]:
        """Memory held per part (numpy buffers and record bytes; Python object headers aside)."""
        records = sum(len(record) + 33 for record in self.records) + 8 * len(self.records)
        index = sum(
            part.data.nbytes + part.indices.nbytes + part.indptr.nbytes
            for part in (self.index.main, self.index.delta)
        )
        return {
            "columns": sum(array.nbytes for array in self.cols.values()),
            "embeddings": 0 if self.embeddings is None else int(self.embeddings.nbytes),
            "text index": int(index),
            "records": records,
            "id index": int(self._sorted_ids.nbytes + self._sorted_rows.nbytes) + 100 * len(self._recent),
            "skill postings": sum(rows.nbytes for rows in self.postings.values()),
        }


def any_equal(values: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """``np.isin`` for a handful of wanted values: one comparison each, several times faster."""
    if wanted.size > 16:
        return np.isin(values, wanted)
    result = np.zeros(values.shape, dtype=bool)
    for value in wanted.tolist():
        result |= values == value
    return result


def top_k(scores: np.ndarray, ids: np.ndarray, k: int) -> np.ndarray:
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
