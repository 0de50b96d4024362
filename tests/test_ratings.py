import pytest

from analysis.ratings import default_scale, is_rating_line, parse_explicit_ratings


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


@pytest.mark.parametrize(
    "text",
    [
        "Thursday, 6 March 2014",
        "3 March",
        "$10",
        "It cost £4/5 a ticket.",
        "126 min",
        "Running time: 126 minutes",
        "2013",
        "Her (Spike Jonze, 2013)",
        "10,000 empty words",
        "a 12-part series",
        "top 10",
        "one of the top 10 films of the year",
        "Part 2",
        "Part 2/3",
        "the 21st century",
        "OS 1",
        "an OS 1 upgrade",
        "nine out of ten critics agree",
        "24/7",
        "9/11",
        "6/3/2014",
        "50/50",
        "1/2 hour",
        "2/3 of the film",
        "3 comments",
        "2 Responses",
        "4:30",
        "A",
        "Plan B",
        "a B-movie",
        "a five-star hotel",
        "4 films",
        "***",
        "great performances from its two stars",
        "a mere backdrop for the two stars to share the screen",
        "better than the last two star trek films",
        "adorn the 1/4 page ad",
        "this one stars Aidan Quinn",
        "we bought two tickets",
    ],
)
def test_look_alikes_are_not_ratings(text):
    assert parse_explicit_ratings(text) == []
    assert not is_rating_line(text)


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
    text = "Jonze\u2019s \u201cHer\u201d: 4/5.\nMy partner says two thumbs up.\n\n4.5 clappers\n"
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
