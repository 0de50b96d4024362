"""Keyness formulas checked against values computed by hand."""

import math
import re

import numpy as np
import pandas as pd
import pytest
from scipy.sparse import csr_matrix
from sklearn.feature_extraction.text import TfidfTransformer

from analysis.keyness import critical_g2, fightin_words, log_likelihood, log_likelihood_keyness, log_ratio, tfidf_weights
from analysis.keyness_counts import joined_one_vs_rest_counts, one_vs_rest_counts, run_against_whole, scored_tests


def test_log_likelihood_matches_hand_computation():
    # a=10 of n1=1000, b=20 of n2=9000: E1 = 1000*30/10000 = 3, E2 = 27,
    # G² = 2 (10 ln(10/3) + 20 ln(20/27)) = 2 (12.039728 - 6.002092) = 12.075272
    assert float(log_likelihood(10, 20, 1000, 9000)) == pytest.approx(12.075272, abs=1e-6)


def test_log_likelihood_of_a_term_absent_from_the_reference_uses_zero_log_zero():
    # b = 0: G² = 2 * 3 ln(3 / E1), E1 = 100 * 3 / 200 = 1.5 -> 6 ln 2 = 4.158883
    assert float(log_likelihood(3, 0, 100, 100)) == pytest.approx(6 * math.log(2))


def test_log_ratio_is_the_binary_log_of_relative_frequencies_with_hardie_zero():
    assert float(log_ratio(10, 20, 1000, 9000)) == pytest.approx(math.log2(4.5))
    assert float(log_ratio(3, 0, 100, 100)) == pytest.approx(math.log2(3 / 0.5))


def test_critical_values():
    assert critical_g2() == pytest.approx(3.841459, abs=1e-6)
    assert critical_g2(10) == pytest.approx(7.879439, abs=1e-6)


COUNTS = pd.DataFrame(
    {"review_id": ["A", "A", "A", "B", "B", "C"], "term": ["x", "y", "z", "x", "y", "y"], "count": [10, 5, 3, 2, 8, 4]}
)


def test_keyness_table_keeps_every_intermediate_quantity():
    table = log_likelihood_keyness(COUNTS)
    row = table[(table["review_id"] == "A") & (table["term"] == "x")].iloc[0]
    # A has 18 tokens, the rest 14; x: 10 in A, 2 elsewhere; E1 = 18*12/32 = 6.75, E2 = 5.25
    assert (row["count_target"], row["count_reference"], row["size_target"], row["size_reference"]) == (10, 2, 18, 14)
    assert row["expected_target"] == pytest.approx(6.75)
    assert row["expected_reference"] == pytest.approx(5.25)
    assert row["g2"] == pytest.approx(2 * (10 * math.log(10 / 6.75) + 2 * math.log(2 / 5.25)))
    assert row["direction"] == "over"
    assert row["tests"] == 6
    assert row["p_bonferroni"] == pytest.approx(min(1.0, 6 * row["p_value"]))


def test_keyness_ranks_over_used_terms_first_and_breaks_ties_by_term():
    table = log_likelihood_keyness(COUNTS)
    assert table[table["review_id"] == "A"]["term"].tolist() == ["x", "z", "y"]
    assert table[table["review_id"] == "A"]["rank"].tolist() == [1, 2, 3]
    tied = pd.DataFrame({"review_id": ["A", "A", "B"], "term": ["b", "a", "c"], "count": [1, 1, 2]})
    assert log_likelihood_keyness(tied)["term"].tolist() == ["a", "b", "c"]


def test_min_count_filters_the_target_count():
    table = log_likelihood_keyness(COUNTS, min_count=5)
    assert sorted(zip(table["review_id"], table["term"])) == [("A", "x"), ("A", "y"), ("B", "y")]


def test_fightin_words_matches_hand_computation():
    # Two documents; pooled counts are the prior (alpha0 = 30 tokens):
    # w: A 4 of 10, B 2 of 20 -> alpha_w = 6; delta = ln(10/(10+30-4-6)) - ln(8/(20+30-2-6))
    counts = pd.DataFrame({"review_id": ["A", "A", "B", "B"], "term": ["w", "v", "w", "v"], "count": [4, 6, 2, 18]})
    row = fightin_words(counts).query("review_id == 'A' and term == 'w'").iloc[0]
    delta = math.log(10 / 30) - math.log(8 / 42)
    variance = 1 / 10 + 1 / 8
    assert row["prior_alpha"] == pytest.approx(6)
    assert row["delta"] == pytest.approx(delta)
    assert row["variance"] == pytest.approx(variance)
    assert row["z"] == pytest.approx(delta / math.sqrt(variance))


def test_fightin_words_prior_strength_scales_alpha():
    counts = pd.DataFrame({"review_id": ["A", "A", "B", "B"], "term": ["w", "v", "w", "v"], "count": [4, 6, 2, 18]})
    row = fightin_words(counts, prior_strength=3).query("review_id == 'A' and term == 'w'").iloc[0]
    assert row["prior_alpha"] == pytest.approx(3 * 6 / 30)
    assert row["prior_total"] == 3


def test_bad_input_messages_name_the_problem():
    with pytest.raises(ValueError, match=re.escape("log_likelihood_keyness: counts lacks the column(s) count (it has review_id, term)")):
        log_likelihood_keyness(COUNTS.drop(columns="count"))
    with pytest.raises(ValueError, match="min_count must be at least 1, got 0"):
        log_likelihood_keyness(COUNTS, min_count=0)
    with pytest.raises(ValueError, match="prior_strength must be positive, got -1"):
        fightin_words(COUNTS, prior_strength=-1)


def test_ties_follow_the_alphabet_even_for_a_categorical_term_column():
    tied = pd.DataFrame({"review_id": ["A", "A", "B"], "term": ["b", "a", "c"], "count": [1, 1, 2]})
    tied["term"] = pd.Categorical(tied["term"], categories=["c", "b", "a"])
    assert log_likelihood_keyness(tied)["term"].tolist() == ["a", "b", "c"]


def _reduced_parts_equal(left, right):
    for name in ("scored", "term_totals", "document_sizes"):
        pd.testing.assert_frame_equal(getattr(left, name), getattr(right, name), check_exact=True)
    assert left.min_count == right.min_count


def test_reduction_sums_repeated_pairs_as_a_group_by_does():
    rng = np.random.default_rng(3)
    rows = 400
    counts = pd.DataFrame({
        "review_id": rng.choice(["r10", "r2", "r1"], rows),
        "term": rng.choice(["zeal", "Her", "a", "b", "b2"], rows),
        "count": rng.integers(0, 4, rows),
    })
    counts["term"] = pd.Categorical(counts["term"], categories=["b2", "zeal", "a", "b", "Her"])
    plain = counts.astype({"term": object})
    pairs = plain.groupby(["review_id", "term"], as_index=False)["count"].sum()
    reduced = one_vs_rest_counts(counts, min_count=5)
    expected = pairs[pairs["count"] >= 5].reset_index(drop=True)
    pd.testing.assert_frame_equal(reduced.scored, expected, check_exact=True)
    totals = plain.groupby("term", as_index=False)["count"].sum()
    pd.testing.assert_frame_equal(reduced.term_totals, totals, check_exact=True)
    sizes = plain.groupby("review_id", as_index=False)["count"].sum().rename(columns={"count": "size"})
    pd.testing.assert_frame_equal(reduced.document_sizes, sizes, check_exact=True)


def test_reduced_counts_score_exactly_as_the_counts():
    reduced = one_vs_rest_counts(COUNTS, min_count=2)
    assert reduced.scored["count"].min() >= 2
    for scorer in (log_likelihood_keyness, fightin_words):
        pd.testing.assert_frame_equal(scorer(reduced, min_count=2), scorer(COUNTS, min_count=2), check_exact=True)
        pd.testing.assert_frame_equal(scorer(reduced, min_count=3), scorer(COUNTS, min_count=3), check_exact=True)


def test_the_reductions_of_runs_of_documents_join_into_that_of_all():
    runs = [COUNTS[COUNTS["review_id"] == "B"], COUNTS[COUNTS["review_id"] != "B"]]
    joined = joined_one_vs_rest_counts([one_vs_rest_counts(run, min_count=2) for run in runs])
    _reduced_parts_equal(joined, one_vs_rest_counts(COUNTS, min_count=2))


def test_reduced_counts_refuse_a_lower_minimum_and_mixed_parts():
    reduced = one_vs_rest_counts(COUNTS, min_count=2)
    with pytest.raises(ValueError, match="min_count must be at least the 2 the counts were reduced with, got 1"):
        log_likelihood_keyness(reduced, min_count=1)
    with pytest.raises(ValueError, match=re.escape("parts must be reduced with one min_count, got [1, 2]")):
        joined_one_vs_rest_counts([reduced, one_vs_rest_counts(COUNTS)])


def test_a_run_scored_against_its_whole_gives_the_whole_tables_rows_of_its_documents():
    whole = one_vs_rest_counts(COUNTS, min_count=2)
    assert scored_tests(whole) == 6  # every count is at least 2
    for documents in (["A"], ["B", "C"]):
        run = one_vs_rest_counts(COUNTS[COUNTS["review_id"].isin(documents)], min_count=2)
        against = run_against_whole(run, whole.term_totals, int(whole.document_sizes["size"].sum()), scored_tests(whole))
        for scorer in (log_likelihood_keyness, fightin_words):
            table = scorer(whole, min_count=2)
            expected = table[table["review_id"].isin(documents)].reset_index(drop=True)
            pd.testing.assert_frame_equal(scorer(against, min_count=2), expected, check_exact=True)
    with pytest.raises(ValueError, match="a run scored against its whole takes the whole's tests at min_count 2, got 3"):
        log_likelihood_keyness(against, min_count=3)


def test_tfidf_weights_are_scikit_learns_to_the_last_bits():
    rng = np.random.default_rng(3)
    counts = csr_matrix((rng.integers(1, 9, 400), (rng.integers(0, 12, 400), rng.integers(0, 90, 400))), shape=(13, 90))
    ours = tfidf_weights(counts)
    theirs = TfidfTransformer(norm="l2", smooth_idf=True, sublinear_tf=False).fit_transform(counts)
    assert abs(ours - theirs).max() < 1e-15
    assert ours[12].nnz == 0  # a document without terms stays empty, not NaN
    assert np.allclose(np.asarray(ours.multiply(ours).sum(axis=1)).ravel()[:12], 1.0)
