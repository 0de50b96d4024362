"""Cross-validate the three sentence and review judgements beside their n-gram models.

Usage: python scripts/evaluate_models.py [--datasets DIR] [--only NAME ...]

For each task, 5-fold stratified cross-validation (seed 20131218) on the development data of
three methods on the same folds: the n-gram model alone (refit in each fold: vocabulary, weights,
VADER weights), the encoder head alone and their stack (a logistic regression on the two
out-of-fold scores, fitted on the other folds' pairs). The praise margins come from an encoder
fine-tuned without each fold (scripts/data/sentence-polarity-encoder-folds.json.gz, written by
scripts/train_encoder.py --part folds); the embedding and review heads are refit in each fold on
the shipped encoder's outputs (it was fine-tuned on sentence-polarity labels only). Prints one
row per task and method: accuracy mean ± sd over the folds, each fold, the lexicon-only
baseline (VADER compound >= 0) and the target. Needs the shipped encoder, not PyTorch.
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
from training.evaluate import evaluate_stack  # noqa: E402

TARGETS = {"subjectivity": 0.940, "sentence-polarity": 0.830, "review-polarity": 0.905}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", type=Path, default=DEFAULT_DATASETS)
    parser.add_argument("--only", nargs="+", choices=MODEL_NAMES, default=list(MODEL_NAMES))
    args = parser.parse_args(argv)
    rows = []
    for name in args.only:
        evaluation = evaluate_stack(name, args.datasets)
        for method, accuracies in evaluation["fold_accuracies"].items():
            accuracies = np.array(accuracies)
            rows.append(
                {
                    "task": name,
                    "n": evaluation["n_texts"],
                    "method": method,
                    "cv_accuracy": f"{accuracies.mean():.3f} ± {accuracies.std(ddof=1):.3f}",
                    "folds": " ".join(f"{a:.3f}" for a in accuracies),
                    "vader_baseline": f"{evaluation['vader_baseline_accuracy']:.3f}",
                    "target": f">= {TARGETS[name]:.3f}" if method == "stacked" else "",
                }
            )
        print(f"{name} done", file=sys.stderr, flush=True)
    print(f"5-fold stratified cross-validation, seed {CV_SEED}, data {args.datasets}")
    print(pd.DataFrame(rows).to_string(index=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
