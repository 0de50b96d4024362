"""Charts of the reviews' vocabularies: overlap, similarity, keyness, dispersion.

Every function takes a tidy table from :mod:`analysis.vocabulary`, :mod:`analysis.keyness` or
:mod:`analysis.concordance`, draws on one Axes (``ax=None``: the current one) and returns it.
Lexical diversity against length is in :mod:`analysis.plots.diversity`, word clouds in
:mod:`analysis.plots.word_clouds`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from analysis.plots import cells_legible, cluster_order, labelled
from analysis.tables import checks
from analysis.vocabulary import DISTINCTIVE_COLUMNS, SIMILARITY_COLUMNS

SIMILARITY_VALUES = ("tfidf_cosine", "jaccard", "shared_types")
KEYNESS_SCORES = ("g2", "log_ratio", "fw_z")
# A heatmap's tick labels need this many points each.
_TICK_POINTS = 7.0
# A line of a dendrogram's 7-pt leaf labels.
_LEAF_LINE_POINTS = 9.0
# The vocabulary spread has a bar per number of reviews up to this many reviews, then ranges.
MAX_SPREAD_BARS = 12
# Distinctive words: not significant, p < 0.05 uncorrected, significant after Bonferroni.
SIGNIFICANCE_COLOURS = ("#fdd0a2", "#fd8d3c", "#a63603")
_HEATMAP_TITLES = {"tfidf_cosine": "TF-IDF cosine", "jaccard": "Jaccard index", "shared_types": "Content words shared"}
_SHORT_LABELS = {"tfidf_cosine": "cosine", "jaccard": "Jaccard", "shared_types": "shared words"}
_VALUE_LABELS = {
    "tfidf_cosine": "TF-IDF cosine similarity", "jaccard": "Jaccard index of content-word sets",
    "shared_types": "content words shared", "g2": "log-likelihood G²",
    "log_ratio": "log ratio (binary log of the relative-frequency ratio)", "fw_z": "Fightin' Words z-score",
}


def _check_choice(name: str, value: str, choices: tuple[str, ...]) -> None:
    if value not in choices:
        raise ValueError(f"{name} must be one of {', '.join(map(repr, choices))}; got {value!r}")


@checks(spread=["reviews"])
def plot_vocabulary_spread(spread: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """Bars: how many content words are used by exactly 1, 2, ... reviews.

    Up to :data:`MAX_SPREAD_BARS` reviews there is a bar for each number of reviews; past that,
    a bar for each doubling range (1, 2-3, 4-7, 8-15, ...), so a corpus of any size gets a few
    bars whose labels and counts can be read (a bar per number would give 1,400 bars).

    Parameters
    ----------
    spread : DataFrame
        :func:`analysis.vocabulary.vocabulary_spread` output (``term``, ``reviews``).
    ax : Axes, optional
    """
    if ax is None:
        ax = plt.gca()
    n_reviews = int(spread["reviews"].max()) if len(spread) else 0
    ranges = spread_ranges(n_reviews)
    reviews = spread["reviews"].to_numpy()
    sizes = [int(((reviews >= low) & (reviews <= high)).sum()) for low, high in ranges]
    names = [str(low) if low == high else f"{low}\u2013{high}" for low, high in ranges]
    bars = ax.bar(names, sizes, color="C0")
    ax.bar_label(bars, padding=2)
    if len(ranges) < n_reviews:  # range labels are wider than their bars
        ax.tick_params(axis="x", labelrotation=45)
        plt.setp(ax.get_xticklabels(), ha="right", rotation_mode="anchor")
    ax.set_xlabel("number of reviews that use the word")
    ax.set_ylabel("content words (types)")
    ax.set_title("Shared and unique vocabulary")
    return ax


def spread_ranges(n_reviews: int) -> list[tuple[int, int]]:
    """The ranges of "number of reviews" that :func:`plot_vocabulary_spread` gives a bar each.

    >>> spread_ranges(3)
    [(1, 1), (2, 2), (3, 3)]
    >>> spread_ranges(20)
    [(1, 1), (2, 3), (4, 7), (8, 15), (16, 20)]
    """
    if n_reviews <= MAX_SPREAD_BARS:
        return [(k, k) for k in range(1, n_reviews + 1)]
    ranges, low = [], 1
    while low <= n_reviews:
        ranges.append((low, min(n_reviews, 2 * low - 1)))
        low *= 2
    return ranges


@checks(similarity=SIMILARITY_COLUMNS)
def plot_similarity_matrix(
    similarity: pd.DataFrame,
    *,
    value: str = "tfidf_cosine",
    order: Sequence[str] | None = None,
    labels: Mapping[str, str] | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Heatmap of a pairwise measure between reviews, rows ordered by clustering.

    The diagonal (each review with itself) is left blank, so the colour scale runs over the
    pairs only; cells carry their values while they are big enough to read
    (:func:`analysis.plots.cells_legible`), else the cells are drawn as one image so the vector
    file stays small.

    Parameters
    ----------
    similarity : DataFrame
        :func:`analysis.vocabulary.pairwise_similarity` output.
    value : {"tfidf_cosine", "jaccard", "shared_types"}
    order : sequence of str, optional
        Review ids in the order to draw (default: :func:`similarity_order` of `value`).
    labels : mapping of str to str, optional
        Review id -> the name to show (:func:`analysis.plots.critic_labels`).
    ax : Axes, optional
    """
    import seaborn as sns

    _check_choice("value", value, SIMILARITY_VALUES)
    if ax is None:
        ax = plt.gca()
    wide = similarity.pivot(index="review_a", columns="review_b", values=value)
    order = list(order) if order is not None else similarity_order(similarity, value=value)
    wide = wide.reindex(index=order, columns=order)
    wide.index, wide.columns = labelled(order, labels), labelled(order, labels)
    if wide.empty:  # no review to compare: seaborn cannot draw an empty heatmap
        return ax
    integer = value == "shared_types"
    diagonal = np.eye(len(wide), dtype=bool)
    off_diagonal = wide.to_numpy()[~diagonal]
    vmax = off_diagonal.max() if off_diagonal.size else None
    legible = cells_legible(ax, len(wide), len(wide), characters=4)
    # Name every review while the names fit beside their cells, else every n-th.
    box, (width, height) = ax.get_position(), ax.figure.get_size_inches()
    cell_points = min(box.width * width, box.height * height) * 72 / max(len(wide), 1)
    step = max(1, math.ceil(_TICK_POINTS / cell_points))
    sns.heatmap(wide, mask=diagonal, annot=legible, fmt="d" if integer else ".2f", cmap="viridis", square=True,
                vmin=0, vmax=vmax, cbar_kws={"label": _SHORT_LABELS[value], "shrink": 0.6},
                annot_kws={"fontsize": 6}, rasterized=not legible, xticklabels=step, yticklabels=step, ax=ax)
    ax.tick_params(labelsize=6)
    ax.grid(False)  # the left-out diagonal stays blank
    ax.set_xlabel("review")
    ax.set_ylabel("review")
    ax.set_title(_HEATMAP_TITLES[value])
    return ax


@checks(similarity=SIMILARITY_COLUMNS)
def similarity_order(similarity: pd.DataFrame, *, value: str = "tfidf_cosine") -> list[str]:
    """Review ids in the leaf order of average-linkage clustering on ``1 - value`` (scaled to
    the largest value for ``shared_types``); see :func:`analysis.plots.cluster_order`."""
    _check_choice("value", value, SIMILARITY_VALUES)
    wide = similarity.pivot(index="review_a", columns="review_b", values=value).astype(float)
    scale = wide.to_numpy().max() if value == "shared_types" and len(wide) else 1.0
    distances = _distances(wide.to_numpy() / (scale or 1.0))
    return cluster_order(pd.DataFrame(distances, index=wide.index, columns=wide.columns), metric="precomputed")


def _distances(similarities: np.ndarray) -> np.ndarray:
    """``1 - similarity``, 0 on the diagonal and never below 0: the cosine of two identical
    reviews (a page collected twice) can round to just above 1, and linkage refuses a negative
    distance."""
    distances = np.clip(1 - similarities, 0, None)
    np.fill_diagonal(distances, 0)
    return distances


@checks(similarity=SIMILARITY_COLUMNS)
def plot_similarity_dendrogram(
    similarity: pd.DataFrame, *, value: str = "tfidf_cosine", labels: Mapping[str, str] | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Average-linkage dendrogram on the distance ``1 - value`` (cosine or Jaccard).

    Parameters
    ----------
    similarity : DataFrame
        :func:`analysis.vocabulary.pairwise_similarity` output.
    value : {"tfidf_cosine", "jaccard"}
    labels : mapping of str to str, optional
        Review id -> the name to show (:func:`analysis.plots.critic_labels`).
    ax : Axes, optional
    """
    from scipy.cluster.hierarchy import dendrogram, linkage
    from scipy.spatial.distance import squareform

    _check_choice("value", value, SIMILARITY_VALUES[:2])
    if ax is None:
        ax = plt.gca()
    wide = similarity.pivot(index="review_a", columns="review_b", values=value)
    if len(wide) < 2:
        ax.set_axis_off()
        ax.text(0.5, 0.5, "A dendrogram needs at least two reviews.", ha="center", va="center", transform=ax.transAxes)
        return ax
    tree = linkage(squareform(_distances(wide.to_numpy(dtype=float)), checks=False), method="average")
    # Past as many leaves as the axes have lines of labels, show the last merges, each leaf
    # saying how many reviews it holds.
    fitting = max(2, int(ax.get_position().height * ax.figure.get_figheight() * 72 / _LEAF_LINE_POINTS))
    truncation = {"truncate_mode": "lastp", "p": fitting} if len(wide) > fitting else {}
    dendrogram(tree, labels=labelled(wide.index, labels), ax=ax, color_threshold=0, above_threshold_color="C0",
               orientation="right", leaf_font_size=7, **truncation)
    ax.set_ylabel(f"review; (n): a cluster of n of the {len(wide)}" if truncation else "review")
    ax.set_xlabel(f"1 - {_VALUE_LABELS[value]}")
    ax.set_title(f"Reviews clustered by {_VALUE_LABELS[value]} (average linkage)")
    return ax


@checks(distinctive=DISTINCTIVE_COLUMNS, review_id=str)
def plot_distinctive_terms(
    distinctive: pd.DataFrame,
    *,
    review_id: str,
    score: str = "g2",
    top: int = 10,
    thresholds: Mapping[str, float] | None = None,
    labels: Mapping[str, str] | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Horizontal bars of a review's most distinctive words with their scores.

    Bars are dark where the word is significant after Bonferroni correction (also marked
    ``**``), mid-tone where significant only at p < 0.05 uncorrected (``*``), and pale where
    not significant.

    Parameters
    ----------
    distinctive : DataFrame
        :func:`analysis.vocabulary.distinctive_terms` output.
    review_id : str
        The review to show.
    score : {"g2", "log_ratio", "fw_z"}
    top : int
        How many words (the top by ``rank``).
    thresholds : mapping of str to float, optional
        Name -> score, each drawn as a dashed vertical line (for G²: the critical values at
        p < 0.05 and after Bonferroni correction).
    labels : mapping of str to str, optional
        Review id -> the name to show in the title.
    ax : Axes, optional
    """
    _check_choice("score", score, KEYNESS_SCORES)
    reviews = sorted(distinctive["review_id"].unique())
    if review_id not in reviews:
        raise ValueError(f"review_id {review_id!r} has no distinctive terms; valid: {reviews}")
    if ax is None:
        ax = plt.gca()
    own = distinctive[(distinctive["review_id"] == review_id) & (distinctive["rank"] <= top)]
    own = own.iloc[::-1]  # barh draws bottom-up; the top-ranked word goes on top
    level = np.where(own["significant_bonferroni"], 2, np.where(own["significant"], 1, 0))
    marks = np.array(["", " *", " **"])[level]
    bars = ax.barh([f"{term}{mark}" for term, mark in zip(own["term"], marks)], own[score].to_numpy(),
                   color=np.array(SIGNIFICANCE_COLOURS)[level])
    ax.bar_label(bars, labels=[f"{v:.1f}" for v in own[score]], padding=2, fontsize=6)
    for style, (name, threshold) in zip(("--", ":"), (thresholds or {}).items()):
        ax.axvline(threshold, color="0.3", linestyle=style, linewidth=0.8, label=name)
    ax.set_xlabel(_VALUE_LABELS[score])
    ax.set_title(labelled([review_id], labels)[0])
    return ax


@checks(tokens=["term", "token"])
def written_forms(tokens: pd.DataFrame) -> dict[str, str]:
    """Each term's commonest written form in a token table (:func:`analysis.corpus.token_table`).

    Ties go to the form met first in text order, so "samantha" shows as "Samantha" and the
    title term "Her" as "Her".
    """
    counts = tokens.groupby(["term", "token"], sort=False).size().reset_index(name="count")
    counts = counts.sort_values("count", ascending=False, kind="mergesort")
    return dict(counts.drop_duplicates("term")[["term", "token"]].itertuples(index=False, name=None))


@checks(dispersion=["review_id", "term", "relative_offset"])
def plot_dispersion(
    dispersion: pd.DataFrame,
    *,
    review_ids: list[str] | None = None,
    labels: Mapping[str, str] | None = None,
    written: Mapping[str, str] | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Dispersion plot: one row per (word, review), a tick at each occurrence, its count beside.

    Parameters
    ----------
    dispersion : DataFrame
        :func:`analysis.concordance.dispersion_table` output.
    review_ids : list of str, optional
        Reviews to show as rows, in order, even where a word never occurs; default: those with
        hits.
    labels : mapping of str to str, optional
        Review id -> the name to show (:func:`analysis.plots.critic_labels`).
    written : mapping of str to str, optional
        Term -> the form to show (:func:`written_forms`), so every word appears as the critics
        write it (default: the terms as counted, lower-cased but for the title).
    ax : Axes, optional
    """
    if ax is None:
        ax = plt.gca()
    written = written or {}
    reviews = list(review_ids) if review_ids is not None else list(dict.fromkeys(dispersion["review_id"]))
    terms = list(dict.fromkeys(dispersion["term"]))
    rows = [(term, review) for term in terms for review in reviews]
    counts = dispersion.groupby(["term", "review_id"]).size()
    names = dict(zip(reviews, labelled(reviews, labels)))
    for y, (term, review) in enumerate(rows):
        hits = dispersion[(dispersion["term"] == term) & (dispersion["review_id"] == review)]
        ax.scatter(hits["relative_offset"], np.full(len(hits), y), marker="|", s=60, color=f"C{terms.index(term)}")
    ax.set_yticks(range(len(rows)), [f"\u201c{written.get(term, term)}\u201d · {names[review]} ({counts.get((term, review), 0)})"
                                      for term, review in rows], fontsize=6)
    for boundary in range(len(reviews), len(rows), max(len(reviews), 1)):
        ax.axhline(boundary - 0.5, color="0.6", linewidth=0.6)
    ax.set_ylim(max(len(rows), 1) - 0.5, -0.5)
    ax.set_xlim(0, 1)
    ax.set_xlabel("position in the review (fraction of its word tokens); (n) = occurrences")
    ax.set_title("Where the words occur")
    return ax


@checks(distinctive=DISTINCTIVE_COLUMNS)
def plot_distinctive_panels(
    distinctive: pd.DataFrame,
    *,
    review_ids: Sequence[str],
    axes: Sequence[Axes],
    score: str = "g2",
    top: int = 10,
    thresholds: Mapping[str, float] | None = None,
    labels: Mapping[str, str] | None = None,
) -> Sequence[Axes]:
    """:func:`plot_distinctive_terms` for each of `review_ids`, one per Axes, all on one x-scale
    (so bars compare across panels); a review without over-used words gets a titled, empty
    panel. The thresholds' legend goes on the first panel."""
    having = set(distinctive["review_id"])
    shown = distinctive[distinctive["review_id"].isin(review_ids) & (distinctive["rank"] <= top)]
    limit = max([float(shown[score].max()) if len(shown) else 1.0, *(thresholds or {}).values()]) * 1.15
    drawn = []
    for ax, review_id in zip(axes, review_ids):
        if review_id in having:
            plot_distinctive_terms(distinctive, review_id=review_id, score=score, top=top,
                                   thresholds=thresholds, labels=labels, ax=ax)
            ax.set_xlim(min(0.0, float(shown[score].min()) if len(shown) else 0.0), limit)
            ax.tick_params(axis="y", labelsize=7)
            drawn.append(ax)
        else:
            ax.set_axis_off()
            ax.set_title(f"{labelled([review_id], labels)[0]}: no over-used word")
    if drawn and thresholds:
        drawn[0].legend(loc="lower right", fontsize=6, frameon=True)
    return axes
