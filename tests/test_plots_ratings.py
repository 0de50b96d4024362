import matplotlib.pyplot as plt
import pandas as pd
import pytest

from analysis.plots.ratings import (
    plot_explicit_vs_inferred,
    plot_sentiment_arc,
    plot_sentiment_arcs,
    plot_signals_by_kind,
)
from analysis.signals import text_signals
from analysis.tables import TableError

COMPARISON = pd.DataFrame(
    {
        "review_id": ["a", "b"],
        "explicit_text": [None, "4.5 clappers"],
        "explicit_stars": [float("nan"), 4.5],
        "inferred_stars": [3.0, 4.0],
    }
)
ARC = pd.DataFrame(
    {
        "review_id": ["a"] * 3 + ["b"] * 2,
        "sentence_index": [0, 1, 2, 0, 1],
        "judgement": [0.1, 0.5, -0.2, 0.3, 0.4],
        "smoothed_judgement": [0.3, 0.13, 0.15, 0.35, 0.35],
    }
)
TURNS = pd.DataFrame(
    {
        "review_id": ["a", "a", "a"],
        "point": ["peak", "lowest", "steepest fall"],
        "sentence_index": [0, 1, 1],
        "smoothed_judgement": [0.3, 0.13, 0.13],
    }
)


def test_explicit_vs_inferred_marks_each_rating_and_names_missing_ones():
    ax = plot_explicit_vs_inferred(COMPARISON, labels={"a": "Ann Lee"}, ax=plt.figure().gca())
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Ann Lee", "b"]
    offsets = [collection.get_offsets().tolist() for collection in ax.collections[1:]]
    assert offsets == [[[3.0, 1.0], [4.0, 0.0]], [[4.5, 0.0]]]
    assert [t.get_text() for t in ax.texts] == ["no explicit rating", "\u201c4.5 clappers\u201d"]
    # Margins keep a marker at 0 or 5 stars whole.
    assert ax.get_xlim() == (-0.3, 5.3)
    assert ax.get_legend().get_texts()[1].get_text() == "explicit (printed)"


def test_explicit_vs_inferred_names_missing_columns():
    with pytest.raises(TableError) as error:
        plot_explicit_vs_inferred(COMPARISON.drop(columns="explicit_text"))
    assert str(error.value) == (
        "plot_explicit_vs_inferred: comparison lacks the column(s) explicit_text (it has review_id, explicit_stars, inferred_stars)"
    )


def test_signals_by_kind_stacks_praise_right_and_reservations_left():
    signals = text_signals("A masterpiece. It can feel slow at times.", review_id="a")
    ax = plot_signals_by_kind(signals, review_ids=["a", "b"], ax=plt.figure().gca())
    assert [t.get_text() for t in ax.get_yticklabels()] == ["a", "b"]
    widths = sorted(round(patch.get_width(), 2) for patch in ax.patches if patch.get_width() != 0)
    assert widths == [-0.4, 1.0]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["verdict label", "reservation"]


def test_signals_per_thousand_words_scale_each_review_by_its_length():
    signals = text_signals("A masterpiece. It can feel slow at times.", review_id="a")
    ax = plot_signals_by_kind(signals, review_ids=["a"], words={"a": 500}, ax=plt.figure().gca())
    widths = sorted(round(patch.get_width(), 2) for patch in ax.patches if patch.get_width() != 0)
    assert widths == [-0.8, 2.0]
    assert ax.get_xlabel().startswith("sum of cue weights per 1,000 body words")


def test_sentiment_arc_draws_one_review_with_its_turns():
    ax = plot_sentiment_arc(ARC, review_id="a", turns=TURNS, labels={"a": "Ann Lee"}, ax=plt.figure().gca())
    assert ax.get_title() == "Ann Lee"
    assert len(ax.lines) == 2  # the zero line and the moving average
    assert ax.lines[1].get_ydata().tolist() == [0.3, 0.13, 0.15]
    # Position in the review: every review spans 0 to 1, whatever its length.
    assert ax.lines[1].get_xdata().tolist() == [0.0, 0.5, 1.0]
    assert len(ax.collections) == 4  # sentences + three turning points
    assert [t.get_text() for t in ax.texts] == ["s0", "s1", "s1"]
    with pytest.raises(ValueError, match=r"review_id 'c' is not in arc; valid: \['a', 'b'\]"):
        plot_sentiment_arc(ARC, review_id="c")


def test_sentiment_arcs_small_multiples_put_the_legend_on_a_spare_axes():
    figure, axes = plt.subplots(1, 3)
    drawn = plot_sentiment_arcs(ARC, axes=axes, turns=TURNS)
    assert [ax.get_title() for ax in drawn[:2]] == ["a", "b"]
    assert drawn[2].get_legend() is not None and not drawn[2].axison
    assert drawn[0].get_xlabel() == "" and figure.get_supxlabel() == "position in the review (sN = sentence N)"
    with pytest.raises(ValueError, match="axes has 1 Axes for 2 reviews"):
        plot_sentiment_arcs(ARC, axes=[axes[0]])
