"""Benchmark the vocabulary pipeline against the common NLTK way on the polarity reviews.

Both pipelines tokenize every review, count terms per review and score each review's terms
against the other reviews pooled with log-likelihood G²:

* **ours**: :func:`analysis.tokenization.word_tokens` (one compiled regular expression),
  ``collections.Counter``, and :func:`analysis.keyness.log_likelihood_keyness` (vectorised over
  a sparse document-term matrix);
* **common**: ``nltk.word_tokenize(text, preserve_line=True)`` — the Treebank tokenizer that
  ``word_tokenize`` runs on each sentence; without ``preserve_line`` it needs the punkt data,
  which cannot be downloaded here — then ``nltk.FreqDist``, then G² term by term in Python.

Printed per pipeline: tokens, median seconds over ``--repeats`` runs (the two pipelines
alternate, so a busy machine slows both alike), tokens per second, peak
memory of one run (tracemalloc, which slows both alike and so is measured in a separate run),
speed ratio, and the share of the common way's tokens that our counts reproduce
(sum over reviews and terms of min(count_ours, count_common) / common tokens). The token types
that differ most are listed after the table.

Usage: ``python scripts/benchmark_vocabulary.py [FOLDER] [--repeats N]``; FOLDER defaults to
``../shared/datasets/movie-review-polarity-dev`` beside the project.
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
import tracemalloc
from collections import Counter
from itertools import chain
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.keyness import log_likelihood_keyness
from analysis.paths import PROJECT_ROOT
from analysis.tokenization import word_tokens

DEFAULT_FOLDER = PROJECT_ROOT.parent / "shared" / "datasets" / "movie-review-polarity-dev"


def read_reviews(folder: Path) -> dict[str, str]:
    files = sorted(folder.glob("*/*.txt"))
    if not files:
        raise SystemExit(f"error: {folder}: no */*.txt review files")
    return {f"{path.parent.name}/{path.name}": path.read_text(encoding="utf-8") for path in files}


def ours(texts: dict[str, str]) -> tuple[dict[str, Counter], pd.DataFrame]:
    counts = {name: Counter(word_tokens(text)) for name, text in texts.items()}
    tidy = pd.DataFrame(
        {
            "document": np.repeat(list(counts), [len(counter) for counter in counts.values()]),
            "term": list(chain.from_iterable(counts.values())),
            "count": np.fromiter(chain.from_iterable(c.values() for c in counts.values()), dtype=np.int64),
        }
    )
    return counts, log_likelihood_keyness(tidy, document="document")


def _g2(a: int, b: int, n1: int, n2: int) -> float:
    e1 = n1 * (a + b) / (n1 + n2)
    e2 = n2 * (a + b) / (n1 + n2)
    return 2 * (a * math.log(a / e1) + (b * math.log(b / e2) if b else 0.0))


def common(texts: dict[str, str]) -> tuple[dict[str, Counter], list[tuple[str, str, float]]]:
    from nltk import FreqDist, word_tokenize

    counts = {name: FreqDist(word_tokenize(text, preserve_line=True)) for name, text in texts.items()}
    pooled = FreqDist()
    for fd in counts.values():
        pooled.update(fd)
    total = pooled.N()
    scores = []
    for name, fd in counts.items():
        n1 = fd.N()
        for term, a in fd.items():
            scores.append((name, term, _g2(a, pooled[term] - a, n1, total - n1)))
    return counts, scores


def timed(functions, texts, repeats: int) -> list[tuple[float, object]]:
    """Median seconds and last result of each function; runs alternate so both see the same load."""
    seconds = [[] for _ in functions]
    results = [None] * len(functions)
    for _ in range(repeats):
        for index, function in enumerate(functions):
            start = time.perf_counter()
            results[index] = function(texts)
            seconds[index].append(time.perf_counter() - start)
    return [(statistics.median(times), result) for times, result in zip(seconds, results)]


def peak_megabytes(function, texts) -> float:
    tracemalloc.start()
    function(texts)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def agreement(ours_counts: dict[str, Counter], common_counts: dict[str, Counter]) -> tuple[float, Counter, Counter]:
    matched = 0
    only_ours, only_common = Counter(), Counter()
    for name, theirs in common_counts.items():
        mine = ours_counts[name]
        matched += sum((mine & theirs).values())
        only_ours.update(mine - theirs)
        only_common.update(theirs - mine)
    return matched / sum(sum(c.values()) for c in common_counts.values()), only_ours, only_common


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    texts = read_reviews(args.folder)
    print(f"{len(texts)} reviews in {args.folder}; median of {args.repeats} runs; "
          "tokenize + count + G² keyness of each review against the rest", file=sys.stderr)
    ours(dict(list(texts.items())[:5]))  # warm-up: imports and compiled patterns
    common(dict(list(texts.items())[:5]))
    (seconds_ours, (counts_ours, _)), (seconds_common, (counts_common, _)) = timed([ours, common], texts, args.repeats)
    share, only_ours, only_common = agreement(counts_ours, counts_common)
    rows = []
    for name, seconds, counts, function in (
        ("ours: word_tokens + Counter + vectorised G²", seconds_ours, counts_ours, ours),
        ("common: word_tokenize(preserve_line) + FreqDist + G² loop", seconds_common, counts_common, common),
    ):
        tokens = sum(sum(c.values()) for c in counts.values())
        rows.append({"pipeline": name, "tokens": tokens, "seconds": round(seconds, 3),
                     "tokens_per_second": round(tokens / seconds), "peak_mb": round(peak_megabytes(function, texts), 1)})
    table = pd.DataFrame(rows)
    table["speed_ratio"] = (table["tokens_per_second"] / table["tokens_per_second"].iloc[1]).round(2)
    print(table.to_string(index=False))
    print(f"\ntoken agreement with the common way: {share:.2%} of its tokens")
    print("most frequent tokens only we produce:", only_ours.most_common(8))
    print("most frequent tokens only the common way produces:", only_common.most_common(8))
    return 0


if __name__ == "__main__":
    sys.exit(main())
