"""Word clouds of the reviews' terms: decoration, drawn deterministically with a named seed.

Sizes in a cloud are hard to read; the readable evidence of what a review over-uses is
:func:`analysis.plots.vocabulary.plot_distinctive_terms`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes

from analysis.plots import labelled
from analysis.tables import checks

WORD_CLOUD_SEED = 20131218  # the film's US release date; any fixed number makes clouds repeatable


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


@checks(counts=["review_id", "term", "count"])
def plot_word_clouds(counts: pd.DataFrame, *, review_ids: Sequence[str], axes: Sequence[Axes], seed: int = WORD_CLOUD_SEED,
                     labels: Mapping[str, str] | None = None) -> Sequence[Axes]:
    """:func:`plot_word_cloud` of each of `review_ids`' term counts (:func:`analysis.vocabulary.term_counts`), one per Axes."""
    by_review = {review_id: group.set_index("term")["count"] for review_id, group in counts.groupby("review_id", sort=False)}
    for ax, review_id in zip(axes, review_ids):
        if review_id in by_review:
            plot_word_cloud(by_review[review_id], seed=seed, ax=ax)
        else:
            ax.set_axis_off()
        ax.set_title(labelled([review_id], labels)[0])
    return axes
