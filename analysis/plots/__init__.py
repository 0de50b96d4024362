"""Plotting: one house style and one export helper shared by every figure.

Plot functions live in the submodules (``analysis.plots.corpus``, ``.vocabulary``, ``.praise``,
``.ratings``). Each takes tidy data first, options keyword-only and ``ax=None``, draws on that
Axes only and returns it; none calls ``show()`` or ``savefig``. Figures are written only by
:class:`FigureExporter`, which fixes dpi, strips timestamps and salts SVG ids so a rerun gives
byte-identical files.

Figures are made for a paper: seaborn's "paper" context, :data:`FULL_WIDTH` (a 6.5 in text
column) or :data:`SINGLE_COLUMN` (3.5 in) wide, heights that follow the data, SVG text kept as
text so it stays editable. Reviews are labelled by critic (:func:`critic_labels`), and heatmaps
order their rows by clustering (:func:`cluster_order`) and write numbers in their cells only
while the cells are large enough to read them (:func:`cells_legible`).
"""

from __future__ import annotations

import sys
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

DPI = 300
SVG_HASH_SALT = "comparative-criticism"
FIGURE_FORMATS = ("png", "svg", "pdf")
# A paper's text column and a single column of a two-column layout, in inches.
FULL_WIDTH = 6.5
SINGLE_COLUMN = 3.5
# seaborn's "paper" context sets 8-9.6 pt text, legible at the widths above.
_FONT_SIZE = 8.0


def set_style() -> None:
    """Apply the house style (seaborn ``whitegrid`` in the "paper" context) to matplotlib.

    SVG text is written as text (``svg.fonttype: none``), so a figure's words stay editable and
    searchable in the SVG file.
    """
    sns.set_theme(context="paper", style="whitegrid", palette="colorblind")
    mpl.rcParams.update(
        {
            "figure.dpi": 150,
            "savefig.dpi": DPI,
            "savefig.bbox": "tight",
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

        In a notebook the figure is shown here, with its name and caption in the output's
        metadata (the reports caption it and the PDF report embeds ``name.pdf``), and closed, so
        it is not shown twice. Returns nothing, so that a notebook cell ending in this call shows
        no file paths (they would differ between checkouts and break nbval's comparison).
        """
        self.folder.mkdir(parents=True, exist_ok=True)
        figure.savefig(self.folder / f"{name}.png", dpi=DPI, metadata={"Software": None})
        with mpl.rc_context({"svg.hashsalt": SVG_HASH_SALT, "svg.fonttype": "none"}):
            figure.savefig(self.folder / f"{name}.svg", metadata={"Date": None, "Creator": None})
        figure.savefig(self.folder / f"{name}.pdf", metadata={"CreationDate": None, "ModDate": None, "Creator": None, "Producer": None})
        record_caption(self.folder, name, caption=caption, notebook=self.notebook)
        _show_with_caption(figure, name, caption)


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


def new_figure(width: float = FULL_WIDTH, height: float = 3.5) -> tuple[mpl.figure.Figure, mpl.axes.Axes]:
    """A figure and Axes in the house size (a paper's text column wide)."""
    return plt.subplots(figsize=(width, height))


# Small multiples stay readable up to this many panels, a chart with one row per review up to
# this many rows; past them a chart shows the longest reviews and says so.
MAX_PANELS = 12
MAX_ROWS = 40
ROW_INCHES = 0.22
MAX_FIGURE_HEIGHT = 9.0


def rows_height(rows: int, *, minimum: float) -> float:
    """A figure height for a chart of `rows` rows: `minimum` inches, growing with the rows, capped."""
    return min(MAX_FIGURE_HEIGHT, max(minimum, ROW_INCHES * rows))


def small_multiples(
    count: int, *, columns: int = 3, width: float = FULL_WIDTH, row_height: float = 2.2, **subplots
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
        label that two reviews would share gets the review id after it, so every label is unique.

    Examples
    --------
    >>> from types import SimpleNamespace as Review
    >>> critic_labels([Review(id="000", author=None, publication="a blog"),
    ...                Review(id="001", author="Ann Lee", publication="a blog"),
    ...                Review(id="002", author=None, publication="a blog"),
    ...                Review(id="003", author=None, publication=None)])
    {'000': 'a blog · 000', '001': 'Ann Lee', '002': 'a blog · 002', '003': '003'}
    """
    chosen = {}
    for review in reviews:
        names = (getattr(review, "label", None), review.author, review.publication)
        chosen[review.id] = next((name.strip() for name in names if isinstance(name, str) and name.strip()), review.id)
    repeated = {label for label, count in Counter(chosen.values()).items() if count > 1}
    return {rid: f"{label} · {rid}" if label in repeated and label != rid else label for rid, label in chosen.items()}


def labelled(review_ids: Iterable[str], labels: Mapping[str, str] | None) -> list[str]:
    """The display label of each review id (the id itself where `labels` has none)."""
    labels = labels or {}
    return [labels.get(review_id, review_id) for review_id in review_ids]


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


def grid_size(rows: int, columns: int, *, width: float = FULL_WIDTH, cell: float = 0.32,
              minimum: float = 2.4) -> tuple[float, float]:
    """A figure size for a grid chart of `rows` x `columns` cells: `cell` inches a row, at most
    `width` wide and :data:`MAX_FIGURE_HEIGHT` high."""
    return width, min(MAX_FIGURE_HEIGHT, max(minimum, 1.4 + cell * rows))
