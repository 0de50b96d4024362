"""The readers' response: reader comments scored on their own, apart from the critic's review.

:func:`reader_response` judges each whole comment with the sentence models (through
:func:`analysis.judgements.judge_sentences`); the comments never enter the review's rating.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from analysis.corpus import Corpus, once_per_corpus
from analysis.reviews import Review
from analysis.judgements import judge_sentences
from analysis.tables import checks

COMMENT_COLUMNS = ["review_id", "comment_index", "author", "text"]


@once_per_corpus
def reader_response(corpus: Corpus) -> pd.DataFrame:
    """Reader comments scored on their own, as the readers' response to each review.

    Returns
    -------
    pandas.DataFrame
        One row per comment: ``review_id``, ``comment_index`` (0-based), ``author``, ``text``,
        ``evaluative_probability``, ``praise_probability``, ``label`` ("praise", "criticism"
        or "neutral"), from :func:`analysis.judgements.judge_sentences` on the whole comment.
    """
    rows = corpus.map_reviews(_comment_rows, description="reading comments", light=True)
    comments = pd.DataFrame([row for review_rows in rows for row in review_rows], columns=COMMENT_COLUMNS)
    labels = judge_sentences(comments["text"].tolist())
    return pd.concat(
        [comments, labels[["evaluative_probability", "praise_probability", "label"]]], axis=1
    )


def _comment_rows(review: Review) -> list[tuple[str, int, str | None, str]]:
    """A review's comments as rows of :data:`COMMENT_COLUMNS`."""
    return [(review.id, index, comment.author, comment.text) for index, comment in enumerate(review.comments)]


@checks(response=["review_id", "label", "evaluative_probability", "praise_probability"])
def reader_response_summary(response: pd.DataFrame, *, review_ids: Iterable[str]) -> pd.DataFrame:
    """Per review: how many comments, how many praise, criticise or are neutral.

    Returns
    -------
    pandas.DataFrame
        ``review_id``, ``comments``, ``praise``, ``criticism``, ``neutral``,
        ``mean_praise_probability`` (of the evaluative comments; missing when there are none).
    """
    ids = list(review_ids)
    counts = pd.crosstab(response["review_id"], response["label"]).reindex(
        index=ids, columns=["praise", "criticism", "neutral"], fill_value=0
    )
    evaluative = response[response["evaluative_probability"] >= 0.5]
    table = counts.assign(
        comments=counts.sum(axis=1),
        mean_praise_probability=evaluative.groupby("review_id")["praise_probability"].mean().reindex(ids),
    )
    table = table[["comments", "praise", "criticism", "neutral", "mean_praise_probability"]]
    return table.rename_axis("review_id").reset_index().rename_axis(None, axis=1)
