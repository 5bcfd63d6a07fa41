"""Mission search index: Whoosh keeps the text, the postings and the per-mission facts;
NumPy scores, filters, counts and sorts.

Why not let Whoosh run the whole query: its matchers and collectors step through every
posting in Python, and facets need every match, not just the top 20, so a 3-word query at
100k missions took ~0.4 s. Here each query term's posting list is read once into arrays
(block by block), BM25 is computed for all matching missions at once, and every filter,
facet and sort works on per-mission columns loaded once per index segment.

Layout of one Whoosh document:
- ``title``, ``skills``, ``description``: French-analysed text (title and description stored
  for highlighting);
- ``id``: the mission id as text, the unique key for updates and deletes;
- ``meta``: a fixed-size binary column with the facts filters need (see ``META_FIELDS``).

Searchers: one is kept open between searches and replaced by a fresh one whenever the index
generation on disk changes (never ``Searcher.refresh()``, which can return stale duplicates
after merges). Whoosh reads files through shared seek/read handles, so searches and the
searcher swap run under a lock.
"""

from __future__ import annotations

import math
import struct
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import numpy as np
from whoosh import columns, fields, qparser, writing
from whoosh.filedb.filestore import FileStorage
from whoosh.index import EmptyIndexError, FileIndex
from whoosh.matching.wrappers import FilterMatcher
from whoosh.query import Query
from whoosh.reading import IndexReader
from whoosh.searching import Searcher

from marketplace.reference.distance import bounding_box, haversine_km_array, longitudes_wrap
from marketplace.search import analysis
from marketplace.search.documents import (
    AGE_BOUNDS,
    DOMAIN_SLUGS,
    MISSION_KIND_SLUGS,
    NO_MAX_AGE,
    SLOTS,
    SNIPPET_CHARS,
    MissionDocument,
    SearchHit,
    SearchQuery,
    SearchResult,
    one_off_slots,
)
from marketplace.text import plain_text

INDEX_NAME = "missions"
TEXT_FIELDS = ("title", "skills", "description")
FIELD_BOOSTS = {"title": 3.0, "skills": 2.0, "description": 1.0}
# BM25: titles and skill lists are short, so their length matters less than a description's.
BM25_K1 = 1.2
BM25_B = {"title": 0.5, "skills": 0.3, "description": 0.75}
WRITER_LIMIT_MB = 256
WRITE_LOCK_TIMEOUT_S = 30.0

FLAG_REMOTE, FLAG_RECURRING, FLAG_LOCATED = 1, 2, 4
DOMAIN_CODES = {slug: code for code, slug in enumerate(DOMAIN_SLUGS)}
KIND_CODES = {slug: code for code, slug in enumerate(MISSION_KIND_SLUGS)}
SLOT_BITS = {slot: 1 << bit for bit, slot in enumerate(SLOTS)}

# One fixed-size record per mission (struct codes), read back as a NumPy table. When changing
# this layout, also rename the ``meta`` field (META_FIELD: meta2, meta3, ...): rebuild()
# recreates an index whose field names differ from the schema's.
META_FIELD = "meta2"  # meta2: one-off missions' weekdays became the slots they cover
META_FIELDS = (
    ("id", "q"),
    ("domain", "B"),
    ("kind", "B"),
    ("flags", "B"),
    ("day_slots", "I"),  # one-off: weekly slots its dates and parts of the day cover
    ("slots", "I"),  # recurring: weekly slots
    ("lat", "d"),
    ("lon", "d"),
    ("start", "i"),  # date ordinals, 0 when unknown
    ("end", "i"),
    ("min_age", "B"),
    ("max_age", "B"),
    ("seats", "i"),
    ("published", "q"),  # Unix seconds, 0 when unknown
    ("len_title", "H"),  # word counts, for BM25 length normalisation
    ("len_skills", "H"),
    ("len_description", "H"),
)
META = struct.Struct("<" + "".join(code for _, code in META_FIELDS))  # little-endian, packed
META_DTYPE = np.dtype([(name, "<" + code) for name, code in META_FIELDS])
META_NAMES = tuple(name for name, _ in META_FIELDS)
assert META.size == META_DTYPE.itemsize


class IndexNotFoundError(FileNotFoundError):
    """No mission index in the given directory."""


# --- schema and documents -------------------------------------------------------------


def build_schema() -> fields.Schema:
    """Return the Whoosh schema of the mission index."""
    text = analysis.french_analyzer()
    return fields.Schema(
        id=fields.ID(unique=True),
        title=fields.TEXT(analyzer=text, phrase=False, stored=True),
        skills=fields.TEXT(analyzer=text, phrase=False),
        description=fields.TEXT(analyzer=text, phrase=False, stored=True),
        **{META_FIELD: fields.COLUMN(columns.FixedBytesColumn(META.size))},
    )


def whoosh_query(text: str, schema: fields.Schema | None = None) -> Query:
    """Return the Whoosh query matching the same missions as ``text`` (for checks and debugging).

    Words are OR-ed over title, skills and description with the field boosts; query syntax
    (fields, wildcards, phrases) is switched off, as in ``MissionIndex.search``.
    """
    group = qparser.OrGroup.factory(0.9)
    parser = qparser.MultifieldParser(list(TEXT_FIELDS), schema or build_schema(), FIELD_BOOSTS, group=group)
    parser.remove_plugin_class(qparser.FieldsPlugin)
    parser.remove_plugin_class(qparser.WildcardPlugin)
    parser.remove_plugin_class(qparser.PhrasePlugin)
    parser.remove_plugin_class(qparser.OperatorsPlugin)
    return parser.parse(text)


def _word_count(text: str) -> int:
    return min(len(text.split()), 0xFFFF)


def _day_slots_mask(doc: MissionDocument) -> int:
    mask = 0
    for slot in one_off_slots(doc):
        mask |= SLOT_BITS[slot]
    return mask


def _timestamp(moment: datetime | None) -> int:
    if moment is None:
        return 0
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return int(moment.timestamp())


def pack_meta(doc: MissionDocument) -> bytes:
    """Return the fixed-size ``meta`` record of a mission."""
    flags = (
        (FLAG_REMOTE if doc.remote else 0)
        | (FLAG_RECURRING if doc.schedule == "recurring" else 0)
        | (FLAG_LOCATED if doc.lat is not None else 0)
    )
    slots = 0
    for slot in doc.slots:
        slots |= SLOT_BITS[slot]
    return META.pack(
        doc.id,
        DOMAIN_CODES[doc.domain],
        KIND_CODES[doc.kind],
        flags,
        _day_slots_mask(doc),
        slots,
        math.nan if doc.lat is None else doc.lat,
        math.nan if doc.lon is None else doc.lon,
        doc.start_date.toordinal() if doc.start_date else 0,
        doc.end_date.toordinal() if doc.end_date else 0,
        min(max(doc.min_age, 0), NO_MAX_AGE - 1),
        NO_MAX_AGE if doc.max_age is None else min(max(doc.max_age, 0), NO_MAX_AGE - 1),
        min(max(doc.seats_left, -(2**31)), 2**31 - 1),
        _timestamp(doc.published_at),
        _word_count(doc.title),
        sum(_word_count(skill) for skill in doc.skills),
        _word_count(doc.description),
    )


def _whoosh_fields(doc: MissionDocument) -> dict[str, Any]:
    skills = " ; ".join(doc.skills)
    return {
        "id": str(doc.id),
        "title": doc.title,
        "skills": skills,
        "description": doc.description,
        META_FIELD: pack_meta(doc),
    }


# --- reading columns and postings into arrays --------------------------------------------


def _column_bytes(reader: IndexReader, fieldname: str, width: int) -> bytes:
    """Return a segment's fixed-width column as one bytes object.

    Fast path: one read of the column's extent (Whoosh 2.7 reader attributes), checked
    against the public per-document API at both ends; otherwise read document by document.
    """
    count = reader.doc_count_all()
    creader = reader.column_reader(fieldname, translate=False)
    try:  # private attributes of Whoosh 2.7's FixedBytesColumn.Reader
        stored = creader._count  # documents actually written in the column
        raw = creader._dbfile.get(creader._basepos, stored * width)
        raw += creader._defaultbytes * (count - stored)
        if count and (raw[:width] != creader[0] or raw[-width:] != creader[count - 1]):
            raise ValueError("column fast path disagrees with the public API")
        return raw
    except (AttributeError, ValueError):
        return b"".join(creader[docnum] for docnum in range(count))


def _postings_fast(matcher: Any, expected: int) -> tuple[np.ndarray, np.ndarray] | None:
    """Read a Whoosh 2.7 (W3) posting list a block at a time; None if the layout differs.

    Each block holds up to 128 postings as (delta-encoded ids, weights or one shared weight);
    the deltas of all blocks are summed by NumPy rather than decoded posting by posting.
    """
    deltas: list[int] = []
    weights: list[float] = []
    block_sizes: list[int] = []
    try:  # private attributes of Whoosh 2.7's W3LeafMatcher
        if matcher._byteids:
            return None
        while matcher.is_active():
            matcher._read_data()
            block_deltas, block_weights = matcher._data[0], matcher._data[1]
            size = len(block_deltas)
            deltas.extend(block_deltas)
            if block_weights is None or isinstance(block_weights, float):
                weights.extend([1.0 if block_weights is None else block_weights] * size)
            else:
                weights.extend(block_weights)
            block_sizes.append(size)
            matcher._next_block()
    except (AttributeError, IndexError, TypeError):
        return None
    if len(deltas) != expected or len(weights) != expected:
        return None
    running = np.cumsum(np.array(deltas, dtype=np.int64))
    # Ids restart from 0 in every block: subtract the running sum reached before each block.
    block_ends = np.cumsum(block_sizes)
    before_block = np.concatenate(([0], running[block_ends[:-1] - 1]))
    ids = running - np.repeat(before_block, block_sizes)
    return ids, np.array(weights, dtype=np.float64)


def _postings_public(reader: IndexReader, fieldname: str, term: str) -> tuple[list[int], list[float]]:
    """Read a posting list one posting at a time through the public matcher API (slow)."""
    matcher = reader.postings(fieldname, term)
    ids: list[int] = []
    weights: list[float] = []
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        matcher.next()
    return ids, weights


def read_postings(reader: IndexReader, fieldname: str, term: str) -> tuple[np.ndarray, np.ndarray]:
    """Return (docnums, term frequencies) of a term in one segment; may include deleted documents."""
    if (fieldname, term) not in reader:
        return np.empty(0, np.int64), np.empty(0, np.float64)
    matcher = reader.postings(fieldname, term)
    if isinstance(matcher, FilterMatcher):
        # Segments with deletions wrap their postings in a per-posting filter: read the raw
        # list instead, callers mask deleted documents anyway.
        matcher = matcher.child
    found = _postings_fast(matcher, reader.doc_frequency(fieldname, term))
    if found is not None:
        return found
    ids, weights = _postings_public(reader, fieldname, term)
    return np.array(ids, dtype=np.int64), np.array(weights, dtype=np.float64)


# --- one open searcher and the arrays derived from it --------------------------------------


@dataclass
class _State:
    """An open searcher of one index generation and its per-mission columns."""

    generation: int
    searcher: Searcher
    leaves: list[tuple[IndexReader, int]]
    table: dict[str, np.ndarray]  # META_FIELDS columns over all segments, by global docnum
    live: np.ndarray  # False for deleted documents
    live_count: int
    avg_length: dict[str, float]

    @property
    def size(self) -> int:
        return self.live.size

    def postings(self, fieldname: str, term: str) -> tuple[np.ndarray, np.ndarray]:
        """Return live (docnums, frequencies) of a term over all segments."""
        parts = [read_postings(reader, fieldname, term) for reader, _ in self.leaves]
        offsets = [offset for _, offset in self.leaves]
        docnums = np.concatenate([ids + offset for (ids, _), offset in zip(parts, offsets, strict=True)])
        freqs = np.concatenate([freqs for _, freqs in parts])
        keep = self.live[docnums]
        return docnums[keep], freqs[keep]

    def knows(self, term: str) -> bool:
        """True if a (stemmed) term occurs in any text field."""
        reader = self.searcher.reader()
        return any((fieldname, term) in reader for fieldname in TEXT_FIELDS)


def _segment_table(reader: IndexReader) -> dict[str, np.ndarray]:
    raw = _column_bytes(reader, META_FIELD, META.size)
    table = np.frombuffer(raw, dtype=META_DTYPE)
    return {name: np.ascontiguousarray(table[name]) for name in META_NAMES}


def _live_mask(reader: IndexReader) -> np.ndarray:
    live = np.ones(reader.doc_count_all(), dtype=bool)
    if reader.has_deletions():
        live[np.fromiter(reader.segment().deleted_docs(), dtype=np.int64)] = False
    return live


# --- query evaluation (pure functions over a _State) --------------------------------------


def _text_scores(state: _State, terms: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """BM25 over the text fields with field boosts, times the share of query words matched.

    Returns (scores, matched) where matched is True for missions containing any query word.
    The coordination factor (words matched / words asked) makes missions with every word
    outrank those repeating one of them, as Whoosh's OrGroup.factory(0.9) intends.
    """
    scores = np.zeros(state.size)
    words_matched = np.zeros(state.size, dtype=np.int16)
    live_count = max(state.live_count, 1)
    for term in terms:
        found = np.zeros(state.size, dtype=bool)
        for fieldname in TEXT_FIELDS:
            docnums, freqs = state.postings(fieldname, term)
            if docnums.size == 0:
                continue
            idf = math.log(live_count / (docnums.size + 1)) + 1
            b = BM25_B[fieldname]
            lengths = state.table[f"len_{fieldname}"][docnums] / state.avg_length[fieldname]
            tf = freqs * (BM25_K1 + 1) / (freqs + BM25_K1 * (1 - b + b * lengths))
            scores[docnums] += FIELD_BOOSTS[fieldname] * idf * tf
            found[docnums] = True
        words_matched += found
    matched = words_matched > 0
    scores *= words_matched / len(terms)
    return scores, matched


def _bounding_box(table: dict[str, np.ndarray], lat: float, lon: float, radius_km: float) -> np.ndarray:
    min_lat, max_lat, min_lon, max_lon = bounding_box(lat, lon, radius_km)
    inside = (table["lat"] >= min_lat) & (table["lat"] <= max_lat)  # NaN (no location) compares False
    if not longitudes_wrap(min_lon, max_lon):
        inside &= (table["lon"] >= min_lon) & (table["lon"] <= max_lon)
    return inside


class _Distances:
    """Distances from the query point, computed only for the missions that need one."""

    def __init__(self, state: _State, query: SearchQuery) -> None:
        if query.lat is None or query.lon is None:
            raise ValueError("distances need a reference point")
        self.table = state.table
        self.lat, self.lon = query.lat, query.lon
        self.values = np.full(state.size, np.nan)
        self.known = np.zeros(state.size, dtype=bool)

    def ensure(self, docnums: np.ndarray) -> np.ndarray:
        """Compute missing distances for docnums (NaN for missions without a location)."""
        todo = docnums[~self.known[docnums]]
        if todo.size:
            lats, lons = self.table["lat"][todo], self.table["lon"][todo]
            self.values[todo] = haversine_km_array(lats, lons, self.lat, self.lon)
            self.known[todo] = True
        return self.values[docnums]


def _age_mask(table: dict[str, np.ndarray], age_range: str) -> np.ndarray:
    low, high = AGE_BOUNDS[age_range]
    return (table["min_age"] <= high) & (table["max_age"] >= low)


def _slots_mask(table: dict[str, np.ndarray], slots: tuple[str, ...]) -> np.ndarray:
    """Missions covering one of the slots: recurring ones by their weekly slots, one-off ones by
    their dates' weekdays and parts of the day (``one_off_slots``).

    Missions with no slots (recurring) or no date (one-off) are flexible and always pass.
    """
    slot_bits = sum(SLOT_BITS[slot] for slot in set(slots))
    recurring = (table["flags"] & FLAG_RECURRING) != 0
    recurring_ok = ((table["slots"] & slot_bits) != 0) | (table["slots"] == 0)
    one_off_ok = ((table["day_slots"] & slot_bits) != 0) | (table["start"] == 0)
    return np.where(recurring, recurring_ok, one_off_ok)


def _dates_mask(table: dict[str, np.ndarray], date_from: date | None, date_to: date | None) -> np.ndarray:
    """Missions whose period overlaps the window; an unknown start or end is open-ended.

    A one-off mission with only a start date lasts that day; one without a date passes.
    """
    window_start = date_from.toordinal() if date_from else -(2**31)
    window_end = date_to.toordinal() if date_to else 2**31 - 1
    start, end = table["start"], table["end"]
    one_off_day = ((table["flags"] & FLAG_RECURRING) == 0) & (start > 0)
    first = np.where(start > 0, start, -(2**31))
    last = np.where(end > 0, end, np.where(one_off_day, start, 2**31 - 1))
    return (first <= window_end) & (last >= window_start)


@dataclass
class _Masks:
    """Filters as boolean arrays: facets leave out their own one."""

    base: np.ndarray  # text match, deletions and every filter but domains and kinds
    domains: np.ndarray | None
    kinds: np.ndarray | None

    def final(self) -> np.ndarray:
        mask = self.base
        for extra in (self.domains, self.kinds):
            if extra is not None:
                mask = mask & extra
        return mask


def _filter_masks(
    state: _State, query: SearchQuery, matched: np.ndarray | None, distances: _Distances | None
) -> _Masks:
    table = state.table
    base = state.live if matched is None else state.live & matched
    if query.mission_ids is not None:
        base = base & np.isin(table["id"], np.fromiter(query.mission_ids, dtype=np.int64))
    remote = (table["flags"] & FLAG_REMOTE) != 0
    if not query.include_remote:
        base = base & ~remote
    if query.with_seats:
        base = base & (table["seats"] > 0)
    if query.age_range:
        base = base & _age_mask(table, query.age_range)
    if query.slots:
        base = base & _slots_mask(table, query.slots)
    if query.date_from or query.date_to:
        base = base & _dates_mask(table, query.date_from, query.date_to)
    if query.radius_km is not None and distances is not None:
        # Bounding box on the columns first, then the exact distance for what is left.
        nearby = base & _bounding_box(table, distances.lat, distances.lon, query.radius_km)
        candidates = np.flatnonzero(nearby)
        within = np.zeros(state.size, dtype=bool)
        within[candidates[distances.ensure(candidates) <= query.radius_km]] = True
        base = base & (within | remote) if query.include_remote else within
    domains = np.isin(table["domain"], [DOMAIN_CODES[d] for d in query.domains]) if query.domains else None
    kinds = np.isin(table["kind"], [KIND_CODES[k] for k in query.kinds]) if query.kinds else None
    return _Masks(base, domains, kinds)


def _facets(state: _State, masks: _Masks) -> dict[str, dict[str, int]]:
    """Counts per domain and per kind, each ignoring its own filter (multi-select facets)."""
    by_domain = masks.base if masks.kinds is None else masks.base & masks.kinds
    by_kind = masks.base if masks.domains is None else masks.base & masks.domains
    domain_counts = np.bincount(state.table["domain"][by_domain], minlength=len(DOMAIN_SLUGS))
    kind_counts = np.bincount(state.table["kind"][by_kind], minlength=len(MISSION_KIND_SLUGS))

    def named(slugs: tuple[str, ...], counts: np.ndarray) -> dict[str, int]:
        pairs = [(slug, int(count)) for slug, count in zip(slugs, counts, strict=False) if count]
        return dict(sorted(pairs, key=lambda pair: (-pair[1], pair[0])))

    return {"domain": named(DOMAIN_SLUGS, domain_counts), "kind": named(MISSION_KIND_SLUGS, kind_counts)}


def _top(docnums: np.ndarray, keys: list[np.ndarray], start: int, stop: int) -> np.ndarray:
    """Return docnums[start:stop] in the order of ``keys`` (first key first, all ascending).

    Only the candidates whose first key reaches the stop-th value are fully sorted; ties at
    that value are all kept so that pages never overlap or skip a mission.
    """
    if stop < docnums.size:
        threshold = np.partition(keys[0], stop - 1)[stop - 1]
        keep = keys[0] <= threshold
        docnums, keys = docnums[keep], [key[keep] for key in keys]
    order = np.lexsort(keys[::-1])
    return docnums[order][start:stop]


def _page(
    state: _State,
    query: SearchQuery,
    docnums: np.ndarray,
    scores: np.ndarray | None,
    distances: _Distances | None,
) -> np.ndarray:
    table = state.table
    start = (query.page - 1) * query.per_page
    stop = start + query.per_page
    if start >= docnums.size:
        return docnums[:0]
    ids = table["id"][docnums]
    relevance = -scores[docnums] if scores is not None else -table["published"][docnums].astype(np.float64)
    if query.sort == "date":
        dates = table["start"][docnums].astype(np.float64)
        keys = [np.where(dates > 0, dates, np.inf), relevance, ids]
    elif query.sort == "distance" and distances is not None:
        remote = (table["flags"][docnums] & FLAG_REMOTE) != 0
        km = distances.ensure(docnums)
        keys = [np.where(remote | np.isnan(km), np.inf, km), relevance, ids]
    else:
        keys = [relevance, -table["published"][docnums], ids]
    return _top(docnums, keys, start, stop)


def _highlights(state: _State, docnum: int, terms: list[str]) -> dict[str, str]:
    if not terms:
        return {}
    stored = state.searcher.stored_fields(docnum)
    snippets = {
        "title": analysis.highlight(stored.get("title", ""), terms),
        "description": analysis.highlight(
            plain_text(stored.get("description", "")), terms, width=SNIPPET_CHARS
        ),
    }
    return {name: snippet for name, snippet in snippets.items() if snippet}


def _surface_word(state: _State, stem: str) -> str:
    """Return a word as written in some mission title or description for an indexed stem."""
    for fieldname in ("title", "description"):
        docnums, _ = state.postings(fieldname, stem)
        if docnums.size:
            text = state.searcher.stored_fields(int(docnums[0])).get(fieldname, "")
            for start, end in analysis.matching_spans(text, [stem])[:1]:
                return text[start:end].lower()
    return stem


def _suggestion(state: _State, text: str) -> str | None:
    """Return ``text`` with each unknown word replaced by the closest indexed word, or None.

    Whoosh's correctors look through the (stemmed, accent-folded) terms of the title and
    description; the suggestion shows the word as missions write it ("bénévoles", not "benevol").
    """
    pieces, cursor = [], 0
    for stem, start, end in analysis.term_spans(text):
        if state.knows(stem):
            continue
        found = _closest_term(state.searcher.reader(), stem)
        if found:
            pieces += [text[cursor:start], _surface_word(state, found)]
            cursor = end
    return "".join(pieces) + text[cursor:] if pieces else None


def _closest_term(reader: IndexReader, stem: str) -> str | None:
    """Return the most frequent title/description term at the smallest edit distance (1, then 2)."""
    fieldnames = ("title", "description")
    for maxdist in (1, 2):  # Whoosh ranks the suggestions within maxdist by frequency only
        candidates = {
            word
            for name in fieldnames
            for word in reader.corrector(name).suggest(stem, limit=3, maxdist=maxdist, prefix=1)
        }
        if candidates:
            return max(
                sorted(candidates), key=lambda word: sum(reader.frequency(n, word) for n in fieldnames)
            )
    return None


def _run_search(state: _State, query: SearchQuery) -> SearchResult:
    terms = analysis.query_terms(query.q) if query.q.strip() else []
    scores, matched = _text_scores(state, terms) if terms else (None, None)
    distances = _Distances(state, query) if query.has_location else None
    masks = _filter_masks(state, query, matched, distances)
    docnums = np.flatnonzero(masks.final())
    page = _page(state, query, docnums, scores, distances)
    page_km = distances.ensure(page) if distances is not None else None
    hits = [
        SearchHit(
            id=int(state.table["id"][docnum]),
            score=float(scores[docnum]) if scores is not None else 0.0,
            distance_km=None if page_km is None or math.isnan(page_km[i]) else round(float(page_km[i]), 2),
            highlights=_highlights(state, int(docnum), terms),
        )
        for i, docnum in enumerate(page)
    ]
    total = int(docnums.size)
    return SearchResult(
        hits=hits,
        total=total,
        page=query.page,
        per_page=query.per_page,
        facets=_facets(state, masks),
        suggestion=_suggestion(state, query.q) if total == 0 and terms else None,
    )


# --- the index ------------------------------------------------------------------------------


class MissionIndex:
    """A Whoosh mission index in one directory; safe to share between threads."""

    def __init__(self, directory: str | Path) -> None:
        self.directory = Path(directory)
        self._ix: FileIndex | None = None
        self._state: _State | None = None
        self._segments: dict[str, dict[str, np.ndarray]] = {}
        self._lock = threading.RLock()

    # lifecycle

    def exists(self) -> bool:
        """True if the directory holds a mission index."""
        return self.directory.is_dir() and FileStorage(str(self.directory)).index_exists(INDEX_NAME)

    def create(self) -> MissionIndex:
        """Create an empty index, replacing any index in the directory."""
        with self._lock:
            self._drop_state()
            self.directory.mkdir(parents=True, exist_ok=True)
            self._ix = FileStorage(str(self.directory)).create_index(build_schema(), indexname=INDEX_NAME)
        return self

    def open(self) -> MissionIndex:
        """Open the existing index; raise IndexNotFoundError when there is none."""
        with self._lock:
            if not self.exists():
                raise IndexNotFoundError(f"no mission index in {self.directory}")
            try:
                self._ix = FileStorage(str(self.directory)).open_index(INDEX_NAME)
            except EmptyIndexError as error:
                raise IndexNotFoundError(str(error)) from error
        return self

    def open_or_create(self) -> MissionIndex:
        """Open the index, creating an empty one if needed."""
        return self.open() if self.exists() else self.create()

    def close(self) -> None:
        """Close the open searcher (the index can be used again afterwards)."""
        with self._lock:
            self._drop_state()
            self._segments.clear()

    # writes: one writer per call, so one commit (and at most one merge) per batch

    def rebuild(self, documents: Iterable[MissionDocument]) -> int:
        """Replace the whole content by ``documents``; searches see the old content until the end."""
        ix = self._index()
        if set(ix.schema.names()) != set(build_schema().names()):
            ix = self.create()._index()
        writer = ix.writer(procs=1, limitmb=WRITER_LIMIT_MB, timeout=WRITE_LOCK_TIMEOUT_S)

        def write() -> int:
            count = 0
            for doc in documents:
                writer.add_document(**_whoosh_fields(doc))
                count += 1
            return count

        # CLEAR drops the previous segments in the same commit: no empty index in between.
        return self._write(writer, write, mergetype=writing.CLEAR)

    def upsert(self, documents: Iterable[MissionDocument]) -> int:
        """Add or replace missions (by id) in one commit; return how many were written."""
        latest = {doc.id: doc for doc in documents}  # the last version of a repeated id wins
        if not latest:
            return 0
        writer = self._index().writer(procs=1, limitmb=64, timeout=WRITE_LOCK_TIMEOUT_S)

        def write() -> int:
            with writer.searcher() as searcher:  # one searcher for all the deletions
                for mission_id in latest:
                    writer.delete_by_term("id", str(mission_id), searcher=searcher)
            for doc in latest.values():
                writer.add_document(**_whoosh_fields(doc))
            return len(latest)

        return self._write(writer, write)

    def delete(self, ids: Iterable[int]) -> int:
        """Remove missions by id in one commit; return how many documents were removed."""
        wanted = {int(mission_id) for mission_id in ids}
        if not wanted:
            return 0
        writer = self._index().writer(procs=1, limitmb=32, timeout=WRITE_LOCK_TIMEOUT_S)

        def write() -> int:
            with writer.searcher() as searcher:
                return sum(writer.delete_by_term("id", str(key), searcher=searcher) for key in wanted)

        return self._write(writer, write)

    def _write(self, writer: writing.IndexWriter, work: Callable[[], int], **commit_args: Any) -> int:
        try:
            count = work()
        except BaseException:
            writer.cancel()
            raise
        writer.commit(**commit_args)
        with self._lock:
            self._drop_state()  # the next search opens a fresh searcher
        return count

    # reads

    def search(self, query: SearchQuery) -> SearchResult:
        """Run a search: words, filters, facets, sort, one page of hits."""
        with self._lock:
            state = self._current_state()
            if state.size == 0:
                return SearchResult(
                    hits=[],
                    total=0,
                    page=query.page,
                    per_page=query.per_page,
                    facets={"domain": {}, "kind": {}},
                )
            return _run_search(state, query)

    def count(self) -> int:
        """Number of missions in the index."""
        with self._lock:
            return self._current_state().live_count

    def all_ids(self) -> set[int]:
        """Ids of every mission in the index."""
        with self._lock:
            state = self._current_state()
            return set(state.table["id"][state.live].tolist())

    def generation(self) -> int:
        """Generation of the index on disk; it changes with every commit."""
        return self._index().latest_generation()

    # searcher management

    def _index(self) -> FileIndex:
        with self._lock:
            if self._ix is None:
                self.open_or_create()
            return self._ix

    def _drop_state(self) -> None:
        if self._state is not None:
            self._state.searcher.close()
            self._state = None

    def _current_state(self) -> _State:
        """Return the open searcher's state, reopening when another commit happened."""
        ix = self._index()
        generation = ix.latest_generation()
        if self._state is None or self._state.generation != generation:
            self._drop_state()
            self._state = self._open_state(ix, generation)
        return self._state

    def _open_state(self, ix: FileIndex, generation: int) -> _State:
        searcher = ix.searcher()
        reader = searcher.reader()
        leaves = list(reader.leaf_readers()) if reader.doc_count_all() else []
        tables, lives, seen = [], [], {}
        for leaf, _ in leaves:
            segment_id = leaf.segment().segment_id()
            seen[segment_id] = self._segments.get(segment_id) or _segment_table(leaf)
            tables.append(seen[segment_id])
            lives.append(_live_mask(leaf))
        self._segments = seen  # forget merged-away segments
        if tables:
            table = {name: np.concatenate([t[name] for t in tables]) for name in META_NAMES}
            live = np.concatenate(lives)
        else:
            table = {name: np.empty(0, dtype=META_DTYPE[name]) for name in META_NAMES}
            live = np.empty(0, dtype=bool)
        live_count = int(live.sum())
        avg_length = {
            name: max(float(table[f"len_{name}"][live].mean()), 1.0) if live_count else 1.0
            for name in TEXT_FIELDS
        }
        return _State(generation, searcher, leaves, table, live, live_count, avg_length)
