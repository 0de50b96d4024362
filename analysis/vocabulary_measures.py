"""Per-review vocabulary measures: size, diversity and readability.

Tokens, types, sentences, mean sentence length, the type-token ratio and the length-robust MATTR
and MTLD (:mod:`analysis.diversity`), and Flesch Reading Ease (:mod:`analysis.readability`), of
each review's words. Raw TTR falls with length, so only MATTR and MTLD compare reviews of
different length. :func:`vocabulary_measures` reads the tidy token and sentence tables;
:func:`review_measures` and :func:`measure_table` measure words given as lists, for work that
reads each review's tokens without building a table (:func:`analysis.vocabulary.vocabulary_runs`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.diversity import MATTR_WINDOW, MTLD_THRESHOLD, mattr, mtld, type_token_ratio
from analysis.readability import flesch_reading_ease, total_syllables
from analysis.tables import check_table
from analysis.tokenization import written_words

MEASURE_COLUMNS = [
    "review_id", "sentences", "tokens", "words", "types", "content_tokens", "content_types", "mean_sentence_length", "ttr",
    "mattr", "mattr_window", "mtld", "mtld_threshold", "syllables", "flesch_reading_ease",
]


def vocabulary_measures(
    tokens: pd.DataFrame,
    sentences: pd.DataFrame,
    *,
    window: int = MATTR_WINDOW,
    threshold: float = MTLD_THRESHOLD,
) -> pd.DataFrame:
    """One row of size, diversity and readability measures per review.

    Parameters
    ----------
    tokens, sentences : pandas.DataFrame
        Token and sentence tables (:func:`analysis.corpus.token_table`, ``sentence_table``).
    window : int
        MATTR window in tokens (Covington & McFall 2010 use 50).
    threshold : float
        MTLD factor threshold (McCarthy & Jarvis 2010 use 0.72).

    Returns
    -------
    pandas.DataFrame
        ``review_id``, ``sentences``, ``tokens`` (word tokens), ``words`` (words as written, a
        clitic joined to its word: :func:`analysis.tokenization.written_words`; Flesch counts
        these and their syllables), ``types`` (distinct terms),
        ``content_tokens``, ``content_types``, ``mean_sentence_length`` (tokens / sentences),
        ``ttr``, ``mattr``, ``mattr_window``, ``mtld``, ``mtld_threshold``, ``syllables``,
        ``flesch_reading_ease``.
    """
    check_table(tokens, ["review_id", "token", "term", "is_word", "is_content"], function="vocabulary_measures", argument="tokens")
    check_table(sentences, ["review_id"], function="vocabulary_measures", argument="sentences")
    review_ids = pd.unique(sentences["review_id"])
    sentence_counts = sentences.groupby("review_id", sort=False).size().reindex(review_ids)
    rows_by_review = _rows_by_review(tokens["review_id"], review_ids)
    is_word = tokens["is_word"].to_numpy(dtype=bool)
    is_content = tokens["is_content"].to_numpy(dtype=bool)
    terms = tokens["term"].to_numpy(dtype=object)
    written = tokens["token"].to_numpy(dtype=object)
    measured = [
        (
            review_id, int(n_sentences),
            review_measures(terms[words].tolist(), written[words].tolist(), terms[rows[is_content[rows]]].tolist(),
                            window=window, threshold=threshold),
        )
        for review_id, n_sentences, rows in zip(review_ids, sentence_counts, rows_by_review)
        for words in [rows[is_word[rows]]]
    ]
    return measure_table(measured, window=window, threshold=threshold)


def measure_table(reviews: list[tuple[str, int, tuple]], *, window: int, threshold: float) -> pd.DataFrame:
    """The rows of :func:`vocabulary_measures` of reviews given as (id, sentences, :func:`review_measures`)."""
    measures = []
    for review_id, n_sentences, (n_tokens, n_words, n_types, n_content, n_content_types, ttr, mattr_, mtld_, syllables) in reviews:
        measures.append(
            {
                "review_id": review_id,
                "sentences": n_sentences,
                "tokens": n_tokens,
                "words": n_words,
                "types": n_types,
                "content_tokens": n_content,
                "content_types": n_content_types,
                "mean_sentence_length": n_tokens / n_sentences if n_sentences else float("nan"),
                "ttr": ttr,
                "mattr": mattr_,
                "mattr_window": window,
                "mtld": mtld_,
                "mtld_threshold": threshold,
                "syllables": syllables,
                "flesch_reading_ease": flesch_reading_ease(n_words, n_sentences, syllables),
            }
        )
    return pd.DataFrame(measures, columns=MEASURE_COLUMNS)


def _rows_by_review(review_column: pd.Series, review_ids) -> list[np.ndarray]:
    """The positions of each review's rows in a table, in table order, for each of `review_ids`
    (none for a review without rows). The column is hashed once, where a group-by per measure
    would hash it again each time."""
    codes = pd.Index(review_ids).get_indexer(review_column)  # -1: a review not asked for
    order = np.argsort(codes, kind="stable")
    bounds = np.cumsum(np.bincount(codes + 1, minlength=len(review_ids) + 1))
    return [order[bounds[index] : bounds[index + 1]] for index in range(len(review_ids))]


def review_measures(
    words: list[str], written_tokens: list[str], content: list[str], *, window: int, threshold: float
) -> tuple[int, int, int, int, int, float, float, float, int]:
    """Tokens, words as written, types, content tokens and types, TTR, MATTR, MTLD and the
    written words' syllables of one review, from its word terms, word tokens as written and
    content terms."""
    as_written = written_words(written_tokens)
    return (
        len(words), len(as_written), len(set(words)), len(content), len(set(content)),
        type_token_ratio(words), mattr(words, window=window), mtld(words, threshold=threshold),
        total_syllables(as_written),
    )
