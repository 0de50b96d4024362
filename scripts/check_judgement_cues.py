"""How often do judgement cues agree with the label of the text they stand in?

Usage: python scripts/check_judgement_cues.py [--datasets DIR] WORD [WORD ...]

For each WORD, a cue of ``analysis/data/judgement-cues.yaml`` (add a candidate there first), the
matches of :func:`analysis.signals.judgement_cues` (negation and comparison foils applied) in
two development sets: the 5,332 sentence-polarity snippets (does the cue's polarity agree with
the snippet's label?) and the 1,400 polarity reviews (with the review's label?). Prints a row
per word and the totals: how a round of cues is checked before it ships (see the comments of
``judgement-cues.yaml``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

PROJECT_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT_ROOT))

from analysis.resources import read_yaml  # noqa: E402
from analysis.signals import judgement_cues  # noqa: E402
from training.data import DEFAULT_DATASETS, load_task  # noqa: E402


def labelled_texts(datasets: Path) -> dict[str, list[tuple[str, int]]]:
    """Each development set's texts with their label (+1 positive, -1 negative)."""
    sets = {}
    for name, task in (("snippets", "sentence-polarity"), ("reviews", "review-polarity")):
        texts, labels = load_task(task, datasets)
        sets[name] = [(text, 1 if label else -1) for text, label in zip(texts, labels)]
    return sets


def agreement_table(words: list[str], texts: dict[str, list[tuple[str, int]]]) -> pd.DataFrame:
    """Per word and set: matches, and how many of them have the polarity of their text's label."""
    counts = {word: {} for word in words}
    for name, labelled in texts.items():
        for word in words:
            counts[word].update({f"{name}_matches": 0, f"{name}_agree": 0})
        for text, label in labelled:
            lowered = text.lower()
            if not any(word in lowered for word in words):
                continue
            for cue in judgement_cues(text):
                word = cue["span_text"].lower()
                if word in counts:
                    counts[word][f"{name}_matches"] += 1
                    counts[word][f"{name}_agree"] += cue["polarity"] == label
    return pd.DataFrame([{"word": word, **row} for word, row in counts.items()])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("words", nargs="+")
    parser.add_argument("--datasets", type=Path, default=DEFAULT_DATASETS)
    args = parser.parse_args(argv)
    if not (args.datasets / "sentence-polarity-dev").is_dir():
        parser.error(f"--datasets: no folder {args.datasets / 'sentence-polarity-dev'}")
    lexicon = read_yaml("judgement-cues.yaml")
    words = [word.lower() for word in args.words]
    unknown = [word for word in words if word not in lexicon["positive"] and word not in lexicon["negative"]]
    if unknown:
        parser.error(f"not judgement cues (add them to judgement-cues.yaml first): {unknown}")
    table = agreement_table(words, labelled_texts(args.datasets))
    totals = table.drop(columns="word").sum()
    print(table.to_string(index=False))
    for name in ("snippets", "reviews"):
        matches, agree = int(totals[f"{name}_matches"]), int(totals[f"{name}_agree"])
        print(f"{name}: {agree} / {matches} matches agree with their text's label" + (f" ({agree / matches:.0%})" if matches else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
