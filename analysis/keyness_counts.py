"""Word counts reduced to what keyness scoring reads, so that runs of documents can be counted,
and scored, apart.

:func:`analysis.keyness.log_likelihood_keyness` and :func:`analysis.keyness.fightin_words` with
a minimum count read only the counts of at least that minimum, each term's total and each
document's size (:func:`one_vs_rest_counts`). These sum over runs of documents
(:func:`joined_one_vs_rest_counts`), so a collection's counts need never be in one process; and
a run's reduction set against the whole's term totals, size and number of tests
(:func:`run_against_whole`) scores to that run's rows of the whole's table, so each run can be
scored where it was counted.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import numpy as np
import pandas as pd

from analysis.tables import check_table, checks


class OneVsRestCounts(NamedTuple):
    """Tidy counts reduced to what scoring each document against the rest reads
    (:func:`one_vs_rest_counts`); the reductions of runs of distinct documents join into that of
    all of them (:func:`joined_one_vs_rest_counts`), so no process need hold every count.

    Attributes
    ----------
    scored : pandas.DataFrame
        The document column, ``term`` and ``count``: the counts of at least ``min_count``, the
        only ones a scorer with that minimum scores.
    term_totals : pandas.DataFrame
        ``term`` and ``count``: each term's count in every document together.
    document_sizes : pandas.DataFrame
        The document column and ``size``: each document's count of every term.
    min_count : int
        The least count kept in ``scored``; a scorer may ask for more, never less.
    whole_size, whole_tests : int or None
        For a run of documents scored against a larger whole (:func:`run_against_whole`, where
        ``term_totals`` are the whole's): the whole's count of every term, and its number of
        (document, term) tests at ``min_count``. None: the documents are the whole.
    """

    scored: pd.DataFrame
    term_totals: pd.DataFrame
    document_sizes: pd.DataFrame
    min_count: int
    whole_size: int | None = None
    whole_tests: int | None = None




def _alphabetical_codes(values: pd.Series) -> tuple[np.ndarray, pd.Index]:
    """Integer codes whose order is the values' alphabetical order, so ties can be broken on codes.

    (``pd.factorize(sort=True)`` would follow a categorical column's category order instead.)
    """
    codes, uniques = pd.factorize(values)
    labels = pd.Index(np.asarray(uniques, dtype=object))
    order = labels.argsort()
    position = np.empty(len(order), dtype=np.int64)
    position[order] = np.arange(len(order))
    return position[codes], labels[order]


def one_vs_rest_counts(counts: pd.DataFrame, *, document: str = "review_id", min_count: int = 1) -> OneVsRestCounts:
    """`counts` reduced to what :func:`log_likelihood_keyness` and :func:`fightin_words` with
    at least `min_count` read: the counts they score, each term's total, each document's size.

    Parameters
    ----------
    counts : pandas.DataFrame
        Tidy counts with columns `document`, ``term`` and ``count``.
    document : str
        The column naming the document.
    min_count : int
        Keep only the counts of at least this in ``scored``.

    Returns
    -------
    OneVsRestCounts
        ``scored`` in order of document, then term; ``term_totals`` and ``document_sizes``
        alphabetical.
    """
    check_table(counts, [document, "term", "count"], function="one_vs_rest_counts", argument="counts")
    return _reduced(counts, document, min_count)


def joined_one_vs_rest_counts(parts: Sequence[OneVsRestCounts]) -> OneVsRestCounts:
    """The reduced counts of runs of documents, no document in two, as those of all of them:
    their scored counts and document sizes joined, their term totals summed.

    Raises
    ------
    ValueError
        No parts, or parts reduced with different minimum counts.
    """
    minimums = sorted({part.min_count for part in parts})
    if len(minimums) != 1:
        raise ValueError(f"parts must be reduced with one min_count, got {minimums or 'no parts'}")
    document = parts[0].document_sizes.columns[0]

    def joined(tables: list[pd.DataFrame]) -> pd.DataFrame:
        # Each part is in document order already; stable, so a document's terms keep theirs.
        return pd.concat(tables, ignore_index=True).sort_values(document, kind="stable", ignore_index=True)

    totals = pd.concat([part.term_totals for part in parts], ignore_index=True)
    return OneVsRestCounts(
        scored=joined([part.scored for part in parts]),
        term_totals=totals.groupby("term", sort=True, as_index=False)["count"].sum(),
        document_sizes=joined([part.document_sizes for part in parts]),
        min_count=minimums[0],
    )


@checks(whole_term_totals=["term", "count"])
def run_against_whole(run: OneVsRestCounts, whole_term_totals: pd.DataFrame, whole_size: int, whole_tests: int) -> OneVsRestCounts:
    """A run of documents' reduced counts set to be scored against the whole they are part of.

    `whole_term_totals`, `whole_size` and `whole_tests` are the whole's term totals, count of
    every term and number of tests (:func:`scored_tests`), from the joined runs or summed over
    them. A scorer then gives exactly the run's documents' rows of the whole's table.
    """
    return run._replace(term_totals=whole_term_totals, whole_size=whole_size, whole_tests=whole_tests)


def scored_tests(counts: OneVsRestCounts) -> int:
    """The (document, term) tests a scorer at the counts' own minimum makes: one a scored count."""
    return len(counts.scored)


def _reduced(counts: pd.DataFrame, document: str, min_count: int) -> OneVsRestCounts:
    """:func:`one_vs_rest_counts` of a checked table.

    A (document, term) pair's counts are summed over its rows by sorting on one integer key, the
    document's code then the term's: the order ``scored`` keeps. numpy alone does it, where a
    sparse matrix would cost each worker process that reduces a run of reviews scipy's import.
    """
    if min_count < 1:
        raise ValueError(f"min_count must be at least 1, got {min_count!r}")
    document_codes, documents = _alphabetical_codes(counts[document])
    term_codes, terms = _alphabetical_codes(counts["term"])
    pair_keys = document_codes * len(terms) + term_codes
    order = np.argsort(pair_keys, kind="stable")
    sorted_keys = pair_keys[order]
    firsts = np.flatnonzero(np.diff(sorted_keys, prepend=-1))  # where each pair's rows start; keys are >= 0
    pair_counts = np.add.reduceat(counts["count"].to_numpy(dtype=np.int64)[order], firsts)
    rows, columns = np.divmod(sorted_keys[firsts], len(terms))
    term_totals = np.zeros(len(terms), dtype=np.int64)
    np.add.at(term_totals, columns, pair_counts)
    document_sizes = np.zeros(len(documents), dtype=np.int64)
    np.add.at(document_sizes, rows, pair_counts)
    keep = pair_counts >= min_count
    return OneVsRestCounts(
        scored=pd.DataFrame({document: documents.take(rows[keep]), "term": terms.take(columns[keep]), "count": pair_counts[keep]}),
        term_totals=pd.DataFrame({"term": terms, "count": term_totals}),
        document_sizes=pd.DataFrame({document: documents, "size": document_sizes}),
        min_count=min_count,
    )
