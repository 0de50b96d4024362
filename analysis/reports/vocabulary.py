"""The ``vocab`` command: vocabulary measures and each review's distinctive words."""

from __future__ import annotations

from analysis.corpus import Corpus
from analysis.reports import Report, plain_records
from analysis.vocabulary import KEYNESS_MIN_COUNT, corpus_distinctive_terms, keyness_tests, vocabulary_table

REPORT_TOP_TERMS = 10
TOP_TERM_COLUMNS = [
    "review_id", "rank", "term", "count_target", "count_reference", "expected_target",
    "g2", "log_ratio", "significant", "significant_bonferroni", "fw_z",
]


def vocabulary_report(corpus: Corpus, *, top: int = REPORT_TOP_TERMS) -> Report:
    """The per-review vocabulary table and each review's `top` distinctive words.

    Each record is a row of :func:`analysis.vocabulary.vocabulary_table` (``review_id`` first)
    with ``distinctive_terms``: the review's top terms by G², without the ``review_id``.
    """
    measures = vocabulary_table(corpus)
    distinctive = corpus_distinctive_terms(corpus, top=top)
    top_terms = distinctive[TOP_TERM_COLUMNS]
    terms_by_review: dict[str, list[dict]] = {}
    for term in plain_records(top_terms):
        terms_by_review.setdefault(term.pop("review_id"), []).append(term)
    records = [
        {**row, "distinctive_terms": terms_by_review.get(row["review_id"], [])}
        for row in plain_records(measures)
    ]
    tables = {
        "Vocabulary per review (word tokens; MATTR window 50, MTLD threshold 0.72, Flesch Reading Ease)": measures,
        f"Distinctive words: top {top} per review by G² against the other reviews "
        f"(min count {KEYNESS_MIN_COUNT}; significant: p < 0.05; Bonferroni over "
        f"{keyness_tests(distinctive)} tests)": top_terms,
    }
    return Report(tables, records)
