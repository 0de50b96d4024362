"""Charts of who and what each critic praises or faults (:mod:`analysis.praise`)."""

from __future__ import annotations

import warnings

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.axes import Axes

from analysis.praise import VERDICTS

# Verdict colours: praise blue and criticism red as in the heatmap's diverging map, mixed purple,
# neutral and silence greys.
VERDICT_COLOURS = {
    "praise": "#2166ac",
    "mixed": "#9970ab",
    "neutral": "#bdbdbd",
    "criticism": "#b2182b",
    "not mentioned": "#f0f0f0",
}


def _no_mentions(ax: Axes) -> Axes:
    ax.text(0.5, 0.5, "no review mentions any target", ha="center", va="center", transform=ax.transAxes)
    ax.set_xticks([])
    ax.set_yticks([])
    return ax


def _target_order(table: pd.DataFrame) -> list[str]:
    """People first, then aspects; within each, most mentions first, then by name."""
    totals = table.groupby(["target_kind", "target"], as_index=False)["mentions"].sum()
    totals["kind_rank"] = (totals["target_kind"] != "person").astype(int)
    totals = totals.sort_values(["kind_rank", "mentions", "target"], ascending=[True, False, True], kind="mergesort")
    return list(totals["target"])


def plot_praise_heatmap(
    table: pd.DataFrame,
    *,
    value: str = "net_judgement",
    annotate: str = "mentions",
    review_ids: list[str] | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Heatmap review x target: colour = net judgement, number = sentences mentioning the target.

    Parameters
    ----------
    table : DataFrame
        :func:`analysis.praise.praise_table` output.
    value : str
        The column that colours a cell, from -1 (all criticism) to 1 (all praise).
    annotate : str
        The column written in each cell.
    review_ids : list of str, optional
        Rows to show, in order (default: the reviews in `table`); a review that mentions no
        target gets an empty row.
    ax : Axes, optional

    Blank cells are targets the review does not mention.
    """
    for name, column in (("value", value), ("annotate", annotate)):
        if column not in table.columns:
            raise ValueError(f"{name}={column!r} is not a column of the table; columns are {list(table.columns)}")
    if ax is None:
        ax = plt.gca()
    ax.set_xlabel("target (people, then craft aspects)")
    ax.set_ylabel("review")
    ax.set_title("Who and what each review praises (blue) or faults (red); numbers = sentences")
    if table.empty:
        return _no_mentions(ax)
    rows = review_ids if review_ids is not None else sorted(table["review_id"].unique())
    columns = _target_order(table)
    colours = table.pivot(index="review_id", columns="target", values=value).reindex(index=rows, columns=columns)
    numbers = table.pivot(index="review_id", columns="target", values=annotate).reindex(index=rows, columns=columns)
    labels = numbers.map(lambda n: "" if pd.isna(n) else f"{int(n)}")
    with warnings.catch_warnings():
        # seaborn 0.13 calls Colormap.set_bad, which matplotlib 3.11 marks for deprecation; the
        # warning would otherwise reach every notebook that draws this chart.
        warnings.filterwarnings("ignore", category=PendingDeprecationWarning, module="seaborn")
        sns.heatmap(
            colours.astype(float), ax=ax, cmap="RdBu", vmin=-1, vmax=1, center=0,
            annot=labels.to_numpy(), fmt="", linewidths=0.5, linecolor="white",
            cbar_kws={"label": "net judgement: (praise - criticism) / mentions"},
        )
    ax.grid(False)  # blank cells (not mentioned) must stay blank
    ax.tick_params(axis="x", labelrotation=90)
    ax.tick_params(axis="y", labelrotation=0)
    return ax


def plot_dissent(
    table: pd.DataFrame,
    *,
    review_ids: list[str] | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Stacked bars per target: how many reviews praise it, are mixed, neutral, fault it or are silent.

    Parameters
    ----------
    table : DataFrame
        :func:`analysis.praise.praise_table` output.
    review_ids : list of str, optional
        Every review of the corpus, so that a review silent on every target still counts as
        silent (default: the reviews in `table`).
    ax : Axes, optional

    Targets are ordered as in the heatmap, top to bottom.
    """
    if ax is None:
        ax = plt.gca()
    ax.set_xlabel("reviews")
    ax.set_ylabel("target")
    ax.set_title("Where the critics agree and where they split: verdicts per target")
    if table.empty:
        return _no_mentions(ax)
    if review_ids is None:
        review_ids = sorted(table["review_id"].unique())
    order = _target_order(table)
    counts = pd.crosstab(table["target"], table["verdict"]).reindex(index=order, columns=list(VERDICTS), fill_value=0)
    counts["not mentioned"] = len(review_ids) - counts.sum(axis=1)
    left = np.zeros(len(order))
    positions = np.arange(len(order))
    for verdict, colour in VERDICT_COLOURS.items():
        widths = counts[verdict].to_numpy()
        ax.barh(positions, widths, left=left, color=colour, label=verdict, height=0.7, edgecolor="white")
        left += widths
    ax.set_yticks(positions, labels=order)
    ax.invert_yaxis()
    ax.set_xlim(0, len(review_ids))
    ax.legend(title="verdict", loc="upper left", bbox_to_anchor=(1.01, 1), frameon=True)
    return ax
