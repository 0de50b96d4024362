"""Whole-review polarity: the inferred rating and the n-grams behind it.

The ``review-polarity`` model of :mod:`analysis.sentiment` (NB-weighted logistic regression on
word n-grams, trained on Pang & Lee's polarity data set v2.0) read on a whole review body gives
the probability that the review is positive; :func:`review_evidence` lists the n-grams that
pushed it up or down, so every inferred rating can be audited.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from analysis.sentiment import check_texts, load_model, ngram_counts, positive_probabilities


def score_reviews(texts: Sequence[str]) -> pd.DataFrame:
    """Score whole reviews with the review-polarity model.

    Parameters
    ----------
    texts : sequence of str
        Review bodies, any case, untokenized.

    Returns
    -------
    pandas.DataFrame
        One row per text, in order: ``positive_probability`` (0-1) and ``stars``
        (``5 * positive_probability``, not rounded: a model's confidence on a star scale, not a
        predicted rating).
    """
    texts = check_texts(texts, "texts")
    probability = positive_probabilities(load_model("review-polarity"), texts)
    return pd.DataFrame({"positive_probability": probability, "stars": 5 * probability})


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
    weights = model["weights"]
    rows = [
        {"feature": feature, "count": count, "weight": weights[feature]}
        for feature, count in sorted(ngram_counts(text, model["recipe"]).items())
        if weights.get(feature, 0.0) != 0.0
    ]
    table = pd.DataFrame(rows, columns=["feature", "count", "weight"])
    table["count"] = table["count"].astype(int)
    table["weight"] = table["weight"].astype(float)
    table["contribution"] = table["weight"]
    table["direction"] = np.where(table["contribution"] > 0, "up", "down").astype(object)
    table["magnitude"] = table["contribution"].abs()
    table = table.sort_values(
        ["magnitude", "feature"], ascending=[False, True], kind="mergesort"
    )
    table = table.groupby("direction", sort=False).head(top)
    return table.drop(columns="magnitude").reset_index(drop=True)
