"""The ``corpus`` command: what each review file contains."""

from __future__ import annotations

from analysis.corpus import Corpus
from analysis.overview import review_metadata, review_table, segment_table
from analysis.quality import quality_report
from analysis.reports import Report


def corpus_report(corpus: Corpus) -> Report:
    """Per review its metadata, counts, body, reader comments and labelled segments.

    Each record has ``review_id``, ``file``, ``title``, ``author``, ``publication``, ``date``,
    ``words``, ``sentences``, ``body``, ``comments`` (``author``, ``text``) and ``segments``
    (``label``, ``start``, ``end``, ``author``, ``text``).
    """
    reviews = review_table(corpus)
    segments = segment_table(corpus)
    records = []
    for review, row in zip(corpus.reviews, reviews.to_dict("records")):
        records.append(
            {
                **review_metadata(review),
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
    tables = {
        "Reviews": reviews.drop(columns=["file"]),
        "Characters by segment label": layers,
        "Data-quality flags": quality_report(corpus).drop(columns=["context"]),
    }
    return Report(tables, records)
