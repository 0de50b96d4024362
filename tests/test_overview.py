"""Per-review and per-segment sizes: the counts every chart and table of notebook 01 reads."""

import pytest

from analysis.corpus import load_corpus
from analysis.overview import review_table, segment_table

EIGHT_REVIEWS = "tests/data/corpora/eight-reviews"


def test_a_tiny_review_counts_its_words_and_sentences(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Salt Meridian is slow. I don't mind.\n",
        encoding="utf-8",
    )
    (tmp_path / "manifest.yaml").write_text(
        "film: {title: Salt Meridian}\nreviews:\n  - {id: a, file: a.txt}\n", encoding="utf-8"
    )
    corpus = load_corpus(tmp_path)
    review = review_table(corpus).iloc[0]
    # Salt Meridian (one term) / is / slow / I / do / n't / mind: seven words in two sentences.
    assert (review["body_words"], review["body_sentences"]) == (7, 2)
    segments = segment_table(corpus)
    assert segments.loc[segments["label"] == "body", "words"].tolist() == [7]


@pytest.mark.parametrize("folder", [EIGHT_REVIEWS, None])
def test_body_segments_add_up_to_the_body_words_of_each_review(folder, her_corpus):
    corpus = load_corpus(folder) if folder else her_corpus
    segments = segment_table(corpus)
    body = segments[segments["label"] == "body"].groupby("review_id", sort=False)["words"].sum()
    reviews = review_table(corpus).set_index("review_id")["body_words"]
    assert body.reindex(reviews.index, fill_value=0).tolist() == reviews.tolist()
