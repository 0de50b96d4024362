"""Compare analysis.sentence_boundaries with NLTK's PunktSentenceTokenizer, line by line.

Every line of every given file (normalised, as analysis.tokenization.split_sentences sees it)
is split by both; the script prints how many lines were compared and how many differ, with the
first few differences.

Usage::

    .venv/bin/python scripts/compare_sentence_splitter.py FILE_OR_GLOB [...]

For example, on the development data beside the project::

    .venv/bin/python scripts/compare_sentence_splitter.py \\
        '../shared/datasets/movie-review-polarity-dev/*/*.txt' \\
        '../shared/datasets/sentence-polarity-dev/rt-polarity.*' \\
        '../shared/datasets/subjectivity-dev/*.5000' 'corpus/*.txt'
"""

from __future__ import annotations

import glob
import sys

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from analysis.resources import word_list
from analysis.sentence_boundaries import sentence_spans
from analysis.text import normalise

SHOWN_DIFFERENCES = 5


def main(patterns: list[str]) -> int:
    abbreviations = word_list("abbreviations-en.txt")
    parameters = PunktParameters()
    parameters.abbrev_types = set(abbreviations)
    punkt = PunktSentenceTokenizer(parameters)
    files = sorted({path for pattern in patterns for path in glob.glob(pattern)})
    if not files:
        print(f"error: no file matches {' '.join(patterns)}", file=sys.stderr)
        return 2
    lines = differences = 0
    for path in files:
        with open(path, encoding="utf-8", errors="replace") as handle:
            text = normalise(handle.read())
        for line in text.splitlines(keepends=True):
            lines += 1
            expected, found = list(punkt.span_tokenize(line)), sentence_spans(line, abbreviations)
            if expected != found:
                differences += 1
                if differences <= SHOWN_DIFFERENCES:
                    print(f"{path}: {line[:120]!r}\n  NLTK {expected}\n  ours {found}")
    print(f"{len(files)} files, {lines} lines, {differences} lines split differently")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
