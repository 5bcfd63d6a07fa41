"""Fit the recommender's blend on every graded labelled set and write marketplace/matching/weights.json.

    python benchmarks/fit_matching_weights.py            # cross-validate, fit on all, write the file
    python benchmarks/fit_matching_weights.py --dry-run  # print, do not write
    python benchmarks/fit_matching_weights.py --scan     # held-out nDCG@10 for a few C values

Pairwise logistic regression (scikit-learn, seed 20261207) on the differences of the engine's
feature rows (``MatchingEngine.feature_matrix``) for pairs of one persona's eligible missions with
different grades (across tiers too: the same held-out figures as within tiers only, and ``kind``
keeps a weight, which its reason needs); each persona weighs the same. The held-out figures of the
5 folds (by persona, stratified by set) go in the file's note with the sets, the counts, the date
and this command, so the weights can be reproduced and judged.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from matching_sets import (
    REGULARIZATION,
    as_floats,
    feature_names,
    fold_table,
    load_prepared,
    run_folds,
)

from marketplace.matching.evaluation import (
    FIT_SEED,
    N_FOLDS,
    fit_pairwise_weights,
    pooled,
)

WEIGHTS_PATH = Path(__file__).resolve().parent.parent / "marketplace" / "matching" / "weights.json"
COMMAND = "python benchmarks/fit_matching_weights.py"


def note_for(prepared, results, regularization: float, refused: list[str]) -> str:
    """Seed, folds, sets and counts, date, held-out figures, and the command to reproduce."""
    sets = "; ".join(entry.labelled.counts() for entry in prepared)
    engine, tfidf, naive = (pooled(results, name) for name in ("engine", "tfidf", "naive"))
    per_set = "; ".join(
        f"{entry.labelled.name} nDCG@10 {engine.of_set(entry.labelled.name).ndcg:.3f} "
        f"P@5 {engine.of_set(entry.labelled.name).precision:.3f} "
        f"ineligible@50 {engine.of_set(entry.labelled.name).ineligible}"
        for entry in prepared
    )
    return (
        f"Fitted {date.today().isoformat()} by pairwise logistic regression "
        f"(scikit-learn, L2, C={regularization}, "
        f"no intercept, seed {FIT_SEED}) on feature differences of pairs with different grades within "
        f"one persona, each persona weighing the same; sum of |weights| scaled to 1. "
        f"Sets: {sets}. Held-out ({N_FOLDS} folds by persona, stratified by set), pooled: engine nDCG@10 "
        f"{engine.ndcg:.3f} P@5 {engine.precision:.3f} ineligible@50 {engine.ineligible}; plain TF-IDF "
        f"{tfidf.ndcg:.3f} / {tfidf.precision:.3f}; TF-IDF + domain + kind {naive.ndcg:.3f} / "
        f"{naive.precision:.3f}. Per set (engine): {per_set}. Final weights fitted on all personas. "
        f"Reproduce: {COMMAND}{' --skip-refused' if refused else ''} "
        "(per-fold table: python benchmarks/eval_matching.py)."
        + (
            f" Left out: {len(refused)} mission lines the import refuses ("
            + ", ".join(line.split(":")[0] for line in refused)
            + ")."
            if refused
            else ""
        )
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--skip-refused", action="store_true", help="leave out mission lines the import refuses (diagnostics)"
    )
    parser.add_argument("--C", type=float, default=REGULARIZATION)
    parser.add_argument("--dry-run", action="store_true")
    parser.add_argument("--scan", action="store_true", help="compare a few C values (held out) and stop")
    args = parser.parse_args(argv)

    refused: list[str] | None = [] if args.skip_refused else None
    prepared = load_prepared(refused=refused)
    set_names = [entry.labelled.name for entry in prepared]
    if args.scan:
        for value in (0.01, 0.1, 1.0, 10.0, 100.0):
            for within in (True, False):
                engine = pooled(run_folds(prepared, regularization=value, within_tier=within), "engine")
                sets = "  ".join(f"{n} {engine.of_set(n).ndcg:.3f}" for n in set_names)
                label = "within tiers" if within else "all pairs"
                print(f"C={value:<6} {label:<13} {engine.line('engine')}  {sets}")
        return 0

    results = run_folds(prepared, regularization=args.C)
    print("\n".join(fold_table(results, set_names)))
    features = [item for entry in prepared for item in entry.features]
    weights = fit_pairwise_weights(features, seed=FIT_SEED, regularization=args.C)
    names = feature_names(prepared)
    data = {
        "names": list(names),
        "weights": as_floats(weights),
        "note": note_for(prepared, results, args.C, refused or []),
    }
    print("\nWeights fitted on all personas:")
    for name, value in zip(names, data["weights"], strict=True):
        print(f"  {name:<14} {value:8.4f}")
    print(f"\n{data['note']}")
    if not args.dry_run:
        WEIGHTS_PATH.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"\nWritten: {WEIGHTS_PATH.relative_to(WEIGHTS_PATH.parents[2])}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
