"""How much each critic likes the film: explicit rating, inferred rating and prose signals.

:func:`rating_comparison` puts three answers to "how much does the critic like the film?" side
by side, each with its evidence:

1. the **explicit rating** (:mod:`analysis.rating_parser`), parsed from the review's rating
   segments, its headlines, and its body (never from reader comments or page furniture): a
   rating labelled as the overall one ("Overall: 7/10") wins, then a rating line or headline,
   then the last rating in the body, since a critic's closing verdict is the overall one; a
   sub-score ("Acting 8/10") is never the overall rating. A scale the review states once ("my
   ratings are out of four stars") governs its ratings that state none;
2. the **inferred rating**: the review-polarity model of :mod:`analysis.sentiment` (trained on
   Pang & Lee's polarity data set v2.0, whose explicit ratings were removed) applied to the
   body, giving the probability that the review is positive and the stars a review with that
   probability has on average (:func:`analysis.review_polarity.expected_stars`, 1 to 4.25);
   :func:`rating_evidence` lists the n-grams that pushed it up or down with the first sentence
   that contains each. The explicit rating is reported beside it, never fed into it: the rating
   segment is not part of the body and the model has no rating features;
3. the **prose signals** of :mod:`analysis.signals`, counted by kind.

The sentence-by-sentence arc is :mod:`analysis.arcs`; the readers' response to each review is
:mod:`analysis.readers`.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Mapping
from functools import cache, partial
from typing import NamedTuple

import pandas as pd

from analysis.body_tables import BodySplit, body_sentence_table
from analysis.corpus import CORPUS, Corpus, once_per_corpus
from analysis.reviews import Review
from analysis.encoder_heads import heads
from analysis.rating_context import stated_scale
from analysis.resources import model_fingerprint
from analysis.rating_parser import ExplicitRating, parse_explicit_ratings, parse_headline_rating
from analysis.review_polarity import EVIDENCE_COLUMNS, BodyReading, evidence_table, read_body, stacked_scores
from analysis.judgements import encoded_margins, store_values, stored_values
from analysis.parallel import joined_tables
from analysis.segmentation import Segment
from analysis.sentiment import load_model
from analysis.signals import SIGNAL_KINDS, find_signals, signal_summary
from analysis.tables import checks


EXPLICIT_COLUMNS = [
    "review_id", "segment", "text", "start", "end", "value", "scale", "normalised", "scale_source", "role",
]
RATED_SEGMENTS = ("rating", "header", "body")


@once_per_corpus
def explicit_rating_table(corpus: Corpus) -> pd.DataFrame:
    """Every explicit rating in the reviews' rating, header and body segments.

    Rating and body segments are searched in full; a header only for a rating that ends or
    starts one of its lines (:func:`analysis.rating_parser.parse_headline_rating`: "Her ★★★½",
    "Rating: B+" under a headline), so credits lines are never read as verdicts. Reader
    comments, author bios and boilerplate are never searched, nor do they state the scale.

    Returns
    -------
    pandas.DataFrame
        One row per rating: ``review_id``, ``segment`` ("rating", "header" or "body"), ``text``,
        ``start`` and ``end`` (offsets into the raw file), ``value``, ``scale``, ``normalised``,
        ``scale_source``, ``role`` ("overall", "sub-score" or "unlabelled").
    """
    return pd.DataFrame(_rating_reads(corpus).explicit, columns=EXPLICIT_COLUMNS)


def _review_explicit_ratings(review_id: str, own: tuple[Segment, ...], scales: Mapping[str, float]) -> list[dict]:
    """The rows of :func:`explicit_rating_table` for one review's rated segments."""
    review_scale = stated_scale("".join(segment.text for segment in own))
    rows = []
    found_in_review = []
    for segment in own:
        if segment.label == "header":
            found, offset = [], 0
            for line in segment.text.splitlines(keepends=True):
                headline = parse_headline_rating(line, scales=scales, review_scale=review_scale)
                if headline is not None:
                    found.append(headline._replace(start=offset + headline.start, end=offset + headline.end))
                offset += len(line)
        else:
            found = parse_explicit_ratings(segment.text, scales=scales, review_scale=review_scale)
        found_in_review += [(segment, rating) for rating in found]
    numbering = _post_numbers(found_in_review)
    for segment, rating in found_in_review:
        if (segment.start, rating.start) not in numbering:
            rows.append(
                {
                    **rating._asdict(),
                    "review_id": review_id,
                    "segment": segment.label,
                    "start": segment.start + rating.start,
                    "end": segment.start + rating.end,
                }
            )
    return rows


_FRACTION = re.compile(r"(\d+)\s*/\s*(\d+)")
# A thread numbers its posts "1/5", "2/5" ...: three in a row from 1 are a count, not ratings.
_MIN_POST_NUMBERS = 3


def _post_numbers(found: list[tuple[Segment, ExplicitRating]]) -> set[tuple[int, int]]:
    """Where the ratings found number a thread's posts ("1/5" … "5/5", each ending a line of a
    review posted as a thread), as (segment start, rating start): fractions of one denominator,
    each at the end of its line, whose numerators run 1, 2, 3 …"""
    at_line_ends = [
        (segment.start, rating.start, fraction)
        for segment, rating in found
        if not segment.text[rating.end :].split("\n", 1)[0].strip() and (fraction := _FRACTION.fullmatch(rating.text))
    ]
    numerators: dict[str, set[int]] = {}
    for _, _, fraction in at_line_ends:
        numerators.setdefault(fraction.group(2), set()).add(int(fraction.group(1)))
    counted = {
        denominator for denominator, seen in numerators.items()
        if len(seen) >= _MIN_POST_NUMBERS and seen == set(range(1, len(seen) + 1))
    }
    return {(segment_start, start) for segment_start, start, fraction in at_line_ends if fraction.group(2) in counted}


@checks(explicit=["review_id", "segment", "start", "role"])
def overall_explicit_ratings(explicit: pd.DataFrame) -> pd.DataFrame:
    """One explicit rating per review: the last labelled as the overall one, else the last rating
    line (its own segment or a headline), else the last one in the body; never a sub-score.

    A review whose only ratings are sub-scores ("Acting 8/10, Story 6/10") has none: averaging
    them would invent a rating the critic did not give.

    Returns
    -------
    pandas.DataFrame
        The rows of :func:`explicit_rating_table` chosen, one per review that has any.
    """
    rank = (
        (explicit["role"] == "overall") * 2 + explicit["segment"].isin(["rating", "header"])
    ).where(explicit["role"] != "sub-score")
    ordered = explicit.assign(_rank=rank).dropna(subset="_rank").sort_values(
        ["review_id", "_rank", "start"], kind="mergesort"
    )
    return ordered.groupby("review_id", sort=True).tail(1).drop(columns="_rank").reset_index(drop=True)


@once_per_corpus
def inferred_ratings(corpus: Corpus) -> pd.DataFrame:
    """The review-polarity model's rating of each review body.

    Returns
    -------
    pandas.DataFrame
        ``review_id``, ``positive_probability`` (0-1), ``stars``
        (:func:`analysis.review_polarity.expected_stars`).
    """
    scores = stacked_scores(_rating_reads(corpus).readings, encoded=encoded_margins)
    scores.insert(0, "review_id", corpus.review_ids)
    return scores


def inferred_rating_validation() -> pd.DataFrame:
    """How well the inferred rating was validated: the shipped models' cross-validation records.

    Returns
    -------
    pandas.DataFrame
        One row per method: the shipped stack first, then each of its two inputs alone, then the
        lexicon-only baseline. Columns ``method``, ``training_data``, ``texts``, ``folds``,
        ``seed``, ``accuracy`` (mean over folds) and ``accuracy_sd`` (missing for the baseline,
        which is not fitted). ``scripts/evaluate_models.py --only review-polarity`` recomputes
        the numbers.
    """
    ngram_model = load_model("review-polarity")
    validation, data = heads()["review-polarity"]["cross_validation"], ngram_model["training_data"]
    common = {"training_data": data["citation"], "texts": int(data["n_texts"])}
    fitted = [
        ("stacked", "encoder sentence margins stacked with the n-gram model (shipped)"),
        ("n-gram", f"n-gram model alone ({ngram_model['recipe']['classifier']})"),
        ("encoder head", "encoder sentence margins alone"),
    ]
    rows = [
        {
            "method": method,
            **common,
            "folds": int(validation["folds"]),
            "seed": int(validation["seed"]),
            "accuracy": float(validation[key]["accuracy_mean"]),
            "accuracy_sd": float(validation[key]["accuracy_sd"]),
        }
        for key, method in fitted
    ]
    baseline = ngram_model["cross_validation"]
    rows.append(
        {
            "method": "lexicon only: VADER compound >= 0 -> positive",
            **common,
            "folds": int(baseline["folds"]),
            "seed": int(baseline["seed"]),
            "accuracy": float(baseline["vader_baseline_accuracy"]),
            "accuracy_sd": float("nan"),
        }
    )
    return pd.DataFrame(rows)


# How many n-grams per direction the rating evidence shows by default; the readings behind the
# inferred ratings keep this many, so asking for as many or fewer reads no body again.
RATING_EVIDENCE_TOP = 8
# Bump when read_body's reading of the same body and model changes.
READING_RULES_VERSION = 1


class _RatingReads(NamedTuple):
    """What the ratings read in each review, in one pass (:func:`_rating_reads`)."""

    readings: list[BodyReading]
    explicit: list[dict]
    signals: pd.DataFrame


@once_per_corpus
def _rating_reads(corpus: Corpus) -> _RatingReads:
    """Each review's body reading with :data:`RATING_EVIDENCE_TOP` evidence n-grams, its explicit
    ratings and its verdict signals, in corpus order.

    They depend on the review alone, so runs of reviews are read in one map over worker processes
    (:func:`analysis.parallel.map_runs`): one set of workers, not one for each, and a run's
    sentence table is built where the run is read. The body readings are the review-polarity
    model's, and like the sentence judgements they are kept in the judgement cache
    (:mod:`analysis.judgements`), keyed by the model's fingerprint, the body and its sentences:
    a second command reads them from disk.
    """
    load_model("review-polarity")  # loaded here once, so forked workers inherit it
    keys = corpus.map_reviews(_reading_key, _reading_input, description="keying body readings", light=True)
    kept = stored_values(_reading_key_prefix(), keys)
    runs = corpus.map_review_runs(
        partial(_rating_reads_of_run, scales=corpus.rating_scales, title=corpus.film.title), _rating_item,
        extras=[key in kept for key in keys], description="reading ratings",
    )
    read = [reading for run in runs for reading in run.readings]
    store_values({_reading_key_prefix() + key: reading for key, reading in zip(keys, read) if reading is not None})
    return _RatingReads(
        [kept[key] if reading is None else reading for key, reading in zip(keys, read)],
        [row for run in runs for row in run.explicit],
        joined_tables([run.signals for run in runs]),
    )


@cache
def _reading_key_prefix() -> str:
    """Body readings are kept in the judgement cache under the review-polarity model's fingerprint."""
    return f"reading-{model_fingerprint('review-polarity')}-top{RATING_EVIDENCE_TOP}-r{READING_RULES_VERSION}\x1f"


def _reading_input(review: Review) -> tuple[str, BodySplit]:
    """What a body reading reads of a review: its body and body split."""
    return review.body, review.body_split


def _reading_key(reading_input: tuple[str, BodySplit]) -> str:
    """What a body reading depends on besides the model, the body and the sentences its evidence
    is located in, as a SHA-256 digest: the texts themselves would store each body twice more."""
    body, split = reading_input
    texts = "\x1e".join([body, *(text for _, _, text, *_ in split[0])])
    return hashlib.sha256(texts.encode("utf-8", "surrogatepass")).hexdigest()


def _rating_item(review: Review, reading_kept: bool) -> tuple[str, str, BodySplit, tuple[Segment, ...], bool]:
    """What :func:`_rating_reads_of_run` reads of a review, and whether its body reading is on disk."""
    rated = tuple(s for s in review.segments if s.label in RATED_SEGMENTS)
    return review.id, review.body, review.body_split, rated, reading_kept


def _rating_reads_of_run(
    reviews: list[tuple[str, str, BodySplit, tuple[Segment, ...], bool]], scales: Mapping[str, float],
    title: str | None,
) -> _RatingReads:
    """:func:`_rating_reads` of a run of reviews, given by id, body, body split, rated segments and
    whether the body's reading is kept on disk already (then its reading here is None); the
    film's `title` holds no verdict signal."""
    sentences = body_sentence_table([(review_id, split) for review_id, _, split, _, _ in reviews])
    return _RatingReads(
        [None if kept else _read_body(body, split, RATING_EVIDENCE_TOP) for _, body, split, _, kept in reviews],
        [row for review_id, _, _, rated, _ in reviews for row in _review_explicit_ratings(review_id, rated, scales)],
        find_signals(sentences[["review_id", "sentence_index", "text"]], title=title),
    )


@once_per_corpus
def _body_readings(corpus: Corpus, top: int) -> list[BodyReading]:
    """Each review body's n-gram reading (:func:`analysis.review_polarity.read_body`) with its
    `top` evidence n-grams per direction located in its body sentences, in corpus order: those
    of :func:`_rating_reads` for up to :data:`RATING_EVIDENCE_TOP`, else read again."""
    if top <= RATING_EVIDENCE_TOP:
        return _rating_reads(corpus).readings
    load_model("review-polarity")
    return corpus.map_reviews(partial(_read_body_job, top=top), _reading_input, description="reading review bodies")


def _read_body(body: str, split: BodySplit, top: int) -> BodyReading:
    """:func:`analysis.review_polarity.read_body` of a body, given its sentences as split already."""
    return read_body(body, [text for _, _, text, *_ in split[0]], top=top)


def _read_body_job(reading_input: tuple[str, BodySplit], top: int) -> BodyReading:
    return _read_body(*reading_input, top)


@once_per_corpus
def rating_evidence(corpus: Corpus, *, top: int = RATING_EVIDENCE_TOP) -> pd.DataFrame:
    """The n-grams that pushed each inferred rating up or down, with a sentence that has each.

    Returns
    -------
    pandas.DataFrame
        :func:`analysis.review_polarity.review_evidence` per review (``feature``, ``count``,
        ``weight``, ``contribution``, ``direction``) with ``review_id`` first and
        ``sentence_index`` and ``sentence``: the first body sentence containing the n-gram
        (-1 and "" when it only spans a sentence boundary).
    """
    rows = []
    direction_at = EVIDENCE_COLUMNS.index("direction")
    for review_id, reading in zip(corpus.review_ids, _body_readings(corpus, top)):
        # Rows come strongest first, so each direction's first `top` are its `top` strongest.
        shown = Counter()
        for row in reading.evidence:
            direction = row[direction_at]
            shown[direction] += 1
            if shown[direction] <= top:
                rows.append((review_id, *row))
    return evidence_table(
        rows, ["review_id", *EVIDENCE_COLUMNS, "sentence_index", "sentence"]
    ).astype({"sentence_index": "int64"})


@once_per_corpus
def review_signals(corpus: Corpus) -> pd.DataFrame:
    """The prose verdict signals of every review body (see :func:`analysis.signals.find_signals`;
    none in the film's title), read with the other ratings of each review (:func:`_rating_reads`)."""
    return _rating_reads(corpus).signals


@checks(corpus=CORPUS)
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
    ids = corpus.review_ids
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
