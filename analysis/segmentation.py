"""Lossless segmentation of a web copy of a review.

A review copied from the web carries more than the review: a headline, a byline, a rating line,
share widgets, an author bio, reader comments and the comment form. :func:`segment` labels every
line of the raw text and groups consecutive lines into :class:`Segment` objects. The segments'
texts joined in order are the raw text, character for character, so nothing is ever dropped:
analyses read the ``body``, reader comments are their own layer, and everything else stays
visible.

The rules read the structure of the page, not one site's strings: the shape of a line (prose,
a date, a handle, a short line; :mod:`analysis.line_shapes`), its position (before the first
paragraph, after the last one, inside a thread), and families of cues (package data,
``data/segment-cues.yaml``). In order:

1. **Top.** Before the first paragraph (a sentence of at least 15 words; without one, the first
   sentence, or the first line of 8 words or more), a line is ``header`` (headline, byline and
   the critic's title under it, date, labelled credits, a film's heading, a blog's tagline above
   its menu), ``rating``, ``boilerplate`` (furniture such as a photo credit or a spoiler notice,
   and the short lines of a widget under it) or, when it is a sentence, ``body`` (a standfirst,
   or a one-line review); :mod:`analysis.review_edges` holds the rules that read a line's
   neighbours.
2. **Thread.** The comment thread starts at a comment heading ("3 thoughts on …", "No
   comments:"), a comment form, a comment's start marker ("Name said...", "Re: …", "#2", a
   numbered item after which every line is indented), a name over a date once the review has
   ended, or a lone handle just after furniture (:mod:`analysis.thread_starts`, which also
   tells a share bar's "Comments" link, a post's counts and a social post embedded in the review
   from the start of a thread); from there :func:`analysis.comment_threads.label_thread` labels
   every line ``comment`` or ``boilerplate``, one segment per comment.
3. **Between.** Before the thread: ``boilerplate`` for furniture (share widgets, tags,
   "Posted by … at …", captions, notices) and the short lines of a widget under it;
   ``author_bio`` from a bio cue ("About …", "Written by …", or, after furniture, a third-person
   sentence or a line that is only the byline's name) to the thread; ``rating`` for a line that
   is only a rating (after an optional short label, as sub-scores and "Review by handle ★★★½"
   are) by :mod:`analysis.rating_parser`; ``header`` for a byline or date under a one-sentence
   standfirst; else ``body``.
4. **Tail.** Short lines without a sentence end after the last paragraph of the body (tags,
   related posts, the author's name) are ``boilerplate``.
5. **Ratings ending prose.** A rating after the last sentence of a body line ("… a thin third
   act. 8/10") is a ``rating`` segment of its own; the rest of the line stays in the body. A
   rating inside a sentence leaves the whole line in the body, where it is still read.

Blank lines belong to the segment before them (at the top of a file, to the header).

>>> [(s.label, s.text) for s in segment("Arrival (2016)\\nA quiet, sad first-contact film. 8/10\\n")]
[('header', 'Arrival (2016)\\n'), ('body', 'A quiet, sad first-contact film. '), ('rating', '8/10\\n')]
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Literal, NamedTuple

from analysis.comment_threads import Comment, label_thread, parse_comment, start_kind
from analysis.line_shapes import (
    is_date_line,
    is_furniture,
    is_prose,
    match,
    text_after_last_sentence,
    word_count,
)
from analysis.rating_parser import is_rating_line, parse_explicit_ratings
from analysis.review_edges import (
    HEADER_FAMILIES,
    PARAGRAPH_MIN_WORDS,
    bio_by_full_name,
    bio_of_critic,
    critic_by_name,
    film_card_label,
    first_paragraph,
    in_credits_block,
    masthead_to_header,
    menus_to_boilerplate,
    under_byline,
)
from analysis.tables import checks
from analysis.thread_starts import (
    announces_comments, continuing_post, embedded_post_end, numbered_thread_start, opens_thread,
)

__all__ = ["Comment", "Segment", "SegmentLabel", "comments_from_segments", "parse_comment", "segment"]

SegmentLabel = Literal["header", "body", "rating", "author_bio", "comment", "boilerplate"]

# A rating line may carry a short label ("Acting:", "Review by handle", "Rated … • Rated").
_RATING_LABEL_MAX_WORDS = 6
# ... and the rating itself a few more ("four and a half out of five stars").
_RATING_LINE_MAX_WORDS = _RATING_LABEL_MAX_WORDS + 10
_WORDS = re.compile(r"[^\W\d_]+")
# A headline capitalises at least this share of its words of at least this many letters, and has
# at least this many such words (a short title tells nothing).
TITLE_WORD_MIN_LETTERS = 4
TITLE_CAPITALS_SHARE = 0.75
TITLE_MIN_LONG_WORDS = 3
_ANY_SENTENCE_MARK = re.compile(r"[.!?\u2026]")
# A line ending as a sentence or an introduction does ("…in order:") is not a headline.
_LINE_END = re.compile(r"[.:\u2026][\"'\u201d\u2019)]*$")
# A short line at the end of the body that ends as a sentence ("Go see it!") is still the critic's.
_ENDS_AS_SENTENCE = re.compile(r"[.!?\u2026][\"'\u201d\u2019)]*$")


class Segment(NamedTuple):
    """A run of lines of the raw text with one label.

    ``start`` and ``end`` are character offsets into the raw text; ``author`` is set for a reader
    comment whose author is named, and for an author bio.
    """

    label: SegmentLabel
    start: int
    end: int
    text: str
    author: str | None = None


def _is_rating_line(line: str, scales: Mapping[str, float] | None) -> bool:
    """A line that is a rating, whole or after a short label and nothing that reads as prose."""
    if word_count(line) > _RATING_LINE_MAX_WORDS:
        return False
    ratings = parse_explicit_ratings(line, scales=scales)
    if not ratings:
        return False
    rest, last = [], 0
    for rating in ratings:
        rest.append(line[last : rating.start])
        last = rating.end
    rest.append(line[last:])
    label = " ".join(rest).strip()
    if not label.rstrip(".!"):
        return True  # "Four out of five."
    return word_count(label) <= _RATING_LABEL_MAX_WORDS and not _ANY_SENTENCE_MARK.search(label)


def _top_label(
    line: str, scales: Mapping[str, float] | None, *, after_body: bool, in_widget: bool, under_headline: bool
) -> str:
    """The label of a line above the first paragraph; below a sentence (a standfirst, an
    opening line), lines that are neither dates nor bylines continue the body. A line as long as
    a paragraph right under the headline is a standfirst even without its full stop, as
    newspapers print one ("Brady Corbet's colossal epic … is punishing, majestic and only
    sometimes overreaching★★★★☆"); after a blank line it may be a long title of its own."""
    if _is_rating_line(line, scales):
        return "rating"
    if any(match(family, line) for family in HEADER_FAMILIES) or is_date_line(line):
        return "header"
    if is_furniture(line) or in_widget:
        return "boilerplate"
    if after_body or is_prose(line) or _LINE_END.search(line.strip()):
        return "body"
    if under_headline and word_count(line) >= PARAGRAPH_MIN_WORDS and not _title_cased(line):
        return "body"
    return "header"


def _title_cased(line: str) -> bool:
    """Whether `line` is capitalised as a headline is ("Olivia Colman Is Thorny, Funny and
    Frightening in Maggie Gyllenhaal's Assured Directing Debut"), where a standfirst is written
    as a sentence: most of its words of four letters or more start with a capital."""
    words = [word for word in _WORDS.findall(line) if len(word) >= TITLE_WORD_MIN_LETTERS]
    return len(words) >= TITLE_MIN_LONG_WORDS and sum(word[0].isupper() for word in words) >= TITLE_CAPITALS_SHARE * len(words)


def _line_labels(lines: list[str], scales: Mapping[str, float] | None) -> tuple[list[str], set[int]]:
    """The label of every line, and the lines where a reader comment starts."""
    count = len(lines)
    labels = ["body"] * count
    texts = [i for i in range(count) if lines[i].strip()]
    first = first_paragraph(lines, texts)
    numbered = numbered_thread_start(lines)
    thread = count
    previous = None
    in_bio = False
    in_card = False  # a film's credits card after the review: labels over their values
    under_related = False  # scores under "Latest Reviews" are other reviews', till the review goes on
    body_lines = 0
    byline: set[str] | None = None  # the header's lines, once the review has started
    post_header_end = -1
    for index in texts:
        line = lines[index]
        # A short line right under furniture, with no blank line between, is part of that widget
        # ("Where to watch" / "Peacock").
        in_widget = previous == "boilerplate" and bool(lines[index - 1].strip()) and not is_prose(line)
        if first == count and body_lines and announces_comments(line):
            # A page too short for a paragraph (a capsule review) still ends where its comments
            # begin; above a first paragraph such a line may be the header's comment count.
            thread = index
            break
        if index >= first and byline is None:
            byline = {lines[i].strip() for i in texts if i < first and labels[i] == "header"}
        if index < first:
            under_headline = previous == "header" and bool(lines[index - 1].strip())
            labels[index] = _top_label(
                line, scales, after_body=body_lines > 0, in_widget=in_widget, under_headline=under_headline
            )
            if labels[index] == "boilerplate" and not in_widget:
                body_lines -= masthead_to_header(lines, labels, texts, index)
            elif labels[index] == "body" and previous == "header" and under_byline(lines, index):
                labels[index] = "header"
            elif labels[index] == "body" and not is_prose(line) and start_kind(lines, index) == "name":
                labels[index] = "header"  # the critic's name over the date, under a standfirst
        elif index <= post_header_end:
            labels[index] = "boilerplate"
        elif (continued := continuing_post(lines, index, byline)) is not None:
            labels[index], post_header_end = "boilerplate", continued
        elif previous == "body" and (embedded := embedded_post_end(lines, index)) is not None:
            labels[index], post_header_end = "boilerplate", embedded
        elif previous == "header" and under_byline(lines, index):
            labels[index] = "header"  # the critic's title under a byline below the standfirst
        elif index == numbered or opens_thread(lines, index, previous, under_related=under_related):
            thread = index
            break
        elif is_furniture(line) and not (in_bio and line.strip()[:1].isdigit()):
            # A bio keeps its own counts ("120 Followers"); other furniture ends it.
            labels[index], in_bio = "boilerplate", False
        elif film_card_label(lines, index) or (
            in_card and ((bool(lines[index - 1].strip()) and not is_prose(line)) or match("header_label", line))
        ):
            labels[index], in_bio = "header", False
        elif in_bio or match("author_bio", line) or (
            previous == "boilerplate"
            and not under_related  # the critic's name over another of their reviews in a list
            and (bio_of_critic(line, byline) if is_prose(line) else critic_by_name(line, byline))
        ) or (previous == "body" and bio_by_full_name(line, byline)):
            labels[index], in_bio = "author_bio", True
        elif under_related and word_count(line) < PARAGRAPH_MIN_WORDS:
            labels[index] = "boilerplate"  # another post's title, author, date or score
        elif _is_rating_line(line, scales):
            labels[index] = "rating"
        elif in_widget:
            labels[index] = "boilerplate"
        elif in_credits_block(lines, index):
            labels[index] = "header"
        elif body_lines <= 1 and not is_prose(line) and (
            is_date_line(line) or match("byline", line) or start_kind(lines, index) == "name"
        ):
            # A byline and date under a one-sentence standfirst: they name the critic too.
            labels[index] = "header"
            byline.add(line.strip())
        body_lines += labels[index] == "body"
        in_card = labels[index] == "header" and (in_card or film_card_label(lines, index))
        if labels[index] == "boilerplate" and match("related_heading", line):  # furniture, so boilerplate
            under_related = True
        elif labels[index] == "body":
            under_related = False
        previous = labels[index]
    starts: set[int] = set()
    if thread < count:
        thread_labels, starts = label_thread(lines, thread)
        for index, label in thread_labels.items():
            labels[index] = label
    menus_to_boilerplate(lines, labels, texts, min(first, thread))
    _tail_to_boilerplate(lines, labels, texts, thread)
    _join_blank_lines(lines, labels)
    return labels, starts


def _tail_to_boilerplate(lines: list[str], labels: list[str], texts: list[int], thread: int) -> None:
    """Short lines after the body's last paragraph (tags, related posts, the author's name) are
    the site's, not the critic's; a short line ending as a sentence ("Go see it!") stays, and so
    do the lines of a "Pros" or "Cons" list under its heading."""
    body_prose = [i for i in texts if labels[i] == "body" and is_prose(lines[i]) and i < thread]
    if not body_prose:
        return
    in_list = False
    for index in texts:
        if not body_prose[-1] < index < thread:
            continue
        # A critic's "Pros" or "Cons" list runs on, line after line, under its heading.
        heading = match("verdict_list", lines[index]) is not None
        in_list = heading or (in_list and bool(lines[index - 1].strip()))
        if labels[index] == "body" and not (in_list and not heading) and not _ENDS_AS_SENTENCE.search(lines[index].strip()):
            labels[index] = "boilerplate"


def _join_blank_lines(lines: list[str], labels: list[str]) -> None:
    """Blank lines join the segment before them (at the top, the header), so a label changes
    only at a line of text."""
    at_top = True
    for index, line in enumerate(lines):
        if line.strip():
            at_top = False
        elif at_top:
            labels[index] = "header"
        elif index > 0:
            labels[index] = labels[index - 1]


def _bio_author(text: str) -> str | None:
    first = text.strip().splitlines()[0]
    named = match("author_bio", first) or match("bio_sentence", first)
    return (named.group(1).strip() or None) if named else None


def _trailing_rating(line: str, scales: Mapping[str, float] | None) -> int | None:
    """Where a rating that ends a line of review text starts ("… a thin third act. 8/10")."""
    rest = text_after_last_sentence(line)
    if rest is None or not is_rating_line(line[rest:], scales=scales):
        return None
    return rest


@checks(raw=str)
def segment(raw: str, *, rating_scales: Mapping[str, float] | None = None) -> list[Segment]:
    """Split `raw` into labelled segments whose texts join back into `raw` exactly.

    A rating that ends a line of review text after its last sentence is a ``rating`` segment of
    its own, the rest of the line staying in the body.

    Parameters
    ----------
    raw : str
        The review file's text, untouched.
    rating_scales : mapping, optional
        Unit word -> top of scale for house rating units (the manifest's ``rating_scales``).

    Returns
    -------
    list of Segment
        In file order; ``"".join(s.text for s in segments) == raw``.
    """
    lines = raw.splitlines(keepends=True)
    labels, comment_starts = _line_labels(lines, rating_scales)
    # Pieces of lines: (text, label, whether a new comment starts here).
    pieces: list[tuple[str, str, bool]] = []
    for index, line in enumerate(lines):
        split = _trailing_rating(line, rating_scales) if labels[index] == "body" else None
        if split is None:
            pieces.append((line, labels[index], index in comment_starts))
        else:
            pieces.extend([(line[:split], "body", False), (line[split:], "rating", False)])
    segments: list[Segment] = []
    offset = 0
    run: list[str] = []
    for position, (text, label, _) in enumerate(pieces):
        run.append(text)
        following = pieces[position + 1] if position + 1 < len(pieces) else None
        if following is None or following[1] != label or following[2]:
            joined = "".join(run)
            author = None
            if label == "comment":
                author = parse_comment(joined).author
            elif label == "author_bio":
                author = _bio_author(joined)
            segments.append(Segment(label, offset, offset + len(joined), joined, author))
            offset += len(joined)
            run = []
    return segments


def comments_from_segments(segments: list[Segment]) -> list[Comment]:
    """The reader comments among `segments`, replies linked to the comment they answer."""
    comments: list[Comment] = []
    last_number = None
    for seg in segments:
        if seg.label != "comment":
            continue
        comment = parse_comment(seg.text)
        if comment.number is None:
            comment = comment._replace(reply_to=last_number)
        else:
            last_number = comment.number
        comments.append(comment)
    return comments
