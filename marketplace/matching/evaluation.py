"""Offline quality measures of the recommender, and the plain TF-IDF baseline it must beat (pure).

Relevance is binary (a careful human would or would not recommend the mission), so:

- precision@k = relevant missions among the first k / k;
- nDCG@k = DCG@k / ideal DCG@k with DCG = sum over ranks r (1-based) of rel_r / log2(r + 1); the
  ideal ranking puts all relevant missions first, so a persona with fewer than k relevant
  missions can still reach 1.0.

Scores are averaged over personas (macro average): every situation counts the same.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from marketplace.matching.engine import MatchingEngine
from marketplace.matching.text import TextModel, candidate_text, mission_text
from marketplace.matching.types import CandidateFacts, MissionFacts


def precision_at_k(ranked: Sequence[int], relevant: Collection[int], k: int) -> float:
    """Share of the first ``k`` ranked ids that are relevant (missing ranks count as misses)."""
    if k <= 0:
        raise ValueError("k must be positive")
    relevant = set(relevant)
    return sum(1 for mission_id in ranked[:k] if mission_id in relevant) / k


def dcg_at_k(ranked: Sequence[int], relevant: Collection[int], k: int) -> float:
    """Discounted cumulative gain of the first ``k`` ids with binary relevance."""
    relevant = set(relevant)
    return sum(1.0 / math.log2(rank + 2) for rank, mid in enumerate(ranked[:k]) if mid in relevant)


def ndcg_at_k(ranked: Sequence[int], relevant: Collection[int], k: int) -> float:
    """DCG@k divided by the DCG@k of a perfect ranking; 0.0 when nothing is relevant."""
    if k <= 0:
        raise ValueError("k must be positive")
    ideal = sum(1.0 / math.log2(rank + 2) for rank in range(min(k, len(set(relevant)))))
    return dcg_at_k(ranked, relevant, k) / ideal if ideal else 0.0


@dataclass(frozen=True)
class QualityReport:
    """Mean precision@k and nDCG@k over a labelled set, and the per-case figures."""

    precision: float
    ndcg: float
    k_precision: int
    k_ndcg: int
    per_case: tuple[tuple[str, float, float], ...]  # (key, precision, ndcg)

    def line(self, name: str) -> str:
        """'engine    precision@5 0.743  nDCG@10 0.812'."""
        return (
            f"{name:<10} precision@{self.k_precision} {self.precision:.3f}  "
            f"nDCG@{self.k_ndcg} {self.ndcg:.3f}"
        )


Ranker = Callable[[CandidateFacts, int], Sequence[int]]


def evaluate(
    ranker: Ranker,
    cases: Iterable[tuple[str, CandidateFacts, Collection[int]]],
    *,
    k_precision: int = 5,
    k_ndcg: int = 10,
) -> QualityReport:
    """Run ``ranker(candidate, limit)`` on each labelled case and average the two measures."""
    depth = max(k_precision, k_ndcg)
    rows = []
    for key, candidate, relevant in cases:
        ranked = list(ranker(candidate, depth))
        rows.append((key, precision_at_k(ranked, relevant, k_precision), ndcg_at_k(ranked, relevant, k_ndcg)))
    if not rows:
        raise ValueError("no labelled cases")
    return QualityReport(
        precision=float(np.mean([row[1] for row in rows])),
        ndcg=float(np.mean([row[2] for row in rows])),
        k_precision=k_precision,
        k_ndcg=k_ndcg,
        per_case=tuple(rows),
    )


class PlainTfidfBaseline:
    """The baseline the engine must beat: TF-IDF cosine only, no filters, no other signal, no pathway.

    Same analysis and the same text on both sides as the engine (so the comparison measures the
    filters and the blend, not a different tokenizer); every indexed mission is a candidate,
    including closed, past, full, out-of-reach or age-restricted ones.
    """

    def __init__(self, missions: Iterable[MissionFacts], *, text_model: TextModel | None = None) -> None:
        missions = list(missions)
        self.ids = np.array([m.id for m in missions], dtype=np.int64)
        texts = [mission_text(m.title, m.description, m.skills, m.domain) for m in missions]
        if text_model is None:
            self.text, self.matrix = TextModel.fit(texts)
        else:
            self.text, self.matrix = text_model, text_model.transform(texts)

    @classmethod
    def like(cls, engine: MatchingEngine, missions: Iterable[MissionFacts]) -> PlainTfidfBaseline:
        """A baseline over the same vocabulary as ``engine`` (fair comparison on a big corpus)."""
        return cls(missions, text_model=engine.text)

    def rank(self, candidate: CandidateFacts, limit: int) -> list[int]:
        """Mission ids by decreasing cosine with the candidate's text (ties: smaller id first)."""
        titles = [item.title for item in candidate.history if item.status == "completed"]
        text = candidate_text(candidate.about, candidate.skills, candidate.domains, titles)
        indices, weights = self.text.vector(text)
        query = np.zeros(self.text.n_terms, dtype=np.float32)
        query[indices] = weights
        scores = np.asarray(self.matrix @ query).ravel()
        order = np.lexsort((self.ids, -np.round(scores, 6)))
        return self.ids[order[:limit]].tolist()


def engine_ranker(engine: MatchingEngine, today: date) -> Ranker:
    """``evaluate`` adapter for ``MatchingEngine.recommend``."""

    def rank(candidate: CandidateFacts, limit: int) -> list[int]:
        return [r.mission_id for r in engine.recommend(candidate, limit=limit, today=today)]

    return rank
