import pytest

from analysis.segmentation import Comment, parse_comment, segment
from analysis.line_shapes import is_furniture, match

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


# Focused snippets, one per layout of the web copies (tests/data/web-copies holds whole pages).

def _labelled(text, **options):
    return [(s.label, s.text.strip(), s.author) for s in segment(text, **options) if s.text.strip()]


def _body(text):
    return [s.text.strip() for s in segment(text) if s.label == "body"]


def _comments(text):
    from analysis.segmentation import comments_from_segments

    return [(c.author, c.text) for c in comments_from_segments(segment(text))]


def test_the_one_line_review_keeps_its_body_and_its_rating(tmp_path):
    text = "The performances carry it over a thin third act. 8/10\n"
    assert _labelled(text) == [
        ("body", "The performances carry it over a thin third act.", None), ("rating", "8/10", None)]
    (tmp_path / "one.txt").write_text(text, encoding="utf-8")
    from analysis.corpus import load_corpus
    from analysis.ratings import explicit_rating_table

    corpus = load_corpus(tmp_path)
    assert corpus.skipped == () and corpus.reviews[0].body.strip() == "The performances carry it over a thin third act."
    assert explicit_rating_table(corpus)[["segment", "value", "scale"]].values.tolist() == [["rating", 8.0, 10.0]]


def test_a_rating_inside_a_sentence_leaves_the_line_in_the_body():
    text = "A perfect film, and yes, it is a 10/10 from me.\n"
    assert _labelled(text) == [("body", "A perfect film, and yes, it is a 10/10 from me.", None)]


def test_blogger_said_comments_with_their_dates():
    text = ("A slow, tender film about three ages of one man, and every actor finds the same silence.\n"
            "Posted by Nate at 10:14 PM\nLabels: drama\n2 comments:\n"
            "Claire W. said...\nThe diner scene wrecked me.\nFebruary 19, 2017 at 8:22 AM\n"
            "Anonymous said...\nA bit slow for me.\nFebruary 19, 2017 at 4:51 PM\n"
            "Post a Comment\nNewer Post Older Post Home\n")
    assert [label for label, _, _ in _labelled(text)] == ["body", "boilerplate", "comment", "comment", "boilerplate"]
    assert _comments(text) == [("Claire W.", "The diner scene wrecked me."), ("Anonymous", "A bit slow for me.")]


def test_no_comments_and_an_empty_comment_form_are_boilerplate():
    text = ("Olivia Wilde's comedy about two straight-A students is sharp, kind and very funny indeed.\n\n"
            "No comments:\n\nPost a Comment\n")
    assert _labelled(text)[1:] == [("boilerplate", "No comments:\n\nPost a Comment", None)]
    form = ("A long, sad and beautiful film that earns every minute of its running time, I think.\n"
            "Leave a Reply\nComment\nName *\nEmail *\nWebsite\nPost Comment\n")
    assert [label for label, _, _ in _labelled(form)] == ["body", "boilerplate"] and _comments(form) == []


def test_name_date_reply_and_responses_heading():
    text = ("Laurie Metcalf gives the film its spine, and their fights in the car are funny and painful.\n"
            "2 Responses\nDan\nFebruary 21, 2018\nMetcalf deserved the Oscar.\nReply\n"
            "Sophie Marsh\nFebruary 21, 2018\nShe really did.\nReply\nLeave a Reply\n")
    assert _comments(text) == [("Dan", "Metcalf deserved the Oscar."), ("Sophie Marsh", "She really did.")]


def test_name_wrote_and_a_comment_count_heading():
    text = ("John Carpenter's remake was hated in 1982 and is now seen as one of the great horror films.\n"
            "2 comments\nFrank wrote:\nSaw it at the drive-in in 82.\n(posted 14.03.2009)\n"
            "Leanne wrote:\nThe kennel scene still gives me nightmares.\n")
    assert _comments(text) == [("Frank", "Saw it at the drive-in in 82."),
                               ("Leanne", "The kennel scene still gives me nightmares.")]


def test_a_capsule_review_too_short_for_a_paragraph_keeps_its_comments_out():
    # No line is long enough to be the first paragraph, so the page's top-of-page rules label
    # every line; the comment heading after the review's text still opens the thread.
    text = ("A gorgeous, patient film.\n\nRating: 4/5\n\n3 Comments\n\n"
            "Mike\nMarch 2, 2021 at 3:01 pm\nTotally disagree, my rating: 1/10.\nReply\n\n"
            "Anna\nMarch 3, 2021 at 9:12 am\n2/5 for me.\nReply\n")
    assert _comments(text) == [("Mike", "Totally disagree, my rating: 1/10."), ("Anna", "2/5 for me.")]
    assert [s.text.strip() for s in segment(text) if s.label in ("body", "rating")] == [
        "A gorgeous, patient film.", "Rating: 4/5"]


def test_a_cookie_banner_is_not_the_reviews_first_paragraph():
    # The banner's long sentence came first on the page; taken for the review's start, it let the
    # section label under the navigation open a comment thread over the whole review.
    text = ("Your privacy choices\n"
            "We and our 212 partners use cookies and store information on your device to measure traffic and show ads.\n"
            "Accept all\nReject all\n\nFILM WEEKLY\nMenu\nSearch\n\nCritics\n\n"
            "Review: The Zone of Interest is a cold, exact nightmare\n\nBy Tom Hale\n\n"
            "Jonathan Glazer keeps the camera outside the camp wall for the whole film, and the result is unbearable.\n\n"
            "NEWSLETTER\nThe week's reviews straight to your inbox.\nSign up\n"
            "By signing up you agree to our terms and our privacy policy.\n\n"
            "Mica Levi's score is used sparingly, and each time it arrives it is a shock.\n")
    body = _body(text)
    assert body == [
        "Jonathan Glazer keeps the camera outside the camp wall for the whole film, and the result is unbearable.",
        "Mica Levi's score is used sparingly, and each time it arrives it is a shock."]
    assert not [s for s in segment(text) if s.label == "comment"]



@pytest.mark.parametrize("banner", [
    "Ce site utilise des cookies pour améliorer votre expérience et mesurer l'audience. En poursuivant votre navigation, vous acceptez leur utilisation.",
    "Talkies and its partners use cookies and similar technologies to provide you with a better experience, to personalize content and advertising, to measure the effectiveness of advertising and to improve the quality of the service for everyone who visits it.",
    "Diese Website verwendet Cookies, um Ihnen ein besseres Nutzungserlebnis zu bieten.",
])
def test_a_cookie_banner_in_any_words_or_length_is_not_the_first_paragraph(banner):
    # Taken for the review's start, the banner let a menu line over a date open a comment
    # thread that swallowed the review.
    text = (f"{banner}\nAccept\nSettings\n\nThe Night Ledger\nHome\nArchives\nContact\n\n18 July 2021\n"
            "Titane, by Julia Ducournau\n\n"
            "Julia Ducournau's second feature is a film of burnt flesh and engine oil, and also of tenderness.\n\n"
            "Vincent Lindon gives the performance of his career as a fire captain who chooses to believe.\n")
    assert _body(text) == [
        "Julia Ducournau's second feature is a film of burnt flesh and engine oil, and also of tenderness.\n\n"
        "Vincent Lindon gives the performance of his career as a fire captain who chooses to believe."]
    assert not [s for s in segment(text) if s.label == "comment"]


def test_a_review_about_cookies_keeps_its_sentences():
    text = ("The Fortune Cookie (1966)\n\n"
            "Billy Wilder's comedy uses a fake injury the way other films use a gun, and Walter Matthau steals it.\n\n"
            "We watch the kids use cookies to lure the dog out, and Wilder makes the fortune cookie a running joke.\n")
    assert _body(text) == [
        "Billy Wilder's comedy uses a fake injury the way other films use a gun, and Walter Matthau steals it.\n\n"
        "We watch the kids use cookies to lure the dog out, and Wilder makes the fortune cookie a running joke."]

POSTED_AS_A_THREAD = """\
Leo Marsh
@leo@cinema.social

Past Lives, a thread
Celine Song's debut is a quiet film about two people who almost were, and it lands every beat it reaches for. 1/3
Nov 2, 2023, 21:40 · Edited · Web
12 boosts · 30 favourites

Leo Marsh
@leo@cinema.social
Nov 2, 2023
Greta Lee is extraordinary: she plays three ages of one woman without a single false note. 2/3
↩ 0 ⇄ 4 ★ 19

Leo Marsh
@leo@cinema.social
Nov 2, 2023
The ending in the street is the best scene of the year. Go and see it. 3/3
↩ 2 ⇄ 8 ★ 41

Dana Price
@dana@film.town
Nov 3, 2023
@leo I'd give it 7/10, the middle drags a little.
↩ 0 ⇄ 0 ★ 2
"""


def test_a_review_posted_as_a_thread_keeps_its_own_posts_and_not_the_replies():
    # The critic's later posts repeat the byline's name and a date over each post, as a
    # commenter's would; under the byline's name, and answering no one, they go on with the review.
    segments = segment(POSTED_AS_A_THREAD)
    body = [line for s in segments if s.label == "body" for line in s.text.splitlines() if line.strip()]
    assert [line[:30] for line in body] == [
        "Celine Song's debut is a quiet", "Greta Lee is extraordinary: sh", "The ending in the street is th"]
    assert _comments(POSTED_AS_A_THREAD) == [("Dana Price", "@leo I'd give it 7/10, the middle drags a little.")]
    assert not any("boosts" in s.text or "★ 19" in s.text for s in segments if s.label == "body")


def test_a_newsletter_keeps_its_footer_out_of_the_letter_and_its_comments():
    text = ("View this email in your browser\n\nTHE LATE SHOW\n\n"
            "Aftersun is the saddest and most tender film about a holiday I have ever seen, and Paul Mescal is superb in it.\n\n"
            "Until next week,\nSam\n\nForwarded this email? Subscribe here.\n\nTwitter\nInstagram\nWebsite\n\n"
            "You are receiving this email because you signed up on our website.\n"
            "Our mailing address is:\nThe Late Show\n1 High Street\n\nUnsubscribe | Update preferences\n")
    labelled = segment(text)
    assert [s.text.strip() for s in labelled if s.label == "body"] == [
        "Aftersun is the saddest and most tender film about a holiday I have ever seen, and Paul Mescal is superb in it."]
    assert not [s for s in labelled if s.label == "comment"]


def test_comments_of_a_plugin_that_puts_the_age_under_the_words():
    # The Facebook plugin shows the name, perhaps a school or workplace, the words, then
    # "Like · Reply · 2y": no date stands between the name and the words.
    text = ("Bo Burnham's first film is the most accurate picture of being thirteen I have ever seen on a screen.\n\n"
            "2 Comments\nSort by Oldest\n\nAdd a comment...\n\n"
            "Lena Ortiz\nRiverside Middle School\nThis was my whole year, honestly.\nLike · Reply · 3 · 2y\n\n"
            "Ben Cole\nToo slow for me.\nLike · Reply · 2y\n\nFacebook Comments Plugin\n\n"
            "The Riverside Bugle • © 2018 • Privacy Policy\n")
    assert [author for author, _ in _comments(text)] == ["Lena Ortiz", "Ben Cole"]
    assert _body(text) == [
        "Bo Burnham's first film is the most accurate picture of being thirteen I have ever seen on a screen."]


def test_a_github_style_comment_widget():
    # giscus and utterances: "name commented on date", reaction counts, "1 reply", a reply box.
    text = ("Paul Thomas Anderson's dressmaker drama is a comedy of manners with teeth, and Vicky Krieps is a marvel.\n\n"
            "Comments\n\n3 reactions\n👍 2\n❤️ 1\n\n2 comments · 1 reply – powered by giscus\n\n"
            "jo-m commented on Mar 2, 2024\nThe mushroom omelette scene still gets me.\n👍 3 ❤️ 1\n1 reply\n\n"
            "rk-films replied on Mar 2, 2024\nSame here!\n👍 1\n\nWrite a reply\n\n"
            "tam commented on Mar 5, 2024\nToo cold for me.\n\nWrite Preview\nSign in to comment\n")
    assert _comments(text) == [
        ("jo-m", "The mushroom omelette scene still gets me."), ("rk-films", "Same here!"), ("tam", "Too cold for me.")]
    # "powered by" ends a widget's line after a dash; a critic's short line may say it too.
    from analysis.line_shapes import is_furniture

    assert is_furniture("2 comments · 1 reply – powered by giscus") and not is_furniture("A thriller powered by dread")


def test_a_journal_entrys_comments_with_subjects():
    # LiveJournal and Dreamwidth: handle, date with "(UTC)", a subject line ("Re: ..." for a
    # reply, "(no subject)"), the words, then "Reply | Thread | Link".
    text = ("Saoirse Ronan carries the whole film on her face, and John Crowley's direction is gentle and exact.\n\n"
            "Share\nFlag\nLink\n\n(2 comments — Leave a comment)\n\n"
            "sea_glass\nNov. 23rd, 2015 08:12 am (UTC)\nthe ending\nI cried on the bus home.\nReply | Thread | Link\n\n"
            "old_pier\nNov. 24th, 2015 10:02 pm (UTC)\nRe: the ending\nMe too.\nReply | Parent | Thread | Link\n\n"
            "Page 1 of 1\n")
    assert _comments(text) == [("sea_glass", "the ending\nI cried on the bus home."), ("old_pier", "Re: the ending\nMe too.")]
    assert _body(text) == [
        "Saoirse Ronan carries the whole film on her face, and John Crowley's direction is gentle and exact."]


def test_an_advertisement_and_related_links_among_the_comments_are_no_comments():
    text = ("Toni Collette gives the performance of the decade in a horror film about grief that never lets go.\n\n"
            "2 comments\n\nSponsored by Filmbox\nEvery cult film, one subscription.\nStream them all from $5.99 a month.\n"
            "Learn More\n\nAdd a comment...\n\n"
            "Maya Lind\n· 5y\nThe dinner scene wrecked me.\nUpvote · 12\nReply\n\n"
            "Continue Reading\nRelated questions\nIs Midsommar scarier than Hereditary?\n")
    assert _comments(text) == [("Maya Lind", "The dinner scene wrecked me.")]


def test_a_caption_ending_in_a_courtesy_and_a_title_label_are_not_the_review():
    text = ('Elsie Fisher stars as Kayla in "Eighth Grade." (Courtesy of A24)\n\nTitle: Eighth Grade\nGrade: A-\n\n'
            "Bo Burnham has made the truest film about being thirteen that I have seen, and Elsie Fisher is astonishing in it.\n")
    assert _body(text) == [
        "Bo Burnham has made the truest film about being thirteen that I have seen, and Elsie Fisher is astonishing in it."]


def test_an_italian_wordpress_page():
    text = ("Sorrentino firma il suo film più ambizioso, e Toni Servillo è semplicemente perfetto in ogni scena.\n\n"
            "Condividi:\nFacebook\nEmail\n\nMi piace Caricamento...\n\nCorrelati\n\n"
            "2 pensieri su “La grande bellezza – la recensione”\n\n"
            "Marco\n3 giugno 2013 alle 22:14\nPer me è un capolavoro.\nRispondi\n\n"
            "Anna\n5 giugno 2013 alle 19:40\nIo mi sono annoiata.\nRispondi\n\n"
            "Lascia un commento\nIl tuo indirizzo email non sarà pubblicato.\n")
    assert _comments(text) == [("Marco", "Per me è un capolavoro."), ("Anna", "Io mi sono annoiata.")]
    assert _body(text) == [
        "Sorrentino firma il suo film più ambizioso, e Toni Servillo è semplicemente perfetto in ogni scena."]


def test_one_reply_on_a_post_and_a_sign_up_forms_fields():
    text = ("Alfonso Cuarón's long takes make the chaos feel real, and Clive Owen has never been better than here.\n\n"
            "First name\nEmail address\nSign me up\n\n"
            "One reply on “Week 7: Children of Men”\n\n"
            "Dev Anand\n5 March 2024 at 11:02\nWill come along and give it a proper go.\nReply\n\n"
            "Leave a Reply\n")
    assert _comments(text) == [("Dev Anand", "Will come along and give it a proper go.")]
    assert _body(text) == [
        "Alfonso Cuarón's long takes make the chaos feel real, and Clive Owen has never been better than here."]


def test_a_print_archive_pages_footers_and_a_mobile_pages_advertisements_are_not_the_review():
    text = ("Naomi Watts is the reason to go, and her audition scene is the best single piece of acting this year.\n"
            "Continued on page 56\n\nTHE LANTERN · JANUARY 2002 · 54\n\nPage 56\n\nContinued from page 54\n"
            "Is it a masterpiece? Not quite, but nobody else could have made it.\n\n"
            "Advertisement - Continue Reading Below\n\n"
            "Angelo Badalamenti's score hums underneath everything, and it is Lynch at his most haunting.\n\n"
            "Article text is generated by optical character recognition and may contain errors.\nCite this page | Report an error\n")
    assert _body(text) == [
        "Naomi Watts is the reason to go, and her audition scene is the best single piece of acting this year.",
        "Is it a masterpiece? Not quite, but nobody else could have made it.",
        "Angelo Badalamenti's score hums underneath everything, and it is Lynch at his most haunting."]


def test_comment_labels_in_other_languages():
    french = ("Céline Sciamma's film is the slowest and most careful love story I have seen in years.\n"
              "2 commentaires:\nMarc a dit…\nMagnifique.\n26 février 2020 à 08:30\n"
              "Anonyme a dit…\nTrop lent pour moi.\n27 février 2020 à 19:02\nEnregistrer un commentaire\n")
    assert _comments(french) == [("Marc", "Magnifique."), ("Anonyme", "Trop lent pour moi.")]
    german = ("Nicolas Winding Refn's neon thriller is about a stunt driver who barely speaks at all.\n"
              "Eingestellt von Jonas um 23:10\nKeine Kommentare:\nKommentar veröffentlichen\n")
    assert [label for label, _, _ in _labelled(german)] == ["body", "boilerplate"]


def test_share_widgets_then_a_bio_cut_mid_word():
    text = ("The final twenty minutes reframe everything that came before, and I walked out in a daze.\n"
            "Share this:\nTwitter\nFacebook\nLike this:\nLike Loading...\n"
            "Published by reelgrace\nGrace writes about films from a flat in Leeds and still thinks Jaws is the perfect mov\n")
    assert _labelled(text) == [
        ("body", "The final twenty minutes reframe everything that came before, and I walked out in a daze.", None),
        ("boilerplate", "Share this:\nTwitter\nFacebook\nLike this:\nLike Loading...", None),
        ("author_bio", "Published by reelgrace\nGrace writes about films from a flat in Leeds and still thinks "
         "Jaws is the perfect mov", "reelgrace"),
    ]


def test_spoiler_notice_photo_credit_and_alt_text_glued_to_the_first_word():
    text = ("Blade Runner 2049\nThis review may contain spoilers.\n"
            "Ryan Gosling in Blade Runner 2049. Photograph: Warner Bros\n"
            "blade-runner-2049-posterThirty years after the first film, a replicant officer finds a box of bones.\n")
    assert [label for label, _, _ in _labelled(text)] == ["header", "boilerplate", "body"]
    assert _labelled(text)[-1][1].startswith("blade-runner-2049-posterThirty")


def test_forum_replies_with_quotes_and_signatures():
    text = ("The Martian - my review\n« on: October 4, 2015, 11:42:05 PM »\n"
            "Ridley Scott's survival film is mostly a comedy, and the most optimistic film about science.\n"
            "8/10\nMy Letterboxd: letterboxd.com/spacefan\n"
            "Re: The Martian - my review\n« Reply #1 on: October 5, 2015, 08:10:44 AM »\nAgreed, best in years.\nRigel\n"
            "Re: The Martian - my review\n« Reply #2 on: October 5, 2015, 02:30:00 PM »\nRigel\n")
    assert [label for label, _, _ in _labelled(text)] == [
        "header", "body", "rating", "boilerplate", "comment", "comment"]
    assert _comments(text) == [("Rigel", "Agreed, best in years."), ("Rigel", "")]


def test_phpbb_quote_stays_inside_the_reply():
    text = ("Emmanuel Lubezki's camera never stops prowling the corridors of a Broadway theatre here.\n"
            "Top\nPost by Bram » Sun Nov 16, 2014 10:41 pm\nkestrel wrote:\nEdward Norton steals every scene.\n"
            "He really does.\n")
    assert _comments(text) == [("Bram", "kestrel wrote:\nEdward Norton steals every scene.\nHe really does.")]


def test_disqus_thread_with_a_moderators_nested_reply():
    text = ("The docking sequence is breathtaking, but the dialogue about love as physics is hard to take.\n"
            "3 Comments\nSort by Best\nJoin the discussion…\n"
            "TARS_fan\n• 9 years ago\nThe docking scene alone is worth it.\n• Reply •Share ›\n"
            "Harry Fenwick Mod  TARS_fan\n• 9 years ago\nHa, fair.\n• Reply •Share ›\n")
    assert _comments(text) == [("TARS_fan", "The docking scene alone is worth it."), ("Harry Fenwick", "Ha, fair.")]


def test_review_platform_replies_by_handle_only():
    text = ("Review by mollyw ★★★★½\nWatched 12 Nov 2022\n"
            "a holiday video of a dad and his daughter in turkey, and under it a whole life falling apart\n"
            "218 likes\ntomasz\nthe under pressure scene\nmollyw\ni still cant listen to it\nAdd a comment...\n")
    assert [label for label, _, _ in _labelled(text)] == [
        "rating", "header", "body", "boilerplate", "comment", "comment", "boilerplate"]
    assert _comments(text) == [("tomasz", "the under pressure scene"), ("mollyw", "i still cant listen to it")]


def test_sub_scores_then_the_overall_score_are_rating_lines():
    text = ("Jake Gyllenhaal lost thirty pounds to play a thief who sells footage of crashes to the news.\n"
            "Story: 7/10\nActing: 9/10\nOverall: 8/10\n")
    assert _labelled(text)[1] == ("rating", "Story: 7/10\nActing: 9/10\nOverall: 8/10", None)


def test_a_headline_ending_in_its_stars_is_a_rating_line():
    text = "Mad Max: Fury Road ★★★★★\nMay 16, 2015\nGeorge Miller has made the most exciting action film of the decade, one long chase.\n"
    assert [label for label, _, _ in _labelled(text)] == ["rating", "header", "body"]


def test_short_lines_after_the_last_paragraph_are_the_sites():
    text = ("It is lovely and it is a bit hollow, and I would call it a good night out at the pictures.\n"
            "Movies\nFilm Review\nGo and see it!\n")
    assert [label for label, _, _ in _labelled(text)] == ["body", "boilerplate", "body"]


@pytest.mark.parametrize("module", ["analysis.line_shapes", "analysis.comment_threads"])
def test_docstring_examples(module):
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(module))
    assert result.failed == 0 and result.attempted > 0


def test_anchored_cues_have_no_top_level_alternative():
    """A cue starting with ^ is tried together with its family's other anchored cues at the line
    start (analysis.line_shapes), which is only right if the ^ anchors the whole cue."""
    from analysis.line_shapes import cues

    def top_level_bar(source):
        depth, escaped, in_class = 0, False, False
        for char in source:
            if escaped or char == "\\":
                escaped = not escaped
            elif in_class:
                in_class = char != "]"
            elif char == "[":
                in_class = True
            elif char in "()":
                depth += 1 if char == "(" else -1
            elif char == "|" and depth == 0:
                return True
        return False

    anchored = [p.pattern for family in cues().values() for p in family if p.pattern.startswith("^")]
    assert len(anchored) > 50 and not [source for source in anchored if top_level_bar(source)]


def test_comment_headings_are_short_lines_not_prose():
    assert _labelled("one comment from an actress is that it is not a lot of strategy involved , but fun .\n")[0][0] == "body"


def test_a_first_paragraph_that_starts_like_a_byline_is_still_the_body():
    text = ("By the time the credits rolled I had laughed, cried and laughed again, which is rare.\n"
            "A second paragraph that says a little more about it all, briefly.\n")
    assert _labelled(text) == [("body", text.strip(), None)]


SIGNED_AT_THE_FOOT = """\
Carnet de cinéma
Accueil
Archives

Annette, de Leos Carax
Publié par Clémence le 7 juillet 2021

Leos Carax filme une comédie musicale qui chante faux exprès, et c'est magnifique de bout en bout.

Adam Driver porte le film sur ses épaules, avec une violence qui fait peur.

Commentaires

Entièrement d'accord, la scène de la tempête m'a laissée sans voix.
Répondre
Posté par Julie, 9 juillet 2021 à 18:40

Je suis sorti au bout d'une heure, désolé.
Répondre
Posté par Marc, 10 juillet 2021 à 09:12

Poster un commentaire
Nom:
E-mail:
Envoyer

Catégories
Critiques (412)
Festivals (57)

Archives
2021
2020
Carnet de cinéma – Créé avec Canalblog
Signaler un abus
"""


def test_comments_signed_at_their_foot_end_at_the_signature_and_name_its_author():
    # Each signature was read as the start of the next comment, and the widgets after the
    # French comment form as comments of their own.
    assert _comments(SIGNED_AT_THE_FOOT) == [
        ("Julie", "Entièrement d'accord, la scène de la tempête m'a laissée sans voix."),
        ("Marc", "Je suis sorti au bout d'une heure, désolé."),
    ]
    assert _body(SIGNED_AT_THE_FOOT) == [
        "Leos Carax filme une comédie musicale qui chante faux exprès, et c'est magnifique de bout en bout.\n\n"
        "Adam Driver porte le film sur ses épaules, avec une violence qui fait peur."]


def test_a_widget_count_is_furniture_and_a_year_in_brackets_is_not():
    assert is_furniture("Critiques (412)")
    assert not is_furniture("Dune (2021)")


def test_a_sentence_opening_on_a_pronoun_under_a_caption_is_no_bio():
    text = ("Decision to Leave review\nBy Mara Linde\n\n"
            "Tang Wei and Park Hae-il in Decision to Leave. Photo: CJ ENM / MUBI\n\n"
            "There is a moment forty minutes in when the detective watches the widow through binoculars.\n\n"
            "Tang Wei plays Seo-rae, and she is extraordinary at letting a line land a beat late.\n")
    assert _body(text) == [
        "There is a moment forty minutes in when the detective watches the widow through binoculars.\n\n"
        "Tang Wei plays Seo-rae, and she is extraordinary at letting a line land a beat late."]


UNDER_A_PROFESSIONAL_ARTICLE = """\
The Social Network is still the best film about a start-up

Dana Whitlock
Film critic | Former product manager

Published Mar 3, 2023

David Fincher's film is cold, funny and exact, and Aaron Sorkin's dialogue has not aged a day.

Like
Comment
Share

14 Comments

Priya Raman
Head of Data Strategy at Northfield Group
1y

The deposition scenes are the whole film for me.

Like · Reply · 3 Reactions

Gareth Finnegan
Senior Consultant | Operating Models
1y

Trent Reznor's score does half the work.

Like · Reply · 1 Reaction

See more comments

To view or add a comment, sign in

More articles by Dana Whitlock

What Succession gets right about a bad meeting
Feb 10, 2023

Explore topics
Sales
Marketing
"""


def test_a_commenters_profile_headline_stands_between_name_and_age():
    # Under each name a profile headline hid the date below it, so the comments ran together,
    # headline and "3 Reactions" included, and the links after the sign-in line became comments.
    assert _comments(UNDER_A_PROFESSIONAL_ARTICLE) == [
        ("Priya Raman", "The deposition scenes are the whole film for me."),
        ("Gareth Finnegan", "Trent Reznor's score does half the work."),
    ]


def test_a_newsletter_platforms_comment_likes_and_closing_lines():
    text = ("Second Reel\nSubscribe\n\nPast Lives and the weight of a ferry\n\nMara Linde\nNov 18, 2022\n\n"
            "Celine Song's film is about two people who almost were, and it lands every beat it reaches for.\n\n"
            "Second Reel is a reader-supported publication. To receive new posts and support my work, "
            "consider becoming a free or paid subscriber.\n\n"
            "Discussion about this post\n\nWrite a comment...\n\n"
            "Tomás Reyes\nNov 18, 2022\n\nThe ferry scene wrecked me.\n\nLike (6)\nReply\nShare\n\n"
            "hildy\nNov 19, 2022\n\nGreta Lee deserved every award going.\n\nLike (3)\nReply\nShare\n\n"
            "7 more comments...\n\nReady for more?\n\nType your email...\nSubscribe\n")
    assert _body(text) == ["Celine Song's film is about two people who almost were, and it lands every beat it reaches for."]
    assert _comments(text) == [
        ("Tomás Reyes", "The ferry scene wrecked me."),
        ("hildy", "Greta Lee deserved every award going."),
    ]


def test_a_community_threads_save_and_follow_and_its_sidebar():
    text = ("r/flicks\nPosted by u/okaymotel 3 days ago\n\nAftersun - a short review\n\n"
            "Charlotte Wells builds a whole film out of a holiday video and what it cannot show.\n\n"
            "87 Comments\nShare\n\nSort by: best\n\n"
            "level 1\nsandwalker_77\n· 3 days ago\n\nThe final dance scene is the best ending in years.\n\n"
            "214\nReply\nShare\nReport\nSave\nFollow\n\n"
            "level 2\nokaymotel\nOP\n· 3 days ago\n\nAgreed, I sat through the credits.\n\n"
            "88\nReply\nShare\nReport\nSave\nFollow\n\n"
            "View more comments\n\nAbout Community\nr/flicks\n"
            "A place to talk about films without the noise.\nCreated Jan 25, 2008\n118k\nMembers\n\n"
            "Community Options\n\nModerators\nMessage the mods\n\nBack to Top\n")
    assert [author for author, _ in _comments(text)] == ["sandwalker_77", "okaymotel"]
    assert [label for label in (s.label for s in segment(text)) if label == "comment"] == ["comment", "comment"]


FORUM_THREAD_WITH_PROFILES = """\
Board index ‹ Films ‹ Reviews

Heat (1995) – rewatch review

Post Reply
Search this topic…
3 posts • Page 1 of 1

deadwood_dan
Projectionist
Posts: 2318
Joined: Mon Sep 12, 2005 7:20 pm

Heat (1995) – rewatch review
Post by deadwood_dan » Tue Mar 05, 2019 9:14 pm

Michael Mann's film is three hours long and I would not cut a minute of the bank heist.

Top

Kettle_Black
Box Office
Posts: 1290
Joined: Sun Jun 08, 2008 1:14 pm
Location: Cork

Re: Heat (1995) – rewatch review
Post by Kettle_Black » Wed Mar 06, 2019 12:47 pm

The diner scene is still the best two-hander of the decade.

Top

Marigold
Usher
Posts: 412
Joined: Sat Jan 12, 2013 4:02 pm

Re: Heat (1995) – rewatch review
Post by Marigold » Wed Mar 06, 2019 1:02 pm

deadwood_dan wrote: ↑Tue Mar 05, 2019 9:14 pm
I would not cut a minute
Val Kilmer's subplot could go.

Top

Display: All posts Sort by: Post time Direction: Ascending Go
"""


def test_a_forum_members_profile_heads_their_post():
    # The rank and "Posts: 1290" were read as a post's words, so its "Re:" title opened another.
    assert [author for author, _ in _comments(FORUM_THREAD_WITH_PROFILES)] == ["Kettle_Black", "Marigold"]
    assert _body(FORUM_THREAD_WITH_PROFILES) == [
        "Michael Mann's film is three hours long and I would not cut a minute of the bank heist."]


def test_a_blog_discussions_tabs_votes_and_footer():
    text = ("Screenburn\n\nAnnihilation review: a garden gone feral\nRosa Vantongeren\n2/22/18 9:00am\n\n"
            "Alex Garland's film is lovely and poisonous, and the bear sequence is the scariest of the year.\n\n"
            "Related: Alex Garland on why he wanted to make a film that does not behave like one\n\n"
            "See it on the biggest screen you can find, before somebody decides it belongs on a phone.\n\n"
            "Share This Story\n\nDiscussion\nAll replies\nStarred\nPending\n\n"
            "glowworm_jenkins\nRosa Vantongeren\n2/22/18 11:24am\nThe bear. THE BEAR. I have not slept.\n27 Kinja'd\nReply\n"
            "Show all 6 replies\n"
            "palindromic_roy\nglowworm_jenkins\n2/22/18 11:51am\nIt screams in the voice of its victim.\n19 Kinja'd\nReply\n\n"
            "Show all 48 replies\nShow pending\n\nAbout\nPrivacy\nTerms of Use\nJobs\n")
    assert [author for author, _ in _comments(text)] == ["glowworm_jenkins", "palindromic_roy"]
    assert _body(text) == [
        "Alex Garland's film is lovely and poisonous, and the bear sequence is the scariest of the year.",
        "See it on the biggest screen you can find, before somebody decides it belongs on a phone."]


BLOG_POST_WITH_NOTES = """\
northern-light-reels
Ask me anything
Submit a post
Archive

aftersun (2022) – some thoughts

charlotte wells builds a whole film out of a holiday video and what it cannot show, and it is devastating.

Jonze said: a film should leave a door open. wells leaves every door open and then shuts one at the end.

#aftersun
#film

Posted on March 2, 2023 with 1,284 notes

wintermoss liked this
sleepyoslo said: the rave scene!!! i think about it like once a week
fadedticketstub reblogged this from northern-light-reels
harbourcity-girl reblogged this from northern-light-reels and added:
paul mescal my beloved, 10/10 no notes
cinnamonframe reblogged this from harbourcity-girl
Show more notes

Theme by Seyi
"""


def test_a_blog_posts_notes_answer_it_on_their_authors_line():
    # "sleepyoslo said: …" ran past the comment shapes' word limit, so the note was read as the
    # critic's; a capitalised "Jonze said: …" in the review quotes the director and stays the review's.
    assert _comments(BLOG_POST_WITH_NOTES) == [
        ("sleepyoslo", "the rave scene!!! i think about it like once a week"),
        ("harbourcity-girl", "paul mescal my beloved, 10/10 no notes"),
    ]
    assert _body(BLOG_POST_WITH_NOTES)[-1].endswith("and then shuts one at the end.")


def test_a_review_opening_on_a_time_ago_is_no_commenters_age():
    # "… a year ago , …" is the shape of "name · 1 year ago", which is read on short lines only.
    text = ("up until about a year ago , john travolta's career consisted of those look who's talking movies "
            "and the 1991 bomb shout .\nbut somewhere along the line , travolta got the starring role in pulp fiction .\n")
    assert {s.label for s in segment(text)} == {"body"}


SPANISH_NEWSPAPER = """\
Valoramos tu privacidad
Nosotros y nuestros socios utilizamos cookies y tecnologías similares para almacenar y acceder a información de tu dispositivo, con el fin de mostrar publicidad personalizada y medir la audiencia.
Aceptar y continuar
Rechazar

EL MERIDIANO
Suscríbete
Iniciar sesión

CRÍTICA | ‘CINCO LOBITOS’
Una maternidad contada sin trampas

Lucía Ferrer
Madrid - 10 nov 2022 - 05:30 CET
Compartir en WhatsappCompartir en FacebookCopiar enlace
Ir a los comentarios

Alauda Ruiz de Azúa debuta con una película sobre una madre primeriza que vuelve a casa de sus padres.

Publicidad

Laia Costa y Susi Sánchez sostienen un duelo de una verdad que pocas veces se ve en el cine español.

Dirección: Alauda Ruiz de Azúa.
Intérpretes: Laia Costa, Susi Sánchez, Ramón Barea.
Duración: 104 minutos.

Puedes seguir a EL MERIDIANO Cultura en Facebook y Twitter, o apuntarte aquí para recibir nuestra newsletter semanal.

Comentarios
Normas

Marta Villanueva
10 nov 2022 - 08:47 CET
La vi ayer en un preestreno y salí llorando.
Responder

Mostrar más comentarios

Lo más visto
Los mejores estrenos de la semana
"""


def test_a_spanish_newspapers_banner_dateline_credits_and_comment_widgets():
    # The Spanish banner was the first paragraph, and its menu, the dateline, the credits box and
    # the newsletter line were read as the review.
    assert _body(SPANISH_NEWSPAPER) == [
        "Alauda Ruiz de Azúa debuta con una película sobre una madre primeriza que vuelve a casa de sus padres.",
        "Laia Costa y Susi Sánchez sostienen un duelo de una verdad que pocas veces se ve en el cine español."]
    assert _comments(SPANISH_NEWSPAPER) == [("Marta Villanueva", "La vi ayer en un preestreno y salí llorando.")]


def test_a_lone_labelled_line_in_a_review_stays_the_critics():
    text = ("Past Lives review\nBy Tom Hale\n\n"
            "Celine Song's debut is a quiet film about two people who almost were, and it lands every beat.\n"
            "Plot: two childhood friends meet again in New York after twenty years apart.\n"
            "Greta Lee is extraordinary in it.\n")
    assert "Plot: two childhood friends meet again in New York after twenty years apart." in _body(text)[0]


def test_a_bio_names_the_critic_of_the_header_and_an_actor_after_a_posts_counts_is_no_bio():
    text = ("Saltburn review\nBy Juno Reyes\n\n"
            "Emerald Fennell's second film is a country-house thriller that wants to shock more than it wants to mean.\n\n"
            "412\n31\n\n"
            "Rosamund Pike is the MVP: every line she gets is a tiny poisoned dart, and she steals the film.\n\n"
            "Share this\nTwitter\n\n"
            "Juno Reyes is a critic in Leeds who writes about film and television for three magazines.\n")
    body = _body(text)
    assert any("Rosamund Pike is the MVP" in segment_text for segment_text in body)
    assert not any("Juno Reyes is a critic" in segment_text for segment_text in body)
    assert [s.label for s in segment(text) if "Juno Reyes is a critic" in s.text] == ["author_bio"]


BLOG_WITH_POST_STATS = """\
The Long Take
Subscribe

Reviews
Aftersun remembers a holiday it cannot see
Charlotte Wells's debut is a film about what a camcorder misses, and it knows exactly where to look.
Ruth Okonkwo
Oct 23, 2022 — 8 min read

Charlotte Wells builds a whole film out of a holiday video and what it cannot show, and it is devastating.

Sign up for The Long Take
One new release and one old favourite, every Friday. No spam, ever.
Your email address
Subscribe

Paul Mescal has never been better than in the last dance, which I will not describe.

123 views
4 comments
Post not marked as liked
17

Recent Posts
See All
La La Land: a love letter in CinemaScope
88 views
2 comments

0 comments
Start the conversation
Become a member of The Long Take to start commenting.
Sign up now
Already a member? Sign in
"""


def test_a_blog_posts_stats_and_member_only_comment_box_open_no_thread():
    # "4 comments" in the post's stats opened a thread of the related posts, and the member-only
    # comment box's lines were read as comments.
    assert _comments(BLOG_WITH_POST_STATS) == []
    assert _body(BLOG_WITH_POST_STATS) == [
        "Charlotte Wells's debut is a film about what a camcorder misses, and it knows exactly where to look.",
        "Charlotte Wells builds a whole film out of a holiday video and what it cannot show, and it is devastating.",
        "Paul Mescal has never been better than in the last dance, which I will not describe."]
    assert [s.label for s in segment(BLOG_WITH_POST_STATS) if s.text.startswith("Ruth Okonkwo")] == ["header"]


def test_short_lower_case_comments_under_names_and_over_their_age():
    # "marvin did nothing wrong" over "2w" had the shape of a name over a date, so it was taken
    # for the comment's header and the next comment ran into it.
    text = ("Review by tomasreads ★★★★\n\nPaterson is a film about a bus driver who writes poems, and it is the gentlest thing Jarmusch has made.\n\n"
            "Like review\n214 likes\n\n3 comments\n\n"
            "Nadia Rees\nmarvin did nothing wrong\n2w\nReport this comment\n\n"
            "Ollie F.\nthis is a five star movie and you know it\n2w\nReport this comment\n\n"
            "mira ☾\nneed laura's curtains\n3d\nReport this comment\n\nSign in to comment\n")
    assert _comments(text) == [
        ("Nadia Rees", "marvin did nothing wrong"),
        ("Ollie F.", "this is a five star movie and you know it"),
        ("mira ☾", "need laura's curtains"),
    ]


def test_a_blogs_tagline_above_its_menu_is_the_sites_not_the_reviews_opening():
    # Read as a standfirst, the tagline made every short line down to the first paragraph body,
    # the post's lower-case title with them.
    text = ("northern-light-reels\nfilms, mostly. sometimes soup.\nAsk me anything\nArchive\n\n"
            "the worst person in the world (2021) – some thoughts\n\n"
            "i finally watched it and i need to talk about julie for a minute, and the bookshop.\n")
    assert _labelled(text)[:3] == [
        ("header", "northern-light-reels\nfilms, mostly. sometimes soup.", None),
        ("boilerplate", "Ask me anything\nArchive", None),
        ("header", "the worst person in the world (2021) – some thoughts", None),
    ]
    assert _body(text) == ["i finally watched it and i need to talk about julie for a minute, and the bookshop."]


@pytest.mark.parametrize("text", [
    # a standfirst, a sentence of its own, under the headline and above the share buttons
    ("Her review: love in the cloud\n"
     "Joaquin Phoenix falls for his phone in Spike Jonze's tender, funny satire.\nShare\nTweet\n\n"
     "Theodore writes other people's love letters for a living, and writes them beautifully.\n"),
    # a review's own short first line, with no site name above it, over a line of dots
    "apparantly money talks . \n . \nand uses quite a bit of obscenities doing so , over and over again !\n",
])
def test_the_reviews_own_first_lines_above_furniture_stay_its_text(text):
    opening = [line.strip() for line in text.split("\n")[:2] if line.strip().endswith(".")][0]
    assert _body(text)[0].split("\n")[0].strip() == opening


def test_a_newsletters_film_heading_under_its_opening_line_is_header():
    # Below the letter's opening sentence, lines that are neither dates nor bylines continued the
    # body: the film's title with its year and its running-time line were read as the review.
    text = ("THE SECOND SCREENING\nA weekly letter about films worth leaving the house for\n\n"
            "This week there is only one film, because nothing else I saw came close.\n\n"
            "BURNING (Lee Chang-dong, 2018)\n148 minutes · Korean with English subtitles · in cinemas from today\n\n"
            "Lee Chang-dong's first film in eight years stretches a short story into two and a half hours of dread.\n")
    assert _body(text) == [
        "This week there is only one film, because nothing else I saw came close.",
        "Lee Chang-dong's first film in eight years stretches a short story into two and a half hours of dread.",
    ]


@pytest.mark.parametrize("line", ["Her (2013) is the film I keep returning to.", "90 minutes, and not one wasted."])
def test_a_sentence_naming_a_year_or_a_running_time_is_no_film_heading(line):
    assert match("film_heading", line) is None
    assert match("film_heading", "Her (Spike Jonze, 2013)") and match("film_heading", "1h 58m · 15")


@pytest.mark.parametrize("line, furniture", [
    ("Uncut Gems is in limited release now and opens nationwide on Christmas Day. Rated R. 135 minutes.", True),
    ("The film runs 135 minutes. Rated R.", True),
    ("It is rated R. 135 minutes of my life I will not get back.", False),
])
def test_a_print_notes_certificate_and_running_time_end_it_at_any_length(line, furniture):
    assert is_furniture(line) is furniture


def test_a_bio_card_headed_by_the_critics_name_after_the_review_is_their_bio():
    text = ("Top Gun: Maverick Is the Rare Legacy Sequel That Actually Flies\n\nBy Callum Reyes\n\n"
            "Thirty-six years after he buzzed the tower, Maverick is still a captain and still in trouble with every admiral.\n\n"
            "Top Gun: Maverick is in theaters May 27.\n\n"
            "Callum Reyes\nSenior Culture Editor\n"
            "Callum Reyes is Northway's senior culture editor, covering film, television and boxing.\n\n"
            "Watch Next\nThe 25 best films of the year\n")
    labels = [label for label, _, _ in _labelled(text)]
    assert labels == ["header", "body", "boilerplate", "author_bio", "boilerplate"]
    # the film's title alone after the review names no critic
    assert "body" in [label for label, _, _ in _labelled(text.replace("Callum Reyes\nSenior", "Top Gun: Maverick\nSenior"))][2:]


def test_a_print_reviews_credits_line_and_critics_name_above_it_are_header():
    # The credits line is a sentence of 20 words: it was taken for the review's first paragraph,
    # and the critic's name under it for the review's second line.
    text = ("FILM\n\nDream factory\nMULHOLLAND DRIVE\n"
            "Directed by David Lynch. Starring Naomi Watts, Laura Elena Harring, Justin Theroux. Cert 15, 147 mins. Opens 4 January.\n\n"
            "HAL BRENNAN\n\n"
            "David Lynch's new film began life as a television pilot that ABC turned down, and you can still see the joins.\n")
    assert _body(text) == [
        "David Lynch's new film began life as a television pilot that ABC turned down, and you can still see the joins."]
    assert match("film_heading", "Directed by David Lynch, it is his best film in a decade.") is None


def test_a_movie_review_byline_and_the_critics_title_under_it_are_header():
    text = ("Frantic, funny robot-apocalypse road trip has a big heart.\n\n"
            "Movie review by Alison Petrakis\nKidscreen Compass Editor\n\n"
            "The first half hour is a delight, and the directors decorate the screen with doodles, filters and stickers.\n")
    assert [label for label, _, _ in _labelled(text)] == ["body", "header", "body"]
    # "review by" names the critic; a line that merely starts with "Movie review" does not
    assert match("byline", "Movie review by Alison Petrakis") and not match("byline", "Movie review: a delight")


@pytest.mark.parametrize("line, furniture", [
    ("Mastodon is the best way to keep up with what's happening.", True),
    ("Create account", True),
    ("This is the best way to discover Kurosawa.", False),
    ("Streaming it is the best way to keep up with the series.", False),
])
def test_a_platforms_sign_up_pitch_under_a_thread_is_furniture(line, furniture):
    # under a Mastodon thread the pitch and its buttons were read as one more reply
    assert is_furniture(line) is furniture


def test_an_abbreviations_full_stop_ends_no_sentence():
    from analysis.line_shapes import has_sentence_end, is_prose

    assert not is_prose("Ep. 147 – Conclave (2024): White Smoke, Grey Areas")
    assert not has_sentence_end("Anora (dir. Sean Baker, 2024)")
    assert has_sentence_end("Dr. Strange is fine.") and has_sentence_end("A thin third act. 8/10")
    # Far into a long line the word before a stop is still read ("dir." ends nothing), and a
    # word longer than any abbreviation is none.
    long_line = "It works. " * 2_000
    assert not has_sentence_end(long_line.replace(".", ",") + "Anora (dir. Sean Baker, 2024)")
    assert has_sentence_end(long_line.replace(".", ",") + "x" * 100 + ". Then more")


def test_a_standfirst_without_its_full_stop_is_the_critics_text():
    page = (
        "The Daily Screen\n\nFilm\n"
        "The Brutalist review – Adrien Brody builds an American monument, then watches it crack\n"
        "Brady Corbet's colossal epic of a survivor turned architect is punishing, majestic and only sometimes overreaching★★★★☆\n"
        "Catherine Rowe\nWed 22 Jan 2025 17.00 GMT\n\n"
        "There is a shot early in The Brutalist that the rest of the film never quite gets out from under, and it is a staircase.\n"
    )
    body = "".join(s.text for s in segment(page) if s.label == "body")
    assert body.startswith("Brady Corbet's colossal epic")
    assert "Catherine Rowe" not in body and "There is a shot" in body


def test_a_podcast_pages_player_chapters_and_sponsor_read_are_furniture():
    assert is_furniture("00:00 / 58:14") and is_furniture("04:12 Spoilers start") and is_furniture("1x")
    assert not is_furniture("9:14 am")
    assert is_furniture(
        "This episode is brought to you by Reelbox, the streaming service for films that never get a billboard. "
        "Restored classics, festival favourites and world cinema, picked by real programmers instead of an algorithm."
    )
    assert is_furniture("Support Two Seats Back on Patreon for ad-free episodes and a bonus show every month.")


def test_a_chat_channels_review_message_is_body_and_the_members_replies_are_comments():
    text = ("Welcome to #reviews!\nThis is the start of the #reviews channel. One review per film.\n\n"
            "reel_marlowe CRITIC — Today at 9:41 PM\n"
            "Okay. I went in expecting a fun monster movie and came out needing to sit in the car for ten minutes.\n"
            "4.5/5\n🔥3 👍7 🦖5\n[9:44 PM]\n"
            "forgot the most important thing: the old theme kicks in during the final operation.\n"
            "bunkerbuster — Today at 9:52 PM\nthe ginza scene!!! had me gripping the armrest\n🔥2\n"
            "kaiju_kev MOD — Today at 10:34 PM\nthrough thursday at least, I checked.\n")
    labelled = _labelled(text)
    assert ("boilerplate", "Welcome to #reviews!\nThis is the start of the #reviews channel. One review per film.", None) in labelled
    assert ("rating", "4.5/5", None) in labelled
    assert ("boilerplate", "🔥3 👍7 🦖5\n[9:44 PM]", None) in labelled
    assert _body(text)[-1] == "forgot the most important thing: the old theme kicks in during the final operation."
    # A rating over the message's time names no commenter.
    assert [author for author, _ in _comments(text)] == ["bunkerbuster", "kaiju_kev"]


def test_a_reference_list_ends_the_essay_and_a_documents_margin_comments_follow():
    text = ("Running Toward Nothing\n"
            "Licorice Pizza does not have a plot so much as a list of errands, and that is its charm.\n"
            "Works Cited\nAnderson, Paul Thomas, director. Licorice Pizza. United Artists Releasing, 2021.\n\n"
            "Celia Brandt\n2:14 PM Mar 12\nGood title, but it undersells your own argument.\nResolve\n"
            "Jordan Abernathy\n4:02 PM Mar 12\nIt was supposed to be a bit ironic!\n")
    assert _body(text) == ["Licorice Pizza does not have a plot so much as a list of errands, and that is its charm."]
    assert ("boilerplate", "Works Cited\nAnderson, Paul Thomas, director. Licorice Pizza. United Artists Releasing, 2021.", None) in _labelled(text)
    assert [author for author, _ in _comments(text)] == ["Celia Brandt", "Jordan Abernathy"]


def test_a_forwarded_newsletters_header_and_footer_are_furniture_and_the_replies_comments():
    text = ("---------- Forwarded message ---------\nFrom: The Back Row <imogen@thebackrow.co.uk>\n"
            "Date: Fri, 2 Feb 2024 at 07:00\nSubject: All of Us Strangers is a ghost story\nTo: <maeve@example.com>\n\n"
            "There is a tower block in All of Us Strangers that looks as if it was finished the week before shooting.\n\n"
            "You are receiving this because you signed up for The Back Row at thebackrow.co.uk.\n"
            "You can update your preferences or Unsubscribe from this list.\n\n"
            "Dev Okafor <dev.okafor@fastmail.com>\nTue, 6 Feb, 12:37 (2 days ago)\nto Maeve, me\n"
            "Ha. You know me far too well.\n")
    labelled = _labelled(text)
    assert labelled[0][0] == "boilerplate" and labelled[0][1].startswith("---------- Forwarded message")
    assert _body(text) == ["There is a tower block in All of Us Strangers that looks as if it was finished the week before shooting."]
    assert [author for author, _ in _comments(text)] == ["Dev Okafor"]


def test_a_sites_menu_above_the_review_is_boilerplate_but_a_films_card_stays_header():
    menu = ("FANDOM\nGames\nMovies\nTV\nVideo\nWikis\n\nThe Green Knight review\n\n"
            "David Lowery's film is slow, strange and often beautiful, a quest told as a dare.\n")
    assert _labelled(menu)[:2] == [("boilerplate", "FANDOM\nGames\nMovies\nTV\nVideo\nWikis", None),
                                   ("header", "The Green Knight review", None)]
    card = ("Annihilation\nDirector\nAlex Garland\nRuntime\n115 minutes\n\n"
            "Alex Garland's film is slow, strange and often beautiful, a trip into the shimmer.\n")
    assert _labelled(card)[0] == ("header", "Annihilation\nDirector\nAlex Garland\nRuntime\n115 minutes", None)


def test_a_photo_posts_caption_keeps_its_dot_lines_and_view_all_comments_opens_the_thread():
    text = ("ines.reelnotes\n"
            "Ten years after he retired, Miyazaki comes back with a film about grief and the stubbornness of art.\n.\n"
            "The first hour is the best thing he has made since Spirited Away, and the rest is a dream.\n.\n"
            "View all 41 comments\n\nhollowpine.frames\nthe parakeets with the knives\n5d\n12 likes\nReply\n")
    assert len(_body(text)) == 1 and _body(text)[0].count("\n") == 3
    assert [author for author, _ in _comments(text)] == ["hollowpine.frames"]


def test_a_feeds_own_line_under_the_post_is_boilerplate():
    text = ("First Cow\n"
            "Kelly Reichardt's frontier film is about friendship, butter and the cost of a small luxury.\n"
            "The post First Cow appeared first on The Celluloid Ledger.\n")
    assert _labelled(text)[-1] == ("boilerplate", "The post First Cow appeared first on The Celluloid Ledger.", None)


def test_an_entertainment_sites_tool_bar_opens_no_thread_and_the_pros_and_cons_stay_the_critics():
    text = ("Barbarian Review: The Year's Most Deranged Rug-Pull\n"
            "Barbarian starts as a tight two-hander about a double-booked rental, then keeps kicking down doors.\n"
            "By Dana Whitcombe\nSign in to your CineRush account\nSummary\nGenerate a summary of this story\n"
            "follow\nFollow\nfollowed\nFollowed\nLike\nLink copied to clipboard\n\n"
            "Nobody in Barbarian does anything stupid, at least not at first, and that is the film's first trick.\n"
            "CINERUSH VIDEO OF THE DAY\nSCROLL TO CONTINUE WITH CONTENT\n"
            "Still, see it in a cinema, with strangers, and know as little as you can about it.\n\n"
            "Pros\nA genuinely unnerving first act\nBill Skarsgård plays beautifully against type\n"
            "Cons\nThe final stretch trades dread for gross-out\n\nYour changes have been saved\nEmail is sent\n")
    assert _comments(text) == []
    body = "\n".join(_body(text))
    assert "Nobody in Barbarian" in body and "see it in a cinema" in body
    assert "Bill Skarsgård plays beautifully against type" in body and "The final stretch trades dread for gross-out" in body
    assert "VIDEO OF THE DAY" not in body and "Pros" not in body.split("\n") and "Email is sent" not in body


def test_other_reviews_under_a_latest_reviews_heading_are_the_sites_not_ratings_or_comments():
    text = ("The Killer\n\n3 out of 4 stars\n\nLydia Marchetti\n\n"
            "David Fincher's assassin spends the first twenty minutes doing almost nothing, and it is gripping.\n\n"
            "Latest Reviews\n\nPriscilla\nNell Ackerman\n★★★½\n\nThe Holdovers\nNell Ackerman\n★★★★\n\n"
            "3 Comments\n\nmarlowe_fan\n2 days ago\nBest Fincher in years.\nReply\n")
    segments = segment(text)
    assert [s.text.strip() for s in segments if s.label == "rating"] == ["3 out of 4 stars"]
    assert _body(text) == ["David Fincher's assassin spends the first twenty minutes doing almost nothing, and it is gripping."]
    assert _comments(text) == [("marlowe_fan", "Best Fincher in years.")]


def test_a_channel_posts_view_count_opens_no_comment_thread():
    text = ("March 13\n\nProgramming note: tomorrow evening the long-promised post goes up, so clear your evening.\n"
            "❤ 96  👍 11\n👁 7.9K\n18:32\n\nMarch 14\n\n"
            "I have been putting this one off for months, because I did not trust myself to write about it calmly.\n\n9/10\n")
    assert is_furniture("👁 7.9K")
    assert all(match("comment_form", line) for line in ("Join Channel", "Mute", "Discussion started", "Per page 25"))
    assert "I have been putting this one off for months, because I did not trust myself to write about it calmly." in _body(text)
    assert _comments(text) == []


def test_a_dutch_wordpress_page():
    text = ("Recensie: The Lobster (2015)\n\nGeplaatst op 10 maart 2016 door Sanne Verbeek\n\n"
            "In de wereld van The Lobster moet iedereen een partner vinden, anders word je in een dier veranderd.\n\n"
            "Cijfer: 7,5/10\n\nCategorieën: Drama, Recensies\n\nDeel dit:\n\nTwitter\nFacebook\n\nVind ik leuk:\n\n"
            "Vind ik leuk Laden...\n\nGerelateerd\n\nRecensie: Dogtooth (2009)\n12 februari 2016\nIn \"Recensies\"\n\n"
            "Over de auteur\n\nSanne Verbeek\n\nSanne studeerde filmwetenschap in Amsterdam.\n\n"
            "Berichtnavigatie\n\nVorig bericht\nRecensie: Carol (2015)\n\n2 reacties op “Recensie: The Lobster (2015)”\n\n"
            "Jeroen schreef:\n12 maart 2016 om 21:14\n\nEindelijk iemand die ook vindt dat het tweede deel inzakt!\n\nBeantwoorden\n\n"
            "Marloes de Wit schreef:\n15 maart 2016 om 09:40\n\nMooie recensie.\n\nBeantwoorden\n\n"
            "Geef een reactie Reactie annuleren\n\nJe e-mailadres wordt niet gepubliceerd.\n\nReactie plaatsen\n\n"
            "Recente berichten\n\nRecensie: Room (2015)\n\nArchief\n\nmaart 2016\n")
    assert _body(text) == ["In de wereld van The Lobster moet iedereen een partner vinden, anders word je in een dier veranderd."]
    assert [author for author, _ in _comments(text)] == ["Jeroen", "Marloes de Wit"]
    assert [s.label for s in segment(text) if "Sanne studeerde" in s.text] == ["author_bio"]


@pytest.mark.parametrize("line", [
    "SKIP ADVERTISEMENT",
    "Merie Weismiller Wallace/Universal Pictures",
    "Rated PG-13 for some strong language, thematic elements, brief violence and drug use. Running time: 2 hours 31 minutes. In theaters.",
    "A version of this article appears in print on Nov. 11, 2022, Section C, Page 1 of the New York edition with the headline:"
    " A Boy, a Camera and a Family Coming Apart. Order Reprints | Today's Paper | Subscribe",
    "Site Index",
    "Complaints",
    "You have 2 free articles remaining this month",
    "Buy",
    "Read more",
    "Courtesy of Apple TV+/A24",
])
def test_a_newspapers_advertisement_photo_credit_print_notes_and_footer_are_furniture(line):
    assert is_furniture(line)


def test_a_bio_right_after_the_review_and_the_films_card_under_it():
    review = ("The hero of David Fincher's thriller is an assassin who spends twenty minutes doing almost nothing, and it grips.\n\n"
              "What keeps it from the top tier is that it knows exactly how clever it is, and so do we.\n\n")
    text = ("The Killer\n\nLydia Marchetti\nOctober 27, 2023\n\n" + review +
            "Lydia Marchetti is a film critic and programmer based in Philadelphia.\n\n"
            "Cast\nMichael Fassbender as The Killer\nTilda Swinton as The Expert\n\nDirector\nDavid Fincher\n\n"
            "Rating: R for strong violence, and language.\n")
    segments = segment(text)

    def label_of(words):
        return next(s.label for s in segments if words in s.text)

    assert label_of("Lydia Marchetti is a film critic") == "author_bio"
    assert _body(text) == [review.strip()]
    assert {label_of(words) for words in ("Tilda Swinton as The Expert", "David Fincher\n", "Rating: R")} == {"header"}


def test_a_sentence_on_an_actor_the_headline_names_stays_the_reviews():
    text = ("Michael Fassbender Is The Killer\n\nBy Lydia Marchetti\n\n"
            "The hero of David Fincher's thriller is an assassin who spends twenty minutes doing almost nothing.\n\n"
            "Michael Fassbender is a marvel of stillness, and the film knows it.\n")
    assert "Michael Fassbender is a marvel of stillness, and the film knows it." in _body(text)[-1]


def test_a_stores_customer_review_with_comments_by_names_with_an_initial_then_product_details():
    text = ("The Iron Giant: Signature Edition [Blu-ray]\n\nCustomer review\n\nOwen Castellanos\n\n"
            "5.0 out of 5 stars The best animated film of its decade\n\nReviewed in the United States on March 3, 2021\n\n"
            "I first saw The Iron Giant in a half-empty theater in August 1999, and it has only grown since.\n\n"
            "14 people found this helpful\n\nHelpful  Report\n\nComments\n\nShowing 1-2 of 2 comments\nSort by: Oldest first\n\n"
            "Marisol D.\nMarch 4, 2021\nAgree with all of this.\nReport\n\n"
            "Gary Whitcombe\nMarch 9, 2021\nDoes this one have the theatrical cut?\nReport\n\n"
            "Sign in to add a comment\n\nProduct details\nAspect Ratio : 1.85:1\nDirector : Brad Bird\n\n"
            "Customers who bought this item also bought\nRatatouille [Blu-ray]\n4.8 out of 5 stars 5,120\n")
    assert _comments(text) == [("Marisol D.", "Agree with all of this."), ("Gary Whitcombe", "Does this one have the theatrical cut?")]
    assert _body(text) == ["I first saw The Iron Giant in a half-empty theater in August 1999, and it has only grown since."]


def test_a_trade_papers_page_share_bar_headline_byline_and_credit_block():
    review = ("Maggie Gyllenhaal, making her feature directing debut, has made a film about guilt that nobody is supposed to admit to.\n\n"
              "Olivia Colman gives Leda a prickly, funny restlessness, and Dakota Johnson matches her scene for scene.\n\n")
    text = ("Film Review\n‘The Lost Daughter’ Review: Olivia Colman Is Thorny, Funny and Frightening in Maggie Gyllenhaal’s Assured Directing Debut\n\n"
            "Gyllenhaal’s adaptation of Elena Ferrante’s novel is a bold, prickly study of the guilt nobody admits to.\n\n"
            "By Theodora Quaile\nChief Film Critic\nSeptember 3, 2021 2:15pm PT\n\nFacebook\nTwitter\nPrint\nComments\n\n" + review +
            "Reviewed at Venice Film Festival (Competition), Sept. 3, 2021. Running time: 121 MIN.\n"
            "Production: A Netflix release of a Pie Films production.\nCrew: Director, writer: Maggie Gyllenhaal.\n"
            "With: Olivia Colman, Dakota Johnson, Jessie Buckley.\n\nRead More About:\nDakota Johnson\nNetflix\nOlivia Colman\n")
    segments = segment(text)
    assert [s.label for s in segments if "Assured Directing Debut" in s.text or "Chief Film Critic" in s.text] == ["header", "header"]
    assert _body(text) == ["Gyllenhaal’s adaptation of Elena Ferrante’s novel is a bold, prickly study of the guilt nobody admits to.",
                           review.strip()]
    assert _comments(text) == []
    assert {s.label for s in segments if "With: Olivia Colman" in s.text or "Running time: 121" in s.text} == {"header"}


def test_an_embedded_post_an_editors_note_and_a_bio_after_a_byline_under_the_standfirst():
    paragraph = "Rodriguez and Taylor, both first-time actors, are a genuine comic double act, fast and furious and very funny.\n\n"
    text = ("Sundance 2015\n'Tangerine' Review: Sean Baker's iPhone Comedy Turns Christmas Eve in Hollywood Inside Out\n"
            "Two trans sex workers tear across Los Angeles in search of a cheating boyfriend in this exhilarating comedy.\n\n"
            "Daniel Ostrow\nJul 8, 2015 2:45 pm\n\n"
            "Editor's note: This review was originally published during the 2015 Sundance Film Festival.\n\n"
            "\"Merry Christmas Eve, bitch.\" Those are the first words spoken in the film, and they set the tone for what follows.\n\n"
            "Harper Vance\n@harpervancefilm\nTANGERINE just tore the roof off the place.\n11:52 PM · Jan 23, 2015\n\n"
            + paragraph + "Check out more from the Sundance Film Festival here.\n\n"
            "Daniel Ostrow is the Chief Critic of Cinetrail, where he has covered festivals since 2009.\n")
    labels = {s.text.strip(): s.label for s in segment(text)}
    assert _body(text)[-1] == paragraph.strip()
    assert "TANGERINE just tore the roof off the place." not in " ".join(_body(text))
    assert "Editor's note" not in " ".join(_body(text))
    assert labels["Daniel Ostrow is the Chief Critic of Cinetrail, where he has covered festivals since 2009."] == "author_bio"


def test_a_german_magazines_forum_and_a_french_dailys_contributions_are_comments_not_the_review():
    review = "Alfonso Cuarón erzählt von einem Jahr im Leben einer Hausangestellten in Mexiko-Stadt, und er erzählt es mit großer Ruhe.\n\n"
    german = ("Filmkritik\n»Roma« auf Netflix: Das Gedächtnis eines Hauses\n\nVon Jonas Feldkamp\n12.12.2018, 18.04 Uhr\n\n" + review +
              "Bewertung: 9 von 10 Punkten\n\nFeedback\nDiskutieren Sie mit\n\nForum – Diskussion über diesen Artikel\n"
              "Insgesamt 2 Beiträge\n\nkinogaenger_hh\nheute, 19:12 Uhr\nHabe ihn im Herbst gesehen.\nMelden\n\n"
              "Pendlerin_83\nheute, 20:47 Uhr\nMir war das zu lang.\nMelden\n\nAlle Kommentare öffnen\n\nEmpfehlungen\n"
              "Golden Globes: Die Nominierungen im Überblick\n\nImpressum\nDatenschutz\nKontakt\n")
    assert _body(german) == [review.strip()]
    assert [author for author, _ in _comments(german)] == ["kinogaenger_hh", "Pendlerin_83"]
    assert [s.text.strip() for s in segment(german) if s.label == "rating"] == ["Bewertung: 9 von 10 Punkten"]
    french = ("Culture\nCinéma\n\nNotre avis : ★★★★☆\n\n« Cold War » : un amour fou au temps du rideau de fer\n\n"
              "Par Clémence Vaudrey\nPublié le 23 octobre 2018 à 17h00 - Mis à jour le 24 octobre 2018 à 08h12\n\n" + review +
              "Partager\nRéagir\nContribuer\n\nLes plus lus\n1\nRetraites : le gouvernement dévoile son calendrier\n\n"
              "Contributions\nRéagissez ou consultez l'ensemble des contributions\n\n"
              "Mathilde R.\nIl y a 3 ans\nVu en avant-première à Lyon.\nRépondre\n\nVoir plus de contributions\n\nMentions légales\n")
    assert _body(french) == [review.strip()]
    assert _comments(french) == [("Mathilde R.", "Vu en avant-première à Lyon.")]


def test_a_blogger_themes_labels_share_bar_and_popular_posts_after_the_comments():
    text = ("Second Feature Notebook\n\nMarch 02, 2017\n\nPaterson (2016) – 4.5/5\n\n"
            "Jim Jarmusch has made a film about a bus driver who writes poems, and it is the gentlest film of the year.\n\n"
            "Labels\n2016\nAdam Driver\ndrama\n\nGet link\nFacebook\nOther Apps\n\nComments\n\nPost a Comment\n\n"
            "Marisol K.\nMarch 3, 2017 at 9:12 AM\n\nLovely review!\n\nReply\n\n"
            "Popular posts from this blog\n\nManchester by the Sea (2016) – 4/5\nJanuary 14, 2017\n"
            "Kenneth Lonergan's drama is the saddest film I have seen in a long time.\nShare\nGet link\n\n"
            "Powered by Blogger\n\nTheme images by Michael Elkan\n")
    assert _comments(text) == [("Marisol K.", "Lovely review!")]


def test_the_readers_star_widget_under_rate_this_is_no_rating():
    text = ("The ending lands beautifully after two quiet hours of waiting for it, and Rohmer knows it.\n\nMy rating: 4/5\n\n"
            "Rate this:\n\n1 Star\n2 Stars\n3 Stars\n4 Stars\n5 Stars\n\n3 Votes\n")
    assert [s.text.strip() for s in segment(text) if s.label == "rating"] == ["My rating: 4/5"]


def test_a_movie_databases_review_tab_keeps_the_expanded_review_and_not_the_others():
    review = ("I put Moon on again last week because I was feeling cooped up, and it holds up better than I remembered.\n\n"
              "Sam Rockwell carries the whole film on his own, and the clever thing is how little it needs anyone else.\n\n")
    text = ("Moon (2009)\n\nOverview\n\nWith only two weeks left in his three-year contract mining helium-3, an astronaut makes a discovery.\n\n"
            "Main\nReviews 4\nDiscussions\nVideos\n\nA review by orbital_drift\n\nWritten by orbital_drift on March 3, 2021\n\n★ 8.0\n\n"
            + review + "Other reviews\n\nA review by castlemaine_reels\n★ 7.0\nSolid, well-acted little film but I figured out the twist early … read the rest.\n")
    segments = segment(text)
    assert [s.text.strip() for s in segments if s.label == "rating"] == ["★ 8.0"]
    assert review.strip() in " ".join(_body(text))
    assert _comments(text) == []


def test_a_brazilian_news_sites_byline_dates_rating_and_comments():
    review = "Kleber Mendonça Filho e Juliano Dornelles fizeram um faroeste sertanejo que é também um filme de horror político.\n\n"
    text = ("Crítica\nBacurau é um faroeste brasileiro\n\nPor Renata Albuquerque Lins\n29/08/2019 às 10h15 - Atualizado em 29/08/2019 às 12h40\n\n"
            + review + "Nota: 4,5/5\n\nComentários (1)\n\nMarcos Vinícius Tavares\nhá 4 anos\nQue filmaço.\nResponder\nCurtir (7)\n\n"
            "Ver mais comentários\n\nMais lidas\nOs filmes mais esperados de 2020\n\nTermos de uso\n")
    assert _body(text) == [review.strip()]
    assert _comments(text) == [("Marcos Vinícius Tavares", "Que filmaço.")]


def test_no_comments_under_a_posts_byline_is_its_meta_and_a_cinemas_trailer_and_lists_are_the_sites():
    review = ("Céline Sciamma's follow-up to Portrait of a Lady on Fire runs for just seventy-two minutes and wastes none of them.\n\n"
              "Eight-year-old Nelly has just lost her grandmother, and in the woods she meets a girl her own age.\n\n")
    text = ("Petite Maman (2021)\nPosted by Hattie Marlowe on 3 April 2022\nFrench Cinema, Reviews\nNo Comments\n\n" + review +
            "8.5/10\n\nTrailer\n\nPETITE MAMAN | Official UK Trailer\n\nYou might also like\n\nClose\nFrom Fri 19 May\n\n"
            "Sign up to our newsletter\nWe'll never share your details. You can unsubscribe at any time.\n")
    assert _body(text) == [review.strip()]
    assert _comments(text) == []
    assert [s.text.strip() for s in segment(text) if s.label == "rating"] == ["8.5/10"]
