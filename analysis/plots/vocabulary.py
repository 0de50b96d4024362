"""Charts of the reviews' vocabularies: diversity, overlap, similarity, keyness, dispersion.

Every function takes a tidy table from :mod:`analysis.vocabulary`, :mod:`analysis.keyness` or
:mod:`analysis.concordance`, draws on one Axes (``ax=None``: the current one) and returns it.
Word clouds are decoration, drawn deterministically with a named seed; the readable evidence is
:func:`plot_distinctive_terms`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes

WORD_CLOUD_SEED = 20131218  # the film's US release date; any fixed number makes clouds repeatable
SIMILARITY_VALUES = ("tfidf_cosine", "jaccard", "shared_types")
KEYNESS_SCORES = ("g2", "log_ratio", "fw_z")
# A heatmap's cells carry their numbers up to this many reviews.
ANNOTATED_MAX_REVIEWS = 12
_SHORT_LABELS = {"tfidf_cosine": "cosine", "jaccard": "Jaccard", "shared_types": "shared words"}
_VALUE_LABELS = {
    "tfidf_cosine": "TF-IDF cosine similarity",
    "jaccard": "Jaccard index of content-word sets",
    "shared_types": "content words shared",
    "g2": "log-likelihood G²",
    "log_ratio": "log ratio (binary log of the relative-frequency ratio)",
    "fw_z": "Fightin' Words z-score",
}


def _check_choice(name: str, value: str, choices: tuple[str, ...]) -> None:
    if value not in choices:
        raise ValueError(f"{name} must be one of {', '.join(map(repr, choices))}; got {value!r}")


def plot_diversity_by_length(measures: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """TTR and MATTR against review length: raw TTR falls with length, MATTR much less.

    Parameters
    ----------
    measures : DataFrame
        :func:`analysis.vocabulary.vocabulary_measures` output (``review_id``, ``tokens``,
        ``ttr``, ``mattr``, ``mattr_window``).
    ax : Axes, optional
    """
    if ax is None:
        ax = plt.gca()
    window = int(measures["mattr_window"].iloc[0]) if len(measures) else 50
    for column, label, marker in (("ttr", "type-token ratio", "o"), ("mattr", f"MATTR (window {window})", "s")):
        ax.scatter(measures["tokens"], measures[column], label=label, marker=marker, s=50)
        for row in measures.itertuples():
            ax.annotate(row.review_id, (row.tokens, getattr(row, column)), xytext=(5, 3),
                        textcoords="offset points", fontsize=9)
    ax.set_xlabel("word tokens in the review body")
    ax.set_ylabel("ratio of types to tokens")
    ax.set_ylim(0, 1)
    ax.set_title("Lexical diversity against length")
    ax.legend(loc="lower left", frameon=True)
    return ax


def plot_vocabulary_spread(spread: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """Bars: how many content words are used by exactly 1, 2, ... reviews.

    Parameters
    ----------
    spread : DataFrame
        :func:`analysis.vocabulary.vocabulary_spread` output (``term``, ``reviews``).
    ax : Axes, optional
    """
    if ax is None:
        ax = plt.gca()
    n_reviews = int(spread["reviews"].max()) if len(spread) else 0
    sizes = spread["reviews"].value_counts().reindex(range(1, n_reviews + 1), fill_value=0)
    bars = ax.bar([str(k) for k in sizes.index], sizes.to_numpy(), color="C0")
    ax.bar_label(bars, padding=2)
    ax.set_xlabel("number of reviews that use the word")
    ax.set_ylabel("content words (types)")
    ax.set_title("Shared and unique vocabulary")
    return ax


def plot_similarity_matrix(similarity: pd.DataFrame, *, value: str = "tfidf_cosine", ax: Axes | None = None) -> Axes:
    """Heatmap of a pairwise measure, each cell annotated with its value.

    The colour scale runs from 0 to the largest value between two different reviews, so the
    diagonal (each review with itself) saturates instead of washing out the pairs.

    Parameters
    ----------
    similarity : DataFrame
        :func:`analysis.vocabulary.pairwise_similarity` output.
    value : {"tfidf_cosine", "jaccard", "shared_types"}
    ax : Axes, optional
    """
    import seaborn as sns

    _check_choice("value", value, SIMILARITY_VALUES)
    if ax is None:
        ax = plt.gca()
    wide = similarity.pivot(index="review_a", columns="review_b", values=value)
    integer = value == "shared_types"
    # The diagonal (a review with itself) would set the colour scale; scale to the pairs instead.
    off_diagonal = wide.to_numpy()[~np.eye(len(wide), dtype=bool)]
    vmax = off_diagonal.max() if off_diagonal.size else None
    legible = len(wide) <= ANNOTATED_MAX_REVIEWS
    # Past a legible size numbers overprint and a vector file grows with every cell: the cells
    # are drawn as one image, unannotated.
    sns.heatmap(wide, annot=legible, fmt="d" if integer else ".2f", cmap="viridis", square=True,
                vmin=0, vmax=vmax, cbar_kws={"label": _SHORT_LABELS[value], "shrink": 0.8},
                rasterized=not legible, ax=ax)
    ax.set_xlabel("review")
    ax.set_ylabel("review")
    ax.set_title(_VALUE_LABELS[value][:1].upper() + _VALUE_LABELS[value][1:])
    return ax


def plot_similarity_dendrogram(similarity: pd.DataFrame, *, value: str = "tfidf_cosine", ax: Axes | None = None) -> Axes:
    """Average-linkage dendrogram on the distance ``1 - value`` (cosine or Jaccard).

    Parameters
    ----------
    similarity : DataFrame
        :func:`analysis.vocabulary.pairwise_similarity` output.
    value : {"tfidf_cosine", "jaccard"}
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
    distances = 1 - wide.to_numpy()
    np.fill_diagonal(distances, 0)
    tree = linkage(squareform(distances, checks=False), method="average")
    dendrogram(tree, labels=list(wide.index), ax=ax, color_threshold=0, above_threshold_color="C0")
    ax.set_xlabel("review")
    ax.set_ylabel(f"1 - {_VALUE_LABELS[value]}")
    ax.set_title(f"Reviews clustered by {_VALUE_LABELS[value]} (average linkage)")
    return ax


def plot_distinctive_terms(
    distinctive: pd.DataFrame, *, review_id: str, score: str = "g2", top: int = 10, ax: Axes | None = None
) -> Axes:
    """Horizontal bars of a review's most distinctive words with their scores.

    Words significant after Bonferroni correction are marked ``**``, those significant only at
    p < 0.05 uncorrected ``*``.

    Parameters
    ----------
    distinctive : DataFrame
        :func:`analysis.vocabulary.distinctive_terms` output.
    review_id : str
        The review to show.
    score : {"g2", "log_ratio", "fw_z"}
    top : int
        How many words (the top by ``rank``).
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
    marks = np.where(own["significant_bonferroni"], " **", np.where(own["significant"], " *", ""))
    labels = [f"{term}{mark}" for term, mark in zip(own["term"], marks)]
    bars = ax.barh(labels, own[score].to_numpy(), color="C1")
    ax.bar_label(bars, labels=[f"{v:.1f}" for v in own[score]], padding=2, fontsize=9)
    ax.set_xlabel(_VALUE_LABELS[score])
    ax.set_title(f"Review {review_id}")
    return ax


def plot_dispersion(dispersion: pd.DataFrame, *, review_ids: list[str] | None = None, ax: Axes | None = None) -> Axes:
    """Dispersion plot: one row per (word, review), a tick at each occurrence.

    Parameters
    ----------
    dispersion : DataFrame
        :func:`analysis.concordance.dispersion_table` output.
    review_ids : list of str, optional
        Reviews to show as rows even where a word never occurs; default: those with hits.
    ax : Axes, optional
    """
    if ax is None:
        ax = plt.gca()
    reviews = sorted(review_ids if review_ids is not None else dispersion["review_id"].unique())
    terms = list(dict.fromkeys(dispersion["term"]))
    rows = [(term, review) for term in terms for review in reviews]
    for y, (term, review) in enumerate(rows):
        hits = dispersion[(dispersion["term"] == term) & (dispersion["review_id"] == review)]
        ax.scatter(hits["relative_offset"], np.full(len(hits), y), marker="|", s=200, color=f"C{terms.index(term)}")
    ax.set_yticks(range(len(rows)), [f"{term} · {review}" for term, review in rows])
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_xlim(0, 1)
    ax.set_xlabel("position in the review (fraction of its word tokens)")
    ax.set_title("Where the words occur")
    return ax


def plot_word_cloud(frequencies: Mapping[str, float], *, seed: int = WORD_CLOUD_SEED, ax: Axes | None = None) -> Axes:
    """A word cloud of `frequencies` (term -> weight), deterministic for a given `seed`.

    Decoration only: sizes are hard to read; show :func:`plot_distinctive_terms` beside it.
    """
    from wordcloud import WordCloud

    if len(frequencies) == 0:
        raise ValueError("frequencies is empty: a word cloud needs at least one term")
    if ax is None:
        ax = plt.gca()
    cloud = WordCloud(width=600, height=400, background_color="white", random_state=seed,
                      collocations=False, prefer_horizontal=1.0).generate_from_frequencies(dict(frequencies))
    ax.imshow(cloud.to_array(), interpolation="bilinear")
    ax.set_axis_off()
    return ax


def plot_distinctive_panels(
    distinctive: pd.DataFrame, *, review_ids: Sequence[str], axes: Sequence[Axes], score: str = "g2", top: int = 10
) -> Sequence[Axes]:
    """:func:`plot_distinctive_terms` for each of `review_ids`, one per Axes; a review without
    over-used words gets a titled, empty panel."""
    having = set(distinctive["review_id"])
    for ax, review_id in zip(axes, review_ids):
        if review_id in having:
            plot_distinctive_terms(distinctive, review_id=review_id, score=score, top=top, ax=ax)
        else:
            ax.set_axis_off()
            ax.set_title(f"Review {review_id}: no over-used word")
    return axes


def plot_word_clouds(
    counts: pd.DataFrame, *, review_ids: Sequence[str], axes: Sequence[Axes], seed: int = WORD_CLOUD_SEED
) -> Sequence[Axes]:
    """:func:`plot_word_cloud` of each of `review_ids`' term counts (:func:`analysis.vocabulary.term_counts`), one per Axes."""
    by_review = {review_id: group.set_index("term")["count"] for review_id, group in counts.groupby("review_id", sort=False)}
    for ax, review_id in zip(axes, review_ids):
        if review_id in by_review:
            plot_word_cloud(by_review[review_id], seed=seed, ax=ax)
        else:
            ax.set_axis_off()
        ax.set_title(f"Review {review_id}")
    return axes
