"""Charts of how much each critic likes the film: ratings, verdict signals, sentiment arcs."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.axes import Axes
from matplotlib.ticker import MaxNLocator
from matplotlib.transforms import offset_copy

from analysis.plots import labelled, legend_outside
from analysis.signals import SIGNAL_KINDS
from analysis.tables import checks

# What the arc plots read of analysis.arcs.sentiment_arc and arc_turns.
ARC_COLUMNS = ["review_id", "sentence_index", "judgement", "smoothed_judgement"]
TURN_COLUMNS = ["review_id", "point", "sentence_index", "smoothed_judgement"]

_ARC_POINTS = {"peak": ("^", "tab:green"), "lowest": ("v", "tab:red"), "steepest fall": ("x", "black")}


@checks(comparison=["review_id", "inferred_stars", "explicit_stars", "explicit_text"])
def plot_explicit_vs_inferred(
    comparison: pd.DataFrame, *, labels: Mapping[str, str] | None = None, ax: Axes | None = None
) -> Axes:
    """Dot plot on a 0-5 star scale: each review's explicit rating beside its inferred one.

    Parameters
    ----------
    comparison : DataFrame
        :func:`analysis.ratings.rating_comparison` output (``review_id``, ``inferred_stars``,
        ``explicit_stars``, ``explicit_text``).
    labels : mapping of str to str, optional
        Review id -> the name to show (:func:`analysis.plots.critic_labels`).
    ax : Axes, optional
    """
    if ax is None:
        ax = plt.gca()
    rows = comparison.reset_index(drop=True)
    y = np.arange(len(rows))[::-1]
    ax.hlines(y, 0, 5, color="0.85", linewidth=1, zorder=0)
    ax.scatter(rows["inferred_stars"], y, marker="o", s=30, color="tab:blue", label="inferred (model)", zorder=3,
               clip_on=False)
    has_explicit = rows["explicit_stars"].notna().to_numpy()
    ax.scatter(
        rows.loc[has_explicit, "explicit_stars"], y[has_explicit], marker="D", s=30, color="tab:orange",
        label="explicit (printed)", zorder=4, clip_on=False,
    )
    for row_y, row in zip(y, rows.itertuples(index=False)):
        note = f"\u201c{row.explicit_text}\u201d" if isinstance(row.explicit_text, str) else "no explicit rating"
        ax.annotate(note, (5.3, row_y), xytext=(4, 0), textcoords="offset points", va="center", fontsize=6,
                    annotation_clip=False)
    ax.set_yticks(y, labelled(rows["review_id"], labels))
    # Margins on both sides keep a marker at 0 or 5 stars whole.
    ax.set_xlim(-0.3, 5.3)
    ax.set_ylim(-0.7, len(rows) - 0.3)
    ax.set_xlabel("stars (0-5): explicit = normalised x 5, inferred = expected from P(positive)")
    ax.set_ylabel("review")
    ax.set_title("Explicit and inferred rating per review")
    # Under the x label whatever the number of rows: placed in points below the Axes.
    below = offset_copy(ax.transAxes, fig=ax.figure, y=-30, units="points")
    ax.legend(loc="upper left", bbox_to_anchor=(0, 0), bbox_transform=below, ncols=2, frameon=False)
    return ax


@checks(signals=["review_id", "kind", "weight"])
def plot_signals_by_kind(
    signals: pd.DataFrame,
    *,
    review_ids: Sequence[str] | None = None,
    words: Mapping[str, int] | None = None,
    labels: Mapping[str, str] | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Diverging stacked bars: each review's verdict signals, summed weight by kind and sign.

    Praise (positive weights) stacks to the right of zero, reservations and criticism to the
    left, so a bar's length shows how much the prose commits and its sides how it leans.

    Parameters
    ----------
    signals : DataFrame
        :func:`analysis.signals.find_signals` output (``review_id``, ``kind``, ``weight``).
    review_ids : sequence of str, optional
        Reviews to show, top to bottom (those without signals get an empty row).
    words : mapping of str to int, optional
        Review id -> body words; the weights are then per 1,000 words, so a long review does
        not look more committed for being long.
    labels : mapping of str to str, optional
        Review id -> the name to show (:func:`analysis.plots.critic_labels`).
    ax : Axes, optional
    """
    if ax is None:
        ax = plt.gca()
    ids = list(review_ids) if review_ids is not None else sorted(signals["review_id"].unique())
    y = np.arange(len(ids))[::-1]
    scale = np.array([1000 / max(words[i], 1) for i in ids]) if words is not None else np.ones(len(ids))
    colours = dict(zip(SIGNAL_KINDS, sns.color_palette("colorblind", len(SIGNAL_KINDS))))
    right = np.zeros(len(ids))
    left = np.zeros(len(ids))
    for kind in SIGNAL_KINDS:
        of_kind = signals[signals["kind"] == kind]
        positive = of_kind[of_kind["weight"] > 0].groupby("review_id")["weight"].sum().reindex(ids, fill_value=0.0) * scale
        negative = of_kind[of_kind["weight"] < 0].groupby("review_id")["weight"].sum().reindex(ids, fill_value=0.0) * scale
        if not (positive.any() or negative.any()):
            continue
        ax.barh(y, positive.to_numpy(), left=right, color=colours[kind], label=kind.replace("_", " "), height=0.7)
        ax.barh(y, negative.to_numpy(), left=left, color=colours[kind], height=0.7, hatch="//", edgecolor="white")
        right += positive.to_numpy()
        left += negative.to_numpy()
    ax.axvline(0, color="black", linewidth=0.8)
    ax.margins(x=0.04)  # no bar runs into the frame
    ax.set_yticks(y, labelled(ids, labels))
    per = " per 1,000 body words" if words is not None else ""
    ax.set_xlabel(f"sum of cue weights{per} (left of 0: reservations and criticism, hatched)")
    ax.set_ylabel("review")
    ax.set_title("Verdict signals in the prose, by kind")
    legend_outside(ax, title="signal kind")
    return ax


@checks(arc=ARC_COLUMNS, review_id=str, turns=TURN_COLUMNS)
def plot_sentiment_arc(
    arc: pd.DataFrame, *, review_id: str, turns: pd.DataFrame | None = None,
    labels: Mapping[str, str] | None = None, ax: Axes | None = None,
) -> Axes:
    """One review's judgement sentence by sentence: raw dots and the smoothed line.

    The x-axis is the position in the review (0 = first sentence, 1 = last), so reviews of any
    length share one scale; each marked turn is labelled with its sentence number.

    Parameters
    ----------
    arc : DataFrame
        :func:`analysis.arcs.sentiment_arc` output.
    review_id : str
        The review to draw.
    turns : DataFrame, optional
        :func:`analysis.arcs.arc_turns` output; its points for this review are marked.
    labels : mapping of str to str, optional
        Review id -> the name to show (:func:`analysis.plots.critic_labels`).
    ax : Axes, optional
    """
    known = sorted(arc["review_id"].unique())
    if review_id not in known:
        raise ValueError(f"review_id {review_id!r} is not in arc; valid: {known}")
    if ax is None:
        ax = plt.gca()
    rows = arc[arc["review_id"] == review_id].sort_values("sentence_index", kind="mergesort")
    last = max(int(rows["sentence_index"].max()), 1)
    ax.axhline(0, color="0.6", linewidth=0.8)
    ax.scatter(rows["sentence_index"] / last, rows["judgement"], s=5, color="0.6", label="sentence")
    ax.plot(rows["sentence_index"] / last, rows["smoothed_judgement"], color="tab:blue", linewidth=1.5,
            label="moving average")
    if turns is not None:
        for point, (marker, colour) in _ARC_POINTS.items():
            picked = turns[(turns["review_id"] == review_id) & (turns["point"] == point)]
            ax.scatter(picked["sentence_index"] / last, picked["smoothed_judgement"], marker=marker, s=30,
                       color=colour, label=point, zorder=4)
            for index, value in zip(picked["sentence_index"], picked["smoothed_judgement"]):
                ax.annotate(f"s{index}", (index / last, value), xytext=(3, 4 if value >= 0 else -9),
                            textcoords="offset points", fontsize=6, color=colour)
    ax.set_ylim(-1.05, 1.05)
    ax.set_xlim(-0.03, 1.03)
    ax.xaxis.set_major_locator(MaxNLocator(5))
    ax.set_xlabel("position in the review (sN = sentence N)")
    ax.set_ylabel("judgement (-1 to +1)")
    ax.set_title(labelled([review_id], labels)[0])
    return ax


@checks(arc=ARC_COLUMNS, turns=TURN_COLUMNS)
def plot_sentiment_arcs(
    arc: pd.DataFrame,
    *,
    axes: Sequence[Axes],
    turns: pd.DataFrame | None = None,
    review_ids: Sequence[str] | None = None,
    labels: Mapping[str, str] | None = None,
) -> Sequence[Axes]:
    """Small multiples: :func:`plot_sentiment_arc` for every review, one per Axes in `axes`.

    The legend goes on the first spare Axes (its frame hidden), else on the first Axes; further
    spare Axes are hidden. Reviews are drawn in the order of `review_ids` (default: sorted).
    """
    ids = list(review_ids) if review_ids is not None else sorted(arc["review_id"].unique())
    axes = list(np.ravel(axes))
    if len(axes) < len(ids):
        raise ValueError(f"axes has {len(axes)} Axes for {len(ids)} reviews; pass at least {len(ids)}")
    for ax, review_id in zip(axes, ids):
        plot_sentiment_arc(arc, review_id=review_id, turns=turns, labels=labels, ax=ax)
        # One pair of axis labels for the whole grid: per panel they would run into each other.
        ax.set_xlabel("")
        ax.set_ylabel("")
        ax.set_xticks([0, 0.5, 1], ["start", "middle", "end"])
    if ids:
        figure = axes[0].figure
        figure.supxlabel("position in the review (sN = sentence N)", fontsize=8)
        figure.supylabel("judgement (-1 criticism to +1 praise)", fontsize=8)
    spare = axes[len(ids):]
    for ax in spare:
        ax.set_visible(False)
    if ids and spare:
        handles, labels = axes[0].get_legend_handles_labels()
        spare[0].set_visible(True)
        spare[0].axis("off")
        spare[0].legend(handles, labels, loc="center", frameon=False)
    elif ids:
        axes[0].legend(loc="lower left", fontsize=6, frameon=True)
    return axes
