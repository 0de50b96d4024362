"""Training and evaluation of the models that :mod:`analysis.sentiment` ships; not installed.

This folder sits beside ``scripts/`` and is left out of the ``analysis`` wheel: prediction needs
only the files in ``analysis/data/models/``. Run it from the project root through
``scripts/train_encoder.py``, ``scripts/train_models.py`` and ``scripts/evaluate_models.py``.
It needs scikit-learn (a dependency of the package), the labelled development data
(``../shared/datasets`` by default, see its README) and, to fine-tune the encoder only, the
``training`` extra (PyTorch, transformers, onnx, the MiniLM weights).

The recipes are data: ``recipes.yaml`` says how each model is built (data set, classifier,
n-grams, negation, VADER, smoothing, regularisation, folds, seed, the encoder's fine-tuning and
export, the heads).

Modules, in the order they build on each other:

``training.data``
    reads ``recipes.yaml`` (:data:`~training.data.TASKS`), loads a task's texts, the
    review-sentence lexicon, and writes reproducible gzipped JSON.
``training.fit``
    fits one n-gram model on features and cross-validates it; calibration; the VADER baseline.
``training.encoder``
    fine-tunes MiniLM, exports the int8 ONNX graph, and makes and reads the fold-wise margins.
``training.heads``
    fits the encoder heads and the stacks, and cross-validates the stacks.
``training.evaluate``
    cross-validates a task's n-gram pipeline, and its head and stack beside it.
``training.build``
    the shipped files' content: n-gram models and encoder heads.
"""
