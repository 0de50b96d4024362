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


def test_a_collection_is_summarised_by_film_and_by_critic(tmp_path):
    import csv

    from analysis.corpus import load_corpus
    from analysis.overview import review_groups, summary_by

    path = tmp_path / "reviews.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerows([["film", "author", "text"], ["Up", "Ann", "A fine film."], ["Up", "Bo", "Dull and slow. Long."],
                          ["Jaws", "Ann", "Taut, scary and fun. A classic."]])
    corpus = load_corpus(path)
    groups = review_groups(corpus)
    assert groups.to_dict("list") == {"review_id": ["1", "2", "3"], "film": ["Up", "Up", "Jaws"], "critic": ["Ann", "Bo", "Ann"]}
    sizes = review_table(corpus)[["review_id", "body_words"]]
    by_film = summary_by(sizes, groups, by="film", body_words=("body_words", "sum"))
    assert by_film.to_dict("list") == {"film": ["Up", "Jaws"], "reviews": [2, 1], "body_words": [7, 6]}
    by_critic = summary_by(sizes, groups, by="critic", mean_words=("body_words", "mean"))
    assert by_critic.to_dict("list") == {"critic": ["Ann", "Bo"], "reviews": [2, 1], "mean_words": [4.5, 4.0]}


def test_a_folder_review_belongs_to_the_corpus_film_and_its_critic(her_corpus):
    from analysis.overview import review_groups

    groups = review_groups(her_corpus)
    assert set(groups["film"]) == {her_corpus.film.title} and len(groups) == 5
    assert groups["critic"].tolist() == ["a blog", her_corpus.review_ids[1], "a blog", "a blog", "thomasjford"]


def test_the_corpus_command_builds_neither_the_sentence_nor_the_token_table():
    from analysis.corpus import load_corpus
    from analysis.paths import DEFAULT_CORPUS_DIR
    from analysis.reports.corpus import corpus_report

    corpus = load_corpus(DEFAULT_CORPUS_DIR)  # a corpus of its own: the shared one has built both
    assert corpus_report(corpus).records
    assert "sentences" not in corpus.__dict__ and "tokens" not in corpus.__dict__
