"""Building a shipped model file: fit on all the data, describe, serialise byte for byte.

:func:`build_model` cross-validates and calibrates a task (:func:`training.evaluate.evaluate_task`),
fits it on all its data and returns the model file's content: its recipe (from
``training/recipes.yaml``) with the tokenizer it was built with, the training data, the
cross-validation figures, the calibration slope and the weights. :func:`model_bytes` writes it
as JSON with sorted keys into a gzip stream with no time stamp or file name, so rebuilding gives
the same bytes.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import numpy as np

from analysis.features import marked_tokens
from training.data import CV_SEED, FORMAT_VERSION, Task
from training.evaluate import evaluate_task
from training.fit import _round, calibration_slope, fit

# Tokenized into each model file; a test re-tokenizes it, so a change to the tokenizer that
# would make shipped weights miss their features fails loudly until the models are rebuilt.
TOKENIZER_PROBE = (
    "Jonze's \"Her\": writer/director O'Donnell isn't slow -- it's 10,000 times well-made, 4.5/5 (no?)"
)


def build_model(name: str, datasets_dir: Path) -> dict[str, Any]:
    """Cross-validate, calibrate and fit the shipped model for task `name` on all its data."""
    evaluation = evaluate_task(name, datasets_dir)
    task: Task = evaluation["task"]
    labels = evaluation["labels"]
    use_vader = task.recipe["vader"]
    fitted = fit(
        evaluation["feature_sets"],
        labels,
        evaluation["vader"] if use_vader else None,
        task.recipe,
        evaluation["lexicon"],
        evaluation["transfer"],
    )
    accuracies = evaluation["fold_accuracies"]
    return {
        "format": FORMAT_VERSION,
        "name": name,
        "description": task.description,
        "classes": {"positive": task.positive_class, "negative": task.negative_class},
        "recipe": {
            **task.recipe,
            "tokens": "analysis.tokenization.word_tokens, lower-cased",
            "tokenizer_probe": {
                "text": TOKENIZER_PROBE,
                "tokens": marked_tokens(TOKENIZER_PROBE, negation=task.recipe["negation"]),
            },
            "features": "binary word n-grams 1..ngram_max"
            + (", negation scopes marked _NEG" if task.recipe["negation"] else "")
            + (", plus VADER compound, pos, neg" if use_vader else "")
            + (
                "; lexicon_weight x review-sentence NB log-count ratios folded into weights"
                if task.recipe.get("lexicon")
                else ""
            )
            + (
                "; trained also on a transfer set with the soft labels of a fine-tuned transformer teacher"
                if evaluation["transfer"] is not None
                else ""
            ),
        },
        "training_data": {
            "folder": task.folder,
            "positive": task.positive,
            "negative": task.negative,
            "n_texts": len(labels),
            "n_positive": int(labels.sum()),
            "n_negative": int((labels == 0).sum()),
            "citation": task.citation,
            "note": "development half only; the other half is held out for acceptance",
            **(
                {
                    "auxiliary_data": "lexicon from the lines of movie-review-polarity-dev "
                    "pos/neg (review label as each line's label); "
                    "Polarity data set v2.0, Pang & Lee (2004), ACL"
                }
                if task.recipe.get("lexicon")
                else {}
            ),
            **(
                {
                    # "analysis.distillation" was the teacher module's name (now
                    # training.distillation) when the shipped files were built; kept so that
                    # they rebuild byte for byte.
                    "transfer_data": f"{len(evaluation['transfer'].feature_sets)} lines of "
                    "movie-review-polarity-dev with the soft labels of the teacher in "
                    "scripts/data/sentence-polarity-teacher.json.gz (analysis.distillation), "
                    f"each weighing {evaluation['transfer'].weight} of a gold sentence"
                }
                if evaluation["transfer"] is not None
                else {}
            ),
        },
        "cross_validation": {
            "folds": evaluation["folds"],
            "seed": CV_SEED,
            "scheme": "stratified k-fold, shuffled; vocabulary and weights refit in each fold"
            + ("; the teacher too" if evaluation["transfer"] is not None else ""),
            "fold_accuracies": [_round(a) for a in accuracies],
            "accuracy_mean": _round(float(np.mean(accuracies))),
            "accuracy_sd": _round(float(np.std(accuracies, ddof=1))),
            "vader_baseline_accuracy": _round(evaluation["vader_baseline_accuracy"]),
            **(
                {
                    "teacher_fold_accuracies": [
                        _round(a) for a in evaluation["teacher_fold_accuracies"]
                    ]
                }
                if evaluation["teacher_fold_accuracies"] is not None
                else {}
            ),
        },
        "calibration": {
            "slope": calibration_slope(evaluation["out_of_fold_scores"], labels),
            "method": "probability = sigmoid(slope * score); slope fitted on out-of-fold scores",
        },
        **fitted,
    }


def model_bytes(model: dict[str, Any]) -> bytes:
    """The model as gzipped JSON, identical bytes for identical models (no time stamp)."""
    text = json.dumps(model, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)
