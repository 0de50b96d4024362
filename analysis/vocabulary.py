"""How the reviews' vocabularies compare: size, diversity, readability, overlap and similarity.

Everything reads review bodies only (:func:`analysis.corpus.token_table`), never reader
comments or page furniture. A *token* is a word token (it contains a letter); a *type* is a
distinct lower-cased term (:mod:`analysis.tokenization`; the film's title is its own term).

* **Per-review measures** (:mod:`analysis.vocabulary_measures`, joined with each review's
  metadata by :func:`vocabulary_table`): tokens, types, sentences, mean sentence length, the
  type-token ratio, MATTR, MTLD and Flesch Reading Ease.
* **Shared and unique vocabulary** (:func:`vocabulary_spread`): for each content term, how many
  reviews use it and which; :func:`counts_by_review` gives a few terms' counts in every review.
* **Similarity** (:func:`pairwise_similarity`): for each pair of reviews, the Jaccard index of
  their content-term sets (shared / union types) and the cosine of their TF-IDF vectors
  (scikit-learn's ``TfidfTransformer``'s weights, :func:`analysis.keyness.tfidf_weights`: raw
  counts times the smoothed idf ``ln((1 + n) / (1 + df)) + 1``, rows L2-normalised), with the
  counts behind both.
* **Distinctive words** (:func:`distinctive_terms`): G² keyness with log ratio and the
  Fightin' Words z-score of each review against the other reviews (:mod:`analysis.keyness`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import partial

import numpy as np
import pandas as pd

from analysis.body_tables import BodySplit, body_token_table, review_words
from analysis.concordance import (
    COLLOCATION_MIN_COUNT, COLLOCATION_WINDOW, CollocationCounts, collocation_counts, collocation_table,
    query_term, summed_collocation_counts, term_dispersion,
)
from analysis.corpus import CORPUS, Corpus, once_per_corpus, token_table
from analysis.dask_cluster import ResidentPartitions
from analysis.diversity import MATTR_WINDOW, MTLD_THRESHOLD
from analysis.keyness import keyness_with_fightin_words, tfidf_weights
from analysis.keyness_counts import (
    OneVsRestCounts, joined_one_vs_rest_counts, one_vs_rest_counts, run_against_whole, scored_tests,
)
from analysis.parallel import HeldRuns, joined_tables
from analysis.tables import check_table, checks
from analysis.reviews import review_body_split
from analysis.vocabulary_measures import measure_table, review_measures

KEYNESS_MIN_COUNT = 3
# The tidy counts every comparison of vocabularies reads (term_counts' output).
COUNT_COLUMNS = ["review_id", "term", "count"]
PAIR_COLUMNS = ["review_a", "review_b", "types_a", "types_b", "shared_types", "union_types", "jaccard", "tfidf_cosine"]
# What the vocabulary plots read of pairwise_similarity and distinctive_terms.
SIMILARITY_COLUMNS = ["review_a", "review_b", "tfidf_cosine", "jaccard", "shared_types"]
DISTINCTIVE_COLUMNS = ["review_id", "term", "rank", "significant", "significant_bonferroni", "g2", "log_ratio", "fw_z"]


def term_counts(tokens: pd.DataFrame, *, content_only: bool = True) -> pd.DataFrame:
    """Count terms per review from a token table.

    Parameters
    ----------
    tokens : pandas.DataFrame
        A token table (:func:`analysis.corpus.token_table`).
    content_only : bool
        Count content words only (no stopwords); otherwise every word token.

    Returns
    -------
    pandas.DataFrame
        ``review_id``, ``term``, ``count``; sorted by review, then count (descending), then term.
    """
    check_table(tokens, ["review_id", "term", "is_word", "is_content"], function="term_counts", argument="tokens")
    # As booleans: the flag columns of an empty table built by hand hold objects.
    kept = tokens[(tokens["is_content"] if content_only else tokens["is_word"]).astype(bool)]
    # Sorted codes stand for the texts in every sort below: hashing each column once and
    # sorting integers is far faster than grouping and sorting a million strings.
    review_codes, reviews = pd.factorize(kept["review_id"], sort=True)
    term_codes, terms = pd.factorize(kept["term"], sort=True)
    pairs, counts = np.unique(review_codes.astype(np.int64) * len(terms) + term_codes, return_counts=True)
    review_of_pair, term_of_pair = np.divmod(pairs, max(len(terms), 1))
    order = np.lexsort((term_of_pair, -counts, review_of_pair))
    return pd.DataFrame(
        {
            "review_id": reviews.take(review_of_pair[order]),
            "term": terms.take(term_of_pair[order]),
            "count": counts[order].astype(np.int64),
        }
    ).astype({"review_id": "str", "term": "str"})


@once_per_corpus
def corpus_term_counts(corpus: Corpus, *, content_only: bool = True) -> pd.DataFrame:
    """:func:`term_counts` of the corpus's token table, counted run by run where each run's
    tokens are built (:meth:`analysis.corpus.Corpus.map_review_runs`), so that no process holds
    the token table of every review: the runs' tables joined are the whole's."""
    runs = corpus.map_review_runs(
        partial(_term_counts_of_run, title=corpus.film.title, content_only=content_only), review_body_split,
        description="counting words",
    )
    return joined_tables(runs, sorted_by="review_id")


def _term_counts_of_run(splits: list[tuple[str, BodySplit]], title: str | None, content_only: bool) -> pd.DataFrame:
    return term_counts(body_token_table(splits, title=title), content_only=content_only)


@checks(corpus=CORPUS, word=str)
def corpus_collocations(
    corpus: Corpus, word: str, *, window: int = COLLOCATION_WINDOW, min_count: int = COLLOCATION_MIN_COUNT,
    content_only: bool = True,
) -> pd.DataFrame:
    """:func:`analysis.concordance.collocations` of `word` in the corpus's token table, counted
    run by run (:func:`analysis.concordance.collocation_counts`) and scored on the sums, so that
    no process holds the token table of every review."""
    runs = corpus.map_review_runs(
        partial(_collocation_counts_of_run, word=word, title=corpus.film.title, window=window, content_only=content_only),
        review_body_split, description="counting collocations",
    )
    return collocation_table(summed_collocation_counts(runs), word, window=window, min_count=min_count)


def _collocation_counts_of_run(
    splits: list[tuple[str, BodySplit]], word: str, title: str | None, window: int, content_only: bool
) -> CollocationCounts:
    return collocation_counts(body_token_table(splits, title=title), word, window=window, content_only=content_only)


@checks(corpus=CORPUS)
def corpus_dispersion(corpus: Corpus, words: Sequence[str], *, reviews: Sequence[str]) -> pd.DataFrame:
    """:func:`analysis.concordance.dispersion_table` of `words` in the given `reviews` (ids),
    each word looked up as in the whole corpus's token table (a term of any review as written,
    else lower-cased), which no process builds: only the reviews a chart shows are tabled."""
    queries = [word.strip() for word in words]
    if any(not query for query in queries):
        raise ValueError(f"corpus_dispersion: words must be non-empty strings, got {list(words)!r}")
    present = set().union(*corpus.map_review_runs(
        partial(_terms_present_of_run, terms=frozenset(queries), title=corpus.film.title), review_body_split,
        description="finding words",
    ))
    terms = [query_term(query, is_term=present.__contains__) for query in queries]
    return term_dispersion(token_table(corpus, reviews=reviews), terms)


def _terms_present_of_run(splits: list[tuple[str, BodySplit]], terms: frozenset[str], title: str | None) -> frozenset[str]:
    return terms.intersection(body_token_table(splits, title=title)["term"])


@once_per_corpus
def vocabulary_runs(corpus: Corpus) -> HeldRuns | ResidentPartitions:
    """Each run of consecutive reviews' vocabulary measures and word counts reduced for keyness,
    left where they were computed (:meth:`analysis.corpus.Corpus.review_runs`).

    Each run's sentence and token tables are built where the run is processed (a worker
    process, or a Dask worker's task), and only its measures and its counts reduced for keyness
    (:func:`analysis.keyness_counts.one_vs_rest_counts` with :data:`KEYNESS_MIN_COUNT`) are kept: on a
    Dask cluster in the workers' memory, else here. Each review lies in one run.
    """
    return corpus.review_runs(
        partial(_vocabulary_of_run, title=corpus.film.title), review_body_split, description="measuring vocabularies"
    )


@once_per_corpus
def vocabulary_aggregates(corpus: Corpus) -> dict[str, pd.DataFrame | int]:
    """The corpus-level vocabulary tables, reduced from the runs of :func:`vocabulary_runs`: the
    runs' measures and review sizes joined, their term totals and tests summed, are those of the
    whole corpus. No run's scored counts leave it (:func:`corpus_distinctive_terms` scores each
    run where it lies), so no process holds every count of the corpus.

    Returns
    -------
    dict
        ``measures``: :func:`~analysis.vocabulary_measures.vocabulary_measures` of every review; for every word
        (:func:`term_counts` with ``content_only=False``), ``term_totals`` (``term``, ``count``),
        ``review_sizes`` (``review_id``, ``size``), and ``tests``: the (review, term) keyness
        tests, one a count of at least :data:`KEYNESS_MIN_COUNT`.
    """
    summaries = vocabulary_runs(corpus).map(_summary_of_run, description="joining vocabularies")
    counts = joined_one_vs_rest_counts([run_counts for _, run_counts, _ in summaries])
    return {
        "measures": joined_tables([run_measures for run_measures, _, _ in summaries]),
        "term_totals": counts.term_totals,
        "review_sizes": counts.document_sizes,
        "tests": sum(tests for _, _, tests in summaries),
    }


def _vocabulary_of_run(splits: list[tuple[str, BodySplit]], title: str | None) -> tuple[pd.DataFrame, OneVsRestCounts]:
    """The measures and reduced word counts of a run of reviews (see :func:`vocabulary_runs`):
    :func:`~analysis.vocabulary_measures.vocabulary_measures` and the reduction of
    :func:`term_counts` (``content_only=False``) of the run's token table, read from each
    review's tokens without building that table."""
    measured, review_ids, distinct_terms, terms, counts = [], [], [], [], []
    for review in review_words(splits, title=title):
        words = review.terms[review.is_word].tolist()
        content = review.terms[review.is_content].tolist()
        written_tokens = review.tokens[review.is_word].tolist()
        measured.append(
            (review.review_id, review.sentences,
             review_measures(words, written_tokens, content, window=MATTR_WINDOW, threshold=MTLD_THRESHOLD))
        )
        counted = Counter(words)
        review_ids.append(review.review_id)
        distinct_terms.append(len(counted))
        terms += counted.keys()
        counts += counted.values()
    counts_table = pd.DataFrame(
        {"review_id": np.repeat(np.array(review_ids, dtype=object), distinct_terms), "term": terms,
         "count": np.array(counts, dtype=np.int64)},
        columns=COUNT_COLUMNS,
    )
    return (
        measure_table(measured, window=MATTR_WINDOW, threshold=MTLD_THRESHOLD),
        one_vs_rest_counts(counts_table, min_count=KEYNESS_MIN_COUNT),
    )


def _summary_of_run(run: tuple[pd.DataFrame, OneVsRestCounts]) -> tuple[pd.DataFrame, OneVsRestCounts, int]:
    """A run's measures, its reduced counts without the scored ones, and how many it scores."""
    measures, counts = run
    return measures, counts._replace(scored=counts.scored.iloc[:0]), scored_tests(counts)


@checks(corpus=CORPUS)
def vocabulary_table(corpus: Corpus) -> pd.DataFrame:
    """:func:`~analysis.vocabulary_measures.vocabulary_measures` of every review body in `corpus`, with
    its metadata.

    Returns
    -------
    pandas.DataFrame
        ``review_id``, ``author``, ``publication``, then the columns of
        :func:`~analysis.vocabulary_measures.vocabulary_measures`.
    """
    measures = vocabulary_aggregates(corpus)["measures"]
    metadata = pd.DataFrame(
        [{"review_id": r.id, "author": r.author, "publication": r.publication} for r in corpus.reviews]
    )
    return metadata.merge(measures, on="review_id", how="left")


def vocabulary_spread(counts: pd.DataFrame) -> pd.DataFrame:
    """For each term, how many reviews use it and which (shared and unique vocabulary).

    Grouped from the tidy counts, so its size grows with the counts, not with terms times
    reviews (:func:`counts_by_review` gives a few terms' counts in every review).

    Parameters
    ----------
    counts : pandas.DataFrame
        Tidy counts (:func:`term_counts`).

    Returns
    -------
    pandas.DataFrame
        ``term``, ``reviews`` (how many use it), ``review_ids`` (space-separated, in sorted
        order), ``count_total``; sorted by ``reviews`` and ``count_total`` (both descending),
        then term.
    """
    check_table(counts, COUNT_COLUMNS, function="vocabulary_spread", argument="counts")
    # Repeated rows of a (term, review) pair are summed; a count of 0 is no use.
    by_pair = counts.groupby(["term", "review_id"], sort=True)["count"].sum().reset_index()
    used = by_pair[by_pair["count"] > 0].groupby("term", sort=True)["review_id"]
    terms = by_pair.groupby("term", sort=True)["count"].sum()
    spread = pd.DataFrame(
        {
            "term": terms.index,
            "reviews": used.size().reindex(terms.index, fill_value=0).to_numpy(dtype=np.int64),
            "review_ids": used.agg(" ".join).reindex(terms.index, fill_value="").to_numpy(dtype=object),
            "count_total": terms.to_numpy(dtype=np.int64),
        }
    )
    return spread.sort_values(
        ["reviews", "count_total", "term"], ascending=[False, False, True], kind="mergesort"
    ).reset_index(drop=True)


def counts_by_review(counts: pd.DataFrame, terms: Sequence[str]) -> pd.DataFrame:
    """Each of `terms`, in the order given, with its count in every review of `counts`.

    A column per review (``count_<review_id>``, reviews in sorted order): for a table of a few
    terms, such as the words every review uses.

    >>> counts = pd.DataFrame({"review_id": ["b", "a", "b"], "term": ["film", "film", "score"], "count": [2, 1, 4]})
    >>> counts_by_review(counts, ["film"])
       term  count_a  count_b
    0  film        1        2
    """
    check_table(counts, COUNT_COLUMNS, function="counts_by_review", argument="counts")
    terms = list(terms)
    review_ids = sorted(counts["review_id"].unique())
    chosen = counts[counts["term"].isin(terms)]
    wide = chosen.pivot_table(index="term", columns="review_id", values="count", aggfunc="sum", fill_value=0)
    wide = wide.reindex(index=terms, columns=review_ids, fill_value=0).astype(np.int64)
    per_review = pd.DataFrame(wide.to_numpy(), columns=[f"count_{review_id}" for review_id in review_ids])
    return pd.concat([pd.DataFrame({"term": pd.Series(terms, dtype=object)}), per_review], axis=1)


def pairwise_similarity(counts: pd.DataFrame, *, reviews: Sequence[str] | None = None) -> pd.DataFrame:
    """Jaccard index and TF-IDF cosine for every ordered pair of reviews (the diagonal too).

    Parameters
    ----------
    counts : pandas.DataFrame
        Tidy counts (:func:`term_counts`).
    reviews : sequence of str, optional
        Compare only these reviews of `counts` (default: every one). Their cosines are those of
        the whole table, since document frequencies are still counted over every review: the
        pairs of a few reviews chosen from a large corpus, where every pair would not fit in
        memory (n² rows). As by default, a review without counts (a body of stopwords only) has
        no pair.

    Returns
    -------
    pandas.DataFrame
        ``review_a``, ``review_b``, ``types_a``, ``types_b``, ``shared_types``, ``union_types``,
        ``jaccard`` (shared / union), ``tfidf_cosine``; reviews in sorted order.
    """
    from scipy.sparse import csr_matrix

    check_table(counts, COUNT_COLUMNS, function="pairwise_similarity", argument="counts")
    if counts.empty:  # TF-IDF needs at least one review
        return pd.DataFrame(columns=PAIR_COLUMNS)
    # A sparse review x term matrix, rows and columns in sorted order: a dense one holds a cell
    # for every word of the corpus in every review, and its integer products run without BLAS.
    review_codes, review_ids = pd.factorize(counts["review_id"], sort=True)
    terms, _ = pd.factorize(counts["term"], sort=True)
    matrix = csr_matrix(
        (counts["count"].to_numpy(dtype=np.int64), (review_codes, terms)), shape=(len(review_ids), terms.max() + 1)
    )  # repeated (review, term) rows are summed
    # A count of 0 is no occurrence, but TF-IDF's document frequency counts every stored entry.
    matrix.eliminate_zeros()
    tfidf = tfidf_weights(matrix)
    if reviews is not None:
        rows = np.flatnonzero(review_ids.isin(list(reviews)))
        matrix, tfidf, review_ids = matrix[rows], tfidf[rows], review_ids[rows]
    present = (matrix > 0).astype(np.int64)
    shared = (present @ present.T).toarray()
    types = np.asarray(present.sum(axis=1)).ravel()
    cosine = (tfidf @ tfidf.T).toarray()
    # Every ordered pair, row by row: review_a repeats, review_b cycles.
    types_a, types_b = np.repeat(types, len(types)), np.tile(types, len(types))
    shared_types = shared.ravel()
    union = types_a + types_b - shared_types
    jaccard = np.where(union > 0, shared_types / np.where(union > 0, union, 1), np.nan)
    ids = np.asarray(review_ids, dtype=object)
    return pd.DataFrame(
        {
            "review_a": np.repeat(ids, len(ids)),
            "review_b": np.tile(ids, len(ids)),
            "types_a": types_a,
            "types_b": types_b,
            "shared_types": shared_types,
            "union_types": union,
            "jaccard": jaccard,
            "tfidf_cosine": cosine.ravel(),
        },
        columns=PAIR_COLUMNS,
    )


def distinctive_terms(counts: pd.DataFrame | OneVsRestCounts, *, min_count: int = KEYNESS_MIN_COUNT) -> pd.DataFrame:
    """Each review's over-used terms against the other reviews: G², log ratio and Fightin' Words.

    Parameters
    ----------
    counts : pandas.DataFrame or analysis.keyness_counts.OneVsRestCounts
        Tidy counts (:func:`term_counts`), usually of every word (``content_only=False``), or
        their reduction (:func:`analysis.keyness_counts.one_vs_rest_counts`).
    min_count : int
        Minimum count in the review itself.

    Returns
    -------
    pandas.DataFrame
        The columns of :func:`analysis.keyness.log_likelihood_keyness` for terms with
        ``direction == "over"``, plus ``fw_delta``, ``fw_z`` and ``fw_significant`` (|z| > 1.96)
        and ``fw_significant_bonferroni`` from :func:`analysis.keyness.fightin_words` computed
        over the same tests; ranked by G² within each review.
    """
    if not isinstance(counts, OneVsRestCounts):
        check_table(counts, COUNT_COLUMNS, function="distinctive_terms", argument="counts")
        counts = one_vs_rest_counts(counts, min_count=min_count)  # once for both scores
    scored = keyness_with_fightin_words(counts, min_count=min_count)
    # Over-used terms come first in each review's ranking, so their ranks stay 1, 2, ...
    return scored[scored["direction"] == "over"].reset_index(drop=True)


@checks(corpus=CORPUS)
def corpus_distinctive_terms(corpus: Corpus, *, top: int | None = None) -> pd.DataFrame:
    """:func:`distinctive_terms` of every word of every review in `corpus` (with `top`, each
    review's first `top`), scored run by run where each run's counts lie
    (:func:`vocabulary_runs`) against the corpus's term totals, size and tests
    (:func:`analysis.keyness_counts.run_against_whole`): the runs' tables joined are the whole's."""
    aggregates = vocabulary_aggregates(corpus)
    whole = (aggregates["term_totals"], int(aggregates["review_sizes"]["size"].sum()), aggregates["tests"])
    runs = vocabulary_runs(corpus).map(partial(_distinctive_terms_of_run, top=top), shared=whole, description="scoring keyness")
    return joined_tables(runs, sorted_by="review_id")


def _distinctive_terms_of_run(
    run: tuple[pd.DataFrame, OneVsRestCounts], shared: tuple[pd.DataFrame, int, int], top: int | None
) -> pd.DataFrame:
    """A run's rows of :func:`corpus_distinctive_terms`, given the whole's term totals, size and tests."""
    distinctive = distinctive_terms(run_against_whole(run[1], *shared))
    return distinctive if top is None else distinctive[distinctive["rank"] <= top]


@checks(distinctive=["tests"])
def keyness_tests(distinctive: pd.DataFrame) -> int:
    """How many (review, term) tests the Bonferroni correction of `distinctive` counted; 0 for none."""
    return int(distinctive["tests"].iloc[0]) if len(distinctive) else 0
