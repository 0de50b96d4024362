"""Lossless segmentation of a web copy of a review.

A review copied from the web carries more than the review: a headline, a date, credits lines, a
rating line, an author bio, numbered reader comments and the comment form. :func:`segment` labels
every line of the raw text and groups consecutive lines into :class:`Segment` objects. The
segments' texts joined in order are the raw text, character for character, so nothing is ever
dropped: analyses read the ``body``, reader comments are their own layer, and everything else
stays visible.

Rules, in the order they apply (the cue patterns are package data, ``data/segment-cues.yaml``):

1. ``boilerplate`` — from the first comment-form or sharing-widget line to the end, and the
   line that announces the comments ("3 comments on ...").
2. ``comment`` — the reader comments: indented numbered items ("  1. Great review!") from the
   first "1." after which every line is indented, one segment per comment; an indented bullet
   under a comment is a reply and its own segment. A first line that is only a handle
   ("liamdoesfilm says:") is the comment's author.
3. ``author_bio`` — from an "About <name>" line to the comments.
4. ``rating`` — a line that is wholly an explicit rating ("4.5 clappers", "Rating: B+"), by
   :func:`analysis.rating_parser.is_rating_line`, in the header as much as after the body.
5. ``header`` — the other lines before the first line of prose: short lines without a sentence
   end (title, date) and labelled credits ("Starring: ...", "Synopsis: ...").
6. ``body`` — everything else: the review itself.

Blank lines belong to the segment before them (at the top of a file, to the header).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Literal, NamedTuple

from analysis.rating_parser import is_rating_line
from analysis.resources import read_yaml

SegmentLabel = Literal["header", "body", "rating", "author_bio", "comment", "boilerplate"]

_SENTENCE_END = re.compile(r"[.!?:][\"'\u201d\u2019)]*\s*$")
_HEADER_MAX_WORDS = 12


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


class Comment(NamedTuple):
    """A reader comment: its author where named, its text without numbering, and its number."""

    number: str | None
    author: str | None
    text: str
    reply_to: str | None = None


@cache
def _cues() -> dict:
    compiled = {}
    for key, value in read_yaml("segment-cues.yaml").items():
        if isinstance(value, list):
            compiled[key] = [re.compile(pattern, re.IGNORECASE) for pattern in value]
        else:
            compiled[key] = re.compile(value, re.IGNORECASE)
    return compiled


def _matches(key: str, line: str) -> re.Match | None:
    for pattern in _cues()[key]:
        match = pattern.search(line.strip())
        if match:
            return match
    return None


def _is_header_line(line: str) -> bool:
    stripped = line.strip()
    if _matches("header_label", stripped):
        return True
    return len(stripped.split()) <= _HEADER_MAX_WORDS and not _SENTENCE_END.search(stripped)


def _comments_start(lines: list[str], end: int) -> int:
    """Index of the first comment line, or `end` when there are no comments before `end`."""
    item = _cues()["comment_item"]
    for index in range(end):
        match = item.match(lines[index])
        if not match or match.group(1) != "1":
            continue
        rest = [line for line in lines[index + 1 : end] if line.strip()]
        if all(line[:1].isspace() for line in rest):
            return index
    return end


def _line_labels(lines: list[str], rating_scales: Mapping[str, float] | None) -> list[str]:
    count = len(lines)
    labels = ["body"] * count
    boilerplate = next(
        (i for i, line in enumerate(lines) if line.strip() and _matches("boilerplate_start", line)),
        count,
    )
    comments = _comments_start(lines, boilerplate)
    headings = [i for i in range(comments) if lines[i].strip() and _matches("comments_heading", lines[i])]
    bio = next(
        (i for i in range(comments) if lines[i].strip() and _matches("author_bio", lines[i])),
        comments,
    )
    header_end = 0
    while header_end < bio and (not lines[header_end].strip() or _is_header_line(lines[header_end])):
        header_end += 1
    for index in range(count):
        if index >= boilerplate or index in headings:
            labels[index] = "boilerplate"
        elif index >= comments:
            labels[index] = "comment"
        elif index >= bio:
            labels[index] = "author_bio"
        elif lines[index].strip() and is_rating_line(lines[index], scales=rating_scales):
            labels[index] = "rating"
        elif index < header_end:
            labels[index] = "header"
    # Blank lines join the segment before them, so a label change happens only at text.
    for index in range(1, count):
        if not lines[index].strip() and labels[index] not in ("boilerplate",):
            labels[index] = labels[index - 1]
    return labels


def _comment_starts(lines: list[str], labels: list[str]) -> set[int]:
    cues = _cues()
    return {
        index
        for index, line in enumerate(lines)
        if labels[index] == "comment"
        and (cues["comment_item"].match(line) or cues["comment_reply"].match(line))
    }


def segment(raw: str, *, rating_scales: Mapping[str, float] | None = None) -> list[Segment]:
    """Split `raw` into labelled segments whose texts join back into `raw` exactly.

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
    labels = _line_labels(lines, rating_scales)
    comment_starts = _comment_starts(lines, labels)
    bio_pattern = _cues()["author_bio"]
    segments: list[Segment] = []
    offset = 0
    run_start = 0
    for index, line in enumerate(lines):
        run_ends = (
            index + 1 == len(lines)
            or labels[index + 1] != labels[index]
            or index + 1 in comment_starts
        )
        if run_ends:
            text = "".join(lines[run_start : index + 1])
            label = labels[run_start]
            author = None
            if label == "comment":
                author = parse_comment(text).author
            elif label == "author_bio":
                match = next(filter(None, (p.search(text.splitlines()[0].strip()) for p in bio_pattern)))
                author = match.group(1).strip() or None
            segments.append(Segment(label, offset, offset + len(text), text, author))
            offset += len(text)
            run_start = index + 1
    return segments


def parse_comment(text: str, *, reply_to: str | None = None) -> Comment:
    """Read a comment segment: its number, its author where a handle line names one, its text.

    >>> parse_comment("  1. liamdoesfilm says:\\n\\n    The UK release date needs to hurry up!\\n")
    Comment(number='1', author='liamdoesfilm', text='The UK release date needs to hurry up!', reply_to=None)
    """
    cues = _cues()
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    first = lines[0] if lines else ""
    item = cues["comment_item"].match("  " + first)
    reply = cues["comment_reply"].match("  " + first)
    number = item.group(1) if item else None
    first_text = item.group(2) if item else reply.group(1) if reply else first
    author = None
    handle = cues["comment_author"].match(first_text)
    if handle and len(lines) > 1:
        author = handle.group(1)
        body_lines = lines[1:]
    else:
        body_lines = [first_text, *lines[1:]]
    return Comment(number, author, "\n".join(body_lines), reply_to)


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
