"""The sentiment arc: how a review's judgement moves from its first sentence to its last.

:func:`sentiment_arc` follows the judgement sentence by sentence: each body sentence's
``judgement = evaluative_probability x polarity_score`` (from
:func:`analysis.judgements.judge_sentences`), so plot summary counts for little, smoothed by a
centred moving average over about a fifth of the review (:data:`ARC_FRACTION`; an odd number of
sentences, at least 3), so that a long review and a short one are smoothed alike.
:func:`arc_turns` names the sentence where the smoothed judgement peaks, where it is lowest, and
where it falls most steeply, each with the sentence that drives it.
"""

from __future__ import annotations

import pandas as pd

from analysis.corpus import Corpus, once_per_corpus
from analysis.judgements import judge_sentences
from analysis.tables import checks
from analysis.tokenization import is_heading

ARC_FRACTION = 0.2


def arc_window(sentences: int, *, fraction: float = ARC_FRACTION) -> int:
    """The moving-average window for a review of `sentences` sentences: odd, at least 3.

    >>> [arc_window(n) for n in (12, 18, 23, 118)]
    [3, 5, 5, 25]
    """
    return max(3, 2 * round(fraction * sentences / 2) + 1)


@once_per_corpus
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
        ``polarity_score``, ``label`` (from :func:`analysis.judgements.judge_sentences`),
        ``judgement`` (evaluative probability x polarity score, -1..1), ``window`` (sentences
        averaged) and ``smoothed_judgement``.
    """
    if isinstance(fraction, bool) or not isinstance(fraction, (int, float)) or not 0 < fraction <= 1:
        raise ValueError(f"fraction must be a number in (0, 1]; got {fraction!r}")
    sentences = corpus.sentences[["review_id", "sentence_index", "text"]]
    # A section heading names a topic; scored as a sentence it would read as a verdict.
    sentences = sentences[~sentences["text"].map(is_heading)].reset_index(drop=True)
    labels = judge_sentences(sentences["text"].tolist())
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


@checks(arc=["review_id", "sentence_index", "position", "text", "judgement", "smoothed_judgement"])
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
        Three rows per review with a judged sentence (``point`` = "peak", "lowest", "steepest
        fall"): ``review_id``, ``point``, ``sentence_index``, ``position``,
        ``smoothed_judgement``, ``change`` (from the previous sentence), ``driver_index``,
        ``driver_judgement``, ``driver_text``. Ties go to the earlier sentence.
    """
    rows = []
    for review_id, group in arc.groupby("review_id", sort=True):
        if group["smoothed_judgement"].isna().all():
            continue  # no sentence with a word ("!!!", "***"): nothing judged, no turn to name
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
