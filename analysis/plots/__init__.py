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
