"""The ``sentences`` command: labels for sentences given one per line, streamed in batches."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from analysis.judgements import judge_sentences
from analysis.reports import Report, plain_records
from analysis.text import normalise

BATCH_LINES = 1000


def sentence_reports(lines: Iterable[str], *, batch: int = BATCH_LINES) -> Iterator[Report]:
    """One :class:`Report` per batch of non-blank input lines, read lazily.

    Blank lines carry no sentence and are skipped (a line of zero-width spaces is blank, as
    :func:`analysis.text.normalise` reads it); ``line`` keeps the 1-based line number in
    the input. Each record is a row of :func:`analysis.judgements.judge_sentences`' table with
    ``line`` first.
    """
    numbered: list[tuple[int, str]] = []
    for number, line in enumerate(lines, start=1):
        if normalise(line).strip():
            numbered.append((number, line.strip()))
        if len(numbered) == batch:
            yield _report(numbered)
            numbered = []
    if numbered:
        yield _report(numbered)


def _report(numbered: list[tuple[int, str]]) -> Report:
    labels = judge_sentences([text for _, text in numbered])
    labels.insert(0, "line", [number for number, _ in numbered])
    return Report({"Sentence labels": labels}, plain_records(labels))
