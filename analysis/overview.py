"""What each review contains: segments, sizes, reader comments and data-quality flags; and, for a
collection too large to read review by review, any per-review table summarised by film or critic."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from analysis.body_tables import body_sizes
from analysis.corpus import CORPUS, Corpus, once_per_corpus
from analysis.reviews import REVIEW, Review
from analysis.quality import quality_report
from analysis.tables import checks
from analysis.tokenization import is_word, word_tokens


@once_per_corpus
def segment_table(corpus: Corpus) -> pd.DataFrame:
    """Every labelled segment of every raw file, in file order.

    Returns
    -------
    pandas.DataFrame
        ``review_id``, ``segment_index``, ``label``, ``start``, ``end`` (offsets in the raw file),
        ``characters``, ``words`` (word tokens), ``author`` (comments and bios), ``text`` (raw).
    """
    body_words = _body_words_by_segment(corpus)
    rows = [
        {
            "review_id": review.id,
            "segment_index": index,
            "label": seg.label,
            "start": seg.start,
            "end": seg.end,
            "characters": seg.end - seg.start,
            "words": body_words.get((review.id, index), 0) if seg.label == "body" else _word_count(seg.text),
            "author": seg.author,
            "text": seg.text,
        }
        for review in corpus.reviews
        for index, seg in enumerate(review.segments)
    ]
    return pd.DataFrame(rows)


def _word_count(text: str) -> int:
    return sum(map(is_word, word_tokens(text)))


def _body_words_by_segment(corpus: Corpus) -> dict[tuple[str, int], int]:
    """Word tokens of each body segment, ``(review_id, segment_index)`` to count, from the
    sentences' counts (:func:`analysis.body_tables.split_body`).

    Counting the sentences' tokens, rather than tokenizing each segment again, makes a review's
    body segments add up to its ``body_words`` in :func:`review_table`: a sentence boundary
    never falls inside a word token (boundaries follow ``.?!`` and whitespace or a bracket or
    quote, which no word token holds), the bullets that sentences drop are no words, and a
    multi-word title counts as the one term the token table makes of it.
    """
    counts: dict[tuple[str, int], int] = {}
    for review in corpus.reviews:
        sentences = review.body_split[0]
        for index, seg in enumerate(review.segments):
            if seg.label == "body":
                counts[(review.id, index)] = sum(words for start, _, _, _, words, _ in sentences if seg.start <= start < seg.end)
    return counts


@checks(corpus=CORPUS)
def review_lengths(corpus: Corpus) -> pd.Series:
    """Word tokens in each review body, indexed by review id in corpus order (named ``body_words``).

    The measure by which charts with a panel or row limit pick the longest reviews.
    """
    words = [body_sizes(review.body_split)[1] for review in corpus.reviews]
    return pd.Series(words, index=pd.Index(corpus.review_ids, name="review_id"), dtype="int64", name="body_words")


@checks(corpus=CORPUS)
def comment_table(corpus: Corpus) -> pd.DataFrame:
    """Reader comments, the corpus's second voice.

    Returns
    -------
    pandas.DataFrame
        ``review_id``, ``comment_index``, ``number`` (as printed on the page, none for a reply),
        ``reply_to``, ``author`` (where named), ``text``.
    """
    rows = [
        {"review_id": review.id, "comment_index": index, **comment._asdict()}
        for review in corpus.reviews
        for index, comment in enumerate(review.comments)
    ]
    columns = ["review_id", "comment_index", "number", "reply_to", "author", "text"]
    return pd.DataFrame(rows, columns=columns)


GROUP_COLUMNS = ["review_id", "film", "critic"]
REVIEW_METADATA = ("file", "title", "author", "publication", "date")


@checks(review=REVIEW)
def review_metadata(review: Review) -> dict:
    """``review_id`` and the metadata fields of one review, as the tables and records show them."""
    return {"review_id": review.id, **{field: getattr(review, field) for field in REVIEW_METADATA}}


@checks(corpus=CORPUS)
def review_table(corpus: Corpus) -> pd.DataFrame:
    """One row per review: its metadata and the size of each layer.

    Returns
    -------
    pandas.DataFrame
        ``review_id``, ``file``, ``title``, ``author``, ``publication``, ``date``,
        ``body_words`` and ``body_sentences`` (what every analysis reads), ``body_content_words``,
        ``comments``, ``comment_words``, ``quality_flags``.
    """
    flags = quality_report(corpus).groupby("review_id", sort=False).size().reindex(corpus.review_ids, fill_value=0)
    rows = []
    for review in corpus.reviews:
        sentences, words, content_words = body_sizes(review.body_split)
        rows.append(
            {
                **review_metadata(review),
                "body_words": words,
                "body_sentences": sentences,
                "body_content_words": content_words,
                "comments": len(review.comments),
                "comment_words": sum(_word_count(c.text) for c in review.comments),
                "quality_flags": int(flags[review.id]),
            }
        )
    return pd.DataFrame(rows)


@checks(corpus=CORPUS)
def review_groups(corpus: Corpus) -> pd.DataFrame:
    """Each review's film and critic, the groups a large collection is summarised by.

    Returns
    -------
    pandas.DataFrame
        ``review_id``, ``film`` (a table file's ``film`` cell, else the corpus's film title),
        ``critic`` (the author, else the publication, else the review id: an unnamed critic is
        nobody else), in corpus order.
    """
    return pd.DataFrame(
        [
            {
                "review_id": review.id,
                "film": review.film or corpus.film.title or "(untitled)",
                "critic": review.author or review.publication or review.id,
            }
            for review in corpus.reviews
        ],
        columns=GROUP_COLUMNS,
    )


@checks(table=["review_id"], groups=GROUP_COLUMNS)
def summary_by(table: pd.DataFrame, groups: pd.DataFrame, *, by: str | Sequence[str], **aggregations) -> pd.DataFrame:
    """A per-review table summarised per film or critic (or per film and target, ...).

    Parameters
    ----------
    table : pandas.DataFrame
        Any table with a ``review_id`` column (one or more rows per review).
    groups : pandas.DataFrame
        :func:`review_groups`.
    by : str or sequence of str
        Columns of `groups` or `table` to group by (``"film"``, ``"critic"``, ``["film", "target"]``).
    **aggregations
        pandas' named aggregations, ``name=(column, function)``.

    Returns
    -------
    pandas.DataFrame
        The `by` columns, ``reviews`` (distinct reviews in the group) and one column per
        aggregation; the groups with most reviews first, ties by the `by` columns.
    """
    keys = [by] if isinstance(by, str) else list(by)
    joined = table.merge(groups, on="review_id", how="left", validate="many_to_one", suffixes=("", "_group"))
    summary = joined.groupby(keys, sort=True).agg(reviews=("review_id", "nunique"), **aggregations).reset_index()
    return summary.sort_values(
        ["reviews", *keys], ascending=[False] + [True] * len(keys), kind="mergesort"
    ).reset_index(drop=True)
