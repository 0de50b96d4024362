"""The labelled web copies (tests/data/web-copies, and the pages kept aside in
tests/data/web-copies-holdout): every page is a test of segmentation, and the development set's
explicit ratings are read through the public rating API."""

import importlib.util
import sys
from pathlib import Path

import pytest

from analysis.corpus import load_corpus, token_table
from analysis.ratings import explicit_rating_table, overall_explicit_ratings
from analysis.readers import reader_response
from analysis.segmentation import segment

ROOT = Path(__file__).resolve().parent.parent
DEVELOPMENT = ROOT / "tests" / "data" / "web-copies"
HOLDOUT = ROOT / "tests" / "data" / "web-copies-holdout"
PAGES = sorted(DEVELOPMENT.glob("*.txt")) + sorted(HOLDOUT.glob("*.txt")) + sorted((HOLDOUT / "second-look").glob("*.txt"))
# The explicit-rating parser does not read ASCII stars ("***1/2") yet.


def _load_evaluation():
    spec = importlib.util.spec_from_file_location("evaluate_web_copies", ROOT / "scripts" / "evaluate_web_copies.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


evaluation = _load_evaluation()


@pytest.fixture(scope="module")
def development_pages():
    return evaluation.read_pages(DEVELOPMENT)


@pytest.fixture(scope="module")
def development_corpus():
    return load_corpus(DEVELOPMENT)


def test_the_sets_have_the_pages_and_layouts_they_claim(development_pages):
    holdout = evaluation.read_pages(HOLDOUT)
    assert (len(development_pages), len({p.layout for p in development_pages})) == (49, 23)
    assert (len(holdout), len({p.layout for p in holdout})) == (12, 12)
    assert not {p.layout for p in development_pages} & {p.layout for p in holdout}


def test_every_layout_named_in_the_issue_is_in_the_set(development_pages):
    layouts = {p.layout for p in development_pages}
    assert {
        "wordpress-thoughts", "wordpress-responses", "blogger-said", "blogger-no-comments", "blogger-foreign",
        "sitebuilder-wix", "sitebuilder-squarespace", "medium", "newspaper", "forum-smf", "forum-phpbb",
        "letterboxd", "disqus", "imdb-user-review", "aggregator-critic", "guestbook-wrote", "one-line-review",
    } <= layouts


@pytest.mark.parametrize("path", PAGES, ids=[p.stem for p in PAGES])
def test_page_is_segmented_losslessly_with_its_comments(path):
    page = evaluation.read_page(path)
    assert "".join(s.text for s in segment(page.raw)) == page.raw
    scores = evaluation.page_scores(page)
    assert scores["comments_found"] == scores["comments_true"]
    assert scores["lines_right"] / scores["lines"] >= 0.75, scores["wrong_lines"]


def test_line_labels_and_comment_counts_meet_the_targets(development_pages):
    scores = [evaluation.page_scores(page) for page in development_pages]
    accuracy = sum(s["lines_right"] for s in scores) / sum(s["lines"] for s in scores)
    exact = sum(s["comments_found"] == s["comments_true"] for s in scores) / len(scores)
    assert accuracy >= 0.97 and exact >= 0.95


@pytest.mark.parametrize("page_id", [path.stem for path in sorted(DEVELOPMENT.glob("*.txt"))])
def test_explicit_rating_of_each_page(page_id, development_pages, development_corpus):
    truth = next(p.rating for p in development_pages if p.page_id == page_id)
    chosen = overall_explicit_ratings(explicit_rating_table(development_corpus)).set_index("review_id")
    found = (chosen.loc[page_id, "value"], chosen.loc[page_id, "scale"]) if page_id in chosen.index else None
    assert found == truth


def test_readers_words_never_reach_the_critics_vocabulary(development_corpus):
    # Page 01: a reader found the middle "dragged" and called the film "a masterpiece"; the critic
    # said neither, and "Reply" and the commenters' names are furniture.
    terms = set(token_table(development_corpus).query("review_id == '01-wordpress-thoughts-arrival'")["term"])
    assert "drags" in terms
    assert not terms & {"dragged", "masterpiece", "reply", "priya", "says", "share", "loading"}


def test_readers_are_their_own_response(development_corpus):
    response = reader_response(development_corpus)
    arrival = response[response["review_id"] == "01-wordpress-thoughts-arrival"]
    assert arrival["author"].tolist() == ["Mark Ellis", "reelgrace", "Priya"]
    assert arrival["text"].iloc[2] == "A masterpiece. Best film of the year for me."


def test_the_seventh_looks_pages_keep_the_critics_text_the_rules_were_improved_to():
    # Written blind after the sixth look's rules and scored once (75.9 % of lines, 2 counts
    # exact, 7 of the critic's 52 lines lost and 36 other lines read as it: show notes, an
    # assignment prompt, a newsletter box); the rules were then improved on these pages.
    folder = HOLDOUT / "seventh-look"
    scores = [evaluation.page_scores(page) for page in evaluation.read_pages(folder)]
    assert sum(s["lines_right"] for s in scores) >= 562  # of 671
    assert sum(s["comments_found"] == s["comments_true"] for s in scores) >= 5
    assert sum(s["body_lost"] for s in scores) <= 5
    assert sum(s["read_as_body"] for s in scores) <= 7


@pytest.mark.parametrize(
    ("look", "lines_right", "counts_exact", "authors"),
    [
        # Written blind and scored before any rule changed (56.5 % of lines, one comment count
        # exact, a rating invented: see its README).
        ("third-look", 0.885, 8, 20),
        # Written blind after the fourth look's rules (72.6 % of lines, 2 counts exact, 22 of the
        # critic's lines lost under a cookie banner).
        ("fifth-look", 0.93, 8, 29),
        # Written blind after the fifth look's rules (83.7 % of lines, 3 counts exact).
        ("sixth-look", 0.949, 7, 30),
    ],
)
def test_a_blind_looks_pages_keep_the_figures_the_rules_were_improved_to(look, lines_right, counts_exact, authors):
    # The rules were then improved on these pages, so these are development figures now, kept
    # from falling back.
    folder = HOLDOUT / look
    pages = evaluation.read_pages(folder)
    scores = [evaluation.page_scores(page) for page in pages]
    ratings = evaluation.rating_scores(folder, pages)
    assert all("".join(s.text for s in segment(page.raw)) == page.raw for page in pages)
    assert sum(s["lines_right"] for s in scores) / sum(s["lines"] for s in scores) >= lines_right
    assert sum(s["comments_found"] == s["comments_true"] for s in scores) >= counts_exact
    assert sum(s["authors_found"] for s in scores) == sum(s["authors_true"] for s in scores) == authors
    assert ratings["exact"].all()


def test_the_eighth_looks_pages_keep_the_critics_text_the_rules_were_improved_to():
    # Eight pages written blind after the seventh look's rules and scored once (61.8 % of lines,
    # 13 of the critic's 53 lines lost and 97 other lines read as it, 57 of them reader
    # comments': a chat channel's replies, an e-mail's replies, a document's margin comments);
    # the rules were then improved on them. The look's two further pages (m09, m10) were kept out
    # of that work and are not held to figures here.
    pages = [page for page in evaluation.read_pages(HOLDOUT / "eighth-look") if page.page_id < "m09"]
    scores = [evaluation.page_scores(page) for page in pages]
    assert len(pages) == 8
    assert all("".join(s.text for s in segment(page.raw)) == page.raw for page in pages)
    assert sum(s["lines_right"] for s in scores) >= 592  # of 717
    assert sum(s["authors_found"] for s in scores) >= 31
    assert sum(s["body_lost"] for s in scores) <= 6
    assert sum(s["read_as_body"] for s in scores) <= 16


@pytest.mark.parametrize(
    ("look", "lines_right", "counts_exact", "lost", "read_as_body", "ratings_exact"),
    [
        # Written blind after the eighth look's rules (70.6 % of 732 lines, 1 count exact, 15 of
        # the critic's 75 lines lost, 50 other lines read as it, ratings exact on 3 of 7 pages and
        # one invented); the streaming page's review and the review box's overall stay missed.
        ("ninth-look", 632, 5, 7, 17, 6),
        # Professional outlets, after the ninth look's rules (80.7 % of 699 lines, 2 counts
        # exact, 10 of 72 lines lost under a share bar's "Comments" link, 35 other lines).
        ("tenth-look", 637, 7, 0, 16, 8),
        # After the tenth look's rules (77.8 % of 599 lines, 39 other lines read as the critic's,
        # 16 of them a German forum's posts, the German "9 von 10 Punkten" missed).
        ("eleventh-look", 542, 7, 2, 14, 8),
        # After the eleventh look's rules (74.5 % of 534 lines, 13 of 105 lines lost, 55 other
        # lines, ratings exact on 5 of 8).
        ("twelfth-look", 460, 7, 0, 29, 8),
    ],
)
def test_a_later_looks_pages_keep_the_figures_the_rules_were_improved_to(
    look, lines_right, counts_exact, lost, read_as_body, ratings_exact
):
    # Each look's eight pages were written blind, scored once, and the rules then improved on
    # them (see the holdout README): development figures now, kept from falling back.
    folder = HOLDOUT / look
    pages = evaluation.read_pages(folder)
    scores = [evaluation.page_scores(page) for page in pages]
    assert len(pages) == 8
    assert all("".join(s.text for s in segment(page.raw)) == page.raw for page in pages)
    assert sum(s["lines_right"] for s in scores) >= lines_right
    assert sum(s["comments_found"] == s["comments_true"] for s in scores) >= counts_exact
    assert sum(s["body_lost"] for s in scores) <= lost
    assert sum(s["read_as_body"] for s in scores) <= read_as_body
    assert evaluation.rating_scores(folder, pages)["exact"].sum() >= ratings_exact
