"""Where a page's reader comments start, and the posts inside a review that are not comments.

:func:`analysis.segmentation.segment` walks a page line by line; these rules decide, at a line
after the review has begun, whether the comment thread starts there (a comment heading or form,
an author's or a post's marker, a name over a date, a lone handle after furniture) or whether
the line opens something that only looks like a comment: a share bar's "Comments" link, a post's
counts, a social post embedded in the review, or the critic's own next post in a review posted
as a thread.
"""

from __future__ import annotations

import re

from analysis.comment_threads import next_text, post_date, start_kind, starts_by_handle
from analysis.line_shapes import (
    is_comment_form,
    is_comments_heading,
    is_date_line,
    is_end_matter,
    is_furniture,
    is_handle,
    is_prose,
    match,
    word_count,
)
from analysis.review_edges import PARAGRAPH_MIN_WORDS

# A post's count: "123 views", "17", "2.4k likes".
_COUNT_LINE = re.compile(r"^\d[\d.,]*[km]?(\s+[^\W\d]+)?$", re.IGNORECASE)
# A comment heading's count of none: "No Comments", "0 comments", "Keine Kommentare".
_ZERO_COUNT = re.compile(r"^(no|0|zero|aucun|keine|sin|nessun|nenhum)\b", re.IGNORECASE)
# An embedded post's text runs at most this many lines between its handle and its date.
EMBEDDED_POST_MAX_LINES = 6


def numbered_thread_start(lines: list[str]) -> int | None:
    """The first "  1." item after which every line is indented, up to the comment form."""
    firsts = [
        index for index, line in enumerate(lines)
        if line[:1].isspace() and (item := match("comment_item", line)) and item.group(1) == "1"
    ]
    if not firsts:  # most reviews: no indented line, or none numbered 1
        return None
    # One pass from the end: whether every text line after each index, up to a form, is indented.
    indented_after = [True] * (len(lines) + 1)
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        if is_comment_form(line):
            indented_after[index] = True
        elif line.strip():
            indented_after[index] = line[:1].isspace() and indented_after[index + 1]
        else:
            indented_after[index] = indented_after[index + 1]
    return next((index for index in firsts if indented_after[index + 1]), None)


def announces_comments(line: str) -> bool:
    """A comment heading ("3 Comments"), the start of a comment form ("Leave a Reply") or of the
    end matter ("Works Cited"), after which comments may follow."""
    return is_comments_heading(line) or is_comment_form(line) or is_end_matter(line)


def opens_thread(lines: list[str], index: int, previous: str | None, *, under_related: bool) -> bool:
    """Whether the comment thread starts at line `index`. A name over a date opens it only once
    the review has ended (a byline under a standfirst is not a comment), a lone handle only
    just after furniture; neither under the heading of a list of other posts, whose titles,
    authors and dates they would take for a commenter's."""
    line = lines[index]
    if announces_comments(line):
        return not (
            _among_post_counts(lines, index) or _in_share_bar(lines, index) or _no_comments_over_text(lines, index)
        )
    kind = start_kind(lines, index)
    if kind in ("author", "post"):
        return True
    if under_related:
        return False
    return (kind == "name" and previous not in (None, "body")) or (
        previous == "boilerplate" and starts_by_handle(lines, index)
    )


def _in_share_bar(lines: list[str], index: int) -> bool:
    """Whether line `index`, a bare "Comments" with no count, is one more link of a share bar
    right above it ("Share via Email" / "Print" / "Comments", no blank line between) at the top
    of an article, not the heading of its comments."""
    above = lines[index - 1] if index > 0 else ""
    return (
        is_comments_heading(lines[index])
        and not any(character.isdigit() for character in lines[index])
        and bool(above.strip())
        and is_furniture(above)
    )


def _no_comments_over_text(lines: list[str], index: int) -> bool:
    """Whether line `index` says there are no comments ("No Comments", "0 comments") right over
    a paragraph: a post's meta above its text (a page builder prints it under the byline), since
    no thread can follow a count of none."""
    following = next_text(lines, index)
    return (
        is_comments_heading(lines[index])
        and _ZERO_COUNT.match(lines[index].strip()) is not None
        and following is not None
        and word_count(lines[following]) >= PARAGRAPH_MIN_WORDS
    )


def _among_post_counts(lines: list[str], index: int) -> bool:
    """Whether line `index` ("4 comments") stands in a post's counts, right under another count
    ("123 views"): a blog's stats under the post or a related post, not where the comments start."""
    return index > 0 and bool(_COUNT_LINE.match(lines[index - 1].strip()))


def embedded_post_end(lines: list[str], index: int) -> int | None:
    """Where a social post embedded in the review ends (its date line), when one starts at
    line `index`: its author's name over an "@handle", then its text and its date, with no
    blank line between ("Harper Vance" / "@harpervancefilm" / "… tore the roof off." /
    "11:52 PM · Jan 23, 2015"), and a paragraph of the review under it; None otherwise."""
    if index + 1 >= len(lines) or not lines[index + 1].strip().startswith("@") or not is_handle(lines[index + 1]):
        return None
    if is_prose(lines[index]):
        return None
    for following in range(index + 2, min(index + 2 + EMBEDDED_POST_MAX_LINES, len(lines))):
        if not lines[following].strip():
            return None
        if is_date_line(lines[following]):
            # The review goes on under it; a thread's next post would be a name, not a paragraph.
            after = next_text(lines, following)
            return following if after is not None and word_count(lines[after]) >= PARAGRAPH_MIN_WORDS else None
    return None


def continuing_post(lines: list[str], index: int, byline: set[str]) -> int | None:
    """Where the header of a post that continues the review ends (its date line), or None.

    A review posted as a thread (Mastodon, X, Bluesky) repeats its author's name and the date
    over every post; a post under the name the page's byline gave, whose text answers no one
    ("@name ..."), is the critic's review going on, not a reader's comment.
    """
    if lines[index].strip() not in byline or start_kind(lines, index) != "name":
        return None
    date = post_date(lines, index)
    text = next_text(lines, date)
    return None if text is None or lines[text].lstrip().startswith("@") else date
