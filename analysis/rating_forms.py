"""Rating forms: what a matched "7/10", "★★★½", "B+" or "two thumbs up" is worth, on which scale.

Method
------
Every form is a regular expression in package data (``data/rating-patterns.yaml``), matched
against the text normalised by :func:`analysis.text.normalise` (same length, so spans index the
raw text). Each match becomes a value on a scale and a normalised value ``value / scale`` in
[0, 1]:

* star glyphs ``★★★★☆`` (scale stated by the empty stars) or ``★★★½`` (scale unstated),
  emoji stars too; ASCII stars with a half, ``***1/2``;
* fractions ``4/5``, ``8/10``, ``3.5/4``, ``7,5/10`` (only the scales 4, 5, 10, 20 and 100, so
  ``24/7`` and ``9/11`` are not ratings);
* ``3.5 out of 4``, ``four out of five (stars)`` — but not ``nine out of ten critics``;
* unit words ``4 stars``, ``4.5 clappers`` (``4 stars out of 5`` states its scale);
* letter grades after a label, a verb or an adjective (``Grade: B+``, ``I give it an A-``,
  ``a solid B+``), on a 12-step scale F = 0 ... A+ = 12;
* a bare number after a label (``Rating: 3.5``);
* thumbs: ``thumbs up`` = 1/1, ``two thumbs up`` = 2/2, ``one thumb up, one thumb down`` = 1/2.

**Scales.** A scale is ``stated`` when the text gives it (``/5``, ``out of 4``, empty stars,
thumbs, grades). For a unit word without one, the corpus manifest's ``rating_scales`` mapping
is used (``manifest``); else the conventional scale in the data file, else ``default_scale``
(5) — both reported as ``default``; a bare number takes the smallest of 5, 10 and 100 that holds
it. A value above its scale is never a rating.

**Look-alikes.** Dates, prices, running times, years, counts ("10,000 empty words"), ranks
("top 10") and part numbers never match: numbers next to currency signs, slashes of dates or
index words (``Part``, ``top``, ``OS``, ``watched on``) are refused by look-around guards, and
unit words must be rating units. Where a form is and whose rating it is are
:mod:`analysis.rating_parser`'s and :mod:`analysis.rating_context`'s questions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Literal, NamedTuple

from analysis.rating_context import RatingRole
from analysis.resources import read_yaml

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
    role : {"overall", "sub-score", "unlabelled"}
        What its label says it rates: the whole film, one craft ("Acting 8/10"), or nothing said.
    """

    text: str
    start: int
    end: int
    value: float
    scale: float
    normalised: float
    scale_source: ScaleSource
    role: RatingRole = "unlabelled"


class Rules(NamedTuple):
    """The rating patterns and word lists, compiled once."""

    default_scale: float
    bare_number_scales: tuple[float, ...]
    unit_scales: dict[str, float]
    fraction_scales: frozenset[int]
    number_words: dict[str, int]
    letter_grades: dict[str, int]
    index_words: frozenset[str]
    not_units: frozenset[str]
    trailing_units: frozenset[str]
    cast_determiners: frozenset[str]
    cast_after_stars: frozenset[str]
    not_after_rating: frozenset[str]
    line_label: re.Pattern
    score_box_label: re.Pattern
    prose_trigger: re.Pattern
    pattern_triggers: dict[str, re.Pattern]
    patterns: dict[str, re.Pattern]
    line_patterns: dict[str, re.Pattern]
    headline_grade: re.Pattern


@cache
def rules() -> Rules:
    """The compiled rating patterns and word lists of ``data/rating-patterns.yaml``."""
    data = read_yaml("rating-patterns.yaml")
    number_words = {str(word).lower(): int(value) for word, value in data["number_words"].items()}

    def alternation(words: Iterable[str]) -> str:
        # Longest first, so "ten" never stops a match of a longer word that starts the same.
        return "(?:" + "|".join(sorted((str(word).lower() for word in words), key=len, reverse=True)) + ")"

    number_word = alternation(number_words)
    placeholders = {
        "{number_word}": number_word,
        "{number}": rf"(?:(?:\d{{1,3}}(?:\.\d+|,\d(?!\d))?|{number_word})(?:\s*\u00bd|\s+1/2|\s+and\s+a\s+half)?|\u00bd)",
        "{prose_unit}": alternation(data["prose_units"]),
        "{trailing_unit}": alternation(data["trailing_units"]),
        "{grade_adjective}": alternation(data["grade_adjectives"]),
    }

    def compile_pattern(source: str, flags: int) -> re.Pattern:
        for placeholder, expansion in placeholders.items():
            source = source.replace(placeholder, expansion)
        return re.compile(source, flags)

    def flags_for(kind: str) -> int:
        # Letter grades are capitals: "a" and "c" are words, "A" and "C" are grades.
        return 0 if kind == "grade" else re.IGNORECASE

    return Rules(
        default_scale=float(data["default_scale"]),
        bare_number_scales=tuple(sorted(float(scale) for scale in data["bare_number_scales"])),
        unit_scales={str(unit).lower(): float(scale) for unit, scale in data["unit_scales"].items()},
        fraction_scales=frozenset(int(scale) for scale in data["fraction_scales"]),
        number_words=number_words,
        letter_grades={str(grade): int(step) for grade, step in data["letter_grades"].items()},
        index_words=frozenset(str(word).lower() for word in data["index_words"]),
        not_units=frozenset(str(word).lower() for word in data["not_units"]),
        trailing_units=frozenset(str(word).lower() for word in data["trailing_units"]),
        cast_determiners=frozenset(str(word).lower() for word in data["cast_determiners"]),
        cast_after_stars=frozenset(str(word).lower() for word in data["cast_after_stars"]),
        not_after_rating=frozenset(str(word).lower() for word in data["not_after_rating"]),
        line_label=re.compile(data["line_label"], re.IGNORECASE),
        score_box_label=re.compile(data["score_box_label"]),
        prose_trigger=compile_pattern(data["prose_trigger"], 0),
        pattern_triggers={kind: compile_pattern(source, 0) for kind, source in data["pattern_triggers"].items()},
        patterns={kind: compile_pattern(source, flags_for(kind)) for kind, source in data["patterns"].items()},
        line_patterns={
            kind: compile_pattern(source, flags_for(kind)) for kind, source in data["line_patterns"].items()
        },
        headline_grade=compile_pattern(data["headline_grade"], 0),
    )


def default_scale() -> float:
    """The documented scale of a house unit that neither the text nor the manifest states (5)."""
    return rules().default_scale


def number_value(text: str) -> float:
    """``"4.5"`` -> 4.5, ``"three and a half"`` -> 3.5, ``"3½"`` and ``"3 1/2"`` -> 3.5, ``"½"`` -> 0.5."""
    forms = rules()
    folded = text.lower().strip()
    half = 0.0
    for suffix in ("\u00bd", "1/2", "and a half"):
        if folded.endswith(suffix):
            half = 0.5
            folded = folded[: -len(suffix)].strip()
            break
    if not folded:
        return half
    whole = float(forms.number_words[folded]) if folded in forms.number_words else float(folded.replace(",", "."))
    return whole + half


def _preceding_word(text: str, start: int) -> str:
    # Never across a sentence end ("a thin third act. 8/10" is not "Act 8"), but across the full
    # stop of an abbreviated index word ("No. 3/10", "Vol. 2").
    window = text[max(0, start - 30) : start]
    match = re.search(r"\b(no|vol|ep|pt|nr)\.\s*$", window, re.IGNORECASE) or re.search(
        r"([^\W\d_]+)[^\w.!?]*$", window
    )
    return match.group(1).lower() if match else ""


def _following_word(text: str, end: int) -> str:
    match = re.match(r"[\s-]+([^\W\d_]+)", text[end : end + 30])
    return match.group(1).lower() if match else ""


def _unit_scale(unit: str, scales: Mapping[str, float]) -> tuple[float, ScaleSource]:
    forms = rules()
    folded = unit.lower()
    variants = (folded, folded.rstrip("s"), folded + "s")
    lowered = {str(key).lower(): float(value) for key, value in scales.items()}
    for variant in variants:
        if variant in lowered:
            return lowered[variant], "manifest"
    for variant in variants:
        if variant in forms.unit_scales:
            return forms.unit_scales[variant], "default"
    return forms.default_scale, "default"


def _rating(text: str, start: int, end: int, value: float, scale: float, source: ScaleSource):
    value, scale = float(value), float(scale)
    if scale <= 0 or value < 0 or value > scale:
        return None
    return ExplicitRating(text[start:end], start, end, value, scale, value / scale, source)


def _bare_number_scale(value: float) -> float:
    return next((scale for scale in rules().bare_number_scales if value <= scale), 0.0)


def rating_from_match(
    kind: str, match: re.Match, text: str, scales: Mapping[str, float]
) -> ExplicitRating | None:
    """The rating one match of the pattern `kind` is, or None for a look-alike.

    `text` is the normalised text the match was found in; `scales` the manifest's house units.
    """
    forms = rules()
    start, end = match.span()
    groups = match.groupdict()
    if kind == "glyphs":
        # An emoji star may carry a variation selector: count the stars, not the code points.
        full = len(groups["full"].replace("\ufe0f", ""))
        half, empty = 0.5 if groups["half"] else 0.0, len(groups["empty"].replace("\ufe0f", ""))
        if not full and not empty:
            return None
        if full == 1 and not half and not empty and re.match(r"\s?\d", text[end : end + 2]):
            return None  # a star icon before a score ("★ 4.6 community rating"), not one star
        if groups["scale"]:
            return _rating(text, start, end, full + half, number_value(groups["scale"]), "stated")
        if empty:
            return _rating(text, start, end, full + half, full + (1 if half else 0) + empty, "stated")
        return _rating(text, start, end, full + half, forms.default_scale, "default")
    if kind == "ascii_stars":
        value = groups["stars"].count("*") + (0.5 if groups["half"] else 0.0)
        if groups.get("of"):  # "*** 1/2 out of ****"
            return _rating(text, start, end, value, float(len(groups["of"])), "stated")
        return _rating(text, start, end, value, forms.default_scale, "default")
    if kind in ("labelled_number", "bare_number"):
        value = number_value(groups["value"])
        start = match.start("value")
        return _rating(text, start, match.end("value"), value, _bare_number_scale(value), "default")
    if kind in ("fraction", "out_of", "unit") and _preceding_word(text, start) in forms.index_words:
        return None
    if kind in ("fraction", "unit") and _following_word(text, end) in forms.not_after_rating:
        return None
    if kind in ("fraction", "points_of"):
        scale = int(groups["scale"])
        if scale not in forms.fraction_scales:
            return None
        return _rating(text, start, end, number_value(groups["value"]), scale, "stated")
    if kind == "out_of":
        following = groups["next"]
        if following and following.lower() not in forms.trailing_units:
            # "nine out of ten critics": a count of things, not a verdict.
            if following[0].islower():
                return None
            end = match.start("next")
            end = len(text[:end].rstrip())
        scale_text = groups["scale"].lower()
        scale = forms.number_words.get(scale_text) or int(scale_text)
        if scale not in forms.fraction_scales:
            # "bungles two out of three": a count, on no rating scale.
            return None
        return _rating(text, start, end, number_value(groups["value"]), scale, "stated")
    if kind == "unit":
        value = number_value(groups["value"])
        if value == 1 and groups["unit"].lower().endswith("s"):
            # "this one stars Aidan Quinn": a verb, since one rating unit would be singular.
            return None
        if groups["unit"].lower().startswith("star") and (
            _preceding_word(text, start) in forms.cast_determiners or _following_word(text, end) in forms.cast_after_stars
        ):
            return None
        if groups.get("scale"):
            scale_text = groups["scale"].lower()
            scale, source = float(forms.number_words.get(scale_text) or int(scale_text)), "stated"
        else:
            scale, source = _unit_scale(groups["unit"], scales)
        return _rating(text, start, end, value, scale, source)
    if kind == "grade":
        grade = groups["grade"].replace("\u2212", "-")
        step = forms.letter_grades.get(grade)
        if step is None:
            return None
        start = match.start("grade")
        return _rating(text, start, end, step, max(forms.letter_grades.values()), "stated")
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
