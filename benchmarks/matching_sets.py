"""What eval_matching.py and fit_matching_weights.py share: the labelled sets, prepared and folded.

Not a benchmark itself (run_all.py runs bench_*.py and eval_*.py).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from marketplace.matching.evaluation import (  # noqa: E402
    EVALUATION_DAY,
    FIT_SEED,
    N_FOLDS,
    RANKER_NAMES,
    REGULARIZATION,
    FoldResult,
    PreparedSet,
    QualityReport,
    benchmark_rankers,
    cross_validate,
    pooled,
    prepare_sets,
)
from marketplace.matching.labelled import LabelledSetInvalid, load_labelled_sets, offline_app  # noqa: E402

SETS_ROOT = Path(os.environ.get("MATCHING_SETS", ROOT / "tests" / "data" / "matching"))


def load_prepared(names: Sequence[str] = (), *, refused: list[str] | None = None) -> list[PreparedSet]:
    """Every labelled set under tests/data/matching (or $MATCHING_SETS; or those named), read as
    the site reads them, with an engine per set. With ``refused`` (a list), the mission lines the
    import refuses are left out (and listed there, and printed) instead of stopping."""
    from marketplace.matching import MatchingEngine

    app = offline_app()
    with app.app_context():
        try:
            labelled = load_labelled_sets(SETS_ROOT, tuple(names), refused=refused)
        except LabelledSetInvalid as error:
            print("The labelled sets cannot be read as the site reads them:", file=sys.stderr)
            print("\n".join(error.problems), file=sys.stderr)
            print("(--skip-refused measures without the mission lines the import refuses)", file=sys.stderr)
            raise SystemExit(1) from error
    for problem in refused or ():
        print(f"LEFT OUT (the import refuses it): {problem}")
    if not labelled:
        raise SystemExit(f"No labelled set under {SETS_ROOT}")
    return prepare_sets(labelled, MatchingEngine.fit, today=EVALUATION_DAY)


def run_folds(
    prepared: Sequence[PreparedSet], *, regularization: float = REGULARIZATION, within_tier: bool = False
) -> list[FoldResult]:
    """Held-out figures of the three rankers, per fold."""
    features = [item for entry in prepared for item in entry.features]
    return cross_validate(
        features,
        benchmark_rankers(prepared),
        n_folds=N_FOLDS,
        seed=FIT_SEED,
        regularization=regularization,
        within_tier=within_tier,
    )


def _cells(report: QualityReport) -> str:
    return f"{report.ndcg:7.3f} {report.precision:5.3f} {report.ineligible:4d}"


def fold_table(results: Sequence[FoldResult], set_names: Sequence[str]) -> list[str]:
    """Per fold and pooled (all sets, then each set): nDCG@10, P@5, ineligible@50 per ranker."""
    header = "fold      personas  " + "  ".join(f"{name:^18}" for name in RANKER_NAMES)
    sub = " " * 20 + "  ".join(f"{'nDCG10':>7} {'P@5':>5} {'inel':>4}" for _ in RANKER_NAMES)
    lines = [header, sub]
    for result in results:
        size = len(result.reports[RANKER_NAMES[0]].per_persona)
        cells = "  ".join(_cells(result.reports[name]) for name in RANKER_NAMES)
        lines.append(f"{result.fold:<10}{size:>8}  {cells}")
    for label, pick in [("pooled", None), *((name, name) for name in set_names)]:
        reports = {name: pooled(results, name) for name in RANKER_NAMES}
        if pick is not None:
            reports = {name: report.of_set(pick) for name, report in reports.items()}
        size = len(reports[RANKER_NAMES[0]].per_persona)
        cells = "  ".join(_cells(reports[name]) for name in RANKER_NAMES)
        lines.append(f"{label:<10}{size:>8}  {cells}")
    return lines


def weights_table(results: Sequence[FoldResult], names: Sequence[str]) -> list[str]:
    """The weights fitted on each fold's training part (how stable the fit is)."""
    lines = [f"{'feature':<14}" + "".join(f"{'fold ' + str(r.fold):>9}" for r in results)]
    for column, name in enumerate(names):
        lines.append(f"{name:<14}" + "".join(f"{r.weights[column]:9.3f}" for r in results))
    return lines


def feature_names(prepared: Sequence[PreparedSet]) -> tuple[str, ...]:
    """The engine's feature names (every set's engine has the same)."""
    return prepared[0].features[0].names


def as_floats(weights: np.ndarray) -> list[float]:
    return [round(float(value), 4) for value in weights]
