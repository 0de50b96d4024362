"""Keyword in context, collocations and dispersion on tiny texts and the Her corpus."""

import math

import pandas as pd
import pytest
from nltk.collocations import BigramAssocMeasures

from analysis.concordance import collocations, concordance, dispersion_table
from analysis.corpus import load_corpus, token_table


@pytest.fixture
def tokens(tmp_path):
    (tmp_path / "a.txt").write_text("Her is a great film. The cast is great.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("A dull script. But a great cast, but dull.\n", encoding="utf-8")
    return token_table(load_corpus(tmp_path))


def test_concordance_lines(tokens):
    lines = concordance(tokens, "Great", width=2)
    assert lines[["review_id", "sentence_index", "token_index"]].values.tolist() == [["a", 0, 3], ["a", 1, 3], ["b", 1, 2]]
    assert lines["left"].tolist() == ["is a", "cast is", "But a"]
    assert lines["right"].tolist() == ["film .", ".", "cast ,"]
    assert lines.loc[2, "sentence"] == "But a great cast , but dull ."


def test_concordance_of_an_unknown_word_is_an_empty_table(tokens):
    lines = concordance(tokens, "boring")
    assert len(lines) == 0 and "keyword" in lines.columns


def test_collocations_by_hand(tokens):
    # content words per sentence: great film | cast great | dull script | great cast dull (9 words)
    table = collocations(tokens, "great", window=2, min_count=1)
    assert sorted(map(tuple, table[["first", "second"]].values.tolist())) == [
        ("cast", "great"), ("great", "cast"), ("great", "film")
    ]
    film = table[table["second"] == "film"].iloc[0]
    assert (film["pair_count"], film["count_first"], film["count_second"], film["words"]) == (1, 3, 1, 9)
    assert film["pmi"] == pytest.approx(math.log2(9 / 3))
    assert film["likelihood_ratio"] == pytest.approx(BigramAssocMeasures.likelihood_ratio(1, (3, 1), 9))
    assert film["position"] == "after" and film["collocate"] == "film"


def test_collocations_min_count_and_messages(tokens):
    assert len(collocations(tokens, "great", window=2, min_count=2)) == 0
    with pytest.raises(ValueError, match="window must be at least 2 tokens, got 1"):
        collocations(tokens, "great", window=1)
    with pytest.raises(ValueError) as error:
        concordance(tokens, " ")
    assert str(error.value) == "concordance: word must be a non-empty string, got ' '"


def test_dispersion_offsets(tokens):
    table = dispersion_table(tokens, ["great"])
    assert table[["review_id", "word_offset", "review_words"]].values.tolist() == [["a", 3, 9], ["a", 8, 9], ["b", 5, 9]]
    assert table["relative_offset"].tolist() == pytest.approx([3 / 9, 8 / 9, 5 / 9])


def test_title_and_pronoun_are_different_queries(her_corpus):
    tokens = token_table(her_corpus)
    title = concordance(tokens, "Her")
    pronoun = concordance(tokens, "her")
    assert len(title) > 0 and len(pronoun) > 0
    assert set(title["keyword"].str.lower()) == {"her"}
    assert (title["keyword"].str[0] == "H").all() and (pronoun["keyword"] == "her").all()


def test_focus_words_are_chosen_from_the_data(her_corpus):
    from analysis.concordance import focus_words
    from analysis.vocabulary import distinctive_terms, term_counts

    tokens = token_table(her_corpus)
    focus = focus_words(term_counts(tokens), distinctive_terms(term_counts(tokens, content_only=False)), her_corpus.film)
    assert focus.keywords == [("as", "003"), ("computer", "004")]
    assert focus.collocates == ["love", "samantha"]
    assert focus.dispersion == ["Her", "samantha", "theodore", "love", "phoenix"]


def test_focus_words_of_a_plain_one_review_folder_need_no_manifest():
    from analysis.concordance import focus_words
    from analysis.film import Film

    counts = pd.DataFrame({"review_id": "r", "term": ["sea", "light", "ship"], "count": [3, 2, 2]})
    empty = pd.DataFrame(columns=["review_id", "term", "rank", "g2"])
    focus = focus_words(counts, empty, Film())
    assert focus.keywords == [("sea", None), ("light", None)]
    assert focus.collocates == ["sea", "light"]
    assert focus.dispersion == ["sea", "light", "ship"]


def test_concordance_of_one_review(her_corpus):
    lines = concordance(token_table(her_corpus), "as", width=3, review_id="003")
    assert set(lines["review_id"]) == {"003"} and len(lines) == 14


def _collocations_by_nltk(tokens, term, *, window, min_count):
    """NLTK's own finder over every pair of the corpus, as collocations once counted them."""
    from nltk.collocations import BigramCollocationFinder

    kept = tokens[tokens["is_content"].astype(bool)]
    words = []
    for _, sentence in kept.groupby(["review_id", "sentence_index"], sort=True):
        words += [*sentence["term"], *[None] * (window - 1)]
    finder = BigramCollocationFinder.from_words(words, window_size=window)
    finder.apply_freq_filter(min_count)
    finder.apply_ngram_filter(lambda first, second: term not in (first, second))
    measures = BigramAssocMeasures()
    return {
        pair: (count, finder.word_fd[pair[0]], finder.word_fd[pair[1]], finder.N,
               finder.score_ngram(measures.likelihood_ratio, *pair), finder.score_ngram(measures.pmi, *pair))
        for pair, count in finder.ngram_fd.items()
    }


@pytest.mark.parametrize(("word", "window", "min_count"), [("Her", 5, 2), ("film", 5, 1), ("love", 3, 1), ("Samantha", 2, 1)])
def test_collocations_count_only_the_pairs_of_the_node_yet_score_as_nltk_counting_every_pair(her_corpus, word, window, min_count):
    tokens = token_table(her_corpus)
    term = word if (tokens["term"] == word).any() else word.lower()
    table = collocations(tokens, word, window=window, min_count=min_count)
    assert len(table) > 0
    found = {
        (row.first, row.second): (row.pair_count, row.count_first, row.count_second, row.words, row.likelihood_ratio, row.pmi)
        for row in table.itertuples()
    }
    assert found == _collocations_by_nltk(tokens, term, window=window, min_count=min_count)


def test_collocations_of_a_table_in_any_row_order(tokens):
    shuffled = tokens.sample(frac=1, random_state=0)
    shuffled = shuffled.sort_values(["sentence_index", "review_id", "token_index"], kind="stable")
    pd.testing.assert_frame_equal(collocations(shuffled, "great", window=3, min_count=1), collocations(tokens, "great", window=3, min_count=1))
