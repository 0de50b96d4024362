"""Charts of who and what each critic praises or faults (:mod:`analysis.praise`)."""

from __future__ import annotations

from collections.abc import Mapping

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.colors import ListedColormap
from matplotlib.patches import Rectangle

from analysis.plots import cells_legible, cluster_order, labelled, legend_outside
from analysis.verdicts import VERDICTS
from analysis.tables import checks

# The praise-table columns the heatmap reads (analysis.verdicts.praise_table gives them all).
PRAISE_TABLE_COLUMNS = ["review_id", "target", "target_kind", "mentions", "praise", "criticism"]

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


@checks(table=["praise", "criticism"])
def judged_balance(table: pd.DataFrame) -> pd.Series:
    """(praise − criticism) / (praise + criticism) per row of a praise table; NaN where no
    sentence is judged either way.

    Unlike ``net_judgement`` (divided by every mentioning sentence), plot summary does not dilute
    it: twenty mentions with five praise sentences colour as deeply as one praise sentence.
    """
    judged = table["praise"] + table["criticism"]
    return ((table["praise"] - table["criticism"]) / judged.where(judged > 0)).rename("balance")


@checks(table=PRAISE_TABLE_COLUMNS)
def plot_praise_heatmap(
    table: pd.DataFrame,
    *,
    annotate: str = "mentions",
    review_ids: list[str] | None = None,
    labels: Mapping[str, str] | None = None,
    cluster: bool = True,
    ax: Axes | None = None,
) -> Axes:
    """Heatmap review x target: colour = balance of praise and criticism, number = mentions.

    A cell is blue where the review's judged sentences on the target are praise, red where they
    are criticism (:func:`judged_balance`), grey where it only mentions the target (neutral), and
    left blank, hatched, where it never mentions it.

    Parameters
    ----------
    table : DataFrame
        :func:`analysis.verdicts.praise_table` output.
    annotate : str
        The column written in each cell (only while cells are big enough to read,
        :func:`analysis.plots.cells_legible`).
    review_ids : list of str, optional
        Rows to show (default: the reviews in `table`); a review that mentions no target gets an
        empty row.
    labels : mapping of str to str, optional
        Review id -> the name to show (:func:`analysis.plots.critic_labels`).
    cluster : bool
        Order the rows by clustering their colours (:func:`analysis.plots.cluster_order`), so
        critics who judge alike sit together; else keep `review_ids`' order.
    ax : Axes, optional
    """
    if annotate not in table.columns:
        raise ValueError(f"annotate={annotate!r} is not a column of the table; columns are {list(table.columns)}")
    if ax is None:
        ax = plt.gca()
    ax.set_xlabel("target (people, then craft aspects)")
    ax.set_ylabel("review")
    ax.set_title("Who and what each review praises (blue) or faults (red)")
    if table.empty:
        return _no_mentions(ax)
    rows = list(review_ids) if review_ids is not None else list(dict.fromkeys(table["review_id"]))
    columns = _target_order(table)
    balance = table.assign(balance=judged_balance(table))
    colours = balance.pivot(index="review_id", columns="target", values="balance").reindex(index=rows, columns=columns)
    mentioned = table.pivot(index="review_id", columns="target", values="mentions").reindex(index=rows, columns=columns)
    if cluster:
        rows = cluster_order(colours)
        colours, mentioned = colours.loc[rows], mentioned.loc[rows]
    numbers = table.pivot(index="review_id", columns="target", values=annotate).reindex(index=rows, columns=columns)
    neutral_only = mentioned.notna() & colours.isna()
    image = ax.pcolormesh(np.ma.masked_invalid(colours.to_numpy(dtype=float)), cmap="RdBu", vmin=-1, vmax=1,
                          edgecolors="white", linewidth=0.5)
    grey = np.where(neutral_only.to_numpy(), 1.0, np.nan)
    ax.pcolormesh(np.ma.masked_invalid(grey), cmap=ListedColormap([VERDICT_COLOURS["neutral"]]),
                  edgecolors="white", linewidth=0.5)
    # Not mentioned: the hatched background shows through the cells left empty.
    ax.add_patch(Rectangle((0, 0), len(columns), len(rows), facecolor="white", hatch="////",
                           edgecolor="0.88", linewidth=0, zorder=0))
    if cells_legible(ax, len(rows), len(columns), characters=2):
        for (y, x), value in np.ndenumerate(numbers.to_numpy(dtype=float)):
            if not np.isnan(value):
                dark = abs(colours.iat[y, x]) > 0.6 if not np.isnan(colours.iat[y, x]) else False
                ax.text(x + 0.5, y + 0.5, f"{int(value)}", ha="center", va="center", fontsize=7,
                        color="white" if dark else "black")
    ax.set_xticks(np.arange(len(columns)) + 0.5, columns, rotation=90)
    ax.set_yticks(np.arange(len(rows)) + 0.5, labelled(rows, labels))
    ax.set_xlim(0, len(columns))
    ax.set_ylim(len(rows), 0)
    ax.grid(False)
    bar = ax.figure.colorbar(image, ax=ax, shrink=0.8, pad=0.02)
    bar.set_label("(praise − criticism) / judged sentences\ngrey: only neutral mentions; hatched: none")
    return ax


@checks(table=["review_id", "target", "target_kind", "mentions", "verdict"])
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
        :func:`analysis.verdicts.praise_table` output.
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
    legend_outside(ax, title="verdict")
    return ax
