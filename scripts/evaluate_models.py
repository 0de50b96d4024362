"""Measure the three classifiers by stratified cross-validation on the development data.

Usage: python scripts/evaluate_models.py [--datasets DIR] [--only NAME ...] [--without-teacher]
       [--nested-transfer-weights W ...]

Inside every fold the whole pipeline is refit on the training part (vocabulary, n-gram weights,
VADER weights) and scored on the held-out part, so no test text informs its own prediction.
The praise model learns also from review lines labelled by a fine-tuned transformer teacher;
its teacher was fine-tuned in each of 5 folds without that fold's test sentences (stored by
scripts/train_teachers.py), so it is cross-validated with those 5 folds, and the teacher's own
accuracy is shown beside it. ``--without-teacher`` leaves the teacher's labels out, same folds.
Prints one row per task: texts, folds, model accuracy (mean ± sd over folds), the teacher's,
the lexicon-only baseline (VADER compound >= 0 -> positive class; whole text for reviews) and
the target. ``--nested-transfer-weights W ...`` also chooses the praise model's transfer weight
among W inside each fold by a 4-fold inner cross-validation and prints the per-fold choices
and the outer accuracies (see training.evaluate.nested_transfer_weight).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

# training/ is not installed with the package: import it (and analysis) from this checkout.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from analysis.sentiment import MODEL_NAMES  # noqa: E402
from training.data import CV_SEED, DEFAULT_DATASETS  # noqa: E402
from training.evaluate import evaluate_task, nested_transfer_weight  # noqa: E402

TARGETS = {"subjectivity": 0.92, "sentence-polarity": 0.80, "review-polarity": 0.88}


def _mean_sd(accuracies: np.ndarray) -> str:
    return f"{accuracies.mean():.3f} ± {accuracies.std(ddof=1):.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", type=Path, default=DEFAULT_DATASETS)
    parser.add_argument("--only", nargs="+", choices=MODEL_NAMES, default=list(MODEL_NAMES))
    parser.add_argument("--without-teacher", action="store_true")
    parser.add_argument("--nested-transfer-weights", nargs="+", type=float, metavar="W")
    args = parser.parse_args(argv)
    rows = []
    nested = []
    for name in args.only:
        evaluation = evaluate_task(name, args.datasets, teacher=not args.without_teacher)
        accuracies = np.array(evaluation["fold_accuracies"])
        teacher = evaluation["teacher_fold_accuracies"]
        rows.append(
            {
                "task": name,
                "n": len(evaluation["labels"]),
                "folds": evaluation["folds"],
                "model_cv_accuracy": _mean_sd(accuracies),
                "teacher": "-" if teacher is None else _mean_sd(np.array(teacher)),
                "vader_baseline": f"{evaluation['vader_baseline_accuracy']:.3f}",
                "target": f">= {TARGETS[name]:.2f}",
            }
        )
        if args.nested_transfer_weights and evaluation["fold_transfers"] is not None:
            for row in nested_transfer_weight(evaluation, args.nested_transfer_weights):
                inner = {f"inner {w:g}": f"{a:.4f}" for w, a in row.pop("inner_accuracy").items()}
                nested.append({"task": name, **row, **inner})
    print(f"stratified cross-validation, seed {CV_SEED}, data {args.datasets}")
    print(pd.DataFrame(rows).to_string(index=False))
    if nested:
        table = pd.DataFrame(nested)
        print("\nnested cross-validation of the transfer weight (inner: 4 folds of each training part)")
        print(table.round(4).to_string(index=False))
        for name, outer in table.groupby("task")["outer_accuracy"]:
            print(f"{name}: nested accuracy {_mean_sd(outer.to_numpy())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
