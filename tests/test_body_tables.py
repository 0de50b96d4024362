"""A review body's splits give the same tokens as arrays per review as in the token table."""

from analysis.body_tables import body_token_table, review_words, split_body
from analysis.segmentation import segment

TITLE = "Salt Meridian"
TEXTS = {
    "a": "Salt Meridian is slow. Its sea isn't.\n",
    "b": "4 + 4 = 8.\n",  # a body sentence with no word
    "c": "The cast of Salt Meridian shines, and the score swells.\n",
}


def _splits():
    return [(review_id, split_body(tuple(segment(text)), title=TITLE)) for review_id, text in TEXTS.items()]


def test_review_words_are_the_token_table_rows_of_each_review():
    table = body_token_table(_splits(), title=TITLE)
    found = review_words(_splits(), title=TITLE)
    assert [review.review_id for review in found] == ["a", "b", "c"]
    assert [review.sentences for review in found] == [2, 1, 1]
    for review in found:
        rows = table[table["review_id"] == review.review_id]
        assert review.tokens.tolist() == rows["token"].tolist()
        assert review.terms.tolist() == rows["term"].tolist()
        assert review.is_word.tolist() == rows["is_word"].tolist()
        assert review.is_content.tolist() == rows["is_content"].tolist()
    first = found[0]
    assert first.terms[first.is_word].tolist() == ["Salt Meridian", "is", "slow", "its", "sea", "is", "n't"]


def test_review_words_of_no_review_are_none():
    assert review_words([], title=TITLE) == []
