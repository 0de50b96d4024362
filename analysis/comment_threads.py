"""Reader comment threads in a web copy: where each comment starts, who wrote it, what it says.

Comment layouts differ from site to site, but they are built from the same few parts, and the
rules look for those parts rather than for one site's strings (cue families in
``data/segment-cues.yaml``, line shapes in :mod:`analysis.line_shapes`):

* a **heading** announces the thread ("3 thoughts on …", "2 Responses", "No comments:",
  "2 commentaires:", "Comments (2)") and is boilerplate;
* a comment **starts** at an author line ("Name says:", "Name said...", "Name wrote:",
  "Name a dit…", "Post by Name »", "handle · 1 yr. ago"), a forum post's title or number
  ("Re: …", "#2"), a numbered item ("  1. …") or an indented bullet under one, or a short name
  line followed by a date, past at most a few badges ("Name" / "Mod" / "• 9 years ago");
* inside a comment, dates, post markers ("« Reply #2 on: … »"), actions and like counts
  ("Reply", "• Reply •Share ›", "12 Recommend") belong to it; a marker before the comment has
  any words (a by-line, a badge, the handle replied to, "kestrel wrote:" over a quotation)
  belongs to it too, unless it numbers or titles a new post;
* a lone handle (``rosie.watches``) starts a comment when the text before it already has an
  author's words and the line after it is text; otherwise it is a signature;
* the **form** ("Leave a Reply", "Write a comment…", "Sort by Best") and every line after it
  are boilerplate until a comment starts; other site furniture is boilerplate too.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from analysis.line_shapes import (
    has_sentence_end,
    is_comment_form,
    is_comments_heading,
    is_date_line,
    is_end_matter,
    is_furniture,
    is_handle,
    match,
    word_count,
)
from analysis.tokenization import is_word

_NAME_MAX_WORDS = 6
# Lower-case words that stand inside names: "Jan van der Berg", "Maria de la Cruz", "Ibn al-Haytham".
_NAME_PARTICLES = frozenset({"van", "von", "der", "den", "de", "del", "della", "da", "di", "du", "la", "le", "el", "bin", "ibn", "al"})
# Lines that may stand between a commenter's name and the date: "Mod", "hårga_hater", "•".
_BADGE_LINES = 3
# The line right under a commenter's name may be their profile's headline, up to this long:
# "Head of Data Strategy at Northfield Group", "Retired | 19 years in professional scouting".
_HEADLINE_MAX_WORDS = 10
_HAS_WORD = re.compile(r"\w")
# A name may hold initials ("M. Dunn") but does not end as a sentence does.
_ENDS_AS_SENTENCE = re.compile(r"[.!?:\u2026]$")
# A name may end in an initial ("Marisol D.", "Daniel K."), whose full stop ends no sentence.
_ENDS_IN_INITIAL = re.compile(r"(?:^|\s)[A-Z]\.$")
# A person's name on a line of its own over the comment: two to four capitalised words.
_NAME = re.compile(r"^[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){1,3}$")


class Comment(NamedTuple):
    """A reader comment: its author where named, its text without numbering, and its number."""

    number: str | None
    author: str | None
    text: str
    reply_to: str | None = None


def next_text(lines: list[str], index: int) -> int | None:
    """The next line after `index` that holds text, or None."""
    return next((i for i in range(index + 1, len(lines)) if lines[i].strip()), None)


def post_date(lines: list[str], index: int) -> int | None:
    """The date line that comes after line `index`, past at most a few badge lines (a role such
    as "Mod", the handle replied to, a bullet; first, a profile's headline), or None."""
    following = next_text(lines, index)
    for step in range(_BADGE_LINES + 1):
        if following is None:
            return None
        line = lines[following]
        if is_date_line(line):
            return following
        headline = step == 0 and word_count(line) <= _HEADLINE_MAX_WORDS and not has_sentence_end(line)
        if not (headline or is_action(line) or is_handle(line) or not _HAS_WORD.search(line)):
            return None
        following = next_text(lines, following)
    return None


def _ends_at_action(lines: list[str], index: int) -> bool:
    """Whether, within a few lines after line `index`, words end at an action line: a comment
    whose author's name stands over its words and whose age sits in the actions under them
    ("Priya Raman" / "This movie is my middle school." / "Like · Reply · 3 · 2y"). Site furniture
    is no comment's words: a widget's heading over its entries is no author ("Categories" /
    "Reviews (412)" / … / "2021")."""
    words = next_text(lines, index)
    if words is None or is_furniture(lines[words]):
        return False
    following = words
    for _ in range(_BADGE_LINES + 1):
        if following is None:
            return False
        if is_action(lines[following]):
            return following != words
        following = next_text(lines, following)
    return False


def is_action(line: str) -> bool:
    """A comment's own furniture: an action ("Reply"), a like count, a post marker."""
    return match("comment_action", line) is not None or match("post_marker", line) is not None


def _is_name_line(line: str) -> bool:
    stripped = line.strip()
    return (
        0 < word_count(stripped) <= _NAME_MAX_WORDS
        and is_word(stripped)  # a rating ("4.5/5") or a count over a date names nobody
        and not _runs_as_words(stripped)
        and not (_ENDS_AS_SENTENCE.search(stripped) and not _ENDS_IN_INITIAL.search(stripped))
        and not is_date_line(stripped)
        and not is_action(stripped)
        and not is_furniture(stripped)
        and not is_comments_heading(stripped)
        and not is_comment_form(stripped)
    )


def _runs_as_words(line: str) -> bool:
    """Whether a short line reads as words, not a name: three or more words, most of them in
    lower case and none of a name's particles ("marvin did nothing wrong", not "mira ☾" or
    "Jan van der Berg")."""
    words = line.split()
    lower = [word for word in words if word.isalpha() and word.islower() and word not in _NAME_PARTICLES]
    return len(words) >= 3 and len(lower) * 2 > len(words)


def start_kind(lines: list[str], index: int) -> str | None:
    """How line `index` opens a reader comment, if it does by an unmistakable marker.

    Returns
    -------
    str or None
        ``"author"`` (an author line: "Name said..."), ``"post"`` (a forum post's title or
        number: "Re: …", "#2", "level 1"), ``"item"`` (a numbered item or an indented bullet),
        ``"name"`` (a short name line followed by a date, past at most a few badges), or None.
    """
    line = lines[index]
    # Both shapes start indented, so an unindented line (most lines) is never searched.
    if line[:1].isspace() and (match("comment_item", line) or match("comment_reply", line)):
        return "item"
    if match("reply_title", line):
        return "post"
    if _author_line(line):
        return "author"
    if _is_name_line(line) and post_date(lines, index) is not None:
        return "name"
    return None


def starts_comment(lines: list[str], index: int) -> bool:
    """Whether line `index` opens a reader comment by an unmistakable marker (:func:`start_kind`)."""
    return start_kind(lines, index) is not None


def starts_by_handle(lines: list[str], index: int) -> bool:
    """Whether line `index` is a lone handle followed by a line of text: a comment's author
    on platforms that print only the member's name (no "says:", no date)."""
    following = next_text(lines, index)
    return (
        is_handle(lines[index])
        and not is_furniture(lines[index])
        and following is not None
        and not starts_comment(lines, following)
        and not is_furniture(lines[following])
        and not is_comment_form(lines[following])
        and not is_comments_heading(lines[following])
        and not match("byline", lines[following])  # a tab over "A review by …" names no commenter
    )


def _in_profile(lines: list[str], index: int) -> bool:
    """Whether line `index` is a forum member's profile field, or their rank right above one."""
    following = next_text(lines, index)
    return any(line is not None and match("profile_field", lines[line]) for line in (index, following))


def _carries_text(line: str) -> bool:
    """Whether a comment's first line holds its words ("  1. Great review!", "rosie said: yes!"),
    not only its author."""
    if _words_beside_author(line):
        return True
    item = match("comment_item", line) or match("comment_reply", line)
    content = item.group(2 if item.re.groups > 1 else 1) if item else None
    return content is not None and not is_handle(content) and not _author_line(content)


def _words_beside_author(line: str) -> str | None:
    """The comment's words on its author's line ("rosie said: the kitchen light!"), or None."""
    note = match("comment_note", line) if " said:" in line else None  # a cheap test first: on every line
    return note.group("text") if note else None


def _author_line(line: str) -> re.Match | None:
    """The line that names a comment's author ("Name says:", "Post by name »"), with the words
    after it where a note carries them ("rosie said: yes!")."""
    return match("comment_author", line) or (match("comment_note", line) if " said:" in line else None)


def label_thread(lines: list[str], start: int) -> tuple[dict[int, str], set[int]]:
    """Label the comment thread from line `start` to the end.

    Returns
    -------
    (dict, set)
        The label ("comment" or "boilerplate") of every non-blank line from `start` on, and the
        indices of the lines where a comment starts.
    """
    labels: dict[int, str] = {}
    starts: set[int] = set()
    in_form = False
    in_comment = False
    has_text = False
    # After a comment's words, an action line ("Reply", "1h Like Reply") closes it: the next
    # line of text is another comment.
    closed = False
    # Whether the comment began at its author's name: a post title under it is its subject.
    under_author = False
    # The last line of a run of furniture lines with no blank line between (a widget).
    widget_end = -2
    # Under the heading of a list of other posts ("Popular posts from this blog"), their titles,
    # dates and excerpts are the site's, until a comment says who wrote it or a heading or form.
    in_related = False
    for index in range(start, len(lines)):
        line = lines[index]
        if not line.strip():
            continue
        if is_comments_heading(line) and not (in_comment and is_action(line)):
            labels[index], in_comment, in_related = "boilerplate", False, False
            continue
        if in_related and start_kind(lines, index) not in ("author", "post") and not is_comment_form(line):
            labels[index] = "boilerplate"
            continue
        if match("related_heading", line):
            labels[index], in_comment, in_related = "boilerplate", False, True
            continue
        marker = starts_comment(lines, index) or (in_form and _is_name_line(line) and _ends_at_action(lines, index))
        # A marker before the comment has any text is the comment's own header (a by-line, a
        # badge, the handle replied to) or a quotation, unless it numbers or titles a new post
        # (a title under the author's name and date is the comment's subject: "Re: the singing").
        quoted = (
            marker
            and in_comment
            and not has_text
            and not match("comment_item", line)
            and not match("comment_reply", line)
            and not (match("reply_title", line) and not under_author)
        )
        if marker and not quoted:
            labels[index] = "comment"
            starts.add(index)
            in_comment, in_form, closed = True, False, False
            has_text = _carries_text(line)
            under_author = start_kind(lines, index) in ("author", "name")
            continue
        if is_comment_form(line) or is_end_matter(line):
            # A reference list, like a form, is the page's until a comment starts.
            labels[index], in_comment, in_form, in_related = "boilerplate", False, True, False
            continue
        if in_form:
            labels[index] = "boilerplate"
            continue
        if not in_comment and widget_end == index - 1:
            # A line right under furniture with no blank line between is part of that widget (an
            # advertisement's text, a list of related posts).
            labels[index], widget_end = "boilerplate", index
            continue
        if in_comment and (quoted or is_date_line(line) or is_action(line) or not _HAS_WORD.search(line)):
            labels[index] = "comment"
            closed = closed or (has_text and is_action(line))
            continue
        if is_furniture(line):
            labels[index], in_comment, closed, widget_end = "boilerplate", False, False, index
            continue
        if (not in_comment or has_text) and starts_by_handle(lines, index):
            labels[index] = "comment"
            starts.add(index)
            in_comment, has_text, closed, under_author = True, False, False, True
            continue
        if in_comment and has_text and match("comment_signature", line):
            labels[index], closed = "comment", True
            continue
        if not in_comment or closed:
            starts.add(index)
            in_comment, has_text, closed, under_author = True, False, False, False
        labels[index] = "comment"
        # A lone name or a member's profile under a comment's header (a forum poster, a badge,
        # "Box Office" over "Posts: 412") is not its text yet.
        has_text = has_text or not (is_handle(line) or _in_profile(lines, index))
    return labels, starts


def _header_end(lines: list[str], start: int) -> int:
    """The first line from `start` that is a comment's text (not a date, badge, action or name)."""
    for index in range(start, len(lines)):
        line = lines[index]
        if not (is_date_line(line) or is_action(line) or is_handle(line) or not _HAS_WORD.search(line)):
            return index
    return len(lines)


def _author_name(line: str) -> str:
    suffix = match("author_suffix", line)
    name = line[: suffix.start()] if suffix else line
    return name.strip()


def parse_comment(text: str, *, reply_to: str | None = None) -> Comment:
    """Read a comment segment: its number, its author where the page names one, its text.

    The text leaves out the comment's own furniture: the author line, dates, post markers,
    actions and like counts.

    >>> parse_comment("  1. liamdoesfilm says:\\n\\n    The UK release date needs to hurry up!\\n")
    Comment(number='1', author='liamdoesfilm', text='The UK release date needs to hurry up!', reply_to=None)
    >>> parse_comment("Mark Ellis\\nMarch 4, 2017 at 9:12 am\\nGreat write-up.\\nReply\\n").author
    'Mark Ellis'
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return Comment(None, None, "", reply_to)
    number = None
    item = match("comment_item", "  " + lines[0])
    reply = match("comment_reply", "  " + lines[0])
    if item:
        number, lines[0] = item.group(1), item.group(2)
    elif reply:
        lines[0] = reply.group(1)
    author = None
    furniture_lines = set()
    for index in range(min(2, len(lines))):
        named = _author_line(lines[index])
        if named:
            author, furniture_lines = _author_name(named.group("author")), {index}
            if words := named.groupdict().get("text"):  # a note's words on its author's line
                lines[index], furniture_lines = words, set()
            break
    if author is None and len(lines) > 1 and (signed := match("comment_signature", lines[-1])):
        author, furniture_lines = _author_name(signed.group("author")), {len(lines) - 1}
    if author is None and len(lines) > 1:
        if match("reply_title", lines[0]):
            # A forum post: its title or number, then the poster before the text, or signed at its foot.
            furniture_lines = {0}
            header = _header_end(lines, 1)
            poster = next((i for i in range(1, header) if is_handle(lines[i])), None)
            if poster is None and is_handle(lines[-1]) and len(lines) > header + 1:
                poster = len(lines) - 1
            if poster is not None:
                author = lines[poster]
                furniture_lines.add(poster)
        elif _is_name_line(lines[0]) and (dated := post_date(lines, 0)) is not None:
            # What stands between the name and the date is the author's (a headline, a badge)
            # when the words come after the date; else it is the words ("marvin did nothing wrong").
            words_after = any(_HAS_WORD.search(line) and not is_action(line) for line in lines[dated + 1 :])
            author, furniture_lines = _author_name(lines[0]), set(range(dated)) if words_after else {0}
        elif is_handle(lines[0]) or _NAME.match(lines[0]):
            author, furniture_lines = _author_name(lines[0]), {0}
    # The badges under the author line (a role, the handle replied to) are not the comment's words.
    header = _header_end(lines, max(furniture_lines, default=-1) + 1)
    kept = [
        line
        for index, line in enumerate(lines)
        if index not in furniture_lines
        and not (index < header and is_handle(line))
        and not is_date_line(line)
        and not is_action(line)
        and _HAS_WORD.search(line)
    ]
    return Comment(number, author, "\n".join(kept), reply_to)
