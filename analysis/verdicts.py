"""Verdicts from judged mentions: per review and target, and across the reviews per target.

Counting. ``mentions`` is the number of sentences that mention the target; ``praise`` and
``criticism`` count those labelled so (the classifier labels plot summary ``neutral`` whatever
its tone). ``net_judgement = (praise - criticism) / mentions`` lies in [-1, 1]. The verdict is ``praise``
when at least three quarters of the judged sentences praise, ``criticism`` when at least three
quarters criticise, ``mixed`` in between, and ``neutral`` when no sentence judges the target.

Consensus and dissent, per target across the reviews that mention it: ``consensus praise`` (every
review that judges it praises it, and at least two do), ``consensus criticism``, ``split`` (the
verdicts differ), ``one review`` (only one review judges it) and ``unjudged``.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from analysis.tables import checks

VERDICT_MAJORITY = 0.75
VERDICTS = ("praise", "mixed", "neutral", "criticism")
AGREEMENTS = ("consensus praise", "split", "consensus criticism", "one review", "unjudged")
TABLE_COLUMNS = [
    "review_id", "target", "target_kind", "mentions", "praise", "criticism", "neutral",
    "net_judgement", "praise_share", "verdict",
]
CONSENSUS_COLUMNS = [
    "target", "target_kind", "reviews_mentioning", "reviews_judging", "reviews_praise",
    "reviews_mixed", "reviews_criticism", "reviews_neutral", "reviews_silent",
    "net_mean", "net_spread", "agreement",
]


def verdict(praise: int, criticism: int) -> str:
    """Praise, criticism, mixed or neutral from the counts of judged sentences.

    >>> [verdict(3, 0), verdict(3, 1), verdict(1, 1), verdict(0, 2), verdict(0, 0)]
    ['praise', 'praise', 'mixed', 'criticism', 'neutral']
    """
    judged = praise + criticism
    if judged == 0:
        return "neutral"
    if praise / judged >= VERDICT_MAJORITY:
        return "praise"
    if criticism / judged >= VERDICT_MAJORITY:
        return "criticism"
    return "mixed"


@checks(evidence=["review_id", "target", "target_kind", "label"])
def praise_table(evidence: pd.DataFrame) -> pd.DataFrame:
    """Counts and verdict per review x target.

    Returns
    -------
    pandas.DataFrame
        One row per (review, mentioned target): ``review_id``, ``target``, ``target_kind``,
        ``mentions`` (sentences), ``praise``, ``criticism``, ``neutral``, ``net_judgement``
        ((praise - criticism) / mentions), ``praise_share`` (praise / (praise + criticism), None
        when nothing is judged) and ``verdict``. Sorted by review, then mentions (most first),
        then target.
    """
    labels: dict[tuple, list[str]] = {}
    for review_id, target, target_kind, label in zip(
        evidence["review_id"], evidence["target"], evidence["target_kind"], evidence["label"]
    ):
        labels.setdefault((review_id, target, target_kind), []).append(label)
    rows = []
    for (review_id, target, target_kind), group in sorted(labels.items(), key=lambda item: item[0]):
        praise, criticism = group.count("praise"), group.count("criticism")
        mentions = len(group)
        rows.append(
            {
                "review_id": review_id,
                "target": target,
                "target_kind": target_kind,
                "mentions": mentions,
                "praise": praise,
                "criticism": criticism,
                "neutral": mentions - praise - criticism,
                "net_judgement": (praise - criticism) / mentions,
                "praise_share": praise / (praise + criticism) if praise + criticism else None,
                "verdict": verdict(praise, criticism),
            }
        )
    table = pd.DataFrame(rows, columns=TABLE_COLUMNS)
    return table.sort_values(
        ["review_id", "mentions", "target"], ascending=[True, False, True], kind="mergesort"
    ).reset_index(drop=True)


@checks(table=["review_id", "target", "verdict"])
def verdict_matrix(table: pd.DataFrame, review_ids: Sequence[str]) -> pd.DataFrame:
    """Each review's verdict on each target: targets as rows in the table's order, one column per
    review of `review_ids`, blank where the review does not mention the target."""
    matrix = table.pivot(index="target", columns="review_id", values="verdict").reindex(
        index=list(dict.fromkeys(table["target"])), columns=list(review_ids)
    )
    # A review that names no target gives an all-missing float column; blanks need text columns.
    # Copied into one block: blanking leaves a block per column, and a frame of hundreds of
    # reviews' columns in pieces made pandas warn in the notebook where it was exported.
    return matrix.astype(object).where(matrix.notna(), "").copy()


@checks(table=["review_id", "target", "target_kind", "net_judgement", "verdict"])
def consensus(table: pd.DataFrame, review_ids: Sequence[str]) -> pd.DataFrame:
    """Where the critics agree and where they split, per target.

    Parameters
    ----------
    table : pandas.DataFrame
        :func:`praise_table`.
    review_ids : sequence of str
        Every review of the corpus, so that reviews silent on a target are counted.

    Returns
    -------
    pandas.DataFrame
        One row per target: ``target``, ``target_kind``, ``reviews_mentioning``,
        ``reviews_judging`` (verdict other than neutral), ``reviews_praise``, ``reviews_mixed``,
        ``reviews_criticism``, ``reviews_neutral``, ``reviews_silent``, ``net_mean`` and
        ``net_spread`` (mean and max - min of net_judgement over the reviews that mention it)
        and ``agreement`` (see the module docstring). Sorted by agreement in the order
        consensus praise, split, consensus criticism, one review, unjudged; then reviews
        mentioning (most first); then target.
    """
    rows = []
    for (target, target_kind), group in table.groupby(["target", "target_kind"], sort=True):
        verdicts = group["verdict"].value_counts()
        judged = group[group["verdict"] != "neutral"]
        distinct = set(judged["verdict"])
        if judged.empty:
            agreement = "unjudged"
        elif len(judged) == 1:
            agreement = "one review"
        elif distinct == {"praise"}:
            agreement = "consensus praise"
        elif distinct == {"criticism"}:
            agreement = "consensus criticism"
        else:
            agreement = "split"
        rows.append(
            {
                "target": target,
                "target_kind": target_kind,
                "reviews_mentioning": len(group),
                "reviews_judging": len(judged),
                **{f"reviews_{v}": int(verdicts.get(v, 0)) for v in ("praise", "mixed", "criticism", "neutral")},
                "reviews_silent": len(set(review_ids) - set(group["review_id"])),
                "net_mean": float(group["net_judgement"].mean()),
                "net_spread": float(group["net_judgement"].max() - group["net_judgement"].min()),
                "agreement": agreement,
            }
        )
    result = pd.DataFrame(rows, columns=CONSENSUS_COLUMNS)
    result["agreement_rank"] = result["agreement"].map(AGREEMENTS.index)
    result = result.sort_values(
        ["agreement_rank", "reviews_mentioning", "target"], ascending=[True, False, True], kind="mergesort"
    )
    return result.drop(columns="agreement_rank").reset_index(drop=True)


@checks(table=["target", "target_kind", "mentions"])
def most_mentioned(table: pd.DataFrame, *, target_kind: str = "person") -> list[str]:
    """Targets of `target_kind`, most mentioned first (ties by name); empty if there are none.

    Parameters
    ----------
    table : pandas.DataFrame
        :func:`praise_table`.
    target_kind : {"person", "aspect"}
    """
    of_kind = table[table["target_kind"] == target_kind]
    totals = of_kind.groupby("target", sort=True)["mentions"].sum().reset_index()
    ranked = totals.sort_values(["mentions", "target"], ascending=[False, True], kind="mergesort")
    return ranked["target"].tolist()
