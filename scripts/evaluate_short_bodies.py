"""How does the review model read a body of one sentence, with a verdict and without?

Usage: python scripts/evaluate_short_bodies.py [--datasets DIR] [--per-group N]

The inferred rating (:func:`analysis.review_polarity.score_reviews`, the n-gram model stacked
with the statistics of the encoder's sentence margins) was fitted and cross-validated on whole
reviews of 130 words and more (all but one of the 1,400 polarity development reviews). A web
copy whose body is one short line ("Review to follow.", a capsule review) lies outside that
range. This script scores single sentences as whole bodies, `N` drawn (seeded) from each of four
groups of the development halves: the subjectivity data set's plot sentences (objective: no
verdict at all) and quotes (subjective), and the sentence-polarity snippets, positive and
negative. Printed per group: the mean P(positive), the share read confidently (P < 0.1 or
P > 0.9), the mean distance of P from 0.5, and for the snippets the share read on their label's
side. A sentence with no verdict should be read near 0.5; a confident share near that of the
snippets says the model cannot tell a short body without a verdict from one with it.

The encoder was fine-tuned on the sentence-polarity snippets, so their figures are in-sample
(optimistic); the plot sentences' figures are not.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

# training/ is not installed with the package: import it (and analysis) from this checkout.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402

from analysis.review_polarity import score_reviews  # noqa: E402
from training.data import DEFAULT_DATASETS, load_task  # noqa: E402

SEED = 13
CONFIDENT = 0.1  # P below this or above 1 - this is a confident reading


def sentence_groups(datasets: Path, per_group: int) -> dict[str, tuple[list[str], int | None]]:
    """Group name -> (sentences, the label a reading should side with, or None for no verdict)."""
    rng = random.Random(SEED)
    subjective, subjective_labels = load_task("subjectivity", datasets)
    polarity, polarity_labels = load_task("sentence-polarity", datasets)

    def drawn(texts: list[str], labels: np.ndarray, label: int) -> list[str]:
        return rng.sample([text for text, own in zip(texts, labels) if own == label], per_group)

    return {
        "plot sentences (no verdict)": (drawn(subjective, subjective_labels, 0), None),
        "quotes (subjective)": (drawn(subjective, subjective_labels, 1), None),
        "positive snippets": (drawn(polarity, polarity_labels, 1), 1),
        "negative snippets": (drawn(polarity, polarity_labels, 0), 0),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", type=Path, default=DEFAULT_DATASETS)
    parser.add_argument("--per-group", type=int, default=500, metavar="N")
    args = parser.parse_args(argv)
    try:
        groups = sentence_groups(args.datasets, args.per_group)
    except (FileNotFoundError, ValueError) as problem:
        parser.error(str(problem))
    print(f"{'one-sentence bodies':30s} {'n':>5s} {'mean P':>7s} {'confident':>9s} {'|P-0.5|':>8s} {'on label side':>13s}")
    for name, (sentences, label) in groups.items():
        probability = score_reviews(sentences)["positive_probability"].to_numpy()
        confident = np.mean((probability < CONFIDENT) | (probability > 1 - CONFIDENT))
        side = "" if label is None else f"{np.mean((probability >= 0.5) == bool(label)):.3f}"
        print(
            f"{name:30s} {len(sentences):5d} {probability.mean():7.3f} {confident:9.3f} "
            f"{np.abs(probability - 0.5).mean():8.3f} {side:>13s}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
