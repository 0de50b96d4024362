"""What each review contains: segments, sizes, reader comments and data-quality flags."""

from __future__ import annotations

import pandas as pd

from analysis.corpus import Corpus, sentence_table, token_table
from analysis.quality import quality_report
from analysis.report import Report
from analysis.tokenization import is_word, word_tokens


def segment_table(corpus: Corpus) -> pd.DataFrame:
    """Every labelled segment of every raw file, in file order.

    Returns
    -------
    pandas.DataFrame
        ``review_id``, ``segment_index``, ``label``, ``start``, ``end`` (offsets in the raw file),
        ``characters``, ``words`` (word tokens), ``author`` (comments and bios), ``text`` (raw).
    """
    rows = [
        {
            "review_id": review.id,
            "segment_index": index,
            "label": seg.label,
            "start": seg.start,
            "end": seg.end,
            "characters": seg.end - seg.start,
            "words": sum(map(is_word, word_tokens(seg.text))),
            "author": seg.author,
            "text": seg.text,
        }
        for review in corpus.reviews
        for index, seg in enumerate(review.segments)
    ]
    return pd.DataFrame(rows)


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


def review_table(corpus: Corpus) -> pd.DataFrame:
    """One row per review: its metadata and the size of each layer.

    Returns
    -------
    pandas.DataFrame
        ``review_id``, ``file``, ``title``, ``author``, ``publication``, ``date``,
        ``body_words`` and ``body_sentences`` (what every analysis reads), ``body_content_words``,
        ``comments``, ``comment_words``, ``quality_flags``.
    """
    tokens = token_table(corpus)
    sentences = sentence_table(corpus)
    flags = quality_report(corpus)
    comments = comment_table(corpus)
    rows = []
    for review in corpus.reviews:
        own_tokens = tokens[tokens["review_id"] == review.id]
        rows.append(
            {
                "review_id": review.id,
                "file": review.file,
                "title": review.title,
                "author": review.author,
                "publication": review.publication,
                "date": review.date,
                "body_words": int(own_tokens["is_word"].sum()),
                "body_sentences": int((sentences["review_id"] == review.id).sum()),
                "body_content_words": int(own_tokens["is_content"].sum()),
                "comments": int((comments["review_id"] == review.id).sum()),
                "comment_words": sum(
                    sum(map(is_word, word_tokens(c.text))) for c in review.comments
                ),
                "quality_flags": int((flags["review_id"] == review.id).sum()),
            }
        )
    return pd.DataFrame(rows)


def corpus_report(corpus: Corpus) -> Report:
    """The ``corpus`` subcommand: per review its metadata, counts, body, comments and segments."""
    reviews = review_table(corpus)
    segments = segment_table(corpus)
    records = []
    for review, row in zip(corpus.reviews, reviews.to_dict("records")):
        records.append(
            {
                "id": review.id,
                "file": review.file,
                "title": review.title,
                "author": review.author,
                "publication": review.publication,
                "date": review.date,
                "words": row["body_words"],
                "sentences": row["body_sentences"],
                "body": review.body,
                "comments": [{"author": c.author, "text": c.text} for c in review.comments],
                "segments": [
                    {"label": s.label, "start": s.start, "end": s.end, "author": s.author, "text": s.text}
                    for s in review.segments
                ],
            }
        )
    layers = (
        segments.pivot_table(index="review_id", columns="label", values="characters", aggfunc="sum", fill_value=0)
        .rename_axis(columns=None)
        .reset_index()
    )
    flags = quality_report(corpus)
    tables = {
        "Reviews": reviews.drop(columns=["file"]),
        "Characters by segment label": layers,
        "Data-quality flags": flags.drop(columns=["context"]),
    }
    return Report(tables, records)
