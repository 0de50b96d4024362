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

Comparison
----------
:func:`rating_comparison` puts three answers to "how much does the critic like the film?" side
by side, each with its evidence:

1. the **explicit rating**, parsed from the review's rating segments, whole rating lines in its
   header, and its body (never from reader comments or page furniture): a rating line wins,
   else the last rating in the body, since a critic's closing verdict is the overall one;
2. the **inferred rating**: the review-polarity model of :mod:`analysis.sentiment` (trained on
   Pang & Lee's polarity data set v2.0, whose explicit ratings were removed) applied to the
   body, giving the probability that the review is positive and ``5 x probability`` stars;
   :func:`rating_evidence` lists the n-grams that pushed it up or down with the first sentence
   that contains each. The explicit rating is reported beside it, never fed into it: the rating
   segment is not part of the body and the model has no rating features;
3. the **prose signals** of :mod:`analysis.signals`, counted by kind.

:func:`sentiment_arc` follows the judgement sentence by sentence: each body sentence's
``judgement = evaluative_probability x polarity_score`` (from
:func:`analysis.sentiment.label_sentences`), so plot summary counts for little, smoothed by a
centred moving average over about a fifth of the review (:data:`ARC_FRACTION`; an odd number of
sentences, at least 3), so that a long review and a short one are smoothed alike. :func:`arc_turns` names the sentence
where the smoothed judgement peaks, where it is lowest, and where it falls most steeply.

Reader comments are scored on their own by :func:`reader_response` (the sentence-polarity model
on each whole comment) as the readers' response; they never enter the review's rating.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Literal, NamedTuple

from analysis.text import normalise

if TYPE_CHECKING:  # pandas is imported where it is used, so segmentation's import stays light.
    import pandas as pd

    from analysis.corpus import Corpus
    from analysis.report import Report

ARC_FRACTION = 0.2

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
    patterns: dict[str, re.Pattern]
    line_patterns: dict[str, re.Pattern]


@cache
def _rules() -> _Rules:
    import yaml

    data = yaml.safe_load(
        resources.files("analysis.data").joinpath("rating-patterns.yaml").read_text(encoding="utf-8")
    )
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
    found = []
    for kind, pattern in _rules().patterns.items():
        for match in pattern.finditer(text, start, end):
            if match.end() == match.start():
                continue
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


EXPLICIT_COLUMNS = [
    "review_id", "segment", "text", "start", "end", "value", "scale", "normalised", "scale_source",
]


def explicit_rating_table(corpus: Corpus) -> pd.DataFrame:
    """Every explicit rating in the reviews' rating, header and body segments.

    Rating and body segments are searched in full; a header only for lines that are wholly a
    rating ("Rating: B+" under a headline), so credits lines are never read as verdicts. Reader
    comments, author bios and boilerplate are never searched.

    Returns
    -------
    pandas.DataFrame
        One row per rating: ``review_id``, ``segment`` ("rating", "header" or "body"), ``text``,
        ``start`` and ``end`` (offsets into the raw file), ``value``, ``scale``, ``normalised``,
        ``scale_source``.
    """
    import pandas as pd

    scales = corpus.rating_scales
    rows = []
    for review in corpus.reviews:
        for segment in review.segments:
            if segment.label in ("rating", "body"):
                pieces = [(0, segment.text)]
            elif segment.label == "header":
                lines = segment.text.splitlines(keepends=True)
                offsets = [sum(len(line) for line in lines[:index]) for index in range(len(lines))]
                pieces = [(offset, line) for offset, line in zip(offsets, lines) if is_rating_line(line, scales=scales)]
            else:
                continue
            for offset, text in pieces:
                for rating in parse_explicit_ratings(text, scales=scales):
                    rows.append(
                        {
                            **rating._asdict(),
                            "review_id": review.id,
                            "segment": segment.label,
                            "start": segment.start + offset + rating.start,
                            "end": segment.start + offset + rating.end,
                        }
                    )
    return pd.DataFrame(rows, columns=EXPLICIT_COLUMNS)


def overall_explicit_ratings(explicit: pd.DataFrame) -> pd.DataFrame:
    """One explicit rating per review: a rating line's (its own segment or a header line), else
    the last one in the body.

    Returns
    -------
    pandas.DataFrame
        The rows of :func:`explicit_rating_table` chosen, one per review that has any.
    """
    ordered = explicit.assign(_rating_line=explicit["segment"].isin(["rating", "header"])).sort_values(
        ["review_id", "_rating_line", "start"], kind="mergesort"
    )
    return ordered.groupby("review_id", sort=True).tail(1).drop(columns="_rating_line").reset_index(drop=True)


def inferred_ratings(corpus: Corpus) -> pd.DataFrame:
    """The review-polarity model's rating of each review body.

    Returns
    -------
    pandas.DataFrame
        ``review_id``, ``positive_probability`` (0-1), ``stars`` (``5 x probability``).
    """
    from analysis.sentiment import score_reviews

    scores = score_reviews([review.body for review in corpus.reviews])
    scores.insert(0, "review_id", [review.id for review in corpus.reviews])
    return scores


def inferred_rating_validation() -> pd.DataFrame:
    """How well the inferred rating was validated: the shipped model's cross-validation record.

    Returns
    -------
    pandas.DataFrame
        One row per method (the model, then the lexicon-only baseline): ``method``,
        ``training_data``, ``texts``, ``folds``, ``seed``, ``accuracy`` (mean over folds) and
        ``accuracy_sd`` (missing for the baseline, which is not fitted).
        ``scripts/evaluate_models.py --only review-polarity`` recomputes these numbers.
    """
    import pandas as pd

    from analysis.sentiment import load_model

    model = load_model("review-polarity")
    validation, data = model["cross_validation"], model["training_data"]
    common = {
        "training_data": data["citation"],
        "texts": int(data["n_texts"]),
        "folds": int(validation["folds"]),
        "seed": int(validation["seed"]),
    }
    return pd.DataFrame(
        [
            {
                "method": f"{model['recipe']['classifier']} (shipped model)",
                **common,
                "accuracy": float(validation["accuracy_mean"]),
                "accuracy_sd": float(validation["accuracy_sd"]),
            },
            {
                "method": "lexicon only: VADER compound >= 0 -> positive",
                **common,
                "accuracy": float(validation["vader_baseline_accuracy"]),
                "accuracy_sd": float("nan"),
            },
        ]
    )


def rating_evidence(corpus: Corpus, *, top: int = 8) -> pd.DataFrame:
    """The n-grams that pushed each inferred rating up or down, with a sentence that has each.

    Returns
    -------
    pandas.DataFrame
        :func:`analysis.sentiment.review_evidence` per review (``feature``, ``count``,
        ``weight``, ``contribution``, ``direction``) with ``review_id`` first and
        ``sentence_index`` and ``sentence``: the first body sentence containing the n-gram
        (-1 and "" when it only spans a sentence boundary).
    """
    import pandas as pd

    from analysis.corpus import sentence_table
    from analysis.sentiment import load_model, ngram_counts, review_evidence

    recipe = load_model("review-polarity")["recipe"]
    sentences = sentence_table(corpus)
    frames = []
    for review in corpus.reviews:
        evidence = review_evidence(review.body, top=top)
        own = sentences[sentences["review_id"] == review.id]
        features = [(row.sentence_index, row.text, ngram_counts(row.text, recipe)) for row in own.itertuples()]
        located = [
            next(((index, text) for index, text, counts in features if feature in counts), (-1, ""))
            for feature in evidence["feature"]
        ]
        evidence.insert(0, "review_id", review.id)
        evidence["sentence_index"] = [index for index, _ in located]
        evidence["sentence"] = [text for _, text in located]
        frames.append(evidence)
    columns = ["review_id", "feature", "count", "weight", "contribution", "direction", "sentence_index", "sentence"]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=columns)


def review_signals(corpus: Corpus) -> pd.DataFrame:
    """The prose verdict signals of every review body (see :func:`analysis.signals.find_signals`)."""
    from analysis.corpus import sentence_table
    from analysis.signals import find_signals

    return find_signals(sentence_table(corpus))


def rating_comparison(corpus: Corpus) -> pd.DataFrame:
    """Explicit rating, inferred rating and signal counts, one row per review.

    Returns
    -------
    pandas.DataFrame
        ``review_id``; the overall explicit rating's ``explicit_text``, ``explicit_value``,
        ``explicit_scale``, ``explicit_normalised``, ``explicit_stars`` (normalised x 5),
        ``scale_source`` (missing when the review prints none); ``positive_probability`` and
        ``inferred_stars``; one ``<kind>_signals`` count per signal kind and
        ``net_signal_weight`` (the sum of the signals' weights).
    """
    from analysis.signals import SIGNAL_KINDS, signal_summary

    ids = [review.id for review in corpus.reviews]
    explicit = overall_explicit_ratings(explicit_rating_table(corpus)).set_index("review_id")
    table = inferred_ratings(corpus).rename(columns={"stars": "inferred_stars"}).set_index("review_id")
    table = explicit[["text", "value", "scale", "normalised", "scale_source"]].rename(
        columns={column: f"explicit_{column}" for column in ("text", "value", "scale", "normalised")}
    ).reindex(ids).join(table)
    table.insert(4, "explicit_stars", 5 * table["explicit_normalised"])
    summary = signal_summary(review_signals(corpus), review_ids=ids)
    counts = summary.pivot(index="review_id", columns="kind", values="signals")[list(SIGNAL_KINDS)]
    table = table.join(counts.add_suffix("_signals"))
    table["net_signal_weight"] = summary.groupby("review_id")["total_weight"].sum()
    return table.rename_axis("review_id").reset_index()


def arc_window(sentences: int, *, fraction: float = ARC_FRACTION) -> int:
    """The moving-average window for a review of `sentences` sentences: odd, at least 3.

    >>> [arc_window(n) for n in (12, 18, 23, 118)]
    [3, 5, 5, 25]
    """
    return max(3, 2 * round(fraction * sentences / 2) + 1)


def sentiment_arc(corpus: Corpus, *, fraction: float = ARC_FRACTION) -> pd.DataFrame:
    """Each body sentence's judgement in reading order, raw and smoothed; headings are left out.

    Parameters
    ----------
    corpus : Corpus
    fraction : float, default :data:`ARC_FRACTION`
        Share of a review's sentences in its centred moving average (see :func:`arc_window`).

    Returns
    -------
    pandas.DataFrame
        One row per sentence: ``review_id``, ``sentence_index``, ``position`` (0 = first
        sentence, 1 = last), ``text``, ``evaluative_probability``, ``praise_probability``,
        ``polarity_score``, ``label`` (from :func:`analysis.sentiment.label_sentences`),
        ``judgement`` (evaluative probability x polarity score, -1..1), ``window`` (sentences
        averaged) and ``smoothed_judgement``.
    """
    import pandas as pd

    from analysis.corpus import sentence_table
    from analysis.sentiment import label_sentences
    from analysis.tokenization import is_heading

    if isinstance(fraction, bool) or not isinstance(fraction, (int, float)) or not 0 < fraction <= 1:
        raise ValueError(f"fraction must be a number in (0, 1]; got {fraction!r}")
    sentences = sentence_table(corpus)[["review_id", "sentence_index", "text"]]
    # A section heading names a topic; scored as a sentence it would read as a verdict.
    sentences = sentences[~sentences["text"].map(is_heading)].reset_index(drop=True)
    labels = label_sentences(sentences["text"].tolist())
    arc = pd.concat(
        [
            sentences.reset_index(drop=True),
            labels[["evaluative_probability", "praise_probability", "polarity_score", "label"]],
        ],
        axis=1,
    )
    count = arc.groupby("review_id")["sentence_index"].transform("max")
    arc.insert(2, "position", (arc["sentence_index"] / count.where(count > 0, 1)).astype(float))
    arc["judgement"] = arc["evaluative_probability"] * arc["polarity_score"]
    arc["window"] = arc.groupby("review_id")["sentence_index"].transform(
        lambda indices: arc_window(len(indices), fraction=fraction)
    ).astype("int64")
    arc["smoothed_judgement"] = arc.groupby("review_id")["judgement"].transform(
        lambda values: values.rolling(arc_window(len(values), fraction=fraction), center=True, min_periods=1).mean()
    )
    return arc


def arc_turns(arc: pd.DataFrame) -> pd.DataFrame:
    """Where each review's smoothed judgement peaks, bottoms out and falls most steeply.

    A smoothed value is an average, so each point also names its *driver*: the sentence inside
    that point's averaging window with the highest judgement (for the peak) or the lowest (for
    the lowest point and the steepest fall).

    Parameters
    ----------
    arc : pandas.DataFrame
        :func:`sentiment_arc` output (``review_id``, ``sentence_index``, ``position``,
        ``judgement``, ``smoothed_judgement``, ``text``; ``window`` defaults to 1).

    Returns
    -------
    pandas.DataFrame
        Three rows per review (``point`` = "peak", "lowest", "steepest fall"): ``review_id``,
        ``point``, ``sentence_index``, ``position``, ``smoothed_judgement``, ``change`` (from the
        previous sentence), ``driver_index``, ``driver_judgement``, ``driver_text``. Ties go to
        the earlier sentence.
    """
    import pandas as pd

    rows = []
    for review_id, group in arc.groupby("review_id", sort=True):
        group = group.sort_values("sentence_index", kind="mergesort").reset_index(drop=True)
        change = group["smoothed_judgement"].diff()
        half = int(group["window"].iloc[0]) // 2 if "window" in group else 0
        picks = {
            "peak": group["smoothed_judgement"].idxmax(),
            "lowest": group["smoothed_judgement"].idxmin(),
            "steepest fall": change.idxmin() if change.notna().any() else 0,
        }
        for point, index in picks.items():
            window = group.iloc[max(0, index - half) : index + half + 1]
            driver = window["judgement"].idxmax() if point == "peak" else window["judgement"].idxmin()
            rows.append(
                {
                    "review_id": review_id,
                    "point": point,
                    "sentence_index": int(group.loc[index, "sentence_index"]),
                    "position": float(group.loc[index, "position"]),
                    "smoothed_judgement": float(group.loc[index, "smoothed_judgement"]),
                    "change": float(change.loc[index]) if pd.notna(change.loc[index]) else 0.0,
                    "driver_index": int(group.loc[driver, "sentence_index"]),
                    "driver_judgement": float(group.loc[driver, "judgement"]),
                    "driver_text": group.loc[driver, "text"],
                }
            )
    columns = [
        "review_id", "point", "sentence_index", "position", "smoothed_judgement", "change",
        "driver_index", "driver_judgement", "driver_text",
    ]
    return pd.DataFrame(rows, columns=columns)


def reader_response(corpus: Corpus) -> pd.DataFrame:
    """Reader comments scored on their own, as the readers' response to each review.

    Returns
    -------
    pandas.DataFrame
        One row per comment: ``review_id``, ``comment_index`` (0-based), ``author``, ``text``,
        ``evaluative_probability``, ``praise_probability``, ``label`` ("praise", "criticism"
        or "neutral"), from :func:`analysis.sentiment.label_sentences` on the whole comment.
    """
    import pandas as pd

    from analysis.sentiment import label_sentences

    rows = [
        {"review_id": review.id, "comment_index": index, "author": comment.author, "text": comment.text}
        for review in corpus.reviews
        for index, comment in enumerate(review.comments)
    ]
    comments = pd.DataFrame(rows, columns=["review_id", "comment_index", "author", "text"])
    labels = label_sentences(comments["text"].tolist())
    return pd.concat(
        [comments, labels[["evaluative_probability", "praise_probability", "label"]]], axis=1
    )


def reader_response_summary(response: pd.DataFrame, *, review_ids: Iterable[str]) -> pd.DataFrame:
    """Per review: how many comments, how many praise, criticise or are neutral.

    Returns
    -------
    pandas.DataFrame
        ``review_id``, ``comments``, ``praise``, ``criticism``, ``neutral``,
        ``mean_praise_probability`` (of the evaluative comments; missing when there are none).
    """
    import pandas as pd

    ids = list(review_ids)
    counts = pd.crosstab(response["review_id"], response["label"]).reindex(
        index=ids, columns=["praise", "criticism", "neutral"], fill_value=0
    )
    evaluative = response[response["evaluative_probability"] >= 0.5]
    table = counts.assign(
        comments=counts.sum(axis=1),
        mean_praise_probability=evaluative.groupby("review_id")["praise_probability"].mean().reindex(ids),
    )
    table = table[["comments", "praise", "criticism", "neutral", "mean_praise_probability"]]
    return table.rename_axis("review_id").reset_index().rename_axis(None, axis=1)


def ratings_report(corpus: Corpus) -> Report:
    """What ``python -m analysis ratings`` shows.

    Returns
    -------
    Report
        Tables "Ratings" (:func:`rating_comparison`), "Explicit ratings", "Signals",
        "Evidence for the inferred rating" and "Readers' response"; one record per review with
        ``explicit_rating`` (text, value, scale, normalised, scale_source, or None),
        ``explicit_ratings`` (all found), ``inferred_rating`` (probability, stars),
        ``signals`` and ``evidence`` (up and down).
    """
    from analysis.report import Report, plain

    ids = [review.id for review in corpus.reviews]
    comparison = rating_comparison(corpus)
    explicit = explicit_rating_table(corpus)
    overall = overall_explicit_ratings(explicit).set_index("review_id")
    signals = review_signals(corpus)
    evidence = rating_evidence(corpus)
    response = reader_response(corpus)
    rating_fields = ["text", "value", "scale", "normalised", "scale_source"]
    records = []
    for row in comparison.itertuples(index=False):
        review_id = row.review_id
        records.append(
            {
                "review_id": review_id,
                "explicit_rating": (
                    {field: plain(overall.loc[review_id, field]) for field in rating_fields}
                    if review_id in overall.index
                    else None
                ),
                "explicit_ratings": [
                    {field: plain(value) for field, value in rating.items()}
                    for rating in explicit.loc[explicit["review_id"] == review_id, ["segment", *rating_fields, "start", "end"]].to_dict("records")
                ],
                "inferred_rating": {
                    "probability": plain(row.positive_probability),
                    "stars": plain(row.inferred_stars),
                },
                "signals": [
                    {field: plain(value) for field, value in signal.items()}
                    for signal in signals.loc[
                        signals["review_id"] == review_id,
                        ["sentence_index", "kind", "span_text", "weight", "negated", "sentence"],
                    ].to_dict("records")
                ],
                "evidence": {
                    direction: [
                        {field: plain(value) for field, value in item.items()}
                        for item in evidence.loc[
                            (evidence["review_id"] == review_id) & (evidence["direction"] == direction),
                            ["feature", "contribution", "sentence_index", "sentence"],
                        ].to_dict("records")
                    ]
                    for direction in ("up", "down")
                },
            }
        )
    tables = {
        "Ratings": comparison,
        "Explicit ratings": explicit,
        "Signals": signals.drop(columns=["cue", "sentence"]),
        "Evidence for the inferred rating": evidence.drop(columns=["sentence"]),
        "Readers' response": reader_response_summary(response, review_ids=ids),
    }
    return Report(tables, records)
