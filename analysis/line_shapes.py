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
from functools import cache

from analysis.resources import read_yaml

# A sentence ends at . ! ? or an ellipsis, after optional closing quotes or brackets, before a
# space or the end of the line: "act. 8/10" ends one, "4.5" and "Nov.5" do not.
_SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*(?=\s|$)")
_WORD = re.compile(r"\S+")
# A line of prose: this many words with a sentence end, or more than the longest headline.
PROSE_MIN_WORDS = 6
HEADLINE_MAX_WORDS = 20
_INDENTED = frozenset({"comment_item", "comment_reply"})


@cache
def cues() -> dict[str, list[re.Pattern]]:
    """Every cue family of ``data/segment-cues.yaml``, compiled (a single pattern as a list of one)."""
    compiled = {}
    for key, value in read_yaml("segment-cues.yaml").items():
        patterns = value if isinstance(value, list) else [value]
        compiled[key] = [re.compile(pattern, re.IGNORECASE) for pattern in patterns]
    return compiled


def match(family: str, line: str) -> re.Match | None:
    """The first match of a cue of `family` on the stripped `line`, or None.

    The families that read indentation (``comment_item``, ``comment_reply``) see the line as it is.
    """
    text = line.rstrip("\r\n") if family in _INDENTED else line.strip()
    for pattern in cues()[family]:
        found = pattern.search(text)
        if found:
            return found
    return None


def word_count(line: str) -> int:
    return len(_WORD.findall(line))


def has_sentence_end(line: str) -> bool:
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
    return match("furniture", line) is not None


def is_comments_heading(line: str) -> bool:
    return match("comments_heading", line) is not None


def is_comment_form(line: str) -> bool:
    return match("comment_form", line) is not None
