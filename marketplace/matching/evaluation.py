"""Offline quality of the recommender on graded labelled sets, its baselines, and the weight fit (pure).

Labels are GRADED: for each persona, every mission it may attend (the labelled set's eligibility
rules, tests/data/matching/README.md) has a grade 0–3 (3 exactly what they look for,
2 a good fit, 1 acceptable, 0 not for them), and no other mission has one. So:

- nDCG@k = DCG@k / ideal DCG@k, with DCG = sum over ranks r (1-based) of (2^grade − 1) / log2(r + 1);
  the ideal ranking sorts the persona's grades from best, so a persona with few good missions can
  still reach 1.0; an ungraded (ineligible) mission gains nothing;
- precision@k = missions graded 2 or 3 among the first k / k (missing ranks count as misses);
- ineligible@50 = recommended missions among the first 50 that the persona has no grade for: the
  labelled set says they cannot attend them (wrong place, age, hours, or something they rule out).

Figures are averaged over personas (macro average: every situation counts the same); ineligible
missions are summed.

The weights of the live blend are fitted here by pairwise logistic regression: for two eligible
missions of one persona with different grades, the difference of their feature rows should predict
which one is better. Each persona weighs the same in the fit (its pairs share a weight of 1).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from marketplace.matching.text import TextModel, candidate_text, mission_text
from marketplace.matching.types import CandidateFacts, MissionFacts

GOOD_GRADE = 2  # precision counts the missions graded at least this
MAX_GRADE = 3
INELIGIBLE_DEPTH = 50
FIT_SEED = 20261207
N_FOLDS = 5
REGULARIZATION = 100.0  # C of the pairwise logistic regression (fit_matching_weights.py --scan)
EVALUATION_DAY = date(2027, 1, 15)  # "today" of the labelled sets


# --- measures ------------------------------------------------------------------------------------


def gain(grade: int) -> float:
    """Graded gain 2^grade − 1: a perfect fit (3) is worth 7 acceptable ones (1)."""
    return float(2**grade - 1)


def dcg_at_k(ranked: Sequence[int], grades: Mapping[int, int], k: int) -> float:
    """Discounted cumulative gain of the first ``k`` ids; ungraded ids gain nothing."""
    return sum(gain(grades.get(mid, 0)) / math.log2(rank + 2) for rank, mid in enumerate(ranked[:k]))


def ndcg_at_k(ranked: Sequence[int], grades: Mapping[int, int], k: int) -> float:
    """DCG@k divided by the DCG@k of the best order of the grades; 0.0 when no grade is above 0."""
    if k <= 0:
        raise ValueError("k must be positive")
    best = sorted(grades.values(), reverse=True)[:k]
    ideal = sum(gain(grade) / math.log2(rank + 2) for rank, grade in enumerate(best))
    return dcg_at_k(ranked, grades, k) / ideal if ideal else 0.0


def precision_at_k(ranked: Sequence[int], grades: Mapping[int, int], k: int) -> float:
    """Share of the first ``k`` ranks holding a mission graded 2 or 3 (missing ranks are misses)."""
    if k <= 0:
        raise ValueError("k must be positive")
    return sum(1 for mid in ranked[:k] if grades.get(mid, 0) >= GOOD_GRADE) / k


def ineligible_at_k(ranked: Sequence[int], grades: Mapping[int, int], k: int = INELIGIBLE_DEPTH) -> int:
    """Recommended ids among the first ``k`` that the persona has no grade for (cannot attend)."""
    return sum(1 for mid in ranked[:k] if mid not in grades)


# --- labelled sets -------------------------------------------------------------------------------


@dataclass(frozen=True)
class LabelledPersona:
    """A persona's answers as the engine reads them, and its grade of every eligible mission id."""

    ref: str
    candidate: CandidateFacts
    grades: Mapping[int, int]
    set_name: str = ""


@dataclass(frozen=True)
class LabelledSet:
    """Missions (ids are the lines of missions.jsonl) and graded personas of one place."""

    name: str
    missions: tuple[MissionFacts, ...]
    personas: tuple[LabelledPersona, ...]
    mission_refs: Mapping[int, str] = field(default_factory=dict)  # id -> the set's own ref

    def counts(self) -> str:
        """'lyon: 30 personas, 240 missions, 4,812 graded pairs'."""
        pairs = sum(len(p.grades) for p in self.personas)
        sizes = f"{len(self.personas)} personas, {len(self.missions)} missions"
        return f"{self.name}: {sizes}, {pairs:,} graded pairs"


# --- evaluation ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PersonaScore:
    set_name: str
    ref: str
    ndcg: float
    precision: float
    ineligible: int


@dataclass(frozen=True)
class QualityReport:
    """Mean nDCG@10 and P@5 over personas, ineligible missions summed, and the per-persona rows."""

    per_persona: tuple[PersonaScore, ...]

    @property
    def ndcg(self) -> float:
        return float(np.mean([row.ndcg for row in self.per_persona])) if self.per_persona else 0.0

    @property
    def precision(self) -> float:
        return float(np.mean([row.precision for row in self.per_persona])) if self.per_persona else 0.0

    @property
    def ineligible(self) -> int:
        return sum(row.ineligible for row in self.per_persona)

    def of_set(self, set_name: str) -> QualityReport:
        """The rows of one labelled set."""
        return QualityReport(tuple(row for row in self.per_persona if row.set_name == set_name))

    def line(self, name: str) -> str:
        """'engine   nDCG@10 0.812  P@5 0.743  ineligible@50 0  (30 personas)'."""
        return (
            f"{name:<8} nDCG@10 {self.ndcg:.3f}  P@5 {self.precision:.3f}  "
            f"ineligible@50 {self.ineligible:>3}  ({len(self.per_persona)} personas)"
        )

    @staticmethod
    def merge(reports: Iterable[QualityReport]) -> QualityReport:
        """Pooled report (e.g. of held-out folds): every persona once, macro-averaged again."""
        return QualityReport(tuple(row for report in reports for row in report.per_persona))


Ranker = Callable[[LabelledPersona], Sequence[int]]
"""Mission ids for a persona, best first, at least ``INELIGIBLE_DEPTH`` deep when there are as many."""


def score_persona(persona: LabelledPersona, ranked: Sequence[int]) -> PersonaScore:
    """The three measures of one persona's ranking."""
    return PersonaScore(
        set_name=persona.set_name,
        ref=persona.ref,
        ndcg=ndcg_at_k(ranked, persona.grades, 10),
        precision=precision_at_k(ranked, persona.grades, 5),
        ineligible=ineligible_at_k(ranked, persona.grades),
    )


def evaluate(ranker: Ranker, personas: Iterable[LabelledPersona]) -> QualityReport:
    """Run ``ranker`` on each persona and measure its ranking."""
    rows = tuple(score_persona(persona, list(ranker(persona))) for persona in personas)
    if not rows:
        raise ValueError("no labelled persona")
    return QualityReport(rows)


# --- baselines (the reference points of the issue) -----------------------------------------------


def _tie_broken_order(ids: np.ndarray, scores: np.ndarray) -> np.ndarray:
    """Indices by decreasing score (rounded, so float noise does not decide), then smaller id first."""
    return np.lexsort((ids, -np.round(scores.astype(np.float64), 6)))


class SetBaselines:
    """Plain TF-IDF and a naive blend, ranking only the persona's ELIGIBLE (graded) missions.

    The TF-IDF is the project's ``TextModel`` fitted on the set's missions, with the engine's texts
    on both sides; the naive blend adds a domain match (mission domain among those chosen) and a
    kind match (mission kind among those asked), each signal min-max scaled over the persona's
    eligible missions, then summed with equal weights. Neither ever shows an ineligible mission.
    """

    def __init__(self, missions: Iterable[MissionFacts]) -> None:
        missions = list(missions)
        self.facts = {m.id: m for m in missions}
        self.row_of = {m.id: row for row, m in enumerate(missions)}
        texts = [mission_text(m.title, m.description, m.skills, m.domain) for m in missions]
        self.text, self.matrix = TextModel.fit(texts)

    def cosines(self, candidate: CandidateFacts, ids: Sequence[int]) -> np.ndarray:
        """TF-IDF cosine between the candidate's text and each mission of ``ids``."""
        titles = [item.title for item in candidate.history if item.status == "completed"]
        text = candidate_text(candidate.about, candidate.skills, candidate.domains, titles)
        indices, weights = self.text.vector(text)
        query = np.zeros(self.text.n_terms, dtype=np.float32)
        query[indices] = weights
        rows = [self.row_of[mid] for mid in ids]
        return np.asarray(self.matrix[rows] @ query).ravel()

    def tfidf(self, persona: LabelledPersona) -> list[int]:
        """Eligible missions by decreasing TF-IDF cosine."""
        ids = np.array(sorted(persona.grades), dtype=np.int64)
        order = _tie_broken_order(ids, self.cosines(persona.candidate, ids.tolist()))
        return ids[order].tolist()

    def naive_blend(self, persona: LabelledPersona) -> list[int]:
        """Eligible missions by min-max(TF-IDF) + min-max(domain match) + min-max(kind match)."""
        candidate = persona.candidate
        ids = np.array(sorted(persona.grades), dtype=np.int64)
        facts = [self.facts[mid] for mid in ids.tolist()]
        domain = np.array([m.domain in candidate.domains for m in facts], dtype=np.float64)
        kind = np.array([m.kind in candidate.wanted_kinds for m in facts], dtype=np.float64)
        text = self.cosines(candidate, ids.tolist()).astype(np.float64)
        score = min_max(text) + min_max(domain) + min_max(kind)
        return ids[_tie_broken_order(ids, score)].tolist()


def min_max(values: np.ndarray) -> np.ndarray:
    """Scaled to [0, 1]; a constant signal becomes 0 (it cannot order anything)."""
    if values.size == 0:
        return values
    low, high = float(values.min()), float(values.max())
    return (values - low) / (high - low) if high > low else np.zeros_like(values)


# --- features and the pairwise fit ---------------------------------------------------------------


@dataclass(frozen=True)
class PersonaFeatures:
    """The engine's feature rows for one persona: the missions that passed its hard filters.

    ``tier`` (0 for a kind the persona asked for, or when no kind was asked; 1 otherwise) is how
    the engine lists asked kinds first: ranking is by tier, then by ``values @ weights``.
    """

    persona: LabelledPersona
    ids: np.ndarray  # int64 (n,)
    values: np.ndarray  # float32 (n, len(names))
    tier: np.ndarray | None = None  # int8 (n,); None = one tier
    names: tuple[str, ...] = ()  # the engine's feature names, in column order

    @property
    def grades(self) -> np.ndarray:
        """Grade of each row; -1 for a mission the labels call ineligible (no grade)."""
        return np.array([self.persona.grades.get(mid, -1) for mid in self.ids.tolist()], dtype=np.int8)

    def tiers(self) -> np.ndarray:
        return self.tier if self.tier is not None else np.zeros(len(self.ids), dtype=np.int8)

    def ranked(self, weights: np.ndarray) -> list[int]:
        """Ids as the engine orders them before diversity: tier, then score (float32, rounded to
        6 places like the engine), then the smaller id."""
        score = np.asarray(self.values @ np.asarray(weights, dtype=np.float32), dtype=np.float32)
        order = np.lexsort((self.ids, -np.round(score, 6), self.tiers()))
        return self.ids[order].tolist()


def features_of(engine, personas: Iterable[LabelledPersona], *, today: date) -> list[PersonaFeatures]:
    """``engine.feature_matrix`` of each persona (the contract the live blend is fitted on)."""
    found = []
    for persona in personas:
        matrix = engine.feature_matrix(persona.candidate, today=today)
        tier = getattr(matrix, "tier", None)
        found.append(PersonaFeatures(persona, matrix.ids, matrix.values, tier, tuple(matrix.names)))
    return found


def pairwise_differences(
    features: Iterable[PersonaFeatures], *, within_tier: bool = False
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(X, y, sample_weight) for the pairwise fit.

    For every persona and every pair of its graded rows with different grades, ``x_better −
    x_worse`` is a positive example and its opposite a negative one (so no intercept is needed and
    the classes are balanced). The weights give each persona a total of 1, whatever its number of
    eligible missions: the dense city would otherwise decide alone. ``within_tier`` keeps only the
    pairs of one tier (the engine never lets the score order two tiers); by default pairs across
    tiers count too: the held-out figures are the same either way (0.889 / 0.887 nDCG@10 when
    measured), and only then does ``kind`` get the weight that its reason needs to be given.
    """
    blocks, weights = [], []
    for item in features:
        grades = item.grades.astype(np.int64)
        graded = np.flatnonzero(grades >= 0)
        if graded.size < 2:
            continue
        values = item.values[graded].astype(np.float64)
        g = grades[graded]
        pairs = g[:, None] > g[None, :]
        if within_tier:
            tier = item.tiers()[graded]
            pairs &= tier[:, None] == tier[None, :]
        better, worse = np.nonzero(pairs)
        if better.size == 0:
            continue
        blocks.append(values[better] - values[worse])
        weights.append(np.full(better.size, 1.0 / better.size))
    if not blocks:
        raise ValueError("no pair of missions with different grades")
    diffs = np.vstack(blocks)
    sample_weight = np.concatenate(weights)
    x = np.vstack([diffs, -diffs])
    y = np.concatenate([np.ones(len(diffs)), np.zeros(len(diffs))])
    return x, y, np.concatenate([sample_weight, sample_weight])


def fit_pairwise_weights(
    features: Sequence[PersonaFeatures],
    *,
    seed: int = FIT_SEED,
    regularization: float = REGULARIZATION,
    within_tier: bool = False,
) -> np.ndarray:
    """Blend weights from a pairwise logistic regression (scikit-learn, no intercept, L2).

    The coefficients are scaled so the absolute values sum to 1 (ranking only depends on their
    ratios; a fixed scale keeps the stored file readable and the scores in a familiar range).
    """
    from sklearn.linear_model import LogisticRegression

    x, y, sample_weight = pairwise_differences(features, within_tier=within_tier)
    # C is the inverse strength of the L2 penalty against a loss where each persona weighs 2.
    model = LogisticRegression(
        C=regularization, fit_intercept=False, random_state=seed, max_iter=5000, tol=1e-8
    )
    model.fit(x, y, sample_weight=sample_weight)
    coefficients = model.coef_.ravel()
    total = float(np.abs(coefficients).sum())
    return coefficients / total if total else coefficients


def persona_folds(
    personas: Sequence[LabelledPersona], *, n_folds: int = N_FOLDS, seed: int = FIT_SEED
) -> list[int]:
    """Fold number (0 … n_folds − 1) of each persona: stratified by labelled set, shuffled by ``seed``."""
    from sklearn.model_selection import StratifiedKFold

    sets = [persona.set_name for persona in personas]
    smallest = min(sets.count(name) for name in set(sets))
    if smallest < n_folds:
        raise ValueError(f"a labelled set has only {smallest} personas for {n_folds} folds")
    folds = [0] * len(personas)
    splitter = StratifiedKFold(n_splits=n_folds, shuffle=True, random_state=seed)
    for fold, (_, held_out) in enumerate(splitter.split(np.zeros(len(sets)), sets)):
        for index in held_out:
            folds[index] = fold
    return folds


@dataclass(frozen=True)
class FoldResult:
    """Held-out figures of one fold, per ranker name, and the weights fitted on its training part."""

    fold: int
    reports: Mapping[str, QualityReport]
    weights: np.ndarray


def cross_validate(
    features: Sequence[PersonaFeatures],
    rankers: Mapping[str, Callable[[PersonaFeatures, np.ndarray], Sequence[int]]],
    *,
    n_folds: int = N_FOLDS,
    seed: int = FIT_SEED,
    regularization: float = REGULARIZATION,
    within_tier: bool = False,
) -> list[FoldResult]:
    """Fit on the training folds, rank the held-out personas with each ranker, measure.

    Every ranker gets (persona features, weights fitted without that persona); baselines ignore
    the weights. Folds are by persona, stratified by labelled set.
    """
    folds = persona_folds([item.persona for item in features], n_folds=n_folds, seed=seed)
    results = []
    for fold in range(n_folds):
        training = [item for item, f in zip(features, folds, strict=True) if f != fold]
        held_out = [item for item, f in zip(features, folds, strict=True) if f == fold]
        weights = fit_pairwise_weights(
            training, seed=seed, regularization=regularization, within_tier=within_tier
        )
        reports = {
            name: QualityReport(
                tuple(score_persona(item.persona, list(rank(item, weights))) for item in held_out)
            )
            for name, rank in rankers.items()
        }
        results.append(FoldResult(fold, reports, weights))
    return results


def pooled(results: Sequence[FoldResult], name: str) -> QualityReport:
    """Every held-out persona of every fold, for one ranker."""
    return QualityReport.merge(result.reports[name] for result in results)


# --- the three rankers of the benchmark, on prepared sets ----------------------------------------


@dataclass(frozen=True)
class PreparedSet:
    """A labelled set with its own engine (fitted on its missions alone, as a site holding only
    them would be), the engine's features of each persona, and the baselines."""

    labelled: LabelledSet
    engine: object
    features: tuple[PersonaFeatures, ...]
    baselines: SetBaselines


def prepare_sets(
    labelled_sets: Iterable[LabelledSet],
    fit_engine: Callable[[Sequence[MissionFacts]], object],
    *,
    today: date,
) -> list[PreparedSet]:
    """Fit an engine per set and read every persona's features."""
    prepared = []
    for labelled in labelled_sets:
        engine = fit_engine(labelled.missions)
        features = tuple(features_of(engine, labelled.personas, today=today))
        prepared.append(PreparedSet(labelled, engine, features, SetBaselines(labelled.missions)))
    return prepared


@dataclass(frozen=True)
class FilterAgreement:
    """How the engine's hard filters agree with the labelled set's eligibility, in pairs."""

    graded: int  # pairs the labels call eligible
    extra: int  # pairs the engine lets through that the labels call ineligible
    missed: int  # eligible pairs the engine filters out (they can never be recommended)


def filter_agreement(features: Iterable[PersonaFeatures]) -> FilterAgreement:
    """Compare the engine's eligible missions (feature rows) with the graded ones, over personas."""
    graded = extra = missed = 0
    for item in features:
        eligible, labelled = set(item.ids.tolist()), set(item.persona.grades)
        graded += len(labelled)
        extra += len(eligible - labelled)
        missed += len(labelled - eligible)
    return FilterAgreement(graded, extra, missed)


def with_weights(engine, names: Sequence[str], weights: np.ndarray):
    """The same engine (same index, shared) scoring with other blend weights.

    Adapter: the engine takes its blend when built (``MatchingEngine(blend=...)``) and has no
    public way to swap it; refitting per fold would redo the index for nothing.
    """
    import copy

    from marketplace.matching.weights import Blend

    blend = Blend.of(dict(zip(names, (float(w) for w in weights), strict=True)), note="cross-validation fold")
    twin = copy.copy(engine)  # shallow: the index and facts are shared, read-only here
    twin.blend = blend
    twin._blend_vector = blend.vector(names)
    return twin


def live_order(entry: PreparedSet, item: PersonaFeatures, weights: np.ndarray) -> list[int]:
    """``recommend`` (asked kinds first, near-duplicates apart) with these weights, top 50."""
    engine = with_weights(entry.engine, item.names, weights)
    found = engine.recommend(item.persona.candidate, limit=INELIGIBLE_DEPTH, today=EVALUATION_DAY)
    return [recommendation.mission_id for recommendation in found]


RANKER_NAMES = ("engine", "tfidf", "naive")


def benchmark_rankers(
    prepared: Sequence[PreparedSet],
    engine_order: Callable[[PreparedSet, PersonaFeatures, np.ndarray], Sequence[int]] | None = None,
) -> dict[str, Callable[[PersonaFeatures, np.ndarray], Sequence[int]]]:
    """engine (with the weights given: a fold's), plain TF-IDF and the naive blend, by name.

    ``engine_order(set, features, weights)`` is the engine's order with those weights: by default
    ``live_order`` (``recommend`` itself); ``PersonaFeatures.ranked`` is the order before diversity.
    """
    set_of = {id(item): entry for entry in prepared for item in entry.features}
    order = engine_order or live_order

    def engine(item: PersonaFeatures, weights: np.ndarray) -> Sequence[int]:
        return order(set_of[id(item)], item, weights)

    def tfidf(item: PersonaFeatures, _weights: np.ndarray) -> Sequence[int]:
        return set_of[id(item)].baselines.tfidf(item.persona)

    def naive(item: PersonaFeatures, _weights: np.ndarray) -> Sequence[int]:
        return set_of[id(item)].baselines.naive_blend(item.persona)

    return {"engine": engine, "tfidf": tfidf, "naive": naive}
