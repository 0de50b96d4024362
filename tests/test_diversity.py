"""TTR, MATTR and MTLD on tiny sequences worked out by hand."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.diversity import mattr, mtld, type_token_ratio


def test_type_token_ratio():
    assert type_token_ratio("a b a c".split()) == 0.75
    assert math.isnan(type_token_ratio([]))


def test_mattr_averages_every_window():
    # windows of 3 over a b a b: "a b a" 2/3 and "b a b" 2/3
    assert mattr("a b a b".split(), window=3) == pytest.approx(2 / 3)
    # windows of 2 over a a b c: 1/2, 2/2, 2/2 -> 5/6
    assert mattr("a a b c".split(), window=2) == pytest.approx(5 / 6)


def test_mattr_of_a_text_shorter_than_the_window_is_its_ttr():
    assert mattr("a b a".split(), window=50) == pytest.approx(2 / 3)


def test_mtld_counts_full_factors():
    # forward: a, a a (TTR 0.5 <= 0.72: factor 1), b, b b (factor 2); 4 tokens / 2 factors = 2
    assert mtld("a a b b".split()) == 2.0


def test_mtld_counts_a_partial_factor_for_the_remainder():
    # forward: a b a falls to 2/3 <= 0.72 (1 factor), leftover "c" has TTR 1 (0 factor): 4 / 1 = 4
    # backward: c a b a ends at 3/4 > 0.72: partial (1 - 0.75) / (1 - 0.72) = 0.892857: 4.48
    assert mtld("a b a c".split()) == pytest.approx((4 + 4 / ((1 - 0.75) / 0.28)) / 2)


def test_mtld_is_nan_without_any_repetition():
    assert math.isnan(mtld("a b c".split()))


def test_bad_parameters_are_named():
    with pytest.raises(ValueError, match="window must be a positive number of tokens, got 0"):
        mattr(["a"], window=0)
    with pytest.raises(ValueError, match="threshold must lie strictly between 0 and 1, got 1.5"):
        mtld(["a"], threshold=1.5)


@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.lists(st.sampled_from("abcdefg"), max_size=80), st.integers(min_value=1, max_value=30))
def test_mattr_equals_the_mean_of_every_window_s_ttr(tokens, window):
    if len(tokens) <= window:
        expected = len(set(tokens)) / len(tokens) if tokens else None
    else:
        windows = [tokens[start : start + window] for start in range(len(tokens) - window + 1)]
        # The same integer sum over the same denominator: equal to the last bit.
        expected = sum(len(set(w)) for w in windows) / (len(windows) * window)
    result = mattr(tokens, window=window)
    assert result == expected or (expected is None and result != result)
