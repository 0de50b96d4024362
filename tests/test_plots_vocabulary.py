"""Vocabulary charts: Axes properties, never pixels."""

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from analysis.concordance import dispersion_table
from analysis.corpus import token_table
from analysis.plots.vocabulary import (
    plot_distinctive_panels,
    plot_distinctive_terms,
    plot_dispersion,
    plot_diversity_by_length,
    plot_similarity_dendrogram,
    plot_similarity_matrix,
    plot_vocabulary_spread,
    plot_word_cloud,
    plot_word_clouds,
)
from analysis.vocabulary import distinctive_terms, pairwise_similarity, term_counts, vocabulary_spread, vocabulary_table


@pytest.fixture(scope="module")
def her_tables(her_corpus):
    tokens = token_table(her_corpus)
    return {
        "tokens": tokens,
        "counts": term_counts(tokens),
        "similarity": pairwise_similarity(term_counts(tokens)),
        "distinctive": distinctive_terms(term_counts(tokens, content_only=False)),
    }


def test_similarity_matrix_has_one_annotated_cell_per_pair(her_tables):
    ax = plot_similarity_matrix(her_tables["similarity"], value="jaccard")
    assert [t.get_text() for t in ax.get_xticklabels()] == ["000", "001", "002", "003", "004"]
    assert len(ax.texts) == 25
    assert ax.get_title() == "Jaccard index of content-word sets"


def test_dendrogram_leaves_are_the_reviews(her_tables):
    ax = plot_similarity_dendrogram(her_tables["similarity"])
    assert sorted(t.get_text() for t in ax.get_xticklabels()) == ["000", "001", "002", "003", "004"]
    assert ax.get_ylabel() == "1 - TF-IDF cosine similarity"


def test_distinctive_terms_bars_are_in_rank_order_with_significance_marks(her_tables):
    ax = plot_distinctive_terms(her_tables["distinctive"], review_id="004", top=3)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    own = her_tables["distinctive"].query("review_id == '004' and rank <= 3")
    assert len(ax.patches) == 3
    assert [label.rstrip(" *") for label in labels[::-1]] == own["term"].tolist()
    assert labels[-1].endswith(" **") == bool(own["significant_bonferroni"].iloc[0])


def test_bad_choices_list_the_valid_ones(her_tables):
    with pytest.raises(ValueError, match="score must be one of 'g2', 'log_ratio', 'fw_z'; got 'chi2'"):
        plot_distinctive_terms(her_tables["distinctive"], review_id="004", score="chi2")
    with pytest.raises(ValueError, match="review_id '999' has no distinctive terms"):
        plot_distinctive_terms(her_tables["distinctive"], review_id="999")
    with pytest.raises(ValueError, match="value must be one of 'tfidf_cosine', 'jaccard'; got 'shared_types'"):
        plot_similarity_dendrogram(her_tables["similarity"], value="shared_types")


def test_spread_bars_one_per_number_of_reviews(her_tables):
    ax = plot_vocabulary_spread(vocabulary_spread(her_tables["counts"]))
    assert [t.get_text() for t in ax.get_xticklabels()] == ["1", "2", "3", "4", "5"]
    assert len(ax.patches) == 5


def test_dispersion_rows_and_diversity_points(her_corpus, her_tables):
    dispersion = dispersion_table(her_tables["tokens"], ["samantha", "love"])
    ax = plot_dispersion(dispersion, review_ids=["000", "001", "002", "003", "004"])
    assert len(ax.get_yticklabels()) == 10
    assert ax.get_yticklabels()[0].get_text() == "samantha · 000"
    plt.figure()
    ax = plot_diversity_by_length(vocabulary_table(her_corpus))
    assert len(ax.collections) == 2 and len(ax.texts) == 10


def test_word_cloud_is_deterministic():
    frequencies = pd.Series({"love": 5, "voice": 3, "lonely": 2})
    first = plot_word_cloud(frequencies).get_images()[0].get_array()
    plt.figure()
    second = plot_word_cloud(frequencies).get_images()[0].get_array()
    assert (first == second).all()
    with pytest.raises(ValueError, match="frequencies is empty"):
        plot_word_cloud({})


def _similarity_of(n_reviews: int) -> pd.DataFrame:
    counts = pd.DataFrame(
        [(f"r{i:02d}", term, 1 + (i + j) % 3) for i in range(n_reviews) for j, term in enumerate(["a", "b", f"own{i}"])],
        columns=["review_id", "term", "count"],
    )
    return pairwise_similarity(counts)


def test_similarity_matrix_stops_annotating_past_a_legible_size():
    ax = plot_similarity_matrix(_similarity_of(20), value="jaccard")
    assert len(ax.texts) == 0
    assert ax.collections[0].get_rasterized()


def test_dendrogram_of_one_review_says_why_it_is_empty():
    ax = plot_similarity_dendrogram(_similarity_of(1))
    assert [t.get_text() for t in ax.texts] == ["A dendrogram needs at least two reviews."]


def test_distinctive_panels_keep_a_panel_for_a_review_without_keywords(her_tables):
    fig, axes = plt.subplots(1, 2)
    plot_distinctive_panels(her_tables["distinctive"], review_ids=["000", "none"], axes=axes, top=3)
    assert len(axes[0].patches) == 3
    assert axes[1].get_title() == "Review none: no over-used word"


def test_word_clouds_title_every_panel(her_tables):
    fig, axes = plt.subplots(1, 2)
    plot_word_clouds(her_tables["counts"], review_ids=["000", "001"], axes=axes)
    assert [ax.get_title() for ax in axes] == ["Review 000", "Review 001"]
