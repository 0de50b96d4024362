"""Charts of what the corpus files contain."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes

# Stacking order: the review itself first, then what surrounds it on the page.
SEGMENT_ORDER = ("header", "body", "rating", "author_bio", "comment", "boilerplate")


def plot_segment_composition(segments: pd.DataFrame, *, value: str = "words", ax: Axes | None = None) -> Axes:
    """Stacked horizontal bars: how much of each raw file is body, comments, boilerplate ...

    Parameters
    ----------
    segments : DataFrame
        :func:`analysis.overview.segment_table` output (``review_id``, ``label`` and `value`).
    value : {"words", "characters"}
        What to add up per label.
    ax : Axes, optional
    """
    if value not in ("words", "characters"):
        raise ValueError(f"value must be 'words' or 'characters', got {value!r}")
    if ax is None:
        ax = plt.gca()
    wide = segments.pivot_table(index="review_id", columns="label", values=value, aggfunc="sum", fill_value=0)
    labels = [label for label in SEGMENT_ORDER if label in wide.columns]
    wide = wide[labels].sort_index(ascending=False)
    wide.plot.barh(stacked=True, ax=ax, width=0.7)
    ax.set_xlabel(f"{value} in the raw file")
    ax.set_ylabel("review")
    ax.set_title(f"What each review file contains ({value} by segment label)")
    ax.legend(title="segment", loc="lower right", frameon=True)
    return ax
