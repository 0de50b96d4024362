"""Rebuild the shipped n-gram models and encoder heads in analysis/data/models/ from the development data.

Usage: python scripts/train_models.py [--datasets DIR] [--only NAME ...]

DIR defaults to ../shared/datasets relative to the project root (``datasets`` in
training/recipes.yaml, which holds every recipe; the code is in training/). NAME is one of the
three n-gram models or ``encoder-heads``. Each n-gram model is cross-validated (10 folds,
stratified, fixed seed), calibrated on its out-of-fold scores, refit on all its data and written
as gzipped JSON with no time stamp, so two runs give identical bytes (compare with
``sha256sum analysis/data/models/*.json.gz``). ``encoder-heads`` fits the heads on the shipped
encoder's outputs and their stacks with the n-gram models on 5-fold out-of-fold scores (the
praise margins from scripts/data/sentence-polarity-encoder-folds.json.gz); rebuild the encoder
itself first with scripts/train_encoder.py, which alone needs PyTorch.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

# training/ is not installed with the package: import it (and analysis) from this checkout.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis.encoder_heads import HEADS_FILE  # noqa: E402
from analysis.sentiment import MODEL_NAMES  # noqa: E402
from training.build import build_heads, build_model  # noqa: E402
from training.data import DEFAULT_DATASETS, PROJECT_ROOT, model_bytes  # noqa: E402

MODELS_DIR = PROJECT_ROOT / "analysis" / "data" / "models"


def _write(name: str, content: dict) -> str:
    data = model_bytes(content)
    (MODELS_DIR / f"{name}.json.gz").write_bytes(data)
    return f"{len(data) / 1e6:.2f} MB, sha256 {hashlib.sha256(data).hexdigest()[:16]}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", type=Path, default=DEFAULT_DATASETS)
    names = [*MODEL_NAMES, HEADS_FILE]
    parser.add_argument("--only", nargs="+", choices=names, default=names)
    args = parser.parse_args(argv)
    MODELS_DIR.mkdir(parents=True, exist_ok=True)
    for name in args.only:
        if name == HEADS_FILE:
            heads = build_heads(args.datasets, progress=lambda m: print(m, flush=True))
            print(f"{name}: {_write(name, heads)}", flush=True)
            for task in MODEL_NAMES:
                cv = heads[task]["cross_validation"]["stacked"]
                print(f"  {task} stacked: CV accuracy {cv['accuracy_mean']:.4f} ± {cv['accuracy_sd']:.4f}")
            continue
        model = build_model(name, args.datasets)
        cv = model["cross_validation"]
        print(
            f"{name}: {len(model['weights'])} n-grams, {_write(name, model)}, "
            f"CV accuracy {cv['accuracy_mean']:.4f} ± {cv['accuracy_sd']:.4f}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
