"""The heads on the sentence encoder's outputs, each stacked with its task's n-gram model.

Fitted with scikit-learn by ``scripts/train_models.py`` (``training/heads.py``) and shipped as
numbers in ``data/models/encoder-heads.json.gz``; applied here with numpy. Every head ends in a
*stack*: a logistic regression on two scores, the encoder head's and the n-gram model's decision
score, fitted on out-of-fold scores, whose output is the task's log-odds.

``subjectivity`` (evaluative vs summary)
    the 384-d embedding, standardised, into an L2 logistic regression; stacked with the
    multinomial NB's score.
``sentence-polarity`` (praise vs criticism)
    the fine-tuned polarity margin itself; stacked with the NB-weighted logistic regression's
    score.
``review-polarity`` (positive vs negative review)
    seven statistics of the margins of the review's sentences (:func:`margin_statistics`),
    standardised, into a logistic regression; stacked with NBSVM's score.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from analysis.portable_math import row_dot
from analysis.resources import read_model

HEADS_FILE = "encoder-heads"
STATISTICS = (
    "mean", "mean of first 3", "mean of last 3", "share above 0", "sd", "max", "min",
)
# Sentences at each end of a review whose margins are averaged: openings and closings carry
# the verdict more often than the middle (plot summary).
END_SENTENCES = 3


def heads() -> dict[str, Any]:
    """The shipped heads file's content (read once)."""
    return read_model(HEADS_FILE)


def margin_statistics(margins: Sequence[float]) -> np.ndarray:
    """The seven statistics of one review's sentence margins, in :data:`STATISTICS` order.

    A review without a sentence gets all zeros (no evidence either way).

    >>> margin_statistics([2.0, -1.0]).round(2).tolist()
    [0.5, 0.5, 0.5, 0.5, 1.5, 2.0, -1.0]
    """
    values = np.asarray(margins, dtype=float)
    if not len(values):
        return np.zeros(len(STATISTICS))
    return np.array(
        [
            values.mean(),
            values[:END_SENTENCES].mean(),
            values[-END_SENTENCES:].mean(),
            (values > 0).mean(),
            values.std(),
            values.max(),
            values.min(),
        ]
    )


def linear_log_odds(head: Mapping[str, Any], inputs: np.ndarray) -> np.ndarray:
    """A fitted logistic regression's log-odds on standardised `inputs` (one row per text); training
    scores its out-of-fold texts with it too."""
    standardised = (np.asarray(inputs, dtype=float) - head["mean"]) / head["scale"]
    return row_dot(standardised, head["weights"]) + head["bias"]


def stacked_log_odds(stack: Mapping[str, Any], head_scores: np.ndarray, ngram_scores: np.ndarray) -> np.ndarray:
    """The stack's log-odds from an encoder head's scores and an n-gram model's scores."""
    inputs = np.column_stack([np.asarray(head_scores, float), np.asarray(ngram_scores, float)])
    return row_dot(inputs, stack["weights"]) + stack["bias"]


def evaluative_log_odds(embeddings: np.ndarray, ngram_scores: np.ndarray) -> np.ndarray:
    """Log-odds that each sentence is evaluative, from its embedding and the MNB score."""
    head = heads()["subjectivity"]
    scores = linear_log_odds(head["embedding"], np.asarray(embeddings).reshape(-1, len(head["embedding"]["mean"])))
    return stacked_log_odds(head["stack"], scores, ngram_scores)


def praise_log_odds(margins: np.ndarray, ngram_scores: np.ndarray) -> np.ndarray:
    """Log-odds that each sentence is praise, from its encoder margin and the NB-LR score."""
    return stacked_log_odds(heads()["sentence-polarity"]["stack"], margins, ngram_scores)


def review_log_odds(sentence_margins: Sequence[Sequence[float]], ngram_scores: np.ndarray) -> np.ndarray:
    """Log-odds that each review is positive, from its sentences' margins and NBSVM's score."""
    head = heads()["review-polarity"]
    statistics = np.array([margin_statistics(m) for m in sentence_margins]).reshape(-1, len(STATISTICS))
    return stacked_log_odds(head["stack"], linear_log_odds(head["statistics"], statistics), ngram_scores)
