"""Keyness: which words a text uses more than a reference, scored three standard ways.

Every scorer takes *tidy counts* — one row per (document, term) with a ``count`` — and compares
each document with the rest of the documents pooled (for the five reviews: one review against
the other four). Only terms the document itself uses are scored: a word a review never uses
cannot be distinctive of it. The result keeps every intermediate quantity as a column, so any
score can be recomputed by hand.

* **Log-likelihood G²** (Dunning 1993; Rayson & Garside 2000, the form used by WMatrix and
  AntConc): with ``a`` and ``b`` the term's counts in document and reference, ``n1`` and ``n2``
  their sizes, the expected counts are ``E1 = n1 (a + b) / (n1 + n2)`` and
  ``E2 = n2 (a + b) / (n1 + n2)``, and ``G² = 2 (a ln(a / E1) + b ln(b / E2))`` (``0 ln 0 = 0``).
  G² is compared with the chi-squared distribution with one degree of freedom: 3.84 for
  p < 0.05, and with a **Bonferroni** correction the critical value for 0.05 / m, where m is the
  number of (document, term) tests in the table. ``direction`` says whether the document uses
  the term more (``over``) or less (``under``) than expected.
* **Log ratio** (Hardie 2014, "Log Ratio — an informal introduction", CASS): the effect size
  beside G², ``log2((a / n1) / (b / n2))``; each doubling of relative frequency adds one. A zero
  count is replaced by 0.5, Hardie's convention, so a term absent from the reference gets a
  finite value.
* **Log-odds ratio with an informative Dirichlet prior** (Monroe, Colaresi & Quinn 2008,
  "Fightin' Words", *Political Analysis* 16(4), eq. 16-22): with prior pseudo-counts ``alpha_w``
  summing to ``alpha0``, ``delta = ln((a + alpha_w) / (n1 + alpha0 - a - alpha_w))
  - ln((b + alpha_w) / (n2 + alpha0 - b - alpha_w))``, its variance
  ``1 / (a + alpha_w) + 1 / (b + alpha_w)``, and ``z = delta / sqrt(variance)``. The prior here
  is the pooled counts of all documents scaled to ``prior_strength`` pseudo-tokens (default: as
  many as the pooled corpus has, so prior and data weigh the same), which shrinks the scores of
  rare words most. ``|z| > 1.96`` is the usual two-sided 5 % level; Bonferroni as above.

Five short reviews are a small sample: a word used 3 times in one review and never elsewhere
reaches G² ≈ 8-9, significant at 0.05 but not after Bonferroni correction over hundreds of
tests. Tables carry both flags so prose can say which differences survive.

The computation is vectorised with numpy over the (document, term) counts, so the same code
scores 1,400 documents against their rest in a fraction of a second. The scorers also take
counts reduced to what they read (:mod:`analysis.keyness_counts`), joined from runs of documents
or a run's set against its whole. :func:`tfidf_weights` weighs a document-term matrix for the
similarity of documents rather than the keyness of terms.
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np
import pandas as pd

from analysis.keyness_counts import OneVsRestCounts, _alphabetical_codes, one_vs_rest_counts  # ties break on the reduction's term order
from analysis.portable_math import erfc, log, log2
from analysis.tables import check_table

SIGNIFICANCE_LEVEL = 0.05
HARDIE_ZERO = 0.5

def log_likelihood(a, b, n1, n2) -> np.ndarray:
    """G² for counts `a`, `b` in corpora of sizes `n1`, `n2` (arrays or numbers; 0 ln 0 = 0).

    >>> round(float(log_likelihood(10, 20, 1000, 9000)), 4)
    12.0753
    """
    a, b, n1, n2 = (np.asarray(value, dtype=float) for value in (a, b, n1, n2))
    total = n1 + n2
    expected_1 = n1 * (a + b) / total
    expected_2 = n2 * (a + b) / total
    with np.errstate(divide="ignore", invalid="ignore"):
        g2 = 2 * (_x_log_y(a, a / expected_1) + _x_log_y(b, b / expected_2))
    # G² is never negative; rounding can give -1e-15 where observed equals expected.
    return np.maximum(g2, 0.0)


def _x_log_y(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """``x ln y``, 0 where ``x`` is 0 (as ``scipy.special.xlogy``)."""
    return np.where(x == 0, 0.0, x * log(np.where(x == 0, 1.0, y)))


def log_ratio(a, b, n1, n2) -> np.ndarray:
    """Hardie's log ratio, ``log2((a / n1) / (b / n2))``, a zero count read as 0.5.

    >>> round(float(log_ratio(10, 20, 1000, 9000)), 4)
    2.1699
    >>> float(log_ratio(3, 0, 100, 100))
    2.584962500721156

    With an empty reference (a corpus of one document) the ratio is infinite, without a warning.
    """
    a, b, n1, n2 = (np.asarray(value, dtype=float) for value in (a, b, n1, n2))
    with np.errstate(divide="ignore"):
        return log2((np.where(a == 0, HARDIE_ZERO, a) / n1) / (np.where(b == 0, HARDIE_ZERO, b) / n2))


class _OneVsRest(NamedTuple):
    """Per scored (document, term): integer codes, counts and sizes, as parallel arrays."""

    documents: pd.Index
    terms: pd.Index
    document_codes: np.ndarray
    term_codes: np.ndarray
    a: np.ndarray
    b: np.ndarray
    n1: np.ndarray
    n2: np.ndarray
    # Every count of every document, scored or not.
    total: np.int64
    # The number of (document, term) tests the Bonferroni correction counts.
    tests: int


def _one_vs_rest(counts: pd.DataFrame | OneVsRestCounts, document: str, min_count: int, *, function: str) -> _OneVsRest:
    """Counts and sizes of each document and its rest, for terms with a >= min_count there."""
    if not isinstance(counts, OneVsRestCounts):
        check_table(counts, [document, "term", "count"], function=function, argument="counts")
        counts = one_vs_rest_counts(counts, document=document, min_count=min_count)
    if min_count < counts.min_count:
        raise ValueError(f"min_count must be at least the {counts.min_count} the counts were reduced with, got {min_count!r}")
    if counts.whole_tests is not None and min_count != counts.min_count:
        raise ValueError(f"a run scored against its whole takes the whole's tests at min_count {counts.min_count}, got {min_count!r}")
    scored = counts.scored[counts.scored["count"].to_numpy() >= min_count]
    size_codes, documents = _alphabetical_codes(counts.document_sizes[document])
    sizes = np.empty(len(documents), dtype=np.int64)
    sizes[size_codes] = counts.document_sizes["size"].to_numpy(dtype=np.int64)
    term_codes, terms = _alphabetical_codes(scored["term"])
    term_totals = counts.term_totals.set_index("term")["count"].reindex(terms).to_numpy(dtype=np.int64)
    document_codes = documents.get_indexer(scored[document])
    # The order of the reduction's scored counts: by document, then term.
    order = np.lexsort((term_codes, document_codes))
    rows, columns = document_codes[order], term_codes[order]
    a = scored["count"].to_numpy(dtype=np.int64)[order]
    n1 = sizes[rows]
    total = sizes.sum() if counts.whole_size is None else counts.whole_size
    tests = len(a) if counts.whole_tests is None else counts.whole_tests
    return _OneVsRest(documents, terms, rows, columns, a, term_totals[columns] - a, n1, total - n1, total, tests)


def _ranked_table(scored: _OneVsRest, document: str, sort_key: np.ndarray, columns: dict) -> pd.DataFrame:
    """The tidy table, ranked within each document by `sort_key` (descending), then term."""
    # Entries arrive sorted by document, then term (CSR order), and lexsort is stable: ties on
    # the score stay in alphabetical order of term.
    order = np.lexsort((-sort_key, scored.document_codes))
    document_codes = scored.document_codes[order]
    starts = np.searchsorted(document_codes, document_codes, side="left")
    table = pd.DataFrame(
        {
            document: scored.documents.take(document_codes),
            "term": scored.terms.take(scored.term_codes[order]),
            "rank": np.arange(len(order)) - starts + 1,
            "count_target": scored.a[order],
            "count_reference": scored.b[order],
            "size_target": scored.n1[order],
            "size_reference": scored.n2[order],
            **{name: np.asarray(values)[order] for name, values in columns.items()},
        }
    )
    return table


def _significance(p_value: np.ndarray, tests: int) -> dict:
    p_bonferroni = np.minimum(p_value * tests, 1.0)
    return {
        "p_value": p_value,
        "tests": np.full(len(p_value), tests),
        "p_bonferroni": p_bonferroni,
        "significant": p_value < SIGNIFICANCE_LEVEL,
        "significant_bonferroni": p_bonferroni < SIGNIFICANCE_LEVEL,
    }


def log_likelihood_keyness(
    counts: pd.DataFrame | OneVsRestCounts, *, document: str = "review_id", min_count: int = 1
) -> pd.DataFrame:
    """G² keyness and log ratio of every document against the others pooled.

    Parameters
    ----------
    counts : pandas.DataFrame or OneVsRestCounts
        Tidy counts with columns `document`, ``term`` and ``count``, or their reduction
        (:func:`one_vs_rest_counts`).
    document : str
        The column naming the document.
    min_count : int
        Score only terms used at least this often in the target document.

    Returns
    -------
    pandas.DataFrame
        One row per scored (document, term), ranked within each document by ``g2`` for the
        terms used more than expected first, then the others by ascending ``g2``, ties by term:
        `document`, ``term``, ``rank``, ``count_target``, ``count_reference``, ``size_target``,
        ``size_reference``, ``expected_target``, ``expected_reference``, ``g2``, ``direction``
        (``over`` / ``under``), ``log_ratio``, ``p_value``, ``tests`` (m), ``p_bonferroni``,
        ``significant`` (p < 0.05), ``significant_bonferroni``.
    """
    scored = _one_vs_rest(counts, document, min_count, function="log_likelihood_keyness")
    return _ranked_table(scored, document, *_log_likelihood_columns(scored))


def _log_likelihood_columns(scored: _OneVsRest) -> tuple[np.ndarray, dict]:
    """The sort key and columns of :func:`log_likelihood_keyness`."""
    a, b, n1, n2 = scored.a, scored.b, scored.n1, scored.n2
    expected_target = n1 * (a + b) / (n1 + n2)
    g2 = log_likelihood(a, b, n1, n2)
    over = a > expected_target
    columns = {
        "expected_target": expected_target,
        "expected_reference": n2 * (a + b) / (n1 + n2),
        "g2": g2,
        "direction": pd.Categorical.from_codes(over.astype(np.int8), categories=["under", "over"]),
        "log_ratio": log_ratio(a, b, n1, n2),
        # The chi-squared survival function with one degree of freedom, in closed form (fast).
        **_significance(erfc(np.sqrt(g2 / 2)), scored.tests),
    }
    # An under-used term is not distinctive of the document: rank the over-used ones first.
    return np.where(over, g2, -g2), columns


def fightin_words(
    counts: pd.DataFrame | OneVsRestCounts,
    *,
    document: str = "review_id",
    min_count: int = 1,
    prior_strength: float | None = None,
) -> pd.DataFrame:
    """Log-odds ratio with an informative Dirichlet prior (Monroe et al. 2008), one vs rest.

    Parameters
    ----------
    counts : pandas.DataFrame or OneVsRestCounts
        Tidy counts with columns `document`, ``term`` and ``count``, or their reduction
        (:func:`one_vs_rest_counts`).
    document : str
        The column naming the document.
    min_count : int
        Score only terms used at least this often in the target document.
    prior_strength : float, optional
        ``alpha0``, the prior's total pseudo-count; default: the pooled corpus size. Each term's
        ``alpha_w`` is ``alpha0`` times its share of the pooled counts.

    Returns
    -------
    pandas.DataFrame
        One row per scored (document, term), ranked by ``z`` within each document: `document`,
        ``term``, ``rank``, ``count_target``, ``count_reference``, ``size_target``,
        ``size_reference``, ``prior_alpha`` (alpha_w), ``prior_total`` (alpha0),
        ``log_odds_target``, ``log_odds_reference``, ``delta``, ``variance``, ``z``,
        ``p_value`` (two-sided), ``tests``, ``p_bonferroni``, ``significant`` (|z| > 1.96),
        ``significant_bonferroni``.
    """
    scored = _one_vs_rest(counts, document, min_count, function="fightin_words")
    return _ranked_table(scored, document, *_fightin_words_columns(scored, prior_strength))


def _fightin_words_columns(scored: _OneVsRest, prior_strength: float | None) -> tuple[np.ndarray, dict]:
    """The sort key and columns of :func:`fightin_words`."""
    corpus_size = scored.total
    alpha0 = float(corpus_size if prior_strength is None else prior_strength)
    if prior_strength is not None and alpha0 <= 0:
        raise ValueError(f"prior_strength must be positive, got {prior_strength!r}")
    a, b, n1, n2 = scored.a, scored.b, scored.n1, scored.n2
    # A term's pooled count is its count in the document plus in the rest.
    alpha = alpha0 * (a + b).astype(float) / corpus_size
    log_odds_target = log((a + alpha) / (n1 + alpha0 - a - alpha))
    log_odds_reference = log((b + alpha) / (n2 + alpha0 - b - alpha))
    delta = log_odds_target - log_odds_reference
    variance = 1 / (a + alpha) + 1 / (b + alpha)
    z = delta / np.sqrt(variance)
    columns = {
        "prior_alpha": alpha,
        "prior_total": np.full(len(a), alpha0),
        "log_odds_target": log_odds_target,
        "log_odds_reference": log_odds_reference,
        "delta": delta,
        "variance": variance,
        "z": z,
        # Two-sided normal tail, 2 Phi(-|z|), in closed form.
        **_significance(erfc(np.abs(z) / math.sqrt(2)), scored.tests),
    }
    return z, columns


def keyness_with_fightin_words(
    counts: pd.DataFrame | OneVsRestCounts, *, document: str = "review_id", min_count: int = 1
) -> pd.DataFrame:
    """:func:`log_likelihood_keyness`'s table with :func:`fightin_words`' ``delta``, ``z``,
    ``significant`` and ``significant_bonferroni`` of each (document, term) beside it, as
    ``fw_delta``, ``fw_z``, ``fw_significant`` and ``fw_significant_bonferroni`` (default prior);
    both scored from one reduction of the counts."""
    scored = _one_vs_rest(counts, document, min_count, function="keyness_with_fightin_words")
    sort_key, columns = _log_likelihood_columns(scored)
    _, fightin = _fightin_words_columns(scored, None)
    columns |= {f"fw_{name}": fightin[name] for name in ("delta", "z", "significant", "significant_bonferroni")}
    return _ranked_table(scored, document, sort_key, columns)


def critical_g2(tests: int = 1, *, level: float = SIGNIFICANCE_LEVEL) -> float:
    """The G² a test must exceed at `level`, Bonferroni-corrected for `tests` tests.

    No tests (a corpus of one review has nothing to compare with) need no correction.

    >>> round(critical_g2(), 2), round(critical_g2(500), 2), round(critical_g2(0), 2)
    (3.84, 15.14, 3.84)
    """
    from scipy.stats import chi2

    if isinstance(tests, bool) or not isinstance(tests, (int, np.integer)) or tests < 0:
        raise ValueError(f"tests must be a count (an int >= 0); got {tests!r}")
    return float(chi2.isf(level / max(tests, 1), df=1))


def tfidf_weights(matrix):
    """The weights of scikit-learn's ``TfidfTransformer(norm="l2", smooth_idf=True)`` for a sparse
    document x term count matrix (CSR): counts times the idf ``ln((1 + n) / (1 + df)) + 1``, each
    row divided by its L2 norm; they agree with scikit-learn's to 2e-16. Computed here because
    scikit-learn's idf is numpy's logarithm, which differs by CPU: this one is the portable one
    (:mod:`analysis.portable_math`) and every sum has a fixed order.
    """
    document_frequency = np.bincount(matrix.indices, minlength=matrix.shape[1])
    idf = log((matrix.shape[0] + 1) / (document_frequency + 1)) + 1.0
    weighted = matrix.astype(float)
    weighted.data *= idf[weighted.indices]
    # Each row's squares summed by scipy's sparse code, in stored order (no BLAS kernel to pick one).
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    weighted.data /= np.repeat(np.where(norms > 0, norms, 1.0), np.diff(weighted.indptr))
    return weighted
