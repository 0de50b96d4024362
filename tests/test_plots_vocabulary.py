"""Vocabulary charts: Axes properties, never pixels."""

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_hex

from analysis.concordance import dispersion_table
from analysis.corpus import token_table

from analysis.plots.diversity import plot_diversity_by_length, plot_mtld_by_length
from analysis.plots.vocabulary import (
    SIGNIFICANCE_COLOURS,
    similarity_order,
    written_forms,
    plot_distinctive_panels,
    plot_distinctive_terms,
    plot_dispersion,
    plot_similarity_dendrogram,
    plot_similarity_matrix,
    plot_vocabulary_spread,
)
from analysis.plots.word_clouds import plot_word_cloud, plot_word_clouds
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


def test_similarity_matrix_annotates_each_pair_and_leaves_the_diagonal_out(her_tables):
    plt.figure(figsize=(5, 5))
    ax = plot_similarity_matrix(her_tables["similarity"], value="jaccard", labels={"004": "thomasjford"})
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert sorted(ticks) == ["000", "001", "002", "003", "thomasjford"]
    assert ticks == [{"004": "thomasjford"}.get(r, r) for r in similarity_order(her_tables["similarity"], value="jaccard")]
    assert len(ax.texts) == 20
    assert ax.get_title() == "Jaccard index"


def test_similarity_order_joins_the_closest_reviews_and_is_stable():
    counts = pd.DataFrame(
        [("a", "x", 3), ("a", "y", 1), ("b", "p", 2), ("b", "q", 2), ("c", "x", 3), ("c", "y", 1), ("d", "p", 2), ("d", "q", 1)],
        columns=["review_id", "term", "count"],
    )
    order = similarity_order(pairwise_similarity(counts), value="jaccard")
    assert sorted(order) == ["a", "b", "c", "d"]
    # a and c share every word, as do b and d: each pair sits side by side.
    assert abs(order.index("a") - order.index("c")) == 1 and abs(order.index("b") - order.index("d")) == 1
    assert order == similarity_order(pairwise_similarity(counts), value="jaccard")


def test_dendrogram_leaves_are_the_reviews(her_tables):
    ax = plot_similarity_dendrogram(her_tables["similarity"], labels={"000": "a blog"})
    assert sorted(t.get_text() for t in ax.get_yticklabels()) == ["001", "002", "003", "004", "a blog"]
    assert ax.get_xlabel() == "1 - TF-IDF cosine similarity"


def test_distinctive_terms_bars_are_in_rank_order_with_significance_marks(her_tables):
    ax = plot_distinctive_terms(her_tables["distinctive"], review_id="004", top=3)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    own = her_tables["distinctive"].query("review_id == '004' and rank <= 3")
    assert len(ax.patches) == 3
    assert [label.rstrip(" *") for label in labels[::-1]] == own["term"].tolist()
    assert labels[-1].endswith(" **") == bool(own["significant_bonferroni"].iloc[0])
    # Significance is drawn, not only marked: the bar's colour says its level.
    level = 2 if own["significant_bonferroni"].iloc[0] else (1 if own["significant"].iloc[0] else 0)
    assert to_hex(ax.patches[-1].get_facecolor()) == SIGNIFICANCE_COLOURS[level]


def test_distinctive_threshold_lines_and_one_scale_across_panels(her_tables):
    fig, axes = plt.subplots(1, 2)
    plot_distinctive_panels(her_tables["distinctive"], review_ids=["000", "004"], axes=axes, top=3,
                            thresholds={"p < 0.05": 3.84})
    assert axes[0].get_xlim() == axes[1].get_xlim()
    assert [line.get_xdata()[0] for line in axes[0].lines] == [3.84]
    assert [t.get_text() for t in axes[0].get_legend().get_texts()] == ["p < 0.05"]


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
    counts = dispersion.groupby(["term", "review_id"]).size()
    assert ax.get_yticklabels()[0].get_text() == f"\u201csamantha\u201d · 000 ({counts.get(('samantha', '000'), 0)})"
    plt.figure()
    written = written_forms(her_tables["tokens"])
    assert (written["samantha"], written["love"], written["Her"]) == ("Samantha", "love", "Her")
    ax = plot_dispersion(dispersion, review_ids=["000"], written=written)
    assert ax.get_yticklabels()[0].get_text().startswith("\u201cSamantha\u201d · 000")
    plt.figure()
    measures = vocabulary_table(her_corpus)
    ax = plot_diversity_by_length(measures)
    # TTR and MATTR points, the lines joining them; each review named once.
    assert len(ax.collections) == 3 and sorted(t.get_text() for t in ax.texts) == ["000", "001", "002", "003", "004"]
    plt.figure()
    ax = plot_mtld_by_length(measures)
    assert ax.collections[0].get_offsets()[:, 1].tolist() == measures["mtld"].tolist()
    # The largest MTLD sits on the frame: its marker is drawn whole, not cut by the Axes.
    assert not ax.collections[0].get_clip_on()


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
    assert axes[1].get_title() == "none: no over-used word"


def test_word_clouds_title_every_panel(her_tables):
    fig, axes = plt.subplots(1, 2)
    plot_word_clouds(her_tables["counts"], review_ids=["000", "001"], axes=axes, labels={"001": "Ann"})
    assert [ax.get_title() for ax in axes] == ["000", "Ann"]


def test_dendrogram_of_many_reviews_shows_as_many_clusters_as_fit():
    fig, ax = plt.subplots(figsize=(3.5, 4.0))
    plot_similarity_dendrogram(_similarity_of(300), ax=ax)
    labels = [label.get_text() for label in ax.get_yticklabels()]
    height_points = ax.get_position().height * 4.0 * 72
    assert 2 <= len(labels) <= height_points / 7
    assert any(label.startswith("(") for label in labels)
    assert ax.get_ylabel() == "review; (n): a cluster of n of the 300"
    plt.close(fig)


def test_dendrogram_of_few_reviews_labels_every_review(her_tables):
    ax = plot_similarity_dendrogram(her_tables["similarity"])
    assert sorted(label.get_text() for label in ax.get_yticklabels()) == ["000", "001", "002", "003", "004"]
    assert ax.get_ylabel() == "review"


def test_spread_of_many_reviews_has_a_bar_per_doubling_range():
    # 150 reviews: word "w{k}" is used by k reviews, for k = 1..150.
    spread = pd.DataFrame({"term": [f"w{k}" for k in range(1, 151)], "reviews": range(1, 151)})
    ax = plot_vocabulary_spread(spread)
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert labels == ["1", "2\u20133", "4\u20137", "8\u201315", "16\u201331", "32\u201363", "64\u2013127", "128\u2013150"]
    assert [int(p.get_height()) for p in ax.patches] == [1, 2, 4, 8, 16, 32, 64, 23]
    plt.close("all")


def test_a_review_collected_twice_clusters_with_its_copy():
    # These counts make the two copies' TF-IDF cosine round to just above 1 (1 + 4e-16): the
    # distance must not go below 0, which linkage refuses.
    terms = [("t0", 1), ("t1", 2), ("t2", 7), ("t3", 1), ("t4", 8), ("t5", 6), ("t6", 4)]
    counts = pd.DataFrame(
        [(review, term, count) for review in ("a", "b") for term, count in terms] + [("c", "t0", 2), ("c", "zz", 5)],
        columns=["review_id", "term", "count"],
    )
    similarity = pairwise_similarity(counts)
    assert similarity.query("review_a == 'a' and review_b == 'b'")["tfidf_cosine"].iloc[0] > 1
    ax = plot_similarity_dendrogram(similarity)
    assert sorted(t.get_text() for t in ax.get_yticklabels()) == ["a", "b", "c"]
    order = similarity_order(similarity)
    assert abs(order.index("a") - order.index("b")) == 1


def test_many_reviews_points_are_an_image_in_svg_and_pdf_and_unchanged_in_png(monkeypatch):
    import io

    from analysis.plots import MAX_VECTOR_MARKS, diversity

    rng = np.random.default_rng(0)
    reviews = MAX_VECTOR_MARKS + 1
    many = pd.DataFrame({
        "review_id": [f"r{i}" for i in range(reviews)], "tokens": rng.integers(100, 2000, reviews),
        "ttr": rng.uniform(0.3, 0.7, reviews), "mattr": rng.uniform(0.6, 0.8, reviews), "mattr_window": 50,
        "mtld": rng.uniform(50, 120, reviews), "mtld_threshold": 0.72,
    })

    def drawn(form):
        fig, (left, right) = plt.subplots(1, 2)
        plot_diversity_by_length(many, ax=left)
        plot_mtld_by_length(many, ax=right)
        out = io.BytesIO()
        fig.savefig(out, format=form, dpi=72)
        plt.close(fig)
        return out.getvalue()

    rasterized = {form: drawn(form) for form in ("svg", "pdf", "png")}
    monkeypatch.setattr(diversity, "MAX_VECTOR_MARKS", reviews)  # the same chart with a mark per element
    vector = {form: drawn(form) for form in ("svg", "pdf", "png")}
    assert b"<image" in rasterized["svg"] and b"<image" not in vector["svg"]
    assert len(rasterized["svg"]) < len(vector["svg"]) / 4 and len(rasterized["pdf"]) < len(vector["pdf"]) / 4
    assert rasterized["png"] == vector["png"]  # a PNG is an image either way
