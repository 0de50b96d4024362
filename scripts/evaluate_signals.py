"""How well do the prose verdict signals alone tell a positive review from a negative one?

Usage: python scripts/evaluate_signals.py [--datasets DIR]

Reads the development half of Pang & Lee's polarity data set v2.0 (1,400 reviews) and sums each
review's signal weights (analysis.signals, hand-set cues, nothing fitted). A review with a
positive sum is called positive, a negative sum negative; a review without signals, or whose
signals cancel, abstains. Prints coverage (reviews with a non-zero sum), accuracy on those, and
accuracy on all reviews when an abstention counts as positive (the data set is balanced, so
that is a coin toss). Three cues were adjusted after reading this data ("not bad", "one of the
most <negative word>", "not just"), so these are development figures, not held-out ones.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd

from analysis.paths import PROJECT_ROOT
from analysis.signals import text_signals

DEFAULT_DATASETS = PROJECT_ROOT.parent / "shared" / "datasets"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", type=Path, default=DEFAULT_DATASETS)
    args = parser.parse_args(argv)
    folder = args.datasets / "movie-review-polarity-dev"
    if not folder.is_dir():
        parser.error(f"--datasets: no folder {folder}")
    rows = []
    for label in ("pos", "neg"):
        for path in sorted((folder / label).glob("*.txt")):
            signals = text_signals(path.read_text(encoding="utf-8"))
            rows.append({"label": label, "signals": len(signals), "net_weight": signals["weight"].sum()})
    table = pd.DataFrame(rows)
    decided = table[table["net_weight"] != 0]
    correct = (decided["net_weight"] > 0) == (decided["label"] == "pos")
    overall = ((table["net_weight"] >= 0) == (table["label"] == "pos")).mean()
    print(f"data: {folder} ({len(table)} reviews)")
    print(f"reviews with at least one signal: {(table['signals'] > 0).mean():.3f}")
    print(f"coverage (non-zero net weight):   {len(decided) / len(table):.3f}")
    print(f"accuracy on covered reviews:      {correct.mean():.3f}")
    print(f"accuracy on all (ties positive):  {overall:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
