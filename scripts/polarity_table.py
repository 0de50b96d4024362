"""Write reviews of the polarity data set as one table file, a review per row (Parquet or CSV).

The development reviews (``../shared/datasets/movie-review-polarity-dev/{neg,pos}/*.txt``) are
taken neg and pos interleaved in sorted order (neg0, pos0, neg1, ...), the first ``--reviews``
of them, as rows with ``review_id`` (``neg-cv000_29416``), ``label`` and ``text``. The table is
the input of the Dask examples and of ``scripts/benchmark_dask.py``::

    .venv/bin/python scripts/polarity_table.py reviews.parquet --reviews 200
    .venv/bin/python -m analysis aspects reviews.parquet --json > here.json
    .venv/bin/python -m analysis aspects reviews.parquet --json --dask local > cluster.json

A missing data set or an unknown suffix gets one line on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATASET = PROJECT_ROOT.parent / "shared" / "datasets" / "movie-review-polarity-dev"
LABELS = ("neg", "pos")


def polarity_reviews(dataset: Path, count: int | None = None) -> pd.DataFrame:
    """The first `count` reviews of `dataset` (all without it), labels interleaved: ``review_id``, ``label``, ``text``."""
    by_label = [sorted((dataset / label).glob("*.txt")) for label in LABELS]
    interleaved = [path for pair in zip(*by_label) for path in pair][:count]
    return pd.DataFrame(
        {
            "review_id": [f"{path.parent.name}-{path.stem}" for path in interleaved],
            "label": [path.parent.name for path in interleaved],
            "text": [path.read_text(encoding="utf-8") for path in interleaved],
        }
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path, help="a .parquet or .csv file to write")
    parser.add_argument("--reviews", type=int, default=None, help="how many reviews (default: all)")
    parser.add_argument("--dataset", type=Path, default=DEFAULT_DATASET, help="the data set folder (default: %(default)s)")
    args = parser.parse_args(argv)
    if not all((args.dataset / label).is_dir() for label in LABELS):
        print(f"error: {args.dataset}: no neg/ and pos/ folders of the polarity data set", file=sys.stderr)
        return 2
    table = polarity_reviews(args.dataset, args.reviews)
    if args.output.suffix == ".parquet":
        table.to_parquet(args.output, index=False)
    elif args.output.suffix == ".csv":
        table.to_csv(args.output, index=False)
    else:
        print(f"error: {args.output}: write a .parquet or .csv file", file=sys.stderr)
        return 2
    print(f"{len(table)} reviews written to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
