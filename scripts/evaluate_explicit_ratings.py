"""Which explicit ratings does the parser find in reviews that print none?

Usage: python scripts/evaluate_explicit_ratings.py [--datasets DIR] [--per-label N] [--all] [--rejected]

Reads the development half of Pang & Lee's polarity data set v2.0 (700 negative and 700 positive
reviews; ``--per-label N`` reads the first N of each) as two plain corpus folders and runs the
corpus-level extraction of :mod:`analysis.ratings` on them: every rating in the rating, header
and body segments, and the one chosen as each review's overall rating. The data set's explicit
ratings were removed when it was made, so nearly every rating found is a candidate mistake: the
script prints each overall rating (``--all``: every rating found) with its review, label, line
number and line, then a count by polarity, for a reader to audit by hand. ``--rejected`` also
prints every rating form the parser found in a review body and threw away, with its reason
(:func:`analysis.rating_parser.rejected_ratings`), to audit what the rules cost.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

import pandas as pd

from analysis.corpus import load_corpus
from analysis.paths import PROJECT_ROOT
from analysis.rating_parser import rejected_ratings
from analysis.ratings import explicit_rating_table, overall_explicit_ratings

DEFAULT_DATASETS = PROJECT_ROOT.parent / "shared" / "datasets"
LABELS = ("neg", "pos")


def _line_of(raw: str, start: int, end: int) -> tuple[int, str]:
    """The 1-based number and the stripped text of the line holding [start, end) of `raw`."""
    line_start = raw.rfind("\n", 0, start) + 1
    line_end = raw.find("\n", end)
    return raw.count("\n", 0, start) + 1, raw[line_start : line_end if line_end >= 0 else len(raw)].strip()


def _rejected(folder: Path, label: str, per_label: int | None) -> list[str]:
    """One printed line per rating form thrown away in the bodies of one label's reviews."""
    corpus = load_corpus(folder)
    lines = []
    for review in corpus.reviews[:per_label]:
        for segment in review.segments_labelled("body"):
            for rating, reason in rejected_ratings(segment.text, scales=corpus.rating_scales):
                number, context = _line_of(review.raw, segment.start + rating.start, segment.start + rating.end)
                lines.append(f"- {label} {review.id} line {number} {rating.text!r} ({reason}) | {context}")
    return lines


def _found(folder: Path, label: str, per_label: int | None) -> tuple[pd.DataFrame, int]:
    """Every explicit rating in one label's reviews, each with its line, and the number of reviews."""
    files = sorted(folder.glob("*.txt"))[:per_label]
    with tempfile.TemporaryDirectory() as scratch:
        # A subset is its own corpus folder; the whole folder is read in place.
        if per_label is not None:
            for path in files:
                shutil.copy(path, scratch)
        corpus = load_corpus(scratch if per_label is not None else folder)
        table = explicit_rating_table(corpus)
        overall = overall_explicit_ratings(table)
        raws = {review.id: review.raw for review in corpus.reviews}
    chosen = set(zip(overall["review_id"], overall["start"]))
    rows = []
    for row in table.itertuples(index=False):
        number, context = _line_of(raws[row.review_id], row.start, row.end)
        rows.append(
            {
                "label": label,
                "review_id": row.review_id,
                "line": number,
                "segment": row.segment,
                "text": row.text,
                "value": row.value,
                "scale": row.scale,
                "overall": (row.review_id, row.start) in chosen,
                "context": context,
            }
        )
    return pd.DataFrame(rows, columns=["label", "review_id", "line", "segment", "text", "value", "scale",
                                       "overall", "context"]), len(files)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", type=Path, default=DEFAULT_DATASETS)
    parser.add_argument("--per-label", type=int, default=None, metavar="N",
                        help="read the first N reviews of each label (default: all 700)")
    parser.add_argument("--all", action="store_true", help="print every rating found, not only the overall ones")
    parser.add_argument("--rejected", action="store_true", help="also print the rating forms thrown away, with why")
    args = parser.parse_args(argv)
    folder = args.datasets / "movie-review-polarity-dev"
    if not folder.is_dir():
        parser.error(f"--datasets: no folder {folder}")
    if args.per_label is not None and args.per_label < 1:
        parser.error(f"--per-label must be at least 1, got {args.per_label}")
    tables, sizes = [], {}
    for label in LABELS:
        table, sizes[label] = _found(folder / label, label, args.per_label)
        tables.append(table)
    found = pd.concat(tables, ignore_index=True)
    shown = found if args.all else found[found["overall"]]
    for row in shown.itertuples(index=False):
        mark = "*" if row.overall else " "
        print(f"{mark} {row.label} {row.review_id} line {row.line} [{row.segment}] {row.text!r} "
              f"= {row.value:g}/{row.scale:g} | {row.context}")
    if args.rejected:
        print()
        for label in LABELS:
            print("\n".join(_rejected(folder / label, label, args.per_label)))
    print()
    print("label  reviews  ratings found  reviews with an overall rating")
    for label in LABELS:
        of_label = found[found["label"] == label]
        print(f"{label:<5}  {sizes[label]:>7}  {len(of_label):>13}  {int(of_label['overall'].sum()):>30}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
