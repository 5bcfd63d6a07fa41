"""Ranking quality of the recommender on the graded labelled sets, held out by persona (``make bench``).

    python benchmarks/eval_matching.py                  # every set under tests/data/matching
    python benchmarks/eval_matching.py --sets lyon      # one set
    python benchmarks/eval_matching.py --per-persona    # also each held-out persona's figures

Each set is read as the site reads it (missions through the import's parsing, answers through the
API's parser) and gets its own engine. 5 folds by persona, stratified by set (seed 20261207): the
blend is fitted by pairwise logistic regression on the training folds and the held-out personas
are ranked with it. Printed per fold and pooled, for three rankers:

- engine: the engine's order with the fold's weights (asked kinds first, then the blend);
- tfidf:  plain TF-IDF cosine over the persona's eligible missions;
- naive:  TF-IDF + domain match + kind match, equal weights after min-max per persona.

nDCG@10 uses graded gains 2^g − 1 (grades 0–3), P@5 counts grades 2–3, "inel" is the number of
recommended missions in the top 50s that the set's rules say the persona cannot attend. The
baselines rank only eligible missions, so their "inel" is 0 by construction.
Then the shipped weights (marketplace/matching/weights.json) through ``engine.recommend``: their
figures are in-sample when they were fitted on these very sets (see the file's note).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from matching_sets import (
    REGULARIZATION,
    SETS_ROOT,
    feature_names,
    fold_table,
    load_prepared,
    run_folds,
    weights_table,
)

from marketplace.matching.evaluation import (
    EVALUATION_DAY,
    GOOD_GRADE,
    INELIGIBLE_DEPTH,
    QualityReport,
    evaluate,
    filter_agreement,
)


def shipped_report(prepared) -> QualityReport:
    """``engine.recommend`` with weights.json, top 50, every persona of every set."""
    reports = []
    for entry in prepared:
        engine = entry.engine

        def rank(persona, engine=engine):
            found = engine.recommend(persona.candidate, limit=INELIGIBLE_DEPTH, today=EVALUATION_DAY)
            return [item.mission_id for item in found]

        reports.append(evaluate(rank, entry.labelled.personas))
    return QualityReport.merge(reports)


def precision_ceiling(personas) -> float:
    """Mean P@5 of a perfect ranking: a persona with two good missions cannot pass 0.4."""
    return sum(min(5, sum(g >= GOOD_GRADE for g in p.grades.values())) / 5 for p in personas) / len(personas)


def context_detection(prepared) -> list[str]:
    """The engine reads a mission's contexts from its words; the sets say the truth: per context,
    missions found / truly involved (recall) and found wrongly (false)."""
    from marketplace.matching.labelled import label_contexts
    from marketplace.reference.contexts import AVOIDABLE_CONTEXTS, mission_contexts

    lines = []
    for entry in prepared:
        truth = label_contexts(SETS_ROOT / entry.labelled.name)
        cells = []
        for context in AVOIDABLE_CONTEXTS:
            found = wrong = total = 0
            for m in entry.labelled.missions:
                said = mission_contexts(m.title, m.description, m.skills, m.domain, m.kind, m.remote)
                true = context in truth[entry.labelled.mission_refs[m.id]]
                total += true
                found += true and context in said
                wrong += (not true) and context in said
            cells.append(f"{context} {found}/{total} found, {wrong} wrongly")
        lines.append(f"{entry.labelled.name:<8} " + "; ".join(cells))
    return lines


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sets", default="", help="comma-separated set names (default: all)")
    parser.add_argument(
        "--skip-refused", action="store_true", help="leave out mission lines the import refuses (diagnostics)"
    )
    parser.add_argument("--C", type=float, default=REGULARIZATION, help="inverse L2 strength of the fit")
    parser.add_argument("--within-tier", action="store_true", help="fit only on pairs within a tier")
    parser.add_argument("--per-persona", action="store_true")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    prepared = load_prepared(
        [name for name in args.sets.split(",") if name], refused=[] if args.skip_refused else None
    )
    set_names = [entry.labelled.name for entry in prepared]
    for entry in prepared:
        print(entry.labelled.counts())
    print(f"(read and features in {time.perf_counter() - started:.1f} s)")

    results = run_folds(prepared, regularization=args.C, within_tier=args.within_tier)
    pairs = "pairs within a tier" if args.within_tier else "all pairs"
    print(
        f"\nHeld-out folds: 5 by persona, stratified by set, seed 20261207; "
        f"pairwise logistic C={args.C}, {pairs}"
    )
    print("\n".join(fold_table(results, set_names)))
    print(
        "best possible P@5 (missions graded 2-3, at most 5, per persona): "
        + "  ".join(
            f"{entry.labelled.name} {precision_ceiling(entry.labelled.personas):.3f}" for entry in prepared
        )
    )
    print("\nWeights fitted per fold (sum of |w| = 1):")
    print("\n".join(weights_table(results, feature_names(prepared))))
    if args.per_persona:
        print("\nHeld-out personas (engine):")
        for result in results:
            for row in result.reports["engine"].per_persona:
                print(
                    f"  fold {result.fold} {row.set_name:<8} {row.ref:<10} nDCG@10 {row.ndcg:.3f} "
                    f"P@5 {row.precision:.2f} inel {row.ineligible}"
                )

    print("\nHard filters against the sets' eligibility rules (persona x mission pairs):")
    for entry in prepared:
        agreement = filter_agreement(entry.features)
        print(
            f"{entry.labelled.name:<8} {agreement.graded:>6} eligible; engine lets through {agreement.extra} "
            f"ineligible, filters out {agreement.missed} eligible"
        )
    print("Avoidable contexts read from the missions' words, against the sets' ground truth:")
    print("\n".join(context_detection(prepared)))

    shipped = shipped_report(prepared)
    print("\nShipped weights.json through engine.recommend (top 50, all personas):")
    print(shipped.line("all"))
    for name in set_names:
        print(shipped.of_set(name).line(name))
    print(f"\n(total {time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
