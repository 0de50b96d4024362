"""Evaluating each task's pipeline by cross-validation, on the development data.

:func:`evaluate_task` cross-validates a task's n-gram model (:mod:`training.fit`);
:func:`evaluate_stack` adds the encoder head and the stack of the two
(:mod:`training.heads`). Their results are also what :mod:`training.build` fits the shipped
files on.
"""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

from analysis.encoder import ENCODING_MODE, encode, encoder_fingerprint
from analysis.encoder_heads import margin_statistics
from analysis.features import text_features
from analysis.review_polarity import review_sentence_margins
from analysis.sentiment import ngram_praise_scores
from training.data import (
    CV_FOLDS,
    ENCODER_FOLDS,
    HEADS,
    TASKS,
    _vader_matrix,
    load_task,
    review_sentence_lexicon,
)
from training.encoder import load_fold_margins
from training.fit import cross_validate, vader_baseline
from training.heads import (
    fit_linear_head,
    fit_stack,
    out_of_fold_head_scores,
    stacked_cross_validation,
)


def evaluate_task(name: str, datasets_dir: Path, *, folds: int = CV_FOLDS) -> dict[str, Any]:
    """Cross-validate task `name`'s n-gram pipeline; returns the figures and the inputs to build.

    The praise model's out-of-fold scores apply the contrast rule of
    :func:`analysis.sentiment.ngram_praise_scores`, as prediction does.
    """
    task = TASKS[name]
    texts, labels = load_task(name, datasets_dir)
    feature_sets = [text_features(text, task.recipe) for text in texts]
    vader = _vader_matrix(texts)
    lexicon = (
        review_sentence_lexicon(datasets_dir, task.recipe) if task.recipe.get("lexicon") else None
    )
    score = None
    if name == "sentence-polarity":

        def score(model, test):
            fitted = {**model, "recipe": task.recipe}
            return ngram_praise_scores(fitted, [texts[i] for i in test], vader[test])

    accuracies, scores = cross_validate(
        feature_sets,
        labels,
        vader if task.recipe["vader"] else None,
        task.recipe,
        lexicon,
        folds=folds,
        score=score,
    )
    return {
        "task": task,
        "texts": texts,
        "labels": labels,
        "feature_sets": feature_sets,
        "vader": vader,
        "lexicon": lexicon,
        "folds": folds,
        "fold_accuracies": accuracies,
        "out_of_fold_scores": scores,
        "vader_baseline_accuracy": vader_baseline(vader, labels),
    }


def _encoded(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """The shipped encoder's outputs for `texts`, kept in the temporary folder between scripts.

    Fitting the heads (scripts/train_models.py) and measuring them (scripts/evaluate_models.py)
    read the same 56,000 sentences; the file is keyed by the encoder's fingerprint, the way texts
    go through it and the texts.
    """
    digest = hashlib.sha256("\x1f".join(texts).encode("utf-8")).hexdigest()[:16]
    path = Path(tempfile.gettempdir()) / f"criticism-encoded-{encoder_fingerprint()}-{ENCODING_MODE}-{digest}.npz"
    if path.is_file():
        with np.load(path) as stored:
            return stored["margins"], stored["embeddings"]
    margins, embeddings = encode(texts)
    np.savez(path, margins=margins, embeddings=embeddings)
    return margins, embeddings


def evaluate_stack(name: str, datasets_dir: Path) -> dict[str, Any]:
    """Cross-validate task `name`'s encoder head, its n-gram model and their stack (5 folds).

    Returns the per-fold accuracies (``fold_accuracies``: head, n-gram, stacked), the head
    fitted on all texts (None for the praise model, whose head is the margin itself) and the
    stack fitted on every out-of-fold pair.
    """
    ngram = evaluate_task(name, datasets_dir, folds=ENCODER_FOLDS)
    texts, labels = ngram["texts"], ngram["labels"]
    recipe = HEADS[name]
    head = None
    if name == "sentence-polarity":
        head_scores = load_fold_margins(labels)
    else:
        if name == "subjectivity":
            inputs = _encoded(texts)[1].astype(float)
        else:
            inputs = np.array(
                [margin_statistics(m) for m in review_sentence_margins(texts, encoded=_encoded)]
            )
        head_scores = out_of_fold_head_scores(inputs, labels, recipe["C"])
        head = fit_linear_head(inputs, labels, recipe["C"])
    return {
        "task": ngram["task"],
        "n_texts": len(labels),
        "folds": ENCODER_FOLDS,
        "fold_accuracies": stacked_cross_validation(head_scores, ngram["out_of_fold_scores"], labels),
        "head": head,
        "stack": fit_stack(head_scores, ngram["out_of_fold_scores"], labels),
        "vader_baseline_accuracy": ngram["vader_baseline_accuracy"],
    }
