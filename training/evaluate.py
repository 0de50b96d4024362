"""Evaluating a model's whole training pipeline by cross-validation, on the development data.

:func:`evaluate_task` reads a task's texts (and, for the praise model, its lexicon and its
teacher's stored labels) and cross-validates its recipe (:mod:`training.fit`); its result is
also what :func:`training.build.build_model` fits the shipped model on.
:func:`nested_transfer_weight` checks the choice of the praise model's transfer weight.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from analysis.features import text_features
from analysis.sentiment import scores_from_features
from training.data import (
    CV_FOLDS,
    CV_SEED,
    TASKS,
    TEACHER_FOLDS,
    _vader_matrix,
    load_task,
    review_sentence_lexicon,
)
from training.distillation import load_teacher_labels
from training.fit import (
    Transfer,
    _splits,
    cross_validate,
    fit,
    sign_accuracy,
    teacher_probabilities,
    vader_baseline,
)


def evaluate_task(name: str, datasets_dir: Path, *, teacher: bool = True) -> dict[str, Any]:
    """Cross-validate task `name`'s whole pipeline; returns the figures and the inputs to build.

    A task whose recipe has a ``distillation`` entry is cross-validated with the
    :data:`TEACHER_FOLDS` folds of its stored teacher labels; ``teacher=False`` leaves the
    transfer set out on the same folds, to measure what it adds.
    """
    task = TASKS[name]
    texts, labels = load_task(name, datasets_dir)
    feature_sets = [text_features(text, task.recipe) for text in texts]
    vader = _vader_matrix(texts)
    lexicon = (
        review_sentence_lexicon(datasets_dir, task.recipe) if task.recipe.get("lexicon") else None
    )
    distillation = task.recipe.get("distillation")
    folds = TEACHER_FOLDS if distillation else CV_FOLDS
    teacher_content, fold_transfers, transfer = None, None, None
    if distillation and teacher:
        teacher_content = load_teacher_labels(datasets_dir, labels)
        pool = teacher_content["pool"]
        pool_features = [text_features(text, task.recipe) for text in pool]
        pool_vader = _vader_matrix(pool)

        def labelled_pool(margins: list[float]) -> Transfer:
            return Transfer(
                pool_features,
                pool_vader,
                teacher_probabilities(margins),
                distillation["transfer_weight"],
            )

        fold_transfers = [labelled_pool(fold["pool_margins"]) for fold in teacher_content["folds"]]
        transfer = labelled_pool(teacher_content["all"]["pool_margins"])
    accuracies, scores = cross_validate(
        feature_sets,
        labels,
        vader if task.recipe["vader"] else None,
        task.recipe,
        lexicon,
        folds=folds,
        transfers=fold_transfers,
    )
    teacher_accuracies = None
    if teacher_content is not None:
        teacher_accuracies = [
            sign_accuracy(fold["test_margins"], labels[fold["test"]])
            for fold in teacher_content["folds"]
        ]
    return {
        "task": task,
        "texts": texts,
        "labels": labels,
        "feature_sets": feature_sets,
        "vader": vader,
        "lexicon": lexicon,
        "transfer": transfer,
        "fold_transfers": fold_transfers,
        "folds": folds,
        "fold_accuracies": accuracies,
        "teacher_fold_accuracies": teacher_accuracies,
        "out_of_fold_scores": scores,
        "vader_baseline_accuracy": vader_baseline(vader, labels),
    }


def nested_transfer_weight(
    evaluation: dict[str, Any], weights: Sequence[float], *, inner_folds: int = 4
) -> list[dict[str, Any]]:
    """Choose the transfer set's weight inside each outer fold, then score that fold (nested CV).

    For each outer fold of `evaluation` (:func:`evaluate_task` with a teacher), every weight is
    scored by an `inner_folds` cross-validation of the outer training part, the best (ties to
    the smaller weight) is refit on the whole training part and scored on the outer test part,
    which neither the teacher nor the choice has seen. The inner folds reuse the outer fold's
    teacher labels, so inside the choice the teacher has seen the inner test sentences.

    Returns
    -------
    list of dict
        One per outer fold: ``fold``, ``inner_accuracy`` (weight -> mean inner accuracy),
        ``chosen_weight``, ``outer_accuracy``.
    """
    if evaluation["fold_transfers"] is None:
        raise ValueError("nested_transfer_weight needs an evaluation with a teacher's labels")
    labels = evaluation["labels"]
    feature_sets = evaluation["feature_sets"]
    recipe = evaluation["task"].recipe
    vader = evaluation["vader"] if recipe["vader"] else None
    rows = []
    splits = _splits(labels, evaluation["folds"], CV_SEED)
    for k, ((train, test), transfer) in enumerate(zip(splits, evaluation["fold_transfers"])):
        train_features = [feature_sets[i] for i in train]
        train_vader = None if vader is None else vader[train]
        inner_accuracy = {}
        for weight in weights:
            weighted = transfer._replace(weight=weight)
            accuracies, _ = cross_validate(
                train_features, labels[train], train_vader, recipe, evaluation["lexicon"],
                folds=inner_folds, transfers=[weighted] * inner_folds,
            )
            inner_accuracy[weight] = float(np.mean(accuracies))
        chosen = max(weights, key=lambda weight: (inner_accuracy[weight], -weight))
        model = fit(
            train_features, labels[train], train_vader, recipe, evaluation["lexicon"],
            transfer._replace(weight=chosen),
        )
        scores = scores_from_features(
            model, [feature_sets[i] for i in test], None if vader is None else vader[test]
        )
        rows.append(
            {
                "fold": k + 1,
                "inner_accuracy": inner_accuracy,
                "chosen_weight": chosen,
                "outer_accuracy": sign_accuracy(scores, labels[test]),
            }
        )
    return rows
