"""The ``aspects`` command: who and what each critic praises or faults, with every evidence sentence."""

from __future__ import annotations

from analysis.corpus import Corpus
from analysis.praise import praise_analysis
from analysis.reports import Report, plain, records_by

EVIDENCE_FIELDS = (
    "sentence_index", "sentence", "scope", "label", "label_source", "kind", "praise_probability", "rule", "matched_text",
)


def praise_report(corpus: Corpus) -> Report:
    """The review x target table, consensus, and one record per review x target with evidence.

    Each record has ``review_id``, ``target``, ``target_kind``, ``mentions``, ``praise``,
    ``criticism``, ``neutral``, ``net_judgement``, ``verdict`` and ``evidence``: a list of
    ``{sentence_index, sentence, scope, label, label_source, kind, praise_probability, rule,
    matched_text}``.
    """
    tables = praise_analysis(corpus)
    evidence = tables["evidence"]
    evidence_by_target = records_by(evidence, ["review_id", "target"], EVIDENCE_FIELDS)
    records = [
        {
            "review_id": row.review_id,
            "target": row.target,
            "target_kind": row.target_kind,
            "mentions": int(row.mentions),
            "praise": int(row.praise),
            "criticism": int(row.criticism),
            "neutral": int(row.neutral),
            "net_judgement": plain(row.net_judgement),
            "verdict": row.verdict,
            "evidence": evidence_by_target.get((row.review_id, row.target), []),
        }
        for row in tables["table"].itertuples(index=False)
    ]
    shown_evidence = evidence[["review_id", "target", "sentence_index", "label", "label_source", "kind", "scope"]]
    return Report(
        {
            "Praise and criticism per review and target": tables["table"],
            "Consensus and dissent": tables["consensus"],
            "Evidence": shown_evidence,
        },
        records,
    )
