"""The shared plotting helpers: grids that grow with the corpus, and which reviews a chart shows."""

from types import SimpleNamespace

import pandas as pd
import pytest

from analysis.plots import LABEL_MAX_CHARS, cells_legible, cluster_order, critic_labels, grid_size, labelled, reviews_to_show, shown_note, small_multiples


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


def test_critic_labels_prefer_the_author_and_stay_unique():
    import doctest

    import analysis.plots

    assert doctest.testmod(analysis.plots).failed == 0
    reviews = [SimpleNamespace(id="01", author=" ", publication="Quick Takes"),
               SimpleNamespace(id="02", author="Ann Lee", publication=None, label="AL")]
    assert critic_labels(reviews) == {"01": "Quick Takes", "02": "AL"}
    assert labelled(["01", "09"], {"01": "Quick Takes"}) == ["Quick Takes", "09"]


def test_long_labels_are_shortened_and_stay_unique():
    # File names of pages copied from the web ran a chart's labels past its paper width.
    reviews = [SimpleNamespace(id=f"{number}-a-blog-about-films-and-long-titles-review", author=None, publication=None)
               for number in ("k01", "k02")]
    reviews.append(SimpleNamespace(id="k03", author="Anna Maria Magdalena van der Berg-Oosterhout", publication=None))
    # Alike but in the middle, which the ellipsis hides: numbered.
    reviews += [SimpleNamespace(id=f"a-film-blog-review-page-{n}-of-the-same-long-ending", author=None, publication=None)
                for n in (1, 2)]
    labels = critic_labels(reviews)
    assert all(len(label) <= LABEL_MAX_CHARS + 2 for label in labels.values())
    assert len(set(labels.values())) == 5
    assert labels["a-film-blog-review-page-2-of-the-same-long-ending"] == "a-film-blog-re…ame-long-ending 2"
    assert labels["k03"] == "Anna Maria Mag…Berg-Oosterhout"


def test_cluster_order_is_deterministic_and_joins_alike_rows():
    matrix = pd.DataFrame({"x": [1.0, 0.0, 0.9, 0.1], "y": [0.0, 1.0, 0.1, None]}, index=["a", "b", "c", "d"])
    order = cluster_order(matrix)
    assert order == cluster_order(matrix)
    assert abs(order.index("a") - order.index("c")) == 1 and abs(order.index("b") - order.index("d")) == 1
    assert cluster_order(matrix.iloc[:2]) == ["a", "b"]


def test_cells_legible_follows_the_figure_size():
    import matplotlib.pyplot as plt

    small = plt.figure(figsize=(2, 2)).gca()
    large = plt.figure(figsize=(8, 8)).gca()
    assert not cells_legible(small, 20, 20)
    assert cells_legible(large, 20, 20)
    assert not cells_legible(large, 0, 3)


def test_grid_size_grows_with_rows_up_to_a_cap():
    assert grid_size(5, 10) == (7.0, 3.0)
    assert grid_size(300, 10) == (7.0, 9.0)
