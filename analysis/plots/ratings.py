"""Charts of how much each critic likes the film: ratings, verdict signals, sentiment arcs."""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.axes import Axes
from matplotlib.ticker import MaxNLocator

from analysis.signals import SIGNAL_KINDS

_ARC_POINTS = {"peak": ("^", "tab:green"), "lowest": ("v", "tab:red"), "steepest fall": ("x", "black")}


def plot_explicit_vs_inferred(comparison: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """Dot plot on a 0-5 star scale: each review's explicit rating beside its inferred one.

    Parameters
    ----------
    comparison : DataFrame
        :func:`analysis.ratings.rating_comparison` output (``review_id``, ``inferred_stars``,
        ``explicit_stars``, ``explicit_text``).
    ax : Axes, optional
    """
    missing = {"review_id", "inferred_stars", "explicit_stars", "explicit_text"} - set(comparison.columns)
    if missing:
        raise ValueError(f"comparison lacks column(s) {sorted(missing)}; pass rating_comparison() output")
    if ax is None:
        ax = plt.gca()
    rows = comparison.reset_index(drop=True)
    y = np.arange(len(rows))[::-1]
    ax.hlines(y, 0, 5, color="0.85", linewidth=1, zorder=0)
    ax.scatter(rows["inferred_stars"], y, marker="o", s=70, color="tab:blue", label="inferred (model)", zorder=3,
               clip_on=False)
    has_explicit = rows["explicit_stars"].notna().to_numpy()
    ax.scatter(
        rows.loc[has_explicit, "explicit_stars"], y[has_explicit], marker="D", s=70, color="tab:orange",
        label="explicit (printed)", zorder=4, clip_on=False,
    )
    for row_y, row in zip(y, rows.itertuples(index=False)):
        note = f"\u201c{row.explicit_text}\u201d" if isinstance(row.explicit_text, str) else "no explicit rating"
        ax.annotate(note, (5, row_y), xytext=(12, 0), textcoords="offset points", va="center", fontsize=9)
    ax.set_yticks(y, rows["review_id"])
    ax.set_xlim(0, 5)
    ax.set_xlabel("stars (0-5): explicit = normalised x 5, inferred = 5 x P(positive)")
    ax.set_ylabel("review")
    ax.set_title("Explicit and inferred rating per review")
    ax.legend(loc="lower left", frameon=True)
    return ax


def plot_signals_by_kind(
    signals: pd.DataFrame, *, review_ids: Sequence[str] | None = None, ax: Axes | None = None
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
    ax : Axes, optional
    """
    missing = {"review_id", "kind", "weight"} - set(signals.columns)
    if missing:
        raise ValueError(f"signals lacks column(s) {sorted(missing)}; pass find_signals() output")
    if ax is None:
        ax = plt.gca()
    ids = list(review_ids) if review_ids is not None else sorted(signals["review_id"].unique())
    y = np.arange(len(ids))[::-1]
    colours = dict(zip(SIGNAL_KINDS, sns.color_palette("colorblind", len(SIGNAL_KINDS))))
    right = np.zeros(len(ids))
    left = np.zeros(len(ids))
    for kind in SIGNAL_KINDS:
        of_kind = signals[signals["kind"] == kind]
        positive = of_kind[of_kind["weight"] > 0].groupby("review_id")["weight"].sum().reindex(ids, fill_value=0.0)
        negative = of_kind[of_kind["weight"] < 0].groupby("review_id")["weight"].sum().reindex(ids, fill_value=0.0)
        if not (positive.any() or negative.any()):
            continue
        ax.barh(y, positive.to_numpy(), left=right, color=colours[kind], label=kind.replace("_", " "), height=0.7)
        ax.barh(y, negative.to_numpy(), left=left, color=colours[kind], height=0.7, hatch="//", edgecolor="white")
        right += positive.to_numpy()
        left += negative.to_numpy()
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_yticks(y, ids)
    ax.set_xlabel("sum of cue weights (left of 0: reservations and criticism, hatched)")
    ax.set_ylabel("review")
    ax.set_title("Verdict signals in the prose, by kind")
    ax.legend(title="signal kind", loc="upper left", bbox_to_anchor=(1.01, 1), frameon=True)
    return ax


def plot_sentiment_arc(
    arc: pd.DataFrame, *, review_id: str, turns: pd.DataFrame | None = None, ax: Axes | None = None
) -> Axes:
    """One review's judgement sentence by sentence: raw dots and the smoothed line.

    Parameters
    ----------
    arc : DataFrame
        :func:`analysis.arcs.sentiment_arc` output.
    review_id : str
        The review to draw.
    turns : DataFrame, optional
        :func:`analysis.arcs.arc_turns` output; its points for this review are marked.
    ax : Axes, optional
    """
    known = sorted(arc["review_id"].unique())
    if review_id not in known:
        raise ValueError(f"review_id {review_id!r} is not in arc; valid: {known}")
    if ax is None:
        ax = plt.gca()
    rows = arc[arc["review_id"] == review_id].sort_values("sentence_index", kind="mergesort")
    ax.axhline(0, color="0.6", linewidth=0.8)
    ax.scatter(rows["sentence_index"], rows["judgement"], s=12, color="0.6", label="sentence")
    ax.plot(rows["sentence_index"], rows["smoothed_judgement"], color="tab:blue", linewidth=2, label="moving average")
    if turns is not None:
        for point, (marker, colour) in _ARC_POINTS.items():
            picked = turns[(turns["review_id"] == review_id) & (turns["point"] == point)]
            ax.scatter(picked["sentence_index"], picked["smoothed_judgement"], marker=marker, s=80,
                       color=colour, label=point, zorder=4)
    ax.set_ylim(-1, 1)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("sentence (reading order)")
    ax.set_ylabel("judgement (-1 to +1)")
    ax.set_title(f"Review {review_id}")
    return ax


def plot_sentiment_arcs(
    arc: pd.DataFrame,
    *,
    axes: Sequence[Axes],
    turns: pd.DataFrame | None = None,
    review_ids: Sequence[str] | None = None,
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
        plot_sentiment_arc(arc, review_id=review_id, turns=turns, ax=ax)
    spare = axes[len(ids):]
    for ax in spare:
        ax.set_visible(False)
    if ids and spare:
        handles, labels = axes[0].get_legend_handles_labels()
        spare[0].set_visible(True)
        spare[0].axis("off")
        spare[0].legend(handles, labels, loc="center", frameon=False)
    elif ids:
        axes[0].legend(loc="lower left", fontsize=8, frameon=True)
    return axes
