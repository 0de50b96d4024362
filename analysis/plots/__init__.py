"""Plotting: one house style and one export helper shared by every figure.

Plot functions live in the submodules (``analysis.plots.corpus``, ``.vocabulary``, ``.praise``,
``.ratings``). Each takes tidy data first, options keyword-only and ``ax=None``, draws on that
Axes only and returns it; none calls ``show()`` or ``savefig``. Figures are written only by
:class:`FigureExporter`, which fixes dpi, strips timestamps and salts SVG ids so a rerun gives
byte-identical files.

Figures are made for a paper: seaborn's "paper" context, :data:`SINGLE_COLUMN` (3.5 in, one
column of a two-column page) or :data:`DOUBLE_COLUMN` (7 in, both columns or a one-column text)
wide, and the files are exactly that wide (constrained layout, no tight cropping), so a figure
placed at its column's width prints its text at its own size, never under
:data:`MIN_FONT_SIZE` points; heights follow the data, SVG text is kept as text so it stays
editable. :class:`FigureExporter` refuses a figure that breaks these rules. Reviews are
labelled by critic (:func:`critic_labels`), and heatmaps order their rows by clustering
(:func:`cluster_order`) and write numbers in their cells only while the cells are large enough
to read them (:func:`cells_legible`).
"""

from __future__ import annotations

import sys
import textwrap
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns

from analysis.export import output_metadata, record_caption
from analysis.paths import study_figures_dir
from analysis.tables import Expected, checks

DPI = 300
SVG_HASH_SALT = "comparative-criticism"
FIGURE_FORMATS = ("png", "svg", "pdf")
# The widths of a paper's figures, in inches: one column of a two-column page, and both columns
# (about the text width of a one-column page too).
SINGLE_COLUMN = 3.5
DOUBLE_COLUMN = 7.0
PAPER_WIDTHS = (SINGLE_COLUMN, DOUBLE_COLUMN)
# No text of an exported figure is smaller than this, in points at print size.
MIN_FONT_SIZE = 6.0
# The house style's text size (set_style), in points.
_FONT_SIZE = 7.0
# DejaVu Sans's average advance in ems, to wrap a title or an axis label to its Axes.
_CHARACTER_EMS = 0.55


def set_style() -> None:
    """Apply the house style (seaborn ``whitegrid`` in the "paper" context) to matplotlib.

    SVG text is written as text (``svg.fonttype: none``), so a figure's words stay editable and
    searchable in the SVG file.
    """
    # The paper context at 0.8: 7-7.7 pt text, a journal's usual size at a column's width.
    sns.set_theme(context="paper", style="whitegrid", palette="colorblind", font_scale=0.8)
    mpl.rcParams.update(
        {
            "figure.dpi": 150,
            "savefig.dpi": DPI,
            # The file is the figure's size: constrained layout keeps every label inside it.
            "savefig.bbox": "standard",
            "figure.constrained_layout.use": True,
            "svg.hashsalt": SVG_HASH_SALT,
            "svg.fonttype": "none",
            "pdf.fonttype": 42,
            "font.family": "DejaVu Sans",
        }
    )


class FigureExporter:
    """Write a notebook's figures as PNG, SVG and PDF, and record each caption.

    Parameters
    ----------
    notebook : str
        The notebook's file stem, recorded beside each caption.
    folder : Path, optional
        Output folder; defaults to :func:`analysis.paths.study_figures_dir`.
    """

    def __init__(self, notebook: str, folder: Path | None = None) -> None:
        self.notebook = notebook
        self.folder = Path(folder) if folder is not None else study_figures_dir()

    def __call__(self, figure: mpl.figure.Figure, name: str, *, caption: str) -> None:
        """Save `figure` as ``name.png`` (300 dpi), ``name.svg`` and ``name.pdf``; record its caption.

        Titles and axis labels too long for their Axes are wrapped first. In a notebook the
        figure is shown here, with its name and caption in the output's metadata (the reports
        caption it and the PDF report embeds ``name.pdf``), and closed, so it is not shown twice.
        Returns nothing, so that a notebook cell ending in this call shows no file paths (they
        would differ between checkouts and break nbval's comparison).

        Raises
        ------
        ValueError
            When the figure is not :data:`SINGLE_COLUMN` or :data:`DOUBLE_COLUMN` wide, has text
            under :data:`MIN_FONT_SIZE` points, or draws outside its own area.
        """
        wrap_labels(figure)
        problem = paper_figure_problem(figure)
        if problem:
            raise ValueError(f"figure {name!r}: {problem}")
        self.folder.mkdir(parents=True, exist_ok=True)
        # The check above laid the figure out; every file and the notebook's copy keep that
        # layout rather than each solving it again (most of the time of a figure with many labels).
        layout = figure.get_layout_engine()
        figure.set_layout_engine("none")
        try:
            figure.savefig(self.folder / f"{name}.png", dpi=DPI, metadata={"Software": None})
            with mpl.rc_context({"svg.hashsalt": SVG_HASH_SALT, "svg.fonttype": "none"}):
                figure.savefig(self.folder / f"{name}.svg", metadata={"Date": None, "Creator": None})
            figure.savefig(self.folder / f"{name}.pdf", metadata={"CreationDate": None, "ModDate": None, "Creator": None, "Producer": None})
            record_caption(self.folder, name, caption=caption, notebook=self.notebook,
                           width=float(figure.get_figwidth()))
            _show_with_caption(figure, name, caption)
        finally:
            figure.set_layout_engine(layout if layout is not None else "none")  # None would mean rcParams' engine


def _texts(figure: mpl.figure.Figure) -> list:
    return [text for text in figure.findobj(mpl.text.Text) if text.get_visible() and text.get_text().strip()]


def wrap_labels(figure: mpl.figure.Figure) -> None:
    """Wrap every title, axis label and figure-wide label of `figure` to the width its Axes
    (or the figure) leaves it, at word boundaries, so none runs past the figure's edge."""
    figure.draw_without_rendering()  # lays the figure out, so each Axes has its final size
    width_points = figure.get_figwidth() * 72
    labelled = [(text, figure.get_figheight() * 72 if text is getattr(figure, "_supylabel", None) else width_points)
                for text in (getattr(figure, "_suptitle", None), getattr(figure, "_supxlabel", None),
                             getattr(figure, "_supylabel", None)) if text is not None]
    for ax in figure.axes:
        box = ax.get_position()
        across, up = box.width * width_points, box.height * figure.get_figheight() * 72
        labelled += [(ax.title, across), (ax.xaxis.label, across), (ax.yaxis.label, up)]
    for text, room in labelled:
        characters = max(12, int(room / (_CHARACTER_EMS * text.get_fontsize())))
        lines = text.get_text().split("\n")
        if any(len(line) > characters for line in lines):
            text.set_text("\n".join(textwrap.fill(line, characters) for line in lines))


def paper_figure_problem(figure: mpl.figure.Figure) -> str:
    """What keeps `figure` from going into a paper as it is ("" when nothing does): a width
    other than :data:`PAPER_WIDTHS`, text under :data:`MIN_FONT_SIZE` points, or something
    drawn outside the figure's area (the file is the figure's size, so it would be cut off)."""
    width = float(figure.get_figwidth())
    if not any(abs(width - allowed) < 0.01 for allowed in PAPER_WIDTHS):
        return (f"{width:g} in wide; a paper figure is {SINGLE_COLUMN:g} in (one column) or "
                f"{DOUBLE_COLUMN:g} in (two columns)")
    small = sorted({round(text.get_fontsize(), 1) for text in _texts(figure) if text.get_fontsize() < MIN_FONT_SIZE})
    if small:
        return f"text of {small[0]:g} pt; nothing may be under {MIN_FONT_SIZE:g} pt at print size"
    figure.draw_without_rendering()  # the layout as it will be saved
    drawn = figure.get_tightbbox(figure.canvas.get_renderer())
    # A hundredth of an inch of slack: anti-aliasing, a marker's edge.
    if drawn.x0 < -0.01 or drawn.y0 < -0.01 or drawn.x1 > width + 0.01 or drawn.y1 > figure.get_figheight() + 0.01:
        return (f"drawn from ({drawn.x0:.2f}, {drawn.y0:.2f}) to ({drawn.x1:.2f}, {drawn.y1:.2f}) in, outside its "
                f"{width:g} x {figure.get_figheight():g} in")
    return ""


def _show_with_caption(figure: mpl.figure.Figure, name: str, caption: str) -> None:
    # IPython is loaded whenever a kernel runs; outside one (scripts, tests) there is nothing to show.
    if "IPython" not in sys.modules:
        return
    from IPython import get_ipython
    from IPython.display import display

    if get_ipython() is None:
        return
    display(figure, metadata=output_metadata("figure", name, caption))
    plt.close(figure)


def new_figure(width: float = DOUBLE_COLUMN, height: float = 3.5) -> tuple[mpl.figure.Figure, mpl.axes.Axes]:
    """A figure and Axes in the house size (both columns of a paper wide, unless told)."""
    return plt.subplots(figsize=(width, height))


# Small multiples stay readable up to this many panels, a chart with one row per review up to
# this many rows; past them a chart shows the longest reviews and says so.
MAX_PANELS = 12
# Past this many marks, a chart's marks are drawn as an image inside its SVG and PDF: each would
# be an element of its own (100,000 reviews' points made a 50 MB SVG); the PNG is the same.
MAX_VECTOR_MARKS = 2_000
MAX_ROWS = 40
ROW_INCHES = 0.22
MAX_FIGURE_HEIGHT = 9.0


def rows_height(rows: int, *, minimum: float) -> float:
    """A figure height for a chart of `rows` rows: `minimum` inches, growing with the rows, capped."""
    return min(MAX_FIGURE_HEIGHT, max(minimum, ROW_INCHES * rows))


def small_multiples(
    count: int, *, columns: int = 3, width: float = DOUBLE_COLUMN, row_height: float = 2.2, **subplots
) -> tuple[mpl.figure.Figure, list[mpl.axes.Axes]]:
    """A grid of at least `count` panels, `columns` wide and as many rows as needed.

    The figure is `width` inches wide and grows by `row_height` per row; panels beyond `count`
    are switched off. Extra keyword arguments go to :func:`matplotlib.pyplot.subplots`
    (``sharey``, ``constrained_layout`` ...).
    """
    rows = max(1, -(-count // columns))
    figure, grid = plt.subplots(rows, columns, figsize=(width, row_height * rows), squeeze=False, **subplots)
    axes = list(grid.flat)
    for ax in axes[count:]:
        ax.set_axis_off()
    return figure, axes


@checks(sizes=Expected(pd.Series, "a Series of sizes indexed by review id"))
def reviews_to_show(sizes: pd.Series, *, limit: int = MAX_PANELS) -> list[str]:
    """Every review when they fit in `limit` panels, else the `limit` largest by `sizes`.

    `sizes` is indexed by review id in corpus order; ties go to the earlier review, and the
    chosen reviews keep corpus order.
    """
    if len(sizes) <= limit:
        return list(sizes.index)
    order = sorted(range(len(sizes)), key=lambda i: (-sizes.iloc[i], i))[:limit]
    return [sizes.index[i] for i in sorted(order)]


def shown_note(shown: int, total: int, *, rule: str) -> str:
    """A caption's note of what a chart with a panel limit leaves out ("" when it shows all)."""
    return "" if shown >= total else f" Shown: {shown} of {total} reviews, {rule}."


def legend_outside(ax: mpl.axes.Axes, **options) -> mpl.legend.Legend | None:
    """The Axes' legend outside its plot: to the right on a two-column figure, under the whole
    figure in two columns on a single-column one (where the right would squeeze the plot).
    None when nothing is drawn to name (an empty table)."""
    handles, labels = ax.get_legend_handles_labels()
    if not handles:
        return None
    if ax.figure.get_figwidth() > SINGLE_COLUMN + 0.01:
        return ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=True, **options)
    # "outside" asks the constrained layout to make room for it below the x label.
    return ax.figure.legend(handles, labels, loc="outside lower center", ncols=2, frameon=False, **options)


def critic_labels(reviews: Sequence) -> dict[str, str]:
    """A short label per review for charts and tables: who wrote it, as far as the corpus says.

    Parameters
    ----------
    reviews : sequence of Review
        ``Corpus.reviews`` (anything with ``id``, ``author`` and ``publication``; a ``label``
        attribute, where the manifest gives one, comes first).

    Returns
    -------
    dict of str to str
        review id -> the label, else the author, else the publication, else the review id. A
        label that two reviews would share gets the review id after it. A label longer than
        :data:`LABEL_MAX_CHARS` keeps its start and end around an ellipsis, so that a file named
        after its page ("k04-ghost-blog-native-comments-killers-of-the-flower-moon") leaves a
        chart room for its bars; labels that would then be alike are numbered, so every label
        is unique.

    Examples
    --------
    >>> from types import SimpleNamespace as Review
    >>> critic_labels([Review(id="000", author=None, publication="a blog"),
    ...                Review(id="001", author="Ann Lee", publication="a blog"),
    ...                Review(id="002", author=None, publication="a blog"),
    ...                Review(id="003", author=None, publication=None)])
    {'000': 'a blog · 000', '001': 'Ann Lee', '002': 'a blog · 002', '003': '003'}
    >>> critic_labels([Review(id="k04-ghost-blog-native-comments-killers-of-the-flower-moon", author=None, publication=None)])
    {'k04-ghost-blog-native-comments-killers-of-the-flower-moon': 'k04-ghost-blog…the-flower-moon'}
    """
    chosen = {}
    for review in reviews:
        names = (getattr(review, "label", None), review.author, review.publication)
        chosen[review.id] = next((name.strip() for name in names if isinstance(name, str) and name.strip()), review.id)
    repeated = {label for label, count in Counter(chosen.values()).items() if count > 1}
    full = {rid: f"{label} · {rid}" if label in repeated and label != rid else label for rid, label in chosen.items()}
    short = {rid: _shortened(label) for rid, label in full.items()}
    alike = {label for label, count in Counter(short.values()).items() if count > 1}
    numbers: Counter = Counter()
    for rid, label in short.items():
        if label in alike:
            numbers[label] += 1
            short[rid] = f"{label} {numbers[label]}"
    return short


# A chart's row or point label: longer ones keep their start and end (a name, a site, a number).
LABEL_MAX_CHARS = 30


def _shortened(label: str) -> str:
    if len(label) <= LABEL_MAX_CHARS:
        return label
    head = (LABEL_MAX_CHARS - 1) // 2
    return f"{label[:head]}…{label[-(LABEL_MAX_CHARS - 1 - head):]}"


def labelled(review_ids: Iterable[str], labels: Mapping[str, str] | None) -> list[str]:
    """The display label of each review id (the id itself where `labels` has none)."""
    labels = labels or {}
    return [labels.get(review_id, review_id) for review_id in review_ids]


@checks(matrix=[])
def cluster_order(matrix: pd.DataFrame, *, metric: str = "euclidean") -> list:
    """The rows of `matrix` in the leaf order of an average-linkage clustering.

    Scipy's optimal leaf ordering makes the order a function of the data alone (the same matrix
    always gives the same order); missing values count as 0. Fewer than three rows keep their
    order: there is nothing to cluster.

    Parameters
    ----------
    matrix : DataFrame
        One row per item to order, one column per feature.
    metric : str
        A :func:`scipy.spatial.distance.pdist` metric; ``"precomputed"`` reads `matrix` as a
        square distance matrix.
    """
    from scipy.cluster.hierarchy import leaves_list, linkage, optimal_leaf_ordering
    from scipy.spatial.distance import pdist, squareform

    if len(matrix) < 3:
        return list(matrix.index)
    values = matrix.fillna(0).to_numpy(dtype=float)
    if metric == "precomputed":
        distances = squareform(np.clip(values, 0, None), checks=False)
    else:
        distances = pdist(values, metric=metric)
    tree = optimal_leaf_ordering(linkage(distances, method="average"), distances)
    return [matrix.index[i] for i in leaves_list(tree)]


def cells_legible(ax: mpl.axes.Axes, rows: int, columns: int, *, characters: int = 4) -> bool:
    """Whether a `rows` x `columns` grid on `ax` has cells big enough for `characters` of text.

    Judged from the Axes' size in points against the house font size, so the answer follows
    the figure: a bigger figure annotates more cells.
    """
    if rows == 0 or columns == 0:
        return False
    box = ax.get_position()
    width, height = ax.figure.get_size_inches()
    cell_width = box.width * width * 72 / columns
    cell_height = box.height * height * 72 / rows
    return bool(cell_height >= 1.3 * _FONT_SIZE and cell_width >= 0.62 * _FONT_SIZE * characters + 2)


def grid_size(rows: int, columns: int, *, width: float = DOUBLE_COLUMN, cell: float = 0.32,
              minimum: float = 2.4) -> tuple[float, float]:
    """A figure size for a grid chart of `rows` x `columns` cells: `cell` inches a row, at most
    `width` wide and :data:`MAX_FIGURE_HEIGHT` high."""
    return width, min(MAX_FIGURE_HEIGHT, max(minimum, 1.4 + cell * rows))
