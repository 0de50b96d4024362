"""Figures for a paper: one or two columns wide, files exactly that wide, no text under 6 pt."""

import json
import re

import matplotlib.pyplot as plt
import pytest
from pypdf import PdfReader

from analysis.paths import PROJECT_ROOT
from analysis.plots import (
    DOUBLE_COLUMN,
    PAPER_WIDTHS,
    SINGLE_COLUMN,
    FigureExporter,
    legend_outside,
    new_figure,
    paper_figure_problem,
    set_style,
    wrap_labels,
)

# The charts a single column holds: one Axes, a row per review or target. The rest need both.
SINGLE_COLUMN_FIGURES = {"segments-by-review", "review-dendrogram", "signals-by-kind", "verdicts-per-target"}


@pytest.fixture(autouse=True)
def _house_style():
    set_style()


def _bars(width):
    figure, ax = new_figure(width, 2.4)
    ax.barh(["a blog · 000", "thomasjford"], [3, 5], label="praise")
    ax.barh(["a blog · 000", "thomasjford"], [-1, -2], label="criticism")
    ax.set_title("Where the critics agree and where they split: verdicts per target")
    ax.set_xlabel("sum of cue weights per 1,000 body words (left of 0: reservations and criticism, hatched)")
    return figure, ax


@pytest.mark.parametrize("width", PAPER_WIDTHS)
def test_a_paper_figure_is_saved_exactly_as_wide_as_its_column(tmp_path, width):
    figure, ax = _bars(width)
    legend_outside(ax, title="verdict")
    FigureExporter("00-test", folder=tmp_path)(figure, "bars", caption="Bars.")
    box = PdfReader(tmp_path / "bars.pdf").pages[0].mediabox
    assert (float(box.width) / 72, float(box.height) / 72) == pytest.approx((width, 2.4), abs=0.01)
    assert json.loads((tmp_path / "captions.json").read_text())["bars"]["width"] == width
    texts = [t for t in figure.findobj(plt.Text) if t.get_visible() and t.get_text().strip()]
    assert min(t.get_fontsize() for t in texts) >= 6


def test_long_titles_and_labels_wrap_to_their_axes():
    figure, ax = _bars(SINGLE_COLUMN)
    wrap_labels(figure)
    assert "\n" in ax.get_title() and "\n" in ax.get_xlabel()
    assert paper_figure_problem(figure) == ""


def test_the_legend_goes_right_on_two_columns_and_under_the_figure_on_one():
    wide, wide_ax = _bars(DOUBLE_COLUMN)
    assert legend_outside(wide_ax) is wide_ax.get_legend()
    narrow, narrow_ax = _bars(SINGLE_COLUMN)
    legend = legend_outside(narrow_ax, title="verdict")
    assert narrow_ax.get_legend() is None and legend in narrow.legends
    assert [t.get_text() for t in legend.get_texts()] == ["praise", "criticism"]


@pytest.mark.parametrize(("build", "problem"), [
    (lambda: plt.subplots(figsize=(6.5, 3))[0], "6.5 in wide; a paper figure is 3.5 in (one column) or 7 in (two columns)"),
    (lambda: _small_text(), "text of 5 pt; nothing may be under 6 pt at print size"),
    (lambda: _text_outside(), "outside its 3.5 x 2 in"),
])
def test_the_exporter_refuses_what_would_not_print_well(tmp_path, build, problem):
    with pytest.raises(ValueError, match=f"figure 'bad': .*{re.escape(problem)}"):
        FigureExporter("00-test", folder=tmp_path)(build(), "bad", caption="c")
    assert not (tmp_path / "bad.pdf").exists()


def _small_text():
    figure, ax = new_figure(SINGLE_COLUMN, 2)
    ax.text(0.5, 0.5, "tiny", fontsize=5)
    return figure


def _text_outside():
    figure, ax = new_figure(SINGLE_COLUMN, 2)
    # Placed in figure coordinates past the right edge, so no layout can bring it in.
    figure.text(1.02, 0.5, "cut off")
    return figure


def test_the_studys_figures_are_one_or_two_columns_wide_as_their_files():
    folder = PROJECT_ROOT / "figures"
    captions = json.loads((folder / "captions.json").read_text(encoding="utf-8"))
    widths = {name: entry["width"] for name, entry in captions.items()}
    assert widths == {name: SINGLE_COLUMN if name in SINGLE_COLUMN_FIGURES else DOUBLE_COLUMN for name in captions}
    for name, width in widths.items():
        box = PdfReader(folder / f"{name}.pdf").pages[0].mediabox
        assert float(box.width) / 72 == pytest.approx(width, abs=0.01), name


def test_a_row_per_web_page_fits_its_column_whatever_the_files_are_called(tmp_path):
    # Files named after their pages ("k04-ghost-blog-native-comments-killers-of-the-flower-moon")
    # pushed this chart past its 3.5 in, and the study stopped at notebook 01.
    from types import SimpleNamespace

    import pandas as pd

    from analysis.plots import critic_labels, rows_height
    from analysis.plots.corpus import plot_segment_composition

    ids = [f"k0{n}-{layout}-native-comments-killers-of-the-flower-moon" for n, layout in enumerate(
        ["bluesky-thread", "wix-blog", "blogger-german", "ghost-blog", "spanish-newspaper", "threads-post"])]
    segments = pd.DataFrame([(rid, label, words) for rid in ids for label, words in (("body", 400), ("comment", 120))],
                            columns=["review_id", "label", "words"])
    labels = critic_labels([SimpleNamespace(id=rid, author=None, publication=None) for rid in ids])
    figure, ax = new_figure(SINGLE_COLUMN, rows_height(len(ids), minimum=3.0))
    plot_segment_composition(segments, value="words", labels=labels, ax=ax)
    FigureExporter("00-test", folder=tmp_path)(figure, "segments-by-review", caption="Segments.")
    assert (tmp_path / "segments-by-review.pdf").exists()
