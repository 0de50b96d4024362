"""The ``ratings`` command: explicit and inferred ratings with their signals and evidence."""

from __future__ import annotations

from analysis.corpus import Corpus
from analysis.readers import reader_response, reader_response_summary
from analysis.ratings import (
    explicit_rating_table,
    overall_explicit_ratings,
    rating_comparison,
    rating_evidence,
    review_signals,
)
from analysis.reports import Report, plain, records_by

RATING_FIELDS = ["text", "value", "scale", "normalised", "scale_source"]
SIGNAL_FIELDS = ["sentence_index", "kind", "span_text", "weight", "negated", "sentence"]
EVIDENCE_FIELDS = ["feature", "contribution", "sentence_index", "sentence"]


def ratings_report(corpus: Corpus) -> Report:
    """What ``python -m analysis ratings`` shows.

    Returns
    -------
    Report
        Tables "Ratings" (:func:`analysis.ratings.rating_comparison`), "Explicit ratings",
        "Signals", "Evidence for the inferred rating" and "Readers' response"; one record per
        review with ``review_id``, ``explicit_rating`` (text, value, scale, normalised,
        scale_source, or None), ``explicit_ratings`` (all found, with ``segment``, ``start``
        and ``end``), ``inferred_rating`` (probability, stars), ``signals`` and ``evidence``
        (up and down).
    """
    comparison = rating_comparison(corpus)
    explicit = explicit_rating_table(corpus)
    overall = overall_explicit_ratings(explicit).set_index("review_id")
    signals = review_signals(corpus)
    evidence = rating_evidence(corpus)
    explicit_by_review = records_by(explicit, ["review_id"], ["segment", *RATING_FIELDS, "start", "end"])
    signals_by_review = records_by(signals, ["review_id"], SIGNAL_FIELDS)
    evidence_by_review = records_by(evidence, ["review_id", "direction"], EVIDENCE_FIELDS)
    records = []
    for row in comparison.itertuples(index=False):
        review_id = row.review_id
        records.append(
            {
                "review_id": review_id,
                "explicit_rating": (
                    {field: plain(overall.loc[review_id, field]) for field in RATING_FIELDS}
                    if review_id in overall.index
                    else None
                ),
                "explicit_ratings": explicit_by_review.get(review_id, []),
                "inferred_rating": {
                    "probability": plain(row.positive_probability),
                    "stars": plain(row.inferred_stars),
                },
                "signals": signals_by_review.get(review_id, []),
                "evidence": {
                    direction: evidence_by_review.get((review_id, direction), [])
                    for direction in ("up", "down")
                },
            }
        )
    tables = {
        "Ratings": comparison,
        "Explicit ratings": explicit,
        "Signals": signals.drop(columns=["cue", "sentence"]),
        "Evidence for the inferred rating": evidence.drop(columns=["sentence"]),
        "Readers' response": reader_response_summary(reader_response(corpus), review_ids=corpus.review_ids),
    }
    return Report(tables, records)
