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
from typing import NamedTuple

import ahocorasick

from analysis.regex_literals import fold, literal_screen
from analysis.resources import read_yaml, word_list

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
# A cue is screened by its literal text only when that text is this long: a "." or "by" stands in
# most lines and would screen nothing out, at the cost of a lookup in each.
_SCREEN_MIN_CHARS = 3
_MAX_WORDS = {
    "furniture": 12,
    "related_heading": 12,
    "consent_notices": 80,
    "sponsor_reads": 80,
    "print_note": 80,
    "handle": 1,
    "comment_action": 10,
    "date_line": 12,
    "reply_title": 16,
    "post_marker": 16,
    "byline": 16,
    "comment_author": 12,
    "comment_note": 60,
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
def _cue_screen() -> tuple[ahocorasick.Automaton | None, dict[str, tuple[int, ...]]]:
    """One automaton over the required literals of every cue of every family
    (:func:`analysis.regex_literals.literal_screen`), each naming the cues that need it as
    ``(family, index)``; and per family the cues with no such literal, which are always
    searched, in order."""
    keyed = (((family, index), cue.pattern) for family, patterns in cues().items() for index, cue in enumerate(patterns))
    automaton, unscreened = literal_screen(keyed, min_chars=_SCREEN_MIN_CHARS)
    return automaton, {family: tuple(index for of, index in unscreened if of == family) for family in cues()}


class _LineScreen(NamedTuple):
    """What a line may match, read once per line: its words, and the (family, index) of every
    cue whose required literals it contains with those cues' families; None for both when the
    line cannot be folded, and every cue may match."""

    words: int
    cues: frozenset[tuple[str, int]] | None
    families: frozenset[str] | None


@lru_cache(maxsize=4096)
def _screened(line: str) -> _LineScreen:
    """The line's :class:`_LineScreen` (cached: the rules ask about a line for a dozen families)."""
    folded = fold(line)
    if folded is None:
        return _LineScreen(word_count(line), None, None)
    automaton = _cue_screen()[0]
    found: set[tuple[str, int]] = set().union(*(cue_keys for _, cue_keys in automaton.iter(folded))) if automaton else set()
    return _LineScreen(word_count(line), frozenset(found), frozenset(family for family, _ in found))


@cache
def _family_plans() -> dict[str, tuple[int, list[re.Pattern], tuple[int, ...]]]:
    """Per family: its word limit, its cues, and the cues searched in a line holding none of the
    family's literals."""
    unscreened = _cue_screen()[1]
    return {
        family: (_MAX_WORDS.get(family, CUE_MAX_WORDS), patterns, unscreened[family])
        for family, patterns in cues().items()
    }


def match(family: str, line: str) -> re.Match | None:
    """The first match of a cue of `family` on the stripped `line`, or None.

    The families that read indentation (``comment_item``, ``comment_reply``) see the line as it
    is. Cues describe short lines (a widget, a date, a name): a line longer than its family's
    limit in ``_MAX_WORDS`` is not searched, which keeps segmentation fast on long prose. Of the
    rest, only the cues whose literal text the line contains are searched (:func:`_cue_screen`),
    in the family's order. The rules ask about every line for a dozen families, and most lines
    hold no literal of most: those answers are read from the line's screen alone.
    """
    max_words, patterns, unscreened = _family_plans()[family]
    screen = _screened(line)
    if screen.words > max_words:  # whitespace around the line adds no word
        return None
    if screen.families is None:
        indices: tuple[int, ...] = tuple(range(len(patterns)))
    elif family in screen.families:
        indices = tuple(sorted({index for of, index in screen.cues if of == family}.union(unscreened)))
    elif unscreened:
        indices = unscreened
    else:
        return None
    return _first_match(family, line, indices)


@lru_cache(maxsize=4096)
def _first_match(family: str, line: str, indices: tuple[int, ...]) -> re.Match | None:
    """The first match on `line` of the cues of `family` at `indices`, in order (cached: the
    rules ask about the same line often)."""
    patterns = cues()[family]
    text = line.rstrip("\r\n") if family in _INDENTED else line.strip()
    for index in indices:
        found = patterns[index].search(text)
        if found:
            return found
    return None


@lru_cache(maxsize=4096)
def word_count(line: str) -> int:
    """Words as whitespace separates them (cached: the rules count the same line often)."""
    return len(line.split())


# The word a full stop follows, from the last space, bracket or the line's start: "Ep", "dir", "e.g".
_ABBREVIATION_BEFORE = re.compile(r"(?:^|(?<=\s)|(?<=\())([^\W\d_][\w.]*)$")
# Further back than any abbreviation reaches (the longest has six letters): the word is looked for
# in this many characters before the stop, not from the line's start, which made a long line's
# sentence ends quadratic (`corpus` took 44 s to read one line of 3,000 sentences).
_ABBREVIATION_REACH = 64


@cache
def _abbreviations() -> frozenset[str]:
    return word_list("abbreviations-en.txt")


def _sentence_ends(line: str) -> list[int]:
    """Where sentences end in `line`: not at an abbreviation's full stop with text after it ("Ep.
    147 – Conclave", "Dr. Strange"; the sentence splitter's list, ``data/abbreviations-en.txt``)."""
    ends = []
    for found in _SENTENCE_END.finditer(line):
        start = found.start()
        if line[start] == "." and found.end() < len(line.rstrip()):
            word = _ABBREVIATION_BEFORE.search(line, max(0, start - _ABBREVIATION_REACH), start)
            if word and word.group(1).lower() in _abbreviations():
                continue
        ends.append(found.end())
    return ends


def has_sentence_end(line: str) -> bool:
    """Whether a sentence ends somewhere in the line ("act. 8/10" yes, "4.5 stars" and "Ep. 147
    – Conclave" no)."""
    return bool(_sentence_ends(line.strip()))


def text_after_last_sentence(line: str) -> int | None:
    """Where the text after the line's last complete sentence starts, or None when the line
    ends with its sentence (or has none): ``"A thin third act. 8/10"`` -> 18."""
    stripped = line.rstrip()
    ends = _sentence_ends(stripped)
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
    """Site furniture: a widget, a label, navigation, or a notice, caption, signature or sponsor's read."""
    return (
        match("furniture", line) is not None
        or match("related_heading", line) is not None
        or match("print_note", line) is not None
        or match("notices", line) is not None
        or match("consent_notices", line) is not None
        or match("sponsor_reads", line) is not None
    )


def is_comments_heading(line: str) -> bool:
    """A line announcing the reader comments ("3 thoughts on …", "No comments:")."""
    return match("comments_heading", line) is not None


def is_comment_form(line: str) -> bool:
    """The start of a comment form ("Leave a Reply", "Write a comment…", "Sort by Best")."""
    return match("comment_form", line) is not None


def is_end_matter(line: str) -> bool:
    """The heading of a reference list after the review ("Works Cited", "Bibliography")."""
    return match("end_matter", line) is not None
