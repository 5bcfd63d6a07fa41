"""The features of (candidate, mission) pairs and the learnable blend's input (pure).

``compute`` returns, for the rows given, one float32 column per name of ``FEATURE_NAMES`` plus
what the reasons need (slot overlap, distances, pathway step...). The engine's score is
``values @ weights`` with the weights of weights.json, so a blend fitted offline on
``MatchingEngine.feature_matrix`` ranks exactly like the live engine.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from marketplace.matching.context import Context
from marketplace.matching.store import LEADERSHIP, PONCTUAL, SUPPORT, View, any_equal
from marketplace.matching.weights import FEATURE_NAMES, Weights

F32 = np.float32


@dataclass(frozen=True)
class FeatureMatrix:
    """Features of a candidate's eligible missions (after the hard filters, other kinds included).

    ``ids`` int64 (n,), ``names`` the columns, ``values`` float32 (n, len(names)). ``tier`` is 0
    for a mission of a kind the candidate asked for (or when no kind was asked), 1 otherwise: the
    engine lists tier 0 first. ``order(weights)`` ranks like ``recommend`` (before diversity).
    """

    ids: np.ndarray
    names: tuple[str, ...]
    values: np.ndarray
    tier: np.ndarray

    def scores(self, weights: np.ndarray) -> np.ndarray:
        """The engine's score (float32), bit for bit: ``blend_scores`` over the columns."""
        return blend_scores([self.values[:, j] for j in range(self.values.shape[1])], weights, len(self.ids))

    def order(self, weights: np.ndarray) -> np.ndarray:
        """Positions best first: asked kinds first, then score, ties to the smaller mission id."""
        scores = np.round(self.scores(weights).astype(np.float64), 6)
        return np.lexsort((self.ids, -scores, self.tier))

    def column(self, name: str) -> np.ndarray:
        """One feature's values."""
        return self.values[:, self.names.index(name)]


def blend_scores(columns: Sequence[np.ndarray | None], weights: np.ndarray, n: int) -> np.ndarray:
    """sum_j columns[j] * weights[j], accumulated in float32 in the order of the columns.

    One function for the live engine and ``FeatureMatrix.scores``, so offline and live scores are
    the same numbers (a column that is None, or weighs 0, adds exactly nothing).
    """
    total = np.zeros(n, dtype=F32)
    for column, weight in zip(columns, weights.astype(F32, copy=False).tolist(), strict=True):
        if column is not None and weight != 0.0:
            total += column * F32(weight)
    return total


@dataclass(frozen=True)
class Extras:
    """Per-row facts the reasons need besides the features."""

    overlap: np.ndarray  # slot mask the candidate and the mission share (known times only)
    distance_km: np.ndarray  # NaN when not measured
    step_match: np.ndarray
    helped: np.ndarray


@dataclass(frozen=True)
class Features:
    """One column per name of ``FEATURE_NAMES`` (None: 0 for every row) and the extras."""

    columns: tuple[np.ndarray | None, ...]
    n: int
    extras: Extras

    def scores(self, weights: np.ndarray) -> np.ndarray:
        """The blended score of every row."""
        return blend_scores(self.columns, weights, self.n)

    def matrix(self, positions: np.ndarray | None = None) -> np.ndarray:
        """Values (rows, features) float32, for all rows or these positions."""
        size = self.n if positions is None else positions.size
        values = np.zeros((size, len(self.columns)), dtype=F32)
        for j, column in enumerate(self.columns):
            if column is not None:
                values[:, j] = column if positions is None else column[positions]
        return values


def compute(
    ctx: Context,
    v: View,
    text_cos: np.ndarray,
    hits: np.ndarray | None,
    dist: np.ndarray,
    w: Weights,
    semantic: np.ndarray | None = None,
    families: np.ndarray | None = None,
) -> Features:
    """The features of the rows of ``v`` (whole columns: about a millisecond per 100,000 rows)."""
    candidate = ctx.candidate
    n = v.id.size
    col: dict[str, np.ndarray | None] = dict.fromkeys(FEATURE_NAMES)
    col["text"] = np.minimum(text_cos.astype(F32, copy=False) * F32(1.0 / w.text_saturation), F32(1))
    col["semantic"] = semantic
    col["families"] = families
    skills = np.zeros(n, dtype=F32)
    if hits is not None:
        skills = np.minimum(hits * v.skill_norm, F32(1.0))
        col["skills"] = skills
    if ctx.domain_codes.size:
        col["domain"] = any_equal(v.domain, ctx.domain_codes)
    asked = any_equal(v.kind, ctx.kind_codes) if ctx.kind_codes.size else None
    col["kind"] = asked
    # Availability: 1 a known slot fits; neutral when either side does not say; flexible between.
    known = v.time_known
    overlap = np.zeros(n, dtype=np.int32)
    if ctx.slot_mask:
        overlap = (v.slot_mask & np.int32(ctx.slot_mask)) * known
    if candidate.flexible:
        availability = np.where(
            overlap != 0, F32(1.0), np.where(known, F32(w.flexible_availability), F32(w.neutral))
        ).astype(F32)
    elif ctx.slot_mask:
        availability = np.where(overlap != 0, F32(1.0), F32(w.neutral)).astype(F32)
    else:
        availability = np.full(n, w.neutral, dtype=F32)
    col["availability"] = availability
    if candidate.located:
        scale = max(w.min_distance_scale_km, float(candidate.radius_km) * w.distance_scale)
        unknown_place = np.isnan(dist)
        distance = np.exp(np.nan_to_num(dist, nan=0.0) * (-1.0 / scale)).astype(F32)
        distance[unknown_place] = F32(w.neutral)
    else:
        distance = np.full(n, w.neutral, dtype=F32)
    if candidate.remote_ok:
        distance = np.maximum(distance, v.remote * F32(w.remote_distance))
    col["distance"] = distance
    helped = any_equal(v.assoc, ctx.helped_ids) if ctx.helped_ids.size else np.zeros(n, dtype=bool)
    step_match, pathway = _pathway(ctx, v, skills, helped, w)
    if asked is not None:
        # The pathway favours the next step only among what the person asked for.
        pathway = pathway * asked
        step_match = step_match & asked
    col["pathway"] = pathway
    col["missing_skill"] = (v.kind == SUPPORT) & (v.n_skills > 0) & (skills == 0.0)
    return Features(tuple(col[name] for name in FEATURE_NAMES), n, Extras(overlap, dist, step_match, helped))


def _pathway(
    ctx: Context, v: View, skills: np.ndarray, helped: np.ndarray, w: Weights
) -> tuple[np.ndarray, np.ndarray]:
    """Pathway signal: the next step's missions first, associations already helped first."""
    code = ctx.step.code
    if code == "first_mission":
        match = (v.kind == PONCTUAL) & ~v.recurring
        value = match * F32(w.pathway_first)
    elif code == "go_regular":
        match = v.recurring.copy()
        value = match * F32(w.pathway_step)
    elif code == "share_skills":
        match = v.kind == SUPPORT
        value = match * (F32(w.pathway_step) * (F32(0.5) + F32(0.5) * skills))
    elif code == "take_responsibility":
        match = v.kind == LEADERSHIP
        value = match * F32(w.pathway_step)
    else:  # pass_it_on
        match = v.kind == LEADERSHIP
        value = match * F32(w.pathway_first)
    if ctx.helped_ids.size:
        value = np.minimum(F32(1.0), value + helped * F32(w.pathway_known))
    return match, value.astype(F32, copy=False)


def tiers(ctx: Context, v: View) -> np.ndarray:
    """0 for a kind asked (or no kind asked), 1 for another kind."""
    if not ctx.kind_codes.size:
        return np.zeros(v.id.size, dtype=np.int8)
    return (~any_equal(v.kind, ctx.kind_codes)).astype(np.int8)


def feature_names() -> Sequence[str]:
    """The names of the columns, in order."""
    return FEATURE_NAMES
