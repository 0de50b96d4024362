"""Fitting and cross-validating the classifiers that :mod:`analysis.sentiment` ships.

Method (Wang & Manning 2012, "Baselines and bigrams"): binary n-gram features (recipe in
:mod:`analysis.sentiment`), the vocabulary being the n-grams in at least ``min_df`` training texts,
sorted. ``"multinomial naive bayes"`` weights each n-gram by its smoothed log-count ratio
``r = log((p / |p|1) / (q / |q|1))`` with ``p = alpha + counts in positive texts``; the bias is
the log prior ratio. ``"nb-weighted logistic regression"`` scales the features by ``r`` and fits
an L2 logistic regression (liblinear, deterministic) on them plus the three VADER scores; the
shipped weight of an n-gram is ``r * w``. Cross-validation retrains this whole pipeline,
vocabulary included, inside every fold; out-of-fold scores also fit the calibration slope.
Weights are rounded to 6 significant digits, so rebuilding gives the same numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from scipy import sparse

from analysis.sentiment import VADER_FEATURES, scores_from_features
from training.data import CV_FOLDS, CV_SEED


def _round(value: float) -> float:
    return float(f"{value:.6g}")


def _design_matrix(feature_sets: Sequence[Sequence[str]], index: dict[str, int]):
    rows, columns = [], []
    for row, features in enumerate(feature_sets):
        for feature in features:
            column = index.get(feature)
            if column is not None:
                rows.append(row)
                columns.append(column)
    data = np.ones(len(rows))
    return sparse.csr_matrix((data, (rows, columns)), shape=(len(feature_sets), len(index)))


def fit(
    feature_sets: Sequence[Sequence[str]],
    labels: np.ndarray,
    vader: np.ndarray | None,
    recipe: dict[str, Any],
    lexicon: dict[str, float] | None = None,
) -> dict[str, Any]:
    """Fit one model on texts already turned into features; returns bias and weights.

    With a `lexicon` (n-gram -> score), the sum of a text's lexicon scores is one more input;
    its fitted coefficient ``lexicon_weight`` times each score is folded into the n-gram
    weights, so prediction stays one dictionary look-up per n-gram.

    Returns
    -------
    dict
        ``bias``, ``weights`` (n-gram -> weight, sorted, zero weights dropped),
        ``vader_weights`` (empty unless the recipe uses VADER), ``lexicon_weight`` (None
        without a lexicon).
    """
    labels = np.asarray(labels)
    document_frequency: dict[str, int] = {}
    for features in feature_sets:
        for feature in features:
            document_frequency[feature] = document_frequency.get(feature, 0) + 1
    vocabulary = sorted(f for f, n in document_frequency.items() if n >= recipe["min_df"])
    index = {feature: i for i, feature in enumerate(vocabulary)}
    matrix = _design_matrix(feature_sets, index)
    alpha = recipe["alpha"]
    p = alpha + matrix.T @ (labels == 1).astype(float)
    q = alpha + matrix.T @ (labels == 0).astype(float)
    ratios = np.log(p / p.sum()) - np.log(q / q.sum())
    vader_weights: dict[str, float] = {}
    lexicon_weight = None
    if recipe["classifier"] == "multinomial naive bayes":
        weights = dict(zip(vocabulary, ratios, strict=True))
        bias = float(np.log((labels == 1).sum() / (labels == 0).sum()))
    elif recipe["classifier"] == "nb-weighted logistic regression":
        from sklearn.linear_model import LogisticRegression

        blocks = [matrix @ sparse.diags(ratios)]
        if recipe["vader"]:
            blocks.append(sparse.csr_matrix(vader))
        if lexicon is not None:
            sums = [sum(lexicon.get(f, 0.0) for f in features) for features in feature_sets]
            blocks.append(sparse.csr_matrix(np.array(sums).reshape(-1, 1)))
        classifier = LogisticRegression(
            C=recipe["C"], solver="liblinear", max_iter=1000, random_state=CV_SEED
        )
        classifier.fit(sparse.hstack(blocks).tocsr(), labels)
        coefficients = classifier.coef_.ravel()
        weights = dict(zip(vocabulary, ratios * coefficients[: len(vocabulary)], strict=True))
        bias = float(classifier.intercept_[0])
        if recipe["vader"]:
            dense = coefficients[len(vocabulary) : len(vocabulary) + len(VADER_FEATURES)]
            vader_weights = {
                name: _round(w) for name, w in zip(VADER_FEATURES, dense, strict=True)
            }
        if lexicon is not None:
            lexicon_weight = float(coefficients[-1])
            for feature, score in lexicon.items():
                weights[feature] = weights.get(feature, 0.0) + lexicon_weight * score
            lexicon_weight = _round(lexicon_weight)
    else:
        raise ValueError(f"unknown classifier in recipe: {recipe['classifier']!r}")
    rounded = {feature: _round(weights[feature]) for feature in sorted(weights)}
    return {
        "bias": _round(bias),
        "weights": {feature: w for feature, w in rounded.items() if w != 0.0},
        "vader_weights": vader_weights,
        "lexicon_weight": lexicon_weight,
    }


def sign_accuracy(scores: Sequence[float], labels: np.ndarray) -> float:
    """Share of texts whose score's sign (>= 0 -> positive class) matches its 0/1 label."""
    return float(((np.asarray(scores) >= 0).astype(int) == np.asarray(labels)).mean())


def _splits(labels: np.ndarray, folds: int, seed: int) -> list[tuple[np.ndarray, np.ndarray]]:
    from sklearn.model_selection import StratifiedKFold

    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    return list(splitter.split(np.zeros(len(labels)), labels))


def cross_validate(
    feature_sets: Sequence[Sequence[str]],
    labels: np.ndarray,
    vader: np.ndarray | None,
    recipe: dict[str, Any],
    lexicon: dict[str, float] | None = None,
    *,
    folds: int = CV_FOLDS,
    seed: int = CV_SEED,
    score=None,
) -> tuple[list[float], np.ndarray]:
    """Stratified k-fold accuracies and out-of-fold decision scores, refitting per fold.

    `score`, if given, is called as ``score(model, test_indices)`` and returns the test texts'
    decision scores (the praise model scores clauses of contrast sentences too); by default
    they are :func:`analysis.sentiment.scores_from_features` of the test features.
    """
    labels = np.asarray(labels)
    scores = np.zeros(len(labels))
    accuracies = []
    for train, test in _splits(labels, folds, seed):
        model = fit(
            [feature_sets[i] for i in train],
            labels[train],
            None if vader is None else vader[train],
            recipe,
            lexicon,
        )
        if score is None:
            fold_scores = scores_from_features(
                model, [feature_sets[i] for i in test], None if vader is None else vader[test]
            )
        else:
            fold_scores = score(model, test)
        scores[test] = fold_scores
        accuracies.append(sign_accuracy(fold_scores, labels[test]))
    return accuracies, scores


def calibration_slope(scores: np.ndarray, labels: np.ndarray) -> float:
    """Temperature of the decision scores: a logistic regression on them with no intercept."""
    from sklearn.linear_model import LogisticRegression

    regression = LogisticRegression(C=1e6, fit_intercept=False, solver="lbfgs", max_iter=1000)
    regression.fit(np.asarray(scores).reshape(-1, 1), labels)
    return _round(float(regression.coef_[0, 0]))


def vader_baseline(vader: np.ndarray, labels: np.ndarray) -> float:
    """Accuracy of the lexicon-only rule: VADER compound >= 0 -> positive class."""
    return sign_accuracy(vader[:, 0], labels)
