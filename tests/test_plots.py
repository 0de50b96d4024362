"""The shared plotting helpers: grids that grow with the corpus, and which reviews a chart shows."""

import pandas as pd
import pytest

from analysis.plots import reviews_to_show, shown_note, small_multiples


@pytest.mark.parametrize(("count", "rows"), [(1, 1), (3, 1), (5, 2), (7, 3), (13, 5)])
def test_small_multiples_wrap_to_as_many_rows_as_needed(count, rows):
    figure, axes = small_multiples(count, width=9, row_height=2)
    assert len(axes) == 3 * rows
    assert tuple(figure.get_size_inches()) == (9, 2 * rows)
    assert [ax.axison for ax in axes] == [True] * count + [False] * (3 * rows - count)


def test_every_review_is_shown_while_they_fit():
    sizes = pd.Series([5, 50, 7], index=["b", "a", "c"])
    assert reviews_to_show(sizes, limit=3) == ["b", "a", "c"]


def test_past_the_limit_the_largest_are_shown_in_corpus_order_ties_to_the_earlier():
    sizes = pd.Series([5, 50, 7, 7], index=["b", "a", "c", "d"])
    assert reviews_to_show(sizes, limit=2) == ["a", "c"]
    assert reviews_to_show(sizes, limit=3) == ["a", "c", "d"]


def test_shown_note():
    assert shown_note(5, 5, rule="the longest") == ""
    assert shown_note(12, 300, rule="the longest") == " Shown: 12 of 300 reviews, the longest."
