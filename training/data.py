"""The training recipes and the labelled data they are trained on.

The recipes live in ``training/recipes.yaml`` (data, not code): for each of the three models
that :mod:`analysis.sentiment` ships, its data set and classes and the ``recipe`` its model file
records; the cross-validation folds and seed; and the sentence encoder and its heads. This module reads
them once, at import, into :data:`TASKS` and the constants below, and loads a task's texts and
the review-sentence lexicon of the praise model.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
import yaml

from analysis.features import text_features
from analysis.sentiment import MODEL_NAMES, VADER_FEATURES, vader_scores

PROJECT_ROOT = Path(__file__).resolve().parent.parent
RECIPES_FILE = Path(__file__).resolve().parent / "recipes.yaml"
RECIPES: dict[str, Any] = yaml.safe_load(RECIPES_FILE.read_text(encoding="utf-8"))

DEFAULT_DATASETS = (PROJECT_ROOT / RECIPES["datasets"]).resolve()
CV_FOLDS: int = RECIPES["cross_validation"]["folds"]
CV_SEED: int = RECIPES["cross_validation"]["seed"]
ENCODER_FOLDS: int = RECIPES["cross_validation"]["encoder_folds"]
# The shipped encoder graph and tokenizer, and the stored fold-wise margins.
ENCODER_FILES: dict[str, Path] = {
    key: PROJECT_ROOT / RECIPES["encoder"][key] for key in ("model", "tokenizer", "fold_margins")
}
# Each task's encoder head (analysis.encoder_heads): its input and regularisation.
HEADS: dict[str, dict[str, Any]] = RECIPES["heads"]
# Version of the files written from here (model files, the encoder's stored fold margins).
FORMAT_VERSION = 1


class Task(NamedTuple):
    """One labelled data set and the recipe of the model trained on it."""

    name: str
    description: str
    folder: str
    positive: str  # a file of one text per line, or a folder of one text per file
    negative: str
    positive_class: str
    negative_class: str
    citation: str
    recipe: dict[str, Any]


TASKS = {name: Task(name=name, **entry) for name, entry in RECIPES["models"].items()}
if tuple(TASKS) != MODEL_NAMES:
    raise ValueError(f"{RECIPES_FILE}: models must be {', '.join(MODEL_NAMES)}, in that order")


def _read_texts(path: Path) -> list[str]:
    if path.is_dir():
        return [file.read_text(encoding="utf-8") for file in sorted(path.glob("*.txt"))]
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_task(name: str, datasets_dir: Path) -> tuple[list[str], np.ndarray]:
    """The texts of task `name` (positives first, files in name order) and 0/1 labels."""
    if name not in TASKS:
        raise ValueError(f"name must be one of {', '.join(TASKS)}; got {name!r}")
    task = TASKS[name]
    folder = Path(datasets_dir) / task.folder
    if not folder.is_dir():
        raise FileNotFoundError(
            f"datasets_dir {datasets_dir} has no folder {task.folder!r} (see its README.md)"
        )
    positive = _read_texts(folder / task.positive)
    negative = _read_texts(folder / task.negative)
    labels = np.array([1] * len(positive) + [0] * len(negative), dtype=int)
    return positive + negative, labels


def _vader_matrix(texts: Sequence[str]) -> np.ndarray:
    return vader_scores(texts)[list(VADER_FEATURES)].to_numpy()


def review_sentence_lexicon(datasets_dir: Path, recipe: dict[str, Any]) -> dict[str, float]:
    """NB log-count ratios of n-grams in the sentences of positive vs negative reviews.

    Every line of a Polarity v2.0 review is taken as a sentence labelled with its review's
    label (a weak, noisy label: a positive review has negative sentences too). The ratios use
    n-grams in at least 2 sentences, add-one smoothing, and the sentence model's own recipe;
    they give the sentence model one more input, the sum of the ratios of a sentence's n-grams
    (transfer from 1,400 reviews; Pang & Lee's data sets share their source and era).
    """
    texts, labels = load_task("review-polarity", datasets_dir)
    positive: dict[str, int] = {}
    negative: dict[str, int] = {}
    for text, label in zip(texts, labels, strict=True):
        counts = positive if label == 1 else negative
        for line in text.splitlines():
            for feature in text_features(line, recipe):
                counts[feature] = counts.get(feature, 0) + 1
    vocabulary = sorted(
        f for f in set(positive) | set(negative) if positive.get(f, 0) + negative.get(f, 0) >= 2
    )
    p = 1.0 + np.array([positive.get(f, 0) for f in vocabulary], dtype=float)
    q = 1.0 + np.array([negative.get(f, 0) for f in vocabulary], dtype=float)
    ratios = np.log(p / p.sum()) - np.log(q / q.sum())
    return dict(zip(vocabulary, ratios.tolist(), strict=True))


def model_bytes(content: dict[str, Any]) -> bytes:
    """`content` as gzipped JSON, identical bytes for identical content (no time stamp)."""
    text = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)
