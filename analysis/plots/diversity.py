"""Charts of lexical diversity against review length: TTR, MATTR and MTLD.

Every function takes :func:`analysis.vocabulary_measures.vocabulary_measures`' table, draws on one Axes
(``ax=None``: the current one) and returns it.
"""

from __future__ import annotations

from collections.abc import Mapping

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes

from analysis.plots import MAX_VECTOR_MARKS, labelled
from analysis.tables import checks

# Points are named while there are at most this many.
MAX_POINT_LABELS = 12


def _label_points(ax: Axes, xs, ys, names: list[str]) -> None:
    """Name each point, while there are few enough points for names to stay apart."""
    if len(names) > MAX_POINT_LABELS:
        return
    points = sorted(zip(xs, ys, names), key=lambda point: (point[0], point[1], point[2]))
    # Neighbours along x take turns above and below their point, so close names stay apart.
    for rank, (x, y, name) in enumerate(points):
        ax.annotate(name, (x, y), xytext=(4, 3 if rank % 2 == 0 else -9), textcoords="offset points", fontsize=6)


@checks(measures=["review_id", "tokens", "ttr", "mattr", "mattr_window"])
def plot_diversity_by_length(
    measures: pd.DataFrame, *, labels: Mapping[str, str] | None = None, ax: Axes | None = None
) -> Axes:
    """TTR and MATTR against review length: raw TTR falls with length, MATTR much less.

    Each review's two values are joined by a line and the review is named once, beside its
    MATTR (names are left out past :data:`MAX_POINT_LABELS` reviews).

    Parameters
    ----------
    measures : DataFrame
        :func:`analysis.vocabulary_measures.vocabulary_measures` output (``review_id``, ``tokens``,
        ``ttr``, ``mattr``, ``mattr_window``).
    labels : mapping of str to str, optional
        Review id -> the name to show (:func:`analysis.plots.critic_labels`).
    ax : Axes, optional
    """
    if ax is None:
        ax = plt.gca()
    window = int(measures["mattr_window"].iloc[0]) if len(measures) else 50
    many = len(measures) > MAX_VECTOR_MARKS
    ax.vlines(measures["tokens"], measures["ttr"], measures["mattr"], color="0.8", linewidth=1, zorder=1, rasterized=many)
    for column, label, marker in (("ttr", "type-token ratio", "o"), ("mattr", f"MATTR (window {window})", "s")):
        # Unclipped: a marker on the frame (the largest value) stays whole.
        ax.scatter(measures["tokens"], measures[column], label=label, marker=marker, s=25, zorder=2, clip_on=False,
                   rasterized=many)
    _label_points(ax, measures["tokens"], measures["mattr"], labelled(measures["review_id"], labels))
    ax.set_xlabel("word tokens in the review body")
    ax.set_ylabel("ratio of types to tokens")
    ax.set_ylim(0, 1.05)
    ax.set_title("Lexical diversity against length")
    ax.legend(loc="lower left", frameon=True)
    return ax


@checks(measures=["review_id", "tokens", "mtld", "mtld_threshold"])
def plot_mtld_by_length(
    measures: pd.DataFrame, *, labels: Mapping[str, str] | None = None, ax: Axes | None = None
) -> Axes:
    """MTLD against review length: the length-robust diversity measure on its own scale.

    Parameters
    ----------
    measures : DataFrame
        :func:`analysis.vocabulary_measures.vocabulary_measures` output (``review_id``, ``tokens``,
        ``mtld``, ``mtld_threshold``).
    labels : mapping of str to str, optional
    ax : Axes, optional
    """
    if ax is None:
        ax = plt.gca()
    threshold = float(measures["mtld_threshold"].iloc[0]) if len(measures) else 0.72
    ax.scatter(measures["tokens"], measures["mtld"], marker="D", s=25, color="C2", clip_on=False,
               rasterized=len(measures) > MAX_VECTOR_MARKS)
    _label_points(ax, measures["tokens"], measures["mtld"], labelled(measures["review_id"], labels))
    ax.set_xlabel("word tokens in the review body")
    ax.set_ylabel(f"MTLD (TTR threshold {threshold:g})")
    ax.set_ylim(0, None)
    ax.set_title("MTLD against length")
    return ax
