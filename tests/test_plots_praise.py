"""The praise charts: Axes properties on a tiny praise table."""

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from analysis.plots.praise import judged_balance, plot_dissent, plot_praise_heatmap

TABLE = pd.DataFrame(
    {
        "review_id": ["r1", "r1", "r2", "r3", "r3"],
        "target": ["Ann Lee", "script", "Ann Lee", "Ann Lee", "script"],
        "target_kind": ["person", "aspect", "person", "person", "aspect"],
        "mentions": [20, 1, 2, 3, 1],
        "praise": [5, 0, 0, 3, 0],
        "criticism": [0, 1, 0, 0, 1],
        "neutral": [15, 0, 2, 0, 0],
        "verdict": ["praise", "criticism", "neutral", "praise", "criticism"],
    }
)


def test_balance_counts_judged_sentences_only():
    # Twenty mentions with five praise sentences colour as deeply as one praise sentence.
    assert judged_balance(TABLE).tolist()[:2] == [1.0, -1.0]
    assert np.isnan(judged_balance(TABLE).iloc[2])


def test_heatmap_greys_neutral_cells_labels_critics_and_clusters_rows():
    plt.figure(figsize=(4, 3))
    ax = plot_praise_heatmap(TABLE, review_ids=["r1", "r2", "r3"], labels={"r1": "Ann's critic"})
    rows = [t.get_text() for t in ax.get_yticklabels()]
    assert sorted(rows) == ["Ann's critic", "r2", "r3"]
    # r1 and r3 judge alike (praise Ann Lee, fault the script): clustering puts them side by side.
    assert abs(rows.index("Ann's critic") - rows.index("r3")) == 1
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Ann Lee", "script"]
    colours, greys = ax.collections[0].get_array(), ax.collections[1].get_array()
    assert int(colours.count()) == 4 and int(greys.count()) == 1  # r2 only mentions Ann Lee
    assert sorted(t.get_text() for t in ax.texts) == ["1", "1", "2", "20", "3"]


def test_heatmap_stops_writing_numbers_in_cells_too_small_to_read():
    many = pd.concat([TABLE.assign(review_id=TABLE["review_id"] + f"-{i}") for i in range(30)], ignore_index=True)
    plt.figure(figsize=(3, 2))
    ax = plot_praise_heatmap(many)
    assert len(ax.texts) == 0


def test_dissent_counts_silent_reviews():
    ax = plot_dissent(TABLE, review_ids=["r1", "r2", "r3", "r4"], ax=plt.figure().gca())
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Ann Lee", "script"]
    assert ax.get_xlim() == (0.0, 4.0)
