"""Plotting: one house style and one export helper shared by every figure.

Plot functions live in the submodules (``analysis.plots.corpus``, ``.vocabulary``, ``.praise``,
``.ratings``). Each takes tidy data first, options keyword-only and ``ax=None``, draws on that
Axes only and returns it; none calls ``show()`` or ``savefig``. Figures are written only by
:class:`FigureExporter`, which fixes dpi, strips timestamps and salts SVG ids so a rerun gives
byte-identical files.
"""

from __future__ import annotations

import json
from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns

from analysis.paths import CAPTIONS_FILE, study_figures_dir

DPI = 300
SVG_HASH_SALT = "comparative-criticism"


def set_style() -> None:
    """Apply the house style (seaborn ``whitegrid``, fixed fonts and sizes) to matplotlib."""
    sns.set_theme(context="notebook", style="whitegrid", palette="colorblind")
    mpl.rcParams.update(
        {
            "figure.dpi": 100,
            "savefig.dpi": DPI,
            "savefig.bbox": "tight",
            "svg.hashsalt": SVG_HASH_SALT,
            "svg.fonttype": "path",
            "font.family": "DejaVu Sans",
        }
    )


class FigureExporter:
    """Write a notebook's figures as PNG and SVG, and record each caption.

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
        """Save `figure` as ``name.png`` (300 dpi) and ``name.svg`` and record its caption.

        Returns nothing, so that a notebook cell ending in this call shows no file paths (they
        would differ between checkouts and break nbval's comparison).
        """
        self.folder.mkdir(parents=True, exist_ok=True)
        paths = [self.folder / f"{name}.png", self.folder / f"{name}.svg"]
        figure.savefig(paths[0], dpi=DPI, metadata={"Software": None})
        with mpl.rc_context({"svg.hashsalt": SVG_HASH_SALT}):
            figure.savefig(paths[1], metadata={"Date": None, "Creator": None})
        self._record(name, caption)

    def _record(self, name: str, caption: str) -> None:
        index_path = self.folder / CAPTIONS_FILE
        index = json.loads(index_path.read_text(encoding="utf-8")) if index_path.exists() else {}
        index[name] = {"caption": caption, "notebook": self.notebook}
        index_path.write_text(
            json.dumps(index, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8"
        )


def new_figure(width: float = 8.0, height: float = 5.0) -> tuple[mpl.figure.Figure, mpl.axes.Axes]:
    """A figure and Axes in the house size."""
    return plt.subplots(figsize=(width, height))


# Small multiples stay readable up to this many panels, a chart with one row per review up to
# this many rows; past them a chart shows the longest reviews and says so.
MAX_PANELS = 12
MAX_ROWS = 40
ROW_INCHES = 0.3
MAX_FIGURE_HEIGHT = 20.0


def rows_height(rows: int, *, minimum: float) -> float:
    """A figure height for a chart of `rows` rows: `minimum` inches, growing with the rows, capped."""
    return min(MAX_FIGURE_HEIGHT, max(minimum, ROW_INCHES * rows))


def small_multiples(
    count: int, *, columns: int = 3, width: float = 13.5, row_height: float = 3.5, **subplots
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
