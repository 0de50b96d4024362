"""The explicit-rating parser on the placements and forms of real review pages, and on their look-alikes.

Film titles here are invented; every string is small enough to check by eye.
"""

import re

import pytest

from analysis import rating_parser
from analysis.corpus import load_corpus
from analysis.rating_context import rating_role, stated_scale
from analysis.rating_parser import (
    is_rating_line,
    parse_explicit_ratings,
    parse_headline_rating,
    rejected_ratings,
)
from analysis.ratings import explicit_rating_table, overall_explicit_ratings


def _found(text, **options):
    return [(r.text, r.value, r.scale, r.scale_source) for r in parse_explicit_ratings(text, **options)]


# (text, the ratings found as (text, value, scale, scale_source), where and why)
FORMS = [
    ("★★★½", [("★★★½", 3.5, 5.0, "default")], "half glyph on a line of its own; no empty stars, default scale"),
    ("★★★☆☆", [("★★★☆☆", 3.0, 5.0, "stated")], "empty stars state the scale"),
    ("★★★⯪☆", [("★★★⯪☆", 3.5, 5.0, "stated")], "a half-black star glyph, as social review platforms print"),
    ("⭐️⭐️⭐️⭐️", [("⭐️⭐️⭐️⭐️", 4.0, 5.0, "default")], "emoji stars with variation selectors count once each"),
    ("★★★1/2", [("★★★1/2", 3.5, 5.0, "default")], "glyphs with a typed half"),
    ("***1/2", [("***1/2", 3.5, 5.0, "default")], "ASCII stars with a half"),
    ("Rating: ***", [("***", 3.0, 5.0, "default")], "ASCII stars after a label"),
    ("7,5/10", [("7,5/10", 7.5, 10.0, "stated")], "decimal comma"),
    ("8 / 10", [("8 / 10", 8.0, 10.0, "stated")], "spaces round the slash"),
    ("It's a 7,5/10 for me.", [("7,5/10", 7.5, 10.0, "stated")], "decimal comma in prose"),
    ("The performances carry it over a thin third act. 8/10",
     [("8/10", 8.0, 10.0, "stated")], "a one-line review ending in its rating; 'act' before a full stop is no index"),
    ("A cold, gorgeous film about grief.8/10", [("8/10", 8.0, 10.0, "stated")], "glued to the last full stop"),
    ("Rating: 3.5", [("3.5", 3.5, 5.0, "default")], "bare number after a label: the smallest scale that holds it"),
    ("Rating: 7", [("7", 7.0, 10.0, "default")], "above 5, so out of 10"),
    ("Rating: 85", [("85", 85.0, 100.0, "default")], "above 10, so out of 100"),
    ("Verdict: 4 Stars", [("4 Stars", 4.0, 5.0, "default")], "'N Stars' after a label"),
    ("Four out of five stars.", [("Four out of five stars", 4.0, 5.0, "stated")], "x out of y in words"),
    ("The film earns 3.5 stars out of 5.", [("3.5 stars out of 5", 3.5, 5.0, "stated")], "unit with its scale"),
    ("I'd give it a solid B+.", [("B+", 9.0, 12.0, "stated")], "letter grade given in prose, with an adjective"),
    ("It's a strong A- from me.", [("A-", 10.0, 12.0, "stated")], "a graded adjective needs no verb"),
    ("My final grade is a B.", [("B", 8.0, 12.0, "stated")], "grade after 'grade is a'"),
    ("Final grade: A-", [("A-", 10.0, 12.0, "stated")], "labelled grade line"),
    ("If I had to rate it, 7/10.", [("7/10", 7.0, 10.0, "stated")], "'had to' is the critic's own rating, not a counterfactual"),
    ("I'd say 8/10.", [("8/10", 8.0, 10.0, "stated")], "the critic's own 'say' is no reported speech"),
    ("Not perfect, but I give it 4/5.", [("4/5", 4.0, 5.0, "stated")], "the negation is in another clause"),
    ("Critics gave it 2/5 but I give it 4/5.", [("4/5", 4.0, 5.0, "stated")], "the critics' 2/5 is theirs; 'but' ends their clause"),
    ('a favourable "three star" review', [("three star", 3.0, 5.0, "default")], "scare quotes round the rating alone"),
    ("Overall (8/10).", [("8/10", 8.0, 10.0, "stated")], "a bracket after a rating label"),
    ("Great fun. (8/10)", [("8/10", 8.0, 10.0, "stated")], "a bracket after a sentence end"),
]


@pytest.mark.parametrize("text, expected, reason", FORMS, ids=[form[0] for form in FORMS])
def test_each_placement_and_form_is_read(text, expected, reason):
    assert _found(text) == expected, reason


# (text, why it is not this review's rating): a reason from rating_context.rejection when a rating
# form is there but is someone else's or hypothetical, else why no rating form matches at all.
NOT_RATINGS = [
    # No rating form at all: dates, times, money, counts, positions, indexes.
    ("Thursday, 6 March 2014", "a date"),
    ("3 March", "a date"),
    ("6/3/2014", "a date with slashes"),
    ("12/10/2013", "a date, day or month first"),
    ("10/12", "a date: 12 is no rating scale"),
    ("Released on 4/5 in cinemas", "a date after a date word"),
    ("Posted 12/10 at 9:30", "a date after a date word, and a time"),
    ("4:30", "a time"),
    ("126 min", "a running time"),
    ("Running time: 126 minutes", "a running time"),
    ("the film runs 2 hrs 6 mins", "a running time"),
    ("2013", "a year"),
    ("Her (Spike Jonze, 2013)", "credits with a year"),
    ("$10", "a price"),
    ("It cost £4/5 a ticket.", "a price with a slash"),
    ("It made $10 million in its opening weekend.", "box office"),
    ("Rotten Tomatoes 94%", "a percentage from another site"),
    ("92% of critics liked it", "a percentage"),
    ("10,000 empty words", "a count"),
    ("3 comments", "a count of comments"),
    ("2 Responses", "a count of replies"),
    ("4 films", "a count of films"),
    ("nine out of ten critics agree", "a count of people"),
    ("this movie bungles two out of three", "three is no rating scale"),
    ("top 10", "a list"),
    ("one of the top 10 films of the year", "a list"),
    ("#3 of 10", "a list position"),
    ("Number 3 of my top 10 of 2019", "a list position"),
    ("No. 3/10 on the list", "an abbreviated index word"),
    ("a 12-part series", "a number of parts"),
    ("Part 2", "a part number"),
    ("Part 2/3", "a part of a series"),
    ("Episode 4/10", "an episode number"),
    ("S01E09", "an episode code"),
    ("OS 1", "a product name"),
    ("an OS 1 upgrade", "a product name"),
    ("the 21st century", "an ordinal"),
    ("24/7", "7 is no rating scale"),
    ("9/11", "a date that names an event"),
    ("50/50", "odds"),
    ("1/2 hour", "half an hour"),
    ("2/3 of the film", "a fraction of the film"),
    ("3/4 of the audience walked out", "a fraction of the audience"),
    ("adorn the 1/4 page ad", "a page size"),
    ("a 4/4 tempo", "a time signature"),
    ("A", "a lone capital: an initial or a list marker"),
    ("Plan B", "a title"),
    ("a B-movie", "a genre"),
    ("grade A beef", "'grade A' inside a phrase"),
    ("***", "a section break"),
    ("a five-star hotel", "a hotel's class"),
    ("great performances from its two stars", "actors"),
    ("a mere backdrop for the two stars to share the screen", "actors"),
    ("a loose plot, two stars clearly having the time of their lives", "actors, by what follows"),
    ("the two stars who carry it", "actors, by the relative pronoun"),
    ("better than the last two star trek films", "a film series"),
    ("this one stars Aidan Quinn", "a verb"),
    ("we bought two tickets", "a purchase"),
    # A rating form that is not this review's rating: the reason rating_context gives.
    ("men in black ( 7/10 ) , for which he also recorded the theme", "another title"),
    ("Alien (9/10) and Aliens (8/10) set the bar.", "another title"),
    ("I gave the first Scream 3 1/2 stars as well.", "another title"),
    ("I'd give the preview four stars.", "another title"),
    ("IMDb: 7.9/10", "another rater"),
    ("It sits at 7.9/10 on IMDb.", "another rater"),
    ("Metacritic gave it 88/100.", "another rater"),
    ("Roger Ebert gave it four stars.", "another rater"),
    ("My partner says two thumbs up.", "another rater"),
    ("He says it deserves 4/5.", "another rater"),
    ("one colleague gave it four stars out of four and called it his best.", "another rater"),
    ("4.6 out of 5 · 1,212 reviews", "another rater"),
    ("User Rating: 3.9 ( 7 votes)", "another rater"),
    ("★ 4.6 community rating", "a star icon before an average"),
    ("It would have been a 9/10 without the ending.", "hypothetical"),
    ("If it were boring, I'd give it zero stars.", "hypothetical"),
    ("I'd give it 4/5 if the ending were any good.", "hypothetical"),
    ("it makes the world is not enough look like a 4 star film", "withheld"),
    ("the only reason i did not give this 0 stars is the stunts", "withheld"),
    ("which prevents it from earning four stars", "withheld"),
    ("while in & out doesn't carry enough to give it four stars", "withheld"),
    ("The mayor grins (thumbs up for New York).", "aimed elsewhere"),
    ('The poster quotes "a four star triumph" from a tabloid.', "quotation"),
    ("five stars is the highest rating I give", "scale statement"),
    ("the sensational blue velvet ( 8 . 5/10 )", "longer number"),
]
CONTEXT_REASONS = {
    "another title", "another rater", "hypothetical", "withheld", "aimed elsewhere", "quotation",
    "scale statement", "longer number",
}


@pytest.mark.parametrize("text, reason", NOT_RATINGS, ids=[text for text, _ in NOT_RATINGS])
def test_look_alikes_are_not_ratings(text, reason):
    assert parse_explicit_ratings(text) == []
    assert not is_rating_line(text)
    rejected = [why for _, why in rejected_ratings(text)]
    assert rejected == ([reason] * len(rejected) if reason in CONTEXT_REASONS else [])
    assert bool(rejected) == (reason in CONTEXT_REASONS)


def test_there_are_at_least_sixty_look_alikes_each_with_a_reason():
    assert len(NOT_RATINGS) >= 60
    assert all(reason for _, reason in NOT_RATINGS)
    assert len({text for text, _ in NOT_RATINGS}) == len(NOT_RATINGS)


HEADLINES = [
    ("Paper Lanterns ***1/2", ("***1/2", 3.5, 5.0), "ASCII stars with a half after the title"),
    ("Paper Lanterns (2019) – 4 Stars", ("4 Stars", 4.0, 5.0), "'N Stars' after the title"),
    ("PAPER LANTERNS: 4.5 out of 5 stars", ("4.5 out of 5 stars", 4.5, 5.0), "'x out of y stars' after the title"),
    ("Review: Paper Lanterns (2019) ★★★½", ("★★★½", 3.5, 5.0), "glyphs end the headline"),
    ("8/10 – Paper Lanterns", ("8/10", 8.0, 10.0), "a score may open the headline"),
    ("Paper Lanterns review – B+", ("B+", 9.0, 12.0), "a signed grade after a separator"),
    ("Paper Lanterns (2019)", None, "a year is no rating"),
    ("Watched on 4/5", None, "a date"),
    ("Top 10 films of 2019", None, "a list"),
    ("The 4 Stars of Paper Lanterns", None, "actors, inside the title"),
    ("Appendix - A", None, "an unsigned capital is a section"),
    ("Paper Lanterns, 2019, 126 min", None, "credits"),
]


@pytest.mark.parametrize("line, expected, reason", HEADLINES, ids=[line for line, _, _ in HEADLINES])
def test_headline_ratings(line, expected, reason):
    rating = parse_headline_rating(line)
    assert (rating and (rating.text, rating.value, rating.scale)) == expected, reason
    if rating:
        assert line[rating.start : rating.end] == rating.text


def test_sub_scores_come_before_an_overall_score():
    text = "Acting 8/10\nStory: 6/10\nVisuals - 9/10\nOverall: 7/10\n"
    ratings = parse_explicit_ratings(text)
    assert [(r.text, r.role) for r in ratings] == [
        ("8/10", "sub-score"), ("6/10", "sub-score"), ("9/10", "sub-score"), ("7/10", "overall"),
    ]
    inline = parse_explicit_ratings("Acting 8/10, Story 6/10, Visuals 9/10. All in all, 7/10.")
    assert [r.role for r in inline] == ["sub-score", "sub-score", "sub-score", "overall"]
    assert rating_role("I give it 8/10", 10) == "unlabelled"


def test_a_score_boxs_lines_need_no_separator_but_a_label_naming_a_craft_or_the_whole():
    text = "Story 8\nDirection 8.5\nMovie 4.5\nVideo 4.0\nOverall 4.0\nOur Score 7\n"
    assert [(r.text, r.scale, r.role) for r in parse_explicit_ratings(text)] == [
        ("8", 10.0, "sub-score"), ("8.5", 10.0, "sub-score"), ("4.5", 5.0, "unlabelled"),
        ("4.0", 5.0, "sub-score"), ("4.0", 5.0, "overall"), ("7", 10.0, "overall"),
    ]
    # A number after any other words is a count, a part or a title.
    assert not any(is_rating_line(line) for line in ("Chapter 8", "Top 10", "Part 2", "Movie 43", "The 8", "Season 2"))


def test_ascii_stars_out_of_ascii_stars_a_star_icon_before_a_score_and_points_in_other_languages():
    assert [(r.value, r.scale) for r in parse_explicit_ratings("Rating: *** 1/2 out of ****")] == [(3.5, 4.0)]
    assert [(r.value, r.scale) for r in parse_explicit_ratings("★ 8.0")] == [(8.0, 10.0)]
    assert parse_explicit_ratings("★ 4.6 community rating") == []
    assert [(r.value, r.scale, r.role) for r in parse_explicit_ratings("Bewertung: 9 von 10 Punkten")] == [(9.0, 10.0, "overall")]
    assert [(r.value, r.scale) for r in parse_explicit_ratings("4 sur 5 étoiles")] == [(4.0, 5.0)]
    assert parse_explicit_ratings("7 von 10 Deutschen mögen ihn") == []


def test_a_scale_stated_anywhere_governs_unstated_ones():
    assert stated_scale("All ratings are out of four stars.") == 4.0
    assert stated_scale("On my four-star scale, three stars.") == 4.0
    assert stated_scale("On a scale of 1 to 10 it is fine.") == 10.0
    assert stated_scale("five stars is the highest rating I give") == 5.0
    assert stated_scale("Four stars.") is None
    assert stated_scale("a three out of seven scale") is None  # 7 is no rating scale
    text = "My ratings are out of four stars.\n\nA quiet triumph.\n\n★★★½\n"
    assert _found(text) == [("★★★½", 3.5, 4.0, "stated")]
    # The stated scale never changes a rating whose own form states its scale.
    assert _found("Ratings are out of four stars. I give it 8/10.") == [("8/10", 8.0, 10.0, "stated")]
    # Stated elsewhere in the review: passed in by the caller.
    assert _found("Rating: 3", review_scale=4) == [("3", 3.0, 4.0, "stated")]
    # A rating above the stated scale keeps its default one.
    assert _found("★★★★★", review_scale=4) == [("★★★★★", 5.0, 5.0, "default")]


def test_review_scale_must_be_positive():
    with pytest.raises(ValueError, match=r"review_scale must be a positive number or None, got 0"):
        parse_explicit_ratings("★★★", review_scale=0)
    with pytest.raises(ValueError, match=r"review_scale .* got 'four'"):
        parse_headline_rating("Paper Lanterns ★★★", review_scale="four")


def test_prose_trigger_never_hides_a_new_form(monkeypatch):
    """The pre-screens (one search, then one per pattern) change no result on any form or look-alike above."""
    texts = [text for text, _, _ in FORMS] + [text for text, _ in NOT_RATINGS]
    screened = [(parse_explicit_ratings(text), rejected_ratings(text)) for text in texts]
    rules = rating_parser.rules()
    everything = re.compile("")
    unscreened = rules._replace(prose_trigger=everything, pattern_triggers=dict.fromkeys(rules.patterns, everything))
    monkeypatch.setattr(rating_parser, "rules", lambda: unscreened)
    assert [(parse_explicit_ratings(text), rejected_ratings(text)) for text in texts] == screened


def _corpus(tmp_path, pages):
    for name, text in pages.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    corpus = load_corpus(tmp_path)
    return explicit_rating_table(corpus), corpus


def test_the_corpus_chooses_the_review_s_own_overall_rating(tmp_path):
    table, corpus = _corpus(
        tmp_path,
        {
            "a-headline": "Paper Lanterns (2019) ***1/2\n\nA patient, tender film. The ending lands.\n",
            "b-sub-scores": (
                "Paper Lanterns\n\nA patient film that loses its nerve late on.\n\n"
                "Acting 8/10\nStory 6/10\nVisuals 9/10\nOverall: 7/10\n"
            ),
            "c-other-films": (
                "Paper Lanterns\n\nIts director made Alien Coast (9/10), and it shows. IMDb: 7.9/10. "
                "It would have been a 9/10 with a shorter middle.\n"
            ),
            "d-stated-scale": "Paper Lanterns\n\nMy ratings are out of four stars. A quiet triumph.\n\n★★★\n",
        },
    )
    overall = overall_explicit_ratings(table).set_index("review_id")
    assert overall[["text", "value", "scale", "scale_source"]].to_dict("index") == {
        "a-headline": {"text": "***1/2", "value": 3.5, "scale": 5.0, "scale_source": "default"},
        "b-sub-scores": {"text": "7/10", "value": 7.0, "scale": 10.0, "scale_source": "stated"},
        "d-stated-scale": {"text": "★★★", "value": 3.0, "scale": 4.0, "scale_source": "stated"},
    }
    assert table.loc[table["review_id"] == "a-headline", "segment"].tolist() == ["rating"]  # the headline's stars are split off as a rating segment
    assert table.loc[table["review_id"] == "b-sub-scores", "role"].tolist() == ["sub-score"] * 3 + ["overall"]
    raws = {review.id: review.raw for review in corpus.reviews}
    assert all(raws[row.review_id][row.start : row.end] == row.text for row in table.itertuples())


def test_sub_scores_alone_give_no_overall_rating(tmp_path):
    table, _ = _corpus(tmp_path, {"a": "Paper Lanterns\n\nA patient film.\n\nActing 8/10\nStory 6/10\n"})
    assert table["role"].tolist() == ["sub-score", "sub-score"]
    assert overall_explicit_ratings(table).empty


@pytest.mark.parametrize(("line", "value", "scale"), [
    ("★★★★ (out of five)", 4.0, 5.0),
    ("★★★½ out of 4", 3.5, 4.0),
])
def test_star_glyphs_with_a_stated_scale_are_one_rating_line(line, value, scale):
    (rating,) = parse_explicit_ratings(line)
    assert (rating.text, rating.value, rating.scale, rating.scale_source) == (line, value, scale, "stated")
    assert is_rating_line(line)
