"""How close is the inferred rating to the rating a critic printed?

Usage: python scripts/evaluate_inferred_ratings.py CORPUS [CORPUS ...] [--list]

For every review of the given corpus folders (or CSV/Parquet files) that prints an overall
explicit rating (:func:`analysis.ratings.rating_comparison`), compares that rating, on 0-5 stars,
with the inferred one: the stars a review with the model's probability of being positive has on
average (:func:`analysis.review_polarity.expected_stars`, what the study reports), beside the
model's probability read as a star rating (``5 x probability``, what it reported before) and a
constant guess of the printed ratings' median, which needs no text at all. Printed: how many
rated reviews, the mean and median absolute error in stars and the largest; the Spearman rank
correlation of each with the printed ratings; and how often the model's side (probability ≥ 0.5)
agrees with the printed rating's side of the scale's middle. ``--list`` prints each review's
figures.

Nothing is fitted here: the two mappings differ only in where they put a probability on the
scale, so they rank the reviews alike and the correlation is the same for both.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd

from analysis.corpus import load_corpus
from analysis.ratings import rating_comparison

SCALE_MIDDLE = 2.5


def rated_reviews(paths: list[Path]) -> pd.DataFrame:
    """One row per review with a printed overall rating: ``corpus``, ``review_id``,
    ``explicit_text``, ``explicit_stars``, ``positive_probability``, ``inferred_stars``."""
    tables = []
    for path in paths:
        table = rating_comparison(load_corpus(path))
        table = table[table["explicit_stars"].notna()]
        tables.append(table.assign(corpus=path.name)[
            ["corpus", "review_id", "explicit_text", "explicit_stars", "positive_probability", "inferred_stars"]
        ])
    return pd.concat(tables, ignore_index=True)


def agreement(rated: pd.DataFrame) -> pd.DataFrame:
    """Errors and rank correlation of each way of putting a number on the scale."""
    printed = rated["explicit_stars"]
    guesses = {
        "inferred stars (expected from P(positive))": rated["inferred_stars"],
        "5 x P(positive)": 5 * rated["positive_probability"],
        "the printed ratings' median, for every review": pd.Series(printed.median(), index=rated.index),
    }
    rows = []
    for method, stars in guesses.items():
        error = (stars - printed).abs()
        rows.append({
            "method": method,
            "reviews": len(rated),
            "mean_abs_error": round(error.mean(), 3),
            "median_abs_error": round(error.median(), 3),
            "max_abs_error": round(error.max(), 2),
            "spearman": round(stars.corr(printed, method="spearman"), 3) if stars.nunique() > 1 else float("nan"),
        })
    return pd.DataFrame(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpora", nargs="+", type=Path)
    parser.add_argument("--list", action="store_true", help="print each rated review's figures")
    args = parser.parse_args()
    rated = rated_reviews(args.corpora)
    with pd.option_context("display.width", 200, "display.max_columns", 20, "display.max_rows", 500):
        if args.list:
            print(rated.round(3).to_string(index=False), end="\n\n")
        print(agreement(rated).to_string(index=False))
    sides = ((rated["positive_probability"] >= 0.5) == (rated["explicit_stars"] > SCALE_MIDDLE)).mean()
    print(f"\nthe model's side agrees with the printed rating's side of {SCALE_MIDDLE} stars: {sides:.3f}")


if __name__ == "__main__":
    main()
