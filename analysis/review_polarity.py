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
from itertools import repeat
from typing import NamedTuple

import numpy as np
import pandas as pd

from analysis.encoder import encode
from analysis.encoder_heads import review_log_odds
from analysis.features import NEGATION_SUFFIX, ngram_counts
from analysis.portable_math import logistic
from analysis.sentiment import decision_scores, load_model
from analysis.tables import check_texts, checks
from analysis.tokenization import split_sentences

# The ratings behind the training labels, as fractions of the scale: Pang & Lee labelled a review
# of the polarity data set v2.0 positive from 3.5 of 5 stars up and negative from 2 of 5 down
# (its README, "Rating Decision"); the reviews in between were left out.
POSITIVE_RATINGS = (0.7, 1.0)
NEGATIVE_RATINGS = (0.0, 0.4)


def review_sentence_margins(
    texts: Sequence[str], *, encoded: Callable[[list[str]], tuple[np.ndarray, np.ndarray]] = encode
) -> list[np.ndarray]:
    """The encoder's praise margin of each sentence of each review, sentences in reading order.

    `encoded` gives the encoder's ``(margins, embeddings)`` of a list of sentences
    (:func:`analysis.encoder.encode`; training passes one that keeps them between runs).
    """
    texts = check_texts(texts, function="review_sentence_margins")
    return _margins_by_review([_sentence_texts(text) for text in texts], encoded)


class BodyReading(NamedTuple):
    """What the n-gram side of :func:`score_reviews` reads in one review body (:func:`read_body`)."""

    sentences: list[str]
    """The body's sentences (:func:`analysis.tokenization.split_sentences`), whose encoder
    margins are stacked with the n-gram score."""
    ngram_score: float
    """The n-gram model's uncalibrated log-odds of a positive review."""
    evidence: list[tuple]
    """:func:`evidence_rows`, each followed by the index and text of the first of the given
    sentences that has its n-gram (-1 and "" when none has it)."""


def read_body(body: str, sentences: Sequence[str] | None = None, *, top: int = 0) -> BodyReading:
    """The n-gram model's reading of one review body, in one pass over its n-grams.

    It depends on the body alone, so a corpus's reviews are read in worker processes; only the
    reading crosses back, not the thousands of n-grams behind it.

    Parameters
    ----------
    body : str
        One review body.
    sentences : sequence of str, optional
        The body's sentences as :func:`analysis.tokenization.split_sentences` gives them, where
        the caller has them already; otherwise the body is split here. Each evidence n-gram is
        located in the first of them that has it, by its index.
    top : int, default 0
        How many evidence n-grams to keep per direction.
    """
    model = load_model("review-polarity")
    counts = ngram_counts(body, model["recipe"])
    texts = _sentence_texts(body) if sentences is None else list(sentences)
    evidence = evidence_rows(counts, top=top)
    located = _first_sentences({row[0] for row in evidence}, list(enumerate(texts)), model["recipe"])
    return BodyReading(
        texts,
        float(decision_scores(model, [body], ngrams=[counts])[0]),
        [(*row, *located.get(row[0], (-1, ""))) for row in evidence],
    )


def score_reviews(
    texts: Sequence[str], *, encoded: Callable[[list[str]], tuple[np.ndarray, np.ndarray]] = encode
) -> pd.DataFrame:
    """Score whole reviews: the n-gram model stacked with the statistics of their sentences' margins.

    Parameters
    ----------
    texts : sequence of str
        Review bodies, any case, untokenized.
    encoded : callable
        Gives the encoder's ``(margins, embeddings)`` of a list of sentences, as for
        :func:`review_sentence_margins`.

    Returns
    -------
    pandas.DataFrame
        As :func:`stacked_scores`.
    """
    texts = check_texts(texts, function="score_reviews")
    return stacked_scores([read_body(text) for text in texts], encoded=encoded)


def stacked_scores(
    readings: Sequence[BodyReading], *, encoded: Callable[[list[str]], tuple[np.ndarray, np.ndarray]] = encode
) -> pd.DataFrame:
    """:func:`score_reviews` from the reviews' :func:`read_body` readings (the corpus tables
    read bodies in worker processes and pass an `encoded` that keeps margins on disk).

    Returns
    -------
    pandas.DataFrame
        One row per reading, in order: ``positive_probability`` (0-1) and ``stars``
        (:func:`expected_stars`, not rounded).
    """
    margins = _margins_by_review([reading.sentences for reading in readings], encoded)
    log_odds = review_log_odds(margins, np.array([reading.ngram_score for reading in readings], dtype=float))
    probability = logistic(log_odds)
    return pd.DataFrame({"positive_probability": probability, "stars": expected_stars(probability)})


def expected_stars(positive_probability):
    """The rating, on 0-5 stars, that a review has on average given the model's probability that
    it is positive: each label stands for the middle of the ratings it was given for in training
    (:data:`POSITIVE_RATINGS`, :data:`NEGATIVE_RATINGS`), weighted by its probability.

    A sure "positive" says "3.5 stars or more", not "5 stars": so the inferred rating runs from
    1 to 4.25 stars, 2.625 for an undecided model, and never reads a confident verdict as the
    end of the scale (``5 x probability`` put a review the model read as surely negative, which
    printed 8/10, at 0.04 stars).

    >>> [round(float(expected_stars(p)), 3) for p in (0.0, 0.5, 1.0)]
    [1.0, 2.625, 4.25]
    """
    positive, negative = sum(POSITIVE_RATINGS) / 2, sum(NEGATIVE_RATINGS) / 2
    return 5 * (negative + (positive - negative) * np.asarray(positive_probability, dtype=float))


def _sentence_texts(body: str) -> list[str]:
    return [sentence.text for sentence in split_sentences(body)]


def _margins_by_review(
    sentences: list[list[str]], encoded: Callable[[list[str]], tuple[np.ndarray, np.ndarray]]
) -> list[np.ndarray]:
    margins, _ = encoded([sentence for review in sentences for sentence in review])
    ends = np.cumsum([len(review) for review in sentences])
    return np.split(margins.astype(float), ends[:-1]) if len(sentences) else []


def _first_sentences(features: set[str], sentences: Sequence[tuple[int, str]], recipe) -> dict[str, tuple[int, str]]:
    """The first of `sentences` whose n-grams contain each feature; reading stops once all are found.

    A sentence is tokenized only if every word of some missing feature occurs in its lower-cased
    text (Treebank's quote tokens aside): a necessary condition, and a cheap one.
    """
    words = {feature: [word for word in feature.replace(NEGATION_SUFFIX, "").split(" ") if word not in ("``", "''")]
             for feature in features}
    located: dict[str, tuple[int, str]] = {}
    for index, text in sentences:
        missing = [feature for feature in features if feature not in located]
        if not missing:
            break
        lowered = text.lower()
        if not any(all(word in lowered for word in words[feature]) for feature in missing):
            continue
        for feature in ngram_counts(text, recipe).keys() & set(missing):
            located[feature] = (index, text)
    return located


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
    if top == 0:
        return []
    features = list(counts)
    weights = np.fromiter(
        map(load_model("review-polarity")["weights"].get, features, repeat(0.0)), dtype=float, count=len(features)
    )
    # A review has thousands of weighted n-grams and shows a few: of each direction, only those
    # at least as strong as its top-th (ties included) are ranked, keyed (-|weight|, feature),
    # strongest first and ties by feature; features are distinct, so no key reaches the index.
    strongest = []
    for indices in (np.flatnonzero(weights > 0), np.flatnonzero(weights < 0)):
        strengths = np.abs(weights[indices])
        if len(indices) > top:
            indices = indices[strengths >= np.partition(strengths, len(indices) - top)[len(indices) - top]]
        keyed = ((-abs(weights[index]), features[index], index) for index in indices.tolist())
        strongest += heapq.nsmallest(top, keyed)
    return [
        (feature, int(counts[feature]), weight, weight, "up" if weight > 0 else "down")
        for _, feature, index in sorted(strongest)
        for weight in [float(weights[index])]
    ]


def evidence_table(rows: list[tuple], columns: list[str]) -> pd.DataFrame:
    """Evidence rows as a table with stable dtypes, whatever the number of rows."""
    table = pd.DataFrame(rows, columns=columns)
    return table.astype({"count": "int64", "weight": "float64", "contribution": "float64", "direction": object})
