"""Explicit ratings: the verdicts critics print as numbers, stars, grades or thumbs.

Method
------
Every form is a regular expression in package data (``data/rating-patterns.yaml``), matched
against the text normalised by :func:`analysis.text.normalise` (same length, so spans index the
raw text). Each match becomes a value on a scale and a normalised value ``value / scale`` in
[0, 1]:

* star glyphs ``★★★★☆`` (scale stated by the empty stars) or ``★★★½`` (scale unstated);
* fractions ``4/5``, ``8/10``, ``3.5/4`` (only the scales 4, 5, 10, 20 and 100, so ``24/7``
  and ``9/11`` are not ratings);
* ``3.5 out of 4``, ``four out of five (stars)`` — but not ``nine out of ten critics``;
* unit words ``4 stars``, ``4.5 clappers`` (``4 stars out of 5`` states its scale);
* letter grades after a label or a verb (``Grade: B+``, ``I give it an A-``), on a 12-step
  scale F = 0 ... A+ = 12;
* thumbs: ``thumbs up`` = 1/1, ``two thumbs up`` = 2/2, ``one thumb up, one thumb down`` = 1/2.

A few forms count only as a whole line (after an optional label such as ``Rating:``), because
in prose they are too ambiguous: a bare grade with a sign (``B+``), thumb emoji, and a house unit
of any name (``4 popcorns``) unless the word is a count or time unit listed in ``not_units``.

**Scales.** A scale is ``stated`` when the text gives it (``/5``, ``out of 4``, empty stars,
thumbs, grades). For a unit word without one, the corpus manifest's ``rating_scales`` mapping
is used (``manifest``); else the conventional scale in the data file, else ``default_scale``
(5) — both reported as ``default``. A value above its scale is never a rating.

**Look-alikes.** Dates, prices, running times, years, counts ("10,000 empty words"), ranks
("top 10") and part numbers never match: numbers next to currency signs, slashes of dates or
index words (``Part``, ``top``, ``OS``) are refused by look-around guards, and unit words must
be rating units. The tests list every look-alike checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Literal, NamedTuple

from analysis.resources import read_yaml
from analysis.text import normalise

ScaleSource = Literal["stated", "manifest", "default"]


class ExplicitRating(NamedTuple):
    """One explicit rating found in a text.

    Attributes
    ----------
    text : str
        The matched text, as it appears in the input.
    start, end : int
        Its character span in the input.
    value : float
        The rating on its own scale (a letter grade's step, thumbs up counted).
    scale : float
        The top of the scale.
    normalised : float
        ``value / scale``, in [0, 1].
    scale_source : {"stated", "manifest", "default"}
        Where the scale came from: the text, the corpus manifest, or the documented default.
    """

    text: str
    start: int
    end: int
    value: float
    scale: float
    normalised: float
    scale_source: ScaleSource


class _Rules(NamedTuple):
    default_scale: float
    unit_scales: dict[str, float]
    fraction_scales: frozenset[int]
    number_words: dict[str, int]
    letter_grades: dict[str, int]
    index_words: frozenset[str]
    not_units: frozenset[str]
    trailing_units: frozenset[str]
    cast_determiners: frozenset[str]
    not_after_rating: frozenset[str]
    line_label: re.Pattern
    prose_trigger: re.Pattern
    patterns: dict[str, re.Pattern]
    line_patterns: dict[str, re.Pattern]


@cache
def _rules() -> _Rules:
    data = read_yaml("rating-patterns.yaml")
    number_words = {str(word).lower(): int(value) for word, value in data["number_words"].items()}

    def alternation(words: Iterable[str]) -> str:
        # Longest first, so "ten" never stops a match of a longer word that starts the same.
        return "(?:" + "|".join(sorted((str(word).lower() for word in words), key=len, reverse=True)) + ")"

    number_word = alternation(number_words)
    placeholders = {
        "{number_word}": number_word,
        "{number}": rf"(?:(?:\d{{1,3}}(?:\.\d+)?|{number_word})(?:\s*\u00bd|\s+1/2|\s+and\s+a\s+half)?|\u00bd)",
        "{prose_unit}": alternation(data["prose_units"]),
        "{trailing_unit}": alternation(data["trailing_units"]),
    }

    def compile_pattern(source: str, flags: int) -> re.Pattern:
        for placeholder, expansion in placeholders.items():
            source = source.replace(placeholder, expansion)
        return re.compile(source, flags)

    def flags_for(kind: str) -> int:
        # Letter grades are capitals: "a" and "c" are words, "A" and "C" are grades.
        return 0 if kind == "grade" else re.IGNORECASE

    return _Rules(
        default_scale=float(data["default_scale"]),
        unit_scales={str(unit).lower(): float(scale) for unit, scale in data["unit_scales"].items()},
        fraction_scales=frozenset(int(scale) for scale in data["fraction_scales"]),
        number_words=number_words,
        letter_grades={str(grade): int(step) for grade, step in data["letter_grades"].items()},
        index_words=frozenset(str(word).lower() for word in data["index_words"]),
        not_units=frozenset(str(word).lower() for word in data["not_units"]),
        trailing_units=frozenset(str(word).lower() for word in data["trailing_units"]),
        cast_determiners=frozenset(str(word).lower() for word in data["cast_determiners"]),
        not_after_rating=frozenset(str(word).lower() for word in data["not_after_rating"]),
        line_label=re.compile(data["line_label"], re.IGNORECASE),
        prose_trigger=compile_pattern(data["prose_trigger"], 0),
        patterns={kind: compile_pattern(source, flags_for(kind)) for kind, source in data["patterns"].items()},
        line_patterns={
            kind: compile_pattern(source, flags_for(kind)) for kind, source in data["line_patterns"].items()
        },
    )


def default_scale() -> float:
    """The documented scale of a house unit that neither the text nor the manifest states (5)."""
    return _rules().default_scale


def _number(text: str) -> float:
    """``"4.5"`` -> 4.5, ``"three and a half"`` -> 3.5, ``"3½"`` and ``"3 1/2"`` -> 3.5, ``"½"`` -> 0.5."""
    rules = _rules()
    folded = text.lower().strip()
    half = 0.0
    for suffix in ("\u00bd", "1/2", "and a half"):
        if folded.endswith(suffix):
            half = 0.5
            folded = folded[: -len(suffix)].strip()
            break
    if not folded:
        return half
    whole = float(rules.number_words[folded]) if folded in rules.number_words else float(folded)
    return whole + half


def _preceding_word(text: str, start: int) -> str:
    match = re.search(r"([^\W\d_]+)\W*$", text[max(0, start - 30) : start])
    return match.group(1).lower() if match else ""


def _following_word(text: str, end: int) -> str:
    match = re.match(r"[\s-]+([^\W\d_]+)", text[end : end + 30])
    return match.group(1).lower() if match else ""


def _unit_scale(unit: str, scales: Mapping[str, float]) -> tuple[float, ScaleSource]:
    rules = _rules()
    folded = unit.lower()
    variants = (folded, folded.rstrip("s"), folded + "s")
    lowered = {str(key).lower(): float(value) for key, value in scales.items()}
    for variant in variants:
        if variant in lowered:
            return lowered[variant], "manifest"
    for variant in variants:
        if variant in rules.unit_scales:
            return rules.unit_scales[variant], "default"
    return rules.default_scale, "default"


def _rating(text: str, start: int, end: int, value: float, scale: float, source: ScaleSource):
    value, scale = float(value), float(scale)
    if scale <= 0 or value < 0 or value > scale:
        return None
    return ExplicitRating(text[start:end], start, end, value, scale, value / scale, source)


def _from_match(kind: str, match: re.Match, text: str, scales: Mapping[str, float]):
    """Turn one pattern match into an :class:`ExplicitRating`, or None for a look-alike."""
    rules = _rules()
    start, end = match.span()
    groups = match.groupdict()
    if kind == "glyphs":
        full, half, empty = len(groups["full"]), 0.5 if groups["half"] else 0.0, len(groups["empty"])
        if not full and not empty:
            return None
        if empty:
            return _rating(text, start, end, full + half, full + (1 if half else 0) + empty, "stated")
        return _rating(text, start, end, full + half, rules.default_scale, "default")
    if kind in ("fraction", "out_of", "unit") and _preceding_word(text, start) in rules.index_words:
        return None
    if kind in ("fraction", "unit") and _following_word(text, end) in rules.not_after_rating:
        return None
    if kind == "fraction":
        scale = int(groups["scale"])
        if scale not in rules.fraction_scales:
            return None
        return _rating(text, start, end, _number(groups["value"]), scale, "stated")
    if kind == "out_of":
        following = groups["next"]
        if following and following.lower() not in rules.trailing_units:
            # "nine out of ten critics": a count of things, not a verdict.
            if following[0].islower():
                return None
            end = match.start("next")
            end = len(text[:end].rstrip())
        scale_text = groups["scale"].lower()
        scale = rules.number_words.get(scale_text) or int(scale_text)
        return _rating(text, start, end, _number(groups["value"]), scale, "stated")
    if kind == "unit":
        value = _number(groups["value"])
        if value == 1 and groups["unit"].lower().endswith("s"):
            # "this one stars Aidan Quinn": a verb, since one rating unit would be singular.
            return None
        if groups["unit"].lower().startswith("star") and _preceding_word(text, start) in rules.cast_determiners:
            return None
        if groups.get("scale"):
            scale_text = groups["scale"].lower()
            scale, source = float(rules.number_words.get(scale_text) or int(scale_text)), "stated"
        else:
            scale, source = _unit_scale(groups["unit"], scales)
        return _rating(text, start, end, value, scale, source)
    if kind == "grade":
        grade = groups["grade"].replace("\u2212", "-")
        step = rules.letter_grades.get(grade)
        if step is None:
            return None
        start = match.start("grade")
        return _rating(text, start, end, step, max(rules.letter_grades.values()), "stated")
    if kind == "thumbs":
        if groups.get("emoji"):
            thumbs = [groups["emoji"]] + ([groups["emoji2"]] if groups.get("emoji2") else [])
            return _rating(text, start, end, sum(t == "\U0001F44D" for t in thumbs), len(thumbs), "stated")
        if groups["mixed"]:
            return _rating(text, start, end, 1, 2, "stated")
        count = 2 if (groups["count"] or "").lower() in ("two", "both", "2") else 1
        up = groups["direction"].lower() == "up"
        return _rating(text, start, end, count if up else 0, count, "stated")
    raise AssertionError(f"unhandled rating kind {kind!r}")


def _line_rating(line: str, offset: int, text: str, scales: Mapping[str, float]):
    """The rating a whole line is (after an optional label), or None."""
    rules = _rules()
    stripped = line.strip()
    if not stripped:
        return None
    content_start = line.index(stripped)
    label = rules.line_label.match(stripped)
    body_start = content_start + (label.end() if label else 0)
    body = line[body_start:].rstrip()
    body = body[: len(body.rstrip(".!"))] if body.rstrip(".!") else body
    if not body:
        return None
    span_start, span_end = offset + body_start, offset + body_start + len(body)
    candidates = list(_candidates(text, span_start, span_end, scales))
    whole = [rating for rating in candidates if (rating.start, rating.end) == (span_start, span_end)]
    if whole:
        return whole[0]
    if candidates:
        return None
    for kind, pattern in rules.line_patterns.items():
        match = pattern.fullmatch(text, span_start, span_end)
        if not match:
            continue
        if kind == "grade" and not label and len(match.group("grade")) == 1:
            # A lone capital letter on a line is an initial or a list marker, not a grade.
            return None
        if kind == "unit" and match.group("unit").lower() in rules.not_units:
            return None
        return _from_match(kind, match, text, scales)
    return None


def _candidates(text: str, start: int, end: int, scales: Mapping[str, float]) -> Iterable[ExplicitRating]:
    """Prose-form ratings in ``text[start:end]``, overlapping ones resolved longest first."""
    rules = _rules()
    # The trigger is lower case: searching a lower-cased copy is faster than ignoring case.
    if not rules.prose_trigger.search(text[start:end].lower()):
        return []
    found = []
    for kind, pattern in rules.patterns.items():
        for match in pattern.finditer(text, start, end):
            rating = _from_match(kind, match, text, scales)
            if rating is not None:
                found.append(rating)
    found.sort(key=lambda rating: (-(rating.end - rating.start), rating.start))
    kept: list[ExplicitRating] = []
    for rating in found:
        if all(rating.end <= other.start or rating.start >= other.end for other in kept):
            kept.append(rating)
    return sorted(kept, key=lambda rating: rating.start)


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


def parse_explicit_ratings(
    text: str, *, scales: Mapping[str, float] | None = None
) -> list[ExplicitRating]:
    """Every explicit rating in `text`, in order of appearance.

    Parameters
    ----------
    text : str
        A review, a segment of one, or a single line.
    scales : mapping, optional
        Unit word -> top of its scale (the corpus manifest's ``rating_scales``), for house units
        such as ``{"clappers": 5}``. Without it the documented default applies.

    Returns
    -------
    list of ExplicitRating
        Fields ``text, start, end, value, scale, normalised, scale_source``; spans index `text`.

    Examples
    --------
    >>> [(r.text, r.value, r.scale) for r in parse_explicit_ratings("I give it 4/5. ★★★½")]
    [('4/5', 4.0, 5.0), ('★★★½', 3.5, 5.0)]
    >>> parse_explicit_ratings("4.5 clappers", scales={"clappers": 5})[0].scale_source
    'manifest'
    """
    scales = _check_scales(scales)
    normalised = normalise(text)
    found = []
    offset = 0
    for line in normalised.splitlines(keepends=True):
        whole = _line_rating(line, offset, normalised, scales)
        if whole is not None:
            found.append(whole)
        else:
            found.extend(_candidates(normalised, offset, offset + len(line), scales))
        offset += len(line)
    return [rating._replace(text=text[rating.start : rating.end]) for rating in found]


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
