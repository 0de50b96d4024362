"""Building a shipped model file: fit on all the data, describe, serialise byte for byte.

:func:`build_model` cross-validates and calibrates a task (:func:`training.evaluate.evaluate_task`),
fits it on all its data and returns the model file's content: its recipe (from
``training/recipes.yaml``) with the tokenizer it was built with, the training data, the
cross-validation figures, the calibration slope and the weights. :func:`build_heads` does the
same for the encoder heads and their stacks (:func:`training.evaluate.evaluate_stack`).
:func:`training.data.model_bytes` writes either as JSON with sorted keys into a gzip stream with
no time stamp or file name, so rebuilding gives the same bytes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from analysis.features import marked_tokens
from analysis.encoder import encoder_fingerprint
from analysis.encoder_heads import STATISTICS
from training.data import CV_SEED, ENCODER_FILES, FORMAT_VERSION, HEADS, PROJECT_ROOT, TASKS, Task
from training.evaluate import evaluate_stack, evaluate_task
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
        },
        "cross_validation": {
            "folds": evaluation["folds"],
            "seed": CV_SEED,
            "scheme": "stratified k-fold, shuffled; vocabulary and weights refit in each fold",
            "fold_accuracies": [_round(a) for a in accuracies],
            "accuracy_mean": _round(float(np.mean(accuracies))),
            "accuracy_sd": _round(float(np.std(accuracies, ddof=1))),
            "vader_baseline_accuracy": _round(evaluation["vader_baseline_accuracy"]),
        },
        "calibration": {
            "slope": calibration_slope(evaluation["out_of_fold_scores"], labels),
            "method": "probability = sigmoid(slope * score); slope fitted on out-of-fold scores",
        },
        **fitted,
    }


# Where analysis.encoder_heads finds each fitted head in its task's entry.
HEAD_KEYS = {"subjectivity": "embedding", "review-polarity": "statistics"}


def build_heads(datasets_dir: Path, progress=print) -> dict[str, Any]:
    """The encoder heads file's content: each task's head and stack, and their cross-validation."""
    content: dict[str, Any] = {
        "format": FORMAT_VERSION,
        "encoder": {
            "files": [str(ENCODER_FILES[key].relative_to(PROJECT_ROOT)) for key in ("model", "tokenizer")],
            "sha256": encoder_fingerprint(),
        },
        "review_statistics": list(STATISTICS),
    }
    for name in TASKS:
        progress(f"{name}: cross-validating the encoder head and the stack")
        evaluation = evaluate_stack(name, datasets_dir)
        figures = {
            method: {
                "fold_accuracies": [_round(a) for a in accuracies],
                "accuracy_mean": _round(float(np.mean(accuracies))),
                "accuracy_sd": _round(float(np.std(accuracies, ddof=1))),
            }
            for method, accuracies in evaluation["fold_accuracies"].items()
        }
        content[name] = {
            "recipe": HEADS[name],
            **({} if evaluation["head"] is None else {HEAD_KEYS[name]: evaluation["head"]}),
            "stack": evaluation["stack"],
            "cross_validation": {"folds": evaluation["folds"], "seed": CV_SEED, **figures},
        }
    return content
