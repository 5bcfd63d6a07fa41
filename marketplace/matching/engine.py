"""The matching engine: hard filters, a learnable linear blend of features, asked kinds first,
near-duplicates apart, and true reasons (pure: no Flask, no database).

Pieces, one module each:

- ``store``: one ROW per indexed mission version (numpy columns, the transposed TF-IDF index,
  skill postings, MinHash signatures, optional embeddings); incremental ``upsert``/``remove``
  keep the fitted vocabulary (new rows go to a small delta, folded in by ``compact``);
- ``filters``: what a person can never be shown (tests/data/matching/README.md "Eligibility");
- ``features``: one float32 column per feature; the score is ``values @ weights`` with the
  weights of ``weights.json`` (fitted offline on ``feature_matrix``, so offline figures are the
  live ones);
- ``diversity``: no two near-duplicates in the first five unless nothing else fits;
- ``explain``: reasons from the features that added most, and ``reason_holds``.

Ranking: missions of the kinds the person asked for, by score; other kinds only when no mission
of those kinds is eligible (issue 11: "others only when nothing else fits"), flagged
``outside_request=("kind",)``.
Every public method takes an internal lock, so one engine can serve several threads.
"""

from __future__ import annotations

import importlib
import math
import os
import threading
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np

from marketplace.matching import filters
from marketplace.matching import reasons as R
from marketplace.matching.context import Context, build_context
from marketplace.matching.diversity import diversify
from marketplace.matching.explain import DOMAIN_WORDS, Explainer, recommendation_reasons
from marketplace.matching.features import FeatureMatrix, Features, compute, tiers
from marketplace.matching.store import (
    COLUMN_TYPES,
    MissionStore,
    TermIndex,
    View,
    encode,
    release_memory,
    skill_matches,
    skill_posting_keys,
    top_k,
)
from marketplace.matching.text import TextModel, mission_text, skill_key
from marketplace.matching.types import (
    CandidateFacts,
    CandidateMatch,
    K,
    MissionFacts,
    Reason,
    Recommendation,
)
from marketplace.matching.weights import FEATURE_NAMES, Blend, Weights
from marketplace.reference.distance import KM_PER_DEGREE, haversine_km_array
from marketplace.reference.thesaurus import FAMILIES
from marketplace.reference.thesaurus import families as families_of

if TYPE_CHECKING:
    from marketplace.matching.weights import SemanticModel

__all__ = ["Blend", "FeatureMatrix", "MatchingEngine", "Weights"]

_FAMILY_BIT = {family: 1 << index for index, family in enumerate(FAMILIES)}  # 53 families < 63 bits
DIVERSITY_POOL = 20  # extra results looked at so near-duplicates can be moved down
_TIER_GAP = 1000.0  # added per tier to the ranking key: asked kinds always first
_DEFAULT: Any = object()


@lru_cache(maxsize=1)
def default_semantic() -> SemanticModel | None:
    """The semantic model when it is installed, else None (the semantic feature is then 0)."""
    try:
        module = importlib.import_module("marketplace.matching.semantic")
    except ImportError:
        return None
    model: SemanticModel | None = module.SemanticModel.load(os.environ.get("TREMPLIN_SEMANTIC_MODEL") or None)
    return model


@lru_cache(maxsize=1)
def default_blend() -> Blend:
    """The blend of weights.json (read once per process)."""
    return Blend.load()


def family_mask(tokens: list[str]) -> int:
    """Bits of the thesaurus families these lemmas name."""
    mask = 0
    for family in families_of(tokens):
        mask |= _FAMILY_BIT.get(family, 0)
    return mask


def _lemma_idf(model: SemanticModel, documents: list[str]) -> tuple[dict[str, float], float]:
    """Smoothed idf of each lemma over the missions (how rare a word is weighs its vector), for
    the lemmas that have a vector (the others weigh nothing: ~150,000 lemmas at 100,000 missions,
    of which most are names and typos), and the largest idf of all, the weight of an unseen lemma."""
    counts: Counter[str] = Counter()
    for text in documents:
        counts.update(set(model.tokens(text)))
    n = len(documents)
    largest = math.log((1 + n) / (1 + min(counts.values(), default=1))) + 1.0 if counts else 1.0
    idf = {
        lemma: math.log((1 + n) / (1 + df)) + 1.0 for lemma, df in counts.items() if model.has_vector(lemma)
    }
    return idf, largest


def mission_document(mission: MissionFacts) -> str:
    """The text a mission is embedded from."""
    return f"{mission.title}. {mission.description} {' ; '.join(mission.skills)}"


class MatchingEngine:
    """Recommends missions to candidates, similar missions, and candidates for a mission.

    Build with ``MatchingEngine.fit(missions)``; keep fresh with ``upsert``/``remove``; compare
    ``version`` with the database stamp to know when to update.
    """

    COMPACT_MIN_ROWS = 1024  # fold the delta into the main matrix beyond this many rows...
    COMPACT_FRACTION = 0.05  # ...or beyond this fraction of the main matrix, whichever is larger
    COMPACT_DEAD_FRACTION = 0.2  # ...or when this fraction of the rows are tombstones

    def __init__(
        self,
        text_model: TextModel,
        *,
        weights: Weights | None = None,
        blend: Blend | None = None,
        semantic: SemanticModel | None = _DEFAULT,
        keep_descriptions: bool = True,
    ) -> None:
        """An empty engine around a fitted text model; use ``fit`` to build one.

        ``keep_descriptions=False`` keeps no mission description once indexed (a worker: ~600 bytes
        a mission, the largest part of its facts); ``similar_to`` is then given the mission.
        """
        self.text = text_model
        self.weights = weights or Weights()
        self.blend = blend or default_blend()
        self._blend_vector = self.blend.vector(FEATURE_NAMES)
        self.semantic = default_semantic() if semantic is _DEFAULT else semantic
        self.version = 0
        self._lock = threading.RLock()
        self._store = MissionStore(text_model.n_terms, keep_descriptions=keep_descriptions)

    # --- building -----------------------------------------------------------------------------

    @classmethod
    def fit(
        cls,
        missions: Iterable[MissionFacts],
        *,
        weights: Weights | None = None,
        blend: Blend | None = None,
        version: int = 0,
        min_df: int | float | None = None,
        text_model: TextModel | None = None,
        semantic: SemanticModel | None = _DEFAULT,
        keep_descriptions: bool = True,
    ) -> MatchingEngine:
        """Fit TF-IDF on these missions and index them (pass ``text_model`` to reuse a vocabulary)."""
        missions = list({m.id: m for m in missions}.values())
        texts = (mission_text(m.title, m.description, m.skills, m.domain) for m in missions)
        if text_model is None:
            text_model, matrix = TextModel.fit(texts, count=len(missions), min_df=min_df)
        else:
            matrix = text_model.transform(texts)
        engine = cls(
            text_model, weights=weights, blend=blend, semantic=semantic, keep_descriptions=keep_descriptions
        )
        engine._store.append(missions, matrix, *engine._semantic_rows(missions))
        engine._store.index = TermIndex.from_rows(matrix)
        engine.version = version
        del matrix
        if len(missions) >= 5000:  # a full collection costs more than it returns on small sets
            release_memory()
        return engine

    def _semantic_rows(self, missions: list[MissionFacts]) -> tuple[np.ndarray | None, np.ndarray | None]:
        """Embeddings (n, d) float32 and thesaurus family bitmasks of missions; (None, None)
        without the semantic model. The first call (the build) also counts the lemmas' idf."""
        if self.semantic is None or not missions:
            return None, None
        semantic = self.semantic
        documents = [mission_document(m) for m in missions]
        if self.text.lemma_idf is None:
            self.text.lemma_idf, self.text.unseen_lemma_idf = _lemma_idf(semantic, documents)
        # Lemmas once per document for its embedding and its families, a batch at a time (the
        # lemma lists of 100,000 missions would weigh more than the engine).
        idf, unseen = self.text.lemma_idf, self.text.unseen_lemma_idf
        embeddings, families = [], []
        for start in range(0, len(documents), 2048):
            tokens = [semantic.tokens(text) for text in documents[start : start + 2048]]
            embeddings.append(semantic.embed_tokens(tokens, idf, default_weight=unseen))
            families.append(np.asarray([family_mask(lemmas) for lemmas in tokens], dtype=np.int64))
        rows = np.concatenate(embeddings).astype(np.float32, copy=False)
        if self.text.semantic_mean is None:
            self.text.semantic_mean = rows.mean(axis=0, dtype=np.float64).astype(np.float32)
        return self._centred(rows), np.concatenate(families)

    def _embed(self, texts: list[str]) -> np.ndarray:
        """Centred embeddings of texts (see ``_centred``)."""
        return self._centred(self._embed_raw(texts))

    def _centred(self, rows: np.ndarray) -> np.ndarray:
        """Rows minus the mean mission embedding of the build, L2-normalised again (in place).

        Means of word vectors share a large common direction (every text is "French prose about
        volunteering"), so raw cosines sit between 0.3 and 0.9 whatever the subject; removing the
        missions' mean keeps what sets a text apart (the "all-but-the-top" post-processing of
        word embeddings, reduced to its first step). A row without any known word stays zero.
        """
        mean = self.text.semantic_mean
        if mean is None or rows.size == 0:
            return rows
        # In place, and norms by einsum: no temporary the size of a 100k-row matrix.
        known = np.einsum("ij,ij->i", rows, rows)[:, None] > 0
        np.subtract(rows, mean, out=rows, where=known)
        norms = np.sqrt(np.einsum("ij,ij->i", rows, rows))[:, None]
        np.divide(rows, norms, out=rows, where=known & (norms > 0))
        return rows

    def _embed_raw(self, texts: list[str]) -> np.ndarray:
        """Embeddings weighted by the lemma idf, an unseen lemma weighing as the rarest one seen."""
        assert self.semantic is not None
        return self.semantic.embed(texts, self.text.lemma_idf, default_weight=self.text.unseen_lemma_idf)

    def _family_masks(self, documents: list[str]) -> np.ndarray:
        assert self.semantic is not None
        return np.asarray([family_mask(self.semantic.tokens(text)) for text in documents], dtype=np.int64)

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
                    self._store.tombstone(mission.id)
                matrix = self.text.transform(
                    mission_text(m.title, m.description, m.skills, m.domain) for m in missions
                )
                self._store.append(missions, matrix, *self._semantic_rows(missions))
                self._store.index.append(matrix)
                self._maybe_compact()
            self._bump(version)

    def remove(self, mission_ids: Iterable[int], *, version: int | None = None) -> None:
        """Forget missions (unknown ids are ignored); bumps ``version``."""
        with self._lock:
            for mission_id in mission_ids:
                self._store.tombstone(mission_id)
            self._maybe_compact()
            self._bump(version)

    def _maybe_compact(self) -> None:
        store = self._store
        delta_rows = store.n - store.index.n_main
        dead = store.n - store.n_alive
        if delta_rows > max(self.COMPACT_MIN_ROWS, self.COMPACT_FRACTION * store.index.n_main) or (
            dead > self.COMPACT_MIN_ROWS and dead > self.COMPACT_DEAD_FRACTION * store.n
        ):
            self.compact()

    def compact(self) -> None:
        """Fold the delta rows into the main matrix and drop tombstoned rows (no refit)."""
        with self._lock:
            self._store.compact()

    # --- inspection ---------------------------------------------------------------------------

    def __len__(self) -> int:
        return self._store.n_alive

    def __contains__(self, mission_id: object) -> bool:
        return isinstance(mission_id, int | np.integer) and self._store.row(int(mission_id)) is not None

    def mission(self, mission_id: int) -> MissionFacts:
        """The indexed facts of a mission (KeyError if unknown)."""
        with self._lock:
            row = self._store.row(mission_id)
            if row is None:
                raise KeyError(mission_id)
            return self._store.full_fact(row)

    def stats(self) -> dict[str, int]:
        """Sizes for monitoring: missions, rows, terms, non-zeros, delta and dead rows, version."""
        with self._lock:
            store = self._store
            return {
                "missions": store.n_alive,
                "rows": store.n,
                "terms": self.text.n_terms,
                "nnz": store.index.nnz,
                "delta_rows": store.n - store.index.n_main,
                "dead_rows": store.n - store.n_alive,
                "version": self.version,
            }

    def memory(self) -> dict[str, int]:
        """Bytes held per part: numpy buffers and packed records (the Python objects around them,
        and the semantic model shared by every engine of the process, aside)."""
        with self._lock:
            parts = self._store.nbytes
            parts["vocabulary"] = self.text.vocabulary.nbytes + int(self.text.idf.nbytes)
            return parts

    # --- shared pieces of the queries ---------------------------------------------------------

    def _context(self, candidate: CandidateFacts, exclude: Collection[int] = ()) -> Context:
        ctx = build_context(self.text, candidate, exclude)
        if self.semantic is not None and ctx.text.strip():
            ctx.embedding = self._embed([ctx.text])[0].astype(np.float32, copy=False)
            ctx.family_mask = family_mask(self.semantic.tokens(ctx.text))
        return ctx

    def _eligible(
        self, ctx: Context, today: date | None, *, times: str = "fit", next_step_only: bool = False
    ) -> tuple[np.ndarray, np.ndarray]:
        """Mask of the rows passing the hard filters (``times``: "fit" the availability rule, or
        "miss" it while passing every other filter) and distances (NaN when not measured)."""
        v = self._store.everything()
        mask = filters.open_mask(v, today) & filters.person_mask(ctx, v)
        available = filters.available_mask(ctx, v)
        mask &= available if times == "fit" else ~available
        if next_step_only:
            mask &= filters.step_mask(ctx, v)
        keep, dist = filters.geo_filter(ctx, v, mask)
        mask &= keep
        return mask, dist

    def _features(self, ctx: Context, rows: np.ndarray | slice, dist: np.ndarray) -> tuple[View, Features]:
        """Columns and features of some rows (a slice: every row, on views of the columns)."""
        store = self._store
        view = store.view(rows)
        n = view.id.size
        text_cos = store.index.scores(ctx.q_idx, ctx.q_w)[rows] if ctx.q_idx.size else np.zeros(n, np.float32)
        hits = store.skill_hits(ctx.skill_keys)[rows] if ctx.skill_keys else None
        semantic = None
        if ctx.embedding is not None and store.embeddings is not None and n:
            semantic = np.maximum(store.embeddings[rows] @ ctx.embedding, np.float32(0))
        families = None
        if ctx.family_mask:
            shared = np.bitwise_count(view.families & np.int64(ctx.family_mask)).astype(np.float32)
            families = np.minimum(shared * np.float32(1 / self.weights.families_saturation), np.float32(1))
        features = compute(
            ctx, view, text_cos, hits, dist, self.weights, semantic=semantic, families=families
        )
        return view, features

    def feature_matrix(
        self, candidate: CandidateFacts, *, today: date, exclude: Collection[int] = ()
    ) -> FeatureMatrix:
        """Features of every mission recommendable to this candidate (hard filters applied, other
        kinds included), for fitting the blend offline; ``recommend`` ranks by their blend."""
        with self._lock:
            ctx = self._context(candidate, exclude)
            mask, dist = self._eligible(ctx, today)
            rows = np.flatnonzero(mask)
            view, features = self._features(ctx, rows, dist[rows])
            return FeatureMatrix(view.id.astype(np.int64), FEATURE_NAMES, features.matrix(), tiers(ctx, view))

    def _ranked(
        self,
        ctx: Context,
        mask: np.ndarray,
        dist: np.ndarray,
        *,
        limit: int,
        today: date,
        flag: tuple[str, ...],
    ) -> list[Recommendation]:
        """The best ``limit`` rows of ``mask``: asked kinds first, near-duplicates apart."""
        n_rows = int(np.count_nonzero(mask))
        if n_rows == 0 or limit <= 0:
            return []
        every = n_rows * 3 >= mask.size
        # Most rows pass (no location, a large radius): scoring every row on views of the columns
        # costs less than copying the survivors out first.
        rows = np.arange(mask.size) if every else np.flatnonzero(mask)
        view, features = self._features(ctx, slice(0, mask.size) if every else rows, dist[rows])
        scores = features.scores(self._blend_vector)
        tier = tiers(ctx, view)
        key = scores.astype(np.float64) - tier * _TIER_GAP  # other kinds fall far below
        if every:
            key -= ~mask * (4 * _TIER_GAP)  # rows that failed a filter, below everything
        pool = top_k(key, view.id, limit + DIVERSITY_POOL)
        if every:
            pool = pool[mask[pool]]
        asked = int(np.count_nonzero(tier[mask[rows]] == 0)) if every else int(np.count_nonzero(tier == 0))
        if asked:
            pool = pool[tier[pool] == 0]  # something of what was asked fits: nothing else
        signatures = self._store.cols["signature"][rows[pool]]
        order: list[int] = []
        for level in (0, 1):
            order += diversify([i for i in range(pool.size) if tier[pool[i]] == level], signatures)
        best = pool[np.asarray(order[:limit], dtype=np.int64)]
        values = features.matrix(best)
        term_weights = self._store.index.weights_at(ctx.q_idx, rows[best])
        results = []
        for column, position in enumerate(best.tolist()):
            mission = self._store.fact(int(rows[position]))
            contributions = dict(
                zip(FEATURE_NAMES, (values[column] * self._blend_vector).tolist(), strict=True)
            )
            km = float(features.extras.distance_km[position])
            reasons = recommendation_reasons(
                ctx,
                mission,
                contributions,
                distance_km=km,
                step_match=bool(features.extras.step_match[position]),
                helped=bool(features.extras.helped[position]),
                term_weights=term_weights[:, column],
                today=today,
                reason_min_contribution=self.weights.reason_min_contribution,
                minors_priority=self.weights.minors_reason_priority,
            )
            outside = flag + (("kind",) if tier[position] else ())
            score = min(1.0, max(0.0, round(float(scores[position]), 6)))
            distance = None if math.isnan(km) else round(km, 1)
            results.append(Recommendation(mission.id, score, reasons, distance, outside))
        return results

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

        Hard filters: see ``filters`` (open, place, whole age range, leadership gating, avoided
        domains/kinds/contexts, weekly availability, not already taken or in ``exclude``).
        Missions of the kinds asked only; others only when none of those kinds is eligible,
        flagged ``outside_request=("kind",)``. ``next_step_only`` keeps
        the missions of the candidate's next pathway step (the dashboard's "next step" list).
        """
        with self._lock:
            if limit <= 0 or self._store.n == 0:
                return []
            ctx = self._context(candidate, exclude)
            mask, dist = self._eligible(ctx, today, next_step_only=next_step_only)
            return self._ranked(ctx, mask, dist, limit=limit, today=today, flag=())

    def recommend_other_times(
        self, candidate: CandidateFacts, *, limit: int, today: date, exclude: Collection[int] = ()
    ) -> list[Recommendation]:
        """Missions that fail ONLY the availability rule, best first, ``outside_request=("time",)``.

        Empty when the rule does not apply (no weekly slots, or flexible hours).
        """
        with self._lock:
            if limit <= 0 or self._store.n == 0:
                return []
            ctx = self._context(candidate, exclude)
            if not ctx.availability_applies:
                return []
            mask, dist = self._eligible(ctx, today, times="miss")
            return self._ranked(ctx, mask, dist, limit=limit, today=today, flag=("time",))

    def similar_to(
        self,
        mission_id: int,
        *,
        limit: int = 6,
        today: date | None = None,
        mission: MissionFacts | None = None,
    ) -> list[Recommendation]:
        """Open missions close to this one (text, domain, skills, association, place); [] if unknown.

        Reasons say what the two missions share; ``today`` also drops missions already over.
        ``mission``: its facts, description included, when the engine keeps no descriptions.
        """
        with self._lock:
            store = self._store
            row = store.row(mission_id)
            if row is None or limit <= 0:
                return []
            if mission is None or mission.id != mission_id:
                mission = store.full_fact(row)
            w = self.weights
            n = store.n
            v = store.everything()
            mask = filters.open_mask(v, today)
            mask[row] = False
            if not mask.any():
                return []
            text_of = mission_text(mission.title, mission.description, mission.skills, mission.domain)
            q_idx, q_w, q_terms = self.text.vector_with_terms(text_of)
            explainer = Explainer(q_terms, q_w, text_of)

            f32 = np.float32
            text = np.minimum(store.index.scores(q_idx, q_w) * f32(1.0 / w.text_saturation), f32(1.0))
            score = text * f32(w.similar_text)
            same_domain = v.domain == v.domain[row]
            score += same_domain * f32(w.similar_domain)
            same_assoc = v.assoc == mission.association_id
            score += same_assoc * f32(w.similar_association)
            own_keys = {key for key in (skill_key(s) for s in mission.skills) if key}
            skills = np.zeros(n, dtype=f32)
            if own_keys:
                skills = np.minimum(store.skill_hits(own_keys) * v.skill_norm, f32(1.0))
                score += skills * f32(w.similar_skills)
            # Place: e^(-d / decay); beyond five decay lengths it is ~0, so only a box is measured.
            dist = np.full(n, np.nan)
            if mission.lat is not None and mission.lon is not None:
                near = np.isnan(v.lat) * f32(w.neutral)
                reach = 5 * w.similar_distance_km
                box = np.flatnonzero(
                    (np.abs(v.lat - mission.lat) <= reach / KM_PER_DEGREE)
                    & (
                        np.abs(v.lon - mission.lon)
                        <= reach / (KM_PER_DEGREE * max(0.05, np.cos(np.radians(mission.lat))))
                    )
                )
                dist[box] = haversine_km_array(v.lat[box], v.lon[box], mission.lat, mission.lon)
                near[box] = np.exp(dist[box] * (-1.0 / w.similar_distance_km))
            else:
                near = np.full(n, w.neutral, dtype=f32)
            if mission.remote:
                near = np.maximum(near, v.remote.astype(f32))
            score += near * f32(w.similar_distance)
            shown = mask & (score >= f32(w.similar_min_score))
            score -= ~shown * f32(2.0)  # hidden rows fall below 0
            best = top_k(score, v.id, limit)
            best = best[score[best] >= 0]
            term_weights = store.index.weights_at(q_idx, best)
            results = []
            for column, i in enumerate(best.tolist()):
                other = store.fact(i)
                found: list[tuple[float, Reason]] = []
                shared_skills = skill_matches(other.skills, own_keys) if skills[i] > 0 else []
                if shared_skills:
                    params = {"skills": shared_skills[:3]}
                    found.append((w.similar_skills * skills[i], Reason(R.SHARED_SKILL, params)))
                if text[i] > 0:
                    skip = {word for label in shared_skills for word in skill_key(label).split()}
                    if same_domain[i]:
                        skip |= DOMAIN_WORDS.get(other.domain, frozenset())
                    terms = explainer.pick(term_weights[:, column], skip)
                    if terms:
                        found.append((w.similar_text * text[i], Reason(R.SIMILAR_TEXT, {"terms": terms})))
                if same_domain[i]:
                    found.append((w.similar_domain, Reason(R.SAME_DOMAIN, {"domain": other.domain})))
                if same_assoc[i]:
                    named = {"association_name": other.association_name}
                    found.append((w.similar_association, Reason(R.SAME_ASSOCIATION, named)))
                if not np.isnan(dist[i]) and dist[i] <= w.similar_distance_km:
                    km = {"km": round(float(dist[i]), 1)}
                    found.append((w.similar_distance * near[i], Reason(R.NEARBY_MISSION, km)))
                if not found:
                    continue  # nothing to tell the reader: not shown
                found.sort(key=lambda pair: -pair[0])
                reasons = tuple(reason for _, reason in found[:3])
                distance = None if np.isnan(dist[i]) else round(float(dist[i]), 1)
                results.append(Recommendation(other.id, round(float(score[i]), 6), reasons, distance))
            return results

    def rank_candidates(
        self,
        mission: MissionFacts,
        candidates: Mapping[K, CandidateFacts] | Iterable[tuple[K, CandidateFacts]],
        *,
        limit: int | None = None,
        today: date | None = None,
    ) -> list[CandidateMatch[K]]:
        """Candidates for a mission, best first, scored exactly as ``recommend`` scores the pair.

        The person-side filters apply (age range, radius/remote, leadership gating, avoided
        domains/kinds/contexts, availability, already taken); the mission-side ones (status,
        seats, dates) are the caller's business. Reasons take the association's point of view
        ('Disponible le mercredi après-midi'). The mission need not be indexed (a draft can be
        previewed). Ties keep the input order.
        """
        with self._lock:
            pairs = candidates.items() if isinstance(candidates, Mapping) else candidates
            view = View(
                {
                    name: np.asarray([value], dtype=COLUMN_TYPES[name])
                    for name, value in encode(mission).items()
                }
            )
            m_idx, m_w = self.text.vector(
                mission_text(mission.title, mission.description, mission.skills, mission.domain)
            )
            posting_keys = skill_posting_keys(mission.skills)
            embedding = None
            if self.semantic is not None:
                embedding = self._embed([mission_document(mission)])[0]
                view.families[0] = self._family_masks([mission_document(mission)])[0]
            day = today or date.today()
            results: list[CandidateMatch[K]] = []
            for key, candidate in pairs:
                ctx = self._context(candidate)
                if not (filters.person_mask(ctx, view) & filters.available_mask(ctx, view))[0]:
                    continue
                keep, dist = filters.geo_filter(ctx, view)
                if not keep[0]:
                    continue
                _, left, right = np.intersect1d(ctx.q_idx, m_idx, assume_unique=True, return_indices=True)
                term_weights = np.zeros(ctx.q_idx.size, dtype=np.float32)
                term_weights[left] = m_w[right]
                text_cos = np.array([float(np.dot(ctx.q_w.astype(np.float64), term_weights))])
                hits = np.array([float(len(ctx.skill_keys & posting_keys))])
                semantic = None
                if embedding is not None and ctx.embedding is not None:
                    semantic = np.maximum(np.asarray([embedding @ ctx.embedding], dtype=np.float32), 0)
                families = None
                if ctx.family_mask:
                    shared = bin(int(view.families[0]) & ctx.family_mask).count("1")
                    value = min(1.0, shared / self.weights.families_saturation)
                    families = np.asarray([value], dtype=np.float32)
                features = compute(
                    ctx, view, text_cos, hits, dist, self.weights, semantic=semantic, families=families
                )
                extras = features.extras
                score = float(features.scores(self._blend_vector)[0])
                values = features.matrix()
                contributions = dict(
                    zip(FEATURE_NAMES, (values[0] * self._blend_vector).tolist(), strict=True)
                )
                reasons = recommendation_reasons(
                    ctx,
                    mission,
                    contributions,
                    distance_km=float(dist[0]),
                    step_match=bool(extras.step_match[0]),
                    helped=bool(extras.helped[0]),
                    term_weights=term_weights,
                    today=day,
                    reason_min_contribution=self.weights.reason_min_contribution,
                    minors_priority=self.weights.minors_reason_priority,
                )
                reasons = tuple(Reason(R.FOR_ASSOCIATION.get(r.code, r.code), r.params) for r in reasons)
                results.append(CandidateMatch(key, min(1.0, max(0.0, round(score, 6))), reasons))
            results.sort(key=lambda match: -match.score)
            return results if limit is None else results[:limit]
