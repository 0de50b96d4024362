"""Per-review measures, shared vocabulary, similarity and the vocab report."""

import json
import math

import pandas as pd
import pytest

from analysis.corpus import load_corpus, sentence_table, token_table
from analysis.reports.vocabulary import vocabulary_report
from analysis.vocabulary import (
    counts_by_review,
    distinctive_terms,
    pairwise_similarity,
    term_counts,
    vocabulary_spread,
    vocabulary_table,
)
from analysis.vocabulary_measures import vocabulary_measures


@pytest.fixture
def tiny(tmp_path):
    (tmp_path / "a.txt").write_text("Her is a great film. The cast is great.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("A dull script. But a great cast, but dull.\n", encoding="utf-8")
    return load_corpus(tmp_path)


def test_measures_of_tiny_reviews(tiny):
    table = vocabulary_measures(token_table(tiny), sentence_table(tiny)).set_index("review_id")
    a = table.loc["a"]
    # Her is a great film The cast is great: 9 words, 7 types, 2 sentences, all one syllable
    assert (a["tokens"], a["words"], a["types"], a["sentences"]) == (9, 9, 7, 2)
    assert (a["content_tokens"], a["content_types"]) == (4, 3)
    assert a["mean_sentence_length"] == 4.5
    assert a["ttr"] == pytest.approx(7 / 9)
    assert a["mattr"] == pytest.approx(7 / 9)  # shorter than the 50-token window
    assert a["syllables"] == 9
    assert a["flesch_reading_ease"] == pytest.approx(206.835 - 1.015 * 4.5 - 84.6)
    assert table.loc["b", "types"] == 6


def test_flesch_counts_words_as_written_not_clitic_tokens(tmp_path):
    (tmp_path / "a.txt").write_text("It isn't Jonze's best.\n", encoding="utf-8")
    row = vocabulary_measures(*_tables(load_corpus(tmp_path))).iloc[0]
    # Tokens It is n't Jonze 's best; words It isn't Jonze's best, of 1 + 2 + 1 + 1 syllables
    # (as tokens 1 + 1 + 1 + 1 + 1 + 1: a clitic counted as a word of its own)
    assert (row["tokens"], row["words"], row["syllables"]) == (6, 4, 5)
    assert row["flesch_reading_ease"] == pytest.approx(206.835 - 1.015 * 4 - 84.6 * 5 / 4)


def _tables(corpus):
    return token_table(corpus), sentence_table(corpus)


def test_spread_lists_shared_and_unique_content_words(tiny):
    spread = vocabulary_spread(term_counts(token_table(tiny)))
    assert spread["term"].tolist() == ["great", "cast", "dull", "film", "script"]
    assert spread["reviews"].tolist() == [2, 2, 1, 1, 1]
    assert spread["review_ids"].tolist() == ["a b", "a b", "b", "a", "b"]
    assert spread["count_total"].tolist() == [3, 2, 2, 1, 1]
    assert list(spread.columns) == ["term", "reviews", "review_ids", "count_total"]


def test_counts_by_review_gives_chosen_terms_a_column_per_review(tiny):
    counts = term_counts(token_table(tiny))
    wide = counts_by_review(counts, ["film", "great", "absent"])
    assert list(wide.columns) == ["term", "count_a", "count_b"]
    assert wide.values.tolist() == [["film", 1, 0], ["great", 2, 1], ["absent", 0, 0]]
    # No term chosen (no word every review uses) still joins on the terms' text column.
    none = counts_by_review(counts, [])
    assert list(none.columns) == ["term", "count_a", "count_b"] and none["term"].dtype == object
    assert vocabulary_spread(counts).iloc[:0].merge(none, on="term").empty


def test_similarity_of_chosen_reviews_is_their_part_of_every_pair():
    counts = pd.DataFrame(
        [("r1", "film", 3), ("r1", "score", 1), ("r2", "film", 1), ("r2", "script", 2), ("r3", "score", 4),
         ("r3", "script", 1), ("r3", "cast", 2), ("r4", "cast", 1), ("r4", "film", 2)],
        columns=["review_id", "term", "count"],
    )
    every = pairwise_similarity(counts)
    chosen = pairwise_similarity(counts, reviews=["r3", "r1"])
    assert chosen["review_a"].tolist() == ["r1", "r1", "r3", "r3"]
    expected = every[every["review_a"].isin(["r1", "r3"]) & every["review_b"].isin(["r1", "r3"])]
    # The document frequencies stay those of all four reviews, so the cosines are exactly equal.
    pd.testing.assert_frame_equal(chosen, expected.reset_index(drop=True))
    # A review without counts (its body all stopwords) has no pair, chosen or not.
    assert set(pairwise_similarity(counts, reviews=["r1", "r9"])["review_b"]) == {"r1"}


def test_similarity_by_hand(tiny):
    pairs = pairwise_similarity(term_counts(token_table(tiny))).set_index(["review_a", "review_b"])
    ab = pairs.loc[("a", "b")]
    # a {great, film, cast}, b {dull, script, great, cast}: 2 shared of 5
    assert (ab["shared_types"], ab["union_types"], ab["jaccard"]) == (2, 5, 0.4)
    # smoothed idf: 1 for words in both, ln(3/2) + 1 for the others
    idf = math.log(3 / 2) + 1
    a = [2, 1, idf, 0, 0]  # great, cast, film, dull, script
    b = [1, 1, 0, 2 * idf, idf]
    cosine = sum(x * y for x, y in zip(a, b)) / math.hypot(*a) / math.hypot(*b)
    assert ab["tfidf_cosine"] == pytest.approx(cosine)
    assert pairs.loc[("a", "a"), "tfidf_cosine"] == pytest.approx(1)


def test_distinctive_terms_joins_both_scores(tiny):
    table = distinctive_terms(term_counts(token_table(tiny), content_only=False), min_count=2)
    # a: is 2-0, great 2-1; b: but 2-0 and dull 2-0 (tie broken by term), a 2-1
    assert table[["review_id", "term", "rank"]].values.tolist() == [
        ["a", "is", 1], ["a", "great", 2], ["b", "but", 1], ["b", "dull", 2], ["b", "a", 3]
    ]
    assert {"g2", "log_ratio", "fw_z", "significant_bonferroni"} <= set(table.columns)


READER_COMMENT_WORDS = ["liebster", "liamdoesfilm", "rtimmorris", "wordpress"]


def test_no_reader_comment_or_widget_word_is_counted(her_corpus):
    raw = " ".join(review.raw.lower() for review in her_corpus.reviews)
    assert all(word in raw for word in READER_COMMENT_WORDS)  # they are in the files ...
    counted = set(term_counts(token_table(her_corpus), content_only=False)["term"].str.lower())
    assert counted.isdisjoint(READER_COMMENT_WORDS)  # ... but in no count


def test_her_corpus_table(her_corpus):
    table = vocabulary_table(her_corpus).set_index("review_id")
    assert table.index.tolist() == ["000", "001", "002", "003", "004"]
    assert table["tokens"].tolist() == [1477, 452, 468, 353, 284]
    assert table.loc["004", "author"] == "thomasjford"
    assert (table["mattr_window"] == 50).all() and (table["mtld_threshold"] == 0.72).all()


def test_vocab_report_records_are_plain_json_and_match_the_tables(her_corpus):
    report = vocabulary_report(her_corpus, top=3)
    records = json.loads(json.dumps(report.records))
    assert records == report.records
    measures, top = report.tables.values()
    assert [r["tokens"] for r in records] == measures["tokens"].tolist()
    assert [t["term"] for t in records[4]["distinctive_terms"]] == top[top["review_id"] == "004"]["term"].tolist()
    assert len(records[4]["distinctive_terms"]) == 3


def test_vocab_command_prints_the_report(capsys):
    from analysis.cli import main
    from analysis.paths import DEFAULT_CORPUS_DIR

    assert main(["vocab", str(DEFAULT_CORPUS_DIR), "--json"]) == 0
    records = json.loads(capsys.readouterr().out)["records"]
    assert [r["review_id"] for r in records] == ["000", "001", "002", "003", "004"]
    top = records[3]["distinctive_terms"][0]
    assert (top["term"], top["count_target"], top["count_reference"], top["significant_bonferroni"]) == ("as", 14, 19, True)
    assert main(["vocab", str(DEFAULT_CORPUS_DIR)]) == 0
    assert "Distinctive words: top 10 per review by G²" in capsys.readouterr().out
