"""Draw (review, sentence, target) pairs to label for the mention-judgement set, without verdicts.

Usage: python scripts/draw_mention_pairs.py --datasets DIR --film NAME [--per-review N] REVIEW...

Each REVIEW is ``polarity/<pos|neg>/<file>`` of the development half of the polarity data set
v2.0; NAME a film of ``tests/data/mention-judgements/films/``. The mentions the rules of
:func:`analysis.targets.find_mentions` find in a review are drawn at random, N per review (all
where it has fewer), seeded "20131218-<review>" as for the set's earlier pairs. The output is a
CSV of ``review, start, end, target`` and the sentence, for labelling by GUIDELINE.md: it shows
no verdict of the mention rules, so the labels are made from the sentence alone. The sentence
column is for the labeller and is not stored in the set.
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import sys
from pathlib import Path

import pandas as pd

from analysis.targets import find_mentions

SCRIPT = Path(__file__).with_name("evaluate_mentions.py")


def _evaluate():
    spec = importlib.util.spec_from_file_location("evaluate_mentions", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def draw(review: str, film_name: str, datasets: Path, per_review: int) -> pd.DataFrame:
    """N seeded pairs of one review's mentions: ``review``, ``start``, ``end``, ``target``, ``sentence``."""
    evaluate = _evaluate()
    sentences = evaluate.review_sentences(review, datasets)
    mentions = find_mentions(sentences, evaluate.film_of(film_name))
    pairs = (
        mentions[["sentence_index", "target"]]
        .drop_duplicates()
        .merge(sentences[["sentence_index", "start", "end", "text"]], on="sentence_index")
        .sort_values(["start", "target"], kind="stable")
    )
    rows = list(pairs[["start", "end", "target", "text"]].itertuples(index=False, name=None))
    chosen = rows if len(rows) <= per_review else random.Random(f"20131218-{review}").sample(rows, per_review)
    chosen = sorted(chosen, key=lambda row: (row[0], row[2]))
    return pd.DataFrame([(review, *row) for row in chosen], columns=["review", "start", "end", "target", "sentence"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", type=Path, required=True)
    parser.add_argument("--film", required=True)
    parser.add_argument("--per-review", type=int, default=10)
    parser.add_argument("reviews", nargs="+")
    args = parser.parse_args(argv)
    table = pd.concat([draw(review, args.film, args.datasets, args.per_review) for review in args.reviews], ignore_index=True)
    table.to_csv(sys.stdout, index=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
