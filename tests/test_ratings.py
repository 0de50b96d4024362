import json
import re

import pandas as pd
import pytest

from analysis.corpus import load_corpus, sentence_table
from analysis.paths import DEFAULT_CORPUS_DIR
from analysis.arcs import arc_turns, sentiment_arc
from analysis.rating_parser import default_scale, is_rating_line, parse_explicit_ratings
from analysis.review_polarity import expected_stars
from analysis.ratings import (
    explicit_rating_table,
    inferred_rating_validation,
    overall_explicit_ratings,
    rating_comparison,
    rating_evidence,
    review_signals,
)
from analysis.readers import reader_response, reader_response_summary
from analysis.reports.ratings import ratings_report


def _one(text, **kwargs):
    ratings = parse_explicit_ratings(text, **kwargs)
    assert len(ratings) == 1, ratings
    rating = ratings[0]
    return rating.text, rating.value, rating.scale, round(rating.normalised, 4), rating.scale_source


@pytest.mark.parametrize(
    "text, expected",
    [
        # Star glyphs: empty stars state the scale; without them the default applies.
        ("★★★★☆", ("★★★★☆", 4.0, 5.0, 0.8, "stated")),
        ("★★☆☆", ("★★☆☆", 2.0, 4.0, 0.5, "stated")),
        ("★★★½", ("★★★½", 3.5, 5.0, 0.7, "default")),
        ("★★★½☆", ("★★★½☆", 3.5, 5.0, 0.7, "stated")),
        # Fractions.
        ("I give it 4/5.", ("4/5", 4.0, 5.0, 0.8, "stated")),
        ("8/10", ("8/10", 8.0, 10.0, 0.8, "stated")),
        ("a solid 3.5/4 from me", ("3.5/4", 3.5, 4.0, 0.875, "stated")),
        ("4/5 stars", ("4/5 stars", 4.0, 5.0, 0.8, "stated")),
        ("75/100", ("75/100", 75.0, 100.0, 0.75, "stated")),
        # "out of", in digits and in words.
        ("3.5 out of 4", ("3.5 out of 4", 3.5, 4.0, 0.875, "stated")),
        ("four out of five", ("four out of five", 4.0, 5.0, 0.8, "stated")),
        ("I'd give it four out of five stars.", ("four out of five stars", 4.0, 5.0, 0.8, "stated")),
        ("three and a half out of five", ("three and a half out of five", 3.5, 5.0, 0.7, "stated")),
        # Letter grades, after a label or a verb.
        ("Grade: A-", ("A-", 10.0, 12.0, 0.8333, "stated")),
        ("I give it a B+.", ("B+", 9.0, 12.0, 0.75, "stated")),
        ("It gets an A from me.", ("A", 11.0, 12.0, 0.9167, "stated")),
        ("Rating: F", ("F", 0.0, 12.0, 0.0, "stated")),
        # Thumbs.
        ("Two thumbs up!", ("Two thumbs up", 2.0, 2.0, 1.0, "stated")),
        ("thumbs down", ("thumbs down", 0.0, 1.0, 0.0, "stated")),
        ("One thumb up, one thumb down.", ("One thumb up, one thumb down", 1.0, 2.0, 0.5, "stated")),
        # Unit words: conventional scale, the manifest's, or a stated one.
        ("four stars", ("four stars", 4.0, 5.0, 0.8, "default")),
        ("3½ stars", ("3½ stars", 3.5, 5.0, 0.7, "default")),
        ("3 1/2 stars", ("3 1/2 stars", 3.5, 5.0, 0.7, "default")),
        ("4 stars out of 5", ("4 stars out of 5", 4.0, 5.0, 0.8, "stated")),
        ("4.5 clappers", ("4.5 clappers", 4.5, 5.0, 0.9, "default")),
    ],
)
def test_each_format_is_parsed_and_normalised(text, expected):
    assert _one(text) == expected


def test_house_unit_on_its_own_line_takes_the_manifest_scale():
    assert _one("4.5 clappers", scales={"clappers": 5}) == ("4.5 clappers", 4.5, 5.0, 0.9, "manifest")
    assert _one("7 clappers", scales={"clappers": 10}) == ("7 clappers", 7.0, 10.0, 0.7, "manifest")
    # Singular and plural name the same unit.
    assert _one("1 clapper", scales={"clappers": 5})[-1] == "manifest"


def test_unknown_house_unit_on_its_own_line_takes_the_documented_default():
    assert default_scale() == 5.0
    assert _one("4 popcorns") == ("4 popcorns", 4.0, 5.0, 0.8, "default")
    assert _one("Verdict: 2 popcorns") == ("2 popcorns", 2.0, 5.0, 0.4, "default")
    assert _one("4 popcorns", scales={"popcorns": 4}) == ("4 popcorns", 4.0, 4.0, 1.0, "manifest")
    # A unit the data file does not know either: a rating on its own line, a count in prose.
    assert _one("4 tomatoes") == ("4 tomatoes", 4.0, 5.0, 0.8, "default")
    assert parse_explicit_ratings("We ate 4 tomatoes during the film.") == []
    # Above the default scale it is not a rating.
    assert parse_explicit_ratings("7 popcorns") == []


def test_line_only_forms():
    assert _one("B+") == ("B+", 9.0, 12.0, 0.75, "stated")
    assert _one("\U0001F44D") == ("\U0001F44D", 1.0, 1.0, 1.0, "stated")
    assert _one("\U0001F44D\U0001F44E")[1:3] == (1.0, 2.0)
    assert parse_explicit_ratings("The blood group was B+ that day.") == []


# The look-alikes, each with the reason it is not a rating, are in tests/test_rating_parser.py.


@pytest.mark.parametrize(
    "line",
    ["4.5 clappers", "★★★★☆", "8/10", "Rating: B+", "Two thumbs up", "  Verdict: 4/5.  ", "Score - 3.5 out of 4",
     "4 popcorns", "B-"],
)
def test_rating_lines(line):
    assert is_rating_line(line)


@pytest.mark.parametrize(
    "line",
    ["I give it 4/5.", "Four stars for the cast, two for the script.", "4.5 clappers\nmore", "", "Rating:"],
)
def test_lines_that_are_more_or_less_than_one_rating(line):
    assert not is_rating_line(line)


def test_spans_index_the_raw_text_and_several_ratings_are_found_in_order():
    text = "Jonze\u2019s \u201cHer\u201d: 4/5.\nMy verdict: two thumbs up.\n\n4.5 clappers\n"
    ratings = parse_explicit_ratings(text, scales={"clappers": 5})
    assert [rating.text for rating in ratings] == ["4/5", "two thumbs up", "4.5 clappers"]
    assert all(text[r.start : r.end] == r.text for r in ratings)


def test_bad_scales_are_refused_with_the_value_named():
    with pytest.raises(ValueError, match=r"'clappers': 0"):
        parse_explicit_ratings("4 clappers", scales={"clappers": 0})
    with pytest.raises(TypeError, match="scales must map"):
        is_rating_line("4 clappers", scales=[5])


def test_her_corpus_has_one_explicit_rating(her_corpus):
    found = {
        review.id: [r.text for r in parse_explicit_ratings(review.raw, scales=her_corpus.rating_scales)]
        for review in her_corpus.reviews
    }
    assert found == {"000": [], "001": [], "002": [], "003": [], "004": ["4.5 clappers"]}
    rating_segments = [s for s in her_corpus.reviews[4].segments if s.label == "rating"]
    assert [s.text.strip() for s in rating_segments] == ["4.5 clappers"]


# --- The comparison: explicit, inferred, signals, arc, readers ---------------------------------


def test_explicit_rating_table_reads_rating_segments_with_raw_offsets(her_corpus):
    table = explicit_rating_table(her_corpus)
    assert table[["review_id", "segment", "text", "value", "scale", "scale_source"]].values.tolist() == [
        ["004", "rating", "4.5 clappers", 4.5, 5.0, "manifest"]
    ]
    raw = her_corpus.reviews[4].raw
    assert raw[table.loc[0, "start"] : table.loc[0, "end"]] == "4.5 clappers"


def test_overall_rating_prefers_a_rating_segment_then_the_last_in_the_body():
    explicit = pd.DataFrame(
        {
            "review_id": ["a", "a", "a", "b", "b"],
            "segment": ["body", "rating", "body", "body", "body"],
            "text": ["2/5", "4/5", "3/5", "1/5", "5/5"],
            "start": [0, 10, 20, 0, 10],
            "role": ["unlabelled"] * 5,
        }
    )
    assert overall_explicit_ratings(explicit)["text"].tolist() == ["4/5", "5/5"]


def test_overall_label_wins_and_a_sub_score_is_never_the_overall_rating():
    explicit = pd.DataFrame(
        {
            "review_id": ["a", "a", "a", "b", "b", "c"],
            "segment": ["body", "body", "rating", "body", "body", "header"],
            "text": ["7/10", "8/10", "9/10", "8/10", "6/10", "4/5"],
            "start": [0, 10, 20, 0, 10, 0],
            "role": ["overall", "sub-score", "unlabelled", "sub-score", "sub-score", "unlabelled"],
        }
    )
    # a: "Overall 7/10" beats a later rating line; b: sub-scores only, so no overall rating;
    # c: a headline rating counts as a rating line.
    assert overall_explicit_ratings(explicit)[["review_id", "text"]].values.tolist() == [["a", "7/10"], ["c", "4/5"]]


def test_arc_turns_on_a_hand_made_arc():
    arc = pd.DataFrame(
        {
            "review_id": ["r"] * 4,
            "sentence_index": [0, 1, 2, 3],
            "position": [0, 1 / 3, 2 / 3, 1],
            "judgement": [0.2, 0.9, -0.5, 0.8],
            "smoothed_judgement": [0.2, 0.8, 0.1, 0.8],
            "window": [3] * 4,
            "text": ["a", "b", "c", "d"],
        }
    )
    turns = arc_turns(arc)
    assert turns[["point", "sentence_index"]].values.tolist() == [["peak", 1], ["lowest", 2], ["steepest fall", 2]]
    assert turns["change"].round(2).tolist() == [0.6, -0.7, -0.7]
    # The driver is the most extreme sentence inside the point's window of 3.
    assert turns[["driver_index", "driver_text"]].values.tolist() == [[1, "b"], [2, "c"], [2, "c"]]


def test_a_review_with_no_judged_sentence_has_no_turns():
    # A review of "!!!" and "***" lines: no sentence holds a word, so none is judged.
    arc = pd.DataFrame(
        {
            "review_id": ["quiet", "quiet", "r", "r"],
            "sentence_index": [0, 1, 0, 1],
            "position": [0.0, 1.0, 0.0, 1.0],
            "judgement": [float("nan"), float("nan"), 0.4, -0.2],
            "smoothed_judgement": [float("nan"), float("nan"), 0.4, -0.2],
            "window": [3] * 4,
            "text": ["!!!", "***", "a", "b"],
        }
    )
    turns = arc_turns(arc)
    assert turns[["review_id", "point", "sentence_index"]].values.tolist() == [
        ["r", "peak", 0], ["r", "lowest", 1], ["r", "steepest fall", 1]]


def test_sentiment_arc_covers_every_body_sentence_but_headings(her_corpus):
    arc = sentiment_arc(her_corpus)
    sentences = sentence_table(her_corpus)
    headings = sentences[~sentences.set_index(["review_id", "sentence_index"]).index.isin(
        arc.set_index(["review_id", "sentence_index"]).index)]
    assert headings["text"].tolist() == [
        "Joaquin Phoenix's Acting", "The Script", "human connection", "loneliness", "The Direction",
        "love", "loneliness", "Cinematography"]
    assert arc.groupby("review_id")["position"].agg(["min", "max"]).values.tolist() == [[0.0, 1.0]] * 5
    assert (arc["judgement"] == arc["evaluative_probability"] * arc["polarity_score"]).all()
    assert arc["smoothed_judgement"].between(-1, 1).all()
    assert arc.groupby("review_id")["window"].first().tolist() == [23, 5, 5, 3, 3]
    with pytest.raises(ValueError, match=r"fraction must be a number in \(0, 1\]; got 0"):
        sentiment_arc(her_corpus, fraction=0)


def test_reader_comments_are_scored_separately(her_corpus):
    response = reader_response(her_corpus)
    assert response.groupby("review_id").size().to_dict() == {"002": 2, "003": 1, "004": 8}
    assert set(response["label"]) <= {"praise", "criticism", "neutral"}
    summary = reader_response_summary(response, review_ids=[r.id for r in her_corpus.reviews])
    assert summary["comments"].tolist() == [0, 0, 2, 1, 8]
    assert summary.loc[0, "mean_praise_probability"] != summary.loc[0, "mean_praise_probability"]  # NaN


def test_rating_comparison_puts_explicit_beside_inferred(her_corpus):
    table = rating_comparison(her_corpus)
    assert table["review_id"].tolist() == ["000", "001", "002", "003", "004"]
    assert table["explicit_text"].isna().tolist() == [True, True, True, True, False]
    assert table.loc[4, "explicit_stars"] == pytest.approx(4.5)
    assert table["inferred_stars"].tolist() == pytest.approx(expected_stars(table["positive_probability"]).tolist())
    assert table["inferred_stars"].between(1, 4.25).all()
    assert table["positive_probability"].between(0, 1).all()
    assert table.loc[1, "reservation_signals"] == 4


def test_the_explicit_rating_never_enters_the_inferred_one(her_corpus):
    from analysis.review_polarity import score_reviews

    review = her_corpus.reviews[4]
    assert "clappers" not in review.body
    inferred = rating_comparison(her_corpus).loc[4, "positive_probability"]
    # Scored alone its sentences meet the encoder in other batches: int8 moves the last digits.
    assert inferred == pytest.approx(score_reviews([review.body]).loc[0, "positive_probability"], abs=0.01)


def test_rating_evidence_points_at_sentences(her_corpus):
    evidence = rating_evidence(her_corpus, top=3)
    assert set(evidence["direction"]) <= {"up", "down"}
    assert evidence.groupby(["review_id", "direction"]).size().max() <= 3
    located = evidence[evidence["sentence_index"] >= 0]
    assert len(located) > 0
    for row in located.itertuples():
        words = row.feature.replace("_NEG", "").split()
        assert all(word in row.sentence.lower() for word in words)


def test_ratings_report_records_are_plain_json(her_corpus):
    report = ratings_report(her_corpus)
    text = json.dumps(report.records, allow_nan=False)
    records = json.loads(text)
    assert [record["review_id"] for record in records] == ["000", "001", "002", "003", "004"]
    assert records[0]["explicit_rating"] is None
    assert records[4]["explicit_rating"] == {
        "text": "4.5 clappers", "value": 4.5, "scale": 5.0, "normalised": 0.9, "scale_source": "manifest",
    }
    assert set(records[4]["inferred_rating"]) == {"probability", "stars"}
    assert {"kind": "verdict_label", "span_text": "a cracker"}.items() <= records[4]["signals"][-1].items()
    assert list(report.tables) == [
        "Ratings", "Explicit ratings", "Signals", "Evidence for the inferred rating", "Readers' response",
    ]


def test_a_rating_line_under_the_headline_is_a_rating_and_credits_are_not(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Rating: B+\nRunning time: 126 min\n\nA masterpiece, 3/5 for the score alone.\n", encoding="utf-8"
    )
    corpus = load_corpus(tmp_path)
    table = explicit_rating_table(corpus)
    assert table[["segment", "text"]].values.tolist() == [["rating", "B+"], ["body", "3/5"]]
    assert overall_explicit_ratings(table)["text"].tolist() == ["B+"]
    raw = corpus.reviews[0].raw
    assert all(raw[row.start : row.end] == row.text for row in table.itertuples())


def test_a_threads_post_numbers_are_no_rating(tmp_path):
    from tests.test_segmentation import POSTED_AS_A_THREAD

    (tmp_path / "a.txt").write_text(POSTED_AS_A_THREAD, encoding="utf-8")
    table = explicit_rating_table(load_corpus(tmp_path))
    assert table.empty  # "1/3" ... "3/3" count the posts; the reader's 7/10 is a comment's


def test_a_fraction_that_is_no_count_of_posts_is_still_a_rating(tmp_path):
    # Scores of 1, 2 and 3 out of 5 inside a line are scores, not the numbers of a thread's posts.
    (tmp_path / "a.txt").write_text("A tense, odd film.\n\nActing 1/5, story 2/5, pacing 3/5.\n", encoding="utf-8")
    assert explicit_rating_table(load_corpus(tmp_path))["text"].tolist() == ["1/5", "2/5", "3/5"]


def test_a_family_guides_content_levels_are_not_its_rating(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Quality rating\n★★★☆☆\n\nA frantic, funny road trip with a big heart, if a long one for younger viewers.\n\n"
        "What's in the movie?\nViolence & Scariness: 3/5\nLanguage: 1/5\nDrinking, Drugs & Smoking: 0/5\n",
        encoding="utf-8",
    )
    table = explicit_rating_table(load_corpus(tmp_path))
    assert set(table.loc[table["text"] != "★★★☆☆", "role"]) == {"sub-score"}
    assert overall_explicit_ratings(table)["text"].tolist() == ["★★★☆☆"]


def test_a_plain_folder_of_text_files_works(tmp_path):
    (tmp_path / "a.txt").write_text("A dull, tedious film. Skip it.\n\n2 popcorns\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("A masterpiece. I highly recommend it: 9/10.\n", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    records = ratings_report(corpus).records
    assert [record["explicit_rating"]["text"] for record in records] == ["2 popcorns", "9/10"]
    assert [r["segment"] for r in records[1]["explicit_ratings"]] == ["body"]
    assert records[0]["explicit_rating"]["scale_source"] == "default"
    assert records[0]["signals"][0]["span_text"] == "Skip it"


def test_inferred_rating_validation_reports_the_shipped_stack_its_inputs_and_baseline():
    table = inferred_rating_validation()
    assert table["method"].str.contains("shipped").tolist() == [True, False, False, False]
    assert table["texts"].tolist() == [1400] * 4
    assert table["folds"].tolist()[:3] == [5, 5, 5]
    stacked, ngram, encoder, lexicon = table["accuracy"]
    assert stacked > max(ngram, encoder) > lexicon


RATING_FORMS = [
    "★★★★☆", "★★★½", "I give it 4/5.", "8/10", "3.5/4 stars", "3.5 out of 4", "four out of five stars",
    "4.5 clappers", "four stars", "4 stars out of 5", "Grade: B+", "I give it an A-", "gets an A",
    "two thumbs up", "thumbs down", "one thumb up, one thumb down", "Rating: 3 1/2 stars", "three and a half stars",
    "Verdict: 7/10", "Score - 9/10", "It deserves a B.", "earned a C+ from me",
]


def test_prose_trigger_never_hides_a_rating(her_corpus, monkeypatch):
    """The pre-screens of a line (one search, then one per pattern) change no result: compare with them off."""
    from analysis import rating_parser

    texts = RATING_FORMS + [review.raw for review in her_corpus.reviews]
    screened = [parse_explicit_ratings(text, scales={"clappers": 5}) for text in texts]
    rules = rating_parser.rules()
    everything = re.compile("")
    unscreened = rules._replace(prose_trigger=everything, pattern_triggers=dict.fromkeys(rules.patterns, everything))
    monkeypatch.setattr(rating_parser, "rules", lambda: unscreened)
    assert [parse_explicit_ratings(text, scales={"clappers": 5}) for text in texts] == screened
    assert all(screened[: len(RATING_FORMS)])


def test_rating_a_corpus_builds_neither_its_sentence_nor_its_token_table():
    # Each run of reviews is read from its body splits where it is processed.
    corpus = load_corpus(DEFAULT_CORPUS_DIR)  # a corpus of its own: the shared one has built both
    assert ratings_report(corpus).records
    assert "sentences" not in corpus.__dict__ and "tokens" not in corpus.__dict__



def test_body_readings_are_kept_in_the_judgement_cache_and_read_back(tmp_path, monkeypatch):
    from analysis import ratings
    from analysis.paths import CACHE_ENV_VAR, NO_CACHE_ENV_VAR

    eight = "tests/data/corpora/eight-reviews"
    monkeypatch.setenv(CACHE_ENV_VAR, str(tmp_path))
    monkeypatch.delenv(NO_CACHE_ENV_VAR, raising=False)
    first = ratings.rating_evidence(load_corpus(eight))

    def no_reading(*_, **__):
        raise AssertionError("a kept body reading was read again")

    monkeypatch.setattr(ratings, "read_body", no_reading)
    pd.testing.assert_frame_equal(ratings.rating_evidence(load_corpus(eight)), first)
    # With the cache off, every body is read again.
    monkeypatch.setenv(NO_CACHE_ENV_VAR, "1")
    with pytest.raises(AssertionError, match="read again"):
        ratings.rating_evidence(load_corpus(eight))


def test_the_films_title_is_no_verdict_signal(tmp_path):
    (tmp_path / "manifest.yaml").write_text(
        "film:\n  title: The Worst Person in the World\nreviews:\n  - file: a.txt\n", encoding="utf-8"
    )
    (tmp_path / "a.txt").write_text(
        "The Worst Person in the World follows Julie through four years.\n\nIt is a triumph.\n", encoding="utf-8"
    )
    corpus = load_corpus(tmp_path)
    assert review_signals(corpus)[["span_text", "weight"]].values.tolist() == [["a triumph", 0.8]]
    assert rating_comparison(corpus)[["superlative_signals", "net_signal_weight"]].values.tolist() == [[0, 0.8]]
