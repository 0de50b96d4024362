"""Fitting and cross-validating the encoder heads and their stacks with the n-gram models.

Each task has two base scores per text: an encoder head's (:mod:`analysis.encoder_heads`) and
its n-gram model's (:mod:`training.fit`). Both are made out of fold in the same
:data:`~training.data.ENCODER_FOLDS` stratified folds (seed :data:`~training.data.CV_SEED`);
the stack, a logistic regression on the pair, is then cross-validated on those out-of-fold
pairs: fitted on the other folds' pairs, scored on the fold's own. The shipped stack is fitted
on every out-of-fold pair, the shipped head on every text.

What each head's out-of-fold score holds fixed: the praise margins come from an encoder
fine-tuned without the fold (:func:`training.encoder.load_fold_margins`); the embedding and
review heads are refitted in each fold on the outputs of the shipped encoder, which was
fine-tuned on the sentence-polarity labels only and so never saw a subjectivity or review label
(41.8 % of the subjectivity quotes also occur among the polarity sentences, as texts).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from analysis.encoder_heads import linear_log_odds
from training.data import CV_SEED, ENCODER_FOLDS
from training.fit import _round, _splits, sign_accuracy


def _rounded(values) -> list[float]:
    return [_round(float(v)) for v in np.ravel(values)]


def fit_linear_head(inputs: np.ndarray, labels: np.ndarray, C: float) -> dict[str, Any]:
    """Standardise `inputs` and fit an L2 logistic regression; the numbers :mod:`analysis.encoder_heads` applies."""
    from sklearn.linear_model import LogisticRegression

    inputs = np.asarray(inputs, dtype=float)
    mean = inputs.mean(axis=0)
    scale = inputs.std(axis=0)
    scale[scale == 0] = 1.0  # a constant input carries no information; keep it harmless
    regression = LogisticRegression(C=C, solver="lbfgs", max_iter=5000)
    regression.fit((inputs - mean) / scale, labels)
    return {
        "mean": _rounded(mean),
        "scale": _rounded(scale),
        "weights": _rounded(regression.coef_),
        "bias": _round(float(regression.intercept_[0])),
        "C": C,
    }


def fit_stack(head_scores: np.ndarray, ngram_scores: np.ndarray, labels: np.ndarray) -> dict[str, Any]:
    """A logistic regression on (head score, n-gram score): weights ``[head, n-gram]`` and bias."""
    from sklearn.linear_model import LogisticRegression

    regression = LogisticRegression(C=1.0, solver="lbfgs", max_iter=1000)
    regression.fit(np.column_stack([head_scores, ngram_scores]), labels)
    return {
        "inputs": ["encoder head score", "n-gram model decision score"],
        "weights": _rounded(regression.coef_),
        "bias": _round(float(regression.intercept_[0])),
    }


def out_of_fold_head_scores(
    inputs: np.ndarray, labels: np.ndarray, C: float, folds: int = ENCODER_FOLDS
) -> np.ndarray:
    """Each text's head score from a head fitted without its fold."""
    scores = np.zeros(len(labels))
    for train, test in _splits(labels, folds, CV_SEED):
        scores[test] = linear_log_odds(fit_linear_head(inputs[train], labels[train], C), inputs[test])
    return scores


def stacked_cross_validation(
    head_scores: np.ndarray, ngram_scores: np.ndarray, labels: np.ndarray, folds: int = ENCODER_FOLDS
) -> dict[str, list[float]]:
    """Per-fold accuracies of the head alone, the n-gram model alone and their stack."""
    rows: dict[str, list[float]] = {"encoder head": [], "n-gram": [], "stacked": []}
    for train, test in _splits(labels, folds, CV_SEED):
        stack = fit_stack(head_scores[train], ngram_scores[train], labels[train])
        stacked = np.column_stack([head_scores[test], ngram_scores[test]]) @ stack["weights"] + stack["bias"]
        rows["encoder head"].append(sign_accuracy(head_scores[test], labels[test]))
        rows["n-gram"].append(sign_accuracy(ngram_scores[test], labels[test]))
        rows["stacked"].append(sign_accuracy(stacked, labels[test]))
    return rows
