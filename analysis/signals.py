"""Verdict signals in a review's prose: superlatives, verdict labels, recommendations, hedges.

Method
------
A critic's verdict shows in the prose as well as in any printed rating. Five kinds of cue are
looked for, one sentence at a time:

* ``superlative`` — superlatives and placements ("the best film of the past year", "one of the
  most memorable films of the 21st century", "a career-best performance");
* ``verdict_label`` — a one-word verdict ("masterpiece", "must-watch", "a cracker");
* ``recommendation`` — advice to the reader ("I highly recommend", "essential viewing",
  "skip it");
* ``reservation`` — hedges and reservations ("not without its challenges", "can feel slow at
  times", "some viewers may find"), after Hyland's (2005) hedges and Martin & White's (2005)
  graduation;
* ``negated_negative`` — a negated criticism that works as praise ("I wasn't disappointed",
  "never once hinder the story").

The cues are regular expressions with hand-set weights from -1 to +1 in
``data/verdict-cues.yaml`` (its header documents the scale and the sources). They are matched
against the normalised, lower-cased sentence between word boundaries. Where cues overlap the
longest wins (then the earliest), so "not without its challenges" is one reservation, not a
negated something. A negator within the three words before a cue of another kind, in the same
clause, reverses and halves its weight ("not the best film ever" -> a superlative with weight
-0.45, ``negated`` True): a denied superlative is a mild criticism, not a damning one.

A superlative's or comparison's sign comes from its head word (a ``(?P<head>...)`` group in
the cue): "one of the most idiotic movies of all time" is -0.9, not +0.9, and a comparison that
praises another film at this one's expense ("makes id4 look like a masterpiece") is -0.8. A
genre word is no verdict ("a disaster movie", :mod:`analysis.genres`).

The weights describe and order the signals for reading; they are not a model and the inferred
rating never reads them. The praise-target analysis reads them, with the *judgement cues* of
``data/judgement-cues.yaml`` (:func:`judgement_cues`, words that judge a performance or craft),
to judge each mention (:func:`analysis.mention_verdicts.mention_verdict`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import NamedTuple

import ahocorasick
import pandas as pd

from analysis.film import without_title
from analysis.genres import genre_spans
from analysis.regex_literals import literal_screen
from analysis.resources import read_yaml
from analysis.tables import checks
from analysis.text import normalise
from analysis.tokenization import split_sentences

SIGNAL_KINDS = ("superlative", "verdict_label", "recommendation", "reservation", "negated_negative")
SIGNAL_COLUMNS = [
    "review_id",
    "sentence_index",
    "sentence",
    "kind",
    "span_text",
    "start",
    "end",
    "weight",
    "negated",
    "cue",
]
_NEGATION_WINDOW = 3


class _Cue(NamedTuple):
    kind: str
    pattern: str
    weight: float
    regex: re.Pattern


def _cue_data() -> dict:
    return read_yaml("verdict-cues.yaml")


def _alternation(words: Iterable[str]) -> str:
    return "(?:" + "|".join(sorted((str(word) for word in words), key=len, reverse=True)) + ")"


_BEFORE_CUE = r"(?<![\w-])"
_AFTER_CUE = r"(?![\w-])"


def _expanded(pattern: str) -> str:
    data = _cue_data()
    placeholders = {
        "{negator}": _alternation(data["negators"]),
        "{filler}": _alternation(re.escape(str(word)) for word in data["fillers"]),
        "{negative}": _alternation(re.escape(str(word)) for word in data["negatives"]),
        "{not_superlative}": _alternation(re.escape(str(word)) for word in data["not_superlatives"]),
    }
    for placeholder, expansion in placeholders.items():
        pattern = pattern.replace(placeholder, expansion)
    return pattern


@cache
def _cues() -> tuple[_Cue, ...]:
    data = _cue_data()
    return tuple(
        _Cue(kind, pattern, float(weight), re.compile(rf"{_BEFORE_CUE}(?:{_expanded(pattern)}){_AFTER_CUE}"))
        for kind in SIGNAL_KINDS
        for pattern, weight in data["kinds"][kind].items()
    )


@cache
def _cue_screen() -> tuple[ahocorasick.Automaton | None, list[int]]:
    """One automaton over the literal texts that every match of each cue contains
    (:func:`analysis.regex_literals.literal_screen`), each naming the cues (by order) that need
    it, and the cues with no such text: a sentence is searched only for the cues whose text it
    holds and those, and most hold none."""
    return literal_screen(enumerate(cue.regex.pattern for cue in _cues()))


def _possible_cues(lowered: str) -> list[int]:
    """The orders of the cues that may match the lower-cased sentence, in order."""
    automaton, unscreened = _cue_screen()
    found = set(unscreened)
    for _, orders in automaton.iter(lowered) if automaton else ():
        found |= orders
    return sorted(found)


@cache
def _negator() -> re.Pattern:
    # "not only" / "not just" introduce more praise, not a denial; "nothing short of", "no less
    # than" make what follows stronger (litotes of degree, not of sense).
    return re.compile(rf"(?<![\w']){_alternation(_cue_data()['negators'])}(?![\w'])(?! only| just| short of| less than)")


@cache
def _vader_valence() -> dict[str, float]:
    # Imported here: vaderSentiment reads its lexicon file when the analyser is built.
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer().lexicon


@checks(word=str)
def head_polarity(word: str) -> int:
    """-1 for a negative head word (the cue list's ``negatives`` or negative VADER valence), else 1.

    >>> head_polarity("idiotic"), head_polarity("memorable"), head_polarity("boring")
    (-1, 1, -1)
    """
    word = word.lower()
    if word in _cue_data()["negatives"] or _vader_valence().get(word, 0.0) < 0:
        return -1
    return 1


@cache
def _judgement_regexes() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    # The cues by polarity, the foils of comparisons (a marker up to the next punctuation), and
    # the phrases in which a cue word has another sense.
    data = read_yaml("judgement-cues.yaml")
    def phrases(words) -> str:
        return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(map(str, words), key=lambda w: (-len(w), w)))

    groups = "|".join(f"(?P<{polarity}>{phrases(data[polarity])})" for polarity in ("positive", "negative"))
    return (re.compile(rf"{_BEFORE_CUE}(?:{groups}){_AFTER_CUE}"),
            re.compile(rf"{_BEFORE_CUE}(?:{phrases(data['comparison_foils'])}){_AFTER_CUE}[^,;:.!?()]*"),
            re.compile(rf"{_BEFORE_CUE}(?:{phrases(data['other_senses'])}){_AFTER_CUE}"))


@checks(text=str)
def judgement_cues(text: str) -> list[dict]:
    """The words in `text` that judge a performance or craft (``data/judgement-cues.yaml``).

    Returns
    -------
    list of dict
        Keys ``span_text``, ``start``, ``end``, ``polarity`` (+1 or -1, reversed when a negator
        stands within three words before, in the same clause, or when the cue is in the foil of a
        comparison: "nothing compared to Woods' hilarious Hades") and ``negated``; in order. A
        word of a genre phrase ("a good-natured comedy") or in another sense ("the original
        film", "his best friend") is no cue.

    >>> [(c["span_text"], c["polarity"]) for c in judgement_cues("The script is thin, but the visuals are stunning.")]
    [('thin', -1), ('stunning', 1)]
    >>> [(c["span_text"], c["polarity"]) for c in judgement_cues("The animation isn't as rich as it could be.")]
    [('rich', -1)]
    >>> [(c["span_text"], c["polarity"]) for c in judgement_cues("Unlike the dull first film, it is great.")]
    [('dull', 1), ('great', 1)]
    """
    lowered = _lower(normalise(text))
    cue_regex, foil_regex, other_sense_regex = _judgement_regexes()
    no_cue = genre_spans(lowered) + [match.span() for match in other_sense_regex.finditer(lowered)]
    foils = [match.span() for match in foil_regex.finditer(lowered)]
    found = []
    for match in cue_regex.finditer(lowered):
        if any(match.start() < end and start < match.end() for start, end in no_cue):
            continue
        negated = _is_negated(lowered, match.start())
        reversed_ = negated != any(start <= match.start() < end for start, end in foils)
        found.append({"span_text": text[match.start() : match.end()], "start": match.start(), "end": match.end(),
                      "polarity": (1 if match.group("positive") else -1) * (-1 if reversed_ else 1), "negated": negated})
    return found


def verdict_cues() -> pd.DataFrame:
    """The cue list, as shipped in ``data/verdict-cues.yaml``.

    Returns
    -------
    pandas.DataFrame
        One row per cue: ``kind``, ``pattern`` (a regular expression before placeholder
        expansion), ``weight`` (-1 to +1).
    """
    return pd.DataFrame(
        [(cue.kind, cue.pattern, cue.weight) for cue in _cues()], columns=["kind", "pattern", "weight"]
    )


def _lower(text: str) -> str:
    # Offsets in the lower-cased text must stay offsets in the original: a character whose lower
    # case is longer ("İ") is kept as it is. Lower-casing never shortens a character, so equal
    # lengths mean every character mapped to one.
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(char.lower() if len(char.lower()) == 1 else char for char in text)


def _is_negated(lowered: str, start: int) -> bool:
    clause = re.split(r"[,;:.!?()\u2013\u2014]", lowered[:start])[-1]
    window = " ".join(re.findall(r"[\w'-]+", clause)[-_NEGATION_WINDOW:])
    return _negator().search(window) is not None


@checks(sentence=str)
def sentence_signals(sentence: str, *, title: str | None = None) -> list[dict]:
    """The verdict signals in one sentence, in order; none in the film's `title`
    (:func:`analysis.film.without_title`: "The Worst Person in the World" is no superlative).

    Returns
    -------
    list of dict
        Keys ``kind, span_text, start, end, weight, negated, cue``; spans index `sentence`.

    Examples
    --------
    >>> [(s["kind"], s["span_text"], s["weight"]) for s in sentence_signals("I wasn't disappointed.")]
    [('negated_negative', "wasn't disappointed", 0.6)]
    """
    lowered = _lower(without_title(normalise(sentence), title))
    cues = _cues()
    found = []
    for order in _possible_cues(lowered):
        cue = cues[order]
        for match in cue.regex.finditer(lowered):
            head = match.groupdict().get("head")
            found.append((match.start(), match.end(), order, cue._replace(weight=cue.weight * head_polarity(head)) if head else cue))
    if not found:
        return []
    found.sort(key=lambda item: (-(item[1] - item[0]), item[0], item[2]))
    # A genre word is no verdict: "a disaster movie" is a kind of film.
    kept: list[tuple[int, int, int, _Cue]] = [(start, end, -1, None) for start, end in genre_spans(lowered)]
    for item in found:
        if all(item[1] <= other[0] or item[0] >= other[1] for other in kept):
            kept.append(item)
    signals = []
    for start, end, _, cue in sorted(kept, key=lambda item: item[0]):
        if cue is None:
            continue
        negated = cue.kind != "negated_negative" and _is_negated(lowered, start)
        signals.append(
            {
                "kind": cue.kind,
                "span_text": sentence[start:end],
                "start": start,
                "end": end,
                "weight": -0.5 * cue.weight if negated else cue.weight,
                "negated": negated,
                "cue": cue.pattern,
            }
        )
    return signals


@checks(sentences=["review_id", "sentence_index", "text"])
def find_signals(sentences: pd.DataFrame, *, title: str | None = None) -> pd.DataFrame:
    """Verdict signals in a table of sentences.

    Parameters
    ----------
    sentences : pandas.DataFrame
        Columns ``review_id``, ``sentence_index``, ``text`` (as from
        :func:`analysis.corpus.sentence_table`).
    title : str, optional
        The reviewed film's title, which holds no signal (:func:`sentence_signals`).

    Returns
    -------
    pandas.DataFrame
        One row per signal: ``review_id``, ``sentence_index``, ``sentence`` (its text), ``kind``,
        ``span_text``, ``start`` and ``end`` (offsets of the span in the sentence), ``weight``
        (after negation), ``negated``, ``cue`` (the pattern that matched). Ordered by review,
        sentence and position.
    """
    rows = [
        {"review_id": review_id, "sentence_index": index, "sentence": text, **signal}
        for review_id, index, text in sentences[["review_id", "sentence_index", "text"]].itertuples(
            index=False, name=None
        )
        for signal in sentence_signals(text, title=title)
    ]
    table = pd.DataFrame(rows, columns=SIGNAL_COLUMNS)
    return table.astype({"sentence_index": "int64", "start": "int64", "end": "int64", "weight": "float64", "negated": "bool"})


@checks(text=str)
def text_signals(text: str, *, review_id: str = "", title: str | None = None) -> pd.DataFrame:
    """Verdict signals in a plain text, split into sentences by :func:`split_sentences`; none in
    the film's `title`.

    Returns
    -------
    pandas.DataFrame
        As :func:`find_signals`.
    """
    sentences = pd.DataFrame(
        [(review_id, index, sentence.text) for index, sentence in enumerate(split_sentences(text))],
        columns=["review_id", "sentence_index", "text"],
    )
    return find_signals(sentences, title=title)


@checks(signals=["review_id", "kind", "weight"])
def signal_summary(signals: pd.DataFrame, *, review_ids: Iterable[str] | None = None) -> pd.DataFrame:
    """Count and total weight of each kind of signal per review, zeros included.

    Parameters
    ----------
    signals : pandas.DataFrame
        As returned by :func:`find_signals`.
    review_ids : iterable of str, optional
        Every review to report, so a review without signals still gets its rows of zeros.

    Returns
    -------
    pandas.DataFrame
        One row per (review, kind): ``review_id``, ``kind`` (in :data:`SIGNAL_KINDS` order),
        ``signals`` (count), ``total_weight``, ``positive`` and ``negative`` (counts by sign).
    """
    ids = list(dict.fromkeys(review_ids if review_ids is not None else signals["review_id"]))
    grid = pd.MultiIndex.from_product([ids, SIGNAL_KINDS], names=["review_id", "kind"])
    grouped = signals.assign(
        positive=signals["weight"] > 0, negative=signals["weight"] < 0
    ).groupby(["review_id", "kind"])
    summary = pd.DataFrame(
        {
            "signals": grouped.size(),
            "total_weight": grouped["weight"].sum(),
            "positive": grouped["positive"].sum(),
            "negative": grouped["negative"].sum(),
        }
    ).reindex(grid, fill_value=0)
    return summary.reset_index().astype(
        {"signals": "int64", "total_weight": "float64", "positive": "int64", "negative": "int64"}
    )
