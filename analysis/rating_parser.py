"""Explicit ratings: the verdicts critics print as numbers, stars, grades or thumbs.

Method
------
Every form is a regular expression in package data (``data/rating-patterns.yaml``), matched line
by line against the text normalised by :func:`analysis.text.normalise` (same length, so spans
index the raw text); :mod:`analysis.rating_forms` lists the forms and turns each match into a
value on a scale, with ``normalised = value / scale`` in [0, 1].

**Where.** A line that is wholly a rating, after an optional label ("4.5 clappers", "Rating:
B+", "Overall - 7/10"), is read first; a few forms count only there, because in prose they are
too ambiguous: a bare grade with a sign (``B+``), thumb emoji, ASCII stars without a half, a bare
number after a label, and a house unit of any name (``4 popcorns``) unless the word is a count or
time unit listed in ``not_units``. Otherwise every prose form of the line is a candidate,
overlapping ones resolved longest first; a headline (:func:`parse_headline_rating`) may end or
start with a rating.

**Whose rating.** A prose candidate is kept only when :func:`analysis.rating_context.rejection`
finds no reason to think it is not this review's rating (another film's or site's score, a
hypothetical, a quotation, a joke); each kept rating has a ``role``: ``overall``,
``sub-score`` ("Acting 8/10") or ``unlabelled``.

**Scales.** A scale the review states in words ("ratings are out of four stars",
:func:`analysis.rating_context.stated_scale`) replaces a ``default`` one and is ``stated``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Literal

from analysis.rating_context import is_score_box_label, rating_role, rejection, stated_scale
from analysis.rating_forms import ExplicitRating, default_scale, rating_from_match, rules
from analysis.tables import checks
from analysis.text import normalise

__all__ = [
    "ExplicitRating", "default_scale", "is_rating_line", "parse_explicit_ratings", "parse_headline_rating",
    "rejected_ratings",
]


# A score box's bare number ("Story 8") is out of 5 or 10.
MAX_SCORE_BOX_SCALE = 10


def _line_rating(line: str, offset: int, text: str, scales: Mapping[str, float]):
    """The rating a whole line is (after an optional label), or None."""
    forms = rules()
    stripped = line.strip()
    if not stripped:
        return None
    content_start = line.index(stripped)
    label = forms.line_label.match(stripped)
    box_label = None if label else _score_box_label(stripped)
    label = label or box_label
    body_start = content_start + (label.end() if label else 0)
    body = line[body_start:].rstrip()
    body = body[: len(body.rstrip(".!"))] if body.rstrip(".!") else body
    if not body:
        return None
    span_start, span_end = offset + body_start, offset + body_start + len(body)
    line_span = (offset, offset + len(line))
    candidates = list(_candidates(text, span_start, span_end, scales, line_span))
    whole = [rating for rating in candidates if (rating.start, rating.end) == (span_start, span_end)]
    if whole:
        return whole[0]
    if candidates:
        return None
    for kind, pattern in forms.line_patterns.items():
        match = pattern.fullmatch(text, span_start, span_end)
        if not match:
            continue
        if not label and (
            (kind == "grade" and len(match.group("grade")) == 1)
            or (kind == "ascii_stars" and not match.group("half"))
            or kind == "bare_number"
        ):
            # A lone capital is an initial or a list marker, "***" a section break, "7" a count.
            return None
        if kind == "unit" and match.group("unit").lower() in forms.not_units:
            return None
        rating = rating_from_match(kind, match, text, scales)
        if rating and box_label and kind == "bare_number" and rating.scale > MAX_SCORE_BOX_SCALE:
            return None  # "Movie 43" is a title; a box scores out of 100 as "85/100" or "85%"
        return rating and rating._replace(role=rating_role(text[offset : offset + len(line)], rating.start - offset))
    return None


def _score_box_label(line: str) -> re.Match | None:
    """The label of a score box's line ("Story 8", "Video 4.0"), or None."""
    found = rules().score_box_label.match(line)
    return found if found and is_score_box_label(found.group("label")) else None


def _readings(
    text: str, start: int, end: int, scales: Mapping[str, float], line: tuple[int, int] | None = None
) -> list[tuple[ExplicitRating, str | None]]:
    """Every prose-form rating in ``text[start:end]`` with the reason it is not the review's (or
    None), overlapping forms resolved longest first, in order of appearance.

    `line` is the span of the line around them (default: the searched span), whose words decide
    whether a form is this review's rating and what it rates.
    """
    forms = rules()
    # The triggers are lower case: searching a lower-cased copy is faster than ignoring case.
    lowered = text[start:end].lower()
    if not forms.prose_trigger.search(lowered):
        return []
    found = []
    for kind, pattern in forms.patterns.items():
        if not forms.pattern_triggers[kind].search(lowered):
            continue
        for match in pattern.finditer(text, start, end):
            rating = rating_from_match(kind, match, text, scales)
            if rating is not None:
                found.append((rating, kind))
    found.sort(key=lambda pair: (-(pair[0].end - pair[0].start), pair[0].start))
    line_start, line_end = line or (start, end)
    line_text = text[line_start:line_end]
    kept: list[tuple[ExplicitRating, str | None]] = []
    for rating, kind in found:
        if any(rating.start < other.end and other.start < rating.end for other, _ in kept):
            continue
        # The longest reading of a span is its reading: a rejected one lets no shorter one in.
        reason = rejection(line_text, rating.start - line_start, rating.end - line_start, kind)
        kept.append((rating._replace(role=rating_role(line_text, rating.start - line_start)), reason))
    return sorted(kept, key=lambda pair: pair[0].start)


def _candidates(
    text: str, start: int, end: int, scales: Mapping[str, float], line: tuple[int, int] | None = None
) -> list[ExplicitRating]:
    """This review's prose-form ratings in ``text[start:end]`` (see :func:`_readings`)."""
    return [rating for rating, reason in _readings(text, start, end, scales, line) if reason is None]


def _check_scales(scales: Mapping[str, float] | None) -> Mapping[str, float]:
    if scales is None:
        return {}
    if not isinstance(scales, Mapping):
        raise TypeError(f"scales must map unit words to positive numbers, got {scales!r}")
    for unit, scale in scales.items():
        if not isinstance(unit, str) or isinstance(scale, bool) or not isinstance(scale, (int, float)) or scale <= 0:
            raise ValueError(
                f"scales must map unit words to positive numbers, got {unit!r}: {scale!r}"
            )
    return scales


def _check_review_scale(review_scale: float | None) -> float | None:
    if review_scale is not None and (
        isinstance(review_scale, bool) or not isinstance(review_scale, (int, float)) or not review_scale > 0
    ):
        raise ValueError(f"review_scale must be a positive number or None, got {review_scale!r}")
    return review_scale


def _on_review_scale(rating: ExplicitRating, review_scale: float | None) -> ExplicitRating:
    """`rating` on the scale the review states, where its own form leaves the scale unstated."""
    if review_scale is None or rating.scale_source != "default" or rating.value > review_scale:
        return rating
    return rating._replace(scale=float(review_scale), normalised=rating.value / review_scale, scale_source="stated")


@checks(text=str)
def parse_explicit_ratings(
    text: str,
    *,
    scales: Mapping[str, float] | None = None,
    review_scale: float | None | Literal["from text"] = "from text",
) -> list[ExplicitRating]:
    """Every explicit rating in `text` that is the review's own, in order of appearance.

    Parameters
    ----------
    text : str
        A review, a segment of one, or a single line.
    scales : mapping, optional
        Unit word -> top of its scale (the corpus manifest's ``rating_scales``), for house units
        such as ``{"clappers": 5}``. Without it the documented default applies.
    review_scale : float, None or "from text"
        The scale the review states (:func:`analysis.rating_context.stated_scale` of the whole
        review), None when it states none; by default, the scale `text` itself states, if any.

    Returns
    -------
    list of ExplicitRating
        Fields ``text, start, end, value, scale, normalised, scale_source, role``; spans index
        `text`.

    Examples
    --------
    >>> [(r.text, r.value, r.scale) for r in parse_explicit_ratings("I give it 4/5. ★★★½")]
    [('4/5', 4.0, 5.0), ('★★★½', 3.5, 5.0)]
    >>> parse_explicit_ratings("4.5 clappers", scales={"clappers": 5})[0].scale_source
    'manifest'
    >>> parse_explicit_ratings("Men in Black (7/10) was better.")
    []
    """
    scales = _check_scales(scales)
    normalised = normalise(text)
    review_scale = stated_scale(normalised) if review_scale == "from text" else _check_review_scale(review_scale)
    found = []
    offset = 0
    for line in normalised.splitlines(keepends=True):
        whole = _line_rating(line, offset, normalised, scales)
        if whole is not None:
            found.append(whole)
        else:
            found.extend(_candidates(normalised, offset, offset + len(line), scales))
        offset += len(line)
    return [_on_review_scale(rating, review_scale)._replace(text=text[rating.start : rating.end]) for rating in found]


@checks(line=str)
def parse_headline_rating(
    line: str, *, scales: Mapping[str, float] | None = None, review_scale: float | None = None
) -> ExplicitRating | None:
    """The rating a headline carries at its end or start ("Her (2013) ★★★½", "Her - 4 Stars"), or None.

    A whole rating line counts too; a rating inside the headline's words ("The 4 Stars of Her")
    does not, and neither does a date ("Watched on 4/5"). In brackets at the end it counts: in
    prose a bracketed score scores the title before it, which in a headline is the film's.

    >>> [parse_headline_rating(line).text for line in ("Her ***1/2", "Review: Her - B+", "4/5 - Her", "Her is a triumph (★★★★)")]
    ['***1/2', 'B+', '4/5', '★★★★']
    >>> parse_headline_rating("Her (2013)") is None
    True
    """
    scales = _check_scales(scales)
    normalised = normalise(line)
    if "\n" in normalised.strip():
        return None
    rating = _line_rating(normalised, 0, normalised, scales)
    if rating is None:
        at_edge = [
            found
            for found, reason in _readings(normalised, 0, len(normalised), scales)
            if (reason is None or (reason == "another title" and _bracketed_at_end(normalised, found)))
            and (re.fullmatch(r"[\s.!)\]]*", normalised[found.end :]) or re.fullmatch(r"[\s(\[]*", normalised[: found.start]))
        ]
        rating = at_edge[-1] if at_edge else None
    if rating is None and (grade := rules().headline_grade.search(normalised)):
        rating = rating_from_match("grade", grade, normalised, scales)
    if rating is None:
        return None
    return _on_review_scale(rating, _check_review_scale(review_scale))._replace(text=line[rating.start : rating.end])


def _bracketed_at_end(line: str, rating: ExplicitRating) -> bool:
    """Whether `rating` stands in brackets that close the line ("... a thrilling one (★★★★)")."""
    return line[: rating.start].rstrip().endswith(("(", "[")) and re.fullmatch(r"\s*[)\]][\s.!]*", line[rating.end :]) is not None


@checks(text=str)
def rejected_ratings(text: str, *, scales: Mapping[str, float] | None = None) -> list[tuple[ExplicitRating, str]]:
    """The rating forms in the prose of `text` that are not the review's rating, each with why.

    The reasons are those of :func:`analysis.rating_context.rejection`; a line that is wholly a
    rating is never rejected. For auditing the parser: what it read and threw away.

    >>> [(r.text, why) for r, why in rejected_ratings("Men in Black (7/10) was better. I'd give it 9/10 if it were shorter.")]
    [('7/10', 'another title'), ('9/10', 'hypothetical')]
    """
    scales = _check_scales(scales)
    normalised = normalise(text)
    found, offset = [], 0
    for line in normalised.splitlines(keepends=True):
        if _line_rating(line, offset, normalised, scales) is None:
            found += [(r._replace(text=text[r.start : r.end]), why) for r, why in _readings(
                normalised, offset, offset + len(line), scales) if why]
        offset += len(line)
    return found


@checks(line=str)
def is_rating_line(line: str, *, scales: Mapping[str, float] | None = None) -> bool:
    """True iff the whole `line` (after an optional label such as ``Rating:``) is one rating.

    >>> [is_rating_line(line) for line in ("4.5 clappers", "Rating: B+", "126 min", "Part 2")]
    [True, True, False, False]
    """
    scales = _check_scales(scales)
    normalised = normalise(line)
    if "\n" in normalised.strip():
        return False
    return _line_rating(normalised, 0, normalised, scales) is not None
