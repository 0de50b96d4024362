"""Whole-review polarity: the inferred rating and the n-grams behind it.

The probability that a review is positive stacks two readings of the body, both trained on Pang &
Lee's polarity data set v2.0 (development half): the ``review-polarity`` n-gram model of
:mod:`analysis.sentiment` (NB-weighted logistic regression on word n-grams) and seven statistics
of the fine-tuned encoder's praise margins of the review's sentences (:mod:`analysis.encoder`,
:mod:`analysis.encoder_heads`), so a review of mostly plot summary with a warm closing reads as
its sentences do. :func:`review_evidence` lists the n-grams that pushed the n-gram model up or
down, so every inferred rating can be audited beside the sentences' own labels.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Mapping, Sequence

import numpy as np
import pandas as pd

from analysis.encoder import encode
from analysis.encoder_heads import review_log_odds
from analysis.features import ngram_counts
from analysis.sentiment import decision_scores, load_model
from analysis.tables import check_texts, checks
from analysis.tokenization import split_sentences


def review_sentence_margins(
    texts: Sequence[str], *, encoded: Callable[[list[str]], tuple[np.ndarray, np.ndarray]] = encode
) -> list[np.ndarray]:
    """The encoder's praise margin of each sentence of each review, sentences in reading order.

    `encoded` gives the encoder's ``(margins, embeddings)`` of a list of sentences
    (:func:`analysis.encoder.encode`; training passes one that keeps them between runs).
    """
    texts = check_texts(texts, function="review_sentence_margins")
    sentences = [[sentence.text for sentence in split_sentences(text)] for text in texts]
    margins, _ = encoded([sentence for review in sentences for sentence in review])
    ends = np.cumsum([len(review) for review in sentences])
    return np.split(margins.astype(float), ends[:-1]) if len(sentences) else []


def score_reviews(
    texts: Sequence[str],
    *,
    ngrams: Sequence[Mapping[str, int]] | None = None,
    encoded: Callable[[list[str]], tuple[np.ndarray, np.ndarray]] = encode,
) -> pd.DataFrame:
    """Score whole reviews: the n-gram model stacked with the statistics of their sentences' margins.

    Parameters
    ----------
    texts : sequence of str
        Review bodies, any case, untokenized.
    ngrams : sequence of mappings, optional
        Each text's :func:`analysis.features.ngram_counts` under the model's recipe, when the
        caller has them already (they are computed otherwise).
    encoded : callable
        Gives the encoder's ``(margins, embeddings)`` of a list of sentences, as for
        :func:`review_sentence_margins` (the corpus tables pass one that keeps them on disk).

    Returns
    -------
    pandas.DataFrame
        One row per text, in order: ``positive_probability`` (0-1) and ``stars``
        (``5 * positive_probability``, not rounded: a model's confidence on a star scale, not a
        predicted rating).
    """
    texts = check_texts(texts, function="score_reviews")
    ngram_scores = decision_scores(load_model("review-polarity"), texts, ngrams=ngrams)
    log_odds = review_log_odds(review_sentence_margins(texts, encoded=encoded), ngram_scores)
    probability = 1.0 / (1.0 + np.exp(-log_odds))
    return pd.DataFrame({"positive_probability": probability, "stars": 5 * probability})


@checks(text=str)
def review_evidence(text: str, *, top: int = 10) -> pd.DataFrame:
    """The n-grams that pushed a review's score up (towards positive) or down.

    The model reads each n-gram's presence, not its count, so an n-gram's real term in the
    score is its weight however often it occurs: ``contribution`` is that term and ``count``
    is shown as evidence only. VADER's inputs, if the model has any, are not n-grams and are
    not listed.

    Parameters
    ----------
    text : str
        One review.
    top : int, default 10
        How many n-grams to keep per direction (at least 0).

    Returns
    -------
    pandas.DataFrame
        Columns ``feature`` (the n-gram, ``_NEG`` marking a negated word), ``count`` (occurrences
        in `text`), ``weight``, ``contribution``, ``direction`` ("up" or "down"); the `top` rows
        of each direction, sorted by absolute contribution (descending), then feature.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str; got {type(text).__name__}")
    if isinstance(top, bool) or not isinstance(top, int) or top < 0:
        raise ValueError(f"top must be an int >= 0; got {top!r}")
    model = load_model("review-polarity")
    rows = evidence_rows(ngram_counts(text, model["recipe"]), top=top)
    return evidence_table(rows, EVIDENCE_COLUMNS)


EVIDENCE_COLUMNS = ["feature", "count", "weight", "contribution", "direction"]


def evidence_rows(counts: Mapping[str, int], *, top: int) -> list[tuple[str, int, float, float, str]]:
    """:func:`review_evidence`'s rows from a review's n-gram counts: the `top` of each direction.

    Rows are ``(feature, count, weight, contribution, direction)``, ordered by absolute
    contribution (descending), then feature.
    """
    weights = load_model("review-polarity")["weights"]
    weighted = [(feature, count, weights[feature]) for feature, count in counts.items() if weights.get(feature, 0.0) != 0.0]

    def strength(row: tuple[str, int, float]) -> tuple[float, str]:
        return -abs(row[2]), row[0]

    # A review has thousands of weighted n-grams and shows a few: select, don't sort them all.
    kept = [
        *heapq.nsmallest(top, (row for row in weighted if row[2] > 0), key=strength),
        *heapq.nsmallest(top, (row for row in weighted if row[2] < 0), key=strength),
    ]
    return [
        (feature, int(count), float(weight), float(weight), "up" if weight > 0 else "down")
        for feature, count, weight in sorted(kept, key=strength)
    ]


def evidence_table(rows: list[tuple], columns: list[str]) -> pd.DataFrame:
    """Evidence rows as a table with stable dtypes, whatever the number of rows."""
    table = pd.DataFrame(rows, columns=columns)
    return table.astype({"count": "int64", "weight": "float64", "contribution": "float64", "direction": object})
