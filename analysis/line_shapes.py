"""What one line of a web copy looks like: prose, a date, a handle, a cue of site furniture.

Segmentation (:mod:`analysis.segmentation`, :mod:`analysis.comment_threads`) decides by the
shape of lines and their position, not by any one site's strings. The shapes are here, each a
small predicate on one line; the cue families they match (furniture, comment headings and forms,
comment authors, dates, bios, bylines) are package data, ``data/segment-cues.yaml``, matched
case-insensitively against the stripped line.

>>> is_prose("The performances carry it over a thin third act. 8/10")
True
>>> [is_date_line(line) for line in ("March 4, 2017 at 9:12 am", "• 9 years ago", "Drive (2011)")]
[True, True, False]
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from analysis.resources import read_yaml

# A sentence ends at . ! ? or an ellipsis, after optional closing quotes or brackets, before a
# space or the end of the line: "act. 8/10" ends one, "4.5" and "Nov.5" do not.
_SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*(?=\s|$)")
# A line of prose: this many words with a sentence end, or more than the longest headline.
PROSE_MIN_WORDS = 6
HEADLINE_MAX_WORDS = 20
_INDENTED = frozenset({"comment_item", "comment_reply"})
# Site furniture is a short line (a widget at most 12 words, a notice or caption at most this
# long); dates, names, headings and forms are short too; credits, bios and numbered comments
# may run on.
CUE_MAX_WORDS = 30
_MAX_WORDS = {
    "furniture": 12,
    "handle": 1,
    "comment_action": 6,
    "date_line": 12,
    "reply_title": 16,
    "post_marker": 16,
    "byline": 16,
    "comment_author": 12,
    "author_bio": 12,
    "comments_heading": 24,
    "comment_form": 20,
    "header_label": 1_000,
    "bio_sentence": 1_000,
    "comment_item": 1_000,
    "comment_reply": 1_000,
}


@cache
def cues() -> dict[str, list[re.Pattern]]:
    """Every cue family of ``data/segment-cues.yaml``, compiled (a single pattern as a list of one)."""
    compiled = {}
    for key, value in read_yaml("segment-cues.yaml").items():
        patterns = value if isinstance(value, list) else [value]
        compiled[key] = [re.compile(pattern, re.IGNORECASE) for pattern in patterns]
    return compiled


@cache
def _screen(family: str) -> tuple[re.Pattern | None, tuple[re.Pattern, ...]]:
    """A family's anchored cues as one pattern tried at the line start, and its other cues.

    Most cues start with ``^``; trying them together at one position is far cheaper than
    searching the line once per cue. Named groups are dropped in the joined pattern (and read
    from the single cue that matched).
    """
    anchored = [pattern.pattern[1:] for pattern in cues()[family] if pattern.pattern.startswith("^")]
    joined = "|".join(f"(?:{re.sub(r'[(][?]P<[a-z_]+>', '(', source)})" for source in anchored)
    others = tuple(pattern for pattern in cues()[family] if not pattern.pattern.startswith("^"))
    return (re.compile(joined, re.IGNORECASE) if anchored else None), others


@lru_cache(maxsize=4096)
def match(family: str, line: str) -> re.Match | None:
    """The first match of a cue of `family` on the stripped `line`, or None.

    The families that read indentation (``comment_item``, ``comment_reply``) see the line as it
    is. Cues describe short lines (a widget, a date, a name): a line longer than its family's
    limit in ``_MAX_WORDS`` is not searched, which keeps segmentation fast on long prose. Lines
    are searched once per family and text (a cache): the rules ask about the same line often.
    """
    text = line.rstrip("\r\n") if family in _INDENTED else line.strip()
    if word_count(text) > _MAX_WORDS.get(family, CUE_MAX_WORDS):
        return None
    anchored, others = _screen(family)
    if anchored is not None and anchored.match(text):
        return next(found for pattern in cues()[family] if (found := pattern.search(text)))
    for pattern in others:
        found = pattern.search(text)
        if found:
            return found
    return None


@lru_cache(maxsize=4096)
def word_count(line: str) -> int:
    """Words as whitespace separates them (cached: the rules count the same line often)."""
    return len(line.split())


def has_sentence_end(line: str) -> bool:
    """Whether a sentence ends somewhere in the line ("act. 8/10" yes, "4.5 stars" no)."""
    return _SENTENCE_END.search(line.strip()) is not None


def text_after_last_sentence(line: str) -> int | None:
    """Where the text after the line's last complete sentence starts, or None when the line
    ends with its sentence (or has none): ``"A thin third act. 8/10"`` -> 18."""
    stripped = line.rstrip()
    ends = [found.end() for found in _SENTENCE_END.finditer(stripped)]
    if not ends or ends[-1] == len(stripped):
        return None
    rest = ends[-1]
    while rest < len(stripped) and stripped[rest].isspace():
        rest += 1
    return rest


def is_prose(line: str) -> bool:
    """A line of running text: enough words and a sentence end, or longer than a headline."""
    words = word_count(line)
    return (words >= PROSE_MIN_WORDS and has_sentence_end(line)) or words > HEADLINE_MAX_WORDS


def is_date_line(line: str) -> bool:
    """A line that is only a date or a time ("12 February 2020 at 18:22", "4 years ago")."""
    return match("date_line", line) is not None


def is_handle(line: str) -> bool:
    """A line that is only a user name: one token such as ``rosie.watches`` or ``[deleted]``."""
    return match("handle", line) is not None


def is_furniture(line: str) -> bool:
    """Site furniture: a widget, a label, navigation, or a notice, caption or signature."""
    return match("furniture", line) is not None or match("notices", line) is not None


def is_comments_heading(line: str) -> bool:
    """A line announcing the reader comments ("3 thoughts on …", "No comments:")."""
    return match("comments_heading", line) is not None


def is_comment_form(line: str) -> bool:
    """The start of a comment form ("Leave a Reply", "Write a comment…", "Sort by Best")."""
    return match("comment_form", line) is not None
