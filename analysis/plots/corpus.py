"""Charts of what the corpus files contain."""

from __future__ import annotations

from collections.abc import Mapping

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes

from analysis.plots import labelled, legend_outside
from analysis.tables import checks

# Stacking order: the review itself first, then what surrounds it on the page.
SEGMENT_ORDER = ("header", "body", "rating", "author_bio", "comment", "boilerplate")


@checks(segments=["review_id", "label"])
def plot_segment_composition(
    segments: pd.DataFrame, *, value: str = "words", labels: Mapping[str, str] | None = None, ax: Axes | None = None
) -> Axes:
    """Stacked horizontal bars: how much of each raw file is body, comments, boilerplate ...

    Parameters
    ----------
    segments : DataFrame
        :func:`analysis.overview.segment_table` output (``review_id``, ``label`` and `value`).
    value : {"words", "characters"}
        What to add up per label.
    labels : mapping of str to str, optional
        Review id -> the name to show (:func:`analysis.plots.critic_labels`).
    ax : Axes, optional

    Rows keep the order of `segments`, top to bottom. Each legend entry gives the label's total,
    so a layer too thin to see in the bars is still accounted for.
    """
    if value not in ("words", "characters"):
        raise ValueError(f"value must be 'words' or 'characters', got {value!r}")
    if ax is None:
        ax = plt.gca()
    order = list(dict.fromkeys(segments["review_id"]))
    wide = segments.pivot_table(index="review_id", columns="label", values=value, aggfunc="sum", fill_value=0)
    kinds = [label for label in SEGMENT_ORDER if label in wide.columns]
    wide = wide.reindex(index=order[::-1], columns=kinds, fill_value=0)
    left = pd.Series(0.0, index=wide.index)
    for colour, kind in enumerate(kinds):
        total = int(wide[kind].sum())
        ax.barh(labelled(wide.index, labels), wide[kind], left=left, height=0.7, color=f"C{colour}",
                label=f"{kind.replace('_', ' ')} ({total:,})")
        left += wide[kind]
    # Room to the right of the longest bar, so no bar runs into the frame.
    ax.set_xlim(0, max(1.0, float(left.max())) * 1.04)
    ax.set_xlabel(f"{value} in the raw file")
    ax.set_ylabel("review")
    ax.set_title(f"What each review file contains ({value} by segment label)")
    legend_outside(ax, title=f"segment ({value} in all files)")
    return ax
