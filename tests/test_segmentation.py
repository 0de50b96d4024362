import pytest

from analysis.segmentation import Comment, parse_comment, segment

WEB_COPY = """\
HER (2014)


Starring: Joaquin Phoenix, Scarlett Johansson

A film I have been looking forward to. I wasn't disappointed.

It is a cracker.

4.5 clappers

About somecritic

I like movies.


  1. Great review!

  2. fan42

    Nice one.

    \u2022 Thanks, glad you liked it.

Leave a Reply

You are commenting using your WordPress.com account.
"""


@pytest.fixture(scope="module")
def segments():
    return segment(WEB_COPY, rating_scales={"clappers": 5})


def test_segments_join_back_to_the_raw_text(segments):
    assert "".join(s.text for s in segments) == WEB_COPY


def test_offsets_locate_each_segment(segments):
    for s in segments:
        assert WEB_COPY[s.start:s.end] == s.text


def test_labels_in_order(segments):
    assert [s.label for s in segments] == [
        "header", "body", "rating", "author_bio", "comment", "comment", "comment", "boilerplate"]


def test_body_holds_only_the_review(segments):
    body = "".join(s.text for s in segments if s.label == "body")
    assert body.strip() == "A film I have been looking forward to. I wasn't disappointed.\n\nIt is a cracker."


def test_comment_authors_and_bio_author(segments):
    assert [s.author for s in segments if s.label in ("comment", "author_bio")] == [
        "somecritic", None, "fan42", None]


def test_a_numbered_list_in_the_body_is_not_comments():
    text = "My list of reasons, in order:\n\n  1. the script\n  2. the score\n\nThat is all I have to say.\n"
    assert {s.label for s in segment(text)} == {"body"}


def test_plain_prose_is_one_body_segment():
    text = "Her is a poignant exploration of love. It lingers long after the credits roll."
    assert [(s.label, s.text) for s in segment(text)] == [("body", text)]


def test_parse_comment_with_handle_line():
    assert parse_comment("  5. rtimmorris\n\n    Cannot stress how much.\n") == Comment(
        "5", "rtimmorris", "Cannot stress how much.")


def test_parse_comment_whose_first_line_is_text():
    assert parse_comment("  7. Excellent review.\n") == Comment("7", None, "Excellent review.")


def test_a_rating_line_in_the_header_is_a_rating_segment():
    text = "Her (2013)\nRating: B+\n\nA tender, funny film. I loved it.\n"
    assert [(s.label, s.text) for s in segment(text)] == [
        ("header", "Her (2013)\n"), ("rating", "Rating: B+\n\n"), ("body", "A tender, funny film. I loved it.\n")]
