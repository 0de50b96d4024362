"""Whether a rating form found in a review is the review's own rating, and which one it is.

:mod:`analysis.rating_parser` finds every rating *form* ("7/10", "four stars", "B+"); prose is
full of forms that are not the critic's verdict on this film. This module reads the words
around a form, inside its own line, and says why it is not this review's rating (or None):

* ``"hypothetical"`` — in a sentence with a counterfactual ("if it were boring, I'd give it zero
  stars", "it would have been a 9/10");
* ``"withheld"`` — after a negation or a comparison in its clause ("did not give this 0 stars",
  "prevents it from earning four stars", "look like a 4 star film");
* ``"another rater"`` — another site, critic or speaker ("IMDb: 7.9/10", "Ebert gave it four
  stars", "my partner says two thumbs up");
* ``"aimed elsewhere"`` — thumbs for something else ("thumbs up for New York");
* ``"another title"`` — a score in brackets right after a phrase, which scores the title the
  phrase names ("men in black ( 7/10 )"), or a clause naming another title ("I gave the first
  Scream 3 1/2 stars");
* ``"quotation"`` — inside a quotation of more than the rating itself;
* ``"longer number"`` — the tail of a number split by spaces ("6 . 5/10");
* ``"scale statement"`` — the form states the scale ("five stars is the highest rating I give").

It also finds the **scale a review states** once ("ratings are out of four stars"), which governs
the ratings whose scale the rating itself leaves unstated, and each rating's **role**: a label
naming a craft ("Acting 8/10") makes a ``sub-score``; a label or sentence naming the whole
("Overall: 7/10", "All in all, 4/5") makes the ``overall`` rating; anything else is
``unlabelled``. Every cue is data in ``data/rating-context.yaml``. The rules are hand-written
and favour precision: a rating the critic phrases as a hypothetical is lost rather than a
hypothetical taken for a verdict.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Literal, NamedTuple

from analysis.resources import read_yaml

RatingRole = Literal["overall", "sub-score", "unlabelled"]


class _Cues(NamedTuple):
    sentence_break: re.Pattern
    clause_break: re.Pattern
    hypothetical_before: re.Pattern
    hypothetical_after: re.Pattern
    negated_before: re.Pattern
    other_title_before: re.Pattern
    other_rater: re.Pattern
    other_rater_cut: re.Pattern
    other_rater_after: re.Pattern
    thumbs_aimed_elsewhere: re.Pattern
    bracket_opening_allowed: re.Pattern
    scale_trigger: re.Pattern
    scale_statements: tuple[re.Pattern, ...]
    rating_label: re.Pattern
    sub_score_labels: frozenset[str]
    overall_labels: frozenset[str]
    score_box_words: frozenset[str]
    score_box_fillers: frozenset[str]
    overall_sentence: re.Pattern
    number_words: dict[str, int]
    allowed_scales: frozenset[int]


@cache
def _cues() -> _Cues:
    data = read_yaml("rating-context.yaml")
    patterns = read_yaml("rating-patterns.yaml")
    number_words = {str(word).lower(): int(value) for word, value in patterns["number_words"].items()}
    number_word = "(?:" + "|".join(sorted(number_words, key=len, reverse=True)) + ")"

    def compiled(source: str) -> re.Pattern:
        return re.compile(source.replace("{number_word}", number_word), re.IGNORECASE)

    names = [field for field in _Cues._fields if field in data and isinstance(data[field], str)]
    return _Cues(
        **{name: compiled(data[name]) for name in names if name != "scale_trigger"},
        scale_trigger=re.compile(data["scale_trigger"]),
        scale_statements=tuple(compiled(source) for source in data["scale_statements"]),
        sub_score_labels=frozenset(str(word).lower() for word in data["sub_score_labels"]),
        overall_labels=frozenset(str(word).lower() for word in data["overall_labels"]),
        score_box_words=frozenset(str(word).lower() for word in data["score_box_words"]),
        score_box_fillers=frozenset(str(word).lower() for word in data["score_box_fillers"]),
        number_words=number_words,
        allowed_scales=frozenset(int(scale) for scale in patterns["fraction_scales"]),
    )


def _after_last(pattern: re.Pattern, text: str) -> str:
    """`text` after the last match of `pattern` (all of it when there is none)."""
    last = None
    for last in pattern.finditer(text):
        pass
    return text[last.end() :] if last else text


def _inside_quotation(line: str, start: int, end: int) -> bool:
    """True iff [start, end) of `line` sits in a double-quoted span holding more than itself."""
    if line.count('"', 0, start) % 2 == 0:
        return False
    opening = line.rfind('"', 0, start)
    closing = line.find('"', end)
    quoted = line[opening + 1 : closing if closing >= 0 else len(line)]
    # Scare quotes round the rating alone (a "three star" review) do not make it a quotation.
    return quoted.strip(" .,!?") != line[start:end].strip()


def rejection(line: str, start: int, end: int, kind: str) -> str | None:
    """Why the rating form at [start, end) of `line` is not the review's rating, or None.

    Parameters
    ----------
    line : str
        The normalised line the form was found in (the context is never read past it).
    start, end : int
        The form's span in `line`.
    kind : str
        The pattern that found it (``"thumbs"`` is checked for its target).

    Returns
    -------
    str or None
        One of the reasons listed in the module docstring.
    """
    cues = _cues()
    before, after = line[:start], line[end:]
    sentence = _after_last(cues.sentence_break, before)
    clause = _after_last(cues.clause_break, sentence)
    sentence_after = after[: m.start()] if (m := cues.sentence_break.search(after)) else after
    if re.search(r"\d\s+[.,]\s*$", before):
        # "6 . 5/10": a tokenizer's spaces split the decimal, so the form is only its tail.
        return "longer number"
    if any(_overlaps(span, (start, end)) for span in _statement_spans(line)):
        return "scale statement"
    opening = before.rstrip()
    if opening.endswith(("(", "[")) and after.lstrip().startswith((")", "]")):
        if not cues.bracket_opening_allowed.search(opening[:-1]):
            return "another title"
    if cues.hypothetical_before.search(sentence) or cues.hypothetical_after.search(sentence_after):
        return "hypothetical"
    if cues.negated_before.search(clause):
        return "withheld"
    if cues.other_rater.search(_after_last(cues.other_rater_cut, sentence)) or cues.other_rater_after.search(after):
        return "another rater"
    if kind == "thumbs" and cues.thumbs_aimed_elsewhere.match(after):
        return "aimed elsewhere"
    if cues.other_title_before.search(clause):
        return "another title"
    if _inside_quotation(line, start, end):
        return "quotation"
    return None


def _overlaps(one: tuple[int, int], other: tuple[int, int]) -> bool:
    return one[0] < other[1] and other[0] < one[1]


def _statements(text: str) -> list[tuple[int, int, int]]:
    """Every scale statement in `text`: (start, end, scale), in order of appearance."""
    cues = _cues()
    found = []
    searched = set()
    # One pass of the trigger over the whole text, lower-cased because ignoring case is several
    # times slower; lower() keeps every offset unless a character becomes two ("İ").
    lowered = text.lower()
    hits = (
        cues.scale_trigger.finditer(lowered)
        if len(lowered) == len(text)
        else re.finditer(cues.scale_trigger.pattern, text, re.IGNORECASE)
    )
    # The statements are sought only in the lines the trigger hits.
    for hit in hits:
        line_start = text.rfind("\n", 0, hit.start()) + 1
        if line_start in searched:
            continue
        searched.add(line_start)
        line_end = text.find("\n", hit.end())
        line_end = len(text) if line_end < 0 else line_end
        for pattern in cues.scale_statements:
            for match in pattern.finditer(text, line_start, line_end):
                word = match.group("scale").lower()
                scale = cues.number_words[word] if word in cues.number_words else int(word)
                if scale in cues.allowed_scales:
                    found.append((match.start(), match.end(), scale))
    return sorted(found)


def _statement_spans(text: str) -> list[tuple[int, int]]:
    return [(start, end) for start, end, _ in _statements(text)]


def stated_scale(text: str) -> float | None:
    """The rating scale `text` states in words, or None; the first statement wins.

    >>> stated_scale("My ratings are out of four stars. Three stars.")
    4.0
    >>> stated_scale("On a scale of 1 to 10, an 8.") , stated_scale("Four stars.")
    (10.0, None)
    """
    statements = _statements(text)
    return float(statements[0][2]) if statements else None


def _label_words(label: str) -> set[str]:
    """The lower-cased words of a rating's label, without digits or punctuation."""
    return set(re.findall(r"[^\W\d_]+", label.lower()))


def is_score_box_label(label: str) -> bool:
    """Whether `label` heads a score box's line: it names a craft, the film, its disc or the whole
    ("Story", "Direction", "Video", "Overall Score"), so a bare number after it is a score.

    >>> is_score_box_label("Rewatchability"), is_score_box_label("Overall Score"), is_score_box_label("Chapter")
    (True, True, False)
    """
    cues = _cues()
    words = _label_words(label) - cues.score_box_fillers
    return bool(words) and words <= cues.sub_score_labels | cues.overall_labels | cues.score_box_words


def rating_role(line: str, start: int) -> RatingRole:
    """Whether the rating starting at `start` of `line` is the overall one, a sub-score, or unlabelled.

    >>> rating_role("Acting 8/10", 7), rating_role("Overall: 7/10", 9), rating_role("Great fun. 8/10", 11)
    ('sub-score', 'overall', 'unlabelled')
    """
    cues = _cues()
    before = line[:start]
    label = cues.rating_label.search(before)
    words = _label_words(label.group("label")) if label else set()
    if len(words) <= 4 and words & cues.sub_score_labels:
        return "sub-score"
    if len(words) <= 4 and words & cues.overall_labels:
        return "overall"
    if cues.overall_sentence.search(_after_last(cues.sentence_break, before)):
        return "overall"
    return "unlabelled"
