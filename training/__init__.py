"""Training and evaluation of the classifiers that :mod:`analysis.sentiment` ships; not installed.

This folder sits beside ``scripts/`` and is left out of the ``analysis`` wheel: prediction needs
only the model files in ``analysis/data/models/``. Run it from the project root through
``scripts/train_models.py``, ``scripts/evaluate_models.py`` and ``scripts/train_teachers.py``.
It needs scikit-learn (a dependency of the package), the labelled development data
(``../shared/datasets`` by default, see its README) and, for the teacher only, the ``teacher``
extra.

The recipes are data: ``recipes.yaml`` says how each model is built (data set, classifier,
n-grams, negation, VADER, smoothing, regularisation, transfer weight, folds, seed, teacher).

Modules, in the order they build on each other:

``training.data``
    reads ``recipes.yaml`` (:data:`~training.data.TASKS`), loads a task's texts, and the
    review-sentence lexicon.
``training.fit``
    fits one model on features and cross-validates it; calibration; the VADER baseline.
``training.distillation``
    the praise model's transformer teacher, its transfer set and its stored labels.
``training.evaluate``
    cross-validates a task's whole pipeline; nested choice of the transfer weight.
``training.build``
    the shipped model file's content and its reproducible bytes.
"""
